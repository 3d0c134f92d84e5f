import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { databaseUrl } from '../shared/postgres.ts';
import { startGatewayProcess } from './support/gateway-process.ts';
import { startStack, type Stack } from './support/stack.ts';
import { until } from './support/wait.ts';

// Faults the stack must survive without a restart: a service that hangs (as under SIGSTOP) is
// cut off after the gateway's time budget, and the answer says which part is missing and why.

let stack: Stack;
const budgetMs = 500;

beforeAll(async () => {
  stack = await startStack({ subgraphTimeoutMs: budgetMs });
});
afterAll(() => stack?.stop());

/** Region accepts connections and reads requests but answers none, until `resume` is called. */
function hang(server: Server): () => void {
  const listeners = server.listeners('request') as ((...args: unknown[]) => void)[];
  server.removeAllListeners('request');
  server.on('request', () => {});
  return () => {
    server.removeAllListeners('request');
    for (const listener of listeners) server.on('request', listener);
  };
}

/** Region takes requests in but holds them until `release`, then answers every one. */
function gate(server: Server) {
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  const held: (() => void)[] = [];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => held.push(() => listeners.forEach((l) => l.call(server, req, res))));
  return {
    held: () => held.length,
    release() {
      server.removeAllListeners('request');
      for (const listener of listeners) server.on('request', listener);
      held.splice(0).forEach((answer) => answer());
    },
  };
}

async function health(url: string) {
  const response = await fetch(new URL('/ready', url));
  return { status: response.status, body: (await response.json()) as { status: string } };
}

describe('a hung region', () => {
  test('is cut off after the budget: its fields are null with SERVICE_UNAVAILABLE, the gateway is not ready (503), and it heals', async () => {
    const resume = hang(stack.region.http);
    try {
      const res = await stack.query('{ networks { code } }');
      expect(res.status).toBe(200);
      expect(res.data).toBeNull();
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'region' });
      expect(res.errors?.[0].message).toBe(`Service region did not answer within ${budgetMs} ms.`);
      expect(await health(stack.gatewayUrl)).toEqual({ status: 503, body: { status: `region did not answer within ${budgetMs} ms` } });
    } finally {
      resume();
    }
    expect((await stack.query('{ networks { code } }')).data.networks).toHaveLength(3);
    // Healed means ready again, not ready on the first probe: region's /ready opens a fresh database
    // connection, which on a loaded CI machine once took longer than this test's 500 ms budget.
    await until(async () => (await health(stack.gatewayUrl)).status === 200, 'the gateway is ready again');
  });

  test('a write cut off says its outcome is unknown and how to retry safely', async () => {
    const token = await stack.token({ role: 'admin', sub: 'faults' });
    const resume = hang(stack.region.http);
    try {
      const res = await stack.query('mutation { createApiKey(partner: "hung-partner", name: "hung") { key } }', {}, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'region', writeOutcome: 'UNKNOWN' });
      expect(res.errors?.[0].message).toMatch(/may or may not have been applied; retry it with the same idempotencyKey/);
    } finally {
      resume();
    }
  });
});

describe('SIGTERM', () => {
  test('the gateway stops taking connections, answers every request in flight, then exits 0', async () => {
    const { url, child: gateway, exited, output } = await startGatewayProcess(stack);

    const region = gate(stack.region.http);
    try {
      // Distinct operations: identical reads in flight would be sent to region once (gateway/dedupe.ts).
      const answers = Array.from({ length: 10 }, (_, i) =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `{ n${i}: networks { code } }` }),
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as { data: Record<string, { code: string }[]> } })),
      );
      await until(() => region.held() === 10, 'region holds all ten requests');
      gateway.kill('SIGTERM');
      await until(
        () =>
          fetch(`${url}/health`).then(
            () => false,
            () => true,
          ),
        'the gateway refuses new connections',
      );
      region.release();
      const results = await Promise.all(answers);
      results.forEach((result, i) => {
        expect(result.status).toBe(200);
        expect(result.body.data[`n${i}`]).toHaveLength(3);
      });
      expect(await exited, output()).toBe(0);
    } finally {
      region.release();
      gateway.kill('SIGKILL');
    }
  });
});

describe("a network's database that goes away", () => {
  test("turns that network's health to 503 and back to 200 when it returns, without a restart", async () => {
    const database = new URL(stack.networks.get('NIWE')!.orm.config.get('clientUrl')!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: databaseUrl(inject('postgresUrl'), 'postgres') });
    await admin.connect();
    try {
      await admin.query(`alter database "${database}" allow_connections false`);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [database]);
      expect(await health(stack.networkUrls.NIWE)).toEqual({ status: 503, body: { status: 'database unreachable' } });
      expect((await health(stack.networkUrls.LINAT)).status).toBe(200);
    } finally {
      await admin.query(`alter database "${database}" allow_connections true`);
      await admin.end();
    }
    // /ready's session was ended with the others, so it opens a new one; on a loaded machine the first may miss its 2 s.
    await until(async () => (await health(stack.networkUrls.NIWE)).status === 200, "NIWE's health is 200 again");
    // The pool lost every connection; the next query opens new ones by itself (the first may meet a dead one).
    await until(async () => !(await stack.query('{ network(code: NIWE) { memberCount } }')).errors, 'NIWE answers again');
  });
});

describe('a network that is down', () => {
  // Last in this file: KONAT stays down.
  test('leaves `networks` answered, with memberCount null and NETWORK_UNAVAILABLE for that network alone', async () => {
    await stack.stopNetwork('KONAT');
    // Region has the gateway's budget of 500 ms for the three counts: on a machine loaded by others (load 4-5) it once
    // took longer, and the whole answer was region's SERVICE_UNAVAILABLE (CI at dc2e0b0). What is checked here is the
    // shape of the partial answer, so a slow one is asked again; one that never comes fails the wait.
    let res = await stack.query('{ networks { code memberCount } }');
    await until(async () => {
      if (res.data !== null) return true;
      res = await stack.query('{ networks { code memberCount } }');
      return false;
    }, 'region answers within the budget');
    expect(res.data.networks).toEqual([
      { code: 'NIWE', memberCount: expect.any(Number) },
      { code: 'LINAT', memberCount: expect.any(Number) },
      { code: 'KONAT', memberCount: null },
    ]);
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({ path: ['networks', 2, 'memberCount'], extensions: { code: 'NETWORK_UNAVAILABLE', network: 'KONAT' } });
  });
});
