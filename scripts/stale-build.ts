import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
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
 * Runs `build` if `isStale()`, holding `lockFile`. Two `npm start`s at once (the tests run several) would
 * write the same files: the second waits for the first's lock and then finds the build current.
 */
export async function buildWhenStale(lockFile: string, isStale: () => boolean, build: () => Promise<void>): Promise<void> {
  if (!isStale()) return;
  let lock: number | undefined;
  while (lock === undefined) {
    try {
      lock = openSync(lockFile, 'wx');
    } catch {
      // A lock left by a build that was killed is older than any build takes.
      const held = statSync(lockFile, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 5 * 60_000) rmSync(lockFile, { force: true });
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
