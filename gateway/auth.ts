import { HeaderMap } from '@apollo/server';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { errorStatus, unauthenticated } from '../shared/errors.ts';
import { GraphQLError } from 'graphql';
import { anonymous, parseIdentity, type Identity } from '../shared/identity.ts';

export interface AuthConfig {
  /** HS256 shared secret (the embedded default writes one to DATA_DIR/jwt-secret). */
  secret?: string;
  /** JWKS URL of an identity provider; used instead of the secret when set. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Longest lifetime a token may claim, exp - iat (JWT_MAX_LIFETIME_S); defaults to tokenMaxLifetimeS. */
  maxLifetimeS?: number;
}

export type Verifier = (authorization: string | undefined) => Promise<Identity>;

/** The 401 of a token that was sent but is refused: `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750, 3.1). */
const invalidToken = { tokenSent: true } as const;

/** How every API key begins (subgraphs/region/partners/api-keys.ts); no JWT does, as JWTs begin with "eyJ". */
const apiKeyPrefix = 'irm_';

// A stolen token is useful until its exp; a day covers a working session of an
// office or a partner's batch job, and API-key tokens live 15 minutes
// (gateway/token-exchange.ts). A token without exp would be valid forever.
export const tokenMaxLifetimeS = 24 * 3600;

// Issuers' clocks differ from ours by a few seconds under NTP; a minute absorbs
// that without letting a token be minted far ahead of its use.
export const clockToleranceS = 60;

/**
 * What is wrong with the claims of a token whose signature checked out, or
 * undefined. A token must name its subject (rate limits, ownership and the audit
 * log are per subject; without sub every such token shared one owner), must
 * expire, may not live longer than maxLifetimeS counted from iat (from now if it
 * has no iat) and may not have been issued in the future.
 */
export function tokenClaimsProblem(payload: JWTPayload, nowS: number, maxLifetimeS: number): string | undefined {
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '')
    return 'The token has no sub claim; every token must name its subject (the user or partner it was issued to).';
  if (typeof payload.exp !== 'number') return `The token has no exp claim; tokens must expire at most ${maxLifetimeS} s after they are issued.`;
  if (typeof payload.iat === 'number' && payload.iat > nowS + clockToleranceS) {
    return `The token's iat lies ${payload.iat - nowS} s in the future, more than the ${clockToleranceS} s of clock difference tolerated; check the issuer's clock.`;
  }
  const lifetime = payload.exp - (payload.iat ?? nowS);
  if (lifetime > maxLifetimeS) return `The token is valid for ${lifetime} s (exp - iat), more than the ${maxLifetimeS} s allowed; issue a shorter-lived token.`;
  return undefined;
}

/** A verified token: the identity it carries and all of its claims (a session token's name, e-mail and CSRF token among them). */
export interface VerifiedToken {
  identity: Identity;
  claims: JWTPayload;
}

/** Verifies one token, whether it came as a bearer token or in the session cookie (gateway/sessions.ts); a bad token is 401. */
export type TokenVerifier = (token: string) => Promise<VerifiedToken>;

/**
 * How long a verified token is taken on its text alone, and how many are kept. A portal session or a partner's
 * job sends the same token with every request, and jose's signature check (WebCrypto) costs 110-160 µs of CPU
 * in a loop, and more beside requests: Q1 with a bearer token, one request at a time, cost the gateway 3.59 and
 * 3.15 ms of CPU a request with the check every time, 2.86 and 2.49 ms with this (runs in turn, demo data). The
 * text includes the signature, so a hit is the very token verified before, and its expiry is checked again at
 * every use. A minute bounds how long a key an identity provider withdraws from its JWKS is still trusted;
 * 1,000 tokens of about 400 bytes are 400 KB.
 */
export const verifiedTokenTtlMs = 60_000;
const verifiedTokensKept = 1000;

/** Seconds a client waits before it asks again while the identity provider's key list is missing: jose's own fetch timeout. */
const keysRetryAfterS = 5;

const keysUnavailable = () =>
  new GraphQLError(
    "The identity provider's signing keys (JWKS_URL) could not be read, so no token can be checked now; nothing is wrong with yours: retry shortly with the same token.",
    {
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        service: 'identity provider',
        http: { status: errorStatus('SERVICE_UNAVAILABLE'), headers: new HeaderMap([['retry-after', String(keysRetryAfterS)]]) },
      },
    },
  );

export function createTokenVerifier(config: AuthConfig, verify: typeof jwtVerify = jwtVerify): TokenVerifier {
  let key: Uint8Array | JWTVerifyGetKey | undefined;
  if (config.jwksUrl) key = createRemoteJWKSet(new URL(config.jwksUrl));
  else if (config.secret) key = new TextEncoder().encode(config.secret);
  const maxLifetimeS = config.maxLifetimeS ?? tokenMaxLifetimeS;
  // Oldest first (a Map keeps insertion order), so the oldest goes when it is full.
  const verified = new Map<string, { token: VerifiedToken; until: number }>();

  return async (token) => {
    if (!key) throw unauthenticated('This gateway has no signing key configured (JWT_SECRET or JWKS_URL); tokens cannot be verified.', invalidToken);
    const now = Date.now();
    const known = verified.get(token);
    if (known && known.until > now) {
      // As jose decides it: expired from the second exp names on.
      if ((known.token.claims.exp as number) <= Math.floor(now / 1000)) {
        verified.delete(token);
        throw unauthenticated('The token has expired; request a new one.', invalidToken);
      }
      return known.token;
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await verify(token, key as Uint8Array, { issuer: config.issuer, audience: config.audience }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired; request a new one.', invalidToken);
      // The identity provider's key list did not come (a timeout, a network failure) or is not a key list: our side, not
      // the token's. As 401 invalid_token, every client fetched a new token from a provider that was down (the review).
      if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid || (config.jwksUrl && !(error instanceof joseErrors.JOSEError)))
        throw keysUnavailable();
      // Checked only once the token failed, so a good token pays nothing for it: the partner probe sent its API key as
      // the bearer token, a common mistake, and was told that a signature did not match.
      if (error instanceof joseErrors.JOSEError && token.startsWith(apiKeyPrefix))
        throw unauthenticated(
          `This is an API key, not a token: exchange it first at POST /auth/token with {"apiKey": "${apiKeyPrefix}..."}, then send the token it answers as "Bearer <token>" (it lasts 15 minutes).`,
          invalidToken,
        );
      if (error instanceof joseErrors.JOSEError)
        throw unauthenticated('The token is not valid: its signature, issuer or audience does not match.', invalidToken);
      throw error;
    }
    const problem = tokenClaimsProblem(payload, Math.floor(now / 1000), maxLifetimeS);
    if (problem) throw unauthenticated(problem, invalidToken);
    let identity: Identity;
    try {
      identity = parseIdentity(payload as Record<string, unknown>);
    } catch (error) {
      // A claim the token carries is refused (a role or network it may not name): a token was sent, and it is not valid.
      if (error instanceof GraphQLError) throw unauthenticated(error.message, invalidToken);
      throw error;
    }
    const result = { identity, claims: payload };
    verified.delete(token);
    if (verified.size >= verifiedTokensKept) verified.delete(verified.keys().next().value!);
    verified.set(token, { token: result, until: now + verifiedTokenTtlMs });
    return result;
  };
}

/** Verifies `Authorization: Bearer <jwt>`; no header means anonymous, a bad token means 401. */
export function createVerifier(config: AuthConfig): Verifier {
  const verifyToken = createTokenVerifier(config);
  return async (authorization) => {
    if (!authorization) return anonymous;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    return (await verifyToken(match[1])).identity;
  };
}
