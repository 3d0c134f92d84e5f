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

  test('a material the list lacks is ranked as typed: MET for a member that typed it, NOT_MET for the rest', async () => {
    // Close to nothing: nothing to suggest, and the ranking is the answer, each material NOT_MET, as before the refusal.
    const far = await find({ processes: ['3.2'], material: 'Unobtainium' });
    expect(far.errors).toBeUndefined();
    expect(far.data.findSuppliers.totalCount).toBe(4);
    for (const edge of far.data.findSuppliers.edges) expect(edge.breakdown.find((b: any) => b.requirement === 'material').status).toBe('NOT_MET');
    // A number, another spelling and a family word are taken.
    for (const material of ['1.7225', 'x5crni18-10', 'Edelstahl']) expect((await find({ processes: ['3.2'], material })).errors, material).toBeUndefined();

    // A member stores a material the list lacks as typed: it meets it (MET), also one a letter from a listed one
    // (C35 from C45, S355JR from S355J2), which was refused as "Did you mean C45?" (the review).
    const admin = await stack.token({ role: 'admin' });
    const created = await stack.query(
      `mutation($input: MemberInput!) { createMember(network: NIWE, input: $input) { id } }`,
      { input: { name: 'Sontraer Sonderwerkstoffe', postalCode: '36205', city: 'Sontra', processes: ['3.2.1'], materials: ['C35', 'Inconel 718', 'S355JR'] } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    try {
      for (const material of ['C35', 'Inconel 718', 'S355JR']) {
        const res = await find({ processes: ['3.2'], material });
        expect(res.errors, material).toBeUndefined();
        const [first, ...rest] = res.data.findSuppliers.edges;
        expect(first.node.name, material).toBe('Sontraer Sonderwerkstoffe');
        expect(
          first.breakdown.find((b: any) => b.requirement === 'material'),
          material,
        ).toEqual({ requirement: 'material', status: 'MET', reason: `works ${material}` });
        for (const edge of rest) expect(edge.breakdown.find((b: any) => b.requirement === 'material').status, material).toBe('NOT_MET');
      }
      // The typo no member typed is still refused when it is all the request asks for.
      expect((await find({ material: '42CrMo' })).errors?.[0].extensions).toMatchObject({
        reason: 'UNKNOWN_MATERIAL',
        suggestions: ['42CrMo4'],
      });
      // With a process beside it the holder of C35 may be left out by it (it offers 3.2.1, not 6.2), so C35 is not
      // refused as a typo of C45 (the review): the answer stands, each NOT_MET saying what was perhaps meant.
      const cut = await find({ processes: ['6.2'], material: 'C35' });
      expect(cut.errors).toBeUndefined();
      for (const edge of cut.data.findSuppliers.edges)
        expect(edge.breakdown.find((b: any) => b.requirement === 'material').reason).toMatch(/\("C35" is not a listed material: did you mean C45\?\)$/);
    } finally {
      expect((await stack.query(`mutation($id: ID!) { archiveMember(id: $id) { id } }`, { id: created.data.createMember.id }, admin)).errors).toBeUndefined();
    }
  });

  test('a material close to a listed spelling, asked alone, that no supplier works is refused with the closest spellings', async () => {
    // "42CrMo" (for 42CrMo4) answered every supplier with "material NOT_MET" (the partner probe).
    for (const [material, suggestions] of [
      ['42CrMo', ['42CrMo4']],
      ['Edelsthal', ['Edelstahl']],
    ] as const) {
      const res = await find({ material });
      expect(res.errors?.[0].extensions, material).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'requirements.material',
        reason: 'UNKNOWN_MATERIAL',
        suggestions,
      });
      expect(res.errors?.[0].message).toMatch(
        new RegExp(`"${material}" is not a listed material, and no supplier works it as typed\\. Did you mean ${suggestions[0]}\\? Use`),
      );
    }
  });

  test('first must lie in 1..100', async () => {
    expect((await find({ processes: ['3'] }, 0)).errors?.[0].message).toMatch(/first must lie between 1 and 100/);
  });
});
