import { request as httpRequest } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256Hex } from '../gateway/safelist.ts';
import { startStack, type Stack } from './support/stack.ts';
import { createInquiry } from './support/inquiries.ts';

// One policy for every route of the gateway: anonymous callers limited per
// client address, and /attachments and /export under the same identity,
// safelist and rate limits as /graphql, refusing before reading a body;
// /auth/token under limits of its own (wrong keys per address, exchanges per key).

let stack: Stack;
let base: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'irm-manifest-'));
  const manifest = join(dir, 'persisted-operations.json');
  const registered = 'query Networks { networks { code name } }';
  writeFileSync(
    manifest,
    JSON.stringify({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: sha256Hex(registered), name: 'Networks', type: 'query', body: registered }],
    }),
  );
  stack = await startStack({
    manifest,
    rateLimits: { requestsPerMinute: 3, costPerMinute: 100_000 },
    anonymousRateLimits: { requestsPerMinute: 3, costPerMinute: 100_000 },
    tokenFailuresPerMinute: 2,
  });
  base = stack.gatewayUrl.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await stack?.stop();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/** A request from one of the loopback addresses (127.0.0.0/8), so the gateway sees distinct clients. */
function send(from: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: options.method ?? 'GET', headers: options.headers, localAddress: from }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const graphql = (from: string, query: string, token?: string) =>
  send(from, '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });

function expectRateLimited(answer: Answer, message: RegExp) {
  expect(answer.status).toBe(429);
  expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(answer.body.errors[0].extensions.code).toBe('RATE_LIMITED');
  expect(answer.body.errors[0].message).toMatch(message);
  // Nothing left of the budget that ran out, whole again once the retry is due.
  expect(answer.headers['ratelimit-remaining']).toBe('0');
  expect(answer.headers['ratelimit-reset']).toBe(answer.headers['retry-after']);
  expect(answer.headers['ratelimit-limit']).toBe(String(answer.body.errors[0].extensions.max));
}

/** The RateLimit headers of an answer, as numbers. */
const budgetOf = (answer: Answer) => ({
  limit: Number(answer.headers['ratelimit-limit']),
  remaining: Number(answer.headers['ratelimit-remaining']),
  reset: Number(answer.headers['ratelimit-reset']),
});

const exchange = (from: string, apiKey: string, contentType = 'application/json') =>
  send(from, '/auth/token', { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify({ apiKey }) });

/** A new API key of a partner, as admin creates it. */
async function newKey(partner: string): Promise<string> {
  const admin = await stack.token({ role: 'admin', sub: 'admin' });
  const created = await stack.query('mutation($partner: String!) { createApiKey(partner: $partner, name: "Test") { key } }', { partner }, admin);
  return created.data.createApiKey.key;
}

describe('anonymous callers', () => {
  test('are limited per client address: the fourth request of a minute gets 429, another address is served', async () => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await graphql('127.0.0.1', '{ networks { code } }'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    // The requests are closer to running out than the cost (a few units of 100,000): their budget is the one shown,
    // whole again within the share of a minute that is missing (refilled meanwhile by at most a few milliseconds' worth).
    expect(answers.map((a) => [budgetOf(a).limit, budgetOf(a).remaining])).toEqual([
      [3, 2],
      [3, 1],
      [3, 0],
    ]);
    expect(budgetOf(answers[2]).reset).toBeGreaterThan(40);
    expect(budgetOf(answers[2]).reset).toBeLessThanOrEqual(60);
    const refused = await graphql('127.0.0.1', '{ networks { code } }');
    expectRateLimited(refused, /^Rate limit reached: the 3 requests per minute per client address without a token are used up; retry in \d+ s\.$/);
    expect(refused.body.errors[0].extensions).toMatchObject({ limit: 'requests', max: 3 });
    const other = await graphql('127.0.0.2', '{ networks { code } }');
    expect(other.status).toBe(200);
    expect(other.body.data.networks).toHaveLength(3);
  });

  test('spend their cost per minute: three findSuppliers in one request fit, three more a moment later do not', async () => {
    const find = (i: number) => `f${i}: findSuppliers(requirements: { processes: ["3.2.3"] }, first: 100) { edges { score } }`;
    const query = `{ ${find(0)} ${find(1)} ${find(2)} }`;
    // 3 × (1 + 3 networks × 10,000 candidates + 100 × (1 + 1)) = 90,603 of 100,000.
    const first = await graphql('127.0.0.3', query);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    // 9,397 of 100,000 left is closer to running out than 2 of 3 requests: the cost budget is the one shown.
    expect(budgetOf(first).limit).toBe(100_000);
    expect(budgetOf(first).remaining).toBeGreaterThanOrEqual(9397);
    expect(budgetOf(first).remaining).toBeLessThan(12_000);
    expect(budgetOf(first).reset).toBeGreaterThan(50);
    const calls = JSON.stringify([...stack.gateway.subgraphCalls]);
    const refused = await graphql('127.0.0.3', query);
    expectRateLimited(
      refused,
      /^Rate limit reached: the cost budget of 100000 per minute per client address without a token is used up \(this operation costs 90603\); retry in \d+ s, or ask for less\.$/,
    );
    expect(refused.body.errors[0].extensions).toMatchObject({ limit: 'cost', max: 100_000, cost: 90_603 });
    expect(JSON.stringify([...stack.gateway.subgraphCalls])).toBe(calls);
  });
});

describe('/auth/token', () => {
  test('an address that sent two wrong keys is refused before the key is checked; other addresses are not', async () => {
    expect((await exchange('127.0.0.4', 'irm_wrong-1')).status).toBe(401);
    expect((await exchange('127.0.0.4', 'irm_wrong-2')).status).toBe(401);
    const refused = await exchange('127.0.0.4', 'irm_wrong-3');
    expectRateLimited(
      refused,
      /^Too many wrong API keys from this address \(2 per minute\); retry in \d+ s\. A key that was exchanged here before is still taken\.$/,
    );
    expect(refused.body.errors[0].extensions).toMatchObject({ limit: 'wrongKeys', max: 2 });
    expect((await exchange('127.0.0.5', 'irm_wrong-4')).status).toBe(401);
  });

  test("a valid key's exchange is not refused because the address's anonymous queries used up their budget", async () => {
    // Behind the office's TLS proxy every caller had the proxy's address: 80 anonymous queries, and the next
    // partner's exchange was 429 (the partner probe).
    const key = await newKey('Tauscher GmbH');
    for (let i = 0; i < 3; i++) expect((await graphql('127.0.0.10', '{ networks { code } }')).status).toBe(200);
    expect((await graphql('127.0.0.10', '{ networks { code } }')).status).toBe(429);
    const exchanged = await exchange('127.0.0.10', key);
    expect(exchanged.status).toBe(200);
    expect(exchanged.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    // Nothing on the way may keep a token (RFC 6749, 5.1).
    expect(exchanged.headers['cache-control']).toBe('no-store');
    // Nor does the exchange use up the anonymous queries' budget: the address's fourth query is still refused, no more.
    expect((await graphql('127.0.0.10', '{ networks { code } }')).status).toBe(429);
  });

  test('an address refused for wrong keys still exchanges a key it exchanged before; a key new to the gateway waits', async () => {
    // One partner's revoked key retried in a loop refused every other partner behind the same address (the partner probe).
    const [known, fresh] = [await newKey('Bekannt GmbH'), await newKey('Neu GmbH')];
    expect((await exchange('127.0.0.11', known)).status).toBe(200);
    expect((await exchange('127.0.0.11', 'irm_widerrufen-1')).status).toBe(401);
    expect((await exchange('127.0.0.11', 'irm_widerrufen-2')).status).toBe(401);
    expectRateLimited(await exchange('127.0.0.11', 'irm_widerrufen-3'), /^Too many wrong API keys from this address/);
    expect((await exchange('127.0.0.11', known)).status).toBe(200);
    expectRateLimited(await exchange('127.0.0.11', fresh), /^Too many wrong API keys from this address/);
    expect((await exchange('127.0.0.12', fresh)).status).toBe(200);
  });

  test('a key is exchanged at most ten times a minute, from wherever it comes', async () => {
    const key = await newKey('Eilig GmbH');
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await exchange(`127.0.0.${13 + (i % 2)}`, key)).status);
    expect(statuses).toEqual(Array(10).fill(200));
    const refused = await exchange('127.0.0.15', key);
    expectRateLimited(refused, /^This API key was exchanged 10 times within a minute, the most it may be; a token lives 15 minutes/);
    expect(refused.body.errors[0].extensions).toMatchObject({ limit: 'keyExchanges', max: 10 });
    // Another key is not affected, nor the address's wrong-key budget.
    expect((await exchange('127.0.0.15', await newKey('Geduldig GmbH'))).status).toBe(200);
    expect((await exchange('127.0.0.15', 'irm_falsch-1')).status).toBe(401);
  });

  test('requests that check no key use none of the wrong-key budget; the body must be JSON, its type named in any case', async () => {
    const send7 = (options: Parameters<typeof send>[2]) => send('127.0.0.7', '/auth/token', options);
    const get = await send7({ method: 'GET' });
    expect([get.status, get.headers.allow]).toEqual([405, 'POST']);
    // A form-encoded body is the wrong type, not the wrong method: 415, saying which type to send.
    const form = await send7({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'apiKey=irm_x' });
    expect(form.status).toBe(415);
    expect(form.body.errors[0]).toMatchObject({
      message: '/auth/token takes a JSON body: send it with Content-Type: application/json, not application/x-www-form-urlencoded.',
      extensions: { code: 'BAD_REQUEST' },
    });
    expect((await send7({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'irm_x' })).status).toBe(415);
    // Media types are case-insensitive: this key is checked, and wrong.
    const wrong = await exchange('127.0.0.7', 'irm_falsch', 'Application/JSON; charset=UTF-8');
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer');
    expect((await exchange('127.0.0.7', 'irm_falsch-2')).status).toBe(401);
  });

  test('wrong keys sent at once are counted as they arrive, not after region answered', async () => {
    // Checked first and counted after, all of a burst passed (40 at once against a limit of 10 all reached region).
    const answers = await Promise.all(['irm_burst-1', 'irm_burst-2', 'irm_burst-3'].map((key) => exchange('127.0.0.6', key)));
    expect(answers.map((a) => a.status).sort()).toEqual([401, 401, 429]);
    expectRateLimited(answers.find((a) => a.status === 429)!, /^Too many wrong API keys from this address/);
  });
});

describe('/export', () => {
  test('a partner over its rate limit gets 429 with Retry-After, not 500', async () => {
    const partner = await stack.token({ role: 'partner', sub: 'exporteur' });
    const path = '/export/capacity-balance.csv?from=2026-12-01&to=2026-12-31';
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await send('127.0.0.1', path, { headers: { authorization: `Bearer ${partner}` } })).status);
    expect(statuses).not.toContain(429);
    expectRateLimited(await send('127.0.0.1', path, { headers: { authorization: `Bearer ${partner}` } }), /requests per minute per partner are used up/);
  });

  test("an export's or a token's error names its field, reason and request id, as /graphql's do", async () => {
    const office = await stack.token({ role: 'office', network: 'NIWE', sub: 'kalender' });
    const bad = await send('127.0.0.8', '/export/capacity-balance.csv?from=2027-02-30&to=2027-03-10', { headers: { authorization: `Bearer ${office}` } });
    expect(bad.status).toBe(400);
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from', reason: 'DATE', requestId: bad.headers['x-request-id'] });
    // Each query parameter the export was sent without, or with a value it does not take, by its name and a reason.
    for (const [query, field, reason, message] of [
      ['to=2027-01-10', 'from', 'REQUIRED', /^from is required: give from and to as YYYY-MM-DD/],
      ['from=2027-01-04', 'to', 'REQUIRED', /^to is required/],
      [
        'from=2027-01-04&to=2027-01-10&kind=FOO',
        'kind',
        'NOT_APPLICABLE',
        /^kind "FOO" is no capacity kind: give one of CAD, MACHINE_HOURS, or leave kind out for every kind\.$/,
      ],
    ] as const) {
      const refused = await send('127.0.0.8', `/export/capacity-balance.csv?${query}`, { headers: { authorization: `Bearer ${office}` } });
      expect([refused.status, refused.body.errors[0].extensions], query).toEqual([
        400,
        { code: 'BAD_USER_INPUT', field, reason, requestId: refused.headers['x-request-id'] },
      ]);
      expect(refused.body.errors[0].message).toMatch(message);
    }
    const wrong = await send('127.0.0.9', '/auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: 'irm_nein' }),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', requestId: wrong.headers['x-request-id'] });
  });

  test('an error answered before a request has its context names the request id too: a bad body, a batch, a path with nothing', async () => {
    const post = (body: string) => send('127.0.0.9', '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answers = [
      await post('not json'),
      await post(JSON.stringify({ query: 123 })),
      await post(JSON.stringify([{ query: '{ networks { code } }' }])),
      await post(JSON.stringify({ query: '{ networks { code } }', variables: 'x' })),
      await send('127.0.0.9', '/calendar/FOO.ics'),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.body.errors[0].extensions.requestId, answer.body.errors[0].message).toBe(answer.headers['x-request-id']);
    }
    expect(new Set(answers.map((a) => a.headers['x-request-id'])).size).toBe(answers.length);
  });

  test('a safelisted partner may not run the export, which is no registered operation', async () => {
    const restricted = await stack.token({ role: 'partner', sub: 'nur-registriert', safelist: true });
    const res = await send('127.0.0.1', '/export/capacity-balance.csv?from=2026-12-01&to=2026-12-31', { headers: { authorization: `Bearer ${restricted}` } });
    expect(res.status).toBe(403);
    expect(res.body.errors[0].extensions.code).toBe('OPERATION_NOT_SAFELISTED');
  });
});

describe('/attachments', () => {
  let inquiryId: string;

  beforeAll(async () => {
    const owner = await stack.token({ role: 'partner', sub: 'auftraggeber' });
    inquiryId = await createInquiry(stack, owner);
  });

  test('a safelisted partner neither uploads nor downloads', async () => {
    const restricted = await stack.token({ role: 'partner', sub: 'portal', safelist: true });
    const download = await send('127.0.0.1', '/attachments?id=att-1', { headers: { authorization: `Bearer ${restricted}` } });
    expect(download.status).toBe(403);
    expect(download.body.errors[0].extensions.code).toBe('OPERATION_NOT_SAFELISTED');
    const upload = await send('127.0.0.1', `/attachments?inquiryId=${inquiryId}&fileName=welle.pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${restricted}`, 'content-type': 'application/pdf' },
      body: '%PDF-1.7\n',
    });
    expect(upload.status).toBe(403);
  });

  test('a partner over its rate limit gets 429', async () => {
    const partner = await stack.token({ role: 'partner', sub: 'sammler' });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await send('127.0.0.1', `/attachments?id=att-${i + 1}`, { headers: { authorization: `Bearer ${partner}` } })).status);
    expect(statuses).toEqual([404, 404, 404]);
    expectRateLimited(
      await send('127.0.0.1', '/attachments?id=att-4', { headers: { authorization: `Bearer ${partner}` } }),
      /requests per minute per partner are used up/,
    );
  });

  test("an upload to someone else's inquiry is refused before its body is sent", async () => {
    const stranger = await stack.token({ role: 'partner', sub: 'fremder' });
    // Announces 20 MB and sends 64 KB of it; the answer must come without the rest.
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(`${base}/attachments?inquiryId=${inquiryId}&fileName=gross.pdf`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stranger}`, 'content-type': 'application/pdf', 'content-length': String(20 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text) });
          req.destroy();
        });
      });
      req.on('error', reject);
      req.write(Buffer.alloc(64 * 1024, 'x'));
    });
    expect(answer.status).toBe(404);
    expect(answer.headers.connection).toBe('close');
    expect(answer.body.errors[0]).toMatchObject({ message: `Inquiry ${inquiryId} does not exist.`, extensions: { code: 'NOT_FOUND' } });
  });
});
