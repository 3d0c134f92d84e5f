import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { dataPaths, serviceDatabase } from '../shared/networks.ts';
import { databaseUrl, embeddedServerUrl, withClient } from '../shared/postgres.ts';
import { eventually, expectAccessible, type PortalAccount, type PortalPages, screenshot, startPortalStack, stopPortalStack } from './support/browser.ts';
import { regionDay } from '../shared/region-day.ts';
import { latestDeadlineDay, latestInquiryDay } from '../subgraphs/region/inquiries/inquiries.ts';
import { createAccount } from './support/sessions.ts';
import type { Supervisor } from './support/supervisor.ts';
import { regionInstant } from '../portal/src/region-clock.ts';

// The inquiry pages in Debian's chromium against `npm start`: a customer signs in, writes an inquiry
// (one bad field gets the server's message at the field), uploads a drawing and publishes it; a
// member invited to it signs in in another browser context, downloads the drawing, quotes and revises
// its quote; the customer compares the quotes side by side and awards by keyboard after confirming;
// the member then sees the award, in German and in English. axe-core's WCAG 2.1 AA rules hold in
// every state; screenshots go to test-results/screenshots.

let stack: Supervisor;
let browser: Browser;
let pages: PortalPages;
const password = 'Werra-Meissner-2026';
const customer = { email: 'einkauf@zulieferer.example', name: 'Dana Einkauf', password };
const bidder = { email: 'angebote@mitglied.example', name: 'Max Angebot', password };
const consortiumPartner = { email: 'verbund@partner.example', name: 'Paula Partner', password };
// The member publishing will invite: findSuppliers' best for the inquiry's requirements (the ranking publishing uses).
let invited: { id: string; name: string; network: string };
// A member of another network, asked into the invited member's consortium in the second test.
let asked: { id: string; name: string; network: string };

const day = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);
// A PDF as region checks it: the name, the declared type and the first bytes agree.
const drawing = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  ({ stack, browser, pages } = await startPortalStack());
  const admin = await stack.token('--role', 'admin', '--sub', 'admin');
  await createAccount(stack, admin, { ...customer, kind: 'CUSTOMER', customer: 'Zulieferer AG' });
  const ranked = await stack.query(
    {
      query: 'query($r: SupplierRequirements!) { findSuppliers(requirements: $r, first: 20) { edges { node { id name network { code } } } } }',
      variables: { r: { processes: ['3.2.3'], quantity: 'SERIES', deliveryLocation: { postalCode: '99974' } } },
    },
    admin,
  );
  const nodes = ranked.data.findSuppliers.edges.map((e: { node: { id: string; name: string; network: { code: string } } }) => ({
    id: e.node.id,
    name: e.node.name,
    network: e.node.network.code,
  }));
  invited = nodes[0];
  asked = nodes.find((node: { network: string }) => node.network !== invited.network);
  // The member's account comes from its own network's office.
  const office = await stack.token('--role', 'office', '--network', invited.network);
  await createAccount(stack, office, { ...bidder, kind: 'MEMBER', memberId: invited.id });
  await createAccount(stack, await stack.token('--role', 'office', '--network', asked.network), {
    ...consortiumPartner,
    kind: 'MEMBER',
    memberId: asked.id,
  });
}, 240_000);

afterAll(() => stopPortalStack(stack, browser));

const signIn = (account: PortalAccount, next: string) => pages.signedIn(account, next);

/** Text as read, with Intl's no-break spaces (12,50\u00a0€) as plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** Downloads a link's file in the page, with the page's session cookie, and returns its size. */
const downloadSize = (page: Page, path: string) =>
  page.evaluate(`fetch(${JSON.stringify(path)}).then((r) => r.ok ? r.arrayBuffer().then((b) => b.byteLength) : -r.status)`);

test('a customer creates, publishes and awards an inquiry; an invited member of another context quotes, revises and sees the award', async () => {
  // The customer: an empty list, then the form.
  const customerPage = await signIn(customer, '/anfragen');
  await eventually(() => customerPage.locator('main').textContent()).toContain('Noch keine Anfragen.');
  expect(await customerPage.locator('h1').textContent()).toBe('Anfragen');
  await expectAccessible(customerPage);
  await customerPage.getByRole('link', { name: 'Neue Anfrage' }).click();
  await customerPage.waitForURL(/\/anfragen\/neu$/);
  await eventually(() => customerPage.locator('h1').textContent()).toBe('Neue Anfrage');
  await expectAccessible(customerPage);

  // Sent empty, every required field and the process tree say so at once, the title first with the focus: the server
  // named only the quantities.
  await customerPage.press('#inquiry-title', 'Enter');
  await eventually(() => customerPage.locator('.field-error').count()).toBe(7);
  expect(await customerPage.locator('[aria-invalid="true"]').evaluateAll((fields) => fields.map((field) => field.id))).toEqual([
    'inquiry-title',
    'inquiry-partDescription',
    'inquiry-quantities',
    'inquiry-postalCode',
    'inquiry-quoteDeadline',
    'inquiry-deliveryDate',
  ]);
  expect(await customerPage.locator('#inquiry-processes-error').textContent()).toBe('Bitte geben Sie mindestens einen Eintrag an.');
  expect(await customerPage.evaluate('document.activeElement?.id')).toBe('inquiry-title');

  await customerPage.fill('#inquiry-title', 'Lagerbock gefräst');
  await customerPage.fill('#inquiry-partDescription', 'Lagerbock nach Zeichnung, gefräst, entgratet');
  await customerPage.locator('summary').filter({ hasText: /^3 / }).click();
  await customerPage.check('input[name="processes"][value="3.2.3"]');
  await customerPage.fill('#inquiry-quantities', '100, 1000');
  await customerPage.fill('#inquiry-postalCode', '99974');
  await customerPage.fill('#inquiry-quoteDeadline', `${isoDay(10)}T12:00`);
  // Bad input: delivery on the deadline's own day. The server's message appears at that field, which gets the focus.
  await customerPage.fill('#inquiry-deliveryDate', isoDay(10));
  await customerPage.press('#inquiry-deliveryDate', 'Enter');
  const deliveryError = customerPage.locator('#inquiry-deliveryDate-error');
  // ORDER with other quoteDeadline: the rule itself, after the deadline's day (the general words said "contradicts
  // 'Angebote bis' (such as an end before its start)"); the empty form's errors stand until the answer comes.
  const [year, month, date] = isoDay(10).split('-');
  await eventually(() => deliveryError.textContent()).toBe(
    `Der Liefertermin muss nach dem Tag der Angebotsfrist liegen, also nach dem ${date}.${month}.${year}.`,
  );
  expect(await customerPage.locator('#inquiry-deliveryDate').getAttribute('aria-invalid')).toBe('true');
  expect(await customerPage.locator('#inquiry-deliveryDate').getAttribute('aria-describedby')).toBe('inquiry-deliveryDate-error');
  expect(await customerPage.evaluate('document.activeElement?.id')).toBe('inquiry-deliveryDate');
  expect(await customerPage.locator('.field-error').count()).toBe(1);
  await expectAccessible(customerPage);
  await screenshot(customerPage, 'inquiry-new-field-error');

  await customerPage.fill('#inquiry-deliveryDate', isoDay(40));
  await customerPage.press('#inquiry-deliveryDate', 'Enter');
  await customerPage.waitForURL(/\/anfragen\/inq-\d+$/);
  const inquiryPath = new URL(customerPage.url()).pathname;
  await eventually(() => customerPage.locator('h1').textContent()).toBe('Lagerbock gefräst');
  expect(await customerPage.locator('.inquiry-status').textContent()).toBe('Stand: Entwurf');
  await expectAccessible(customerPage);

  // A drawing through the gateway's /attachments with the session cookie and its CSRF token.
  await customerPage.setInputFiles('#inquiry-upload', { name: 'lagerbock.pdf', mimeType: 'application/pdf', buffer: drawing });
  await customerPage.getByRole('button', { name: 'Hochladen', exact: true }).click();
  const drawingLink = customerPage.getByRole('link', { name: /^lagerbock\.pdf herunterladen/ });
  await eventually(() => drawingLink.count()).toBe(1);
  // A few bytes are bytes (it read "0 KB" for 45 of them).
  expect(await drawingLink.textContent()).toBe(`lagerbock.pdf herunterladen (${drawing.length} Bytes)`);
  expect(await customerPage.getByRole('status').filter({ hasText: '1 Datei hochgeladen.' }).count()).toBe(1);
  const downloadPath = (await drawingLink.getAttribute('href'))!;
  expect(await downloadSize(customerPage, downloadPath)).toBe(drawing.length);
  await expectAccessible(customerPage);
  await screenshot(customerPage, 'inquiry-draft');

  // The draft changed: the description gets a second line, which the page keeps (it ran the lines together).
  await customerPage.getByRole('link', { name: 'Entwurf bearbeiten' }).click();
  await customerPage.waitForURL(/\/anfragen\/inq-\d+\/bearbeiten$/);
  await eventually(() => customerPage.inputValue('#inquiry-partDescription')).toBe('Lagerbock nach Zeichnung, gefräst, entgratet');
  expect(await customerPage.inputValue('#inquiry-quantities')).toBe('100, 1000');
  // The delivery place is part of the draft, too (the form had no field for it: InquiryPatch had none).
  expect(await customerPage.inputValue('#inquiry-postalCode')).toBe('99974');
  await expectAccessible(customerPage);
  await customerPage.fill('#inquiry-partDescription', 'Lagerbock nach Zeichnung, gefräst, entgratet\nKanten gebrochen');
  await customerPage.getByRole('button', { name: 'Änderungen speichern' }).click();
  await customerPage.waitForURL((url) => url.pathname === inquiryPath);
  // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, where the CSS keeps its line breaks or not
  await eventually(() => customerPage.locator('.part-description').innerText()).toBe('Lagerbock nach Zeichnung, gefräst, entgratet\nKanten gebrochen');
  expect(await customerPage.locator('.inquiry-status').textContent()).toBe('Stand: Entwurf');

  // Publishing invites at least one company: left empty the field was sent as 0, and the inquiry invited nobody.
  await customerPage.fill('#inquiry-invite', '');
  await customerPage.getByRole('button', { name: 'Veröffentlichen und einladen' }).click();
  await eventually(() => customerPage.locator('#inquiry-invite-error').textContent()).toBe('Bitte füllen Sie dieses Feld aus.');
  expect(await customerPage.evaluate('document.activeElement?.id')).toBe('inquiry-invite');
  await customerPage.fill('#inquiry-invite', '0');
  await customerPage.press('#inquiry-invite', 'Enter');
  await eventually(() => customerPage.locator('#inquiry-invite-error').textContent()).toBe('Bitte geben Sie eine ganze Zahl von 1 bis 100 ein.');
  expect(await customerPage.locator('#inquiry-invite').getAttribute('aria-invalid')).toBe('true');
  expect(await customerPage.locator('.inquiry-status').textContent()).toBe('Stand: Entwurf');
  await expectAccessible(customerPage);
  await customerPage.fill('#inquiry-invite', '10');
  await customerPage.getByRole('button', { name: 'Veröffentlichen und einladen' }).click();
  await eventually(() => customerPage.locator('.inquiry-status').textContent()).toBe('Stand: offen');
  const invitationRow = customerPage.locator('table.invitations tr').filter({ hasText: invited.name });
  await eventually(() => invitationRow.count()).toBe(1);
  expect(await invitationRow.locator('td').nth(1).textContent()).toBe('eingeladen');
  await eventually(() => customerPage.locator('main').textContent()).toContain('Noch keine Angebote.');
  await expectAccessible(customerPage);
  await screenshot(customerPage, 'inquiry-published');

  // The member, in a browser context of its own: its invitation in the list, the inquiry, the drawing.
  const memberPage = await signIn(bidder, '/anfragen');
  const listRow = memberPage.locator('table.inquiry-list tbody tr').filter({ hasText: 'Lagerbock gefräst' });
  await eventually(() => listRow.count()).toBe(1);
  expect(await listRow.locator('td').nth(3).textContent()).toBe('eingeladen');
  await expectAccessible(memberPage);
  await screenshot(memberPage, 'inquiries-member');
  await listRow.getByRole('link', { name: 'Lagerbock gefräst' }).click();
  await memberPage.waitForURL((url) => url.pathname === inquiryPath);
  await eventually(() => memberPage.locator('#quote-form-heading').textContent()).toBe('Angebot abgeben');
  expect(await downloadSize(memberPage, downloadPath)).toBe(drawing.length);
  // One tier per quantity asked for, filled in German notation.
  expect(await memberPage.inputValue('#quote-tier-0-min')).toBe('100');
  expect(await memberPage.inputValue('#quote-tier-1-min')).toBe('1000');
  await expectAccessible(memberPage);
  await memberPage.fill('#quote-tier-0-price', '12,50');
  await memberPage.fill('#quote-tier-1-price', '9,80');
  await memberPage.fill('#quote-leadTimeDays', '42');
  // Valid until before the deadline's day (in ten days): the rule, not "contradicts quoteDeadline", a field this form lacks.
  await memberPage.fill('#quote-validUntil', isoDay(3));
  await memberPage.press('#quote-leadTimeDays', 'Enter');
  await eventually(() => memberPage.locator('#quote-validUntil-error').textContent()).toMatch(
    /^Das Angebot muss mindestens bis zum Tag der Angebotsfrist gelten, also bis zum \d\d\.\d\d\.\d{4}: die Vergabe folgt danach\.$/,
  );
  await memberPage.fill('#quote-validUntil', isoDay(60));
  await memberPage.fill('#quote-notes', 'Frei Haus\nZahlung 30 Tage netto');
  await memberPage.press('#quote-leadTimeDays', 'Enter');
  await eventually(() => memberPage.getByRole('status').filter({ hasText: 'Ihr Angebot ist abgegeben.' }).count()).toBe(1);
  // The keyboard's focus at the notice (the disabled button had dropped it to the page's body).
  await eventually(() => memberPage.evaluate('document.activeElement?.textContent')).toBe('Ihr Angebot ist abgegeben.');
  await eventually(() => memberPage.locator('#quote-form-heading').textContent()).toBe('Angebot überarbeiten');
  expect(await memberPage.inputValue('#quote-tier-1-price')).toBe('9,80');
  // The prices follow a switch of language, in its notation: left as they were, "12,50" sent from the English page
  // was 1.250 €, and "9.4" prefilled there and sent from the German one 94 €.
  await memberPage.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => memberPage.inputValue('#quote-tier-0-price')).toBe('12.5');
  expect(await memberPage.inputValue('#quote-tier-1-price')).toBe('9.8');
  await memberPage.fill('#quote-tier-1-min', '1,000');
  await memberPage.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
  await eventually(() => memberPage.inputValue('#quote-tier-0-price')).toBe('12,5');
  expect(await memberPage.inputValue('#quote-tier-1-min')).toBe('1000');
  // The revision: a lower price for 1000.
  await memberPage.fill('#quote-tier-1-price', '9,40');
  await memberPage.press('#quote-tier-1-price', 'Enter');
  await eventually(() => memberPage.getByRole('status').filter({ hasText: 'Ihre 2. Fassung ist abgegeben.' }).count()).toBe(1);
  await eventually(() => memberPage.locator('.revisions li').count()).toBe(1);
  expect(plain(await memberPage.locator('.revisions li').textContent())).toMatch(
    /^1\. Fassung vom .*: Stückpreis ab 100\. Stück: 12,50 €; Stückpreis ab 1\.000\. Stück: 9,80 €, 42 Tage$/,
  );
  await expectAccessible(memberPage);
  await screenshot(memberPage, 'inquiry-member-quoted');

  // The customer compares: prices per quantity, totals, lead time and revision side by side.
  await customerPage.reload();
  const comparison = customerPage.locator('table.comparison');
  await eventually(() => comparison.count()).toBe(1);
  const header = `${invited.name} (${invited.network})`;
  expect(await comparison.locator('thead th').allTextContents()).toEqual([header]);
  const row = async (label: string) =>
    (
      await comparison
        .locator('tbody tr')
        .filter({ has: customerPage.locator('th', { hasText: label }) })
        .locator('td')
        .allTextContents()
    ).map(plain);
  expect(await row('Stückpreis bei 100 Stück')).toEqual(['12,50 €']);
  expect(await row('Stückpreis bei 1.000 Stück')).toEqual(['9,40 €']);
  expect(await row('Summe bei 1.000 Stück')).toEqual(['9.400,00 €']);
  expect(await row('Lieferzeit')).toEqual(['42 Tage']);
  expect((await row('Fassung'))[0]).toMatch(/^2\. Fassung vom /);
  expect(await row('Bietergemeinschaft')).toEqual(['allein']);
  // The notes' line break kept.
  // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, where the CSS keeps its line breaks or not
  expect(await comparison.locator('tbody tr').filter({ hasText: 'Anmerkungen' }).locator('td').innerText()).toBe('Frei Haus\nZahlung 30 Tage netto');
  expect(await invitationRow.locator('td').nth(1).textContent()).toBe('Angebot abgegeben');
  await expectAccessible(customerPage);
  await screenshot(customerPage, 'inquiry-comparison');

  // Awarding by keyboard asks first; the focus starts on "Abbrechen", so Enter alone awards nothing.
  await customerPage.getByRole('button', { name: `Zuschlag erteilen: ${header}` }).focus();
  await customerPage.keyboard.press('Enter');
  const dialog = customerPage.getByRole('dialog');
  await eventually(() => dialog.isVisible()).toBe(true);
  expect(plain(await dialog.textContent())).toContain(`Den Auftrag an ${header} vergeben (9,40 € je Stück)?`);
  expect(await customerPage.evaluate('document.activeElement?.textContent')).toBe('Abbrechen');
  await expectAccessible(customerPage);
  await screenshot(customerPage, 'inquiry-award-confirm');
  await customerPage.keyboard.press('Enter');
  await eventually(() => dialog.isVisible()).toBe(false);
  expect(await customerPage.locator('.inquiry-status').textContent()).toBe('Stand: offen');
  // Revised meanwhile by the member: the award of the quote as compared is refused, and the table shows it anew.
  await memberPage.fill('#quote-tier-1-price', '9,20');
  await memberPage.press('#quote-tier-1-price', 'Enter');
  await eventually(() => memberPage.getByRole('status').filter({ hasText: 'Ihre 3. Fassung ist abgegeben.' }).count()).toBe(1);
  await customerPage.getByRole('button', { name: `Zuschlag erteilen: ${header}` }).focus();
  await customerPage.keyboard.press('Enter');
  await eventually(() => dialog.isVisible()).toBe(true);
  await customerPage.keyboard.press('Shift+Tab');
  await customerPage.keyboard.press('Enter');
  await eventually(() => customerPage.locator('.notice-error').textContent()).toBe(
    'Das Angebot wurde inzwischen überarbeitet; die Tabelle zeigt es jetzt neu. Bitte prüfen Sie es und vergeben Sie dann erneut.',
  );
  await eventually(() => row('Stückpreis bei 1.000 Stück')).toEqual(['9,20 €']);
  expect(await customerPage.locator('.inquiry-status').textContent()).toBe('Stand: offen');
  await customerPage.getByRole('button', { name: `Zuschlag erteilen: ${header}` }).focus();
  await customerPage.keyboard.press('Enter');
  await eventually(() => dialog.isVisible()).toBe(true);
  await customerPage.keyboard.press('Shift+Tab');
  expect(await customerPage.evaluate('document.activeElement?.textContent')).toBe('Ja, Zuschlag erteilen');
  await customerPage.keyboard.press('Enter');
  await eventually(() =>
    customerPage
      .getByRole('status')
      .filter({ hasText: `Zuschlag erteilt an ${header}.` })
      .count(),
  ).toBe(1);
  await eventually(() => customerPage.locator('.inquiry-status').textContent()).toBe('Stand: vergeben');
  await eventually(() => row('Stand')).toEqual(['Zuschlag erhalten']);
  await expectAccessible(customerPage);
  await screenshot(customerPage, 'inquiry-awarded');

  // The member sees the award, in German and, after switching, in English with English number formats.
  await memberPage.reload();
  await eventually(() => memberPage.locator('main').textContent()).toContain('Ihr Angebot hat den Zuschlag erhalten.');
  expect(await memberPage.locator('.inquiry-status').textContent()).toMatch(/^Stand: vergeben/);
  expect(await memberPage.locator('#quote-form-heading').count()).toBe(0);
  await expectAccessible(memberPage);
  await screenshot(memberPage, 'inquiry-member-awarded');
  await memberPage.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => memberPage.locator('main').textContent()).toContain('Your quote won the order.');
  expect(await memberPage.locator('main').textContent()).toContain('Unit price from 1,000 parts: €9.20');
  await expectAccessible(memberPage);

  const list = await stack.query(
    { query: 'query($id: ID!) { inquiry(id: $id) { status awardedQuote { member { id } revision } } }', variables: { id: inquiryPath.split('/').pop() } },
    await stack.token('--role', 'admin', '--sub', 'admin'),
  );
  expect(list.data.inquiry).toEqual({ status: 'AWARDED', awardedQuote: { member: { id: invited.id }, revision: 3 } });
  expect(pages.errors).toEqual([]);
}, 300_000);

/** A graph request that must succeed: its data. */
async function query(text: string, variables: Record<string, unknown>, token: string) {
  const result = await stack.query({ query: text, variables }, token);
  expect(result.errors).toBeUndefined();
  return result.data;
}

/** An inquiry of `owner`, published by admin (who may invite nobody, then by hand: a customer invites at least one) to the invited member alone. */
async function openForInvited(input: Record<string, unknown>, owner: string, admin: string): Promise<{ id: string; version: number }> {
  const created = (await query('mutation($input: InquiryInput!) { createInquiry(input: $input) { id version } }', { input }, owner)).createInquiry;
  await query('mutation($id: ID!, $v: Int!) { publishInquiry(id: $id, version: $v, invite: 0) { id } }', { id: created.id, v: created.version }, admin);
  await query('mutation($id: ID!, $m: ID!) { addInvitee(inquiryId: $id, memberId: $m) { status } }', { id: created.id, m: invited.id }, admin);
  return created;
}

test('a member of another network asked into a consortium sees the request and accepts with its processes and share', async () => {
  // Through the graph: an inquiry the invited member is invited to, and its consortium with the asked member.
  const admin = await stack.token('--role', 'admin', '--sub', 'admin');
  const owner = await stack.token('--role', 'partner', '--sub', 'oem');
  const lead = await stack.token('--role', 'member', '--member', invited.id);
  const input = {
    title: 'Getriebegehäuse im Verbund',
    partDescription: 'Gefräst und gedreht',
    processes: ['3.2.3', '3.2.1'],
    quantities: [{ quantity: 300 }],
    deliveryLocation: { postalCode: '99974' },
    deliveryDate: isoDay(60),
    quoteDeadline: new Date(Date.now() + 20 * day).toISOString(),
  };
  const created = await openForInvited(input, owner, admin);
  const consortium = (
    await query('mutation($id: ID!, $p: [ID!]!) { createConsortium(inquiryId: $id, partners: $p) { id } }', { id: created.id, p: [asked.id] }, lead)
  ).createConsortium;

  const page = await signIn(consortiumPartner, '/anfragen');
  const listRow = page.locator('table.inquiry-list tbody tr').filter({ hasText: 'Getriebegehäuse im Verbund' });
  await eventually(() => listRow.count()).toBe(1);
  expect(await listRow.locator('td').nth(3).textContent()).toBe('Bietergemeinschaft: angefragt');
  await expectAccessible(page);
  await listRow.getByRole('link', { name: 'Getriebegehäuse im Verbund' }).click();
  const request = page.getByRole('article', { name: `Federführend: ${invited.name}` });
  await eventually(() => request.count()).toBe(1);
  expect(await request.locator('.partners li').allTextContents()).toEqual([
    `${invited.name} (${invited.network}): angefragt`,
    `${asked.name} (${asked.network}): angefragt`,
  ]);
  // Asked, not invited: no quote form.
  expect(await page.locator('#quote-form-heading').count()).toBe(0);
  await expectAccessible(page);
  await screenshot(page, 'inquiry-consortium-request');

  await request.getByRole('checkbox', { name: /^3\.2\.3 / }).check();
  await page.fill(`#consortium-${consortium.id}-share`, '40');
  await request.getByRole('button', { name: 'Zusagen' }).click();
  await eventually(() => page.getByRole('status').filter({ hasText: 'Ihre Antwort ist gespeichert: zugesagt.' }).count()).toBe(1);
  await eventually(async () => plain(await request.locator('.partners li').nth(1).textContent())).toBe(
    `${asked.name} (${asked.network}): zugesagt – 3.2.3, 40 %`,
  );
  await expectAccessible(page);
  await screenshot(page, 'inquiry-consortium-accepted');

  const partners = (
    await query('query($id: ID!) { consortium(id: $id) { partners { member { id } status processes sharePercent } } }', { id: consortium.id }, lead)
  ).consortium.partners;
  expect(partners).toContainEqual({ member: { id: asked.id }, status: 'ACCEPTED', processes: ['3.2.3'], sharePercent: 40 });
  expect(pages.errors).toEqual([]);
}, 300_000);

test('the owner withdraws a draft and closes an inquiry without an award, each after asking; an office following its members’ invitations sees the invitations and nothing of the owner’s', async () => {
  // Two inquiries of the customer, as its portal account owns them: a draft, and one published to the best-ranked company.
  const owner = await stack.token('--role', 'partner', '--sub', 'Zulieferer AG');
  const ok = async (text: string, variables: Record<string, unknown>) => {
    const result = await stack.query({ query: text, variables }, owner);
    expect(result.errors).toBeUndefined();
    return result.data;
  };
  const input = (title: string) => ({
    title,
    partDescription: 'Gedreht',
    processes: ['3.2.1'],
    quantities: [{ quantity: 50 }],
    deliveryLocation: { postalCode: '99974' },
    deliveryDate: isoDay(50),
    quoteDeadline: new Date(Date.now() + 15 * day).toISOString(),
  });
  const create = 'mutation($input: InquiryInput!) { createInquiry(input: $input) { id version } }';
  const draft = (await ok(create, { input: input('Welle, nicht mehr gebraucht') })).createInquiry;
  const open = (await ok(create, { input: input('Welle ohne passendes Angebot') })).createInquiry;
  const published = (
    await ok('mutation($id: ID!, $v: Int!) { publishInquiry(id: $id, version: $v, invite: 1) { invitations { network } } }', { id: open.id, v: open.version })
  ).publishInquiry;
  const network: string = published.invitations[0].network;

  // The office of the invited member's network follows the invitation: the invitations, no comparison (only the owner may
  // ask for it: the page said "not allowed" under "Angebote im Vergleich"), no drawing upload, no withdrawing or closing.
  const office = { email: `anfragen@${network.toLowerCase()}.example`, name: 'Olaf Office', password };
  await createAccount(stack, await stack.token('--role', 'admin', '--sub', 'admin'), { ...office, kind: 'OFFICE', network });
  const officePage = await signIn(office, `/anfragen/${open.id}`);
  await eventually(() => officePage.locator('table.invitations tbody tr').count()).toBe(1);
  expect(await officePage.locator('h1').textContent()).toBe('Welle ohne passendes Angebot');
  expect(await officePage.locator('#quotes-heading, #end-heading, #publish-heading, #inquiry-upload').count()).toBe(0);
  expect(await officePage.locator('.notice-error').count()).toBe(0);
  await expectAccessible(officePage);

  // The draft withdrawn: asked first, the focus on "Abbrechen", so Enter alone withdraws nothing.
  const page = await signIn(customer, `/anfragen/${draft.id}`);
  await eventually(() => page.locator('#end-heading').textContent()).toBe('Anfrage beenden');
  expect(await page.getByRole('button', { name: 'Ohne Vergabe schließen' }).count()).toBe(0);
  await page.getByRole('button', { name: 'Anfrage zurückziehen' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await eventually(() => dialog.isVisible()).toBe(true);
  expect(await dialog.locator('p').textContent()).toBe(
    'Den Entwurf „Welle, nicht mehr gebraucht“ zurückziehen? Er gilt dann als abgesagt und lässt sich nicht mehr veröffentlichen. Das lässt sich nicht rückgängig machen.',
  );
  await eventually(() => page.evaluate('document.activeElement?.textContent')).toBe('Abbrechen');
  await expectAccessible(page);
  await page.keyboard.press('Enter');
  await eventually(() => dialog.isVisible()).toBe(false);
  expect(await page.locator('.inquiry-status').textContent()).toBe('Stand: Entwurf');
  await page.getByRole('button', { name: 'Anfrage zurückziehen' }).focus();
  await page.keyboard.press('Enter');
  await eventually(() => dialog.isVisible()).toBe(true);
  await page.keyboard.press('Shift+Tab');
  await eventually(() => page.evaluate('document.activeElement?.textContent')).toBe('Ja, zurückziehen');
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('.inquiry-status').textContent()).toBe('Stand: abgesagt');
  await eventually(() => page.evaluate('document.activeElement?.textContent')).toBe('Die Anfrage ist zurückgezogen.');
  expect(await page.locator('#end-heading ~ .actions, #publish-heading').count()).toBe(0);
  await expectAccessible(page);

  // The published one closed without an award.
  await page.goto(`${stack.gateway}/anfragen/${open.id}`);
  await eventually(() => page.locator('#quotes-heading').count()).toBe(1);
  await page.getByRole('button', { name: 'Ohne Vergabe schließen' }).focus();
  await page.keyboard.press('Enter');
  await eventually(() => dialog.isVisible()).toBe(true);
  expect(await dialog.locator('p').textContent()).toBe(
    'Die Anfrage „Welle ohne passendes Angebot“ ohne Vergabe schließen? Kein Angebot erhält den Zuschlag, und weitere werden nicht angenommen. Das lässt sich nicht rückgängig machen.',
  );
  await eventually(() => page.evaluate('document.activeElement?.textContent')).toBe('Abbrechen');
  await page.keyboard.press('Shift+Tab');
  await eventually(() => page.evaluate('document.activeElement?.textContent')).toBe('Ja, ohne Vergabe schließen');
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('.inquiry-status').textContent()).toBe('Stand: ohne Vergabe geschlossen');
  await eventually(() => page.getByRole('status').filter({ hasText: 'Die Anfrage ist ohne Vergabe geschlossen.' }).count()).toBe(1);
  await expectAccessible(page);

  const states = await Promise.all([draft.id, open.id].map(async (id) => (await ok('query($id: ID!) { inquiry(id: $id) { status } }', { id })).inquiry.status));
  expect(states).toEqual(['CANCELLED', 'CLOSED_WITHOUT_AWARD']);
  expect(pages.errors).toEqual([]);
}, 300_000);

test('the owner extends an open inquiry’s deadline, later only; the bidder withdraws its quote after asking and submits it again; a draft’s delivery place changes', async () => {
  const { admin, owner, lead, input } = await ownerSetup();
  const create = 'mutation($input: InquiryInput!) { createInquiry(input: $input) { id version } }';
  const created = await openForInvited(input('Halter, Frist verlängert'), owner, admin);
  await query(
    'mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }',
    { id: created.id, input: { priceTiers: [{ minQuantity: 1, unitPrice: 7.5 }], leadTimeDays: 30, validUntil: isoDay(60) } },
    lead,
  );

  // The owner: earlier is refused with the rule, a deadline past the delivery date with what to do, then both moved.
  const page = await signIn(customer, `/anfragen/${created.id}`);
  await eventually(() => page.locator('#extend-heading').textContent()).toBe('Angebotsfrist verlängern');
  await page.fill('#extend-quoteDeadline', `${isoDay(5)}T12:00`);
  await page.getByRole('button', { name: 'Frist verlängern' }).click();
  await eventually(() => page.locator('#extend-quoteDeadline-error').textContent()).toMatch(
    /^Die neue Frist muss nach der bisherigen liegen \(.+\); früher lässt sie sich nicht legen\.$/,
  );
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('extend-quoteDeadline');
  expect(await page.locator('#extend-quoteDeadline').getAttribute('aria-invalid')).toBe('true');
  await page.fill('#extend-quoteDeadline', `${isoDay(45)}T12:00`);
  await page.press('#extend-quoteDeadline', 'Enter');
  await eventually(() => page.locator('#extend-quoteDeadline-error').textContent()).toMatch(
    /^Die Frist muss vor dem Tag des Liefertermins \(.+\) enden\. Verschieben Sie den Liefertermin mit, oder wählen Sie eine frühere Frist\.$/,
  );
  await expectAccessible(page);
  await page.fill('#extend-deliveryDate', isoDay(55));
  await page.press('#extend-quoteDeadline', 'Enter');
  await eventually(() =>
    page
      .getByRole('status')
      .filter({ hasText: /^Die Angebotsfrist ist verlängert bis / })
      .count(),
  ).toBe(1);
  await eventually(() => page.evaluate('document.activeElement?.textContent')).toMatch(/^Die Angebotsfrist ist verlängert bis /);
  const [year, month, date] = isoDay(55).split('-');
  await eventually(() => page.locator('.facts').first().textContent()).toContain(`${date}.${month}.${year}`);
  expect(await page.locator('.field-error').count()).toBe(0);
  await expectAccessible(page);
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  await screenshot(page, 'inquiry-deadline-extended');
  await page.setViewportSize({ width: 1280, height: 900 });
  const extended = (await query('query($id: ID!) { inquiry(id: $id) { quoteDeadline deliveryDate } }', { id: created.id }, owner)).inquiry;
  expect(extended.deliveryDate).toBe(isoDay(55));
  expect(extended.quoteDeadline.slice(0, 10)).toBe(isoDay(45));

  // The bidder withdraws: asked first, the focus on "Abbrechen", so Enter alone withdraws nothing.
  const memberPage = await signIn(bidder, `/anfragen/${created.id}`);
  await eventually(() => memberPage.locator('#withdraw-quote-heading').textContent()).toBe('Angebot zurückziehen');
  await memberPage.getByRole('button', { name: 'Angebot zurückziehen' }).focus();
  await memberPage.keyboard.press('Enter');
  const dialog = memberPage.getByRole('dialog');
  await eventually(() => dialog.isVisible()).toBe(true);
  expect(await dialog.locator('p').textContent()).toBe(
    'Ihr Angebot zu „Halter, Frist verlängert“ zurückziehen? Der Kunde erfährt es und kann es nicht mehr beauftragen. Bis zur Angebotsfrist können Sie erneut anbieten.',
  );
  expect(await memberPage.evaluate('document.activeElement?.textContent')).toBe('Abbrechen');
  await expectAccessible(memberPage);
  await memberPage.keyboard.press('Enter');
  await eventually(() => dialog.isVisible()).toBe(false);
  await memberPage.getByRole('button', { name: 'Angebot zurückziehen' }).focus();
  await memberPage.keyboard.press('Enter');
  await eventually(() => dialog.isVisible()).toBe(true);
  await memberPage.keyboard.press('Shift+Tab');
  expect(await memberPage.evaluate('document.activeElement?.textContent')).toBe('Ja, Angebot zurückziehen');
  await memberPage.keyboard.press('Enter');
  await eventually(() => memberPage.evaluate('document.activeElement?.textContent')).toBe('Ihr Angebot ist zurückgezogen.');
  await eventually(() => memberPage.locator('main').textContent()).toContain('Sie haben dieses Angebot zurückgezogen');
  expect(await memberPage.locator('#quote-form-heading').textContent()).toBe('Angebot erneut abgeben');
  expect(await memberPage.getByRole('button', { name: 'Angebot zurückziehen' }).count()).toBe(0);
  await expectAccessible(memberPage);
  await memberPage.setViewportSize({ width: 360, height: 740 });
  expect(await memberPage.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  await screenshot(memberPage, 'inquiry-quote-withdrawn');
  await memberPage.setViewportSize({ width: 1280, height: 900 });

  // Out of the owner's comparison, and the owner sees who withdrew: the invitation read "gelesen" (VIEWED), which
  // told nothing of the withdrawal; the bidder is named beside the comparison, without its prices.
  await page.reload();
  await eventually(() => page.locator('main').textContent()).toContain('Noch keine Angebote.');
  const invitationRow = page.locator('table.invitations tr').filter({ hasText: invited.name });
  expect(await invitationRow.locator('td').nth(1).textContent()).toBe('Angebot zurückgezogen');
  expect(await page.locator('.withdrawn-quotes').textContent()).toBe(
    `Von ihren Anbietern zurückgezogen, daher nicht im Vergleich: ${invited.name} (${invited.network}).`,
  );
  expect(await page.locator('table.comparison').count()).toBe(0);
  await expectAccessible(page);

  // Submitted again: the quote's next revision, back in the comparison; the page in English says so in English.
  await memberPage.getByRole('button', { name: 'Erneut abgeben' }).click();
  await eventually(() => memberPage.getByRole('status').filter({ hasText: 'Ihre 2. Fassung ist abgegeben.' }).count()).toBe(1);
  await eventually(() => memberPage.getByRole('button', { name: 'Angebot zurückziehen' }).count()).toBe(1);
  // The withdrawal's notice went with the withdrawn quote: beside the one submitted again it said the opposite.
  expect(await memberPage.locator('main').textContent()).not.toContain('Ihr Angebot ist zurückgezogen.');
  expect(await memberPage.locator('main').textContent()).not.toContain('Sie haben dieses Angebot zurückgezogen');
  expect(await memberPage.locator('#own-quote-heading ~ dl dd').first().textContent()).toBe('abgegeben');
  await memberPage.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => memberPage.getByRole('button', { name: 'Withdraw the quote' }).count()).toBe(1);
  await page.reload();
  await eventually(() => page.locator('table.comparison').count()).toBe(1);
  expect(await invitationRow.locator('td').nth(1).textContent()).toBe('Angebot abgegeben');
  expect(await page.locator('.withdrawn-quotes').count()).toBe(0);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => page.locator('#extend-heading').textContent()).toBe('Extend the quote deadline');

  // A draft's delivery place: changed on its edit page, a bad one refused at the field.
  const draft = (await query(create, { input: input('Halter, anderer Lieferort') }, owner)).createInquiry;
  await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
  await page.goto(`${stack.gateway}/anfragen/${draft.id}/bearbeiten`);
  await eventually(() => page.inputValue('#inquiry-postalCode')).toBe('99974');
  await page.fill('#inquiry-postalCode', '00000');
  await page.getByRole('button', { name: 'Änderungen speichern' }).click();
  await eventually(() => page.locator('#inquiry-postalCode-error').count()).toBe(1);
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('inquiry-postalCode');
  await page.fill('#inquiry-postalCode', '99817');
  await page.getByRole('button', { name: 'Änderungen speichern' }).click();
  await page.waitForURL((url) => url.pathname === `/anfragen/${draft.id}`);
  await eventually(() => page.locator('.facts').first().textContent()).toContain('99817');
  expect((await query('query($id: ID!) { inquiry(id: $id) { deliveryPostalCode } }', { id: draft.id }, owner)).inquiry.deliveryPostalCode).toBe('99817');
  expect(pages.errors).toEqual([]);
}, 300_000);

test('the deadline passes while the pages are open: the quote stands; the owner gives the bidders more time, which opens quoting again; ending and publishing on a stale page say what happened', async () => {
  const { admin, owner, lead, input } = await ownerSetup(86_400_000);
  const created = await openForInvited(input('Halter, Frist läuft ab'), owner, admin);
  await query(
    'mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }',
    { id: created.id, input: { priceTiers: [{ minQuantity: 1, unitPrice: 7.5 }], leadTimeDays: 30, validUntil: isoDay(60) } },
    lead,
  );
  const page = await signIn(customer, `/anfragen/${created.id}`);
  await eventually(() => page.locator('#extend-heading').count()).toBe(1);
  const memberPage = await signIn(bidder, `/anfragen/${created.id}`);
  await eventually(() => memberPage.getByRole('button', { name: 'Angebot zurückziehen' }).count()).toBe(1);
  // The pages were read before the deadline; it passes now (moved into the past in region's database, where a wait
  // of half a minute would have lost its race on a busy machine), and the buttons are pressed after it.
  const server = embeddedServerUrl(join(stack.dataDir, dataPaths.postgres), Number(stack.env.PG_PORT));
  await withClient(databaseUrl(server, serviceDatabase('region')), (client) =>
    client.query(`update "inquiry" set "quote_deadline" = now() - interval '1 minute' where "id" = $1`, [Number(created.id.replace(/^inq-/, ''))]),
  );

  // The bidder withdraws on its page read before the deadline: refused as the deadline passed (QUOTING_CLOSED), said
  // so (it read "Die Anfrage wurde inzwischen geändert."), the focus at the message.
  await memberPage.getByRole('button', { name: 'Angebot zurückziehen' }).focus();
  await memberPage.keyboard.press('Enter');
  const dialog = memberPage.getByRole('dialog');
  await eventually(() => dialog.isVisible()).toBe(true);
  await memberPage.keyboard.press('Shift+Tab');
  expect(await memberPage.evaluate('document.activeElement?.textContent')).toBe('Ja, Angebot zurückziehen');
  await memberPage.keyboard.press('Enter');
  const withdrawRefusal = memberPage.locator('#withdraw-quote-heading ~ .notice-error');
  await eventually(() => withdrawRefusal.textContent()).toMatch(
    /^Die Angebotsfrist ist am .+ abgelaufen\. Ihr Angebot lässt sich nicht mehr zurückziehen und bleibt, wie es ist; bitte laden Sie die Seite neu\.$/,
  );
  expect(await withdrawRefusal.getAttribute('role')).toBe('alert');
  await eventually(() => memberPage.evaluate('document.activeElement?.textContent')).toMatch(/^Die Angebotsfrist ist am /);
  await expectAccessible(memberPage);
  await memberPage.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => withdrawRefusal.textContent()).toMatch(
    /^The quote deadline passed on .+\. Your quote can no longer be withdrawn and stays as it is; please reload the page\.$/,
  );

  // Past the deadline the owner still finds the form (it was offered only while the inquiry was open, and the graph
  // refused it): a new deadline opens quoting again. A delivery date too far ahead is said at its field.
  await page.reload();
  await eventually(() => page.locator('.inquiry-status').textContent()).toBe('Stand: Angebotsfrist abgelaufen');
  expect(await page.locator('#extend-heading + p').textContent()).toMatch(/^Die Angebotsfrist ist abgelaufen\. Haben Sie zu wenige Angebote, geben Sie /);
  await page.fill('#extend-quoteDeadline', `${isoDay(20)}T12:00`);
  await page.fill('#extend-deliveryDate', '2999-01-01');
  await page.press('#extend-quoteDeadline', 'Enter');
  await eventually(() => page.locator('#extend-deliveryDate-error').textContent()).toMatch(
    /^Das liegt zu weit in der Zukunft; bitte wählen Sie einen Tag bis spätestens \d\d\.\d\d\.\d{4}\.$/,
  );
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('extend-deliveryDate');
  await expectAccessible(page);
  await page.fill('#extend-deliveryDate', isoDay(40));
  await page.press('#extend-quoteDeadline', 'Enter');
  await eventually(() => page.evaluate('document.activeElement?.textContent')).toMatch(/^Die Angebotsfrist ist verlängert bis /);
  await eventually(() => page.locator('.inquiry-status').textContent()).toBe('Stand: offen');
  expect(await page.locator('.field-error, .notice-error').count()).toBe(0);
  const reopened = (await query('query($id: ID!) { inquiry(id: $id) { status version quoteDeadline quotes { id status } } }', { id: created.id }, owner))
    .inquiry;
  expect(reopened).toMatchObject({ status: 'OPEN', quotes: [{ status: 'SUBMITTED' }] });
  expect(reopened.quoteDeadline.slice(0, 10)).toBe(isoDay(20));
  // The bidder's quote stood through it, and it may withdraw it again.
  await memberPage.reload();
  await eventually(() => memberPage.getByRole('button', { name: 'Withdraw the quote' }).count()).toBe(1);

  // Awarded in another window, then closed without an award on this page: said as that, not "changed meanwhile".
  await query(
    'mutation($id: ID!, $q: ID!, $v: Int!) { awardQuote(inquiryId: $id, quoteId: $q, version: $v) { status } }',
    { id: created.id, q: reopened.quotes[0].id, v: reopened.version },
    owner,
  );
  await page.getByRole('button', { name: 'Ohne Vergabe schließen' }).focus();
  await page.keyboard.press('Enter');
  const ownerDialog = page.getByRole('dialog');
  await eventually(() => ownerDialog.isVisible()).toBe(true);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  const endRefusal = page.locator('#end-heading ~ .notice-error');
  await eventually(() => endRefusal.textContent()).toBe(
    'Die Anfrage ist inzwischen vergeben. Sie lässt sich nicht mehr ohne Vergabe schließen; bitte laden Sie die Seite neu.',
  );
  expect(await endRefusal.getAttribute('role')).toBe('alert');
  await eventually(() => page.evaluate('document.activeElement?.className')).toBe('notice notice-error');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => endRefusal.textContent()).toBe(
    'The inquiry has been awarded in the meantime. It can no longer be closed without an award; please reload the page.',
  );
  await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();

  // A draft published in another window, then published on this page: said as that (every CONFLICT read "changed meanwhile").
  const draft = (
    await query('mutation($input: InquiryInput!) { createInquiry(input: $input) { id version } }', { input: input('Halter, zweimal veröffentlicht') }, owner)
  ).createInquiry;
  await page.goto(`${stack.gateway}/anfragen/${draft.id}`);
  await eventually(() => page.locator('#publish-heading').count()).toBe(1);
  await query('mutation($id: ID!, $v: Int!) { publishInquiry(id: $id, version: $v, invite: 1) { status } }', { id: draft.id, v: draft.version }, owner);
  await page.getByRole('button', { name: 'Veröffentlichen und einladen' }).click();
  const publishRefusal = page.locator('form.publish .notice-error');
  await eventually(() => publishRefusal.textContent()).toBe(
    'Die Anfrage ist inzwischen veröffentlicht. Veröffentlichen ist nicht mehr möglich; bitte laden Sie die Seite neu.',
  );
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => publishRefusal.textContent()).toBe(
    'The inquiry has been published in the meantime. It can no longer be published; please reload the page.',
  );

  const after = (await query('query($id: ID!) { inquiry(id: $id) { status quotes { status } } }', { id: created.id }, owner)).inquiry;
  expect(after).toEqual({ status: 'AWARDED', quotes: [{ status: 'AWARDED' }] });
  expect(pages.errors).toEqual([]);
}, 300_000);

/**
 * The tokens of the admin, the customer and the invited member, and an inquiry's input by title: 200 pieces, the
 * deadline `deadlineMs` from now (ten days unless a test lets it pass soon), delivery in 40 days.
 */
async function ownerSetup(deadlineMs = 10 * day) {
  const admin = await stack.token('--role', 'admin', '--sub', 'admin');
  const owner = await stack.token('--role', 'partner', '--sub', 'Zulieferer AG');
  const lead = await stack.token('--role', 'member', '--member', invited.id);
  const input = (title: string) => ({
    title,
    partDescription: 'Gefräst',
    processes: ['3.2.3'],
    quantities: [{ quantity: 200 }],
    deliveryLocation: { postalCode: '99974' },
    deliveryDate: isoDay(40),
    quoteDeadline: new Date(Date.now() + deadlineMs).toISOString(),
  });
  return { admin, owner, lead, input };
}

test('the new inquiry’s date fields keep to the server’s limits, from the region’s day', async () => {
  // The new inquiry's date fields: the deadline from now, delivery after the deadline's day in Berlin, both until
  // the last day the server takes (the browser's picker keeps within min and max; they had none).
  const page = await signIn(customer, '/anfragen/neu');
  const deadlineField = page.locator('#inquiry-quoteDeadline');
  const deliveryField = page.locator('#inquiry-deliveryDate');
  await eventually(() => deliveryField.getAttribute('max')).toBe(latestInquiryDay());
  // The fields hold Berlin's clock (portal/src/region-clock.ts).
  const asInstant = (local: string | null) => regionInstant(local ?? '')!.getTime();
  expect(Math.abs(asInstant(await deadlineField.getAttribute('min')) - Date.now())).toBeLessThan(5 * 60_000);
  const lastMinute = asInstant(await deadlineField.getAttribute('max'));
  // The deadline ends the day before the latest day: delivery follows its day (on the latest, no delivery date fitted).
  expect([regionDay(new Date(lastMinute)), regionDay(new Date(lastMinute + 60_000))]).toEqual([latestDeadlineDay(), latestInquiryDay()]);
  await deadlineField.fill(`${isoDay(10)}T12:00`);
  await eventually(() => deliveryField.getAttribute('min')).toBe(isoDay(11));

  expect(pages.errors).toEqual([]);
}, 300_000);

test('a draft’s edit page read before the draft was published elsewhere says so when saved', async () => {
  const { owner, input } = await ownerSetup();
  const page = await signIn(customer, '/anfragen');
  // A draft's edit page read before the draft was published in another window: saved, it says so (it read "Die
  // Anfrage wurde inzwischen geändert.").
  const draft = (await query('mutation($input: InquiryInput!) { createInquiry(input: $input) { id version } }', { input: input('Halter, Entwurf') }, owner))
    .createInquiry;
  await page.goto(`${stack.gateway}/anfragen/${draft.id}/bearbeiten`);
  await eventually(() => page.locator('#inquiry-title').inputValue()).toBe('Halter, Entwurf');
  await query('mutation($id: ID!, $v: Int!) { publishInquiry(id: $id, version: $v, invite: 1) { status } }', { id: draft.id, v: draft.version }, owner);
  await page.fill('#inquiry-title', 'Halter, Entwurf B');
  await page.getByRole('button', { name: 'Änderungen speichern' }).click();
  const editRefusal = page.locator('form.inquiry-form .notice-error');
  await eventually(() => editRefusal.textContent()).toBe(
    'Die Anfrage ist inzwischen veröffentlicht. Der Entwurf lässt sich nicht mehr bearbeiten; bitte laden Sie die Seite neu.',
  );
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => editRefusal.textContent()).toBe(
    'The inquiry has been published in the meantime. The draft can no longer be edited; please reload the page.',
  );
  await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();

  expect(pages.errors).toEqual([]);
}, 300_000);

test('publishing a draft whose deadline has passed says to change the deadline first', async () => {
  const { owner, input } = await ownerSetup();
  const page = await signIn(customer, '/anfragen');
  // A draft whose deadline passed: publishing says to change the deadline first (it read "in the past; choose a
  // time in the future", with no deadline field on the form).
  const stale = (await query('mutation($input: InquiryInput!) { createInquiry(input: $input) { id } }', { input: input('Halter, Frist vorbei') }, owner))
    .createInquiry;
  const server = embeddedServerUrl(join(stack.dataDir, dataPaths.postgres), Number(stack.env.PG_PORT));
  await withClient(databaseUrl(server, serviceDatabase('region')), (client) =>
    client.query(`update "inquiry" set "quote_deadline" = now() - interval '1 minute' where "id" = $1`, [Number(stale.id.replace(/^inq-/, ''))]),
  );
  await page.goto(`${stack.gateway}/anfragen/${stale.id}`);
  await eventually(() => page.locator('#publish-heading').count()).toBe(1);
  await page.getByRole('button', { name: 'Veröffentlichen und einladen' }).click();
  const publishRefusal = page.locator('form.publish .notice-error');
  await eventually(() => publishRefusal.textContent()).toMatch(
    /^Die Angebotsfrist \(.+\) ist schon abgelaufen\. Bitte ändern Sie zuerst die Frist unter „Entwurf bearbeiten“ und veröffentlichen Sie dann\.$/,
  );
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => publishRefusal.textContent()).toMatch(
    /^The quote deadline \(.+\) has passed\. Please change the deadline first under "Edit the draft", then publish\.$/,
  );

  expect(pages.errors).toEqual([]);
}, 300_000);

test('declining on a page read before the member quoted elsewhere says that it quoted', async () => {
  const { admin, owner, lead, input } = await ownerSetup();
  // The invited member's page read before it quoted in another window: declining says that it quoted.
  const open = await openForInvited(input('Halter, Ablehnung'), owner, admin);
  const memberPage = await signIn(bidder, `/anfragen/${open.id}`);
  await eventually(() => memberPage.locator('#decline-reason').count()).toBe(1);
  await query(
    'mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }',
    { id: open.id, input: { priceTiers: [{ minQuantity: 1, unitPrice: 7.5 }], leadTimeDays: 30, validUntil: isoDay(60) } },
    lead,
  );
  await memberPage.fill('#decline-reason', 'Keine Kapazität');
  await memberPage.getByRole('button', { name: 'Einladung ablehnen' }).click();
  await memberPage.getByRole('dialog').getByRole('button', { name: 'Ja, ablehnen' }).click();
  const declineRefusal = memberPage.locator('form.decline-form .notice-error');
  await eventually(() => declineRefusal.textContent()).toBe(
    'Sie haben inzwischen ein Angebot abgegeben, etwa in einem anderen Fenster; die Einladung lässt sich nicht mehr ablehnen. Bitte laden Sie die Seite neu.',
  );
  await expectAccessible(memberPage);
  await memberPage.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => declineRefusal.textContent()).toBe(
    'You have submitted a quote in the meantime, in another window perhaps; the invitation can no longer be declined. Please reload the page.',
  );
  expect(pages.errors).toEqual([]);
}, 300_000);
