import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, forbidden, notFound } from '../../../shared/errors.ts';
import { regionDay } from '../../../shared/region-day.ts';
import { isoDate, text } from '../../../shared/validation.ts';
import { today } from '../capacity/calendar.ts';
import {
  ConsortiumPartnerSchema,
  ConsortiumSchema,
  InquirySchema,
  InvitationSchema,
  QuoteRevisionSchema,
  QuoteSchema,
  type Consortium,
  type Inquiry,
  type PriceTier,
  type Quote,
} from './entities.ts';
import { completeness } from './consortia.ts';
import { effectiveStatus, leftNetworkCauses, lockInquiry, requireStatus, withinHorizon } from './inquiries.ts';
import type { Identity } from '../../../shared/identity.ts';
import { recordRegionAudit } from '../members/audit.ts';
import { leftNetworkReason } from '../trade-fairs/registrations.ts';
import type { RegionContext } from '../context.ts';
import { consortiumId, inquiryId, quoteId } from '../ids.ts';
import type { InquiryAccess } from './access.ts';
import { emit } from './outbox.ts';

export interface QuoteInput {
  priceTiers: PriceTier[];
  currency?: string | null;
  leadTimeDays: number;
  validUntil: string;
  notes?: string | null;
  consortiumId?: string | null;
  memberId?: string | null;
}

export type QuoteTerms = Pick<Quote, 'priceTiers' | 'currency' | 'leadTimeDays' | 'validUntil' | 'notes'>;

export function quoteTerms(input: QuoteInput): QuoteTerms {
  const tiers = input.priceTiers;
  if (tiers.length === 0 || tiers.length > 20)
    throw badInput(
      'input.priceTiers',
      `input.priceTiers needs 1 to 20 tiers, got ${tiers.length}.`,
      tiers.length === 0 ? { reason: 'TOO_FEW', min: 1 } : { reason: 'TOO_MANY', max: 20 },
    );
  tiers.forEach((t, i) => {
    if (!Number.isInteger(t.minQuantity) || t.minQuantity < 1)
      throw badInput(`input.priceTiers[${i}].minQuantity`, `input.priceTiers[${i}].minQuantity must be a positive whole number, got ${t.minQuantity}.`, {
        reason: 'OUT_OF_RANGE',
        min: 1,
        integer: true,
      });
    if (!(t.unitPrice > 0 && t.unitPrice <= 9_999_999.99))
      throw badInput(
        `input.priceTiers[${i}].unitPrice`,
        `input.priceTiers[${i}].unitPrice must be an amount above 0 and at most 9,999,999.99, got ${t.unitPrice}.`,
        { reason: 'OUT_OF_RANGE', above: 0, max: 9_999_999.99 },
      );
  });
  if (new Set(tiers.map((t) => t.minQuantity)).size !== tiers.length)
    throw badInput('input.priceTiers', 'input.priceTiers has two tiers with the same minQuantity.', { reason: 'DUPLICATE' });
  const currency = input.currency ?? 'EUR';
  if (!currencies.has(currency))
    throw badInput('input.currency', `input.currency must be the code of a currency ISO 4217 lists, such as EUR, got "${currency.slice(0, 10)}".`, {
      reason: 'CURRENCY',
    });
  if (!Number.isInteger(input.leadTimeDays) || input.leadTimeDays < 1 || input.leadTimeDays > 3650) {
    throw badInput('input.leadTimeDays', `input.leadTimeDays must be a whole number of days from 1 to 3650, got ${input.leadTimeDays}.`, {
      reason: 'OUT_OF_RANGE',
      min: 1,
      max: 3650,
      integer: true,
    });
  }
  isoDate('input.validUntil', input.validUntil);
  if (input.validUntil < today()) throw badInput('input.validUntil', `input.validUntil (${input.validUntil}) lies in the past.`, { reason: 'IN_THE_PAST' });
  // An inquiry's dates lie at most two years ahead (inquiries.ts inquiryHorizonYears), and so does its offer: 2999 was taken.
  withinHorizon('input.validUntil', input.validUntil, input.validUntil, new Date());
  return {
    priceTiers: [...tiers].sort((a, b) => a.minQuantity - b.minQuantity).map((t) => ({ minQuantity: t.minQuantity, unitPrice: t.unitPrice })),
    currency,
    leadTimeDays: input.leadTimeDays,
    validUntil: input.validUntil,
    notes: text('input.notes', input.notes, 5000, false),
  };
}

/**
 * The currencies ISO 4217 lists, as Node's ICU knows them (about 300): three capital letters alone took XYZ, and the
 * owner's comparison set its 3.333 between two quotes in euros.
 */
const currencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * The unit price that applies to a quantity: the tier with the largest minQuantity not above it. A quote's tiers
 * start at or below its inquiry's largest quantity (submitQuote); else, for a quote saved before that rule, the smallest tier.
 */
export function unitPriceFor(tiers: PriceTier[], quantity: number): number {
  const applicable = tiers.filter((t) => t.minQuantity <= quantity);
  return (applicable.at(-1) ?? tiers[0]).unitPrice;
}

/**
 * The order of the owner's comparison. Prices compare only within a currency: the quotes in the currency most of
 * them use first, then each other currency's (more quotes first, then by code), each cheapest first, then the
 * shorter lead time, then the earlier quote. By the number alone, 3.333 XYZ stood between 0.005 and 5 euros.
 */
export function comparisonOrder(quotes: Pick<Quote, 'currency'>[]) {
  const inCurrency = new Map<string, number>();
  for (const quote of quotes) inCurrency.set(quote.currency, (inCurrency.get(quote.currency) ?? 0) + 1);
  type Row = { currency: string; unitPrice: number; leadTimeDays: number; quote: Pick<Quote, 'id' | 'createdAt'> };
  return (a: Row, b: Row) =>
    (inCurrency.get(b.currency) ?? 0) - (inCurrency.get(a.currency) ?? 0) ||
    a.currency.localeCompare(b.currency) ||
    a.unitPrice - b.unitPrice ||
    a.leadTimeDays - b.leadTimeDays ||
    a.quote.createdAt.getTime() - b.quote.createdAt.getTime() ||
    a.quote.id - b.quote.id;
}

/** A first quote or a revision, only from an invited member, only while the inquiry takes quotes. */
export async function submitQuote(
  tx: EntityManager,
  access: InquiryAccess,
  id: string,
  bidder: { memberId: string; network: string },
  terms: QuoteTerms,
  consortiumKey: number | null,
  version: number | null | undefined,
  inputTiers: readonly PriceTier[] = terms.priceTiers,
): Promise<Quote> {
  // Who does not see the inquiry learns nothing (NOT_FOUND); who sees it but is not invited learns only that.
  const inquiry = await lockInquiry(tx, access, id, null, 'inquiryId');
  requireStatus(inquiry, id, 'quoted on', ['OPEN']);
  // The owner awards after the deadline: a quote valid until the 8th on an inquiry quoting until the 15th of the next
  // month was void before its customer could choose it, and the comparison showed it and let it be awarded.
  const deadlineDay = regionDay(inquiry.quoteDeadline);
  if (terms.validUntil < deadlineDay)
    throw badInput(
      'input.validUntil',
      `input.validUntil (${terms.validUntil}) lies before the quote deadline's day of inquiry ${id} (${deadlineDay}); the customer chooses after it, so keep the quote valid until then at least.`,
      { reason: 'ORDER', other: 'quoteDeadline' },
    );
  // The owner compares quotes at the inquiry's largest quantity: tiers that all start above it price nothing asked
  // for, and the comparison showed the smallest tier's price for a quantity it was not offered for.
  const largest = Math.max(...inquiry.quantities.map((q) => q.quantity));
  const smallest = terms.priceTiers[0];
  if (smallest.minQuantity > largest) {
    const at = inputTiers.findIndex((t) => t.minQuantity === smallest.minQuantity);
    throw badInput(
      `input.priceTiers[${at}].minQuantity`,
      `input.priceTiers[${at}].minQuantity (${smallest.minQuantity}), the smallest tier's, is above the largest quantity inquiry ${id} asks for (${largest}), which the quote would then not price: give a tier from at most ${largest} parts on.`,
      { reason: 'OUT_OF_RANGE', min: 1, max: largest, integer: true },
    );
  }
  const invitation = await tx.findOne(InvitationSchema, { inquiry, memberId: bidder.memberId });
  if (!invitation) throw forbidden(`${bidder.memberId} is not invited to inquiry ${id}; only invited members may quote.`);
  if (invitation.status === 'DECLINED')
    throw conflict(`${bidder.memberId} declined inquiry ${id} and can no longer quote on it.`, { reason: 'STATUS', status: 'DECLINED' });
  const consortium = consortiumKey === null ? undefined : await requireCompleteConsortium(tx, inquiry, consortiumKey, bidder.memberId);

  let quote = await tx.findOne(QuoteSchema, { inquiry, memberId: bidder.memberId });
  if (quote) {
    const withdrawn = quote.status === 'WITHDRAWN';
    if (version == null)
      throw conflict(
        withdrawn
          ? `${bidder.memberId} withdrew its quote on ${id} (quote ${quoteId(quote.id)}, version ${quote.version}); give that version to submit it again.`
          : `${bidder.memberId} already quoted on ${id} (quote ${quoteId(quote.id)}, version ${quote.version}); give that version to revise it.`,
        { reason: 'EXISTS' },
        { currentVersion: quote.version, field: 'version' },
      );
    if (quote.version !== version)
      throw conflict(`Quote ${quoteId(quote.id)} is at version ${quote.version}, not ${version}: it changed since you read it. Read it again and retry.`, {
        reason: 'STALE_VERSION',
        currentVersion: quote.version,
      });
    // A withdrawn quote submitted again is its next revision, SUBMITTED once more: one quote per bidder and inquiry.
    Object.assign(quote, terms, { consortium: consortium ?? null, revision: quote.revision + 1, status: 'SUBMITTED' as const });
  } else {
    quote = tx.create(QuoteSchema, {
      ...terms,
      inquiry,
      memberId: bidder.memberId,
      network: bidder.network,
      consortium: consortium ?? null,
      status: 'SUBMITTED',
      revision: 1,
    });
    await tx.flush();
  }
  tx.create(QuoteRevisionSchema, { ...terms, quote, revision: quote.revision, consortiumId: consortium?.id ?? null });
  invitation.status = 'QUOTED';
  emit(
    tx,
    'QUOTE_RECEIVED',
    inquiry,
    { memberId: inquiry.ownerMemberId, network: inquiry.ownerNetwork, ownerKey: inquiry.ownerKey },
    { quoteId: quoteId(quote.id), revision: quote.revision },
  );
  return quote;
}

/**
 * SUBMITTED → WITHDRAWN while the inquiry is OPEN, by the quoting member (a consortium quote's lead). Its invitation
 * reads VIEWED again: the bidder may quote anew until the deadline (submitQuote with this version), or decline.
 */
export async function withdrawQuote(tx: EntityManager, access: InquiryAccess, quoteKey: number, version: number, bidder: string): Promise<Quote> {
  const missing = () => notFound(`Quote ${quoteId(quoteKey)} does not exist.`);
  const found = await tx.findOne(QuoteSchema, quoteKey);
  if (!found) throw missing();
  // The inquiry's lock first, as a revision takes it (submitQuote), so the version read below is current.
  const inquiry = await tx.findOne(InquirySchema, found.inquiry.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!inquiry || !(await access.resolve(tx, inquiry))) throw missing();
  const quote = await tx.findOneOrFail(QuoteSchema, quoteKey, { refresh: true });
  if (quote.memberId !== bidder) {
    // A partner of the consortium sees the quote and is told who withdraws it; anyone else learns nothing of it.
    const partner = quote.consortium != null && (await tx.count(ConsortiumPartnerSchema, { consortium: quote.consortium.id, memberId: bidder }));
    if (partner) throw forbidden(`Only ${quote.memberId}, the consortium's lead, may withdraw quote ${quoteId(quoteKey)}.`);
    throw missing();
  }
  const id = inquiryId(inquiry.id);
  const status = effectiveStatus(inquiry);
  if (status !== 'OPEN')
    throw conflict(`Inquiry ${id} is ${status}; quote ${quoteId(quoteKey)} can be withdrawn only while it is OPEN, before the quote deadline.`, {
      reason: 'STATUS',
      status,
    });
  if (quote.version !== version)
    throw conflict(
      `Quote ${quoteId(quoteKey)} is at version ${quote.version}, not ${version}: it changed since you read it. Read it again and retry.`,
      { reason: 'STALE_VERSION', currentVersion: quote.version },
      { field: 'version' },
    );
  if (quote.status !== 'SUBMITTED')
    throw conflict(`Quote ${quoteId(quoteKey)} is ${quote.status}; only a SUBMITTED quote can be withdrawn.`, { reason: 'STATUS', status: quote.status });
  quote.status = 'WITHDRAWN';
  await tx.nativeUpdate(InvitationSchema, { inquiry, memberId: quote.memberId, status: 'QUOTED' }, { status: 'VIEWED' });
  await tellWithdrawn(tx, inquiry, quote);
  return quote;
}

/**
 * QUOTE_WITHDRAWN to the inquiry's owner and to a consortium quote's accepted partners; `extra` joins its data. The
 * lead, an accepted partner too, is told only when it did not withdraw the quote itself (`toLead`).
 */
async function tellWithdrawn(tx: EntityManager, inquiry: Inquiry, quote: Quote, extra: Record<string, unknown> = {}, toLead = false): Promise<void> {
  const data = { quoteId: quoteId(quote.id), revision: quote.revision, ...extra };
  emit(tx, 'QUOTE_WITHDRAWN', inquiry, { memberId: inquiry.ownerMemberId, network: inquiry.ownerNetwork, ownerKey: inquiry.ownerKey }, data);
  if (quote.consortium != null) {
    const partners = await tx.find(ConsortiumPartnerSchema, {
      consortium: quote.consortium.id,
      status: 'ACCEPTED',
      ...(toLead ? {} : { memberId: { $ne: quote.memberId } }),
    });
    for (const p of partners) emit(tx, 'QUOTE_WITHDRAWN', inquiry, { memberId: p.memberId, network: p.network }, data);
  }
}

/**
 * A member that has left its network leaves the inquiries it was asked to quote on that are still undecided (OPEN,
 * also past the deadline): its SUBMITTED quote is withdrawn as withdrawQuote does, its owner (and a consortium's
 * partners) told QUOTE_WITHDRAWN with cause BIDDER_LEFT_NETWORK, and its invitation DECLINED, saying why, whether it
 * had quoted or not; withdrawQuote's invitation reads VIEWED again so its bidder may quote anew, which this one
 * cannot. The customer's comparison showed its quote and award button until the award was refused (the archiving
 * probe). Each under its inquiry's lock, as a bidder's own steps take it. Decided inquiries keep their quotes and
 * invitations as history; run again, it finds nothing left.
 */
export async function leaveInvitedInquiries(tx: EntityManager, actor: Identity, memberId: string): Promise<void> {
  const pending = await tx.find(InvitationSchema, { memberId, status: { $ne: 'DECLINED' }, inquiry: { status: 'OPEN' } }, { orderBy: { inquiry: 'asc' } });
  for (const { inquiry: ref } of pending) {
    const inquiry = await tx.findOneOrFail(InquirySchema, ref.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (inquiry.status !== 'OPEN') continue;
    const invitation = await tx.findOneOrFail(InvitationSchema, { inquiry, memberId }, { refresh: true });
    if (invitation.status === 'DECLINED') continue;
    const id = inquiryId(inquiry.id);
    const network = invitation.network;
    const quote = await tx.findOne(QuoteSchema, { inquiry, memberId, status: 'SUBMITTED' }, { refresh: true });
    if (quote) {
      quote.status = 'WITHDRAWN';
      await tellWithdrawn(tx, inquiry, quote, { cause: leftNetworkCauses.bidder });
      recordRegionAudit(tx, actor, {
        action: 'withdrawQuote',
        target: quoteId(quote.id),
        network,
        readerNetwork: inquiry.ownerNetwork,
        before: { inquiry: id, memberId, status: 'SUBMITTED' },
        after: { inquiry: id, memberId, status: 'WITHDRAWN', cause: leftNetworkCauses.bidder },
      });
    }
    const was = invitation.status;
    invitation.status = 'DECLINED';
    invitation.declineReason = leftNetworkReason;
    recordRegionAudit(tx, actor, {
      action: 'declineInquiry',
      target: id,
      network,
      readerNetwork: inquiry.ownerNetwork,
      before: { memberId, status: was },
      after: { memberId, status: 'DECLINED', declineReason: leftNetworkReason },
    });
  }
}

async function requireCompleteConsortium(tx: EntityManager, inquiry: Inquiry, consortiumKey: number, lead: string): Promise<Consortium> {
  // Locked before its partners are read, as each partner's answer locks it (consortia.ts respond).
  const consortium = await tx.findOne(ConsortiumSchema, consortiumKey, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!consortium || consortium.inquiry.id !== inquiry.id)
    throw badInput('input.consortiumId', `${consortiumId(consortiumKey)} is not a consortium for inquiry ${inquiryId(inquiry.id)}.`, {
      reason: 'NOT_APPLICABLE',
    });
  if (consortium.leadMemberId !== lead) throw forbidden(`Only the lead ${consortium.leadMemberId} may quote for ${consortiumId(consortiumKey)}.`);
  const { complete, reason } = completeness(await tx.find(ConsortiumPartnerSchema, { consortium }), lead);
  if (!complete) throw conflict(`Consortium ${consortiumId(consortiumKey)} cannot quote yet: ${reason}.`, { reason: 'INCOMPLETE' });
  return consortium;
}

/** Quotes of an inquiry the caller may see: all for owner and admin, its members' for an office, its own (or its consortium's) for a bidder. */
export async function visibleQuotes(ctx: RegionContext, inquiry: Inquiry): Promise<Quote[]> {
  const view = ctx.inquiryAccess.viewOf(inquiry);
  const quotes = await ctx.inquiryLoaders.quotes.load(inquiry.id);
  if (view.kind === 'office') return quotes.filter((q) => q.network === view.network);
  if (view.kind !== 'bidder') return quotes;
  const consortia = await ctx.inquiryAccess.consortiumIds(ctx.em);
  return quotes.filter((q) => q.memberId === view.memberId || (q.consortium != null && consortia.includes(q.consortium.id)));
}

/**
 * A member that has left its network leaves the consortia it was asked into for inquiries still undecided (OPEN): its
 * place DECLINED, as if it had declined, so the consortium reads incomplete and its lead may ask another member in
 * (addConsortiumPartners). A consortium that had quoted promised work the member can no longer do: its quote is
 * withdrawn as withdrawQuote does (the lead's invitation VIEWED again, so it quotes anew once the consortium is mended),
 * and the owner, the lead and the other accepted partners hear QUOTE_WITHDRAWN with cause PARTNER_LEFT_NETWORK and
 * the partner; the customer's comparison offered to award a consortium with a company that had left. The consortia
 * it leads go with its own quotes (leaveInvitedInquiries). Each under its inquiry's lock, then its consortium's, as a
 * partner's answer and the lead's quote take them; run again, it finds nothing left.
 */
export async function leaveConsortia(tx: EntityManager, actor: Identity, memberId: string): Promise<void> {
  const places = await tx.find(
    ConsortiumPartnerSchema,
    { memberId, status: { $ne: 'DECLINED' }, consortium: { leadMemberId: { $ne: memberId }, inquiry: { status: 'OPEN' } } },
    { populate: ['consortium'], orderBy: { id: 'asc' } },
  );
  for (const place of places) {
    const consortiumKey = place.consortium.id;
    const inquiry = await tx.findOneOrFail(InquirySchema, place.consortium.unwrap().inquiry.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (inquiry.status !== 'OPEN') continue;
    const consortium = await tx.findOneOrFail(ConsortiumSchema, consortiumKey, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const partner = await tx.findOneOrFail(ConsortiumPartnerSchema, place.id, { refresh: true });
    if (partner.status === 'DECLINED') continue;
    const id = inquiryId(inquiry.id);
    const was = partner.status;
    partner.status = 'DECLINED';
    recordRegionAudit(tx, actor, {
      action: 'respondToConsortium',
      target: consortiumId(consortiumKey),
      network: partner.network,
      readerNetwork: consortium.leadNetwork,
      before: { inquiry: id, memberId, status: was },
      after: { inquiry: id, memberId, status: 'DECLINED', cause: leftNetworkCauses.partner },
    });
    const quote = await tx.findOne(QuoteSchema, { consortium: consortiumKey, status: 'SUBMITTED' }, { refresh: true });
    if (!quote) continue;
    quote.status = 'WITHDRAWN';
    // Written before tellWithdrawn reads the accepted partners: the one that left is no longer among them.
    await tx.flush();
    await tx.nativeUpdate(InvitationSchema, { inquiry, memberId: quote.memberId, status: 'QUOTED' }, { status: 'VIEWED' });
    const cause = { cause: leftNetworkCauses.partner, partner: memberId };
    // The lead did not withdraw it: it hears so too, beside the owner and the other partners.
    await tellWithdrawn(tx, inquiry, quote, cause, true);
    recordRegionAudit(tx, actor, {
      action: 'withdrawQuote',
      target: quoteId(quote.id),
      network: consortium.leadNetwork,
      readerNetwork: inquiry.ownerNetwork,
      before: { inquiry: id, memberId: quote.memberId, status: 'SUBMITTED' },
      after: { inquiry: id, memberId: quote.memberId, status: 'WITHDRAWN', ...cause },
    });
  }
}
