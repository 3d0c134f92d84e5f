import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMember } from './support/members.ts';
import { startStack, type Stack } from './support/stack.ts';

// The identity model: the gateway verifies the token, every network applies its own write rules.

let stack: Stack;
let niweMember: string;
let otherNiweMember: string;
const tokens: Record<string, string> = {};

const createMutation = `mutation($network: NetworkCode!) { createMember(network: $network, input: { name: "Neu GmbH", postalCode: "37269", city: "Eschwege", contacts: [{ name: "Petra Privat", email: "petra@neu.example" }] }) { id } }`;
const updateMutation = `mutation($id: ID!) { updateMember(id: $id, input: { employees: 42 }) { id employees } }`;
const archiveMutation = `mutation($id: ID!) { archiveMember(id: $id) { id archivedAt } }`;

beforeAll(async () => {
  stack = await startStack();
  tokens.admin = await stack.token({ role: 'admin', sub: 'admin' });
  tokens.niweOffice = await stack.token({ role: 'office', network: 'NIWE', sub: 'office-niwe' });
  tokens.linatOffice = await stack.token({ role: 'office', network: 'LINAT', sub: 'office-linat' });
  tokens.partner = await stack.token({ role: 'partner', sub: 'zulieferer-ag' });
  // Two companies (one is refused as a namesake of the other), and neither the "Neu GmbH" the tests create.
  const input = (name: string) => ({ name, postalCode: '37269', city: 'Eschwege', contacts: [{ name: 'Petra Privat', email: 'petra@neu.example' }] });
  niweMember = (await createMember(stack, tokens.admin, 'NIWE', input('Alt GmbH'))).id;
  otherNiweMember = (await createMember(stack, tokens.admin, 'NIWE', input('Anders GmbH'))).id;
  tokens.member = await stack.token({ role: 'member', network: 'NIWE', memberId: niweMember, sub: 'member-user' });
});
afterAll(async () => {
  await stack?.stop();
});

function code(res: { errors?: { extensions?: Record<string, unknown> }[] }) {
  return res.errors?.[0]?.extensions?.code;
}

describe('writes', () => {
  test('anonymous callers must sign in', async () => {
    const res = await stack.query(createMutation, { network: 'NIWE' });
    expect(code(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toMatch(/bearer token/);
  });

  test('an office creates, updates and archives only its own network’s members', async () => {
    const own = await stack.query(createMutation, { network: 'NIWE' }, tokens.niweOffice);
    expect(own.errors).toBeUndefined();
    const ownId = own.data.createMember.id;
    expect((await stack.query(updateMutation, { id: ownId }, tokens.niweOffice)).data.updateMember.employees).toBe(42);
    expect((await stack.query(archiveMutation, { id: ownId }, tokens.niweOffice)).errors).toBeUndefined();

    const foreignCreate = await stack.query(createMutation, { network: 'NIWE' }, tokens.linatOffice);
    expect(code(foreignCreate)).toBe('FORBIDDEN');
    expect(foreignCreate.errors?.[0].message).toMatch(/office \(LINAT\) may not create/);
    expect(code(await stack.query(updateMutation, { id: niweMember }, tokens.linatOffice))).toBe('FORBIDDEN');
    expect(code(await stack.query(archiveMutation, { id: niweMember }, tokens.linatOffice))).toBe('FORBIDDEN');
  });

  test('a member updates only itself and archives nothing', async () => {
    expect((await stack.query(updateMutation, { id: niweMember }, tokens.member)).data.updateMember.employees).toBe(42);
    expect(code(await stack.query(updateMutation, { id: otherNiweMember }, tokens.member))).toBe('FORBIDDEN');
    expect(code(await stack.query(archiveMutation, { id: niweMember }, tokens.member))).toBe('FORBIDDEN');
    expect(code(await stack.query(createMutation, { network: 'NIWE' }, tokens.member))).toBe('FORBIDDEN');
  });

  test('a partner reads but does not write', async () => {
    expect(code(await stack.query(createMutation, { network: 'LINAT' }, tokens.partner))).toBe('FORBIDDEN');
    expect(code(await stack.query(updateMutation, { id: niweMember }, tokens.partner))).toBe('FORBIDDEN');
  });

  test('a refused write changes nothing', async () => {
    const before = await stack.query(`query($id: ID!) { member(id: $id) { employees } }`, { id: otherNiweMember });
    await stack.query(updateMutation, { id: otherNiweMember }, tokens.linatOffice);
    const after = await stack.query(`query($id: ID!) { member(id: $id) { employees } }`, { id: otherNiweMember });
    expect(after.data.member).toEqual(before.data.member);
  });
});

describe('personal data', () => {
  test('contact persons are hidden from anonymous callers and shown to signed-in ones', async () => {
    const query = `query($id: ID!) { member(id: $id) { contacts { name email } } }`;
    expect((await stack.query(query, { id: otherNiweMember })).data.member.contacts).toEqual([]);
    expect((await stack.query(query, { id: otherNiweMember }, tokens.partner)).data.member.contacts).toEqual([
      { name: 'Petra Privat', email: 'petra@neu.example' },
    ]);
  });
});

describe('tokens', () => {
  test('a token with a bad signature is refused with 401', async () => {
    const forged = `${tokens.admin.slice(0, -4)}AAAA`;
    const res = await stack.query(`{ networks { code } }`, {}, forged);
    expect(res.status).toBe(401);
    expect(code(res)).toBe('UNAUTHENTICATED');
  });

  test('claims that do not fit the role are refused', async () => {
    const officeWithoutNetwork = await stack.token({ role: 'office' });
    expect(code(await stack.query(`{ networks { code } }`, {}, officeWithoutNetwork))).toBe('UNAUTHENTICATED');
    const unknownRole = await stack.token({ role: 'superuser' });
    const res = await stack.query(`{ networks { code } }`, {}, unknownRole);
    expect(code(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toMatch(/role must be one of/);
    const memberOfOtherNetwork = await stack.token({ role: 'member', network: 'LINAT', memberId: niweMember });
    expect(code(await stack.query(`{ networks { code } }`, {}, memberOfOtherNetwork))).toBe('UNAUTHENTICATED');
  });

  test('an expired token says so', async () => {
    const expired = await stack.token({ role: 'admin', exp: Math.floor(Date.now() / 1000) - 60 });
    const res = await stack.query(`{ networks { code } }`, {}, expired);
    expect(res.status).toBe(401);
    expect(res.errors?.[0].message).toMatch(/expired/);
  });
});
