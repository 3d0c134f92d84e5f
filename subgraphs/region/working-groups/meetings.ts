import { badInput, conflict, forbidden, notFound } from '../../../shared/errors.ts';
import { maxParticipantLimit } from '../../../shared/meetings.ts';
import { isoDateTime } from '../../../shared/validation.ts';
import { parseMemberId } from '../../../shared/ids.ts';
import { assertMemberExists, canActFor } from '../access.ts';
import type { RegionContext } from '../context.ts';
import { requireCooperation, requireLead } from './access.ts';
import {
  MeetingRsvpSchema,
  MeetingSchema,
  WorkingGroupMembershipSchema,
  type Meeting,
  type MeetingRsvp,
  type RsvpAnswer,
  type WorkingGroup,
} from './entities.ts';
import { meetingIds } from './ids.ts';
import { notifyMeetingScheduled } from './notifications.ts';
import { boundedText, loadGroup, lockedForShare } from './working-groups.ts';

// Meetings and the members' answers. The limit of YES answers is the
// database's: a trigger counts them on the meeting and a check holds the
// count within the limit (Migration20261202200000_working_groups), so one
// answer past it fails, however many arrive at once, and is refused here with
// CONFLICT naming the limit.

export interface MeetingInput {
  startsAt: string;
  place?: string | null;
  videoLink?: string | null;
  agenda: string;
  participantLimit: number;
}

function futureTime(field: string, value: string): Date {
  const at = isoDateTime(field, value, '2027-01-14T15:00:00+01:00');
  if (at.getTime() <= Date.now())
    throw badInput(field, `${field} ${value.slice(0, 40)} is not in the future; a meeting is scheduled ahead.`, { reason: 'IN_THE_PAST' });
  return at;
}

function videoLinkOf(field: string, value: string): string {
  const text = boundedText(field, value, 500);
  const url = URL.canParse(text) ? new URL(text) : null;
  if (url?.protocol !== 'https:' || !url.hostname)
    throw badInput(field, `${field} must be an https URL of the video call, such as https://meet.example/arbeitskreis-cad.`, { reason: 'URL' });
  return text;
}

function checkMeeting(input: MeetingInput) {
  const startsAt = futureTime('input.startsAt', input.startsAt);
  const place = input.place == null ? null : boundedText('input.place', input.place, 200);
  const videoLink = input.videoLink == null ? null : videoLinkOf('input.videoLink', input.videoLink);
  if (!place && !videoLink) throw badInput('input.place', 'Give input.place, input.videoLink or both: where does the group meet?', { reason: 'REQUIRED' });
  if (!Number.isInteger(input.participantLimit) || input.participantLimit < 1 || input.participantLimit > maxParticipantLimit)
    throw badInput('input.participantLimit', `input.participantLimit must be from 1 to ${maxParticipantLimit}, got ${input.participantLimit}.`, {
      reason: 'OUT_OF_RANGE',
      min: 1,
      max: maxParticipantLimit,
      integer: true,
    });
  const agenda = boundedText('input.agenda', input.agenda, 10_000, { lines: true });
  return { startsAt, place, videoLink, agenda, participantLimit: input.participantLimit };
}

export async function scheduleMeeting(ctx: RegionContext, groupId: string, input: MeetingInput): Promise<Meeting> {
  requireCooperation(ctx.identity);
  const group = await loadGroup(ctx, groupId, 'groupId');
  requireLead(ctx.identity, group, 'schedule meetings');
  const fields = checkMeeting(input);
  return ctx.em.transactional(async (tx) => {
    // Again under the group's lock: a lead that handed the lead over meanwhile schedules nothing.
    requireLead(ctx.identity, await lockedForShare(tx, group.id), 'schedule meetings');
    const meeting = tx.create(MeetingSchema, { groupId: group.id, ...fields, yesCount: 0, scheduledBy: ctx.identity.subject ?? ctx.identity.role });
    // The notifications name the meeting's id, which the database draws.
    await tx.flush();
    const members = await tx.find(WorkingGroupMembershipSchema, { groupId: group.id, status: 'ACTIVE' });
    notifyMeetingScheduled(tx, group, meeting, members);
    return meeting;
  });
}

export async function loadMeeting(ctx: RegionContext, id: string, field = 'id'): Promise<{ meeting: Meeting; group: WorkingGroup }> {
  const meeting = await ctx.em.findOne(MeetingSchema, meetingIds.parse(id, field));
  const group = meeting && (await ctx.workingGroupLoaders.groups.load(meeting.groupId));
  if (!meeting || !group) throw notFound(`Meeting ${id} does not exist.`);
  return { meeting, group };
}

// One statement, so the answer and its count on the meeting (the trigger) are one change; answering again replaces the answer.
const upsertRsvp = `insert into "meeting_rsvp" ("meeting_id", "member_id", "answer", "answered_at", "created_at") values (?, ?, ?, now(), now())
  on conflict ("meeting_id", "member_id") do update set "answer" = excluded."answer", "answered_at" = excluded."answered_at" returning *`;

/** The check that holds the YES answers within the limit refused one; 23514 is PostgreSQL's check_violation (a raw statement's error is the driver's, not MikroORM's). */
const isFull = (error: unknown) =>
  error instanceof Error && (error as { code?: string }).code === '23514' && error.message.includes('working_group_meeting_yes_within_limit');

export async function rsvp(ctx: RegionContext, meetingId: string, answer: RsvpAnswer, memberId: string | null | undefined): Promise<MeetingRsvp> {
  requireCooperation(ctx.identity);
  const member = memberId ?? ctx.identity.memberId;
  if (!member) throw badInput('memberId', 'memberId is required: an office or admin names the member that answers.', { reason: 'REQUIRED' });
  const { network } = parseMemberId(member, 'memberId');
  if (!canActFor(ctx.identity, member, network.code)) throw forbidden(`Only ${member}, its office or admin answer for it.`);
  const { meeting, group } = await loadMeeting(ctx, meetingId, 'meetingId');
  // A yes or maybe holds a place; a member that has left its network takes none, but may still say no.
  if (answer !== 'NO') await assertMemberExists(ctx, member, 'memberId');
  if (meeting.startsAt.getTime() <= Date.now())
    throw conflict(`Meeting ${meetingId} began at ${meeting.startsAt.toISOString()}; answers are closed.`, {
      reason: 'CLOSED',
      closedAt: meeting.startsAt.toISOString(),
    });
  try {
    return await ctx.em.transactional(async (tx) => {
      // The membership is read with a share lock in the answer's transaction: a removal or leave running at the same
      // time waits for this answer and then withdraws it (working-groups.ts end), or has ended the membership first and
      // this answer is refused; never an answer recorded for a member the group no longer has.
      const connection = tx.getConnection();
      const [active] = await connection.execute<{ id: string }[]>(
        `select "id" from "working_group_membership" where "group_id" = ? and "member_id" = ? and "status" = 'ACTIVE' for share`,
        [group.id, member],
        'all',
        tx.getTransactionContext(),
      );
      if (!active) throw forbidden(`${member} is not a member of working group "${group.topic}"; only its members answer its meetings. Ask to join first.`);
      const [row] = await connection.execute<Record<string, unknown>[]>(upsertRsvp, [meeting.id, member, answer], 'all', tx.getTransactionContext());
      return tx.map(MeetingRsvpSchema, row);
    });
  } catch (error) {
    if (isFull(error))
      throw conflict(
        `Meeting ${meetingId} is full: all ${meeting.participantLimit} places are taken. Answer MAYBE or NO; a place frees up when someone changes a YES.`,
        {
          reason: 'FULL',
          participantLimit: meeting.participantLimit,
        },
      );
    throw error;
  }
}
