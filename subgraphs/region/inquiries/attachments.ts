import type { ServerResponse } from 'node:http';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { PlainRoute } from '../../../shared/http.ts';
import { badInput, notFound } from '../../../shared/errors.ts';
import type { Identity } from '../../../shared/identity.ts';
import { checkKind, fileNameOf, fileRoute, keepFileWith, pdfKind, sendFile, type AttachmentStore, type FileKind } from '../files.ts';
import { AttachmentSchema, InquirySchema } from './entities.ts';
import { InquiryAccess, requireOwner } from './access.ts';
import { attachmentId, parseAttachmentId, parseInquiryId } from '../ids.ts';
import { requireStatus } from './inquiries.ts';

// Drawings and documents of inquiries, in region's file store (files.ts):
// the inquiry's owner uploads them, those who see the inquiry download them.

const kinds: FileKind[] = [
  pdfKind,
  { extension: /\.(step|stp)$/i, types: ['model/step', 'application/step', 'application/octet-stream'], magic: Buffer.from('ISO-10303-21'), label: 'STEP' },
];

async function upload(store: AttachmentStore, identity: Identity, url: URL, contentType: string, body: Buffer) {
  const rawId = url.searchParams.get('inquiryId');
  if (!rawId) throw badInput('inquiryId', 'Give the inquiry as ?inquiryId=inq-12.', { reason: 'REQUIRED' });
  const fileName = fileNameOf(url.searchParams.get('fileName'), '.pdf, .step or .stp');
  checkKind(kinds, 'drawings and documents as PDF (.pdf) or STEP (.step, .stp)', fileName, contentType, body);

  // The status is checked and the row written under a share of the inquiry's lock, which its changes (cancel,
  // award, close: lockInquiry) take whole: read before a cancel's lock, an upload landed on the CANCELLED inquiry.
  // Uploads to one inquiry still go side by side.
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
  await acceptingInquiry(store.orm.em.fork());
  const attachment = await keepFileWith(store, identity, body, (stored) =>
    store.orm.em.fork().transactional(async (tx) => {
      const inquiry = await acceptingInquiry(tx, LockMode.PESSIMISTIC_READ);
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
export function attachmentRoute(store: AttachmentStore): PlainRoute {
  return fileRoute('/internal/attachments', store, {
    upload: (identity, url, contentType, body) => upload(store, identity, url, contentType, body),
    download: (identity, res, url) => download(store, identity, res, url),
  });
}
