import type { ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import type pg from 'pg';
import { create as createTar, extract as extractTar } from 'tar';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { dataPaths, serviceDatabase } from '../shared/networks.ts';
import { databaseUrl, embeddedServerUrl, withClient } from '../shared/postgres.ts';
import { spawnLeashed } from '../shared/processes.ts';
import { freePort } from './support/free-port.ts';
import { createMember } from './support/members.ts';
import { gatewayQuery } from './support/stack.ts';

// npm run backup while `npm start` serves and writes go on, npm run restore into a new DATA_DIR, npm start on
// that: the same members, inquiry, attachment bytes, capacity posts and bookings, and the old tokens still
// work (the keys came along). The writes during the backup show that each database was read as one snapshot.

interface Running {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  gateway: string;
  process: ChildProcess;
  output: string;
}

const base = mkdtempSync(join(tmpdir(), 'irm-backup-'));
// Run as root, the embedded server runs as user `postgres`, which must reach the DATA_DIRs inside.
chmodSync(base, 0o755);
const archive = join(base, 'backup.tar.gz');
const source = join(base, 'source');
const restored = join(base, 'restored');
const running: Running[] = [];
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251)), Buffer.from('\n%%EOF\n')]);
let before: any;
const minutesPdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('Protokoll der Sitzung'), Buffer.from('\n%%EOF\n')]);
let minutesPath: string;
/** KONAT members whose creation was acknowledged before the backup started, and all created while it ran. */
const written = { beforeBackup: [] as string[], all: [] as string[] };

async function environment(dataDir: string): Promise<NodeJS.ProcessEnv> {
  const [gw, niwe, linat, konat, region, pg] = await Promise.all(Array.from({ length: 6 }, freePort));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(gw),
    NIWE_PORT: String(niwe),
    LINAT_PORT: String(linat),
    KONAT_PORT: String(konat),
    REGION_PORT: String(region),
    PG_PORT: String(pg),
  };
  delete env.DATABASE_URL;
  delete env.ATTACHMENTS_DIR;
  return env;
}

async function start(env: NodeJS.ProcessEnv): Promise<Running> {
  const child = spawnLeashed(['scripts/start.ts'], { env });
  const stack: Running = { dataDir: env.DATA_DIR!, env, gateway: `http://localhost:${env.PORT}`, process: child, output: '' };
  running.push(stack);
  child.stdout!.on('data', (c) => (stack.output += c));
  child.stderr!.on('data', (c) => (stack.output += c));
  const deadline = Date.now() + 90_000;
  while (!/graph is up/.test(stack.output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${stack.output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return stack;
}

/** Runs SQL as the superuser in NIWE's database of a running stack. */
async function niweSql<R extends pg.QueryResultRow>(stack: Running, text: string): Promise<R[]> {
  const server = embeddedServerUrl(join(stack.dataDir, dataPaths.postgres), Number(stack.env.PG_PORT));
  return withClient(databaseUrl(server, serviceDatabase('NIWE')), async (client) => (await client.query<R>(text)).rows);
}

async function stop(stack: Running): Promise<void> {
  if (stack.process.exitCode !== null) return;
  const exited = new Promise((r) => stack.process.once('exit', r));
  stack.process.kill('SIGINT');
  await exited;
}

/** Runs `npm run backup` or `npm run restore` (by their scripts): exit code, progress (stdout) and errors (stderr). */
async function script(name: 'backup' | 'restore', args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string; errors: string }> {
  const child = spawnLeashed([`scripts/${name}.ts`, ...args], { env });
  let output = '';
  let errors = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (errors += c));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  return { code, output: output + errors, errors };
}

async function query(stack: Running, text: string, variables: Record<string, unknown> = {}, token = tokens.admin): Promise<any> {
  const res = await fetch(`${stack.gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: text, variables }),
  });
  const body = (await res.json()) as any;
  if (body.errors) throw new Error(`${text.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Signed with the source's DATA_DIR/jwt-secret, as npm run token does; used against the restored stack too. */
async function sign(dataDir: string, claims: Record<string, unknown>): Promise<string> {
  const key = new TextEncoder().encode(readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim());
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('1h').sign(key);
}

function nextMonday(weeks: number, days = 0): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7) + weeks * 7 + days);
  return d.toISOString().slice(0, 10);
}

/** What the tests compare before the backup and after the restore: every kind of record written below. */
const stateQuery = `query($niwe: ID!, $linat: ID!, $inquiry: ID!) {
  niwe: member(id: $niwe) { id name city processes { code } services { title processes { code } } contacts { name email } certifications { standard validUntil } }
  linat: member(id: $linat) { id name city }
  members(first: 100, orderBy: NAME, filter: { networks: [NIWE, LINAT] }) { totalCount edges { node { id name } } }
  capacityPosts(first: 20) { nodes { id side hours bookedHours remainingHours from to version member { id } } }
  capacityBookings { id hours from to status network member { id } offer { id } }
  inquiry(id: $inquiry) { id title status version processes quantities { quantity } attachments { id fileName contentType size sha256 downloadPath } }
}`;

async function state(stack: Running): Promise<any> {
  return query(stack, stateQuery, { niwe: ids.niwe, linat: ids.linat, inquiry: ids.inquiry });
}

/** Every id of a KONAT member, and every member id KONAT's audit log records a createMember for, page by page. */
async function konatMembersAndCreations(stack: Running): Promise<{ members: string[]; created: string[] }> {
  const members: string[] = [];
  for (let after: string | null = null; ; ) {
    const page: any = (
      await query(
        stack,
        `query($after: String) { members(first: 100, after: $after, orderBy: NAME, filter: { networks: [KONAT] }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      )
    ).members;
    members.push(...page.edges.map((e: any) => e.node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const created: string[] = [];
  for (let after: string | null = null; ; ) {
    const page: any = (
      await query(
        stack,
        `query($after: String) { auditLog(network: KONAT, first: 100, after: $after) { entries { action target } pageInfo { hasNextPage endCursor } } }`,
        { after },
      )
    ).auditLog;
    created.push(...page.entries.filter((e: any) => e.action === 'createMember').map((e: any) => e.target));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { members: members.sort(), created: created.map((t) => (t.includes(':') ? t : `KONAT:${t}`)).sort() };
}

/** Creates KONAT members one after another until `done` resolves, recording each acknowledged id. */
async function writeUntil(stack: Running, done: Promise<unknown>, backup: { started: boolean }): Promise<void> {
  let finished = false;
  void done.finally(() => (finished = true));
  for (let i = 0; !finished; i++) {
    const { createMember } = await query(stack, `mutation($input: MemberInput!) { createMember(network: KONAT, input: $input) { id } }`, {
      input: { name: `Laufend ${i} GmbH`, postalCode: '99817', city: 'Eisenach' },
    });
    written.all.push(createMember.id);
    if (!backup.started) written.beforeBackup.push(createMember.id);
  }
}

beforeAll(async () => {
  const stack = await start(await environment(source));
  tokens.admin = await sign(source, { role: 'admin', sub: 'admin' });
  tokens.partner = await sign(source, { role: 'partner', sub: 'oem' });
  // The set-up's members as a careful client writes them (an idempotency key, asked again while UNKNOWN).
  const graph = { query: gatewayQuery(`${stack.gateway}/graphql`), token: (claims: Record<string, unknown>) => sign(source, claims) };
  ids.niwe = (
    await createMember(graph, tokens.admin, 'NIWE', {
      name: 'Sicherung Fräserei GmbH',
      postalCode: '37269',
      city: 'Eschwege',
      processes: ['3.2.3'],
      services: [{ title: '5-Achs-Fräsen', processes: ['3.2.3'] }],
      contacts: [{ name: 'Erika Muster', email: 'erika@example.org' }],
      certifications: [{ standard: 'ISO 9001', validUntil: '2029-01-31' }],
    })
  ).id;
  // A dictionary that lacks a word of the texts ("Fräserei" folded), as one folded by a server of another locale
  // provider would: the restore gathers it again (scripts/restore.ts gatherSearchWords).
  expect(await niweSql(stack, `delete from search_word where word = 'fraserei' returning word`)).toHaveLength(1);
  ids.linat = (await createMember(graph, tokens.admin, 'LINAT', { name: 'Sicherung Dreherei GmbH', postalCode: '99974', city: 'Mühlhausen' })).id;
  tokens.niwe = await sign(source, { role: 'member', sub: 'niwe-member', network: 'NIWE', memberId: ids.niwe });
  tokens.linat = await sign(source, { role: 'member', sub: 'linat-member', network: 'LINAT', memberId: ids.linat });

  const offer = {
    side: 'OFFER',
    kind: 'MACHINE_HOURS',
    process: '3.2.3',
    machine: 'DMG DMU 65',
    hours: 80,
    from: nextMonday(2),
    to: nextMonday(3, 4),
    postalCode: '37269',
    pricePerHour: 85,
  };
  ids.offer = (
    await query(stack, `mutation($input: CapacityPostInput!) { postCapacity(input: $input) { id } }`, { input: offer }, tokens.niwe)
  ).postCapacity.id;
  ids.booking = (
    await query(
      stack,
      `mutation($o: ID!) { bookCapacity(offerId: $o, hours: 30, from: "${nextMonday(2)}", to: "${nextMonday(2, 4)}") { id } }`,
      { o: ids.offer },
      tokens.linat,
    )
  ).bookCapacity.id;

  const inquiry = {
    title: 'Antriebswelle 42CrMo4',
    partDescription: 'Gedreht und gefräst',
    processes: ['3.2.1', '3.2.3'],
    quantities: [{ quantity: 500 }],
    deliveryLocation: { postalCode: '37269' },
    deliveryDate: nextMonday(8),
    quoteDeadline: `${nextMonday(4)}T12:00:00Z`,
  };
  ids.inquiry = (
    await query(stack, `mutation($input: InquiryInput!) { createInquiry(input: $input) { id } }`, { input: inquiry }, tokens.partner)
  ).createInquiry.id;
  const upload = await fetch(`${stack.gateway}/attachments?inquiryId=${ids.inquiry}&fileName=welle.pdf`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', authorization: `Bearer ${tokens.partner}` },
    body: pdf,
  });
  expect(upload.status).toBe(201);

  // A meeting's minutes lie in the same store under a table of their own: a backup took only the inquiries'.
  const group = `mutation($input: WorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`;
  const groupId = (await query(stack, group, { input: { topic: 'Sicherung', description: 'Protokolle.', lead: { memberId: ids.niwe } } }, tokens.admin))
    .createWorkingGroup.id;
  const meeting = `mutation($g: ID!, $input: MeetingInput!) { scheduleMeeting(groupId: $g, input: $input) { id } }`;
  const meetingId = (
    await query(
      stack,
      meeting,
      { g: groupId, input: { startsAt: `${nextMonday(3)}T15:00:00+01:00`, place: 'Eschwege', agenda: 'Rückblick', participantLimit: 5 } },
      tokens.niwe,
    )
  ).scheduleMeeting.id;
  const minutes = await fetch(`${stack.gateway}/attachments?meetingId=${meetingId}&fileName=protokoll.pdf`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', authorization: `Bearer ${tokens.niwe}` },
    body: minutesPdf,
  });
  expect(minutes.status).toBe(201);
  minutesPath = ((await minutes.json()) as { downloadPath: string }).downloadPath;
  before = await state(stack);
  expect(before.capacityBookings).toHaveLength(1);
  expect(before.capacityPosts.nodes).toHaveLength(1);
  expect(before.inquiry.attachments).toHaveLength(1);
  expect(before.niwe.contacts).toHaveLength(1);
}, 150_000);

afterAll(async () => {
  for (const stack of running) await stop(stack);
  rmSync(base, { recursive: true, force: true });
});

test('npm run backup reads a consistent snapshot while the stack serves writes', async () => {
  const stack = running[0];
  const backup = { started: false };
  // Writes are under way before the backup starts and go on until it ends.
  let release!: () => void;
  const backupDone = new Promise<void>((r) => (release = r));
  const writer = writeUntil(stack, backupDone, backup);
  while (written.all.length < 3) await new Promise((r) => setTimeout(r, 20));
  backup.started = true;
  const run = await script('backup', [archive], stack.env);
  release();
  await writer;
  expect(run.code, run.output).toBe(0);
  expect(run.output).toMatch(/backup: irm_region: \d+ tables, \d+ rows/);
  expect(run.output).toMatch(/2 attachment files, 6 key files/);
  // Nothing in DATA_DIR that the backup does not know, and no attachment file missing.
  expect(run.output).not.toMatch(/warning/);
  expect(statSync(archive).mode & 0o777).toBe(0o600);
  expect(written.all.length).toBeGreaterThan(written.beforeBackup.length);
});

test('a backup that misses attachment files is written but fails; one beside a database of its own refuses', async () => {
  const stack = running[0];
  const elsewhere = join(base, 'no-attachments');
  mkdirSync(elsewhere, { recursive: true });
  const partial = join(base, 'partial.tar.gz');
  const run = await script('backup', [partial], { ...stack.env, ATTACHMENTS_DIR: elsewhere });
  expect(run.code).toBe(1);
  expect(run.errors).toBe(
    `npm run backup: 2 of 2 attachment files were missing (listed above); ${partial} holds their rows without them. Is ${elsewhere} the ATTACHMENTS_DIR npm start uses?\n`,
  );
  expect(existsSync(partial)).toBe(true);
  const own = await script('backup', [join(base, 'own.tar.gz')], { ...stack.env, REGION_DATABASE_URL: 'postgres://region@db.internal/irm_region' });
  expect(own.code).toBe(1);
  expect(own.errors).toMatch(/^npm run backup: REGION_DATABASE_URL is set: npm run backup works on the embedded PostgreSQL only;/);
});

test('one line each: restore into a running or non-empty DATA_DIR, backup without a server, a missing, foreign or newer file', async () => {
  const stack = running[0];
  const whileRunning = await script('restore', [archive, '--force'], stack.env);
  expect(whileRunning.code).toBe(1);
  expect(whileRunning.errors).toMatch(/^npm run restore: PostgreSQL \(pid \d+\) is running on .*source\/postgres: stop npm start on this DATA_DIR first\.\n$/);

  await stop(stack);
  const stopped = await script('backup', [join(base, 'second.tar.gz')], stack.env);
  expect(stopped.code).toBe(1);
  expect(stopped.errors).toBe(
    `npm run backup: No PostgreSQL answers on 127.0.0.1:${stack.env.PG_PORT}: start the stack (npm start) with this DATA_DIR and PG_PORT first.\n`,
  );
  expect(existsSync(join(base, 'second.tar.gz'))).toBe(false);

  const holdsData = await script('restore', [archive], stack.env);
  expect(holdsData.code).toBe(1);
  expect(holdsData.errors).toMatch(
    /^npm run restore: .*source already holds data \(.*postgres, .*jwt-secret.*\): set DATA_DIR to a new folder, or pass --force to replace it\.\n$/,
  );

  const elsewhere = { ...stack.env, DATA_DIR: join(base, 'refused') };
  const missing = await script('restore', [join(base, 'nothing.tar.gz')], elsewhere);
  expect(missing.errors).toBe(`npm run restore: No backup file ${join(base, 'nothing.tar.gz')}.\n`);

  writeFileSync(join(base, 'notes.tar.gz'), 'not an archive');
  const notArchive = await script('restore', [join(base, 'notes.tar.gz')], elsewhere);
  expect(notArchive.errors).toMatch(/^npm run restore: .*notes\.tar\.gz is not a backup of npm run backup, or is damaged or cut short \(.*\)\.\n$/);
  expect(existsSync(join(base, 'refused'))).toBe(false);

  // A path under a file: one line, not mkdir's or scandir's stack.
  writeFileSync(join(base, 'afile'), 'x');
  const underFile = await script('backup', [join(base, 'afile', 'b.tar.gz')], stack.env);
  expect(underFile.errors).toBe(
    `npm run backup: ${join(base, 'afile')} cannot be a folder (a file of that name, or above it, is in the way): check DATA_DIR and the path given.\n`,
  );
  const dataUnderFile = await script('restore', [archive], { ...stack.env, DATA_DIR: join(base, 'afile', 'sub') });
  expect(dataUnderFile.errors).toMatch(
    /^npm run restore: .*afile\/sub.* cannot be a folder \(a file of that name, or above it, is in the way\): check DATA_DIR and the path given\.\n$/,
  );
  // --force replaces data only once the archive has been read: a file that is no backup leaves the source whole.
  const forced = await script('restore', [join(base, 'notes.tar.gz'), '--force'], stack.env);
  expect(forced.errors).toMatch(/is not a backup of npm run backup/);
  expect(forced.errors).not.toMatch(/partly restored/);
  for (const entry of ['postgres/PG_VERSION', 'postgres-password', 'jwt-secret', 'attachments']) expect(existsSync(join(source, entry))).toBe(true);

  const future = join(base, 'future');
  mkdirSync(future);
  writeFileSync(join(future, 'manifest.json'), JSON.stringify({ format: 'irm-backup', version: 99 }));
  await createTar({ gzip: true, cwd: future, file: join(base, 'future.tar.gz') }, ['manifest.json']);
  const wrongVersion = await script('restore', [join(base, 'future.tar.gz')], elsewhere);
  expect(wrongVersion.errors).toMatch(
    /^npm run restore: .*future\.tar\.gz has backup format version 99; this version of the project restores version 1 only\.\n$/,
  );
  // Refused before anything was written: the folder holds no data, and no server was started in it.
  expect(existsSync(join(base, 'refused', 'postgres'))).toBe(false);
});

test('a damaged or cut-short archive: one line, and a half-restored DATA_DIR that npm start refuses', async () => {
  // A row the server refuses, in the last network's members: the databases before it are restored by then.
  const unpacked = join(base, 'damaged');
  mkdirSync(unpacked);
  await extractTar({ file: archive, cwd: unpacked });
  appendFileSync(join(unpacked, 'databases', serviceDatabase('KONAT'), 'member.copy'), 'garbage\n');
  const damaged = join(base, 'damaged.tar.gz');
  await createTar({ gzip: true, cwd: unpacked, file: damaged }, ['manifest.json', 'databases', 'data']);
  const env = await environment(join(base, 'half'));
  const restore = await script('restore', [damaged], env);
  expect(restore.code).toBe(1);
  expect(restore.errors).toMatch(
    /^npm run restore: .*garbage.*\. .*half is partly restored, and npm start refuses it: run the restore again with --force\.\n$/,
  );
  // Where the value stands: the database, the table and its file in the backup, and the line (it named none of them).
  expect(restore.errors).toContain(`${serviceDatabase('KONAT')}.member (databases/${serviceDatabase('KONAT')}/member.copy in the backup): `);
  expect(restore.errors).toMatch(/\(COPY member, line \d+/);
  const refused = spawnLeashed(['scripts/start.ts'], { env });
  let output = '';
  refused.stderr!.on('data', (c) => (output += c));
  expect(await new Promise((r) => refused.once('exit', r))).toBe(1);
  expect(output).toBe(
    `${join(base, 'half')} is only partly restored from ${damaged}: run npm run restore -- FILE --force again with a good backup, or use another DATA_DIR.\n`,
  );

  // Cut short: refused whole before anything is written, and no unpacked folder is left behind.
  const truncated = join(base, 'truncated.tar.gz');
  writeFileSync(truncated, readFileSync(archive).subarray(0, Math.floor(statSync(archive).size / 2)));
  const cut = await script('restore', [truncated], await environment(join(base, 'cut')));
  expect(cut.errors).toMatch(/^npm run restore: .*truncated\.tar\.gz is not a backup of npm run backup, or is damaged or cut short \(.*\)\.\n$/);
  // The DATA_DIR it made to unpack in is gone again: an empty one was left behind.
  expect(existsSync(join(base, 'cut'))).toBe(false);
});

test('npm run restore into a new DATA_DIR serves the same members, inquiry, attachment and bookings', async () => {
  const env = await environment(restored);
  const restore = await script('restore', [archive], env);
  expect(restore.code, restore.output).toBe(0);
  expect(restore.output).toMatch(/restore: done: 4 databases, \d+ rows, 8 files/);
  for (const file of ['jwt-secret', 'webhook-key', 'subgraph-secrets/region']) expect(statSync(join(restored, file)).mode & 0o777).toBe(0o600);
  expect(statSync(join(restored, 'attachments')).mode & 0o777).toBe(0o700);

  const stack = await start(env);
  expect(stack.output).not.toMatch(/seeded/);
  expect(await niweSql(stack, `select word from search_word where word = 'fraserei'`)).toEqual([{ word: 'fraserei' }]);
  // The same tokens: the restored stack signs and checks with the backed-up key.
  expect(await state(stack)).toEqual(before);
  const download = await fetch(`${stack.gateway}${before.inquiry.attachments[0].downloadPath}`, { headers: { authorization: `Bearer ${tokens.partner}` } });
  expect(download.status).toBe(200);
  expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);
  const minutes = await fetch(`${stack.gateway}${minutesPath}`, { headers: { authorization: `Bearer ${tokens.niwe}` } });
  expect(minutes.status).toBe(200);
  expect(Buffer.from(await minutes.arrayBuffer())).toEqual(minutesPdf);

  // Members written during the backup: each one restored has its audit entry and no entry lacks its member
  // (members and audit entries, dumped one after the other, come from one snapshot), and every write
  // acknowledged before the backup started is there.
  const { members, created } = await konatMembersAndCreations(stack);
  expect(members).toEqual(created);
  expect(members).toEqual(expect.arrayContaining(written.beforeBackup));

  // Sequences came along: a new member gets a number after the last one written before the backup, and after every one
  // written while it ran and not in it, which region's records may name (they were given out again: the operations
  // probe).
  const number = (id: string) => Number(id.split('-').at(-1));
  const fresh = async (network: string) =>
    number(
      (
        await query(
          stack,
          `mutation($n: NetworkCode!) { createMember(network: $n, input: { name: "Nach der Sicherung GmbH", postalCode: "37269", city: "Eschwege" }) { id } }`,
          { n: network },
        )
      ).createMember.id,
    );
  expect(await fresh('NIWE')).toBeGreaterThan(number(ids.niwe));
  expect(await fresh('KONAT')).toBeGreaterThan(Math.max(...written.all.map(number)));
}, 150_000);
