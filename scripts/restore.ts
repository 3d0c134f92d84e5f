import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { extract, list } from 'tar';
import { envPort } from '../shared/config.ts';
import { migrationsOrm } from '../shared/orm.ts';
import { databaseUrl, ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from '../shared/postgres.ts';
import { migrations as networkMigrations } from '../subgraphs/network/migrations/index.ts';
import { regionMigrations } from '../subgraphs/region/migrations/index.ts';
import { webhookKeyFromEnv } from '../subgraphs/region/inquiries/webhook-secrets.ts';
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
  postgresDir,
  requireEmbeddedDatabases,
  runningServer,
  runScript,
  seconds,
  stackDatabases,
  type DatabaseDump,
  type Manifest,
  type Service,
  skipMemberIds,
} from './backup-archive.ts';
import { dataDir, restoreIncompleteMarker } from './local.ts';

// npm run restore -- FILE [--force]
// Makes DATA_DIR what it was when `npm run backup` wrote FILE: a new embedded server (with a new superuser
// password), each database built by exactly the migrations the backup had applied, the rows loaded, the
// sequences set, then the keys and attachment files. `npm start` on it afterwards runs any newer migrations,
// so a backup of an older version comes up as if that stack had been upgraded.

const usage = 'Usage: npm run restore -- FILE [--force]   (into DATA_DIR, which must be new or empty; --force replaces its data)';

function parseArguments(): { file: string; force: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  } catch (error) {
    throw new BackupError(`${(error as Error).message}\n${usage}`);
  }
  if (parsed.positionals.length !== 1) throw new BackupError(`Give the backup file to restore.\n${usage}`);
  const file = resolve(parsed.positionals[0]);
  if (!existsSync(file)) throw new BackupError(`No backup file ${file}.`);
  return { file, force: parsed.values.force };
}

/** What DATA_DIR already holds that a restore would replace: the database, its password, keys, attachments. */
async function existingData(): Promise<string[]> {
  const found = ['postgres', 'postgres-password', ...keyEntries].map((entry) => join(dataDir(), entry)).filter((path) => existsSync(path));
  if ((await filesUnder(attachmentsDir())).length > 0) found.push(attachmentsDir());
  return found;
}

/** Refuses a DATA_DIR whose server runs (even with --force), and one that holds data unless --force. */
async function checkDataDir(force: boolean): Promise<string[]> {
  const pid = runningServer(postgresDir());
  if (pid) throw new BackupError(`PostgreSQL (pid ${pid}) is running on ${postgresDir()}: stop npm start on this DATA_DIR first.`);
  const existing = await existingData();
  if (existing.length > 0 && !force)
    throw new BackupError(`${dataDir()} already holds data (${existing.join(', ')}): set DATA_DIR to a new folder, or pass --force to replace it.`);
  return existing;
}

/**
 * Unpacks the archive into `dir` and reads its manifest, refusing anything it cannot restore. The archive is read
 * whole once before anything is written: a truncated one failed part way through the extraction, whose writes
 * still under way then made the clean-up fail (ENOTEMPTY) in place of the real error.
 */
async function unpack(file: string, dir: string): Promise<Manifest> {
  try {
    await list({ file, strict: true });
    await extract({ file, cwd: dir, strict: true });
  } catch (error) {
    throw new BackupError(`${file} is not a backup of npm run backup, or is damaged or cut short (${(error as Error).message}).`);
  }
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new BackupError(`${file} has no manifest.json: it is not a backup of npm run backup.`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest;
  } catch (error) {
    throw new BackupError(`The manifest.json of ${file} is damaged (${(error as Error).message}).`);
  }
  if (manifest.format !== archiveFormat) throw new BackupError(`${file} is not a backup of npm run backup (format ${manifest.format}).`);
  if (manifest.version !== archiveVersion)
    throw new BackupError(`${file} has backup format version ${manifest.version}; this version of the project restores version ${archiveVersion} only.`);
  // Paths from the manifest are joined to DATA_DIR and the unpacked folder: none may lead out of them.
  const outside = [...manifest.files.map((f) => f.path), ...manifest.databases.flatMap((d) => d.tables.map((t) => t.file))].find(
    (path) => isAbsolute(path) || path.split(/[\\/]/).includes('..'),
  );
  if (outside !== undefined) throw new BackupError(`The manifest of ${file} names ${outside}, a path outside the backup: the file is damaged.`);
  return manifest;
}

/** The migrations this version of the project has for a service, in order; region's are made for its webhook key. */
function knownMigrations(service: Service, webhookKey: Buffer): { name: string; class: unknown }[] {
  return service === 'network' ? networkMigrations : regionMigrations(webhookKey);
}

/** A backup may come from an older version (its migrations a subset of ours), never from a newer one. */
function checkMigrations(manifest: Manifest): void {
  const expected = new Map(stackDatabases().map((d) => [d.name, d.service]));
  for (const database of manifest.databases) {
    if (expected.get(database.name) !== database.service)
      throw new BackupError(`The backup holds database ${database.name} (${database.service}), which this version of the project does not have.`);
    // Only the names are compared here, so any key will do.
    const known = new Set(knownMigrations(database.service, Buffer.alloc(32)).map((m) => m.name));
    const unknown = database.migrations.filter((name) => !known.has(name));
    if (unknown.length > 0)
      throw new BackupError(
        `The backup of ${database.name} was made by a newer version of the project (migration ${unknown[0]} is unknown here): restore it with that version.`,
      );
  }
}

/** Builds the schema the backup's rows were read from: exactly its migrations, run as the service's own role, as the service would. */
async function buildSchema(database: DatabaseDump, roleUrl: string): Promise<void> {
  // MikroORM reads an empty list as "every pending migration"; a database the backup found without any stays empty.
  if (database.migrations.length === 0) return;
  // The key the backup brought (restored first), or WEBHOOK_KEY, as region reads it at start.
  const webhookKey = webhookKeyFromEnv({ ...process.env, DATA_DIR: dataDir() });
  const orm = await migrationsOrm(roleUrl, knownMigrations(database.service, webhookKey) as never);
  try {
    await orm.migrator.up({ migrations: database.migrations });
  } finally {
    await orm.close(true);
  }
}

/**
 * Loads every table in one transaction as the superuser. Triggers and foreign-key checks are off
 * (session_replication_role = replica), so tables load in any order and a trigger such as network's
 * search-word collector does not add rows the backup already has. Rows a migration inserted are removed first.
 */
async function loadRows(client: pg.Client, database: DatabaseDump, dir: string): Promise<void> {
  await client.query('begin');
  await client.query('set local session_replication_role = replica');
  // For building the indexes again below; PostgreSQL's default of 64 MB spills a large trigram index to disk.
  await client.query(`set local maintenance_work_mem = '256MB'`);
  if (database.tables.length > 0) await client.query(`truncate ${database.tables.map((t) => `public.${ident(t.name)}`).join(', ')}`);
  for (const table of database.tables) {
    const started = Date.now();
    const columns = table.columns.map(ident).join(', ');
    const indexes = await dropIndexes(client, table.name);
    try {
      await pipeline(createReadStream(join(dir, table.file)), client.query(copyFrom(`copy public.${ident(table.name)} (${columns}) from stdin`)));
    } catch (error) {
      // PostgreSQL's words name neither the database nor the table ("date/time field value out of range"); its
      // context (COPY certification, line 3, column valid_until) says where in the backup the value is.
      const { message, where } = error as { message: string; where?: string };
      throw new BackupError(`${database.name}.${table.name} (${table.file} in the backup): ${message}${where ? ` (${where})` : ''}.`);
    }
    for (const definition of indexes) await client.query(definition);
    // Long tables get a line of their own; the database's line sums up the rest.
    if (Date.now() - started > 2000) log(`restore: ${database.name}.${table.name}: ${table.rows} rows (${seconds(started)})`);
  }
  for (const sequence of database.sequences) {
    await client.query('select setval($1::regclass, $2::bigint, $3)', [`public.${ident(sequence.name)}`, sequence.lastValue, sequence.isCalled]);
  }
  if (database.service === 'network') await client.query(skipMemberIds);
  await client.query('commit');
}

/**
 * Drops a table's indexes that no constraint owns and returns the statements that make them again. Built once
 * over all rows instead of row by row, as pg_restore does: 100,000 members loaded in 54 s with the search
 * indexes in place (trigram and earth-distance indexes updated per row), and in 12 s with them built afterwards.
 * Primary keys and unique constraints stay.
 */
async function dropIndexes(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    where i.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [`public.${ident(table)}`],
  );
  for (const { name } of rows) await client.query(`drop index ${name}`);
  return rows.map((r) => r.definition);
}

/**
 * A network's search takes a word its dictionary lacks for one in no member's text (search.ts WordPatterns.absent).
 * The texts were folded again as they loaded, by this server's lower(), which a server of another locale provider
 * may do otherwise, while the dictionary came as it was. So it is gathered from the texts again, by the rule the
 * trigger keeps it by (migration search_words_prune): the words (irm_search_words) of the active members, nothing
 * else. The restore is alone with the database, so the dictionary is built anew rather than pruned, and the queue
 * of words to prune (search_word_stale) is left empty. A backup from before irm_search_words has it gathered by the
 * migrations that bring the rule and the queue, at the next `npm start`.
 */
async function gatherSearchWords(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ rule: string | null; queue: string | null }>(
    `select to_regprocedure('irm_search_words(text)')::text as rule, to_regclass('search_word_stale')::text as queue`,
  );
  if (rows[0].rule === null) return;
  await client.query('begin');
  await client.query('truncate search_word');
  if (rows[0].queue !== null) await client.query('truncate search_word_stale');
  // distinct: each word meets the dictionary's key once, not once per member that has it.
  await client.query(`insert into search_word (word) select distinct w from member, irm_search_words(search_text) as w where archived_at is null`);
  await client.query('commit');
}

/** Row counts read back from the database must be the manifest's. */
async function checkRows(client: pg.Client, database: DatabaseDump): Promise<void> {
  for (const table of database.tables) {
    const { rows } = await client.query<{ count: string }>(`select count(*)::text as count from public.${ident(table.name)}`);
    if (Number(rows[0].count) !== table.rows)
      throw new BackupError(`${database.name}.${table.name} has ${rows[0].count} rows after the restore, the backup ${table.rows}.`);
  }
}

async function restoreDatabase(server: EmbeddedServer, port: number, database: DatabaseDump, dir: string): Promise<void> {
  const started = Date.now();
  const roleUrl = await ensureDatabase(server.url, database.name);
  await buildSchema(database, roleUrl);
  const client = await connect(databaseUrl(server.url, database.name), port);
  try {
    await loadRows(client, database, dir);
    await checkRows(client, database);
    await gatherSearchWords(client);
    // As seed:bulk does after a load: statistics for the planner (without them Q3 was planned ten times slower),
    // and the visibility map, without which no index-only scan skips the table.
    await client.query('vacuum analyze');
  } finally {
    await client.end();
  }
  const rows = database.tables.reduce((sum, t) => sum + t.rows, 0);
  log(
    `restore: ${database.name}: ${database.migrations.length} migrations, ${database.tables.length} tables, ${rows} rows, counts checked (${seconds(started)})`,
  );
}

/** Keys to DATA_DIR, attachments to ATTACHMENTS_DIR (or DATA_DIR/attachments), each checked against the manifest's size. */
async function restoreFiles(files: Manifest['files'], dir: string): Promise<void> {
  for (const file of files) {
    const from = join(dir, 'data', file.path);
    if (!existsSync(from)) throw new BackupError(`The backup lacks ${file.path}, which its manifest lists: the file is damaged.`);
    const to = file.path.startsWith('attachments/') ? join(attachmentsDir(), file.path.slice('attachments/'.length)) : join(dataDir(), file.path);
    await copyPrivate(from, to);
    if ((await stat(to)).size !== file.bytes)
      throw new BackupError(`${file.path} has ${(await stat(to)).size} bytes, the manifest says ${file.bytes}: the backup is damaged.`);
  }
}

/** Refuses a port another server holds, before the restore changes anything. */
async function requirePortFree(port: number): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new BackupError(`PG_PORT ${port} is in use by another server: choose a free PG_PORT for the restore.`) : error),
    );
    server.listen(port, '127.0.0.1', resolve);
  });
  await new Promise((resolve) => server.close(resolve));
}

async function main(): Promise<void> {
  const { file, force } = parseArguments();
  requireEmbeddedDatabases('restore');
  const port = envPort('PG_PORT', 54329);
  const existing = await checkDataDir(force);
  // Made here, so removed again if the archive is refused: a bad archive left an empty DATA_DIR behind.
  const madeDataDir = !existsSync(dataDir());
  await mkdir(dataDir(), { recursive: true, mode: 0o700 });
  // Unpacked inside DATA_DIR: on the disk meant for the data, not in a small /tmp.
  const dir = await mkdtemp(join(dataDir(), '.restore-'));
  let server: EmbeddedServer | undefined;
  let replacing = false;
  try {
    log(`restore: unpacking ${file}…`);
    const manifest = await unpack(file, dir);
    checkMigrations(manifest);
    // The server's port is checked before anything is removed: in use, --force had deleted the data already.
    await requirePortFree(port);
    // Nothing is removed before the archive has been read and found restorable; from here until the end the
    // folder is marked, and npm start refuses it (scripts/local.ts).
    await writeFile(join(dataDir(), restoreIncompleteMarker), `${file}\n`, { mode: 0o600 });
    replacing = true;
    for (const path of existing) await rm(path, { recursive: true, force: true });
    log(`restore: backup made ${manifest.createdAt} from PostgreSQL ${manifest.postgres}; starting a new embedded PostgreSQL in ${postgresDir()}`);
    // Keys first: region's migrations are made for the webhook key the backup brings.
    await restoreFiles(
      manifest.files.filter((f) => !f.path.startsWith('attachments/')),
      dir,
    );
    server = await startEmbeddedPostgres(postgresDir(), port, { persistent: true }).catch((error: Error) => {
      throw new BackupError(error.message);
    });
    for (const database of manifest.databases) await restoreDatabase(server, port, database, dir);
    await restoreFiles(
      manifest.files.filter((f) => f.path.startsWith('attachments/')),
      dir,
    );
    await rm(join(dataDir(), restoreIncompleteMarker));
    const rows = manifest.databases.flatMap((d) => d.tables).reduce((sum, t) => sum + t.rows, 0);
    log(`restore: done: ${manifest.databases.length} databases, ${rows} rows, ${manifest.files.length} files; start it with npm start (same DATA_DIR)`);
  } catch (error) {
    if (!replacing) {
      await rm(dir, { recursive: true, force: true, maxRetries: 5 });
      if (madeDataDir) await rm(dataDir(), { recursive: true, force: true });
      throw error;
    }
    // Any failure from here on (a row the server refuses, a full disk) leaves the folder half restored: one line
    // that says so, not a stack trace that does not.
    const message = error instanceof BackupError ? error.message : `${(error as Error).message}.`;
    throw new BackupError(`${message} ${dataDir()} is partly restored, and npm start refuses it: run the restore again with --force.`);
  } finally {
    await server?.stop();
    // Retried: a write of the extraction may still be closing.
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  }
}

runScript('npm run restore', main);
