import { randomBytes } from 'node:crypto';
import { describe, inject, test } from 'vitest';
import { ensureDatabase } from '../shared/postgres.ts';
import { spawnLeashed } from '../shared/processes.ts';
import { freePort } from './support/free-port.ts';
import { until } from './support/wait.ts';

// /ready turns 503 while a service drains on every service, not only the gateway (test/ready.e2e.ts): a network's
// and region's process, each behind its own balancer in an office, is taken out on SIGTERM before its port closes.

const secret = () => randomBytes(32).toString('hex');
const database = (name: string) => ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_drain_${name}`);

async function get(url: string): Promise<{ status: number; body: unknown } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return { status: response.status, body: await response.json() };
  } catch {
    return undefined;
  }
}

const services: { name: string; script: string; env: () => Promise<Record<string, string>> }[] = [
  {
    name: 'network NIWE',
    script: 'subgraphs/network/index.ts',
    env: async () => ({ NETWORK: 'NIWE', DATABASE_URL: await database('niwe'), NIWE_SUBGRAPH_SECRET: secret() }),
  },
  {
    name: 'region',
    script: 'subgraphs/region/index.ts',
    env: async () => ({
      REGION_DATABASE_URL: await database('region'),
      REGION_SUBGRAPH_SECRET: secret(),
      NIWE_SUBGRAPH_SECRET: secret(),
      LINAT_SUBGRAPH_SECRET: secret(),
      KONAT_SUBGRAPH_SECRET: secret(),
      WEBHOOK_KEY: secret(),
    }),
  },
];

describe('a subgraph that drains', () => {
  // Both at once: each waits out its 5 s drain, 10 of the file's 14 s one after the other.
  test.concurrent.for(services)(
    '$name: on SIGTERM /ready answers 503 "draining" while /health stays 200, then it exits 0',
    { timeout: 120_000 },
    async ({ script, env }, { expect, onTestFinished }) => {
      const port = await freePort();
      const child = spawnLeashed([script], {
        env: {
          PATH: process.env.PATH,
          PORT: String(port),
          HOST: '127.0.0.1',
          // The window a balancer gets to take the service out; the test sees it by polling, whatever the machine's speed.
          DRAIN_DELAY_MS: '5000',
          LOG_LEVEL: 'info',
          ...(await env()),
        },
      });
      onTestFinished(() => void child.kill('SIGKILL'));
      let output = '';
      for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const url = `http://127.0.0.1:${port}`;
      await until(async () => (await get(`${url}/ready`))?.status === 200, `${script} is ready`, 90_000).catch((error) => {
        throw new Error(`${error.message}\n${output}`);
      });

      child.kill('SIGTERM');
      await until(async () => (await get(`${url}/ready`))?.status === 503, `${script} is not ready`, 10_000);
      expect(await get(`${url}/ready`)).toEqual({ status: 503, body: { status: 'draining' } });
      expect(await get(`${url}/health`)).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await exited, output).toBe(0);
      // Its journal tells a stop from a crash: it ended after the last request, with nothing said.
      const said = output
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { msg: string }).msg);
      expect(said.filter((msg) => / (stopping|stopped)/.test(msg))).toEqual([
        expect.stringMatching(/ subgraph stopping \(SIGTERM\): draining for 5000 ms, then answering the requests in flight$/),
        expect.stringMatching(/ subgraph stopped$/),
      ]);
    },
  );
});
