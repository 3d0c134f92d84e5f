import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden } from '../../../shared/errors.ts';
import type { Identity } from '../../../shared/identity.ts';
import { callerKey } from '../access.ts';
import type { RegionContext } from '../context.ts';
import { parseInquiryId } from '../ids.ts';
import { ConsortiumPartnerSchema, ConsortiumSchema, InquirySchema, InvitationSchema, type Inquiry } from './entities.ts';

// Who sees an inquiry: its owner (every invitation and quote), admin
// (everything), the offices of invited members (the invitations and quotes of
// their own network's members only), invited members and consortium partners
// (the inquiry, their own invitation and their own quote only). Whoever does
// not see an inquiry gets the answer of an inquiry that does not exist, from
// every query and mutation: nothing tells it the inquiry's state or existence.

export type InquiryView = { kind: 'owner' | 'admin' } | { kind: 'office'; network: string } | { kind: 'bidder'; memberId: string };

const views = new WeakMap<Inquiry, InquiryView>();

/** Memoised per loaded entity, which lives in one request's EntityManager. */
export function viewOf(inquiry: Inquiry): InquiryView {
  const view = views.get(inquiry);
  if (!view) throw new Error(`Inquiry ${inquiry.id} was loaded without a view.`);
  return view;
}

/** Ids of the inquiries a member takes part in as invitee or consortium partner. */
async function memberInquiryIds(em: EntityManager, memberId: string): Promise<number[]> {
  const [invitations, partners] = await Promise.all([
    em.find(InvitationSchema, { memberId }, { fields: ['inquiryId'] }),
    em.find(ConsortiumPartnerSchema, { memberId }, { fields: ['consortiumId'] }),
  ]);
  const consortia = partners.length ? await em.find(ConsortiumSchema, { id: { $in: partners.map((p) => p.consortiumId) } }, { fields: ['inquiryId'] }) : [];
  return [...new Set([...invitations.map((i) => i.inquiryId), ...consortia.map((c) => c.inquiryId)])];
}

/** A where clause for the inquiries the caller may see. */
export async function visibleWhere(em: EntityManager, identity: Identity): Promise<Record<string, unknown>> {
  const key = callerKey(identity);
  if (identity.role === 'admin') return {};
  if (identity.role === 'partner') return { ownerKey: key };
  if (identity.role === 'office') {
    const invitations = await em.find(InvitationSchema, { network: identity.network }, { fields: ['inquiryId'] });
    return { $or: [{ ownerKey: key }, { id: { $in: invitations.map((i) => i.inquiryId) } }] };
  }
  return { $or: [{ ownerKey: key }, { id: { $in: await memberInquiryIds(em, identity.memberId!) } }] };
}

/** The caller's view of an inquiry, or null when it may not see it. */
export async function resolveView(em: EntityManager, identity: Identity, inquiry: Inquiry): Promise<InquiryView | null> {
  const view = await computeView(em, identity, inquiry);
  if (view) views.set(inquiry, view);
  return view;
}

async function computeView(em: EntityManager, identity: Identity, inquiry: Inquiry): Promise<InquiryView | null> {
  if (identity.role === 'admin') return { kind: 'admin' };
  if (inquiry.ownerKey === callerKey(identity)) return { kind: 'owner' };
  if (inquiry.status === 'DRAFT') return null;
  if (identity.role === 'office') {
    const invited = await em.count(InvitationSchema, { inquiryId: inquiry.id, network: identity.network });
    return invited > 0 ? { kind: 'office', network: identity.network! } : null;
  }
  if (identity.role === 'member' && (await memberInquiryIds(em, identity.memberId!)).includes(inquiry.id)) return { kind: 'bidder', memberId: identity.memberId! };
  return null;
}

export function requireOwner(view: InquiryView | null, id: string): void {
  if (view?.kind !== 'owner' && view?.kind !== 'admin') throw forbidden(`Only the owner of inquiry ${id} or admin may do this.`);
}

/** Loads an inquiry the caller may see, or null. */
export async function visibleInquiry(ctx: RegionContext, id: string, field = 'id'): Promise<Inquiry | null> {
  const inquiry = await ctx.em.findOne(InquirySchema, parseInquiryId(id, field));
  if (!inquiry || !(await resolveView(ctx.em, ctx.identity, inquiry))) return null;
  return inquiry;
}
