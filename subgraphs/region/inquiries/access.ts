import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
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

/** The part of the inquiry flow a partner is refused when it acts for a member (access.ts actingMember): partners ask for quotes, members bid. */
export const bidding = { feature: 'bidding on inquiries' } as const;

export type InquiryView = { kind: 'owner' | 'admin' } | { kind: 'office'; network: string } | { kind: 'bidder'; memberId: string };

/** What one caller takes part in: the inquiries it sees without owning them, and (a member) the consortia it is a partner of. */
interface Participation {
  inquiryIds: Set<number>;
  consortiumIds: number[];
}

/**
 * The caller's access to inquiries for one request (on the context): the view
 * of each inquiry it loaded, and what it takes part in, read once however many
 * inquiries the request touches (2 or 3 statements for a member or an office).
 */
export class InquiryAccess {
  readonly identity: Identity;
  private readonly views = new Map<number, InquiryView>();
  private participation: Promise<Participation> | null = null;

  constructor(identity: Identity) {
    this.identity = identity;
  }

  /** The view resolved for this inquiry earlier in the request. */
  viewOf(inquiry: Inquiry): InquiryView {
    const view = this.views.get(inquiry.id);
    if (!view) throw new Error(`Inquiry ${inquiry.id} was loaded without a view.`);
    return view;
  }

  /** The caller's view of an inquiry, or null when it may not see it. */
  async resolve(em: EntityManager, inquiry: Inquiry): Promise<InquiryView | null> {
    const view = await this.computeView(em, inquiry);
    if (view) this.views.set(inquiry.id, view);
    return view;
  }

  /** A where clause for the inquiries the caller may see. */
  async visibleWhere(em: EntityManager): Promise<FilterQuery<Inquiry>> {
    const { identity } = this;
    const key = callerKey(identity);
    if (identity.role === 'admin') return {};
    if (identity.role === 'partner') return { ownerKey: key };
    return { $or: [{ ownerKey: key }, { id: { $in: [...(await this.participating(em)).inquiryIds] } }] };
  }

  /** Consortia the caller (a member) is a partner of; none for anyone else. */
  async consortiumIds(em: EntityManager): Promise<number[]> {
    return (await this.participating(em)).consortiumIds;
  }

  private async computeView(em: EntityManager, inquiry: Inquiry): Promise<InquiryView | null> {
    const { identity } = this;
    if (identity.role === 'admin') return { kind: 'admin' };
    if (inquiry.ownerKey === callerKey(identity)) return { kind: 'owner' };
    if (inquiry.status === 'DRAFT' || (identity.role !== 'office' && identity.role !== 'member')) return null;
    if (!(await this.participating(em)).inquiryIds.has(inquiry.id)) return null;
    return identity.role === 'office' ? { kind: 'office', network: identity.network! } : { kind: 'bidder', memberId: identity.memberId! };
  }

  private participating(em: EntityManager): Promise<Participation> {
    this.participation ??= readParticipation(em, this.identity);
    return this.participation;
  }
}

/**
 * A member takes part as invitee or consortium partner; an office through its members, invited or asked into a
 * consortium. The office of a partner only (no member of its network invited) did not see the inquiry, so
 * `consortium(id)` answered it null, while the schema names the offices of a consortium's members among those who
 * see it (the inquiry probe).
 */
async function readParticipation(em: EntityManager, identity: Identity): Promise<Participation> {
  if (identity.role !== 'office' && identity.role !== 'member') return { inquiryIds: new Set(), consortiumIds: [] };
  const whose = identity.role === 'office' ? { network: identity.network! } : { memberId: identity.memberId! };
  const [invitations, partners] = await Promise.all([
    em.find(InvitationSchema, whose, { fields: ['inquiry'] }),
    em.find(ConsortiumPartnerSchema, whose, { fields: ['consortium'] }),
  ]);
  const consortiumIds = [...new Set(partners.map((p) => p.consortium.id))];
  const consortia = consortiumIds.length ? await em.find(ConsortiumSchema, { id: { $in: consortiumIds } }, { fields: ['inquiry'] }) : [];
  const inquiryIds = new Set([...invitations.map((i) => i.inquiry.id), ...consortia.map((c) => c.inquiry.id)]);
  // An office's consortia are found through the inquiry's consortia field and the consortium query, by network.
  return { inquiryIds, consortiumIds: identity.role === 'member' ? consortiumIds : [] };
}

export function requireOwner(view: InquiryView | null, id: string): void {
  if (view?.kind !== 'owner' && view?.kind !== 'admin') throw forbidden(`Only the owner of inquiry ${id} or admin may do this.`);
}

/** Loads an inquiry the caller may see, or null. */
export async function visibleInquiry(ctx: RegionContext, id: string, field = 'id'): Promise<Inquiry | null> {
  const inquiry = await ctx.em.findOne(InquirySchema, parseInquiryId(id, field));
  if (!inquiry || !(await ctx.inquiryAccess.resolve(ctx.em, inquiry))) return null;
  return inquiry;
}
