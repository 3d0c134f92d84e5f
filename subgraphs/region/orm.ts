import { MikroORM, defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ApiKeySchema } from './entities/api-key.entity.ts';
import { migrations } from './migrations/index.ts';

/** Region's own database (irm_region): what belongs to the cooperation, such as partners' API keys. Migrated at start. */
export async function initRegionOrm(clientUrl: string): Promise<MikroORM> {
  const orm = await MikroORM.init(
    defineConfig({
      clientUrl,
      entities: [ApiKeySchema],
      extensions: [Migrator],
      migrations: { migrationsList: migrations, silent: true, snapshot: false },
      debug: process.env.SQL_DEBUG === '1' ? ['query', 'query-params'] : false,
      pool: { max: 5 },
    }),
  );
  await orm.migrator.up();
  return orm;
}
