import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { close, listen } from '../shared/http.ts';
import { startGatewayOnly, type LoneGateway } from './support/gateway-only.ts';

// Tokens from an external identity provider, verified against its JWKS URL.

const jwksServer = createServer();
let gateway: LoneGateway;
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

beforeAll(async () => {
  const keys = await generateKeyPair('RS256');
  privateKey = keys.privateKey;
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
  jwksServer.on('request', (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  const jwksUrl = `${await listen(jwksServer, 0)}/.well-known/jwks.json`;
  // Nothing is called behind the gateway here: the query is answered by the gateway itself.
  gateway = await startGatewayOnly({ auth: { jwksUrl, issuer: 'https://idp.example', audience: 'irm-graph' } });
});
afterAll(async () => {
  await gateway.stop();
  await close(jwksServer);
});

async function call(token: string) {
  const res = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const sign = (claims: Record<string, unknown>, issuer = 'https://idp.example') =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
    .setIssuer(issuer)
    .setAudience('irm-graph')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);

test('a token signed by the identity provider is accepted', async () => {
  const { status, body } = await call(await sign({ role: 'partner', sub: 'buyer@zulieferer.example' }));
  expect(status).toBe(200);
  expect(body.data).toEqual({ __typename: 'Query' });
});

test('a token from another issuer is refused', async () => {
  const { status, body } = await call(await sign({ role: 'partner', sub: 'buyer@zulieferer.example' }, 'https://evil.example'));
  expect(status).toBe(401);
  expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
});

test("an identity provider whose key list cannot be read is our side's fault: 503 with Retry-After, not the token's 401", async () => {
  // A key list that is none (JWKSInvalid), and one that cannot be reached (the port closed again): each answered 401
  // invalid_token, and clients fetched new tokens from a provider that was down (the review).
  const broken = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{"nope": 1}');
  });
  const brokenUrl = await listen(broken, 0);
  const gone = createServer();
  const goneUrl = await listen(gone, 0);
  await close(gone);
  const token = await sign({ role: 'partner', sub: 'buyer@zulieferer.example' });
  for (const jwksUrl of [`${brokenUrl}/jwks.json`, `${goneUrl}/jwks.json`]) {
    const lone = await startGatewayOnly({ auth: { jwksUrl, issuer: 'https://idp.example', audience: 'irm-graph' } });
    try {
      const res = await fetch(lone.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      const body = (await res.json()) as any;
      expect([res.status, body.errors[0].extensions.code, res.headers.get('retry-after')]).toEqual([503, 'SERVICE_UNAVAILABLE', '5']);
      expect(res.headers.get('www-authenticate')).toBeNull();
    } finally {
      await lone.stop();
    }
  }
  await close(broken);
});
