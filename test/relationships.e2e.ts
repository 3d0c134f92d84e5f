import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BusinessRelationshipSchema } from '../subgraphs/region/relationships/relationship.entity.ts';
import { parseRelationshipId } from '../subgraphs/region/ids.ts';
import { Migration20261206100000_relationship_facts } from '../subgraphs/region/migrations/Migration20261206100000_relationship_facts.ts';
import { queuedBehindLock } from './support/row-lock.ts';
import { createMember } from './support/members.ts';
import { ok, startStack, type GraphQLResponse, type Stack } from './support/stack.ts';

// Business relationships through the gateway across two networks: one member
// records, the other confirms, either ends; unconfirmed ones stay invisible to
// third parties; bad input changes nothing.

let stack: Stack;
const members: Record<string, string> = {};
const tokens: Record<string, string> = {};

const fields = 'id kind status crossNetwork requester { id } partner { id } confirmedAt endedAt';

const request = (token: string, partnerId: string, kind = 'SUPPLIER_OF'): Promise<GraphQLResponse> =>
  stack.query(`mutation($p: ID!, $k: RelationshipKind!) { requestRelationship(partnerId: $p, kind: $k) { ${fields} } }`, { p: partnerId, k: kind }, token);
const confirm = (token: string, id: string) => stack.query(`mutation($id: ID!) { confirmRelationship(id: $id) { ${fields} } }`, { id }, token);
const end = (token: string, id: string) => stack.query(`mutation($id: ID!) { endRelationship(id: $id) { ${fields} } }`, { id }, token);
async function relationshipsOf(token: string, memberId?: string, includeEnded = false): Promise<any[]> {
  return (
    await ok(stack.query(`query($m: ID, $e: Boolean) { relationships(memberId: $m, includeEnded: $e) { ${fields} } }`, { m: memberId, e: includeEnded }, token))
  ).relationships;
}
const code = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  stack = await startStack();
  tokens.admin = await stack.token({ role: 'admin' });
  // The suggestions' fixture: a turning shop in Eschwege; a hardening shop in Mühlhausen (29 km), a
  // coating and hardening shop in Eisenach (about 40 km) and one in Munich (over 300 km); a bonding shop
  // and another turning shop complement it not.
  const fixture: [key: string, network: string, postalCode: string, processes: string[]][] = [
    ['dreher', 'NIWE', '37269', ['3.2.1']],
    ['haerterei', 'LINAT', '99974', ['6.2']],
    ['dritter', 'LINAT', '99974', ['4.8']],
    ['beschichter', 'KONAT', '99817', ['5.4', '6.2']],
    ['muenchen', 'KONAT', '80331', ['6.2']],
    ['dreher2', 'KONAT', '99817', ['3.2.1']],
  ];
  for (const [key, network, postalCode, processes] of fixture) {
    const input = { name: `${key} GmbH`, postalCode, city: 'Ort', processes };
    ({ id: members[key], token: tokens[key] } = await createMember(stack, tokens.admin, network, input));
  }
  tokens.niweOffice = await stack.token({ role: 'office', network: 'NIWE' });
  tokens.linatOffice = await stack.token({ role: 'office', network: 'LINAT' });
});
afterAll(async () => {
  await stack?.stop();
});

describe('two-sided consent across networks', () => {
  let id: string;

  test('a request is seen by its two sides only until the partner confirms it', async () => {
    const requested = (await ok(request(tokens.dreher, members.haerterei, 'CUSTOMER_OF'))).requestRelationship;
    id = requested.id;
    expect(requested).toMatchObject({
      kind: 'CUSTOMER_OF',
      status: 'REQUESTED',
      crossNetwork: true,
      requester: { id: members.dreher },
      partner: { id: members.haerterei },
      confirmedAt: null,
    });
    expect((await relationshipsOf(tokens.dreher)).map((r) => r.id)).toEqual([id]);
    expect((await relationshipsOf(tokens.haerterei)).map((r) => r.id)).toEqual([id]);
    expect(await relationshipsOf(tokens.dritter, members.dreher)).toEqual([]);
    expect(await relationshipsOf(tokens.niweOffice, members.dreher)).toEqual([]);
    expect(code(await end(tokens.dritter, id))).toBe('NOT_FOUND');
    expect(code(await confirm(tokens.dritter, id))).toBe('NOT_FOUND');
  });

  test('the requester cannot confirm its own request; the partner can, and then everyone signed in sees it', async () => {
    const own = await confirm(tokens.dreher, id);
    expect(code(own)).toBe('FORBIDDEN');
    expect((await relationshipsOf(tokens.dreher))[0].status).toBe('REQUESTED');
    const confirmed = (await ok(confirm(tokens.haerterei, id))).confirmRelationship;
    expect(confirmed.status).toBe('CONFIRMED');
    expect(Date.parse(confirmed.confirmedAt)).toBeGreaterThan(0);
    expect((await relationshipsOf(tokens.dritter, members.dreher)).map((r) => [r.id, r.status])).toEqual([[id, 'CONFIRMED']]);
    expect((await relationshipsOf(tokens.niweOffice, members.haerterei)).map((r) => r.id)).toEqual([id]);
    expect(code(await confirm(tokens.haerterei, id))).toBe('CONFLICT');
  });

  test('either side ends it; it then leaves the lists, and the pair may record it again', async () => {
    const ended = (await ok(end(tokens.haerterei, id))).endRelationship;
    expect(ended.status).toBe('ENDED');
    expect(await relationshipsOf(tokens.dritter, members.dreher)).toEqual([]);
    expect(await relationshipsOf(tokens.dreher)).toEqual([]);
    expect((await relationshipsOf(tokens.dreher, undefined, true)).map((r) => r.status)).toEqual(['ENDED']);
    expect(code(await end(tokens.dreher, id))).toBe('CONFLICT');
    const again = (await ok(request(tokens.haerterei, members.dreher, 'CUSTOMER_OF'))).requestRelationship;
    expect((await ok(end(tokens.dreher, again.id))).endRelationship.status).toBe('ENDED');
  });
});

describe('a confirm and an end at once', () => {
  test('an end that gets the row first stands: the confirm after it is CONFLICT, and the relationship stays ENDED', async () => {
    const requested = (await ok(request(tokens.dreher, members.haerterei, 'SUPPLIER_OF'))).requestRelationship;
    const local = parseRelationshipId(requested.id);
    // Both read REQUESTED; the end then writes first.
    const [ended, confirmed] = await queuedBehindLock(
      stack.regionDatabaseUrl,
      { sql: 'select 1 from business_relationship where id = $1 for update', params: [local] },
      `${local}`,
      [() => end(tokens.dreher, requested.id), () => confirm(tokens.haerterei, requested.id)],
    );
    expect(ended.data?.endRelationship.status).toBe('ENDED');
    expect(code(confirmed)).toBe('CONFLICT');
    const row = await stack.region.orm.em.fork().findOneOrFail(BusinessRelationshipSchema, local);
    expect([row.status, row.confirmedAt]).toEqual(['ENDED', null]);
  });
});

describe('bad input: a clear error with its code, nothing changed', () => {
  test('oneself, a duplicate either way round, unknown and malformed member ids, and callers that are not members', async () => {
    const self = await request(tokens.dreher, members.dreher);
    expect(code(self)).toBe('BAD_USER_INPUT');
    expect(self.errors?.[0].extensions?.field).toBe('partnerId');

    const first = (await ok(request(tokens.dreher, members.dritter, 'JOINT_PROJECT'))).requestRelationship;
    expect(code(await request(tokens.dreher, members.dritter, 'JOINT_PROJECT'))).toBe('CONFLICT');
    expect(code(await request(tokens.dritter, members.dreher, 'JOINT_PROJECT'))).toBe('CONFLICT');
    // Two requests racing for the same pair: the database's unique index lets one through.
    const raced = await Promise.all([
      request(tokens.haerterei, members.dritter, 'DEVELOPMENT_PARTNER'),
      request(tokens.dritter, members.haerterei, 'DEVELOPMENT_PARTNER'),
    ]);
    expect(raced.map(code).sort()).toEqual(['CONFLICT', undefined].sort());

    const unknown = members.haerterei.replace(/m-\d+$/, 'm-999999');
    expect(code(await request(tokens.dreher, unknown))).toBe('NOT_FOUND');
    const malformed = await request(tokens.dreher, 'not-a-member');
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partnerId' });
    // A malformed member to list the relationships of is named as the argument it came in (it said id).
    const listed = await stack.query(`query($m: ID) { relationships(memberId: $m) { id } }`, { m: 'NIWE:x' }, tokens.admin);
    expect(listed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId', reason: 'NOT_AN_ID' });
    expect(code(await confirm(tokens.dritter, 'rel-999999'))).toBe('NOT_FOUND');
    expect(code(await confirm(tokens.dritter, 'inq-5'))).toBe('BAD_USER_INPUT');
    expect(code(await request(tokens.niweOffice, members.dritter))).toBe('FORBIDDEN');
    expect(code(await request(tokens.admin, members.dritter))).toBe('FORBIDDEN');

    // A supply is one fact from either side: B CUSTOMER_OF A is A SUPPLIER_OF B; B SUPPLIER_OF A is another.
    await ok(request(tokens.dritter, members.haerterei, 'SUPPLIER_OF'));
    const sameSupply = await request(tokens.haerterei, members.dritter, 'CUSTOMER_OF');
    expect(code(sameSupply)).toBe('CONFLICT');
    expect(code(await request(tokens.dritter, members.haerterei, 'SUPPLIER_OF'))).toBe('CONFLICT');
    const back = (await ok(request(tokens.haerterei, members.dritter, 'SUPPLIER_OF'))).requestRelationship;
    expect(code(await request(tokens.dritter, members.haerterei, 'CUSTOMER_OF'))).toBe('CONFLICT');
    await ok(end(tokens.haerterei, back.id));
    await ok(end(tokens.dritter, (await relationshipsOf(tokens.dritter)).find((r) => r.kind === 'SUPPLIER_OF').id));

    // Nothing but the one good request and the race's winner was recorded.
    expect((await relationshipsOf(tokens.dreher)).map((r) => r.id)).toEqual([first.id]);
    expect((await relationshipsOf(tokens.admin, members.dritter)).map((r) => r.kind).sort()).toEqual(['DEVELOPMENT_PARTNER', 'JOINT_PROJECT']);
  });
});

describe('partner suggestions across networks', () => {
  const suggestions = (token: string, radiusKm: number) =>
    stack.query(
      `query($id: ID!, $r: Int) { member(id: $id) { ... on NiweMember { partnerSuggestions(radiusKm: $r) { member { id } distanceKm reasons steps { first next theirsIsNext } } } } }`,
      { id: members.dreher, r: radiusKm },
      token,
    );
  const ranked = async (token: string, radiusKm = 100) => (await ok(suggestions(token, radiusKm))).member.partnerSuggestions;
  const cutting = 'Spanen mit geometrisch bestimmten Schneiden (yours)';

  test('the turning shop gets the coating and hardening shop first (two reasons), then the hardening shop; nobody else within 100 km', async () => {
    const found = await ranked(tokens.dreher);
    expect(found.map((s: any) => s.member.id)).toEqual([members.beschichter, members.haerterei]);
    expect(found[0].reasons).toEqual([`${cutting} → Wärmebehandeln (Härten, Anlassen, Glühen) (theirs)`, `${cutting} → Beschichten (theirs)`]);
    expect(found[1].reasons).toEqual([`${cutting} → Wärmebehandeln (Härten, Anlassen, Glühen) (theirs)`]);
    // The same as data, for clients that say it in their user's language (the portal does).
    expect(found[0].steps).toEqual([
      { first: '3.2', next: '6.2', theirsIsNext: true },
      { first: '3.2', next: '5', theirsIsNext: true },
    ]);
    expect(found[1].distanceKm).toBeCloseTo(28.9, 0);
    expect((await ranked(tokens.dreher, 500)).map((s: any) => s.member.id)).toEqual([members.beschichter, members.haerterei, members.muenchen]);
  });

  test('a member it has asked or works with leaves the suggestions until the relationship ends', async () => {
    const asked = (await ok(request(tokens.dreher, members.haerterei, 'SUPPLIER_OF'))).requestRelationship;
    expect((await ranked(tokens.dreher)).map((s: any) => s.member.id)).toEqual([members.beschichter]);
    await ok(end(tokens.haerterei, asked.id));
    expect((await ranked(tokens.dreher)).map((s: any) => s.member.id)).toEqual([members.beschichter, members.haerterei]);
  });

  test('one request to each network per suggestions request, whatever the groups, radius and page size', async () => {
    const calls = () => [...stack.region.clients.values()].reduce((sum, c) => sum + c.calls, 0);
    // member(id) itself asks the member's network whether it exists: the calls of the field are the rest.
    const start = calls();
    await ok(stack.query(`query($id: ID!) { member(id: $id) { id } }`, { id: members.dreher }, tokens.dreher));
    const lookup = calls() - start;
    // The turning shop is complemented by five groups (hardening, coating, grinding, casting, forging): five searches per network before.
    for (const [radiusKm, first] of [
      [100, 10],
      [500, 1],
      [500, 50],
    ]) {
      const before = calls();
      const res = await ok(
        stack.query(
          `query($id: ID!, $r: Int, $f: Int) { member(id: $id) { ... on NiweMember { partnerSuggestions(radiusKm: $r, first: $f) { member { id } } } } }`,
          { id: members.dreher, r: radiusKm, f: first },
          tokens.dreher,
        ),
      );
      expect(res.member.partnerSuggestions.length).toBe(Math.min(first, radiusKm === 100 ? 2 : 3));
      expect(calls() - before - lookup, `radius ${radiusKm}, first ${first}`).toBe(3);
    }
    // first cuts the ranking across networks: the best of each network's best.
    const best = await ok(
      stack.query(
        `query($id: ID!) { member(id: $id) { ... on NiweMember { partnerSuggestions(radiusKm: 500, first: 2) { member { id } } } } }`,
        { id: members.dreher },
        tokens.dreher,
      ),
    );
    expect(best.member.partnerSuggestions.map((s: any) => s.member.id)).toEqual([members.beschichter, members.haerterei]);
  });

  test("for the member, its network's office and admin only; a bad radius is BAD_USER_INPUT", async () => {
    expect((await ranked(tokens.niweOffice)).length).toBe(2);
    expect((await ranked(tokens.admin)).length).toBe(2);
    expect(code(await suggestions(tokens.haerterei, 100))).toBe('FORBIDDEN');
    expect(code(await suggestions(tokens.linatOffice, 100))).toBe('FORBIDDEN');
    expect(code(await suggestions(tokens.dreher, 0))).toBe('BAD_USER_INPUT');
  });
});

describe('fields that need sign-in', () => {
  test('answer null with their own error beside the public fields: UNAUTHENTICATED anonymous, FORBIDDEN for a partner', async () => {
    const partner = await stack.token({ role: 'partner', sub: 'tool' });
    const reads = [`relationships(memberId: "${members.dreher}") { id }`, 'crossNetworkRelationships { quarter }', 'accounts { id }'];
    for (const read of reads) {
      for (const [token, expected] of [
        [undefined, 'UNAUTHENTICATED'],
        [partner, 'FORBIDDEN'],
      ] as const) {
        const answer = await stack.query(`{ networks { code } ${read} }`, {}, token);
        expect(answer.data?.networks, read).toHaveLength(3);
        expect([Object.values(answer.data!)[1], code(answer)], read).toEqual([null, expected]);
      }
    }
    // A member's suggestions refused leave the member's profile and the list around it.
    const listed = await stack.query(
      `{ members(first: 3, filter: { networks: [NIWE] }) { edges { node { id name ... on NiweMember { partnerSuggestions(first: 1) { member { id } } } } } } }`,
      {},
      tokens.linatOffice,
    );
    expect(code(listed)).toBe('FORBIDDEN');
    const nodes = listed.data!.members.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.id)).toContain(members.dreher);
    for (const node of nodes) expect([typeof node.name, node.partnerSuggestions]).toEqual(['string', null]);
    const anonymous = await stack.query(`query($id: ID!) { member(id: $id) { name ... on NiweMember { partnerSuggestions { member { id } } } } }`, {
      id: members.dreher,
    });
    expect([anonymous.data?.member, code(anonymous)]).toEqual([{ name: 'dreher GmbH', partnerSuggestions: null }, 'UNAUTHENTICATED']);
  });

  test('a state conflict names the state', async () => {
    const { id } = (await ok(request(tokens.dreher, members.beschichter, 'JOINT_PROJECT'))).requestRelationship;
    await ok(end(tokens.dreher, id));
    for (const refused of [await confirm(tokens.beschichter, id), await end(tokens.beschichter, id)])
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STATUS', status: 'ENDED' });
  });
});

describe("the offices' measure: relationships confirmed across networks per quarter", () => {
  const statistics = (token: string) =>
    stack.query(`{ crossNetworkRelationships { quarter confirmed active { kind requester { id name } partner { id name } } } }`, {}, token);
  const requestAndConfirm = async (from: string, to: string, kind: string) => {
    const { id } = (await ok(request(tokens[from], members[to], kind))).requestRelationship;
    await ok(confirm(tokens[to], id));
    return id;
  };
  const now = new Date();
  const thisQuarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;

  test('counted by the quarter of confirmation; within one network or unconfirmed not at all; named only while both agree', async () => {
    const earlier = await requestAndConfirm('beschichter', 'dreher', 'DEVELOPMENT_PARTNER');
    // Confirmed in an earlier quarter: the API has no clock to set, so the row is moved back.
    await stack.region.orm.em
      .fork()
      .nativeUpdate(BusinessRelationshipSchema, { id: parseRelationshipId(earlier) }, { confirmedAt: new Date(`${now.getUTCFullYear() - 1}-05-10T12:00:00Z`) });
    await requestAndConfirm('haerterei', 'beschichter', 'SUPPLIER_OF');
    await requestAndConfirm('dritter', 'haerterei', 'SUPPLIER_OF');
    await ok(request(tokens.dreher, members.muenchen, 'JOINT_PROJECT'));

    const quarters = (await ok(statistics(tokens.linatOffice))).crossNetworkRelationships;
    expect(quarters).toEqual([
      {
        quarter: `${now.getUTCFullYear() - 1}-Q2`,
        confirmed: 1,
        active: [
          {
            kind: 'DEVELOPMENT_PARTNER',
            requester: { id: members.beschichter, name: 'beschichter GmbH' },
            partner: { id: members.dreher, name: 'dreher GmbH' },
          },
        ],
      },
      // dreher and haerterei confirmed one this quarter and ended it since: counted, not named.
      {
        quarter: thisQuarter,
        confirmed: 2,
        active: [
          { kind: 'SUPPLIER_OF', requester: { id: members.haerterei, name: 'haerterei GmbH' }, partner: { id: members.beschichter, name: 'beschichter GmbH' } },
        ],
      },
    ]);
    expect(JSON.stringify(quarters)).not.toContain('muenchen');
    expect((await ok(statistics(tokens.admin))).crossNetworkRelationships).toEqual(quarters);
    expect(code(await statistics(tokens.dreher))).toBe('FORBIDDEN');
  });
});

describe('the migration to one active relationship per fact', () => {
  test('ends the second statement of one supply, keeping the confirmed one, and then builds its index', async () => {
    const orm = stack.region.orm;
    const connection = orm.em.fork().getConnection();
    await connection.execute('drop index "business_relationship_active_fact_idx"');
    // Both allowed before: one supply stated from each side, the later one confirmed.
    const row = (kind: string, requester: string, partner: string, status: string, age: string) =>
      connection.execute(
        `insert into business_relationship (created_at, kind, requester_id, requester_network, partner_id, partner_network, status, confirmed_at)
         values (now() - ?::interval, ?, ?, ?, ?, ?, ?, case when ? = 'CONFIRMED' then now() end) returning id`,
        [age, kind, requester, requester.split(':')[0], partner, partner.split(':')[0], status, status],
      );
    const [asked] = await row('CUSTOMER_OF', members.muenchen, members.dreher2, 'REQUESTED', '2 days');
    const [confirmed] = await row('SUPPLIER_OF', members.dreher2, members.muenchen, 'CONFIRMED', '1 day');
    try {
      const migration = new Migration20261206100000_relationship_facts(orm.em.getDriver() as never, orm.config);
      await migration.up();
      for (const sql of migration.getQueries()) await connection.execute(sql as string);
      const rows = await connection.execute<{ id: string; status: string }[]>('select id, status from business_relationship where id in (?, ?) order by id', [
        asked.id,
        confirmed.id,
      ]);
      expect(Object.fromEntries(rows.map((r) => [String(r.id), r.status]))).toEqual({ [String(asked.id)]: 'ENDED', [String(confirmed.id)]: 'CONFIRMED' });
    } finally {
      await connection.execute('delete from business_relationship where id in (?, ?)', [asked.id, confirmed.id]);
    }
  });
});
