import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject, onTestFailed } from 'vitest';
import { startSupervisor, supervisorEnvironment, type Supervisor } from './supervisor.ts';
import { until } from './wait.ts';

// Debian's chromium (its headless shell) driven by playwright-core, for the portal's browser tests: the launch
// flags, axe-core's WCAG 2.1 AA rules, and screenshots to a folder that is not committed (test-results/screenshots):
// of every page open when a test fails, and of each state a test names when SCREENSHOTS=1. A full-page screenshot cost chromium 0.2-0.5 s; the 60 of a run, taken always, were about
// 25 s of the browser files' time that no one looked at unless something failed.

export const screenshots = 'test-results/screenshots';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Debian's chromium-headless-shell: chromium's old headless mode, Blink and V8 as in chromium without the
 * browser's own windowing, which is what Playwright itself launches for `headless: true`. The full browser
 * (`/usr/bin/chromium`, whose headless mode is the whole browser without a window) took 37 s of CPU for
 * test/portal-cooperation.e2e.ts's ten tests, the shell 13.7 s, and the file 51 s against 36 s on a quiet
 * machine (2026-12-07): the browser tests' chromium was most of the suite's CPU while they ran.
 */
const chromiumPath = '/usr/bin/chromium-headless-shell';

export function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshots, { recursive: true });
  // Without the background-networking flags chromium keeps trying Google's services, on a machine without internet.
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Waits for a condition on the page: a fresh browser context on a busy machine takes more than expect.poll's default second. */
export const eventually = <T>(read: () => T | Promise<T>, timeout = 15_000) => expect.poll(read, { timeout, interval: 50 });

/**
 * The first request of the operation named reaches the server and is applied, but the page gets NETWORK_UNAVAILABLE
 * with writeOutcome UNKNOWN instead of its answer, as when a network answered too late: what a press again must not
 * write twice (the idempotency keys). Later requests pass; `page.unroute('**\/graphql')` ends it.
 */
export async function loseFirstAnswer(page: Page, operationName: string, network = 'NIWE') {
  let lost = 0;
  await page.route('**/graphql', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}');
    if (body.operationName !== operationName || lost > 0) return route.continue();
    lost++;
    await route.fetch();
    await route.fulfill({
      json: {
        data: null,
        errors: [{ message: `Network ${network} did not confirm the write.`, extensions: { code: 'NETWORK_UNAVAILABLE', network, writeOutcome: 'UNKNOWN' } }],
      },
    });
  });
}

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now. */
export async function expectAccessible(page: Page) {
  // The portal moves between its pages without reloading, so a page checked before often still has axe-core:
  // compiling its 650 kB again took chromium 0.14-0.47 s a check (6 of test/portal-cooperation.e2e.ts's 16 need none).
  if (await page.evaluate(`typeof axe === 'undefined'`)) await page.evaluate(axeSource);
  // A string, because this file is checked without the DOM's types.
  const violations = await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map((v) => v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ')).join(', ') + ')'))`);
  expect(violations).toEqual([]);
}

const screenshotsAsked = process.env.SCREENSHOTS === '1';

/** The page as it is now, named, when SCREENSHOTS=1 asks for every state; a failed test's pages are taken anyway (whenFailed). */
export async function screenshot(page: Page, name: string) {
  if (screenshotsAsked) await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });
}

/**
 * Takes a screenshot of `page` if the running test fails, named by the test and the page's place among its pages.
 * Outside a test (a beforeAll) there is no test to fail, and nothing is taken.
 */
export function whenFailed(page: Page) {
  try {
    onTestFailed(async ({ task }) => {
      const name = `failed-${task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}-${failedPages.get(task.id) ?? 0}`;
      failedPages.set(task.id, (failedPages.get(task.id) ?? 0) + 1);
      await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true }).catch(() => {});
    });
  } catch {
    // Called outside a running test.
  }
}
const failedPages = new Map<string, number>();

/** Every visitor of the browser tests is 127.0.0.1: one address, many visitors' worth of requests a minute. */
// A browser test file signs its accounts in once a test: six tests of one office within a minute met the sign-in limit of
// 5 an e-mail address (the limits have tests of their own, test/shared-login-limits.e2e.ts).
const portalEnvironment = { ANONYMOUS_REQUESTS_PER_MINUTE: '100000', LOGIN_ATTEMPTS_PER_EMAIL_PER_MINUTE: '1000' };

/**
 * A DATA_DIR of its own for a browser test file, copied from one that `npm start` filled once in this run:
 * PostgreSQL's cluster with the four databases migrated and the demo data in, and the secrets. Each file's
 * `npm start` is then a warm one, without initdb, migrations and seeding: 4.3-4.6 s against 9.5-10.3 s cold
 * (npm run bench:start, quiet machine), for eight files a run: they took 185 s of CPU instead of 214 s (their
 * wall time hardly moved, 182 s against 185 s: their browser work dominates). The first file to ask makes the template while
 * the others wait for it; `cp -a` keeps the cluster's owner (the embedded server runs as user postgres) and its
 * 0700 mode, without which PostgreSQL refuses the folder.
 */
export async function portalDataDir(): Promise<string> {
  const template = join(inject('runDir'), 'portal-data');
  const ready = `${template}.ready`;
  const failed = `${template}.failed`;
  let making = true;
  try {
    mkdirSync(`${template}.lock`);
  } catch {
    making = false;
  }
  if (making) {
    try {
      const first = await startSupervisor({ ...(await supervisorEnvironment()), ...portalEnvironment });
      const code = await first.stop();
      if (code !== 0) throw new Error(`npm start for the browser tests' data exited with code ${code}:\n${first.output()}`);
      execFileSync('mv', [first.dataDir, template]);
      writeFileSync(ready, '');
    } catch (error) {
      writeFileSync(failed, (error as Error).message);
      throw error;
    }
  } else {
    // Making it takes one cold npm start: 10 s on a quiet machine, up to a minute or two on a loaded one.
    await until(() => existsSync(ready) || existsSync(failed), "the browser tests' DATA_DIR template is made", 180_000);
    if (existsSync(failed)) throw new Error(`The browser tests' DATA_DIR template could not be made: ${readFileSync(failed, 'utf8')}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'irm-start-'));
  execFileSync('cp', ['-a', `${template}/.`, dir]);
  return dir;
}

/**
 * `npm start` (on a copy of the run's demo DATA_DIR, portalDataDir) and chromium for a browser test file.
 * Anonymous requests are not throttled: every page load of the file comes from one address.
 */
export async function startPortalStack(): Promise<{ stack: Supervisor; browser: Browser; pages: PortalPages }> {
  const stack = await startPortalSupervisor();
  try {
    const browser = await launchBrowser();
    return { stack, browser, pages: new PortalPages(browser, stack.gateway) };
  } catch (error) {
    // The file's afterAll has no stack to stop, and a test worker runs the next file in this process (vitest.config.ts).
    await stopPortalStack(stack, undefined);
    throw error;
  }
}

/** `npm start` for a browser test file, warm on a copy of the run's demo DATA_DIR. */
export async function startPortalSupervisor(): Promise<Supervisor> {
  return startSupervisor({ ...(await supervisorEnvironment(await portalDataDir())), ...portalEnvironment });
}

/** Closes what startPortalStack started (either may be missing when it failed) and removes the DATA_DIR. */
export async function stopPortalStack(stack: Supervisor | undefined, browser: Browser | undefined) {
  await browser?.close();
  await stack?.stop();
  if (stack) rmSync(stack.dataDir, { recursive: true, force: true });
}

export interface PortalAccount {
  email: string;
  name: string;
  password: string;
}

/**
 * A test file's pages, each in a fresh context (German, 1280×900). The console's errors and the pages'
 * uncaught errors are kept in `errors`: a failed load or a Content-Security-Policy refusal shows only there.
 */
export class PortalPages {
  readonly errors: string[] = [];
  readonly #contexts: BrowserContext[] = [];
  readonly #browser: Browser;
  readonly #gateway: string;

  constructor(browser: Browser, gateway: string) {
    this.#browser = browser;
    this.#gateway = gateway;
  }

  /**
   * `timezoneId` sets the browser's zone: Berlin's by default, the region's people's, so a page reads the same on a
   * machine on UTC (CI) as on one in Germany; another for a page that must not go by it (portal/src/region-clock.ts).
   */
  async newPage(options: { timezoneId?: string } = {}): Promise<Page> {
    const context = await this.#browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 }, ...options });
    this.#contexts.push(context);
    const page = await context.newPage();
    whenFailed(page);
    page.on('console', (message) => message.type() === 'error' && this.errors.push(message.text()));
    page.on('pageerror', (error) => this.errors.push(error.message));
    return page;
  }

  /** A new page signed in through the sign-in form; with `next`, the path the form leads back to. */
  async signedIn(account: PortalAccount, next?: string, options: { timezoneId?: string } = {}): Promise<Page> {
    const page = await this.newPage(options);
    await page.goto(`${this.#gateway}/anmelden${next ? `?weiter=${encodeURIComponent(next)}` : ''}`);
    await page.fill('#sign-in-email', account.email);
    await page.fill('#sign-in-password', account.password);
    await page.press('#sign-in-password', 'Enter');
    if (next) await page.waitForURL((url) => url.pathname === next);
    await eventually(() => page.locator('.account-name').textContent()).toBe(`Angemeldet als ${account.name}`);
    return page;
  }

  /** Closes the pages' contexts; returns the errors kept since the last call and forgets them. */
  async close(): Promise<string[]> {
    await Promise.all(this.#contexts.splice(0).map((context) => context.close()));
    return this.errors.splice(0);
  }
}
