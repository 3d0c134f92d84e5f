import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, forbidden, notFound } from '../../../shared/errors.ts';
import { parseMemberId } from '../../../shared/ids.ts';
import { requireSignedIn, type Identity } from '../../../shared/identity.ts';
import { findNetwork } from '../../../shared/networks.ts';
import { checkText, line, text } from '../../../shared/validation.ts';
import { assertMemberExists } from '../access.ts';
import type { RegionContext } from '../context.ts';
import { accountId, oldestFirst, parseAccountId } from '../ids.ts';
import { recordRegionAudit } from '../members/audit.ts';
import { resolveOrganisation } from '../partners/organisations.ts';
import { AccountSchema, type Account, type AccountKind } from './account.entity.ts';
import { sessionEnded } from './ended-sessions.ts';
import { checkPassword, hashPassword, oneTimePassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';

// Portal accounts. Who creates which: an office creates MEMBER accounts for the
// staff of its own network's members and OFFICE accounts for its own staff;
// admin creates OFFICE accounts for any network and CUSTOMER accounts (and may
// do what an office does). Every check runs before the one transaction that
// writes the account with its audit entry, so a refusal writes nothing; the
// unique index on the e-mail address refuses a duplicate that slipped past the
// check in a race.
//
// Getting back in (the system sends no e-mail): an office or admin resets a forgotten password to a generated
// one-time password, shown once for the office to pass on, which its holder replaces at the next sign-in; and
// restores an archived account, whose e-mail address stays taken by it (createAccount points to it).

export interface CreateAccountInput {
  email: string;
  name: string;
  password: string;
  kind: AccountKind;
  network?: string | null;
  memberId?: string | null;
  customer?: string | null;
}

/** E-mail addresses are compared trimmed and lower-cased; RFC 5321 allows 254 characters. */
export function normalEmail(field: string, value: string): string {
  const email = checkText(field, value).trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw badInput(field, `${field} must be an e-mail address such as anna.schmidt@example.de, got "${value.slice(0, 40)}".`, { reason: 'EMAIL' });
  return email;
}

const who = (identity: Identity) => `Role ${identity.role}${identity.network ? ` (${identity.network})` : ''}`;

/** What the audit log keeps of an account: everything but its password hash. */
function snapshot(a: Account): Record<string, unknown> {
  return {
    email: a.email,
    name: a.name,
    kind: a.kind,
    network: a.network,
    memberId: a.memberId,
    customer: a.customer,
    archivedAt: a.archivedAt?.toISOString() ?? null,
  };
}

const duplicate = (email: string) => conflict(`An account with the e-mail address ${email} exists already.`, { reason: 'EXISTS' }, { field: 'input.email' });

/** An archived account keeps its address: the way back is to restore it, which keeps its history in one account. */
const archivedDuplicate = (email: string, id: string) =>
  conflict(
    `The archived account ${id} has the e-mail address ${email}: restore it (restoreAccount) instead of creating another; its network's office or admin may.`,
    { reason: 'ARCHIVED_EXISTS', accountId: id },
    { field: 'input.email' },
  );

/** The account's network, member and customer as the caller may create it; throws FORBIDDEN, BAD_USER_INPUT or NOT_FOUND. */
async function placement(ctx: RegionContext, input: CreateAccountInput) {
  const { identity } = ctx;
  requireSignedIn(identity);
  if (identity.role !== 'office' && identity.role !== 'admin')
    throw forbidden(`${who(identity)} may not create accounts; offices create them for their members' staff and their own, admin for offices and customers.`);
  if (input.kind !== 'MEMBER' && input.memberId) throw badInput('input.memberId', 'input.memberId is for MEMBER accounts only.', { reason: 'COMBINATION' });
  if (input.kind !== 'CUSTOMER' && input.customer) throw badInput('input.customer', 'input.customer is for CUSTOMER accounts only.', { reason: 'COMBINATION' });
  if (input.kind === 'MEMBER') {
    if (!input.memberId) throw badInput('input.memberId', 'input.memberId is required for a MEMBER account, such as NIWE:m-42.', { reason: 'REQUIRED' });
    const network = parseMemberId(input.memberId, 'input.memberId').network.code;
    if (input.network && input.network !== network)
      throw badInput('input.network', `input.network must be the member's network ${network} or left out.`, { reason: 'NOT_APPLICABLE' });
    if (identity.role === 'office' && identity.network !== network)
      throw forbidden(`${who(identity)} may create accounts for members of its own network only; ${input.memberId} belongs to ${network}.`);
    await assertMemberExists(ctx, input.memberId, 'input.memberId');
    return { network, memberId: input.memberId, customer: null };
  }
  if (input.kind === 'OFFICE') {
    const network = input.network ?? (identity.role === 'office' ? identity.network! : undefined);
    if (!network || !findNetwork(network))
      throw badInput('input.network', 'input.network is required for an OFFICE account: the network the office runs.', { reason: 'REQUIRED' });
    if (identity.role === 'office' && identity.network !== network)
      throw forbidden(`${who(identity)} may create office accounts for its own network only, not for ${network}.`);
    return { network, memberId: null, customer: null };
  }
  if (identity.role !== 'admin') throw forbidden(`${who(identity)} may not create CUSTOMER accounts; only admin may.`);
  if (input.network) throw badInput('input.network', 'A CUSTOMER account belongs to no network; leave input.network out.', { reason: 'COMBINATION' });
  // Not line(): a customer of before whose name has a line break is still matched (partners/organisations.ts), in createAccount.
  const customer = text('input.customer', input.customer, 200, true)!;
  return { network: null, memberId: null, customer };
}

export async function createAccount(ctx: RegionContext, input: CreateAccountInput): Promise<Account> {
  const email = normalEmail('input.email', input.email);
  const name = line('input.name', input.name, 200, true)!;
  checkPassword('input.password', input.password, email);
  const place = await placement(ctx, input);
  const existing = await ctx.em.findOne(AccountSchema, { email }, { fields: ['id', 'archivedAt', 'network'] });
  // The archived account's id only to one who may restore it: anyone else (another network's office, an office for a
  // customer's address) learns what a live account tells, that the address is taken, and no id to probe further with.
  if (existing) throw existing.archivedAt && manages(ctx.identity, existing) ? archivedDuplicate(email, accountId(existing.id)) : duplicate(email);
  const passwordHash = await hashPassword(input.password);
  try {
    return await ctx.em.transactional(async (tx) => {
      // The customer is the subject that owns its inquiries, as a partner's is: an organisation with a key or an account
      // already keeps its spelling, so that both see the same inquiries.
      const customer = place.customer === null ? null : (await resolveOrganisation(tx, place.customer)).partner;
      const account = tx.create(AccountSchema, {
        email,
        name,
        kind: input.kind,
        ...place,
        customer,
        passwordHash,
        passwordChangedAt: new Date(),
        passwordResetAt: null,
        createdBy: ctx.identity.subject ?? null,
        archivedAt: null,
        restoredAt: null,
      });
      // The database draws the id (random_id()), and the audit entry names it.
      await tx.flush();
      recordRegionAudit(tx, ctx.identity, {
        action: 'createAccount',
        target: accountId(account.id),
        network: account.network,
        before: null,
        after: snapshot(account),
      });
      return account;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw duplicate(email);
    throw error;
  }
}

/** Whether the caller manages the account: admin every one, an office its network's member and office accounts. */
function manages(identity: Identity, account: Pick<Account, 'network'>): boolean {
  return identity.role === 'admin' || (identity.role === 'office' && account.network !== null && account.network === identity.network);
}

export function listAccounts(ctx: RegionContext, network: string | null | undefined, includeArchived: boolean): Promise<Account[]> {
  const { identity } = ctx;
  requireSignedIn(identity);
  if (identity.role === 'office' && network && network !== identity.network) throw forbidden(`${who(identity)} may list the accounts of its own network only.`);
  if (identity.role !== 'office' && identity.role !== 'admin') throw forbidden(`${who(identity)} may not list accounts; offices and admin may.`);
  const where = {
    ...((identity.role === 'office' || network) && { network: identity.role === 'office' ? identity.network! : network! }),
    ...(!includeArchived && { archivedAt: null }),
  };
  return ctx.em.find(AccountSchema, where, oldestFirst);
}

/** The caller's own account, or null for a caller that signed in without one (a bearer token, an API key). */
export async function myAccount(ctx: RegionContext): Promise<Account | null> {
  if (!ctx.identity.accountId) return null;
  return ctx.em.findOne(AccountSchema, { id: parseAccountId(ctx.identity.accountId), archivedAt: null });
}

/** Archives an account: it signs in no more, and its sessions end at their next renewal (gateway/sessions.ts, 10 minutes by default). Archiving twice changes nothing. */
export async function archiveAccount(ctx: RegionContext, id: string): Promise<Account> {
  requireSignedIn(ctx.identity);
  const localId = parseAccountId(id);
  return ctx.em.transactional(async (tx) => {
    const account = await tx.findOne(AccountSchema, { id: localId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!account) throw notFound(`Account ${id} does not exist.`);
    if (!manages(ctx.identity, account))
      throw forbidden(`${who(ctx.identity)} may not archive ${id}; its network's office and admin may (admin alone for customers).`);
    if (account.archivedAt) return account;
    // One click on its own row locked an office out, perhaps its network's last account of the office, which then
    // only admin could restore.
    if (ctx.identity.accountId === id)
      throw badInput('id', `Account ${id} is your own: an account does not archive itself; another account of its office, or admin, may.`, {
        reason: 'NOT_APPLICABLE',
      });
    const before = snapshot(account);
    account.archivedAt = new Date();
    recordRegionAudit(tx, ctx.identity, { action: 'archiveAccount', target: id, network: account.network, before, after: snapshot(account) });
    return account;
  });
}

/** How long a one-time password works: long enough to reach its holder, short enough that one left on a note expires. */
export const oneTimePasswordDays = 7;
const oneTimePasswordMs = oneTimePasswordDays * 24 * 3600_000;

/** An account's one-time password, as resetAccountPassword answers it once. */
export interface PasswordReset {
  account: Account;
  oneTimePassword: string;
  expiresAt: string;
}

/** The account `id` as the caller may manage it, read without a lock; NOT_FOUND or FORBIDDEN (`verb` says what was refused). */
async function managedAccount(ctx: RegionContext, id: string, verb: string): Promise<Account> {
  requireSignedIn(ctx.identity);
  if (ctx.identity.role !== 'office' && ctx.identity.role !== 'admin')
    throw forbidden(`${who(ctx.identity)} may not ${verb} accounts; the account's network office and admin may.`);
  const account = await ctx.em.findOne(AccountSchema, { id: parseAccountId(id) });
  if (!account) throw notFound(`Account ${id} does not exist.`);
  if (!manages(ctx.identity, account))
    throw forbidden(`${who(ctx.identity)} may not ${verb} ${id}; its network's office and admin may (admin alone for customers).`);
  return account;
}

/**
 * Sets a generated one-time password for an account whose holder cannot sign in, and returns it once: the office
 * never chooses (or learns beyond this answer) the password its holder goes on using, and the holder must choose
 * one at the next sign-in (mustChangePassword; the portal leads there). Its sessions end at their next renewal, as
 * after changePassword: the password's generation changed.
 */
export async function resetAccountPassword(ctx: RegionContext, id: string): Promise<PasswordReset> {
  const found = await managedAccount(ctx, id, 'reset the password of');
  const refuseState = (account: Account) => {
    // Its holder knows the password and changes it under "Mein Zugang"; a reset would end the caller's own session.
    if (ctx.identity.accountId === id)
      throw badInput('id', `Account ${id} is your own: change its password with changePassword, giving the current one.`, { reason: 'NOT_APPLICABLE' });
    if (account.archivedAt)
      throw conflict(`Account ${id} is archived: restore it (restoreAccount) first, then reset its password if need be.`, {
        reason: 'STATUS',
        status: 'ARCHIVED',
      });
  };
  refuseState(found);
  const password = oneTimePassword();
  // Hashed before the transaction: 235 ms of scrypt should not hold the row's lock.
  const passwordHash = await hashPassword(password);
  return ctx.em.transactional(async (tx) => {
    const account = await tx.findOneOrFail(AccountSchema, { id: found.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    refuseState(account);
    const now = new Date();
    account.passwordHash = passwordHash;
    account.passwordChangedAt = now;
    account.passwordResetAt = now;
    // Never the password: who reset it, and when, is what the log keeps.
    recordRegionAudit(tx, ctx.identity, { action: 'resetAccountPassword', target: id, network: account.network, before: null, after: null });
    return { account, oneTimePassword: password, expiresAt: new Date(now.getTime() + oneTimePasswordMs).toISOString() };
  });
}

/**
 * The member a MEMBER account acts for once restored: its own, unless that has left its network (members are not
 * restored, so neither is an account for it), or `memberId`, the company it acts for from now on (one re-joined
 * under a new id), of a network the caller manages. Asks the member's network, so runs before the transaction.
 */
async function restoredPlace(ctx: RegionContext, id: string, account: Account, memberId: string | null | undefined) {
  if (!memberId) {
    if (account.kind !== 'MEMBER' || !account.memberId) return { network: account.network, memberId: account.memberId };
    try {
      await assertMemberExists(ctx, account.memberId, 'memberId');
    } catch (error) {
      if (!(error instanceof GraphQLError && error.extensions.reason === 'ARCHIVED')) throw error;
      throw badInput(
        'memberId',
        `Account ${id} belongs to member ${account.memberId}, which has left its network (archived). Members cannot be restored, so the account is not restored for it; give memberId, the member company it acts for from now on (such as the company re-joined under a new id).`,
        { reason: 'ARCHIVED' },
      );
    }
    return { network: account.network, memberId: account.memberId };
  }
  if (account.kind !== 'MEMBER') throw badInput('memberId', 'memberId is for MEMBER accounts only.', { reason: 'COMBINATION' });
  const network = parseMemberId(memberId, 'memberId').network.code;
  if (ctx.identity.role === 'office' && ctx.identity.network !== network)
    throw forbidden(`${who(ctx.identity)} may restore accounts for members of its own network only; ${memberId} belongs to ${network}.`);
  await assertMemberExists(ctx, memberId, 'memberId');
  return { network, memberId };
}

/**
 * Restores an archived account: it signs in again with the password it had (reset it too if that is forgotten).
 * Sessions open before it was archived stay ended: restoredAt is part of their generation. Restoring an account
 * that is not archived changes nothing.
 */
export async function restoreAccount(ctx: RegionContext, id: string, memberId: string | null | undefined): Promise<Account> {
  const found = await managedAccount(ctx, id, 'restore');
  if (!found.archivedAt && !memberId) return found;
  if (!found.archivedAt) throw badInput('memberId', `Account ${id} is not archived; memberId is only for restoring one.`, { reason: 'NOT_APPLICABLE' });
  const place = await restoredPlace(ctx, id, found, memberId);
  return ctx.em.transactional(async (tx) => {
    const account = await tx.findOneOrFail(AccountSchema, { id: found.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    // Restored meanwhile by another office's click: nothing more to do.
    if (!account.archivedAt) return account;
    const before = snapshot(account);
    Object.assign(account, place, { archivedAt: null, restoredAt: new Date() });
    recordRegionAudit(tx, ctx.identity, { action: 'restoreAccount', target: id, network: account.network, before, after: snapshot(account) });
    return account;
  });
}

/** The accounts of a member that has left its network, archived as archiveAccount does (members/members.ts archiveMember). */
export async function archiveMemberAccounts(tx: EntityManager, actor: Identity, memberId: string): Promise<void> {
  for (const account of await tx.find(AccountSchema, { memberId, archivedAt: null })) {
    const before = snapshot(account);
    account.archivedAt = new Date();
    recordRegionAudit(tx, actor, { action: 'archiveAccount', target: accountId(account.id), network: account.network, before, after: snapshot(account) });
  }
}

/** The signed-in person changes their own password, giving the current one. */
export async function changePassword(ctx: RegionContext, currentPassword: string, newPassword: string): Promise<Account> {
  requireSignedIn(ctx.identity);
  const account = await myAccount(ctx);
  if (!account) throw forbidden('Only a person signed in with an account (e-mail and password) can change a password.');
  // Kept apart: the row read under the lock below may be this very object, refreshed.
  const checkedHash = account.passwordHash;
  if (!(await verifyPassword(currentPassword, checkedHash)))
    throw badInput('currentPassword', 'currentPassword is not the current password.', { reason: 'WRONG_PASSWORD' });
  checkPassword('newPassword', newPassword, account.email);
  if (newPassword === currentPassword) throw badInput('newPassword', 'newPassword must differ from the current password.', { reason: 'PASSWORD_RULE' });
  const passwordHash = await hashPassword(newPassword);
  return ctx.em.transactional(async (tx) => {
    // The password checked and the account's state, again under the lock: of two changes from the same old password
    // (its owner's and another's who knew it) the later one won, and an account archived meanwhile got a new one.
    const locked = await tx.findOneOrFail(AccountSchema, { id: account.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (locked.archivedAt) throw forbidden('This account was archived; its password can no longer be changed.');
    if (locked.passwordHash !== checkedHash)
      throw badInput('currentPassword', 'currentPassword is not the current password: it was changed meanwhile.', { reason: 'WRONG_PASSWORD' });
    locked.passwordHash = passwordHash;
    locked.passwordChangedAt = new Date();
    // A one-time password is replaced now: its holder chose their own.
    locked.passwordResetAt = null;
    recordRegionAudit(tx, ctx.identity, { action: 'changePassword', target: accountId(locked.id), network: locked.network, before: null, after: null });
    return locked;
  });
}

/** The identity a session of the account carries, as the gateway issues it. */
export interface AccountGrant {
  accountId: string;
  role: 'member' | 'office' | 'partner';
  subject: string;
  network: string | null;
  memberId: string | null;
  name: string;
  email: string;
  /** The password's generation: a session issued before the password changed is not renewed. */
  generation: string;
  /** A one-time password is in use: the session changes it before anything else (gateway/policy.ts). */
  mustChangePassword: boolean;
}

/**
 * The time the password was set, in milliseconds: changePassword and resetAccountPassword set it, so it changes with
 * the password; after a restore, that time too, so a session of before the archiving (its cookie kept on a machine
 * for the rest of the day) is not renewed once the account is back. Accounts never restored keep the plain form.
 */
const generationOf = (account: Account) =>
  account.restoredAt ? `${account.passwordChangedAt.getTime()}.${account.restoredAt.getTime()}` : String(account.passwordChangedAt.getTime());

export function grantOf(account: Account): AccountGrant {
  const id = accountId(account.id);
  const role = account.kind === 'MEMBER' ? 'member' : account.kind === 'OFFICE' ? 'office' : 'partner';
  // A customer acts as its organisation, as a partner's API key does: inquiries are owned by partner:<subject> (access.ts callerKey).
  const subject = account.kind === 'CUSTOMER' ? account.customer! : id;
  return {
    accountId: id,
    role,
    subject,
    network: account.network ?? null,
    memberId: account.memberId ?? null,
    name: account.name,
    email: account.email,
    generation: generationOf(account),
    mustChangePassword: account.passwordResetAt != null,
  };
}

/**
 * The gateway's login check: the grant for a live account and its password, else null. An unknown
 * address and an archived account are checked against a dummy hash, so every answer takes one scrypt;
 * a one-time password past its week is checked and refused alike.
 */
export async function accountLogin(em: EntityManager, email: string, password: string): Promise<AccountGrant | null> {
  const normal = email.trim().toLowerCase();
  const account = normal.length <= 254 ? await em.findOne(AccountSchema, { email: normal, archivedAt: null }) : null;
  if (!account) return verifyAgainstDummy(password).then(() => null);
  const expired = account.passwordResetAt != null && account.passwordResetAt.getTime() + oneTimePasswordMs <= Date.now();
  return (await verifyPassword(password, account.passwordHash)) && !expired ? grantOf(account) : null;
}

/**
 * The gateway's renewal of a session (gateway/sessions.ts): the account's grant as it is now, or null when the
 * account is archived or gone, its password was changed since the session's `generation`, or the session was
 * signed out. Two lookups by primary key, once per session and renewal window, instead of one on every request.
 */
export async function accountSession(em: EntityManager, id: string, generation: string, session?: string | null): Promise<AccountGrant | null> {
  const account = await em.findOne(AccountSchema, { id: parseAccountId(id, 'accountId'), archivedAt: null });
  if (!account || generationOf(account) !== generation) return null;
  return (await sessionEnded(em, session)) ? null : grantOf(account);
}
