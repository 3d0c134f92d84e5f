import { DefaultLogger, MikroORM, defineConfig, type LoggerOptions, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { AuditEntrySchema, CertificationSchema, ContactPersonSchema, MemberSchema, ServiceSchema } from './entities/index.ts';
import { migrations } from './migrations/index.ts';

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

export function networkOrmConfig(clientUrl: string, counter: SqlCounter, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities: [MemberSchema, CertificationSchema, ServiceSchema, ContactPersonSchema, AuditEntrySchema],
    extensions: [Migrator, SeedManager],
    migrations: { migrationsList: migrations, silent: true, snapshot: false },
    loggerFactory: (options) => new CountingLogger(options, counter),
    debug: process.env.SQL_DEBUG === '1' ? ['query', 'query-params'] : false,
    pool: { max: 10 },
    ...overrides,
  });
}

/** Connects and brings the schema up to date by running the committed migrations. */
export async function initNetworkOrm(clientUrl: string, counter = new SqlCounter()): Promise<{ orm: MikroORM; counter: SqlCounter }> {
  const orm = await MikroORM.init(networkOrmConfig(clientUrl, counter));
  await orm.migrator.up();
  return { orm, counter };
}
