import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createNetworkService } from '../subgraphs/network/server.ts';
import { cachedSpellings, type SpellingsCache } from '../subgraphs/network/spellings-cache.ts';
import { closeSpellings, closeSpellingsText, searchWords, type SpellingsLookup } from '../subgraphs/network/search.ts';
import { seededNetworkDatabase } from './support/network-database.ts';
import { until } from './support/wait.ts';

// A network keeps the close spellings it looked up until the dictionary gains a word (subgraphs/network/spellings-cache.ts):
// whoever writes the member (another replica, a script) makes PostgreSQL notify every listening service at commit.

let url: string;
let admin: pg.Client;
let cache: SpellingsCache;
/** The statements the cache let through to the database. */
let lookups = 0;
const warnings: string[] = [];

beforeAll(async () => {
  url = await seededNetworkDatabase('spellings_cache', 300);
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const unkept: SpellingsLookup = async (words) => {
    lookups++;
    const { rows } = await admin.query<{ i: number; word: string | null }>(closeSpellingsText('$1'), [words]);
    return rows;
  };
  // Reconnecting after 3 s: the test of a lost session looks up meanwhile.
  cache = cachedSpellings(unkept, url, { info: () => {}, warn: (_: unknown, line: string) => warnings.push(line) } as never, { reconnectAfterMs: 3_000 });
  await until(() => cache.listening, 'the cache listens');
}, 120_000);
afterAll(async () => {
  await cache?.close();
  await admin?.end();
});

const spellingsOf = async (text: string) => [...(await closeSpellings(searchWords(text), cache.lookup)).values()].flat();

test('a word list is looked up once, and again after a member brings a new word', async () => {
  const before = lookups;
  expect(await spellingsOf('Quarzglasschleifrei')).toEqual([]);
  expect(await spellingsOf('Quarzglasschleifrei')).toEqual([]);
  expect(lookups - before).toBe(1);
  // Another session writes: a member's description gains the word, spelled a letter apart.
  const dropped = cache.dropped;
  await admin.query(`update member set description = coalesce(description, '') || ' Quarzglasschleiferei' where id = (select min(id) from member)`);
  await until(() => cache.dropped > dropped, 'the new word heard of');
  expect(cache.size).toBe(0);
  expect(await spellingsOf('Quarzglasschleifrei')).toEqual(['quarzglasschleiferei']);
  expect(lookups - before).toBe(2);
});

test('a word in no text, kept as such, is read as typed once another session writes a member with it', async () => {
  // An entry means the dictionary holds the word nowhere, so a search reads only its close spellings (search.ts WordPatterns.absent).
  const inNoText = async (word: string) => (await closeSpellings([word], cache.lookup)).has(word);
  expect(await inNoText('Ultraschallentgraten')).toBe(true);
  expect(await inNoText('Ultraschallentgraten')).toBe(true);
  const dropped = cache.dropped;
  await admin.query(`update member set description = coalesce(description, '') || ' Ultraschallentgraten' where id = (select min(id) from member)`);
  await until(() => cache.dropped > dropped, 'the new word heard of');
  expect(await inNoText('Ultraschallentgraten')).toBe(false);
});

test('a write of words the dictionary has sends no notification', async () => {
  const probe = new pg.Client({ connectionString: url });
  await probe.connect();
  try {
    const heard: string[] = [];
    probe.on('notification', (n) => heard.push(n.channel));
    await probe.query('listen irm_search_words; listen probe_done');
    // Words every member has, written to the text; then a marker, which PostgreSQL delivers after anything the write sent.
    await admin.query(`update member set description = coalesce(description, '') || ' GmbH' where id = (select max(id) from member)`);
    await admin.query(`notify probe_done`);
    await until(() => heard.includes('probe_done'), 'the marker');
    expect(heard).toEqual(['probe_done']);
    // And a new word does send one.
    await admin.query(`update member set description = coalesce(description, '') || ' Nadelfeilenhaerterei' where id = (select max(id) from member)`);
    await admin.query(`notify probe_done`);
    await until(() => heard.filter((c) => c === 'probe_done').length === 2, 'the second marker');
    expect(heard).toEqual(['probe_done', 'irm_search_words', 'probe_done']);
  } finally {
    await probe.end();
  }
});

test('without its listening session every search looks up, until the session is back', async () => {
  await spellingsOf('Blechumformung');
  expect(cache.size).toBeGreaterThan(0);
  await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'irm search words' and datname = current_database()`);
  await until(() => !cache.listening, 'the session lost');
  expect(cache.size).toBe(0);
  expect(warnings).toHaveLength(1);
  // Words written while nobody listened must not be missed: nothing is kept meanwhile.
  const before = lookups;
  await spellingsOf('Blechumformung');
  await spellingsOf('Blechumformung');
  expect(lookups - before).toBe(2);
  expect(cache.size).toBe(0);
  await until(() => cache.listening, 'the session back');
  await spellingsOf('Blechumformung');
  await spellingsOf('Blechumformung');
  expect(lookups - before).toBe(3);
});

test('a lookup that began before a new word keeps nothing', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const began = new Promise<void>((resolve) => (started = resolve));
  const slow = cachedSpellings(
    async () => {
      started();
      await held;
      return [];
    },
    url,
    { info: () => {}, warn: () => {} } as never,
  );
  try {
    await until(() => slow.listening, 'the second cache listens');
    const pending = slow.lookup(['stanzbiegeteile']);
    await began;
    const dropped = slow.dropped;
    await admin.query(`update member set description = coalesce(description, '') || ' Stanzbiegeteilen' where id = (select max(id) from member)`);
    await until(() => slow.dropped > dropped, 'the new word heard of');
    // The lookup answers only now, with what it read before the word came.
    release();
    await pending;
    expect(slow.size).toBe(0);
    await slow.lookup(['stanzbiegeteile']);
    expect(slow.size).toBe(1);
  } finally {
    release();
    await slow.close();
  }
});

test('behind PgBouncer transaction pooling a network keeps no spellings, and a service that stops stops listening', async () => {
  const pooled = await createNetworkService({ network: 'NIWE', databaseUrl: url, secret: undefined, databasePoolMode: 'transaction' });
  expect(pooled.spellings).toBeUndefined();
  await pooled.stop();
  const service = await createNetworkService({ network: 'NIWE', databaseUrl: url, secret: undefined });
  await until(() => service.spellings?.listening === true, 'the service listens');
  await service.stop();
  expect(service.spellings?.listening).toBe(false);
  const sessions = await admin.query(`select 1 from pg_stat_activity where application_name = 'irm search words' and datname = current_database()`);
  // This file's own cache still listens; the service's session is gone.
  expect(sessions.rowCount).toBe(1);
});
