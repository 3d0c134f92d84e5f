import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../../shared/identity.ts';
import { oldestFirst } from '../ids.ts';
import { seesInside } from './access.ts';
import {
  MeetingMinutesSchema,
  MeetingRsvpSchema,
  MeetingSchema,
  openStatuses,
  WorkingGroupMembershipSchema,
  WorkingGroupSchema,
  type Meeting,
  type MeetingMinutes,
  type MeetingRsvp,
  type WorkingGroup,
  type WorkingGroupMembership,
} from './entities.ts';

// One set of loaders per request (like inquiries/loaders.ts): a page of
// working groups with their members, meetings and the meetings' RSVPs costs
// one statement per field for the whole page, never one per group or meeting.
// Whether the caller sees inside a group is worked out from the same loaded
// memberships, so the access checks cost no statement of their own.

export type WorkingGroupLoaders = ReturnType<typeof createWorkingGroupLoaders>;

export function createWorkingGroupLoaders(em: EntityManager, identity: Identity) {
  const groups = new DataLoader<number, WorkingGroup | null>(async (ids) => {
    const byId = new Map((await em.find(WorkingGroupSchema, { id: { $in: [...ids] } })).map((g) => [g.id, g]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const memberships = new DataLoader<number, WorkingGroupMembership[]>(async (ids) =>
    groupBy(ids, await em.find(WorkingGroupMembershipSchema, { groupId: { $in: [...ids] }, status: { $in: openStatuses } }, oldestFirst), (m) => m.groupId),
  );
  const meetings = (upcomingOnly: boolean) =>
    new DataLoader<number, Meeting[]>(async (ids) =>
      groupBy(
        ids,
        await em.find(
          MeetingSchema,
          { groupId: { $in: [...ids] }, ...(upcomingOnly ? { startsAt: { $gt: new Date() } } : {}) },
          { orderBy: { startsAt: 'asc', id: 'asc' } },
        ),
        (m) => m.groupId,
      ),
    );
  const upcoming = meetings(true);
  const all = meetings(false);
  const inside = new Map<number, Promise<boolean>>();
  return {
    groups,
    memberships,
    meetings: (upcomingOnly: boolean) => (upcomingOnly ? upcoming : all),
    rsvps: new DataLoader<number, MeetingRsvp[]>(async (ids) =>
      groupBy(ids, await em.find(MeetingRsvpSchema, { meetingId: { $in: [...ids] } }, oldestFirst), (r) => r.meetingId),
    ),
    /** The newest minutes of each meeting. */
    minutes: new DataLoader<number, MeetingMinutes | null>(async (ids) =>
      groupBy(
        ids,
        await em.find(MeetingMinutesSchema, { meetingId: { $in: [...ids] } }, { orderBy: { createdAt: 'desc', id: 'desc' } }),
        (m) => m.meetingId,
      ).map((versions) => versions[0] ?? null),
    ),
    /** Whether the caller sees inside the group (access.ts), once per group and request. */
    inside(group: WorkingGroup): Promise<boolean> {
      let answer = inside.get(group.id);
      if (!answer) {
        answer = memberships.load(group.id).then((open) => seesInside(identity, group, open));
        inside.set(group.id, answer);
      }
      return answer;
    },
  };
}

function groupBy<T>(ids: readonly number[], rows: T[], parent: (row: T) => number): T[][] {
  const groups = new Map<number, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(parent(row))?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}
