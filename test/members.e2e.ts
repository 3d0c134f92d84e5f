import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ok, startStack, type GraphQLResponse, type Stack } from './support/stack.ts';

// The public contract of the unified graph, through the real gateway.

let stack: Stack;
let admin: string;

const memberFields = `id name network { code name } street postalCode city location { latitude longitude } website employees description
  processes { code name mainGroup path } materials certifications { standard number validUntil valid }
  services { id title description processes { code } } contacts { id name role email phone } archivedAt`;

async function create(network: string, input: Record<string, unknown>) {
  const res = await stack.query(
    `mutation($network: NetworkCode!, $input: MemberInput!) { createMember(network: $network, input: $input) { id name } }`,
    { network, input },
    admin,
  );
  expect(res.errors).toBeUndefined();
  return res.data.createMember.id as string;
}

async function walk(pageSize: number, filter?: Record<string, unknown>) {
  const ids: string[] = [];
  const names: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let page = 0; page < 100; page++) {
    const res: GraphQLResponse = await stack.query(
      `query($first: Int, $after: String, $filter: MemberFilter) { members(first: $first, after: $after, filter: $filter) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`,
      { first: pageSize, after, filter },
    );
    expect(res.errors).toBeUndefined();
    const connection = res.data.members;
    totalCount = connection.totalCount;
    for (const edge of connection.edges) {
      ids.push(edge.node.id);
      names.push(edge.node.name);
    }
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return { ids, names, totalCount };
}

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token({ role: 'admin', sub: 'test-admin' });
});
afterAll(async () => {
  await stack?.stop();
});

describe('createMember', () => {
  test('needs only name, postal code and city, and takes the location from the postal code', async () => {
    const res = await stack.query(
      `mutation { createMember(network: LINAT, input: { name: "Minimal GmbH", postalCode: "99974", city: "Mühlhausen" }) { ${memberFields} } }`,
      {},
      admin,
    );
    expect(res.errors).toBeUndefined();
    const m = res.data.createMember;
    expect(m.id).toMatch(/^LINAT:m-\d+$/);
    expect(m).toMatchObject({
      name: 'Minimal GmbH',
      network: { code: 'LINAT' },
      postalCode: '99974',
      city: 'Mühlhausen',
      street: null,
      website: null,
      processes: [],
      materials: [],
      certifications: [],
      services: [],
      contacts: [],
      archivedAt: null,
    });
    expect(m.location.latitude).toBeCloseTo(51.237, 2);
    expect(m.location.longitude).toBeCloseTo(10.451, 2);
  });

  test('stores every optional field, with processes resolved from the DIN 8580 code list', async () => {
    const input = {
      name: 'Werra Präzisionstechnik GmbH',
      street: 'Industriestraße 4',
      postalCode: '37269',
      city: 'Eschwege',
      website: 'https://www.werra-praezision.example',
      employees: 85,
      description: 'CNC-Fräsen und Drehen für Automotive',
      processes: ['3.2.3', '3.2.1'],
      materials: ['42CrMo4', '1.4301'],
      certifications: [
        { standard: 'iatf16949', number: 'IATF-1', validUntil: '2099-12-31' },
        { standard: 'ISO 9001', validUntil: '2001-01-01' },
      ],
      services: [{ title: '5-Achs-Fräsen', description: 'bis 800 mm', processes: ['3.2.3'] }],
      contacts: [{ name: 'Anna Beck', role: 'Vertrieb', email: 'anna@werra.example', phone: '+49 5651 12345' }],
    };
    const res = await stack.query(`mutation($input: MemberInput!) { createMember(network: NIWE, input: $input) { ${memberFields} } }`, { input }, admin);
    expect(res.errors).toBeUndefined();
    const m = res.data.createMember;
    expect(m.processes).toEqual([
      { code: '3.2.3', name: 'Fräsen', mainGroup: 'Trennen', path: ['Trennen', 'Spanen mit geometrisch bestimmten Schneiden', 'Fräsen'] },
      { code: '3.2.1', name: 'Drehen', mainGroup: 'Trennen', path: ['Trennen', 'Spanen mit geometrisch bestimmten Schneiden', 'Drehen'] },
    ]);
    expect(m.certifications).toEqual([
      { standard: 'IATF 16949', number: 'IATF-1', validUntil: '2099-12-31', valid: true },
      { standard: 'ISO 9001', number: null, validUntil: '2001-01-01', valid: false },
    ]);
    expect(m.services).toMatchObject([{ title: '5-Achs-Fräsen', description: 'bis 800 mm', processes: [{ code: '3.2.3' }] }]);
    expect(m.contacts).toMatchObject([{ name: 'Anna Beck', role: 'Vertrieb', email: 'anna@werra.example', phone: '+49 5651 12345' }]);
    // Materials are stored by their EN name: 1.4301 is X5CrNi18-10.
    expect(m).toMatchObject({ website: 'https://www.werra-praezision.example/', employees: 85, materials: ['42CrMo4', 'X5CrNi18-10'] });

    const again = await stack.query(`query($id: ID!) { member(id: $id) { ${memberFields} } }`, { id: m.id }, admin);
    expect(again.data.member).toEqual(m);
  });
});

describe('updateMember and archiveMember', () => {
  test('a patch changes only the given fields and replaces given lists', async () => {
    const id = await create('KONAT', {
      name: 'Patch AG',
      postalCode: '99817',
      city: 'Eisenach',
      employees: 10,
      services: [{ title: 'Alt' }],
      contacts: [{ name: 'Bleibt' }],
    });
    const res = await stack.query(
      `mutation($id: ID!, $input: MemberPatch!) { updateMember(id: $id, input: $input) { name employees description city postalCode location { latitude } services { title } contacts { name } } }`,
      { id, input: { employees: 12, description: 'Neu', postalCode: '99974', city: 'Mühlhausen', services: [{ title: 'Neu 1' }, { title: 'Neu 2' }] } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateMember).toMatchObject({
      name: 'Patch AG',
      employees: 12,
      description: 'Neu',
      city: 'Mühlhausen',
      postalCode: '99974',
      services: [{ title: 'Neu 1' }, { title: 'Neu 2' }],
      contacts: [{ name: 'Bleibt' }],
    });
    expect(res.data.updateMember.location.latitude).toBeCloseTo(51.237, 2);

    const cleared = await stack.query(
      `mutation($id: ID!) { updateMember(id: $id, input: { description: null, services: [] }) { description services { title } } }`,
      { id },
      admin,
    );
    expect(cleared.data.updateMember).toEqual({ description: null, services: [] });

    // Coordinates given, then cleared: the postal code's location again (null was taken as "keep").
    const located = `mutation($id: ID!, $location: GeoPointInput) { updateMember(id: $id, input: { location: $location }) { location { latitude longitude } } }`;
    const moved = await ok(stack.query(located, { id, location: { latitude: 50.5, longitude: 9.5 } }, admin));
    expect(moved.updateMember.location).toEqual({ latitude: 50.5, longitude: 9.5 });
    const back = await ok(stack.query(located, { id, location: null }, admin));
    expect(back.updateMember.location.latitude).toBeCloseTo(51.237, 2);
  });

  test('an archived member leaves the lists but stays readable by id', async () => {
    const id = await create('KONAT', { name: 'Archiv GmbH', postalCode: '99817', city: 'Eisenach' });
    const before = await stack.query(`{ network(code: KONAT) { memberCount } }`);
    const res = await stack.query(`mutation($id: ID!) { archiveMember(id: $id) { id archivedAt } }`, { id }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.archiveMember.archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const after = await stack.query(`{ network(code: KONAT) { memberCount } }`);
    expect(after.data.network.memberCount).toBe(before.data.network.memberCount - 1);
    const all = await walk(100);
    expect(all.ids).not.toContain(id);
    const read = await stack.query(`query($id: ID!) { member(id: $id) { id name archivedAt } }`, { id });
    expect(read.data.member).toMatchObject({ id, name: 'Archiv GmbH' });
    const update = await stack.query(`mutation($id: ID!) { updateMember(id: $id, input: { employees: 3 }) { id } }`, { id }, admin);
    expect(update.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('networks', () => {
  test('lists the registered networks with their members', async () => {
    await create('LINAT', { name: 'Netz Eins GmbH', postalCode: '99974', city: 'Mühlhausen' });
    const res = await stack.query(
      `{ networks { code name focus office { name email } memberCount members(first: 100) { totalCount edges { node { id network { code } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.networks.map((n: { code: string }) => n.code)).toEqual(['NIWE', 'LINAT', 'KONAT']);
    for (const network of res.data.networks) {
      expect(network.name).not.toBe('');
      expect(network.focus.length).toBeGreaterThan(0);
      expect(network.members.totalCount).toBe(network.memberCount);
      expect(network.members.edges.length).toBe(network.memberCount);
      for (const edge of network.members.edges) {
        expect(edge.node.network.code).toBe(network.code);
        expect(edge.node.id.startsWith(`${network.code}:`)).toBe(true);
      }
    }
    const one = await stack.query(`{ network(code: LINAT) { code memberCount } }`);
    expect(one.data.network.code).toBe('LINAT');
  });
});

describe('members across networks', () => {
  beforeAll(async () => {
    // Same names in several networks, umlauts and case: the order must still be total and shared.
    const names = [
      'Zeller GmbH',
      'ahrens kg',
      'Äpfel & Co',
      'Müller Formenbau',
      'Mueller Formenbau',
      'Müller Formenbau',
      'Beck',
      'Beck',
      'Öko Guss',
      '3D Druck Nord',
    ];
    for (const [i, name] of names.entries()) {
      await create(['NIWE', 'LINAT', 'KONAT'][i % 3], {
        name,
        postalCode: '37269',
        city: 'Eschwege',
        processes: i % 2 ? ['3.2.1'] : ['1.2'],
        certifications: i % 4 === 0 ? [{ standard: 'IATF 16949', validUntil: '2099-01-01' }] : [],
      });
    }
  });

  test('pages walk every member exactly once, in name order, whatever the page size', async () => {
    const full = await walk(100);
    expect(new Set(full.ids).size).toBe(full.ids.length);
    expect(full.ids.length).toBe(full.totalCount);
    const networksSeen = new Set(full.ids.map((id) => id.split(':')[0]));
    expect(networksSeen).toEqual(new Set(['NIWE', 'LINAT', 'KONAT']));
    const lower = full.names.map((n) => n.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u'));
    expect(lower.indexOf('ahrens kg')).toBeLessThan(lower.indexOf('beck'));
    expect(lower.indexOf('apfel & co')).toBeLessThan(lower.indexOf('beck'));
    expect(lower.indexOf('muller formenbau')).toBeLessThan(lower.indexOf('zeller gmbh'));
    for (const size of [1, 3, 7]) {
      const paged = await walk(size);
      expect(paged.ids).toEqual(full.ids);
      expect(paged.totalCount).toBe(full.totalCount);
    }
  });

  test('filters run in every network: networks, processes with their hierarchy, certifications, text', async () => {
    const byNetwork = await walk(100, { networks: ['LINAT', 'KONAT'] });
    expect(byNetwork.ids.every((id) => !id.startsWith('NIWE:'))).toBe(true);
    expect(byNetwork.ids.length).toBe(byNetwork.totalCount);

    const turning = await walk(100, { processes: ['3.2.1'] });
    const cutting = await walk(100, { processes: ['3'] });
    const moulding = await walk(100, { processes: ['1.2'] });
    expect(turning.ids.length).toBeGreaterThan(0);
    expect(new Set(cutting.ids)).toEqual(new Set([...turning.ids, ...cutting.ids]));
    expect(cutting.ids.filter((id) => moulding.ids.includes(id))).toEqual([]);

    const certified = await walk(100, { certifications: ['IATF 16949'], processes: ['1'] });
    expect(certified.names.sort()).toEqual(['Mueller Formenbau', 'Zeller GmbH', 'Öko Guss'].sort());

    const text = await walk(2, { text: 'formenbau' });
    expect(text.names.sort()).toEqual(['Mueller Formenbau', 'Müller Formenbau', 'Müller Formenbau']);
    expect(text.totalCount).toBe(3);
  });
});
