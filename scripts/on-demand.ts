import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Packages the project's `npm ci` leaves out, because running the graph never loads them: the benchmark's
// (bench/, the peer gateway and the load generator, half of all packages) and the checkers `npm test` runs
// first (tools/, Biome's 97 MB binary and TypeScript, 120 MB of the 658 MB a plain `npm ci` installed). Each
// folder is a package of its own with its lockfile, installed by `npm ci --prefix <folder>` the first time it
// is needed, and again when its lockfile names another version of any package than the one installed (a pin
// raised in a pull), so nobody has to remember to.

/** The command that installs a folder's packages, for messages. */
export function installCommand(dir: string): string {
  return `npm ci --prefix ${relative(process.cwd(), dir) || '.'}`;
}

type Lock = { packages?: Record<string, { version?: string; optional?: boolean }> };
const readLock = (file: string): Lock | undefined => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Lock) : undefined);

/**
 * The packages of the folder's lockfile that are not installed at its version. Read from the record npm writes
 * when an install has finished (node_modules/.package-lock.json), so an install cut short counts as none, and
 * a package deep in the tree counts as much as a direct one. Optional packages for other platforms (Biome's
 * binaries for macOS and Windows) are never installed here and not missed.
 */
export function missingPackages(dir: string): string[] {
  const wanted = readLock(join(dir, 'package-lock.json'))?.packages ?? {};
  const installed = readLock(join(dir, 'node_modules', '.package-lock.json'))?.packages ?? {};
  return Object.entries(wanted)
    .filter(([path, entry]) => path.startsWith('node_modules/') && (path in installed ? installed[path].version !== entry.version : !entry.optional))
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
}

/** Installs the folder's packages as its lockfile says when any is missing or at another version; a first install takes seconds to minutes. */
export function ensureInstalled(dir: string, what: string, log: (line: string) => void): void {
  const missing = missingPackages(dir);
  if (missing.length === 0) return;
  const command = installCommand(dir);
  log(`installing ${what} (${listed(missing)}): ${command}`);
  // --prefix rather than the working directory alone: inside an npm script the parent's npm_config_* variables
  // are inherited, and the install must land in this folder whatever they say.
  const result = spawnSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund', '--no-update-notifier'], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const still = result.status === 0 ? missingPackages(dir) : missing;
  if (result.status !== 0 || still.length > 0) {
    throw new Error(`${command} failed (${result.error?.message ?? `exit code ${result.status}`}, missing: ${listed(still)}); run it yourself to see why.`);
  }
}

const listed = (names: string[]) => (names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', '));
