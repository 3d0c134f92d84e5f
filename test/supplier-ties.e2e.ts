import { afterAll, beforeAll, expect, test } from 'vitest';
import { createMember } from './support/members.ts';
import { startStack, type Stack } from './support/stack.ts';

// Suppliers that meet a request equally go nearest first: every distance up to 50 km meets the distance rule in
// full, and by name alone a request around Eschwege invited the Becks and Brandt from 28-38 km while the shops in
// Eschwege itself sat further down the alphabet (the self-service probe).

let stack: Stack;

// The same process, each meeting everything asked; named against their distance from Eschwege (37269).
const shops = [
  { network: 'NIWE', name: 'Alpha Dreherei', postalCode: '37213', city: 'Witzenhausen' },
  { network: 'NIWE', name: 'Beta Dreherei', postalCode: '37269', city: 'Eschwege' },
  { network: 'KONAT', name: 'Mitte Dreherei', postalCode: '37281', city: 'Wanfried' },
  { network: 'LINAT', name: 'Zeta Dreherei', postalCode: '37269', city: 'Eschwege' },
];

const query = `query($r: SupplierRequirements!, $first: Int) {
  findSuppliers(requirements: $r, first: $first) { edges { score distanceKm node { name } } }
}`;

async function names(r: Record<string, unknown>, first?: number): Promise<string[]> {
  const res = await stack.query(query, { r, first });
  expect(res.errors).toBeUndefined();
  return res.data.findSuppliers.edges.map((e: { node: { name: string } }) => e.node.name);
}

beforeAll(async () => {
  stack = await startStack();
  const admin = await stack.token({ role: 'admin' });
  for (const { network, ...input } of shops) await createMember(stack, admin, network, { ...input, processes: ['3.2.1'] });
});
afterAll(async () => {
  await stack?.stop();
});

test('equal scores go nearest first across the networks, then by name; without a delivery place by name', async () => {
  const around = { processes: ['3.2.1'], deliveryLocation: { postalCode: '37269' } };
  const res = await stack.query(query, { r: around });
  const edges = res.data.findSuppliers.edges as { score: number; distanceKm: number }[];
  // All within 50 km: the same score, so only the tie's order is under test.
  expect(new Set(edges.map((e) => e.score))).toEqual(new Set([1]));
  expect(edges.map((e) => e.distanceKm)).toEqual([...edges.map((e) => e.distanceKm)].sort((a, b) => a - b));
  expect(await names(around)).toEqual(['Beta Dreherei', 'Zeta Dreherei', 'Mitte Dreherei', 'Alpha Dreherei']);
  // The networks cut their pages by the same order: NIWE's first is Beta in Eschwege, not Alpha in Witzenhausen.
  expect(await names(around, 1)).toEqual(['Beta Dreherei']);
  expect(await names(around, 2)).toEqual(['Beta Dreherei', 'Zeta Dreherei']);
  expect(await names({ processes: ['3.2.1'] })).toEqual(['Alpha Dreherei', 'Beta Dreherei', 'Mitte Dreherei', 'Zeta Dreherei']);
});
