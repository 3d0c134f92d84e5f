import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

beforeAll(() => {
  process.env.npm_config_offline = 'true';
  mkdirSync(join(root, 'probe'));
  writeJson(join(root, 'probe/package.json'), { name: 'irm-probe', version: '1.0.0' });
  execFileSync('npm', ['pack', '--pack-destination', root], { cwd: join(root, 'probe'), stdio: 'ignore' });
  mkdirSync(dir);
  writeJson(join(dir, 'package.json'), { name: 'probe-tools', private: true, dependencies: { 'irm-probe': 'file:../irm-probe-1.0.0.tgz' } });
  execFileSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
}, 60_000);
afterAll(() => {
  if (offline === undefined) delete process.env.npm_config_offline;
  else process.env.npm_config_offline = offline;
  rmSync(root, { recursive: true, force: true });
});

test('a folder is installed when first needed, left alone while current, and installed again when its lockfile names another version', () => {
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

  // What a pull that raised the pin leaves behind: an installed version the lockfile no longer names.
  writeJson(join(dir, 'node_modules/irm-probe/package.json'), { name: 'irm-probe', version: '0.9.0' });
  expect(missingPackages(dir)).toEqual(['irm-probe']);
  ensureInstalled(dir, 'the probe', log);
  expect(lines).toHaveLength(2);
  expect(installedVersion()).toBe('1.0.0');
}, 60_000);

test('a failed install says which command to run and what is missing', () => {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  // A dependency the lockfile does not have: npm ci looks it up, which offline fails at once.
  writeJson(join(dir, 'package.json'), { ...manifest, dependencies: { ...manifest.dependencies, 'irm-absent': '1.0.0' } });
  try {
    expect(() => ensureInstalled(dir, 'the probe', () => {})).toThrow(
      /^npm ci --prefix .*tools failed \(exit code 1, missing: irm-absent\); run it yourself to see why\.$/,
    );
  } finally {
    writeJson(join(dir, 'package.json'), manifest);
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
