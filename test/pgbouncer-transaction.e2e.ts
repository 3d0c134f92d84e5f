import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { encodeIdentity, identityHeader } from '../shared/identity.ts';
import { listen } from '../shared/http.ts';
import { signedPost } from '../shared/http-client.ts';
import { ensureDatabase } from '../shared/postgres.ts';
import { createNetworkService, type NetworkService } from '../subgraphs/network/server.ts';
import { initRegionOrm } from '../subgraphs/region/orm.ts';
import { regionMigrations } from '../subgraphs/region/migrations/index.ts';
import { session, startPgBouncer, type PgBouncer } from './support/pgbouncer.ts';

// Two network services behind one PgBouncer in transaction mode with a pool of two server connections
// (an office whose pooler serves more than one instance). In transaction mode a server connection belongs to
// a client only for one transaction, so nothing may outlive one: no named prepared statement (DATABASE_POOL_MODE
// turns the names of the member loads and the close-spellings lookup off), no session lock or setting.
// docs/office.md says what holds there.

const poolSize = 2;
const secret = randomBytes(32).toString('hex');
const services: NetworkService[] = [];
const urls: string[] = [];
let bouncer: PgBouncer;
let direct: URL;

beforeAll(async () => {
  direct = new URL(await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_txpool_niwe`));
  bouncer = await startPgBouncer(direct, { poolMode: 'transaction', poolSize });
}, 60_000);

afterAll(async () => {
  await Promise.all(services.map((service) => service.stop()));
  bouncer?.stop();
});

async function call(url: string, path: '/graphql' | '/internal/graphql', query: string, variables: Record<string, unknown>) {
  const body = JSON.stringify({ query, variables });
  const headers = { [identityHeader]: encodeIdentity({ role: 'admin', subject: 'admin' }) };
  const answer = await signedPost(secret, `${url}${path}`, { service: 'niwe', body, headers });
  return JSON.parse(answer.body) as { data?: any; errors?: unknown[] };
}

describe('network services behind PgBouncer in transaction mode, two server connections', () => {
  test('two instances starting at once migrate once and both start', async () => {
    const options = { network: 'NIWE', databaseUrl: bouncer.url(), secret, databasePoolMode: 'transaction' as const };
    const started = await Promise.allSettled([createNetworkService(options), createNetworkService(options)]);
    for (const result of started) if (result.status === 'fulfilled') services.push(result.value);
    expect(started.map((result) => (result.status === 'rejected' ? String(result.reason) : 'started'))).toEqual(['started', 'started']);
    for (const service of services) urls.push(await listen(service.http, 0));
    const names = await session(direct.toString(), async (client) => (await client.query('select name from mikro_orm_migrations')).rows.map((row) => row.name));
    expect(new Set(names).size).toBe(names.length);
  }, 120_000);

  test('every server connection PgBouncer keeps for new clients has the search settings, so its console needs no RECONNECT', async () => {
    // Server connections opened before the first start set the settings keep the old values; that start ended
    // them (shared/orm.ts) in one statement, which in transaction mode too runs on one server connection.
    const kept = await bouncer.onKeptServers(`select similarity('', '') as loaded, current_setting('pg_trgm.similarity_threshold') as t`);
    expect(kept).toEqual(kept.map(() => ({ loaded: 0, t: '0.4' })));
  });

  test('writes, member loads and searches through both instances at once', async () => {
    expect(urls).toHaveLength(2);
    const towns = ['Witzenhausen', 'Eschwege', 'Bebra', 'Rotenburg', 'Sontra', 'Hessisch Lichtenau', 'Wanfried', 'Waldkappel', 'Herleshausen', 'Meinhard'];
    const created = await Promise.all(
      towns.map((city, i) =>
        call(urls[i % 2], '/internal/graphql', 'mutation($input: MemberInput!) { createMember(input: $input) { localId } }', {
          input: {
            name: `Werkzeugbau ${city} GmbH`,
            postalCode: '37213',
            city,
            certifications: [{ standard: 'ISO 9001', number: `Q-${i}`, validUntil: '2028-12-31' }],
          },
        }),
      ),
    );
    expect(created.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    const ids = created.map((answer) => answer.data.createMember.localId as string);

    // The federated member load (members with their certifications, one prepared statement), the same answer from both, many at once.
    const representations = ids.map((id) => ({ __typename: 'NiweMember', id: `NIWE:m-${id}` }));
    const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on NiweMember { name city certifications { number } } } }';
    const loads = await Promise.all(Array.from({ length: 20 }, (_, i) => call(urls[i % 2], '/graphql', entities, { r: representations })));
    expect(loads.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    const expected = towns.map((city, i) => ({ name: `Werkzeugbau ${city} GmbH`, city, certifications: [{ number: `Q-${i}` }] }));
    for (const answer of loads) expect(answer.data._entities).toEqual(expected);

    // The search with the database's settings: a close spelling found, a shared syllable not (0.4, as in pgbouncer.e2e.ts).
    const search = async (url: string, text: string) => {
      const answer = await call(
        url,
        '/internal/graphql',
        'query($text: String) { search(filter: { text: $text }, order: RELEVANCE, first: 5) { hits { localId } } }',
        {
          text,
        },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data.search.hits.length as number;
    };
    for (const url of urls) expect([await search(url, 'Witzenhasuen'), await search(url, 'Witzenburg')]).toEqual([1, 0]);

    // It all went over at most two server connections.
    const servers = (await bouncer.console('SHOW SERVERS')).filter((row) => row.database === direct.pathname.slice(1));
    expect(servers.length).toBeGreaterThan(0);
    expect(servers.length).toBeLessThanOrEqual(poolSize);
  });
});

test('two region instances starting at once through a pool of two both start and migrate once', async () => {
  const regionDirect = new URL(await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_txpool_region`));
  const regionBouncer = await startPgBouncer(regionDirect, { poolMode: 'transaction', poolSize });
  const key = randomBytes(32);
  try {
    const started = await Promise.allSettled([initRegionOrm(regionBouncer.url(), key), initRegionOrm(regionBouncer.url(), key)]);
    await Promise.all(started.map((result) => result.status === 'fulfilled' && result.value.orm.close(true)));
    expect(started.map((result) => (result.status === 'rejected' ? String(result.reason) : 'started'))).toEqual(['started', 'started']);
    const names = await session(regionDirect.toString(), async (client) =>
      (await client.query('select name from mikro_orm_migrations order by id')).rows.map((row) => row.name),
    );
    expect(names).toEqual(regionMigrations(key).map((m) => m.name));
  } finally {
    regionBouncer.stop();
  }
}, 120_000);
