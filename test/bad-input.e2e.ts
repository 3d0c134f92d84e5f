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
// An inquiry's dates lie at most two years ahead (2099 is refused for that before the field under test is checked).
const quoteDeadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
const deliveryDate = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

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
    [{ postalCode: '99999' }, /postalCode must be a German postal code: five digits from 01001 to 99998, got "99999"/],
    [{ postalCode: '01000' }, /postalCode must be a German postal code: five digits from 01001 to 99998, got "01000"/],
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
    // An entry given twice, every field alike (the number's case aside): it showed twice on the profile.
    [
      {
        certifications: [
          { standard: 'ISO 9001', number: 'Q-1', validUntil: '2030-01-31' },
          { standard: 'IATF 16949', validUntil: '2030-01-31' },
          { standard: 'iso 9001', number: 'q-1', validUntil: '2030-01-31' },
        ],
      },
      /certifications names ISO 9001 twice \(entries 1 and 3\); name each once/,
    ],
    [
      {
        contacts: [
          { name: 'Anna Muster', email: 'anna@firma.example' },
          { name: 'anna muster', email: 'Anna@Firma.example' },
        ],
      },
      /contacts names anna muster twice \(entries 1 and 2\)/,
    ],
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

  test("a point's degrees are kept to 7 decimals: the smallest double is 0, not a write the network fails", async () => {
    // 5e-324 underflowed in PostgreSQL's earth functions: NETWORK_UNAVAILABLE, "may or may not have been applied" (the fuzz probe).
    const res = await stack.query(
      `mutation($input: MemberInput!) { createMember(network: NIWE, input: $input) { location { latitude longitude } } }`,
      { input: { ...base, name: 'Nullpunkt GmbH', location: { latitude: 5e-324, longitude: 10.123456789 } } },
      admin,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data.createMember.location).toEqual({ latitude: 0, longitude: 10.1234568 });
  });

  test('one standard twice with another number or date, and two people of one name with other addresses, are kept', async () => {
    const res = await create({
      ...base,
      name: 'Zwei Standorte GmbH',
      certifications: [
        { standard: 'ISO 9001', number: 'Q-1', validUntil: '2030-01-31' },
        { standard: 'ISO 9001', number: 'Q-2', validUntil: '2030-01-31' },
        { standard: 'ISO 9001', number: 'Q-1', validUntil: '2033-01-31' },
      ],
      contacts: [
        { name: 'Anna Muster', email: 'anna@firma.example' },
        { name: 'Anna Muster', email: 'a.muster@werk2.example' },
      ],
    });
    expect(res.errors).toBeUndefined();
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
          quoteDeadline,
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

describe('characters no page shows are refused where the text is stored, naming the field and the character', () => {
  // A direction control turns what follows around on every page that shows it: "\u202EHbmG relleM" reads
  // "Meller GmbH". A line break or tab has no place in a name or a title, which are shown on one line.
  const override = '\u202EHbmG relleM';

  function expectControl(res: GraphQLResponse, field: string, message: RegExp, oneLine?: true) {
    expectError(res, 'BAD_USER_INPUT', message);
    expect(res.errors![0].extensions).toMatchObject({ field, reason: 'CONTROL_CHARACTER', ...(oneLine ? { oneLine } : {}) });
  }

  test.each([
    ['input.name', { ...base, name: override }, /^name contains a direction control \(U\+202E\) at character 1, which no text shows/],
    ['input.city', { ...base, city: 'Esch\u0007wege' }, /^city contains a control character \(U\+0007\) at character 5/],
    ['input.contacts[0].name', { ...base, contacts: [{ name: 'Anna\u2066 Schulz' }] }, /direction control \(U\+2066\)/],
  ])('member input %s', async (field, input, message) => {
    const before = await stack.query(`{ network(code: NIWE) { memberCount } }`);
    expectControl(await create(input), field, message);
    expect((await stack.query(`{ network(code: NIWE) { memberCount } }`)).data).toEqual(before.data);
  });

  test('a line break or tab inside a name or a title is refused; a description keeps its lines, and a pasted name its trailing line break', async () => {
    expectControl(await create({ ...base, name: 'Müller\nGmbH' }), 'input.name', /^name is one line, but has a line break \(U\+000A\) at character 7/, true);
    expectControl(
      await create({ ...base, services: [{ title: 'Fräsen\tDrehen' }] }),
      'input.services[0].title',
      /is one line, but has a tab \(U\+0009\)/,
      true,
    );
    const made = await create({ ...base, name: 'Zeilen GmbH\r\n', description: 'Fräsen und Drehen.\n\nAuch\tin Serie.' });
    expect(made.errors).toBeUndefined();
    const id = (made.data as { createMember: { id: string } }).createMember.id;
    const read = await stack.query(`query($id: ID!) { member(id: $id) { name description } }`, { id });
    expect(read.data).toEqual({ member: { name: 'Zeilen GmbH', description: 'Fräsen und Drehen.\n\nAuch\tin Serie.' } });
    // The implicit direction marks stay: a right-to-left name needs them, and they turn nothing around.
    expect((await create({ ...base, name: 'Nahla\u200F GmbH' })).errors).toBeUndefined();
  });

  test("region's texts: an inquiry's title, a trade fair's name, a working group's topic; an inquiry's description keeps its lines", async () => {
    const partner = await stack.token({ role: 'partner', sub: 'control-partner' });
    const inquiry = (title: string, partDescription: string) =>
      stack.query(
        `mutation($input: InquiryInput!) { createInquiry(input: $input) { id title partDescription } }`,
        {
          input: {
            title,
            partDescription,
            processes: ['3.2.1'],
            quantities: [{ quantity: 10 }],
            deliveryLocation: { postalCode: '37269' },
            quoteDeadline,
            deliveryDate,
          },
        },
        partner,
      );
    expectControl(await inquiry('Flansch\u202E', 'Drehteil'), 'input.title', /^input\.title contains a direction control \(U\+202E\) at character 8/);
    expectControl(await inquiry('Flansch\nDN 50', 'Drehteil'), 'input.title', /is one line/, true);
    expectControl(await inquiry('Flansch', 'Drehteil\u001B[31m'), 'input.partDescription', /control character \(U\+001B\)/);
    const made = await inquiry('Flansch DN 50', 'Werkstoff: 1.4301\nToleranz: ±0,05');
    expect(made.errors).toBeUndefined();
    expect(made.data).toMatchObject({ createInquiry: { title: 'Flansch DN 50', partDescription: 'Werkstoff: 1.4301\nToleranz: ±0,05' } });

    const office = await stack.token({ role: 'office', network: 'NIWE' });
    const fair = await stack.query(
      `mutation($input: TradeFairInput!) { createTradeFair(input: $input) { id } }`,
      {
        input: {
          name: 'Netzwerkmesse\u0085',
          city: 'Bad Salzuflen',
          startsAt: '2099-03-01T09:00:00+01:00',
          endsAt: '2099-03-02T17:00:00+01:00',
          registrationDeadline: '2099-02-01T12:00:00+01:00',
          booth: { totalAreaM2: 40, rentCents: 100_000, constructionCents: 50_000, servicesCents: 10_000, baseFeeCents: 25_000 },
        },
      },
      office,
    );
    expectControl(fair, 'input.name', /control character \(U\+0085\)/);
    const group = (topic: string, description: string) =>
      stack.query(
        `mutation($input: WorkingGroupInput!) { createWorkingGroup(input: $input) { topic description } }`,
        { input: { topic, description, lead: { network: 'NIWE' } } },
        office,
      );
    expectControl(await group('Härten\tund Beschichten', 'Wärmebehandlung'), 'input.topic', /is one line, but has a tab/, true);
    expectControl(await group('Härten und Beschichten', 'Wärme\u2067behandlung'), 'input.description', /direction control \(U\+2067\)/);
    expect((await group('Zeilen im Arbeitskreis', 'Erstens.\nZweitens.')).data).toEqual({
      createWorkingGroup: { topic: 'Zeilen im Arbeitskreis', description: 'Erstens.\nZweitens.' },
    });
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
          quoteDeadline,
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
