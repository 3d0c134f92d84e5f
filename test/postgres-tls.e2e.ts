import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigError, configErrorExitCode } from '../shared/config.ts';
import { databaseHealth, pgConfig } from '../shared/pg-connection.ts';
import { spawnLeashed } from '../shared/processes.ts';
import { initNetworkOrm } from '../subgraphs/network/orm.ts';
import { freePort } from './support/free-port.ts';

/** One look of a service's /ready at this database, on a session closed after. */
async function databaseReachable(url: string): Promise<true | string> {
  const health = databaseHealth(url);
  try {
    return await health.reachable();
  } finally {
    await health.close();
  }
}

// An office's own PostgreSQL that takes TLS connections only (hostssl in pg_hba.conf), with a certificate
// of the office's CA: the database URL's sslmode and sslrootcert decide how the services connect, as in
// psql. Debian's server (.ci/run installs it), run as postgres; certificates made here by openssl.

const run = promisify(execFile);
const base = mkdtempSync(join(tmpdir(), 'irm-tls-'));
chmodSync(base, 0o755);
const orms: MikroORM[] = [];
let bin: string;
let port: number;
let postgresUser: { uid: number; gid: number };
const password = 'office-secret';

function postgresBin(): string {
  const majors = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)) : [];
  if (majors.length === 0) throw new Error('No PostgreSQL server of Debian: apt-get install -y postgresql (.ci/run does).');
  return `/usr/lib/postgresql/${majors.sort((a, b) => Number(b) - Number(a))[0]}/bin`;
}

const file = (name: string) => join(base, name);

/** A CA (key and self-signed certificate) named `name`. */
async function makeCa(name: string): Promise<void> {
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
    '-keyout',
    file(`${name}.key`),
    '-out',
    file(`${name}.crt`),
  ]);
}

/** The server's key and a certificate for 127.0.0.1 and localhost, signed by the CA `ca`. */
async function makeServerCertificate(ca: string): Promise<void> {
  await run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', file('server.key'), '-out', file('server.csr')]);
  writeFileSync(file('server.ext'), 'subjectAltName = IP:127.0.0.1, DNS:localhost\n');
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file(`${ca}.crt`),
    '-CAkey',
    file(`${ca}.key`),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    file('server.ext'),
    '-out',
    file('server.crt'),
  ]);
  // PostgreSQL refuses a key others can read; it runs as postgres.
  chmodSync(file('server.key'), 0o600);
  chownSync(file('server.key'), postgresUser.uid, postgresUser.gid);
}

const url = (user: string, database: string, query: string) => `postgresql://${user}:${password}@127.0.0.1:${port}/${database}?${query}`;

beforeAll(async () => {
  bin = postgresBin();
  const [uid, gid] = await Promise.all(['-u', '-g'].map(async (flag) => Number((await run('id', [flag, 'postgres'])).stdout.trim())));
  postgresUser = { uid, gid };
  await makeCa('office-ca');
  await makeCa('other-ca');
  await makeServerCertificate('office-ca');
  writeFileSync(file('pwfile'), password);
  chownSync(file('pwfile'), uid, gid);
  chownSync(base, uid, gid);
  const dataDir = file('data');
  await run(
    `${bin}/initdb`,
    ['-D', dataDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${file('pwfile')}`, '-E', 'UTF8', '--locale=C.UTF-8'],
    postgresUser,
  );
  // TLS or nothing: no entry without encryption, so a plain connection is refused by the server itself.
  writeFileSync(join(dataDir, 'pg_hba.conf'), 'hostssl all all 127.0.0.1/32 scram-sha-256\n');
  port = await freePort();
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    "-c unix_socket_directories=''",
    '-c ssl=on',
    `-c ssl_cert_file=${file('server.crt')}`,
    `-c ssl_key_file=${file('server.key')}`,
  ].join(' ');
  await run(`${bin}/pg_ctl`, ['-D', dataDir, '-l', file('server.log'), '-w', '-o', options, 'start'], postgresUser);
  // As docs/office.md: the service's role owns its database; the superuser creates the extensions.
  const admin = new pg.Client(pgConfig(url('postgres', 'postgres', `sslmode=verify-full&sslrootcert=${file('office-ca.crt')}`)));
  await admin.connect();
  await admin.query(`create role irm_niwe login password '${password}'`);
  await admin.query('create database irm_niwe owner irm_niwe');
  await admin.end();
  const db = new pg.Client(pgConfig(url('postgres', 'irm_niwe', `sslmode=verify-full&sslrootcert=${file('office-ca.crt')}`)));
  await db.connect();
  await db.query('create extension cube; create extension earthdistance; create extension pg_trgm');
  await db.end();
}, 120_000);

afterAll(async () => {
  await Promise.all(orms.map((orm) => orm.close(true)));
  if (bin && existsSync(file('data/postmaster.pid'))) await run(`${bin}/pg_ctl`, ['-D', file('data'), '-m', 'fast', '-w', 'stop'], postgresUser);
  rmSync(base, { recursive: true, force: true });
}, 60_000);

/** The error initNetworkOrm stops with, or 'started'. */
async function start(databaseUrl: string): Promise<unknown> {
  try {
    const { orm } = await initNetworkOrm(databaseUrl);
    orms.push(orm);
    return 'started';
  } catch (error) {
    return error;
  }
}

describe('external PostgreSQL with TLS', () => {
  test("sslmode=verify-full with the office's CA: the service migrates over TLS, its pool and /ready too", async () => {
    const databaseUrl = url('irm_niwe', 'irm_niwe', `sslmode=verify-full&sslrootcert=${file('office-ca.crt')}`);
    expect(await start(databaseUrl)).toBe('started');
    const orm = orms.at(-1)!;
    // Every connection of the pool, not just the first: the pool's own settings carry TLS.
    const rows = await Promise.all(
      Array.from({ length: 3 }, () => orm.em.getConnection().execute<{ ssl: boolean }[]>('select ssl from pg_stat_ssl where pid = pg_backend_pid()')),
    );
    expect(rows.map((r) => r[0].ssl)).toEqual([true, true, true]);
    expect(await orm.em.getConnection().execute('select count(*)::int as n from member')).toEqual([{ n: 0 }]);
    expect(await databaseReachable(databaseUrl)).toBe(true);
  });

  test('sslmode=require encrypts without a CA to check against, as in psql', async () => {
    expect(await start(url('irm_niwe', 'irm_niwe', 'sslmode=require'))).toBe('started');
  });

  test('verify-full with a CA that did not sign the certificate: a start-up error saying so', async () => {
    const error = await start(url('irm_niwe', 'irm_niwe', `sslmode=verify-full&sslrootcert=${file('other-ca.crt')}`));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`PostgreSQL at 127.0.0.1:${port}: its TLS certificate is not trusted`);
    expect((error as Error).message).toContain(`sslrootcert=${file('other-ca.crt')}`);
    expect(await databaseReachable(url('irm_niwe', 'irm_niwe', `sslmode=verify-full&sslrootcert=${file('other-ca.crt')}`))).toBe('database unreachable');
  });

  test('sslmode=disable against a server that takes TLS only: a start-up error saying what to set', async () => {
    const error = await start(url('irm_niwe', 'irm_niwe', 'sslmode=disable'));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('accepts only TLS connections');
    expect((error as Error).message).toContain('sslmode=verify-full');
  });

  test('a CA file that cannot be read and an sslmode psql knows but we cannot honour are refused before connecting', async () => {
    const missing = await start(url('irm_niwe', 'irm_niwe', `sslmode=verify-full&sslrootcert=${file('nowhere.crt')}`));
    expect((missing as Error).message).toContain(`sslrootcert=${file('nowhere.crt')} in the database URL cannot be read (ENOENT)`);
    const prefer = await start(url('irm_niwe', 'irm_niwe', 'sslmode=prefer'));
    expect((prefer as Error).message).toContain('sslmode=prefer in the database URL is not supported');
  });

  test('the network process started with the wrong CA exits 78 (a configuration error, not restarted) with one log line naming the problem', async () => {
    const child = spawnLeashed(['subgraphs/network/index.ts'], {
      env: {
        PATH: process.env.PATH,
        NETWORK: 'NIWE',
        DATABASE_URL: url('irm_niwe', 'irm_niwe', `sslmode=verify-full&sslrootcert=${file('other-ca.crt')}`),
        NIWE_SUBGRAPH_SECRET: 'x'.repeat(64),
        PORT: String(await freePort()),
      },
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(configErrorExitCode);
    // One log line (plain or JSON, as the logger writes it), no stack trace.
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(/NIWE subgraph: PostgreSQL at 127\.0\.0\.1:\d+: its TLS certificate is not trusted/)]);
  });
});
