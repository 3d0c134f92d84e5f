import { afterAll, beforeAll, expect, test } from 'vitest';
import { createMember } from './support/members.ts';
import { ok, startStack, type Stack } from './support/stack.ts';

// A page of members, and the suppliers findSuppliers ranks, come with their fields from region, which its networks
// answered within their searches and rankings (internal API 1.8, MemberEdge.node's and SupplierMatchEdge.node's
// @provides): the gateway sends the networks no entity fetch for them. The fields
// must be what the networks' subgraphs answer for the same members fetched by id, for every kind of caller, contact
// persons by the same rule (personal data: none for an anonymous caller).

let stack: Stack;

const fields = `id name network { code name } street postalCode city location { latitude longitude } website employees description
  materials processes { code name mainGroup path } certifications { standard number validUntil valid daysLeft }
  services { id title description processes { code } } contacts { id name role email phone } archivedAt version createdAt updatedAt availability`;

beforeAll(async () => {
  stack = await startStack();
  const admin = await stack.token({ role: 'admin' });
  for (const [network, name, postalCode, city] of [
    ['NIWE', 'Seite Eins Zerspanung GmbH', '37269', 'Eschwege'],
    ['LINAT', 'Seite Zwei Kunststoff GmbH', '99974', 'Mühlhausen'],
    ['KONAT', 'Seite Drei Werkzeugbau KG', '99817', 'Eisenach'],
  ]) {
    await createMember(stack, admin, network, {
      name,
      postalCode,
      city,
      street: 'Am Werk 1',
      website: 'https://seite.example',
      employees: 42,
      description: 'Fräsen und Drehen bis 2 m.',
      processes: ['3.2.3', '3.2.1'],
      materials: ['42CrMo4'],
      certifications: [{ standard: 'ISO 9001', number: 'Q-1', validUntil: '2030-01-01' }],
      services: [{ title: 'CNC-Fräsen', description: 'Bis 5 Achsen', processes: ['3.2.3'] }],
      contacts: [{ name: 'Sina Seite', role: 'Vertrieb', email: 'sina@seite.example', phone: '+49 5651 1' }],
    });
  }
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

const calls = () => new Map(stack.gateway.subgraphCalls);
const moved = (before: Map<string, number>) =>
  Object.fromEntries([...stack.gateway.subgraphCalls].map(([name, n]) => [name, n - (before.get(name) ?? 0)]).filter(([, n]) => n !== 0));

test("a page of members answers each member's fields as its network's subgraph does by id, to an anonymous caller, a partner and an office", async () => {
  for (const token of [undefined, await stack.token({ role: 'partner' }), await stack.token({ role: 'office', network: 'LINAT' })]) {
    const before = calls();
    const page = await ok(stack.query(`{ members(first: 3, filter: { text: "Seite" }, orderBy: NAME) { edges { node { ${fields} } } } }`, {}, token));
    // Region alone: the members' fields came with its page.
    expect(moved(before)).toEqual({ region: 1 });
    const nodes = page.members.edges.map((e: { node: { id: string } }) => e.node);
    expect(nodes.map((n: { network: { code: string } }) => n.network.code).sort()).toEqual(['KONAT', 'LINAT', 'NIWE']);
    for (const node of nodes) {
      const byId = await ok(stack.query(`query($id: ID!) { member(id: $id) { ${fields} } }`, { id: node.id }, token));
      expect(node).toEqual(byId.member);
    }
    // Contact persons are for signed-in callers only, by either way.
    expect(nodes.every((n: { contacts: unknown[] }) => n.contacts.length === (token ? 1 : 0))).toBe(true);
  }
});

test("findSuppliers answers its suppliers' fields from the networks' rankings, as they are by id", async () => {
  const partner = await stack.token({ role: 'partner' });
  const before = calls();
  const found = await ok(
    stack.query(`{ findSuppliers(requirements: { processes: ["3.2.3"], material: "42CrMo4" }, first: 3) { edges { score node { ${fields} } } } }`, {}, partner),
  );
  expect(moved(before)).toEqual({ region: 1 });
  const nodes = found.findSuppliers.edges.map((e: { node: { id: string } }) => e.node);
  expect(nodes).toHaveLength(3);
  for (const node of nodes) expect(node).toEqual((await ok(stack.query(`query($id: ID!) { member(id: $id) { ${fields} } }`, { id: node.id }, partner))).member);
});

test("region's own field (availability) beside the members' fields: still one fetch", async () => {
  const before = calls();
  const page = await ok(stack.query('{ members(first: 1, filter: { text: "Seite" }) { edges { node { availability name services { title } } } } }'));
  expect(page.members.edges[0].node).toMatchObject({ availability: expect.any(String), name: expect.stringMatching(/^Seite /) });
  expect(moved(before)).toEqual({ region: 1 });
});
