import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { regionDay } from '../shared/region-day.ts';
import { eventually, expectAccessible, loseFirstAnswer, type PortalPages, screenshot, startPortalStack, stopPortalStack } from './support/browser.ts';
import { inquiryInput } from './support/inquiries.ts';
import { createAccount } from './support/sessions.ts';
import type { Supervisor } from './support/supervisor.ts';

// The network office's pages against `npm start`, in Debian's chromium: a CSV import whose two bad rows are
// reported before anything is written, fixed and imported whole (the members are then found); the capacity
// balance chart of a fixture posted through the graph, whose bars and table hold the hand-computed hours; the
// audit log paged by cursor; the inquiries the office's members are invited to; the expiring certificates. Every state passes axe-core's WCAG 2.1 AA rules.

let stack: Supervisor;
let browser: Browser;
let pages: PortalPages;
let admin: string;
const office = { email: 'office@niwe.example', name: 'Olga Office', password: 'Werra-Meissner-2026' };

async function graph(query: string, variables: Record<string, unknown> = {}) {
  const result = await stack.query({ query, variables }, admin);
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function firstMember(network: string): Promise<string> {
  const data = await graph('query($n: NetworkCode!) { network(code: $n) { members(first: 1) { edges { node { id } } } } }', { n: network });
  return data.network.members.edges[0].node.id;
}

// The fixture, machine hours of 3.2.3 Fräsen in ISO weeks 2027-W09 (1–5 March) and W10 (8–12 March); a post's hours
// spread evenly over its window's working days (README "Capacity exchange"):
// - NIWE offers 80 h for 1–12 March, 10 working days: 40 h in W09, 40 h in W10;
// - LINAT offers 30 h for Thursday 4 to Tuesday 9 March, 4 working days: 15 h in W09 (Thu, Fri), 15 h in W10 (Mon, Tue);
// - KONAT requests 60 h for 8–12 March: 60 h in W10;
// - KONAT books 20 h of NIWE's offer for 8–9 March, confirmed: 20 h booked in W10, counted for NIWE, the offering network.
// Balance = offered − requested. The region is the sum of the networks.
const expected: Record<string, Record<string, [offered: number, requested: number, booked: number, balance: number]>> = {
  '': { '2027-W09': [55, 0, 0, 55], '2027-W10': [55, 60, 20, -5] },
  NIWE: { '2027-W09': [40, 0, 0, 40], '2027-W10': [40, 0, 20, 40] },
  LINAT: { '2027-W09': [15, 0, 0, 15], '2027-W10': [15, 0, 0, 15] },
  KONAT: { '2027-W09': [0, 0, 0, 0], '2027-W10': [0, 60, 0, -60] },
};

beforeAll(async () => {
  ({ stack, browser, pages } = await startPortalStack());
  admin = await stack.token('--role', 'admin', '--sub', 'admin');
  await createAccount(stack, admin, { ...office, kind: 'OFFICE', network: 'NIWE' });
  const [niwe, linat, konat] = await Promise.all(['NIWE', 'LINAT', 'KONAT'].map(firstMember));
  const post = async (input: Record<string, unknown>) =>
    (await graph('mutation($input: CapacityPostInput!) { postCapacity(input: $input) { id } }', { input })).postCapacity.id as string;
  const machine = { kind: 'MACHINE_HOURS', process: '3.2.3', postalCode: '37269' };
  const offer = await post({ ...machine, side: 'OFFER', memberId: niwe, hours: 80, from: '2027-03-01', to: '2027-03-12' });
  await post({ ...machine, side: 'OFFER', memberId: linat, hours: 30, from: '2027-03-04', to: '2027-03-09' });
  await post({ ...machine, side: 'REQUEST', memberId: konat, hours: 60, from: '2027-03-08', to: '2027-03-12' });
  const booking = await graph(
    'mutation($o: ID!, $m: ID!) { bookCapacity(offerId: $o, hours: 20, from: "2027-03-08", to: "2027-03-09", memberId: $m) { id } }',
    {
      o: offer,
      m: konat,
    },
  );
  await graph('mutation($id: ID!) { confirmCapacityBooking(id: $id) { status } }', { id: booking.bookCapacity.id });
}, 240_000);

afterAll(() => stopPortalStack(stack, browser));

afterEach(async () => {
  expect(await pages.close()).toEqual([]);
});

const signedInPage = () => pages.signedIn(office);

const header = 'Name;Straße;PLZ;Ort;Mitarbeiter\r\n';
const rows = (postalCodeBeta: string, employeesDelta: string) =>
  [
    'Importtest Alpha Fräserei GmbH;Werrastraße 1;37269;Eschwege;12',
    `Importtest Beta Dreherei GmbH;Werrastraße 2;${postalCodeBeta};Eschwege;30`,
    'Importtest Gamma Härterei GmbH;Werrastraße 3;37213;Witzenhausen;8',
    `Importtest Delta Gießerei GmbH;Werrastraße 4;99817;Eisenach;${employeesDelta}`,
    'Importtest Epsilon Schleiferei GmbH;Werrastraße 5;99974;Mühlhausen;5',
  ].join('\r\n');
// As German Excel saves "CSV UTF-8": a byte-order mark, semicolons, CRLF.
const csvFile = (body: string) => ({ name: 'mitglieder.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${header}${body}\r\n`, 'utf8') });
const importedCount = async () => (await graph('{ members(filter: { text: "Importtest" }) { totalCount } }')).members.totalCount as number;

test('an office imports a CSV: both bad rows are reported before anything is written, fixed the file imports whole', async () => {
  const page = await signedInPage();
  await page.getByRole('link', { name: 'Geschäftsstelle' }).click();
  await page.waitForURL(/\/geschaeftsstelle$/);
  await eventually(() => page.locator('h1').textContent()).toBe('Geschäftsstelle');
  await expectAccessible(page);
  await screenshot(page, 'office-overview');
  await page.getByRole('link', { name: 'Mitglieder importieren und exportieren' }).click();
  await eventually(() => page.locator('h1').textContent()).toBe('Mitglieder importieren');
  await expectAccessible(page);

  await page.setInputFiles('#import-file', csvFile(rows('3721x', 'viele')));
  await page.locator('button[type="submit"]').focus();
  await page.keyboard.press('Enter');
  const errorRows = page.locator('.import-errors tbody tr');
  await eventually(() => errorRows.count()).toBe(2);
  const cells = async (row: number) => errorRows.nth(row).locator('td').allTextContents();
  // Row, column, then what to fix, in the visitor's language from its reason (the server's English message names
  // "3721x" and "viele"); the field's technical name last.
  expect(await cells(0)).toEqual([
    '3',
    'PLZ',
    'Bitte geben Sie eine deutsche Postleitzahl ein: fünf Ziffern von 01001 bis 99998, z. B. 37269.',
    'Wert korrigieren',
    'postalCode',
  ]);
  expect((await cells(1)).slice(0, 3)).toEqual(['5', 'Mitarbeiter', 'Bitte geben Sie eine ganze Zahl ein, z. B. 120 oder 1.250.']);
  expect((await cells(1))[4]).toBe('employees');
  expect(await page.locator('.import-report [role="alert"]').textContent()).toMatch(/^2 Fehler gefunden\. Es wurde nichts geschrieben/);
  // The report's heading has the focus, so a screen reader reads the report next.
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('import-report-heading');
  expect(await page.locator('button.import-all').count()).toBe(0);
  expect(await importedCount()).toBe(0);
  await expectAccessible(page);
  await screenshot(page, 'office-import-errors');

  await page.setInputFiles('#import-file', csvFile(rows('37216', '40')));
  expect(await page.locator('.import-report').count()).toBe(0);
  await page.locator('button[type="submit"]').click();
  await eventually(() => page.locator('.import-report [role="status"]').textContent()).toBe('Keine Fehler: Die Datei kann importiert werden (5 Mitglieder).');
  expect(await importedCount()).toBe(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Alle 5 Mitglieder importieren' }).click();
  await eventually(() => page.locator('.import-report [role="status"]').textContent()).toBe('5 Mitglieder importiert.');
  expect(await page.locator('.import-report tbody tr').count()).toBe(5);
  await expectAccessible(page);
  await screenshot(page, 'office-import-done');
  expect(await importedCount()).toBe(5);

  // The export link downloads the network's list in the Excel form, the imported members in it.
  const href = await page.getByRole('link', { name: 'Für Excel herunterladen (Semikolons)' }).getAttribute('href');
  expect(href).toBe('/export/members.csv?network=NIWE&form=excel');
  const exported = (await page.evaluate(`fetch(${JSON.stringify(href)}).then((r) => r.text())`)) as string;
  expect(exported.match(/Importtest [A-Za-z]+/g)?.sort()).toEqual([
    'Importtest Alpha',
    'Importtest Beta',
    'Importtest Delta',
    'Importtest Epsilon',
    'Importtest Gamma',
  ]);

  // The members are found by the portal's search.
  await page.goto(`${stack.gateway}/suche?q=Importtest`);
  await eventually(() => page.locator('.hit').count()).toBe(5);
});

/** The import page, with the requests of importMembers counted in `sent`, a file checked by `check`. */
async function importPage() {
  const page = await signedInPage();
  await page.getByRole('link', { name: 'Geschäftsstelle' }).click();
  await page.getByRole('link', { name: 'Mitglieder importieren und exportieren' }).click();
  await eventually(() => page.locator('h1').textContent()).toBe('Mitglieder importieren');
  const sent: string[] = [];
  page.on('request', (request) => request.url().endsWith('/graphql') && request.postDataJSON()?.operationName === 'ImportMembersFile' && sent.push('import'));
  const check = async (text: string) => {
    await page.setInputFiles('#import-file', { name: 'mitglieder.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`, 'utf8') });
    await page.locator('button[type="submit"]').click();
  };
  const atFile = () => page.locator('#import-file-error').textContent();
  const focused = () => page.evaluate('document.activeElement?.id');
  return { page, sent, check, atFile, focused };
}
const split = 'Bitte teilen Sie die Liste in mehrere Dateien mit je höchstens 1.000 Zeilen und 512 KB und importieren Sie sie nacheinander.';

test('the capacity balance chart and its table show the hand-computed hours per week, for the region and each network', async () => {
  const page = await signedInPage();
  await page.goto(`${stack.gateway}/geschaeftsstelle/kapazitaet?von=2027-03-01&bis=2027-03-14&art=MACHINE_HOURS`);
  await eventually(() => page.locator('#capacity-system').inputValue()).toBe('MACHINE_HOURS|3.2.3');
  const german = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
  const series = ['offeredHours', 'requestedHours', 'bookedHours', 'balanceHours'];
  const check = async (scope: string) => {
    const want = expected[scope];
    await eventually(() => page.locator('.capacity-table caption').textContent()).toBe(`Kapazität 3.2.3, ${scope || 'ganze Region'}, in Stunden`);
    expect(await page.locator('.capacity-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-week')))).toEqual(Object.keys(want));
    // The bars as the browser draws them (a stylesheet can override an SVG attribute), with the hours each stands for.
    const bars: { week: string; series: string; hours: number; height: number; top: number; bottom: number }[] = await page
      .locator('.capacity-chart rect.chart-bar[data-series]')
      .evaluateAll((rects) =>
        rects.map((r) => {
          const box = r.getBoundingClientRect();
          return {
            week: r.closest('[data-week]')!.getAttribute('data-week')!,
            series: r.getAttribute('data-series')!,
            hours: Number(r.getAttribute('data-hours')),
            height: box.height,
            top: box.top,
            bottom: box.bottom,
          };
        }),
      );
    expect(bars.map((b) => [b.week, b.series, b.hours])).toEqual(
      Object.entries(want).flatMap(([week, values]) => values.map((hours, i) => [week, series[i], hours])),
    );
    // Heights are proportional to the hours, one scale for every bar: positive bars stand on the zero line, a negative balance hangs below it.
    const tallest = bars.reduce((a, b) => (Math.abs(b.hours) > Math.abs(a.hours) ? b : a));
    const pixelsPerHour = tallest.height / Math.abs(tallest.hours);
    expect(pixelsPerHour).toBeGreaterThan(1);
    for (const bar of bars) expect(bar.height).toBeCloseTo(Math.abs(bar.hours) * pixelsPerHour, 1);
    const zeroLine = bars.find((b) => b.hours > 0)!.bottom;
    for (const bar of bars.filter((b) => b.hours > 0)) expect(bar.bottom).toBeCloseTo(zeroLine, 1);
    for (const bar of bars.filter((b) => b.hours < 0)) expect(bar.top).toBeCloseTo(zeroLine, 1);
    for (const [week, values] of Object.entries(want)) {
      const row = page.locator(`.capacity-table tr[data-week="${week}"] td`);
      expect(await row.allTextContents()).toEqual(values.map((v) => german.format(v)));
    }
  };
  await check('');
  await expectAccessible(page);
  await screenshot(page, 'office-capacity-region');
  for (const scope of ['NIWE', 'LINAT', 'KONAT']) {
    // By keyboard: the arrow key moves the scope's select to the next network (region, NIWE, LINAT, KONAT).
    await page.locator('#capacity-scope').focus();
    await page.keyboard.press('ArrowDown');
    await check(scope);
  }
  expect(new URL(page.url()).searchParams.get('bereich')).toBe('KONAT');
  await expectAccessible(page);
  await screenshot(page, 'office-capacity-konat');

  // A range the region refuses gets its message at the field.
  await page.fill('#capacity-to', '2026-12-01');
  await page.press('#capacity-to', 'Enter');
  await eventually(() => page.locator('#capacity-to-error').textContent()).toBe(
    'Dieser Wert widerspricht „Von“ (etwa ein Ende vor dem Beginn); bitte prüfen Sie beide.',
  );
  expect(await page.locator('#capacity-to').getAttribute('aria-invalid')).toBe('true');
  await expectAccessible(page);

  // In English, with English number formatting.
  await page.goto(`${stack.gateway}/geschaeftsstelle/kapazitaet?von=2027-03-01&bis=2027-03-14&art=MACHINE_HOURS&bereich=KONAT`);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => page.locator('h1').textContent()).toBe('Capacity balance');
  await eventually(() => page.locator('.capacity-table tr[data-week="2027-W10"] td').allTextContents()).toEqual(['0', '60', '0', '-60']);
  await expectAccessible(page);
});

test('the audit log pages by cursor through the import’s entries; the inquiries list shows the office’s invited members', async () => {
  const page = await signedInPage();
  await page.goto(`${stack.gateway}/geschaeftsstelle/protokoll`);
  const rows = page.locator('.audit-table tbody tr');
  // Newest first: the import test's 5 members (an entry each) and the import as a whole, then the seeded members' entries.
  await eventually(() => rows.count()).toBe(20);
  await expectAccessible(page);
  await screenshot(page, 'office-audit');
  const texts = async () => rows.evaluateAll((trs) => trs.map((tr) => tr.textContent));
  const all = await texts();
  // Each member imported is an entry of its own, the import as a whole one more (its target NIWE:members); the office wrote them,
  // named by the account's name and e-mail, not its id (acc-…).
  const newest = await rows.evaluateAll((trs) => trs.slice(0, 6).map((tr) => [...tr.querySelectorAll('td')].slice(1, 4).map((td) => td.textContent)));
  expect(
    newest.filter(
      ([who, action, target]) =>
        who === `${office.name} Geschäftsstelle NIWE, ${office.email}` && action === 'Mitglied importiert' && /\S NIWE:m-\d+$/.test(target ?? ''),
    ),
  ).toHaveLength(5);
  expect(await rows.first().getByRole('link', { name: office.email }).getAttribute('href')).toBe(`mailto:${office.email}`);
  expect(newest.filter(([, action, target]) => action === 'Mitglieder importiert' && target === 'NIWE:members')).toHaveLength(1);
  await page.locator('#audit-page-size').selectOption('5');
  await eventually(() => texts()).toEqual(all.slice(0, 5));
  await page.getByRole('button', { name: 'Ältere Einträge' }).click();
  await eventually(() => page.locator('#audit-table-heading').textContent()).toBe('Seite 2');
  await eventually(() => texts()).toEqual(all.slice(5, 10));
  await page.getByRole('button', { name: 'Ältere Einträge' }).click();
  await eventually(() => texts()).toEqual(all.slice(10, 15));
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Neuere Einträge' }).click();
  await eventually(() => page.locator('#audit-table-heading').textContent()).toBe('Seite 2');
  await eventually(() => texts()).toEqual(all.slice(5, 10));
  await page.getByRole('button', { name: 'Neuere Einträge' }).click();
  await eventually(() => texts()).toEqual(all.slice(0, 5));
  // The first page has no newer entries: the button went, the focus is on the table's heading.
  expect(await page.getByRole('button', { name: 'Neuere Einträge' }).count()).toBe(0);
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('audit-table-heading');

  await page.getByRole('link', { name: 'Zurück zur Übersicht der Geschäftsstelle' }).click();
  await page.getByRole('link', { name: 'Anfragen an unsere Mitglieder' }).click();
  await eventually(() => page.locator('h1').textContent()).toBe('Anfragen an unsere Mitglieder');
  await eventually(() => page.locator('main').textContent()).toContain('Ihre Mitglieder sind zu keiner Anfrage eingeladen.');
  await expectAccessible(page);

  // A customer's inquiry, published to the ten best suppliers of the region: the office sees it with its own members' invitations only.
  const customer = await stack.token('--role', 'partner', '--sub', 'zulieferer-ag');
  const created = await stack.query(
    {
      query: 'mutation($input: InquiryInput!) { createInquiry(input: $input) { id version } }',
      variables: { input: inquiryInput({ title: 'Frästeil Gehäusedeckel', processes: ['3.2.3'], deliveryLocation: { postalCode: '37269' } }) },
    },
    customer,
  );
  expect(created.errors).toBeUndefined();
  const { id, version } = created.data.createInquiry;
  const published = await stack.query(
    {
      query: 'mutation($id: ID!, $v: Int!) { publishInquiry(id: $id, version: $v, invite: 10) { invitations { network member { name } } } }',
      variables: { id, v: version },
    },
    customer,
  );
  expect(published.errors).toBeUndefined();
  const invitations: { network: string; member: { name: string } }[] = published.data.publishInquiry.invitations;
  const ours = invitations.filter((i) => i.network === 'NIWE').map((i) => `${i.member.name}: eingeladen`);
  expect(ours.length).toBeGreaterThan(0);
  expect(ours.length).toBeLessThan(invitations.length);
  await page.reload();
  const row = page.locator('.office-inquiries tbody tr');
  await eventually(() => row.count()).toBe(1);
  expect(await row.locator('th').textContent()).toBe('Frästeil Gehäusedeckel');
  expect(await row.locator('td').nth(0).textContent()).toBe('offen');
  expect((await row.locator('li').allTextContents()).sort()).toEqual(ours.sort());
  await expectAccessible(page);
  await screenshot(page, 'office-inquiries');
});

// After the audit log test, which reads the import test's entries as the newest ones of the log.
test('a file larger than the import takes is said at the field before it is sent; a 413 all the same in German', async () => {
  const { page, sent, check, atFile, focused } = await importPage();
  // 800 KB: said at the file before it is read and sent. It went as 1.07 MB of base64, and the gateway's English
  // 413 stood on the German page ("Das Senden ist fehlgeschlagen: Request body is too large …").
  await check(`Name;PLZ;Ort;Beschreibung\r\nGroß GmbH;37269;Eschwege;${'x'.repeat(800 * 1024)}\r\n`);
  await eventually(atFile).toBe(`Die Datei ist zu groß (801 KB); erlaubt sind höchstens 512 KB. ${split}`);
  expect(await focused()).toBe('import-file');
  expect(sent).toEqual([]);
  expect(await page.locator('.office-form [role="alert"]').count()).toBe(0);

  // A 413 that comes all the same (a proxy with a lower limit) is said in German, at the file.
  await page.route('**/graphql', (route) =>
    route.request().postDataJSON()?.operationName === 'ImportMembersFile'
      ? route.fulfill({
          status: 413,
          json: {
            errors: [
              {
                message: 'Request body is too large: at most 1 MB (1048576 bytes); send files as attachments.',
                extensions: { code: 'BAD_REQUEST', max: 1048576 },
              },
            ],
          },
        })
      : route.continue(),
  );
  await check('Name;PLZ;Ort\r\nKlein GmbH;37269;Eschwege\r\n');
  await eventually(atFile).toBe(`Die Datei ist zu groß; erlaubt sind höchstens 512 KB. ${split}`);
  expect(await focused()).toBe('import-file');
  await page.unroute('**/graphql');
  // The browser's own line for the refused request, not the page's.
  pages.errors.splice(0, pages.errors.length, ...pages.errors.filter((error) => !/status of 413/.test(error)));
});

test('an error about the file says what the server names: the rows and the limit, the two columns, the line; a repeated row its first', async () => {
  const { page, check, atFile, focused } = await importPage();
  // 1,500 rows: how many, the limit, and to split the file.
  await check(`Name;PLZ;Ort\r\n${Array.from({ length: 1500 }, (_, i) => `Massentest ${i} GmbH;37269;Eschwege`).join('\r\n')}\r\n`);
  await eventually(atFile).toBe(`Die Datei hat 1.500 Mitgliederzeilen; der Import nimmt höchstens 1.000 auf einmal. ${split}`);
  expect(await focused()).toBe('import-file');

  // Two columns of the name: which two, in German from the error's extensions (the server's English stood beside it).
  await check('Firma;Name;Vorname;PLZ;Ort\r\nNeu GmbH;Neumann;Nina;99817;Eisenach\r\n');
  await eventually(atFile).toBe('Die Spalten „Firma“ und „Name“ füllen dasselbe Feld; bitte löschen Sie eine davon oder benennen Sie sie um.');

  // A file decoded twice over (UTF-8 read as Windows-1252 and saved again): its line and what went wrong.
  await check('Name;PLZ;Ort\r\nNeu GmbH;99817;Eisenach\r\nHÃ¤rterei Neu;99817;Eisenach\r\n');
  await eventually(atFile).toBe(
    'Zeile 3 enthält „Ã¤“, wo ein Umlaut stehen sollte: Die Datei wurde in der falschen Kodierung gelesen und so gespeichert. Bitte korrigieren Sie die Umlaute oder speichern Sie die Liste in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“.',
  );

  // The same company twice: the row names the row it repeats.
  await check(
    'Name;Straße;Hausnr.;PLZ;Ort;Mobil\r\nDoppelt GmbH;Am Markt;1;99817;Eisenach;0171 1234567\r\nEinmal GmbH;Am Markt;2;99817;Eisenach;\r\nDoppelt GmbH;Am Markt;1;99817;Eisenach;\r\n',
  );
  const errorRows = page.locator('.import-errors tbody tr');
  await eventually(() => errorRows.count()).toBe(1);
  expect((await errorRows.first().locator('td').allTextContents()).slice(0, 3)).toEqual([
    '4',
    'Name',
    'Dieses Unternehmen (gleicher Name, gleiche Postleitzahl) steht schon in Zeile 2 der Datei; bitte entfernen Sie eine der beiden Zeilen.',
  ]);
  await expectAccessible(page);
});

// After the import test, whose members this file lists again.
test('an edited export imports its new rows with existing members skipped, the skipped counted; without, each is named', async () => {
  const { page, check } = await importPage();
  const edited = `${header}${rows('37216', '40')}\r\nImporttest Zeta Lackiererei GmbH;Werrastraße 6;37269;Eschwege;7\r\n`;
  await check(edited);
  const errorRows = page.locator('.import-errors tbody tr');
  await eventually(() => errorRows.count()).toBe(5);
  const [alpha] = (await graph('{ members(filter: { text: "Importtest Alpha" }) { edges { node { id } } } }')).members.edges;
  expect((await errorRows.first().locator('td').allTextContents()).slice(0, 3)).toEqual([
    '2',
    'Name',
    `Dieses Unternehmen (gleicher Name, gleiche Postleitzahl) ist schon Mitglied des Netzwerks: „Importtest Alpha Fräserei GmbH“ (${alpha.node.id}). Der Import legt nur neue Mitglieder an; bitte entfernen Sie die Zeile oder lassen Sie vorhandene Mitglieder überspringen.`,
  ]);

  // Skipped: the check says how many, and the one new row is imported.
  await page.locator('#import-skip-existing').check();
  expect(await page.locator('label:has(#import-skip-existing)').textContent()).toMatch(
    /^ ?Vorhandene Mitglieder überspringen \(gleicher Name und gleiche Postleitzahl\)/,
  );
  expect(await page.locator('.import-report').count()).toBe(0);
  await page.locator('button[type="submit"]').click();
  await eventually(() => page.locator('.import-report [role="status"]').textContent()).toBe('Keine Fehler: Die Datei kann importiert werden (1 Mitglied).');
  expect(await page.locator('.import-report .import-skipped').textContent()).toBe('5 Zeilen werden übersprungen: Ihre Mitglieder gibt es schon.');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Das eine Mitglied importieren' }).click();
  await eventually(() => page.locator('.import-report [role="status"]').textContent()).toBe('1 Mitglied importiert.');
  expect(await page.locator('.import-report .import-skipped').textContent()).toBe('5 Zeilen wurden übersprungen: Ihre Mitglieder gibt es schon.');
  expect(await page.locator('.import-report tbody tr').allTextContents()).toEqual(['Importtest Zeta Lackiererei GmbH37269 Eschwege']);
  expect(await importedCount()).toBe(6);
  await expectAccessible(page);
});

test('the columns the import does not know are said above the report, not only in the folded list, also at 360 px', async () => {
  const { page, check } = await importPage();
  await check('Name;Straße;Hausnr.;PLZ;Ort;Mobil\r\nDoppelt GmbH;Am Markt;1;99817;Eisenach;0171 1234567\r\nDoppelt GmbH;Am Markt;1;99817;Eisenach;\r\n');
  await eventually(() => page.locator('.import-errors tbody tr').count()).toBe(1);
  const dropped = page.locator('.import-report > .import-dropped');
  expect(await dropped.isVisible()).toBe(true);
  expect(await dropped.textContent()).toMatch(/^Diese Spalten der Datei kennt der Import nicht; ihre Werte werden nicht übernommen: „Hausnr\.“ und „Mobil“\./);
  await expectAccessible(page);

  // Without the duplicate: the columns are said before the office imports, above the button.
  await check('Name;Straße;Hausnr.;PLZ;Ort;Mobil\r\nSpaltentest GmbH;Am Markt;1;99817;Eisenach;0171 1234567\r\n');
  await eventually(() => page.locator('button.import-all').count()).toBe(1);
  expect(await dropped.textContent()).toMatch(/„Hausnr\.“ und „Mobil“/);
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('import-report-heading');
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await dropped.isVisible()).toBe(true);
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await screenshot(page, 'office-import-columns-not-imported');
  // Nothing of it was written.
  expect((await graph('{ members(filter: { text: "Spaltentest" }) { totalCount } }')).members.totalCount).toBe(0);
});

test('the capacity balance starts at the region’s today, not the browser’s', async () => {
  // A zone whose day is not Berlin's now: Kiritimati (UTC+14) is a day ahead from Berlin's late morning on, Pago Pago
  // (UTC−11) a day behind until Berlin's noon; the page took the browser's day, a day off there.
  const dayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const timezoneId = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'].find((zone) => dayIn(zone) !== regionDay())!;
  const page = await pages.signedIn(office, undefined, { timezoneId });
  expect(await page.evaluate('new Date().getDate()')).toBe(Number(dayIn(timezoneId).slice(8)));
  await page.goto(`${stack.gateway}/geschaeftsstelle/kapazitaet`);
  await eventually(() => page.locator('#capacity-from').inputValue()).toBe(regionDay());
  const twelveWeeks = new Date(Date.parse(`${regionDay()}T00:00:00Z`) + 83 * 86_400_000).toISOString().slice(0, 10);
  expect(await page.locator('#capacity-to').inputValue()).toBe(twelveWeeks);
});

test("expiring certificates: lapsed and running out in two tables, the window chosen and kept in the URL; the profile warns (and keeps a description's lines)", async () => {
  const inDays = (days: number) => new Date(Date.parse(`${regionDay()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const created: Record<string, string> = {};
  for (const [name, days] of [
    ['Zertifikat Bald Härterei GmbH', 13],
    ['Zertifikat Abgelaufen Fräserei GmbH', -20],
    ['Zertifikat Später Dreherei GmbH', 150],
  ] as const) {
    const input = {
      name,
      postalCode: '37269',
      city: 'Eschwege',
      certifications: [{ standard: 'IATF 16949', number: `Z-${days}`, validUntil: inDays(days) }],
      services: [{ title: 'Einsatzhärten', description: 'Chargen bis 500 kg\nHärtetiefe bis 2 mm' }],
    };
    created[name] = (await graph('mutation($input: MemberInput!) { createMember(network: NIWE, input: $input) { id } }', { input })).createMember.id;
  }
  const page = await signedInPage();
  await page.goto(`${stack.gateway}/geschaeftsstelle`);
  await page.click('a:has-text("Ablaufende Zertifikate")');
  await eventually(() => page.locator('h1').textContent()).toBe('Ablaufende Zertifikate');
  const rowOf = (table: string, name: string) => page.locator(`section[aria-labelledby="certificates-${table}"] tr`, { hasText: name });
  await eventually(() => rowOf('lapsed', 'Zertifikat Abgelaufen').textContent()).toContain('seit 20 Tagen abgelaufen');
  expect(await rowOf('running', 'Zertifikat Bald').textContent()).toContain('IATF 16949 (Nr. Z-13)');
  expect(await rowOf('running', 'Zertifikat Bald').textContent()).toContain('läuft in 13 Tagen ab');
  expect(await rowOf('running', 'Zertifikat Abgelaufen').count()).toBe(0);
  expect(await rowOf('running', 'Zertifikat Später').count()).toBe(0);
  expect(await page.locator('#certificates-running').textContent()).toBe('Laufen in den nächsten 90 Tagen ab');
  await expectAccessible(page);
  await screenshot(page, 'office-certificates');

  await page.selectOption('#certificates-window', '180');
  await eventually(() => rowOf('running', 'Zertifikat Später').textContent()).toContain('läuft in 150 Tagen ab');
  expect(new URL(page.url()).searchParams.get('tage')).toBe('180');
  // The member's name leads to its edit page.
  await rowOf('running', 'Zertifikat Bald').locator('a').click();
  await eventually(() => page.locator('#member-name').inputValue()).toBe('Zertifikat Bald Härterei GmbH');

  // The public profile says it runs out, in the warning colour, rather than a plain "valid".
  await page.goto(`${stack.gateway}/mitglied/${encodeURIComponent(created['Zertifikat Bald Härterei GmbH'])}`);
  const certificate = page.locator('.certificates li', { hasText: 'IATF 16949' });
  await eventually(() => certificate.getAttribute('class')).toBe('expiring');
  expect(await certificate.locator('span').last().textContent()).toMatch(/^! gültig bis .+, läuft in 13 Tagen ab$/);
  // A service's description keeps the lines it was written in (they ran into one before): innerText, as rendered,
  // since textContent has the line break whatever the page's style.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines are what is checked
  expect(await page.locator('.service p', { hasText: 'Chargen' }).innerText()).toBe('Chargen bis 500 kg\nHärtetiefe bis 2 mm');
  await expectAccessible(page);
});

test('the audit log says what a change changed, field by field, beside the member’s name', async () => {
  const found = await stack.query(
    { query: '{ members(first: 1, filter: { networks: [NIWE], text: "Eschwege" }) { edges { node { id name postalCode version } } } }' },
    admin,
  );
  const member = found.data.members.edges[0].node;
  const changed = await stack.query(
    {
      query: 'mutation($id: ID!, $v: Int!) { updateMember(id: $id, version: $v, input: { postalCode: "37276", city: "Meinhard", employees: 31 }) { id } }',
      variables: { id: member.id, v: member.version },
    },
    admin,
  );
  expect(changed.errors).toBeUndefined();
  const page = await signedInPage();
  await page.goto(`${stack.gateway}/geschaeftsstelle/protokoll`);
  const newest = page.locator('.audit-table tbody tr').first();
  await eventually(() => newest.locator('td').nth(2).textContent()).toBe('Mitglied geändert');
  // The member by name, a link to its profile; the changed fields alone, not the two whole records (the self-service probe).
  await eventually(() => newest.locator('td').nth(3).textContent()).toBe(`${member.name} ${member.id}`);
  expect(await newest.getByRole('link', { name: member.name }).getAttribute('href')).toBe(`/mitglied/${member.id}`);
  const changes = await newest
    .locator('.audit-changes > div')
    .evaluateAll((rows) => rows.map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent]));
  // In the order the log keeps the fields (jsonb's, by the keys' length).
  expect(changes.filter(([field]) => ['PLZ', 'Ort', 'Beschäftigte'].includes(field ?? ''))).toEqual([
    ['Ort', expect.stringMatching(/ → Meinhard$/)],
    ['Beschäftigte', expect.stringMatching(/ → 31$/)],
    ['PLZ', `${member.postalCode} → 37276`],
  ]);
  expect(changes.map(([field]) => field)).not.toContain('Name');
  await expectAccessible(page);
});

test('the audit log names who wrote by their account, an archived one too; a subject no account has stays an id, in German and English', async () => {
  const created = await stack.query(
    {
      query: 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
      variables: { input: { email: 'otto@niwe.example', name: 'Otto Gegangen', password: office.password, kind: 'OFFICE', network: 'NIWE' } },
    },
    admin,
  );
  expect(created.errors).toBeUndefined();
  const otto = created.data.createAccount.id as string;
  const member = await firstMember('NIWE');
  const update = async (sub: string, employees: number) => {
    const token = await stack.token('--role', 'office', '--network', 'NIWE', '--sub', sub);
    const res = await stack.query(
      { query: 'mutation($id: ID!, $e: Int!) { updateMember(id: $id, input: { employees: $e }) { id } }', variables: { id: member, e: employees } },
      token,
    );
    expect(res.errors).toBeUndefined();
  };
  await update(otto, 41);
  // An account deleted from the database, or never there: nobody region knows.
  await update('acc-4503599627370497', 42);
  expect((await stack.query({ query: 'mutation($id: ID!) { archiveAccount(id: $id) { id } }', variables: { id: otto } }, admin)).errors).toBeUndefined();

  const page = await signedInPage();
  await page.goto(`${stack.gateway}/geschaeftsstelle/protokoll`);
  const who = (row: number) => page.locator('.audit-table tbody tr').nth(row).locator('td').nth(1);
  await eventually(() => who(0).textContent()).toBe('Geschäftsstelle NIWE (Kennung acc-4503599627370497)');
  expect(await who(0).locator('code').textContent()).toBe('acc-4503599627370497');
  expect(await who(1).textContent()).toBe('Otto Gegangen (Zugang archiviert) Geschäftsstelle NIWE, otto@niwe.example');
  expect(await who(1).getByRole('link', { name: 'otto@niwe.example' }).getAttribute('href')).toBe('mailto:otto@niwe.example');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => who(0).textContent()).toBe('network office NIWE (ID acc-4503599627370497)');
  expect(await who(1).textContent()).toBe('Otto Gegangen (account archived) network office NIWE, otto@niwe.example');
  await expectAccessible(page);
});

// Publishing news and events (/geschaeftsstelle/neuigkeit): until this page an office could publish only through the API.

/** The NIWE items of a title, as the graph has them. */
async function newsTitled(title: string): Promise<{ id: string; startsAt: string | null; endsAt: string | null; registrationDeadline: string | null }[]> {
  const data = await graph('query($f: FeedFilter) { feed(first: 100, filter: $f) { edges { node { id title startsAt endsAt registrationDeadline } } } }', {
    f: { networks: ['NIWE'] },
  });
  return data.feed.edges.map((edge: { node: { title: string } }) => edge.node).filter((node: { title: string }) => node.title === title);
}

/** A day some weeks ahead, by the region's calendar: an event must lie in the future. */
const eventDay = regionDay(new Date(Date.now() + 40 * 86_400_000));
/** An instant as Berlin's clock reads it: 2027-01-16 14:00. */
const berlin = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)).replace(',', '');

test('an office publishes a news item from the overview by keyboard: it is then in the feed and on its page; the form is empty again', async () => {
  const page = await signedInPage();
  await page.goto(`${stack.gateway}/geschaeftsstelle`);
  await page.getByRole('link', { name: 'Neuigkeit oder Veranstaltung veröffentlichen' }).click();
  await page.waitForURL(/\/geschaeftsstelle\/neuigkeit$/);
  await eventually(() => page.locator('h1').textContent()).toBe('Neuigkeit oder Veranstaltung veröffentlichen');
  expect(await page.getByText('Netzwerk: NIWE').count()).toBe(1);
  // A news item has no event's fields.
  expect(await page.locator('#news-startsAt').count()).toBe(0);
  await expectAccessible(page);

  await page.locator('#news-title').fill('Neue Fräszentren bei NIWE');
  await page.locator('#news-text').fill('Zwei Mitglieder haben neue 5-Achs-Fräszentren.\nBesichtigung auf Anfrage.');
  await page.getByLabel('nur Mitglieder', { exact: true }).check();
  await page.getByRole('button', { name: 'Veröffentlichen' }).focus();
  await page.keyboard.press('Enter');
  const notice = page.locator('.saved .notice-ok');
  await eventually(() => notice.textContent()).toBe('Die Neuigkeit „Neue Fräszentren bei NIWE“ ist veröffentlicht. Zur Neuigkeit');
  const [item] = await newsTitled('Neue Fräszentren bei NIWE');
  expect(await notice.getByRole('link').getAttribute('href')).toBe(`/neuigkeiten/${encodeURIComponent(item.id)}`);
  // Emptied for the next one, kind and visibility as at the start.
  expect(await page.locator('#news-title').inputValue()).toBe('');
  expect(await page.locator('#news-text').inputValue()).toBe('');
  expect(await page.getByLabel('öffentlich', { exact: true }).isChecked()).toBe(true);
  await expectAccessible(page);
  await screenshot(page, 'office-news-published');

  // In English, the page and its notice.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await eventually(() => page.locator('h1').textContent()).toBe('Publish news or an event');
  expect(await notice.textContent()).toBe('The news “Neue Fräszentren bei NIWE” is published. Go to the news');
  await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
  await eventually(() => page.locator('h1').textContent()).toBe('Neuigkeit oder Veranstaltung veröffentlichen');

  await notice.getByRole('link', { name: 'Zur Neuigkeit' }).click();
  await eventually(() => page.locator('h1').textContent()).toBe('Neue Fräszentren bei NIWE');
  expect(await page.locator('.news-text').textContent()).toContain('Besichtigung auf Anfrage.');
  await page.goto(`${stack.gateway}/neuigkeiten`);
  await eventually(() => page.locator(`.feed-item[data-id="${item.id}"]`).count()).toBe(1);
  expect(await page.locator(`.feed-item[data-id="${item.id}"]`).textContent()).toContain('Neue Fräszentren bei NIWE');
});

test('an event with start, end, place, limit and deadline, entered in Berlin time from a browser in New York, shows them on its page with the zone; a press after a lost answer publishes once', async () => {
  // The portal's times are Berlin's clock, whatever the browser's zone (portal/src/region-clock.ts).
  const page = await pages.signedIn(office, undefined, { timezoneId: 'America/New_York' });
  await page.goto(`${stack.gateway}/geschaeftsstelle/neuigkeit`);
  await eventually(() => page.locator('h1').textContent()).toBe('Neuigkeit oder Veranstaltung veröffentlichen');
  await page.getByLabel('Veranstaltung', { exact: true }).check();
  await page.locator('#news-title').fill('Netzwerktreffen Härtetechnik');
  await page.locator('#news-text').fill('Vorträge und Betriebsrundgang.');
  await page.locator('#news-startsAt').fill(`${eventDay}T14:00`);
  await page.locator('#news-endsAt').fill(`${eventDay}T18:30`);
  await page.locator('#news-place').fill('Eschwege, Werrastraße 1');
  // The browser's clock is not Berlin's: the time fields say whose they are.
  expect(await page.locator('#news-startsAt-hint').textContent()).toBe('Uhrzeit in Deutschland');
  expect(await page.locator('#news-startsAt').getAttribute('aria-describedby')).toBe('news-startsAt-hint');
  await screenshot(page, 'office-event-form-abroad');
  await page.locator('#news-registrationLimit').fill('12');
  await page.locator('#news-registrationDeadline').fill(`${eventDay}T09:00`);
  await expectAccessible(page);

  // The first press reaches region and is applied, but its answer is lost, as when NIWE answered too late.
  await loseFirstAnswer(page, 'PublishNews');
  await page.getByRole('button', { name: 'Veröffentlichen' }).press('Enter');
  await eventually(() => page.locator('.notice-error').textContent()).toMatch(/^Das Senden ist fehlgeschlagen: Ob das gespeichert wurde, ist nicht sicher/);
  // The values stay for the press again.
  expect(await page.locator('#news-title').inputValue()).toBe('Netzwerktreffen Härtetechnik');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Veröffentlichen' }).press('Enter');
  const notice = page.locator('.saved .notice-ok');
  await eventually(() => notice.textContent()).toBe('Die Veranstaltung „Netzwerktreffen Härtetechnik“ ist veröffentlicht. Zur Veranstaltung');
  await page.unroute('**/graphql');
  expect(await page.locator('.notice-error').count()).toBe(0);
  // Published once, at Berlin's 14:00 (13:00 or 12:00 UTC), not New York's.
  const items = await newsTitled('Netzwerktreffen Härtetechnik');
  expect(items).toHaveLength(1);
  expect(berlin(items[0].startsAt!)).toBe(`${eventDay} 14:00`);
  expect(berlin(items[0].endsAt!)).toBe(`${eventDay} 18:30`);
  expect(berlin(items[0].registrationDeadline!)).toBe(`${eventDay} 09:00`);
  // The event's fields go with the event: the form is a news item again.
  expect(await page.locator('#news-startsAt').count()).toBe(0);

  await notice.getByRole('link', { name: 'Zur Veranstaltung' }).click();
  await eventually(() => page.locator('h1').textContent()).toBe('Netzwerktreffen Härtetechnik');
  const facts = page.locator('.event-facts');
  const [year, month, day] = eventDay.split('-');
  const date = `${day}.${month}.${year}`;
  // Shown on Berlin's clock too, and since the browser's reads otherwise, with the zone: MEZ in winter, MESZ in summer.
  const zone = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', timeZoneName: 'short' })
    .formatToParts(new Date(items[0].startsAt!))
    .find((part) => part.type === 'timeZoneName')!.value;
  expect(await facts.locator('time').allTextContents()).toEqual([`${date}, 14:00 ${zone}`, `${date}, 18:30 ${zone}`, `${date}, 09:00 ${zone}`]);
  await screenshot(page, 'office-event-abroad');
  expect(await facts.textContent()).toContain('Eschwege, Werrastraße 1');
  expect(await facts.locator('.places').textContent()).toBe('0 von 12 vergeben');
  await expectAccessible(page);
});

test("the server's refusal stands at its field with the focus: an event's end before its start; nothing is published", async () => {
  const page = await signedInPage();
  await page.goto(`${stack.gateway}/geschaeftsstelle/neuigkeit`);
  await eventually(() => page.locator('h1').textContent()).toBe('Neuigkeit oder Veranstaltung veröffentlichen');
  // Sent empty: both required fields say so at once, the first with the focus.
  await page.getByLabel('Veranstaltung', { exact: true }).check();
  await page.getByRole('button', { name: 'Veröffentlichen' }).press('Enter');
  const invalid = () => page.locator('[aria-invalid="true"]').evaluateAll((fields) => fields.map((field) => field.id));
  await eventually(invalid).toEqual(['news-title', 'news-text', 'news-startsAt']);
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('news-title');

  await page.locator('#news-title').fill('Rückwärts laufendes Treffen');
  await page.locator('#news-text').fill('Endet vor dem Beginn.');
  await page.locator('#news-startsAt').fill(`${eventDay}T14:00`);
  await page.locator('#news-endsAt').fill(`${eventDay}T12:00`);
  await page.getByRole('button', { name: 'Veröffentlichen' }).press('Enter');
  await eventually(invalid).toEqual(['news-endsAt']);
  expect(await page.locator('#news-endsAt-error').textContent()).toBe(
    'Dieser Wert widerspricht „Beginn“ (etwa ein Ende vor dem Beginn); bitte prüfen Sie beide.',
  );
  expect(await page.locator('#news-endsAt').getAttribute('aria-describedby')).toBe('news-endsAt-error');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('news-endsAt');
  expect(await page.locator('.saved').textContent()).toBe('');
  await expectAccessible(page);
  await screenshot(page, 'office-news-refused');
  expect(await newsTitled('Rückwärts laufendes Treffen')).toEqual([]);

  // A limit that is no whole number is said before anything is sent.
  await page.locator('#news-endsAt').fill(`${eventDay}T16:00`);
  await page.locator('#news-registrationLimit').fill('zwölf');
  await page.getByRole('button', { name: 'Veröffentlichen' }).press('Enter');
  await eventually(invalid).toEqual(['news-registrationLimit']);
  expect(await page.locator('#news-registrationLimit-error').textContent()).toBe('Bitte geben Sie eine ganze Zahl ein, z. B. 120 oder 1.250.');
  expect(await newsTitled('Rückwärts laufendes Treffen')).toEqual([]);
});

test('a member is refused the office’s news page', async () => {
  const member = { email: 'mitglied-news@niwe.example', name: 'Mara Mitglied', password: 'Werra-Meissner-2026' };
  await createAccount(stack, admin, { ...member, kind: 'MEMBER', memberId: await firstMember('NIWE') });
  const page = await pages.signedIn(member);
  await page.goto(`${stack.gateway}/geschaeftsstelle/neuigkeit`);
  await eventually(() => page.locator('h1').textContent()).toBe('Neuigkeit oder Veranstaltung veröffentlichen');
  await eventually(() => page.locator('main').textContent()).toContain('Diese Seiten sind für die Geschäftsstellen der Netzwerke und die Administration.');
  expect(await page.locator('form.news-form').count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Veröffentlichen' }).count()).toBe(0);
  await expectAccessible(page);
});

test('the office corrects its event from the item’s page, the start kept to the millisecond, then withdraws it after asking: its registrations end', async () => {
  // Published through the graph with a start the form cannot write (seconds and milliseconds), two people registered for one place.
  const startsAt = new Date(Date.now() + 20 * 86_400_000 + 12_345).toISOString();
  const input = {
    kind: 'EVENT',
    title: 'Werkstattgespräch Zerspanung',
    text: 'Erfahrungsaustausch.',
    visibility: 'PUBLIC',
    startsAt,
    place: 'Eisenach',
    registrationLimit: 1,
  };
  const officeToken = await stack.token('--role', 'office', '--network', 'NIWE', '--sub', 'office-news');
  const published = await stack.query(
    { query: 'mutation($input: NewsInput!) { publishNews(network: NIWE, input: $input) { id } }', variables: { input } },
    officeToken,
  );
  const id: string = published.data.publishNews.id;
  const memberId = await firstMember('NIWE');
  for (const name of ['Jana', 'Kai'])
    await graph('mutation($e: ID!, $m: ID!, $p: ParticipantInput!) { registerForEvent(eventId: $e, memberId: $m, participant: $p) { id } }', {
      e: id,
      m: memberId,
      p: { name, email: `${name.toLowerCase()}@niwe.example` },
    });
  const item = async () =>
    (await graph('query($id: ID!) { newsItem(id: $id) { place startsAt registrationLimit registeredCount waitingCount updatedAt withdrawnAt } }', { id }))
      .newsItem;

  const page = await signedInPage();
  await page.goto(`${stack.gateway}/neuigkeiten/${encodeURIComponent(id)}`);
  await eventually(() => page.locator('h1').textContent()).toBe('Werkstattgespräch Zerspanung');
  await page.getByRole('link', { name: 'Korrigieren' }).click();
  await page.waitForURL(/\/geschaeftsstelle\/neuigkeit\?id=/);
  await eventually(() => page.locator('h1').textContent()).toBe('Neuigkeit oder Veranstaltung korrigieren');
  await eventually(() => page.locator('#news-title').inputValue()).toBe('Werkstattgespräch Zerspanung');
  expect(await page.locator('#news-place').inputValue()).toBe('Eisenach');
  expect(await page.locator('#news-registrationLimit').inputValue()).toBe('1');
  // The kind stays: said, not offered.
  expect(await page.getByLabel('Veranstaltung', { exact: true }).count()).toBe(0);
  expect(await page.locator('.lead').textContent()).toContain('Wer angemeldet ist oder wartet (2)');
  await expectAccessible(page);

  await page.locator('#news-registrationLimit').fill('2');
  await page.locator('#news-place').fill('Eschwege, Werrastraße 1');
  await page.getByRole('button', { name: 'Änderungen speichern' }).press('Enter');
  const notice = page.locator('.saved .notice-ok');
  await eventually(() => notice.textContent()).toBe('Die Änderungen an der Veranstaltung „Werkstattgespräch Zerspanung“ sind gespeichert. Zur Veranstaltung');
  // Kai took the new place; the start went back as stored, not as the form's minutes.
  expect(await item()).toMatchObject({
    place: 'Eschwege, Werrastraße 1',
    startsAt,
    registrationLimit: 2,
    registeredCount: 2,
    waitingCount: 0,
    withdrawnAt: null,
  });
  expect(await page.locator('#news-place').inputValue()).toBe('Eschwege, Werrastraße 1');
  await expectAccessible(page);

  // Fewer places than are taken now: refused at its field, with the focus, and nothing changed.
  await page.locator('#news-registrationLimit').fill('1');
  await page.getByRole('button', { name: 'Änderungen speichern' }).press('Enter');
  await eventually(() => page.locator('[aria-invalid="true"]').evaluateAll((fields) => fields.map((f) => f.id))).toEqual(['news-registrationLimit']);
  expect(await page.locator('#news-registrationLimit-error').textContent()).toBe('Bitte geben Sie eine ganze Zahl von mindestens 2 ein.');
  await eventually(() => page.evaluate('document.activeElement?.id')).toBe('news-registrationLimit');
  expect(await page.locator('.saved').textContent()).toBe('');
  expect((await item()).registrationLimit).toBe(2);
  await expectAccessible(page);
  await page.locator('#news-registrationLimit').fill('2');
  await page.getByRole('button', { name: 'Änderungen speichern' }).press('Enter');
  await eventually(() => notice.count()).toBe(1);

  await notice.getByRole('link', { name: 'Zur Veranstaltung' }).click();
  await eventually(() => page.locator('h1').textContent()).toBe('Werkstattgespräch Zerspanung');
  expect(await page.locator('main p.muted').first().textContent()).toMatch(/^veröffentlicht .+, geändert .+$/);
  await page.getByRole('button', { name: 'Zurückziehen' }).click();
  const dialog = page.locator('dialog:has(#withdraw-news-question)');
  await eventually(() => dialog.isVisible()).toBe(true);
  expect(await dialog.locator('#withdraw-news-question').textContent()).toBe(
    '„Werkstattgespräch Zerspanung“ zurückziehen? Die Veranstaltung verschwindet aus den Neuigkeiten und Kalendern. Die 2 Anmeldungen werden storniert; die Mitglieder werden benachrichtigt.',
  );
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Ja, zurückziehen' }).click();
  await eventually(() => page.locator('.publisher-actions .notice-ok').textContent()).toBe('„Werkstattgespräch Zerspanung“ ist zurückgezogen.');
  await eventually(() => page.locator('.notice-warning').textContent()).toMatch(/^Zurückgezogen am .+: nicht mehr in den Neuigkeiten, keine Anmeldung mehr\.$/);
  expect(await page.getByRole('button', { name: 'Zurückziehen' }).count()).toBe(0);
  // The organiser's list is read again: the withdrawal cancelled both.
  await eventually(() => page.locator('.organiser-registrations').textContent()).toContain('Noch keine Anmeldungen.');
  expect(await page.getByRole('link', { name: 'In den Kalender (.ics)' }).count()).toBe(0);
  expect(await item()).toMatchObject({ registeredCount: 0, waitingCount: 0, withdrawnAt: expect.any(String) });
  expect(await newsTitled('Werkstattgespräch Zerspanung')).toEqual([]);
  await expectAccessible(page);
  await screenshot(page, 'office-news-withdrawn');

  // Its correction page says so, with no form.
  await page.goto(`${stack.gateway}/geschaeftsstelle/neuigkeit?id=${encodeURIComponent(id)}`);
  await eventually(() => page.locator('main .notice').textContent()).toMatch(
    /^„Werkstattgespräch Zerspanung“ wurde am .+ zurückgezogen und lässt sich nicht mehr korrigieren\.$/,
  );
  expect(await page.locator('form.news-form').count()).toBe(0);
});
