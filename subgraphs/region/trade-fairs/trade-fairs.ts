import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, inArgument } from '../../../shared/errors.ts';
import { isoDateTime, line } from '../../../shared/validation.ts';
import type { RegionContext } from '../context.ts';
import { oldestFirst, parseBoothId, parseTradeFairId } from '../ids.ts';
import { organiserOf, requireCooperation } from './access.ts';
import { BoothRegistrationSchema, JointBoothSchema, TradeFairSchema, type BoothRegistration, type JointBooth, type TradeFair } from './entities.ts';

// Trade fairs and their joint booths: created by an office or admin with the
// input checked as a whole before the one transaction that writes both, and
// read by the cooperation. A booth's registrations are read for all booths of
// a request at once (registrationsOf), never one statement per booth.

export interface TradeFairInput {
  name: string;
  city: string;
  startsAt: string;
  endsAt: string;
  registrationDeadline: string;
  booth: { totalAreaM2: number; rentCents: number; constructionCents: number; servicesCents: number; baseFeeCents: number };
}

/** What the API's TradeFair is: the fair with the region's booth at it. */
export interface FairRecord {
  fair: TradeFair;
  booth: JointBooth;
}

/** A joint booth of 5000 m² is a whole hall; anything larger is a typing error. */
const maxAreaM2 = 5000;
/** One cost item of a joint booth at most 1 M€; more is a typing error (a missing decimal point). */
const maxItemCents = 100_000_000;
/**
 * What the exhibitors can pay together at most: the fixed costs, or a base fee for every square metre
 * (each exhibitor holds at least 1 m²). Kept within GraphQL's 32-bit Int, which carries every amount.
 */
const maxTotalCents = 2_000_000_000;

function whole(field: string, value: number, min: number, max: number, unit: string): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(field, `${field} must be a whole number of ${unit} from ${min} to ${max}, got ${value}.`, {
      reason: 'OUT_OF_RANGE',
      min,
      max,
      integer: true,
    });
  return value;
}

/** The fair and booth to store, or BAD_USER_INPUT naming the first field at fault. */
export function checkTradeFairInput(input: TradeFairInput, now = new Date()) {
  const name = line('name', input.name, 200, true)!;
  const city = line('city', input.city, 120, true)!;
  const startsAt = isoDateTime('startsAt', input.startsAt);
  const endsAt = isoDateTime('endsAt', input.endsAt);
  const registrationDeadline = isoDateTime('registrationDeadline', input.registrationDeadline);
  if (startsAt <= now)
    throw badInput('startsAt', `startsAt ${input.startsAt} lies in the past; a fair to register for is still to come.`, { reason: 'IN_THE_PAST' });
  if (endsAt < startsAt) throw badInput('endsAt', `endsAt ${input.endsAt} lies before startsAt ${input.startsAt}.`, { reason: 'ORDER', other: 'startsAt' });
  if (registrationDeadline <= now)
    throw badInput('registrationDeadline', `registrationDeadline ${input.registrationDeadline} lies in the past.`, { reason: 'IN_THE_PAST' });
  if (registrationDeadline > startsAt)
    throw badInput(
      'registrationDeadline',
      `registrationDeadline ${input.registrationDeadline} lies after the fair's start ${input.startsAt}; registration must close before.`,
      { reason: 'ORDER', other: 'startsAt' },
    );
  const b = input.booth;
  const booth = {
    totalAreaM2: whole('booth.totalAreaM2', b.totalAreaM2, 1, maxAreaM2, 'm²'),
    rentCents: whole('booth.rentCents', b.rentCents, 0, maxItemCents, 'cents'),
    constructionCents: whole('booth.constructionCents', b.constructionCents, 0, maxItemCents, 'cents'),
    servicesCents: whole('booth.servicesCents', b.servicesCents, 0, maxItemCents, 'cents'),
    baseFeeCents: whole('booth.baseFeeCents', b.baseFeeCents, 0, maxItemCents, 'cents'),
  };
  const fixed = booth.rentCents + booth.constructionCents + booth.servicesCents;
  if (Math.max(fixed, booth.baseFeeCents * booth.totalAreaM2) > maxTotalCents)
    throw badInput(
      'booth.baseFeeCents',
      `The booth's costs could reach more than ${maxTotalCents} cents (the fixed costs, or a base fee for each of ${booth.totalAreaM2} m²); check the amounts, which are in cents.`,
      { reason: 'COMBINATION' },
    );
  return { fair: { name, city, startsAt, endsAt, registrationDeadline }, booth };
}

export async function createTradeFair(ctx: RegionContext, input: TradeFairInput): Promise<FairRecord> {
  const organiserNetwork = organiserOf(ctx.identity);
  const checked = await inArgument('input', () => checkTradeFairInput(input));
  return ctx.em.transactional(async (tx) => {
    const fair = tx.create(TradeFairSchema, { ...checked.fair, createdBy: ctx.identity.subject ?? null });
    const booth = tx.create(JointBoothSchema, { ...checked.booth, fair, organiserNetwork, allocatedAreaM2: 0 });
    await tx.flush();
    return { fair, booth };
  });
}

/** Fairs with their booths in one statement, soonest first. */
export async function tradeFairs(ctx: RegionContext, includePast: boolean): Promise<FairRecord[]> {
  requireCooperation(ctx.identity);
  const booths = await ctx.em.find(JointBoothSchema, includePast ? {} : { fair: { endsAt: { $gte: new Date() } } }, {
    populate: ['fair'],
    orderBy: { fair: { startsAt: 'asc' }, id: 'asc' },
  });
  return booths.map((booth) => ({ fair: booth.fair, booth }));
}

export async function tradeFair(ctx: RegionContext, id: string): Promise<FairRecord | null> {
  requireCooperation(ctx.identity);
  const booth = await ctx.em.findOne(JointBoothSchema, { fair: parseTradeFairId(id) }, { populate: ['fair'] });
  return booth ? { fair: booth.fair, booth } : null;
}

export async function jointBooth(ctx: RegionContext, id: string): Promise<JointBooth | null> {
  requireCooperation(ctx.identity);
  return ctx.em.findOne(JointBoothSchema, parseBoothId(id), { populate: ['fair'] });
}

/** The fair of a booth: from the request's identity map when the booth was read with it. */
export async function fairOf(em: EntityManager, booth: JointBooth): Promise<FairRecord> {
  return { fair: await em.findOneOrFail(TradeFairSchema, booth.fair.id), booth };
}

// The request's registrations by booth, one statement for every booth it reads; kept per request (its context).
const loaders = new WeakMap<RegionContext, DataLoader<number, BoothRegistration[]>>();

/** Every registration of a booth, in registration order (the cost split's tie order). */
export function registrationsOf(ctx: RegionContext, booth: JointBooth): Promise<BoothRegistration[]> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.em.find(BoothRegistrationSchema, { booth: { $in: [...ids] } }, oldestFirst);
      return ids.map((id) => rows.filter((r) => r.booth.id === id));
    });
    loaders.set(ctx, loader);
  }
  return loader.load(booth.id);
}
