import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { defaultAttachmentMaxBytes } from '../shared/config.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { supergraphPath } from '../gateway/composition.ts';
import { defaultLimits } from '../gateway/limits.ts';
import { defaultRateLimits } from '../gateway/rate-limit.ts';
import { defaultOperationCacheMb } from '../shared/operation-caches.ts';
import { createGatewayService, type GatewayService } from '../gateway/server.ts';
import { close, listen } from '../shared/http.ts';

// Tokens from an external identity provider, verified against its JWKS URL.

const jwksServer = createServer();
let gateway: GatewayService;
let url: string;
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

beforeAll(async () => {
  const keys = await generateKeyPair('RS256');
  privateKey = keys.privateKey;
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
  jwksServer.on('request', (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  const jwksUrl = `${await listen(jwksServer, 0)}/.well-known/jwks.json`;
  gateway = await createGatewayService({
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    // Nothing is called behind the gateway here: the query is answered by the gateway itself.
    subgraphUrls: { region: 'http://127.0.0.1:9/graphql' },
    auth: { jwksUrl, issuer: 'https://idp.example', audience: 'irm-graph' },
    subgraphSecrets: {},
    production: false,
    introspection: false,
    limits: defaultLimits,
    rateLimits: defaultRateLimits,
    safelist: undefined,
    attachmentMaxBytes: defaultAttachmentMaxBytes,
    operationCacheMb: defaultOperationCacheMb,
  });
  url = `${await listen(gateway.http, 0)}/graphql`;
});
afterAll(async () => {
  await close(gateway.http);
  await gateway.stop();
  await close(jwksServer);
});

async function call(token: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ __typename }' }) });
  return { status: res.status, body: (await res.json()) as any };
}

const sign = (claims: Record<string, unknown>, issuer = 'https://idp.example') =>
  new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'idp-1' }).setIssuer(issuer).setAudience('irm-graph').setIssuedAt().setExpirationTime('5m').sign(privateKey);

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
