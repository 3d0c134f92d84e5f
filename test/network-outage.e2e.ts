import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { close, listen } from '../shared/http.ts';
import { createRegionService } from '../subgraphs/region/server.ts';
import { createMember } from './support/members.ts';
import { startStack, type GraphQLResponse, type Stack } from './support/stack.ts';

// A network that is down or late must not take the region down.

let stack: Stack;
/** The members created below by name ("Alpha KONAT"), none of them checked by region yet: region must ask their network. */
const ids: Record<string, string> = {};

beforeAll(async () => {
  // No test here waits for this budget to run out (a stopped network refuses at once); the creates
  // below must fit in it on a busy machine, where a fresh stack's first create took 1 s (CI at load 9).
  stack = await startStack({ networkTimeoutMs: 4000 });
  const admin = await stack.token({ role: 'admin' });
  for (const network of ['NIWE', 'LINAT', 'KONAT']) {
    for (const name of ['Alpha', 'Beta']) {
      ids[`${name} ${network}`] = (await createMember(stack, admin, network, { name: `${name} ${network}`, postalCode: '37269', city: 'Eschwege' })).id;
    }
  }
});
afterAll(async () => {
  await stack?.stop();
});

test('a network that is down leaves the others’ results and an error naming it', async () => {
  await stack.stopNetwork('KONAT');
  const res = await stack.query(`{ members(first: 10) { totalCount exactCounts edges { node { id name } } } }`);
  expect(res.data.members.totalCount).toBe(4);
  // KONAT's members are not counted, so the total is a lower bound: it said exact (the faults probe).
  expect(res.data.members.exactCounts).toBe(false);
  expect(res.data.members.edges.map((e: { node: { id: string } }) => e.node.id.split(':')[0]).sort()).toEqual(['LINAT', 'LINAT', 'NIWE', 'NIWE']);
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions).toMatchObject({ code: 'NETWORK_UNAVAILABLE', network: 'KONAT' });
  // At the field whose answer lacks KONAT's part: without a path, a query asking several things said nothing of which.
  expect(res.errors![0].path).toEqual(['members']);
  expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED/);

  const filtered = await stack.query(`{ members(filter: { networks: [NIWE] }) { totalCount exactCounts pageInfo { missingNetworks } } }`);
  expect(filtered.errors).toBeUndefined();
  expect(filtered.data.members).toEqual({ totalCount: 2, exactCounts: true, pageInfo: { missingNetworks: [] } });
});

test('a cursor walk over pages a network is missing from is told that it misses that network’s members', async () => {
  // KONAT stopped (above; again when this test runs alone). The cursor is one position in the region's order: walked on, the pages after this one
  // start behind it in KONAT too, so KONAT's members before it never come, even once KONAT answers (the partner probe).
  await stack.stopNetwork('KONAT');
  const page = `query($after: String) { members(first: 2, orderBy: NAME, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor missingNetworks } } }`;
  let after: string | null = null;
  for (let pages = 0; pages < 5; pages++) {
    const res: GraphQLResponse = await stack.query(page, { after });
    expect(res.data.members.pageInfo.missingNetworks).toEqual(['KONAT']);
    expect(res.errors).toEqual([
      expect.objectContaining({
        path: ['members'],
        message:
          "Network KONAT did not answer; results from it are missing. This page lacks KONAT's members, and so does every page walked on from its endCursor: to get every member, start the walk again once KONAT answers.",
        extensions: expect.objectContaining({ code: 'NETWORK_UNAVAILABLE', network: 'KONAT', walkIncomplete: true }),
      }),
    ]);
    if (!res.data.members.pageInfo.hasNextPage) break;
    after = res.data.members.pageInfo.endCursor;
  }
  expect(after).not.toBeNull();
  // A network's own list says so as well.
  const own = await stack.query(`{ network(code: KONAT) { members { pageInfo { missingNetworks } } } }`);
  expect(own.errors?.[0].extensions).toMatchObject({ code: 'NETWORK_UNAVAILABLE', network: 'KONAT', walkIncomplete: true });
});

test('a write to a network that refuses connections says it was not applied', async () => {
  // KONAT's server is stopped by the test above: the connection is refused, so nothing reached it.
  const admin = await stack.token({ role: 'admin' });
  const res = await stack.query(
    `mutation { createMember(network: KONAT, input: { name: "Nie Angekommen GmbH", postalCode: "37269", city: "Eschwege" }) { id } }`,
    {},
    admin,
  );
  expect(res.errors?.[0].extensions).toMatchObject({ code: 'NETWORK_UNAVAILABLE', network: 'KONAT', writeOutcome: 'NOT_APPLIED' });
  expect(res.errors?.[0].message).toMatch(/not applied/);
});

test('a write refused because region could not ask the network about its member says it was not applied; a read does not', async () => {
  // KONAT is stopped (above), and region has not looked up its members yet: each write fails at that check, before it writes.
  const admin = await stack.token({ role: 'admin' });
  const niweMember = await stack.token({ role: 'member', network: 'NIWE', memberId: ids['Alpha NIWE'] });
  const [alpha, beta] = [ids['Alpha KONAT'], ids['Beta KONAT']];
  const cad = (await stack.query(`{ workingGroups(first: 1) { nodes { id } } }`, {}, admin)).data.workingGroups.nodes[0].id;
  const from = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const post = { side: 'OFFER', kind: 'CAD', cadSystem: 'CATIA_V5', hours: 8, from, to, postalCode: '99817', memberId: alpha };
  const writes: [string, Record<string, unknown>, string][] = [
    [`mutation($m: ID!) { setAvailability(status: AT_CAPACITY, memberId: $m) }`, { m: alpha }, admin],
    [`mutation($input: CapacityPostInput!) { postCapacity(input: $input) { id } }`, { input: post }, admin],
    [`mutation($g: ID!, $m: ID!) { inviteToWorkingGroup(groupId: $g, memberId: $m) { id } }`, { g: cad, m: beta }, admin],
    [`mutation($p: ID!) { requestRelationship(partnerId: $p, kind: SUPPLIER_OF) { id } }`, { p: alpha }, niweMember],
    [`mutation($id: ID!) { archiveMember(id: $id) { id } }`, { id: beta }, admin],
  ];
  for (const [mutation, variables, token] of writes) {
    const res = await stack.query(mutation, variables, token);
    expect(res.errors?.[0].extensions, mutation).toMatchObject({ code: 'NETWORK_UNAVAILABLE', network: 'KONAT', writeOutcome: 'NOT_APPLIED' });
    expect(res.errors?.[0].message).toMatch(/^Network KONAT could not say whether KONAT:m-\d+ exists, so the write was not applied\. Retry it later\.$/);
  }
  // With an idempotency key an earlier attempt may have written it, its answer lost: not said either way.
  const keyed = await stack.query(
    `mutation($input: CapacityPostInput!) { postCapacity(input: $input, idempotencyKey: "retry-7") { id } }`,
    { input: post },
    admin,
  );
  expect(keyed.errors?.[0].extensions).toMatchObject({ code: 'NETWORK_UNAVAILABLE', network: 'KONAT' });
  expect(keyed.errors?.[0].extensions).not.toHaveProperty('writeOutcome');
  const [row] = await stack.region.orm.em.fork().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from "capacity_post"`);
  expect(row.n).toBe(0);

  const read = await stack.query(`query($id: ID!) { member(id: $id) { id } }`, { id: alpha }, admin);
  expect(read.errors?.[0].extensions).toMatchObject({ code: 'NETWORK_UNAVAILABLE', network: 'KONAT' });
  expect(read.errors?.[0].extensions).not.toHaveProperty('writeOutcome');
});

test('a network that does not answer in time is cut off after the time budget', async () => {
  // A server that accepts connections and never answers.
  const silent: Server = createServer(() => {});
  const silentUrl = await new Promise<string>((resolve) =>
    silent.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(silent.address() as { port: number }).port}`)),
  );
  const networkSecrets = { NIWE: stack.subgraphSecrets.niwe, LINAT: stack.subgraphSecrets.linat, KONAT: stack.subgraphSecrets.konat };
  const region = await createRegionService({
    networkUrls: { ...stack.networkUrls, LINAT: silentUrl },
    // The silent network costs the whole budget; NIWE's answer must fit in it at load 9 too.
    networkTimeoutMs: 2000,
    secret: undefined,
    networkSecrets,
    webhookKey: stack.webhookKey,
    databaseUrl: stack.regionDatabaseUrl,
  });
  const url = await listen(region.http, 0);
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ members(first: 10, filter: { networks: [NIWE, LINAT] }) { totalCount edges { cursor } } }' }),
    });
    const body: any = await response.json();
    expect(body.data.members.totalCount).toBe(2);
    expect(body.errors).toMatchObject([{ extensions: { code: 'NETWORK_UNAVAILABLE', network: 'LINAT' } }]);
  } finally {
    await close(region.http);
    await region.stop();
    silent.close();
  }
});
