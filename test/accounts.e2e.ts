import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AccountSchema } from '../subgraphs/region/accounts/account.entity.ts';
import { createMember } from './support/members.ts';
import { ok, startStack, type GraphQLResponse, type Stack } from './support/stack.ts';
import { queuedBehindLock } from './support/row-lock.ts';
import { postJson, type SignInAnswer } from './support/sessions.ts';

// Portal accounts and sessions through the real gateway: who creates which account, bad input that
// writes nothing, sign-in with e-mail and password or an API key, the session cookie's flags, CSRF on
// every write signed in by the cookie, the login limits, sign-out, and bearer tokens as before.

let stack: Stack;
let base: string;
const tokens: Record<string, string> = {};
const members: Record<string, string> = {};
const password = 'Werra-Meissner-2026';

// The gateway trusts 127.0.0.1 as a proxy here, so each test names its own client address in
// X-Forwarded-For and the per-address login limit of one test does not reach the next.
let nextAddress = 1;
const address = () => ({ 'x-forwarded-for': `10.0.0.${nextAddress++}` });

const accountFields = 'id email name kind network memberId customer archivedAt';
const createAccount = (token: string, input: Record<string, unknown>) =>
  stack.query(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { ${accountFields} } }`, { input }, token);
const code = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;
const field = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.field;
const accountRows = () => stack.region.orm.em.fork().count(AccountSchema, {});

const login = (body: Record<string, unknown>, headers: Record<string, string> = address()) => postJson(`${base}/auth/login`, body, headers);

/** A GraphQL request as the portal sends it: signed in by the session's cookies, with its CSRF token unless `csrf` gives another (null: none). */
async function asSession(session: SignInAnswer, query: string, variables: Record<string, unknown> = {}, csrf: string | null | undefined = session.csrf) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, ...(typeof csrf === 'string' && { 'x-csrf-token': csrf }) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse;
}

async function sessionOf(cookie: string) {
  const response = await fetch(`${base}/auth/session`, { headers: { cookie } });
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  stack = await startStack({ trustedProxies: '127.0.0.1' });
  base = stack.gatewayUrl.replace(/\/graphql$/, '');
  tokens.admin = await stack.token({ role: 'admin', sub: 'admin' });
  tokens.niwe = await stack.token({ role: 'office', network: 'NIWE' });
  tokens.linat = await stack.token({ role: 'office', network: 'LINAT' });
  for (const [key, network] of [
    ['niwe', 'NIWE'],
    ['linat', 'LINAT'],
  ] as const) {
    const input = { name: `Fräserei ${network} GmbH`, postalCode: '37269', city: 'Eschwege', processes: ['3.2.3'] };
    members[key] = (await createMember(stack, tokens.admin, network, input)).id;
  }
  tokens.member = await stack.token({ role: 'member', network: 'NIWE', memberId: members.niwe });
});
afterAll(async () => {
  await stack?.stop();
});

describe('creating accounts', () => {
  test("an office creates accounts for its own members' staff and its own; admin for offices and customers", async () => {
    const member = (
      await ok(createAccount(tokens.niwe, { email: ' Anna.Schmidt@Example.de ', name: 'Anna Schmidt', password, kind: 'MEMBER', memberId: members.niwe }))
    ).createAccount;
    expect(member).toMatchObject({
      email: 'anna.schmidt@example.de',
      kind: 'MEMBER',
      network: 'NIWE',
      memberId: members.niwe,
      customer: null,
      archivedAt: null,
    });
    expect(member.id).toMatch(/^acc-\d+$/);
    const office = (await ok(createAccount(tokens.niwe, { email: 'geschaeftsstelle@niwe.example', name: 'Bernd Office', password, kind: 'OFFICE' })))
      .createAccount;
    expect(office).toMatchObject({ kind: 'OFFICE', network: 'NIWE', memberId: null });
    const linatOffice = (
      await ok(createAccount(tokens.admin, { email: 'office@linat.example', name: 'Carla Linat', password, kind: 'OFFICE', network: 'LINAT' }))
    ).createAccount;
    expect(linatOffice).toMatchObject({ kind: 'OFFICE', network: 'LINAT' });
    const customer = (
      await ok(
        createAccount(tokens.admin, { email: 'einkauf@zulieferer.example', name: 'Dana Einkauf', password, kind: 'CUSTOMER', customer: 'Zulieferer AG' }),
      )
    ).createAccount;
    expect(customer).toMatchObject({ kind: 'CUSTOMER', network: null, customer: 'Zulieferer AG' });

    const niweList = (await ok(stack.query(`{ accounts { email } }`, {}, tokens.niwe))).accounts.map((a: { email: string }) => a.email);
    expect(niweList).toEqual(['anna.schmidt@example.de', 'geschaeftsstelle@niwe.example']);
    expect((await ok(stack.query(`{ accounts { email } }`, {}, tokens.admin))).accounts).toHaveLength(4);
    expect(code(await stack.query(`{ accounts(network: NIWE) { email } }`, {}, tokens.linat))).toBe('FORBIDDEN');
    expect(code(await stack.query(`{ accounts { email } }`, {}, tokens.member))).toBe('FORBIDDEN');

    // Region's audit log names each account created, by whom, without its password or hash; the NIWE office reads its network's.
    const audit = (await ok(stack.query(`{ regionAuditLog(first: 100) { entries { action target subject after } } }`, {}, tokens.niwe))).regionAuditLog.entries;
    const created = audit.filter((e: { action: string }) => e.action === 'createAccount');
    expect(created.map((e: { target: string }) => e.target).sort()).toEqual([member.id, office.id].sort());
    expect(JSON.parse(created.find((e: { target: string }) => e.target === member.id).after)).toMatchObject({
      email: 'anna.schmidt@example.de',
      kind: 'MEMBER',
    });
    expect(JSON.stringify(audit)).not.toMatch(/scrypt|Werra-Meissner/);
  });

  test('refusals name their field and code and write nothing', async () => {
    const before = await accountRows();
    const refusals: [token: string, input: Record<string, unknown>, code: string, field?: string][] = [
      [tokens.niwe, { email: 'x@niwe.example', name: 'X', password: 'kurz', kind: 'OFFICE' }, 'BAD_USER_INPUT', 'input.password'],
      [tokens.niwe, { email: 'x@niwe.example', name: 'X', password: 'x@niwe.example', kind: 'OFFICE' }, 'BAD_USER_INPUT', 'input.password'],
      [tokens.niwe, { email: 'x@niwe.example', name: 'X', password: 'aaaaaaaaaaaaaaaa', kind: 'OFFICE' }, 'BAD_USER_INPUT', 'input.password'],
      [tokens.niwe, { email: 'keine-adresse', name: 'X', password, kind: 'OFFICE' }, 'BAD_USER_INPUT', 'input.email'],
      [tokens.niwe, { email: 'x@niwe.example', name: ' ', password, kind: 'OFFICE' }, 'BAD_USER_INPUT', 'input.name'],
      [tokens.niwe, { email: 'x@niwe.example', name: 'X', password, kind: 'MEMBER' }, 'BAD_USER_INPUT', 'input.memberId'],
      [tokens.niwe, { email: 'x@niwe.example', name: 'X', password, kind: 'MEMBER', memberId: 'NIWE:m-999999' }, 'NOT_FOUND'],
      [tokens.niwe, { email: 'x@niwe.example', name: 'X', password, kind: 'MEMBER', memberId: members.linat }, 'FORBIDDEN'],
      [tokens.niwe, { email: 'x@niwe.example', name: 'X', password, kind: 'OFFICE', network: 'LINAT' }, 'FORBIDDEN'],
      [tokens.niwe, { email: 'x@niwe.example', name: 'X', password, kind: 'CUSTOMER', customer: 'Kunde' }, 'FORBIDDEN'],
      [tokens.member, { email: 'x@niwe.example', name: 'X', password, kind: 'MEMBER', memberId: members.niwe }, 'FORBIDDEN'],
      [tokens.admin, { email: 'x@niwe.example', name: 'X', password, kind: 'OFFICE' }, 'BAD_USER_INPUT', 'input.network'],
      [tokens.admin, { email: 'ANNA.SCHMIDT@example.de', name: 'Anna 2', password, kind: 'OFFICE', network: 'NIWE' }, 'CONFLICT', 'input.email'],
    ];
    for (const [token, input, expected, expectedField] of refusals) {
      const response = await createAccount(token, input);
      expect(code(response), JSON.stringify(input)).toBe(expected);
      if (expectedField) expect(field(response), JSON.stringify(input)).toBe(expectedField);
      expect(response.errors?.[0]?.message.length).toBeGreaterThan(20);
    }
    const anonymous = await createAccount('', { email: 'x@niwe.example', name: 'X', password, kind: 'OFFICE', network: 'NIWE' });
    expect(code(anonymous)).toBe('UNAUTHENTICATED');
    expect(await accountRows()).toBe(before);
  });
});

describe('signing in', () => {
  test('the session cookie is HttpOnly and SameSite=Strict, the CSRF cookie readable, and the session is the account', async () => {
    const session = await login({ email: 'anna.schmidt@example.de', password });
    expect(session.status).toBe(200);
    const [cookie, csrf] = session.cookies;
    expect(cookie.name).toBe('irm_session');
    expect(Object.fromEntries(cookie.attributes)).toEqual({ httponly: '', path: '/', samesite: 'Strict', 'max-age': String(8 * 3600) });
    expect(csrf.name).toBe('irm_csrf');
    expect(Object.fromEntries(csrf.attributes)).toEqual({ path: '/', samesite: 'Strict', 'max-age': String(8 * 3600) });
    expect(csrf.value).toBe(session.body.csrfToken);
    expect(csrf.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const account = (await ok(stack.query(`{ accounts { ${accountFields} } }`, {}, tokens.niwe))).accounts.find(
      (a: { email: string }) => a.email === 'anna.schmidt@example.de',
    );
    const expected = {
      signedIn: true,
      role: 'member',
      accountId: account.id,
      email: account.email,
      name: 'Anna Schmidt',
      network: 'NIWE',
      memberId: members.niwe,
    };
    expect(session.body).toMatchObject(expected);
    const who = await sessionOf(session.cookie);
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject(expected);
    expect(Date.parse(who.body.expiresAt) - Date.now()).toBeGreaterThan(7.9 * 3600 * 1000);
    // Region sees the same identity the account has: its own account, and the member's own record.
    const me = await ok(asSession(session, `query($id: ID!) { myAccount { ${accountFields} } member(id: $id) { id } }`, { id: members.niwe }));
    expect(me.myAccount).toEqual(account);
    expect(me.member).toEqual({ id: members.niwe });
  });

  test('behind a trusted proxy over https the cookies are Secure and __Host- prefixed', async () => {
    const session = await login({ email: 'anna.schmidt@example.de', password }, { ...address(), 'x-forwarded-proto': 'https' });
    expect(session.cookies.map((c) => c.name)).toEqual(['__Host-irm_session', '__Host-irm_csrf']);
    for (const c of session.cookies) expect(c.attributes.has('secure')).toBe(true);
    expect((await sessionOf(session.cookie)).body.email).toBe('anna.schmidt@example.de');
  });

  test('a wrong password and an unknown e-mail address get the same answer', async () => {
    const wrong = await login({ email: 'anna.schmidt@example.de', password: 'falsches-passwort-1' });
    const unknown = await login({ email: 'niemand@example.de', password: 'falsches-passwort-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    // The same but for each request's own id.
    expect(sameButId(wrong.body)).toEqual(sameButId(unknown.body));
    expect(wrong.body.errors[0]).toMatchObject({
      message: 'The e-mail address or the password is wrong.',
      extensions: { code: 'UNAUTHENTICATED', field: 'password' },
    });
    expect(wrong.cookies).toEqual([]);
    expect((await login({ password })).body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    // A NUL failed in region's database, which the gateway reads as an outage (503): the client's mistake, said so.
    const nul = await login({ email: 'anna\u0000@example.de', password });
    expect([nul.status, nul.body.errors[0].extensions]).toMatchObject([400, { code: 'BAD_USER_INPUT', field: 'email', reason: 'MALFORMED_TEXT' }]);
    // Each field as /graphql names it, with its reason and what is wrong with it (it said "missing or longer than 254
    // characters" for a NUL, BAD_REQUEST without a field at /auth/token, and "unknown or revoked" for an empty key).
    const long = await login({ email: `${'a'.repeat(300)}@example.de`, password });
    expect(long.body.errors[0]).toMatchObject({
      message: 'Send {"email": "...", "password": "..."}: email has 311 characters; at most 254 are taken.',
      extensions: { code: 'BAD_USER_INPUT', field: 'email', reason: 'TOO_LONG', max: 254 },
    });
    expect((await login({ email: 'anna.schmidt@example.de' })).body.errors[0].extensions).toMatchObject({ field: 'password', reason: 'REQUIRED' });
    const emptyKey = await login({ apiKey: '' });
    expect([emptyKey.status, emptyKey.body.errors[0].extensions]).toMatchObject([400, { code: 'BAD_USER_INPUT', field: 'apiKey', reason: 'REQUIRED' }]);
    for (const body of [{}, { apiKey: 5 }]) {
      const token = await postJson(`${base}/auth/token`, body, address());
      expect([token.status, token.body.errors[0]]).toMatchObject([
        400,
        { message: 'Send {"apiKey": "irm_..."}: apiKey is missing.', extensions: { code: 'BAD_USER_INPUT', field: 'apiKey', reason: 'REQUIRED' } },
      ]);
    }
  });

  test('a customer signs in as its organisation (role partner), and a partner with its API key', async () => {
    const customer = await login({ email: 'einkauf@zulieferer.example', password });
    expect(customer.body).toMatchObject({ signedIn: true, role: 'partner', name: 'Dana Einkauf' });
    expect((await ok(asSession(customer, `{ myAccount { kind customer } }`))).myAccount).toEqual({ kind: 'CUSTOMER', customer: 'Zulieferer AG' });

    const key = (await ok(stack.query(`mutation { createApiKey(partner: "Zulieferer AG", name: "ERP") { key } }`, {}, tokens.admin))).createApiKey.key;
    const partner = await login({ apiKey: key });
    expect(partner.body).toMatchObject({ signedIn: true, role: 'partner', name: 'Zulieferer AG' });
    expect((await ok(asSession(partner, `{ myAccount { id } networks { code } }`))).myAccount).toBeNull();
    const wrongKey = await login({ apiKey: 'irm_not-a-key' });
    expect(wrongKey.status).toBe(401);
  });

  test('an archived account signs in no more, with the same answer as a wrong password', async () => {
    const created = (await ok(createAccount(tokens.niwe, { email: 'geht@niwe.example', name: 'Geht Bald', password, kind: 'OFFICE' }))).createAccount;
    expect((await login({ email: 'geht@niwe.example', password })).status).toBe(200);
    expect(code(await stack.query(`mutation($id: ID!) { archiveAccount(id: $id) { id } }`, { id: created.id }, tokens.linat))).toBe('FORBIDDEN');
    const archived = (await ok(stack.query(`mutation($id: ID!) { archiveAccount(id: $id) { archivedAt } }`, { id: created.id }, tokens.niwe))).archiveAccount;
    expect(archived.archivedAt).toMatch(/^\d{4}-/);
    const refused = await login({ email: 'geht@niwe.example', password });
    const wrong = await login({ email: 'office@linat.example', password: 'falsches-passwort-1' });
    expect(refused.status).toBe(401);
    expect(sameButId(refused.body)).toEqual(sameButId(wrong.body));
  });

  test('an account does not archive itself: one click locked an office out for good', async () => {
    const created = (await ok(createAccount(tokens.niwe, { email: 'bleibt@niwe.example', name: 'Bleibt Hier', password, kind: 'OFFICE' }))).createAccount;
    const session = await login({ email: 'bleibt@niwe.example', password });
    const own = await asSession(session, `mutation($id: ID!) { archiveAccount(id: $id) { archivedAt } }`, { id: created.id });
    expect(own.errors?.[0]).toMatchObject({
      message: `Account ${created.id} is your own: an account does not archive itself; another account of its office, or admin, may.`,
      extensions: { code: 'BAD_USER_INPUT', field: 'id', reason: 'NOT_APPLICABLE' },
    });
    expect((await login({ email: 'bleibt@niwe.example', password })).status).toBe(200);
  });
});

/** An answer with each error's request id taken out, for comparing two requests' answers. */
function sameButId(body: { errors?: { extensions?: Record<string, unknown> }[] }) {
  return { ...body, errors: body.errors?.map((e) => ({ ...e, extensions: { ...e.extensions, requestId: typeof e.extensions?.requestId } })) };
}

describe('CSRF', () => {
  test('writes signed in by the cookie need the CSRF token, reads do not', async () => {
    const session = await login({ email: 'geschaeftsstelle@niwe.example', password });
    const mutation = `mutation { createApiKey(partner: "X", name: "Y") { key } }`;
    const before = await accountRows();
    for (const csrf of [null, 'falsch', '']) {
      const refused = await asSession(
        session,
        `mutation { changePassword(currentPassword: "${password}", newPassword: "Ganz-neues-Passwort-1") { id } }`,
        {},
        csrf,
      );
      expect(refused.status).toBe(403);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    }
    // The office may not create API keys: FORBIDDEN shows the request reached region, so the CSRF check let it through.
    expect(code(await asSession(session, mutation))).toBe('FORBIDDEN');
    const read = await fetch(`${base}/graphql?query=${encodeURIComponent('{ myAccount { email } }')}`, {
      headers: { cookie: session.cookie, 'apollo-require-preflight': 'true' },
    });
    expect(((await read.json()) as any).data.myAccount.email).toBe('geschaeftsstelle@niwe.example');
    // A cookie session's upload is a write too.
    const upload = await fetch(`${base}/attachments?inquiryId=inq-1&fileName=a.pdf`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/pdf' },
      body: '%PDF-1.4',
    });
    expect(upload.status).toBe(403);
    expect(((await upload.json()) as any).errors[0].extensions.code).toBe('CSRF_TOKEN_INVALID');
    expect(await accountRows()).toBe(before);
  });

  test('bearer tokens work as before and need no CSRF token', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.niwe}`, cookie: 'irm_session=kaputt' },
      body: JSON.stringify({ query: '{ accounts { email } }' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.accounts.length).toBeGreaterThan(0);
    expect((await stack.query(`{ networks { code } }`)).errors).toBeUndefined();
    // A session cookie holding some other token is not a session.
    expect((await sessionOf(`irm_session=${tokens.niwe}`)).status).toBe(401);
  });
});

describe('changing the password and signing out', () => {
  test('the signed-in person changes their own password', async () => {
    await ok(createAccount(tokens.niwe, { email: 'wechsel@niwe.example', name: 'Wechsel', password, kind: 'MEMBER', memberId: members.niwe }));
    const session = await login({ email: 'wechsel@niwe.example', password });
    const change = (current: string, next: string) =>
      asSession(session, `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { email } }`, { c: current, n: next });
    expect(field(await change('falsches-passwort-1', 'Ganz-neues-Passwort-1'))).toBe('currentPassword');
    expect(field(await change(password, 'kurz'))).toBe('newPassword');
    expect((await ok(change(password, 'Ganz-neues-Passwort-1'))).changePassword.email).toBe('wechsel@niwe.example');
    expect((await login({ email: 'wechsel@niwe.example', password })).status).toBe(401);
    expect((await login({ email: 'wechsel@niwe.example', password: 'Ganz-neues-Passwort-1' })).status).toBe(200);
    expect(code(await stack.query(`mutation { changePassword(currentPassword: "a", newPassword: "b") { id } }`, {}, tokens.niwe))).toBe('FORBIDDEN');
  });

  test('two changes from the same old password at once: the first stands, the second is WRONG_PASSWORD; an account archived meanwhile keeps its password', async () => {
    const change = (session: SignInAnswer, next: string) =>
      asSession(session, `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }`, { c: password, n: next });
    const created = async (email: string) =>
      (await ok(createAccount(tokens.niwe, { email, name: 'Zugleich', password, kind: 'MEMBER', memberId: members.niwe }))).createAccount.id as string;
    const lock = (id: string) => ({ sql: 'select 1 from account where id = $1 for update', params: [Number(id.slice(4))] });

    const id = await created('zugleich@niwe.example');
    const [owner, other] = [await login({ email: 'zugleich@niwe.example', password }), await login({ email: 'zugleich@niwe.example', password })];
    const [first, second] = await queuedBehindLock(stack.regionDatabaseUrl, lock(id), '"account"', [
      () => change(owner, 'Neues-Passwort-Eigner-1'),
      () => change(other, 'Neues-Passwort-Fremder-2'),
    ]);
    expect(first.errors).toBeUndefined();
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword', reason: 'WRONG_PASSWORD' });
    expect((await login({ email: 'zugleich@niwe.example', password: 'Neues-Passwort-Eigner-1' })).status).toBe(200);

    const archivedId = await created('archiviert-zugleich@niwe.example');
    const session = await login({ email: 'archiviert-zugleich@niwe.example', password });
    const hashOf = async () => (await stack.region.orm.em.fork().findOneOrFail(AccountSchema, { email: 'archiviert-zugleich@niwe.example' })).passwordHash;
    const hashBefore = await hashOf();
    const [archived, changed] = await queuedBehindLock(stack.regionDatabaseUrl, lock(archivedId), '"account"', [
      () => stack.query(`mutation($id: ID!) { archiveAccount(id: $id) { archivedAt } }`, { id: archivedId }, tokens.niwe),
      () => change(session, 'Neues-Passwort-Archiv-3'),
    ]);
    expect(archived.errors).toBeUndefined();
    expect(code(changed)).toBe('FORBIDDEN');
    expect(await hashOf()).toBe(hashBefore);
  });

  test('sign-out needs the CSRF token and clears both cookies', async () => {
    const session = await login({ email: 'anna.schmidt@example.de', password });
    const refused = await postJson(`${base}/auth/logout`, {}, { cookie: session.cookie });
    expect(refused.status).toBe(403);
    const out = await postJson(`${base}/auth/logout`, {}, { cookie: session.cookie, 'x-csrf-token': session.csrf! });
    expect(out.status).toBe(200);
    expect(out.cookies.map((c) => [c.name, c.value, c.attributes.get('max-age')])).toEqual([
      ['irm_session', '', '0'],
      ['irm_csrf', '', '0'],
    ]);
    expect((await sessionOf(out.cookie)).body).toEqual({ signedIn: false, role: 'anonymous' });
  });
});

describe('login limits', () => {
  // The attempts go out at once: the limits are token buckets that refill continuously (5 and 20 a minute),
  // so attempts one after the other, each waiting for its scrypt, would be refilled for part of the way.
  test('an e-mail address gets five attempts a minute, from any address; then 429 with Retry-After', async () => {
    await ok(createAccount(tokens.niwe, { email: 'limit@niwe.example', name: 'Limit', password, kind: 'OFFICE' }));
    const answers = await Promise.all(Array.from({ length: 7 }, () => login({ email: 'limit@niwe.example', password: 'falsches-passwort-1' })));
    expect(answers.map((a) => a.status).sort()).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const limited = answers.find((a) => a.status === 429)!;
    expect(limited.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits now (the next attempt is 12 s away); the other accounts do not.
    expect((await login({ email: 'LIMIT@niwe.example', password })).status).toBe(429);
    expect((await login({ email: 'office@linat.example', password })).status).toBe(200);
  });

  test('a client address gets twenty attempts a minute, whichever addresses it names', async () => {
    const from = address();
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => login({ email: `raten${i}@example.de`, password: 'falsches-passwort-1' }, from)));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(20);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(5);
    expect((await login({ email: 'einkauf@zulieferer.example', password })).status).toBe(200);
  });
});
