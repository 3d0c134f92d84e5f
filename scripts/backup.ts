import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { create as createTar } from 'tar';
import { envPort } from '../shared/config.ts';
import { databaseUrl, embeddedServerUrl } from '../shared/postgres.ts';
import {
  archiveFormat,
  archiveVersion,
  attachmentsDir,
  BackupError,
  connect,
  copyPrivate,
  filesUnder,
  ident,
  keyEntries,
  log,
  migrationsTable,
  postgresDir,
  requireEmbeddedDatabases,
  runScript,
  seconds,
  size,
  skippedEntries,
  stackDatabases,
  type DatabaseDump,
  type Manifest,
  type Service,
  type StoredFile,
  type TableDump,
} from './backup-archive.ts';
import { dataDir } from './local.ts';

// npm run backup -- [FILE]
// A backup of the embedded default while it serves: every service database, the keys of DATA_DIR and the
// attachment files, in one .tar.gz (layout in backup-archive.ts). The embedded binaries have no pg_dump, and
// Debian's pg_dump 15 refuses a PostgreSQL 18 server, so the rows are read here with COPY, as pg_dump does:
// each database in one REPEATABLE READ READ ONLY transaction, a snapshot that writes during the backup do not
// change. The schema is not dumped: it is what the recorded migrations build, and restore runs them.

const usage = 'Usage: npm run backup -- [FILE]   (default backups/irm-<time>.tar.gz; DATA_DIR and PG_PORT as for npm start)';

interface Snapshot {
  name: string;
  service: Service;
  client: pg.Client;
}

function outputFile(): string {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ allowPositionals: true, options: {} }));
  } catch (error) {
    throw new BackupError(`${(error as Error).message}\n${usage}`);
  }
  if (positionals.length > 1) throw new BackupError(`Give one file name, not ${positionals.length}.\n${usage}`);
  const file = resolve(positionals[0] ?? join('backups', `irm-${new Date().toISOString().replace(/[-:]|\.\d+/g, '')}.tar.gz`));
  if (existsSync(file)) throw new BackupError(`${file} exists already: give another file name.`);
  return file;
}

/**
 * Opens one transaction per database and takes its snapshot at once, all databases together. Each database is
 * then consistent in itself (a member with its audit entry, a booking with its post); across databases the
 * snapshots lie milliseconds apart, as no write spans two databases anyway (each service writes only its own).
 */
async function takeSnapshots(serverUrl: string, port: number): Promise<Snapshot[]> {
  return Promise.all(
    stackDatabases().map(async ({ name, service }) => {
      const client = await connect(databaseUrl(serverUrl, name), port);
      await client.query('begin isolation level repeatable read read only');
      // The snapshot is taken by the transaction's first statement, not by BEGIN.
      await client.query('select 1');
      return { name, service, client };
    }),
  );
}

/** Ordinary tables of the public schema with their stored columns, extensions' own tables and MikroORM's record left out. */
async function tablesOf(client: pg.Client): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `
    select c.relname as name,
      array(select a.attname::text from pg_attribute a
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
            order by a.attnum) as columns
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and c.relname <> $1
      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
    order by c.relname`,
    [migrationsTable],
  );
  return rows;
}

/**
 * Every sequence's position. Sequences stand outside transactions: read after the snapshot, each is at or past
 * every value the snapshot's rows hold, so restored rows never meet a number they already use.
 */
async function sequencesOf(client: pg.Client): Promise<DatabaseDump['sequences']> {
  const { rows: names } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'S' order by 1`,
  );
  const values: DatabaseDump['sequences'] = [];
  for (const { name } of names) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(`select last_value::text, is_called from public.${ident(name)}`);
    values.push({ name, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
  }
  return values;
}

/** Streams one table's rows to `file` in COPY's text format, counting them (one line per row: newlines in values are escaped). */
async function dumpTable(client: pg.Client, table: { name: string; columns: string[] }, file: string): Promise<TableDump> {
  let rows = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
      done(null, chunk);
    },
  });
  const columns = table.columns.map(ident).join(', ');
  await pipeline(client.query(copyTo(`copy public.${ident(table.name)} (${columns}) to stdout`)), counter, createWriteStream(file, { mode: 0o600 }));
  return { name: table.name, columns: table.columns, rows, file: `databases/${basename(dirname(file))}/${basename(file)}` };
}

/** Tables taking longer than this get a progress line of their own; the rest are summed up per database. */
const slowTableMs = 2000;

async function dumpDatabase(snapshot: Snapshot, staging: string): Promise<DatabaseDump> {
  const { client, name } = snapshot;
  const started = Date.now();
  const migrations = (await client.query<{ name: string }>(`select name from ${migrationsTable} order by id`)).rows.map((r) => r.name);
  const sequences = await sequencesOf(client);
  const dir = join(staging, 'databases', name);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tables: TableDump[] = [];
  for (const table of await tablesOf(client)) {
    const tableStarted = Date.now();
    const dump = await dumpTable(client, table, join(dir, `${table.name}.copy`));
    tables.push(dump);
    if (Date.now() - tableStarted > slowTableMs) log(`backup: ${name}.${table.name}: ${dump.rows} rows (${seconds(tableStarted)})`);
  }
  log(`backup: ${name}: ${tables.length} tables, ${tables.reduce((sum, t) => sum + t.rows, 0)} rows (${seconds(started)})`);
  return { name, service: snapshot.service, migrations, tables, sequences };
}

/**
 * The attachment files region's rows in the snapshot name: every table with a `storage_name` column (an inquiry's
 * drawings, a meeting's minutes), found in the catalog so that a table added later is not left out, as the minutes
 * were: their rows came back from a restore, their files did not (a download then failed with 500). Region names
 * the finished file before it commits the row (subgraphs/region/files.ts); one of an earlier version committed first
 * and renamed `<name>.part` after, so a row committed a moment before the snapshot may have only its `.part`,
 * complete already: that one is taken. Files of uploads after the snapshot, and temporaries, are left out.
 */
async function attachmentFiles(region: Snapshot): Promise<string[]> {
  const { rows: tables } = await region.client.query<{ table_name: string }>(
    `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'storage_name' order by table_name`,
  );
  if (tables.length === 0) return [];
  const union = tables.map((t) => `select storage_name from ${region.client.escapeIdentifier(t.table_name)}`).join(' union ');
  const { rows } = await region.client.query<{ storage_name: string }>(`${union} order by storage_name`);
  return rows.map((r) => r.storage_name);
}

async function copyAttachments(names: string[], staging: string): Promise<{ stored: StoredFile[]; missing: number }> {
  const stored: StoredFile[] = [];
  let missing = 0;
  for (const name of names) {
    const bytes = await copyAttachment(name, join(staging, 'data', 'attachments', name));
    if (bytes === undefined) {
      missing++;
      log(`backup: warning: attachment file ${join(attachmentsDir(), name)} is missing; its row is kept, the file cannot be`);
    } else stored.push({ path: `attachments/${name}`, bytes });
  }
  return { stored, missing };
}

/** Copies `<name>`, else its `<name>.part`, else `<name>` again (renamed meanwhile); the bytes copied, or undefined when there is none. */
async function copyAttachment(name: string, to: string): Promise<number | undefined> {
  const dir = attachmentsDir();
  for (const from of [join(dir, name), join(dir, `${name}.part`), join(dir, name)]) {
    try {
      await copyPrivate(from, to);
      return (await stat(to)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return undefined;
}

async function copyKeys(staging: string): Promise<StoredFile[]> {
  const data = dataDir();
  const stored: StoredFile[] = [];
  for (const entry of keyEntries) {
    const from = join(data, entry);
    if (!existsSync(from)) continue;
    const files = (await stat(from)).isDirectory() ? (await filesUnder(from)).map((f) => join(entry, f)) : [entry];
    for (const file of files) {
      await copyPrivate(join(data, file), join(staging, 'data', file));
      stored.push({ path: file, bytes: (await stat(join(data, file))).size });
    }
  }
  return stored;
}

/** Says what a restore from this backup will lack: keys given in the environment, and whatever else lies in DATA_DIR. */
async function warnAboutOmissions(): Promise<void> {
  for (const variable of ['JWT_SECRET', 'WEBHOOK_KEY']) {
    if (process.env[variable]) log(`backup: note: ${variable} is set in the environment and is not in the backup; keep it yourself`);
  }
  const known = new Set([...keyEntries, ...skippedEntries, 'attachments']);
  for (const entry of await readdir(dataDir())) {
    if (!known.has(entry)) log(`backup: warning: ${join(dataDir(), entry)} is not in the backup (npm run backup does not know it)`);
  }
}

/** Packs the staging folder into `file`, readable by its owner only: it holds the keys and every member's data. */
async function pack(staging: string, file: string): Promise<void> {
  // Written under another name first: a file by the given name is always a whole backup.
  const partial = `${file}.part`;
  try {
    await pipeline(
      createTar({ gzip: true, cwd: staging, portable: true }, ['manifest.json', 'databases', 'data']),
      createWriteStream(partial, { mode: 0o600, flags: 'wx' }),
    );
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}

async function main(): Promise<void> {
  const file = outputFile();
  requireEmbeddedDatabases('backup');
  const port = envPort('PG_PORT', 54329);
  if (!existsSync(join(dataDir(), 'postgres-password')))
    throw new BackupError(`${dataDir()} holds no embedded PostgreSQL (no postgres-password): set DATA_DIR to the folder npm start uses.`);
  // Its folder first: one the file cannot go to is said before the databases are read.
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const serverUrl = embeddedServerUrl(postgresDir(), port);
  const snapshots = await takeSnapshots(serverUrl, port);
  const staging = await mkdtemp(join(dirname(file), `.${basename(file)}-`));
  try {
    const postgres = (await snapshots[0].client.query<{ server_version: string }>('show server_version')).rows[0].server_version;
    log(`backup: snapshots of ${snapshots.map((s) => s.name).join(', ')} taken (PostgreSQL ${postgres} on port ${port})`);
    const databases: DatabaseDump[] = [];
    for (const snapshot of snapshots) databases.push(await dumpDatabase(snapshot, staging));
    const attachmentNames = await attachmentFiles(snapshots.find((s) => s.service === 'region')!);
    await Promise.all(snapshots.map((s) => s.client.query('commit')));
    const { stored: attachments, missing } = await copyAttachments(attachmentNames, staging);
    const keys = await copyKeys(staging);
    log(`backup: ${attachments.length} attachment files, ${keys.length} key files`);
    await warnAboutOmissions();
    const manifest: Manifest = {
      format: archiveFormat,
      version: archiveVersion,
      createdAt: new Date().toISOString(),
      postgres,
      databases,
      files: [...keys, ...attachments],
    };
    await writeFile(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2), { mode: 0o600 });
    log(`backup: packing ${file}…`);
    await pack(staging, file);
    log(`backup: written ${file} (${size((await stat(file)).size)})`);
    // Written, since its rows are worth keeping, but not reported as a good backup: a job that checks the exit code
    // learns of it (mostly an ATTACHMENTS_DIR that is not the one npm start uses).
    if (missing)
      throw new BackupError(
        `${missing} of ${attachmentNames.length} attachment files were missing (listed above); ${file} holds their rows without them. Is ${attachmentsDir()} the ATTACHMENTS_DIR npm start uses?`,
      );
  } finally {
    await Promise.all(snapshots.map((s) => s.client.end().catch(() => {})));
    await rm(staging, { recursive: true, force: true });
  }
}

runScript('npm run backup', main);
