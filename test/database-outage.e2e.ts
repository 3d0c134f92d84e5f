import pg from 'pg';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { defaultQueryTimeoutMs, limitStatements } from '../shared/pg-connection.ts';
import { databaseUrl } from '../shared/postgres.ts';
import { postJson } from './support/sessions.ts';
import { createMember } from './support/members.ts';
import { ok, startStack, type GraphQLResponse, type Stack } from './support/stack.ts';
import { until } from './support/wait.ts';
import { setTimeout as sleep } from 'node:timers/promises';

// A network whose database refuses connections: every answer that needs it is
// NETWORK_UNAVAILABLE naming the network, never NOT_FOUND or BAD_USER_INPUT, the
// other networks keep answering, and the network serves again by itself once
// its database is back (its pool opens new connections).

let stack: Stack;
let admin: string;
let niweMember: string;
let niweMemberToken: string;
let niweDatabase: string;

/** Runs statements as the test server's superuser in its maintenance database; the rows of the last. */
async function asSuperuser(statements: string[]) {
  const client = new pg.Client({ connectionString: databaseUrl(inject('postgresUrl'), 'postgres') });
  await client.connect();
  try {
    let rows: Record<string, unknown>[] = [];
    for (const statement of statements) rows = (await client.query(statement)).rows;
    return rows;
  } finally {
    await client.end();
  }
}

/** NIWE's database refuses new connections and loses the ones it had, as when its server went away. */
const cutNiwe = () =>
  asSuperuser([
    `alter database "${niweDatabase}" allow_connections false`,
    `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${niweDatabase}' and pid <> pg_backend_pid()`,
  ]);
const restoreNiwe = () => asSuperuser([`alter database "${niweDatabase}" allow_connections true`]);

function expectNiweUnavailable(res: GraphQLResponse) {
  expect(res.errors, JSON.stringify(res)).toBeDefined();
  for (const error of res.errors!) {
    expect(error.extensions, JSON.stringify(res.errors)).toMatchObject({ code: 'NETWORK_UNAVAILABLE', network: 'NIWE' });
    expect(error.message).not.toMatch(/does not exist/);
  }
}

/** Every service's JSON log lines, as an operator reads them: what each request answered, by its code. */
const lines: { service: string; msg: string; level: string; errors?: string[]; requestId?: string }[] = [];
const logDestination = {
  write(chunk: string) {
    for (const line of chunk.split('\n')) if (line) lines.push(JSON.parse(line));
  },
};

beforeAll(async () => {
  // With region's webhook dispatcher, polling every 50 ms: what it says while region's database is gone.
  stack = await startStack({ observability: { LOG_LEVEL: 'info' }, logDestination, dispatcher: true });
  admin = await stack.token({ role: 'admin' });
  niweDatabase = stack.networks.get('NIWE')!.orm.config.get('dbName')!;
  ({ id: niweMember, token: niweMemberToken } = await createMember(stack, admin, 'NIWE', { name: 'Ausfall Fräserei', postalCode: '37269', city: 'Eschwege' }));
  await createMember(stack, admin, 'LINAT', { name: 'Ausfall Dreherei', postalCode: '37269', city: 'Eschwege' });
});
afterAll(async () => {
  await restoreNiwe();
  await stack?.stop();
});

test('a network whose database is down answers NETWORK_UNAVAILABLE, never NOT_FOUND, and recovers by itself', async () => {
  await cutNiwe();
  try {
    const member = await stack.query(`query($id: ID!) { member(id: $id) { id } }`, { id: niweMember });
    expectNiweUnavailable(member);
    expect(member.data).toEqual({ member: null });
    // NIWE's own request line names the code its caller read: it said INTERNAL_SERVER_ERROR, which an operator's alert
    // on server faults counts, beside its error line that the database is unavailable.
    const niweLines = lines.filter((line) => line.service === 'niwe');
    expect(niweLines.some((line) => line.level === 'error' && /database unavailable/.test(line.msg))).toBe(true);
    const answered = niweLines.filter((line) => line.msg === 'request' && line.errors).flatMap((line) => line.errors!);
    expect(answered).toContain('NETWORK_UNAVAILABLE');
    expect(answered).not.toContain('INTERNAL_SERVER_ERROR');

    const post = await stack.query(
      `mutation($input: CapacityPostInput!) { postCapacity(input: $input) { id } }`,
      { input: { side: 'OFFER', kind: 'CAD', cadSystem: 'CATIA_V5', hours: 8, from: '2099-01-05', to: '2099-01-09', postalCode: '37269' } },
      niweMemberToken,
    );
    expectNiweUnavailable(post);
    // Refused at its read of the member, before anything was written: the write says it was not applied.
    expect(post.errors![0].extensions).toMatchObject({ writeOutcome: 'NOT_APPLIED', reason: 'DATABASE_UNAVAILABLE' });
    expect(post.errors![0].message).toBe(`Network NIWE could not say whether ${niweMember} exists, so the write was not applied. Retry it later.`);
    expectNiweUnavailable(await stack.query(`mutation { setAvailability(status: AT_CAPACITY) }`, {}, niweMemberToken));

    const update = await stack.query(`mutation($id: ID!) { updateMember(id: $id, input: { employees: 12 }) { id } }`, { id: niweMember }, admin);
    expectNiweUnavailable(update);
    // A write the network did not confirm is reported as possibly applied, with how to retry it.
    expect(update.errors![0].extensions?.writeOutcome).toBe('UNKNOWN');
    // Sent without an idempotencyKey: a retry may apply it twice, and the message says so.
    expect(update.errors![0].message).toMatch(/may or may not have been applied\. It carried no idempotencyKey, so a retry may apply it twice/);

    // The other networks answer; NIWE's part is missing with an error naming it.
    const search = await stack.query(`{ members(filter: { text: "Ausfall" }) { totalCount edges { node { id } } } }`);
    expect(search.data.members.totalCount).toBe(1);
    expect(search.data.members.edges[0].node.id).toMatch(/^LINAT:/);
    expectNiweUnavailable(search);
  } finally {
    await restoreNiwe();
  }

  // No restart: the next requests find the database again.
  const again = await stack.query(`query($id: ID!) { member(id: $id) { id name } }`, { id: niweMember });
  expect(again.errors).toBeUndefined();
  expect(again.data.member).toEqual({ id: niweMember, name: 'Ausfall Fräserei' });
  expect((await ok(stack.query(`mutation { setAvailability(status: AT_CAPACITY) }`, {}, niweMemberToken))).setAvailability).toBe('AT_CAPACITY');
});

test('a statement that does not answer gives its connection up after DATABASE_QUERY_TIMEOUT_MS, and the network serves again', async () => {
  // A server that takes statements and answers none (SIGSTOP, a host gone without a word, a lock held by an open
  // transaction) held every request on the connections NIWE had until it answered (the faults probe). A lock is the
  // one of those a test can hold and let go: an operator's transaction that locked the member table.
  const niweUrl = stack.networks.get('NIWE')!.orm.config.get('clientUrl')!;
  limitStatements(niweUrl, 300);
  const operator = new pg.Client({ connectionString: niweUrl });
  await operator.connect();
  const waiting = async () =>
    (await asSuperuser([`select count(*)::int as n from pg_stat_activity where datname = '${niweDatabase}' and wait_event_type = 'Lock'`]))[0].n;
  try {
    await operator.query('begin');
    await operator.query('lock table member in access exclusive mode');
    const member = await stack.query(`query($id: ID!) { member(id: $id) { id name } }`, { id: niweMember });
    expectNiweUnavailable(member);
    // Given up by NIWE, not only by its caller: the statement's server process is ended too, which a statement
    // waiting for a lock would otherwise hold until the lock was let go (and with it any lock of its own).
    await until(async () => (await waiting()) === 0, "no NIWE statement waits for the operator's lock");
    expect(lines.some((line) => line.service === 'niwe' && line.level === 'error' && /database unavailable/.test(line.msg))).toBe(true);
  } finally {
    await operator.query('rollback');
    await operator.end();
    limitStatements(niweUrl, defaultQueryTimeoutMs);
  }
  const again = await stack.query(`query($id: ID!) { member(id: $id) { id name } }`, { id: niweMember });
  expect(again.errors).toBeUndefined();
  expect(again.data.member).toEqual({ id: niweMember, name: 'Ausfall Fräserei' });
});

test("a sign-in while region's database is down is 503, not a wrong password or an unknown key", async () => {
  const account = { email: 'ausfall@niwe.example', name: 'Ausfall Anmeldung', password: 'Werra-Meissner-2026', kind: 'MEMBER', memberId: niweMember };
  await ok(stack.query(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: account }, admin));
  const { key } = (await ok(stack.query(`mutation { createApiKey(partner: "Ausfall AG", name: "ERP") { key } }`, {}, admin))).createApiKey;
  const base = stack.gatewayUrl.replace(/\/graphql$/, '');
  const regionDatabase = stack.region.orm.config.get('dbName')!;
  const signIns = () => [postJson(`${base}/auth/login`, { email: account.email, password: account.password }), postJson(`${base}/auth/token`, { apiKey: key })];
  await asSuperuser([
    `alter database "${regionDatabase}" allow_connections false`,
    `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${regionDatabase}' and pid <> pg_backend_pid()`,
  ]);
  try {
    for (const answer of await Promise.all(signIns())) {
      // Region answered null beside its error, read as "no such account" and "no such key": 401.
      expect(answer.status, JSON.stringify(answer.body)).toBe(503);
      expect(answer.body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'region' });
      expect(JSON.stringify(answer.body)).not.toMatch(/wrong|unknown or revoked/);
    }
  } finally {
    await asSuperuser([`alter database "${regionDatabase}" allow_connections true`]);
  }
  for (const answer of await Promise.all(signIns())) expect(answer.status, JSON.stringify(answer.body)).toBe(200);
});

test('region whose database is down answers SERVICE_UNAVAILABLE naming itself, never INTERNAL_SERVER_ERROR or NOT_FOUND', async () => {
  const regionDatabase = stack.region.orm.config.get('dbName')!;
  const from = lines.length;
  await asSuperuser([
    `alter database "${regionDatabase}" allow_connections false`,
    `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${regionDatabase}' and pid <> pg_backend_pid()`,
  ]);
  try {
    for (const query of ['{ inquiries { id } }', '{ capacityPost(id: "cap-1") { id } }', '{ workingGroups { nodes { id } } }']) {
      const answer = await stack.query(query, {}, admin);
      expect(answer.errors?.[0].extensions, `${query}: ${JSON.stringify(answer.errors)}`).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        service: 'region',
        reason: 'DATABASE_UNAVAILABLE',
      });
      expect(answer.errors?.[0].extensions?.writeOutcome).toBeUndefined();
    }
    // A write may have committed before the loss: it says so, and what is safe to do next.
    const write = await stack.query(`mutation { createApiKey(partner: "Ausfall AG", name: "Zweitschlüssel") { key } }`, {}, admin);
    expect(write.errors?.[0].extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      service: 'region',
      reason: 'DATABASE_UNAVAILABLE',
      writeOutcome: 'UNKNOWN',
    });
    expect(write.errors?.[0].message).toBe(
      'Region cannot reach its database; the write may or may not have been applied: read it back before repeating it, or retry with the same idempotencyKey where the mutation takes one.',
    );
    // The dispatcher, polling every 50 ms, says once that the database is gone and names it (it was "webhook dispatch
    // failed: connect ECONNREFUSED" every poll, which read as a receiver that was down).
    const lost = () =>
      lines.slice(from).filter((line) => line.service === 'region' && line.msg.startsWith("webhook dispatcher: region's database is out of reach"));
    await until(() => lost().length > 0, 'the dispatcher says the database is gone');
    await sleep(300);
    expect(lost().map((line) => line.level)).toEqual(['error']);
    expect(lines.slice(from).filter((line) => line.service === 'region' && line.msg.startsWith('webhook dispatch failed'))).toEqual([]);
  } finally {
    await asSuperuser([`alter database "${regionDatabase}" allow_connections true`]);
  }
  expect((await stack.query('{ inquiries { id } }', {}, admin)).errors).toBeUndefined();
  await until(
    () => lines.slice(from).some((line) => line.service === 'region' && line.msg === "webhook dispatcher: region's database answers again; deliveries go on"),
    'the dispatcher says the database is back',
  );
});
