import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { eventually, expectAccessible, type PortalPages, screenshot, startPortalStack, stopPortalStack } from './support/browser.ts';
import { createMember, supervisorGraph } from './support/members.ts';
import { createAccount } from './support/sessions.ts';
import type { Supervisor } from './support/supervisor.ts';

// What a company that leaves its network leaves behind, in Debian's chromium against `npm start`: the customer's
// inquiry page says that its bidder has left and offers no award for it (it offered one, refused only on confirming),
// and the office organising an event lists its registrations and cancels one after asking, the first waiting moving
// up (the page showed no registrations, so a left company's place stayed taken).

let stack: Supervisor;
let browser: Browser;
let pages: PortalPages;
const password = 'Werra-Meissner-2026';
const customer = { email: 'einkauf@abschied.example', name: 'Erika Einkauf', password, organisation: 'Abschied Kunde AG' };
const linatOffice = { email: 'veranstaltungen@linat.example', name: 'Lena Linat', password };
const tokens: Record<string, string> = {};
const members: Record<string, string> = {};
let inquiry: string;
let event: string;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function ok(body: { query: string; variables?: Record<string, unknown> }, token: string) {
  const result = await stack.query(body, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data;
}

beforeAll(async () => {
  ({ stack, browser, pages } = await startPortalStack());
  const graph = supervisorGraph(stack);
  tokens.admin = await stack.token('--role', 'admin', '--sub', 'admin');
  tokens.niweOffice = await stack.token('--role', 'office', '--network', 'NIWE');
  tokens.linatOffice = await stack.token('--role', 'office', '--network', 'LINAT');
  // A customer acts as its organisation (accounts.ts): the partner token with that subject owns what the account sees.
  tokens.customer = await stack.token('--role', 'partner', '--sub', customer.organisation);
  await createAccount(stack, tokens.admin, { email: customer.email, name: customer.name, password, kind: 'CUSTOMER', customer: customer.organisation });
  await createAccount(stack, tokens.linatOffice, { ...linatOffice, kind: 'OFFICE' });
  for (const [key, network, name, postalCode, city] of [
    ['leaving', 'NIWE', 'Abschied Dreherei GmbH', '37269', 'Eschwege'],
    ['staying', 'LINAT', 'Bleibe Fräserei GmbH', '99974', 'Mühlhausen'],
    ['waiting', 'LINAT', 'Warte Zerspanung GmbH', '99974', 'Mühlhausen'],
  ]) {
    ({ id: members[key], token: tokens[key] } = await createMember(graph, tokens.admin, network, { name, postalCode, city, processes: ['3.2.1'] }));
  }
  // The customer's inquiry, quoted on by the company that will leave and by one that stays.
  const input = {
    title: 'Abschiedswelle',
    partDescription: 'Nach Zeichnung',
    processes: ['3.2.1'],
    quantities: [{ quantity: 100 }],
    deliveryLocation: { postalCode: '99974' },
    deliveryDate: inDays(40),
    quoteDeadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
  };
  inquiry = (await ok({ query: 'mutation($input: InquiryInput!) { createInquiry(input: $input) { id } }', variables: { input } }, tokens.customer))
    .createInquiry.id;
  await ok({ query: 'mutation($id: ID!) { publishInquiry(id: $id, version: 1, invite: 0) { status } }', variables: { id: inquiry } }, tokens.admin);
  for (const [key, price] of [
    ['leaving', 9.5],
    ['staying', 12],
  ] as const) {
    await ok(
      { query: 'mutation($i: ID!, $m: ID!) { addInvitee(inquiryId: $i, memberId: $m) { status } }', variables: { i: inquiry, m: members[key] } },
      tokens.admin,
    );
    const quote = { priceTiers: [{ minQuantity: 1, unitPrice: price }], leadTimeDays: 30, validUntil: inDays(90) };
    await ok(
      { query: 'mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }', variables: { id: inquiry, input: quote } },
      tokens[key],
    );
  }
  // LINAT's event with one place: taken by one member, another waiting.
  const eventInput = {
    kind: 'EVENT',
    title: 'Stammtisch Zerspanung',
    text: 'Ein Platz.',
    visibility: 'PUBLIC',
    startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    registrationLimit: 1,
  };
  event = (
    await ok(
      {
        query: 'mutation($n: NetworkCode, $input: NewsInput!) { publishNews(network: $n, input: $input) { id } }',
        variables: { n: 'LINAT', input: eventInput },
      },
      tokens.linatOffice,
    )
  ).publishNews.id;
  const register = 'mutation($e: ID!, $p: ParticipantInput!) { registerForEvent(eventId: $e, participant: $p) { status } }';
  await ok({ query: register, variables: { e: event, p: { name: 'Sven Bleibe', email: 'sven@bleibe.example' } } }, tokens.staying);
  await ok({ query: register, variables: { e: event, p: { name: 'Wanda Warte', email: 'wanda@warte.example' } } }, tokens.waiting);
  await ok({ query: 'mutation($id: ID!) { archiveMember(id: $id) { archivedAt } }', variables: { id: members.leaving } }, tokens.niweOffice);
}, 240_000);

afterAll(() => stopPortalStack(stack, browser));

afterEach(async () => {
  expect(await pages.close()).toEqual([]);
});

test('the customer reads that a bidder has left the network, and is offered no award for it', async () => {
  const page = await pages.signedIn(customer, `/anfragen/${encodeURIComponent(inquiry)}`);
  const row = page.locator('table.invitations tbody tr').filter({ hasText: 'Abschied Dreherei GmbH' });
  await eventually(() => row.locator('td').nth(1).textContent()).toBe('hat das Netzwerk verlassen');
  // The one quote that can be awarded is compared; the left bidder's is named apart, without prices or a button.
  const awards = page.locator('table.comparison button.award');
  await eventually(() => awards.count()).toBe(1);
  expect(await awards.getAttribute('aria-label')).toContain('Bleibe Fräserei GmbH');
  expect(await page.locator('table.comparison thead').textContent()).not.toContain('Abschied Dreherei GmbH');
  expect(await page.locator('.left-quotes').textContent()).toBe(
    'Haben das Netzwerk verlassen, ihre Angebote sind zurückgezogen und nicht im Vergleich: Abschied Dreherei GmbH (NIWE).',
  );
  await expectAccessible(page);
  await screenshot(page, 'inquiry-left-bidder');
});

test("the organising office lists the event's registrations and cancels one after asking; the first waiting moves up", async () => {
  const page = await pages.signedIn(linatOffice, `/neuigkeiten/${encodeURIComponent(event)}`);
  const rows = page.locator('table.organiser-registrations-table tbody tr');
  await eventually(() => rows.count()).toBe(2);
  expect(await rows.nth(0).textContent()).toContain('Sven Bleibe (sven@bleibe.example)');
  expect(await rows.nth(0).textContent()).toContain('Bleibe Fräserei GmbH');
  expect(await rows.nth(1).textContent()).toContain('Warteliste, Platz 1');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sven Bleibe abmelden' }).click();
  const dialog = page.locator('dialog#organiser-cancel-question, dialog[aria-labelledby="organiser-cancel-question"]');
  await eventually(() => dialog.locator('p').textContent()).toBe(
    'Sven Bleibe (Bleibe Fräserei GmbH) von der Veranstaltung abmelden? Der Platz geht an die erste Person der Warteliste.',
  );
  // The safe choice has the focus: Enter alone cancels nothing.
  await eventually(() => page.evaluate('document.activeElement?.textContent')).toBe('Abbrechen');
  await dialog.getByRole('button', { name: 'Ja, abmelden' }).click();
  await eventually(() => page.locator('.organiser-registrations-status').textContent()).toBe(
    'Sven Bleibe ist abgemeldet. Wanda Warte ist von der Warteliste nachgerückt.',
  );
  await eventually(() => rows.count()).toBe(1);
  expect(await rows.nth(0).textContent()).toContain('Wanda Warte');
  expect(await rows.nth(0).getAttribute('data-status')).toBe('REGISTERED');
  await eventually(() => page.locator('.places').textContent()).toBe('1 von 1 vergeben');
  await screenshot(page, 'event-organiser-registrations');
});
