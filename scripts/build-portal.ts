import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnLeashed } from '../shared/processes.ts';

// Builds the portal (portal/ into portal/dist) when the build is missing or older than its sources,
// so `npm start` serves a current portal without a separate command and starts at once when nothing
// changed. `node scripts/build-portal.ts` does the same from a shell or `npm test`;
// `npm run build:portal` always builds.

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'portal/dist/index.html');
const sources = [
  'portal/src',
  'portal/graphiql',
  'portal/index.html',
  'portal/graphiql.html',
  'portal/vite.config.ts',
  'portal/persisted-operations.ts',
  'shared/data',
  'package-lock.json',
];
const lockFile = join(root, 'portal/.build.lock');

function newestSource(): number {
  let newest = 0;
  for (const source of sources) {
    const path = join(root, source);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory() ? readdirSync(path, { recursive: true }).map((f) => join(path, String(f))) : [path];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

export function portalIsStale(): boolean {
  return !existsSync(built) || statSync(built).mtimeMs < newestSource();
}

function runVite(log: (line: string) => void): Promise<void> {
  const child = spawnLeashed([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'portal/vite.config.ts', '--logLevel', 'warn'], { cwd: root });
  let output = '';
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (output += chunk));
  }
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      output
        .split('\n')
        .filter((line) => line.trim())
        .forEach(log);
      if (code === 0) resolve();
      else reject(new Error(`portal build failed (exit code ${code})`));
    });
  });
}

/**
 * Builds when stale. Two `npm start`s at once (the tests run several) would write the same folder:
 * the second waits for the first's lock and then finds the build current.
 */
export async function ensurePortalBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (!portalIsStale()) return;
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
    if (!portalIsStale()) return;
    log('building the portal (portal/ changed since the last build) …');
    const started = Date.now();
    await runVite(log);
    log(`portal built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    closeSync(lock);
    rmSync(lockFile, { force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensurePortalBuilt().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
