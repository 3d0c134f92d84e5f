import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clockToleranceS, tokenMaxLifetimeS } from '../gateway/auth.ts';
import { close, listen } from '../shared/http.ts';
import { startGatewayOnly, type LoneGateway } from './support/gateway-only.ts';

// The claims every bearer token must carry, checked alike for tokens signed
// with JWT_SECRET (HS256) and for an identity provider's (JWKS_URL): a subject,
// an expiry at most JWT_MAX_LIFETIME_S after issue, an issue time not ahead of
// our clock. Only the gateway runs: `{ __typename }` is answered there, and a
// refused token is refused before anything else.

type Sign = (claims: JWTPayload) => Promise<string>;

const jwksServer = createServer();
const gateways: Record<string, LoneGateway> = {};
const signers: Record<string, Sign> = {};

beforeAll(async () => {
  const secret = randomBytes(32).toString('hex');
  const hsKey = new TextEncoder().encode(secret);
  signers.HS256 = (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(hsKey);
  gateways.HS256 = await startGatewayOnly({ auth: { secret } });

  const keys = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
  jwksServer.on('request', (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  const jwksUrl = `${await listen(jwksServer, 0)}/.well-known/jwks.json`;
  signers.JWKS = (claims) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'idp-1' }).setIssuer('https://idp.example').setAudience('irm-graph').sign(keys.privateKey);
  gateways.JWKS = await startGatewayOnly({ auth: { jwksUrl, issuer: 'https://idp.example', audience: 'irm-graph' } });

  signers.short = signers.HS256;
  gateways.short = await startGatewayOnly({ auth: { secret, maxLifetimeS: 3600 } });
});
afterAll(async () => {
  for (const gateway of Object.values(gateways)) await gateway.stop();
  await close(jwksServer);
});

const now = () => Math.floor(Date.now() / 1000);

async function call(kind: string, claims: JWTPayload) {
  const token = await signers[kind](claims);
  const res = await fetch(gateways[kind].url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return {
    status: res.status,
    challenge: res.headers.get('www-authenticate'),
    body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] },
  };
}

/** A POST to the HS256 gateway with `authorization` as it is. */
async function post(authorization: string, path = '/graphql', body: unknown = { query: '{ __typename }' }) {
  const res = await fetch(gateways.HS256.url.replace(/\/graphql$/, path), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

async function expectAccepted(kind: string, claims: JWTPayload) {
  const { status, body } = await call(kind, claims);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  expect(body.data).toEqual({ __typename: 'Query' });
}

async function expectRefused(kind: string, claims: JWTPayload, message: RegExp) {
  const { status, body, challenge } = await call(kind, claims);
  expect(status).toBe(401);
  // A token was sent and is refused: the client should get a new one (RFC 6750, 3.1).
  expect(challenge).toBe('Bearer error="invalid_token"');
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  expect(body.errors![0].message).toMatch(message);
}

const partner = { role: 'partner', sub: 'buyer@zulieferer.example' };

describe.each(['HS256', 'JWKS'])('%s tokens', (kind) => {
  test('a token with sub, iat and an exp within the lifetime is accepted, up to the maximum lifetime exactly', async () => {
    await expectAccepted(kind, { ...partner, iat: now(), exp: now() + 3600 });
    const iat = now();
    await expectAccepted(kind, { ...partner, iat, exp: iat + tokenMaxLifetimeS });
  });

  test('a token without exp is refused', async () => {
    await expectRefused(kind, { ...partner, iat: now() }, /no exp claim; tokens must expire at most 86400 s after they are issued/);
    await expectRefused(kind, { ...partner }, /no exp claim/);
  });

  test('a token that lives longer than the maximum lifetime is refused, counted from iat or, without iat, from now', async () => {
    const iat = now();
    await expectRefused(kind, { ...partner, iat, exp: iat + tokenMaxLifetimeS + 1 }, /valid for 86401 s \(exp - iat\), more than the 86400 s allowed/);
    // A token issued 23 hours ago for 30 hours is within its exp, but lived too long from the start.
    await expectRefused(kind, { ...partner, iat: iat - 23 * 3600, exp: iat + 7 * 3600 }, /valid for 108000 s/);
    await expectAccepted(kind, { ...partner, exp: now() + 3600 });
    await expectRefused(kind, { ...partner, exp: now() + 2 * tokenMaxLifetimeS }, /more than the 86400 s allowed/);
  });

  test('a token issued in the future is refused beyond the clock tolerance', async () => {
    await expectRefused(
      kind,
      { ...partner, iat: now() + 2 * clockToleranceS, exp: now() + 3600 },
      /iat lies \d+ s in the future, more than the 60 s of clock difference tolerated/,
    );
    await expectAccepted(kind, { ...partner, iat: now() + clockToleranceS / 2, exp: now() + 3600 });
  });

  test('every role needs sub: partner, member, office and admin tokens without it are refused', async () => {
    const roles = [{ role: 'partner' }, { role: 'member', network: 'NIWE', memberId: 'NIWE:m-1' }, { role: 'office', network: 'NIWE' }, { role: 'admin' }];
    for (const claims of roles) {
      await expectRefused(kind, { ...claims, iat: now(), exp: now() + 3600 }, /no sub claim; every token must name its subject/);
      await expectRefused(kind, { ...claims, sub: ' ', iat: now(), exp: now() + 3600 }, /no sub claim/);
      await expectAccepted(kind, { ...claims, sub: `${claims.role}-1`, iat: now(), exp: now() + 3600 });
    }
  });
});

test('JWT_MAX_LIFETIME_S shortens the lifetime a token may claim', async () => {
  await expectAccepted('short', { ...partner, iat: now(), exp: now() + 3600 });
  await expectRefused('short', { ...partner, iat: now(), exp: now() + 2 * 3600 }, /valid for 7200 s \(exp - iat\), more than the 3600 s allowed/);
});

describe('401s and the token endpoint, as HTTP clients expect them', () => {
  test('every 401 carries WWW-Authenticate: Bearer, with error="invalid_token" where a token was sent', async () => {
    const garbage = await post('Bearer not-a-token');
    expect([garbage.status, garbage.headers.get('www-authenticate')]).toEqual([401, 'Bearer error="invalid_token"']);
    const basic = await post('Basic dXNlcjpwdw==');
    expect([basic.status, basic.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
    expect(basic.body.errors[0].message).toBe('The Authorization header must be "Bearer <token>".');
  });

  test('an API key sent as the bearer token is said to be one, to be exchanged at /auth/token first', async () => {
    const answer = await post('Bearer irm_hlTmAbCdEfGhIjKlMnOpQrStUvWxYz012345');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(answer.body.errors[0]).toMatchObject({
      message:
        'This is an API key, not a token: exchange it first at POST /auth/token with {"apiKey": "irm_..."}, then send the token it answers as "Bearer <token>" (it lasts 15 minutes).',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  test('a JSON body is taken whatever the case of its media type, at /graphql too', async () => {
    const res = await fetch(gateways.HS256.url, {
      method: 'POST',
      headers: { 'content-type': 'Application/JSON; Charset=UTF-8' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect([res.status, await res.json()]).toEqual([200, { data: { __typename: 'Query' } }]);
  });

  test('a key that cannot be checked while region is away is 503 with Retry-After, and not kept by a cache', async () => {
    // The lone gateway's region is port 9, where nothing answers.
    const res = await fetch(gateways.HS256.url.replace(/\/graphql$/, '/auth/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: 'irm_abc' }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(((await res.json()) as any).errors[0]).toMatchObject({
      message: 'API keys cannot be checked right now; try again shortly.',
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'region' },
    });
  });
});
