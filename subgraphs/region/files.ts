import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, chmod, mkdir, open, rename, unlink, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { ConfigError } from '../../shared/config.ts';
import { badInput, httpError, isClientErrorCode, unauthenticated } from '../../shared/errors.ts';
import { sendError, sendJson, type PlainRoute } from '../../shared/http.ts';
import type { InputReason } from '../../shared/input-reasons.ts';
import { decodeIdentity, identityHeader, requireSignedIn, type Identity } from '../../shared/identity.ts';
import type { SignatureVerifier } from '../../shared/signature.ts';

// Region's file store, shared by inquiries' drawings (inquiries/attachments.ts)
// and working groups' minutes (working-groups/minutes.ts): files on disk,
// reached only through the gateway's /attachments, which checks the bearer
// token and signs the request. A file is written under a temporary name and
// renamed once its row is committed, so no row points at a half-written file.

export interface AttachmentStore {
  orm: MikroORM;
  dir: string;
  maxBytes: number;
  verifySignature: SignatureVerifier | undefined;
}

/** A kind of file taken: its name's extension, the content types it may be sent as, and the bytes it starts with. */
export interface FileKind {
  extension: RegExp;
  types: string[];
  magic: Buffer;
  label: string;
}

/** PDF, as drawings and minutes are taken: some clients send it as application/octet-stream. */
export const pdfKind: FileKind = { extension: /\.pdf$/i, types: ['application/pdf', 'application/octet-stream'], magic: Buffer.from('%PDF-'), label: 'PDF' };

/** Bad input answered with a status more precise than 400: 413 for a body over the limit, 415 for a file of a kind not taken. */
export const refused = (status: 413 | 415, field: string, message: string, reason: InputReason) =>
  httpError('BAD_USER_INPUT', message, { status, extensions: { field, ...reason } });

/** The file name without any path, 1 to 200 characters without control characters or quotes; `endings` names what it may end in. */
export function fileNameOf(raw: string | null, endings: string): string {
  const name = (raw ?? '').replace(/^.*[\\/]/, '').trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses in a file name
  if (name === '' || name.length > 200 || /[\u0000-\u001f"]/.test(name))
    throw badInput(
      'fileName',
      `fileName must be a file name of 1 to 200 characters ending in ${endings}.`,
      name === '' ? { reason: 'REQUIRED' } : name.length > 200 ? { reason: 'TOO_LONG', max: 200 } : { reason: 'FILE' },
    );
  return name;
}

/** The file's kind from name, declared type and first bytes; all three must agree. `taken` says what is accepted, for the refusal. */
export function checkKind(kinds: readonly FileKind[], taken: string, fileName: string, contentType: string, body: Buffer): void {
  if (body.length === 0) throw badInput('body', 'The file is empty.', { reason: 'FILE' });
  const kind = kinds.find((k) => k.extension.test(fileName));
  if (!kind) throw refused(415, 'fileName', `Only ${taken} are accepted, not "${fileName.slice(0, 60)}".`, { reason: 'FILE' });
  if (!kind.types.includes(contentType))
    throw refused(
      415,
      'content-type',
      `A ${kind.label} file is sent as ${kind.types.join(' or ')}, not ${contentType.slice(0, 60) || 'without a content type'}.`,
      { reason: 'FILE' },
    );
  // Readers accept a header within the first 1024 bytes (PDF's %PDF- may follow a few bytes of junk).
  if (!body.subarray(0, 1024).includes(kind.magic))
    throw refused(415, 'body', `The file does not look like ${kind.label}: its first bytes lack "${kind.magic.toString()}".`, { reason: 'FILE' });
}

async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw refused(413, 'body', `The file has ${declared} bytes; the limit is ${limit} bytes.`, { reason: 'TOO_LARGE', max: limit });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw refused(413, 'body', `The file exceeds the limit of ${limit} bytes.`, { reason: 'TOO_LARGE', max: limit });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** What a file's row keeps of the stored file: its size, checksum, name on disk and who uploaded it. */
export interface StoredFile {
  size: number;
  sha256: string;
  storageName: string;
  uploadedBy: string;
}

/**
 * Writes the file, then creates its row with `create` (given what is stored) and flushes it, then gives the
 * file its name; a failure of the row removes the file again.
 */
export function keepFile<T extends object>(
  store: AttachmentStore,
  em: EntityManager,
  identity: Identity,
  body: Buffer,
  create: (stored: StoredFile) => T,
): Promise<T> {
  return keepFileWith(store, identity, body, async (stored) => {
    const row = create(stored);
    await em.flush();
    return row;
  });
}

/**
 * The attachments' folder, made at start (0700) and checked writable: ATTACHMENTS_DIR naming a file, or a folder
 * region's user cannot write, started a region whose every upload then failed as INTERNAL_SERVER_ERROR. A start
 * that cannot have it ends in one line (ConfigError: exit 78, shared/main.ts).
 */
export async function prepareAttachmentsDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await access(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'is a file, or lies under one'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? `is not writable for this service's user (${code})`
          : `cannot be made (${code})`;
    throw new ConfigError(`The attachments' folder ${dir} ${why}: set ATTACHMENTS_DIR (or DATA_DIR) to a folder region may write.`);
  }
}

/**
 * Writes the file, then runs `commit` (which must have committed its row when it returns), then gives the file its
 * name; a `commit` that fails removes the file again. For a row written inside a transaction of the caller's, which
 * commits only after the row is flushed: renamed before that commit, a commit that failed left the file behind.
 */
export async function keepFileWith<T extends object>(
  store: AttachmentStore,
  identity: Identity,
  body: Buffer,
  commit: (stored: StoredFile) => Promise<T>,
): Promise<T> {
  const storageName = randomUUID();
  const temporary = join(store.dir, `${storageName}.part`);
  // Drawings are the customers' secrets: only region's own user may list or read them (files 0600, folder 0700,
  // also a folder made by an earlier version, which left both world-readable).
  await mkdir(store.dir, { recursive: true, mode: 0o700 });
  await chmod(store.dir, 0o700);
  await writeFile(temporary, body, { flag: 'wx', mode: 0o600 });
  try {
    const row = await commit({
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      storageName,
      uploadedBy: identity.subject ?? identity.memberId ?? identity.network ?? identity.role,
    });
    await rename(temporary, join(store.dir, storageName));
    return row;
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Sends a stored file as a download under its own name. */
export async function sendFile(
  store: AttachmentStore,
  res: ServerResponse,
  file: { contentType: string; size: number; fileName: string; sha256: string; storageName: string },
): Promise<void> {
  // Opened before any header is set: a file missing from the store (a restore from an older backup lacked the
  // minutes') failed after content-length was set, so the error's short body went out under the file's length and
  // the gateway waited 30 s for the rest of it.
  const handle = await open(join(store.dir, file.storageName));
  res.statusCode = 200;
  res.setHeader('content-type', file.contentType);
  res.setHeader('content-length', String(file.size));
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_');
  res.setHeader('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  res.setHeader('x-content-sha256', file.sha256);
  res.setHeader('x-content-type-options', 'nosniff');
  await new Promise<void>((resolve, reject) => {
    handle.createReadStream().on('error', reject).pipe(res).on('finish', resolve);
  });
}

/** What a file route does once the request is signed and its caller signed in. */
export interface FileHandlers {
  upload(identity: Identity, url: URL, contentType: string, body: Buffer): Promise<unknown>;
  download(identity: Identity, res: ServerResponse, url: URL): Promise<void>;
}

/** One of region's internal file endpoints, for the gateway's /attachments route: POST uploads, GET downloads. */
export function fileRoute(path: string, store: AttachmentStore, handlers: FileHandlers): PlainRoute {
  return {
    path,
    async handle(req, res, url) {
      try {
        // The signature covers the body, so the body is read before anything else is trusted.
        const body = req.method === 'POST' ? await readLimited(req, store.maxBytes) : Buffer.alloc(0);
        const unsigned = await store.verifySignature?.({ method: req.method ?? 'GET', path: req.url ?? '/', body, headers: req.headers });
        if (unsigned) throw unauthenticated(`This service answers only signed requests from the gateway: ${unsigned}.`);
        if (req.method !== 'POST' && req.method !== 'GET')
          return sendError(res, httpError(ApolloServerErrorCode.BAD_REQUEST, 'Use POST to upload or GET to download.', { status: 405 }));
        const identity = decodeIdentity(req.headers[identityHeader] as string | undefined);
        requireSignedIn(identity);
        const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (req.method === 'POST') return sendJson(res, 201, await handlers.upload(identity, url, contentType, body));
        await handlers.download(identity, res, url);
      } catch (error) {
        if (res.headersSent) return void res.destroy();
        // Our own failures go on to shared/http.ts, which logs them and answers 500 without saying why.
        if (!(error instanceof GraphQLError && isClientErrorCode(error.extensions.code))) throw error;
        sendError(res, error);
      }
    },
  };
}
