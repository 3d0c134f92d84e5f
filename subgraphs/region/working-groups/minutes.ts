import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { badInput, forbidden, httpError, isClientErrorCode, notFound, unauthenticated } from '../../../shared/errors.ts';
import { sendError, sendJson, type PlainRoute } from '../../../shared/http.ts';
import { decodeIdentity, identityHeader, requireSignedIn, type Identity } from '../../../shared/identity.ts';
import type { AttachmentStore } from '../inquiries/attachments.ts';
import { isLead, seesInside } from './access.ts';
import { MeetingMinutesSchema, MeetingSchema, openStatuses, WorkingGroupMembershipSchema, WorkingGroupSchema } from './entities.ts';
import { meetingIds, minutesIds } from './ids.ts';

// The minutes of a meeting, as a PDF, kept in region's attachment store the
// way an inquiry's drawings are (inquiries/attachments.ts): reached only
// through the gateway's /attachments (POST ?meetingId=, GET ?id=min-…), which
// checks the bearer token and signs the request; written under a temporary
// name and renamed once its row is committed, so no row points at a
// half-written file; files 0600 in a folder 0700. The lead (or admin) uploads;
// the group's members, its lead and admin download; anyone else signed in is
// FORBIDDEN, as for the minutes field in the graph.

const pdfTypes = ['application/pdf', 'application/octet-stream'];
// Where a PDF's header may stand: readers accept it within the first 1024 bytes (as inquiries/attachments.ts checks).
const pdfMagic = Buffer.from('%PDF-');

const refused = (status: 413 | 415, field: string, message: string) => httpError('BAD_USER_INPUT', message, { status, extensions: { field } });

function checkPdf(rawName: string | null, contentType: string, body: Buffer): string {
  const fileName = (rawName ?? '').replace(/^.*[\\/]/, '').trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses in a file name
  if (fileName === '' || fileName.length > 200 || /[\u0000-\u001f"]/.test(fileName))
    throw badInput('fileName', 'fileName must be a file name of 1 to 200 characters ending in .pdf.');
  if (!/\.pdf$/i.test(fileName)) throw refused(415, 'fileName', `Minutes are taken as PDF (.pdf) only, not "${fileName.slice(0, 60)}".`);
  if (!pdfTypes.includes(contentType))
    throw refused(415, 'content-type', `Minutes are sent as ${pdfTypes.join(' or ')}, not ${contentType.slice(0, 60) || 'without a content type'}.`);
  if (body.length === 0) throw badInput('body', 'The file is empty.');
  if (!body.subarray(0, 1024).includes(pdfMagic)) throw refused(415, 'body', `The file does not look like PDF: its first bytes lack "${pdfMagic.toString()}".`);
  return fileName;
}

async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw refused(413, 'body', `The file has ${declared} bytes; the limit is ${limit} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw refused(413, 'body', `The file exceeds the limit of ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The meeting with its group and whether the caller leads it or sees inside it (access.ts). */
async function meetingFor(store: AttachmentStore, identity: Identity, meetingId: number, rawId: string) {
  const em = store.orm.em.fork();
  const meeting = await em.findOne(MeetingSchema, meetingId);
  const group = meeting && (await em.findOne(WorkingGroupSchema, meeting.groupId));
  if (!meeting || !group) throw notFound(`Meeting ${rawId.slice(0, 30)} does not exist.`);
  const open = await em.find(WorkingGroupMembershipSchema, { groupId: group.id, status: { $in: openStatuses } });
  return { em, meeting, group, leads: isLead(identity, group), inside: seesInside(identity, group, open) };
}

async function upload(store: AttachmentStore, identity: Identity, url: URL, contentType: string, body: Buffer) {
  const rawId = url.searchParams.get('meetingId') ?? '';
  const fileName = checkPdf(url.searchParams.get('fileName'), contentType, body);
  const { em, meeting, group, leads } = await meetingFor(store, identity, meetingIds.parse(rawId, 'meetingId'), rawId);
  if (!leads) throw forbidden(`Only the lead of working group "${group.topic}" or admin upload the minutes of its meetings.`);

  const storageName = randomUUID();
  const temporary = join(store.dir, `${storageName}.part`);
  await mkdir(store.dir, { recursive: true, mode: 0o700 });
  await chmod(store.dir, 0o700);
  await writeFile(temporary, body, { flag: 'wx', mode: 0o600 });
  try {
    const minutes = em.create(MeetingMinutesSchema, {
      meetingId: meeting.id,
      fileName,
      contentType: 'application/pdf',
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      storageName,
      uploadedBy: identity.subject ?? identity.memberId ?? identity.network ?? identity.role,
    });
    await em.flush();
    await rename(temporary, join(store.dir, storageName));
    return {
      id: minutesIds.format(minutes.id),
      meetingId: meetingIds.format(meeting.id),
      fileName,
      size: minutes.size,
      sha256: minutes.sha256,
      downloadPath: downloadPath(minutes.id),
    };
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

export const downloadPath = (id: number) => `/attachments?id=${minutesIds.format(id)}`;

async function download(store: AttachmentStore, identity: Identity, res: ServerResponse, url: URL) {
  const rawId = url.searchParams.get('id') ?? '';
  const em = store.orm.em.fork();
  const minutes = await em.findOne(MeetingMinutesSchema, minutesIds.parse(rawId));
  if (!minutes) throw notFound(`Minutes ${rawId.slice(0, 30)} do not exist.`);
  const { inside } = await meetingFor(store, identity, minutes.meetingId, meetingIds.format(minutes.meetingId));
  if (!inside) throw forbidden("Minutes are for the working group's members, its lead and admin only; ask the lead to join.");
  res.statusCode = 200;
  res.setHeader('content-type', minutes.contentType);
  res.setHeader('content-length', String(minutes.size));
  const ascii = minutes.fileName.replace(/[^\x20-\x7e]/g, '_');
  res.setHeader('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(minutes.fileName)}`);
  res.setHeader('x-content-sha256', minutes.sha256);
  res.setHeader('x-content-type-options', 'nosniff');
  await new Promise<void>((resolve, reject) => {
    createReadStream(join(store.dir, minutes.storageName)).on('error', reject).pipe(res).on('finish', resolve);
  });
}

/** Region's internal endpoint for minutes, which the gateway's /attachments route hands meetings' uploads and min- downloads to. */
export function minutesRoute(store: AttachmentStore): PlainRoute {
  return {
    path: '/internal/minutes',
    async handle(req, res, url) {
      try {
        // The signature covers the body, so the body is read before anything else is trusted.
        const body = req.method === 'POST' ? await readLimited(req, store.maxBytes) : Buffer.alloc(0);
        const refusal = await store.verifySignature?.({ method: req.method ?? 'GET', path: req.url ?? '/', body, headers: req.headers });
        if (refusal) throw unauthenticated(`This service answers only signed requests from the gateway: ${refusal}.`);
        const identity = decodeIdentity(req.headers[identityHeader] as string | undefined);
        requireSignedIn(identity);
        const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (req.method === 'POST') return sendJson(res, 201, await upload(store, identity, url, contentType, body));
        if (req.method === 'GET') return await download(store, identity, res, url);
        sendError(res, httpError(ApolloServerErrorCode.BAD_REQUEST, 'Use POST to upload or GET to download.', { status: 405 }));
      } catch (error) {
        if (res.headersSent) return void res.destroy();
        // Our own failures go on to shared/http.ts, which logs them and answers 500 without saying why.
        if (!(error instanceof GraphQLError && isClientErrorCode(error.extensions.code))) throw error;
        sendError(res, error);
      }
    },
  };
}
