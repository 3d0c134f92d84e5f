import { afterAll, beforeAll, expect, test } from 'vitest';
import { createMember } from './support/members.ts';
import { ok, startStack, type Stack } from './support/stack.ts';

// member(id) asks the member's network whether the member exists, so an unknown id is NOT_FOUND even when only
// the id is selected; region remembers the members found (subgraphs/region/known-members.ts).

let stack: Stack;
let admin: string;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token({ role: 'admin' });
});
afterAll(async () => {
  await stack?.stop();
});

/** Region's calls to the networks so far. */
const calls = () => [...stack.region.clients.values()].reduce((sum, client) => sum + client.calls, 0);

async function create(name: string): Promise<string> {
  return (await createMember(stack, admin, 'NIWE', { name, postalCode: '37269', city: 'Eschwege' })).id;
}

const byId = (fields: string) => `query($id: ID!) { member(id: $id) { ${fields} } }`;

test("member(id) asks the member's network once whether the member exists, then remembers it", async () => {
  const id = await create('Gedächtnis Fräserei');
  const before = calls();
  for (let i = 0; i < 3; i++) expect((await ok(stack.query(byId('id'), { id }))).member).toEqual({ id });
  expect(calls() - before).toBe(1);
  // Acting for the member asks no more either: an office's capacity post for it.
  const office = await stack.token({ role: 'office', network: 'NIWE' });
  const post = `mutation($input: CapacityPostInput!) { postCapacity(input: $input) { member { id } } }`;
  const input = { side: 'OFFER', memberId: id, kind: 'CAD', cadSystem: 'CATIA_V5', hours: 8, from: '2099-01-05', to: '2099-01-09', postalCode: '37269' };
  const beforePost = calls();
  expect((await ok(stack.query(post, { input }, office))).postCapacity.member).toEqual({ id });
  expect(calls() - beforePost).toBe(0);
});

test('a member not found is asked for every time, and is NOT_FOUND every time', async () => {
  const before = calls();
  for (let i = 0; i < 2; i++) {
    const res = await stack.query(byId('id'), { id: 'KONAT:m-987654' });
    expect(res.errors?.[0]).toMatchObject({ message: 'Member KONAT:m-987654 does not exist.', extensions: { code: 'NOT_FOUND' } });
    expect(res.data).toEqual({ member: null });
  }
  expect(calls() - before).toBe(2);
});

test("a member removed behind region's back reads as null while region remembers it, never as data", async () => {
  const id = await create('Entfernt Dreherei');
  expect((await ok(stack.query(byId('id name'), { id }))).member).toEqual({ id, name: 'Entfernt Dreherei' });
  // Removed by hand in NIWE's database, as an office restoring an older backup would.
  await stack.networks
    .get('NIWE')!
    .orm.em.fork()
    .getConnection()
    .execute('delete from member where id = ?', [Number(id.split('-')[1])]);
  // Answered from region's memory, no question to the network: the network's entity fetch finds no row.
  const before = calls();
  const res = await stack.query(byId('id name'), { id });
  expect(calls() - before).toBe(0);
  expect(res.data).toEqual({ member: null });
});
