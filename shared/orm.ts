import { DefaultLogger, MikroORM, defineConfig, type LoggerOptions, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import pg from 'pg';

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
    super.logQuery(context);
  }
}

export interface OrmSetup {
  clientUrl: string;
  entities: NonNullable<Options['entities']>;
  migrations: NonNullable<NonNullable<Options['migrations']>['migrationsList']>;
  counter?: SqlCounter;
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
    ...setup.overrides,
  });
}

/** Connects and brings the schema up to date by running the committed migrations, one instance at a time. */
export async function initOrm(setup: OrmSetup): Promise<{ orm: MikroORM; counter: SqlCounter }> {
  const counter = setup.counter ?? new SqlCounter();
  const orm = await withMigrationLock(setup.clientUrl, async () => {
    const orm = await MikroORM.init(ormConfig({ ...setup, counter }));
    const ran = await orm.migrator.up();
    // Settings a migration gave the database (alter database … set) reach only connections opened after it.
    if (ran.length > 0) await orm.reconnect();
    return orm;
  });
  return { orm, counter };
}

/**
 * Runs `work` holding a session advisory lock of the database. Two replicas of a service starting together
 * on a fresh database both found no migration done and both ran the first: one stopped on "type
 * capacity_post already exists" (test/migration-lock.e2e.ts). The lock is held on a connection of its
 * own, since the migrator takes pool connections one migration at a time; the second replica waits and
 * then finds everything done. Advisory locks are per database, so one fixed number serves every service.
 */
async function withMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    // Any fixed number serves; "irm" in ASCII and 1 for migrations (shared/postgres.ts uses 6910573 for set-up).
    await client.query('select pg_advisory_lock(69105731)');
    return await work();
  } finally {
    // Ending the session releases the lock, also where the work failed half-way.
    await client.end().catch(() => {});
  }
}
