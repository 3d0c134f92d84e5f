import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnLeashed } from '../shared/processes.ts';
import { buildWhenStale, newestModification, packageLockHash } from './stale-build.ts';

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
];
const lockFile = join(root, 'portal/.build.lock');
/** The dependencies the build was made with (packageLockHash); not in dist, whose every file the gateway serves. */
const builtWith = join(root, 'portal/.built-with-package-lock');

export function portalIsStale(): boolean {
  if (!existsSync(built) || statSync(built).mtimeMs < newestModification(root, sources)) return true;
  return !existsSync(builtWith) || readFileSync(builtWith, 'utf8') !== packageLockHash(root);
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
        // One argument: console.log (the default log) printed forEach's index and the whole array after each line.
        .forEach((line) => log(line));
      if (code === 0) resolve();
      else reject(new Error(`portal build failed (exit code ${code})`));
    });
  });
}

/** Builds when stale; a second `npm start` at the same time waits for the first's build. */
export async function ensurePortalBuilt(log: (line: string) => void = console.log): Promise<void> {
  await buildWhenStale(
    lockFile,
    portalIsStale,
    async () => {
      log('building the portal (portal/ changed since the last build) …');
      const started = Date.now();
      const packageLock = packageLockHash(root);
      await runVite(log);
      // The build counts as of its start, as the services' bundle does (bundle-services.ts sourcesAt): a source saved
      // while vite ran is newer than it, so the next check builds again. Dated by its end, such an edit went unbuilt
      // and a browser test ran the page before it (seen twice on 2026-12-07).
      utimesSync(built, started / 1000, started / 1000);
      writeFileSync(builtWith, packageLock);
      log(`portal built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
    () => log('waiting for another npm start to build the portal …'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensurePortalBuilt().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
