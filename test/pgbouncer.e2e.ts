import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { encodeIdentity, identityHeader } from '../shared/identity.ts';
import { ensureDatabase } from '../shared/postgres.ts';
import { listen } from '../shared/http.ts';
import { signRequest } from '../shared/signature.ts';
import { initNetworkOrm } from '../subgraphs/network/orm.ts';
import { createNetworkService, type NetworkService } from '../subgraphs/network/server.ts';
import { session, startPgBouncer, type PgBouncer } from './support/pgbouncer.ts';

// A network service behind PgBouncer (Debian's, .ci/run installs it), as an office with a pooler in front of
// its PostgreSQL runs it. PgBouncer refuses start-up options, so the search settings the service used to send
// that way kept it from connecting at all; they are the database's own now (shared/orm.ts). Session pooling
// here; transaction pooling in test/pgbouncer-transaction.e2e.ts.

const orms: MikroORM[] = [];
const services: NetworkService[] = [];
let bouncer: PgBouncer;
/** The service's database URL on the server itself, and its role and password. */
let direct: URL;
const viaBouncer = (database?: string) => bouncer.url(database);
/** The search's settings in the session that runs it (similarity() loads pg_trgm, whose setting it is). */
const settingsNow = `select similarity('', '') as loaded, current_setting('pg_trgm.similarity_threshold') as t,
  current_setting('max_parallel_workers_per_gather') as w, current_setting('random_page_cost') as r`;

beforeAll(async () => {
  direct = new URL(await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_bouncer_niwe`));
  // A reset that takes its time, as on a busy server: PgBouncer hands a server connection to the next client only
  // after it, and a start's sweep of stale sessions must not miss one that is still being reset.
  bouncer = await startPgBouncer(direct, { poolMode: 'session', poolSize: 20, serverResetQuery: 'discard all; select pg_sleep(0.2)' });
}, 60_000);

afterAll(async () => {
  await Promise.all(services.map((service) => service.stop()));
  await Promise.all(orms.map((orm) => orm.close(true)));
  bouncer?.stop();
});

describe('a network service behind PgBouncer', () => {
  test('PgBouncer refuses start-up options, the way the search settings used to be sent', async () => {
    const refused = await session(viaBouncer(), () => Promise.resolve(), { options: '-c pg_trgm.similarity_threshold=0.4' }).catch((error: Error) => error);
    expect(String(refused)).toContain('unsupported startup parameter: options');
  });

  test('two instances starting at once through it migrate once, and the database keeps the search settings', async () => {
    const started = await Promise.allSettled([initNetworkOrm(viaBouncer()), initNetworkOrm(viaBouncer())]);
    for (const result of started) if (result.status === 'fulfilled') orms.push(result.value.orm);
    expect(started.map((result) => (result.status === 'rejected' ? String(result.reason) : 'started'))).toEqual(['started', 'started']);
    const names = await session(direct.toString(), async (client) => (await client.query('select name from mikro_orm_migrations')).rows.map((row) => row.name));
    expect(new Set(names).size).toBe(names.length);
    const settings = await session(direct.toString(), async (client) => (await client.query(settingsNow)).rows[0]);
    expect(settings).toEqual({ loaded: 0, t: '0.4', w: '0', r: '1.1' });
  });

  test('every server connection it keeps for new clients has the settings, so its console needs no RECONNECT', async () => {
    // Server connections opened before a start set the settings keep the old values; the start ends them
    // (shared/orm.ts). The migration lock's own session was one: ended by the client, PgBouncer reset it for
    // the next client while the start's sweep looked past it, and a search then found "Witzenburg" at 0.3.
    const kept = await bouncer.onKeptServers(settingsNow);
    expect(kept).toEqual(kept.map(() => ({ loaded: 0, t: '0.4', w: '0', r: '1.1' })));
  });

  test("the service's search through it tells a close spelling from a shared syllable, as at 0.4", async () => {
    const secret = randomBytes(32).toString('hex');
    const service = await createNetworkService({ network: 'NIWE', databaseUrl: viaBouncer(), secret });
    services.push(service);
    const url = await listen(service.http, 0);
    const internal = async (query: string, variables: Record<string, unknown>) => {
      const body = JSON.stringify({ query, variables });
      const identity = encodeIdentity({ role: 'admin', subject: 'admin' });
      const headers = signRequest(secret, { service: 'niwe', method: 'POST', path: '/internal/graphql', body, identity });
      const res = await fetch(`${url}/internal/graphql`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', [identityHeader]: identity, ...headers },
      });
      return (await res.json()) as { data?: any; errors?: unknown[] };
    };
    const created = await internal('mutation($input: MemberInput!) { createMember(input: $input) { localId } }', {
      input: { name: 'Werkzeugbau Witzenhausen GmbH', postalCode: '37213', city: 'Witzenhausen' },
    });
    expect(created.errors).toBeUndefined();
    const search = async (text: string) =>
      (await internal('query($text: String) { search(filter: { text: $text }, order: RELEVANCE, first: 5) { hits { localId } } }', { text })).data.search.hits
        .length;
    expect(await search('Witzenhasuen')).toBe(1);
    expect(await search('Witzenburg')).toBe(0);
  });
});
