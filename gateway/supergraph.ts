import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import type { SupergraphManager } from '@apollo/gateway';
import federation from '@apollo/federation-internals';
import type { Logger } from 'pino';
import { currentLog } from '../shared/observability.ts';
import { packageVersions, readCached, startCachePath, writeCached } from '../shared/start-cache.ts';
import { supergraphSubgraphNames } from './subgraph-source.ts';

// The supergraph the gateway serves by default, composed ahead of time by `npm run compose` (scripts/compose.ts).
export const supergraphPath = new URL('./supergraph.graphql', import.meta.url);

/** How often the gateway looks at its supergraph file's modification time (SUPERGRAPH_POLL_MS). */
export const defaultSupergraphPollMs = 1000;

export interface SupergraphFile {
  path: string | URL;
  pollMs: number;
}

/**
 * Why the gateway refuses a supergraph, or undefined when it takes it: it must be a valid supergraph
 * (what composition writes, checked as @apollo/gateway checks it outside production) and name only
 * subgraphs the gateway started with, since their URLs and secrets are read once, at start-up; a
 * subgraph new to it would be called unsigned.
 */
export function supergraphProblem(supergraphSdl: string, knownSubgraphs: ReadonlySet<string>): string | undefined {
  const key = validationKey(supergraphSdl);
  const validated = validatedKeys();
  if (!validated.includes(key)) {
    try {
      federation.Supergraph.build(supergraphSdl, { validateSupergraph: true });
    } catch (error) {
      return oneLine(error);
    }
    rememberValidated([...validated, key]);
  }
  const unknown = supergraphSubgraphNames(supergraphSdl).filter((name) => !knownSubgraphs.has(name));
  if (unknown.length > 0) return `it names subgraphs the gateway has no URL and secret for (${unknown.join(', ')}); restart the gateway to add them`;
  return undefined;
}

/**
 * Supergraphs found valid before, by a hash of their text and of the version of the library that checked them:
 * a gateway restarted with the same file does not check it again. The check is 0.17 s of the 1.2 s of CPU a
 * gateway takes to start (bundled, on the 2-core machine), and `npm start` starts five services at once. A
 * cache that cannot be read or written costs only that time; a supergraph that failed is never in it.
 */
export const validatedCache = startCachePath('irm-valid-supergraphs');
const validatedKept = 20;
const federationVersion = packageVersions(['@apollo/federation-internals']);

export function validationKey(supergraphSdl: string): string {
  return createHash('sha256').update(federationVersion).update('\0').update(supergraphSdl).digest('hex');
}

function validatedKeys(): string[] {
  return (readCached(validatedCache) ?? '').split('\n').filter(Boolean);
}

export function validatedBefore(supergraphSdl: string): boolean {
  return validatedKeys().includes(validationKey(supergraphSdl));
}

function rememberValidated(keys: string[]): void {
  // Not written (read-only or missing node_modules/.cache): checked again at the next start.
  writeCached(validatedCache, `${keys.slice(-validatedKept).join('\n')}\n`);
}

/**
 * The gateway's source of its supergraph: the SDL it started with and then, with `file`, the file's content
 * each time its modification time changes, once supergraphProblem and @apollo/gateway accept it. A bad
 * one is logged and the one before keeps serving. Polling the modification time, unlike fs.watch, also sees
 * a file replaced by a rename (the safe way to write it) and works on every file system.
 */
export function supergraphManager(
  initialSdl: string,
  file: SupergraphFile | undefined,
  knownSubgraphs: ReadonlySet<string>,
  log: Pick<Logger, 'info' | 'error'> = currentLog(),
): SupergraphManager {
  return {
    async initialize({ update }) {
      if (!file) return { supergraphSdl: initialSdl };
      const { path, pollMs } = file;
      let current = initialSdl;
      const reload = async () => {
        const next = await readFile(path, 'utf8').catch((error: Error) => error);
        if (next === current) return;
        const problem = next instanceof Error ? `it cannot be read (${next.message})` : (supergraphProblem(next, knownSubgraphs) ?? accept(next));
        if (problem) log.error(`gateway: supergraph ${String(path)} rejected, the previous one keeps serving: ${problem}`);
        else log.info(`gateway: supergraph ${String(path)} reloaded`);
      };
      const accept = (sdl: string): string | undefined => {
        try {
          update(sdl);
          current = sdl;
          return undefined;
        } catch (error) {
          return oneLine(error);
        }
      };
      // One reload at a time, in the order the changes were seen.
      let reloading = Promise.resolve();
      const changed = (now: Stats, before: Stats) => {
        if (now.mtimeMs !== before.mtimeMs || now.ino !== before.ino) reloading = reloading.then(reload);
      };
      watchFile(path, { interval: pollMs, persistent: false }, changed);
      return { supergraphSdl: initialSdl, cleanup: async () => unwatchFile(path, changed) };
    },
  };
}

/** An error's whole message on the one log line: the first line of a schema error only says that there are causes. */
function oneLine(error: unknown): string {
  return (error as Error).message.replace(/\s*\n\s*/g, ' ');
}
