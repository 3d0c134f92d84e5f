import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

// Debian's chromium driven by playwright-core, as test/portal.e2e.ts runs it, for the portal's other
// browser tests: the launch flags, axe-core's WCAG 2.1 AA rules, and screenshots to a folder that is
// not committed (test-results/screenshots).

export const screenshots = 'test-results/screenshots';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshots, { recursive: true });
  // Without the background-networking flags chromium keeps trying Google's services, on a machine without internet.
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
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

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now. */
export async function expectAccessible(page: Page) {
  await page.evaluate(axeSource);
  // A string, because this file is checked without the DOM's types.
  const violations = await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map((v) => v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ')).join(', ') + ')'))`);
  expect(violations).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });
}
