import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ensureInstalled, missingPackages } from '../scripts/on-demand.ts';

// The packages kept out of the project's `npm ci` (bench/, tools/) are installed when first needed and again
// when their lockfile moves on. Checked with a package of our own, packed into a tarball beside it, so npm
// installs it without a registry (npm_config_offline makes sure nothing is fetched).

const root = mkdtempSync(join(tmpdir(), 'irm-on-demand-'));
const dir = join(root, 'tools');
const offline = process.env.npm_config_offline;
const writeJson = (file: string, value: unknown) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
const installedVersion = () => JSON.parse(readFileSync(join(dir, 'node_modules/irm-probe/package.json'), 'utf8')).version;

/**
 * Packs irm-probe at this version beside the folder, and gives the folder a package.json and lockfile naming it,
 * as a pull would: made in a folder of their own, since `npm install --package-lock-only` also rewrites the
 * record of what node_modules holds.
 */
function pinProbe(version: string) {
  writeJson(join(root, 'probe/package.json'), { name: 'irm-probe', version });
  execFileSync('npm', ['pack', '--pack-destination', root], { cwd: join(root, 'probe'), stdio: 'ignore' });
  const next = join(root, 'next');
  rmSync(next, { recursive: true, force: true });
  mkdirSync(next);
  writeJson(join(next, 'package.json'), { name: 'probe-tools', private: true, dependencies: { 'irm-probe': `file:../irm-probe-${version}.tgz` } });
  execFileSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund'], { cwd: next, stdio: 'ignore' });
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(next, file), join(dir, file));
}

beforeAll(() => {
  process.env.npm_config_offline = 'true';
  mkdirSync(join(root, 'probe'));
  mkdirSync(dir);
  pinProbe('1.0.0');
}, 60_000);
afterAll(() => {
  if (offline === undefined) delete process.env.npm_config_offline;
  else process.env.npm_config_offline = offline;
  rmSync(root, { recursive: true, force: true });
});

test('a folder is installed when first needed, left alone while current, and installed again when its lockfile moves on', () => {
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  expect(missingPackages(dir)).toEqual(['irm-probe']);

  ensureInstalled(dir, 'the probe', log);
  expect(installedVersion()).toBe('1.0.0');
  expect(missingPackages(dir)).toEqual([]);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^installing the probe \(irm-probe\): npm ci --prefix /);

  ensureInstalled(dir, 'the probe', log);
  expect(lines).toHaveLength(1);

  // What a pull that raised the pin brings: a lockfile naming a version other than the one installed.
  pinProbe('1.0.1');
  expect(missingPackages(dir)).toEqual(['irm-probe']);
  ensureInstalled(dir, 'the probe', log);
  expect(lines).toHaveLength(2);
  expect(installedVersion()).toBe('1.0.1');

  // An install cut short: npm writes its record of the tree (node_modules/.package-lock.json) only at the end.
  rmSync(join(dir, 'node_modules/.package-lock.json'));
  expect(missingPackages(dir)).toEqual(['irm-probe']);
  ensureInstalled(dir, 'the probe', log);
  expect(lines).toHaveLength(3);
  expect(missingPackages(dir)).toEqual([]);
}, 60_000);

test('a failed install says which command to run and what is missing', () => {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const lock = readFileSync(join(dir, 'package-lock.json'), 'utf8');
  // A lockfile out of step with package.json, which npm ci refuses.
  writeJson(join(dir, 'package.json'), { ...manifest, dependencies: { ...manifest.dependencies, 'irm-absent': '1.0.0' } });
  rmSync(join(dir, 'node_modules/.package-lock.json'));
  try {
    expect(() => ensureInstalled(dir, 'the probe', () => {})).toThrow(
      /^npm ci --prefix .*tools failed \(exit code 1, missing: irm-probe\); run it yourself to see why\.$/,
    );
  } finally {
    writeJson(join(dir, 'package.json'), manifest);
    writeFileSync(join(dir, 'package-lock.json'), lock);
  }
}, 60_000);

test("the project's own install leaves out what bench/ and tools/ install", () => {
  const project = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const own = Object.keys({ ...project.dependencies, ...project.devDependencies });
  for (const folder of ['bench', 'tools']) {
    const apart = Object.keys(JSON.parse(readFileSync(new URL(`../${folder}/package.json`, import.meta.url), 'utf8')).dependencies);
    expect(apart.length).toBeGreaterThan(0);
    expect(own.filter((name) => apart.includes(name))).toEqual([]);
  }
});
