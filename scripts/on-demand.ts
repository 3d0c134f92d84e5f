import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Packages the project's `npm ci` leaves out, because running the graph never loads them: the benchmark's
// (bench/, the peer gateway and the load generator, half of all packages) and Biome (tools/, a 97 MB binary
// of the 658 MB a plain `npm ci` installed). Each folder is a package of its own with its lockfile, installed
// by `npm ci --prefix <folder>` the first time it is needed, and again when its lockfile names another
// version than the one installed (a pin raised in a pull), so nobody has to remember to.

/** The command that installs a folder's packages, for messages. */
export function installCommand(dir: string): string {
  return `npm ci --prefix ${relative(process.cwd(), dir) || '.'}`;
}

/** The folder's direct dependencies that are missing or at another version than its lockfile says. */
export function missingPackages(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages?: Record<string, { version?: string }> };
  return Object.keys(manifest.dependencies ?? {}).filter((name) => {
    const wanted = lock.packages?.[`node_modules/${name}`]?.version;
    const installedFile = join(dir, 'node_modules', name, 'package.json');
    if (!wanted || !existsSync(installedFile)) return true;
    return (JSON.parse(readFileSync(installedFile, 'utf8')) as { version?: string }).version !== wanted;
  });
}

/** Installs the folder's packages as its lockfile says when any is missing or outdated; a first install takes seconds to minutes. */
export function ensureInstalled(dir: string, what: string, log: (line: string) => void): void {
  const missing = missingPackages(dir);
  if (missing.length === 0) return;
  const command = installCommand(dir);
  log(`installing ${what} (${missing.join(', ')}): ${command}`);
  // --prefix rather than the working directory alone: inside an npm script the parent's npm_config_* variables
  // are inherited, and the install must land in this folder whatever they say.
  const result = spawnSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund', '--no-update-notifier'], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const still = result.status === 0 ? missingPackages(dir) : missing;
  if (result.status !== 0 || still.length > 0) {
    throw new Error(`${command} failed (${result.error?.message ?? `exit code ${result.status}`}, missing: ${still.join(', ')}); run it yourself to see why.`);
  }
}
