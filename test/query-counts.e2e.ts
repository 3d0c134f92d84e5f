import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest';
import { databaseUrl } from '../shared/postgres.ts';
import { networks } from '../shared/networks.ts';
import { createMember } from '../subgraphs/network/members.ts';
import { MemberSchema } from '../subgraphs/network/entities/index.ts';
import { createLoaders, memberLists, prepareMemberReads, type Loaders } from '../subgraphs/network/loaders.ts';
import { demoMembers, seedDemoData } from '../subgraphs/network/seeders/demo.seeder.ts';
import {
  AttachmentSchema,
  InquirySchema,
  InvitationSchema,
  OutboxEventSchema,
  QuoteRevisionSchema,
  QuoteSchema,
  WebhookDeliverySchema,
  WebhookSchema,
} from '../subgraphs/region/inquiries/entities.ts';
import resultShaping from '@apollo/gateway/dist/resultShaping.js';
import { computeResponse } from '../gateway/result-shaping.ts';
import { createMember as createMemberInGraph } from './support/members.ts';
import { ok, startStack, type Stack } from './support/stack.ts';

// Work per request must not grow with the page size: SQL statements and subgraph calls are counted, not timed.

let stack: Stack;
let token: string;
/** SQL statements each network's demo seeding sent, by network. */
const seedStatements = new Map<string, number>();

const deepQuery = `query($first: Int, $filter: MemberFilter) {
  members(first: $first, filter: $filter) { totalCount edges { node {
    id name city network { code name }
    processes { code name } certifications { standard valid } services { title processes { code } } contacts { name email }
  } } }
}`;

function sqlCount(): number {
  return [...stack.networks.values()].reduce((sum, s) => sum + s.sql.count, 0);
}

function subgraphCalls(): number {
  return [...stack.gateway.subgraphCalls.values()].reduce((a, b) => a + b, 0);
}

function networkCalls(): number {
  return [...stack.region.clients.values()].reduce((sum, c) => sum + c.calls, 0);
}

async function measure(variables: Record<string, unknown>) {
  const sql = sqlCount();
  const calls = subgraphCalls();
  const internal = networkCalls();
  const res = await stack.query(deepQuery, variables, token);
  expect(res.errors).toBeUndefined();
  const touched = new Set(res.data.members.edges.map((e: { node: { network: { code: string } } }) => e.node.network.code)).size;
  return {
    touched,
    edges: res.data.members.edges.length,
    sql: sqlCount() - sql,
    subgraphCalls: subgraphCalls() - calls,
    networkCalls: networkCalls() - internal,
  };
}

beforeAll(async () => {
  stack = await startStack();
  token = await stack.token({ role: 'partner' });
  const niwe = stack.networks.get('NIWE')!;
  for (let i = 0; i < 110; i++) {
    await createMember(niwe.orm.em.fork(), {
      name: `Serienfertiger ${String(i).padStart(3, '0')} GmbH`,
      postalCode: '37269',
      city: 'Eschwege',
      processes: ['3.2.3', '3.2.1'],
      certifications: [
        { standard: 'ISO 9001', validUntil: '2030-01-01' },
        { standard: 'IATF 16949', validUntil: '2030-01-01' },
      ],
      services: [
        { title: 'Fräsen', processes: ['3.2.3'] },
        { title: 'Drehen', processes: ['3.2.1'] },
      ],
      contacts: [{ name: 'Kontakt', email: 'k@serie.example' }],
    });
  }
  for (const code of ['LINAT', 'KONAT']) {
    const before = sqlCount();
    await seedDemoData(stack.networks.get(code)!.orm.em.fork(), networks.find((n) => n.code === code)!);
    seedStatements.set(code, sqlCount() - before);
  }
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

describe('the gateway', () => {
  test("shapes its answers with its own result shaping, not Apollo's (gateway/result-shaping.ts)", async () => {
    expect(resultShaping.computeResponse).toBe(computeResponse);
    // The query plan executor reads the export at each request: a spy put there now sees this one.
    const shaping = vi.spyOn(resultShaping, 'computeResponse');
    try {
      const res = await stack.query(deepQuery, { first: 2 }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data.members.edges).toHaveLength(2);
      expect(shaping).toHaveBeenCalledTimes(1);
    } finally {
      shaping.mockRestore();
    }
    expect(resultShaping.computeResponse).toBe(computeResponse);
  });
});

describe('one network', () => {
  test('SQL statements per request are the same for first = 1, 50 and 100', async () => {
    const counts = [];
    for (const first of [1, 50, 100]) {
      const m = await measure({ first, filter: { networks: ['NIWE'] } });
      expect(m.edges).toBe(first);
      counts.push(m);
    }
    // 2 for the search (page + count), 1 for the page's members with their certifications, services and contacts.
    expect(counts.map((c) => c.sql)).toEqual([3, 3, 3]);
    // Gateway: region alone, which answers the members' fields (NIWE read them within its search) and their network.
    // Before internal API 1.8 it was region for the page, NIWE for the member fields, region again for the Network.
    expect(counts.map((c) => c.subgraphCalls)).toEqual([1, 1, 1]);
    expect(counts.map((c) => c.networkCalls)).toEqual([1, 1, 1]);
  });
});

describe('prepared statements', () => {
  /** The statements NIWE's database ran during `work`, as the server records them (pg_stat_statements, preloaded by shared/postgres.ts). */
  async function niweStatements(work: () => Promise<unknown>): Promise<{ query: string; calls: number; plans: number }[]> {
    // Read as the server's user: the service's own role may not create the extension.
    const client = new pg.Client({ connectionString: databaseUrl(inject('postgresUrl'), stack.networks.get('NIWE')!.orm.config.get('dbName')!) });
    await client.connect();
    const database = `(select oid from pg_database where datname = current_database())`;
    try {
      await client.query('create extension if not exists pg_stat_statements');
      await client.query(`select pg_stat_statements_reset(0, ${database}, 0)`);
      await work();
      return (await client.query(`select query, calls::int, plans::int from pg_stat_statements where dbid = ${database}`)).rows;
    } finally {
      await client.end();
    }
  }
  /** The entity loads among the statements: the members, with the lists they bring along. */
  const memberLoads = (rows: { query: string; calls: number }[]) => rows.filter((r) => /from "member" where "id" = any/.test(r.query));
  const listsIn = (query: string) =>
    ['service', 'certification', 'contact_person'].filter((table) => query.includes(`from "${table}" t where t."member_id" = p.id`));

  test('entity loads reach PostgreSQL with their keys bound, one text whatever the number of keys', async () => {
    const rows = await niweStatements(async () => {
      for (const first of [3, 7]) await measure({ first, filter: { networks: ['NIWE'] } });
    });
    // The members with their lists: one text for three members and for seven, its keys one array parameter.
    const loads = memberLoads(rows);
    expect(loads).toHaveLength(1);
    expect(loads[0].calls).toBe(2);
    expect(loads[0].query).toMatch(/where "id" = any\(\(select \$1::int\[\]\)::int\[\]\)\) p order by p\.id$/);
    expect(listsIn(loads[0].query)).toEqual(['service', 'certification', 'contact_person']);
  });

  test('an entity fetch brings the lists it selects, through fragments, and contacts only to a reader who may see them', async () => {
    const member = (fields: string, fragments = '') =>
      `query($id: ID!${fields.includes('$on') ? ', $on: Boolean!' : ''}) { member(id: $id) { id ${fields} } } ${fragments}`;
    const ask = async (query: string, bearer?: string, on = true) => {
      const res = await stack.query(query, { id: 'NIWE:m-1', ...(query.includes('$on') && { on }) }, bearer);
      expect(res.errors).toBeUndefined();
      return res.data.member;
    };
    const brought = async (query: string, bearer?: string, on = true) => {
      let answer: Record<string, unknown> = {};
      // Region's existence check, the first time it meets the member, is the plain load of the member alone.
      const along = memberLoads(await niweStatements(async () => (answer = await ask(query, bearer, on)))).filter((r) => r.query.includes(') p order by p.id'));
      expect(along.length).toBeLessThanOrEqual(1);
      return { lists: along.length ? listsIn(along[0].query) : [], answer };
    };
    // Without a token contacts are not shown, so not read.
    const anonymous = await brought(member('services { title } contacts { name }'));
    expect(anonymous.lists).toEqual(['service']);
    expect(anonymous.answer.contacts).toEqual([]);
    const partner = await brought(member('services { title } contacts { name }'), token);
    expect(partner.lists).toEqual(['service', 'contact_person']);
    expect(partner.answer.contacts).toEqual([{ name: 'Kontakt' }]);
    // A named fragment and an alias.
    const fragment = await brought(member('...Lists', 'fragment Lists on Member { certs: certifications { standard } name }'), token);
    expect(fragment.lists).toEqual(['certification']);
    expect(fragment.answer.certs).toEqual([{ standard: 'IATF 16949' }, { standard: 'ISO 9001' }]);
    // A list that @include or @skip leaves out for the request's variables is not read; one they keep is.
    const conditional = member('services @skip(if: $on) { title } contacts @include(if: $on) { name } certifications @include(if: true) { standard }');
    expect((await brought(conditional, token, false)).lists).toEqual(['service', 'certification']);
    expect((await brought(conditional, token, true)).lists).toEqual(['certification', 'contact_person']);
    // No list selected: the member alone, as before.
    expect((await brought(member('name'))).lists).toEqual([]);
  });

  test('the prepared statements are planned once per connection, not on every call', async () => {
    const niwe = stack.networks.get('NIWE')!;
    const dbName = niwe.orm.config.get('dbName')!;
    const admin = new pg.Client({ connectionString: databaseUrl(inject('postgresUrl'), dbName) });
    await admin.connect();
    // pg_stat_statements counts plans only with track_planning: on for NIWE's database alone, which a session reads
    // when it starts. The service's idle sessions are held here meanwhile, so its requests open new ones.
    await admin.query(`alter database "${dbName}" set pg_stat_statements.track_planning = on`);
    const pool: pg.Pool = await niwe.orm.em.getConnection().getNativeClient();
    const held = await Promise.all(Array.from({ length: pool.idleCount }, () => pool.connect()));
    try {
      // Region learns which of the texts' words another network's members use first: meeting one, it asks the networks
      // that lack it once more (subgraphs/region/members/known-words.ts), a lookup more here than the 60 counted below.
      const texts = ['Fraesen', 'Spritzguss Eisenach', 'Drehteile Stahl', 'Werkzeugbau'];
      for (const text of texts)
        expect(
          (await stack.query('query($text: String) { members(first: 3, filter: { text: $text }) { edges { node { id } } } }', { text })).errors,
        ).toBeUndefined();
      const rows = await niweStatements(async () => {
        for (let n = 0; n < 60; n++) {
          const res = await stack.query('query($id: ID!) { member(id: $id) { id services { title } } }', { id: `NIWE:m-${1 + (n % 30)}` });
          expect(res.errors).toBeUndefined();
        }
        for (let n = 0; n < 60; n++) {
          // A word of its own in every text, new to the service each time: looked up every time (known-words.ts).
          const text = `${texts[n % 4]} Teil${n}`;
          const res = await stack.query('query($text: String) { members(first: 3, filter: { text: $text }) { edges { node { id name } } } }', { text });
          expect(res.errors).toBeUndefined();
        }
      });
      const statement = (pattern: RegExp) => {
        const found = rows.filter((r) => pattern.test(r.query));
        return { calls: found.reduce((sum, r) => sum + r.calls, 0), plans: found.reduce((sum, r) => sum + r.plans, 0) };
      };
      // The search's own statements go as text and are planned every time: plans are counted.
      const searched = statement(/^with hit as materialized/);
      expect(searched.calls).toBeGreaterThanOrEqual(60);
      expect(searched.plans).toBe(searched.calls);
      // Five plans for their parameters and the generic one, for each session the service used; with the array as a
      // bare parameter (shared/sql.ts boundArray) every call of these was planned.
      const profiles = statement(/^select p\.\*, .* from "service" t where t\."member_id" = p\.id/);
      const spellings = statement(/from unnest\(/);
      expect(profiles.calls).toBe(60);
      expect(spellings.calls).toBe(60);
      expect(profiles.plans).toBeLessThanOrEqual(18);
      expect(spellings.plans).toBeLessThanOrEqual(18);
    } finally {
      for (const client of held) client.release();
      await admin.query(`alter database "${dbName}" reset pg_stat_statements.track_planning`);
      await admin.end();
    }
  });

  test("an entity fetch brings the members' lists along in one statement, the same entities as loaded list by list", async () => {
    const niwe = stack.networks.get('NIWE')!;
    const reads = await prepareMemberReads(niwe.orm);
    const ids = (await niwe.orm.em.fork().find(MemberSchema, {}, { orderBy: { id: 'asc' }, limit: 12 })).map((m) => m.id);
    expect(ids).toHaveLength(12);
    const view = (loaders: Loaders, id: number) =>
      Promise.all([loaders.member.load(id), loaders.services.load(id), loaders.certifications.load(id), loaders.contacts.load(id)]).then(([member, ...lists]) =>
        JSON.stringify([member, ...lists.map((l) => l.map((e) => ({ ...e, member: e.member.id })))]),
      );
    const counted = async (read: () => Promise<string[]>) => {
      const before = niwe.sql.count;
      const views = await read();
      return { views, sql: niwe.sql.count - before };
    };
    const separate = createLoaders(reads);
    const byList = await counted(() => Promise.all(ids.map((id) => view(separate, id))));
    const together = createLoaders(reads);
    const along = await counted(async () => {
      await Promise.all(ids.map((id) => together.memberWith(id, memberLists)));
      return Promise.all(ids.map((id) => view(together, id)));
    });
    expect(byList.sql).toBe(4);
    expect(along.sql).toBe(1);
    expect(along.views).toEqual(byList.views);
    // Lists with more than one entry in a defined order, so the comparison sees the order: two services and two certificates each.
    expect(JSON.parse(along.views[0])[1]).toHaveLength(2);
    expect(JSON.parse(along.views[0])[2].map((c: { standard: string }) => c.standard)).toEqual(['IATF 16949', 'ISO 9001']);
    // A list not named comes with its own statement; the lists named are not read again.
    const some = createLoaders(reads);
    const partly = await counted(async () => {
      await Promise.all(ids.map((id) => some.memberWith(id, ['services'])));
      return Promise.all(ids.map((id) => view(some, id)));
    });
    expect(partly.sql).toBe(3);
    expect(partly.views).toEqual(byList.views);
  });
});

describe('search and matching', () => {
  const searchQuery = `query($first: Int) {
    members(first: $first, filter: { networks: [NIWE], text: "Serienfertiger", processes: ["3.2"], certifications: ["IATF 16949"], near: { postalCode: "37269", radiusKm: 50 } }) {
      totalCount facets { networks { count } processMainGroups { count } certifications { count } }
      edges { score distanceKm matched { text } node { id name services { title } certifications { standard } contacts { name } } }
    }
  }`;
  const suppliersQuery = `query($first: Int) {
    findSuppliers(first: $first, requirements: { networks: [NIWE], processes: ["3.2.3"], material: "42CrMo4", certifications: ["ISO 9001"], deliveryLocation: { postalCode: "37269" } }) {
      totalCount edges { score breakdown { status } node { id name services { title } certifications { standard } contacts { name } } }
    }
  }`;

  async function count(query: string, first: number) {
    const sql = sqlCount();
    const res = await stack.query(query, { first }, token);
    expect(res.errors).toBeUndefined();
    const edges = (res.data.members ?? res.data.findSuppliers).edges.length;
    return { edges, sql: sqlCount() - sql };
  }

  test('a search with text, radius and facets costs the same statements for first = 1, 50 and 100', async () => {
    const counts = [await count(searchQuery, 1), await count(searchQuery, 50), await count(searchQuery, 100)];
    expect(counts.map((c) => c.edges)).toEqual([1, 50, 100]);
    // The close spellings of the words, for the first search only: the dictionary holds them (known-words.ts); a
    // sample of the hits with the count, the facets and the page ranked from it, as it holds every hit; then the
    // entity load with the lists. A sample that did not would add the tiers' walk, one statement. The networks facet
    // counts LINAT and KONAT too (not chosen, so that one can be added by it): two statements each, whatever first is.
    expect(counts.map((c) => c.sql)).toEqual([7, 6, 6]);
  });

  test("a word one network's members use is read as written in every network: the others are asked again once, when region meets it", async () => {
    // Each network looks up close spellings of a word its own dictionary lacks. Alone, KONAT read a NIWE member's
    // word as a typo and answered its close spellings beside the NIWE member (subgraphs/region/members/known-words.ts).
    const admin = await stack.token({ role: 'admin' });
    const create = async (network: string, name: string, description: string) =>
      (await createMemberInGraph(stack, admin, network, { name, postalCode: '99831', city: 'Ifta', description })).id;
    // NIWE's member uses the word; KONAT's a close spelling of it, which KONAT alone took the word for.
    const created = [await create('NIWE', 'Getriebeteile Ifta', 'Zahnradfertigung in Kleinserie'), await create('KONAT', 'Werk Creuzburg', 'Zahnradfertiger')];
    const search = () => stack.query(`{ members(filter: { text: "Zahnradfertigung" }) { totalCount edges { score node { name } } } }`, {}, token);
    try {
      // A word new to region: the three networks, and again those that read it as a typo and found something by it
      // (KONAT by its member's close spelling, LINAT by one of its own); a network that found nothing is not asked again.
      const start = networkCalls();
      const first = await search();
      expect(first.data.members).toEqual({ totalCount: 1, edges: [{ score: 0.6, node: { name: 'Getriebeteile Ifta' } }] });
      expect(networkCalls() - start).toBe(5);
      // A word held nowhere (a typo) finds its close spellings in every network, with no second asking.
      const typo = networkCalls();
      expect((await stack.query(`{ members(filter: { text: "Zahnradfertigunk" }) { totalCount } }`, {}, token)).data.members.totalCount).toBeGreaterThanOrEqual(
        2,
      );
      expect(networkCalls() - typo).toBe(3);
      // Known now: three calls, the same answer.
      const next = networkCalls();
      expect((await search()).data).toEqual(first.data);
      expect(networkCalls() - next).toBe(3);
    } finally {
      for (const id of created) expect((await stack.query(`mutation($id: ID!) { archiveMember(id: $id) { id } }`, { id }, admin)).errors).toBeUndefined();
    }
  });

  test('findSuppliers costs the same statements for first = 1, 50 and 100', async () => {
    const counts = [await count(suppliersQuery, 1), await count(suppliersQuery, 50), await count(suppliersQuery, 100)];
    expect(counts.map((c) => c.edges)).toEqual([1, 50, 100]);
    expect(counts.map((c) => c.sql)).toEqual([2, 2, 2]);
  });
});

describe('all networks', () => {
  test('each network costs a fixed number of statements, whatever the page size', async () => {
    const members = await Promise.all([...stack.networks.values()].map((n) => n.orm.em.fork().count(MemberSchema, { archivedAt: null })));
    for (const first of [1, 50, 100]) {
      const m = await measure({ first });
      expect(m.edges).toBe(first);
      // Region alone answers the page with its members' fields: no entity fetch, whichever networks hold the page.
      expect(m.subgraphCalls).toBe(1);
      // Each network a page and a count, except where its page (first + 1 asked) holds all its members and so is
      // its count: at first = 100 LINAT (75) and KONAT (56), not NIWE (110); and one statement for its page's members
      // with their lists (each network's page, also where region's merged page keeps none of it).
      const counted = members.filter((count) => count >= first + 1).length;
      expect(m.sql).toBe(3 + counted + 3);
      expect(m.networkCalls).toBe(3);
    }
    expect(members.filter((count) => count < 101)).toHaveLength(2);
  });
});

describe('inquiries', () => {
  const inquiriesQuery = `query($first: Int) {
    inquiries(first: $first) { id status invitations { status score } quotes { id revisions { revision } } attachments { id fileName } }
  }`;
  const bidder = 'NIWE:m-1';

  /** 100 open inquiries of one partner, each with two invitations, a quote of the bidder in two revisions and an attachment. */
  async function seedInquiries(owner: string) {
    const em = stack.region.orm.em.fork();
    const quoteDeadline = new Date(Date.now() + 7 * 86_400_000);
    for (let n = 0; n < 100; n++) {
      const inquiry = em.create(InquirySchema, {
        ownerKey: owner,
        ownerMemberId: null,
        ownerNetwork: null,
        customer: null,
        title: `Flansch ${n}`,
        partDescription: 'Flansch DN 50',
        processCodes: ['3.2.3'],
        material: null,
        quantities: [{ quantity: 500, batchSize: null }],
        tolerance: null,
        certifications: [],
        documents: [],
        ppapLevel: null,
        postalCode: '37269',
        latitude: 51.19,
        longitude: 10.05,
        deliveryDate: '2099-01-01',
        quoteDeadline,
        status: 'OPEN',
        awardedQuoteId: null,
        deadlineNoticeAt: null,
      });
      await em.flush();
      for (const [memberId, network] of [
        [bidder, 'NIWE'],
        ['LINAT:m-1', 'LINAT'],
      ]) {
        em.create(InvitationSchema, {
          inquiry,
          memberId,
          network,
          status: 'QUOTED',
          declineReason: null,
          score: 0.8,
          distanceKm: 12,
          certifications: [],
        });
      }
      const terms = { priceTiers: [{ minQuantity: 1, unitPrice: 12.5 }], currency: 'EUR', leadTimeDays: 20, validUntil: '2099-01-01', notes: null };
      const quote = em.create(QuoteSchema, {
        ...terms,
        inquiry,
        memberId: bidder,
        network: 'NIWE',
        consortium: null,
        status: 'SUBMITTED',
        revision: 2,
      });
      await em.flush();
      for (const revision of [1, 2]) em.create(QuoteRevisionSchema, { ...terms, quote, revision });
      em.create(AttachmentSchema, {
        inquiry,
        fileName: 'flansch.pdf',
        contentType: 'application/pdf',
        size: 9,
        sha256: '0'.repeat(64),
        storageName: `counting-${n}`,
        uploadedBy: owner,
      });
    }
    await em.flush();
  }

  async function statements(token: string, first: number) {
    const sql = stack.region.sql.count;
    const res = await stack.query(inquiriesQuery, { first }, token);
    expect(res.errors).toBeUndefined();
    const inquiries = res.data.inquiries;
    for (const inquiry of inquiries) expect([inquiry.quotes.length, inquiry.quotes[0].revisions.length, inquiry.attachments.length]).toEqual([1, 2, 1]);
    return { inquiries: inquiries.length, invitations: inquiries[0].invitations.length, sql: stack.region.sql.count - sql };
  }

  test('inquiries with their invitations, quotes, revisions and attachments cost the same statements for first = 1, 20 and 100', async () => {
    await seedInquiries('partner:counting-buyer');
    const callers = {
      owner: await stack.token({ role: 'partner', sub: 'counting-buyer' }),
      office: await stack.token({ role: 'office', network: 'NIWE' }),
      bidder: await stack.token({ role: 'member', network: 'NIWE', memberId: bidder }),
    };
    // 1 for the inquiries and 1 each for invitations, quotes, revisions and attachments; an office reads what its
    // members are invited to or asked into as consortium partners first (2 more), a member its invitations and
    // consortia (2 more). Views filter in memory.
    const expected = { owner: 5, office: 7, bidder: 7 };
    // Each caller sees all of the invitations (owner), those of its network (office) or its own (bidder).
    const invitations = { owner: 2, office: 1, bidder: 1 };
    for (const [caller, token] of Object.entries(callers) as [keyof typeof callers, string][]) {
      const counts = [await statements(token, 1), await statements(token, 20), await statements(token, 100)];
      expect(
        counts.map((c) => c.inquiries),
        caller,
      ).toEqual([1, 20, 100]);
      expect(
        counts.map((c) => c.invitations),
        caller,
      ).toEqual([invitations[caller], invitations[caller], invitations[caller]]);
      expect(
        counts.map((c) => c.sql),
        caller,
      ).toEqual([expected[caller], expected[caller], expected[caller]]);
    }
  });
});

describe('webhooks', () => {
  const webhooksQuery = `{ webhooks { id deliveries(first: 2) { eventId attempts } } }`;

  /** `count` webhooks of one partner, each with three deliveries, of which the newest two are asked for. */
  async function seedWebhooks(owner: string, count: number, events: string[]) {
    const em = stack.region.orm.em.fork();
    for (let n = 0; n < count; n++) {
      const webhook = em.create(WebhookSchema, {
        memberId: null,
        network: null,
        ownerKey: owner,
        url: `https://hooks.example/${n}`,
        events: ['QUOTE_RECEIVED'],
        secret: 'sealed',
      });
      await em.flush();
      for (const eventId of events)
        em.create(WebhookDeliverySchema, {
          webhook,
          event: eventId,
          eventType: 'QUOTE_RECEIVED',
          attempts: 1,
          lastStatus: 200,
          lastError: null,
          nextAttemptAt: null,
          deliveredAt: new Date(),
        });
    }
    await em.flush();
  }

  test('webhooks with their deliveries cost the same statements for 1, 20 and 100 webhooks', async () => {
    const em = stack.region.orm.em.fork();
    const events = ['e1', 'e2', 'e3'].map((name) =>
      em.create(OutboxEventSchema, {
        id: `00000000-0000-4000-8000-0000000000${name.slice(1).padStart(2, '0')}`,
        type: 'QUOTE_RECEIVED',
        inquiryId: 1,
        memberId: null,
        network: null,
        ownerKey: null,
        payload: {},
        fannedOut: true,
      }),
    );
    await em.flush();
    const counts = [];
    for (const count of [1, 20, 100]) {
      await seedWebhooks(
        `partner:hooks-${count}`,
        count,
        events.map((e) => e.id),
      );
      const token = await stack.token({ role: 'partner', sub: `hooks-${count}` });
      const sql = stack.region.sql.count;
      const res = await stack.query(webhooksQuery, {}, token);
      expect(res.errors).toBeUndefined();
      // The newest two of each webhook's three deliveries: the limit holds per webhook, not per statement.
      for (const webhook of res.data.webhooks) expect(webhook.deliveries.map((d: { eventId: string }) => d.eventId)).toEqual([events[2].id, events[1].id]);
      counts.push({ webhooks: res.data.webhooks.length, sql: stack.region.sql.count - sql });
    }
    // One for the webhooks, one for all of their deliveries.
    expect(counts).toEqual([
      { webhooks: 1, sql: 2 },
      { webhooks: 20, sql: 2 },
      { webhooks: 100, sql: 2 },
    ]);
  });
});

describe('operation caches', () => {
  test('an operation is kept from its second request on, and a flood of one-off operations leaves it there', async () => {
    const { documents, plans } = stack.gateway.caches;
    const query = '{ network(code: KONAT) { members(first: 2) { edges { node { id name } } } } }';
    const before = { documents: documents.keys().length, plans: plans.keys().length };
    await ok(stack.query(query));
    expect({ documents: documents.keys().length, plans: plans.keys().length }).toEqual(before);
    await ok(stack.query(query));
    expect({ documents: documents.keys().length, plans: plans.keys().length }).toEqual({ documents: before.documents + 1, plans: before.plans + 1 });
    const kept = { documents: documents.keys(), plans: plans.keys() };
    for (let n = 0; n < 30; n++) await ok(stack.query(`query OneOff${n} { network(code: KONAT) { members(first: 1) { edges { node { a${n}: id } } } } }`));
    expect({ documents: documents.keys(), plans: plans.keys() }).toEqual(kept);
  });

  test("a network keeps one document for fetches that differ only in the client's operation name", async () => {
    // Two operations, one selection: KONAT's entity fetch of the two plans is one text, seen twice, so KONAT keeps it
    // parsed and validated. With the client's name in it, the texts differed, and KONAT parsed and validated every new
    // name's fetch anew. (A page of members brings its fields from region; one member by id is fetched at KONAT.)
    const { documents } = stack.networks.get('KONAT')!;
    const before = documents.keys().length;
    for (const name of ['KonatCards', 'KonatTeaser']) {
      await ok(stack.query(`query ${name} { member(id: "KONAT:m-1") { id website postalCode } }`));
    }
    expect(documents.keys().length).toBe(before + 1);
  });
});

describe('demo data', () => {
  test('40 to 80 valid fictional members per network, located by their postal codes', async () => {
    for (const network of networks) {
      const members = demoMembers(network);
      expect(members.length).toBeGreaterThanOrEqual(40);
      expect(members.length).toBeLessThanOrEqual(80);
      expect(new Set(members.map((m) => m.name)).size).toBe(members.length);
    }
    const res = await stack.query(
      `{ members(first: 100, filter: { networks: [LINAT] }) { totalCount edges { node { location { latitude longitude } processes { code } certifications { standard } services { title } } } } }`,
    );
    expect(res.data.members.totalCount).toBe(demoMembers(networks[1]).length);
    for (const { node } of res.data.members.edges) {
      expect(node.location.latitude).toBeGreaterThan(50.5);
      expect(node.location.latitude).toBeLessThan(51.6);
      expect(node.processes.length).toBeGreaterThan(0);
      expect(node.certifications.length).toBeGreaterThan(0);
      expect(node.services.length).toBeGreaterThan(0);
    }
    // Seeding runs on an empty database only.
    expect(await seedDemoData(stack.networks.get('LINAT')!.orm.em.fork(), networks[1])).toBe(0);
    // A batch, whatever the number of members (LINAT 75, KONAT 56): begin, count, one insert per table (members,
    // certifications, services, contacts, audit entries), commit. One by one it was about ten per member.
    expect(demoMembers(networks[1]).length).not.toBe(demoMembers(networks[2]).length);
    expect(Object.fromEntries(seedStatements)).toEqual({ LINAT: 8, KONAT: 8 });
  });
});
