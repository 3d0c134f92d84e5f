import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest';
import { ensureDatabase } from '../shared/postgres.ts';
import { initNetworkOrm } from '../subgraphs/network/orm.ts';
import { pruneSearchWords, startSearchWordsPruning, type Pruned } from '../subgraphs/network/search-words.ts';
import { defaultRegionWordsTtlMs } from '../subgraphs/region/members/known-words.ts';
import { createMember } from './support/members.ts';
import { ok, startStack, type Stack } from './support/stack.ts';
import { until } from './support/wait.ts';

// The dictionary of a network's search words (search_word) holds the words of its active members, and more only
// until the next prune (migration search_words_prune, subgraphs/network/search-words.ts). It only grew before: a
// typo a member saved and corrected, or an archived member's word, stayed "held", so a search of it was read as
// typed and found nothing, where its close spellings found dozens (the usability probe: "Werkzeugbauu" 70 members,
// then 0 for good). The caches of known words forget a word after a while, so it is read as a typo again.

/** The network's prune every 200 ms, and its known words kept as long. */
const pruneMs = 200;

describe('through the gateway', () => {
  let stack: Stack;
  let admin: string;
  const ids = new Map<string, string>();
  // Region keeps a word a network said it holds for defaultRegionWordsTtlMs, no setting of its own: the test moves
  // the clock its caches read (performance.now) on by that much instead of waiting.
  let ahead = 0;
  const realNow = performance.now.bind(performance);

  beforeAll(async () => {
    // Every service's environment gets these variables (startStack has no option of the network's own for it).
    stack = await startStack({ observability: { SEARCH_WORDS_PRUNE_MS: String(pruneMs) } });
    vi.spyOn(performance, 'now').mockImplementation(() => realNow() + ahead);
    admin = await stack.token({ role: 'admin' });
    const members = [
      { name: 'Werkzeugbau Witzenhausen GmbH', network: 'NIWE', postalCode: '37213', city: 'Witzenhausen' },
      { name: 'Werkzeugbau Sontra KG', network: 'LINAT', postalCode: '36205', city: 'Sontra' },
      { name: 'Rohrbiegetechnik Wanfried', network: 'NIWE', postalCode: '37281', city: 'Wanfried', description: 'Rohre und Vorrichtungen' },
      { name: 'Drehteile Eisenach', network: 'NIWE', postalCode: '99817', city: 'Eisenach', description: 'Kleinserie und Prototypen' },
      { name: 'Gothaer Zerspanung', network: 'KONAT', postalCode: '99867', city: 'Gotha', description: 'Kleinserie in Aluminium' },
      { name: 'Serienfertigung Sontra', network: 'NIWE', postalCode: '36205', city: 'Sontra', description: 'Kleinserien' },
      { name: 'Frästeile Gerstungen', network: 'NIWE', postalCode: '99834', city: 'Gerstungen', description: 'Frästeilen Zuschnittservice Blechzuschnitt' },
      { name: 'Fräserei Ruhla', network: 'NIWE', postalCode: '99842', city: 'Ruhla', description: 'Frästeilen und Blechzuschnitte' },
    ];
    for (const { network, ...input } of members) ids.set(input.name, (await createMember(stack, admin, network, input)).id);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await stack?.stop();
  });

  const names = async (text: string): Promise<string[]> => {
    const data = await ok(stack.query(`query($text: String!) { members(filter: { text: $text }, first: 100) { edges { node { name } } } }`, { text }));
    return data.members.edges.map((e: { node: { name: string } }) => e.node.name).sort();
  };
  const describeAs = async (name: string, description: string) =>
    ok(
      stack.query(`mutation($id: ID!, $d: String) { updateMember(id: $id, input: { description: $d }) { id } }`, { id: ids.get(name), d: description }, admin),
    );
  const niwe = (sql: string, params: unknown[] = []) => stack.networks.get('NIWE')!.orm.em.getConnection().execute(sql, params);
  const inDictionary = async (word: string) => (await niwe(`select 1 from search_word where word = ?`, [word])).length === 1;
  /** Until the network's prune has taken `word` out of its dictionary. */
  const pruned = (word: string) => until(async () => !(await inDictionary(word)), `NIWE's prune takes "${word}" out of its dictionary`);
  /** The caches' time for a word up: region's (a network's is the prune's 200 ms, and passes meanwhile). */
  const cachesForget = () => {
    ahead += defaultRegionWordsTtlMs;
  };

  test('a typo a member saved and corrected finds its close spellings again', async () => {
    expect(await names('Werkzeugbauu')).toEqual(['Werkzeugbau Sontra KG', 'Werkzeugbau Witzenhausen GmbH']);
    await describeAs('Rohrbiegetechnik Wanfried', 'Werkzeugbauu und Vorrichtungen');
    // Held by a NIWE member, so read as typed in every network: region learned it (LINAT's member is no hit).
    expect(await names('Werkzeugbauu')).toEqual(['Rohrbiegetechnik Wanfried']);
    await describeAs('Rohrbiegetechnik Wanfried', 'Werkzeugbau und Vorrichtungen');
    await pruned('werkzeugbauu');
    cachesForget();
    expect(await names('Werkzeugbauu')).toEqual(['Rohrbiegetechnik Wanfried', 'Werkzeugbau Sontra KG', 'Werkzeugbau Witzenhausen GmbH']);
  });

  test("an archived member's word is read as a typo again", async () => {
    expect(await names('Kleinserien')).toEqual(['Serienfertigung Sontra']);
    await ok(stack.query(`mutation($id: ID!) { archiveMember(id: $id) { id } }`, { id: ids.get('Serienfertigung Sontra') }, admin));
    await pruned('kleinserien');
    cachesForget();
    expect(await names('Kleinserien')).toEqual(['Drehteile Eisenach', 'Gothaer Zerspanung']);
  });

  test('a word another active member holds, alone or inside a longer word, stays', async () => {
    await describeAs('Frästeile Gerstungen', 'Frästeile');
    // In the same prune as the words of the write before: the unique one goes, "frasteilen" (Fräserei Ruhla's) and
    // "blechzuschnitt" (inside Fräserei Ruhla's "blechzuschnitte") stay.
    await pruned('zuschnittservice');
    expect(await niwe(`select count(*)::int as n from search_word_stale`)).toEqual([{ n: 0 }]);
    expect([await inDictionary('frasteilen'), await inDictionary('blechzuschnitt')]).toEqual([true, true]);
    // Read as typed: the member that holds it, not "Frästeile" through a close spelling.
    expect(await names('Frästeilen')).toEqual(['Fräserei Ruhla']);
  });
});

describe('the prune and its writers', () => {
  let orm: MikroORM;
  let url: string;
  /** The service's pool, as the service prunes through it. */
  let pool: pg.Pool;
  let observer: pg.Client;

  beforeAll(async () => {
    url = await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_prune`, { template: inject('templates')?.network });
    ({ orm } = await initNetworkOrm(url));
    pool = await orm.em.getConnection().getNativeClient();
    observer = new pg.Client({ connectionString: url });
    await observer.connect();
  });
  afterAll(async () => {
    await observer?.end();
    await orm?.close(true);
  });

  const sql = async (text: string, params: unknown[] = []) => (await observer.query(text, params)).rows;
  const addMember = (client: pg.ClientBase, name: string, archived = false) =>
    client.query(
      `insert into member (name, sort_key, postal_code, city, created_at, updated_at, archived_at)
         values ($1::text, lower($1::text), '37269', 'Eschwege', now(), now(), case when $2::boolean then now() end) returning id`,
      [name, archived],
    );
  const inDictionary = async (word: string) => (await sql(`select 1 from search_word where word = $1`, [word])).length === 1;
  const queued = async () => (await sql(`select word from search_word_stale order by id`)).map((r) => r.word);
  /** The sessions waiting for search_word's lock in `mode`. */
  const waitingFor = async (mode: string) =>
    (await sql(`select count(*)::int as n from pg_locks where relation = 'search_word'::regclass and mode = $1 and not granted`, [mode]))[0].n;

  test("the trigger adds an active member's words, queues those it loses, and none of an archived member's", async () => {
    const { rows } = await addMember(observer, 'Archivgut Stanzerei', true);
    expect([await inDictionary('archivgut'), await inDictionary('stanzerei')]).toEqual([false, false]);
    await sql(`update member set archived_at = null where id = $1`, [rows[0].id]);
    expect([await inDictionary('archivgut'), await inDictionary('stanzerei')]).toEqual([true, true]);
    // An update that changes neither the text nor whether the member is active queues nothing.
    await sql(`update member set employees = 12 where id = $1`, [rows[0].id]);
    expect(await queued()).toEqual([]);
    await sql(`update member set name = 'Archivgut Eschwege' where id = $1`, [rows[0].id]);
    expect(await queued()).toEqual(['stanzerei']);
    await sql(`delete from member where id = $1`, [rows[0].id]);
    expect((await queued()).sort()).toEqual(['archivgut', 'eschwege', 'stanzerei']);
    expect(await pruneSearchWords(pool)).toEqual({ taken: 3, checked: 3, pruned: 3, postponed: 0, more: false });
    expect([await inDictionary('archivgut'), await inDictionary('stanzerei'), await inDictionary('eschwege')]).toEqual([false, false, false]);
  });

  test('a writer that gave a member the word before the prune took its lock keeps it in the dictionary', async () => {
    const { rows } = await addMember(observer, 'Zahnradpumpen Eschwege');
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    try {
      // Its words are there, so the writer's trigger inserts nothing and locks no row: it holds the table's lock only.
      await writer.query('begin');
      await addMember(writer, 'Zahnradpumpen');
      await sql(`update member set name = 'Pumpen Eschwege' where id = $1`, [rows[0].id]);
      expect(await queued()).toContain('zahnradpumpen');
      // No active member holds it as far as the prune can see yet; it waits for the writer to commit.
      let done = false;
      const prune = pruneSearchWords(pool, { lockWaitMs: null }).finally(() => {
        done = true;
      });
      await until(async () => (await waitingFor('ShareRowExclusiveLock')) === 1, 'the prune waits for the writer');
      expect(done).toBe(false);
      await writer.query('commit');
      expect(await prune).toMatchObject({ pruned: 0 });
      expect(await inDictionary('zahnradpumpen')).toBe(true);
    } finally {
      await writer.end();
    }
  });

  test('a prune that does not get the lock in time leaves the word queued for the next', async () => {
    const { rows } = await addMember(observer, 'Kettenradfertigung Eschwege');
    await sql(`update member set name = 'Radfertigung Eschwege' where id = $1`, [rows[0].id]);
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    try {
      await writer.query('begin');
      await addMember(writer, 'Schmiede Eschwege');
      expect(await pruneSearchWords(pool, { lockWaitMs: 50 })).toMatchObject({ pruned: 0, postponed: 1 });
      expect(await inDictionary('kettenradfertigung')).toBe(true);
      expect(await queued()).toContain('kettenradfertigung');
    } finally {
      await writer.query('rollback');
      await writer.end();
    }
    expect(await pruneSearchWords(pool)).toMatchObject({ pruned: 1, postponed: 0 });
    expect(await inDictionary('kettenradfertigung')).toBe(false);
  });

  /** Queues `count` words of 12 letters no other text holds, through members of ten of them each (a name has 200 characters at most). */
  async function queueOddWords(count: number): Promise<string[]> {
    // What earlier tests left queued is pruned first, so the queue holds these alone.
    while ((await pruneSearchWords(pool)).more);
    const words = Array.from({ length: count }, () => Array.from(randomBytes(12), (byte) => String.fromCharCode(97 + (byte % 26))).join(''));
    for (let i = 0; i < count; i += 10) {
      const { rows } = await addMember(observer, words.slice(i, i + 10).join(' '));
      await sql(`delete from member where id = $1`, [rows[0].id]);
    }
    return words;
  }

  /** The service's pruning through `pool`, its prunes' results and its rounds (the `exists` each begins with) counted. */
  function countedPruning() {
    const prunes: Pruned[] = [];
    let rounds = 0;
    const database = {
      async query(text: string, params?: unknown[]) {
        if (text.includes('search_word_stale) as queued')) rounds += 1;
        const result = await pool.query(text, params);
        if (text.includes('irm_prune_search_words')) prunes.push(result.rows[0] as Pruned);
        return result;
      },
    } as unknown as Parameters<typeof startSearchWordsPruning>[0];
    const pruning = startSearchWordsPruning(database, { intervalMs: 20, log: { error() {}, info() {}, debug() {} } });
    return { prunes, rounds: () => rounds, stop: () => pruning.stop() };
  }

  test('more absent words than one lock hold looks up are all pruned, 50 a call, each call its own hold', async () => {
    const words = await queueOddWords(60);
    const pruning = countedPruning();
    try {
      await until(async () => (await queued()).length === 0, 'the queue is pruned');
    } finally {
      await pruning.stop();
    }
    // The members' city, held by other members, is queued with them: taken and checked count it besides the 60.
    expect(pruning.prunes.map(({ pruned, postponed, more }) => ({ pruned, postponed, more }))).toEqual([
      { pruned: 50, postponed: 0, more: true },
      { pruned: 10, postponed: 0, more: false },
    ]);
    expect(await sql(`select word from search_word where word = any($1)`, [words])).toEqual([]);
  });

  test('a prune postponed for a writer that holds the lock ends its round: the next interval tries again', async () => {
    await queueOddWords(60);
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    const pruning = countedPruning();
    try {
      await writer.query('begin');
      await addMember(writer, 'Schmiede Eschwege');
      // Three rounds, each with one postponed prune although queued rows are left (more): no prune called at once again.
      await until(() => pruning.rounds() >= 3, 'three rounds ran');
      await pruning.stop();
      expect(pruning.prunes.length, JSON.stringify(pruning.prunes)).toBeLessThanOrEqual(pruning.rounds());
      expect(pruning.prunes.every((p) => p.postponed === 50 && p.more && p.pruned === 0)).toBe(true);
    } finally {
      await pruning.stop();
      await writer.query('rollback');
      await writer.end();
    }
    // Once the writer is gone, the rest is pruned.
    while ((await pruneSearchWords(pool)).more);
    expect(await queued()).toEqual([]);
  });
});
