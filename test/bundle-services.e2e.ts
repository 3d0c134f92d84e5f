import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { configErrorExitCode } from '../shared/config.ts';
import { ensurePortalBuilt, portalIsStale } from '../scripts/build-portal.ts';
import { ensureServicesBundled } from '../scripts/bundle-services.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

// The services' bundle that `npm start` runs (start.e2e and the portal's tests run npm start, so they use
// it): built when its sources changed and not otherwise, each entry its own program, and a failure to
// build said in one line. Built here into a folder of its own, not the one npm start uses.

const run = promisify(execFile);
const dir = join(mkdtempSync(join(tmpdir(), 'irm-bundle-')), 'services');
afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

/** What a call logged, and its entries. */
async function bundle(into = dir) {
  const lines: string[] = [];
  const entries = await ensureServicesBundled((line) => lines.push(line), into);
  return { lines, entries };
}

/** Runs a bundled entry with this environment (nothing else) and returns what it printed when it stopped. */
async function runEntry(file: string, env: Record<string, string>, args: string[] = []): Promise<string> {
  const error = await run(process.execPath, [file, ...args], { env: { PATH: process.env.PATH!, ...env }, timeout: 30_000 }).then(
    () => undefined,
    (e: { stderr: string; stdout: string; code: number }) => e,
  );
  // Each entry below is refused for its configuration.
  expect(error?.code).toBe(configErrorExitCode);
  return `${error?.stdout}${error?.stderr}`;
}

describe('the services bundle', () => {
  test('is built once, and again only when its sources are newer', async () => {
    const stray = join(dir, 'left-from-long-ago.mjs');
    const first = await bundle();
    expect(first.lines).toEqual([expect.stringMatching(/^services bundled in \d+\.\d s/)]);
    expect(Object.keys(first.entries!).sort()).toEqual(['gateway', 'network', 'region']);
    for (const file of Object.values(first.entries!)) expect(existsSync(file)).toBe(true);

    const again = await bundle();
    expect(again.lines).toEqual([]);
    expect(again.entries).toEqual(first.entries);

    // As if a source had changed after the build: its manifest says it was built from older sources.
    writeFileSync(stray, '');
    const manifest = join(dir, 'services.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), sourcesAt: 0 }));
    const rebuilt = await bundle();
    expect(rebuilt.lines).toEqual([expect.stringMatching(/^services bundled in/)]);
    // The same sources give the same files; a file of neither this build nor the one before is removed.
    expect(rebuilt.entries).toEqual(first.entries);
    expect(existsSync(stray)).toBe(false);
    expect(readdirSync(dir).filter((file) => file.startsWith('.build-'))).toEqual([]);
  }, 120_000);

  test("a build keeps the files of every running start's bundle, and forgets those of starts that ended", async () => {
    // As another start on this checkout that bundled earlier and runs on: a build kept only its own files and the
    // build's before, and a service that start restarted after a crash failed with ERR_MODULE_NOT_FOUND (the faults probe).
    await bundle();
    const running = spawn('sleep', ['60']);
    const ended = spawn('true');
    await new Promise((resolve) => ended.once('exit', resolve));
    try {
      writeFileSync(join(dir, 'of-a-running-start.mjs'), '');
      writeFileSync(join(dir, 'of-an-ended-start.mjs'), '');
      writeFileSync(join(dir, 'pins', String(running.pid)), JSON.stringify(['of-a-running-start.mjs']));
      writeFileSync(join(dir, 'pins', String(ended.pid)), JSON.stringify(['of-an-ended-start.mjs']));
      // This process pinned the bundle it was given.
      expect(JSON.parse(readFileSync(join(dir, 'pins', String(process.pid)), 'utf8'))).toEqual(
        expect.arrayContaining([expect.stringMatching(/^network-.*\.mjs$/)]),
      );
      const manifest = join(dir, 'services.json');
      writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), sourcesAt: 0 }));
      expect((await bundle()).lines).toEqual([expect.stringMatching(/^services bundled in/)]);
      expect(existsSync(join(dir, 'of-a-running-start.mjs'))).toBe(true);
      expect(existsSync(join(dir, 'of-an-ended-start.mjs'))).toBe(false);
      expect(readdirSync(join(dir, 'pins')).sort()).toEqual([String(process.pid), String(running.pid)].sort());
    } finally {
      running.kill();
    }
  }, 120_000);

  test('stays current when npm install rewrites package-lock.json unchanged, as the portal does, and not when it changes', async () => {
    await bundle();
    await ensurePortalBuilt(() => {});
    // What `npm install` does to an installed checkout: the same content, a new modification time.
    const later = new Date(Date.now() + 1000);
    utimesSync(join(root, 'package-lock.json'), later, later);
    expect((await bundle()).lines).toEqual([]);
    expect(portalIsStale()).toBe(false);
    // Dependencies that changed: the manifest says it was built with others.
    const manifest = join(dir, 'services.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), packageLock: 'other' }));
    expect((await bundle()).lines).toEqual([expect.stringMatching(/^services bundled in/)]);
  }, 180_000);

  test('each entry runs its own program', async () => {
    const { entries } = await bundle();
    // Each stops on its own configuration error: the entry's own main ran.
    expect(await runEntry(entries!.network, { NETWORK: 'NOPE' })).toMatch(
      /^NOPE subgraph: NETWORK must name a registered network \(NIWE, LINAT, KONAT\), got "NOPE"\.\n$/,
    );
    expect(await runEntry(entries!.region, {})).toMatch(/^region subgraph: Set SUBGRAPH_SECRET \(or REGION_SUBGRAPH_SECRET\)/);
    expect(await runEntry(entries!.gateway, { JWT_SECRET: 'g'.repeat(32) }, ['--supergraph', '/nonexistent/supergraph.graphql'])).toMatch(
      /^gateway: Supergraph file \/nonexistent\/supergraph\.graphql does not exist; run npm run compose or pass --supergraph\.\n$/,
    );
  });

  test("hashes each request's query with node:crypto, not with sha.js in JavaScript", async () => {
    await bundle();
    const chunks = JSON.parse(readFileSync(join(dir, 'services.json'), 'utf8')).files as string[];
    const code = chunks.map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
    // Apollo Server's document cache key (computeQueryHash), in every service.
    expect(code).toContain('@apollo/server/dist/esm/requestPipeline.js');
    expect(code).toContain('getBuiltinModule("node:crypto")');
    expect(code).not.toContain('node_modules/sha.js/');
  });

  test('a bundle that cannot be built is said in one line, and npm start runs the .ts files', async () => {
    const file = join(dir, '..', 'a-file');
    writeFileSync(file, '');
    const { lines, entries } = await bundle(join(file, 'services'));
    expect(entries).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/^could not bundle the services \(ENOTDIR: .*\); running them from their \.ts files$/)]);
  });
});
