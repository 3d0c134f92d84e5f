import { afterAll, beforeAll, expect, test } from 'vitest';
import { namesakeLock } from '../subgraphs/network/members.ts';
import { createMember } from './support/members.ts';
import { startStack, type GraphQLResponse, type Stack } from './support/stack.ts';

// createMember refuses a second live member of one company (the name with its umlauts written out, and the postal
// code), as the import does: the office's "Mitglied anlegen" made a second one without a word (the self-service probe).

let stack: Stack;
let admin: string;

const create = `mutation($n: NetworkCode!, $input: MemberInput!, $key: String) { createMember(network: $n, input: $input, idempotencyKey: $key) { id } }`;
// Requests waiting for a namesake lock in the database asked: the embedded server is shared with the other
// worker's stacks, whose waiters a count over every database would take for ours.
const waitingForNamesakes = `select count(*)::int as n from pg_locks where locktype = 'advisory' and classid = ${namesakeLock} and not granted
  and database = (select oid from pg_database where datname = current_database())`;

const mueller = { name: 'Müller & Söhne Präzisionsdrehteile GmbH', postalCode: '37269', city: 'Eschwege' };

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token({ role: 'admin' });
});
afterAll(async () => {
  await stack?.stop();
});

test('a second member of one name and postal code is refused, naming the first; other places, networks and archived ones are not', async () => {
  // The writes that must succeed as a careful client sends them (test/support/members.ts), the refusals as they are.
  const { id } = await createMember(stack, admin, 'NIWE', mueller);

  for (const name of [mueller.name, 'MUELLER & SOEHNE PRAEZISIONSDREHTEILE GMBH', ' müller &  söhne präzisionsdrehteile gmbh ']) {
    const again = await stack.query(create, { n: 'NIWE', input: { ...mueller, name } }, admin);
    expect(again.data?.createMember ?? null).toBeNull();
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXISTS', field: 'input.name', existingMember: id });
    expect(again.errors?.[0].message).toContain(`is a member already (${id})`);
  }
  // Another place, another network: another company.
  await createMember(stack, admin, 'NIWE', { ...mueller, postalCode: '37213', city: 'Witzenhausen' });
  await createMember(stack, admin, 'LINAT', mueller);
  // A company that left may join again.
  expect((await stack.query(`mutation($id: ID!) { archiveMember(id: $id) { id } }`, { id }, admin)).errors).toBeUndefined();
  expect((await createMember(stack, admin, 'NIWE', mueller)).id).not.toBe(id);
});

test('a retry with its idempotency key answers the member it made; two at once make one member and a refusal', async () => {
  const input = { name: 'Doppelklick Fräserei KG', postalCode: '37269', city: 'Eschwege' };
  const made = await stack.query(create, { n: 'KONAT', input, key: 'namesake-retry' }, admin);
  const retried = await stack.query(create, { n: 'KONAT', input, key: 'namesake-retry' }, admin);
  expect(retried.data.createMember.id).toBe(made.data.createMember.id);

  // Both wait at the postal code's lock, held here, until both are there; then they run one after the other, and the
  // second finds the first. Without the lock both would read no namesake and both write.
  const burst = { name: 'Gleichzeitig Dreherei GmbH', postalCode: '37269', city: 'Eschwege' };
  const { orm } = stack.networks.get('KONAT')!;
  let sent: Promise<GraphQLResponse<{ createMember: { id: string } }>>[] = [];
  await orm.em.fork().transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(${namesakeLock}, hashtext('37269'))`);
    sent = [1, 2].map(() => stack.query<{ createMember: { id: string } }>(create, { n: 'KONAT', input: burst }, admin));
    await expect
      .poll(
        async () => {
          const [row] = await orm.em.fork().getConnection().execute(waitingForNamesakes);
          return row.n;
        },
        { timeout: 20_000, interval: 50 },
      )
      .toBe(2);
  });
  const answers = await Promise.all(sent);
  const ids = answers.flatMap((a) => (a.data?.createMember ? [a.data.createMember.id] : []));
  expect(ids).toHaveLength(1);
  for (const refused of answers.filter((a) => a.errors))
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXISTS', existingMember: ids[0] });
  const listed = await stack.query(`{ members(first: 100, filter: { networks: [KONAT], text: "Gleichzeitig" }) { totalCount } }`, {}, admin);
  expect(listed.data.members.totalCount).toBe(1);
});

test('an import waits for the namesake lock of each postal code it writes, so a createMember beside it cannot slip a twin in', async () => {
  const { orm } = stack.networks.get('LINAT')!;
  const csv = 'Name;PLZ;Ort\r\nZwilling Import GmbH;99974;Mühlhausen\r\n';
  let sent: Promise<GraphQLResponse> | undefined;
  await orm.em.fork().transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(${namesakeLock}, hashtext('99974'))`);
    sent = stack.query(`mutation($csv: String!) { importMembers(network: LINAT, csv: $csv) { imported } }`, { csv }, admin);
    await expect.poll(async () => (await orm.em.fork().getConnection().execute(waitingForNamesakes))[0].n, { timeout: 20_000, interval: 50 }).toBe(1);
  });
  expect((await sent!).data.importMembers.imported).toBe(true);
});

test('renaming or moving a member onto another live member of its network is refused the same way, and changes nothing', async () => {
  const { id: first } = await createMember(stack, admin, 'LINAT', { name: 'Umbenannt Stanztechnik GmbH', postalCode: '99817', city: 'Eisenach' });
  const { id: second } = await createMember(stack, admin, 'LINAT', { name: 'Andere Stanztechnik GmbH', postalCode: '99819', city: 'Marksuhl' });
  const update = `mutation($id: ID!, $input: MemberPatch!) { updateMember(id: $id, input: $input) { id name postalCode version } }`;
  const read = async () => (await stack.query(`query($id: ID!) { member(id: $id) { name postalCode version } }`, { id: second }, admin)).data.member;
  const unchanged = await read();

  // Its name, spelled otherwise, in the first one's postal code: the twin a rename would make.
  const renamed = await stack.query(update, { id: second, input: { name: 'UMBENANNT STANZTECHNIK GMBH', postalCode: '99817', city: 'Eisenach' } }, admin);
  expect(renamed.data?.updateMember ?? null).toBeNull();
  expect(renamed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXISTS', field: 'input.name', existingMember: first });
  // Moving to the postal code where its name is taken already, the name left as it is: the postal code is what to change.
  await createMember(stack, admin, 'LINAT', { name: 'Andere Stanztechnik GmbH', postalCode: '99974', city: 'Mühlhausen' });
  const moved = await stack.query(update, { id: second, input: { postalCode: '99974', city: 'Mühlhausen' } }, admin);
  expect(moved.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXISTS', field: 'input.postalCode' });
  expect(await read()).toEqual(unchanged);

  // Its own name in another spelling is no twin of itself; another name is free.
  const respelled = await stack.query(update, { id: first, input: { name: 'UMBENANNT Stanztechnik GmbH' } }, admin);
  expect(respelled.errors).toBeUndefined();
  const free = await stack.query(update, { id: second, input: { name: 'Andere Stanztechnik Marksuhl GmbH' } }, admin);
  expect(free.data.updateMember.name).toBe('Andere Stanztechnik Marksuhl GmbH');
});
