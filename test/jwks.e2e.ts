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
