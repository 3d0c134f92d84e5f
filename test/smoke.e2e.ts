import { afterAll, beforeAll, expect, test } from 'vitest';
import { startStack, type Stack } from './support/stack.ts';

let stack: Stack;
beforeAll(async () => { stack = await startStack(); });
afterAll(async () => { await stack?.stop(); });

test('smoke', async () => {
  const office = await stack.token({ role: 'office', network: 'NIWE', sub: 'office-niwe' });
  const created = await stack.query(`mutation { createMember(network: NIWE, input: { name: "Fräserei Müller", postalCode: "37269", city: "Eschwege", processes: ["3.2.3"], certifications: [{standard: "ISO 9001", validUntil: "2030-01-01"}], contacts: [{name: "Anna"}] }) { id name city location { latitude } processes { name mainGroup } certifications { standard valid } contacts { name } network { code name } } }`, {}, office);
  console.log(JSON.stringify(created, null, 1));
  const list = await stack.query(`{ members(first: 5) { totalCount edges { cursor node { id name ... on NiweMember { city } services { title } contacts { name } } } pageInfo { hasNextPage endCursor } } networks { code memberCount } }`);
  console.log(JSON.stringify(list, null, 1));
  expect(list.errors).toBeUndefined();
});
