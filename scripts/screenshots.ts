import { mkdirSync, rmSync, statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../test/support/browser.ts';
import { startSupervisor, supervisorEnvironment, type Supervisor } from '../test/support/supervisor.ts';

// `npm run screenshots`: the README's pictures of the portal, in docs/screenshots (committed). Starts `npm start`
// on a fresh DATA_DIR with its demo members, adds through the graph what the pages show (an office and a customer
// account, capacity posts, an inquiry with two quotes), signs in through the sign-in form as the page needs,
// and takes each page at 1000×700 as JPEG of quality 70. A page is taken once its content is there, never
// after a fixed pause; a file over 150 KB fails the run (a README should load quickly).

const out = 'docs/screenshots';
const viewport = { width: 1000, height: 700 };
// Quality 70 keeps text sharp enough to read; the six pages came to 40-90 KB each.
const quality = 70;
const maxBytes = 150 * 1024;
const password = 'Werra-Meissner-2026';
const office = { email: 'geschaeftsstelle@niwe.example', name: 'Olga Office', password };
const customer = { email: 'einkauf@zulieferer.example', name: 'Dana Einkauf', password };
const customerOrganisation = 'Zulieferer AG';

function log(line: string) {
  console.log(`[screenshots] ${line}`);
}

async function graph(stack: Supervisor, token: string, query: string, variables: Record<string, unknown> = {}) {
  const result = await stack.query({ query, variables }, token);
  if (result.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(result.errors)}`);
  return result.data;
}

const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

/** What the pages show beyond the demo members; returns the inquiry's id and a member's id for the profile. */
async function addFixtures(stack: Supervisor) {
  const admin = await stack.token('--role', 'admin', '--sub', 'admin');
  const query = (q: string, variables: Record<string, unknown> = {}) => graph(stack, admin, q, variables);
  const account = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`;
  await query(account, { input: { ...office, kind: 'OFFICE', network: 'NIWE' } });
  await query(account, { input: { ...customer, kind: 'CUSTOMER', customer: customerOrganisation } });

  // Capacity of 3.2.3 Fräsen in March 2027, as test/portal-office.e2e.ts posts it: offers of NIWE and LINAT, a request of KONAT, one booking.
  const first = async (network: string) =>
    (await query('query($n: NetworkCode!) { network(code: $n) { members(first: 1) { edges { node { id } } } } }', { n: network })).network.members.edges[0].node
      .id as string;
  const [niwe, linat, konat] = await Promise.all(['NIWE', 'LINAT', 'KONAT'].map(first));
  const post = async (input: Record<string, unknown>) =>
    (await query('mutation($input: CapacityPostInput!) { postCapacity(input: $input) { id } }', { input })).postCapacity.id as string;
  const machine = { kind: 'MACHINE_HOURS', process: '3.2.3', postalCode: '37269' };
  const offer = await post({ ...machine, side: 'OFFER', memberId: niwe, hours: 80, from: '2027-03-01', to: '2027-03-12' });
  await post({ ...machine, side: 'OFFER', memberId: linat, hours: 30, from: '2027-03-04', to: '2027-03-09' });
  await post({ ...machine, side: 'REQUEST', memberId: konat, hours: 60, from: '2027-03-08', to: '2027-03-12' });
  const booking = await query(
    'mutation($o: ID!, $m: ID!) { bookCapacity(offerId: $o, hours: 20, from: "2027-03-08", to: "2027-03-09", memberId: $m) { id } }',
    {
      o: offer,
      m: konat,
    },
  );
  await query('mutation($id: ID!) { confirmCapacityBooking(id: $id) { status } }', { id: booking.bookCapacity.id });

  // The customer's inquiry, published to the three best suppliers; two of them quote.
  const owner = await stack.token('--role', 'partner', '--sub', customerOrganisation);
  const input = {
    title: 'Frästeil Gehäusedeckel',
    partDescription: 'Gehäusedeckel aus AlMg3 nach Zeichnung, eloxiert',
    processes: ['3.2.3'],
    quantities: [{ quantity: 100 }, { quantity: 500 }],
    deliveryLocation: { postalCode: '37269' },
    deliveryDate: isoDate(40),
    quoteDeadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
  };
  const created = (await graph(stack, owner, 'mutation($input: InquiryInput!) { createInquiry(input: $input) { id version } }', { input })).createInquiry;
  const published = await graph(
    stack,
    owner,
    'mutation($id: ID!, $v: Int!) { publishInquiry(id: $id, version: $v, invite: 3) { invitations { member { id } } } }',
    { id: created.id, v: created.version },
  );
  const invited: string[] = published.publishInquiry.invitations.map((i: { member: { id: string } }) => i.member.id);
  const quotes = [
    {
      priceTiers: [
        { minQuantity: 100, unitPrice: 12.5 },
        { minQuantity: 500, unitPrice: 9.4 },
      ],
      leadTimeDays: 21,
      notes: 'Eloxieren bei einem Partner im Netzwerk.',
    },
    {
      priceTiers: [
        { minQuantity: 100, unitPrice: 13.9 },
        { minQuantity: 500, unitPrice: 8.8 },
      ],
      leadTimeDays: 28,
      notes: null,
    },
  ];
  for (const [i, quote] of quotes.entries()) {
    const member = await stack.token('--role', 'member', '--member', invited[i]);
    await graph(stack, member, 'mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }', {
      id: created.id,
      input: { ...quote, validUntil: isoDate(60) },
    });
  }
  return { inquiryId: created.id as string, memberId: invited[0] };
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', viewport });
  return context.newPage();
}

async function signedIn(browser: Browser, gateway: string, account: { email: string; name: string; password: string }, next: string): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(`${gateway}/anmelden?weiter=${encodeURIComponent(next)}`);
  await page.fill('#sign-in-email', account.email);
  await page.fill('#sign-in-password', account.password);
  await page.press('#sign-in-password', 'Enter');
  await page.waitForURL((url) => url.pathname === next);
  await page.locator('.account-name', { hasText: account.name }).waitFor();
  return page;
}

/** Takes the page as it is, once its fonts are loaded, and checks the file's size. */
async function shoot(page: Page, name: string) {
  await page.evaluate('document.fonts.ready');
  const path = `${out}/${name}.jpg`;
  await page.screenshot({ path, type: 'jpeg', quality });
  const bytes = statSync(path).size;
  log(`${path}: ${(bytes / 1024).toFixed(0)} KB`);
  if (bytes > maxBytes) throw new Error(`${path} is ${bytes} bytes, over ${maxBytes}; show less of the page or lower the quality.`);
  await page.context().close();
}

async function main() {
  mkdirSync(out, { recursive: true });
  log('starting npm start on a fresh DATA_DIR …');
  // Every page of this run comes from one address. Ten minutes to start: on a busy 2-core machine the portal's
  // build and the demo members' seeding took over the tests' 90 s.
  const stack = await startSupervisor({ ...(await supervisorEnvironment()), ANONYMOUS_REQUESTS_PER_MINUTE: '100000' }, 600_000);
  let browser: Browser | undefined;
  try {
    const { inquiryId, memberId } = await addFixtures(stack);
    browser = await launchBrowser();
    const gateway = stack.gateway;

    let page = await newPage(browser);
    await page.goto(`${gateway}/`);
    await page.locator('.network-card .count').nth(2).waitFor();
    await page.locator('#capabilities-heading + p + .bars li').nth(2).waitFor();
    await shoot(page, 'start');

    page = await newPage(browser);
    await page.goto(`${gateway}/suche?q=Fr%C3%A4s&plz=37269&r=40`);
    await page.locator('.hits .hit').nth(2).waitFor();
    await page.locator('.map .map-hits circle').first().waitFor();
    // The facets above it and the map, which starts below the first 700 pixels.
    await page.locator('.map').scrollIntoViewIfNeeded();
    await shoot(page, 'search');

    page = await newPage(browser);
    await page.goto(`${gateway}/mitglied/${encodeURIComponent(memberId)}`);
    await page.locator('article.profile .facts').waitFor();
    await shoot(page, 'profile');

    page = await signedIn(browser, gateway, office, '/geschaeftsstelle/mitglieder');
    await page.locator('.office-table tbody tr').nth(4).waitFor();
    await shoot(page, 'office-members');

    page = await signedIn(browser, gateway, office, '/geschaeftsstelle/kapazitaet');
    await page.goto(`${gateway}/geschaeftsstelle/kapazitaet?von=2027-03-01&bis=2027-03-14&art=MACHINE_HOURS`);
    await page.locator('.capacity-chart rect.chart-bar[data-series]').first().waitFor();
    await page.locator('.capacity-chart').scrollIntoViewIfNeeded();
    await shoot(page, 'office-capacity');

    page = await signedIn(browser, gateway, customer, `/anfragen/${inquiryId}`);
    const comparison = page.locator('table.comparison');
    await comparison.locator('tbody tr, thead th').nth(2).waitFor();
    await comparison.scrollIntoViewIfNeeded();
    await shoot(page, 'inquiry-quotes');
  } finally {
    await browser?.close();
    await stack.stop();
    rmSync(stack.dataDir, { recursive: true, force: true });
  }
}

await main();
