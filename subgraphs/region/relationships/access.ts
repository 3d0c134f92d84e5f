import { forbidden } from '../../../shared/errors.ts';
import { requireSignedIn, type Identity } from '../../../shared/identity.ts';
import type { BusinessRelationship } from './relationship.entity.ts';

// Who may do what with a relationship: a member acts for itself only (the
// consent is the member's, not its office's); a relationship that is not yet
// confirmed is seen by its two sides and admin alone.

/** The caller's own member; only members record, confirm and end relationships. */
export function actingMember(identity: Identity): string {
  if (identity.role !== 'member' || !identity.memberId) throw forbidden('Only a member records, confirms or ends its own business relationships.');
  return identity.memberId;
}

export const isSide = (r: Pick<BusinessRelationship, 'requesterId' | 'partnerId'>, memberId: string | undefined) =>
  memberId !== undefined && (r.requesterId === memberId || r.partnerId === memberId);

/** Reading relationships is for members, offices and admin: anonymous callers sign in first, partners are refused. */
export function requireRelationshipReader(identity: Identity): void {
  requireSignedIn(identity);
  if (identity.role === 'partner') throw forbidden('Business relationships are for members, offices and admin, not partners.');
}

/** Whether a reader (requireRelationshipReader) sees every relationship of memberId, requested ones too, or only the confirmed ones. */
export function seesUnconfirmed(identity: Identity, memberId: string): boolean {
  return identity.role === 'admin' || identity.memberId === memberId;
}
