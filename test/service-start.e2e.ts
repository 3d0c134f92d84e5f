import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, onTestFinished, test } from 'vitest';
import { configErrorExitCode } from '../shared/config.ts';
import { ensureDatabase } from '../shared/postgres.ts';
import { spawnLeashed } from '../shared/processes.ts';
import { freePort } from './support/free-port.ts';
import { until } from './support/wait.ts';

// What an office's service says when it cannot start for a reason the operator can fix (shared/main.ts
// startProblem): one line naming it, exit 78 where starting again would fail again (npm start stops, the systemd
// unit does not restart it), exit 1 where the database may still be starting. Each ended in a log line with a stack,
// and a port in use had npm start restart the service every few seconds for ever (the operator's probe).

async function start(env: Record<string, string>): Promise<{ code: number | null; lines: string[] }> {
  const child = spawnLeashed(['subgraphs/network/index.ts'], {
    env: { PATH: process.env.PATH, NETWORK: 'NIWE', NIWE_SUBGRAPH_SECRET: 'x'.repeat(64), PORT: String(await freePort()), ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  return { code, lines: output.trim().split('\n') };
}

/** The lines above info (a new database's first start logs its catalogs at info), each its message; a stack would show as a field. */
const said = (lines: string[]) =>
  lines
    .map((line) => JSON.parse(line) as { level: string; msg: string; err?: unknown })
    .filter((line) => line.level !== 'info')
    .map((line) => (line.err === undefined ? line.msg : line));

describe('a network service that cannot start', () => {
  test('a port another program holds: exit 78 and the port named', async () => {
    const url = await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_start_port`);
    const taken = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    try {
      const { code, lines } = await start({ DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1' });
      expect(code).toBe(configErrorExitCode);
      expect(said(lines)).toEqual([
        `NIWE subgraph: port ${port} (127.0.0.1) is in use by another program: stop that program, or give this service another port.`,
      ]);
    } finally {
      taken.close();
    }
  });

  test('a database that refuses its role, or is not there: exit 78 and what PostgreSQL said', async () => {
    const url = new URL(await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_start_pw`));
    const wrong = new URL(url);
    wrong.password = 'not-the-password';
    const refused = await start({ DATABASE_URL: wrong.toString() });
    expect(refused.code).toBe(configErrorExitCode);
    expect(said(refused.lines)).toEqual([
      `NIWE subgraph: its database refused it: password authentication failed for user "${url.username}". Check DATABASE_URL (role, password, database name).`,
    ]);
    const missing = new URL(url);
    missing.pathname = '/no_such_database';
    const absent = await start({ DATABASE_URL: missing.toString() });
    expect(absent.code).toBe(configErrorExitCode);
    expect(said(absent.lines)).toEqual([
      expect.stringMatching(/^NIWE subgraph: its database refused it: .*no_such_database.* does not exist\. Check DATABASE_URL/),
    ]);
  });

  test('a database that does not answer: exit 1, to be started again', async () => {
    const nothing = await freePort();
    const { code, lines } = await start({ DATABASE_URL: `postgres://irm:secret@127.0.0.1:${nothing}/irm` });
    expect(code).toBe(1);
    expect(said(lines)).toEqual([
      `NIWE subgraph: its database at 127.0.0.1:${nothing} does not answer (connection refused): is PostgreSQL running there? Check DATABASE_URL.`,
    ]);
  });
});

describe('a network service given a previous secret', () => {
  test('says at its start that the old secret is still taken, so a change left half done is seen', async () => {
    const url = await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_start_previous`);
    const child = spawnLeashed(['subgraphs/network/index.ts'], {
      env: {
        PATH: process.env.PATH,
        NETWORK: 'NIWE',
        NIWE_SUBGRAPH_SECRET: 'x'.repeat(64),
        NIWE_SUBGRAPH_SECRET_PREVIOUS: 'y'.repeat(64),
        DATABASE_URL: url,
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
      },
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await until(() => /listening on/.test(output), 'the network service listens', 90_000);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(said(output.trim().split('\n'))).toContain(
      'NIWE subgraph: NIWE_SUBGRAPH_SECRET_PREVIOUS is set, so the old secret is still taken; remove it once region and the gateways sign with the new one.',
    );
  });
});

describe('region that cannot start', () => {
  test("an attachments' folder that is a file: exit 78 and the folder named, not a region whose every upload fails", async () => {
    const url = await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_start_files`);
    const dir = mkdtempSync(join(tmpdir(), 'irm-attachments-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const child = spawnLeashed(['subgraphs/region/index.ts'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: url,
        SUBGRAPH_SECRET: 'x'.repeat(64),
        WEBHOOK_KEY: 'a'.repeat(64),
        PORT: String(await freePort()),
        ATTACHMENTS_DIR: file,
      },
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(configErrorExitCode);
    expect(said(output.trim().split('\n'))).toEqual([
      `region subgraph: The attachments' folder ${file} is a file, or lies under one: set ATTACHMENTS_DIR (or DATA_DIR) to a folder region may write.`,
    ]);
  });
});
