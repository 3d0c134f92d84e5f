import { afterAll, beforeAll, expect, test } from 'vitest';
import { createMember } from './support/members.ts';
import { ok, startStack, type Stack } from './support/stack.ts';
import { WebhookReceivers } from './support/webhooks.ts';

// Business relationships notify through region's outbox and webhooks: a
// request reaches the partner that is to confirm it (RELATIONSHIP_REQUESTED),
// the confirmation the member that asked (RELATIONSHIP_CONFIRMED); a refused
// request notifies nobody.

interface Delivery {
  type: string;
  data: { relationshipId: string; kind: string; requesterId: string; partnerId: string; status: string };
}

let stack: Stack;
const receivers = new WebhookReceivers<Delivery>();
const members: Record<string, string> = {};
const tokens: Record<string, string> = {};

beforeAll(async () => {
  stack = await startStack({ dispatcher: true });
  tokens.admin = await stack.token({ role: 'admin' });
  for (const [key, network] of [
    ['dreher', 'NIWE'],
    ['haerterei', 'LINAT'],
  ]) {
    const input = { name: `${key} GmbH`, postalCode: '37269', city: 'Eschwege' };
    ({ id: members[key], token: tokens[key] } = await createMember(stack, tokens.admin, network, input));
    await receivers.register(stack, key, tokens[key], ['RELATIONSHIP_REQUESTED', 'RELATIONSHIP_CONFIRMED']);
  }
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await receivers.close();
});

test('the partner hears of the request, the requester of the confirmation; a duplicate notifies nobody', async () => {
  const { id } = (
    await ok(stack.query(`mutation($p: ID!) { requestRelationship(partnerId: $p, kind: SUPPLIER_OF) { id } }`, { p: members.haerterei }, tokens.dreher))
  ).requestRelationship;
  // The same supply stated from the other side.
  const refused = await stack.query(
    `mutation($p: ID!) { requestRelationship(partnerId: $p, kind: CUSTOMER_OF) { id } }`,
    { p: members.dreher },
    tokens.haerterei,
  );
  expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
  const expected = { relationshipId: id, kind: 'SUPPLIER_OF', requesterId: members.dreher, partnerId: members.haerterei };
  expect((await receivers.deliveries('haerterei', 1)).map((d) => [d.type, d.data])).toEqual([['RELATIONSHIP_REQUESTED', { ...expected, status: 'REQUESTED' }]]);

  await ok(stack.query(`mutation($id: ID!) { confirmRelationship(id: $id) { status } }`, { id }, tokens.haerterei));
  expect((await receivers.deliveries('dreher', 1)).map((d) => [d.type, d.data])).toEqual([['RELATIONSHIP_CONFIRMED', { ...expected, status: 'CONFIRMED' }]]);
  // The refused request wrote no event (its transaction rolled back), and the confirmation is not the partner's to hear.
  expect(receivers.received.haerterei).toHaveLength(1);
});
