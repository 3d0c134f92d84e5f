import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { configErrorExitCode } from '../shared/config.ts';
import { databaseUrl, ensureDatabase } from '../shared/postgres.ts';
import { spawnLeashed } from '../shared/processes.ts';
import { initNetworkOrm } from '../subgraphs/network/orm.ts';
import { prepareMemberReads } from '../subgraphs/network/loaders.ts';
import { foldableLetters, foldWord, sqlFolding, wordFolding, type WordFolding } from '../subgraphs/network/search.ts';
import { initRegionOrm } from '../subgraphs/region/orm.ts';
import { freePort } from './support/free-port.ts';

// An office's own PostgreSQL may have been made in the C locale (initdb without LANG) or in SQL_ASCII.
// There the search folds wrongly without a word (shared/database-locale.ts), so the services refuse it at
// start. Databases of every kind are made here on the embedded server, as an office's superuser would.

const orms: MikroORM[] = [];
afterAll(async () => {
  await Promise.all(orms.map((orm) => orm.close(true)));
});

async function superuser<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(inject('postgresUrl'), database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database made `with` these options (from template0, as they need), owned by a role of its own; its name and the role's URL. */
async function databaseWith(tag: string, options: string): Promise<{ name: string; url: string }> {
  const name = `t${randomBytes(4).toString('hex')}_locale_${tag}`;
  await superuser('postgres', (client) => client.query(`create database ${name} template template0 ${options}`));
  return { name, url: await ensureDatabase(inject('postgresUrl'), name) };
}

/** What starting a service's ORM came to: 'started', or the message it was refused with. */
async function start(init: Promise<{ orm: MikroORM }>): Promise<string> {
  try {
    orms.push((await init).orm);
    return 'started';
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Words to fold both ways (subgraphs/network/search.ts foldWord): every word of the benchmark's search texts,
 * spellings that test the order of irm_fold's steps, words with letters foldWord leaves to irm_fold, and 2,000
 * words of 1 to 12 letters drawn from every letter foldWord folds (a fixed seed, so a failure repeats).
 */
const leftToSql = ['Œuvre', 'İzmir', 'ǅ', 'ﬁn', 'ẞ', 'Ærø', 'ÿ', 'Łódź'];
function foldCorpus(): string[] {
  const fixture = JSON.parse(readFileSync(new URL('../bench/fixtures/search-texts.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const texts = Object.values(fixture).filter(Array.isArray).flat() as string[];
  const tricky = ['MÜLLER', 'Mueller', 'AEE', 'aeue', 'Äe', 'ÄE', 'Straße', 'STRASSE', 'ßE', '--x--', ' a  b ', 'Ilmenau', ...leftToSql];
  // Park and Miller's generator: its products stay below 2^47, exact in a double.
  let seed = 20261205;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const drawn = Array.from({ length: 2000 }, () => Array.from({ length: 1 + (next() % 12) }, () => foldableLetters[next() % foldableLetters.length]).join(''));
  return [...texts.flatMap((text) => text.split(/\s+/)), ...tricky, ...drawn];
}

/** Each word folded by the database's irm_fold, in the words' order. */
async function foldedInSql(name: string, words: string[]): Promise<string[]> {
  return superuser(name, async (client) => {
    const { rows } = await client.query('select array_agg(irm_fold(w) order by i) as folded from unnest($1::text[]) with ordinality as t(w, i)', [words]);
    return rows[0].folded;
  });
}

/** The folding a service chooses for the database (MemberReads.foldWords). */
async function servicesFolding(name: string): Promise<WordFolding> {
  return superuser(name, wordFolding);
}

/** irm_fold (the search's folding, from the network's migrations) of two spellings of one name. */
async function folds(name: string): Promise<boolean> {
  return superuser(name, async (client) => (await client.query(`select irm_fold('MÜLLER Formenbau') = irm_fold('Mueller formenbau') as same`)).rows[0].same);
}

describe("a service refuses a database whose locale breaks the search's folding", () => {
  test.each([
    ['sqlascii', "encoding 'SQL_ASCII' lc_collate 'C' lc_ctype 'C'", 'SQL_ASCII', 'LC_CTYPE C'],
    ['utf8c', "encoding 'UTF8' lc_collate 'C' lc_ctype 'C'", 'UTF8', 'LC_CTYPE C'],
    ['builtinc', "encoding 'UTF8' locale_provider builtin builtin_locale 'C' lc_collate 'C' lc_ctype 'C'", 'UTF8', 'provider builtin C'],
  ])('%s (%s): refused, naming the database, its locale and how to make one that folds', async (tag, options, encoding, locale) => {
    const { name, url } = await databaseWith(tag, options);
    const refused = await start(initNetworkOrm(url));
    expect(refused).toContain(`The database ${name} has encoding ${encoding}`);
    expect(refused).toContain(locale);
    expect(refused).toContain("encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0");
    // Refused before migrating: nothing was written to it.
    const tables = await superuser(
      name,
      async (client) => (await client.query("select count(*)::int as n from pg_tables where schemaname = 'public'")).rows[0].n,
    );
    expect(tables).toBe(0);
  });

  test.each([
    ['cutf8', "encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'"],
    // The collation only orders; the character classes and lower() come from LC_CTYPE.
    ['collatec', "encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'"],
    // The builtin provider's C.UTF-8 folds whatever the libc locale says.
    ['builtinutf8', "encoding 'UTF8' locale_provider builtin builtin_locale 'C.UTF-8' lc_collate 'C' lc_ctype 'C'"],
  ])('%s (%s): accepted, "MÜLLER" folds as "Mueller" does, and the search folds its words as irm_fold does', async (tag, options) => {
    const { name, url } = await databaseWith(tag, options);
    orms.push((await initNetworkOrm(url)).orm);
    expect(await folds(name)).toBe(true);
    const words = foldCorpus();
    const inSql = await foldedInSql(name, words);
    expect(words.filter((word, i) => foldWord(word) !== null && foldWord(word) !== inSql[i])).toEqual([]);
    // Only the words with letters outside its set are left to irm_fold: every word of the benchmark's texts folds here.
    expect(words.filter((word) => foldWord(word) === null)).toEqual(leftToSql);
    expect(await servicesFolding(name)).toBe(foldWord);
  });

  test.each([
    // lower('I') is the dotless ı, no letter of irm_fold's.
    ['tr-TR', 'Ilmenau', 'lmenau', 'ilmenau'],
    // lower('Í') is i with a dot above and the acute, two marks that irm_fold makes a break; alone, trim() hides it.
    ['lt-LT', 'Íjena', 'i jena', 'ijena'],
  ])('%s (ICU): accepted, and the search leaves its words to irm_fold, which folds "%s" as "%s"', async (locale, word, stored, typeScript) => {
    const tag = `icu${locale.slice(0, 2)}`;
    const { name, url } = await databaseWith(tag, `encoding 'UTF8' locale_provider icu icu_locale '${locale}' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
    const { orm } = await initNetworkOrm(url);
    orms.push(orm);
    expect(await folds(name)).toBe(true);
    expect(await foldedInSql(name, [word])).toEqual([stored]);
    expect(foldWord(word)).toBe(typeScript);
    expect(await servicesFolding(name)).toBe(sqlFolding);
    expect((await prepareMemberReads(orm)).foldWords(word)).toBeNull();
  });

  test('region refuses one too', async () => {
    const { name, url } = await databaseWith('region', "encoding 'SQL_ASCII' lc_collate 'C' lc_ctype 'C'");
    const refused = await start(initRegionOrm(url, randomBytes(32)));
    expect(refused).toContain(`The database ${name} has encoding SQL_ASCII`);
  });

  test('the network process exits 78 (a configuration error, not restarted) with one log line naming the database and the fix', async () => {
    const { name, url } = await databaseWith('process', "encoding 'SQL_ASCII' lc_collate 'C' lc_ctype 'C'");
    const child = spawnLeashed(['subgraphs/network/index.ts'], {
      env: { PATH: process.env.PATH, NETWORK: 'NIWE', DATABASE_URL: url, NIWE_SUBGRAPH_SECRET: 'x'.repeat(64), PORT: String(await freePort()) },
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(configErrorExitCode);
    expect(output.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`NIWE subgraph: The database ${name} has encoding SQL_ASCII, LC_COLLATE C and LC_CTYPE C.*create database ${name}_utf8`),
      ),
    ]);
  });
});
