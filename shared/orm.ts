import { DefaultLogger, MikroORM, defineConfig, type LoggerOptions, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';

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
    debug: process.env.SQL_DEBUG === '1' ? ['query', 'query-params'] : false,
    pool: { max: 10 },
    ...setup.overrides,
  });
}

/** Connects and brings the schema up to date by running the committed migrations. */
export async function initOrm(setup: OrmSetup): Promise<{ orm: MikroORM; counter: SqlCounter }> {
  const counter = setup.counter ?? new SqlCounter();
  const orm = await MikroORM.init(ormConfig({ ...setup, counter }));
  await orm.migrator.up();
  return { orm, counter };
}
