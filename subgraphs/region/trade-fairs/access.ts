import { forbidden } from '../../../shared/errors.ts';
import { requireSignedIn, type Identity } from '../../../shared/identity.ts';
import type { BoothRegistration } from './booth-registration.entity.ts';
import type { JointBooth } from './joint-booth.entity.ts';

// Who may do what with trade fairs and joint booths. Fairs, booths and their
// exhibitor catalogue are the cooperation's: members, offices and admin, not
// partners. A network office or admin organises a booth; the organising office
// (or admin) decides on registrations. A member registers and withdraws
// itself, an office its network's members, admin anyone.

const who = (identity: Identity) => `Role ${identity.role}${identity.network ? ` (${identity.network})` : ''}`;

export function requireCooperation(identity: Identity): void {
  requireSignedIn(identity);
  if (identity.role === 'partner') throw forbidden('Trade fairs and joint booths are for members, network offices and admin, not for partners.');
}

/** The network the new booth's organiser is: an office's own, null for admin (the region). */
export function organiserOf(identity: Identity): string | null {
  requireCooperation(identity);
  if (identity.role === 'admin') return null;
  if (identity.role === 'office') return identity.network!;
  throw forbidden('A network office or admin organises a joint booth; members register for one.');
}

export const isOrganiser = (identity: Identity, booth: Pick<JointBooth, 'organiserNetwork'>) =>
  identity.role === 'admin' || (identity.role === 'office' && booth.organiserNetwork !== null && identity.network === booth.organiserNetwork);

export function assertOrganiser(identity: Identity, booth: Pick<JointBooth, 'organiserNetwork'>): void {
  requireCooperation(identity);
  if (isOrganiser(identity, booth)) return;
  const organiser = booth.organiserNetwork ? `${booth.organiserNetwork}'s office` : 'admin';
  throw forbidden(`${who(identity)} may not decide on this booth's registrations; ${organiser} organises it.`);
}

/** Whether the caller sees a registration: the organiser and admin all, an office its network's members', a member its own. */
export function seesRegistration(identity: Identity, booth: Pick<JointBooth, 'organiserNetwork'>, r: Pick<BoothRegistration, 'memberId' | 'memberNetwork'>) {
  if (isOrganiser(identity, booth)) return true;
  if (identity.role === 'office') return identity.network === r.memberNetwork;
  return identity.role === 'member' && identity.memberId === r.memberId;
}

/** Whether the caller may withdraw the registration at all, and whether only until the deadline (the member's side) or at any time (the organiser's). */
export function withdrawal(identity: Identity, booth: Pick<JointBooth, 'organiserNetwork'>, r: Pick<BoothRegistration, 'memberId' | 'memberNetwork'>) {
  if (isOrganiser(identity, booth)) return 'any time' as const;
  if (seesRegistration(identity, booth, r)) return 'until the deadline' as const;
  return null;
}

/** Offices and admin see every line of a cost split, a member its own. */
export const seesWholeSplit = (identity: Identity) => identity.role === 'admin' || identity.role === 'office';
