import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { eventually, expectAccessible, type PortalAccount, type PortalPages, screenshot, startPortalStack, stopPortalStack } from './support/browser.ts';
import { createAccount } from './support/sessions.ts';
import type { Supervisor } from './support/supervisor.ts';

// Declining and joint bids in Debian's chromium against `npm start`, each member in a browser context
// of its own: one invited member declines with a reason (an empty one gets the message at the field);
// another forms a consortium (Bietergemeinschaft) with a member of another network it finds by name,
// accepts its own share, the partner accepts its share in its own context, and the lead quotes for the
// consortium; the customer then sees the declined invitation with its reason and the joint quote with
// its partners and shares. Everything is done by keyboard; axe-core's WCAG 2.1 AA rules hold in every state.

let stack: Supervisor;
let browser: Browser;
let pages: PortalPages;
const password = 'Werra-Meissner-2026';
const customerOrganisation = 'Gehäusebau AG';
const customer = { email: 'einkauf@gehaeusebau.example', name: 'Carla Kunde', password };
const declinerAccount = { email: 'vertrieb@absage.example', name: 'Dirk Absage', password };
const leadAccount = { email: 'angebote@federfuehrung.example', name: 'Lea Federführung', password };
const partnerAccount = { email: 'verbund@partner.example', name: 'Paul Partner', password };
type Member = { id: string; name: string; network: string };
// Two members invited to the inquiry (one declines, one leads) and a member of another network than the lead's.
let decliner: Member;
let lead: Member;
let partner: Member;
let inquiryId: string;
const title = 'Getriebegehäuse im Verbund';
// Two lines, as a person writes them: the customer's page keeps the line break (it read "Liefertermin Gern").
const reason = 'Keine Kapazität vor dem Liefertermin.\nGern wieder ab Oktober.';

const day = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);
/** Text as read, with Intl's no-break spaces (12,50\u00a0€) as plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

async function ok(body: { query: string; variables?: Record<string, unknown> }, token: string) {
  const result = await stack.query(body, token);
  expect(result.errors).toBeUndefined();
  return result.data;
}

beforeAll(async () => {
  ({ stack, browser, pages } = await startPortalStack());
  const admin = await stack.token('--role', 'admin', '--sub', 'admin');
  await createAccount(stack, admin, { ...customer, kind: 'CUSTOMER', customer: customerOrganisation });
  const ranked = await ok(
    {
      query: 'query($r: SupplierRequirements!) { findSuppliers(requirements: $r, first: 20) { edges { node { id name network { code } } } } }',
      variables: { r: { processes: ['3.2.3'], quantity: 'SERIES', deliveryLocation: { postalCode: '99974' } } },
    },
    admin,
  );
  const nodes: Member[] = ranked.findSuppliers.edges.map((e: { node: { id: string; name: string; network: { code: string } } }) => ({
    id: e.node.id,
    name: e.node.name,
    network: e.node.network.code,
  }));
  lead = nodes[0];
  decliner = nodes[1];
  partner = nodes.find((node) => node.network !== lead.network && node.id !== decliner.id)!;
  expect(partner).toBeDefined();
  for (const [account, member] of [
    [declinerAccount, decliner],
    [leadAccount, lead],
    [partnerAccount, partner],
  ] as const)
    await createAccount(stack, await stack.token('--role', 'office', '--network', member.network), { ...account, kind: 'MEMBER', memberId: member.id });

  // The inquiry, owned by the customer's organisation as its portal account acts (the portal's inquiry form has its own test).
  const owner = await stack.token('--role', 'partner', '--sub', customerOrganisation);
  const input = {
    title,
    partDescription: 'Gefräst und gedreht, nach Zeichnung',
    processes: ['3.2.3', '3.2.1'],
    quantities: [{ quantity: 300 }],
    deliveryLocation: { postalCode: '99974' },
    deliveryDate: isoDay(60),
    quoteDeadline: new Date(Date.now() + 20 * day).toISOString(),
  };
  const created = (await ok({ query: 'mutation($input: InquiryInput!) { createInquiry(input: $input) { id version } }', variables: { input } }, owner))
    .createInquiry;
  inquiryId = created.id;
  await ok(
    { query: 'mutation($id: ID!, $v: Int!) { publishInquiry(id: $id, version: $v, invite: 0) { id } }', variables: { id: inquiryId, v: created.version } },
    // Admin, who may invite nobody and then by hand (a customer invites at least one).
    admin,
  );
  for (const member of [decliner, lead])
    await ok(
      { query: 'mutation($id: ID!, $m: ID!) { addInvitee(inquiryId: $id, memberId: $m) { status } }', variables: { id: inquiryId, m: member.id } },
      admin,
    );
}, 240_000);

afterAll(() => stopPortalStack(stack, browser));

const signIn = (account: PortalAccount, next: string) => pages.signedIn(account, next);
const inquiryPath = () => `/anfragen/${inquiryId}`;

/** Focuses an element and presses a key there, as a keyboard user would after tabbing to it. */
async function press(page: Page, selector: string, key: string) {
  await page.locator(selector).focus();
  await page.keyboard.press(key);
}

test('an invited member declines with a reason; it can no longer quote', async () => {
  const page = await signIn(declinerAccount, inquiryPath());
  await eventually(() => page.locator('#decline-heading').textContent()).toBe('Einladung ablehnen');
  expect(await page.locator('#quote-form-heading').textContent()).toBe('Angebot abgeben');
  await expectAccessible(page);

  // No reason: the message at the field, which gets the focus; nothing is sent.
  await press(page, 'button:has-text("Einladung ablehnen")', 'Enter');
  await eventually(() => page.locator('#decline-reason-error').textContent()).toBe('Bitte nennen Sie einen Grund.');
  expect(await page.locator('#decline-reason').getAttribute('aria-invalid')).toBe('true');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('decline-reason');
  await expectAccessible(page);
  await screenshot(page, 'inquiry-decline-field-error');

  await page.keyboard.type(reason);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // Declining cannot be undone: it asks first, the focus on "Abbrechen", so Enter alone declines nothing.
  const dialog = page.getByRole('dialog');
  await eventually(() => dialog.isVisible()).toBe(true);
  expect(await dialog.locator('p').textContent()).toBe(
    `Die Einladung ablehnen? Der Kunde erfährt Ihren Grund („${reason}“), und Sie können zu dieser Anfrage kein Angebot mehr abgeben. Das lässt sich nicht rückgängig machen.`,
  );
  await eventually(() => page.evaluate('document.activeElement?.textContent')).toBe('Abbrechen');
  await expectAccessible(page);
  await screenshot(page, 'inquiry-decline-confirm');
  await page.keyboard.press('Enter');
  await eventually(() => dialog.isVisible()).toBe(false);
  expect(await page.locator('main .notice-warning').count()).toBe(0);
  expect(await page.locator('#decline-heading').count()).toBe(1);
  await press(page, 'button:has-text("Einladung ablehnen")', 'Enter');
  await eventually(() => dialog.isVisible()).toBe(true);
  await page.keyboard.press('Shift+Tab');
  await eventually(() => page.evaluate('document.activeElement?.textContent')).toBe('Ja, ablehnen');
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('main .notice-warning').textContent()).toBe(`Sie haben diese Einladung abgelehnt. Ihr Grund: ${reason}`);
  // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, where the CSS keeps its line breaks or not
  expect(await page.locator('main .notice-warning').innerText()).toBe(`Sie haben diese Einladung abgelehnt. Ihr Grund: ${reason}`);
  expect(await page.locator('.inquiry-status').textContent()).toBe('Stand: offen · Stand Ihrer Einladung: abgelehnt');
  expect(await page.locator('#quote-form-heading, #decline-heading, #consortium-form-heading').count()).toBe(0);
  await expectAccessible(page);
  await screenshot(page, 'inquiry-declined');

  const invitation = await ok(
    { query: 'query($id: ID!) { inquiry(id: $id) { invitations { member { id } status declineReason } } }', variables: { id: inquiryId } },
    await stack.token('--role', 'admin', '--sub', 'admin'),
  );
  expect(invitation.inquiry.invitations).toContainEqual({ member: { id: decliner.id }, status: 'DECLINED', declineReason: reason });
  expect(pages.errors).toEqual([]);
}, 300_000);

test('an invited member forms a consortium with a member of another network, who accepts in its own context; the lead quotes for both', async () => {
  const leadPage = await signIn(leadAccount, inquiryPath());
  await eventually(() => leadPage.locator('#consortium-form-heading').textContent()).toBe('Bietergemeinschaft bilden');
  await expectAccessible(leadPage);

  // Proposing before choosing anyone: the message at the partners.
  await press(leadPage, 'button:has-text("Bietergemeinschaft vorschlagen")', 'Enter');
  await eventually(() => leadPage.locator('#consortium-partners-error').textContent()).toBe('Suchen Sie zuerst nach Partnern.');
  expect(await leadPage.evaluate('document.activeElement?.id')).toBe('consortium-partner-search');

  // The partner found by its name, chosen with the space bar, proposed with Enter.
  await leadPage.keyboard.type(partner.name);
  await leadPage.keyboard.press('Enter');
  const box = leadPage.getByRole('checkbox', { name: `${partner.name}, ` }).and(leadPage.locator(`[value="${partner.id}"]`));
  await eventually(() => box.count()).toBe(1);
  // The lead itself is never offered as its own partner.
  expect(await leadPage.locator(`input[name="partners"][value="${lead.id}"]`).count()).toBe(0);
  await box.focus();
  await leadPage.keyboard.press('Space');
  expect(await box.isChecked()).toBe(true);
  await eventually(() => leadPage.getByRole('status').filter({ hasText: '1 Partner gewählt.' }).count()).toBe(1);
  await expectAccessible(leadPage);
  await screenshot(leadPage, 'inquiry-consortium-form');
  await press(leadPage, 'button:has-text("Bietergemeinschaft vorschlagen")', 'Enter');

  const consortium = leadPage.getByRole('article', { name: `Federführend: ${lead.name}` });
  await eventually(() => consortium.count()).toBe(1);
  expect(await consortium.locator('.partners li').allTextContents()).toEqual([
    `${lead.name} (${lead.network}): angefragt`,
    `${partner.name} (${partner.network}): angefragt`,
  ]);
  expect(await leadPage.locator('#consortium-form-heading').count()).toBe(0);
  // Quoting as the consortium waits until it is complete: lone is preselected, the reason is given.
  expect(await leadPage.locator('#quote-bidAs-alone').isChecked()).toBe(true);
  expect(await leadPage.locator('#quote-bidAs-hint').textContent()).toMatch(/erst anbieten, wenn alle zugesagt haben/);
  await expectAccessible(leadPage);

  // The lead accepts its own part.
  expect(await consortium.textContent()).toContain('Als Federführung sagen Sie ebenfalls zu');
  await consortium.getByRole('checkbox', { name: /^3\.2\.3 / }).check();
  await consortium.getByLabel('Ihr Anteil an der Arbeit in Prozent').fill('60');
  await consortium.getByLabel('Ihr Anteil an der Arbeit in Prozent').press('Enter');
  await eventually(async () => plain(await consortium.locator('.partners li').first().textContent())).toBe(
    `${lead.name} (${lead.network}): zugesagt – 3.2.3, 60 %`,
  );
  // Not complete yet, and what the shares sum to so far (100 and 0,0001 % read "100 %" and "0 %" beside "not 100").
  expect(plain(await consortium.locator('p').filter({ hasText: 'Noch nicht vollständig' }).textContent())).toMatch(/ Die Anteile ergeben bisher 60 %\.$/);

  // The partner, in its own context: the request in its list, accepted by keyboard.
  const partnerPage = await signIn(partnerAccount, '/anfragen');
  const listRow = partnerPage.locator('table.inquiry-list tbody tr').filter({ hasText: title });
  await eventually(() => listRow.count()).toBe(1);
  expect(await listRow.locator('td').nth(3).textContent()).toBe('Bietergemeinschaft: angefragt');
  await listRow.getByRole('link', { name: title }).click();
  const request = partnerPage.getByRole('article', { name: `Federführend: ${lead.name}` });
  await eventually(() => request.count()).toBe(1);
  // Asked, not invited: neither a quote, a consortium of its own nor a decline.
  expect(await partnerPage.locator('#quote-form-heading, #consortium-form-heading, #decline-heading').count()).toBe(0);
  await request.getByRole('checkbox', { name: /^3\.2\.1 / }).focus();
  await partnerPage.keyboard.press('Space');
  await request.getByLabel('Ihr Anteil an der Arbeit in Prozent').fill('40');
  await request.getByLabel('Ihr Anteil an der Arbeit in Prozent').press('Enter');
  await eventually(() => partnerPage.getByRole('status').filter({ hasText: 'Ihre Antwort ist gespeichert: zugesagt.' }).count()).toBe(1);
  await eventually(() => request.locator('p').filter({ hasText: 'Vollständig' }).count()).toBe(1);
  await expectAccessible(partnerPage);
  await screenshot(partnerPage, 'inquiry-consortium-partner-accepted');

  // The lead sees the consortium complete; quoting as the consortium is now preselected.
  await leadPage.reload();
  await eventually(() => leadPage.locator('#quote-bidAs-joint').isChecked()).toBe(true);
  expect(plain(await leadPage.locator('label:has(#quote-bidAs-joint)').textContent())).toBe(`Bietergemeinschaft mit ${partner.name} (${partner.network})`);
  expect(await leadPage.locator('#quote-bidAs-hint').count()).toBe(0);
  await leadPage.fill('#quote-tier-0-price', '48,00');
  await leadPage.fill('#quote-leadTimeDays', '70');
  await leadPage.fill('#quote-validUntil', isoDay(60));
  await leadPage.press('#quote-leadTimeDays', 'Enter');
  await eventually(() => leadPage.getByRole('status').filter({ hasText: 'Ihr Angebot ist abgegeben.' }).count()).toBe(1);
  await eventually(async () => (await leadPage.locator('#own-quote-heading ~ ul.partners li').allTextContents()).map(plain)).toEqual([
    `${lead.name} (${lead.network}), 60 %`,
    `${partner.name} (${partner.network}), 40 %`,
  ]);
  await expectAccessible(leadPage);
  await screenshot(leadPage, 'inquiry-consortium-quoted');

  // The customer: the declined invitation with its reason, and the joint quote with its partners.
  const customerPage = await signIn(customer, inquiryPath());
  const declinedRow = customerPage.locator('table.invitations tr').filter({ hasText: decliner.name });
  await eventually(() => declinedRow.locator('td').nth(1).textContent()).toBe(`abgelehnt: ${reason}`);
  // As rendered, with its line break.
  // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, where the CSS keeps its line breaks or not
  expect(await declinedRow.locator('td').nth(1).innerText()).toBe(`abgelehnt: ${reason}`);
  const comparison = customerPage.locator('table.comparison');
  await eventually(() => comparison.locator('thead th').allTextContents()).toEqual([`${lead.name} (${lead.network})`]);
  const row = async (label: string) =>
    (
      await comparison
        .locator('tbody tr')
        .filter({ has: customerPage.locator('th', { hasText: label }) })
        .locator('td')
        .allTextContents()
    ).map(plain);
  expect(await row('Bietergemeinschaft')).toEqual([`${lead.name} (${lead.network}), 60 %${partner.name} (${partner.network}), 40 %`]);
  expect(await row('Stückpreis bei 300 Stück')).toEqual(['48,00 €']);
  await expectAccessible(customerPage);
  await screenshot(customerPage, 'inquiry-consortium-customer');
  // In English too.
  await customerPage.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => declinedRow.locator('td').nth(1).textContent()).toBe(`declined: ${reason}`);
  // Shares as English writes percentages, as the invitations' match beside them ("Match 100%" beside "60 %").
  expect(await row('Consortium')).toEqual([`${lead.name} (${lead.network}), 60%${partner.name} (${partner.network}), 40%`]);
  await expectAccessible(customerPage);

  const quotes = await ok(
    {
      query: 'query($id: ID!) { inquiry(id: $id) { quotes { member { id } consortium { complete partners { member { id } sharePercent } } } } }',
      variables: { id: inquiryId },
    },
    await stack.token('--role', 'admin', '--sub', 'admin'),
  );
  expect(quotes.inquiry.quotes).toEqual([
    {
      member: { id: lead.id },
      consortium: {
        complete: true,
        partners: [
          { member: { id: lead.id }, sharePercent: 60 },
          { member: { id: partner.id }, sharePercent: 40 },
        ],
      },
    },
  ]);
  expect(pages.errors).toEqual([]);
}, 300_000);

test('the lead withdraws the joint quote: the partner reads that the lead did, the customer sees it, and awarding it on a stale page says why', async () => {
  const bidder = `${lead.name} (${lead.network})`;
  // The customer's page, read while the joint quote stood.
  const customerPage = await signIn(customer, inquiryPath());
  const award = customerPage.getByRole('button', { name: `Zuschlag erteilen: ${bidder}` });
  await eventually(() => award.count()).toBe(1);

  // The lead withdraws it meanwhile (the bidder's withdrawal has its page's test in test/portal-inquiries.e2e.ts).
  const leadToken = await stack.token('--role', 'member', '--member', lead.id);
  const quote = (await ok({ query: 'query($id: ID!) { inquiry(id: $id) { quotes { id version } } }', variables: { id: inquiryId } }, leadToken)).inquiry
    .quotes[0];
  await ok(
    { query: 'mutation($q: ID!, $v: Int!) { withdrawQuote(quoteId: $q, version: $v) { status } }', variables: { q: quote.id, v: quote.version } },
    leadToken,
  );

  // Awarding it on the stale page: refused as withdrawn by its bidder (it read "Die Anfrage wurde inzwischen
  // geändert.", the focus left on the award button), the comparison and the invitations read anew.
  await award.focus();
  await customerPage.keyboard.press('Enter');
  const dialog = customerPage.getByRole('dialog');
  await eventually(() => dialog.isVisible()).toBe(true);
  await customerPage.keyboard.press('Shift+Tab');
  expect(await customerPage.evaluate('document.activeElement?.textContent')).toBe('Ja, Zuschlag erteilen');
  await customerPage.keyboard.press('Enter');
  const refusal = customerPage.locator('#quotes-heading ~ .notice-error');
  const withdrawnMeanwhile = `${bidder} hat dieses Angebot inzwischen zurückgezogen; es lässt sich nicht mehr beauftragen. Der Vergleich zeigt die Angebote jetzt neu.`;
  await eventually(() => refusal.textContent()).toBe(withdrawnMeanwhile);
  expect(await refusal.getAttribute('role')).toBe('alert');
  await eventually(() => customerPage.evaluate('document.activeElement?.textContent')).toBe(withdrawnMeanwhile);
  await eventually(() => customerPage.locator('table.comparison').count()).toBe(0);
  expect(await customerPage.locator('main').textContent()).toContain('Noch keine Angebote.');
  // Who withdrew, in the invitations (they read "gelesen") and beside the comparison, without the prices.
  const leadRow = customerPage.locator('table.invitations tr').filter({ hasText: lead.name });
  await eventually(() => leadRow.locator('td').nth(1).textContent()).toBe('Angebot zurückgezogen');
  expect(await customerPage.locator('.withdrawn-quotes').textContent()).toBe(`Von ihren Anbietern zurückgezogen, daher nicht im Vergleich: ${bidder}.`);
  expect(await customerPage.locator('.inquiry-status').textContent()).toBe('Stand: offen');
  await expectAccessible(customerPage);
  await customerPage.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => refusal.textContent()).toBe(
    `${bidder} withdrew this quote in the meantime; it can no longer be awarded. The comparison now shows the quotes anew.`,
  );
  expect(await leadRow.locator('td').nth(1).textContent()).toBe('quote withdrawn');
  expect(await customerPage.locator('.withdrawn-quotes').textContent()).toBe(`Withdrawn by their bidders, so not compared: ${bidder}.`);

  // The partner reads that the lead withdrew the joint quote: it read "Sie haben dieses Angebot zurückgezogen; …
  // können Sie es erneut abgeben.", which the partner neither did nor can.
  const partnerPage = await signIn(partnerAccount, inquiryPath());
  const partnerNotice = partnerPage.locator('#own-quote-heading ~ .notice-warning');
  await eventually(() => partnerNotice.textContent()).toBe(
    `${bidder} hat als Federführung das Angebot der Bietergemeinschaft zurückgezogen; der Kunde sieht es nicht mehr im Vergleich. Bis zur Angebotsfrist kann ${bidder} es erneut abgeben.`,
  );
  expect(await partnerPage.locator('main').textContent()).not.toContain('Sie haben dieses Angebot zurückgezogen');
  expect(await partnerPage.locator('#quote-form-heading, #withdraw-quote-heading').count()).toBe(0);
  await expectAccessible(partnerPage);
  await partnerPage.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => partnerNotice.textContent()).toBe(
    `${bidder}, the consortium's lead, withdrew the consortium's quote; the customer no longer sees it in the comparison. Until the quote deadline ${bidder} can submit it again.`,
  );

  // The lead, who withdrew it, still reads that it did and may submit it again.
  const leadPage = await signIn(leadAccount, inquiryPath());
  await eventually(() => leadPage.locator('#own-quote-heading ~ .notice-warning').textContent()).toBe(
    'Sie haben dieses Angebot zurückgezogen; der Kunde sieht es nicht mehr im Vergleich. Bis zur Angebotsfrist können Sie es erneut abgeben.',
  );
  expect(await leadPage.locator('#quote-form-heading').textContent()).toBe('Angebot erneut abgeben');
  expect(pages.errors).toEqual([]);
}, 300_000);
