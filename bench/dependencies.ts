import { fileURLToPath } from 'node:url';
import { ensureInstalled, installCommand, missingPackages } from '../scripts/on-demand.ts';

// What only the benchmark needs (the peer gateway it compares with and the
// load generator, about half of all the project's packages) is installed
// apart, in bench/node_modules from bench/package-lock.json, on demand: a
// user who only runs the graph never downloads it.

const benchDir = fileURLToPath(new URL('.', import.meta.url));

export const benchInstallCommand = installCommand(benchDir);

/** Whether bench/node_modules holds every package the benchmark needs, at the lockfile's versions. */
export function benchDependenciesInstalled(): boolean {
  return missingPackages(benchDir).length === 0;
}

/** Installs the benchmark's packages when they are missing, as the lockfile says; the first run takes a few minutes. */
export function ensureBenchDependencies(log: (line: string) => void): void {
  ensureInstalled(benchDir, 'what only the benchmark needs', log);
}

// `npm test` runs this first: test/bench.e2e.ts runs the benchmark's dry run with the peer gateway, and the
// README's `npm install && npm test` in a fresh clone must not need a third command (.ci/run used to be the only
// one that installed bench/).
if (import.meta.main) {
  try {
    ensureBenchDependencies((line) => console.error(line));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
