import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, inject, test } from 'vitest';
import { ensureDatabase } from '../shared/postgres.ts';
import { configErrorExitCode } from '../shared/config.ts';
import { supergraphPath } from '../gateway/supergraph.ts';
import { answerDatabaseSetUp, awaitDatabaseVariable, spawnLeashed, waitForExit } from '../shared/processes.ts';
import { freePort } from './support/free-port.ts';

// Each service is its own process, configured by environment and flags.

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

function start(script: string, args: string[], env: Record<string, string>) {
  const child = spawnLeashed([script, ...args], { env: { ...process.env, ...env } });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/[^/\s]+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', () => reject(new Error(output)));
  });
  listening.catch(() => {}); // awaited only by tests that expect the process to come up
  return { child, listening, exited, output: () => output };
}

describe('gateway process', () => {
  test('starts on a supergraph given by flag, alive but not ready without region', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'irm-gw-'));
    const file = join(dir, 'elsewhere.graphql');
    copyFileSync(supergraphPath, file);
    const gateway = start('gateway/index.ts', ['--supergraph', file], {
      PORT: '0',
      JWT_SECRET: 'x'.repeat(32),
      SUBGRAPH_SECRET: 's'.repeat(32),
      REGION_URL: `http://127.0.0.1:${await freePort()}`,
    });
    const url = await gateway.listening;
    // It is alive, and says that without region it can serve almost nothing.
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
    const health = await fetch(`${url}/ready`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'region is unreachable' });
    // Subgraphs are not running: the gateway answers with an error, not a crash, and names no address.
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ networks { code } }' }),
    });
    const body: any = await res.json();
    expect(body.errors[0].extensions.code).toBeDefined();
    expect(JSON.stringify(body)).not.toMatch(/localhost:4004|127\.0\.0\.1:4004/);
    expect((await fetch(`${url}/ready`)).status).toBe(503);
  });

  test('a missing supergraph file stops it with a message that says what to do', async () => {
    const gateway = start('gateway/index.ts', ['--supergraph', '/nonexistent/supergraph.graphql'], { PORT: '0' });
    expect(await gateway.exited).toBe(configErrorExitCode);
    expect(gateway.output()).toMatch(/does not exist; run npm run compose or pass --supergraph/);
  });

  test('a file that is not a valid supergraph stops it with the cause, in production too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'irm-supergraph-'));
    const file = join(dir, 'supergraph.graphql');
    // The committed supergraph with a join__type naming a subgraph it does not list.
    writeFileSync(file, readFileSync(supergraphPath, 'utf8').replace(/@join__type\(graph: REGION/, '@join__type(graph: NOWHERE'));
    try {
      for (const env of [{}, { NODE_ENV: 'production' }] as Record<string, string>[]) {
        const gateway = start('gateway/index.ts', ['--supergraph', file], { PORT: '0', ...env });
        expect(await gateway.exited).toBe(configErrorExitCode);
        expect(gateway.output()).toMatch(/Supergraph file .*supergraph\.graphql is refused: .*NOWHERE.*\. Run npm run compose/);
        expect(gateway.output()).not.toMatch(/\n\s+at /);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('subgraph signatures', () => {
  test('a service without SUBGRAPH_SECRET refuses to start unless ALLOW_UNSIGNED=1 says so', async () => {
    const gateway = start('gateway/index.ts', [], { PORT: '0', SUBGRAPH_SECRET: '', ALLOW_UNSIGNED: '' });
    expect(await gateway.exited).toBe(configErrorExitCode);
    expect(gateway.output()).toMatch(/Set SUBGRAPH_SECRET .* or ALLOW_UNSIGNED=1/);
    const region = start('subgraphs/region/index.ts', [], { PORT: '0', SUBGRAPH_SECRET: '', ALLOW_UNSIGNED: '' });
    expect(await region.exited).toBe(configErrorExitCode);
    expect(region.output()).toMatch(/Set SUBGRAPH_SECRET/);
    const unsigned = start('gateway/index.ts', [], { PORT: '0', SUBGRAPH_SECRET: '', ALLOW_UNSIGNED: '1', REGION_URL: `http://127.0.0.1:${await freePort()}` });
    const url = await unsigned.listening;
    expect(await (await fetch(`${url}/ready`)).json()).toEqual({ status: 'region is unreachable' });
  });
});

describe('network process', () => {
  test('refuses an unknown network and a missing database with clear messages', async () => {
    const unknown = start('subgraphs/network/index.ts', [], { NETWORK: 'FOO', PORT: '0' });
    expect(await unknown.exited).toBe(configErrorExitCode);
    expect(unknown.output()).toMatch(/NETWORK must name a registered network \(NIWE, LINAT, KONAT\), got "FOO"/);
    const noDb = start('subgraphs/network/index.ts', [], { NETWORK: 'NIWE', PORT: '0', DATABASE_URL: '', NIWE_DATABASE_URL: '' });
    expect(await noDb.exited).toBe(configErrorExitCode);
    expect(noDb.output()).toMatch(/Set DATABASE_URL \(or NIWE_DATABASE_URL\)/);
  });
});

describe('a network process on a new database', () => {
  test('names itself in every log line, those it writes while it starts too', async () => {
    const url = await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_logs`);
    const niwe = start('subgraphs/network/index.ts', [], { NETWORK: 'NIWE', PORT: '0', DATABASE_URL: url, NIWE_DATABASE_URL: '', ALLOW_UNSIGNED: '1' });
    await niwe.listening;
    const lines = niwe
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { service: string; msg: string });
    // The catalog masks' line comes while the service starts, before its own log exists: it named the service "process".
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['catalog masks brought to the catalogs of this code']));
    expect(new Set(lines.map((l) => l.service))).toEqual(new Set(['niwe']));
  });
});

describe('processes the project starts', () => {
  test('stop by themselves when the process that started them is killed', async () => {
    const parent = start('test/fixtures/leash-parent.ts', [], {});
    let pid = 0;
    for (let i = 0; i < 600 && !pid; i++) {
      pid = Number(/child pid (\d+)/.exec(parent.output())?.[1] ?? 0);
      if (!pid) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(pid, parent.output()).toBeGreaterThan(0);
    // SIGKILL: the parent runs no clean-up, as when a test worker is torn down after a timeout.
    parent.child.kill('SIGKILL');
    expect(await waitForExit(pid, 20_000)).toBe(true);
  });
});

describe("a service started before its database is set up (npm start's subgraphs)", () => {
  test('asks its supervisor, connects only once answered, and is not kept alive by the asking', async () => {
    let setUp!: () => void;
    const service = start('test/fixtures/await-database.ts', [], { [awaitDatabaseVariable]: '1' });
    const asked = new Promise((resolve) => service.child.on('message', resolve));
    answerDatabaseSetUp(service.child, new Promise<void>((resolve) => (setUp = resolve)));
    expect(await asked).toEqual({ database: 'waiting' });
    // Asked and not answered: it waits, however long the set-up takes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(service.output()).toBe('waiting\n');
    setUp();
    expect(await service.exited).toBe(0);
    expect(service.output()).toBe('waiting\nset up\n');
  });

  test('started any other way, it connects at once', async () => {
    const service = start('test/fixtures/await-database.ts', [], {});
    expect(await service.exited).toBe(0);
    expect(service.output()).toBe('waiting\nset up\n');
  });

  test('an answer that was ready before it asked comes at once', async () => {
    const service = start('test/fixtures/await-database.ts', [], { [awaitDatabaseVariable]: '1' });
    answerDatabaseSetUp(service.child, Promise.resolve());
    expect(await service.exited).toBe(0);
    expect(service.output()).toBe('waiting\nset up\n');
  });
});
