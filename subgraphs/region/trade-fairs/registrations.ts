import { CheckConstraintViolationException, LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, notFound } from '../../../shared/errors.ts';
import { line, phone, text } from '../../../shared/validation.ts';
import type { Identity } from '../../../shared/identity.ts';
import { actingMember, assertMemberExists } from '../access.ts';
import type { RegionContext } from '../context.ts';
import { boothId as formatBoothId, boothRegistrationId, parseBoothId, parseBoothRegistrationId } from '../ids.ts';
import { recordRegionAudit } from '../members/audit.ts';
import { assertOrganiser, requireCooperation, seesRegistration, withdrawal } from './access.ts';
import { holdingArea } from './booth-registration.entity.ts';
import { BoothRegistrationSchema, JointBoothSchema, TradeFairSchema, type BoothRegistration, type JointBooth } from './entities.ts';
import { notifyBoothConfirmed } from './notifications.ts';

// Registering for a joint booth and deciding on registrations. Every change
// takes the booth's row lock first (select … for update), so the changes of
// one booth run one after another: the area left, read under the lock, is the
// area the new registration takes from, and the check joint_booth_allocated_check
// refuses any write past the total. A pending registration holds its area
// until the organiser decides, so confirming never finds the booth full;
// declining or withdrawing frees it. A refused change writes nothing. Each
// change is in region's audit log, in its transaction, for admin and the
// registering member's office (who withdrew the area, who declined it).

export interface BoothRegistrationInput {
  areaM2: number;
  products: string[];
  contact: { name: string; email: string; phone?: string | null };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A catalogue entry of more than 20 products no longer fits its page. */
const maxProducts = 20;

function checkRegistrationInput(input: BoothRegistrationInput) {
  if (!Number.isInteger(input.areaM2) || input.areaM2 <= 0)
    throw badInput('input.areaM2', `input.areaM2 must be a whole number of m² above 0, got ${input.areaM2}.`, {
      reason: 'OUT_OF_RANGE',
      above: 0,
      integer: true,
    });
  if (input.products.length === 0 || input.products.length > maxProducts)
    throw badInput(
      'input.products',
      `input.products must name 1 to ${maxProducts} products, got ${input.products.length}.`,
      input.products.length === 0 ? { reason: 'TOO_FEW', min: 1 } : { reason: 'TOO_MANY', max: maxProducts },
    );
  const products = input.products.map((p, i) => line(`input.products[${i}]`, p, 200, true)!);
  const twice = products.findIndex((p, i) => products.findIndex((q) => q.toLowerCase() === p.toLowerCase()) !== i);
  if (twice >= 0)
    throw badInput(`input.products[${twice}]`, `input.products names "${products[twice].slice(0, 40)}" twice; give each product once.`, {
      reason: 'DUPLICATE',
    });
  const contactName = line('input.contact.name', input.contact.name, 200, true)!;
  const contactEmail = line('input.contact.email', input.contact.email, 254, true)!;
  if (!emailPattern.test(contactEmail))
    throw badInput('input.contact.email', `input.contact.email "${contactEmail.slice(0, 40)}" is not an e-mail address.`, { reason: 'EMAIL' });
  const contactPhone = phone('input.contact.phone', input.contact.phone, 40);
  return { areaM2: input.areaM2, products, contactName, contactEmail, contactPhone };
}

/** The booth under its row lock, for the rest of the transaction. */
async function lockedBooth(tx: EntityManager, localId: number, boothId: string): Promise<JointBooth> {
  const booth = await tx.findOne(JointBoothSchema, localId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!booth) throw notFound(`Joint booth ${boothId} does not exist.`);
  // Read again under the lock: a change that committed while this one waited has moved the area.
  await tx.refresh(booth);
  return booth;
}

/**
 * A registration as region's audit log keeps it: what it asks for and where it stands, without its contact's address.
 * The member's network's office reads it, and the booth's organising office, which decides on it.
 */
function auditRegistration(
  tx: EntityManager,
  actor: Identity,
  action: string,
  was: BoothRegistration['status'] | null,
  r: BoothRegistration,
  booth: JointBooth,
): void {
  const after = { booth: formatBoothId(booth.id), memberId: r.memberId, areaM2: r.areaM2, status: r.status, declineReason: r.declineReason ?? null };
  recordRegionAudit(tx, actor, {
    action,
    target: boothRegistrationId(r.id),
    network: r.memberNetwork,
    readerNetwork: booth.organiserNetwork,
    before: was && { ...after, status: was, declineReason: null },
    after,
  });
}

const duplicate = (memberId: string, boothId: string) =>
  conflict(`${memberId} is registered for joint booth ${boothId} already; withdraw that registration to register anew.`, { reason: 'EXISTS' });

/**
 * How many registrations one member makes for one booth, whatever became of them. A registration is not changed in
 * place: another area or other products are a withdrawal and a new registration, as is asking again after the
 * organiser declined. Without a bound a member (or a script with its office's token) withdrew and registered again
 * without end, each turn a registration row, two audit entries and a line on the organiser's list of the booth's
 * registrations, which lists withdrawn ones too: 200 turns, one after another, took 9 s on the test machine and left
 * the list 200 lines long. Five leave four corrections after the first; admin, the region's own hand, is not bound
 * and registers past them as often as needed. An office is bound as its members are (its registrations for a member
 * count alike), the organiser's too, which registers only its own network's members: so the refusal names admin.
 */
export const maxRegistrationsPerMember = 5;

export async function registerForBooth(
  ctx: RegionContext,
  boothId: string,
  memberIdArg: string | null | undefined,
  input: BoothRegistrationInput,
): Promise<BoothRegistration> {
  requireCooperation(ctx.identity);
  const localBooth = parseBoothId(boothId, 'boothId');
  const entry = checkRegistrationInput(input);
  const { memberId, network } = await actingMember(ctx, memberIdArg);
  try {
    return await ctx.em.transactional(async (tx) => {
      const booth = await lockedBooth(tx, localBooth, boothId);
      const fair = await tx.findOneOrFail(TradeFairSchema, booth.fair.id);
      if (fair.registrationDeadline <= new Date()) {
        const closedAt = fair.registrationDeadline.toISOString();
        throw conflict(`Registration for joint booth ${boothId} closed at ${closedAt}; ask the organising office.`, { reason: 'CLOSED', closedAt });
      }
      if ((await tx.count(BoothRegistrationSchema, { booth: booth.id, memberId, status: { $in: [...holdingArea] } })) > 0) throw duplicate(memberId, boothId);
      // Counted under the booth's lock, which every registration takes: two at once cannot both be the fifth.
      const made = await tx.count(BoothRegistrationSchema, { booth: booth.id, memberId });
      if (made >= maxRegistrationsPerMember && ctx.identity.role !== 'admin')
        throw conflict(
          `${memberId} has registered for joint booth ${boothId} ${made} times, each since withdrawn or declined: a member registers at most ${maxRegistrationsPerMember} times for one booth. To exhibit after all, ask the region's administration (admin): admin is not bound by the limit and registers the member.`,
          { reason: 'REGISTRATIONS_USED_UP', limit: maxRegistrationsPerMember },
        );
      const remainingAreaM2 = booth.totalAreaM2 - booth.allocatedAreaM2;
      if (entry.areaM2 > remainingAreaM2) {
        const hint = remainingAreaM2 > 0 ? `ask for at most ${remainingAreaM2} m²` : 'it is taken until a registration is declined or withdrawn';
        throw conflict(`Joint booth ${boothId} has ${remainingAreaM2} m² left, less than the ${entry.areaM2} m² asked for; ${hint}.`, {
          reason: 'NOT_ENOUGH_LEFT',
          remainingAreaM2,
        });
      }
      booth.allocatedAreaM2 += entry.areaM2;
      const registration = tx.create(BoothRegistrationSchema, {
        ...entry,
        booth,
        memberId,
        memberNetwork: network,
        status: 'PENDING',
        registeredBy: ctx.identity.subject ?? null,
      });
      // The registration's id comes with its insert, which the audit entry names.
      await tx.flush();
      auditRegistration(tx, ctx.identity, 'registerForBooth', null, registration, booth);
      await tx.flush();
      return registration;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw duplicate(memberId, boothId);
    // The database's last word on the area (joint_booth_allocated_check), should a write ever bypass the lock.
    if (error instanceof CheckConstraintViolationException && error.message.includes('joint_booth_allocated_check'))
      throw conflict(`Joint booth ${boothId} has less than ${entry.areaM2} m² left; read it again.`, { reason: 'NOT_ENOUGH_LEFT' });
    throw error;
  }
}

const done = { confirm: 'confirmed', decline: 'declined', cancel: 'withdrawn' } as const;
const auditAction = { confirm: 'confirmBoothRegistration', decline: 'declineBoothRegistration', cancel: 'cancelBoothRegistration' } as const;

interface Decision {
  verb: keyof typeof done;
  /** Whether the caller may do this to the registration; throws FORBIDDEN when not. */
  authorize(tx: EntityManager, r: BoothRegistration, booth: JointBooth): void | Promise<void>;
  apply(tx: EntityManager, r: BoothRegistration, booth: JointBooth): void;
}

/**
 * Loads the registration the caller may see (NOT_FOUND otherwise, so others' registrations stay
 * invisible), locks its booth, reads the registration again under the lock, checks the caller's
 * right and the status, and applies the decision with its time and author.
 */
async function decide(ctx: RegionContext, id: string, decision: Decision): Promise<BoothRegistration> {
  requireCooperation(ctx.identity);
  const localId = parseBoothRegistrationId(id);
  return ctx.em.transactional(async (tx) => {
    const found = await tx.findOne(BoothRegistrationSchema, localId);
    if (!found) throw notFound(`Booth registration ${id} does not exist.`);
    const booth = await lockedBooth(tx, found.booth.id, String(found.booth.id));
    if (!seesRegistration(ctx.identity, booth, found)) throw notFound(`Booth registration ${id} does not exist.`);
    await tx.refresh(found);
    await decision.authorize(tx, found, booth);
    const allowed = decision.verb === 'cancel' ? ['PENDING', 'CONFIRMED'] : ['PENDING'];
    if (!allowed.includes(found.status))
      throw conflict(`Booth registration ${id} is ${found.status}; only a ${allowed.join(' or ')} registration can be ${done[decision.verb]}.`, {
        reason: 'STATUS',
        status: found.status,
      });
    applyDecision(tx, ctx.identity, decision.verb, found, booth, decision.apply);
    await tx.flush();
    return found;
  });
}

/** A decision on a registration read under its booth's lock, with its time, its author and its audit entry. */
function applyDecision(tx: EntityManager, actor: Identity, verb: Decision['verb'], r: BoothRegistration, booth: JointBooth, apply: Decision['apply']): void {
  const was = r.status;
  apply(tx, r, booth);
  r.decidedAt = new Date();
  r.decidedBy = actor.subject ?? null;
  auditRegistration(tx, actor, auditAction[verb], was, r, booth);
}

/** A decline: the registration declined with its reason, its area free again. */
const declined =
  (why: string | null): Decision['apply'] =>
  (_tx, r, booth) => {
    r.status = 'DECLINED';
    r.declineReason = why;
    booth.allocatedAreaM2 -= r.areaM2;
  };

export async function confirmBoothRegistration(ctx: RegionContext, id: string): Promise<BoothRegistration> {
  // Not for a member that has left its network since it registered; it may still withdraw, and the organiser decline.
  const registration = await ctx.em.findOne(BoothRegistrationSchema, parseBoothRegistrationId(id), { populate: ['booth'] });
  if (registration && seesRegistration(ctx.identity, registration.booth, registration)) {
    assertOrganiser(ctx.identity, registration.booth);
    await assertMemberExists(ctx, registration.memberId, 'id');
  }
  return decide(ctx, id, {
    verb: 'confirm',
    authorize: (_tx, _r, booth) => assertOrganiser(ctx.identity, booth),
    apply(tx, r, booth) {
      r.status = 'CONFIRMED';
      notifyBoothConfirmed(tx, r, booth);
    },
  });
}

/** Said of the pending registrations of a member that has left its network, declined with its archiving. */
export const leftNetworkReason = 'Das Unternehmen hat sein Netzwerk verlassen.';

/**
 * A member's pending registrations, declined as the organiser would, each under its booth's lock, so that their area
 * is free for others before the deadline (members/members.ts archiveMember); confirmed ones are the organiser's to decide.
 */
export async function declineMemberBoothRegistrations(tx: EntityManager, actor: Identity, memberId: string): Promise<void> {
  for (const pending of await tx.find(BoothRegistrationSchema, { memberId, status: 'PENDING' }, { orderBy: { booth: 'asc', id: 'asc' } })) {
    const booth = await lockedBooth(tx, pending.booth.id, formatBoothId(pending.booth.id));
    await tx.refresh(pending);
    if (pending.status === 'PENDING') applyDecision(tx, actor, 'decline', pending, booth, declined(leftNetworkReason));
  }
}

export function declineBoothRegistration(ctx: RegionContext, id: string, reason: string | null | undefined): Promise<BoothRegistration> {
  const why = text('reason', reason, 500, false);
  return decide(ctx, id, {
    verb: 'decline',
    authorize: (_tx, _r, booth) => assertOrganiser(ctx.identity, booth),
    apply: declined(why),
  });
}

export function cancelBoothRegistration(ctx: RegionContext, id: string): Promise<BoothRegistration> {
  return decide(ctx, id, {
    verb: 'cancel',
    async authorize(tx, r, booth) {
      if (withdrawal(ctx.identity, booth, r) !== 'until the deadline') return;
      const fair = await tx.findOneOrFail(TradeFairSchema, booth.fair.id);
      if (fair.registrationDeadline <= new Date()) {
        const closedAt = fair.registrationDeadline.toISOString();
        throw conflict(`The registration deadline passed at ${closedAt}; after it only the organising office withdraws a registration.`, {
          reason: 'CLOSED',
          closedAt,
        });
      }
    },
    apply(_tx, r, booth) {
      r.status = 'CANCELLED';
      booth.allocatedAreaM2 -= r.areaM2;
    },
  });
}
