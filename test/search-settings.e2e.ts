import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMember } from './support/members.ts';
import { startStack, type Stack } from './support/stack.ts';

// The search's settings are the database's own (Migration20261202300000_search_settings), not start-up
// options of each connection, which PgBouncer refuses. The network's connections send none now, and its
// search must still tell a close spelling from a word that only shares a syllable, as at 0.4 before.

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
  const admin = await stack.token({ role: 'admin' });
  await createMember(stack, admin, 'NIWE', { name: 'Werkzeugbau Witzenhausen GmbH', postalCode: '37213', city: 'Witzenhausen' });
});
afterAll(async () => {
  await stack?.stop();
});

async function names(text: string): Promise<string[]> {
  const res = await stack.query(`query($text: String) { members(filter: { text: $text }, first: 10) { edges { node { name } } } }`, { text });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.members.edges.map((e: { node: { name: string } }) => e.node.name);
}

/** What a fresh session on the network's database sees, opened like a pooler's: no start-up options. */
async function plainSession<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url: string = stack.networks.get('NIWE')!.orm.config.get('clientUrl')!;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('search settings kept per database', () => {
  test('a session that sends no start-up options has them', async () => {
    const settings = await plainSession(async (client) => {
      await client.query(`select similarity('', '')`);
      const { rows } = await client.query(
        "select current_setting('pg_trgm.similarity_threshold') as threshold, current_setting('max_parallel_workers_per_gather') as workers, current_setting('random_page_cost') as random_page_cost",
      );
      return rows[0];
    });
    expect(settings).toEqual({ threshold: '0.4', workers: '0', random_page_cost: '1.1' });
  });

  test("the service's own connections send no start-up options", () => {
    const driverOptions = stack.networks.get('NIWE')!.orm.config.get('driverOptions') as Record<string, unknown> | undefined;
    expect(driverOptions?.options).toBeUndefined();
  });

  test('the search finds a close spelling but not a word sharing only a syllable (0.33 similar: in at the default 0.3, out at 0.4)', async () => {
    const similarity = await plainSession(async (client) => Number((await client.query(`select similarity('witzenhausen', 'witzenburg') as s`)).rows[0].s));
    expect(similarity).toBeGreaterThan(0.3);
    expect(similarity).toBeLessThan(0.4);
    expect(await names('Witzenhasuen')).toEqual(['Werkzeugbau Witzenhausen GmbH']);
    expect(await names('Witzenburg')).toEqual([]);
  });
});
