import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { eventually, expectAccessible, loseFirstAnswer, type PortalPages, screenshot, startPortalStack, stopPortalStack } from './support/browser.ts';
import { createMember, supervisorGraph } from './support/members.ts';
import { createAccount } from './support/sessions.ts';
import type { Supervisor } from './support/supervisor.ts';

// An office creates a member in the portal against `npm start`, in Debian's chromium: one invalid
// field gets the server's error at that field (and the focus), in the user's language from the error's
// extensions.reason (German, and English after switching), the office fixes it and the member is saved,
// as the graph then shows; the office archives it from its member list after a confirmation, and it is
// gone from the list and the public search. Every state passes axe-core's WCAG 2.1 AA rules. Once created, the page
// is the member's edit page (a reload created it twice); the employees read as Germans write a thousand; a change made
// elsewhere meanwhile keeps what was typed; an archived member says so instead of offering a save it refuses.

let stack: Supervisor;
let browser: Browser;
let pages: PortalPages;
const office = { email: 'office@niwe.example', name: 'Olga Office', password: 'Werra-Meissner-2026' };

beforeAll(async () => {
  ({ stack, browser, pages } = await startPortalStack());
  await createAccount(stack, await stack.token('--role', 'admin', '--sub', 'admin'), { ...office, kind: 'OFFICE', network: 'NIWE' });
}, 180_000);

afterAll(() => stopPortalStack(stack, browser));

afterEach(async () => {
  expect(await pages.close()).toEqual([]);
});

const signedInPage = () => pages.signedIn(office);

test('an office creates a member: the invalid postal code gets the server error at its field, fixed it is saved', async () => {
  const page = await signedInPage();
  await page.getByRole('link', { name: 'Mitglied anlegen' }).click();
  await page.waitForURL(/\/mitglieder\/neu$/);
  await eventually(() => page.locator('h1').textContent()).toBe('Mitglied anlegen');
  await expectAccessible(page);

  await page.fill('#member-name', 'Testfräserei Werra GmbH');
  await page.fill('#member-postalCode', '3726');
  await page.fill('#member-city', 'Eschwege');
  await page.fill('#member-employees', '25');
  await page.press('#member-employees', 'Enter');
  const postalCode = page.locator('#member-postalCode');
  // The server's English message stays for API users; the portal shows the reason (POSTAL_CODE) in German.
  await eventually(() => page.locator('#member-postalCode-error').textContent()).toBe(
    'Bitte geben Sie eine deutsche Postleitzahl ein: fünf Ziffern von 01001 bis 99998, z. B. 37269.',
  );
  expect(await postalCode.getAttribute('aria-invalid')).toBe('true');
  expect(await postalCode.getAttribute('aria-describedby')).toBe('member-postalCode-error');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('member-postalCode');
  expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
  await expectAccessible(page);
  await screenshot(page, 'member-form-error');
  // Nothing was written.
  const search = { query: '{ members(filter: { text: "Testfräserei Werra" }) { totalCount edges { node { id name postalCode employees } } } }' };
  expect((await stack.query(search)).data.members.totalCount).toBe(0);

  await postalCode.fill('37269');
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('form.member-form .saved').textContent()).toBe('Gespeichert: Testfräserei Werra GmbH. Zum Profil');
  expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
  await expectAccessible(page);
  await screenshot(page, 'member-form-saved');
  const found = (await stack.query(search)).data.members;
  expect(found.totalCount).toBe(1);
  expect(found.edges[0].node).toMatchObject({ name: 'Testfräserei Werra GmbH', postalCode: '37269', employees: 25 });
  expect(found.edges[0].node.id).toMatch(/^NIWE:m-\d+$/);

  // The profile offers the office to edit it again; the form shows what was saved.
  await page.getByRole('link', { name: 'Zum Profil' }).click();
  await eventually(() => page.locator('h1').textContent()).toBe('Testfräserei Werra GmbH');
  await page.getByRole('link', { name: 'Dieses Mitglied bearbeiten' }).click();
  await eventually(() => page.locator('#member-postalCode').inputValue()).toBe('37269');
  expect(await page.locator('#member-employees').inputValue()).toBe('25');
});

test('pressed again after an answer that left the write open, the member is created once', async () => {
  const page = await signedInPage();
  await page.getByRole('link', { name: 'Mitglied anlegen' }).click();
  await page.waitForURL(/\/mitglieder\/neu$/);
  await page.fill('#member-name', 'Zweimal Gedrückt GmbH');
  await page.fill('#member-postalCode', '37269');
  await page.fill('#member-city', 'Eschwege');
  // The first press reaches the network and is applied, but its answer is lost, as when NIWE answered too late.
  await loseFirstAnswer(page, 'CreateMember');
  await page.press('#member-city', 'Enter');
  await eventually(() => page.locator('.notice-error').textContent()).toMatch(/Ob das gespeichert wurde, ist nicht sicher/);
  await page.press('#member-city', 'Enter');
  await eventually(() => page.locator('form.member-form .saved').textContent()).toBe('Gespeichert: Zweimal Gedrückt GmbH. Zum Profil');
  const search = { query: '{ members(filter: { text: "Zweimal Gedrückt" }) { totalCount } }' };
  expect((await stack.query(search)).data.members.totalCount).toBe(1);
  await page.unroute('**/graphql');
});

test("an office creates an account for a member's staff (a taken e-mail address at its field first) and archives it", async () => {
  const page = await signedInPage();
  await page.getByRole('link', { name: 'Zugänge' }).click();
  await page.waitForURL(/\/zugaenge$/);
  await eventually(() => page.locator('.accounts tbody tr').count()).toBe(1);
  expect(await page.locator('.accounts tbody').textContent()).toContain('office@niwe.example');
  await eventually(() => page.locator('#account-new-memberId option').count()).toBeGreaterThan(2);
  await expectAccessible(page);

  // Sent empty, every required field says so at once, in the form's order, the first with the focus: the server
  // named only the e-mail address, below the member and the name.
  await page.press('#account-new-name', 'Enter');
  const invalid = () => page.locator('[aria-invalid="true"]').evaluateAll((fields) => fields.map((field) => field.id));
  await eventually(invalid).toEqual(['account-new-memberId', 'account-new-name', 'account-new-email', 'account-new-password']);
  expect(await page.locator('#account-new-name-error').textContent()).toBe('Bitte füllen Sie dieses Feld aus.');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('account-new-memberId');

  await page.selectOption('#account-new-memberId', { label: 'Testfräserei Werra GmbH' });
  await page.fill('#account-new-name', 'Mia Mitarbeiterin');
  await page.fill('#account-new-email', 'OFFICE@niwe.example');
  await page.fill('#account-new-password', 'Fraesen-in-Eschwege-1');
  await page.press('#account-new-password', 'Enter');
  await eventually(() => page.locator('#account-new-email-error').textContent()).toBe('Für diese E-Mail-Adresse gibt es schon ein Konto.');
  expect(await page.locator('#account-new-email').getAttribute('aria-invalid')).toBe('true');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('account-new-email');
  await expectAccessible(page);
  await screenshot(page, 'accounts-error');

  await page.fill('#account-new-email', 'mia@werra-fraeserei.example');
  await page.press('#account-new-email', 'Enter');
  await eventually(() => page.locator('.saved').textContent()).toBe('Zugang für Mia Mitarbeiterin (mia@werra-fraeserei.example) angelegt.');
  const row = page.locator('.accounts tbody tr', { hasText: 'mia@werra-fraeserei.example' });
  expect(await row.textContent()).toContain('Mitgliedsunternehmen · NIWE · Testfräserei Werra GmbH');
  // Outside the browser: a sign-in inside it would replace the office's own session.
  const login = async () =>
    (
      await fetch(`${stack.gateway}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'mia@werra-fraeserei.example', password: 'Fraesen-in-Eschwege-1' }),
      })
    ).json();
  expect(await login()).toMatchObject({ role: 'member' });

  // Asked first, "Abbrechen" focused: Enter alone archives nothing; then archived, the focus at the page's heading.
  await page.getByRole('button', { name: 'Zugang von Mia Mitarbeiterin archivieren' }).click();
  const dialog = page.getByRole('dialog');
  await eventually(() => dialog.isVisible()).toBe(true);
  expect(await dialog.locator('p').textContent()).toMatch(/^Den Zugang von Mia Mitarbeiterin archivieren\?/);
  await eventually(() => page.evaluate('document.activeElement?.textContent')).toBe('Abbrechen');
  await expectAccessible(page);
  await page.keyboard.press('Enter');
  await eventually(() => dialog.isVisible()).toBe(false);
  expect(await row.textContent()).not.toMatch(/archiviert am/);
  await page.getByRole('button', { name: 'Zugang von Mia Mitarbeiterin archivieren' }).click();
  await eventually(() => dialog.isVisible()).toBe(true);
  await dialog.getByRole('button', { name: 'Ja, archivieren' }).click();
  await eventually(() => row.textContent()).toMatch(/archiviert am/);
  await eventually(() => page.evaluate('document.activeElement?.tagName')).toBe('H1');
  // The office's own account has no button to archive itself.
  const own = page.locator('.accounts tbody tr', { hasText: office.email });
  expect(await own.locator('td').last().textContent()).toBe('Ihr eigener Zugang');
  await expectAccessible(page);
  expect(await login()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
});

test('in English the same kind of error reads in English, with its numbers in English notation', async () => {
  const page = await signedInPage();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('link', { name: 'Add a member' }).first().click();
  await page.waitForURL(/\/mitglieder\/neu$/);
  await eventually(() => page.locator('h1').textContent()).toBe('Add a member');
  await page.fill('#member-name', 'Werra Umformtechnik KG');
  await page.fill('#member-postalCode', '37269');
  await page.fill('#member-city', 'Eschwege');
  await page.fill('#member-employees', '2000000');
  await page.press('#member-employees', 'Enter');
  await eventually(() => page.locator('#member-employees-error').textContent()).toBe('Please enter a whole number from 1 to 1,000,000.');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('member-employees');
  await expectAccessible(page);

  await page.fill('#member-employees', '12');
  await page.fill('#member-website', 'ftp://werra-umformtechnik.example');
  await page.press('#member-website', 'Enter');
  await eventually(() => page.locator('#member-website-error').textContent()).toBe(
    'Please enter a web address starting with http:// or https://, e.g. https://www.example.com.',
  );
  expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
  await expectAccessible(page);
  await screenshot(page, 'member-form-error-en');
});

test('the office archives a member from its member list after confirming, and the member leaves the list and the public search', async () => {
  const search = { query: '{ members(filter: { text: "Testfräserei Werra" }) { totalCount } }' };
  expect((await stack.query(search)).data.members.totalCount).toBe(1);
  const page = await signedInPage();
  await page.getByRole('link', { name: 'Geschäftsstelle' }).first().click();
  await page.getByRole('link', { name: 'Mitglieder', exact: true }).click();
  await page.waitForURL(/\/geschaeftsstelle\/mitglieder$/);
  const row = page.locator('tbody tr', { hasText: 'Testfräserei Werra GmbH' });
  await eventually(() => row.count()).toBe(1);
  await expectAccessible(page);

  // By keyboard: the dialog opens with the focus on "Abbrechen", so Enter alone archives nothing.
  const archive = page.getByRole('button', { name: 'Testfräserei Werra GmbH archivieren' });
  await archive.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await eventually(() => dialog.isVisible()).toBe(true);
  expect(await dialog.textContent()).toContain('Testfräserei Werra GmbH archivieren?');
  await eventually(() => page.evaluate('document.activeElement?.textContent')).toBe('Abbrechen');
  await expectAccessible(page);
  await screenshot(page, 'office-members-archive-question');
  await page.keyboard.press('Enter');
  await eventually(() => dialog.isVisible()).toBe(false);
  expect(await row.count()).toBe(1);
  expect((await stack.query(search)).data.members.totalCount).toBe(1);

  await archive.focus();
  await page.keyboard.press('Enter');
  await eventually(() => dialog.isVisible()).toBe(true);
  await page.keyboard.press('Shift+Tab');
  await eventually(() => page.evaluate('document.activeElement?.textContent')).toBe('Ja, archivieren');
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('.archive-status').textContent()).toBe('Testfräserei Werra GmbH ist archiviert.');
  await eventually(() => row.count()).toBe(0);
  await expectAccessible(page);
  await screenshot(page, 'office-members-archived');
  expect((await stack.query(search)).data.members.totalCount).toBe(0);
});

test('once created, the URL is the member\'s edit page: a reload edits it, and employees read "1.250" as a thousand', async () => {
  const page = await signedInPage();
  await page.getByRole('link', { name: 'Mitglied anlegen' }).click();
  await page.waitForURL(/\/mitglieder\/neu$/);
  await page.fill('#member-name', 'Werra Tausendfüßler GmbH');
  await page.fill('#member-postalCode', '37269');
  await page.fill('#member-city', 'Eschwege');
  // A fraction is no number of people.
  await page.fill('#member-employees', '1,5');
  await page.press('#member-employees', 'Enter');
  await eventually(() => page.locator('#member-employees-error').textContent()).toBe(
    'Bitte geben Sie die Zahl der Beschäftigten als ganze Zahl ein, z. B. 25.',
  );
  await page.fill('#member-employees', '1.250');
  await page.press('#member-employees', 'Enter');
  await eventually(() => page.locator('form.member-form .saved').textContent()).toBe('Gespeichert: Werra Tausendfüßler GmbH. Zum Profil');
  const search = { query: '{ members(filter: { text: "Werra Tausendfüßler" }) { totalCount edges { node { id employees } } } }' };
  const [created] = (await stack.query(search)).data.members.edges;
  expect(created.node.employees).toBe(1250);
  await page.waitForURL((url) => url.pathname === `/mitglieder/bearbeiten/${encodeURIComponent(created.node.id)}`);
  expect(await page.locator('h1').textContent()).toBe('Mitglied bearbeiten');
  expect(await page.locator('form.member-form .saved').textContent()).toBe('Gespeichert: Werra Tausendfüßler GmbH. Zum Profil');

  // Reloaded, the form edits the member it created; saved again, there is still one.
  await page.reload();
  await eventually(() => page.locator('#member-employees').inputValue()).toBe('1250');
  expect(await page.locator('h1').textContent()).toBe('Mitglied bearbeiten');
  await page.fill('#member-employees', '1 300');
  await page.press('#member-employees', 'Enter');
  await eventually(() => page.locator('form.member-form .saved').textContent()).toBe('Gespeichert: Werra Tausendfüßler GmbH. Zum Profil');
  const after = (await stack.query(search)).data.members;
  expect(after.totalCount).toBe(1);
  expect(after.edges[0].node.employees).toBe(1300);
  await expectAccessible(page);
});

test('a change made elsewhere meanwhile keeps what was typed: taken over where only there, shown where on both sides', async () => {
  const admin = await stack.token('--role', 'admin', '--sub', 'admin');
  const { id } = await createMember(supervisorGraph(stack), admin, 'NIWE', { name: 'Meißner Blechbau GmbH', postalCode: '37269', city: 'Eschwege' });
  const current = async () =>
    (await stack.query({ query: 'query($id: ID!) { member(id: $id) { website description certifications { standard } } }', variables: { id } }, admin)).data
      .member;
  const elsewhere = async (input: Record<string, unknown>) => {
    const { version } = (await stack.query({ query: 'query($id: ID!) { member(id: $id) { version } }', variables: { id } }, admin)).data.member;
    const result = await stack.query(
      {
        query: 'mutation($id: ID!, $input: MemberPatch!, $v: Int) { updateMember(id: $id, input: $input, version: $v) { version } }',
        variables: { id, input, v: version },
      },
      admin,
    );
    expect(result.errors).toBeUndefined();
  };
  const page = await signedInPage();
  await page.goto(`${stack.gateway}/mitglieder/bearbeiten/${encodeURIComponent(id)}`);
  await eventually(() => page.locator('#member-name').inputValue()).toBe('Meißner Blechbau GmbH');

  // The member's certifications and its description change elsewhere; the office types the website and saves.
  await elsewhere({ certifications: [{ standard: 'ISO 9001', validUntil: `${new Date().getUTCFullYear() + 1}-06-30` }] });
  await elsewhere({ description: 'Laserschneiden und Kanten bis 4 m.' });
  await page.fill('#member-website', 'https://meissner-blechbau.example');
  await page.press('#member-website', 'Enter');
  await eventually(() => page.locator('form.member-form .saved').textContent()).toBe(
    'Gespeichert: Meißner Blechbau GmbH. Inzwischen von anderer Seite geändert und übernommen: Beschreibung. Zum Profil',
  );
  expect(await page.locator('#member-description').inputValue()).toBe('Laserschneiden und Kanten bis 4 m.');
  expect(await current()).toEqual({
    // The network writes a web address as a browser does, with the path's slash.
    website: 'https://meissner-blechbau.example/',
    description: 'Laserschneiden und Kanten bis 4 m.',
    certifications: [{ standard: 'ISO 9001' }],
  });

  // The website changes elsewhere too, and the office types another: its entry stays, what is saved now beside it.
  await elsewhere({ website: 'https://blechbau-meissner.example' });
  await page.fill('#member-website', 'https://www.meissner-blechbau.example');
  await page.fill('#member-employees', '40');
  await page.press('#member-website', 'Enter');
  await eventually(() => page.locator('.member-form .notice-error').textContent()).toBe(
    'Jemand hat dieses Mitglied inzwischen geändert. Ihre Eingaben sind erhalten; bei den markierten Feldern steht, was jetzt gespeichert ist. Prüfen Sie sie und speichern Sie erneut.',
  );
  expect(await page.locator('#member-website-theirs').textContent()).toBe('Inzwischen gespeichert: „https://blechbau-meissner.example/“');
  expect(await page.locator('#member-website').getAttribute('aria-describedby')).toBe('member-website-theirs');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('member-website');
  expect(await page.locator('#member-website').inputValue()).toBe('https://www.meissner-blechbau.example');
  expect(await page.locator('#member-employees').inputValue()).toBe('40');
  expect((await current()).website).toBe('https://blechbau-meissner.example/');
  await expectAccessible(page);
  await screenshot(page, 'member-form-changed-elsewhere');

  // Saved again, the typed website stands.
  await page.press('#member-website', 'Enter');
  await eventually(() => page.locator('form.member-form .saved').textContent()).toBe('Gespeichert: Meißner Blechbau GmbH. Zum Profil');
  expect(await page.locator('#member-website-theirs').count()).toBe(0);
  expect((await current()).website).toBe('https://www.meissner-blechbau.example/');
});

test("an archived member's form says so at once and offers no save; a save that meets the archiving says the same", async () => {
  const admin = await stack.token('--role', 'admin', '--sub', 'admin');
  const graph = supervisorGraph(stack);
  const archive = async (id: string) =>
    (await stack.query({ query: 'mutation($id: ID!) { archiveMember(id: $id) { archivedAt } }', variables: { id } }, admin)).data.archiveMember.archivedAt;
  const day = (iso: string) => new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date(iso));
  const left = (await createMember(graph, admin, 'NIWE', { name: 'Eschweger Gießerei Alt KG', postalCode: '37269', city: 'Eschwege' })).id;
  const since = day(await archive(left));
  const page = await signedInPage();
  await page.goto(`${stack.gateway}/mitglieder/bearbeiten/${encodeURIComponent(left)}`);
  const archived = (at: string) => `Dieses Unternehmen ist archiviert: Es hat das Netzwerk NIWE am ${at} verlassen, sein Profil lässt sich nicht mehr ändern.`;
  await eventually(() => page.locator('main .notice-warning').textContent()).toBe(archived(since));
  expect(await page.locator('main form, main button[type=submit]').count()).toBe(0);
  await expectAccessible(page);

  // Archived while the form is open: the server refuses the save at the member's id (NOT_APPLICABLE, as for any write to
  // an archived member); the form reads the member's standing again and turns into the same notice.
  const leaving = (await createMember(graph, admin, 'NIWE', { name: 'Eschweger Gießerei Neu KG', postalCode: '37269', city: 'Eschwege' })).id;
  await page.goto(`${stack.gateway}/mitglieder/bearbeiten/${encodeURIComponent(leaving)}`);
  await eventually(() => page.locator('#member-name').inputValue()).toBe('Eschweger Gießerei Neu KG');
  const then = day(await archive(leaving));
  await page.fill('#member-city', 'Eschwege-Niederhone');
  await page.press('#member-city', 'Enter');
  await eventually(() => page.locator('main .notice-warning').textContent()).toBe(archived(then));
  expect(await page.locator('main form').count()).toBe(0);
  await expectAccessible(page);
});

test('a member of the same name and postal code is refused at the name, saying what to do (the office made a second without a word); moved onto it, at the postal code', async () => {
  const page = await signedInPage();
  const create = async () => {
    await page.goto(`${stack.gateway}/mitglieder/neu`);
    await eventually(() => page.locator('h1').textContent()).toBe('Mitglied anlegen');
    await page.fill('#member-name', 'Doppelt Dreherei GmbH');
    await page.fill('#member-postalCode', '37269');
    await page.fill('#member-city', 'Eschwege');
    await page.press('#member-city', 'Enter');
  };
  await create();
  await eventually(() => page.locator('form.member-form .saved').textContent()).toBe('Gespeichert: Doppelt Dreherei GmbH. Zum Profil');
  await create();
  await eventually(() => page.locator('#member-name-error').textContent()).toBe(
    'Dieses Unternehmen (gleicher Name, gleiche Postleitzahl) ist schon Mitglied; ändern Sie es auf seiner Seite, oder nehmen Sie in den Namen auf, was die beiden unterscheidet (etwa den Standort).',
  );
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('member-name');
  const search = { query: '{ members(filter: { text: "Doppelt Dreherei" }) { totalCount } }' };
  expect((await stack.query(search)).data.members.totalCount).toBe(1);
  await expectAccessible(page);

  // Another place is another company; moving it back onto the first is refused at the postal code, which is what moved.
  await page.fill('#member-postalCode', '37276');
  await page.press('#member-city', 'Enter');
  await eventually(() => page.locator('form.member-form .saved').textContent()).toBe('Gespeichert: Doppelt Dreherei GmbH. Zum Profil');
  await page.fill('#member-postalCode', '37269');
  await page.press('#member-city', 'Enter');
  await eventually(() => page.locator('#member-postalCode-error').textContent()).toBe(
    'Unter dieser Postleitzahl ist ein Unternehmen dieses Namens schon Mitglied; ist es dasselbe, ändern Sie es auf seiner Seite, sonst nehmen Sie in den Namen auf, was die beiden unterscheidet.',
  );
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('member-postalCode');
  expect((await stack.query(search)).data.members.totalCount).toBe(2);
});

test('"Mitglied anlegen" after a save starts a new, empty form: the second member is created beside the first, which stays as it was', async () => {
  const page = await signedInPage();
  const fillNew = async (name: string) => {
    await page.fill('#member-name', name);
    await page.fill('#member-postalCode', '37269');
    await page.fill('#member-city', 'Eschwege');
    await page.press('#member-city', 'Enter');
  };
  const empty = async () => {
    await page.waitForURL(/\/mitglieder\/neu$/);
    await eventually(() => page.locator('h1').textContent()).toBe('Mitglied anlegen');
    await eventually(() => page.locator('#member-name').inputValue()).toBe('');
    expect(await page.locator('#member-city').inputValue()).toBe('');
    expect(await page.locator('form.member-form .saved').textContent()).toBe('');
  };
  const search = (text: string) => ({ query: `{ members(filter: { text: "${text}" }) { totalCount edges { node { id name } } } }` });
  await page.getByRole('link', { name: 'Mitglied anlegen' }).click();
  await empty();
  await fillNew('Erste Probe GmbH');
  await eventually(() => page.locator('form.member-form .saved').textContent()).toBe('Gespeichert: Erste Probe GmbH. Zum Profil');
  const [first] = (await stack.query(search('Erste Probe'))).data.members.edges;
  // The URL becomes its edit page in place: the notice stays, and so does the focus.
  await page.waitForURL((url) => url.pathname === `/mitglieder/bearbeiten/${encodeURIComponent(first.node.id)}`);
  expect(await page.locator('form.member-form .saved').textContent()).toBe('Gespeichert: Erste Probe GmbH. Zum Profil');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('member-city');

  await page.getByRole('link', { name: 'Mitglied anlegen' }).click();
  await empty();
  await fillNew('Zweite Probe GmbH');
  await eventually(() => page.locator('form.member-form .saved').textContent()).toBe('Gespeichert: Zweite Probe GmbH. Zum Profil');
  expect((await stack.query(search('Erste Probe'))).data.members.edges).toEqual([first]);
  const second = (await stack.query(search('Zweite Probe'))).data.members.edges;
  expect(second).toHaveLength(1);
  expect(second[0].node.id).not.toBe(first.node.id);

  // From the first member's edit page, opened as such, too.
  await page.goto(`${stack.gateway}/mitglieder/bearbeiten/${encodeURIComponent(first.node.id)}`);
  await eventually(() => page.locator('#member-name').inputValue()).toBe('Erste Probe GmbH');
  await page.getByRole('link', { name: 'Mitglied anlegen' }).click();
  await empty();
  await expectAccessible(page);
});

test('a member changed elsewhere at every save: taken over once in the notice, and after three rounds the form is brought up to date', async () => {
  const admin = await stack.token('--role', 'admin', '--sub', 'admin');
  const { id } = await createMember(supervisorGraph(stack), admin, 'NIWE', { name: 'Ringgau Rundlauf GmbH', postalCode: '37296', city: 'Ringgau' });
  const current = async () =>
    (await stack.query({ query: 'query($id: ID!) { member(id: $id) { version website description } }', variables: { id } }, admin)).data.member;
  let rounds = 0;
  let described = '';
  // Before each of the next `rounds` saves reaches the network, the description changes elsewhere.
  const page = await signedInPage();
  await page.route('**/graphql', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}');
    if (body.operationName === 'UpdateMember' && rounds > 0) {
      rounds--;
      described = `Geändert anderswo, noch ${rounds}`;
      const { version } = await current();
      const result = await stack.query(
        {
          query: 'mutation($id: ID!, $input: MemberPatch!, $v: Int) { updateMember(id: $id, input: $input, version: $v) { version } }',
          variables: { id, input: { description: described }, v: version },
        },
        admin,
      );
      expect(result.errors).toBeUndefined();
    }
    await route.continue();
  });
  await page.goto(`${stack.gateway}/mitglieder/bearbeiten/${encodeURIComponent(id)}`);
  await eventually(() => page.locator('#member-name').inputValue()).toBe('Ringgau Rundlauf GmbH');

  // Twice changed elsewhere, saved the third time: the description is named once.
  rounds = 2;
  await page.fill('#member-website', 'https://ringgau-rundlauf.example');
  await page.press('#member-website', 'Enter');
  await eventually(() => page.locator('form.member-form .saved').textContent()).toBe(
    'Gespeichert: Ringgau Rundlauf GmbH. Inzwischen von anderer Seite geändert und übernommen: Beschreibung. Zum Profil',
  );
  expect(await page.locator('#member-description').inputValue()).toBe(described);

  // Changed elsewhere on all three: the form says so without pointing at marked fields, and takes what is saved now.
  rounds = 3;
  await page.fill('#member-website', 'https://www.ringgau-rundlauf.example');
  await page.press('#member-website', 'Enter');
  await eventually(() => page.locator('.member-form .notice-error').textContent()).toBe(
    'Dieses Mitglied wird gerade auch anderswo geändert; Ihre Eingaben sind erhalten und auf den jetzt gespeicherten Stand gebracht. Prüfen Sie sie und speichern Sie erneut.',
  );
  expect(await page.locator('#member-description').inputValue()).toBe(described);
  expect(await page.locator('#member-website').inputValue()).toBe('https://www.ringgau-rundlauf.example');
  expect(await page.locator('[aria-invalid="true"], .field-hint').count()).toBe(0);
  await expectAccessible(page);
  const before = await current();

  // Saved again, the typed website is written over the version read last: one write, nothing else changed back.
  await page.press('#member-website', 'Enter');
  await eventually(() => page.locator('form.member-form .saved').textContent()).toBe('Gespeichert: Ringgau Rundlauf GmbH. Zum Profil');
  expect(await current()).toEqual({ version: before.version + 1, website: 'https://www.ringgau-rundlauf.example/', description: described });
  await page.unroute('**/graphql');
});

test('what is typed while a save is on its way stays; the fields not touched meanwhile take the saved values', async () => {
  const admin = await stack.token('--role', 'admin', '--sub', 'admin');
  const { id } = await createMember(supervisorGraph(stack), admin, 'NIWE', { name: 'Sontra Schleiferei GmbH', postalCode: '36205', city: 'Sontra' });
  const page = await signedInPage();
  let arrived!: () => void;
  const sent = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/graphql', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}');
    if (body.operationName === 'UpdateMember') {
      arrived();
      await held;
    }
    await route.continue();
  });
  await page.goto(`${stack.gateway}/mitglieder/bearbeiten/${encodeURIComponent(id)}`);
  await eventually(() => page.locator('#member-name').inputValue()).toBe('Sontra Schleiferei GmbH');
  await page.fill('#member-website', 'https://sontra-schleiferei.example');
  await page.press('#member-website', 'Enter');
  await sent;
  await page.fill('#member-description', 'Rundschleifen bis 2 m.');
  release();
  await eventually(() => page.locator('form.member-form .saved').textContent()).toBe('Gespeichert: Sontra Schleiferei GmbH. Zum Profil');
  // The website as the network wrote it; the description as typed, to be saved next.
  expect(await page.locator('#member-website').inputValue()).toBe('https://sontra-schleiferei.example/');
  expect(await page.locator('#member-description').inputValue()).toBe('Rundschleifen bis 2 m.');
  await page.unroute('**/graphql');
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await eventually(
    async () => (await stack.query({ query: 'query($id: ID!) { member(id: $id) { description } }', variables: { id } }, admin)).data.member.description,
  ).toBe('Rundschleifen bis 2 m.');
});

test("the office keeps a member's lists on its edit page, as the member does on Mein Unternehmen; the member's own edit page leaves them there", async () => {
  const admin = await stack.token('--role', 'admin', '--sub', 'admin');
  const id = (await createMember(supervisorGraph(stack), admin, 'NIWE', { name: 'Werra Listen GmbH', postalCode: '37269', city: 'Eschwege' })).id;
  const page = await signedInPage();
  await page.goto(`${stack.gateway}/mitglieder/bearbeiten/${encodeURIComponent(id)}`);
  await eventually(() => page.locator('#member-name').inputValue()).toBe('Werra Listen GmbH');
  const services = page.locator('section[aria-labelledby="my-services-heading"]');
  await eventually(() => services.locator('p').first().textContent()).toBe(
    'Was das Unternehmen anbietet, mit Beschreibung und den Verfahren, die dazu gehören; die ganze Region sieht es im Profil.',
  );
  expect(await page.locator('h2').allTextContents()).toEqual(['Verfahren und Werkstoffe', 'Leistungen', 'Zertifizierungen', 'Ansprechpersonen']);
  await expectAccessible(page);

  await services.getByRole('button', { name: 'Leistung hinzufügen' }).click();
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('service-0-title');
  await page.keyboard.type('Lohnhärten');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Einsatzhärten bis 800 mm.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('6.1');
  await page.keyboard.press('Enter');
  await eventually(() => services.locator('.saved').textContent()).toBe('Gespeichert: 1 Leistung.');
  const read = `query($id: ID!) { member(id: $id) { name services { title description processes { code } } } }`;
  expect((await stack.query({ query: read, variables: { id } }, admin)).data.member).toEqual({
    name: 'Werra Listen GmbH',
    services: [{ title: 'Lohnhärten', description: 'Einsatzhärten bis 800 mm.', processes: [{ code: '6.1' }] }],
  });
  // The member's fields above save on their own, the lists keep what they saved.
  await page.fill('#member-city', 'Eschwege-Niederhone');
  await page.press('#member-city', 'Enter');
  await eventually(() => page.locator('form.member-form .saved').textContent()).toBe('Gespeichert: Werra Listen GmbH. Zum Profil');
  expect((await stack.query({ query: read, variables: { id } }, admin)).data.member.services).toHaveLength(1);
  await expectAccessible(page);

  // The member itself edits the same fields here and its lists on Mein Unternehmen.
  const staff = { email: 'listen@werra.example', name: 'Lena Listen', password: 'Werra-Meissner-2026' };
  await createAccount(stack, admin, { ...staff, kind: 'MEMBER', memberId: id });
  const own = await pages.signedIn(staff);
  await own.goto(`${stack.gateway}/mitglieder/bearbeiten/${encodeURIComponent(id)}`);
  await eventually(() => own.locator('#member-city').inputValue()).toBe('Eschwege-Niederhone');
  // Not on the way either: the lists come in a chunk of their own, which would say "Lädt …" meanwhile.
  expect(await own.locator('main [aria-busy="true"]').count()).toBe(0);
  expect(await own.locator('section[aria-labelledby="my-services-heading"]').count()).toBe(0);
});
