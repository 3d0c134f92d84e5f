import { createServer, request, type Server } from 'node:http';
import type { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listen } from '../shared/http.ts';
import { internalApiVersion } from '../shared/internal-api.ts';
import { archiveMember } from '../subgraphs/network/members.ts';
import { NetworkClient } from '../subgraphs/region/network-client.ts';
import { olderNetwork } from './support/older-network.ts';
import { createMember } from './support/members.ts';
import { startStack, type Stack } from './support/stack.ts';

// Region and each office's network service exchange the internal API version they speak and serve
// (shared/internal-api.ts). A network that has not been updated keeps serving what it has; what it cannot
// serve is an INTERNAL_API_VERSION error naming both versions, never a wrong answer or "unavailable".

let stack: Stack;
let unversioned: Server;
let unversionedUrl: string;

/**
 * NIWE as a network service from before versions were exchanged: the same API, but its answers carry no
 * version (the proxy strips it) and it checks none. Requests pass unchanged, so their signatures hold.
 */
function networkWithoutVersion(target: string): Server {
  return createServer((req, res) => {
    const upstream = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString());
        delete body.extensions;
        res.writeHead(answer.statusCode!, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    req.pipe(upstream);
  });
}

// NIWE as a network service of 1.2, before `archived` came (its schema lacks the field).
let before13: ReturnType<typeof olderNetwork>;
let before13Url: string;

beforeAll(async () => {
  stack = await startStack();
  unversioned = networkWithoutVersion(stack.networkUrls.NIWE);
  unversionedUrl = await listen(unversioned, 0);
  before13 = olderNetwork(stack.networkUrls.NIWE, '1.2', /\barchived\(/, 'archived');
  before13Url = await listen(before13.server, 0);
});
afterAll(async () => {
  unversioned?.close();
  before13?.server.close();
  await stack?.stop();
});

const existing = 'query($ids: [Int!]!) { existing(localIds: $ids) }';
/** The error a call fails with; fails the test when it succeeds. */
async function failure(call: Promise<unknown>): Promise<GraphQLError> {
  return call.then(
    (answer) => {
      throw new Error(`expected an error, got ${JSON.stringify(answer)}`);
    },
    (error: GraphQLError) => error,
  );
}

const client = (url: string, version?: string) => new NetworkClient('NIWE', url, 5000, stack.subgraphSecrets.niwe, version);

describe('the internal API is versioned', () => {
  test('a current network answers with the version it serves, and region remembers it', async () => {
    const niwe = client(stack.networkUrls.NIWE);
    expect(await niwe.request(existing, { ids: [1] }, undefined)).toEqual({ existing: [] });
    expect(niwe.served).toBe(internalApiVersion);
  });

  test('a network from before versions were exchanged still serves what it has (1.0)', async () => {
    const niwe = client(unversionedUrl);
    expect(await niwe.request(existing, { ids: [1] }, undefined)).toEqual({ existing: [] });
    expect(niwe.served).toBe('1.0');
    const search = await niwe.request<{ search: { hits: unknown[] } }>('{ search(order: NAME, first: 5) { hits { localId } } }', {}, undefined);
    expect(search.search.hits).toEqual([]);
  });

  test('what such a network cannot serve is an error naming both versions, asked or not', async () => {
    const niwe = client(unversionedUrl);
    await niwe.request(existing, { ids: [1] }, undefined);
    // An operation that came with 1.1 is not even sent to a network known to serve 1.0.
    const calls = niwe.calls;
    const notSent = await failure(niwe.request('{ existing(localIds: [1]) }', {}, undefined, { since: '1.1' }));
    expect(niwe.calls).toBe(calls);
    expect(notSent.extensions).toEqual({ code: 'INTERNAL_API_VERSION', network: 'NIWE', regionVersion: internalApiVersion, networkVersion: '1.0' });
    expect(notSent.message).toContain(`Region speaks internal API ${internalApiVersion}, network NIWE's service serves 1.0 (it sends no version`);
    expect(notSent.message).toContain('this needs 1.1');
    // A field the old network's schema lacks: its validation error, said as the version mismatch it is.
    const unknown = await failure(client(unversionedUrl).request('{ existing(localIds: [1]) internalApiChanges }', {}, undefined));
    expect(unknown.extensions?.code).toBe('INTERNAL_API_VERSION');
    expect(unknown.message).toMatch(/serves 1\.0 .*does not know what was asked \(Cannot query field "internalApiChanges"/);
  });

  test('a region of another major version is refused by the network, naming both', async () => {
    const newer = client(stack.networkUrls.NIWE, '2.0');
    const refused = await failure(newer.request(existing, { ids: [1] }, undefined));
    expect(refused.extensions).toMatchObject({ code: 'INTERNAL_API_VERSION', network: 'NIWE', regionVersion: '2.0', networkVersion: internalApiVersion });
    expect(refused.message).toContain(`Region speaks internal API 2.0, network NIWE's service serves ${internalApiVersion}: their major versions differ`);
  });

  test('through the gateway: a network whose version does not fit leaves its part out with the error, the others answer', async () => {
    const regionClients = stack.region.clients;
    const current = regionClients.get('NIWE')!;
    const newer = new NetworkClient('NIWE', stack.networkUrls.NIWE, current.timeoutMs, stack.subgraphSecrets.niwe, '2.0');
    regionClients.set('NIWE', newer);
    try {
      // A write that names a member: refused for the major versions, asked once (not again without `archived`, as of a 1.2).
      const office = await stack.token({ role: 'office', network: 'NIWE' });
      const named = await stack.query(`mutation { setAvailability(status: AT_CAPACITY, memberId: "NIWE:m-1") }`, {}, office);
      expect(named.errors?.[0].extensions).toMatchObject({ code: 'INTERNAL_API_VERSION', network: 'NIWE', regionVersion: '2.0' });
      expect(newer.calls).toBe(1);
      const res = await stack.query('{ members(first: 10) { totalCount } }');
      expect(res.data.members.totalCount).toBe(0);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({
        code: 'INTERNAL_API_VERSION',
        network: 'NIWE',
        regionVersion: '2.0',
        networkVersion: internalApiVersion,
      });
    } finally {
      regionClients.set('NIWE', current);
    }
    expect((await stack.query('{ members(first: 10) { totalCount } }')).errors).toBeUndefined();
  });

  test('a network of 1.2 is not asked which members are archived again: its members take part as they did before 1.3', async () => {
    const admin = await stack.token({ role: 'admin' });
    const office = await stack.token({ role: 'office', network: 'NIWE' });
    const ids: string[] = [];
    for (const name of ['Alt Eins GmbH', 'Alt Zwei GmbH']) {
      const { id } = await createMember(stack, admin, 'NIWE', { name, postalCode: '37269', city: 'Eschwege' });
      ids.push(id);
      // Archived at the network, as its office's own tools may: region has not met either member.
      const localId = Number(id.replace(/^NIWE:m-/, ''));
      await archiveMember(stack.networks.get('NIWE')!.orm.em.fork(), localId, id);
    }
    const regionClients = stack.region.clients;
    const current = regionClients.get('NIWE')!;
    regionClients.set('NIWE', new NetworkClient('NIWE', before13Url, current.timeoutMs, stack.subgraphSecrets.niwe));
    const setAvailability = `mutation($m: ID!) { setAvailability(status: AT_CAPACITY, memberId: $m) }`;
    try {
      for (const id of ids) {
        const res = await stack.query(setAvailability, { m: id }, office);
        expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      }
      // Asked once, refused with its version; then region knows it serves 1.2 and asks `existing` alone.
      expect(before13.refused()).toBe(1);
    } finally {
      regionClients.set('NIWE', current);
    }
  });

  test('a family of materials (Edelstahl) is not asked of a network before 1.4, which read it as one material: left out, said so', async () => {
    // NIWE on the release before gave 0 hits for "Edelstahl" with exactCounts true, and findSuppliers NOT_MET for its
    // stainless shops (the operations probe).
    const regionClients = stack.region.clients;
    const current = regionClients.get('NIWE')!;
    const old = new NetworkClient('NIWE', unversionedUrl, current.timeoutMs, stack.subgraphSecrets.niwe);
    regionClients.set('NIWE', old);
    try {
      const family = await stack.query('{ members(filter: { materials: ["Edelstahl"] }) { totalCount exactCounts } }');
      expect(family.data.members.exactCounts).toBe(false);
      expect(family.errors?.map((e) => e.extensions)).toEqual([
        expect.objectContaining({ code: 'INTERNAL_API_VERSION', network: 'NIWE', networkVersion: '1.0' }),
      ]);
      expect(family.errors![0].message).toContain('this needs 1.4');
      // A walk from this page lacks NIWE until its service is updated, not until it answers: it answers (the review).
      expect(family.errors![0].message).toContain("start the walk again once NIWE's service is updated (its office's part).");
      const suppliers = await stack.query('{ findSuppliers(requirements: { material: "Edelstahl", processes: ["3.2.1"] }) { totalCount } }');
      expect(suppliers.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'INTERNAL_API_VERSION', network: 'NIWE' })]);
      // A listed material it reads as before.
      const listed = await stack.query('{ members(filter: { materials: ["1.4301"] }) { totalCount exactCounts } }');
      expect(listed.errors).toBeUndefined();
      expect(listed.data.members.exactCounts).toBe(true);
    } finally {
      regionClients.set('NIWE', current);
    }
  });

  test('a network of 1.0 still publishes news; what 1.2 brought is refused for it with its version, the other networks answer', async () => {
    const regionClients = stack.region.clients;
    const current = regionClients.get('NIWE')!;
    regionClients.set('NIWE', new NetworkClient('NIWE', unversionedUrl, current.timeoutMs, stack.subgraphSecrets.niwe));
    const office = await stack.token({ role: 'office', network: 'NIWE' });
    const member = await stack.token({ role: 'member', network: 'NIWE', memberId: 'NIWE:m-1' });
    const publish = `mutation($input: NewsInput!, $key: String) { publishNews(network: NIWE, input: $input, idempotencyKey: $key) { id } }`;
    const input = { kind: 'NEWS', title: 'Rundbrief', text: 'Text', visibility: 'PUBLIC' };
    try {
      const plain = await stack.query(publish, { input }, office);
      expect(plain.errors, JSON.stringify(plain.errors)).toBeUndefined();
      expect(plain.data.publishNews.id).toMatch(/^NIWE:n-\d+$/);
      const keyed = await stack.query(publish, { input, key: 'rundbrief-1' }, office);
      expect(keyed.errors?.[0].extensions).toMatchObject({ code: 'INTERNAL_API_VERSION', network: 'NIWE', networkVersion: '1.0' });
      expect(keyed.errors?.[0].message).toContain('this needs 1.2');

      const own = await stack.query('{ myEventRegistrations { id } }', {}, member);
      expect(own.data.myEventRegistrations).toEqual([]);
      expect(own.errors?.map((e) => [e.extensions?.code, e.extensions?.network])).toEqual([['INTERNAL_API_VERSION', 'NIWE']]);
    } finally {
      regionClients.set('NIWE', current);
    }
  });

  test('a network of 1.6 still lists and shows its news, as published; correcting and withdrawing, which 1.7 brought, are refused with its version', async () => {
    const before17 = olderNetwork(stack.networkUrls.NIWE, '1.6', /\b(updatedAt|withdrawnAt|updateNews|withdrawNews|ahead)\b/, 'updatedAt');
    const url = await listen(before17.server, 0);
    const regionClients = stack.region.clients;
    const current = regionClients.get('NIWE')!;
    const office = await stack.token({ role: 'office', network: 'NIWE' });
    const input = { kind: 'NEWS', title: 'Rundbrief 1.6', text: 'Text', visibility: 'PUBLIC' };
    const { id } = (await stack.query(`mutation($input: NewsInput!) { publishNews(network: NIWE, input: $input) { id } }`, { input }, office)).data.publishNews;
    regionClients.set('NIWE', new NetworkClient('NIWE', url, current.timeoutMs, stack.subgraphSecrets.niwe));
    try {
      const shown = await stack.query('query($id: ID!) { newsItem(id: $id) { id title updatedAt withdrawnAt } }', { id });
      expect(shown.errors).toBeUndefined();
      expect(shown.data.newsItem).toEqual({ id, title: 'Rundbrief 1.6', updatedAt: null, withdrawnAt: null });
      const feed = await stack.query('{ feed(first: 100, filter: { networks: [NIWE] }) { edges { node { id updatedAt } } } }');
      expect(feed.errors).toBeUndefined();
      expect(feed.data.feed.edges).toContainEqual({ node: { id, updatedAt: null } });
      // Asked with 1.7's fields once, refused; then region knows it serves 1.6 and asks without.
      expect(before17.refused()).toBe(1);

      for (const [mutation, variables] of [
        ['mutation($id: ID!, $input: NewsInput!) { updateNews(id: $id, input: $input) { id } }', { id, input: { ...input, title: 'Neu' } }],
        ['mutation($id: ID!) { withdrawNews(id: $id) { id } }', { id }],
      ] as const) {
        const refused = await stack.query(mutation, variables, office);
        expect(refused.errors?.[0].extensions).toMatchObject({ code: 'INTERNAL_API_VERSION', network: 'NIWE', networkVersion: '1.6' });
        expect(refused.errors?.[0].message).toContain('this needs 1.7');
      }
      expect(before17.refused()).toBe(1);

      // Archiving a member still gives up its places at this network's events: read as before 1.7, its newest 100.
      const admin = await stack.token({ role: 'admin' });
      const leaving = await createMember(stack, admin, 'LINAT', { name: 'Geht Fort GmbH', postalCode: '99974', city: 'Mühlhausen' });
      const event = { kind: 'EVENT', title: 'Treffen 1.6', text: 'Text', visibility: 'PUBLIC', startsAt: new Date(Date.now() + 9 * 86_400_000).toISOString() };
      const eventId = (await stack.query(`mutation($input: NewsInput!) { publishNews(network: NIWE, input: $input) { id } }`, { input: event }, office)).data
        .publishNews.id;
      const participant = { name: 'Gerd', email: 'gerd@example.com' };
      const registered = await stack.query(
        `mutation($e: ID!, $p: ParticipantInput!) { registerForEvent(eventId: $e, participant: $p) { status } }`,
        { e: eventId, p: participant },
        leaving.token,
      );
      expect(registered.data.registerForEvent.status).toBe('REGISTERED');
      const archived = await stack.query(`mutation($id: ID!) { archiveMember(id: $id) { id } }`, { id: leaving.id }, admin);
      expect(archived.errors).toBeUndefined();
      const left = await stack.query(`query($e: ID!) { eventRegistrations(eventId: $e) { id } }`, { e: eventId }, office);
      expect(left.data.eventRegistrations).toEqual([]);
    } finally {
      regionClients.set('NIWE', current);
      before17.server.close();
    }
  });

  test("a network of 1.7 answers its search and ranking without their members' fields: region fetches them at its subgraph endpoint, the answer is the same", async () => {
    const query = `query($first: Int) { members(first: $first, filter: { networks: [NIWE] }, orderBy: NAME) {
      edges { node { id name city network { code name } services { title } contacts { name } } }
    } }`;
    const office = await stack.token({ role: 'office', network: 'NIWE' });
    const admin = await stack.token({ role: 'admin' });
    for (const name of ['Neu Eins GmbH', 'Neu Zwei GmbH'])
      await createMember(stack, admin, 'NIWE', {
        name,
        postalCode: '37269',
        city: 'Eschwege',
        services: [{ title: 'Fräsen' }],
        contacts: [{ name: 'Nora Neu', email: 'nora@neu.example' }],
      });
    const current = (await stack.query(query, { first: 12 }, office)).data;
    const suppliersQuery = `{ findSuppliers(requirements: { networks: [NIWE], deliveryLocation: { postalCode: "37269" } }, first: 5) {
      edges { score node { id name services { title } contacts { name } } }
    } }`;
    const currentSuppliers = (await stack.query(suppliersQuery, {}, office)).data;
    expect(currentSuppliers.findSuppliers.edges.length).toBeGreaterThan(0);
    const calls = () => stack.gateway.subgraphCalls.get('niwe') ?? 0;
    const before18 = olderNetwork(stack.networkUrls.NIWE, '1.7', /\bmember \{/, 'member');
    const before18Url = await listen(before18.server, 0);
    const regionClients = stack.region.clients;
    const niwe = regionClients.get('NIWE')!;
    const old = new NetworkClient('NIWE', before18Url, niwe.timeoutMs, stack.subgraphSecrets.niwe);
    regionClients.set('NIWE', old);
    try {
      for (const round of [1, 2]) {
        const gatewayCalls = calls();
        const regionCalls = old.calls;
        const res = await stack.query(query, { first: 12 }, office);
        expect(res.errors).toBeUndefined();
        // The same page, NIWE's members with their fields (and contacts, for NIWE's office) as a current NIWE answers.
        expect(res.data).toEqual(current);
        expect(res.data.members.edges.some((e: { node: { id: string } }) => e.node.id.startsWith('NIWE:'))).toBe(true);
        // The gateway still asks region alone; region asks NIWE's search and then its subgraph for the page's members:
        // the first time also the search with the fields, which NIWE refuses.
        expect(calls() - gatewayCalls).toBe(0);
        expect(old.calls - regionCalls).toBe(round === 1 ? 3 : 2);
      }
      // Asked with the fields once, refused with its version; then region knows it serves 1.7 and asks without them.
      expect(before18.refused()).toBe(1);
      // Its suppliers the same way: ranked without their fields, which region fetches at its subgraph.
      const regionCalls = old.calls;
      expect((await stack.query(suppliersQuery, {}, office)).data).toEqual(currentSuppliers);
      expect(old.calls - regionCalls).toBe(2);
      expect(before18.refused()).toBe(1);

      // Its subgraph endpoint failing after its search answered: its hits are left out with its error, the answer stands.
      const halfDown = createServer((req, res) => {
        if (req.url?.startsWith('/internal/')) req.pipe(request(`${before18Url}${req.url}`, { method: req.method, headers: req.headers }, (a) => a.pipe(res)));
        else req.socket.destroy();
      });
      const halfDownUrl = await listen(halfDown, 0);
      const failing = new NetworkClient('NIWE', halfDownUrl, niwe.timeoutMs, stack.subgraphSecrets.niwe);
      regionClients.set('NIWE', failing);
      try {
        const res = await stack.query(query, { first: 12 }, office);
        expect(res.data.members.edges).toEqual([]);
        expect(res.errors?.map((e) => ({ path: e.path, ...e.extensions }))).toEqual([
          expect.objectContaining({ path: ['members'], code: 'NETWORK_UNAVAILABLE', network: 'NIWE' }),
        ]);
      } finally {
        halfDown.close();
      }
    } finally {
      regionClients.set('NIWE', niwe);
      before18.server.close();
    }
  });
});
