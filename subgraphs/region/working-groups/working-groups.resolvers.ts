import type { Resolvers } from '../generated/resolvers-types.ts';
import { findNetwork } from '../../../shared/networks.ts';
import type { RegionContext } from '../context.ts';
import { memberRefById } from '../ids.ts';
import { isLead, requireCooperation, requireInside, seesPending } from './access.ts';
import type { Meeting, WorkingGroup } from './entities.ts';
import { groupIds, meetingIds, membershipIds, minutesIds } from './ids.ts';
import { loadMeeting, rsvp, scheduleMeeting } from './meetings.ts';
import { downloadPath } from './minutes.ts';
import {
  acceptInvitation,
  confirmMembership,
  createGroup,
  handOverLead,
  invite,
  leave,
  listGroups,
  loadGroup,
  remove,
  requestToJoin,
} from './working-groups.ts';
import { formatDate, parseDate, today } from '../capacity/calendar.ts';

/** The group of a meeting, from the request's loader (primed by a list of groups). */
async function groupOf(ctx: RegionContext, meeting: Meeting): Promise<WorkingGroup> {
  return (await ctx.workingGroupLoaders.groups.load(meeting.groupId))!;
}

/** A field of what belongs to the group alone: FORBIDDEN to anyone outside (access.ts). */
async function inside<T>(ctx: RegionContext, meeting: Meeting, what: string, value: () => T | Promise<T>): Promise<T> {
  requireInside(await ctx.workingGroupLoaders.inside(await groupOf(ctx, meeting)), what);
  return value();
}

// The CAD working group's balance: capacity/capacity.graphql capacityBalance, and its CSV export (gateway/exports.ts).
const balanceQuery = `query CapacityBalance($from: String!, $to: String!) {
  capacityBalance(from: $from, to: $to, kind: CAD) { week system network offeredHours requestedHours bookedHours balanceHours }
}`;
// Twelve weeks: the span the CAD group plans ahead in its meetings.
const balanceWeeks = 12;

function capacityBalanceLink() {
  // Counted on the calendar (whole days from the region's today), not as 84 × 24 hours from now: across a clock
  // change those end an hour off, on the day before or after, and the balance's whole weeks one fewer or more.
  const from = today();
  const to = formatDate(parseDate(from) + balanceWeeks * 7 * 86_400_000);
  return { query: balanceQuery, from, to, csvPath: `/export/capacity-balance.csv?from=${from}&to=${to}&kind=CAD` };
}

export const workingGroupResolvers: Resolvers = {
  Query: {
    workingGroups: (_, args, ctx) => listGroups(ctx, args.first, args.after),
    async workingGroup(_, args, ctx) {
      requireCooperation(ctx.identity);
      return loadGroup(ctx, args.id);
    },
    async meeting(_, args, ctx) {
      requireCooperation(ctx.identity);
      return (await loadMeeting(ctx, args.id)).meeting;
    },
  },
  Mutation: {
    createWorkingGroup: (_, args, ctx) => createGroup(ctx, args.input),
    requestToJoinWorkingGroup: (_, args, ctx) => requestToJoin(ctx, args.groupId, args.memberId),
    inviteToWorkingGroup: (_, args, ctx) => invite(ctx, args.groupId, args.memberId),
    confirmWorkingGroupMembership: (_, args, ctx) => confirmMembership(ctx, args.membershipId),
    handOverWorkingGroupLead: (_, args, ctx) => handOverLead(ctx, args.groupId, args.lead),
    acceptWorkingGroupInvitation: (_, args, ctx) => acceptInvitation(ctx, args.membershipId),
    leaveWorkingGroup: (_, args, ctx) => leave(ctx, args.groupId, args.memberId),
    removeFromWorkingGroup: (_, args, ctx) => remove(ctx, args.membershipId),
    scheduleMeeting: (_, args, ctx) => scheduleMeeting(ctx, args.groupId, args.input),
    rsvpMeeting: (_, args, ctx) => rsvp(ctx, args.meetingId, args.answer, args.memberId),
  },
  WorkingGroup: {
    id: (g) => groupIds.format(g.id),
    leadNetwork: (g) => findNetwork(g.leadNetwork)!,
    leadMember: (g) => (g.leadMemberId ? memberRefById(g.leadMemberId) : null),
    members: async (g, _, ctx) => (await ctx.workingGroupLoaders.memberships.load(g.id)).filter((m) => m.status === 'ACTIVE'),
    pending: async (g, _, ctx) =>
      (await ctx.workingGroupLoaders.memberships.load(g.id)).filter((m) => m.status !== 'ACTIVE' && seesPending(ctx.identity, g, m)),
    viewerIsMember: (g, _, ctx) => ctx.workingGroupLoaders.inside(g),
    viewerIsLead: (g, _, ctx) => isLead(ctx.identity, g),
    meetings: (g, args, ctx) => ctx.workingGroupLoaders.meetings(args.upcomingOnly ?? true).load(g.id),
    capacityBalance: (g) => (g.balancesCapacity ? capacityBalanceLink() : null),
    createdAt: (g) => g.createdAt.toISOString(),
  },
  WorkingGroupMembership: {
    id: (m) => membershipIds.format(m.id),
    groupId: (m) => groupIds.format(m.groupId),
    member: (m) => memberRefById(m.memberId),
    createdAt: (m) => m.createdAt.toISOString(),
    joinedAt: (m) => m.joinedAt?.toISOString() ?? null,
    endedAt: (m) => m.endedAt?.toISOString() ?? null,
  },
  Meeting: {
    id: (m) => meetingIds.format(m.id),
    groupId: (m) => groupIds.format(m.groupId),
    startsAt: (m) => m.startsAt.toISOString(),
    place: (m) => m.place ?? null,
    videoLink: (m, _, ctx) => inside(ctx, m, "A meeting's video link", () => m.videoLink ?? null),
    agenda: (m, _, ctx) => inside(ctx, m, "A meeting's agenda", () => m.agenda),
    placesLeft: (m) => m.participantLimit - m.yesCount,
    rsvps: (m, _, ctx) => inside(ctx, m, "A meeting's RSVPs", () => ctx.workingGroupLoaders.rsvps.load(m.id)),
    minutes: (m, _, ctx) => inside(ctx, m, "A meeting's minutes", () => ctx.workingGroupLoaders.minutes.load(m.id)),
    viewerCanUploadMinutes: async (m, _, ctx) => isLead(ctx.identity, await groupOf(ctx, m)),
  },
  MeetingRsvp: {
    meetingId: (r) => meetingIds.format(r.meetingId),
    member: (r) => memberRefById(r.memberId),
    answeredAt: (r) => r.answeredAt.toISOString(),
  },
  MeetingMinutes: {
    id: (m) => minutesIds.format(m.id),
    uploadedAt: (m) => m.createdAt.toISOString(),
    downloadPath: (m) => downloadPath(m.id),
  },
};
