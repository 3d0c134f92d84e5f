import { forbidden, signInRequired } from '../errors.ts';
import { parseMemberId } from '../ids.ts';
import type { Identity } from '../identity.ts';
import { regionSource } from './ids.ts';

// Who may do what with news and events; region checks it before routing and
// the network that owns the item checks it again (the owner applies its rules).

/** Members-only items are for the cooperation's own people: members, offices and admin, never anonymous callers or partners. */
export function canSeeMembersOnly(identity: Identity): boolean {
  return identity.role === 'member' || identity.role === 'office' || identity.role === 'admin';
}

/** A network's office publishes for its network; region-wide items are admin's. */
export function assertCanPublish(identity: Identity, source: string): void {
  requireSignedIn(identity);
  if (identity.role === 'admin') return;
  if (identity.role === 'office' && source !== regionSource && identity.network === source) return;
  throw forbidden(
    source === regionSource ? 'Only admin publishes region-wide news and events.' : `Only ${source}'s office or admin may publish for ${source}.`,
  );
}

/**
 * The member a registration is for: a member registers its own people, an
 * office those of a member of its network, admin anyone's.
 */
export function registrantOf(identity: Identity, memberId: string | null | undefined): string {
  requireSignedIn(identity);
  if (identity.role === 'member') {
    if (memberId && memberId !== identity.memberId) throw forbidden(`A member registers its own participants; ${memberId} is not ${identity.memberId}.`);
    return identity.memberId!;
  }
  if (identity.role !== 'office' && identity.role !== 'admin') throw forbidden(`Role ${identity.role} cannot register for events; members and offices can.`);
  if (!memberId) throw forbidden('An office or admin registers on behalf of a member: pass memberId.');
  const { network } = parseMemberId(memberId, 'memberId');
  if (identity.role === 'office' && network.code !== identity.network)
    throw forbidden(`${identity.network}'s office registers members of ${identity.network} only, not ${memberId}.`);
  return memberId;
}

/** Whether a registration is the caller's to manage: the registering member's, its network's office's, the publishing office's or admin's. */
export function mayManageRegistration(identity: Identity, memberId: string, source: string): boolean {
  if (identity.role === 'admin') return true;
  if (identity.role === 'member') return identity.memberId === memberId;
  return identity.role === 'office' && (identity.network === source || identity.network === parseMemberId(memberId).network.code);
}

/**
 * Cancelling is for whoever may manage the registration (mayManageRegistration); to anyone else signed in
 * the registration does not exist (registrations.ts cancel), as a joint booth's registrations: a FORBIDDEN
 * named its member, so a member stepping through NIWE:r-1, r-2, ... learnt which company had registered for
 * which event.
 */
export function canManageRegistration(identity: Identity, memberId: string, source: string): boolean {
  requireSignedIn(identity);
  return mayManageRegistration(identity, memberId, source);
}

/** Whose registrations a caller's own list holds: one member's, or those of all members of an office's network. */
export type RegistrationOwners = { memberId: string } | { network: string };

/**
 * A member reads its own registrations, an office its members' (or one of
 * them, named by memberId); admin and partners have no members of their own.
 */
export function ownRegistrationsOf(identity: Identity, memberId: string | null | undefined): RegistrationOwners {
  requireSignedIn(identity);
  if (identity.role === 'member') {
    if (memberId && memberId !== identity.memberId) throw forbidden(`A member reads its own registrations; ${memberId} is not ${identity.memberId}.`);
    return { memberId: identity.memberId! };
  }
  if (identity.role !== 'office') throw forbidden(`Role ${identity.role} has no members' registrations; members and offices read theirs.`);
  if (!memberId) return { network: identity.network! };
  if (parseMemberId(memberId, 'memberId').network.code !== identity.network)
    throw forbidden(`${identity.network}'s office reads the registrations of members of ${identity.network} only, not ${memberId}.`);
  return { memberId };
}

/** The registrations of an event are its publisher's to read (and admin's). */
export function assertCanListRegistrations(identity: Identity, source: string): void {
  requireSignedIn(identity);
  if (identity.role === 'admin' || (identity.role === 'office' && identity.network === source)) return;
  throw forbidden(
    source === regionSource
      ? "Only admin reads a region-wide event's registrations."
      : `Only ${source}'s office or admin reads the registrations of ${source}'s events.`,
  );
}

function requireSignedIn(identity: Identity): void {
  if (identity.role === 'anonymous') throw signInRequired('Sign in: this operation needs a bearer token.');
}
