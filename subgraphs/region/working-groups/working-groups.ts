import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, forbidden, notFound } from '../../../shared/errors.ts';
import { parseMemberId } from '../../../shared/ids.ts';
import { checkText, visibleText } from '../../../shared/validation.ts';
import { actingMember, assertMemberExists, canActFor } from '../access.ts';
import type { RegionContext } from '../context.ts';
import { pageSize } from '../pages.ts';
import { isLead, requireCooperation, requireLead } from './access.ts';
import {
  openStatuses,
  WorkingGroupMembershipSchema,
  WorkingGroupSchema,
  type MembershipStatus,
  type WorkingGroup,
  type WorkingGroupMembership,
} from './entities.ts';
import { groupIds, membershipIds } from './ids.ts';
import { notifyInvited } from './notifications.ts';

// Working groups and their memberships. A refused change changes nothing:
// every check runs before the one transaction that writes, and the database's
// unique indexes refuse what slipped past a check in a race (a second group of
// one topic, a second open membership of one member).

/** Text of 1..max characters (min for the topic), trimmed, that PostgreSQL can store and a page shows (one line unless `lines`). */
export function boundedText(field: string, value: string, max: number, { min = 1, lines = false }: { min?: number; lines?: boolean } = {}): string {
  const text = visibleText(field, checkText(field, value).trim(), !lines);
  if (text.length < min || text.length > max)
    throw badInput(
      field,
      `${field} must have ${min} to ${max} characters, got ${text.length}.`,
      text.length === 0 ? { reason: 'REQUIRED' } : text.length < min ? { reason: 'TOO_SHORT', min } : { reason: 'TOO_LONG', max },
    );
  return text;
}

export async function loadGroup(ctx: RegionContext, id: string, field = 'id'): Promise<WorkingGroup> {
  const group = await ctx.workingGroupLoaders.groups.load(groupIds.parse(id, field));
  if (!group) throw notFound(`Working group ${id} does not exist.`);
  return group;
}

/** Working groups in the order they were founded; 100 per page at most, as for capacity posts. */
export async function listGroups(ctx: RegionContext, first: number | null | undefined, after: string | null | undefined) {
  requireCooperation(ctx.identity);
  const size = pageSize(first, 100);
  const from = after ? await ctx.em.findOne(WorkingGroupSchema, groupIds.parse(after, 'after'), { fields: ['createdAt'] }) : null;
  if (after && !from)
    throw badInput('after', `after "${after.slice(0, 30)}" is not a working group; pass the endCursor of a previous page.`, { reason: 'NOT_A_CURSOR' });
  const keyset = from ? { $or: [{ createdAt: { $gt: from.createdAt } }, { createdAt: from.createdAt, id: { $gt: from.id } }] } : {};
  const [rows, totalCount] = await Promise.all([
    ctx.em.find(WorkingGroupSchema, keyset, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 }),
    ctx.em.count(WorkingGroupSchema),
  ]);
  const nodes = rows.slice(0, size);
  // The meetings' access checks load groups by id: the page has them already.
  for (const group of nodes) ctx.workingGroupLoaders.groups.prime(group.id, group);
  return { totalCount, nodes, pageInfo: { hasNextPage: rows.length > size, endCursor: nodes.length ? groupIds.format(nodes.at(-1)!.id) : null } };
}

export interface GroupInput {
  topic: string;
  description: string;
  lead: { network?: string | null; memberId?: string | null };
}

/** The lead as stored: an office's network, or a member and its network (checked to exist). */
async function leadOf(ctx: RegionContext, lead: GroupInput['lead']): Promise<{ leadNetwork: string; leadMemberId: string | null }> {
  if (lead.memberId) {
    const network = parseMemberId(lead.memberId, 'input.lead.memberId').network.code;
    if (lead.network && lead.network !== network)
      throw badInput('input.lead.network', `input.lead.network ${lead.network} is not the network of ${lead.memberId}; leave it out for a member lead.`, {
        reason: 'NOT_APPLICABLE',
      });
    if (!canActFor(ctx.identity, lead.memberId, network)) throw forbidden(`The ${ctx.identity.network} office may name only its own members as lead.`);
    await assertMemberExists(ctx, lead.memberId, 'input.lead.memberId');
    return { leadNetwork: network, leadMemberId: lead.memberId };
  }
  if (!lead.network) throw badInput('input.lead', 'input.lead needs network (an office leads) or memberId (a member leads).', { reason: 'REQUIRED' });
  if (ctx.identity.role === 'office' && ctx.identity.network !== lead.network)
    throw forbidden(`The ${ctx.identity.network} office may found groups led by itself or one of its members, not by ${lead.network}.`);
  return { leadNetwork: lead.network, leadMemberId: null };
}

export async function createGroup(ctx: RegionContext, input: GroupInput): Promise<WorkingGroup> {
  requireCooperation(ctx.identity);
  if (ctx.identity.role !== 'office' && ctx.identity.role !== 'admin')
    throw forbidden('Network offices and admin found working groups; a member asks to join one.');
  const topic = boundedText('input.topic', input.topic, 200, { min: 3 });
  const description = boundedText('input.description', input.description, 5000, { lines: true });
  const lead = await leadOf(ctx, input.lead);
  const duplicate = () => conflict(`A working group on "${topic}" exists already; ask to join it.`, { reason: 'EXISTS' });
  if ((await ctx.em.count(WorkingGroupSchema, { topic: { $ilike: topic.replace(/[\\%_]/g, '\\$&') } })) > 0) throw duplicate();
  try {
    return await ctx.em.transactional(async (tx) => {
      const group = tx.create(WorkingGroupSchema, { topic, description, ...lead, balancesCapacity: false, createdBy: creator(ctx) });
      // The database draws the id (random_id()), which the lead's membership names.
      await tx.flush();
      if (lead.leadMemberId)
        tx.create(WorkingGroupMembershipSchema, {
          groupId: group.id,
          memberId: lead.leadMemberId,
          network: lead.leadNetwork,
          status: 'ACTIVE',
          joinedAt: new Date(),
        });
      return group;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw duplicate();
    throw error;
  }
}

const creator = (ctx: RegionContext) => ctx.identity.subject ?? ctx.identity.memberId ?? ctx.identity.network ?? ctx.identity.role;

const standing: Record<MembershipStatus, string> = {
  INVITED: 'is invited already; accept the invitation instead',
  REQUESTED: 'has asked to join already; the lead confirms the request',
  ACTIVE: 'is a member already',
  LEFT: 'has left',
  REMOVED: 'was removed',
};

/**
 * The group read again under a share of its lock, for a lead's action that must not outrun a handover
 * (handOverLead holds the group's lock while it changes the lead): actions side by side, a handover waits.
 */
export function lockedForShare(tx: EntityManager, groupId: number): Promise<WorkingGroup> {
  return tx.findOneOrFail(WorkingGroupSchema, groupId, { lockMode: LockMode.PESSIMISTIC_READ, refresh: true });
}

/**
 * A new open membership, refused with CONFLICT while the member has one (checked, and held by the unique index in a
 * race); `authorize` checks the caller against the group as read under a share of its lock.
 */
async function openMembership(
  ctx: RegionContext,
  group: WorkingGroup,
  memberId: string,
  status: 'INVITED' | 'REQUESTED',
  notify: boolean,
  authorize?: (group: WorkingGroup) => void,
): Promise<WorkingGroupMembership> {
  const refuse = (current: MembershipStatus) =>
    conflict(`${memberId} ${standing[current]} in working group "${group.topic}".`, { reason: 'EXISTS' }, { status: current });
  const existing = await ctx.em.findOne(WorkingGroupMembershipSchema, { groupId: group.id, memberId, status: { $in: openStatuses } });
  if (existing) throw refuse(existing.status);
  try {
    return await ctx.em.transactional(async (tx) => {
      if (authorize) authorize(await lockedForShare(tx, group.id));
      const membership = tx.create(WorkingGroupMembershipSchema, { groupId: group.id, memberId, network: parseMemberId(memberId).network.code, status });
      await tx.flush();
      if (notify) notifyInvited(tx, group, membership);
      return membership;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw refuse(status);
    throw error;
  }
}

export async function requestToJoin(ctx: RegionContext, groupId: string, memberId: string | null | undefined): Promise<WorkingGroupMembership> {
  requireCooperation(ctx.identity);
  const group = await loadGroup(ctx, groupId, 'groupId');
  const member = await actingMember(ctx, memberId);
  return openMembership(ctx, group, member.memberId, 'REQUESTED', false);
}

export async function invite(ctx: RegionContext, groupId: string, memberId: string): Promise<WorkingGroupMembership> {
  requireCooperation(ctx.identity);
  const group = await loadGroup(ctx, groupId, 'groupId');
  requireLead(ctx.identity, group, 'invite members');
  await assertMemberExists(ctx, memberId, 'memberId');
  return openMembership(ctx, group, memberId, 'INVITED', true, (locked) => requireLead(ctx.identity, locked, 'invite members'));
}

async function loadMembership(ctx: RegionContext, id: string): Promise<{ membership: WorkingGroupMembership; group: WorkingGroup }> {
  requireCooperation(ctx.identity);
  const membership = await ctx.em.findOne(WorkingGroupMembershipSchema, membershipIds.parse(id, 'membershipId'));
  const group = membership && (await ctx.workingGroupLoaders.groups.load(membership.groupId));
  if (!membership || !group) throw notFound(`Membership ${id} does not exist.`);
  return { membership, group };
}

function requireStatus(membership: WorkingGroupMembership, id: string, expected: MembershipStatus, what: string): void {
  if (membership.status !== expected)
    throw conflict(`Membership ${id} is ${membership.status}, not ${expected}: nothing to ${what}.`, { reason: 'STATUS', status: membership.status });
}

/**
 * Changes a membership in one transaction, with its group and itself locked and read again, in the order
 * handOverLead takes them: each change checks the status and the lead it finds there. Read before, a removal and an
 * acceptance that both saw INVITED each wrote theirs, and the member was back in, ACTIVE with the removal's date; a
 * member left while the lead was being handed to it, and led the group it had left.
 */
function changeMembership(
  ctx: RegionContext,
  membership: WorkingGroupMembership,
  change: (tx: EntityManager, membership: WorkingGroupMembership, group: WorkingGroup) => Promise<void> | void,
): Promise<WorkingGroupMembership> {
  return ctx.em.transactional(async (tx) => {
    const group = await tx.findOneOrFail(WorkingGroupSchema, membership.groupId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const current = await tx.findOneOrFail(WorkingGroupMembershipSchema, membership.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    await change(tx, current, group);
    return current;
  });
}

export async function confirmMembership(ctx: RegionContext, id: string): Promise<WorkingGroupMembership> {
  const { membership, group } = await loadMembership(ctx, id);
  // The lead first (again under the lock below): anyone else is told FORBIDDEN, not how the member stands.
  requireLead(ctx.identity, group, 'confirm requests to join');
  // A member that asked and has left its network since does not join.
  await assertMemberExists(ctx, membership.memberId, 'membershipId');
  return changeMembership(ctx, membership, (_, current, group) => {
    requireLead(ctx.identity, group, 'confirm requests to join');
    requireStatus(current, id, 'REQUESTED', 'confirm');
    activate(current);
  });
}

export async function acceptInvitation(ctx: RegionContext, id: string): Promise<WorkingGroupMembership> {
  const { membership } = await loadMembership(ctx, id);
  if (!canActFor(ctx.identity, membership.memberId, membership.network))
    throw forbidden(`Only ${membership.memberId}, its office or admin accept its invitation.`);
  await assertMemberExists(ctx, membership.memberId, 'membershipId');
  return changeMembership(ctx, membership, (_, current) => {
    requireStatus(current, id, 'INVITED', 'accept');
    activate(current);
  });
}

function activate(membership: WorkingGroupMembership): void {
  membership.status = 'ACTIVE';
  membership.joinedAt = new Date();
}

/**
 * Ends a membership and withdraws the member's answers to meetings that have
 * not begun (a YES would hold a place it no longer takes), in one transaction.
 * The membership's row is updated first: an answer being recorded holds that
 * row (rsvp, meetings.ts), so the removal waits for it and then withdraws it,
 * and an answer that comes after finds the membership ended.
 */
async function end(ctx: RegionContext, membership: WorkingGroupMembership, status: 'LEFT' | 'REMOVED', authorize: (group: WorkingGroup) => void = () => {}) {
  return changeMembership(ctx, membership, async (tx, current, group) => {
    authorize(group);
    if (!openStatuses.includes(current.status))
      throw conflict(`Membership ${membershipIds.format(current.id)} is ${current.status} already.`, { reason: 'STATUS', status: current.status });
    if (current.memberId === group.leadMemberId)
      throw conflict(`${current.memberId} leads working group "${group.topic}" and stays its member while it leads; hand the lead over first.`, {
        reason: 'LEADS',
      });
    current.status = status;
    current.endedAt = new Date();
    current.endedBy = creator(ctx);
    await tx.flush();
    await tx.execute(
      `delete from "meeting_rsvp" where "member_id" = ? and "meeting_id" in (select "id" from "working_group_meeting" where "group_id" = ? and "starts_at" > now())`,
      [current.memberId, group.id],
    );
  });
}

/**
 * Hands the lead to another office, or to an active member of the group. The
 * lead (a member lead, its office), or admin, hands it on; a member lead
 * stays a member and may then leave. The new lead's membership is checked
 * under the group's row lock and the membership's, so a removal running at the
 * same time cannot leave the group led by a member it no longer has.
 */
export async function handOverLead(ctx: RegionContext, groupId: string, lead: GroupInput['lead']): Promise<WorkingGroup> {
  requireCooperation(ctx.identity);
  const group = await loadGroup(ctx, groupId, 'groupId');
  requireLead(ctx.identity, group, 'hand the lead over');
  const next = await newLeadOf(lead);
  // Not to a member that has left its network, though its membership may still be ACTIVE.
  if (next.leadMemberId) await assertMemberExists(ctx, next.leadMemberId, 'lead.memberId');
  if (next.leadNetwork === group.leadNetwork && next.leadMemberId === (group.leadMemberId ?? null))
    throw conflict(`${next.leadMemberId ?? `The ${next.leadNetwork} office`} leads working group "${group.topic}" already.`, { reason: 'STATUS' });
  return ctx.em.transactional(async (tx) => {
    const locked = await tx.findOneOrFail(WorkingGroupSchema, group.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    // Again under the lock: of two handovers by one lead, the second handed on a lead it no longer held.
    requireLead(ctx.identity, locked, 'hand the lead over');
    if (next.leadMemberId) {
      const [active] = await tx.execute<{ id: string }[]>(
        `select "id" from "working_group_membership" where "group_id" = ? and "member_id" = ? and "status" = 'ACTIVE' for share`,
        [group.id, next.leadMemberId],
      );
      if (!active) {
        // Its latest membership's status (LEFT, REMOVED, INVITED, REQUESTED; NONE without one) tells this refusal from
        // the other STATUS of a hand-over, to a lead that leads already: the portal says the member is gone from its list.
        const [latest] = await tx.execute<{ status: string }[]>(
          `select "status" from "working_group_membership" where "group_id" = ? and "member_id" = ? order by "created_at" desc limit 1`,
          [group.id, next.leadMemberId],
        );
        throw conflict(`${next.leadMemberId} is not an active member of working group "${group.topic}"; only its members lead it. Invite it first.`, {
          reason: 'STATUS',
          status: latest?.status ?? 'NONE',
        });
      }
    }
    locked.leadNetwork = next.leadNetwork;
    locked.leadMemberId = next.leadMemberId;
    return locked;
  });
}

/** The groups a member that has left its network leads go to its network's office (members/members.ts archiveMember). */
export async function handLeadsToOffice(tx: EntityManager, memberId: string): Promise<void> {
  const led = await tx.find(WorkingGroupSchema, { leadMemberId: memberId }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
  for (const group of led) group.leadMemberId = null;
}

/** The lead to hand over to: an office by its network, or a member (its network from its id). */
async function newLeadOf(lead: GroupInput['lead']): Promise<{ leadNetwork: string; leadMemberId: string | null }> {
  if (lead.memberId) {
    const network = parseMemberId(lead.memberId, 'lead.memberId').network.code;
    if (lead.network && lead.network !== network)
      throw badInput('lead.network', `lead.network ${lead.network} is not the network of ${lead.memberId}; leave it out for a member lead.`, {
        reason: 'NOT_APPLICABLE',
      });
    return { leadNetwork: network, leadMemberId: lead.memberId };
  }
  if (!lead.network) throw badInput('lead', 'lead needs network (an office leads) or memberId (a member leads).', { reason: 'REQUIRED' });
  return { leadNetwork: lead.network, leadMemberId: null };
}

export async function leave(ctx: RegionContext, groupId: string, memberId: string | null | undefined): Promise<WorkingGroupMembership> {
  requireCooperation(ctx.identity);
  const group = await loadGroup(ctx, groupId, 'groupId');
  const member = memberId ?? ctx.identity.memberId;
  if (!member) throw badInput('memberId', 'memberId is required: an office or admin names the member that leaves.', { reason: 'REQUIRED' });
  const { network } = parseMemberId(member, 'memberId');
  if (!canActFor(ctx.identity, member, network.code)) throw forbidden(`Only ${member}, its office or admin decide that it leaves; the lead removes members.`);
  const membership = await ctx.em.findOne(WorkingGroupMembershipSchema, { groupId: group.id, memberId: member, status: { $in: openStatuses } });
  if (!membership) throw notFound(`${member} is not a member of working group "${group.topic}", nor invited or asking to join.`);
  return end(ctx, membership, 'LEFT');
}

export async function remove(ctx: RegionContext, id: string): Promise<WorkingGroupMembership> {
  const { membership, group } = await loadMembership(ctx, id);
  const office = ctx.identity.role === 'office' && ctx.identity.network === membership.network;
  const authorize = (current: WorkingGroup) => {
    if (!office && !isLead(ctx.identity, current))
      throw forbidden(`Only the lead of "${current.topic}", the ${membership.network} office or admin remove ${membership.memberId}.`);
  };
  // Refused at once without the lead's role, and checked again under the group's lock: a lead that handed the lead
  // over while removing (both read the group first) removed a member of a group it no longer led.
  authorize(group);
  return end(ctx, membership, 'REMOVED', authorize);
}
