import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { decodeJwt, jwtVerify, SignJWT, type JWTPayload } from 'jose';
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
import { apiKeyGrant, askRegion, keyExample, regionUnavailable, signInField, type RegionInternal } from './token-exchange.ts';

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
// Renewal: the token lives only sessionRenewalSeconds (10 minutes); the session itself lasts the working
// day from its sign-in (auth_time + 8 h). The first request after the token expired asks region once whether
// the account is still active and its password unchanged (AccountGrant.generation), or the API key not
// revoked, and gets a new token in a new cookie on its own answer (withSessionRenewal, before any route
// sees the request); every request in between is checked by signature alone, as before. So archiving an
// account, changing its password or revoking the key ends its sessions within one renewal window, without
// a database call per request. The CSRF token stays the session's for the whole day.
//
// Signing out (POST /auth/logout) clears the cookies and ends the session itself, so that a copy of its cookie
// (another tab's, or one taken from the machine) does not go on working until the day's end: the gateway refuses
// it at once (SignedOutSessions, in memory until the session's end) and tells region (endSession), which refuses
// its next renewal, so on another replica of the gateway it works at most until its token expires, as an
// archived account's does. A session's id is the SHA-256 of its CSRF token, random per sign-in and kept through
// renewals, so sessions issued before ids existed have one too.
//
// CSRF: a cookie goes along with any request the browser makes, so a request signed in by
// the cookie that changes something (any method but GET and HEAD) must also carry the
// x-csrf-token header, equal to the readable irm_csrf cookie (double submit: another site
// can make the browser send cookies but cannot read them) and to the token's own csrf claim
// (so a cookie planted by a sibling subdomain does not match). Bearer tokens are not sent by
// the browser on its own and need no CSRF token.

/** A working day: the longest a session lasts from its sign-in, however often its token was renewed. */
export const sessionSeconds = 8 * 3600;

/**
 * How long one session token is good for before region is asked again (SESSION_RENEWAL_S). Ten minutes is how
 * long an archived account, a changed password or a revoked key can still be used by a session open elsewhere;
 * it costs region one lookup by primary key per signed-in person and 10 minutes (48 in a working day; 300
 * people signed in at once are one lookup every 2 s), where checking every request would cost one per request.
 */
export const defaultSessionRenewalSeconds = 10 * 60;

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
  /** How long a session token lives before it is renewed after asking region (SESSION_RENEWAL_S). */
  renewalSeconds: number;
}

export const defaultSessionOptions: SessionOptions = {
  loginLimits: defaultLoginLimits,
  secureCookies: undefined,
  renewalSeconds: defaultSessionRenewalSeconds,
};

export function sessionOptionsFromEnv(read: EnvReader): SessionOptions {
  const secure = read.optional('SESSION_COOKIE_SECURE');
  return {
    loginLimits: {
      perEmail: read.integer('LOGIN_ATTEMPTS_PER_EMAIL_PER_MINUTE', defaultLoginLimits.perEmail, 1),
      perAddress: read.integer('LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE', defaultLoginLimits.perAddress, 1),
    },
    secureCookies: secure === undefined ? undefined : read.flag('SESSION_COOKIE_SECURE'),
    renewalSeconds: read.integer('SESSION_RENEWAL_S', defaultSessionRenewalSeconds, 1),
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

/** A session's id, for signing it out: the SHA-256 of its CSRF token (hex), never the token itself. */
export const sessionIdOf = (csrf: string) => createHash('sha256').update(csrf).digest('hex');

const signedOutError = () => unauthenticated('This session was signed out; sign in again.', { tokenSent: true });

/** The csrf claim of a token, unverified; '' when it has none. */
function csrfClaim(token: string): string {
  try {
    const { csrf } = decodeJwt(token);
    return typeof csrf === 'string' ? csrf : '';
  } catch {
    return '';
  }
}

/**
 * Sessions signed out at this gateway, refused until their end (the `ends` claim, at most a working day). A
 * few hundred sign-outs a day are a few hundred entries; each sign-out drops those past their end.
 */
export class SignedOutSessions {
  private readonly ends = new Map<string, { ends: number; recorded: boolean }>();

  /** `recorded`: region knows too, so signing the session out again need not tell it again. */
  add(id: string, ends: number, recorded: boolean): void {
    const now = Date.now() / 1000;
    for (const [other, entry] of this.ends) if (entry.ends <= now) this.ends.delete(other);
    this.ends.set(id, { ends, recorded });
  }

  recorded(id: string): boolean {
    return this.has(id) && this.ends.get(id)!.recorded;
  }

  /** Whether the token is a session token of a session signed out here: its csrf claim read unverified, so only for a token already verified, or to clear cookies. */
  holds(token: string): boolean {
    return this.ends.size > 0 && this.holdsCsrf(csrfClaim(token));
  }

  /** Whether the session of this CSRF token was signed out here; nothing is hashed on a request while none was. */
  holdsCsrf(csrf: string): boolean {
    return this.ends.size > 0 && this.has(sessionIdOf(csrf));
  }

  has(id: string): boolean {
    return (this.ends.get(id)?.ends ?? 0) > Date.now() / 1000;
  }
}

/** The CSRF check of a write signed in by the cookie: the header, the irm_csrf cookie and the token's claim agree. */
function checkCsrf(req: IncomingMessage, cookies: Map<string, string>, claimed: string): void {
  if (safeMethods.has(req.method ?? 'GET')) return;
  const header = req.headers[csrfHeader];
  if (typeof header !== 'string' || header === '')
    throw csrfTokenInvalid(`A POST signed in by the session cookie needs the ${csrfHeader} header holding the value of the irm_csrf cookie.`);
  if (!sameText(header, cookie(cookies, cookieNames.csrf)) || !sameText(header, claimed))
    throw csrfTokenInvalid(`The ${csrfHeader} header does not match this session's irm_csrf cookie; reload the page or sign in again.`);
}

/** Requests whose session came up for renewal and was refused (ended) or could not be renewed (region unreachable). */
const notRenewed = new WeakMap<IncomingMessage, GraphQLError>();

interface Session {
  identity: Identity;
  claims: JWTPayload;
}

/** The session the cookie holds, or undefined without one; a write without its CSRF token is refused (403), a bad or expired token too (401). */
async function sessionOf(req: IncomingMessage, verifyToken: TokenVerifier, signedOut: SignedOutSessions): Promise<Session | undefined> {
  const cookies = parseCookies(req.headers.cookie);
  const token = cookie(cookies, cookieNames.session);
  if (!token) return undefined;
  const refused = notRenewed.get(req);
  if (refused) throw refused;
  let session: Session;
  try {
    session = await verifyToken(token);
  } catch (error) {
    if (error instanceof GraphQLError) throw unauthenticated(`The session is not valid (${error.message}); sign in again.`, { tokenSent: true });
    throw error;
  }
  if (typeof session.claims.csrf !== 'string')
    throw unauthenticated('The session cookie holds a token that was not issued as a session; sign in again.', { tokenSent: true });
  if (signedOut.holdsCsrf(session.claims.csrf)) throw signedOutError();
  checkCsrf(req, cookies, session.claims.csrf);
  return session;
}

export function createRequestVerifier(verify: Verifier, verifyToken: TokenVerifier, signedOut: SignedOutSessions): RequestVerifier {
  return async (req) => {
    if (req.headers.authorization) {
      const identity = await verify(req.headers.authorization);
      // A session token taken from its cookie and sent as a bearer token is refused once signed out, too.
      if (signedOut.holds(req.headers.authorization.replace(/^Bearer\s+/i, ''))) throw signedOutError();
      return identity;
    }
    return (await sessionOf(req, verifyToken, signedOut))?.identity ?? anonymous;
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
  /** When the session ends, the working day after its sign-in (ISO 8601). */
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
    expiresAt: typeof claims?.ends === 'number' ? new Date(claims.ends * 1000).toISOString() : undefined,
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
  generation: string;
  /** Signed in with a one-time password: the session may only change it (gateway/password-change.ts). */
  mustChangePassword: boolean;
}

interface KeyGrant {
  keyId: string;
  partner: string;
  safelist: boolean;
}

// Named, so region's metrics count each kind of call (http_requests_total{operation}).
const grantFields = 'accountId role subject network memberId name email generation mustChangePassword';
const loginQuery = `query AccountLogin($email: String!, $password: String!) { accountLogin(email: $email, password: $password) { ${grantFields} } }`;
const accountSessionQuery = `query AccountSession($accountId: ID!, $generation: String!, $session: ID!) {
  accountSession(accountId: $accountId, generation: $generation, session: $session) { ${grantFields} }
}`;
const keySessionQuery = `query ApiKeySession($keyId: ID!, $session: ID!) { apiKeySession(keyId: $keyId, session: $session) { keyId partner safelist } }`;
const endSessionMutation = `mutation EndSession($session: ID!, $endsAt: String!) { endSession(session: $session, endsAt: $endsAt) }`;

const accountClaims = ({ subject, ...rest }: AccountGrant): Grant => ({
  subject,
  // mustChangePassword only where true: every other token stays as it was.
  claims: Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== null && value !== false)),
});
const keyClaims = (grant: KeyGrant): Grant => ({
  subject: grant.partner,
  claims: { role: 'partner', safelist: grant.safelist, keyId: grant.keyId, name: grant.partner },
});

/** The routes the session cookie is read on (the portal's static files are not): renewal runs for these. */
const sessionPaths = /^\/(graphql|auth\/session|export|attachments|calendar)(\/|$)/;

/** Renews the request's session token when it is due (see the top of this file); sets the new cookie on `res`. */
export type SessionRenewal = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Runs `renew` before the server's own handlers see a request, so they see the renewed session. */
export function withSessionRenewal(server: Server, renew: SessionRenewal): Server {
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const renewed = sessionPaths.test(path) ? renew(req, res) : Promise.resolve();
    renewed.then(
      () => {
        for (const handler of handlers) handler.call(server, req, res);
      },
      (error) => {
        currentLog().error({ err: error }, 'session renewal failed');
        sendError(res, httpError('INTERNAL_SERVER_ERROR', 'Internal server error'));
      },
    );
  });
  return server;
}

// Region hashes at most four passwords at a time (libuv's worker threads, accounts/passwords.ts); a burst
// of logins queues there. Twenty at once, one address's whole minute, took over 5 s on the 2-core test
// machine under load, so a login waits longer than an API key check (5 s).
const loginTimeoutMs = 15_000;

const wrongCredentials = () => unauthenticated('The e-mail address or the password is wrong.', { extensions: { field: 'password' } });

export interface SessionRoutesOptions extends RegionInternal, SessionOptions {
  auth: AuthConfig;
  signedOut: SignedOutSessions;
  production: boolean;
  limiters: LimiterFactory;
  trustedProxies: readonly string[];
}

/** POST /auth/login, POST /auth/logout and GET /auth/session, and the renewal of the sessions they issue. */
export function portalSessions(policy: Policy, verifyToken: TokenVerifier, options: SessionRoutesOptions): { routes: PlainRoute[]; renew: SessionRenewal } {
  const perEmail = options.limiters('login-email', { requestsPerMinute: options.loginLimits.perEmail, costPerMinute: 1 });
  const perAddress = options.limiters('login-address', { requestsPerMinute: options.loginLimits.perAddress, costPerMinute: 1 });
  const lifetime = Math.min(sessionSeconds, options.auth.maxLifetimeS ?? tokenMaxLifetimeS);
  const renewalSeconds = Math.min(options.renewalSeconds, lifetime);
  // A token is renewed a little before it expires, so that one found valid here has not expired by the time the
  // route verifies it (a request's body is read in between): a quarter of the window, at most 30 s. Without it,
  // a request a few milliseconds before the expiry was refused as expired (seen in session-renewal.e2e).
  const marginSeconds = Math.min(30, renewalSeconds / 4);
  const trusted = new Set(options.trustedProxies);
  const key = options.auth.secret ? new TextEncoder().encode(options.auth.secret) : undefined;

  /** Secure as configured; else under NODE_ENV=production, or when the TLS proxy in front (a trusted proxy) says the request came over https. */
  const secure = (req: IncomingMessage) => {
    if (options.secureCookies !== undefined) return options.secureCookies;
    const peer = req.socket.remoteAddress?.replace(/^::ffff:/, '');
    return options.production || (peer !== undefined && trusted.has(peer) && req.headers['x-forwarded-proto'] === 'https');
  };

  const cookieHeader = (req: IncomingMessage, name: string, value: string, maxAge: number, httpOnly: boolean) => {
    const isSecure = secure(req);
    return `${isSecure ? securePrefix : ''}${name}=${value};${httpOnly ? ' HttpOnly;' : ''} Path=/; SameSite=Strict; Max-Age=${maxAge}${isSecure ? '; Secure' : ''}`;
  };

  const setCookies = (req: IncomingMessage, res: ServerResponse, values: { session: string; csrf: string } | undefined, maxAge: number) => {
    res.setHeader('set-cookie', [
      cookieHeader(req, cookieNames.session, values?.session ?? '', maxAge, true),
      // Readable by the portal's scripts, which send it back in the x-csrf-token header.
      cookieHeader(req, cookieNames.csrf, values?.csrf ?? '', maxAge, false),
    ]);
  };

  /** A renewed token: the CSRF cookie stays as it is. */
  const setSessionCookie = (req: IncomingMessage, res: ServerResponse, token: string, maxAge: number) => {
    res.setHeader('set-cookie', cookieHeader(req, cookieNames.session, token, maxAge, true));
  };

  /**
   * A session token for `grant`: the session's CSRF token, its sign-in time (auth_time) and end (ends, the
   * working day after it), valid until the next renewal or the end, whichever comes first.
   */
  const sign = async (grant: Grant, csrf: string, authTime: number) => {
    const ends = authTime + lifetime;
    let jwt = new SignJWT({ ...grant.claims, csrf, auth_time: authTime, ends })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(grant.subject)
      .setIssuedAt()
      .setExpirationTime(Math.min(Math.floor(Date.now() / 1000) + renewalSeconds, ends));
    if (options.auth.issuer) jwt = jwt.setIssuer(options.auth.issuer);
    if (options.auth.audience) jwt = jwt.setAudience(options.auth.audience);
    return { token: await jwt.sign(key!), ends };
  };

  /** Sets the cookies of a new session on `res` and returns what the answer says of it. */
  const issue = async (req: IncomingMessage, res: ServerResponse, grant: Grant) => {
    const csrf = randomBytes(32).toString('base64url');
    const { token } = await sign(grant, csrf, Math.floor(Date.now() / 1000));
    const { identity, claims } = await verifyToken(token);
    // The cookies last the working day, beyond the token's renewal time, so an expired token comes back to be renewed.
    setCookies(req, res, { session: token, csrf }, lifetime);
    return { ...view(identity, claims), csrfToken: csrf };
  };

  /**
   * The claims of a session token this gateway signed whose session has not reached its end, expired or not;
   * undefined for anything else. `due`: only a token about to expire or expired, which renewal replaces.
   */
  const sessionClaims = async (token: string, due: boolean): Promise<JWTPayload | undefined> => {
    let exp: unknown;
    try {
      ({ exp } = decodeJwt(token));
    } catch {
      return undefined;
    }
    const now = Date.now() / 1000;
    if (!key || typeof exp !== 'number' || (due && exp > now + marginSeconds)) return undefined;
    let claims: JWTPayload;
    try {
      // Signature, issuer and audience as the verifier checks them, at a moment the token was still valid.
      ({ payload: claims } = await jwtVerify(token, key, {
        issuer: options.auth.issuer,
        audience: options.auth.audience,
        algorithms: ['HS256'],
        currentDate: new Date(Math.min(now, exp - 1) * 1000),
      }));
    } catch {
      return undefined;
    }
    const { csrf, auth_time: authTime, ends } = claims;
    if (typeof csrf !== 'string' || typeof authTime !== 'number' || typeof ends !== 'number' || now >= ends) return undefined;
    return claims;
  };

  type Renewal = { token: string; ends: number } | { refused: GraphQLError; ended: boolean };

  /** Asks region whether the session may go on, and signs its next token if so. */
  const renewal = async (claims: JWTPayload): Promise<Renewal> => {
    let grant: Grant | null = null;
    const session = sessionIdOf(claims.csrf as string);
    try {
      if (typeof claims.keyId === 'string') {
        const found = (await askRegion<{ apiKeySession: KeyGrant | null }>(options, keySessionQuery, { keyId: claims.keyId, session })).apiKeySession;
        grant = found && keyClaims(found);
      } else if (typeof claims.accountId === 'string' && typeof claims.generation === 'string') {
        const variables = { accountId: claims.accountId, generation: claims.generation, session };
        const found = (await askRegion<{ accountSession: AccountGrant | null }>(options, accountSessionQuery, variables)).accountSession;
        grant = found && accountClaims(found);
      }
    } catch (error) {
      currentLog().error({ err: error }, 'session renewal check failed');
      return { refused: regionUnavailable('The session cannot be renewed right now; try again shortly.'), ended: false };
    }
    if (!grant)
      return {
        refused: unauthenticated(
          'The session has ended: it was signed out, the account archived, its password changed or the API key revoked since sign-in; sign in again.',
          { tokenSent: true },
        ),
        ended: true,
      };
    return sign(grant, claims.csrf as string, claims.auth_time as number);
  };

  /** Refuses the session here at once and has region refuse its renewal; without region, this gateway still refuses it. */
  const endSession = async (claims: JWTPayload) => {
    const session = sessionIdOf(claims.csrf as string);
    // Signing out again (a second tab, a repeated click) asks region nothing once it has the record.
    if (options.signedOut.recorded(session)) return;
    const ends = claims.ends as number;
    options.signedOut.add(session, ends, false);
    try {
      await askRegion(options, endSessionMutation, { session, endsAt: new Date(ends * 1000).toISOString() });
      options.signedOut.add(session, ends, true);
    } catch (error) {
      currentLog().error({ err: error }, 'sign-out not recorded by region: this gateway refuses the session, another replica renews it until its end');
    }
  };

  // Requests the browser sends at once with the same expired token share one question to region.
  const pending = new Map<string, Promise<Renewal>>();

  const renew: SessionRenewal = async (req, res) => {
    if (req.headers.authorization) return;
    const token = cookie(parseCookies(req.headers.cookie), cookieNames.session);
    if (!token) return;
    // A session signed out here is refused and its cookies cleared, so the browser that still holds them (a
    // copy, another tab) is anonymous from its next request on, also on public pages. Its claims are read
    // unverified: a forged token naming a signed-out session's id loses nothing but cookies.
    if (options.signedOut.holds(token)) {
      notRenewed.set(req, signedOutError());
      setCookies(req, res, undefined, 0);
      return;
    }
    const claims = await sessionClaims(token, true);
    if (!claims) return;
    let answer = pending.get(token);
    if (!answer) {
      answer = renewal(claims).finally(() => pending.delete(token));
      pending.set(token, answer);
    }
    let renewed = await answer;
    // Signed out while region was being asked: the answer must not hand the browser a new cookie.
    if (options.signedOut.holdsCsrf(claims.csrf as string)) renewed = { refused: signedOutError(), ended: true };
    if ('refused' in renewed) {
      notRenewed.set(req, renewed.refused);
      if (renewed.ended) setCookies(req, res, undefined, 0);
      return;
    }
    // The routes behind read the new token; the browser keeps it for the rest of the working day.
    req.headers.cookie = req.headers.cookie!.replace(token, renewed.token);
    setSessionCookie(req, res, renewed.token, renewed.ends - Math.floor(Date.now() / 1000));
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
      return regionUnavailable('Sign-in cannot be checked right now; try again shortly.');
    }
    return found && accountClaims(found);
  };

  /** The grant for an API key under the key's limits, as /auth/token checks it (Policy.checkKey); null when it is wrong. */
  const keyGrant = async (req: IncomingMessage, apiKey: string): Promise<Grant | null | GraphQLError> => {
    let grant: KeyGrant | null | GraphQLError;
    try {
      grant = await policy.checkKey(policy.caller(anonymous, req), apiKey, () => apiKeyGrant(options, apiKey));
    } catch (error) {
      currentLog().error({ err: error }, 'API key check failed');
      return regionUnavailable('API keys cannot be checked right now; try again shortly.');
    }
    return grant instanceof GraphQLError || grant === null ? grant : keyClaims(grant);
  };

  const login: PlainRoute = {
    path: '/auth/login',
    async handle(req, res, url) {
      // The answer holds the session's CSRF token: no cache on the way may keep it.
      res.setHeader('cache-control', 'no-store');
      // Built per request: a session's answer sets its cookies on this request's response.
      const route = jsonPostRoute(url.pathname, async (body) => {
        const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
        if (!options.auth.secret)
          return httpError(ApolloServerErrorCode.BAD_REQUEST, 'This gateway accepts tokens of an identity provider (JWKS_URL) and signs no sessions.', {
            status: 501,
          });
        let grant: Grant | null | GraphQLError;
        if ('apiKey' in fields) {
          const apiKey = signInField(fields, 'apiKey', 200, keyExample);
          if (apiKey instanceof GraphQLError) return apiKey;
          grant = await keyGrant(req, apiKey);
          if (grant === null) return unauthenticated('The API key is unknown or revoked.', { extensions: { field: 'apiKey' } });
        } else {
          const credentials = '{"email": "...", "password": "..."}';
          const email = signInField(fields, 'email', 254, credentials);
          if (email instanceof GraphQLError) return email;
          const password = signInField(fields, 'password', 1024, credentials);
          if (password instanceof GraphQLError) return password;
          grant = await accountGrant(req, email, password);
          if (grant === null) return wrongCredentials();
        }
        if (grant instanceof GraphQLError) return grant;
        return { body: await issue(req, res, grant) };
      });
      await route.handle(req, res, url);
    },
  };

  const routes: PlainRoute[] = [
    login,
    {
      path: '/auth/logout',
      async handle(req, res) {
        if (req.method !== 'POST') return sendError(res, httpError(ApolloServerErrorCode.BAD_REQUEST, '/auth/logout takes a POST.', { status: 405 }));
        // A token past its renewal is signed out too (the /auth/ paths but /auth/session are not renewed, and a
        // person idle for ten minutes signs out with one); a cookie that holds no session of ours is cleared all the same.
        const cookies = parseCookies(req.headers.cookie);
        const token = cookie(cookies, cookieNames.session);
        const claims = token ? await sessionClaims(token, false) : undefined;
        if (claims) {
          // Only the page that holds the CSRF token may sign its user out.
          try {
            checkCsrf(req, cookies, claims.csrf as string);
          } catch (error) {
            return sendError(res, error as GraphQLError);
          }
          await endSession(claims);
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
            if (options.signedOut.holds(match[1])) throw signedOutError();
            return sendJson(res, 200, view(identity, claims));
          }
          const session = await sessionOf(req, verifyToken, options.signedOut);
          sendJson(res, 200, view(session?.identity ?? anonymous, session?.claims));
        } catch (error) {
          if (error instanceof GraphQLError) return sendError(res, error);
          throw error;
        }
      },
    },
  ];
  return { routes, renew };
}
