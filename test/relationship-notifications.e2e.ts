import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { close, listen } from '../shared/http.ts';
import { ok, startStack, type Stack } from './support/stack.ts';

// Business relationships notify through region's outbox and webhooks: a
// request reaches the partner that is to confirm it (RELATIONSHIP_REQUESTED),
// the confirmation the member that asked (RELATIONSHIP_CONFIRMED); a refused
// request notifies nobody.

interface Delivery {
  type: string;
  data: { relationshipId: string; kind: string; requesterId: string; partnerId: string; status: string };
}

let stack: Stack;
const receivers: Server[] = [];
const received: Record<string, Delivery[]> = { dreher: [], haerterei: [] };
const members: Record<string, string> = {};
const tokens: Record<string, string> = {};

/** A webhook receiver that keeps what it is sent under `key`. */
async function receiver(key: string): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received[key].push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Delivery);
      res.statusCode = 204;
      res.end();
    });
  });
  receivers.push(server);
  return listen(server, 0);
}

/** Waits until `key`'s receiver holds `count` deliveries: the dispatcher polls every 50 ms in tests. */
async function deliveries(key: string, count: number): Promise<Delivery[]> {
  await expect.poll(() => received[key].length, { timeout: 15_000, interval: 50 }).toBeGreaterThanOrEqual(count);
  return received[key];
}

beforeAll(async () => {
  stack = await startStack({ dispatcher: true });
  tokens.admin = await stack.token({ role: 'admin' });
  for (const [key, network] of [
    ['dreher', 'NIWE'],
    ['haerterei', 'LINAT'],
  ]) {
    const input = { name: `${key} GmbH`, postalCode: '37269', city: 'Eschwege' };
    members[key] = (
      await ok(
        stack.query(
          `mutation($n: NetworkCode!, $input: MemberInput!) { createMember(network: $n, input: $input) { id } }`,
          { n: network, input },
          tokens.admin,
        ),
      )
    ).createMember.id;
    tokens[key] = await stack.token({ role: 'member', network, memberId: members[key] });
    const url = await receiver(key);
    await ok(
      stack.query(
        `mutation($url: String!) { registerWebhook(url: $url, events: [RELATIONSHIP_REQUESTED, RELATIONSHIP_CONFIRMED]) { webhook { id } } }`,
        { url },
        tokens[key],
      ),
    );
  }
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await Promise.all(receivers.map(close));
});

test('the partner hears of the request, the requester of the confirmation; a duplicate notifies nobody', async () => {
  const { id } = (
    await ok(stack.query(`mutation($p: ID!) { requestRelationship(partnerId: $p, kind: SUPPLIER_OF) { id } }`, { p: members.haerterei }, tokens.dreher))
  ).requestRelationship;
  const refused = await stack.query(
    `mutation($p: ID!) { requestRelationship(partnerId: $p, kind: SUPPLIER_OF) { id } }`,
    { p: members.dreher },
    tokens.haerterei,
  );
  expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
  const expected = { relationshipId: id, kind: 'SUPPLIER_OF', requesterId: members.dreher, partnerId: members.haerterei };
  expect((await deliveries('haerterei', 1)).map((d) => [d.type, d.data])).toEqual([['RELATIONSHIP_REQUESTED', { ...expected, status: 'REQUESTED' }]]);

  await ok(stack.query(`mutation($id: ID!) { confirmRelationship(id: $id) { status } }`, { id }, tokens.haerterei));
  expect((await deliveries('dreher', 1)).map((d) => [d.type, d.data])).toEqual([['RELATIONSHIP_CONFIRMED', { ...expected, status: 'CONFIRMED' }]]);
  // The refused request wrote no event (its transaction rolled back), and the confirmation is not the partner's to hear.
  expect(received.haerterei).toHaveLength(1);
});
