import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { migrationsOrm } from '../shared/orm.ts';
import { ensureDatabase } from '../shared/postgres.ts';
import { migrations } from '../subgraphs/network/migrations/index.ts';

// The migration that writes the dictionary's rule once (irm_search_words): the words of the members already there
// are gathered (a restored backup from before it has a dictionary that may lack some, scripts/restore.ts), the
// trigger adds a new member's words by it, and down leaves the trigger collecting as before.

const rule = migrations.findIndex((m) => m.name === 'Migration20261206000000_search_words_rule');
let orm: MikroORM;

beforeAll(async () => {
  const url = await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_words`);
  orm = await migrationsOrm(url, migrations);
});
afterAll(async () => {
  await orm?.close(true);
});

const addMember = (name: string) =>
  orm.em.execute(
    `insert into "member" ("name", "sort_key", "postal_code", "city", "created_at", "updated_at") values (?, ?, '37269', 'Eschwege', now(), now())`,
    [name, name.toLowerCase()],
  );
const has = async (word: string) => (await orm.em.execute(`select 1 from "search_word" where "word" = ?`, [word])).length === 1;

test('the migration gathers the words the dictionary lacks, the trigger adds by the rule, down collects as before', async () => {
  await orm.migrator.up({ to: migrations[rule - 1].name });
  await addMember('Sicherung Fräserei GmbH');
  expect(await has('fraserei')).toBe(true);
  // As a dictionary restored without gathering may be: a word of a member's text missing.
  await orm.em.execute(`delete from "search_word" where "word" = 'fraserei'`);

  await orm.migrator.up({ to: migrations[rule].name });
  expect(await has('fraserei')).toBe(true);
  await addMember('Laserschneiden Ost AG');
  expect(await has('laserschneiden')).toBe(true);
  // Shorter than four characters: a part of words only, never the dictionary's.
  expect(await has('ost')).toBe(false);
  expect((await orm.em.execute(`select w from irm_search_words('fraserei ost fraserei gmbh') as w order by w`)).map((r) => r.w)).toEqual(['fraserei', 'gmbh']);

  await orm.migrator.down({ to: migrations[rule - 1].name });
  expect(await orm.em.execute(`select to_regprocedure('irm_search_words(text)')::text as f`)).toEqual([{ f: null }]);
  await addMember('Nachher Drehteile KG');
  expect(await has('drehteile')).toBe(true);
});
