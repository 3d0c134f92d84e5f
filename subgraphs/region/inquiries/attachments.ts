import type { ServerResponse } from 'node:http';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { EnvReader } from '../../../shared/config.ts';
import type { PlainRoute } from '../../../shared/http.ts';
import { badInput, httpError, notFound } from '../../../shared/errors.ts';
import type { Identity } from '../../../shared/identity.ts';
import { checkKind, fileNameOf, fileRoute, keepFileWith, pdfKind, sendFile, type AttachmentStore, type FileKind } from '../files.ts';
import { AttachmentSchema, InquirySchema } from './entities.ts';
import { InquiryAccess, requireOwner } from './access.ts';
import { attachmentId, parseAttachmentId, parseInquiryId } from '../ids.ts';
import { requireStatus } from './inquiries.ts';

// Drawings and documents of inquiries, in region's file store (files.ts):
// the inquiry's owner uploads them, those who see the inquiry download them.
// An inquiry takes a bounded number of them and of bytes (InquiryQuota): the
// probe stored 841 MB in one inquiry.

/** How many attachments an inquiry takes, and how many bytes in all (ATTACHMENTS_PER_INQUIRY, ATTACHMENT_BYTES_PER_INQUIRY). */
export interface InquiryQuota {
  attachmentsPerInquiry: number;
  attachmentBytesPerInquiry: number;
}

/**
 * 50 files: a customer's inquiry for 20 parts, each with a drawing (PDF) and a model (STEP), has 40, and ten
 * documents beside them (specifications, test plans). Ten files of the largest size (200 MB at ATTACHMENT_MAX_BYTES'
 * 20 MB): 20 parts with a STEP model of up to 10 MB each, where a machined part's model is mostly 1 to 5 MB.
 */
export const defaultInquiryQuota = (maxBytes: number): InquiryQuota => ({ attachmentsPerInquiry: 50, attachmentBytesPerInquiry: 10 * maxBytes });

/** ATTACHMENTS_PER_INQUIRY (at least 1) and ATTACHMENT_BYTES_PER_INQUIRY (at least ATTACHMENT_MAX_BYTES, or the largest file never fits). */
export function inquiryQuotaFromEnv(read: EnvReader, maxBytes: number): InquiryQuota {
  const defaults = defaultInquiryQuota(maxBytes);
  return {
    attachmentsPerInquiry: read.integer('ATTACHMENTS_PER_INQUIRY', defaults.attachmentsPerInquiry, 1),
    attachmentBytesPerInquiry: read.integer('ATTACHMENT_BYTES_PER_INQUIRY', defaults.attachmentBytesPerInquiry, maxBytes),
  };
}

const kinds: FileKind[] = [
  pdfKind,
  { extension: /\.(step|stp)$/i, types: ['model/step', 'application/step', 'application/octet-stream'], magic: Buffer.from('ISO-10303-21'), label: 'STEP' },
];

/** The inquiry's attachments so far, read in `em`'s transaction: how many, and their bytes. */
async function storedFor(em: EntityManager, inquiryId: number): Promise<{ files: number; bytes: number }> {
  const [row] = await em.execute<{ files: number; bytes: string }[]>(
    'select count(*)::int as files, coalesce(sum(size), 0)::bigint as bytes from inquiry_attachment where inquiry_id = ?',
    [inquiryId],
  );
  return { files: row.files, bytes: Number(row.bytes) };
}

/**
 * Refuses a file the inquiry has no room for, by count (TOO_MANY, 400) or bytes (TOO_LARGE, 413), with `limit` naming
 * which; the message says what to do. Attachments cannot be removed, so room is made by combining files or by a
 * second inquiry for further parts.
 */
async function requireQuota(em: EntityManager, quota: InquiryQuota, inquiryId: number, rawId: string, size: number): Promise<void> {
  const { files, bytes } = await storedFor(em, inquiryId);
  const max = quota.attachmentsPerInquiry;
  if (files >= max)
    throw httpError(
      'BAD_USER_INPUT',
      `Inquiry ${rawId} has ${files} attachments, the most one inquiry takes (${max}); put several drawings into one PDF, or further parts into another inquiry.`,
      { extensions: { field: 'inquiryId', reason: 'TOO_MANY', limit: 'attachmentsPerInquiry', max } },
    );
  const maxBytes = quota.attachmentBytesPerInquiry;
  if (bytes + size > maxBytes)
    throw httpError(
      'BAD_USER_INPUT',
      `Inquiry ${rawId} holds ${bytes} bytes of attachments; this file's ${size} would pass the ${maxBytes} one inquiry takes. Send smaller files (a drawing as PDF is rarely over a few MB), or further parts in another inquiry.`,
      { status: 413, extensions: { field: 'body', reason: 'TOO_LARGE', limit: 'attachmentBytesPerInquiry', max: maxBytes } },
    );
}

async function upload(store: AttachmentStore, quota: InquiryQuota, identity: Identity, url: URL, contentType: string, body: Buffer) {
  const rawId = url.searchParams.get('inquiryId');
  if (!rawId) throw badInput('inquiryId', 'Give the inquiry as ?inquiryId=inq-12.', { reason: 'REQUIRED' });
  const fileName = fileNameOf(url.searchParams.get('fileName'), '.pdf, .step or .stp');
  checkKind(kinds, 'drawings and documents as PDF (.pdf) or STEP (.step, .stp)', fileName, contentType, body);

  // The status is checked and the row written under a share of the inquiry's lock, which its changes (cancel,
  // award, close: lockInquiry) take whole: read before a cancel's lock, an upload landed on the CANCELLED inquiry.
  const acceptingInquiry = async (em: EntityManager, lockMode?: LockMode) => {
    const inquiry = await em.findOne(InquirySchema, parseInquiryId(rawId, 'inquiryId'), { lockMode });
    const view = inquiry && (await new InquiryAccess(identity).resolve(em, inquiry));
    if (!inquiry || !view) throw notFound(`Inquiry ${rawId} does not exist.`);
    requireOwner(view, rawId);
    requireStatus(inquiry, rawId, 'given attachments', ['DRAFT', 'OPEN']);
    return inquiry;
  };
  // Refused before the file touches the disk; then checked again under the lock, and the file named only once the
  // row is committed (keepFileWith), and removed if it is not.
  const em = store.orm.em.fork();
  const found = await acceptingInquiry(em);
  await requireQuota(em, quota, found.id, rawId, body.length);
  const attachment = await keepFileWith(store, identity, body, (stored) =>
    store.orm.em.fork().transactional(async (tx) => {
      const inquiry = await acceptingInquiry(tx, LockMode.PESSIMISTIC_READ);
      // Uploads to one inquiry count its room one after the other, for the moment of their commit only: side by
      // side, each saw the room the others were about to take.
      await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`inquiry attachments ${inquiry.id}`]);
      await requireQuota(tx, quota, inquiry.id, rawId, body.length);
      return tx.create(AttachmentSchema, { inquiry, fileName, contentType, ...stored });
    }),
  );
  return {
    id: attachmentId(attachment.id),
    fileName,
    contentType,
    size: attachment.size,
    sha256: attachment.sha256,
    downloadPath: `/attachments?id=${attachmentId(attachment.id)}`,
  };
}

async function download(store: AttachmentStore, identity: Identity, res: ServerResponse, url: URL) {
  const rawId = url.searchParams.get('id') ?? '';
  const em = store.orm.em.fork();
  const attachment = await em.findOne(AttachmentSchema, parseAttachmentId(rawId));
  const inquiry = attachment && (await em.findOne(InquirySchema, attachment.inquiry.id));
  // Who may not see the inquiry learns nothing about its attachments, not even that they exist.
  if (!attachment || !inquiry || !(await new InquiryAccess(identity).resolve(em, inquiry))) throw notFound(`Attachment ${rawId.slice(0, 30)} does not exist.`);
  await sendFile(store, res, attachment);
}

/** Region's internal endpoint for the gateway's /attachments route. */
export function attachmentRoute(store: AttachmentStore, quota: InquiryQuota): PlainRoute {
  return fileRoute('/internal/attachments', store, {
    upload: (identity, url, contentType, body) => upload(store, quota, identity, url, contentType, body),
    download: (identity, res, url) => download(store, identity, res, url),
  });
}
