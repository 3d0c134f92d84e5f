import { readFileSync } from 'node:fs';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { prepareMemberReads } from '../subgraphs/network/loaders.ts';
import { initNetworkOrm } from '../subgraphs/network/orm.ts';
import { closeSpellings, searchWords, unpreparedSpellings } from '../subgraphs/network/search.ts';
import { seededNetworkDatabase } from './support/network-database.ts';

// A search's close spellings are looked up by a prepared statement of one text, the words one array
// (MemberReads.closeSpellings), planned once per connection; tests and the benchmark's EXPLAINs send the same
// text unprepared through MikroORM. Both must find the same spellings for every word of the benchmark's texts,
// named (a service's own PostgreSQL) and unnamed (behind PgBouncer's transaction pooling).

const fixture = JSON.parse(readFileSync(new URL('../bench/fixtures/search-texts.json', import.meta.url), 'utf8')) as Record<string, unknown>;
// And words that an array literal must quote or escape, which the two ways write differently (MikroORM a literal, pg an array).
const texts = [...(Object.values(fixture).filter(Array.isArray).flat() as string[]), 'Dreh"teil\\werk {NULL,x}', "Fräs'teile, Stanz}werk", 'NULL Blechbiegen'];
let orm: MikroORM;

beforeAll(async () => {
  ({ orm } = await initNetworkOrm(await seededNetworkDatabase('spellings_prepared', 1000)));
}, 120_000);
afterAll(async () => {
  await orm?.close();
});

test.each(['session', 'transaction'] as const)(
  'the prepared lookup (%s pooling) finds what the statement sent unprepared finds',
  async (poolMode) => {
    const { closeSpellings: lookup } = await prepareMemberReads(orm, poolMode);
    let found = 0;
    // Twice: PostgreSQL plans a named statement's first five runs for their values, then reuses a generic plan.
    for (let pass = 0; pass < 2; pass++) {
      for (const text of texts) {
        const words = searchWords(text);
        const prepared = await closeSpellings(words, lookup);
        expect([...prepared], text).toEqual([...(await closeSpellings(words, unpreparedSpellings(orm.em.fork())))]);
        found += [...prepared.values()].filter((close) => close.length > 0).length;
      }
    }
    // The benchmark's typos have close spellings in generated members (not a comparison of two empty answers).
    expect(found).toBeGreaterThan(50);
  },
  120_000,
);

test('a word the dictionary holds, alone or inside a longer word, has no close spellings; an unknown word keeps its parts', async () => {
  const { closeSpellings: lookup } = await prepareMemberReads(orm, 'session');
  const em = orm.em.fork();
  const spellingsOf = async (word: string) => {
    const prepared = (await closeSpellings([word], lookup)).get(word);
    expect(prepared, word).toEqual((await closeSpellings([word], unpreparedSpellings(em))).get(word));
    return prepared;
  };
  const connection = em.getConnection();
  try {
    // "zahnrad" is close to "zahnrader" (pg_trgm similarity 0.64, the networks' threshold 0.4) and a part of it.
    await connection.execute(`insert into search_word (word) values ('zahnrad')`);
    // Unknown, perhaps a typo: its parts stand in for it.
    expect(await spellingsOf('Zahnräder')).toEqual(['zahnrad']);
    await connection.execute(`insert into search_word (word) values ('zahnrader')`);
    // Spelled as the members spell it: the text search finds it, and "zahnrad" would only widen it.
    expect(await spellingsOf('Zahnräder')).toBeUndefined();
    // Inside a word the dictionary holds: LIKE finds it there as it is.
    expect(await spellingsOf('Zahnrade')).toBeUndefined();
    // Unknown and close to nothing: an entry without spellings (the search then finds nothing for it).
    expect(await spellingsOf('Qwrtzpf')).toEqual([]);
  } finally {
    await connection.execute(`delete from search_word where word in ('zahnrad', 'zahnrader')`);
  }
});
