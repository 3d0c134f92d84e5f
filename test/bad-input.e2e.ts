import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStack, type GraphQLResponse, type Stack } from './support/stack.ts';

// Client mistakes get a stable code and a message that says what to fix; nothing is half-written.

let stack: Stack;
let admin: string;
let memberId: string;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token({ role: 'admin' });
  const res = await stack.query(
    `mutation { createMember(network: NIWE, input: { name: "Bestand GmbH", postalCode: "37269", city: "Eschwege", certifications: [{ standard: "ISO 9001", validUntil: "2030-01-31" }] }) { id } }`,
    {},
    admin,
  );
  memberId = res.data.createMember.id;
});
afterAll(async () => {
  await stack?.stop();
});

function expectError(res: GraphQLResponse, code: string, message: RegExp) {
  expect(res.errors, JSON.stringify(res)).toBeDefined();
  const [error] = res.errors!;
  expect(error.extensions?.code).toBe(code);
  expect(error.message).toMatch(message);
  // Never a stack trace or an internal address.
  expect(JSON.stringify(res)).not.toMatch(/stacktrace|127\.0\.0\.1|localhost|at .*\.ts:\d+/);
}

const create = (input: Record<string, unknown>, network = 'NIWE') =>
  stack.query(`mutation($network: NetworkCode!, $input: MemberInput!) { createMember(network: $network, input: $input) { id } }`, { network, input }, admin);
const base = { name: 'Prüf GmbH', postalCode: '37269', city: 'Eschwege' };

describe('ids and network codes', () => {
  test('an unknown member id is NOT_FOUND', async () => {
    const res = await stack.query(`{ member(id: "NIWE:m-999999") { id name } }`);
    expectError(res, 'NOT_FOUND', /NIWE:m-999999 does not exist/);
    expect(res.data).toEqual({ member: null });
    expectError(await stack.query(`mutation { updateMember(id: "LINAT:m-424242", input: { employees: 3 }) { id } }`, {}, admin), 'NOT_FOUND', /LINAT:m-424242/);
    expectError(await stack.query(`mutation { archiveMember(id: "KONAT:m-424242") { id } }`, {}, admin), 'NOT_FOUND', /KONAT:m-424242/);
  });

  test('a malformed id says what ids look like', async () => {
    for (const id of ['42', 'NIWE-42', 'ABC:m-1', 'NIWE:m-0', 'NIWE:m-1x']) {
      expectError(await stack.query(`query($id: ID!) { member(id: $id) { id } }`, { id }), 'BAD_USER_INPUT', /look like NIWE:m-42/);
    }
  });

  test('an unknown network code is refused before anything runs', async () => {
    expectError(await stack.query(`{ network(code: XYZ) { name } }`), 'GRAPHQL_VALIDATION_FAILED', /XYZ/);
    expectError(await stack.query(`query($code: NetworkCode!) { network(code: $code) { name } }`, { code: 'XYZ' }), 'BAD_USER_INPUT', /XYZ/);
    expectError(await create(base, 'XYZ'), 'BAD_USER_INPUT', /XYZ/);
  });
});

describe('pagination', () => {
  test('first must lie in 1..100', async () => {
    for (const first of [0, -1, 101]) {
      expectError(
        await stack.query(`query($first: Int) { members(first: $first) { totalCount } }`, { first }),
        'BAD_USER_INPUT',
        /first must lie between 1 and 100/,
      );
    }
    expectError(await stack.query(`{ network(code: NIWE) { members(first: 500) { totalCount } } }`), 'BAD_USER_INPUT', /first must lie between 1 and 100/);
  });

  test('a cursor that this API did not issue is refused', async () => {
    for (const after of ['garbage', Buffer.from('["NAME",0,"a","NOPE",1]').toString('base64url'), Buffer.from('{"x":1}').toString('base64url')]) {
      expectError(await stack.query(`query($after: String) { members(after: $after) { totalCount } }`, { after }), 'BAD_USER_INPUT', /after is not a cursor/);
    }
  });

  test('filters name the bad part', async () => {
    expectError(await stack.query(`{ members(filter: { processes: ["9.9"] }) { totalCount } }`), 'BAD_USER_INPUT', /"9\.9" is not a DIN 8580 process code/);
    expectError(
      await stack.query(`{ members(filter: { certifications: ["ISO 0000"] }) { totalCount } }`),
      'BAD_USER_INPUT',
      /"ISO 0000" is not a known certification/,
    );
    expectError(
      await stack.query(`query($text: String) { members(filter: { text: $text }) { totalCount } }`, { text: 'x'.repeat(201) }),
      'BAD_USER_INPUT',
      /filter.text must be at most 200/,
    );
    // A blank material is missing, not too long.
    for (const [query, field] of [
      ['{ members(filter: { materials: ["   "] }) { totalCount } }', 'filter.materials'],
      ['{ findSuppliers(requirements: { material: "   " }) { totalCount } }', 'requirements.material'],
    ]) {
      expect((await stack.query(query)).errors?.[0].extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field, reason: 'REQUIRED' });
    }
  });
});

describe('member input', () => {
  test.each([
    [{ postalCode: '1234' }, /postalCode must be a German postal code/],
    [{ postalCode: 'ABCDE' }, /postalCode must be a German postal code/],
    [{ postalCode: '00999' }, /postalCode must be a German postal code/],
    // Five digits, but outside 01001-99998: they were taken and placed nowhere.
    [{ postalCode: '99999' }, /postalCode must be a German postal code of five digits \(01001–99998\)/],
    [{ postalCode: '01000' }, /postalCode must be a German postal code of five digits \(01001–99998\)/],
    [{ contacts: [{ name: 'Strich', phone: '-----' }] }, /contacts\[0\].phone must have at least five digits/],
    [{ name: '   ' }, /name must not be empty/],
    [{ city: '' }, /city must not be empty/],
    [{ website: 'ftp://files.example.de' }, /website must be an http or https URL/],
    [{ website: 'keine url' }, /website must be an http or https URL/],
    // Within their limits as sent, over them as stored: they failed in the database as NETWORK_UNAVAILABLE.
    [{ name: 'ß'.repeat(150) }, /name must have at most 200 characters as sorted, where ß counts as ss; this one has 300/],
    [{ website: `https://a.de/${'ä'.repeat(280)}` }, /website must have at most 300 characters once percent-encoded/],
    [{ employees: 0 }, /employees must be a whole number from 1/],
    [{ processes: ['3.2.3', '7.1'] }, /processes: "7.1" is not a DIN 8580 process code/],
    [{ location: { latitude: 91, longitude: 10 } }, /location.latitude must lie between -90 and 90/],
    [{ certifications: [{ standard: 'ISO 9001', validUntil: '2025-02-30' }] }, /certifications\[0\].validUntil must be a calendar date written YYYY-MM-DD/],
    [{ certifications: [{ standard: 'ISO 9001', validUntil: '31.12.2027' }] }, /certifications\[0\].validUntil must be a calendar date/],
    [{ certifications: [{ standard: 'ISO 99999', validUntil: '2027-12-31' }] }, /certifications\[0\].standard: "ISO 99999" is not a known certification/],
    [
      {
        contacts: [
          { name: 'Ok', email: 'ok@firma.example' },
          { name: 'Kaputt', email: 'kaputt@' },
        ],
      },
      /contacts\[1\].email must be an e-mail address/,
    ],
    [{ contacts: [{ name: 'Tel', phone: 'call me' }] }, /contacts\[0\].phone must have at least five digits and contain digits/],
    [{ services: [{ title: '' }] }, /services\[0\].title must not be empty/],
  ])('%j is refused', async (patch, message) => {
    const before = await stack.query(`{ network(code: NIWE) { memberCount } }`);
    expectError(await create({ ...base, ...patch }), 'BAD_USER_INPUT', message);
    const after = await stack.query(`{ network(code: NIWE) { memberCount } }`);
    expect(after.data.network.memberCount).toBe(before.data.network.memberCount);
  });

  test('a wrongly typed field is refused by the schema', async () => {
    expectError(await create({ ...base, employees: 'viele' }), 'BAD_USER_INPUT', /employees/);
    expectError(await create({ city: 'Eschwege', postalCode: '37269' }), 'BAD_USER_INPUT', /name/);
  });

  test('a patch with one bad part changes nothing at all', async () => {
    const query = `query($id: ID!) { member(id: $id) { name employees certifications { standard validUntil } } }`;
    const before = await stack.query(query, { id: memberId });
    const res = await stack.query(
      `mutation($id: ID!, $input: MemberPatch!) { updateMember(id: $id, input: $input) { id } }`,
      { id: memberId, input: { name: 'Umbenannt GmbH', employees: 50, certifications: [{ standard: 'IATF 16949', validUntil: '2030-13-01' }] } },
      admin,
    );
    expectError(res, 'BAD_USER_INPUT', /certifications\[0\].validUntil/);
    expect((await stack.query(query, { id: memberId })).data).toEqual(before.data);
  });

  test('required fields cannot be cleared', async () => {
    expectError(
      await stack.query(`mutation($id: ID!) { updateMember(id: $id, input: { city: null }) { id } }`, { id: memberId }, admin),
      'BAD_USER_INPUT',
      /city cannot be cleared/,
    );
  });
});

describe('malformed strings are refused at the edge, naming the field', () => {
  // JSON carries both: "\u0000" and a lone "\ud83d" (half of an emoji). PostgreSQL stores neither, and each
  // used to fail the statement: INTERNAL_SERVER_ERROR or NETWORK_UNAVAILABLE for the client's own input.
  const nul = 'Fr\u0000äserei';
  const surrogate = 'Fräserei \ud83d';

  function expectMalformed(res: GraphQLResponse, field: string) {
    expectError(res, 'BAD_USER_INPUT', new RegExp(`^${field.replace(/[[\].$]/g, '\\$&')} contains (a NUL character|a lone UTF-16 surrogate)`));
    expect(res.errors![0].extensions?.field).toBe(field);
  }

  test.each([
    ['input.name', { ...base, name: nul }],
    ['input.description', { ...base, description: surrogate }],
    ['input.services[0].title', { ...base, services: [{ title: nul }] }],
    ['input.services[0].description', { ...base, services: [{ title: 'Fräsen', description: surrogate }] }],
    ['input.materials[0]', { ...base, materials: [nul] }],
    ['input.contacts[0].name', { ...base, contacts: [{ name: surrogate }] }],
  ])('member input %s', async (field, input) => {
    const before = await stack.query(`{ network(code: NIWE) { memberCount } }`);
    expectMalformed(await create(input), field);
    expect((await stack.query(`{ network(code: NIWE) { memberCount } }`)).data).toEqual(before.data);
  });

  test('filters, requirements, capacity posts, inquiries and idempotency keys, as variables or literals', async () => {
    expectMalformed(await stack.query(`query($t: String) { members(filter: { text: $t }) { totalCount } }`, { t: nul }), 'filter.text');
    expectMalformed(await stack.query(`{ members(filter: { text: "Fr\\u0000s" }) { totalCount } }`), 'filter.text');
    expectMalformed(await stack.query(`query($m: String!) { members(filter: { materials: [$m] }) { totalCount } }`, { m: surrogate }), 'filter.materials[0]');
    expectMalformed(
      await stack.query(`query($m: String) { findSuppliers(requirements: { material: $m }) { totalCount } }`, { m: nul }),
      'requirements.material',
    );
    const member = await stack.token({ role: 'member', network: 'NIWE', memberId });
    const post = await stack.query(
      `mutation($input: CapacityPostInput!) { postCapacity(input: $input) { id } }`,
      { input: { side: 'OFFER', kind: 'CAD', cadSystem: 'CATIA_V5', hours: 8, from: '2099-01-05', to: '2099-01-09', postalCode: '37269', notes: nul } },
      member,
    );
    expectMalformed(post, 'input.notes');
    const partner = await stack.token({ role: 'partner', sub: 'malformed-partner' });
    const inquiry = await stack.query(
      `mutation($input: InquiryInput!) { createInquiry(input: $input) { id } }`,
      {
        input: {
          title: nul,
          processes: ['3.2.1'],
          quantities: [{ quantity: 10 }],
          deliveryLocation: { postalCode: '37269' },
          quoteDeadline: '2099-01-15T12:00:00Z',
        },
      },
      partner,
    );
    expectMalformed(inquiry, 'input.title');
    const key = await stack.query(
      `mutation($k: String) { createMember(network: NIWE, input: { name: "Schlüssel GmbH", postalCode: "37269", city: "Eschwege" }, idempotencyKey: $k) { id } }`,
      { k: nul },
      admin,
    );
    expectMalformed(key, 'idempotencyKey');
  });
});

describe('lists in input are bounded', () => {
  const updateMember = `mutation($id: ID!, $input: MemberPatch!) { updateMember(id: $id, input: $input) { id } }`;
  const services = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `Leistung ${i}` }));

  test('a member with more services than its named limit is refused, naming the field and the limit', async () => {
    const res = await stack.query(updateMember, { id: memberId, input: { services: services(60) } }, admin);
    expectError(res, 'BAD_USER_INPUT', /services takes at most 50 entries, got 60/);
    // The argument's path, as the gateway's own refusal of 2,000 names it below (it said services).
    expect(res.errors![0].extensions?.field).toBe('input.services');
  });

  test('2,000 services or 20,000 process codes never reach a service', async () => {
    const huge = await stack.query(updateMember, { id: memberId, input: { services: services(2000) } }, admin);
    expectError(huge, 'BAD_USER_INPUT', /input.services has 2000 entries; no list in a request may have more than 200/);
    expect(huge.errors![0].extensions?.field).toBe('input.services');
    const members = `query($p: [String!], $n: [NetworkCode!]) { members(filter: { processes: $p, networks: $n }) { totalCount } }`;
    expectError(await stack.query(members, { p: Array.from({ length: 20_000 }, () => '3.2.3') }), 'BAD_USER_INPUT', /filter.processes has 20000 entries/);
    expectError(
      await stack.query(members, { p: Array.from({ length: 106 }, () => '3.2.3') }),
      'BAD_USER_INPUT',
      /filter.processes takes at most 105 entries, got 106/,
    );
    expectError(
      await stack.query(members, { n: Array.from({ length: 11 }, () => 'NIWE') }),
      'BAD_USER_INPUT',
      /filter.networks takes at most 10 entries, got 11/,
    );
    // A list without a limit of its own: an inquiry's quantities.
    const partner = await stack.token({ role: 'partner', sub: 'list-partner' });
    const inquiry = await stack.query(
      `mutation($input: InquiryInput!) { createInquiry(input: $input) { id } }`,
      {
        input: {
          title: 'Welle',
          processes: ['3.2.1'],
          quantities: Array.from({ length: 5000 }, (_, i) => ({ quantity: i + 1 })),
          deliveryLocation: { postalCode: '37269' },
          quoteDeadline: '2099-01-15T12:00:00Z',
        },
      },
      partner,
    );
    expectError(inquiry, 'BAD_USER_INPUT', /input.quantities has 5000 entries/);
  });
});

describe('search text without anything to search for', () => {
  test.each(['%', '_', '\\', '🦊🔧', '\u200b\u200b'])('%j says what is wrong with the text', async (text) => {
    const res = await stack.query(`query($t: String) { members(filter: { text: $t }) { totalCount } }`, { t: text });
    expectError(res, 'BAD_USER_INPUT', /filter.text .* has no letters or digits to search for/);
    expect(res.errors![0].extensions?.field).toBe('filter.text');
  });
});
