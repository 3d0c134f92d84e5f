import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, forbidden, notFound } from '../../../shared/errors.ts';
import type { Identity } from '../../../shared/identity.ts';
import { once, processCodes } from '../../../shared/validation.ts';
import {
  ConsortiumPartnerSchema,
  ConsortiumSchema,
  InquirySchema,
  InvitationSchema,
  QuoteSchema,
  type Consortium,
  type ConsortiumPartner,
  type Inquiry,
} from './entities.ts';
import type { InquiryAccess } from './access.ts';
import { lockInquiry, requireStatus } from './inquiries.ts';
import { consortiumId, inquiryId } from '../ids.ts';
import { emit } from './outbox.ts';

// A Bietergemeinschaft: an invited member (the lead) bids with members of any
// network. Every partner, the lead included, accepts with its processes and
// share of the value; the lead quotes once all accepted and shares sum to 100.

/**
 * Complete once every partner that has not declined accepted, one at least besides the lead, and their shares sum to
 * 100; else why not. A partner that declined is out: it kept the consortium INCOMPLETE for good, and its lead, who
 * could neither add another nor form a second one, could bid only alone (the inquiry probe).
 */
export function completeness(partners: readonly ConsortiumPartner[], lead: string): { complete: boolean; reason: string } {
  // The lead quotes for the consortium: one that declined its own leaves it nothing to complete.
  if (partners.some((p) => p.memberId === lead && p.status === 'DECLINED')) return { complete: false, reason: `its lead ${lead} declined` };
  const taking = partners.filter((p) => p.status !== 'DECLINED');
  const waiting = taking.filter((p) => p.status !== 'ACCEPTED').map((p) => `${p.memberId} is ${p.status}`);
  if (waiting.length) return { complete: false, reason: waiting.join(', ') };
  if (!taking.some((p) => p.memberId !== lead))
    return { complete: false, reason: 'every partner besides the lead declined: add another (addConsortiumPartners)' };
  const total = taking.reduce((sum, p) => sum + (p.sharePercent ?? 0), 0);
  if (Math.abs(total - 100) > 1e-6) return { complete: false, reason: `the shares sum to ${total}, not 100` };
  return { complete: true, reason: '' };
}

/** The lead asks more members into its consortium, while it has not quoted: each INVITED and told, as at its start. */
export async function addPartners(
  tx: EntityManager,
  access: InquiryAccess,
  consortiumKey: number,
  lead: string,
  partners: { memberId: string; network: string }[],
): Promise<Consortium> {
  const found = await tx.findOne(ConsortiumSchema, consortiumKey);
  // Only its lead adds: anyone else learns nothing of it, as respondToConsortium answers one who is no partner.
  if (!found || found.leadMemberId !== lead) throw notFound(`Consortium ${consortiumId(consortiumKey)} does not exist.`);
  // The inquiry's lock before the consortium's, in the order the lead's quote takes them (quotes.ts), so the two wait
  // for each other instead of deadlocking.
  const inquiry = await lockInquiry(tx, access, inquiryId(found.inquiry.id), null, 'consortiumId');
  requireStatus(inquiry, inquiryId(inquiry.id), 'bid on', ['OPEN']);
  // A lead that declined the inquiry since can quote no more: it asked and told new partners into a dead consortium.
  await requireInvitedLead(tx, inquiry, lead, inquiryId(inquiry.id));
  const consortium = await tx.findOneOrFail(ConsortiumSchema, consortiumKey, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  // A quote its lead withdrew binds nobody: the lead may mend the consortium (a partner dropped out) and quote again.
  if (await tx.count(QuoteSchema, { consortium: consortiumKey, status: { $ne: 'WITHDRAWN' } }))
    throw conflict(`Consortium ${consortiumId(consortiumKey)} has already quoted; its partners are fixed.`, { reason: 'STATUS' });
  const present = new Set((await tx.find(ConsortiumPartnerSchema, { consortium })).map((p) => p.memberId));
  const already = partners.find((p) => present.has(p.memberId));
  if (already)
    throw badInput('partners', `${already.memberId} is a partner of ${consortiumId(consortiumKey)} already; name only members not in it.`, {
      reason: 'DUPLICATE',
    });
  if (present.size + partners.length > 21)
    throw badInput('partners', `A consortium has at most 20 members besides the lead; ${consortiumId(consortiumKey)} has ${present.size - 1}.`, {
      reason: 'TOO_MANY',
      max: 21 - present.size,
    });
  askIn(tx, inquiry, consortium, lead, partners);
  return consortium;
}

export async function createConsortium(
  tx: EntityManager,
  access: InquiryAccess,
  id: string,
  lead: { memberId: string; network: string },
  partners: { memberId: string; network: string }[],
): Promise<Consortium> {
  const inquiry = await lockInquiry(tx, access, id, null, 'inquiryId');
  requireStatus(inquiry, id, 'bid on', ['OPEN']);
  await requireInvitedLead(tx, inquiry, lead.memberId, id);
  if (await tx.count(ConsortiumSchema, { inquiry, leadMemberId: lead.memberId }))
    throw conflict(`${lead.memberId} already leads a consortium for ${id}.`, { reason: 'EXISTS' });
  const consortium = tx.create(ConsortiumSchema, { inquiry, leadMemberId: lead.memberId, leadNetwork: lead.network });
  await tx.flush();
  askIn(tx, inquiry, consortium, lead.memberId, [lead, ...partners]);
  return consortium;
}

/** Members INVITED into the consortium, each but the lead told through the outbox. */
function askIn(tx: EntityManager, inquiry: Inquiry, consortium: Consortium, lead: string, members: { memberId: string; network: string }[]): void {
  for (const member of members) {
    tx.create(ConsortiumPartnerSchema, {
      consortium,
      memberId: member.memberId,
      network: member.network,
      status: 'INVITED',
      processCodes: [],
      sharePercent: null,
    });
    if (member.memberId !== lead) emit(tx, 'CONSORTIUM_INVITED', inquiry, member, { consortiumId: consortiumId(consortium.id), lead });
  }
}

/** Only an invited bidder that has not declined leads a consortium (createConsortium, addConsortiumPartners). */
async function requireInvitedLead(tx: EntityManager, inquiry: Inquiry, lead: string, id: string): Promise<void> {
  const invitation = await tx.findOne(InvitationSchema, { inquiry, memberId: lead });
  if (!invitation || invitation.status === 'DECLINED')
    throw forbidden(`${lead} is not an invited bidder of ${id}; only invited members may lead a consortium.`);
}

export function partnerList(lead: string, partners: string[]): string[] {
  // A member named twice is refused, as a quantity or a price tier given twice is.
  once('partners', partners);
  if (partners.length === 0 || partners.length > 20)
    throw badInput(
      'partners',
      `partners needs 1 to 20 members besides the lead, got ${partners.length}.`,
      partners.length === 0 ? { reason: 'TOO_FEW', min: 1 } : { reason: 'TOO_MANY', max: 20 },
    );
  if (partners.includes(lead)) throw badInput('partners', `partners lists the lead ${lead}; name only the other members.`, { reason: 'NOT_APPLICABLE' });
  return partners;
}

export async function respond(
  tx: EntityManager,
  caller: Identity,
  consortiumKey: number,
  member: string,
  answer: { accept: boolean; processes?: string[] | null; sharePercent?: number | null },
): Promise<Consortium> {
  // Locked, as the lead's quote locks it before it reads the partners (quotes.ts): an answer read the quotes before a
  // quote being filed was committed, and a partner declined from a consortium whose quote then stood without it.
  const consortium = await tx.findOne(ConsortiumSchema, consortiumKey, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const partners = consortium ? await tx.find(ConsortiumPartnerSchema, { consortium: consortiumKey }) : [];
  const partner = partners.find((p) => p.memberId === member);
  if (!consortium || !partner) {
    // Who sees the consortium (admin, the office of a partner) is told the member is none of its partners; anyone
    // else learns nothing of it, as `consortium(id)` answers null: FORBIDDEN told a guessed id from one that does
    // not exist (the inquiry probe).
    const sees = caller.role === 'admin' || (caller.role === 'office' && partners.some((p) => p.network === caller.network));
    if (consortium && sees)
      throw badInput('memberId', `${member} is not a partner of ${consortiumId(consortiumKey)}; name one of its partners.`, { reason: 'NOT_APPLICABLE' });
    throw notFound(`Consortium ${consortiumId(consortiumKey)} does not exist.`);
  }
  // Only while its inquiry takes quotes: a partner still accepted into the consortium of a cancelled inquiry.
  const inquiry = await tx.findOneOrFail(InquirySchema, consortium.inquiry.id);
  requireStatus(inquiry, inquiryId(inquiry.id), 'answered in its consortia', ['OPEN']);
  // A quote its lead withdrew binds nobody: the lead may mend the consortium (a partner dropped out) and quote again.
  if (await tx.count(QuoteSchema, { consortium: consortiumKey, status: { $ne: 'WITHDRAWN' } }))
    throw conflict(`Consortium ${consortiumId(consortiumKey)} has already quoted; its shares are fixed.`, { reason: 'STATUS' });
  if (answer.accept) {
    const share = answer.sharePercent;
    if (share == null || !(share > 0 && share <= 100))
      throw badInput(
        'sharePercent',
        `sharePercent must be more than 0 and at most 100 when accepting, got ${share ?? 'nothing'}.`,
        share == null ? { reason: 'REQUIRED' } : { reason: 'OUT_OF_RANGE', above: 0, max: 100 },
      );
    if (!answer.processes?.length)
      throw badInput('processes', 'processes must name the DIN 8580 processes this partner takes on, e.g. ["3.2.3"].', { reason: 'REQUIRED' });
    partner.processCodes = processCodes('processes', once('processes', answer.processes));
    partner.sharePercent = share;
  }
  partner.status = answer.accept ? 'ACCEPTED' : 'DECLINED';
  return consortium;
}
