import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { conflict, notFound } from '../../../shared/errors.ts';
import { parseMemberId } from '../../../shared/ids.ts';
import { requireSignedIn, type Identity } from '../../../shared/identity.ts';
import { InquirySchema, InvitationSchema, InviteeProposalSchema, type Inquiry, type Invitation, type InviteeProposal } from './entities.ts';
import type { RegionContext } from '../context.ts';
import { requireOwner, type InquiryAccess } from './access.ts';
import { requireOfficeOrAdmin } from '../access.ts';
import { parseInquiryId } from '../ids.ts';
import { effectiveStatus, lockInquiry, requireStatus } from './inquiries.ts';
import { emit } from './outbox.ts';

// An office invites its members only into inquiries it already sees. For any
// other it may propose one (a customer named the member, say): the owner sees
// the proposal and accepts it, which invites the member, or rejects it. The
// office is answered the same whether the inquiry exists or not and whatever
// its state, so proposing tells it nothing; it sees the inquiry once its
// member is invited.

/** Invites a member to an OPEN inquiry, tells it through the outbox, and settles any proposal of it. */
export async function inviteMember(tx: EntityManager, inquiry: Inquiry, id: string, memberId: string, network: string): Promise<Invitation> {
  if (await tx.count(InvitationSchema, { inquiry, memberId })) throw conflict(`${memberId} is already invited to ${id}.`, { reason: 'EXISTS' });
  await tx.nativeDelete(InviteeProposalSchema, { inquiry: inquiry.id, memberId });
  emit(tx, 'INVITED', inquiry, { memberId, network }, { quoteDeadline: inquiry.quoteDeadline.toISOString() });
  return tx.create(InvitationSchema, { inquiry, memberId, network, status: 'INVITED', score: null, distanceKm: null, certifications: [] });
}

/** Always true: a proposal is kept only for an OPEN inquiry and a member neither invited nor proposed yet. */
export async function proposeInvitee(tx: EntityManager, identity: Identity, inquiryId: string, memberId: string): Promise<true> {
  const key = parseInquiryId(inquiryId, 'inquiryId');
  const inquiry = await tx.findOne(InquirySchema, key, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!inquiry || effectiveStatus(inquiry) !== 'OPEN') return true;
  const taken = (await tx.count(InvitationSchema, { inquiry: key, memberId })) + (await tx.count(InviteeProposalSchema, { inquiry: key, memberId }));
  if (taken === 0)
    tx.create(InviteeProposalSchema, { inquiry: key, memberId, network: parseMemberId(memberId).network.code, proposedBy: identity.subject ?? null });
  return true;
}

/** Checks who may propose: the office of the member's network, or admin. */
export function requireProposer(identity: Identity, memberId: string): void {
  requireSignedIn(identity);
  requireOfficeOrAdmin(identity, parseMemberId(memberId, 'memberId').network.code, `propose ${memberId}`);
}

/** The owner's (or admin's) answer to a proposal: accepted, the member is invited; rejected, the proposal is gone. */
export function answerProposal(tx: EntityManager, access: InquiryAccess, inquiryId: string, memberId: string, accept: true): Promise<Invitation>;
export function answerProposal(tx: EntityManager, access: InquiryAccess, inquiryId: string, memberId: string, accept: false): Promise<true>;
export async function answerProposal(
  tx: EntityManager,
  access: InquiryAccess,
  inquiryId: string,
  memberId: string,
  accept: boolean,
): Promise<Invitation | true> {
  // A malformed id is the caller's to fix (NOT_AN_ID, as every other memberId argument), not "no office proposed it".
  parseMemberId(memberId, 'memberId');
  const inquiry = await lockInquiry(tx, access, inquiryId, null, 'inquiryId');
  requireOwner(access.viewOf(inquiry), inquiryId);
  const proposal = await tx.findOne(InviteeProposalSchema, { inquiry, memberId });
  if (!proposal) throw notFound(`No office proposed ${memberId.slice(0, 40)} for ${inquiryId}.`);
  if (!accept) {
    tx.remove(proposal);
    return true;
  }
  requireStatus(inquiry, inquiryId, 'given new invitees', ['OPEN']);
  return inviteMember(tx, inquiry, inquiryId, memberId, proposal.network);
}

/** Pending proposals: the owner and admin see them, anyone else none. */
export function visibleProposals(ctx: RegionContext, inquiry: Inquiry): Promise<InviteeProposal[]> | InviteeProposal[] {
  const view = ctx.inquiryAccess.viewOf(inquiry);
  if (view.kind !== 'owner' && view.kind !== 'admin') return [];
  return ctx.inquiryLoaders.proposals.load(inquiry.id);
}
