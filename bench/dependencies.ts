import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// What only the benchmark needs (the peer gateway it compares with and the
// load generator, about half of all the project's packages) is installed
// apart, in bench/node_modules from bench/package-lock.json, on demand: a
// user who only runs the graph never downloads it.

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const packages = ['@graphql-hive/gateway', 'autocannon'];

export const benchInstallCommand = 'npm ci --prefix bench';

/** Whether bench/node_modules holds every package the benchmark needs. */
export function benchDependenciesInstalled(): boolean {
  return packages.every((name) => existsSync(fileURLToPath(new URL(`./node_modules/${name}/package.json`, import.meta.url))));
}

/** Installs the benchmark's packages when they are missing, as the lockfile says; the first run takes a few minutes. */
export function ensureBenchDependencies(log: (line: string) => void): void {
  if (benchDependenciesInstalled()) return;
  log(`installing what only the benchmark needs (${packages.join(', ')}): ${benchInstallCommand}`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: benchDir, stdio: 'inherit' });
  if (result.status !== 0 || !benchDependenciesInstalled()) {
    throw new Error(`${benchInstallCommand} failed (${result.error?.message ?? `exit code ${result.status}`}); run it yourself to see why.`);
  }
}
