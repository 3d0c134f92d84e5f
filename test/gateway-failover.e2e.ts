import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort } from './support/free-port.ts';
import { startGatewayProcess, type GatewayProcess } from './support/gateway-process.ts';
import { startStack, type Stack } from './support/stack.ts';
import { until } from './support/wait.ts';

// Two gateway replicas behind haproxy (Debian's, .ci/run installs it) on loopback, members written through
// the balancer by four clients, each write retried with its idempotency key until it is acknowledged, as a
// partner's client would. One replica is killed with SIGKILL in the middle: nothing it acknowledged may be
// lost (a gateway keeps no write of its own; region and the networks commit before answering), and no
// retry of a write the killed replica had already passed on may create it twice.

let stack: Stack;
let haproxy: ChildProcess | undefined;
let balancerUrl: string;
let token: string;
const replicas: GatewayProcess[] = [];
const base = mkdtempSync(join(tmpdir(), 'irm-failover-'));

beforeAll(async () => {
  stack = await startStack();
  // Every request comes from haproxy's one address; the anonymous limit is not what this test is about.
  const env = { ANONYMOUS_REQUESTS_PER_MINUTE: '1000000', ANONYMOUS_COST_PER_MINUTE: '1000000000' };
  replicas.push(...(await Promise.all([startGatewayProcess(stack, env), startGatewayProcess(stack, env)])));
  const port = await freePort();
  const config = join(base, 'haproxy.cfg');
  writeFileSync(
    config,
    `global
  maxconn 256

defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  # A connection the killed replica refuses is tried on the other one; a request it had already taken is not
  # (haproxy cannot know whether it was carried out): the client retries that one with its key.
  retries 2
  option redispatch
  retry-on conn-failure

frontend graph
  bind 127.0.0.1:${port}
  default_backend gateways

backend gateways
  balance roundrobin
  option httpchk GET /ready
  http-check expect status 200
  # A check waits up to 2 s and a replica is out after 3 failed ones: with one 200-ms failure enough, the surviving
  # replica, slow to answer at load 10, was taken out too, and haproxy answered 503 (CI run at 15:40). A killed replica
  # refuses at once, so it is out within 3 checks, and until then its refusals are redispatched.
  timeout check 2s
${replicas.map((replica, i) => `  server gateway${i} ${new URL(replica.url).host} check inter 200ms fall 3 rise 1`).join('\n')}
`,
  );
  haproxy = spawn('haproxy', ['-f', config, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  balancerUrl = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(`${balancerUrl}/health`).catch(() => undefined))?.status === 200, 'haproxy passes requests to a gateway');
  // The gateway processes verify tokens with the JWT_SECRET startGatewayProcess gives them.
  token = await new SignJWT({ role: 'office', network: 'NIWE', sub: 'office-NIWE' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode('g'.repeat(32)));
}, 120_000);

afterAll(async () => {
  haproxy?.kill('SIGKILL');
  for (const replica of replicas) replica.child.kill('SIGKILL');
  await stack?.stop();
  rmSync(base, { recursive: true, force: true });
});

const create = `mutation($input: MemberInput!, $key: String) {
  createMember(network: NIWE, input: $input, idempotencyKey: $key) { id }
}`;
const input = (key: string) => ({
  name: `Failover ${key} GmbH`,
  postalCode: '37269',
  city: 'Eschwege',
  services: [{ title: `Fräsen ${key}`, processes: ['3.2.3'] }],
});

/** How many members of each name NIWE's database holds, of those this test writes. */
async function niweMembers(): Promise<Map<string, number>> {
  const rows = await stack.networks
    .get('NIWE')!
    .orm.em.getConnection()
    .execute<{ name: string; n: number }[]>(`select name, count(*)::int as n from member where name like 'Failover %' group by name`);
  return new Map(rows.map((row) => [row.name, row.n]));
}

/** One attempt through the balancer: the member's id when the write was acknowledged, else why not. */
async function attempt(key: string): Promise<{ id: string } | { failed: string }> {
  try {
    const res = await fetch(`${balancerUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: create, variables: { input: input(key), key } }),
    });
    const body = (await res.json().catch(() => ({}))) as { data?: { createMember?: { id: string } }; errors?: { extensions?: { code?: string } }[] };
    return body.data?.createMember ? { id: body.data.createMember.id } : { failed: `${res.status} ${body.errors?.[0]?.extensions?.code ?? ''}` };
  } catch (error) {
    return { failed: (error as Error).message };
  }
}

test('SIGKILL of one gateway replica under writes: every acknowledged write is there once, and retries with its key do not duplicate it', async () => {
  const acknowledged = new Map<string, string>();
  const failures: string[] = [];
  let stopped = false;
  const writer = async (w: number) => {
    for (let i = 0; !stopped; i++) {
      const key = `w${w}-${i}`;
      for (;;) {
        const outcome = await attempt(key);
        if ('id' in outcome) {
          acknowledged.set(key, outcome.id);
          break;
        }
        failures.push(outcome.failed);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  const writers = Promise.all([0, 1, 2, 3].map(writer));

  await until(() => acknowledged.size >= 50, '50 writes are acknowledged', 60_000);
  const [killed, survivor] = replicas;
  killed.child.kill('SIGKILL');
  expect(await killed.exited).toBeNull();
  const atKill = acknowledged.size;
  await until(() => acknowledged.size >= atKill + 50, '50 more writes are acknowledged after the kill', 60_000);
  stopped = true;
  await writers;
  await until(async () => (await fetch(`${survivor.url}/ready`)).status === 200, 'the surviving replica is ready');

  // Every acknowledged write in NIWE's database, once; nothing beyond them, since each writer saw every write it began acknowledged.
  const rows = await niweMembers();
  for (const key of acknowledged.keys()) expect(rows.get(`Failover ${key} GmbH`), key).toBe(1);
  expect([...rows.values()].reduce((a, b) => a + b, 0)).toBe(acknowledged.size);

  // Every write sent once more with its key, through the balancer, until acknowledged, as the writers do: the same
  // member, nothing new.
  for (const [key, id] of acknowledged) {
    let outcome = await attempt(key);
    for (let tries = 1; !('id' in outcome) && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      outcome = await attempt(key);
    }
    expect(outcome, key).toEqual({ id });
  }
  expect(await niweMembers()).toEqual(rows);
  console.log(
    `gateway failover: ${acknowledged.size} writes acknowledged, ${failures.length} attempts failed and were retried (${[...new Set(failures)].join(', ')})`,
  );
}, 180_000);
