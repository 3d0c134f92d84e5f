import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { eventually, expectAccessible, type PortalPages, screenshot, startPortalStack, stopPortalStack } from './support/browser.ts';
import { createMember, supervisorGraph } from './support/members.ts';
import { createAccount } from './support/sessions.ts';
import type { Supervisor } from './support/supervisor.ts';

// Two accounts of one member edit "Mein Unternehmen" at once, in two browser contexts against `npm start`. All lists
// of a profile share the member's version, so Anna's save of the certifications made Jürgen's next save of any list a
// CONFLICT, which reloaded every form and threw away the contact person and the service he had typed. Now a form keeps
// what was typed; a save that meets a change of another list goes again by itself, one that meets a change of the same
// list keeps the rows and shows the new state beside them. Also: where the keyboard goes after removing a row, the save
// notices' counts (one, none), and an archived member's public profile.

let stack: Supervisor;
let browser: Browser;
let pages: PortalPages;
let memberId = '';
let admin = '';
const juergen = { email: 'juergen@fulda-dreherei.example', name: 'Jürgen Dreher', password: 'Fulda-Dreherei-2026' };
const anna = { email: 'anna@fulda-dreherei.example', name: 'Anna Einkauf', password: 'Fulda-Dreherei-2026' };

async function graph(query: string, variables: Record<string, unknown>, token = admin) {
  const result = await stack.query({ query, variables }, token);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const lists = async () =>
  (await graph(`query($id: ID!) { member(id: $id) { contacts { name email phone } services { title } certifications { standard } } }`, { id: memberId }))
    .member;

/** Replaces lists of the member's profile, as its office could: each test starts from the lists it names. */
const setLists = (input: Record<string, unknown>) =>
  graph(`mutation($id: ID!, $input: MemberPatch!) { updateMember(id: $id, input: $input) { version } }`, { id: memberId, input });

/** A day a year ahead, as YYYY-MM-DD: a certificate valid whenever the test runs. */
const nextYear = () => `${new Date().getUTCFullYear() + 1}-06-30`;

beforeAll(async () => {
  ({ stack, browser, pages } = await startPortalStack());
  admin = await stack.token('--role', 'admin', '--sub', 'admin');
  memberId = (await createMember(supervisorGraph(stack), admin, 'NIWE', { name: 'Fulda-Dreherei Sommer KG', postalCode: '37269', city: 'Eschwege' })).id;
  for (const account of [juergen, anna]) await createAccount(stack, admin, { ...account, kind: 'MEMBER', memberId });
}, 180_000);

afterAll(() => stopPortalStack(stack, browser));

afterEach(async () => {
  expect(await pages.close()).toEqual([]);
});

/** A member's account on /mein-unternehmen, its profile's lists shown. */
async function myCompany(account: typeof juergen): Promise<Page> {
  const page = await pages.signedIn(account, '/mein-unternehmen');
  await eventually(() => page.getByRole('button', { name: 'Ansprechperson hinzufügen' }).count()).toBe(1);
  return page;
}

const notice = (page: Page, list: string) => page.locator(`section[aria-labelledby="my-${list}-heading"] .saved`);

test("a colleague's save of another list: the rows typed stay, and the save goes again with the new version", async () => {
  await setLists({ contacts: [], services: [], certifications: [] });
  const [j, a] = [await myCompany(juergen), await myCompany(anna)];

  // Jürgen types a service and a contact person, and saves neither yet.
  await j.getByRole('button', { name: 'Leistung hinzufügen' }).click();
  await j.fill('#service-0-title', 'Drehen bis 400 mm Durchmesser');
  await j.getByRole('button', { name: 'Ansprechperson hinzufügen' }).click();
  await j.fill('#contact-0-name', 'Jürgen Dreher');
  await j.fill('#contact-0-email', 'juergen@fulda-dreherei.example');

  // Anna saves a certification meanwhile: one write to the member, a new version.
  await a.getByRole('button', { name: 'Zertifizierung hinzufügen' }).click();
  await a.fill('#certificate-0-standard', 'ISO 9001');
  await a.fill('#certificate-0-validUntil', nextYear());
  await a.getByRole('button', { name: 'Zertifizierungen speichern' }).click();
  await eventually(() => notice(a, 'certifications').textContent()).toBe('Gespeichert: 1 Zertifizierung.');

  // Jürgen's save of the contact persons meets her version; his list is as he read it, so it goes again by itself.
  await j.getByRole('button', { name: 'Ansprechpersonen speichern' }).click();
  await eventually(() => notice(j, 'contacts').textContent()).toBe('Gespeichert: 1 Ansprechperson.');
  expect(await j.locator('#contact-0-name').inputValue()).toBe('Jürgen Dreher');
  // The service he typed is still there; the certifications he had not touched show Anna's.
  expect(await j.locator('#service-0-title').inputValue()).toBe('Drehen bis 400 mm Durchmesser');
  await eventually(() => j.locator('#certificate-0-standard').inputValue()).toBe('ISO 9001');
  expect(await lists()).toEqual({
    contacts: [{ name: 'Jürgen Dreher', email: 'juergen@fulda-dreherei.example', phone: null }],
    services: [],
    certifications: [{ standard: 'ISO 9001' }],
  });
  await expectAccessible(j);

  await j.getByRole('button', { name: 'Leistungen speichern' }).click();
  await eventually(() => notice(j, 'services').textContent()).toBe('Gespeichert: 1 Leistung.');
  expect((await lists()).services).toEqual([{ title: 'Drehen bis 400 mm Durchmesser' }]);
  expect((await lists()).certifications).toEqual([{ standard: 'ISO 9001' }]);
});

test("a colleague's save of the same list: the rows typed stay beside the new state, and saving again writes them", async () => {
  await setLists({
    contacts: [{ name: 'Jürgen Dreher', email: 'juergen@fulda-dreherei.example' }],
    services: [{ title: 'Drehen bis 400 mm Durchmesser' }],
  });
  const [j, a] = [await myCompany(juergen), await myCompany(anna)];
  await eventually(() => j.locator('#contact-0-name').inputValue()).toBe('Jürgen Dreher');

  // Jürgen gives his phone and adds a colleague, and renames the service; nothing saved yet.
  await j.fill('#contact-0-phone', '+49 5651 111');
  await j.getByRole('button', { name: 'Ansprechperson hinzufügen' }).click();
  await j.fill('#contact-1-name', 'Karla Kasse');
  await j.fill('#service-0-title', 'Drehen bis 500 mm Durchmesser');

  // Anna adds herself to the contact persons and saves.
  await eventually(() => a.locator('#contact-0-name').inputValue()).toBe('Jürgen Dreher');
  await a.getByRole('button', { name: 'Ansprechperson hinzufügen' }).click();
  await a.fill('#contact-1-name', 'Anna Einkauf');
  await a.fill('#contact-1-email', 'anna@fulda-dreherei.example');
  await a.getByRole('button', { name: 'Ansprechpersonen speichern' }).click();
  await eventually(() => notice(a, 'contacts').textContent()).toBe('Gespeichert: 2 Ansprechpersonen.');

  // His service goes again by itself; the page then knows Anna's contact persons, and his typed ones stay.
  await j.getByRole('button', { name: 'Leistungen speichern' }).click();
  await eventually(() => notice(j, 'services').textContent()).toBe('Gespeichert: 1 Leistung.');
  expect(await j.locator('#contact-0-phone').inputValue()).toBe('+49 5651 111');
  expect(await j.locator('#contact-1-name').inputValue()).toBe('Karla Kasse');

  // Saving them would replace Anna's: not sent, and said, with the list as it is saved now.
  const changed =
    'Ein anderer Zugang hat die Ansprechpersonen inzwischen geändert. Ihre Eingaben sind erhalten; prüfen Sie sie mit dem neuen Stand und speichern Sie erneut.';
  await j.getByRole('button', { name: 'Ansprechpersonen speichern' }).click();
  await eventually(() => notice(j, 'contacts').locator('.notice-error').textContent()).toBe(changed);
  expect(await j.locator('.contact-theirs li').allTextContents()).toEqual([
    'Jürgen Dreher, juergen@fulda-dreherei.example',
    'Anna Einkauf, anna@fulda-dreherei.example',
  ]);
  expect(await j.locator('#contact-0-phone').inputValue()).toBe('+49 5651 111');
  expect(await j.locator('#contact-1-name').inputValue()).toBe('Karla Kasse');
  const annas = [
    { name: 'Jürgen Dreher', email: 'juergen@fulda-dreherei.example', phone: null },
    { name: 'Anna Einkauf', email: 'anna@fulda-dreherei.example', phone: null },
  ];
  expect((await lists()).contacts).toEqual(annas);
  await expectAccessible(j);
  await screenshot(j, 'member-edits-same-list');

  // Anna changes them once more: now the server's CONFLICT tells it, and the new state replaces the one shown.
  await a.fill('#contact-1-phone', '+49 5651 222');
  await a.getByRole('button', { name: 'Ansprechpersonen speichern' }).click();
  // Her notice reads as after her first save already: the server's list says when this one has landed (a CI run on
  // the busy machine went on before it and read the list without her phone).
  await eventually(async () => (await lists()).contacts[1]?.phone).toBe('+49 5651 222');
  await eventually(() => notice(a, 'contacts').textContent()).toBe('Gespeichert: 2 Ansprechpersonen.');
  await j.fill('#contact-1-role', 'Buchhaltung');
  await j.getByRole('button', { name: 'Ansprechpersonen speichern' }).click();
  await eventually(() => j.locator('.contact-theirs li').nth(1).textContent()).toBe('Anna Einkauf, anna@fulda-dreherei.example, +49 5651 222');
  expect(await notice(j, 'contacts').locator('.notice-error').textContent()).toBe(changed);
  expect((await lists()).contacts[1].phone).toBe('+49 5651 222');

  // In English, in words that fit rows.
  await j.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => notice(j, 'contacts').locator('.notice-error').textContent()).toBe(
    'Another account has changed the contact persons in the meantime. Your entries are kept; check them against the new state and save again.',
  );
  await j.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();

  // Compared, and saved again: his rows replace the list.
  await j.getByRole('button', { name: 'Ansprechpersonen speichern' }).click();
  await eventually(() => notice(j, 'contacts').textContent()).toBe('Gespeichert: 2 Ansprechpersonen.');
  expect(await j.locator('.contact-theirs').count()).toBe(0);
  expect((await lists()).contacts).toEqual([
    { name: 'Jürgen Dreher', email: 'juergen@fulda-dreherei.example', phone: '+49 5651 111' },
    { name: 'Karla Kasse', email: null, phone: null },
  ]);
});

test('removing a row leaves the keyboard at the next row, after the last at the add button; the notices count one and none', async () => {
  await setLists({
    contacts: [{ name: 'Jürgen Dreher' }, { name: 'Karla Kasse' }],
    services: [{ title: 'Drehen bis 500 mm Durchmesser' }],
    certifications: [{ standard: 'ISO 9001', validUntil: nextYear() }],
    processes: [],
    materials: [],
  });
  const page = await myCompany(juergen);
  await eventually(() => page.locator('#contact-1-name').inputValue()).toBe('Karla Kasse');
  // A string, because this file is checked without the DOM's types.
  const focused = () => page.evaluate('document.activeElement?.id || document.activeElement?.textContent');

  // The first of two rows removed by keyboard: the second takes its place, and its first field the focus.
  await page.getByRole('button', { name: 'Ansprechperson Jürgen Dreher entfernen' }).focus();
  await page.keyboard.press('Enter');
  await eventually(focused).toBe('contact-0-name');
  expect(await page.locator('#contact-0-name').inputValue()).toBe('Karla Kasse');
  // The last row removed: the add button, not the page's start.
  await page.getByRole('button', { name: 'Ansprechperson Karla Kasse entfernen' }).focus();
  await page.keyboard.press('Enter');
  await eventually(focused).toBe('Ansprechperson hinzufügen');
  expect(await page.locator('#contact-0-name').count()).toBe(0);
  await page.getByRole('button', { name: 'Ansprechpersonen speichern' }).click();
  await eventually(() => notice(page, 'contacts').textContent()).toBe('Gespeichert: keine Ansprechpersonen.');
  expect((await lists()).contacts).toEqual([]);

  // The same in the certifications' form.
  await page.getByRole('button', { name: 'Zertifizierung ISO 9001 entfernen' }).click();
  await eventually(focused).toBe('Zertifizierung hinzufügen');

  // One process and one material, in German and English.
  await page.locator('fieldset.tree summary', { hasText: /^3 Trennen/ }).click();
  await page.locator('input[name="own-processes"][value="3.2.3"]').focus();
  await page.keyboard.press('Space');
  await page.locator('fieldset.tree:has(input[name="own-materials"]) summary').first().click();
  await page.locator('input[name="own-materials"][value="42CrMo4"]').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Verfahren und Werkstoffe speichern' }).click();
  await eventually(() => notice(page, 'capabilities').textContent()).toBe('Gespeichert: 1 Verfahren, 1 Werkstoff.');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => notice(page, 'capabilities').textContent()).toBe('Saved: 1 process, 1 material.');
  expect(await notice(page, 'contacts').textContent()).toBe('Saved: no contact persons.');
  await page.getByRole('button', { name: 'Save certifications' }).click();
  await eventually(() => notice(page, 'certifications').textContent()).toBe('Saved: no certifications.');
  await page.getByRole('button', { name: 'Save services' }).click();
  await eventually(() => notice(page, 'services').textContent()).toBe('Saved: 1 service.');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
  await eventually(() => notice(page, 'services').textContent()).toBe('Gespeichert: 1 Leistung.');
});

test("an archived member's public profile says it left its network, without a workload or certificates that read as current", async () => {
  const { id } = await createMember(supervisorGraph(stack), admin, 'NIWE', {
    name: 'Werra-Härterei Abschied GmbH',
    postalCode: '37269',
    city: 'Eschwege',
    certifications: [{ standard: 'ISO 9001', number: 'Q-1', validUntil: nextYear() }],
  });
  const visitor = await pages.newPage();
  const profile = `${stack.gateway}/mitglied/${encodeURIComponent(id)}`;
  await visitor.goto(profile);
  await eventually(() => visitor.locator('h1').textContent()).toBe('Werra-Härterei Abschied GmbH');
  expect(await visitor.locator('main').textContent()).toContain('normal ausgelastet');
  expect(await visitor.locator('ul.certificates li').allTextContents()).toEqual([expect.stringMatching(/^ISO 9001 \(Nr\. Q-1\)✓ gültig bis /)]);
  expect(await visitor.locator('.notice-warning').count()).toBe(0);

  const { archivedAt } = (await graph(`mutation($id: ID!) { archiveMember(id: $id) { archivedAt } }`, { id })).archiveMember;
  await visitor.reload();
  const since = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date(archivedAt));
  await eventually(() => visitor.locator('.notice-warning').textContent()).toBe(
    `Dieses Unternehmen ist nicht mehr Mitglied des Netzwerks NIWE (seit ${since}). Das Profil zeigt den Stand bei seinem Austritt und wird nicht mehr gepflegt.`,
  );
  const main = await visitor.locator('main').textContent();
  expect(main).not.toContain('ausgelastet');
  expect(main).not.toContain('✓');
  const until = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${nextYear()}T00:00:00Z`));
  expect(await visitor.locator('ul.certificates li').allTextContents()).toEqual([`ISO 9001 (Nr. Q-1)bis ${until}, Stand beim Austritt`]);
  await expectAccessible(visitor);
  await screenshot(visitor, 'member-archived-profile');
});
