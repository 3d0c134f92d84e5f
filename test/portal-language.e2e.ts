import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { eventually, expectAccessible, type PortalPages, startPortalStack, stopPortalStack } from './support/browser.ts';
import { createAccount } from './support/sessions.ts';
import type { Supervisor } from './support/supervisor.ts';

// What a form shows after its answer follows the language the visitor switches to in the header: the server's
// error at its field (from extensions.reason, its numbers in the language's notation), the portal's own check and the
// form's failure notice read in English after the switch and in German again after switching back, without sending
// the form again, and with what was typed kept. The pages kept such texts in the language they came in until the
// next submit; they keep what to say now and word it when they render (portal/src/said.tsx).

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

/** The header's language button, by the name it has in the language shown. */
async function switchTo(page: Page, language: 'de' | 'en') {
  await page.getByRole('button', { name: language === 'en' ? 'Switch to English' : 'Auf Deutsch umschalten' }).click();
  await eventually(() => page.locator('html').getAttribute('lang')).toBe(language);
}

/** `shown` reads `german`, `english` once the page is switched to English, and `german` again once it is switched back. */
async function readsBothWays(page: Page, shown: Locator, german: string, english: string) {
  await eventually(() => shown.textContent()).toBe(german);
  await switchTo(page, 'en');
  expect(await shown.textContent()).toBe(english);
  await switchTo(page, 'de');
  expect(await shown.textContent()).toBe(german);
}

test("a form's field errors and failure notice switch language with the page, its input kept and nothing sent again", async () => {
  const page = await pages.signedIn(office, '/mitglieder/neu');
  await eventually(() => page.locator('h1').textContent()).toBe('Mitglied anlegen');
  let sent = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql') && JSON.parse(request.postData() ?? '{}').operationName === 'CreateMember') sent++;
  });
  const typed = { '#member-name': 'Sprachwechsel GmbH', '#member-postalCode': '37269', '#member-city': 'Eschwege', '#member-employees': '2000000' };
  for (const [field, value] of Object.entries(typed)) await page.fill(field, value);
  const employees = page.locator('#member-employees');
  const error = page.locator('#member-employees-error');

  // The server's refusal with its reason (OUT_OF_RANGE, min 1, max 1 000 000), at its field.
  await page.press('#member-employees', 'Enter');
  await eventually(() => error.textContent()).toBe('Bitte geben Sie eine ganze Zahl von 1 bis 1.000.000 ein.');
  await switchTo(page, 'en');
  expect(await error.textContent()).toBe('Please enter a whole number from 1 to 1,000,000.');
  expect(await employees.getAttribute('aria-invalid')).toBe('true');
  expect(await employees.getAttribute('aria-describedby')).toBe('member-employees-error');
  for (const [field, value] of Object.entries(typed)) expect(await page.inputValue(field)).toBe(value);
  await expectAccessible(page);
  await switchTo(page, 'de');
  expect(await error.textContent()).toBe('Bitte geben Sie eine ganze Zahl von 1 bis 1.000.000 ein.');
  expect(sent).toBe(1);

  // The portal's own check, before anything is sent.
  await employees.fill('zwölf');
  await page.press('#member-employees', 'Enter');
  await readsBothWays(
    page,
    error,
    'Bitte geben Sie die Zahl der Beschäftigten als ganze Zahl ein, z. B. 25.',
    'Please enter the number of employees as a whole number, e.g. 25.',
  );
  expect(await page.inputValue('#member-employees')).toBe('zwölf');
  expect(sent).toBe(1);

  // A failure about no field: the form's notice, as when part of the system does not answer.
  await page.route('**/graphql', async (route) => {
    if (JSON.parse(route.request().postData() ?? '{}').operationName !== 'CreateMember') return route.continue();
    await route.fulfill({ json: { data: null, errors: [{ message: 'Service region is unavailable.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] } });
  });
  await employees.fill('12');
  await page.press('#member-employees', 'Enter');
  await readsBothWays(
    page,
    page.locator('.member-form [role="alert"]'),
    'Das Senden ist fehlgeschlagen: Ein Teil des Systems antwortet gerade nicht; bitte versuchen Sie es in Kürze erneut.',
    'The request failed: Part of the system is not answering right now; please try again shortly.',
  );
  expect(await page.inputValue('#member-name')).toBe('Sprachwechsel GmbH');
  expect(sent).toBe(2);
  await page.unroute('**/graphql');
});

test("a process is named in the page's language: the filter, the facets, a hit's reasons and processes, a profile", async () => {
  const page = await pages.newPage();
  await page.goto(`${stack.gateway}/suche?p=3.2.3`);
  const hit = page.locator('.hit').first();
  await eventually(() => hit.locator('.reasons').textContent()).toBe('Gefunden wegen: Verfahren 3.2.3 Fräsen');
  // The graph names a process in German (the standard's name); the English page took that name as it came.
  await switchTo(page, 'en');
  expect(await hit.locator('.reasons').textContent()).toBe('Found for: processes 3.2.3 Milling');
  expect(await hit.locator('.processes').textContent()).toContain('Milling');
  expect(await page.locator('.facet').nth(1).locator('a').first().textContent()).toMatch(/^Separating \d+$/);
  expect(await page.getByRole('checkbox', { name: '3.2.3 Milling' }).isChecked()).toBe(true);
  await switchTo(page, 'de');
  expect(await hit.locator('.processes').textContent()).toContain('Fräsen');
  expect(await page.getByRole('checkbox', { name: '3.2.3 Fräsen' }).isChecked()).toBe(true);

  await hit.locator('h3 a').click();
  // The member's own list of processes, after those of its services.
  const processes = page.locator('ul.tags', { has: page.locator('a[href*="p=3.2.3"]') }).last();
  await eventually(() => processes.textContent()).toContain('3.2.3 Fräsen');
  await switchTo(page, 'en');
  expect(await processes.textContent()).toContain('3.2.3 Milling');
  expect(await processes.textContent()).not.toMatch(/Fräsen|Drehen/);
  await expectAccessible(page);
});
