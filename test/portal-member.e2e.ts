import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { eventually, expectAccessible, type PortalPages, screenshot, startPortalStack, stopPortalStack } from './support/browser.ts';
import { createMember, supervisorGraph } from './support/members.ts';
import { createAccount } from './support/sessions.ts';
import type { Supervisor } from './support/supervisor.ts';

// A member company's own pages in Debian's chromium against `npm start`: its staff signs in with the
// account its office created, sets the availability, chooses its processes and materials, adds a
// contact person (an invalid e-mail address at its field first), a service and a certification (without
// its date first; the field errors in German from their reason, field-errors.ts), posts an
// offer (a window too small for the hours first: the server's error at the hours field), sees another
// network's member book it, confirms the booking, withdraws the offer, and edits the profile (an
// invalid website at its field first); the public profile shows the change. Key steps by keyboard;
// axe-core's WCAG 2.1 AA rules in every state.

let stack: Supervisor;
let browser: Browser;
let pages: PortalPages;
const account = { email: 'frieda.fraese@werra-fraese.example', name: 'Frieda Fräse', password: 'Werra-Meissner-2026' };
const members: Record<'werra' | 'linat', string> = { werra: '', linat: '' };
let linatToken: string;

/** The Monday `weeks` weeks after next Monday, as YYYY-MM-DD, plus `days`: a window that never lies in the past. */
function monday(weeks: number, days = 0): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7) + weeks * 7 + days);
  return d.toISOString().slice(0, 10);
}

async function graph(query: string, variables: Record<string, unknown>, token?: string) {
  const result = await stack.query({ query, variables }, token);
  expect(result.errors).toBeUndefined();
  return result.data;
}

beforeAll(async () => {
  ({ stack, browser, pages } = await startPortalStack());
  const admin = await stack.token('--role', 'admin', '--sub', 'admin');
  members.werra = (await createMember(supervisorGraph(stack), admin, 'NIWE', { name: 'Werra-Fräse GmbH', postalCode: '37269', city: 'Eschwege' })).id;
  members.linat = (await createMember(supervisorGraph(stack), admin, 'LINAT', { name: 'Unstrut Guss KG', postalCode: '99974', city: 'Mühlhausen' })).id;
  await createAccount(stack, admin, { ...account, kind: 'MEMBER', memberId: members.werra });
  linatToken = await stack.token('--role', 'member', '--network', 'LINAT', '--member', members.linat);
}, 180_000);

afterAll(() => stopPortalStack(stack, browser));

afterEach(async () => {
  expect(await pages.close()).toEqual([]);
});

/** Moves the focus to `selector` and presses Enter, as a keyboard user follows a link or presses a button. */
async function press(page: Page, selector: string) {
  await page.locator(selector).focus();
  await page.keyboard.press('Enter');
}

test('a member sets its availability, posts an offer, confirms a booking of it, withdraws it, and edits its profile', async () => {
  const page = await pages.signedIn(account);
  await press(page, '.account-link[href="/mein-unternehmen"]');
  await page.waitForURL(/\/mein-unternehmen$/);
  await eventually(() => page.locator('input[name="availability"]:checked').getAttribute('value')).toBe('NORMAL');
  expect(await page.locator('h1').textContent()).toBe('Mein Unternehmen');
  await expectAccessible(page);
  await screenshot(page, 'member-overview');

  // Availability: the radio group by arrow keys, saved with Enter.
  await page.locator('#availability-NORMAL').focus();
  await page.keyboard.press('ArrowDown');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('availability-AT_CAPACITY');
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('.saved').first().textContent()).toBe('Gespeichert: voll ausgelastet.');
  const availability = `query($id: ID!) { member(id: $id) { availability } }`;
  expect((await graph(availability, { id: members.werra })).member.availability).toBe('AT_CAPACITY');
  await expectAccessible(page);

  // Processes and materials in the search's pickers, by keyboard: a group opens with Enter, a box is ticked with Space.
  await page.locator('fieldset.tree summary', { hasText: /^3 Trennen/ }).focus();
  await page.keyboard.press('Enter');
  await page.locator('input[name="own-processes"][value="3.2.3"]').focus();
  await page.keyboard.press('Space');
  await page.locator('fieldset.tree:has(input[name="own-materials"]) summary').first().focus();
  await page.keyboard.press('Enter');
  await page.locator('input[name="own-materials"][value="42CrMo4"]').focus();
  await page.keyboard.press('Space');
  await press(page, 'button:text("Verfahren und Werkstoffe speichern")');
  await eventually(() => page.locator('section[aria-labelledby="my-capabilities-heading"] .saved').textContent()).toBe(
    'Gespeichert: 1 Verfahren, 1 Werkstoff.',
  );
  const capabilities = `query($id: ID!) { member(id: $id) { processes { code } materials } }`;
  expect((await graph(capabilities, { id: members.werra })).member).toEqual({ processes: [{ code: '3.2.3' }], materials: ['42CrMo4'] });
  await expectAccessible(page);

  // A contact person by keyboard: an e-mail address without @ is the network's error at that field; fixed, it is saved.
  await press(page, 'button:text("Ansprechperson hinzufügen")');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('contact-0-name');
  await page.keyboard.type('Frieda Fräse');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Vertrieb');
  await page.keyboard.press('Tab');
  await page.keyboard.type('vertrieb.werra-fraese.example');
  await page.keyboard.press('Tab');
  await page.keyboard.type('+49 5651 12345');
  await page.keyboard.press('Enter');
  const email = page.locator('#contact-0-email');
  await eventually(() => page.locator('#contact-0-email-error').textContent()).toBe('Bitte geben Sie eine E-Mail-Adresse ein, z. B. name@firma.de.');
  expect(await email.getAttribute('aria-invalid')).toBe('true');
  expect(await email.getAttribute('aria-describedby')).toBe('contact-0-email-error');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('contact-0-email');
  await expectAccessible(page);
  await screenshot(page, 'member-contact-error');
  const contacts = `query($id: ID!) { member(id: $id) { contacts { name role email phone } } }`;
  expect((await graph(contacts, { id: members.werra }, linatToken)).member.contacts).toEqual([]);
  await email.fill('vertrieb@werra-fraese.example');
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('section[aria-labelledby="my-contacts-heading"] .saved').textContent()).toBe('Gespeichert: 1 Ansprechperson.');
  expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
  expect((await graph(contacts, { id: members.werra }, linatToken)).member.contacts).toEqual([
    { name: 'Frieda Fräse', role: 'Vertrieb', email: 'vertrieb@werra-fraese.example', phone: '+49 5651 12345' },
  ]);
  await expectAccessible(page);

  // A service by keyboard, saved as the list of services.
  await press(page, 'button:text("Leistung hinzufügen")');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('service-0-title');
  await page.keyboard.type('CNC-Fräsen bis 5 Achsen');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Bauteile bis 650 mm, Losgrößen ab 1.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('3.2.3');
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('section[aria-labelledby="my-services-heading"] .saved').textContent()).toBe('Gespeichert: 1 Leistung.');
  const services = `query($id: ID!) { member(id: $id) { services { title description processes { code } } } }`;
  expect((await graph(services, { id: members.werra })).member.services).toEqual([
    { title: 'CNC-Fräsen bis 5 Achsen', description: 'Bauteile bis 650 mm, Losgrößen ab 1.', processes: [{ code: '3.2.3' }] },
  ]);
  await expectAccessible(page);

  // A certification without its date: the network's DATE reason, in German at that field; dated, it is saved.
  await press(page, 'button:text("Zertifizierung hinzufügen")');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('certificate-0-standard');
  await page.keyboard.type('ISO 9001');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Q-2026-117');
  await page.keyboard.press('Enter');
  const validUntil = page.locator('#certificate-0-validUntil');
  await eventually(() => page.locator('#certificate-0-validUntil-error').textContent()).toBe('Bitte geben Sie ein gültiges Datum ein.');
  expect(await validUntil.getAttribute('aria-invalid')).toBe('true');
  expect(await validUntil.getAttribute('aria-describedby')).toBe('certificate-0-validUntil-error');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('certificate-0-validUntil');
  await expectAccessible(page);
  await screenshot(page, 'member-certificate-error');
  const certifications = `query($id: ID!) { member(id: $id) { certifications { standard number validUntil valid } } }`;
  expect((await graph(certifications, { id: members.werra })).member.certifications).toEqual([]);
  const until = monday(52);
  await validUntil.fill(until);
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('section[aria-labelledby="my-certifications-heading"] .saved').textContent()).toBe('Gespeichert: 1 Zertifizierung.');
  expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
  expect((await graph(certifications, { id: members.werra })).member.certifications).toEqual([
    { standard: 'ISO 9001', number: 'Q-2026-117', validUntil: until, valid: true },
  ]);
  await expectAccessible(page);

  // Capacity: empty at first.
  await press(page, 'a[href="/mein-unternehmen/kapazitaet"]');
  await page.waitForURL(/\/mein-unternehmen\/kapazitaet$/);
  await eventually(() => page.locator('#my-posts-heading + [role=status] + p').textContent()).toBe('Sie haben kein offenes Angebot und kein offenes Gesuch.');
  await eventually(() => page.locator('#post-postalCode').inputValue()).toBe('37269');
  await expectAccessible(page);

  // Sent empty, every required field says so at once, in the form's order, and the first has the focus: the server
  // named only the hours. The postal code is the member's own, filled in.
  await page.press('#post-machine', 'Enter');
  await eventually(() => page.locator('[aria-invalid="true"]').evaluateAll((fields) => fields.map((field) => field.id))).toEqual([
    'post-process',
    'post-hours',
    'post-from',
    'post-to',
  ]);
  expect(await page.locator('#post-from-error').textContent()).toBe('Bitte füllen Sie dieses Feld aus.');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('post-process');

  // A week of machine hours holds 5 × 24 h: 500 h is the server's error at the hours field, and nothing is posted.
  const [from, to] = [monday(2), monday(2, 4)];
  await page.fill('#post-process', '3.2.3');
  await page.fill('#post-machine', 'DMG MORI DMU 65 monoBLOCK');
  await page.fill('#post-hours', '500');
  await page.fill('#post-from', from);
  await page.fill('#post-to', to);
  // As Germans write a thousand: with only its comma read, "1.085" was saved as 1,09 €.
  await page.fill('#post-pricePerHour', '1.085');
  await page.press('#post-pricePerHour', 'Enter');
  const hours = page.locator('#post-hours');
  await eventually(() => page.locator('#post-hours-error').textContent()).toBe('Bitte geben Sie eine ganze Zahl von 1 bis 120 ein.');
  expect(await hours.getAttribute('aria-invalid')).toBe('true');
  expect(await hours.getAttribute('aria-describedby')).toBe('post-hours-error');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('post-hours');
  expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
  const own = `query($m: ID!) { capacityPosts(filter: { member: $m }) { totalCount nodes { id status remainingHours pricePerHour } } }`;
  expect((await graph(own, { m: members.werra }, linatToken)).capacityPosts.totalCount).toBe(0);
  await expectAccessible(page);
  await screenshot(page, 'member-capacity-error');

  await hours.fill('80');
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('.member-area-form .saved').textContent()).toBe('Veröffentlicht: Angebot Maschinenstunden: Fräsen (3.2.3).');
  expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
  await eventually(() => page.locator('tr[data-post]').count()).toBe(1);
  const posted = (await graph(own, { m: members.werra }, linatToken)).capacityPosts.nodes;
  expect(posted).toEqual([{ id: expect.any(String), status: 'OPEN', remainingHours: 80, pricePerHour: 1085 }]);
  const offerId: string = posted[0].id;
  const cells = () => page.locator(`tr[data-post="${offerId}"] td`).allTextContents();
  expect(await cells()).toEqual(['Angebot', expect.stringMatching(/bis/), '80', '0', '80', '1.085,00\u00a0€', 'Zurückziehen']);

  // Another network's member books 30 of the 80 hours; the offerer's page shows the booking and 50 h left.
  const booking = await graph(
    `mutation($o: ID!, $f: String!, $t: String!) { bookCapacity(offerId: $o, hours: 30, from: $f, to: $t) { id status } }`,
    { o: offerId, f: from, t: monday(2, 1) },
    linatToken,
  );
  expect(booking.bookCapacity.status).toBe('REQUESTED');
  await page.reload();
  await eventually(() => page.locator(`tr[data-booking="${booking.bookCapacity.id}"] > *`).allTextContents()).toEqual([
    'bei Ihnen gebucht',
    'Unstrut Guss KG',
    'Maschinenstunden: Fräsen (3.2.3)',
    expect.stringMatching(/bis/),
    '30',
    'angefragt',
    'BestätigenAblehnen',
  ]);
  expect(await cells()).toEqual(['Angebot', expect.stringMatching(/bis/), '80', '30', '50', '1.085,00\u00a0€', 'Zurückziehen']);
  await expectAccessible(page);
  await screenshot(page, 'member-capacity-booked');

  // The offerer confirms the booking by keyboard; its buttons go and the focus moves to the bookings' heading.
  await press(page, 'button[aria-label="Buchung von Unstrut Guss KG über 30 Stunden bestätigen"]');
  await eventually(() => page.locator('#my-bookings-heading + [role=status]').textContent()).toBe('Buchung von Unstrut Guss KG: bestätigt.');
  await eventually(() => page.locator(`tr[data-booking="${booking.bookCapacity.id}"] td`).nth(4).textContent()).toBe('bestätigt');
  // Confirmed, either side may still cancel it.
  expect(await page.locator(`tr[data-booking="${booking.bookCapacity.id}"] button`).allTextContents()).toEqual(['Stornieren']);
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('my-bookings-heading');
  const bookings = (await graph(`{ capacityBookings { id status } }`, {}, linatToken)).capacityBookings;
  expect(bookings).toEqual([{ id: booking.bookCapacity.id, status: 'CONFIRMED' }]);
  await expectAccessible(page);

  // Withdrawn by keyboard: the offer leaves the list, the focus goes to its heading, the booking stays.
  await press(page, `tr[data-post="${offerId}"] button`);
  await eventually(() => page.locator('#my-posts-heading + [role=status]').textContent()).toBe(
    'Zurückgezogen: Angebot Maschinenstunden: Fräsen (3.2.3). Bestehende Buchungen bleiben.',
  );
  await eventually(() => page.locator('tr[data-post]').count()).toBe(0);
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('my-posts-heading');
  expect(await page.locator(`tr[data-booking="${booking.bookCapacity.id}"]`).count()).toBe(1);
  expect((await graph(`query($id: ID!) { capacityPost(id: $id) { status } }`, { id: offerId }, linatToken)).capacityPost.status).toBe('WITHDRAWN');
  await expectAccessible(page);

  // Cancelled by keyboard: the page had no way to, for either side (the self-service probe).
  await press(page, 'button[aria-label="Buchung bei Unstrut Guss KG über 30 Stunden stornieren"]');
  await eventually(() => page.locator('#my-bookings-heading + [role=status]').textContent()).toBe('Buchung von Unstrut Guss KG: storniert.');
  await eventually(() => page.locator(`tr[data-booking="${booking.bookCapacity.id}"] td`).nth(4).textContent()).toBe('storniert');
  expect(await page.locator(`tr[data-booking="${booking.bookCapacity.id}"] button`).count()).toBe(0);
  expect((await graph(`{ capacityBookings { id status } }`, {}, linatToken)).capacityBookings).toEqual([{ id: booking.bookCapacity.id, status: 'CANCELLED' }]);

  // The profile: an invalid website is the server's error at its field; fixed, the public profile shows the change.
  await press(page, '.member-area-back a');
  await page.waitForURL(/\/mein-unternehmen$/);
  await press(page, `a[href="/mitglieder/bearbeiten/${encodeURIComponent(members.werra)}"]`);
  await eventually(() => page.locator('#member-name').inputValue()).toBe('Werra-Fräse GmbH');
  await expectAccessible(page);
  await page.fill('#member-website', 'werra-fraese');
  await page.fill('#member-description', 'Fünfachsfräsen bis 650 mm, auch am Wochenende.');
  await press(page, '.member-form button[type=submit]');
  const website = page.locator('#member-website');
  await eventually(() => page.locator('#member-website-error').textContent()).toMatch(/https/);
  expect(await website.getAttribute('aria-invalid')).toBe('true');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('member-website');
  expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
  await expectAccessible(page);
  await screenshot(page, 'member-profile-error');
  const profile = `query($id: ID!) { member(id: $id) { website description } }`;
  expect((await graph(profile, { id: members.werra })).member).toEqual({ website: null, description: null });

  await website.fill('https://werra-fraese.example');
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('.saved').textContent()).toBe('Gespeichert: Werra-Fräse GmbH. Zum Profil');
  expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
  await expectAccessible(page);

  // The public profile, seen by someone not signed in, shows the new description, website and availability.
  const visitor = await pages.newPage();
  await visitor.goto(`${stack.gateway}/mitglied/${encodeURIComponent(members.werra)}`);
  await eventually(() => visitor.locator('h1').textContent()).toBe('Werra-Fräse GmbH');
  await eventually(() => visitor.locator('.lead').first().textContent()).toBe('Fünfachsfräsen bis 650 mm, auch am Wochenende.');
  expect(await visitor.locator('main').textContent()).toContain('voll ausgelastet');
  expect(await visitor.locator('section > ul.tags li').allTextContents()).toEqual(['3.2.3 Fräsen', '42CrMo4']);
  expect(await visitor.locator('.service h3').allTextContents()).toEqual(['CNC-Fräsen bis 5 Achsen']);
  expect(await visitor.locator('.service ul.tags li').allTextContents()).toEqual(['3.2.3 Fräsen']);
  const validity = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${until}T00:00:00Z`));
  expect(await visitor.locator('ul.certificates li').allTextContents()).toEqual([`ISO 9001 (Nr. Q-2026-117)✓ gültig bis ${validity}`]);
  expect(await visitor.locator('a[href="https://werra-fraese.example/"]').count()).toBe(1);
  await expectAccessible(visitor);
  await screenshot(visitor, 'member-public-profile');
  // About 24 s on a quiet 2-core machine; CI at 11:03 on 2026-12-06, with other test runs beside it, passed 60 s.
}, 180_000);

test('the member pages ask a visitor to sign in, and lead back after it', async () => {
  const visitor = await pages.newPage();
  await visitor.goto(`${stack.gateway}/mein-unternehmen/kapazitaet`);
  await eventually(() => visitor.locator('main p').first().textContent()).toBe('Diese Seiten sind für Mitgliedsunternehmen. Bitte melden Sie sich an.');
  await expectAccessible(visitor);
  await press(visitor, 'main a[href="/anmelden?weiter=%2Fmein-unternehmen%2Fkapazitaet"]');
  await visitor.waitForURL(/\/anmelden\?weiter=/);
  await eventually(() => visitor.locator('#sign-in-email').count()).toBe(1);
  await visitor.fill('#sign-in-email', account.email);
  await visitor.fill('#sign-in-password', account.password);
  await visitor.press('#sign-in-password', 'Enter');
  await visitor.waitForURL(/\/mein-unternehmen\/kapazitaet$/);
  await eventually(() => visitor.locator('h2#new-post-heading').textContent()).toBe('Neues Angebot oder Gesuch');
  expect(await visitor.locator('h1').textContent()).toBe('Kapazitäten und Buchungen');
});

test('the member sees whom it registered for events ahead, with the time and place as they now stand; a withdrawn event says so', async () => {
  const admin = await stack.token('--role', 'admin', '--sub', 'admin');
  const own = await stack.token('--role', 'member', '--network', 'NIWE', '--member', members.werra);
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const publish = async (title: string, days: number) =>
    (
      await graph(
        'mutation($input: NewsInput!) { publishNews(input: $input) { id } }',
        { input: { kind: 'EVENT', title, text: 'Programm folgt.', visibility: 'MEMBERS', startsAt: inDays(days), place: 'Eisenach', registrationLimit: 1 } },
        admin,
      )
    ).publishNews.id as string;
  const register = (eventId: string, name: string, token: string) =>
    graph(
      'mutation($e: ID!, $p: ParticipantInput!) { registerForEvent(eventId: $e, participant: $p) { status } }',
      { e: eventId, p: { name, email: `${name.toLowerCase()}@example.com` } },
      token,
    );
  const fair = await publish('Netzwerkmesse Bad Salzuflen', 30);
  const talk = await publish('Abendvortrag Zerspanung', 10);
  const meetup = await publish('Stammtisch Eschwege', 20);
  await register(fair, 'Frieda', own);
  await register(talk, 'Hans', own);
  await register(meetup, 'Lutz', linatToken);
  await register(meetup, 'Jo', own);
  // The fair moved to a hall, the talk was called off.
  const input = { kind: 'EVENT', title: 'Netzwerkmesse Bad Salzuflen', text: 'Programm folgt.', visibility: 'MEMBERS', place: 'Bad Salzuflen, Halle 3' };
  const { startsAt } = (await graph('query($id: ID!) { newsItem(id: $id) { startsAt } }', { id: fair }, admin)).newsItem;
  await graph(
    'mutation($id: ID!, $input: NewsInput!) { updateNews(id: $id, input: $input) { id } }',
    { id: fair, input: { ...input, startsAt, registrationLimit: 1 } },
    admin,
  );
  await graph('mutation($id: ID!) { withdrawNews(id: $id) { id } }', { id: talk }, admin);

  const page = await pages.signedIn(account);
  await page.goto(`${stack.gateway}/mein-unternehmen`);
  const rows = page.locator('table.own-events tbody tr');
  await eventually(() => rows.count()).toBe(3);
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell, i) => (i === 1 ? '' : (cell.textContent ?? '')))));
  expect(cells).toEqual([
    ['Abendvortrag Zerspanung', '', 'Eisenach', 'Hans', expect.stringMatching(/^abgesagt am .+; die Anmeldung ist storniert$/)],
    ['Stammtisch Eschwege', '', 'Eisenach', 'Jo', 'auf der Warteliste, Platz 1'],
    ['Netzwerkmesse Bad Salzuflen', '', 'Bad Salzuflen, Halle 3', 'Frieda', 'angemeldet'],
  ]);
  expect(await rows.first().getByRole('link').getAttribute('href')).toBe(`/neuigkeiten/${encodeURIComponent(talk)}`);
  await expectAccessible(page);
  await screenshot(page, 'member-events');
});
