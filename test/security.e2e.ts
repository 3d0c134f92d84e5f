import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeIdentity, identityHeader } from '../shared/identity.ts';
import { signRequest } from '../shared/signature.ts';
import { createMember } from './support/members.ts';
import { startStack, type Stack } from './support/stack.ts';

// Subgraphs answer only the gateway (and region's calls to the networks); the gateway's HTTP surface stays narrow.

let stack: Stack;
let memberId: string;

const entitiesQuery = JSON.stringify({
  query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on NiweMember { name contacts { email } } } }',
  variables: { r: [{ __typename: 'NiweMember', id: 'NIWE:m-1' }] },
});

beforeAll(async () => {
  stack = await startStack();
  const admin = await stack.token({ role: 'admin' });
  const input = { name: 'Geheim GmbH', postalCode: '37269', city: 'Eschwege', contacts: [{ name: 'Vera Vertraulich', email: 'vera@geheim.example' }] };
  memberId = (await createMember(stack, admin, 'NIWE', input)).id;
  expect(memberId).toBe('NIWE:m-1');
});
afterAll(async () => {
  await stack?.stop();
});

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

/** Headers of a request signed for `service` (the NIWE network unless said otherwise) with that service's secret. */
function signed(url: string, body: string, identity?: string, service = 'niwe', secret = stack.subgraphSecrets[service]) {
  return {
    ...signRequest(secret, { service, method: 'POST', path: new URL(url).pathname, body, identity }),
    ...(identity ? { [identityHeader]: identity } : {}),
  };
}

describe('subgraphs trust only the gateway', () => {
  test('unsigned requests to every subgraph endpoint get 401 and no data', async () => {
    const targets = [`${stack.networkUrls.NIWE}/graphql`, `${stack.networkUrls.LINAT}/internal/graphql`, `${stack.regionUrl}/graphql`];
    for (const url of targets) {
      const res = await post(url, entitiesQuery);
      expect(res.status, url).toBe(401);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(res.body.errors[0].message).toMatch(/not signed/);
    }
    // A direct _entities call with an admin identity of its own making reveals nothing.
    const forged = await post(`${stack.networkUrls.NIWE}/graphql`, entitiesQuery, { [identityHeader]: encodeIdentity({ role: 'admin' }) });
    expect(forged.status).toBe(401);
    expect(forged.text).not.toMatch(/vera@geheim/);
  });

  test('a signature made with another secret is refused', async () => {
    const url = `${stack.networkUrls.NIWE}/graphql`;
    const res = await post(url, entitiesQuery, signed(url, entitiesQuery, undefined, 'niwe', 'f'.repeat(64)));
    expect(res.status).toBe(401);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].message).toMatch(/does not match/);
  });

  test('a signed request is answered once; its replay is refused', async () => {
    const url = `${stack.networkUrls.NIWE}/graphql`;
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    const headers = signed(url, body);
    const first = await post(url, body, headers);
    expect(first.status).toBe(200);
    expect(first.body.data._service.sdl).toMatch(/NiweMember/);
    const replay = await post(url, body, headers);
    expect(replay.status).toBe(401);
    expect(replay.body.data).toBeUndefined();
    expect(replay.body.errors[0].message).toMatch(/replayed/);
  });

  test('the identity is covered by the signature: swapping it, the body or the path breaks it', async () => {
    const url = `${stack.networkUrls.NIWE}/graphql`;
    const partner = encodeIdentity({ role: 'partner' });
    const headers = signed(url, entitiesQuery, encodeIdentity({ role: 'anonymous' }));
    for (const [target, body, extra] of [
      [url, entitiesQuery, { [identityHeader]: partner }],
      [url, entitiesQuery.replace('name', 'street name'), {}],
      [`${stack.networkUrls.NIWE}/internal/graphql`, entitiesQuery, {}],
    ] as const) {
      const res = await post(target, body, { ...headers, ...extra });
      expect(res.status).toBe(401);
      expect(res.text).not.toMatch(/vera@geheim/);
    }
  });

  test('a request signed for one service is refused by every other: each has its own secret, and the signature names its target', async () => {
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    const niwe = `${stack.networkUrls.NIWE}/graphql`;
    // Signed for NIWE with NIWE's secret: LINAT, KONAT and region refuse it (before, all three answered it).
    for (const url of [`${stack.networkUrls.LINAT}/graphql`, `${stack.networkUrls.KONAT}/graphql`, `${stack.regionUrl}/graphql`]) {
      const res = await post(url, body, signed(niwe, body));
      expect(res.status, url).toBe(401);
      expect(res.body.errors[0].message).toMatch(/does not match/);
    }
    // Signed with LINAT's own secret but for NIWE: LINAT refuses it, as the target is part of what is signed.
    const linat = `${stack.networkUrls.LINAT}/graphql`;
    expect((await post(linat, body, signed(linat, body, undefined, 'niwe', stack.subgraphSecrets.linat))).status).toBe(401);
    expect((await post(linat, body, signed(linat, body, undefined, 'linat'))).status).toBe(200);
    expect((await post(niwe, body, signed(niwe, body))).status).toBe(200);
  });

  test('a signature older than the time window is refused', async () => {
    const url = `${stack.regionUrl}/graphql`;
    const body = JSON.stringify({ query: '{ networks { code } }' });
    const headers = signRequest(
      stack.subgraphSecrets.region,
      { service: 'region', method: 'POST', path: '/graphql', body, identity: undefined },
      Date.now() - 5 * 60_000,
    );
    const res = await post(url, body, headers);
    expect(res.status).toBe(401);
    expect(res.body.errors[0].message).toMatch(/outside the allowed window/);
  });

  test('health stays open; the gateway’s own calls go through', async () => {
    expect((await fetch(`${stack.networkUrls.NIWE}/health`)).status).toBe(200);
    expect((await fetch(`${stack.regionUrl}/health`)).status).toBe(200);
    const partner = await stack.token({ role: 'partner' });
    const res = await stack.query(`query($id: ID!) { member(id: $id) { name contacts { email } } }`, { id: memberId }, partner);
    expect(res.data.member).toEqual({ name: 'Geheim GmbH', contacts: [{ email: 'vera@geheim.example' }] });
  });
});

describe('every answer carries the security headers', () => {
  const expected = {
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'referrer-policy': 'no-referrer',
  };
  const headersOf = (response: Response) => Object.fromEntries(Object.keys(expected).map((name) => [name, response.headers.get(name)]));

  test('queries, errors, sign-in and downloads: nosniff, no framing, nothing loaded (the portal’s pages had them alone)', async () => {
    const base = stack.gatewayUrl.replace(/\/graphql$/, '');
    const member = await stack.token({ role: 'member', network: 'NIWE', memberId });
    const answers: [string, Response][] = [
      ['POST /graphql', await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })],
      ['a refused query', await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ nope }"}' })],
      ['404', await fetch(`${base}/export/nothing.csv`)],
      ['405', await fetch(stack.gatewayUrl, { method: 'PUT' })],
      ['/auth/session', await fetch(`${base}/auth/session`)],
      ['/export/members.csv', await fetch(`${base}/export/members.csv?network=NIWE`, { headers: { authorization: `Bearer ${member}` } })],
      ['/calendar/NIWE.ics', await fetch(`${base}/calendar/NIWE.ics`)],
      ['a subgraph', await fetch(`${stack.networkUrls.NIWE}/health`)],
    ];
    for (const [what, response] of answers) expect({ what, ...headersOf(response) }).toEqual({ what, ...expected });
  });

  test('an answer Node’s parser gives before any route (431) carries them too', async () => {
    const { port } = new URL(stack.gatewayUrl);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
      socket.write(`GET /graphql HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`);
    });
    expect(raw).toMatch(/^HTTP\/1.1 431 /);
    for (const [name, value] of Object.entries(expected)) expect(raw).toContain(`\r\n${name}: ${value}\r\n`);
  });
});
