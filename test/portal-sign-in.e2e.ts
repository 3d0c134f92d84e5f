import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { eventually, expectAccessible, type PortalPages, screenshot, startPortalStack, stopPortalStack } from './support/browser.ts';
import { createAccount } from './support/sessions.ts';
import type { Supervisor } from './support/supervisor.ts';

// Signing in to the portal in a real browser against `npm start`: an office account signs in by
// keyboard, a wrong password is reported at the password field, the header shows the name, the
// portal's GraphQL POSTs carry the CSRF token of the session, and signing out ends the session.
// Every state passes axe-core's WCAG 2.1 AA rules.

let stack: Supervisor;
let browser: Browser;
let pages: PortalPages;
const password = 'Werra-Meissner-2026';
const office = { email: 'bernd.beispiel@niwe.example', name: 'Bernd Beispiel', password };

beforeAll(async () => {
  ({ stack, browser, pages } = await startPortalStack());
  await createAccount(stack, await stack.token('--role', 'admin', '--sub', 'admin'), { ...office, kind: 'OFFICE', network: 'NIWE' });
}, 180_000);

afterAll(() => stopPortalStack(stack, browser));

afterEach(async () => {
  // The wrong password's 401 is the one error expected.
  expect((await pages.close()).filter((line) => !/status of 401/.test(line))).toEqual([]);
});

/** A page, its context, and the x-csrf-token header of each of its GraphQL POSTs. */
async function newPage(): Promise<{ page: Page; context: BrowserContext; csrfHeaders: (string | undefined)[] }> {
  const page = await pages.newPage();
  const context = page.context();
  const csrfHeaders: (string | undefined)[] = [];
  context.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') csrfHeaders.push(request.headers()['x-csrf-token']);
  });
  return { page, context, csrfHeaders };
}

/** Presses Tab until the element with `id` has the focus; at most `limit` times. */
async function tabTo(page: Page, id: string, limit = 20) {
  for (let tabs = 0; (await page.evaluate('document.activeElement?.id')) !== id; tabs++) {
    expect(tabs).toBeLessThan(limit);
    await page.keyboard.press('Tab');
  }
}

test('an office signs in by keyboard, sees the error at the field for a wrong password, its name in the header, and signs out', async () => {
  const { page, context, csrfHeaders } = await newPage();
  await page.goto(`${stack.gateway}/suche`);
  // From any page the header's link leads to the sign-in page and back.
  await page.getByRole('link', { name: 'Anmelden' }).click();
  await page.waitForURL(/\/anmelden\?weiter=%2Fsuche$/);
  await eventually(() => page.locator('h1').textContent()).toBe('Anmelden');
  await expectAccessible(page);

  await tabTo(page, 'sign-in-email');
  await page.keyboard.type('bernd.beispiel@niwe.example');
  await page.keyboard.press('Tab');
  await page.keyboard.type('falsches-passwort-1');
  await page.keyboard.press('Enter');
  const passwordField = page.locator('#sign-in-password');
  await eventually(() => page.locator('#sign-in-password-error').textContent()).toBe('E-Mail-Adresse oder Passwort ist falsch.');
  expect(await passwordField.getAttribute('aria-invalid')).toBe('true');
  expect(await passwordField.getAttribute('aria-describedby')).toBe('sign-in-password-error');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('sign-in-password');
  expect(await page.locator('#sign-in-email').getAttribute('aria-invalid')).toBeNull();
  await expectAccessible(page);
  await screenshot(page, 'sign-in-wrong-password');

  await passwordField.fill('');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/suche$/);
  await eventually(() => page.locator('.account-name').textContent()).toBe('Angemeldet als Bernd Beispiel');
  await expectAccessible(page);
  await screenshot(page, 'signed-in');

  const cookies = Object.fromEntries((await context.cookies()).map((c) => [c.name, c]));
  expect(cookies.irm_session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(cookies.irm_csrf).toMatchObject({ httpOnly: false, sameSite: 'Strict' });
  // The search page's GraphQL requests after signing in carry the session's CSRF token.
  await page.fill('#search-text', 'Fräsen');
  await page.keyboard.press('Enter');
  await eventually(() => csrfHeaders.filter((h) => h === cookies.irm_csrf.value).length).toBeGreaterThan(0);
  expect(csrfHeaders.at(-1)).toBe(cookies.irm_csrf.value);

  // A reload keeps the session; the sign-out button is reached and pressed by keyboard.
  await page.reload();
  await eventually(() => page.locator('.account-name').textContent()).toBe('Angemeldet als Bernd Beispiel');
  await page.locator('.sign-out').focus();
  await page.keyboard.press('Enter');
  await eventually(() => page.getByRole('link', { name: 'Anmelden' }).count()).toBe(1);
  expect(await page.locator('.account-name').count()).toBe(0);
  expect(new URL(page.url()).pathname).toBe('/');
  const session = await page.evaluate(`fetch('/auth/session').then((r) => r.json())`);
  expect(session).toEqual({ signedIn: false, role: 'anonymous' });
  expect((await context.cookies()).map((c) => c.name)).toEqual([]);
});

test('the signed-in person changes the password on "Mein Zugang", with the server\'s errors at their fields', async () => {
  const page = await pages.signedIn(office);
  await page.getByRole('link', { name: 'Angemeldet als Bernd Beispiel' }).click();
  await page.waitForURL(/\/konto$/);
  await eventually(() => page.locator('.facts').textContent()).toContain('bernd.beispiel@niwe.example');
  expect(await page.locator('.facts').textContent()).toContain('Geschäftsstelle · NIWE');
  await expectAccessible(page);

  const current = page.locator('#account-currentPassword');
  const next = page.locator('#account-newPassword');
  await current.fill('falsches-passwort-1');
  await next.fill('Eisenach-Wartburg-2027');
  await page.fill('#account-newPasswordRepeat', 'Eisenach-Wartburg-2027');
  await page.press('#account-newPassword', 'Enter');
  await eventually(() => page.locator('#account-currentPassword-error').textContent()).toBe('Das ist nicht Ihr bisheriges Passwort.');
  expect(await current.getAttribute('aria-invalid')).toBe('true');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('account-currentPassword');

  await current.fill(password);
  await next.fill('kurz');
  await page.fill('#account-newPasswordRepeat', 'kurz');
  await page.press('#account-newPassword', 'Enter');
  await eventually(() => page.locator('#account-newPassword-error').textContent()).toBe('Bitte geben Sie mindestens 12 Zeichen ein.');
  expect(await next.getAttribute('aria-describedby')).toBe('account-newPassword-error password-rule');
  expect(await current.getAttribute('aria-invalid')).toBeNull();
  await expectAccessible(page);
  await screenshot(page, 'account-password-error');

  await next.fill('Eisenach-Wartburg-2027');
  await page.fill('#account-newPasswordRepeat', 'Eisenach-Wartburg-2027');
  await page.press('#account-newPassword', 'Enter');
  await eventually(() => page.locator('.saved').textContent()).toBe('Das Passwort ist geändert. Melden Sie sich künftig mit dem neuen Passwort an.');
  expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
  const login = (secret: string) =>
    page.evaluate(
      `fetch('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bernd.beispiel@niwe.example', password: ${JSON.stringify(secret)} }) }).then((r) => r.status)`,
    );
  expect(await login(password)).toBe(401);
  expect(await login('Eisenach-Wartburg-2027')).toBe(200);
});

test('a session ended elsewhere while the page is open: the page turns signed out, says why in German, and public pages still answer', async () => {
  const clara = { email: 'clara.consens@niwe.example', name: 'Clara Consens', password };
  await createAccount(stack, await stack.token('--role', 'admin', '--sub', 'admin'), { ...clara, kind: 'OFFICE', network: 'NIWE' });
  const page = await pages.signedIn(clara);
  // The start page's own request answered first, so the next request is the one that finds the session ended.
  await eventually(() => page.locator('.networks li').count()).toBe(3);
  // Signed out from another tab: the same cookies, sent by another client.
  const cookies = Object.fromEntries((await page.context().cookies()).map((c) => [c.name, c.value]));
  const out = await fetch(`${stack.gateway}/auth/logout`, {
    method: 'POST',
    headers: { cookie: `irm_session=${cookies.irm_session}; irm_csrf=${cookies.irm_csrf}`, 'x-csrf-token': cookies.irm_csrf },
  });
  expect(out.status).toBe(200);

  // The page still shows the session; its next request learns that it ended.
  await page.getByRole('link', { name: 'Anfragen', exact: true }).click();
  await page.waitForURL(/\/anfragen$/);
  const notice = page.locator('main > .notice-warning[role="alert"]');
  await eventually(() => notice.textContent()).toBe(
    'Ihre Sitzung ist beendet: Sie wurden an anderer Stelle abgemeldet, Ihr Zugang oder Passwort wurde geändert, oder der Arbeitstag seit der Anmeldung ist um. Erneut anmelden',
  );
  await eventually(() => page.locator('main p').allTextContents()).toContain(
    'Anfragen sehen angemeldete Kunden, Mitgliedsunternehmen und Geschäftsstellen. Bitte melden Sie sich an.',
  );
  // Neither a false "no inquiries" nor the server's English: the list is not shown at all.
  expect(await page.getByText('Noch keine Anfragen.').count()).toBe(0);
  expect(await page.locator('.notice-error').count()).toBe(0);
  expect(await page.locator('.account-name').count()).toBe(0);
  expect(await page.locator('header').getByRole('link', { name: 'Anmelden', exact: true }).count()).toBe(1);
  expect((await page.context().cookies()).map((c) => c.name)).toEqual([]);
  await expectAccessible(page);
  await screenshot(page, 'session-ended');

  // A public page answers as for any visitor; the notice's link signs in again and comes back.
  await page.getByRole('link', { name: 'Unternehmen suchen' }).click();
  await page.fill('#search-text', 'Fräsen');
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('.hit-count').count()).toBe(1);
  expect(await page.locator('.notice-error').count()).toBe(0);
  await notice.getByRole('link', { name: 'Erneut anmelden' }).click();
  await page.waitForURL(/\/anmelden\?weiter=%2Fsuche/);
  await page.fill('#sign-in-email', clara.email);
  await page.fill('#sign-in-password', clara.password);
  await page.press('#sign-in-password', 'Enter');
  await page.waitForURL(/\/suche/);
  await eventually(() => page.locator('.account-name').textContent()).toBe('Angemeldet als Clara Consens');
  expect(await notice.count()).toBe(0);
});

test('moving between signed-in areas shows each; signing out in another tab of this browser ends the session in this one too', async () => {
  const dora = { email: 'dora.doppel@niwe.example', name: 'Dora Doppel', password };
  await createAccount(stack, await stack.token('--role', 'admin', '--sub', 'admin'), { ...dora, kind: 'OFFICE', network: 'NIWE' });
  const page = await pages.signedIn(dora, '/anfragen');
  await eventually(() => page.locator('h1').textContent()).toBe('Anfragen');
  // Each area's code is its own chunk; the second one's arrival must show it ("Lädt …" stayed for good).
  await page.locator('header').getByRole('link', { name: 'Geschäftsstelle' }).click();
  await page.waitForURL(/\/geschaeftsstelle$/);
  await eventually(() => page.locator('h1').textContent()).toBe('Geschäftsstelle');
  expect(await page.locator('main [aria-busy="true"]').count()).toBe(0);

  // Another tab signs out: the browser's cookies are gone, and no request of this tab is ever refused with a 401.
  const other = await page.context().newPage();
  await other.goto(`${stack.gateway}/`);
  await other.locator('.sign-out').click();
  await eventually(() => other.locator('header').getByRole('link', { name: 'Anmelden', exact: true }).count()).toBe(1);
  await other.close();

  await page.locator('header').getByRole('link', { name: 'Anfragen', exact: true }).click();
  await page.waitForURL(/\/anfragen$/);
  await eventually(() => page.locator('main > .notice-warning[role="alert"]').count()).toBe(1);
  await eventually(() => page.locator('.account-name').count()).toBe(0);
  expect(await page.getByText('Noch keine Anfragen.').count()).toBe(0);
  expect(await page.locator('.notice-error').count()).toBe(0);
});

test('a list whose service failed says so in German and claims no emptiness; a cookie the gateway cannot read leaves public pages working', async () => {
  const erik = { email: 'erik.ersatz@niwe.example', name: 'Erik Ersatz', password };
  await createAccount(stack, await stack.token('--role', 'admin', '--sub', 'admin'), { ...erik, kind: 'OFFICE', network: 'NIWE' });
  const page = await pages.signedIn(erik);
  // Region did not answer: its field is null beside the gateway's error, the rest of the answer as it is.
  await page.route('**/graphql', async (route) => {
    if (route.request().postDataJSON()?.operationName !== 'MyInquiries') return route.continue();
    const error = {
      message: 'Service region did not answer within 10000 ms.',
      path: ['inquiries'],
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'region' },
    };
    return route.fulfill({ json: { data: { inquiries: null }, errors: [error] } });
  });
  await page.locator('header').getByRole('link', { name: 'Anfragen', exact: true }).click();
  await eventually(() => page.locator('.notice-error').textContent()).toBe(
    'Der Abruf ist fehlgeschlagen: Ein Teil des Systems antwortet gerade nicht; bitte versuchen Sie es in Kürze erneut.',
  );
  expect(await page.getByText('Noch keine Anfragen.').count()).toBe(0);

  // A session cookie signed with another key (the gateway's JWT_SECRET changed): refused, cleared, and the start page answers.
  const visitor = await pages.newPage();
  const forged = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', role: 'office', csrf: 'c', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url')}.c2lnbmF0dXJl`;
  await visitor.context().addCookies([
    { name: 'irm_session', value: forged, url: stack.gateway },
    { name: 'irm_csrf', value: 'c', url: stack.gateway },
  ]);
  await visitor.goto(`${stack.gateway}/`);
  await eventually(() => visitor.locator('.networks li').count()).toBe(3);
  expect(await visitor.locator('.notice-error').count()).toBe(0);
  await eventually(async () => (await visitor.context().cookies()).map((c) => c.name)).toEqual([]);
});

test('a write whose session ended elsewhere keeps its form and what was typed, and says to sign in', async () => {
  const frieda = { email: 'frieda.formular@niwe.example', name: 'Frieda Formular', password };
  await createAccount(stack, await stack.token('--role', 'admin', '--sub', 'admin'), { ...frieda, kind: 'OFFICE', network: 'NIWE' });
  const page = await pages.signedIn(frieda, '/anfragen/neu');
  await eventually(() => page.locator('#inquiry-title').count()).toBe(1);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.fill('#inquiry-title', 'Lagerbock gefräst');
  await page.fill('#inquiry-partDescription', 'Lagerbock nach Zeichnung, gefräst, entgratet');
  await page.locator('summary').filter({ hasText: /^3 / }).click();
  await page.check('input[name="processes"][value="3.2.3"]');
  await page.fill('#inquiry-quantities', '100, 1000');
  await page.fill('#inquiry-postalCode', '99974');
  await page.fill('#inquiry-quoteDeadline', `${day(10)}T12:00`);
  await page.fill('#inquiry-deliveryDate', day(40));
  const cookies = Object.fromEntries((await page.context().cookies()).map((c) => [c.name, c.value]));
  const out = await fetch(`${stack.gateway}/auth/logout`, {
    method: 'POST',
    headers: { cookie: `irm_session=${cookies.irm_session}; irm_csrf=${cookies.irm_csrf}`, 'x-csrf-token': cookies.irm_csrf },
  });
  expect(out.status).toBe(200);
  await page.press('#inquiry-deliveryDate', 'Enter');
  await eventually(() => page.locator('.notice-error').textContent()).toBe(
    'Das Senden ist fehlgeschlagen: Sie sind nicht (mehr) angemeldet; bitte melden Sie sich an.',
  );
  expect(await page.inputValue('#inquiry-title')).toBe('Lagerbock gefräst');
  expect((await page.context().cookies()).map((c) => c.name)).toEqual([]);
});
