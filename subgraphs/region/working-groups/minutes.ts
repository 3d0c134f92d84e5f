import type { ServerResponse } from 'node:http';
import { forbidden, notFound } from '../../../shared/errors.ts';
import type { PlainRoute } from '../../../shared/http.ts';
import type { Identity } from '../../../shared/identity.ts';
import { checkKind, fileNameOf, fileRoute, keepFileWith, pdfKind, removeFiles, sendFile, type AttachmentStore, type StoredFile } from '../files.ts';
import { isLead, seesInside } from './access.ts';
import { MeetingMinutesSchema, MeetingSchema, openStatuses, WorkingGroupMembershipSchema, WorkingGroupSchema } from './entities.ts';
import { meetingIds, minutesIds } from './ids.ts';

// The minutes of a meeting, as a PDF, in region's file store (files.ts) beside
// inquiries' drawings: the gateway's /attachments hands meetings' uploads
// (?meetingId=) and min- downloads to region's /internal/minutes. The lead (or
// admin) uploads; the group's members (and their offices), its lead and admin
// download; anyone else signed in is FORBIDDEN, as for the minutes field in the graph.
// A meeting has one minutes file: a second upload is the corrected version and
// takes the first one's place, row and file, as a lead means by uploading the
// minutes again. Each version was kept before, and a lead could fill the disk
// with them one meeting at a time.

/** The meeting with its group and whether the caller leads it or sees inside it (access.ts). */
async function meetingFor(store: AttachmentStore, identity: Identity, meetingId: number, rawId: string) {
  const em = store.orm.em.fork();
  const meeting = await em.findOne(MeetingSchema, meetingId);
  const group = meeting && (await em.findOne(WorkingGroupSchema, meeting.groupId));
  if (!meeting || !group) throw notFound(`Meeting ${rawId.slice(0, 30)} does not exist.`);
  const open = await em.find(WorkingGroupMembershipSchema, { groupId: group.id, status: { $in: openStatuses } });
  return { meeting, group, leads: isLead(identity, group), inside: seesInside(identity, group, open) };
}

/**
 * The meeting's minutes are `stored` now, committed, in place of any before; the files of those it replaced. Under a
 * lock on the meeting's minutes, two uploads at once replace one after the other instead of both being kept.
 */
function replaceMinutes(store: AttachmentStore, meetingId: number, fileName: string, stored: StoredFile) {
  return store.orm.em.fork().transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`meeting minutes ${meetingId}`]);
    const earlier = await tx.find(MeetingMinutesSchema, { meetingId });
    tx.remove(earlier);
    const minutes = tx.create(MeetingMinutesSchema, { meetingId, fileName, contentType: 'application/pdf', ...stored });
    return { minutes, replaced: earlier.map((m) => m.storageName) };
  });
}

async function upload(store: AttachmentStore, identity: Identity, url: URL, contentType: string, body: Buffer) {
  const rawId = url.searchParams.get('meetingId') ?? '';
  const fileName = fileNameOf(url.searchParams.get('fileName'), '.pdf');
  checkKind([pdfKind], 'minutes as PDF (.pdf)', fileName, contentType, body);
  const { meeting, group, leads } = await meetingFor(store, identity, meetingIds.parse(rawId, 'meetingId'), rawId);
  if (!leads) throw forbidden(`Only the lead of working group "${group.topic}" or admin upload the minutes of its meetings.`);
  const { minutes, replaced } = await keepFileWith(store, identity, body, (stored) => replaceMinutes(store, meeting.id, fileName, stored));
  // Only once the new minutes are committed and in place: a failed upload leaves the old ones as they were.
  await removeFiles(store, replaced);
  return {
    id: minutesIds.format(minutes.id),
    meetingId: meetingIds.format(meeting.id),
    fileName,
    size: minutes.size,
    sha256: minutes.sha256,
    downloadPath: downloadPath(minutes.id),
  };
}

export const downloadPath = (id: number) => `/attachments?id=${minutesIds.format(id)}`;

async function download(store: AttachmentStore, identity: Identity, res: ServerResponse, url: URL) {
  const rawId = url.searchParams.get('id') ?? '';
  const em = store.orm.em.fork();
  const minutes = await em.findOne(MeetingMinutesSchema, minutesIds.parse(rawId));
  if (!minutes) throw notFound(`Minutes ${rawId.slice(0, 30)} do not exist.`);
  const { inside } = await meetingFor(store, identity, minutes.meetingId, meetingIds.format(minutes.meetingId));
  if (!inside) throw forbidden("Minutes are for the working group's members, its lead and admin only; ask the lead to join.");
  await sendFile(store, res, minutes);
}

/** Region's internal endpoint for minutes, which the gateway's /attachments route hands meetings' uploads and min- downloads to. */
export function minutesRoute(store: AttachmentStore): PlainRoute {
  return fileRoute('/internal/minutes', store, {
    upload: (identity, url, contentType, body) => upload(store, identity, url, contentType, body),
    download: (identity, res, url) => download(store, identity, res, url),
  });
}
