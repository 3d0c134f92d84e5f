import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

// What `npm start`'s two builds share (the portal, scripts/build-portal.ts, and the services' bundle,
// scripts/bundle-services.ts): knowing when sources changed, and building once when several start at once.

/** The newest modification time of these files and folders under `root`, a folder's own included (it changes when a file is added or removed). */
export function newestModification(root: string, paths: string[]): number {
  let newest = 0;
  for (const source of paths) {
    const path = join(root, source);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory() ? [path, ...readdirSync(path, { recursive: true }).map((f) => join(path, String(f)))] : [path];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/**
 * package-lock.json by its content, not its modification time: `npm install` rewrites it unchanged, and every
 * `npm install && npm start` (the README's first command) built the portal (13 s) and the bundle again.
 */
export function packageLockHash(root: string): string {
  const lock = join(root, 'package-lock.json');
  return existsSync(lock) ? createHash('sha256').update(readFileSync(lock)).digest('hex') : '';
}

/**
 * Runs `build` if `isStale()`, holding `lockFile`. Two `npm start`s at once (the tests run several) would
 * write the same files: the second waits for the first's lock and then finds the build current. The lock
 * names its holder's pid: one left by a start stopped with Ctrl-C during its build (process.exit runs no
 * finally) is taken over at once, not after the five minutes that stay the limit for a holder still alive.
 */
export async function buildWhenStale(lockFile: string, isStale: () => boolean, build: () => Promise<void>, waiting?: () => void): Promise<void> {
  if (!isStale()) return;
  let lock: number | undefined;
  for (let tries = 0; lock === undefined; tries++) {
    try {
      lock = openSync(lockFile, 'wx');
      writeSync(lock, String(process.pid));
    } catch {
      if (tries === 0) waiting?.();
      const held = statSync(lockFile, { throwIfNoEntry: false });
      if (held && (!holderAlive(lockFile) || Date.now() - held.mtimeMs > 5 * 60_000)) rmSync(lockFile, { force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    if (isStale()) await build();
  } finally {
    closeSync(lock);
    rmSync(lockFile, { force: true });
  }
}

/** Whether the process named in the lock runs; a lock without a pid yet (just created) counts as held. */
function holderAlive(lockFile: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lockFile, 'utf8'));
  } catch {
    return true;
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
