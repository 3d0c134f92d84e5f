import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { knownWords, type KnownWords } from '../subgraphs/network/known-words.ts';
import { initNetworkOrm } from '../subgraphs/network/orm.ts';
import { closeSpellingsText, foldWord, searchMembers, type SpellingsLookup } from '../subgraphs/network/search.ts';
import { seededNetworkDatabase } from './support/network-database.ts';

// A network keeps the search words its dictionary holds for a while (subgraphs/network/known-words.ts): they need no
// close-spellings lookup until then. A word it does not hold is looked up on every search, so a member that another
// session writes with it is found by it at once. How long a word is kept: test/known-words.test.ts.

let admin: pg.Client;
let orm: MikroORM;
let known: KnownWords;
const hour = 3_600_000;
/** The lookups known words let through to the database. */
let lookups = 0;

beforeAll(async () => {
  const url = await seededNetworkDatabase('known_words', 300);
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  ({ orm } = await initNetworkOrm(url));
  const lookup: SpellingsLookup = async (words) => {
    lookups++;
    const { rows } = await admin.query<{ i: number; word: string | null }>(closeSpellingsText('$1'), [words]);
    return rows;
  };
  known = knownWords(lookup, { ttlMs: hour });
}, 120_000);
afterAll(async () => {
  await orm?.close(true);
  await admin?.end();
});

/** The names of a network search's first page, as region asks for it. */
async function search(text: string): Promise<string[]> {
  const page = await searchMembers(
    orm.em.fork(),
    {
      network: 'NIWE',
      filter: { text },
      order: 'RELEVANCE',
      first: 10,
      after: null,
      statistics: { total: false, processMainGroups: false, certifications: false },
      countLimit: 200,
      matched: false,
    },
    { closeSpellings: known.lookup, foldWords: foldWord },
  );
  const ids = page.hits.map((hit) => hit.localId);
  const { rows } = await admin.query<{ name: string }>('select name from member where id = any($1::int[]) order by name', [ids]);
  return rows.map((row) => row.name);
}

test('words the dictionary holds are looked up once; a word it does not hold, on every search', async () => {
  const before = lookups;
  // "Fräsen" and "Drehen" stand in the generated members' texts.
  await search('Fräsen Drehen');
  await search('Fräsen Drehen');
  await search('Drehen Fräsen');
  expect(lookups - before).toBe(1);
  expect(known.size).toBeGreaterThanOrEqual(2);
  // Only the word not known is asked, however it is combined.
  const asked: string[][] = [];
  const watched = knownWords(
    async (words) => {
      asked.push(words);
      return known.lookup(words);
    },
    { ttlMs: hour },
  );
  await watched.lookup(['Fräsen', 'Quarzglasschleifrei']);
  await watched.lookup(['Quarzglasschleifrei', 'Fräsen']);
  expect(asked).toEqual([['Fräsen', 'Quarzglasschleifrei'], ['Quarzglasschleifrei']]);
  // A word twice is asked once, and its rows name its first place among the words given.
  expect(await watched.lookup(['Fräsen', 'Qwrtzpf', 'Qwrtzpf'])).toEqual([{ i: 1, word: null }]);
  expect(asked.at(-1)).toEqual(['Qwrtzpf']);
});

test('a member another session writes with a word in no text is found by it at once', async () => {
  const before = lookups;
  expect(await search('Ultraschallentgraten')).toEqual([]);
  expect(await search('Ultraschallentgraten')).toEqual([]);
  expect(lookups - before).toBe(2);
  const { rows } = await admin.query<{ name: string }>(
    `update member set description = coalesce(description, '') || ' Ultraschallentgraten' where id = (select min(id) from member) returning name`,
  );
  // No notification, no wait: the next search asks the dictionary again, which the write's trigger has told.
  expect(await search('Ultraschallentgraten')).toEqual([rows[0].name]);
  expect(await search('Ultraschallentgraten')).toEqual([rows[0].name]);
  expect(lookups - before).toBe(3);
});

test('the oldest known word goes first when the service keeps its most', async () => {
  const asked: string[][] = [];
  const few = knownWords(
    async (words) => {
      asked.push(words);
      return [];
    },
    { ttlMs: hour, max: 2 },
  );
  await few.lookup(['erste']);
  await few.lookup(['zweite']);
  await few.lookup(['dritte']);
  expect(few.size).toBe(2);
  await few.lookup(['zweite', 'dritte']);
  await few.lookup(['erste']);
  expect(asked).toEqual([['erste'], ['zweite'], ['dritte'], ['erste']]);
});
