import { createServer, request, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { healthSessionName } from '../shared/pg-connection.ts';
import { databaseUrl } from '../shared/postgres.ts';
import { startGatewayProcess, type GatewayProcess } from './support/gateway-process.ts';
import { startStack, type Stack } from './support/stack.ts';
import { until } from './support/wait.ts';

// /health says a service is alive, /ready that it can serve. A rolling restart of two gateway replicas
// behind a balancer that sends requests only to ready replicas drops no request: a replica that drains
// answers /ready 503 at once and keeps serving for DRAIN_DELAY_MS, long after the balancer took it out.

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

type Replica = GatewayProcess;

function startReplica(): Promise<Replica> {
  return startGatewayProcess(stack, {
    // Every request comes from the balancer's one address.
    ANONYMOUS_REQUESTS_PER_MINUTE: '1000000',
    ANONYMOUS_COST_PER_MINUTE: '1000000000',
    // Twenty and more of the balancer's checks, 50 ms apart, even when a check waits on a busy region.
    DRAIN_DELAY_MS: '1500',
  });
}

/**
 * A load balancer as haproxy's `option httpchk GET /ready` would be: it checks each replica's /ready every
 * 50 ms and sends requests round robin to those that last answered 200. It never retries: a request it
 * cannot place or whose replica fails is answered 502 and counts as dropped.
 */
function balancer() {
  const pool = new Map<Replica, { ready: boolean; served: number; removed: boolean }>();
  const agent = new Agent({ keepAlive: true });
  let next = 0;
  const watch = async (replica: Replica) => {
    const state = pool.get(replica)!;
    while (!state.removed) {
      state.ready = await fetch(`${replica.url}/ready`).then(
        (r) => r.ok,
        () => false,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const server: Server = createServer((req, res) => {
    const ready = [...pool].filter(([, state]) => state.ready);
    if (ready.length === 0) return res.writeHead(502).end('no ready replica');
    const [replica, state] = ready[next++ % ready.length];
    state.served++;
    const upstream = request(`${replica.url}${req.url}`, { method: req.method, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end('replica failed')));
    req.pipe(upstream);
  });
  return {
    server,
    add(replica: Replica) {
      pool.set(replica, { ready: false, served: 0, removed: false });
      void watch(replica);
    },
    remove(replica: Replica) {
      pool.get(replica)!.removed = true;
      pool.delete(replica);
    },
    isReady: (replica: Replica) => pool.get(replica)?.ready === true,
    served: (replica: Replica) => pool.get(replica)?.served ?? 0,
    close() {
      for (const state of pool.values()) state.removed = true;
      agent.destroy();
      server.closeAllConnections();
      server.close();
    },
  };
}

describe('/health and /ready', () => {
  test('a replica that drains is alive but not ready, and a rolling restart under load drops no request', async () => {
    const lb = balancer();
    await new Promise<void>((resolve) => lb.server.listen(0, '127.0.0.1', resolve));
    const lbUrl = `http://127.0.0.1:${(lb.server.address() as AddressInfo).port}`;
    const replicas = await Promise.all([startReplica(), startReplica()]);
    const started = [...replicas];
    try {
      for (const replica of replicas) lb.add(replica);
      await until(() => replicas.every(lb.isReady), 'both replicas are ready');

      // A bounded load: four callers, until the restart is done or 100,000 requests were sent or two minutes passed.
      let restarting = true;
      const deadline = Date.now() + 120_000;
      const results = { sent: 0, answered: 0, failures: [] as string[] };
      const caller = async () => {
        while (restarting && results.sent < 100_000 && Date.now() < deadline) {
          results.sent++;
          const outcome = await fetch(`${lbUrl}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ networks { code } }' }),
          }).then(
            async (r) => (r.status === 200 && ((await r.json()) as { data?: { networks?: unknown[] } }).data?.networks?.length === 3 ? 'ok' : `${r.status}`),
            (error: Error) => error.message,
          );
          if (outcome === 'ok') results.answered++;
          else results.failures.push(outcome);
        }
      };
      const load = Promise.all(Array.from({ length: 4 }, caller));

      for (let i = 0; i < replicas.length; i++) {
        const old = replicas[i];
        const servedBefore = lb.served(old);
        await until(() => lb.served(old) > servedBefore, 'the replica serves part of the load');
        // Its replacement starts while it drains (about 3 s of the file's 11 each, one after the other); the
        // balancer gets the replacement only once the old replica has exited.
        const replacement = startReplica();
        void replacement.then(
          (replica) => started.push(replica),
          () => {},
        );
        old.child.kill('SIGTERM');
        // Draining: still alive and answering, but not ready.
        await until(
          async () =>
            (await fetch(`${old.url}/ready`).then(
              (r) => r.status,
              () => 0,
            )) === 503,
          'the draining replica is not ready',
        );
        expect(await (await fetch(`${old.url}/health`)).json()).toEqual({ status: 'ok' });
        expect(await (await fetch(`${old.url}/ready`)).json()).toEqual({ status: 'draining' });
        expect(await old.exited, old.output()).toBe(0);
        lb.remove(old);
        replicas[i] = await replacement;
        lb.add(replicas[i]);
        await until(() => lb.isReady(replicas[i]), 'the new replica is ready');
        const fresh = replicas[i];
        await until(() => lb.served(fresh) > 0, 'the new replica serves part of the load');
      }
      restarting = false;
      await load;

      expect(results.failures).toEqual([]);
      expect(results.answered).toBe(results.sent);
      expect(results.sent).toBeLessThan(100_000); // the load ran through both restarts rather than ending early
    } finally {
      lb.close();
      for (const replica of started) replica.child.kill('SIGKILL');
    }
  }, 180_000);
});

describe("a network's /ready", () => {
  test('looks at its database on one session of its own, kept between looks', async () => {
    const database = new URL(stack.networks.get('NIWE')!.orm.config.get('clientUrl')!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: databaseUrl(inject('postgresUrl'), 'postgres') });
    await admin.connect();
    const healthSessions = async () =>
      (await admin.query('select pid from pg_stat_activity where datname = $1 and application_name = $2', [database, healthSessionName])).rows.map(
        (row) => row.pid as number,
      );
    const look = async () => expect((await fetch(`${stack.networkUrls.NIWE}/ready`)).status).toBe(200);
    try {
      for (let i = 0; i < 5; i++) await look();
      const first = await healthSessions();
      // Each look opened a session and closed it before: none would be left here.
      expect(first).toHaveLength(1);
      for (let i = 0; i < 5; i++) await look();
      expect(await healthSessions()).toEqual(first);
    } finally {
      await admin.end();
    }
  });
});
