import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256Hex } from '../gateway/safelist.ts';
import { createInquiry } from './support/inquiries.ts';
import { ok, startStack, type Stack } from './support/stack.ts';

// External partners: API keys exchanged for short-lived tokens, rate limits, and the safelist of registered operations.

let stack: Stack;
let admin: string;

const registered = 'query Networks { networks { code name } }';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'irm-manifest-'));
  const manifest = join(dir, 'persisted-operations.json');
  writeFileSync(
    manifest,
    JSON.stringify({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: sha256Hex(registered), name: 'Networks', type: 'query', body: registered }],
    }),
  );
  stack = await startStack({ manifest, rateLimits: { requestsPerMinute: 5, costPerMinute: 5000 } });
  admin = await stack.token({ role: 'admin', sub: 'admin' });
});
afterAll(async () => {
  await stack?.stop();
});

const createKey = `mutation($partner: String!, $name: String!, $safelist: Boolean) { createApiKey(partner: $partner, name: $name, safelist: $safelist) { key apiKey { id partner name prefix safelist revokedAt } } }`;

/** The ids of the keys by name (the names used here are unique). */
async function keyIds(): Promise<Record<string, string>> {
  const listed = await ok(stack.query(`{ apiKeys { id name } }`, {}, admin));
  return Object.fromEntries(listed.apiKeys.map((k: { id: string; name: string }) => [k.name, k.id]));
}

async function exchange(apiKey: unknown) {
  const response = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/auth/token'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('API keys', () => {
  test('admin creates, lists and revokes keys; a key becomes a 15-minute partner token until revoked', async () => {
    const created = await stack.query(createKey, { partner: 'Zulieferer AG', name: 'ERP-Anbindung' }, admin);
    expect(created.errors).toBeUndefined();
    const { key, apiKey } = created.data.createApiKey;
    expect(key).toMatch(/^irm_[A-Za-z0-9_-]{32}$/);
    expect(apiKey).toMatchObject({ partner: 'Zulieferer AG', name: 'ERP-Anbindung', prefix: key.slice(0, 12), safelist: false, revokedAt: null });

    const listed = await stack.query(`{ apiKeys { id partner prefix } }`, {}, admin);
    expect(listed.data.apiKeys).toEqual([{ id: apiKey.id, partner: 'Zulieferer AG', prefix: key.slice(0, 12) }]);
    expect(JSON.stringify(listed)).not.toContain(key);

    const { status, body } = await exchange(key);
    expect(status).toBe(200);
    const claims = decodeJwt(body.token);
    expect(claims).toMatchObject({ role: 'partner', sub: 'Zulieferer AG', safelist: false });
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(body.expiresIn).toBe(900);
    const res = await stack.query(`{ networks { code } }`, {}, body.token);
    expect(res.errors).toBeUndefined();

    const revoked = await stack.query(`mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`, { id: apiKey.id }, admin);
    expect(revoked.data.revokeApiKey.revokedAt).toMatch(/^\d{4}-/);
    expect(await exchange(key)).toMatchObject({
      status: 401,
      body: { errors: [{ message: 'The API key is unknown or revoked.', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
  });

  test('wrong keys and malformed requests are refused', async () => {
    expect((await exchange('irm_not-a-key')).status).toBe(401);
    expect((await exchange(42)).status).toBe(400);
    const get = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/auth/token'));
    expect(get.status).toBe(405);
  });

  test('a replacement key written in another case or spacing is the same partner: its inquiries, its subject, and it says so', async () => {
    const withMatch = `mutation($partner: String!, $name: String!) { createApiKey(partner: $partner, name: $name) { key existingPartner apiKey { partner } } }`;
    const first = (await ok(stack.query(withMatch, { partner: 'Autozulieferer Muster GmbH', name: 'Muster ERP' }, admin))).createApiKey;
    expect(first).toMatchObject({ existingPartner: null, apiKey: { partner: 'Autozulieferer Muster GmbH' } });
    const firstToken = (await exchange(first.key)).body.token;
    const inquiry = await createInquiry(stack, firstToken, { title: 'Halter' });
    await ok(stack.query(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: (await keyIds())['Muster ERP'] }, admin));

    // Rotated after the revocation, with a typo in case and spacing: the partner the first key was.
    const second = (await ok(stack.query(withMatch, { partner: '  autozulieferer  MUSTER\tgmbh ', name: 'Muster ERP 2' }, admin))).createApiKey;
    expect(second).toMatchObject({ existingPartner: 'Autozulieferer Muster GmbH', apiKey: { partner: 'Autozulieferer Muster GmbH' } });
    const secondToken = (await exchange(second.key)).body.token;
    // One subject: the same inquiries, webhooks and rate-limit bucket (token sub) as the first key's.
    expect(decodeJwt(secondToken).sub).toBe('Autozulieferer Muster GmbH');
    expect((await ok(stack.query(`{ inquiries { id } }`, {}, secondToken))).inquiries).toEqual([{ id: inquiry }]);
    // A customer account of it likewise.
    const account = {
      email: 'einkauf@muster.example',
      name: 'Erika Muster',
      password: 'Werra-Meissner-2026',
      kind: 'CUSTOMER',
      customer: 'AUTOZULIEFERER MUSTER GMBH',
    };
    const created = await ok(stack.query(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { customer } }`, { input: account }, admin));
    expect(created.createAccount.customer).toBe('Autozulieferer Muster GmbH');

    // Another organisation is another partner; a new one is kept on one line.
    const other = (await ok(stack.query(withMatch, { partner: 'Autozulieferer  Muster\nGmbH & Co. KG', name: 'Muster KG ERP' }, admin))).createApiKey;
    expect(other).toMatchObject({ existingPartner: null, apiKey: { partner: 'Autozulieferer Muster GmbH & Co. KG' } });
    expect((await ok(stack.query(`{ inquiries { id } }`, {}, (await exchange(other.key)).body.token))).inquiries).toEqual([]);
  });

  test('keys created at once for a new organisation in several spellings are one partner', async () => {
    const withMatch = `mutation($partner: String!, $name: String!) { createApiKey(partner: $partner, name: $name) { existingPartner apiKey { partner } } }`;
    // Several rounds: without the lock held through the transaction, two of four found no organisation often, not always.
    for (const n of [1, 2, 3, 4, 5]) {
      const spellings = [`Race Org ${n}`, `race org ${n}`, `RACE ORG ${n}`, `Race  Org ${n}`];
      const created = await Promise.all(spellings.map((partner, i) => ok(stack.query(withMatch, { partner, name: `race ${n}.${i}` }, admin))));
      const partners = new Set(created.map((c) => c.createApiKey.apiKey.partner));
      expect([...partners]).toHaveLength(1);
      // The first stored names the organisation; each of the others waited for it and joined it.
      const [partner] = partners;
      expect(created.map((c) => c.createApiKey.existingPartner).sort()).toEqual([null, partner, partner, partner].sort());
    }
  });

  test('a name stored exactly as given wins over an older one differing in case; several, none given exactly, are refused', async () => {
    const withMatch = `mutation($partner: String!, $name: String!) { createApiKey(partner: $partner, name: $name) { key existingPartner apiKey { partner } } }`;
    const older = (await ok(stack.query(withMatch, { partner: 'Müller GmbH', name: 'Müller alt' }, admin))).createApiKey;
    const olderInquiry = await createInquiry(stack, (await exchange(older.key)).body.token, { title: 'Müller alt' });
    // Before names were matched without case, "MÜLLER GMBH" could become an organisation of its own, newer, with its own
    // inquiries; created so here by renaming another key.
    const newer = (await ok(stack.query(withMatch, { partner: 'Mueller Vorher', name: 'Müller neu' }, admin))).createApiKey;
    await stack.region.orm.em.fork().execute(`update "api_key" set "partner" = 'MÜLLER GMBH' where "partner" = 'Mueller Vorher'`);
    const newerInquiry = await createInquiry(stack, (await exchange(newer.key)).body.token, { title: 'Müller neu' });

    // Each exact spelling is its own organisation, the newer one too: its key sees its inquiries only.
    const exact = (await ok(stack.query(withMatch, { partner: 'MÜLLER GMBH', name: 'Müller neu 2' }, admin))).createApiKey;
    expect(exact).toMatchObject({ existingPartner: 'MÜLLER GMBH', apiKey: { partner: 'MÜLLER GMBH' } });
    expect((await ok(stack.query(`{ inquiries { id } }`, {}, (await exchange(exact.key)).body.token))).inquiries).toEqual([{ id: newerInquiry }]);
    const exactOlder = (await ok(stack.query(withMatch, { partner: 'Müller GmbH', name: 'Müller alt 2' }, admin))).createApiKey;
    expect(exactOlder).toMatchObject({ existingPartner: 'Müller GmbH', apiKey: { partner: 'Müller GmbH' } });
    expect((await ok(stack.query(`{ inquiries { id } }`, {}, (await exchange(exactOlder.key)).body.token))).inquiries).toEqual([{ id: olderInquiry }]);
    const account = { email: 'einkauf@mueller.example', name: 'Max Müller', password: 'Werra-Meissner-2026', kind: 'CUSTOMER', customer: 'MÜLLER GMBH' };
    const createAccount = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { customer } }`;
    expect((await ok(stack.query(createAccount, { input: account }, admin))).createAccount.customer).toBe('MÜLLER GMBH');

    // Any other spelling of them is not guessed: it lists both, oldest first, to give one exactly.
    const ambiguous = {
      code: 'CONFLICT',
      reason: 'AMBIGUOUS_ORGANISATION',
      spellings: ['Müller GmbH', 'MÜLLER GMBH'],
    };
    const refused = await stack.query(withMatch, { partner: 'müller  gmbh', name: 'Müller drei' }, admin);
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringContaining('"Müller GmbH", "MÜLLER GMBH"'), extensions: ambiguous });
    expect(refused.errors?.[0].message).toMatch(/Give one of them exactly/);
    const refusedAccount = await stack.query(createAccount, { input: { ...account, email: 'einkauf2@mueller.example', customer: 'Müller GMBH' } }, admin);
    expect(refusedAccount.errors?.[0].extensions).toMatchObject(ambiguous);
    const keys = await ok(stack.query(`{ apiKeys { name } }`, {}, admin));
    expect(keys.apiKeys.map((k: { name: string }) => k.name)).not.toContain('Müller drei');
  });

  test('only admin manages keys', async () => {
    for (const token of [await stack.token({ role: 'office', network: 'NIWE' }), await stack.token({ role: 'partner', sub: 'neugierig' })]) {
      expect((await stack.query(createKey, { partner: 'X', name: 'Y' }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await stack.query(`{ apiKeys { id } }`, {}, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await stack.query(`mutation { revokeApiKey(id: "k-999") { id } }`, {}, admin)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('rate limits per partner', () => {
  test('a partner over its requests per minute gets 429 with Retry-After; others are unaffected', async () => {
    const busy = await stack.token({ role: 'partner', sub: 'eilig-gmbh' });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${busy}` },
        body: JSON.stringify({ query: '{ networks { code } }' }),
      });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body: any = await last!.json();
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'requests', max: 5 });
    expect(body.errors[0].message).toMatch(/^Rate limit reached: the 5 requests per minute per partner are used up; retry in \d+ s\.$/);
    expect([last!.headers.get('ratelimit-limit'), last!.headers.get('ratelimit-remaining')]).toEqual(['5', '0']);

    expect((await stack.query(`{ networks { code } }`, {}, await stack.token({ role: 'partner', sub: 'geduldig-gmbh' }))).status).toBe(200);
    for (let i = 0; i < 6; i++) expect((await stack.query(`{ networks { code } }`, {}, admin)).status).toBe(200);
  });

  test('costly queries use up the cost per minute first', async () => {
    const costly = await stack.token({ role: 'partner', sub: 'gruendlich-gmbh' });
    // 1 + network (1 + one network's search 1000 + 80 * (edges 1 + node (1 + id + name + services (1 + 6 * title)))) = 1882:
    // two fit into 5000, a third waits about 8 s for refill.
    const query = `{ network(code: NIWE) { members(first: 80) { edges { node { id name services { title } } } } } }`;
    const send = () =>
      fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${costly}` },
        body: JSON.stringify({ query }),
      });
    const budget = (response: Response) => ['limit', 'remaining', 'reset'].map((name) => Number(response.headers.get(`ratelimit-${name}`)));
    const first = await send();
    expect(first.status).toBe(200);
    // 3,118 of 5,000 left is closer to running out than 4 of 5 requests: the cost budget is the one shown, whole
    // again in about 38 % of a minute (refilled meanwhile by a few milliseconds' worth at most).
    const [limit, remaining, reset] = budget(first);
    expect(limit).toBe(5000);
    expect(remaining).toBeGreaterThanOrEqual(3118);
    expect(remaining).toBeLessThan(3300);
    expect(reset).toBeGreaterThanOrEqual(20);
    expect(reset).toBeLessThanOrEqual(23);
    const second = await send();
    expect(second.status).toBe(200);
    expect(budget(second)[1]).toBeLessThan(1500);
    const third = await send();
    expect(third.status).toBe(429);
    const refused: any = await third.json();
    expect(refused.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'cost', max: 5000, cost: 1882 });
    expect(refused.errors[0].message).toMatch(
      /^Rate limit reached: the cost budget of 5000 per minute per partner is used up \(this operation costs 1882\); retry in \d+ s, or ask for less\.$/,
    );
    expect([third.headers.get('ratelimit-limit'), third.headers.get('ratelimit-remaining')]).toEqual(['5000', '0']);
  });

  test('staff callers, who have no rate limit, get no RateLimit headers', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: '{ networks { code } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-limit')).toBeNull();
  });
});

describe('safelist', () => {
  test('a restricted partner may send registered operations only; trusted callers send any', async () => {
    const created = await stack.query(createKey, { partner: 'Portal GmbH', name: 'Portal', safelist: true }, admin);
    const { body } = await exchange(created.data.createApiKey.key);
    expect(decodeJwt(body.token).safelist).toBe(true);
    const byClaim = await stack.token({ role: 'partner', sub: 'eingeschraenkt', safelist: true });
    for (const token of [body.token, byClaim]) {
      const ok = await stack.query(registered, {}, token);
      expect(ok.errors).toBeUndefined();
      expect(ok.data.networks).toHaveLength(3);
      const refused = await stack.query(`{ networks { code } }`, {}, token);
      expect(refused.status).toBe(403);
      expect(refused.data).toBeUndefined();
      expect(refused.errors?.[0].extensions?.code).toBe('OPERATION_NOT_SAFELISTED');
      expect(refused.errors?.[0].message).toMatch(
        /not in the persisted-operation manifest: send a registered operation's text exactly \(byte for byte\), or its id .*"persistedQuery".* To register a new operation, send its text to the cooperation's administrators/,
      );
      // The registered operation in other formatting is refused (matched byte for byte), saying so and naming its id.
      const reformatted = await stack.query('query Networks {\n  networks { code, name }\n}\n', {}, token);
      expect(reformatted.status).toBe(403);
      expect(reformatted.errors?.[0].extensions).toMatchObject({ code: 'OPERATION_NOT_SAFELISTED', registeredId: sha256Hex(registered) });
      expect(reformatted.errors?.[0].message).toBe(
        'This operation differs from a registered one only in formatting (spaces, line breaks, commas or comments), and registered operations are matched byte for byte: ' +
          `send the registered text exactly, or its id alone as {"extensions":{"persistedQuery":{"version":1,"sha256Hash":"${sha256Hex(registered)}"}}}.`,
      );
    }
    // Refusals count against the partner's requests (5 a minute here): 200 in a row were never RATE_LIMITED (the review).
    const refusedOnly = await stack.token({ role: 'partner', sub: 'abgewiesen', safelist: true });
    for (let i = 0; i < 5; i++) expect((await stack.query(`{ networks { code } }`, {}, refusedOnly)).status).toBe(403);
    const sixth = await stack.query(`{ networks { code } }`, {}, refusedOnly);
    expect([sixth.status, sixth.errors?.[0].extensions?.code]).toEqual([429, 'RATE_LIMITED']);
    // A text far longer than every registered one is not compared without its formatting (stripping 1 MB took 0.76 s).
    const padded = await stack.query(`query Networks { networks { code name } }${' '.repeat(64 * 1024)}`, {}, byClaim);
    expect(padded.status).toBe(403);
    expect(padded.errors?.[0].extensions?.registeredId).toBeUndefined();
    // A registered operation can be sent by its id alone.
    const byId = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${byClaim}` },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(registered) } } }),
    });
    expect(byId.status).toBe(200);
    expect(((await byId.json()) as any).data.networks).toHaveLength(3);
    const unknownId = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${byClaim}` },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex('{ nope }') } } }),
    });
    expect(((await unknownId.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    for (const token of [await stack.token({ role: 'partner', sub: 'frei' }), await stack.token({ role: 'office', network: 'NIWE' })]) {
      expect((await stack.query(`{ networks { code } }`, {}, token)).errors).toBeUndefined();
    }
  });
});

describe('automatic persisted queries', () => {
  /** A request with extensions.persistedQuery, the text sent along or not. */
  async function persisted(body: { query?: string; variables?: Record<string, unknown>; persistedQuery: unknown }, token?: string) {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: body.query, variables: body.variables, extensions: { persistedQuery: body.persistedQuery } }),
    });
    return { status: response.status, ...((await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] }) };
  }
  const byHash = (query: string) => ({ version: 1, sha256Hash: sha256Hex(query) });

  test('a query one caller registered runs by its hash alone, and only past the checks its text meets', async () => {
    const contacts = '{ members(first: 2) { edges { node { id name contacts { name email } } } } }';
    // Registered by an anonymous caller, then run by anyone by its hash.
    const registering = await persisted({ query: contacts, persistedQuery: byHash(contacts) });
    expect(registering.errors).toBeUndefined();
    const again = await persisted({ persistedQuery: byHash(contacts) });
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(registering.data);
    // A restricted partner may not run it by its hash either: it is not in the manifest.
    const restricted = await persisted({ persistedQuery: byHash(contacts) }, await stack.token({ role: 'partner', sub: 'apq-eingeschraenkt', safelist: true }));
    expect(restricted.status).toBe(403);
    expect(restricted.data).toBeUndefined();
    expect(restricted.errors?.[0].extensions.code).toBe('OPERATION_NOT_SAFELISTED');

    // Registered with variables under the cost limit, then sent by its hash with variables over it.
    const suppliers = `query($r: SupplierRequirements!) { ${['a', 'b', 'c', 'd'].map((a) => `${a}: findSuppliers(requirements: $r, first: 1) { totalCount }`).join(' ')} }`;
    const cheap = await persisted({ query: suppliers, variables: { r: { processes: ['3.2'], networks: ['NIWE'] } }, persistedQuery: byHash(suppliers) }, admin);
    expect(cheap.errors).toBeUndefined();
    const costly = await persisted({ variables: { r: { processes: ['3.2'] } }, persistedQuery: byHash(suppliers) }, admin);
    expect(costly.status).toBe(400);
    expect(costly.data).toBeUndefined();
    expect(costly.errors?.[0].extensions.code).toBe('OPERATION_LIMIT_EXCEEDED');
  });

  test('a malformed persistedQuery extension is BAD_REQUEST, saying what to fix', async () => {
    const query = '{ networks { code } }';
    const cases: [unknown, RegExp][] = [
      [{ version: 1, sha256Hash: sha256Hex(query).toUpperCase() }, /64 lower-case hexadecimal digits/],
      [{ version: 1, sha256Hash: 5 }, /64 lower-case hexadecimal digits/],
      [{ version: 2, sha256Hash: sha256Hex(query) }, /version must be 1/],
      ['yes', /version must be 1/],
      [{ version: 1, sha256Hash: sha256Hex(`${query} `) }, /is not the SHA-256 of the query text/],
    ];
    for (const [persistedQuery, message] of cases) {
      const answer = await persisted({ query, persistedQuery }, admin);
      expect(answer.status, JSON.stringify(persistedQuery)).toBe(400);
      expect(answer.errors?.[0].extensions.code, JSON.stringify(persistedQuery)).toBe('BAD_REQUEST');
      expect(answer.errors?.[0].message).toMatch(message);
    }
  });
});

describe('operation cost', () => {
  test("a variable left out costs its default in the operation, not the argument's own default", async () => {
    // 3 × (1 + 100 × 9) = 2703 at the operation's default; 3 × (1 + 20 × 9) = 543 at the argument's, which it cost before.
    const items = 'invitations { member { services { title } } }';
    const query = `query($n: Int = 100) { a: inquiries(first: $n) { ${items} } b: inquiries(first: $n) { ${items} } c: inquiries(first: $n) { ${items} } }`;
    const partner = await stack.token({ role: 'partner', sub: 'kostenpruefung' });
    // The partner's 5,000 a minute hold one request, not two.
    expect((await stack.query(query, {}, partner)).errors).toBeUndefined();
    const second = await stack.query(query, {}, partner);
    expect(second.status).toBe(429);
    expect(second.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });
});
