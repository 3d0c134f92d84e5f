import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { listen } from '../shared/http.ts';
import { ensureDatabase } from '../shared/postgres.ts';
import { signRequest } from '../shared/signature.ts';
import { loadConfig } from '../subgraphs/network/index.ts';
import { createNetworkService, type NetworkService } from '../subgraphs/network/server.ts';
import { loadConfig as regionConfig } from '../subgraphs/region/index.ts';
import { createRegionService } from '../subgraphs/region/server.ts';
import { startRedis } from './support/redis.ts';

// Two replicas of one network service behind a balancer. A signed request captured on the way (by a proxy,
// a log of bodies) and sent again within the signature's minute must be refused by either replica: with
// REPLAY_REDIS_URL both remember the nonces in one Redis. Without it each remembers only its own, and a
// replay to the other replica is served a second time (shown below, so this test can fail).

const secret = randomBytes(32).toString('hex');
const services: Pick<NetworkService, 'stop'>[] = [];
let redis: Awaited<ReturnType<typeof startRedis>>;
let databaseUrl: string;
const attachmentsDir = mkdtempSync(join(tmpdir(), 'irm-replay-'));

beforeAll(async () => {
  redis = await startRedis();
  databaseUrl = await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_replay_niwe`);
}, 60_000);
afterAll(async () => {
  try {
    await Promise.all(services.map((service) => service.stop()));
  } finally {
    redis?.kill();
    rmSync(attachmentsDir, { recursive: true, force: true });
  }
});

/** Two NIWE replicas on one database, as the office's balancer would have them; their URLs. */
async function replicas(env: Record<string, string>): Promise<string[]> {
  const config = loadConfig({ NETWORK: 'NIWE', DATABASE_URL: databaseUrl, NIWE_SUBGRAPH_SECRET: secret, ...env });
  return Promise.all(
    [0, 1].map(async () => {
      const service = await createNetworkService(config.network);
      services.push(service);
      return listen(service.http, 0);
    }),
  );
}

/** Two region replicas on one database (attachments in a temporary folder, no webhook dispatcher); their URLs. */
async function regionReplicas(env: Record<string, string>): Promise<string[]> {
  const url = await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_replay_region`);
  const config = regionConfig({
    REGION_DATABASE_URL: url,
    SUBGRAPH_SECRET: secret,
    WEBHOOK_KEY: randomBytes(32).toString('hex'),
    ATTACHMENTS_DIR: attachmentsDir,
    ...env,
  });
  return Promise.all(
    [0, 1].map(async () => {
      const service = await createRegionService({ ...config.region, inquiries: { ...config.region.inquiries, dispatcher: null } });
      services.push(service);
      return listen(service.http, 0);
    }),
  );
}

/** One request signed for `service` (NIWE unless said), the exact bytes and headers a captured copy would carry. */
function signedMembersQuery(service = 'niwe'): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ query: '{ _service { sdl } }' });
  const headers = signRequest(secret, { service, method: 'POST', path: '/graphql', body, identity: undefined });
  return { body, headers: { 'content-type': 'application/json', ...headers } };
}

async function send(url: string, request: { body: string; headers: Record<string, string> }) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', body: request.body, headers: request.headers });
  const answer = (await res.json()) as { errors?: { message: string; extensions: { code: string } }[] };
  return { status: res.status, code: answer.errors?.[0]?.extensions.code, message: answer.errors?.[0]?.message };
}

describe('replay protection across replicas', () => {
  test('with REPLAY_REDIS_URL a request replayed to the other replica is refused, and to the same one too', async () => {
    const [first, second] = await replicas({ REPLAY_REDIS_URL: redis.url });
    const captured = signedMembersQuery();
    expect((await send(first, captured)).status).toBe(200);
    const replayed = await send(second, captured);
    expect(replayed).toEqual({ status: 401, code: 'UNAUTHENTICATED', message: expect.stringContaining('replayed nonce') });
    expect((await send(first, captured)).message).toContain('replayed nonce');
    // A fresh signature is served by both: only the nonce was refused.
    expect((await send(second, signedMembersQuery())).status).toBe(200);
  });

  test("the same for region's replicas", async () => {
    const [first, second] = await regionReplicas({ REPLAY_REDIS_URL: redis.url });
    const captured = signedMembersQuery('region');
    expect((await send(first, captured)).status).toBe(200);
    expect((await send(second, captured)).message).toContain('replayed nonce');
  });

  test('without it (the in-process default) each replica knows only its own nonces', async () => {
    const [first, second] = await replicas({});
    const captured = signedMembersQuery();
    expect((await send(first, captured)).status).toBe(200);
    expect((await send(first, captured)).message).toContain('replayed nonce');
    expect((await send(second, captured)).status).toBe(200);
  });

  test('Redis gone: the replicas go on serving, each still refusing a replay to itself', async () => {
    const [first] = await replicas({ REPLAY_REDIS_URL: redis.url });
    redis.kill();
    const captured = signedMembersQuery();
    expect((await send(first, captured)).status).toBe(200);
    expect((await send(first, captured)).message).toContain('replayed nonce');
  });

  test('REPLAY_REDIS_URL must be a redis:// URL', () => {
    expect(() => loadConfig({ NETWORK: 'NIWE', DATABASE_URL: databaseUrl, NIWE_SUBGRAPH_SECRET: secret, REPLAY_REDIS_URL: 'http://x' })).toThrow(
      'REPLAY_REDIS_URL must be a URL starting with redis:// or rediss://',
    );
  });
});
