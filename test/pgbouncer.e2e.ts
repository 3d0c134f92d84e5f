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

beforeAll(async () => {
  direct = new URL(await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_bouncer_niwe`));
  bouncer = await startPgBouncer(direct, { poolMode: 'session', poolSize: 20 });
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
    const settings = await session(direct.toString(), async (client) => {
      await client.query(`select similarity('', '')`);
      return (
        await client.query(
          `select current_setting('pg_trgm.similarity_threshold') as t, current_setting('max_parallel_workers_per_gather') as w, current_setting('random_page_cost') as r`,
        )
      ).rows[0];
    });
    expect(settings).toEqual({ t: '0.4', w: '0', r: '1.1' });
  });

  test("the service's search through it tells a close spelling from a shared syllable, as at 0.4", async () => {
    // The server connections PgBouncer opened before the settings were set would keep the old values; the start
    // that set them ended those sessions (shared/orm.ts), so no RECONNECT in PgBouncer's console is needed.
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
