import { execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { skipMemberIds } from '../scripts/backup-archive.ts';
import { signedPost } from '../shared/http-client.ts';
import { spawnLeashed, waitForExit } from '../shared/processes.ts';
import { freePort } from './support/free-port.ts';

// An office running its network service on a PostgreSQL of its own, as docs/office.md sets it up:
// Debian's PostgreSQL server, a database owned by the service's role (no superuser), the service
// started from its environment alone. Then the documented backup: pg_dump of the database, pg_restore
// into a fresh one, and a second service on the restored copy serving the same members.
// Needs Debian's postgresql package (.ci/run installs it) and root, to run the server as postgres.

const run = promisify(execFile);
const base = mkdtempSync(join(tmpdir(), 'irm-office-'));
chmodSync(base, 0o755);
const secret = randomBytes(32).toString('hex');
const rolePassword = randomBytes(16).toString('hex');
const services: ChildProcess[] = [];
let bin: string;
let serverPort: number;
let postgresUser: { uid: number; gid: number };

/** Debian installs each major version under /usr/lib/postgresql/<major>/bin; the newest is taken. */
function postgresBin(): string {
  const majors = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)) : [];
  if (majors.length === 0) throw new Error('No PostgreSQL server of Debian: apt-get install -y postgresql (.ci/run does).');
  return `/usr/lib/postgresql/${majors.sort((a, b) => Number(b) - Number(a))[0]}/bin`;
}

const url = (user: string, password: string, database: string) => `postgresql://${user}:${password}@127.0.0.1:${serverPort}/${database}`;

async function asSuperuser(sql: string, database = 'postgres'): Promise<void> {
  const client = new pg.Client(url('postgres', 'postgres', database));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * docs/office.md: a role that may log in and owns its database, nothing more; the extensions the migrations
 * use are created by the superuser, since earthdistance is not one a database owner may create.
 */
async function createDatabase(name: string): Promise<string> {
  await asSuperuser(
    `do $$ begin if not exists (select from pg_roles where rolname = 'irm_niwe') then create role irm_niwe login password '${rolePassword}'; end if; end $$`,
  );
  await asSuperuser(`create database ${name} owner irm_niwe`);
  await asSuperuser('create extension cube; create extension earthdistance; create extension pg_trgm', name);
  return url('irm_niwe', rolePassword, name);
}

const earthSearchPath = (action: string) => `alter function ll_to_earth(float8, float8) ${action}`;

/** The network service as the unit file starts it: NETWORK, DATABASE_URL, its secret, HOST and PORT. */
async function startNetworkService(databaseUrl: string, demoData: boolean): Promise<string> {
  const port = await freePort();
  const child = spawnLeashed(['subgraphs/network/index.ts'], {
    env: {
      PATH: process.env.PATH,
      NETWORK: 'NIWE',
      DATABASE_URL: databaseUrl,
      NIWE_SUBGRAPH_SECRET: secret,
      HOST: '127.0.0.1',
      PORT: String(port),
      DEMO_DATA: demoData ? '1' : '0',
    },
  });
  services.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const serviceUrl = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ; await new Promise((resolve) => setTimeout(resolve, 200))) {
    if (child.exitCode !== null) throw new Error(`network service exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`network service not healthy within 60 s: ${output}`);
    if (
      await fetch(`${serviceUrl}/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return serviceUrl;
  }
}

/** Every member of ids NIWE:m-1 … m-200 as the gateway would fetch it (null where none), signed like the gateway's calls. */
async function members(serviceUrl: string): Promise<unknown[]> {
  const representations = Array.from({ length: 200 }, (_, i) => ({ __typename: 'NiweMember', id: `NIWE:m-${i + 1}` }));
  const query =
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on NiweMember { id name street postalCode city location { latitude longitude } website employees description processes { code } materials certifications { standard number validUntil } services { title } archivedAt version createdAt updatedAt } } }';
  const answer = await signedPost(secret, `${serviceUrl}/graphql`, { service: 'niwe', body: JSON.stringify({ query, variables: { r: representations } }) });
  const body = JSON.parse(answer.body);
  expect(body.errors).toBeUndefined();
  return body.data._entities;
}

beforeAll(async () => {
  bin = postgresBin();
  const [uid, gid] = await Promise.all(['-u', '-g'].map(async (flag) => Number((await run('id', [flag, 'postgres'])).stdout.trim())));
  postgresUser = { uid, gid };
  const dataDir = join(base, 'data');
  const passwordFile = join(base, 'superuser-password');
  writeFileSync(passwordFile, 'postgres');
  chownSync(passwordFile, uid, gid);
  chownSync(base, uid, gid);
  await run(
    `${bin}/initdb`,
    ['-D', dataDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '-E', 'UTF8', '--locale=C.UTF-8'],
    postgresUser,
  );
  serverPort = await freePort();
  await run(
    `${bin}/pg_ctl`,
    ['-D', dataDir, '-l', join(base, 'server.log'), '-w', '-o', `-p ${serverPort} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`, 'start'],
    postgresUser,
  );
}, 120_000);

afterAll(async () => {
  for (const child of services) child.kill('SIGTERM');
  await Promise.all(services.map((child) => child.pid && waitForExit(child.pid, 20_000)));
  if (bin && existsSync(join(base, 'data', 'postmaster.pid'))) await run(`${bin}/pg_ctl`, ['-D', join(base, 'data'), '-m', 'fast', '-w', 'stop'], postgresUser);
  rmSync(base, { recursive: true, force: true });
}, 60_000);

test("an office's own PostgreSQL: the service migrates and serves a database its role owns; pg_dump and pg_restore into a fresh database serve the same members", async () => {
  const live = await startNetworkService(await createDatabase('irm_niwe'), true);
  const before = await members(live);
  expect(before.filter(Boolean).length).toBeGreaterThan(10);

  const dump = join(base, 'irm_niwe.dump');
  await run(`${bin}/pg_dump`, ['-Fc', '-f', dump, url('irm_niwe', rolePassword, 'irm_niwe')]);
  const restoredUrl = await createDatabase('irm_niwe_restored');
  // pg_restore runs with an empty search_path, and earthdistance's ll_to_earth (which computes the stored
  // location column and an index) names the earth type without its schema: "type earth does not exist".
  // Pinned for the restore, then reset so the function is inlined into queries again.
  await asSuperuser(earthSearchPath('set search_path = public'), 'irm_niwe_restored');
  // As the superuser (the dump's COMMENT ON EXTENSION needs it), keeping the dump's owner: the service's role.
  await run(`${bin}/pg_restore`, ['--exit-on-error', '-d', url('postgres', 'postgres', 'irm_niwe_restored'), dump]);
  await asSuperuser(earthSearchPath('reset search_path'), 'irm_niwe_restored');
  // Member ids given out after the dump are not given out again (docs/office.md, scripts/restore.ts).
  await asSuperuser(skipMemberIds, 'irm_niwe_restored');

  // No demo data on the copy: every member it serves came from the dump.
  const restored = await startNetworkService(restoredUrl, false);
  expect(await members(restored)).toEqual(before);
});
