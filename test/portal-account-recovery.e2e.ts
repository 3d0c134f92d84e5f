import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { eventually, expectAccessible, type PortalPages, screenshot, startPortalStack, stopPortalStack } from './support/browser.ts';
import { createMember, supervisorGraph } from './support/members.ts';
import { createAccount } from './support/sessions.ts';
import type { Supervisor } from './support/supervisor.ts';

// Getting back into an account in the portal, against `npm start` in chromium (the system sends no e-mail): the
// office resets a member's forgotten password from "Zugänge" after a dialog and reads the one-time password once;
// signed in with it, the member lands on "Mein Zugang", whose repeated new password is compared before anything is
// sent; archived accounts stand under "Archivierte Zugänge" and are restored after a dialog, also from the new
// account form that met the archived address, and one whose company left is restored for the company's new entry;
// the sign-in page says whom to ask for a forgotten password. Every state passes axe-core's WCAG 2.1 AA rules.

let stack: Supervisor;
let browser: Browser;
let pages: PortalPages;
let admin: string;
const password = 'Werra-Meissner-2026';
const office = { email: 'hanna.hilfreich@niwe.example', name: 'Hanna Hilfreich', password };
const paula = { email: 'paula.probst@werra-guss.example', name: 'Paula Probst', password };
const rudi = { email: 'rudi.rueckkehr@werra-guss.example', name: 'Rudi Rückkehr', password };
const erna = { email: 'erna.ehemalig@werra-guss.example', name: 'Erna Ehemalig', password };
const greta = { email: 'greta.gross@gerstungen.example', name: 'Greta Groß', password };
const member = 'Aaron Werra-Guss GmbH';
let memberId: string;

const graph = async (query: string, variables: Record<string, unknown>, token: string) => {
  const answer = await stack.query({ query, variables }, token);
  expect(answer.errors).toBeUndefined();
  return answer.data;
};
const accountId = async (email: string) =>
  (await graph('{ accounts(includeArchived: true) { id email } }', {}, admin)).accounts.find((a: { email: string }) => a.email === email).id as string;
const archive = async (email: string) => graph('mutation($id: ID!) { archiveAccount(id: $id) { id } }', { id: await accountId(email) }, admin);

/** A sign-in outside the browser (one inside would replace its session): the answer's status and body. */
async function login(email: string, secret: string) {
  const response = await fetch(`${stack.gateway}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: secret }),
  });
  return { status: response.status, body: await response.json() };
}

const liveRow = (page: Page, email: string) => page.locator('table.accounts:not(.accounts-archived) tbody tr', { hasText: email });
const archivedRow = (page: Page, email: string) => page.locator('table.accounts-archived tbody tr', { hasText: email });

/** Opens the dialog of `button` and checks that it asks `question` with the focus on "Abbrechen", so that Enter alone does nothing. */
async function asked(page: Page, button: string, question: RegExp) {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await eventually(() => dialog.isVisible()).toBe(true);
  expect(await dialog.locator('p').textContent()).toMatch(question);
  await eventually(() => page.evaluate('document.activeElement?.textContent')).toBe('Abbrechen');
  return dialog;
}

beforeAll(async () => {
  ({ stack, browser, pages } = await startPortalStack());
  admin = await stack.token('--role', 'admin', '--sub', 'admin');
  await createAccount(stack, admin, { ...office, kind: 'OFFICE', network: 'NIWE' });
  memberId = (await createMember(supervisorGraph(stack), admin, 'NIWE', { name: member, postalCode: '37269', city: 'Eschwege', processes: ['1.1'] })).id;
  for (const person of [paula, rudi, erna]) await createAccount(stack, admin, { ...person, kind: 'MEMBER', memberId });
}, 180_000);

afterAll(() => stopPortalStack(stack, browser));

afterEach(async () => {
  // The refused sign-ins' 401s are the errors expected.
  expect((await pages.close()).filter((line) => !/status of 401/.test(line))).toEqual([]);
});

test('the office resets a password after a dialog and reads the one-time password once; signed in with it, the member chooses a new one, typed twice', async () => {
  const page = await pages.signedIn(office, '/zugaenge');
  await eventually(() => liveRow(page, paula.email).count()).toBe(1);
  // The office's own row offers neither: its holder changes the password under "Mein Zugang".
  expect(await liveRow(page, office.email).locator('td').last().textContent()).toBe('Ihr eigener Zugang');
  await expectAccessible(page);

  const dialog = await asked(
    page,
    'Passwort zurücksetzen für Paula Probst',
    /^Das Passwort von Paula Probst zurücksetzen\? Das bisherige gilt dann nicht mehr/,
  );
  await expectAccessible(page);
  await page.keyboard.press('Enter');
  await eventually(() => dialog.isVisible()).toBe(false);
  expect(await page.locator('#one-time-password').count()).toBe(0);
  expect((await login(paula.email, password)).status).toBe(200);

  await asked(page, 'Passwort zurücksetzen für Paula Probst', /zurücksetzen\?/);
  await dialog.getByRole('button', { name: 'Ja, zurücksetzen' }).click();
  const shown = page.locator('#one-time-password');
  await eventually(() => shown.count()).toBe(1);
  const oneTime = (await shown.textContent())!;
  expect(oneTime).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  expect(await page.locator('#one-time-password-heading').textContent()).toBe('Einmalpasswort für Paula Probst');
  expect(await page.locator('.one-time-password').textContent()).toMatch(/nicht per E-Mail\. Es wird nur jetzt angezeigt und gilt bis /);
  // The panel takes the focus, so a screen reader reads it out.
  await eventually(() => page.evaluate('document.activeElement?.classList.contains("one-time-password")')).toBe(true);
  await expectAccessible(page);
  await screenshot(page, 'accounts-one-time-password');
  expect((await login(paula.email, password)).status).toBe(401);
  await page.getByRole('button', { name: 'Ausblenden' }).click();
  await eventually(() => shown.count()).toBe(0);
  // The button went with the panel: the focus goes to the page's heading, not to the page's start.
  await eventually(() => page.evaluate('document.activeElement?.tagName')).toBe('H1');

  // Signed in with it, the member is led to "Mein Zugang", which says to choose a password of their own.
  const own = await pages.signedIn({ ...paula, password: oneTime });
  await own.waitForURL(/\/konto$/);
  await eventually(() => own.locator('main .notice-warning').textContent()).toBe(
    'Ihre Geschäftsstelle hat Ihr Passwort zurückgesetzt. Bitte wählen Sie jetzt ein eigenes; als bisheriges Passwort geben Sie das Einmalpasswort ein.',
  );
  const sent: string[] = [];
  own.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') sent.push(JSON.parse(request.postData() ?? '{}').operationName);
  });
  await own.fill('#account-currentPassword', oneTime);
  await own.fill('#account-newPassword', 'Eschwege-im-Fruehling-2027');
  await own.fill('#account-newPasswordRepeat', 'Eschwege-im-Fruehling-2072');
  await own.press('#account-newPasswordRepeat', 'Enter');
  const repeat = own.locator('#account-newPasswordRepeat');
  await eventually(() => own.locator('#account-newPasswordRepeat-error').textContent()).toBe(
    'Die Wiederholung stimmt nicht mit dem neuen Passwort überein; bitte geben Sie es zweimal gleich ein.',
  );
  expect(await repeat.getAttribute('aria-invalid')).toBe('true');
  expect(await repeat.getAttribute('aria-describedby')).toBe('account-newPasswordRepeat-error');
  expect(await own.evaluate('document.activeElement?.id')).toBe('account-newPasswordRepeat');
  expect(sent).not.toContain('ChangePassword');
  await expectAccessible(own);
  await screenshot(own, 'account-password-repeat');

  await repeat.fill('Eschwege-im-Fruehling-2027');
  await own.press('#account-newPasswordRepeat', 'Enter');
  await eventually(() => own.locator('.saved').textContent()).toBe('Das Passwort ist geändert. Melden Sie sich künftig mit dem neuen Passwort an.');
  expect(sent).toContain('ChangePassword');
  expect(await own.locator('main .notice-warning').count()).toBe(0);
  expect(await own.locator('[aria-invalid="true"]').count()).toBe(0);
  expect((await login(paula.email, 'Eschwege-im-Fruehling-2027')).status).toBe(200);
  expect((await login(paula.email, oneTime)).status).toBe(401);
  // Signed in anew with it, the member goes on: the session of the one-time password could do nothing else.
  await own.goto(`${stack.gateway}/mein-unternehmen`);
  await eventually(() => own.locator('input[name="availability"]:checked').count()).toBe(1);
  expect(await own.locator('.notice-error').count()).toBe(0);
});

test('archived accounts stand apart and are restored after a dialog, also from the new account form that met an archived address', async () => {
  await archive(rudi.email);
  await archive(erna.email);
  const page = await pages.signedIn(office, '/zugaenge');
  await eventually(() => archivedRow(page, rudi.email).count()).toBe(1);
  expect(await page.locator('#accounts-archived-heading').textContent()).toBe('Archivierte Zugänge');
  expect(await archivedRow(page, rudi.email).textContent()).toMatch(/archiviert am/);
  expect(await liveRow(page, rudi.email).count()).toBe(0);
  await expectAccessible(page);

  const dialog = await asked(page, 'Zugang von Rudi Rückkehr wiederherstellen', /^Den Zugang von Rudi Rückkehr wiederherstellen\?/);
  await page.keyboard.press('Enter');
  await eventually(() => dialog.isVisible()).toBe(false);
  expect(await archivedRow(page, rudi.email).count()).toBe(1);
  await asked(page, 'Zugang von Rudi Rückkehr wiederherstellen', /wiederherstellen\?/);
  await dialog.getByRole('button', { name: 'Ja, wiederherstellen' }).click();
  await eventually(() => page.locator('.saved').textContent()).toBe('Der Zugang von Rudi Rückkehr ist wiederhergestellt; er meldet sich wieder an.');
  await eventually(() => liveRow(page, rudi.email).count()).toBe(1);
  expect(await archivedRow(page, rudi.email).count()).toBe(0);
  await eventually(() => page.evaluate('document.activeElement?.tagName')).toBe('H1');
  expect((await login(rudi.email, password)).body).toMatchObject({ role: 'member', memberId });

  // A new account for Erna's address: the form says her archived account exists and offers to restore it.
  await page.selectOption('#account-new-memberId', { label: member });
  await page.fill('#account-new-name', erna.name);
  await page.fill('#account-new-email', erna.email);
  await page.fill('#account-new-password', 'Ganz-neues-Passwort-1');
  await page.press('#account-new-password', 'Enter');
  await eventually(() => page.locator('#account-new-email-error').textContent()).toBe(
    'Für diese E-Mail-Adresse gibt es einen archivierten Zugang. Stellen Sie ihn unter „Archivierte Zugänge“ wieder her, statt einen neuen anzulegen.',
  );
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('account-new-email');
  await expectAccessible(page);
  await page.locator('form').getByRole('button', { name: 'Zugang von Erna Ehemalig wiederherstellen' }).click();
  await eventually(() => dialog.isVisible()).toBe(true);
  await dialog.getByRole('button', { name: 'Ja, wiederherstellen' }).click();
  await eventually(() => liveRow(page, erna.email).count()).toBe(1);
  expect(await page.locator('#accounts-archived-heading').count()).toBe(0);
  // Restored, her address is no longer one an archived account holds: the form's error about it is gone.
  await eventually(() => page.locator('#account-new-email-error').count()).toBe(0);
  expect(await page.locator('#account-new-email').getAttribute('aria-invalid')).toBeNull();
  // Her own password, not the one typed into the form.
  expect((await login(erna.email, password)).status).toBe(200);
});

test("an account whose company left is restored for the company's new entry", async () => {
  const officeToken = await stack.token('--role', 'office', '--network', 'NIWE');
  const left = (
    await createMember(supervisorGraph(stack), admin, 'NIWE', { name: 'Abel Gießerei GmbH', postalCode: '99834', city: 'Gerstungen', processes: ['1.1'] })
  ).id;
  await createAccount(stack, admin, { ...greta, kind: 'MEMBER', memberId: left });
  await graph('mutation($id: ID!) { archiveMember(id: $id) { id } }', { id: left }, officeToken);
  const rejoined = (
    await createMember(supervisorGraph(stack), admin, 'NIWE', {
      name: 'Abel Gießerei GmbH & Co. KG',
      postalCode: '99834',
      city: 'Gerstungen',
      processes: ['1.1'],
    })
  ).id;

  const page = await pages.signedIn(office, '/zugaenge');
  await eventually(() => archivedRow(page, greta.email).count()).toBe(1);
  const dialog = await asked(page, 'Zugang von Greta Groß wiederherstellen', /wiederherstellen\?/);
  await dialog.getByRole('button', { name: 'Ja, wiederherstellen' }).click();
  await eventually(() => page.locator('main .notice-error[role="alert"]').textContent()).toBe(
    'Das Unternehmen von Greta Groß hat sein Netzwerk verlassen, und ausgetretene Mitgliedsunternehmen lassen sich nicht wiederherstellen. Ist es unter einem neuen Eintrag wieder Mitglied, stellen Sie den Zugang unten für diesen Eintrag wieder her.',
  );
  expect(await archivedRow(page, greta.email).count()).toBe(1);
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('account-move-memberId');
  await eventually(() => page.locator('#account-move-memberId option', { hasText: 'Abel Gießerei GmbH & Co. KG' }).count()).toBe(1);
  await expectAccessible(page);
  // "Abbrechen" closes the form, its button gone with it: the focus goes to the page's heading. Asked again, it is back.
  const moveForm = page.locator('form[aria-labelledby="account-move-heading"]');
  await moveForm.getByRole('button', { name: 'Abbrechen' }).click();
  await eventually(() => moveForm.count()).toBe(0);
  await eventually(() => page.evaluate('document.activeElement?.tagName')).toBe('H1');
  await asked(page, 'Zugang von Greta Groß wiederherstellen', /wiederherstellen\?/);
  await dialog.getByRole('button', { name: 'Ja, wiederherstellen' }).click();
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('account-move-memberId');
  // Sent without a choice, the field says so and keeps the focus.
  await page.getByRole('button', { name: 'Für dieses Unternehmen wiederherstellen' }).click();
  await eventually(() => page.locator('#account-move-memberId-error').textContent()).toBe(
    'Bitte wählen Sie das Mitgliedsunternehmen, für das der Zugang künftig gilt.',
  );
  expect(await page.locator('#account-move-memberId').getAttribute('aria-invalid')).toBe('true');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('account-move-memberId');
  await page.selectOption('#account-move-memberId', { label: 'Abel Gießerei GmbH & Co. KG' });
  await page.getByRole('button', { name: 'Für dieses Unternehmen wiederherstellen' }).click();
  await eventually(() => page.locator('.saved').textContent()).toBe('Der Zugang von Greta Groß ist wiederhergestellt; er meldet sich wieder an.');
  expect(await liveRow(page, greta.email).textContent()).toContain('Abel Gießerei GmbH & Co. KG');
  expect(await page.locator('#account-move-memberId').count()).toBe(0);
  expect((await login(greta.email, password)).body).toMatchObject({ role: 'member', memberId: rejoined });
});

test('the sign-in page says whom to ask for a forgotten password: the network offices, by name, e-mail and telephone', async () => {
  const page = await pages.newPage();
  await page.goto(`${stack.gateway}/anmelden`);
  const help = page.locator('.sign-in-help');
  await eventually(() => help.locator('h2').textContent()).toBe('Passwort vergessen?');
  expect(await help.textContent()).toMatch(/Das Portal verschickt keine E-Mails\. Die Geschäftsstelle Ihres Netzwerks setzt Ihr Passwort zurück/);
  await eventually(() => help.locator('li').allTextContents()).toEqual([
    'NIWE: Netzwerkbüro NIWE, buero@niwe.example, +49 5651 000100',
    'LINAT: Netzwerkbüro LINAT, buero@linat.example, +49 3601 000200',
    'KONAT: Netzwerkbüro KONAT, buero@konat.example, +49 3691 000300',
  ]);
  expect(await help.getByRole('link', { name: 'buero@niwe.example' }).getAttribute('href')).toBe('mailto:buero@niwe.example');
  expect(await help.getByRole('link', { name: '+49 5651 000100' }).getAttribute('href')).toBe('tel:+495651000100');
  await expectAccessible(page);
  await screenshot(page, 'sign-in-forgot-password');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => help.locator('h2').textContent()).toBe('Forgot your password?');
  expect(await help.textContent()).toMatch(/The portal sends no e-mail\. Your network office resets your password/);
});
