import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AccountSchema } from '../subgraphs/region/accounts/account.entity.ts';
import { parseAccountId } from '../subgraphs/region/ids.ts';
import { createMember } from './support/members.ts';
import { ok, startStack, type GraphQLResponse, type Stack } from './support/stack.ts';
import { postJson, type SignInAnswer } from './support/sessions.ts';
import { until } from './support/wait.ts';

// Getting back into an account without e-mail (subgraphs/region/accounts): an office resets a forgotten password to
// a one-time password it passes on, which ends the account's sessions and must be replaced at the next sign-in, and
// restores an archived account, which createAccount points to instead of saying "exists". Sessions are renewed
// every 2 s here, so an ended one is seen ending.

let stack: Stack;
let base: string;
const tokens: Record<string, string> = {};
const members: Record<string, string> = {};
const password = 'Werra-Meissner-2026';

// The gateway trusts 127.0.0.1 as a proxy, so each sign-in names its own client address and no test meets the
// per-address limit of another; each account is signed in at most five times (the per-address limit of a minute).
let nextAddress = 1;
const login = (email: string, secret: string) => postJson(`${base}/auth/login`, { email, password: secret }, { 'x-forwarded-for': `10.1.0.${nextAddress++}` });

const accountFields = 'id email memberId network archivedAt mustChangePassword passwordChangedAt';
const code = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;
const extensions = (response: GraphQLResponse) => response.errors?.[0]?.extensions;

async function createAccount(token: string, input: Record<string, unknown>): Promise<string> {
  const query = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }';
  return (await ok(stack.query(query, { input: { password, kind: 'MEMBER', ...input } }, token))).createAccount.id;
}

const reset = (id: string, token: string) =>
  stack.query(`mutation($id: ID!) { resetAccountPassword(id: $id) { oneTimePassword expiresAt account { ${accountFields} } } }`, { id }, token);
const restore = (id: string, token: string, memberId?: string) =>
  stack.query(`mutation($id: ID!, $memberId: ID) { restoreAccount(id: $id, memberId: $memberId) { ${accountFields} } }`, { id, memberId }, token);
const archive = (id: string, token: string) => ok(stack.query(`mutation($id: ID!) { archiveAccount(id: $id) { id } }`, { id }, token));
const row = (id: string) => stack.region.orm.em.fork().findOneOrFail(AccountSchema, { id: parseAccountId(id) });

/** A GraphQL request signed in by a session's cookies, as the portal sends it. */
async function asSession(session: SignInAnswer, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf! },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** Asks `{ myAccount }` with the session until it is refused (its next renewal), and returns that answer. */
async function untilRefused(session: SignInAnswer): Promise<GraphQLResponse> {
  let refused: GraphQLResponse | undefined;
  await until(async () => {
    const answer = await asSession(session, '{ myAccount { id } }');
    if (answer.errors) refused = answer;
    return refused !== undefined;
  }, 'the session is refused');
  return refused!;
}

async function regionAudit(token: string, action: string) {
  const entries = (await ok(stack.query('{ regionAuditLog(first: 100) { entries { action target subject before after } } }', {}, token))).regionAuditLog
    .entries as { action: string; target: string; subject: string; before: string | null; after: string | null }[];
  return entries.filter((e) => e.action === action);
}

beforeAll(async () => {
  stack = await startStack({ trustedProxies: '127.0.0.1', sessionRenewalSeconds: 2 });
  base = stack.gatewayUrl.replace(/\/graphql$/, '');
  tokens.admin = await stack.token({ role: 'admin', sub: 'admin' });
  tokens.niwe = await stack.token({ role: 'office', network: 'NIWE', sub: 'niwe-office' });
  tokens.linat = await stack.token({ role: 'office', network: 'LINAT' });
  for (const [key, network, name] of [
    ['niwe', 'NIWE', 'Fräserei Werra GmbH'],
    ['linat', 'LINAT', 'Leichtbau Mühlhausen GmbH'],
  ] as const)
    members[key] = (await createMember(stack, tokens.admin, network, { name, postalCode: '37269', city: 'Eschwege', processes: ['3.2.3'] })).id;
  tokens.member = await stack.token({ role: 'member', network: 'NIWE', memberId: members.niwe });
});
afterAll(async () => {
  await stack?.stop();
});

describe('resetting a forgotten password', () => {
  test('the own office sets a one-time password: the old one refused, sessions ended, the holder must choose a new one, audited without it', async () => {
    const id = await createAccount(tokens.niwe, { email: 'anna.schmidt@werra.example', name: 'Anna Schmidt', memberId: members.niwe });
    const before = await login('anna.schmidt@werra.example', password);
    expect(before.status).toBe(200);
    expect((await ok(asSession(before, '{ myAccount { mustChangePassword } }'))).myAccount.mustChangePassword).toBe(false);

    const answer = (await ok(reset(id, tokens.niwe))).resetAccountPassword;
    expect(answer.oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(answer.account).toMatchObject({ id, mustChangePassword: true, archivedAt: null });
    const week = Date.parse(answer.expiresAt) - Date.parse(answer.account.passwordChangedAt);
    expect(week).toBe(7 * 24 * 3600_000);
    // Each reset draws a new one; the office chooses none.
    const again = (await ok(reset(id, tokens.niwe))).resetAccountPassword.oneTimePassword;
    expect(again).not.toBe(answer.oneTimePassword);

    expect((await login('anna.schmidt@werra.example', password)).status).toBe(401);
    expect((await login('anna.schmidt@werra.example', answer.oneTimePassword)).status).toBe(401);
    // The session signed in with the old password ends at its next renewal, as after changePassword.
    const refused = await untilRefused(before);
    expect(refused.status).toBe(401);
    expect(code(refused)).toBe('UNAUTHENTICATED');

    const session = await login('anna.schmidt@werra.example', again);
    expect(session.status).toBe(200);
    expect((await ok(asSession(session, '{ myAccount { mustChangePassword } }'))).myAccount.mustChangePassword).toBe(true);
    // Until then the session may change the password and read its account, nothing else: not the graph, not an export.
    const meanwhile = await asSession(session, '{ members(first: 1) { totalCount } }');
    expect(extensions(meanwhile)).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    expect(extensions(await asSession(session, '{ myAccount { email } members(first: 1) { totalCount } }'))).toMatchObject({
      code: 'PASSWORD_CHANGE_REQUIRED',
    });
    expect((await ok(asSession(session, '{ __typename myAccount { email } }'))).myAccount.email).toBe('anna.schmidt@werra.example');
    // The one-time password is not kept as the new one, and changing it clears the must.
    const same = await asSession(session, 'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: $c) { id } }', { c: again });
    expect(extensions(same)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword', reason: 'PASSWORD_RULE' });
    const changed = await asSession(
      session,
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { mustChangePassword } }',
      {
        c: again,
        n: 'Eschwege-im-Fruehling-2027',
      },
    );
    expect((await ok(changed)).changePassword.mustChangePassword).toBe(false);
    const renewed = await login('anna.schmidt@werra.example', 'Eschwege-im-Fruehling-2027');
    expect(renewed.status).toBe(200);
    // Signed in with a password of its own, the session answers as any.
    expect((await ok(asSession(renewed, '{ members(first: 1) { totalCount } }'))).members.totalCount).toBeGreaterThan(0);

    // The NIWE office reads who reset the password and when; neither the password nor its hash is in the log.
    const entries = await regionAudit(tokens.niwe, 'resetAccountPassword');
    expect(entries).toEqual([
      { action: 'resetAccountPassword', target: id, subject: 'niwe-office', before: null, after: null },
      { action: 'resetAccountPassword', target: id, subject: 'niwe-office', before: null, after: null },
    ]);
    const log = JSON.stringify(await ok(stack.query('{ regionAuditLog(first: 100) { entries { before after } } }', {}, tokens.admin)));
    expect(log).not.toContain(answer.oneTimePassword);
    expect(log).not.toContain(again);
    expect(log).not.toMatch(/scrypt/);
  });

  test("refused for another network's office, a member, an unknown id, the caller's own account and an archived one; nothing changes", async () => {
    const id = await createAccount(tokens.niwe, { email: 'bert.bauer@werra.example', name: 'Bert Bauer', memberId: members.niwe });
    const officeId = await createAccount(tokens.niwe, { email: 'buero@werra.example', name: 'Büro NIWE', kind: 'OFFICE' });
    const customerId = await createAccount(tokens.admin, { email: 'einkauf@zulieferer.example', name: 'Einkauf', kind: 'CUSTOMER', customer: 'Zulieferer AG' });
    const hash = (await row(id)).passwordHash;

    expect(code(await reset(id, tokens.linat))).toBe('FORBIDDEN');
    expect(code(await reset(id, tokens.member))).toBe('FORBIDDEN');
    expect(code(await reset(customerId, tokens.niwe))).toBe('FORBIDDEN');
    expect(code(await reset('acc-1', tokens.niwe))).toBe('NOT_FOUND');
    expect(code(await reset('k-1', tokens.niwe))).toBe('BAD_USER_INPUT');
    // The office's own account: its holder knows the password and changes it with changePassword.
    const office = await login('buero@werra.example', password);
    const own = await asSession(office, 'mutation($id: ID!) { resetAccountPassword(id: $id) { oneTimePassword } }', { id: officeId });
    expect(extensions(own)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'NOT_APPLICABLE' });
    expect(own.errors![0].message).toMatch(/changePassword/);
    // The office resets another account of its own staff, and admin a customer's.
    const colleague = await createAccount(tokens.niwe, { email: 'kollegin@werra.example', name: 'Kollegin', kind: 'OFFICE' });
    await ok(asSession(office, 'mutation($id: ID!) { resetAccountPassword(id: $id) { oneTimePassword } }', { id: colleague }));
    expect((await ok(reset(customerId, tokens.admin))).resetAccountPassword.account.mustChangePassword).toBe(true);

    await archive(id, tokens.niwe);
    const archived = await reset(id, tokens.niwe);
    expect(extensions(archived)).toMatchObject({ code: 'CONFLICT', reason: 'STATUS', status: 'ARCHIVED' });
    expect(archived.errors![0].message).toMatch(/restoreAccount/);
    const after = await row(id);
    expect(after.passwordHash).toBe(hash);
    expect(after.passwordResetAt).toBeNull();
    expect((await regionAudit(tokens.admin, 'resetAccountPassword')).filter((e) => e.target === id)).toEqual([]);
  });

  test('a one-time password not replaced within its week stops working; a new reset gives another', async () => {
    const id = await createAccount(tokens.niwe, { email: 'carla.clausen@werra.example', name: 'Carla Clausen', memberId: members.niwe });
    const first = (await ok(reset(id, tokens.niwe))).resetAccountPassword.oneTimePassword;
    const em = stack.region.orm.em.fork();
    const account = await em.findOneOrFail(AccountSchema, { id: parseAccountId(id) });
    account.passwordResetAt = new Date(Date.now() - 7 * 24 * 3600_000 - 60_000);
    await em.flush();
    const expired = await login('carla.clausen@werra.example', first);
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].message).toBe('The e-mail address or the password is wrong.');
    const second = (await ok(reset(id, tokens.niwe))).resetAccountPassword.oneTimePassword;
    expect((await login('carla.clausen@werra.example', second)).status).toBe(200);
  });
});

describe('restoring an archived account', () => {
  test('createAccount for its address points to it; its office restores it, the old password works again, audited', async () => {
    const id = await createAccount(tokens.niwe, { email: 'dora.dietz@werra.example', name: 'Dora Dietz', memberId: members.niwe });
    await archive(id, tokens.niwe);
    const again = await stack.query(
      'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
      { input: { email: 'Dora.Dietz@werra.example', name: 'Dora Dietz', password, kind: 'MEMBER', memberId: members.niwe } },
      tokens.niwe,
    );
    expect(extensions(again)).toMatchObject({ code: 'CONFLICT', reason: 'ARCHIVED_EXISTS', accountId: id, field: 'input.email' });
    expect(again.errors![0].message).toMatch(/restoreAccount/);
    // Another network's office, which may not restore it, learns only that the address is taken, as of a live account.
    const elsewhere = await stack.query(
      'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
      { input: { email: 'dora.dietz@werra.example', name: 'Dora Dietz', password, kind: 'MEMBER', memberId: members.linat } },
      tokens.linat,
    );
    expect(extensions(elsewhere)).toMatchObject({ code: 'CONFLICT', reason: 'EXISTS', field: 'input.email' });
    expect(extensions(elsewhere)).not.toHaveProperty('accountId');
    expect(elsewhere.errors![0].message).not.toMatch(/archived|restore|acc-/i);
    // A live account's address is still plain EXISTS.
    const live = await createAccount(tokens.niwe, { email: 'emil.ebert@werra.example', name: 'Emil Ebert', memberId: members.niwe });
    const taken = await stack.query(
      'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
      { input: { email: 'emil.ebert@werra.example', name: 'Emil', password, kind: 'MEMBER', memberId: members.niwe } },
      tokens.niwe,
    );
    expect(extensions(taken)).toMatchObject({ code: 'CONFLICT', reason: 'EXISTS' });
    expect(live).not.toBe(id);

    expect(code(await restore(id, tokens.linat))).toBe('FORBIDDEN');
    expect(code(await restore(id, tokens.member))).toBe('FORBIDDEN');
    expect(code(await restore('acc-1', tokens.niwe))).toBe('NOT_FOUND');
    expect((await login('dora.dietz@werra.example', password)).status).toBe(401);

    const restored = (await ok(restore(id, tokens.niwe))).restoreAccount;
    expect(restored).toMatchObject({ id, archivedAt: null, memberId: members.niwe, mustChangePassword: false });
    expect((await login('dora.dietz@werra.example', password)).status).toBe(200);
    // Restoring again changes nothing and records nothing more.
    expect((await ok(restore(id, tokens.niwe))).restoreAccount.archivedAt).toBeNull();
    const entries = (await regionAudit(tokens.niwe, 'restoreAccount')).filter((e) => e.target === id);
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0].before!).archivedAt).toEqual(expect.any(String));
    expect(JSON.parse(entries[0].after!)).toMatchObject({ email: 'dora.dietz@werra.example', archivedAt: null });
  });

  test('a session of before the archiving is not renewed once the account is restored', async () => {
    const id = await createAccount(tokens.niwe, { email: 'fritz.fuchs@werra.example', name: 'Fritz Fuchs', memberId: members.niwe });
    // Signed in, then left alone: no request renews it while the account is archived and restored.
    const session = await login('fritz.fuchs@werra.example', password);
    expect(session.status).toBe(200);
    await archive(id, tokens.niwe);
    await ok(restore(id, tokens.niwe));
    expect(code(await untilRefused(session))).toBe('UNAUTHENTICATED');
    expect((await login('fritz.fuchs@werra.example', password)).status).toBe(200);
  });

  test("an account of a member that left is not restored for it (members are not restored), but for the company's new member", async () => {
    const gone = (
      await createMember(stack, tokens.admin, 'NIWE', { name: 'Gussteile Gerstungen GmbH', postalCode: '99834', city: 'Gerstungen', processes: ['1.1'] })
    ).id;
    const id = await createAccount(tokens.niwe, { email: 'greta.gross@gerstungen.example', name: 'Greta Groß', memberId: gone });
    const officeId = await createAccount(tokens.niwe, { email: 'sekretariat@werra.example', name: 'Sekretariat', kind: 'OFFICE' });
    await ok(stack.query('mutation($id: ID!) { archiveMember(id: $id) { id } }', { id: gone }, tokens.niwe));
    expect((await row(id)).archivedAt).not.toBeNull();

    const refused = await restore(id, tokens.niwe);
    expect(extensions(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId', reason: 'ARCHIVED' });
    expect(refused.errors![0].message).toMatch(/Members cannot be restored/);
    expect((await row(id)).archivedAt).not.toBeNull();

    // The company re-joined under a new id: the account is restored for that member, by its own network's office.
    const rejoined = (
      await createMember(stack, tokens.admin, 'NIWE', { name: 'Gussteile Gerstungen GmbH', postalCode: '99834', city: 'Gerstungen', processes: ['1.1'] })
    ).id;
    expect(code(await restore(id, tokens.niwe, members.linat))).toBe('FORBIDDEN');
    expect(extensions(await restore(id, tokens.niwe, gone))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ARCHIVED' });
    await archive(officeId, tokens.niwe);
    expect(extensions(await restore(officeId, tokens.niwe, rejoined))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId', reason: 'COMBINATION' });
    expect((await row(id)).archivedAt).not.toBeNull();

    const restored = (await ok(restore(id, tokens.niwe, rejoined))).restoreAccount;
    expect(restored).toMatchObject({ id, memberId: rejoined, network: 'NIWE', archivedAt: null });
    const session = await login('greta.gross@gerstungen.example', password);
    expect(session.body).toMatchObject({ role: 'member', memberId: rejoined });
    const [entry] = (await regionAudit(tokens.niwe, 'restoreAccount')).filter((e) => e.target === id);
    expect([JSON.parse(entry.before!).memberId, JSON.parse(entry.after!).memberId]).toEqual([gone, rejoined]);
  });
});
