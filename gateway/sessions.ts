import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SignJWT, type JWTPayload } from 'jose';
import { GraphQLError } from 'graphql';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { EnvReader } from '../shared/config.ts';
import { csrfTokenInvalid, httpError, rateLimited, unauthenticated } from '../shared/errors.ts';
import { jsonPostRoute, sendError, sendJson, type PlainRoute } from '../shared/http.ts';
import { anonymous, type Identity } from '../shared/identity.ts';
import { currentLog } from '../shared/observability.ts';
import { tokenMaxLifetimeS, type AuthConfig, type TokenVerifier, type Verifier } from './auth.ts';
import type { Policy } from './policy.ts';
import { clientAddressKey, type LimiterFactory } from './rate-limit.ts';
import { apiKeyGrant, askRegion, type RegionInternal } from './token-exchange.ts';

// Signing in to the portal:
//   POST /auth/login  {"email", "password"} or {"apiKey"}  → session cookie + CSRF cookie
//   POST /auth/logout                                        → both cookies cleared
//   GET  /auth/session                                       → who is signed in
// The gateway keeps no sessions and touches no database: region checks the password
// (subgraphs/region/accounts, through its signed internal API) and the gateway writes the
// answer into a token signed with its JWT key, the same kind of token a bearer token is,
// verified on every request by the same code (gateway/auth.ts) so the same policy applies.
// The token rides in an HttpOnly, SameSite=Strict cookie that scripts cannot read.
//
// CSRF: a cookie goes along with any request the browser makes, so a request signed in by
// the cookie that changes something (any method but GET and HEAD) must also carry the
// x-csrf-token header, equal to the readable irm_csrf cookie (double submit: another site
// can make the browser send cookies but cannot read them) and to the token's own csrf claim
// (so a cookie planted by a sibling subdomain does not match). Bearer tokens are not sent by
// the browser on its own and need no CSRF token.

/**
 * A working day: an account that is archived, or a password that is changed, leaves sessions
 * already issued valid until they expire, since the gateway checks no database per request.
 */
export const sessionSeconds = 8 * 3600;

export const csrfHeader = 'x-csrf-token';
const cookieNames = { session: 'irm_session', csrf: 'irm_csrf' } as const;
// With Secure the names carry the __Host- prefix: the browser then takes them only from this
// host, over https, for Path=/, so no subdomain can set or shadow them.
const securePrefix = '__Host-';

export interface LoginLimits {
  /** Attempts per e-mail address and minute, wherever they come from (LOGIN_ATTEMPTS_PER_EMAIL_PER_MINUTE). */
  perEmail: number;
  /** Attempts per client address and minute, whichever e-mail addresses they name (LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE). */
  perAddress: number;
}

// Five a minute per address is 7,200 guesses a day at one account: hopeless against a password of
// 12 characters or more (the accounts' rule), and a person who mistypes gets five tries before
// waiting 12 s. Twenty per client address lets an office behind one NAT sign in its staff at nine
// o'clock while one address cannot spread guesses over many accounts quickly.
export const defaultLoginLimits: LoginLimits = { perEmail: 5, perAddress: 20 };

export interface SessionOptions {
  loginLimits: LoginLimits;
  /** Secure cookies: always (SESSION_COOKIE_SECURE=1), never (=0), or undefined: under NODE_ENV=production and for requests a trusted proxy says came over https. */
  secureCookies: boolean | undefined;
}

export function sessionOptionsFromEnv(read: EnvReader): SessionOptions {
  const secure = read.optional('SESSION_COOKIE_SECURE');
  return {
    loginLimits: {
      perEmail: read.integer('LOGIN_ATTEMPTS_PER_EMAIL_PER_MINUTE', defaultLoginLimits.perEmail, 1),
      perAddress: read.integer('LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE', defaultLoginLimits.perAddress, 1),
    },
    secureCookies: secure === undefined ? undefined : read.flag('SESSION_COOKIE_SECURE'),
  };
}

/** Who sent a request: its bearer token, else its session cookie (with the CSRF check for writes), else anonymous. */
export type RequestVerifier = (req: IncomingMessage) => Promise<Identity>;

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return cookies;
}

const cookie = (cookies: Map<string, string>, name: string) => cookies.get(securePrefix + name) ?? cookies.get(name);

function sameText(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const safeMethods = new Set(['GET', 'HEAD']);

interface Session {
  identity: Identity;
  claims: JWTPayload;
}

/** The session the cookie holds, or undefined without one; a write without its CSRF token is refused (403), a bad or expired token too (401). */
async function sessionOf(req: IncomingMessage, verifyToken: TokenVerifier): Promise<Session | undefined> {
  const cookies = parseCookies(req.headers.cookie);
  const token = cookie(cookies, cookieNames.session);
  if (!token) return undefined;
  let session: Session;
  try {
    session = await verifyToken(token);
  } catch (error) {
    if (error instanceof GraphQLError) throw unauthenticated(`The session is not valid (${error.message}); sign in again.`);
    throw error;
  }
  if (typeof session.claims.csrf !== 'string') throw unauthenticated('The session cookie holds a token that was not issued as a session; sign in again.');
  if (!safeMethods.has(req.method ?? 'GET')) {
    const header = req.headers[csrfHeader];
    if (typeof header !== 'string' || header === '')
      throw csrfTokenInvalid(`A POST signed in by the session cookie needs the ${csrfHeader} header holding the value of the irm_csrf cookie.`);
    if (!sameText(header, cookie(cookies, cookieNames.csrf)) || !sameText(header, session.claims.csrf))
      throw csrfTokenInvalid(`The ${csrfHeader} header does not match this session's irm_csrf cookie; reload the page or sign in again.`);
  }
  return session;
}

export function createRequestVerifier(verify: Verifier, verifyToken: TokenVerifier): RequestVerifier {
  return async (req) => {
    if (req.headers.authorization) return verify(req.headers.authorization);
    return (await sessionOf(req, verifyToken))?.identity ?? anonymous;
  };
}

/** What /auth/login and /auth/session tell the portal about the person signed in. */
interface SessionView {
  signedIn: boolean;
  role: string;
  name?: string;
  email?: string;
  accountId?: string;
  network?: string;
  memberId?: string;
  /** When the session ends (ISO 8601). */
  expiresAt?: string;
}

function view(identity: Identity, claims: JWTPayload | undefined): SessionView {
  if (identity.role === 'anonymous') return { signedIn: false, role: 'anonymous' };
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    signedIn: true,
    role: identity.role,
    name: text(claims?.name) ?? identity.subject,
    email: text(claims?.email),
    accountId: identity.accountId,
    network: identity.network,
    memberId: identity.memberId,
    expiresAt: typeof claims?.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : undefined,
  };
}

/** The claims of a session token besides sub, iat and exp. */
interface Grant {
  subject: string;
  claims: Record<string, unknown>;
}

interface AccountGrant {
  accountId: string;
  role: string;
  subject: string;
  network: string | null;
  memberId: string | null;
  name: string;
  email: string;
}

const loginQuery = `query($email: String!, $password: String!) { accountLogin(email: $email, password: $password) { accountId role subject network memberId name email } }`;

// Region hashes at most four passwords at a time (libuv's worker threads, accounts/passwords.ts); a burst
// of logins queues there. Twenty at once, one address's whole minute, took over 5 s on the 2-core test
// machine under load, so a login waits longer than an API key check (5 s).
const loginTimeoutMs = 15_000;

const wrongCredentials = () => httpError('UNAUTHENTICATED', 'The e-mail address or the password is wrong.', { extensions: { field: 'password' } });

export interface SessionRoutesOptions extends RegionInternal, SessionOptions {
  auth: AuthConfig;
  production: boolean;
  limiters: LimiterFactory;
  trustedProxies: readonly string[];
}

/** POST /auth/login, POST /auth/logout and GET /auth/session. */
export function sessionRoutes(policy: Policy, verifyToken: TokenVerifier, options: SessionRoutesOptions): PlainRoute[] {
  const perEmail = options.limiters('login-email', { requestsPerMinute: options.loginLimits.perEmail, costPerMinute: 1 });
  const perAddress = options.limiters('login-address', { requestsPerMinute: options.loginLimits.perAddress, costPerMinute: 1 });
  const lifetime = Math.min(sessionSeconds, options.auth.maxLifetimeS ?? tokenMaxLifetimeS);
  const trusted = new Set(options.trustedProxies);

  /** Secure as configured; else under NODE_ENV=production, or when the TLS proxy in front (a trusted proxy) says the request came over https. */
  const secure = (req: IncomingMessage) => {
    if (options.secureCookies !== undefined) return options.secureCookies;
    const peer = req.socket.remoteAddress?.replace(/^::ffff:/, '');
    return options.production || (peer !== undefined && trusted.has(peer) && req.headers['x-forwarded-proto'] === 'https');
  };

  const setCookies = (req: IncomingMessage, res: ServerResponse, values: { session: string; csrf: string } | undefined, maxAge: number) => {
    const isSecure = secure(req);
    const prefix = isSecure ? securePrefix : '';
    const attributes = `Path=/; SameSite=Strict; Max-Age=${maxAge}${isSecure ? '; Secure' : ''}`;
    res.setHeader('set-cookie', [
      `${prefix}${cookieNames.session}=${values?.session ?? ''}; HttpOnly; ${attributes}`,
      // Readable by the portal's scripts, which send it back in the x-csrf-token header.
      `${prefix}${cookieNames.csrf}=${values?.csrf ?? ''}; ${attributes}`,
    ]);
  };

  /** Sets the cookies of a new session on `res` and returns what the answer says of it. */
  const issue = async (req: IncomingMessage, res: ServerResponse, grant: Grant) => {
    const csrf = randomBytes(32).toString('base64url');
    let jwt = new SignJWT({ ...grant.claims, csrf })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(grant.subject)
      .setIssuedAt()
      .setExpirationTime(`${lifetime}s`);
    if (options.auth.issuer) jwt = jwt.setIssuer(options.auth.issuer);
    if (options.auth.audience) jwt = jwt.setAudience(options.auth.audience);
    const token = await jwt.sign(new TextEncoder().encode(options.auth.secret));
    const { identity, claims } = await verifyToken(token);
    setCookies(req, res, { session: token, csrf }, lifetime);
    return { ...view(identity, claims), csrfToken: csrf };
  };

  /** The grant for an e-mail address and password, after the limits; null when they are wrong. */
  const accountGrant = async (req: IncomingMessage, email: string, password: string): Promise<Grant | null | GraphQLError> => {
    const address = clientAddressKey(policy.caller(anonymous, req).address);
    // The address first: a flood from one address is refused without using up the e-mail address's attempts for its owner.
    const retry = (await perAddress.take(address, 0)) || (await perEmail.take(email.trim().toLowerCase(), 0));
    if (retry > 0)
      return rateLimited(
        `Too many sign-in attempts (${options.loginLimits.perEmail} per minute per e-mail address, ${options.loginLimits.perAddress} per client address); retry in ${retry} s.`,
        retry,
      );
    let found: AccountGrant | null;
    try {
      found = (await askRegion<{ accountLogin: AccountGrant | null }>(options, loginQuery, { email, password }, loginTimeoutMs)).accountLogin;
    } catch (error) {
      currentLog().error({ err: error }, 'login check failed');
      return httpError('INTERNAL_SERVER_ERROR', 'Sign-in cannot be checked right now; try again shortly.', { status: 503 });
    }
    if (!found) return null;
    const { subject, ...rest } = found;
    const claims = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== null));
    return { subject, claims };
  };

  const keyGrant = async (req: IncomingMessage, apiKey: string): Promise<Grant | null | GraphQLError> => {
    const caller = policy.caller(anonymous, req);
    try {
      await policy.admitTokenRequest(caller);
      const grant = await apiKeyGrant(options, apiKey);
      if (!grant) {
        await policy.tokenFailed(caller);
        return null;
      }
      return { subject: grant.partner, claims: { role: 'partner', safelist: grant.safelist, keyId: grant.keyId, name: grant.partner } };
    } catch (error) {
      if (error instanceof GraphQLError) return error;
      currentLog().error({ err: error }, 'API key check failed');
      return httpError('INTERNAL_SERVER_ERROR', 'API keys cannot be checked right now; try again shortly.', { status: 503 });
    }
  };

  const login: PlainRoute = {
    path: '/auth/login',
    async handle(req, res, url) {
      // Built per request: a session's answer sets its cookies on this request's response.
      const route = jsonPostRoute(url.pathname, async (body) => {
        const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
        if (!options.auth.secret)
          return httpError(ApolloServerErrorCode.BAD_REQUEST, 'This gateway accepts tokens of an identity provider (JWKS_URL) and signs no sessions.', {
            status: 501,
          });
        let grant: Grant | null | GraphQLError;
        if (typeof fields.apiKey === 'string' && fields.apiKey.length <= 200) {
          grant = await keyGrant(req, fields.apiKey);
          if (grant === null) return httpError('UNAUTHENTICATED', 'The API key is unknown or revoked.', { extensions: { field: 'apiKey' } });
        } else {
          const { email, password } = fields;
          if (typeof email !== 'string' || email.trim() === '' || email.length > 254)
            return httpError('BAD_USER_INPUT', 'Send {"email": "...", "password": "..."}: email is missing or longer than 254 characters.', {
              extensions: { field: 'email' },
            });
          if (typeof password !== 'string' || password === '' || password.length > 1024)
            return httpError('BAD_USER_INPUT', 'Send {"email": "...", "password": "..."}: password is missing or longer than 1024 characters.', {
              extensions: { field: 'password' },
            });
          grant = await accountGrant(req, email, password);
          if (grant === null) return wrongCredentials();
        }
        if (grant instanceof GraphQLError) return grant;
        return { body: await issue(req, res, grant) };
      });
      await route.handle(req, res, url);
    },
  };

  return [
    login,
    {
      path: '/auth/logout',
      async handle(req, res) {
        if (req.method !== 'POST') return sendError(res, httpError(ApolloServerErrorCode.BAD_REQUEST, '/auth/logout takes a POST.', { status: 405 }));
        try {
          // Only the page that holds the CSRF token may sign its user out; a session that is no longer valid is cleared all the same.
          await sessionOf(req, verifyToken);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          if (error.extensions.code === 'CSRF_TOKEN_INVALID') return sendError(res, error);
        }
        setCookies(req, res, undefined, 0);
        sendJson(res, 200, { signedIn: false, role: 'anonymous' });
      },
    },
    {
      path: '/auth/session',
      async handle(req, res) {
        if (req.method !== 'GET') return sendError(res, httpError(ApolloServerErrorCode.BAD_REQUEST, '/auth/session takes a GET.', { status: 405 }));
        try {
          if (req.headers.authorization) {
            const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization);
            if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
            const { identity, claims } = await verifyToken(match[1]);
            return sendJson(res, 200, view(identity, claims));
          }
          const session = await sessionOf(req, verifyToken);
          sendJson(res, 200, view(session?.identity ?? anonymous, session?.claims));
        } catch (error) {
          if (error instanceof GraphQLError) return sendError(res, error);
          throw error;
        }
      },
    },
  ];
}
