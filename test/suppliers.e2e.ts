import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStack, type GraphQLResponse, type Stack } from './support/stack.ts';

// findSuppliers through the gateway on members this test creates.

let stack: Stack;

const members = [
  {
    network: 'LINAT',
    name: 'Präzisionsdreherei Anders GmbH',
    postalCode: '99974',
    city: 'Mühlhausen',
    processes: ['3.2.1', '3.3.1'],
    materials: ['42CrMo4'],
    employees: 80,
    certifications: [{ standard: 'IATF 16949', validUntil: '2099-12-31' }],
  },
  {
    network: 'NIWE',
    name: 'Dreherei Brand',
    postalCode: '37269',
    city: 'Eschwege',
    processes: ['3.2.1'],
    materials: ['C45'],
    employees: 20,
    certifications: [{ standard: 'ISO 9001', validUntil: '2099-12-31' }],
  },
  {
    network: 'KONAT',
    name: 'Fräserei Conrad AG',
    postalCode: '99817',
    city: 'Eisenach',
    processes: ['3.2.3'],
    materials: ['42CrMo4'],
    employees: 150,
    certifications: [{ standard: 'IATF 16949', validUntil: '2099-12-31' }],
  },
  {
    network: 'NIWE',
    name: 'Gießerei Dorn',
    postalCode: '37281',
    city: 'Wanfried',
    processes: ['1.1'],
    employees: 200,
    certifications: [{ standard: 'IATF 16949', validUntil: '2099-12-31' }],
  },
  {
    network: 'LINAT',
    name: 'Schleiferei Ebert',
    postalCode: '36205',
    city: 'Sontra',
    processes: ['3.3.1', '3.3.4'],
    materials: ['1.4301'],
    employees: 30,
    certifications: [{ standard: 'IATF 16949', validUntil: '2020-12-31' }],
  },
  {
    network: 'NIWE',
    name: 'Drehteile Gerlach',
    postalCode: '37213',
    city: 'Witzenhausen',
    processes: ['3.2.1'],
    materials: ['S235JR'],
    employees: 40,
    certifications: [{ standard: 'IATF 16949', validUntil: '2030-06-30' }],
  },
];

const query = `query($r: SupplierRequirements!, $first: Int) {
  findSuppliers(requirements: $r, first: $first) { totalCount edges { score distanceKm breakdown { requirement status reason } node { id name } } }
}`;

const request = {
  processes: ['3.2.1', '3.3'],
  material: '1.7225',
  quantity: 'SERIES',
  tolerance: 'PRECISION',
  certifications: ['IATF 16949'],
  deliveryLocation: { postalCode: '37269' },
  maxDistanceKm: 100,
};

async function find(r: Record<string, unknown>, first?: number): Promise<GraphQLResponse> {
  return stack.query(query, { r, first });
}

beforeAll(async () => {
  stack = await startStack();
  const admin = await stack.token({ role: 'admin' });
  for (const { network, ...input } of members) {
    const res = await stack.query(
      `mutation($n: NetworkCode!, $input: MemberInput!) { createMember(network: $n, input: $input) { id } }`,
      { n: network, input },
      admin,
    );
    expect(res.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await stack?.stop();
});

describe('findSuppliers', () => {
  test('ranks across networks with a breakdown per requirement and leaves out who misses a hard requirement', async () => {
    const res = await find(request);
    expect(res.errors).toBeUndefined();
    const { totalCount, edges } = res.data.findSuppliers;
    // Brand lacks IATF 16949, Ebert's has expired, Conrad and Dorn offer none of the processes.
    expect(edges.map((e: any) => e.node.name)).toEqual(['Präzisionsdreherei Anders GmbH', 'Drehteile Gerlach']);
    expect(totalCount).toBe(2);

    const [anders, gerlach] = edges;
    expect(anders.score).toBe(1);
    expect(anders.breakdown.map((b: any) => [b.requirement, b.status])).toEqual([
      ['processes', 'MET'],
      ['material', 'MET'],
      ['quantity', 'MET'],
      ['tolerance', 'MET'],
      ['distance', 'MET'],
      ['certification IATF 16949', 'MET'],
    ]);
    expect(anders.distanceKm).toBeCloseTo(28.9, 0);

    expect(gerlach.score).toBeCloseTo(0.55, 4);
    const byRequirement = Object.fromEntries(gerlach.breakdown.map((b: any) => [b.requirement, b]));
    expect(byRequirement.processes).toMatchObject({
      status: 'PARTLY_MET',
      reason: expect.stringMatching(/offers Drehen; not Spanen mit geometrisch unbestimmten Schneiden/),
    });
    expect(byRequirement.material).toMatchObject({ status: 'PARTLY_MET', reason: expect.stringMatching(/works steel \(S235JR\), not 42CrMo4/) });
    expect(byRequirement.quantity.status).toBe('PARTLY_MET');
    expect(byRequirement.tolerance).toMatchObject({ status: 'PARTLY_MET', reason: expect.stringMatching(/no grinding, honing or lapping/) });
    expect(byRequirement['certification IATF 16949'].reason).toBe('valid until 2030-06-30');
  });

  test('the maximum distance is a hard requirement', async () => {
    const res = await find({ ...request, maxDistanceKm: 25 });
    expect(res.data.findSuppliers.edges.map((e: any) => e.node.name)).toEqual(['Drehteile Gerlach']);
  });

  test('without hard requirements everyone offering a process is ranked, best first', async () => {
    const res = await find({ processes: ['3.2'], material: '42CrMo4' });
    const edges = res.data.findSuppliers.edges;
    expect(edges.map((e: any) => e.node.name).sort()).toEqual(['Dreherei Brand', 'Drehteile Gerlach', 'Fräserei Conrad AG', 'Präzisionsdreherei Anders GmbH']);
    const scores = edges.map((e: any) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBe(1);
    expect((await find({ processes: ['3.2'] }, 2)).data.findSuppliers).toMatchObject({ totalCount: 4, edges: [{}, {}] });
  });

  test.each([
    [{}, 'requirements', /requirements are empty/],
    [{ processes: ['8.1'] }, 'requirements.processes', /"8.1" is not a DIN 8580 process code/],
    [{ certifications: ['ISO 0'] }, 'requirements.certifications', /"ISO 0" is not a known certification/],
    [{ processes: ['3'], maxDistanceKm: 50 }, 'requirements.maxDistanceKm', /needs a deliveryLocation/],
    [
      { processes: ['3'], deliveryLocation: { postalCode: '37269' }, maxDistanceKm: 0 },
      'requirements.maxDistanceKm',
      /at least 0.001 km \(1 m\) and at most 500 km/,
    ],
    [{ processes: ['3'], deliveryLocation: { postalCode: '37269' }, maxDistanceKm: 1e-320 }, 'requirements.maxDistanceKm', /at least 0.001 km/],
    [{ processes: ['3'], deliveryLocation: { postalCode: '37298' } }, 'requirements.deliveryLocation.postalCode', /unknown/],
    [{ processes: ['3'], deliveryLocation: { latitude: 51 } }, 'requirements.deliveryLocation.longitude', /between -180 and 180/],
  ])('%j is refused naming %s', async (r, field, message) => {
    const res = await find(r);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0].message).toMatch(message);
  });

  test('a material that is neither listed nor a family word is refused with the closest known spellings, as createInquiry refuses it', async () => {
    // "Unobtainium" answered every supplier with "material NOT_MET", and "42CrMo" (for 42CrMo4) likewise (the partner probe).
    for (const [material, suggestions] of [
      ['Unobtainium', []],
      ['42CrMo', ['42CrMo4']],
      ['Edelsthal', ['Edelstahl']],
    ] as const) {
      const res = await find({ processes: ['3.2'], material });
      expect(res.errors?.[0].extensions, material).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'requirements.material',
        reason: 'UNKNOWN_MATERIAL',
        suggestions,
      });
      expect(res.errors?.[0].message).toMatch(
        new RegExp(`"${material}" is not a known material\\.${suggestions.length ? ` Did you mean ${suggestions[0]}\\?` : ''} Use`),
      );
    }
    // A number, another spelling and a family word are taken.
    for (const material of ['1.7225', 'x5crni18-10', 'Edelstahl']) expect((await find({ processes: ['3.2'], material })).errors, material).toBeUndefined();
  });

  test('first must lie in 1..100', async () => {
    expect((await find({ processes: ['3'] }, 0)).errors?.[0].message).toMatch(/first must lie between 1 and 100/);
  });
});
