import { forbidden } from '../../../shared/errors.ts';
import type { Identity } from '../../../shared/identity.ts';
import { canActFor, requireCooperation as cooperationOnly } from '../access.ts';
import type { WorkingGroup, WorkingGroupMembership } from './entities.ts';

// Who may do what in a working group. The lead is an office (its network's
// office acts for it) or a member (the member itself and its office act for
// it); admin may do what the lead may. What belongs to the group alone (a
// meeting's agenda, video link, RSVPs and minutes) is seen by the lead, admin,
// its active members and their offices, which act for them; for anyone else
// those fields are FORBIDDEN, so a caller learns why it sees no agenda.

/** Working groups are the cooperation's: anonymous callers sign in first, partners are refused, told so of working groups. */
export function requireCooperation(identity: Identity): void {
  cooperationOnly(identity, 'working groups');
}

export function isLead(identity: Identity, group: Pick<WorkingGroup, 'leadNetwork' | 'leadMemberId'>): boolean {
  if (identity.role === 'admin') return true;
  if (group.leadMemberId) return canActFor(identity, group.leadMemberId, group.leadNetwork);
  return identity.role === 'office' && identity.network === group.leadNetwork;
}

export function requireLead(identity: Identity, group: WorkingGroup, what: string): void {
  if (!isLead(identity, group)) throw forbidden(`Only the lead of working group "${group.topic}" or admin may ${what}.`);
}

/** Whether the caller sees what belongs to the group alone, given the group's open memberships. */
export function seesInside(identity: Identity, group: WorkingGroup, memberships: readonly WorkingGroupMembership[]): boolean {
  if (isLead(identity, group)) return true;
  return memberships.some((m) => m.status === 'ACTIVE' && canActFor(identity, m.memberId, m.network));
}

export function requireInside(inside: boolean, what: string): void {
  if (!inside) throw forbidden(`${what}: for the working group's members (and their offices), its lead and admin only; ask the lead to join.`);
}

/** Pending invitations and requests are seen by the lead, admin and those acting for the member concerned. */
export const seesPending = (identity: Identity, group: WorkingGroup, membership: WorkingGroupMembership) =>
  isLead(identity, group) || canActFor(identity, membership.memberId, membership.network);
