import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { materialSearchText } from '../shared/data/materials.ts';
import { migrationsOrm } from '../shared/orm.ts';
import { ensureDatabase } from '../shared/postgres.ts';
import { migrations } from '../subgraphs/network/migrations/index.ts';

// The migration that makes materials and certificates searchable text (search_materials_certificates): members
// written before it get the texts the service writes from now on, search_text holds them with its index and
// trigger as before, the dictionary their words; down leaves search_text as it was.

const step = migrations.findIndex((m) => m.name === 'Migration20261207000000_search_materials_certificates');
let orm: MikroORM;

beforeAll(async () => {
  const url = await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_materials`);
  orm = await migrationsOrm(url, migrations);
});
afterAll(async () => {
  await orm?.close(true);
});

async function addMember(name: string, materials: string[], standards: string[]): Promise<number> {
  const [{ id }] = await orm.em.execute(
    `insert into "member" ("name", "sort_key", "postal_code", "city", "materials", "created_at", "updated_at")
      values (?, ?, '37269', 'Eschwege', ?::text[], now(), now()) returning id`,
    [name, name.toLowerCase(), `{${materials.map((m) => `"${m}"`).join(',')}}`],
  );
  for (const standard of standards)
    await orm.em.execute(`insert into "certification" ("member_id", "standard", "valid_until") values (?, ?, '2099-12-31')`, [id, standard]);
  return id;
}
const hits = async (pattern: string) =>
  (await orm.em.execute(`select name from "member" where search_text like ? order by name`, [`%${pattern}%`])).map((r) => r.name);
const has = async (word: string) => (await orm.em.execute(`select 1 from "search_word" where "word" = ?`, [word])).length === 1;

test('members written before get their materials and certificates into search_text; down gives it back as it was', async () => {
  await orm.migrator.up({ to: migrations[step - 1].name });
  const steel = await addMember('Drehteile Nord GmbH', ['X5CrNi18-10', 'Kupfer eigen'], ['IATF 16949', 'ISO 9001']);
  await addMember('Ohne Werkstoff KG', [], []);
  expect(await hits('edelstahl')).toEqual([]);

  await orm.migrator.up({ to: migrations[step].name });
  const [row] = await orm.em.execute(`select materials_text, certifications_text, search_materials, search_certifications from "member" where id = ?`, [steel]);
  // The same text the service writes for these materials (members.ts searchTexts): a material the list lacks as stored.
  expect(row.materials_text).toBe(materialSearchText(['X5CrNi18-10', 'Kupfer eigen']));
  expect(row.materials_text).toContain('V2A');
  expect(row.certifications_text).toBe('IATF 16949 ISO 9001');
  expect(row.search_certifications).toBe('iatf 16949 iso 9001');
  for (const word of ['edelstahl', '1 4301', 'v2a', 'kupfer eigen', 'iatf 16949']) expect(await hits(word), word).toEqual(['Drehteile Nord GmbH']);
  expect(await has('edelstahl')).toBe(true);
  // The trigger and the index are back: a new member's words reach the dictionary, and the plan reads the index.
  await orm.em.execute(`update "member" set materials_text = 'Polyoxymethylen' where id = ?`, [steel]);
  expect(await has('polyoxymethylen')).toBe(true);
  const [{ indexdef }] = await orm.em.execute(`select indexdef from pg_indexes where indexname = 'member_search_text_trgm_idx'`);
  expect(indexdef).toMatch(/gin \(search_text gin_trgm_ops\) WITH \(fastupdate=off\) WHERE \(archived_at IS NULL\)/);

  await orm.migrator.down({ to: migrations[step - 1].name });
  expect(await hits('polyoxymethylen')).toEqual([]);
  expect(await hits('drehteile nord')).toEqual(['Drehteile Nord GmbH']);
  await addMember('Nachher Fräserei KG', [], []);
  expect(await has('fraserei')).toBe(true);
});
