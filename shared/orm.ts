import { DefaultLogger, MikroORM, defineConfig, type LoggerOptions, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { traceStatement } from './observability.ts';
import { ConfigError } from './config.ts';
import { explainConnectError, guardPoolOf, pgConfig, tlsOptions } from './pg-connection.ts';
import { databaseSetUp } from './processes.ts';
import { requireUtf8Database } from './database-locale.ts';

// One way to open a service's database: entities listed, committed migrations
// run at start, every statement counted.

/** Counts every SQL statement the ORM sends; tests and the benchmark read it to prove per-request query counts. */
export class SqlCounter {
  count = 0;
}

class CountingLogger extends DefaultLogger {
  readonly counter: SqlCounter;
  constructor(options: LoggerOptions, counter: SqlCounter) {
    super(options);
    this.counter = counter;
  }
  override logQuery(context: Parameters<DefaultLogger['logQuery']>[0]): void {
    this.counter.count++;
    traceStatement(context.query, context.took, context.level === 'error');
    super.logQuery(context);
  }
}

export interface OrmSetup {
  clientUrl: string;
  entities: NonNullable<Options['entities']>;
  migrations: NonNullable<NonNullable<Options['migrations']>['migrationsList']>;
  counter?: SqlCounter;
  databaseSettings?: DatabaseSettings;
  /** Work on the schema after the migrations, at every start, under the migration lock (network: the catalog masks). */
  afterMigrations?: (session: pg.Client) => Promise<void>;
  /** SQL_DEBUG=1 (network, region): every statement logged with its parameters. */
  sqlDebug?: boolean;
  overrides?: Partial<Options>;
}

export function ormConfig(setup: OrmSetup): Options {
  const counter = setup.counter ?? new SqlCounter();
  return defineConfig({
    clientUrl: setup.clientUrl,
    entities: setup.entities,
    extensions: [Migrator],
    migrations: { migrationsList: setup.migrations, silent: true, snapshot: false },
    loggerFactory: (options) => new CountingLogger(options, counter),
    debug: setup.sqlDebug ? ['query', 'query-params'] : false,
    pool: { max: 10 },
    driverOptions: {
      // MikroORM reads no TLS setting from the URL; pg-connection.ts reads them as libpq does.
      ssl: tlsOptions(setup.clientUrl),
      // A connection the server ended while checked out is given back (guardPool), and a caller waits at most 10 s
      // for one: a hung server (SIGSTOP) kept every request waiting for good, with nothing said (the faults probe).
      connectionTimeoutMillis: 10_000,
      onPoolCreated: (pool: pg.Pool) => guardPoolOf(setup.clientUrl, pool),
    },
    ...setup.overrides,
  });
}

/** Migrations without entities, for running them step by step: `npm run restore` up to a backup's, and the migrations' tests. */
export function migrationsOrm(clientUrl: string, migrations: OrmSetup['migrations']): Promise<MikroORM> {
  return MikroORM.init(ormConfig({ clientUrl, entities: [], migrations, overrides: { discovery: { warnWhenNoEntities: false } } }));
}

/** Connects and brings the schema up to date by running the committed migrations, one instance at a time. */
export async function initOrm(setup: OrmSetup): Promise<{ orm: MikroORM; counter: SqlCounter }> {
  const counter = setup.counter ?? new SqlCounter();
  // Started by `npm start` while PostgreSQL starts: connect once it says the database is set up.
  await databaseSetUp();
  const { orm, settingsChanged } = await withMigrationLock(
    setup.clientUrl,
    async (session) => {
      await requireUtf8Database(session);
      const orm = await MikroORM.init(ormConfig({ ...setup, counter }));
      try {
        await refuseNewerSchema(orm, setup.migrations);
        await orm.migrator.up();
        await setup.afterMigrations?.(session);
        return { orm, settingsChanged: setup.databaseSettings ? await keepDatabaseSettings(session, setup.databaseSettings) : false };
      } catch (error) {
        // Tried again in a new session when this one was ended (withMigrationLock): its pool goes with it.
        await orm.close(true).catch(() => {});
        throw error;
      }
    },
    (lock, { settingsChanged }) => (settingsChanged ? endStaleSessions(lock) : undefined),
  );
  // Settings given to the database reach only sessions opened after they were committed: the pool starts over.
  if (settingsChanged) await orm.reconnect();
  return { orm, counter };
}

/**
 * A database a newer release has migrated is refused (ConfigError: exit 78, one line). Rolled back onto it, the
 * release before started without a word and wrote rows as its schema knew them: members it wrote meanwhile kept an
 * empty materials text, since the newer migration that fills it had run once already, and were not found by their
 * materials' names for good after the update again (the operations probe).
 */
async function refuseNewerSchema(orm: MikroORM, migrations: OrmSetup['migrations']): Promise<void> {
  const known = new Set(migrations.map((m) => m.name));
  const unknown = (await orm.migrator.getExecuted()).map((m) => m.name).filter((name) => !known.has(name));
  if (unknown.length === 0) return;
  const database = orm.config.get('dbName');
  throw new ConfigError(
    `The database ${database} was migrated by a newer release of this service (${unknown.length === 1 ? 'migration' : `${unknown.length} migrations, the last`} ${unknown.at(-1)}, unknown to this one): ` +
      'start the newer release again, or restore the backup taken before the update to go back (docs/office.md, "Going back to the release before").',
  );
}

/** Names the migration lock's session in pg_stat_activity, where an office sees a start waiting for another. */
export const lockSessionName = 'irm migration lock';
/** The advisory lock's number: any fixed one serves; "irm" in ASCII and 1 for migrations (shared/postgres.ts uses 6910573 for set-up). */
export const migrationLockKey = 69105731;

/**
 * Sessions of this role in this database opened before the settings changed keep the old values: this
 * service's pool, other instances' pools and the server connections a pooler such as PgBouncer keeps, which it
 * hands to this very service again (an office once had to send RECONNECT to PgBouncer's console after the
 * first start). They are ended once idle, and whoever held them opens new ones with the new settings. A role
 * may end its own sessions without being superuser.
 *
 * It runs on the lock's session, which read the old values, as one statement that ends that session last.
 * Ended by its client instead, the session went back to PgBouncer, which reset it for the next client while
 * the sweep ran: not idle then, it was passed over and kept the old values (test/pgbouncer.e2e.ts, whose
 * PgBouncer takes 0.2 s to reset). One statement also runs on one server connection in transaction mode.
 * A session at work (a statement, a transaction, a pooler's reset of it) is ended when it turns idle: the
 * sweep looks again every 50 ms, for at most 2 s, which the statements of a request or a reset take well
 * within. Only sessions older than the sweep: the pool another instance opens with the new settings once it
 * has the lock is left alone. Other instances waiting for the lock lose their session and open another
 * (withMigrationLock).
 */
async function endStaleSessions(lock: LockSession) {
  await lock.client
    .query(
      `do $$
      declare
        changed constant timestamptz := clock_timestamp();
        deadline constant timestamptz := clock_timestamp() + interval '2 s';
      begin
        loop
          -- pg_stat_activity is read once per transaction unless told to read it again.
          perform pg_stat_clear_snapshot();
          perform pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and usename = current_user and pid <> pg_backend_pid() and backend_start < changed and state = 'idle';
          exit when clock_timestamp() > deadline or not exists (
            select from pg_stat_activity
              where datname = current_database() and usename = current_user and pid <> pg_backend_pid() and backend_start < changed);
          perform pg_sleep(0.05);
        end loop;
        perform pg_terminate_backend(pg_backend_pid());
      end $$`,
    )
    .catch((error) => {
      // Ended as it should: the server's word for it, or (through a pooler) the connection closed without it.
      if (!lock.ended && !sessionEnded(error)) throw error;
    });
}

/** An administrator's (here another instance's) pg_terminate_backend, as the session's last error. */
const sessionEnded = (error: unknown) => (error as { code?: string }).code === '57P01';

/**
 * Runs `work` holding an advisory lock of the database. Two replicas of a service starting together on a
 * fresh database both found no migration done and both ran the first: one stopped on "type capacity_post
 * already exists" (test/migration-lock.e2e.ts). The lock is held on a connection of its own, since the
 * migrator takes pool connections one migration at a time; the second replica waits and then finds
 * everything done. Advisory locks are per database, so one fixed number serves every service. A
 * transaction's lock rather than a session's: behind PgBouncer in transaction mode a session lock stays
 * with a server connection the pooler hands on, never released, while an open transaction keeps its
 * server connection and ends (lock and all) when committed or when this client goes away. Tried rather than
 * waited for: a transaction waiting on the lock holds a server connection of the pooler's, and with two
 * instances behind a pool of two the waiting one held the connection the migrating one needed, and both hung
 * (test/pgbouncer-transaction.e2e.ts, for its whole 120 s). Between tries it holds none.
 */
async function withMigrationLock<T>(
  url: string,
  work: (session: pg.Client) => Promise<T>,
  afterCommit?: (lock: LockSession, done: T) => Promise<void> | undefined,
): Promise<T> {
  let lock = await lockSession(url);
  try {
    for (;;) {
      // 100 ms between tries: migrating a fresh database takes 1–2 s (three network instances: 1.8 s in migration-lock.e2e).
      for (;;) {
        try {
          await lock.client.query('begin');
          const { rows } = await lock.client.query<{ locked: boolean }>('select pg_try_advisory_xact_lock($1) as locked', [migrationLockKey]);
          if (rows[0].locked) break;
          await lock.client.query('rollback');
        } catch (error) {
          // The instance that changed the settings ended this session while it sat idle between tries (endStaleSessions).
          if (!lock.ended && !sessionEnded(error)) throw error;
          lock = await lockSession(url);
          continue;
        }
        await sleep(100);
      }
      let done: T;
      try {
        done = await work(lock.client);
        await lock.client.query('commit');
      } catch (error) {
        // That instance's commit released the lock before its sweep, which may end this session once the lock is
        // won: a try sent just as the sweep found it idle. Two replicas on a fresh database, one of them failed to
        // start so (test/replay-replicas.e2e.ts). The work has given up by now; it runs again in a new session.
        if (!lock.ended && !sessionEnded(error)) throw error;
        await lock.client.end().catch(() => {});
        lock = await lockSession(url);
        continue;
      }
      await afterCommit?.(lock, done);
      return done;
    }
  } finally {
    // Ending the session rolls back and releases the lock where the work failed half-way.
    await lock.client.end().catch(() => {});
  }
}

/** A session for the migration lock; `ended` once the server or a pooler ended it, or it failed. */
interface LockSession {
  client: pg.Client;
  ended: boolean;
}

async function lockSession(url: string): Promise<LockSession> {
  const lock: LockSession = { client: new pg.Client({ ...pgConfig(url), application_name: lockSessionName }), ended: false };
  // pg's client is of no more use after either.
  const ended = () => {
    lock.ended = true;
  };
  lock.client.on('error', ended);
  lock.client.on('end', ended);
  // The service's first connection: a TLS setting the server disagrees with is said here, in one line.
  await lock.client.connect().catch((error) => {
    throw explainConnectError(error, url);
  });
  return lock;
}

/**
 * Settings a database keeps for every session (`alter database … set`), as poolers such as PgBouncer need
 * them: they refuse start-up options (`-c name=value`). Checked at every start rather than set once by a
 * migration, since pg_dump leaves them out of a dump (without --create) and a restored copy would silently
 * search differently. `load` runs first, for an extension's settings, which a database owner may set only
 * once its library is loaded (an unknown, placeholder setting needs a superuser).
 */
export interface DatabaseSettings {
  load?: string;
  values: Record<string, string>;
}

/** Sets the settings that differ, where the connecting role owns the database; true when it set any. */
async function keepDatabaseSettings(session: pg.Client, settings: DatabaseSettings): Promise<boolean> {
  if (settings.load) await session.query(settings.load);
  const differing: string[] = [];
  for (const [name, value] of Object.entries(settings.values)) {
    const { rows } = await session.query<{ value: string }>('select current_setting($1) as value', [name]);
    if (rows[0].value !== value) differing.push(`${name} = ${session.escapeLiteral(value)}`);
  }
  if (differing.length === 0) return false;
  const { rows } = await session.query<{ database: string; owner: boolean }>(
    "select datname as database, pg_has_role(current_user, datdba, 'usage') as owner from pg_database where datname = current_database()",
  );
  const statements = differing.map((setting) => `alter database ${session.escapeIdentifier(rows[0].database)} set ${setting}`);
  if (!rows[0].owner) {
    throw new ConfigError(
      `The database ${rows[0].database} keeps settings this service needs, which only its owner may set: as its owner run ${statements.join('; ')}; then start the service again.`,
    );
  }
  for (const statement of statements) await session.query(statement);
  return true;
}
