import { chmod, copyFile, mkdir, readdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { ConfigError } from '../shared/config.ts';
import { dataPaths, networks, regionService, serviceDatabase } from '../shared/networks.ts';
import { dataDir } from './local.ts';

// What `npm run backup` writes and `npm run restore` reads: one .tar.gz with
//   manifest.json                     format version, databases, tables, row counts, files
//   databases/<database>/<table>.copy each table's rows in COPY's text format
//   data/<path>                       the keys of DATA_DIR and the attachment files, by their path in DATA_DIR
// The manifest is the archive's first entry, so a reader learns what it holds before the data.

export const archiveFormat = 'irm-backup';
/** Raised when the layout or the manifest changes; restore refuses any other. */
export const archiveVersion = 1;

/** A refusal or failure told in one line, without a stack: what is wrong and what to do. */
export class BackupError extends Error {}

export type Service = 'network' | 'region';

export interface TableDump {
  name: string;
  /** Stored columns in table order; generated columns are left out and computed again on restore. */
  columns: string[];
  rows: number;
  file: string;
}

export interface SequenceValue {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface DatabaseDump {
  name: string;
  service: Service;
  /** The migrations applied in the snapshot, oldest first: restore builds exactly this schema before loading rows. */
  migrations: string[];
  tables: TableDump[];
  sequences: SequenceValue[];
}

export interface StoredFile {
  /** Path inside DATA_DIR, e.g. `jwt-secret` or `attachments/<uuid>`. */
  path: string;
  bytes: number;
}

export interface Manifest {
  format: typeof archiveFormat;
  version: number;
  createdAt: string;
  /** The server's version, for the reader; rows in COPY's text format load into any later PostgreSQL. */
  postgres: string;
  databases: DatabaseDump[];
  files: StoredFile[];
}

/** The databases `npm start` creates (scripts/start.ts), and which service's migrations make each one's schema. */
export function stackDatabases(): { name: string; service: Service }[] {
  return [
    ...networks.map((n) => ({ name: serviceDatabase(n.code), service: 'network' as const })),
    { name: serviceDatabase(regionService.name), service: 'region' },
  ];
}

/**
 * Refuses to run when a service's database is a server of its own: DATABASE_URL, or one service's own variable
 * (REGION_DATABASE_URL, NIWE_DATABASE_URL, …). With only the latter set, a backup read the embedded server's
 * databases, which those services do not use, and exited 0.
 */
export function requireEmbeddedDatabases(script: 'backup' | 'restore'): void {
  const own = ['DATABASE_URL', 'REGION_DATABASE_URL', ...networks.map((n) => `${n.code}_DATABASE_URL`)].filter((name) => process.env[name]);
  if (own.length === 0) return;
  const tool = script === 'backup' ? 'back up a server of your own with its pg_dump' : 'restore a server of your own with pg_restore';
  throw new BackupError(
    `${own.join(', ')} ${own.length === 1 ? 'is' : 'are'} set: npm run ${script} works on the embedded PostgreSQL only; ${tool} (README, Backup and restore).`,
  );
}

/** MikroORM's record of applied migrations: kept in the manifest, never copied as rows. */
export const migrationsTable = 'mikro_orm_migrations';

/**
 * The keys kept in DATA_DIR beside the database. Without them a restored stack cannot read webhook secrets
 * (webhook-key) and old tokens stop working (jwt-secret). `postgres-password` is left out on purpose:
 * restore starts a new server, which generates its own, and the services' roles get passwords derived from it.
 */
export const keyEntries = [dataPaths.jwtSecret, dataPaths.webhookKey, dataPaths.subgraphSecrets];

/** Entries of DATA_DIR that backup knows and leaves out; anything else there is named in a warning. */
export const skippedEntries = [dataPaths.postgres, dataPaths.postgresPassword];

/** Where region keeps attachment files: ATTACHMENTS_DIR, else DATA_DIR/attachments (subgraphs/region/server.ts). */
export function attachmentsDir(): string {
  return process.env.ATTACHMENTS_DIR ? resolve(process.env.ATTACHMENTS_DIR) : join(dataDir(), dataPaths.attachments);
}

/** The embedded server's data folder inside DATA_DIR, as `npm start` runs it. */
export function postgresDir(): string {
  return join(dataDir(), dataPaths.postgres);
}

/** `member` -> `"member"`: an identifier quoted for SQL, whatever it contains. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The pid of the PostgreSQL server running on `postgresDir`, or undefined when none runs there. */
export function runningServer(postgresDirectory: string): number | undefined {
  const file = join(postgresDirectory, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the server runs as `postgres` when we are root).
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

/** Connects, turning the usual failures into one line that says what to check. */
export async function connect(url: string, port: number): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    const { code } = error as { code?: string };
    const database = new URL(url).pathname.slice(1);
    if (code === 'ECONNREFUSED')
      throw new BackupError(`No PostgreSQL answers on 127.0.0.1:${port}: start the stack (npm start) with this DATA_DIR and PG_PORT first.`);
    if (code === '28P01')
      throw new BackupError(
        `PostgreSQL on port ${port} refused the password in ${join(dataDir(), 'postgres-password')}: is PG_PORT the port of this DATA_DIR's server?`,
      );
    if (code === '3D000') throw new BackupError(`Database ${database} does not exist on port ${port}: has npm start run with this DATA_DIR?`);
    throw new BackupError(`Cannot connect to PostgreSQL on port ${port}: ${(error as Error).message}`);
  }
  return client;
}

/** Files under `dir`, as paths relative to it; none when it does not exist. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

/**
 * Copies a key or an attachment readable by its owner only: files 0600 in folders 0700, as region and
 * `npm start` create them (drawings are customers' secrets, the keys sign tokens and requests).
 */
export async function copyPrivate(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true, mode: 0o700 });
  await chmod(dirname(to), 0o700);
  await copyFile(from, to);
  await chmod(to, 0o600);
}

/** `1234567` -> `1.2 MB`, for progress lines. */
export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/** Time since `started` for progress lines: `3.4 s`. */
export function seconds(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}

export function log(line: string): void {
  console.log(line);
}

/**
 * A path given that cannot be what it must, in one line instead of Node's stack: a DATA_DIR or an output file under
 * a file (ENOTDIR, EEXIST: "npm run backup -- /tmp/afile/b.tar.gz" showed mkdir's stack), or one its user may not write.
 */
function pathProblem(error: unknown): string | undefined {
  const { code, path } = error as NodeJS.ErrnoException;
  if (path === undefined) return undefined;
  if (code === 'ENOTDIR' || code === 'EEXIST')
    return `${path} cannot be a folder (a file of that name, or above it, is in the way): check DATA_DIR and the path given.`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return `${path} cannot be read or written by this user (${code}): check DATA_DIR and the path given.`;
  if (code === 'ENOSPC') return `no space left on the disk of ${path}.`;
  return undefined;
}

/** Runs a command-line script: a BackupError or a path that cannot be used ends it with its one line, anything else with its stack. */
export function runScript(name: string, main: () => Promise<void>): void {
  main().catch((error) => {
    const line = error instanceof BackupError || error instanceof ConfigError ? error.message : pathProblem(error);
    console.error(line === undefined ? error : `${name}: ${line}`);
    process.exit(1);
  });
}

/**
 * Member ids the network gave out after the backup stand in region's records (capacity posts, invitations, accounts):
 * restored as they were, the sequence gave them out again, and region's records named another company (the
 * operations probe). The next id is a million past the backup's last: more than any network writes between two
 * backups, member imports of 1,000 rows a file included (NIWE has about 60 members); ids go to 2,147,483,647, so two
 * thousand restores fit. docs/office.md gives the same statement after pg_restore.
 */
export const skipMemberIds = `select setval('public.member_id_seq', (select last_value from public.member_id_seq) + 1000000)`;
