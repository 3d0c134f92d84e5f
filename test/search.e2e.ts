import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postalCodeLocation } from '../shared/data/postal-codes.ts';
import { regionDay } from '../shared/region-day.ts';
import { nameSortKey } from '../shared/sort-key.ts';
import { createMember } from './support/members.ts';
import { startStack, type GraphQLResponse, type Stack } from './support/stack.ts';

// Regional search on data this test creates through the mutations.

let stack: Stack;

interface Fixture {
  name: string;
  network: 'NIWE' | 'LINAT' | 'KONAT';
  postalCode: string;
  city: string;
  description?: string;
  processes?: string[];
  materials?: string[];
  certifications?: { standard: string; validUntil: string }[];
  employees?: number;
  services?: { title: string }[];
}

const fixtures: Fixture[] = [
  {
    name: 'Mühlhäuser Präzisionsteile GmbH',
    network: 'LINAT',
    postalCode: '99974',
    city: 'Mühlhausen',
    processes: ['3.2.1'],
    materials: ['42CrMo4'],
    certifications: [{ standard: 'IATF 16949', validUntil: '2099-12-31' }],
    employees: 40,
    services: [{ title: 'CNC-Fräserei und Drehteile' }],
  },
  {
    name: 'Fräsen & Drehen Eschwege KG',
    network: 'NIWE',
    postalCode: '37269',
    city: 'Eschwege',
    processes: ['3.2.3', '3.2.1'],
    materials: ['1.7225'],
    certifications: [{ standard: 'ISO 9001', validUntil: '2027-06-30' }],
    employees: 120,
  },
  {
    name: 'Gießerei Ruhla GmbH',
    network: 'KONAT',
    postalCode: '99842',
    city: 'Ruhla',
    processes: ['1.1'],
    materials: ['AlMgSi1'],
    certifications: [
      { standard: 'ISO 9001', validUntil: '2099-01-01' },
      { standard: 'IATF 16949', validUntil: '2024-01-01' },
    ],
    employees: 250,
  },
  {
    name: 'Kunststofftechnik Wanfried GmbH',
    network: 'NIWE',
    postalCode: '37281',
    city: 'Wanfried',
    description: 'Spritzguss für Automotive',
    processes: ['1.2'],
    materials: ['PA66'],
    employees: 15,
  },
  {
    name: 'Blechbearbeitung Sontra GmbH',
    network: 'LINAT',
    postalCode: '36205',
    city: 'Sontra',
    processes: ['3.1.1', '2.4.1'],
    materials: ['S235JR'],
    certifications: [{ standard: 'IATF 16949', validUntil: '2099-12-31' }],
    employees: 60,
  },
  { name: 'Härterei Gotha GmbH', network: 'KONAT', postalCode: '99867', city: 'Gotha', processes: ['6.2'], employees: 30 },
  {
    name: 'Straßenbau-Zulieferer Langensalza',
    network: 'LINAT',
    postalCode: '99947',
    city: 'Bad Langensalza',
    description: 'Schweißkonstruktionen',
    processes: ['4.6.2'],
    employees: 8,
  },
  {
    name: 'Schleiftechnik Heiligenstadt GmbH',
    network: 'KONAT',
    postalCode: '37308',
    city: 'Heilbad Heiligenstadt',
    processes: ['3.3.1', '3.3.4'],
    employees: 45,
  },
  {
    name: 'Werkzeugbau Witzenhausen GmbH',
    network: 'NIWE',
    postalCode: '37213',
    city: 'Witzenhausen',
    processes: ['3.2.3', '3.4.1'],
    materials: ['1.2343'],
    certifications: [{ standard: 'IATF 16949', validUntil: '2099-12-31' }],
    employees: 75,
  },
  { name: 'Müller Präzision', network: 'NIWE', postalCode: '99817', city: 'Eisenach', processes: ['3.2.1'], employees: 22 },
  { name: 'Mueller Formenbau', network: 'KONAT', postalCode: '37242', city: 'Bad Sooden-Allendorf', processes: ['3.2.3'], employees: 12 },
  {
    name: 'Gerstunger Oberflächen GmbH',
    network: 'LINAT',
    postalCode: '99834',
    city: 'Gerstungen',
    processes: ['5.4', '5.8'],
    certifications: [{ standard: 'ISO 14001', validUntil: '2099-12-31' }],
    employees: 90,
  },
  // Members at one postal code share one point: distance ties across and within networks, broken by name and id.
  { name: 'Anker Lasertechnik', network: 'NIWE', postalCode: '99817', city: 'Eisenach' },
  { name: 'Zahn Lasertechnik', network: 'KONAT', postalCode: '99817', city: 'Eisenach' },
  { name: 'Berg Lasertechnik', network: 'LINAT', postalCode: '99817', city: 'Eisenach' },
  { name: 'Anker Lasertechnik', network: 'KONAT', postalCode: '99817', city: 'Eisenach' },
  // Far enough away (about 330 km) that straight line and arc differ by tens of metres.
  { name: 'Isar Lasertechnik', network: 'KONAT', postalCode: '80331', city: 'München' },
];

const ids = new Map<string, string>();

const connectionQuery = `query($filter: MemberFilter, $orderBy: MemberOrder, $first: Int, $after: String) {
  members(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor score distanceKm matched { text processes materials certifications withinRadius employees } node { id name network { code } } }
    pageInfo { hasNextPage endCursor }
    facets { networks { value label count } processMainGroups { value label count } certifications { value count } }
  }
}`;

async function search(variables: Record<string, unknown>): Promise<GraphQLResponse> {
  return stack.query(connectionQuery, { first: 100, ...variables });
}

async function names(filter: Record<string, unknown>, orderBy?: string): Promise<string[]> {
  const res = await search({ filter, orderBy });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.members.edges.map((e: { node: { name: string } }) => e.node.name);
}

async function walk(variables: Record<string, unknown>, pageSize: number) {
  const edges: any[] = [];
  let after: string | null = null;
  for (let i = 0; i < 200; i++) {
    const res: GraphQLResponse = await search({ ...variables, first: pageSize, after });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    edges.push(...res.data.members.edges);
    if (!res.data.members.pageInfo.hasNextPage) return { edges, totalCount: res.data.members.totalCount, facets: res.data.members.facets };
    after = res.data.members.pageInfo.endCursor;
  }
  throw new Error('walk did not end');
}

const earthRadiusKm = 6378.168;
function km(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const r = Math.PI / 180;
  const x =
    Math.sin(((b.latitude - a.latitude) * r) / 2) ** 2 +
    Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.sin(((b.longitude - a.longitude) * r) / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.sqrt(x));
}

beforeAll(async () => {
  stack = await startStack();
  const admin = await stack.token({ role: 'admin' });
  for (const { network, ...input } of fixtures) {
    ids.set(input.name, (await createMember(stack, admin, network, input)).id);
  }
});
afterAll(async () => {
  await stack?.stop();
});

describe('text', () => {
  test('umlauts and their transliterations find each other', async () => {
    const expected = ['Mühlhäuser Präzisionsteile GmbH'];
    expect(await names({ text: 'Mühlhausen' })).toEqual(expected);
    expect(await names({ text: 'Muehlhausen' })).toEqual(expected);
    expect(await names({ text: 'Muhlhausen' })).toEqual(expected);
    expect((await names({ text: 'müller' })).sort()).toEqual(['Mueller Formenbau', 'Müller Präzision']);
    expect(await names({ text: 'Strassenbau' })).toEqual(['Straßenbau-Zulieferer Langensalza']);
    expect(await names({ text: 'GIESSEREI' })).toEqual(['Gießerei Ruhla GmbH']);
    // A letter foldWord leaves to irm_fold in SQL (Œ folds to nothing there, so its word matches every member).
    expect(await names({ text: 'Œ Mühlhausen' })).toEqual(expected);
  });

  test('word parts match inside words and across name, description, services and process names', async () => {
    // "Fräs" is in a name (Fräsen), a service (CNC-Fräserei) and the process name Fräsen (3.2.3).
    expect((await names({ text: 'Fräs' })).sort()).toEqual([
      'Fräsen & Drehen Eschwege KG',
      'Mueller Formenbau',
      'Mühlhäuser Präzisionsteile GmbH',
      'Werkzeugbau Witzenhausen GmbH',
    ]);
    expect(await names({ text: 'spritzguss' })).toEqual(['Kunststofftechnik Wanfried GmbH']);
    expect(await names({ text: 'schweiß' })).toEqual(['Straßenbau-Zulieferer Langensalza']);
  });

  test('a small typo still finds the member', async () => {
    expect(await names({ text: 'Eschwge' })).toEqual(['Fräsen & Drehen Eschwege KG']);
    expect(await names({ text: 'Witzenhasuen' })).toEqual(['Werkzeugbau Witzenhausen GmbH']);
  });

  test('every word must match; relevance orders the hits and says where they matched', async () => {
    expect(await names({ text: 'Präzision Eisenach' })).toEqual(['Müller Präzision']);
    const res = await search({ filter: { text: 'Präzision' } });
    const edges = res.data.members.edges;
    expect(edges.map((e: any) => e.node.name).sort()).toEqual(['Mühlhäuser Präzisionsteile GmbH', 'Müller Präzision']);
    for (const edge of edges) {
      expect(edge.score).toBeGreaterThan(0);
      expect(edge.score).toBeLessThanOrEqual(1);
      expect(edge.matched.text).toContain('name');
    }
    expect(edges[0].score).toBeGreaterThanOrEqual(edges[1].score);
    const service = await search({ filter: { text: 'Fräserei' } });
    expect(service.data.members.edges[0].matched.text).toEqual(['services']);
  });

  test('a word for a whole family of materials finds members that work any of it: "Alu", "Aluminium"', async () => {
    // It found none: the filter compared the word with the members' materials as it was typed.
    for (const word of ['Alu', 'Aluminium', 'aluminum']) expect(await names({ materials: [word] }), word).toEqual(['Gießerei Ruhla GmbH']);
    expect(await names({ materials: ['Edelstahl'] })).toEqual([]);
    // "Stahl" is every steel: the tool steel of the Witzenhausen tool shop among them.
    expect(await names({ materials: ['Stahl'] })).toContain('Werkzeugbau Witzenhausen GmbH');
  });

  test('materials and certificates are searchable text: a name or number, another spelling, a family word, a standard', async () => {
    // A buyer types them into the box as often as into the filters, and the text held neither: "42CrMo4",
    // "Aluminium" and "IATF 16949" found no member by text while the filters found them.
    const steel = ['Fräsen & Drehen Eschwege KG', 'Mühlhäuser Präzisionsteile GmbH'];
    for (const text of ['42CrMo4', '1.7225']) expect((await names({ text })).sort(), text).toEqual(steel);
    for (const text of ['Aluminium', 'Alu', 'AlMgSi1', 'EN AW-6082']) expect(await names({ text }), text).toEqual(['Gießerei Ruhla GmbH']);
    expect(await names({ text: 'Werkzeugstahl' })).toEqual(['Werkzeugbau Witzenhausen GmbH']);
    const polyamid = await search({ filter: { text: 'Polyamid' } });
    expect(polyamid.data.members.edges.map((e: any) => [e.node.name, e.score, e.matched.text])).toEqual([
      ['Kunststofftechnik Wanfried GmbH', 0.6, ['materials']],
    ]);
    // Certificates as the profile lists them, an expired one too (Ruhla's IATF 16949): whether one is valid on a
    // day is the certifications filter's question.
    expect((await names({ text: 'IATF 16949' })).sort()).toEqual(
      ['Blechbearbeitung Sontra GmbH', 'Gießerei Ruhla GmbH', 'Mühlhäuser Präzisionsteile GmbH', 'Werkzeugbau Witzenhausen GmbH'].sort(),
    );
    const iso = await search({ filter: { text: 'ISO 14001' } });
    expect(iso.data.members.edges.map((e: any) => [e.node.name, e.matched.text])).toEqual([['Gerstunger Oberflächen GmbH', ['certifications']]]);
    // A typo of a material's spelling is found as any other word's.
    expect(await names({ text: 'Polyoxymetylen' })).toEqual([]);

    // The text follows what is written: materials and certificates replaced, the old ones no longer found.
    const admin = await stack.token({ role: 'admin' });
    const { id } = await createMember(stack, admin, 'KONAT', {
      name: 'Treffurter Formteile',
      postalCode: '99830',
      city: 'Treffurt',
      materials: ['POM'],
      certifications: [{ standard: 'ISO 50001', validUntil: '2099-12-31' }],
    });
    try {
      for (const text of ['POM', 'Polyoxymethylen', 'Kunststoff', 'ISO 50001', 'Polyoxymetylen'])
        expect(await names({ text }), text).toContain('Treffurter Formteile');
      const updated = await stack.query(
        `mutation($id: ID!, $input: MemberPatch!) { updateMember(id: $id, input: $input) { id } }`,
        { id, input: { materials: ['PEEK'], certifications: [] } },
        admin,
      );
      expect(updated.errors).toBeUndefined();
      for (const text of ['Polyoxymethylen', 'ISO 50001']) expect(await names({ text }), text).not.toContain('Treffurter Formteile');
      expect(await names({ text: 'PEEK' })).toEqual(['Treffurter Formteile']);
    } finally {
      expect((await stack.query(`mutation($id: ID!) { archiveMember(id: $id) { id } }`, { id }, admin)).errors).toBeUndefined();
    }
  });

  test('a hyphen or a slash parts words as a space does: "CNC-Drehteile" finds and ranks what "CNC Drehteile" does', async () => {
    // The service reads "CNC-Fräserei und Drehteile": "cnc drehteile" as one folded phrase stood nowhere, and the
    // member was found, if at all, only by close spellings.
    const spaced = await search({ filter: { text: 'CNC Drehteile' } });
    expect(spaced.data.members.edges.map((e: any) => [e.node.name, e.score])).toEqual([['Mühlhäuser Präzisionsteile GmbH', 0.6]]);
    for (const text of ['CNC-Drehteile', 'CNC–Drehteile', 'CNC/Drehteile', 'Drehteile-CNC'])
      expect((await search({ filter: { text } })).data.members.edges, text).toEqual(spaced.data.members.edges);
  });

  test('relevance tiers: the name before other fields, the word as typed before a close spelling, then by name', async () => {
    const res = await search({ filter: { text: 'Fräs' } });
    const edges = res.data.members.edges.map((e: any) => [e.node.name, e.score]);
    const textOnly = ['Mühlhäuser Präzisionsteile GmbH', 'Mueller Formenbau', 'Werkzeugbau Witzenhausen GmbH'].sort((a, b) =>
      Buffer.compare(Buffer.from(nameSortKey(a)), Buffer.from(nameSortKey(b))),
    );
    expect(edges).toEqual([['Fräsen & Drehen Eschwege KG', 1], ...textOnly.map((name) => [name, 0.6])]);
    const typed = await search({ filter: { text: 'Eschwege' } });
    const typo = await search({ filter: { text: 'Eschwge' } });
    expect(typed.data.members.edges.map((e: any) => [e.node.name, e.score])).toEqual([['Fräsen & Drehen Eschwege KG', 1]]);
    expect(typo.data.members.edges.map((e: any) => [e.node.name, e.score])).toEqual([['Fräsen & Drehen Eschwege KG', 0.45]]);
    // What the typo's hit matched: its close spelling, in the name and the town.
    expect(typo.data.members.edges[0].matched.text).toEqual(['name', 'city']);
    // Inside the name but not at a word start ranks below a word start.
    const inside = await search({ filter: { text: 'technik' } });
    expect(inside.data.members.edges.every((e: any) => e.score === 0.9)).toBe(true);
  });
});

describe('structured filters', () => {
  test('a process code matches every process below it', async () => {
    expect((await names({ processes: ['3.2.1'] })).sort()).toEqual(['Fräsen & Drehen Eschwege KG', 'Mühlhäuser Präzisionsteile GmbH', 'Müller Präzision']);
    const spanen = await names({ processes: ['3.2'] });
    expect(spanen.sort()).toEqual([
      'Fräsen & Drehen Eschwege KG',
      'Mueller Formenbau',
      'Mühlhäuser Präzisionsteile GmbH',
      'Müller Präzision',
      'Werkzeugbau Witzenhausen GmbH',
    ]);
    const trennen = await names({ processes: ['3'] });
    expect(trennen).toEqual(expect.arrayContaining([...spanen, 'Blechbearbeitung Sontra GmbH', 'Schleiftechnik Heiligenstadt GmbH']));
    expect(trennen).toHaveLength(spanen.length + 2);
    const res = await search({ filter: { processes: ['3.2'] }, orderBy: 'NAME' });
    const eschwege = res.data.members.edges.find((e: any) => e.node.name === 'Fräsen & Drehen Eschwege KG');
    expect(eschwege.matched.processes.sort()).toEqual(['3.2.1', '3.2.3']);
  });

  test('a material matches by EN name or number', async () => {
    const byName = await names({ materials: ['42CrMo4'] });
    expect(byName.sort()).toEqual(['Fräsen & Drehen Eschwege KG', 'Mühlhäuser Präzisionsteile GmbH']);
    expect((await names({ materials: ['1.7225'] })).sort()).toEqual(byName.sort());
    expect(await names({ materials: ['EN AW-6082'] })).toEqual(['Gießerei Ruhla GmbH']);
    expect(await names({ materials: ['x37crmov5-1'] })).toEqual(['Werkzeugbau Witzenhausen GmbH']);
  });

  test('a material the list lacks is found as typed; one close to a listed spelling that alone finds nothing is refused with the close spellings', async () => {
    // "42CrMo" (for 42CrMo4) answered 0 members without a word, as "no supplier" reads (the partner probe).
    const typo = await search({ filter: { materials: ['42CrMo'] } });
    expect(typo.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.materials',
      reason: 'UNKNOWN_MATERIAL',
      suggestions: ['42CrMo4'],
    });
    expect(typo.errors?.[0].message).toMatch(/"42CrMo" is not a listed material, and no member works it as typed\. Did you mean 42CrMo4\?/);
    // Nothing close: nothing to suggest, and no member is the answer.
    expect(await names({ materials: ['Unobtainium'] })).toEqual([]);
    // A member stores a material the list lacks as typed (C35 one letter from C45, S355JR from S355J2): the filter finds it as typed.
    const admin = await stack.token({ role: 'admin' });
    const { id } = await createMember(stack, admin, 'NIWE', {
      name: 'Sontraer Sonderwerkstoffe',
      postalCode: '36205',
      city: 'Sontra',
      processes: ['3.2.1'],
      materials: ['C35', 'Inconel 718', 'S355JR'],
      employees: 25,
    });
    try {
      for (const material of ['C35', 'Inconel 718', 'S355JR']) expect(await names({ materials: [material] }), material).toEqual(['Sontraer Sonderwerkstoffe']);
      // Beside other filters that keep the member, it is found as well.
      for (const filter of [
        { materials: ['S355JR'], networks: ['NIWE'] },
        { materials: ['S355JR'], processes: ['3.2'] },
        { materials: ['S355JR', 'C35'] },
        { materials: ['C35'], employees: { min: 20 } },
        { materials: ['Inconel 718'], text: 'Sontraer' },
      ])
        expect(await names(filter), JSON.stringify(filter)).toEqual(['Sontraer Sonderwerkstoffe']);
      // With the rest of the filter finding nothing, the answer is empty: the material a member works is no typo.
      // It was UNKNOWN_MATERIAL "Did you mean S355J2?", another steel grade (the review).
      for (const filter of [
        { materials: ['S355JR'], networks: ['LINAT'] },
        { materials: ['S355JR'], processes: ['6.2'] },
        { materials: ['S355JR', '42CrMo4'] },
        { materials: ['C35'], networks: ['KONAT'] },
        { materials: ['C35'], certifications: ['IATF 16949'] },
        { materials: ['C35'], near: { postalCode: '99817', radiusKm: 5 } },
      ]) {
        const res = await search({ filter, orderBy: 'NAME' });
        expect(res.errors, JSON.stringify(filter)).toBeUndefined();
        expect(res.data.members.edges, JSON.stringify(filter)).toEqual([]);
      }
      // The typo alone is still refused while the member is there.
      expect((await search({ filter: { materials: ['42CrMo'] } })).errors?.[0].extensions).toMatchObject({
        reason: 'UNKNOWN_MATERIAL',
        suggestions: ['42CrMo4'],
      });
    } finally {
      expect((await stack.query(`mutation($id: ID!) { archiveMember(id: $id) { id } }`, { id }, admin)).errors).toBeUndefined();
    }
  });

  test('certificates count only while valid on the date asked', async () => {
    expect((await names({ certifications: ['IATF 16949'] })).sort()).toEqual([
      'Blechbearbeitung Sontra GmbH',
      'Mühlhäuser Präzisionsteile GmbH',
      'Werkzeugbau Witzenhausen GmbH',
    ]);
    expect((await names({ certifications: ['IATF 16949'], certifiedOn: '2023-06-01' })).sort()).toEqual([
      'Blechbearbeitung Sontra GmbH',
      'Gießerei Ruhla GmbH',
      'Mühlhäuser Präzisionsteile GmbH',
      'Werkzeugbau Witzenhausen GmbH',
    ]);
    expect(await names({ certifications: ['ISO 9001'], certifiedOn: '2028-01-01' })).toEqual(['Gießerei Ruhla GmbH']);
    expect((await names({ certifications: ['ISO 9001'], certifiedOn: '2027-06-30' })).sort()).toEqual(['Fräsen & Drehen Eschwege KG', 'Gießerei Ruhla GmbH']);
  });

  test('employees range', async () => {
    expect((await names({ employees: { min: 60, max: 120 } })).sort()).toEqual([
      'Blechbearbeitung Sontra GmbH',
      'Fräsen & Drehen Eschwege KG',
      'Gerstunger Oberflächen GmbH',
      'Werkzeugbau Witzenhausen GmbH',
    ]);
    expect(await names({ employees: { min: 200 } })).toEqual(['Gießerei Ruhla GmbH']);
  });
});

describe('near', () => {
  test('radius results lie within the radius, sorted by distance', async () => {
    const centre = postalCodeLocation('37269')!;
    for (const radiusKm of [20, 35]) {
      const res = await search({ filter: { near: { postalCode: '37269', radiusKm } } });
      expect(res.errors).toBeUndefined();
      const edges = res.data.members.edges;
      const distances = edges.map((e: any) => e.distanceKm);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      for (const edge of edges) {
        expect(edge.distanceKm).toBeLessThanOrEqual(radiusKm);
        expect(edge.matched.withinRadius).toBe(true);
      }
      const expected = fixtures.filter((f) => km(centre, postalCodeLocation(f.postalCode)!) <= radiusKm).map((f) => f.name);
      expect(edges.map((e: any) => e.node.name).sort()).toEqual(expected.sort());
      for (const edge of edges) {
        const fixture = fixtures.find((f) => f.name === edge.node.name)!;
        expect(edge.distanceKm).toBeCloseTo(km(centre, postalCodeLocation(fixture.postalCode)!), 0);
      }
    }
    const byPoint = await search({ filter: { near: { ...centre, radiusKm: 20 } } });
    expect(byPoint.data.members.edges.map((e: any) => e.node.id)).toEqual(
      (await search({ filter: { near: { postalCode: '37269', radiusKm: 20 } } })).data.members.edges.map((e: any) => e.node.id),
    );
  });
});

describe('pagination', () => {
  const orders: [string, Record<string, unknown>][] = [
    ['NAME', {}],
    ['NAME', { processes: ['3'] }],
    ['RELEVANCE', { text: 'GmbH' }],
    ['DISTANCE', { near: { postalCode: '99817', radiusKm: 500 } }],
    ['DISTANCE', { near: { postalCode: '99817', radiusKm: 1 } }],
    ['DISTANCE', { near: { postalCode: '37269', radiusKm: 35 }, text: 'Präzision' }],
  ];
  test.each(orders)('walks in %s order with %j give exactly the matching set for page sizes 1, 7 and 100', async (orderBy, filter) => {
    const full = await walk({ filter, orderBy }, 100);
    expect(full.edges.length).toBe(full.totalCount);
    expect(full.edges.length).toBeGreaterThan(0);
    const ids = full.edges.map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const size of [1, 7]) {
      const paged = await walk({ filter, orderBy }, size);
      expect(paged.edges.map((e: any) => e.node.id)).toEqual(ids);
      expect(paged.totalCount).toBe(full.totalCount);
    }
    if (orderBy === 'DISTANCE') {
      const d = full.edges.map((e: any) => e.distanceKm);
      expect(d).toEqual([...d].sort((a, b) => a - b));
    }
    if (orderBy === 'RELEVANCE') {
      const s = full.edges.map((e: any) => e.score);
      expect(s).toEqual([...s].sort((a, b) => b - a));
    }
  });

  test('a forged cursor is NOT_A_CURSOR, never a network without its database; a member id past 32 bits is NOT_AN_ID', async () => {
    const forged = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    for (const parts of [
      ['NAME', 0, 'a\u0000b', 'NIWE', 1],
      ['NAME', 0, 'x'.repeat(401), 'NIWE', 1],
      ['NAME', 0, 'zzz', 'NIWE', 99_999_999_999],
      ['NAME', 9_007_199_254_740_991, 'zzz', 'NIWE', 1],
    ]) {
      const res = await search({ filter: {}, orderBy: 'NAME', first: 3, after: forged(parts) });
      expect(res.errors, JSON.stringify(parts)).toHaveLength(1);
      expect(res.errors?.[0].extensions, JSON.stringify(parts)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', reason: 'NOT_A_CURSOR' });
    }
    for (const id of ['NIWE:m-2147483648', 'NIWE:m-99999999999']) {
      const res = await stack.query(`query($id: ID!) { member(id: $id) { id } }`, { id });
      expect(res.errors?.[0].extensions, id).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_AN_ID' });
    }
    expect((await stack.query(`{ member(id: "NIWE:m-2147483647") { id } }`)).data.member).toBeNull();
  });

  test('a cursor from another order is refused', async () => {
    const first = await search({ filter: { text: 'GmbH' }, first: 1 });
    const res = await search({ filter: { text: 'GmbH' }, orderBy: 'NAME', after: first.data.members.pageInfo.endCursor });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/cursor of a RELEVANCE ordered list/);
  });
});

describe('facets', () => {
  test('with networks chosen, the networks facet counts the others too, so one can be added by it; the page and total stay the chosen ones', async () => {
    // It listed the chosen networks alone (the search probe).
    const all = (await search({ filter: { processes: ['3'] }, first: 1 })).data.members;
    const chosen = await search({ filter: { processes: ['3'], networks: ['NIWE'] }, first: 5 });
    expect(chosen.errors).toBeUndefined();
    const { totalCount, facets, edges } = chosen.data.members;
    expect(facets.networks).toEqual(all.facets.networks);
    expect(totalCount).toBe(all.facets.networks.find((f: any) => f.value === 'NIWE').count);
    expect(edges.every((e: any) => e.node.id.startsWith('NIWE:'))).toBe(true);
    expect(facets.networks.map((f: any) => f.value)).toEqual(expect.arrayContaining(['LINAT', 'KONAT']));
    // The other facets stay those of the chosen networks' hits.
    const groups = facets.processMainGroups.reduce((s: number, f: any) => s + f.count, 0);
    expect(groups).toBeLessThan(all.facets.processMainGroups.reduce((s: number, f: any) => s + f.count, 0));
  });

  // certifiedOn alone: the certifications facet counts the certificates valid that day (it was refused: the review).
  test.each([{}, { processes: ['3'] }, { text: 'GmbH' }, { certifications: ['IATF 16949'], certifiedOn: '2023-01-01' }, { certifiedOn: '2028-01-01' }])(
    'equal the counts of a full walk for %j',
    async (filter) => {
      const full = await walk({ filter }, 7);
      const facets = full.facets;
      const names = full.edges.map((e: any) => e.node.name);
      const members = fixtures.filter((f) => names.includes(f.name));
      const count = (pred: (f: Fixture) => boolean) => members.filter(pred).length;
      for (const f of facets.networks) expect(f.count).toBe(count((m) => m.network === f.value));
      expect(facets.networks.reduce((s: number, f: any) => s + f.count, 0)).toBe(full.totalCount);
      for (const f of facets.processMainGroups) expect(f.count).toBe(count((m) => (m.processes ?? []).some((p) => p.split('.')[0] === f.value)));
      const groups = new Set(members.flatMap((m) => (m.processes ?? []).map((p) => p.split('.')[0])));
      expect(facets.processMainGroups.map((f: any) => f.value).sort()).toEqual([...groups].sort());
      const on = (filter as { certifiedOn?: string }).certifiedOn ?? regionDay();
      for (const f of facets.certifications)
        expect(f.count).toBe(count((m) => (m.certifications ?? []).some((c) => c.standard === f.value && c.validUntil >= on)));
      const standards = new Set(members.flatMap((m) => (m.certifications ?? []).filter((c) => c.validUntil >= on).map((c) => c.standard)));
      expect(facets.certifications.map((f: any) => f.value).sort()).toEqual([...standards].sort());
      expect(facets.processMainGroups.every((f: any) => f.label !== f.value)).toBe(true);
    },
  );
});

describe('bad input', () => {
  test.each([
    [{ near: { postalCode: '37269', radiusKm: 0 } }, 'filter.near.radiusKm', /at least 0.001 km \(1 m\) and at most 500 km/],
    // Underflowed in every network's distance box: three NETWORK_UNAVAILABLE errors for the client's own input (the fuzz probe).
    [{ near: { postalCode: '37269', radiusKm: 1e-320 } }, 'filter.near.radiusKm', /at least 0.001 km/],
    [{ near: { postalCode: '37269', radiusKm: 501 } }, 'filter.near.radiusKm', /at most 500 km, got 501/],
    [{ near: { latitude: 95, longitude: 10, radiusKm: 10 } }, 'filter.near.latitude', /between -90 and 90/],
    [{ near: { latitude: 51, longitude: 190, radiusKm: 10 } }, 'filter.near.longitude', /between -180 and 180/],
    [{ near: { latitude: 51, radiusKm: 10 } }, 'filter.near.longitude', /between -180 and 180, got nothing/],
    [{ near: { postalCode: '00000', radiusKm: 10 } }, 'filter.near.postalCode', /German postal code/],
    [{ near: { postalCode: '37298', radiusKm: 10 } }, 'filter.near.postalCode', /37298 is unknown/],
    [{ near: { postalCode: '37269', latitude: 51, longitude: 10, radiusKm: 10 } }, 'filter.near', /either latitude and longitude or a postalCode/],
    [{ processes: ['3.9.9'] }, 'filter.processes', /"3.9.9" is not a DIN 8580 process code/],
    [{ certifications: ['ISO 12345'] }, 'filter.certifications', /"ISO 12345" is not a known certification/],
    [{ text: 'a'.repeat(201) }, 'filter.text', /at most 200 characters/],
    [{ certifiedOn: '2025-02-30' }, 'filter.certifiedOn', /calendar date/],
    [{ employees: { min: 50, max: 10 } }, 'filter.employees', /must not exceed max/],
  ])('%j names %s', async (filter, field, message) => {
    const res = await search({ filter });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0].message).toMatch(message);
  });

  test('certifiedOn without certifications and without the certifications facet says why it is refused', async () => {
    // Then the day filters and counts nothing: every member came back, as if it had been read (the partner probe).
    const plain = 'query($filter: MemberFilter) { members(filter: $filter, first: 5) { totalCount } }';
    for (const filter of [{ certifiedOn: '2027-06-30' }, { certifications: [], certifiedOn: '2027-06-30' }]) {
      const res = await stack.query(plain, { filter });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.certifiedOn', reason: 'COMBINATION' });
      expect(res.errors?.[0].message).toMatch(
        /the day on which filter\.certifications must be valid \(and the certifications facet counts\); name the certifications too/,
      );
    }
  });

  test('networks: [] chooses no network, so restricts nothing, as its description says', async () => {
    expect(await names({ networks: [] })).toEqual(await names({}));
  });

  test('an order needs what it orders by', async () => {
    expect((await search({ orderBy: 'DISTANCE' })).errors?.[0].message).toMatch(/DISTANCE needs filter.near/);
    expect((await search({ orderBy: 'RELEVANCE' })).errors?.[0].message).toMatch(/RELEVANCE needs filter.text/);
  });
});
