import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { unauthenticated } from '../shared/errors.ts';
import { anonymous, parseIdentity, type Identity } from '../shared/identity.ts';

export interface AuthConfig {
  /** HS256 shared secret (the embedded default writes one to DATA_DIR/jwt-secret). */
  secret?: string;
  /** JWKS URL of an identity provider; used instead of the secret when set. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

export type Verifier = (authorization: string | undefined) => Promise<Identity>;

/** Verifies `Authorization: Bearer <jwt>`; no header means anonymous, a bad token means 401. */
export function createVerifier(config: AuthConfig): Verifier {
  let key: Uint8Array | JWTVerifyGetKey | undefined;
  if (config.jwksUrl) key = createRemoteJWKSet(new URL(config.jwksUrl));
  else if (config.secret) key = new TextEncoder().encode(config.secret);

  return async (authorization) => {
    if (!authorization) return anonymous;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    if (!key) throw unauthenticated('This gateway has no signing key configured (JWT_SECRET or JWKS_URL); tokens cannot be verified.');
    try {
      const { payload } = await jwtVerify(match[1], key as Uint8Array, { issuer: config.issuer, audience: config.audience });
      return parseIdentity(payload as Record<string, unknown>);
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired; request a new one.');
      if (error instanceof joseErrors.JOSEError) throw unauthenticated('The token is not valid: its signature, issuer or audience does not match.');
      throw error;
    }
  };
}
