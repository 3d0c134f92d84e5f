import { isMalformedText } from '../shared/validation.ts';
import { SignJWT } from 'jose';
import { HeaderMap } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { errorStatus, httpError, unauthenticated } from '../shared/errors.ts';
import { signedPost } from '../shared/http-client.ts';
import { currentLog } from '../shared/observability.ts';
import { jsonPostRoute, type PlainRoute } from '../shared/http.ts';
import { anonymous } from '../shared/identity.ts';
import type { AuthConfig } from './auth.ts';
import type { Policy } from './policy.ts';

// POST /auth/token {"apiKey": "..."}: a partner's API key, checked by region,
// becomes a partner token for 15 minutes, so a revoked key stops working soon.
// An exchange has limits of its own (Policy.checkKey), not the anonymous queries'
// of its address: wrong keys per address, refused before region is asked, and
// exchanges per key.

export const partnerTokenSeconds = 15 * 60;

const grantQuery = `query($key: String!) { apiKeyGrant(key: $key) { keyId partner safelist } }`;

export interface Grant {
  keyId: string;
  partner: string;
  safelist: boolean;
}

/** Region's internal API, as the gateway calls it to exchange an API key or check a login (gateway/sessions.ts). */
export interface RegionInternal {
  regionInternalUrl: string;
  regionSecret: string | undefined;
}

/**
 * Asks region's internal API one query, signed; throws when region does not answer with data, or answers with an
 * error beside it. Its fields are nullable (null: no such account or key), so with its database down region
 * answered null and an error, and a right password was "wrong", a valid key "unknown or revoked".
 */
export async function askRegion<T>(options: RegionInternal, query: string, variables: Record<string, unknown>, timeoutMs = 5000): Promise<T> {
  const answer = await signedPost(options.regionSecret, options.regionInternalUrl, {
    service: 'region',
    body: JSON.stringify({ query, variables }),
    timeoutMs,
  });
  const result = JSON.parse(answer.body) as { data?: T; errors?: unknown[] };
  if (!result.data || result.errors?.length) throw new Error(`region answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return result.data;
}

/** The partner an API key belongs to, or null for an unknown or revoked key. */
export async function apiKeyGrant(options: RegionInternal, apiKey: string): Promise<Grant | null> {
  return (await askRegion<{ apiKeyGrant: Grant | null }>(options, grantQuery, { key: apiKey })).apiKeyGrant;
}

/**
 * A field of a sign-in body, or the refusal naming it as every other field is named (BAD_USER_INPUT, field, reason):
 * /auth/token said BAD_REQUEST without a field, /auth/login "missing or longer than 254 characters" for an e-mail that
 * was neither, and an empty key "unknown or revoked" (the fuzz probe).
 */
export function signInField(body: unknown, field: string, max: number, example: string): string | GraphQLError {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  const refuse = (why: string, reason: Record<string, unknown>) =>
    httpError('BAD_USER_INPUT', `Send ${example}: ${field} ${why}.`, { extensions: { field, ...reason } });
  if (typeof value !== 'string' || value.trim() === '') return refuse('is missing', { reason: 'REQUIRED' });
  if (value.length > max) return refuse(`has ${value.length} characters; at most ${max} are taken`, { reason: 'TOO_LONG', max });
  // Malformed text (a NUL, a lone surrogate) failed in region's database, which reads as an outage (503).
  if (isMalformedText(value)) return refuse('holds a NUL character or half of a character pair, which no text may hold', { reason: 'MALFORMED_TEXT' });
  return value;
}

export const keyExample = '{"apiKey": "irm_..."}';

/** How an exchange checks its key under the policy's limits (Policy.checkKey); by default without any. */
export type KeyCheck = (apiKey: string, check: () => Promise<Grant | null>) => Promise<Grant | null | GraphQLError>;

export function createTokenExchange(options: RegionInternal & { auth: AuthConfig }) {
  return async (apiKey: string, checkKey: KeyCheck = (_key, check) => check()): Promise<GraphQLError | { body: unknown }> => {
    if (!options.auth.secret)
      return httpError(
        ApolloServerErrorCode.BAD_REQUEST,
        'This gateway accepts tokens of an identity provider (JWKS_URL) and issues none; ask the provider for a token.',
        { status: 501 },
      );
    let grant: Grant | null | GraphQLError;
    try {
      grant = await checkKey(apiKey, () => apiKeyGrant(options, apiKey));
    } catch (error) {
      currentLog().error({ err: error }, 'API key check failed');
      return regionUnavailable('API keys cannot be checked right now; try again shortly.');
    }
    if (grant instanceof GraphQLError) return grant;
    if (!grant) return unauthenticated('The API key is unknown or revoked.');
    let jwt = new SignJWT({ role: 'partner', safelist: grant.safelist, keyId: grant.keyId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(grant.partner)
      .setIssuedAt()
      .setExpirationTime(`${partnerTokenSeconds}s`);
    if (options.auth.issuer) jwt = jwt.setIssuer(options.auth.issuer);
    if (options.auth.audience) jwt = jwt.setAudience(options.auth.audience);
    const token = await jwt.sign(new TextEncoder().encode(options.auth.secret));
    return { body: { token, tokenType: 'Bearer', expiresIn: partnerTokenSeconds } };
  };
}

/**
 * Region could not answer a sign-in, a renewal or a key's check: SERVICE_UNAVAILABLE naming it, as a field region
 * serves answers then; it was INTERNAL_SERVER_ERROR with status 503, which README's table gives no such meaning.
 */
export const regionUnavailable = (message: string) =>
  new GraphQLError(message, {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      service: 'region',
      http: { status: errorStatus('SERVICE_UNAVAILABLE'), headers: new HeaderMap([['retry-after', String(regionRetryAfterS)]]) },
    },
  });

/**
 * Retry-After of a 503 while region cannot check a key, a password or a session: askRegion's budget of 5 s, since a
 * retry sooner finds region as the last one did.
 */
export const regionRetryAfterS = 5;

export function tokenRoute(policy: Policy, exchange: ReturnType<typeof createTokenExchange>): PlainRoute {
  const route = jsonPostRoute('/auth/token', async (body, req) => {
    const apiKey = signInField(body, 'apiKey', 200, keyExample);
    if (apiKey instanceof GraphQLError) return apiKey;
    // Only a key that is checked counts against the wrong-key budget: taken before, a GET or a body without a key
    // used it up too, and ten of them locked the address's partners out without a single key sent.
    const caller = policy.caller(anonymous, req);
    return exchange(apiKey, (key, check) => policy.checkKey(caller, key, check));
  });
  return {
    path: route.path,
    async handle(req, res, url) {
      // A token must not be kept by a cache on the way, nor an answer about a key (RFC 6749, 5.1).
      res.setHeader('cache-control', 'no-store');
      res.setHeader('pragma', 'no-cache');
      await route.handle(req, res, url);
    },
  };
}
