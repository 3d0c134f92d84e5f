import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMember } from './support/members.ts';
import { ok, startStack, type GraphQLResponse, type Stack } from './support/stack.ts';
import { createAccount, parseSetCookie, postJson, type SignInAnswer } from './support/sessions.ts';
import { until } from './support/wait.ts';

// Portal sessions are renewed (gateway/sessions.ts): a session token lives SESSION_RENEWAL_S, here 2 s instead
// of 10 minutes so the tests see several renewals; the first request after it expired asks region whether the
// account is still active and its password unchanged (or the API key not revoked) and gets a new token in a new
// cookie. An archived account, a changed password or a revoked key ends the session at that renewal. Region's
// answers are counted in its own metrics (http_requests_total of /internal/graphql by operation).

const renewalSeconds = 2;
const password = 'Werra-Meissner-2026';

let stack: Stack;
let base: string;
const tokens: Record<string, string> = {};
let memberId: string;

/** Region's answers to the gateway's renewal questions of one kind so far. */
async function regionChecks(operation: 'AccountSession' | 'ApiKeySession' | 'EndSession') {
  const metric = await stack.region.observability.metrics.registry.getSingleMetric('http_requests_total')!.get();
  return metric.values.filter((v) => v.labels.route === '/internal/graphql' && v.labels.operation === operation).reduce((sum, v) => sum + v.value, 0);
}

/** One browser with a portal session: sends its cookies, keeps each cookie the gateway sets, counts the renewed ones. */
class Browser {
  readonly cookies = new Map<string, string>();
  readonly csrf: string;
  renewals = 0;
  requests = 0;
  /** The Set-Cookie headers of the last answer. */
  lastSetCookies: string[] = [];

  constructor(signIn: SignInAnswer | Browser) {
    if (signIn instanceof Browser) {
      // A copy of another browser's cookies, as taken from its machine.
      for (const [name, value] of signIn.cookies) this.cookies.set(name, value);
      this.csrf = signIn.csrf;
      return;
    }
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    for (const c of signIn.cookies) this.cookies.set(c.name, c.value);
    this.csrf = signIn.csrf!;
  }

  get cookie() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keep(response: Response) {
    this.requests++;
    this.lastSetCookies = response.headers.getSetCookie();
    for (const c of this.lastSetCookies.map(parseSetCookie)) {
      if (c.name === 'irm_session' && c.value !== '') {
        this.renewals++;
        expect(c.attributes.has('httponly')).toBe(true);
      }
      if (c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  /** A GraphQL POST as the portal sends it, with the session's CSRF token. */
  async graphql(query: string, variables: Record<string, unknown> = {}, at = base): Promise<GraphQLResponse> {
    const response = await fetch(`${at}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf },
      body: JSON.stringify({ query, variables }),
    });
    this.keep(response);
    return { status: response.status, ...((await response.json()) as object) };
  }

  async signOut() {
    return postJson(`${base}/auth/logout`, {}, { cookie: this.cookie, 'x-csrf-token': this.csrf });
  }

  /** When the session token expires (s since the epoch), after which the next request renews it. */
  get tokenExpires(): number {
    return JSON.parse(Buffer.from(this.cookies.get('irm_session')!.split('.')[1], 'base64url').toString()).exp;
  }

  async session() {
    const response = await fetch(`${base}/auth/session`, { headers: { cookie: this.cookie } });
    this.keep(response);
    return { status: response.status, body: (await response.json()) as any };
  }
}

const signIn = async (body: Record<string, unknown>) => new Browser(await postJson(`${base}/auth/login`, body));
const code = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

/** Asks `{ myAccount }` until the session is refused, and returns that answer; every answer before it succeeded. */
async function untilRefused(browser: Browser, query = '{ myAccount { email } }', at = base) {
  let refused: GraphQLResponse | undefined;
  await until(async () => {
    const answer = await browser.graphql(query, {}, at);
    if (answer.errors) refused = answer;
    else expect(answer.status).toBe(200);
    return refused !== undefined;
  }, 'the session is refused');
  return refused!;
}

/** Holds the next request to region's internal API until `release`; `arrived` resolves once it has come. */
let holdNextRegionCall: { arrived: () => void; release: Promise<void> } | undefined;

beforeAll(async () => {
  stack = await startStack({ sessionRenewalSeconds: renewalSeconds });
  const server = stack.region.http;
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', async (req: IncomingMessage, res: ServerResponse) => {
    const hold = req.url?.startsWith('/internal/graphql') ? holdNextRegionCall : undefined;
    if (hold) {
      holdNextRegionCall = undefined;
      hold.arrived();
      await hold.release;
    }
    for (const handler of handlers) handler.call(server, req, res);
  });
  base = stack.gatewayUrl.replace(/\/graphql$/, '');
  tokens.admin = await stack.token({ role: 'admin', sub: 'admin' });
  tokens.niwe = await stack.token({ role: 'office', network: 'NIWE' });
  const input = { name: 'Fräserei Eschwege GmbH', postalCode: '37269', city: 'Eschwege', processes: ['3.2.3'] };
  memberId = (await createMember(stack, tokens.admin, 'NIWE', input)).id;
  const query = (body: { query: string; variables?: Record<string, unknown> }, token?: string) => stack.query(body.query, body.variables, token);
  for (const [email, name] of [
    ['aktiv@niwe.example', 'Aktiv'],
    ['archiviert@niwe.example', 'Archiviert'],
    ['abmelden@niwe.example', 'Abmelden'],
    ['wechsel@niwe.example', 'Wechsel'],
  ])
    await createAccount({ query }, tokens.niwe, { email, name, password, kind: 'MEMBER', memberId });
});
afterAll(async () => {
  await stack?.stop();
});

describe('session renewal', () => {
  test("an active account's session is renewed and keeps working; requests within a token's life ask region nothing", async () => {
    const browser = await signIn({ email: 'aktiv@niwe.example', password });
    const checksBefore = await regionChecks('AccountSession');
    const first = browser.cookies.get('irm_session');
    await until(async () => {
      expect((await ok(browser.graphql('{ myAccount { email } }'))).myAccount.email).toBe('aktiv@niwe.example');
      return browser.renewals >= 2;
    }, 'the session was renewed twice');
    // One question to region per renewal, none for the requests in between.
    expect(await regionChecks('AccountSession')).toBe(checksBefore + browser.renewals);
    expect(browser.requests).toBeGreaterThan(browser.renewals);
    expect(browser.cookies.get('irm_session')).not.toBe(first);

    // The session still ends a working day after its sign-in, and writes still take the CSRF token of the sign-in.
    const who = await browser.session();
    expect(who.body).toMatchObject({ signedIn: true, email: 'aktiv@niwe.example', memberId });
    expect(Date.parse(who.body.expiresAt) - Date.now()).toBeGreaterThan(7.9 * 3600 * 1000);
    const write = await browser.graphql(`mutation { changePassword(currentPassword: "falsches-passwort-1", newPassword: "Ganz-neues-Passwort-1") { id } }`);
    expect(write.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });

    // Sign-out works with a token that is due for renewal, too.
    const renewalsBefore = browser.renewals;
    await until(async () => {
      await browser.graphql('{ myAccount { email } }');
      return browser.renewals > renewalsBefore;
    }, 'the session was renewed once more');
    const out = await postJson(`${base}/auth/logout`, {}, { cookie: browser.cookie, 'x-csrf-token': browser.csrf });
    expect(out.status).toBe(200);
    expect(out.cookies.map((c) => [c.name, c.value])).toEqual([
      ['irm_session', ''],
      ['irm_csrf', ''],
    ]);
  });

  test("an archived account's session ends at its next renewal: UNAUTHENTICATED and its cookies cleared", async () => {
    const browser = await signIn({ email: 'archiviert@niwe.example', password });
    const id = (await ok(browser.graphql('{ myAccount { id } }'))).myAccount.id;
    await ok(stack.query(`mutation($id: ID!) { archiveAccount(id: $id) { id } }`, { id }, tokens.niwe));
    const checksBefore = await regionChecks('AccountSession');
    const refused = await untilRefused(browser);
    expect(refused.status).toBe(401);
    expect(code(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors![0].message).toMatch(/archived/);
    expect(await regionChecks('AccountSession')).toBe(checksBefore + 1);
    expect(browser.cookies.size).toBe(0);
    expect((await browser.session()).body).toEqual({ signedIn: false, role: 'anonymous' });
  });

  test('a changed password ends the sessions signed in with the old one; a new sign-in is renewed as usual', async () => {
    const elsewhere = await signIn({ email: 'wechsel@niwe.example', password });
    const here = await signIn({ email: 'wechsel@niwe.example', password });
    await ok(
      here.graphql(`mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }`, {
        c: password,
        n: 'Ganz-neues-Passwort-1',
      }),
    );
    expect(code(await untilRefused(elsewhere))).toBe('UNAUTHENTICATED');
    const again = await signIn({ email: 'wechsel@niwe.example', password: 'Ganz-neues-Passwort-1' });
    await until(async () => {
      expect((await ok(again.graphql('{ myAccount { email } }'))).myAccount.email).toBe('wechsel@niwe.example');
      return again.renewals >= 1;
    }, 'the new session was renewed');
  });

  test('signing out ends the session: a copy of its cookie is refused at once here, and at its next renewal by another replica', async () => {
    const replica = (await stack.startGatewayReplica()).gatewayUrl.replace(/\/graphql$/, '');
    const browser = await signIn({ email: 'abmelden@niwe.example', password });
    const copy = new Browser(browser);
    expect((await ok(copy.graphql('{ myAccount { email } }', {}, replica))).myAccount.email).toBe('abmelden@niwe.example');
    expect((await browser.signOut()).status).toBe(200);

    const here = await copy.graphql('{ myAccount { email } }');
    expect(here.status).toBe(401);
    expect(here.errors![0]).toMatchObject({ message: 'This session was signed out; sign in again.', extensions: { code: 'UNAUTHENTICATED' } });
    // Its cookies are cleared with the refusal, so the copy is anonymous from then on, not refused again.
    expect(copy.cookies.size).toBe(0);
    expect((await copy.session()).body).toEqual({ signedIn: false, role: 'anonymous' });
    const checksBefore = await regionChecks('AccountSession');
    const there = await untilRefused(new Browser(browser), '{ myAccount { email } }', replica);
    expect(code(there)).toBe('UNAUTHENTICATED');
    expect(there.errors![0].message).toMatch(/signed out/);
    expect(await regionChecks('AccountSession')).toBe(checksBefore + 1);
    // Signing in again opens a new session.
    expect((await ok((await signIn({ email: 'abmelden@niwe.example', password })).graphql('{ myAccount { email } }'))).myAccount.email).toBe(
      'abmelden@niwe.example',
    );
  });

  test('a session whose token expired while its person was idle is signed out all the same, here and for the replica', async () => {
    const replica = (await stack.startGatewayReplica()).gatewayUrl.replace(/\/graphql$/, '');
    const browser = await signIn({ email: 'abmelden@niwe.example', password });
    // Two copies: a refused request clears the cookies of the browser that sent it.
    const [copy, another] = [new Browser(browser), new Browser(browser)];
    const expires = browser.tokenExpires;
    await until(async () => Date.now() / 1000 > expires + 1, 'the session token expired');
    // /auth/logout renews nothing: the expired token is what it reads.
    const out = await browser.signOut();
    expect(out.status).toBe(200);
    expect(out.cookies.map((c) => c.value)).toEqual(['', '']);
    expect(code(await copy.graphql('{ myAccount { email } }'))).toBe('UNAUTHENTICATED');
    // The replica renews the expired token first, and region refuses it at once.
    const there = await another.graphql('{ myAccount { email } }', {}, replica);
    expect(there.status).toBe(401);
    expect(there.errors![0].message).toMatch(/signed out/);
  });

  test('a signed-out session token is refused as a bearer token too, and signing out again asks region nothing', async () => {
    const browser = await signIn({ email: 'abmelden@niwe.example', password });
    const token = browser.cookies.get('irm_session')!;
    const asBearer = () => stack.query('{ myAccount { email } }', {}, token);
    expect((await ok(asBearer())).myAccount.email).toBe('abmelden@niwe.example');
    const recorded = await regionChecks('EndSession');
    expect((await browser.signOut()).status).toBe(200);
    const refused = await asBearer();
    expect(refused.status).toBe(401);
    expect(refused.errors![0].message).toBe('This session was signed out; sign in again.');
    const session = await fetch(`${base}/auth/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(session.status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await browser.signOut()).status).toBe(200);
    expect(await regionChecks('EndSession')).toBe(recorded + 1);
  });

  test('a renewal under way while the session is signed out hands out no new cookie', async () => {
    const browser = await signIn({ email: 'abmelden@niwe.example', password });
    const copy = new Browser(browser);
    const expires = browser.tokenExpires;
    await until(async () => Date.now() / 1000 > expires + 1, 'the session token expired');
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => {
      holdNextRegionCall = { arrived: resolve, release: new Promise((r) => (release = r)) };
    });
    // The copy's request asks region to renew; region answers only after the sign-out.
    const pending = copy.graphql('{ myAccount { email } }');
    await arrived;
    expect((await browser.signOut()).status).toBe(200);
    release();
    const answer = await pending;
    expect(answer.status).toBe(401);
    expect(answer.errors![0].message).toBe('This session was signed out; sign in again.');
    expect(copy.lastSetCookies.map(parseSetCookie).map((c) => [c.name, c.value])).toEqual([
      ['irm_session', ''],
      ['irm_csrf', ''],
    ]);
    expect(copy.cookies.size).toBe(0);
  });

  test('a session signed in with an API key ends at its next renewal once the key is revoked', async () => {
    const created = (await ok(stack.query(`mutation { createApiKey(partner: "Zulieferer AG", name: "Portal") { key apiKey { id } } }`, {}, tokens.admin)))
      .createApiKey;
    const browser = await signIn({ apiKey: created.key });
    await until(async () => {
      expect((await ok(browser.graphql('{ networks { code } }'))).networks).toHaveLength(3);
      return browser.renewals >= 1;
    }, 'the key session was renewed');
    expect(await regionChecks('ApiKeySession')).toBe(browser.renewals);
    await ok(stack.query(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: created.apiKey.id }, tokens.admin));
    // A partner's session is refused even where anonymous callers are served.
    const refused = await untilRefused(browser, '{ networks { code } }');
    expect(code(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors![0].message).toMatch(/revoked/);
  });
});
