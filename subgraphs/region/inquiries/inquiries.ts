import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { inquiryHorizonYears, latestDeadlineDay, latestInquiryDay } from '../../../shared/inquiry-dates.ts';
import { badInput, conflict, notFound } from '../../../shared/errors.ts';
import type { Identity } from '../../../shared/identity.ts';
import type { Quantity, Tolerance } from '../../../shared/matching.ts';
import { certificationName, isoDate, isoDateTime, line, once, processCodes, requestedMaterial, text } from '../../../shared/validation.ts';
import { ConsortiumPartnerSchema, InquirySchema, InvitationSchema, QuoteSchema, type Inquiry, type InquiryQuantity, type Quote } from './entities.ts';
import { maxRadiusKm, resolveLocation } from '../members/filter.ts';
import { requireOwner, type InquiryAccess } from './access.ts';
import { callerKey } from '../access.ts';
import { inquiryId, parseInquiryId, quoteId } from '../ids.ts';
import { recordRegionAudit } from '../members/audit.ts';
import { emit } from './outbox.ts';
import { regionDay } from '../../../shared/region-day.ts';

export interface InquiryInput {
  title: string;
  partDescription: string;
  processes: string[];
  material?: string | null;
  quantities: { quantity: number; batchSize?: number | null }[];
  tolerance?: Tolerance | null;
  certifications?: string[] | null;
  documents?: string[] | null;
  ppapLevel?: number | null;
  deliveryLocation: { latitude?: number | null; longitude?: number | null; postalCode?: string | null };
  deliveryDate: string;
  quoteDeadline: string;
  customer?: string | null;
}

/** GraphQL passes null for a field given as null: applyPatch keeps the inquiry's value for it, as for an absent one. */
export type InquiryPatch = { [K in Exclude<keyof InquiryInput, 'customer'>]?: InquiryInput[K] | null };

/** OPEN past the quote deadline reads QUOTING_CLOSED: derived at every read, so no timer has to flip it. */
export function effectiveStatus(inquiry: Inquiry, now = new Date()): Inquiry['status'] | 'QUOTING_CLOSED' {
  return inquiry.status === 'OPEN' && inquiry.quoteDeadline <= now ? 'QUOTING_CLOSED' : inquiry.status;
}

function quantities(field: string, list: InquiryInput['quantities']): InquiryQuantity[] {
  if (list.length === 0 || list.length > 20)
    throw badInput(
      field,
      `${field} needs 1 to 20 entries, got ${list.length}.`,
      list.length === 0 ? { reason: 'TOO_FEW', min: 1 } : { reason: 'TOO_MANY', max: 20 },
    );
  const parsed = list.map((q, i) => {
    if (!Number.isInteger(q.quantity) || q.quantity <= 0)
      throw badInput(`${field}[${i}].quantity`, `${field}[${i}].quantity must be a positive whole number of parts, got ${q.quantity}.`, {
        reason: 'OUT_OF_RANGE',
        min: 1,
        integer: true,
      });
    const batch = q.batchSize ?? null;
    if (batch !== null && (!Number.isInteger(batch) || batch <= 0 || batch > q.quantity)) {
      throw badInput(
        `${field}[${i}].batchSize`,
        `${field}[${i}].batchSize must be a positive whole number no larger than the quantity ${q.quantity}, got ${batch}.`,
        { reason: 'OUT_OF_RANGE', min: 1, max: q.quantity, integer: true },
      );
    }
    return { quantity: q.quantity, batchSize: batch };
  });
  // Each quantity is one price a bidder quotes (its price tiers refuse two of one minQuantity alike).
  const twice = parsed.find((q, i) => parsed.findIndex((other) => other.quantity === q.quantity) !== i);
  if (twice) throw badInput(field, `${field} names the quantity ${twice.quantity} twice; give each once.`, { reason: 'DUPLICATE' });
  return parsed;
}

export { inquiryHorizonYears, latestDeadlineDay, latestInquiryDay };

/** TOO_FAR_AHEAD at `field` for a day after latestInquiryDay, with that day as max (a deadline's: latestDeadlineDay). */
export function withinHorizon(field: string, value: string, day: string, now: Date): void {
  const max = latestInquiryDay(now);
  if (day > max)
    throw badInput(field, `${field} (${value.slice(0, 40)}) lies more than ${inquiryHorizonYears} years ahead; give a day until ${max} at the latest.`, {
      reason: 'TOO_FAR_AHEAD',
      max,
    });
}

function deadline(field: string, value: string, now: Date, example = '2026-12-01T12:00:00Z'): Date {
  const time = isoDateTime(field, value, example);
  if (time <= now) throw badInput(field, `${field} (${value}) lies in the past; give a time in the future.`, { reason: 'IN_THE_PAST' });
  const max = latestDeadlineDay(now);
  if (regionDay(time) > max)
    throw badInput(
      field,
      `${field} (${value.slice(0, 40)}) lies too far ahead: delivery follows the deadline's day, at most ${inquiryHorizonYears} years ahead; give a deadline on ${max} at the latest.`,
      { reason: 'TOO_FAR_AHEAD', max },
    );
  return time;
}

/** A delivery date given: a calendar day within the horizon (one kept from before the rule is not refused for it). */
function deliveryDay(field: string, value: string, now: Date): string {
  isoDate(field, value);
  withinHorizon(field, value, value, now);
  return value;
}

function deliveryAfterDeadline(field: string, deliveryDate: string, quoteDeadline: Date): string {
  isoDate(field, deliveryDate);
  // The deadline's day in the region: a deadline at 00:30 on the 11th in Berlin is the 10th in UTC.
  const deadlineDay = regionDay(quoteDeadline);
  if (deliveryDate <= deadlineDay) {
    throw badInput(field, `${field} (${deliveryDate}) must lie after the quote deadline's day (${deadlineDay}).`, {
      reason: 'ORDER',
      other: 'quoteDeadline',
    });
  }
  return deliveryDate;
}

/** Where the parts go, as stored: the postal code given (null for coordinates) and the point it names. */
function deliveryLocation(field: string, location: InquiryInput['deliveryLocation']) {
  const { latitude, longitude } = resolveLocation(field, { ...location, radiusKm: maxRadiusKm });
  return { postalCode: location.postalCode ?? null, latitude, longitude };
}

function material(field: string, value: string | null | undefined): string | null {
  if (value == null || value.trim() === '') return null;
  // A word for a whole family, as buyers write it ("Edelstahl", "Alu"), is taken: findSuppliers ranks by it as the
  // search's filter does (any material of the family meets it). It was UNKNOWN_MATERIAL here alone (the inquiry probe).
  return requestedMaterial(field, value);
}

function documents(field: string, list: string[] | null | undefined): string[] {
  const docs = (list ?? []).map((d, i) => line(`${field}[${i}]`, d, 200, true)!);
  if (docs.length > 30) throw badInput(field, `${field} takes at most 30 documents.`, { reason: 'TOO_MANY', max: 30 });
  return docs;
}

function ppap(field: string, level: number | null | undefined): number | null {
  if (level == null) return null;
  if (!Number.isInteger(level) || level < 1 || level > 5)
    throw badInput(field, `${field} must be a PPAP submission level from 1 to 5, got ${level}.`, { reason: 'OUT_OF_RANGE', min: 1, max: 5, integer: true });
  return level;
}

function processList(field: string, codes: string[]): string[] {
  if (codes.length === 0) throw badInput(field, `${field} needs at least one DIN 8580 process code, e.g. 3.2.3 (Fräsen).`, { reason: 'TOO_FEW', min: 1 });
  return processCodes(field, once(field, codes));
}

/** An inquiry's certificates by their standard, each once ("ISO 9001" and "iso9001" are one). */
const certificateList = (field: string, values: readonly string[]) => [
  ...once(
    field,
    values.map((c) => certificationName(field, c)),
  ),
];

/** The customer an office or admin enters an inquiry for; a partner or member asks for itself and names none. */
function customerOf(identity: Identity, customer: string | null | undefined): string | null {
  if (customer != null && identity.role !== 'office' && identity.role !== 'admin')
    throw badInput(
      'input.customer',
      `input.customer is for an office or admin entering an inquiry for a customer; a ${identity.role} asks for itself: leave it out.`,
      {
        reason: 'NOT_APPLICABLE',
      },
    );
  return line('input.customer', customer, 200, false);
}

/** Validates everything before anything is written. */
export function newInquiry(em: EntityManager, identity: Identity, input: InquiryInput, now = new Date()): Inquiry {
  const quoteDeadline = deadline('input.quoteDeadline', input.quoteDeadline, now);
  const location = deliveryLocation('input.deliveryLocation', input.deliveryLocation);
  return em.create(InquirySchema, {
    ownerKey: callerKey(identity),
    ownerMemberId: identity.role === 'member' ? identity.memberId! : null,
    ownerNetwork: identity.role === 'member' || identity.role === 'office' ? identity.network! : null,
    customer: customerOf(identity, input.customer),
    title: line('input.title', input.title, 200, true)!,
    partDescription: text('input.partDescription', input.partDescription, 10_000, true)!,
    processCodes: processList('input.processes', input.processes),
    material: material('input.material', input.material),
    quantities: quantities('input.quantities', input.quantities),
    tolerance: input.tolerance ?? null,
    certifications: certificateList('input.certifications', input.certifications ?? []),
    documents: documents('input.documents', input.documents),
    ppapLevel: ppap('input.ppapLevel', input.ppapLevel),
    ...location,
    deliveryDate: deliveryAfterDeadline('input.deliveryDate', deliveryDay('input.deliveryDate', input.deliveryDate, now), quoteDeadline),
    quoteDeadline,
    status: 'DRAFT',
  });
}

export function applyPatch(inquiry: Inquiry, patch: InquiryPatch, now = new Date()): void {
  const quoteDeadline = patch.quoteDeadline != null ? deadline('input.quoteDeadline', patch.quoteDeadline, now) : inquiry.quoteDeadline;
  // Checked when either changes: an inquiry saved while the rule took the deadline's UTC day keeps its dates, and
  // a change of its title alone must not be refused for them.
  // A new deadline alone that reaches the kept delivery date is the deadline's fault: it was reported at
  // input.deliveryDate, a field the request did not name (the inquiry probe).
  if (patch.quoteDeadline != null && patch.deliveryDate == null && inquiry.deliveryDate <= regionDay(quoteDeadline))
    throw badInput(
      'input.quoteDeadline',
      `input.quoteDeadline (${patch.quoteDeadline}) must end before the delivery date (${inquiry.deliveryDate}): choose an earlier deadline, or move input.deliveryDate with it.`,
      { reason: 'ORDER', other: 'deliveryDate' },
    );
  const deliveryDate =
    patch.deliveryDate != null || patch.quoteDeadline != null
      ? deliveryAfterDeadline(
          'input.deliveryDate',
          patch.deliveryDate != null ? deliveryDay('input.deliveryDate', patch.deliveryDate, now) : inquiry.deliveryDate,
          quoteDeadline,
        )
      : inquiry.deliveryDate;
  if (patch.title != null) inquiry.title = line('input.title', patch.title, 200, true)!;
  if (patch.partDescription != null) inquiry.partDescription = text('input.partDescription', patch.partDescription, 10_000, true)!;
  if (patch.processes != null) inquiry.processCodes = processList('input.processes', patch.processes);
  if (patch.material !== undefined) inquiry.material = material('input.material', patch.material);
  if (patch.quantities != null) inquiry.quantities = quantities('input.quantities', patch.quantities);
  if (patch.tolerance !== undefined) inquiry.tolerance = patch.tolerance ?? null;
  if (patch.certifications != null) inquiry.certifications = certificateList('input.certifications', patch.certifications);
  if (patch.documents != null) inquiry.documents = documents('input.documents', patch.documents);
  if (patch.ppapLevel !== undefined) inquiry.ppapLevel = ppap('input.ppapLevel', patch.ppapLevel);
  if (patch.deliveryLocation != null) Object.assign(inquiry, deliveryLocation('input.deliveryLocation', patch.deliveryLocation));
  inquiry.quoteDeadline = quoteDeadline;
  inquiry.deliveryDate = deliveryDate;
}

/** The lot size class findSuppliers scores against, from the largest quantity asked for. */
export function quantityClass(inquiry: Pick<Inquiry, 'quantities'>): Quantity {
  const largest = Math.max(...inquiry.quantities.map((q) => q.quantity));
  return largest < 10 ? 'PROTOTYPE' : largest < 1000 ? 'SMALL_SERIES' : 'SERIES';
}

/**
 * Loads an inquiry for a change inside a transaction: row-locked, visible to
 * the caller, at the version the caller read. One that the caller does not see
 * is NOT_FOUND like one that does not exist, before anything about its state is checked.
 */
export async function lockInquiry(tx: EntityManager, access: InquiryAccess, id: string, version: number | null, field = 'id'): Promise<Inquiry> {
  const inquiry = await tx.findOne(InquirySchema, parseInquiryId(id, field), { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!inquiry || !(await access.resolve(tx, inquiry))) throw notFound(`Inquiry ${id} does not exist.`);
  if (version !== null) requireVersion(inquiry, id, version);
  return inquiry;
}

function requireVersion(inquiry: Inquiry, id: string, version: number): void {
  if (inquiry.version !== version)
    throw conflict(`Inquiry ${id} is at version ${inquiry.version}, not ${version}: it changed since you read it. Read it again and retry.`, {
      reason: 'STALE_VERSION',
      currentVersion: inquiry.version,
    });
}

/**
 * lockInquiry for a step of its owner (extend, award, end): the caller's part and the inquiry's state are checked
 * before the version. A page read before the inquiry was awarded or ended elsewhere learns that (STATUS, with the
 * status), which a retry at the current version would meet anyway; it read "changed meanwhile" (the lifecycle probe).
 */
export async function lockForOwner(
  tx: EntityManager,
  access: InquiryAccess,
  id: string,
  version: number,
  action: string,
  allowed: string[],
  field = 'id',
): Promise<Inquiry> {
  const inquiry = await lockInquiry(tx, access, id, null, field);
  requireOwner(access.viewOf(inquiry), id);
  requireStatus(inquiry, id, action, allowed);
  requireVersion(inquiry, id, version);
  return inquiry;
}

export function requireStatus(inquiry: Inquiry, id: string, action: string, allowed: string[]): void {
  const status = effectiveStatus(inquiry);
  if (!allowed.includes(status))
    throw conflict(`Inquiry ${id} is ${status}; it cannot be ${action} now (only when ${allowed.join(' or ')}).`, { reason: 'STATUS', status });
}

export interface RankedCandidate {
  memberId: string;
  network: string;
  score: number;
  distanceKm: number | null;
}

/** DRAFT → OPEN with the ranked candidates invited, each told so through the outbox. */
export function checkPublishable(access: InquiryAccess, inquiry: Inquiry, id: string): void {
  requireOwner(access.viewOf(inquiry), id);
  requireStatus(inquiry, id, 'published', ['DRAFT']);
  if (inquiry.quoteDeadline <= new Date())
    throw badInput('quoteDeadline', `The quote deadline of ${id} has passed; move it into the future (updateInquiry) before publishing.`, {
      reason: 'IN_THE_PAST',
    });
}

/**
 * The candidates were ranked before the transaction; the version check catches any change made meanwhile, after the
 * state's (as lockForOwner's), so a draft published or withdrawn elsewhere says so.
 */
export async function publish(tx: EntityManager, access: InquiryAccess, id: string, version: number, candidates: RankedCandidate[]): Promise<Inquiry> {
  const inquiry = await lockInquiry(tx, access, id, null);
  checkPublishable(access, inquiry, id);
  requireVersion(inquiry, id, version);
  for (const c of candidates) {
    tx.create(InvitationSchema, {
      inquiry,
      memberId: c.memberId,
      network: c.network,
      status: 'INVITED',
      score: c.score,
      distanceKm: c.distanceKm,
      certifications: inquiry.certifications,
    });
    emit(tx, 'INVITED', inquiry, { memberId: c.memberId, network: c.network }, { quoteDeadline: inquiry.quoteDeadline.toISOString() });
  }
  inquiry.status = 'OPEN';
  return inquiry;
}

/**
 * An OPEN inquiry's quote deadline moved later, and its delivery date with it when given (later too: bidders plan on
 * both). Every invitee that has not declined and every consortium partner that has not is told; the DEADLINE_NEAR
 * reminder is due again, a day before the new deadline (dispatcher.ts), not for the old one.
 *
 * Past the deadline (QUOTING_CLOSED) too, to a deadline in the future: a customer with too few quotes gives the
 * bidders more time rather than closing the inquiry or awarding one of too few (it was refused, and the only way on
 * was a new inquiry). Quoting opens again. Nothing happened at the old deadline that has to be undone: QUOTING_CLOSED
 * is read from the deadline (effectiveStatus), no event marks it; its DEADLINE_NEAR went out before it, and the new
 * deadline gets its own. What passed in between stands: a quote submitted stays, and its bidder is told when it
 * lapses before the new deadline's day (lapsingQuote); a withdrawn one stays WITHDRAWN until its bidder submits it
 * again; an invitee that declined stays out and hears nothing.
 */
export async function extendDeadline(
  tx: EntityManager,
  access: InquiryAccess,
  id: string,
  version: number,
  newDeadline: string,
  newDeliveryDate: string | null,
): Promise<Inquiry> {
  const now = new Date();
  const inquiry = await lockForOwner(tx, access, id, version, 'given a later quote deadline', ['OPEN', 'QUOTING_CLOSED']);
  const previous = { quoteDeadline: inquiry.quoteDeadline.toISOString(), deliveryDate: inquiry.deliveryDate };
  // In the future as well as later: past the deadline a later one may have passed too.
  const quoteDeadline = deadline('quoteDeadline', newDeadline, now, '2026-12-15T12:00:00Z');
  if (quoteDeadline <= inquiry.quoteDeadline)
    throw badInput(
      'quoteDeadline',
      `quoteDeadline (${newDeadline}) is not after the current quote deadline (${previous.quoteDeadline}) of ${id}: a deadline only moves later, as its bidders plan on it.`,
      { reason: 'ORDER', other: 'Inquiry.quoteDeadline' },
    );
  if (newDeliveryDate == null && inquiry.deliveryDate <= regionDay(quoteDeadline))
    throw badInput(
      'quoteDeadline',
      `quoteDeadline (${newDeadline}) must end before the delivery date (${inquiry.deliveryDate}): choose an earlier deadline, or move deliveryDate with it.`,
      { reason: 'ORDER', other: 'deliveryDate' },
    );
  if (newDeliveryDate != null) {
    deliveryDay('deliveryDate', newDeliveryDate, now);
    if (newDeliveryDate < inquiry.deliveryDate)
      throw badInput(
        'deliveryDate',
        `deliveryDate (${newDeliveryDate}) lies before the current delivery date (${inquiry.deliveryDate}) of ${id}: it only moves later, as the bidders plan on it.`,
        { reason: 'ORDER', other: 'Inquiry.deliveryDate' },
      );
    inquiry.deliveryDate = deliveryAfterDeadline('deliveryDate', newDeliveryDate, quoteDeadline);
  }
  inquiry.quoteDeadline = quoteDeadline;
  inquiry.deadlineNoticeAt = null;
  const [invitations, partners] = await Promise.all([
    tx.find(InvitationSchema, { inquiry, status: { $ne: 'DECLINED' } }),
    tx.find(ConsortiumPartnerSchema, { consortium: { inquiry }, status: { $ne: 'DECLINED' } }),
  ]);
  const told = new Map([...invitations, ...partners].map((b) => [b.memberId, { memberId: b.memberId, network: b.network }]));
  const data = {
    quoteDeadline: quoteDeadline.toISOString(),
    previousQuoteDeadline: previous.quoteDeadline,
    deliveryDate: inquiry.deliveryDate,
    previousDeliveryDate: previous.deliveryDate,
  };
  // A quote valid until before the new deadline's day lapses before the owner may choose it (award refuses it then):
  // its bidder is told which, to revise its validity (the lifecycle probe: nobody was told, and it stood in the
  // comparison as if it could be awarded).
  const lapsing = await tx.find(QuoteSchema, { inquiry, status: 'SUBMITTED', validUntil: { $lt: regionDay(quoteDeadline) } });
  const lapses = new Map(lapsing.map((q) => [q.memberId, { quoteId: quoteId(q.id), validUntil: q.validUntil }]));
  for (const bidder of told.values()) {
    const quote = lapses.get(bidder.memberId);
    emit(tx, 'DEADLINE_EXTENDED', inquiry, bidder, quote ? { ...data, lapsingQuote: quote } : data);
  }
  return inquiry;
}

/** OPEN or QUOTING_CLOSED → AWARDED: the chosen quote wins, every other quote is told it was not chosen. */
export async function award(
  tx: EntityManager,
  access: InquiryAccess,
  id: string,
  quoteKey: number,
  version: number,
  quoteVersion: number | null = null,
): Promise<Inquiry> {
  const inquiry = await lockForOwner(tx, access, id, version, 'awarded', ['OPEN', 'QUOTING_CLOSED'], 'inquiryId');
  const quotes = await tx.find(QuoteSchema, { inquiry });
  const winner = quotes.find((q) => q.id === quoteKey);
  if (!winner) throw badInput('quoteId', `Quote ${quoteId(quoteKey)} is not a quote on ${id}.`, { reason: 'NOT_APPLICABLE' });
  if (winner.status === 'WITHDRAWN')
    throw conflict(
      `Quote ${quoteId(quoteKey)} was withdrawn by its bidder and cannot be awarded; compare the quotes again.`,
      { reason: 'STATUS', status: 'WITHDRAWN' },
      { field: 'quoteId' },
    );
  // A quote is an offer until its validUntil: past it, an award is an order its bidder never offered (a deadline
  // extended beyond a quote's validity left such quotes awardable: the lifecycle probe).
  if (winner.validUntil < regionDay())
    throw conflict(
      `Quote ${quoteId(quoteKey)} was valid until ${winner.validUntil}, which has passed: its bidder is to revise it with a new validUntil before it can be awarded.`,
      { reason: 'CLOSED', closedAt: winner.validUntil },
      { field: 'quoteId' },
    );
  // A revision changes the quote, not the inquiry's version: without this, a quote revised from 10 to 99 EUR after the
  // owner compared it was awarded at 99. Revisions take the inquiry's lock held here, so the version read is current.
  if (quoteVersion !== null && winner.version !== quoteVersion)
    throw conflict(
      `Quote ${quoteId(quoteKey)} is at version ${winner.version}, not ${quoteVersion}: it was revised since you read it. Compare it again and retry.`,
      { reason: 'STALE_VERSION', currentVersion: winner.version },
      { field: 'quoteVersion' },
    );
  await decide(tx, inquiry, quotes, winner, 'ANOTHER_QUOTE_AWARDED');
  inquiry.status = 'AWARDED';
  inquiry.awardedQuoteId = winner.id;
  return inquiry;
}

/** Why a bidder was not chosen, in NOT_CHOSEN's data: its bid lost, or the inquiry ended without any winning. */
export type NotChosenReason = 'ANOTHER_QUOTE_AWARDED' | 'INQUIRY_CANCELLED' | 'CLOSED_WITHOUT_AWARD';

/**
 * Every quote standing AWARDED (the winner, if any) or NOT_CHOSEN, and each bidder told, a consortium's partners as
 * well as its lead; a withdrawn quote stays WITHDRAWN and its bidder, out already, hears nothing.
 */
async function decide(
  tx: EntityManager,
  inquiry: Inquiry,
  all: Quote[],
  winner: Quote | null,
  reason: NotChosenReason,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const quotes = all.filter((q) => q.status !== 'WITHDRAWN');
  const consortia = quotes.flatMap((q) => (q.consortium == null ? [] : [q.consortium.id]));
  const partners = consortia.length ? await tx.find(ConsortiumPartnerSchema, { consortium: { $in: consortia }, status: 'ACCEPTED' }) : [];
  for (const quote of quotes) {
    const won = quote === winner;
    quote.status = won ? 'AWARDED' : 'NOT_CHOSEN';
    const bidders = [
      { memberId: quote.memberId, network: quote.network },
      ...partners.filter((p) => p.consortium.id === quote.consortium?.id && p.memberId !== quote.memberId),
    ];
    for (const bidder of bidders)
      emit(
        tx,
        won ? 'AWARDED' : 'NOT_CHOSEN',
        inquiry,
        { memberId: bidder.memberId, network: bidder.network },
        won ? { quoteId: quoteId(quote.id) } : { quoteId: quoteId(quote.id), reason, ...extra },
      );
  }
}

export async function close(tx: EntityManager, access: InquiryAccess, id: string, version: number, to: 'CANCELLED' | 'CLOSED_WITHOUT_AWARD'): Promise<Inquiry> {
  const inquiry =
    to === 'CANCELLED'
      ? await lockForOwner(tx, access, id, version, 'cancelled', ['DRAFT', 'OPEN', 'QUOTING_CLOSED'])
      : await lockForOwner(tx, access, id, version, 'closed without award', ['OPEN', 'QUOTING_CLOSED']);
  // Its bidders are told, as the schema says of NOT_CHOSEN ("or closed without award"): their quotes stood SUBMITTED
  // and no one heard of the end (the inquiry probe).
  await decide(tx, inquiry, await tx.find(QuoteSchema, { inquiry }), null, to === 'CANCELLED' ? 'INQUIRY_CANCELLED' : 'CLOSED_WITHOUT_AWARD');
  inquiry.status = to;
  return inquiry;
}

/** Why an inquiry ended or a quote was withdrawn without its party's own step: it left its network (members/members.ts archiveMember). */
export const leftNetworkCauses = { owner: 'OWNER_LEFT_NETWORK', bidder: 'BIDDER_LEFT_NETWORK', partner: 'PARTNER_LEFT_NETWORK' } as const;

/**
 * The DRAFT and OPEN inquiries of a member that has left its network, ended as their owner would end them: an OPEN
 * one (also past its deadline) CLOSED_WITHOUT_AWARD, its bidders told NOT_CHOSEN as close tells them, with cause
 * OWNER_LEFT_NETWORK beside the reason; a DRAFT, which no one was invited to, CANCELLED. Left OPEN, one took quotes
 * that no one would ever decide, its owner's accounts being archived with it (the archiving probe). AWARDED and ended
 * ones stay as they are; run again, it finds none left.
 */
/**
 * Locks, in one statement and in id order, every inquiry a member that leaves takes part in: its own undecided ones
 * (endLeavingOwnersInquiries) and the open ones it is invited to (quotes.ts leaveInvitedInquiries). The two passes
 * took their locks each in its own order, so archiving X, which owns I1 and is invited to I2, beside Y, which owns I2
 * and is invited to I1, locked I1 then I2 and I2 then I1: PostgreSQL ended one as a deadlock, a 500 (the review
 * reproduced it). Locked first, the passes find each lock held already.
 */
export async function lockLeavingMembersInquiries(tx: EntityManager, memberId: string): Promise<void> {
  await tx.execute(
    `select i.id from inquiry i where (i.owner_member_id = ? and i.status in ('DRAFT', 'OPEN'))
      or (i.status = 'OPEN' and exists (select 1 from inquiry_invitation v where v.inquiry_id = i.id and v.member_id = ? and v.status <> 'DECLINED'))
      order by i.id for update`,
    [memberId, memberId],
  );
}

export async function endLeavingOwnersInquiries(tx: EntityManager, actor: Identity, memberId: string): Promise<void> {
  const open = await tx.find(
    InquirySchema,
    { ownerMemberId: memberId, status: { $in: ['DRAFT', 'OPEN'] } },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
  );
  for (const inquiry of open) {
    const was = inquiry.status;
    const to = was === 'DRAFT' ? 'CANCELLED' : 'CLOSED_WITHOUT_AWARD';
    const cause = leftNetworkCauses.owner;
    await decide(tx, inquiry, await tx.find(QuoteSchema, { inquiry }), null, to === 'CANCELLED' ? 'INQUIRY_CANCELLED' : 'CLOSED_WITHOUT_AWARD', { cause });
    inquiry.status = to;
    recordRegionAudit(tx, actor, {
      action: to === 'CANCELLED' ? 'cancelInquiry' : 'closeInquiryWithoutAward',
      target: inquiryId(inquiry.id),
      network: inquiry.ownerNetwork,
      before: { status: was },
      after: { status: to, cause },
    });
  }
}
