import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { badInput, httpError, isClientErrorCode, notFound, unauthenticated } from '../../../shared/errors.ts';
import { sendError, sendJson, type PlainRoute } from '../../../shared/http.ts';
import { decodeIdentity, identityHeader, requireSignedIn } from '../../../shared/identity.ts';
import type { SignatureVerifier } from '../../../shared/signature.ts';
import { AttachmentSchema, InquirySchema } from './entities.ts';
import { InquiryAccess, requireOwner } from './access.ts';
import { attachmentId, parseAttachmentId, parseInquiryId } from '../ids.ts';
import { requireStatus } from './inquiries.ts';

// Drawings and documents of inquiries, on disk, reached only through the
// gateway (POST and GET /attachments there), which checks the bearer token and
// signs the request. The file is written under a temporary name and renamed
// once its row is committed, so no row points at a half-written file.

const kinds = [
  { extension: /\.pdf$/i, types: ['application/pdf', 'application/octet-stream'], magic: Buffer.from('%PDF-'), label: 'PDF' },
  { extension: /\.(step|stp)$/i, types: ['model/step', 'application/step', 'application/octet-stream'], magic: Buffer.from('ISO-10303-21'), label: 'STEP' },
];

/** Bad input answered with a status more precise than 400: 413 for a body over the limit, 415 for a file of a kind not taken. */
const refused = (status: 413 | 415, field: string, message: string) => httpError('BAD_USER_INPUT', message, { status, extensions: { field } });

function fileNameOf(raw: string | null): string {
  const name = (raw ?? '').replace(/^.*[\\/]/, '').trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses in a file name
  if (name === '' || name.length > 200 || /[\u0000-\u001f"]/.test(name))
    throw badInput('fileName', 'fileName must be a file name of 1 to 200 characters ending in .pdf, .step or .stp.');
  return name;
}

/** The file's kind from name, declared type and first bytes; all three must agree. */
function checkKind(fileName: string, contentType: string, body: Buffer): void {
  const kind = kinds.find((k) => k.extension.test(fileName));
  if (!kind) throw refused(415, 'fileName', `Only drawings and documents as PDF (.pdf) or STEP (.step, .stp) are accepted, not "${fileName.slice(0, 60)}".`);
  if (!kind.types.includes(contentType))
    throw refused(
      415,
      'content-type',
      `A ${kind.label} file is sent as ${kind.types.join(' or ')}, not ${contentType.slice(0, 60) || 'without a content type'}.`,
    );
  if (!body.subarray(0, 1024).includes(kind.magic))
    throw refused(415, 'body', `The file does not look like ${kind.label}: its first bytes lack "${kind.magic.toString()}".`);
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

export interface AttachmentStore {
  orm: MikroORM;
  dir: string;
  maxBytes: number;
  verifySignature: SignatureVerifier | undefined;
}

async function upload(store: AttachmentStore, req: IncomingMessage, url: URL, body: Buffer) {
  const identity = decodeIdentity(req.headers[identityHeader] as string | undefined);
  requireSignedIn(identity);
  const rawId = url.searchParams.get('inquiryId');
  if (!rawId) throw badInput('inquiryId', 'Give the inquiry as ?inquiryId=inq-12.');
  const fileName = fileNameOf(url.searchParams.get('fileName'));
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (body.length === 0) throw badInput('body', 'The file is empty.');
  checkKind(fileName, contentType, body);

  const em = store.orm.em.fork();
  const inquiry = await em.findOne(InquirySchema, parseInquiryId(rawId, 'inquiryId'));
  const view = inquiry && (await new InquiryAccess(identity).resolve(em, inquiry));
  if (!inquiry || !view) throw notFound(`Inquiry ${rawId} does not exist.`);
  requireOwner(view, rawId);
  requireStatus(inquiry, rawId, 'given attachments', ['DRAFT', 'OPEN']);

  const storageName = randomUUID();
  const temporary = join(store.dir, `${storageName}.part`);
  // Drawings are the customers' secrets: only region's own user may list or read them (files 0600, folder 0700,
  // also a folder made by an earlier version, which left both world-readable).
  await mkdir(store.dir, { recursive: true, mode: 0o700 });
  await chmod(store.dir, 0o700);
  await writeFile(temporary, body, { flag: 'wx', mode: 0o600 });
  try {
    const attachment = em.create(AttachmentSchema, {
      inquiry,
      fileName,
      contentType,
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      storageName,
      uploadedBy: identity.subject ?? identity.memberId ?? identity.network ?? identity.role,
    });
    await em.flush();
    await rename(temporary, join(store.dir, storageName));
    return {
      id: attachmentId(attachment.id),
      fileName,
      contentType,
      size: attachment.size,
      sha256: attachment.sha256,
      downloadPath: `/attachments?id=${attachmentId(attachment.id)}`,
    };
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

async function download(store: AttachmentStore, req: IncomingMessage, res: ServerResponse, url: URL) {
  const identity = decodeIdentity(req.headers[identityHeader] as string | undefined);
  requireSignedIn(identity);
  const rawId = url.searchParams.get('id') ?? '';
  const em = store.orm.em.fork();
  const attachment = await em.findOne(AttachmentSchema, parseAttachmentId(rawId));
  const inquiry = attachment && (await em.findOne(InquirySchema, attachment.inquiry.id));
  // Who may not see the inquiry learns nothing about its attachments, not even that they exist.
  if (!attachment || !inquiry || !(await new InquiryAccess(identity).resolve(em, inquiry))) throw notFound(`Attachment ${rawId.slice(0, 30)} does not exist.`);
  res.statusCode = 200;
  res.setHeader('content-type', attachment.contentType);
  res.setHeader('content-length', String(attachment.size));
  const ascii = attachment.fileName.replace(/[^\x20-\x7e]/g, '_');
  res.setHeader('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`);
  res.setHeader('x-content-sha256', attachment.sha256);
  res.setHeader('x-content-type-options', 'nosniff');
  await new Promise<void>((resolve, reject) => {
    createReadStream(join(store.dir, attachment.storageName)).on('error', reject).pipe(res).on('finish', resolve);
  });
}

/** Region's internal endpoint for the gateway's /attachments route. */
export function attachmentRoute(store: AttachmentStore): PlainRoute {
  return {
    path: '/internal/attachments',
    async handle(req, res, url) {
      try {
        // The signature covers the body, so the body is read before anything else is trusted.
        const body = req.method === 'POST' ? await readLimited(req, store.maxBytes) : Buffer.alloc(0);
        const unsigned = await store.verifySignature?.({ method: req.method ?? 'GET', path: req.url ?? '/', body, headers: req.headers });
        if (unsigned) throw unauthenticated(`This service answers only signed requests from the gateway: ${unsigned}.`);
        if (req.method === 'POST') return sendJson(res, 201, await upload(store, req, url, body));
        if (req.method === 'GET') return await download(store, req, res, url);
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
