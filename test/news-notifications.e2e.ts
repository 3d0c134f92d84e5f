import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { close, listen } from '../shared/http.ts';
import { createMember } from './support/members.ts';
import { ok, startStack, type Stack } from './support/stack.ts';

// Event registrations notify through region's outbox and webhooks: a place
// held is EVENT_REGISTRATION_CONFIRMED, a move up from the waiting list
// EVENT_MOVED_UP, both to the registering member's webhooks; a place on the
// waiting list notifies nothing yet. For a network's event and a region-wide one.

interface Delivery {
  type: string;
  data: { eventId: string; registrationId: string; participant: string; status: string };
}

let stack: Stack;
let receiver: Server;
const received: Delivery[] = [];
const tokens: Record<string, string> = {};

const publishMutation = `mutation($network: NetworkCode, $input: NewsInput!) { publishNews(network: $network, input: $input) { id } }`;
const registerMutation = `mutation($eventId: ID!, $participant: ParticipantInput!) { registerForEvent(eventId: $eventId, participant: $participant) { id status } }`;
const cancelMutation = `mutation($id: ID!) { cancelEventRegistration(id: $id) { movedUp { id } } }`;

/** Waits until the receiver holds `count` deliveries: the dispatcher polls every 50 ms in tests. */
async function deliveries(count: number): Promise<Delivery[]> {
  await expect.poll(() => received.length, { timeout: 15_000, interval: 50 }).toBeGreaterThanOrEqual(count);
  return received;
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Delivery);
      res.statusCode = 204;
      res.end();
    });
  });
  const receiverUrl = await listen(receiver, 0);
  stack = await startStack({ dispatcher: true });
  tokens.admin = await stack.token({ role: 'admin' });
  tokens.linatOffice = await stack.token({ role: 'office', network: 'LINAT' });
  const input = { name: 'Eventgast GmbH', postalCode: '37269', city: 'Eschwege', processes: ['3.2.1'] };
  tokens.member = (await createMember(stack, tokens.admin, 'NIWE', input)).token;
  await ok(
    stack.query(
      `mutation($url: String!) { registerWebhook(url: $url, events: [EVENT_REGISTRATION_CONFIRMED, EVENT_MOVED_UP]) { webhook { id } } }`,
      { url: receiverUrl },
      tokens.member,
    ),
  );
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  if (receiver) await close(receiver);
});

test.each([
  ['a network', 'LINAT', 'linatOffice'],
  ['region', null, 'admin'],
] as const)("%s's event: the confirmed place and the move up reach the member's webhook, the waiting place does not", async (_label, network, office) => {
  const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const input = { kind: 'EVENT', title: 'Kleiner Kreis', text: 'Ein Platz.', visibility: 'PUBLIC', startsAt, registrationLimit: 1 };
  const eventId = (await ok(stack.query(publishMutation, { network, input }, tokens[office]))).publishNews.id as string;
  const first = (await ok(stack.query(registerMutation, { eventId, participant: { name: 'Erste', email: 'erste@example.com' } }, tokens.member)))
    .registerForEvent;
  const second = (await ok(stack.query(registerMutation, { eventId, participant: { name: 'Zweite', email: 'zweite@example.com' } }, tokens.member)))
    .registerForEvent;
  expect([first.status, second.status]).toEqual(['REGISTERED', 'WAITING']);
  const movedUp = (await ok(stack.query(cancelMutation, { id: first.id }, tokens.member))).cancelEventRegistration.movedUp;
  expect(movedUp.id).toBe(second.id);

  const before = received.filter((d) => d.data.eventId !== eventId).length;
  const forEvent = (await deliveries(before + 2)).filter((d) => d.data.eventId === eventId);
  expect(forEvent.map((d) => [d.type, d.data.registrationId, d.data.participant]).sort()).toEqual([
    ['EVENT_MOVED_UP', second.id, 'Zweite'],
    ['EVENT_REGISTRATION_CONFIRMED', first.id, 'Erste'],
  ]);
});
