import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConfigError } from '../shared/config.ts';
import type { CorsCheck } from '../shared/http.ts';

// Cross-origin calls from partners' browser apps (CORS_ORIGINS), off by default. Partners send a bearer token
// from /auth/token, never a cookie: no answer carries Access-Control-Allow-Credentials, so a listed origin's page
// cannot ride on the portal's session (its cookies stay SameSite=Strict and same-site). Only /graphql and
// /auth/token answer; an origin not listed gets no CORS header at all, and its preflight the 405 every OPTIONS gets.

/** The methods each path takes from another origin. */
const corsPaths = new Map([
  ['/graphql', 'GET, POST'],
  ['/auth/token', 'POST'],
]);

/**
 * What a partner's script may send: the token, JSON, and the headers Apollo's CSRF prevention takes instead of a
 * JSON content type (a GET with a persisted query's hash); x-request-id so that a client's own id does not fail
 * the preflight (the gateway answers with its own).
 */
const allowedHeaders = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id';

/**
 * What a partner's script may read besides the safelisted response headers: when to retry a 429, the id to quote
 * when reporting an error, a 401's challenge (a new token or a new key), and the remaining budget (RateLimit-Limit,
 * -Remaining and -Reset, which the gateway sends, gateway/policy.ts; RateLimit and RateLimit-Policy, the IETF
 * draft's later form, so that a move to it needs no change here).
 */
const exposedHeaders = 'retry-after, x-request-id, www-authenticate, ratelimit, ratelimit-policy, ratelimit-limit, ratelimit-remaining, ratelimit-reset';

/**
 * How long a browser may keep a preflight's answer: 7200 s is Chromium's cap (Firefox takes up to 86400). An origin
 * taken off the list keeps passing preflights that long, but its actual requests lose their CORS headers at once.
 */
const preflightMaxAgeS = 7200;

/** CORS_ORIGINS: origins as a browser sends them (`https://app.partner.example`, a port if not the default), comma-separated. */
export function parseCorsOrigins(value: string | undefined): string[] {
  const origins: string[] = [];
  for (const entry of (value ?? '').split(',').map((s) => s.trim())) {
    if (!entry) continue;
    if (entry === '*') throw new ConfigError('CORS_ORIGINS must list origins (https://app.partner.example), not *: each partner app is allowed by name.');
    const url = URL.parse(entry);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash || url.pathname !== '/') {
      throw new ConfigError(
        `CORS_ORIGINS entry ${JSON.stringify(entry.slice(0, 100))} is not an origin: give scheme, host and port only, e.g. https://app.partner.example or http://localhost:5173.`,
      );
    }
    origins.push(url.origin);
  }
  return origins;
}

/** The gateway's CORS check (shared/http.ts HttpOptions.cors), or undefined without origins: then nothing is checked at all. */
export function corsCheck(origins: readonly string[]): CorsCheck | undefined {
  if (origins.length === 0) return undefined;
  const allowed = new Set(origins);
  return (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
    const methods = corsPaths.get(path);
    if (methods === undefined) return false;
    // Also without an Origin or with another one: a cache must not hand one origin's answer to another.
    res.setHeader('vary', 'origin');
    const origin = req.headers.origin;
    if (origin === undefined || !allowed.has(origin)) return false;
    res.setHeader('access-control-allow-origin', origin);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      res.setHeader('access-control-allow-methods', methods);
      res.setHeader('access-control-allow-headers', allowedHeaders);
      res.setHeader('access-control-max-age', String(preflightMaxAgeS));
      res.statusCode = 204;
      res.end();
      return true;
    }
    res.setHeader('access-control-expose-headers', exposedHeaders);
    return false;
  };
}
