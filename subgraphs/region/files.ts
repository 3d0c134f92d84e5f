import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, chmod, mkdir, open, rename, statfs, unlink, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { HeaderMap } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { ConfigError, type EnvReader } from '../../shared/config.ts';
import { badInput, errorStatus, httpError, isClientErrorCode, unauthenticated } from '../../shared/errors.ts';
import { sendError, sendJson, type PlainRoute } from '../../shared/http.ts';
import type { InputReason } from '../../shared/input-reasons.ts';
import { decodeIdentity, identityHeader, requireSignedIn, type Identity } from '../../shared/identity.ts';
import { currentLog } from '../../shared/observability.ts';
import type { SignatureVerifier } from '../../shared/signature.ts';
import { checkText, visibleText } from '../../shared/validation.ts';
import { BodyIdle, bytesToHold, readUploadBody } from '../../shared/upload-body.ts';

// Region's file store, shared by inquiries' drawings (inquiries/attachments.ts)
// and working groups' minutes (working-groups/minutes.ts): files on disk,
// reached only through the gateway's /attachments, which checks the bearer
// token and signs the request. A file is written under a temporary name and
// renamed once its row is committed, so no row points at a half-written file.
// A body is held whole in memory, as the signature over it needs it whole
// (the gateway's attachments.ts says why), under a budget of bytes held at
// once; and the store leaves its disk a reserve of free space.

export interface AttachmentStore {
  orm: MikroORM;
  dir: string;
  maxBytes: number;
  verifySignature: SignatureVerifier | undefined;
  /** Bytes of upload bodies held at once (UPLOAD_MEMORY_BYTES), and those held now: uploadMemory. */
  memory: UploadMemory;
  /** Free bytes an upload leaves on the store's disk (ATTACHMENTS_MIN_FREE_BYTES); 0 for none. */
  minFreeBytes: number;
}

/** Region's budget of upload bodies in memory: at most `max` bytes, `held` now. */
export interface UploadMemory {
  readonly max: number;
  held: number;
}

export const uploadMemory = (max: number): UploadMemory => ({ max, held: 0 });

/**
 * Eight files of the largest size at once, as the gateway's default (gateway/attachments.ts uploadMemoryFactor): with
 * one gateway, region holds what it sends; with several, region's own budget answers for itself. The probe's 30
 * uploads of 20 MB grew region from 196 to 542 MB.
 */
const uploadMemoryFactor = 8;

/**
 * 1 GiB: the most PostgreSQL's write-ahead log grows to between checkpoints by default (max_wal_size), and region's
 * database shares the disk with the store under `npm start` (DATA_DIR). An upload that would leave less is refused,
 * so drawings cannot fill the disk the database needs.
 */
const defaultMinFreeBytes = 1024 ** 3;

/** What region's store holds back (UPLOAD_MEMORY_BYTES, ATTACHMENTS_MIN_FREE_BYTES). */
export interface FileStoreLimits {
  uploadMemoryBytes: number;
  attachmentsMinFreeBytes: number;
}

export const defaultFileStoreLimits = (maxBytes: number): FileStoreLimits => ({
  uploadMemoryBytes: uploadMemoryFactor * maxBytes,
  attachmentsMinFreeBytes: defaultMinFreeBytes,
});

/** UPLOAD_MEMORY_BYTES (at least ATTACHMENT_MAX_BYTES: with less, a file of the largest size never fits) and ATTACHMENTS_MIN_FREE_BYTES (0: no reserve). */
export function fileStoreLimitsFromEnv(read: EnvReader, maxBytes: number): FileStoreLimits {
  const defaults = defaultFileStoreLimits(maxBytes);
  return {
    uploadMemoryBytes: read.integer('UPLOAD_MEMORY_BYTES', defaults.uploadMemoryBytes, maxBytes),
    attachmentsMinFreeBytes: read.integer('ATTACHMENTS_MIN_FREE_BYTES', defaults.attachmentsMinFreeBytes, 0),
  };
}

/** Upload bodies region holds now, every store of the process together (memory is the process's): tests read it. */
export const uploadsHeld = { uploads: 0, bytes: 0 };

/**
 * Seconds before an upload refused for region's memory is sent again: about what one upload of the largest file takes
 * (20 MB at 50 Mbit/s are 3.4 s), as the gateway's (gateway/attachments.ts uploadRetryAfterS).
 */
const uploadRetryAfterS = 5;

/** Seconds before an upload refused for the disk's reserve is sent again: someone has to free space first, which takes minutes. */
const storageRetryAfterS = 600;

/** Region's own capacity used up: SERVICE_UNAVAILABLE (503) with Retry-After, as every capacity of ours. */
const unavailable = (message: string, reason: 'UPLOADS_BUSY' | 'STORAGE_FULL', retryAfter: number) =>
  new GraphQLError(message, {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      service: 'region',
      reason,
      retryAfter,
      http: { status: errorStatus('SERVICE_UNAVAILABLE'), headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
    },
  });

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

/**
 * The file name without any path, 1 to 200 characters without quotes; `endings` names what it may end in. A control or
 * direction character is CONTROL_CHARACTER, as in every other text stored (shared/validation.ts): "Angebot\u202Etxt.pdf"
 * showed as "Angebotfdp.txt" wherever the name was listed.
 */
export function fileNameOf(raw: string | null, endings: string): string {
  const given = visibleText('fileName', checkText('fileName', raw ?? ''), true);
  const name = given.replace(/^.*[\\/]/, '').trim();
  if (name === '' || name.length > 200 || name.includes('"'))
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

/** What a POST's body holds: its declared length, or the limit for a chunked body; over the limit is TOO_LARGE before a byte is read. */
function toHold(req: IncomingMessage, limit: number): number {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw refused(413, 'body', `The file has ${declared} bytes; the limit is ${limit} bytes.`, { reason: 'TOO_LARGE', max: limit });
  return bytesToHold(req, limit);
}

/**
 * Takes `size` bytes of the store's memory for one upload; the function that gives them back. Refused (503) before the
 * body is read when they are not there; the gateway passes the refusal on with its Retry-After.
 */
function holdUpload(memory: UploadMemory, size: number): () => void {
  if (memory.held + size > memory.max)
    throw unavailable(
      `Region is taking in as many uploads as it holds at once (${memory.max} bytes); nothing is wrong with yours: send it again in ${uploadRetryAfterS} s.`,
      'UPLOADS_BUSY',
      uploadRetryAfterS,
    );
  memory.held += size;
  uploadsHeld.bytes += size;
  uploadsHeld.uploads += 1;
  return () => {
    memory.held -= size;
    uploadsHeld.bytes -= size;
    uploadsHeld.uploads -= 1;
  };
}

/**
 * How long an upload's body may pause, no byte arriving, before region gives up on it (ms; tests shorten it): its
 * declared length is held from before its first byte, and a caller that stopped sending held it until Node's
 * requestTimeout (300 s). 15 s, as the gateway's (gateway/attachments.ts uploadBodyIdle): the gateway sends a body it
 * holds whole at once, so only a caller other than the gateway pauses this long.
 */
export const uploadBodyIdle = { ms: 15_000 };

/** The body, or TOO_LARGE past `size` (413). */
async function readLimited(req: IncomingMessage, size: number, limit: number, idleMs: number): Promise<Buffer> {
  const body = await readUploadBody(req, size, idleMs);
  if (!body) throw refused(413, 'body', `The file exceeds the limit of ${limit} bytes.`, { reason: 'TOO_LARGE', max: limit });
  return body;
}

/** Refuses a file that would leave the store's disk less than its reserve, and says so in the log: someone must free space. */
async function requireFreeSpace(store: AttachmentStore, size: number): Promise<void> {
  if (store.minFreeBytes === 0) return;
  const disk = await statfs(store.dir);
  const free = disk.bavail * disk.bsize;
  if (free - size >= store.minFreeBytes) return;
  currentLog().error(
    { dir: store.dir, freeBytes: free, minFreeBytes: store.minFreeBytes },
    'attachments: the disk is down to its reserve (ATTACHMENTS_MIN_FREE_BYTES); uploads are refused until space is freed',
  );
  throw unavailable(`Region's file store is full for now; nothing is wrong with your file: send it again later.`, 'STORAGE_FULL', storageRetryAfterS);
}

/** What a file's row keeps of the stored file: its size, checksum, name on disk and who uploaded it. */
export interface StoredFile {
  size: number;
  sha256: string;
  storageName: string;
  uploadedBy: string;
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
 * Writes the file, gives it its name, then runs `commit` (which must have committed its row when it returns); a
 * `commit` that fails removes the file again. The file is in place before its row can be seen: renamed only after the
 * commit, a second upload of one meeting's minutes that ran between the first's commit and its rename (waiting on the
 * meeting's lock, then replacing the first's row) found no file to remove, and the first's file stayed behind with no
 * row (a test of two uploads at once, on a loaded machine).
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
  await requireFreeSpace(store, body.length);
  await writeFile(temporary, body, { flag: 'wx', mode: 0o600 });
  const named = join(store.dir, storageName);
  try {
    await rename(temporary, named);
    return await commit({
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      storageName,
      uploadedBy: identity.subject ?? identity.memberId ?? identity.network ?? identity.role,
    });
  } catch (error) {
    // Whichever name it has by now: a rename that failed leaves the temporary one.
    await unlink(named).catch(() => unlink(temporary).catch(() => undefined));
    throw error;
  }
}

/** Removes the files of rows that are gone (minutes replaced); one that cannot be removed is logged, and what replaced it stands. */
export async function removeFiles(store: AttachmentStore, storageNames: readonly string[]): Promise<void> {
  for (const name of storageNames)
    await unlink(join(store.dir, name)).catch((error: unknown) =>
      currentLog().warn({ err: error, file: name }, 'attachments: a replaced file was not removed'),
    );
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
      let release = () => {};
      try {
        // The signature covers the body, so the body is read before anything else is trusted; what it holds is
        // taken first, and given back once the upload is answered.
        const posted = req.method === 'POST';
        const size = posted ? toHold(req, store.maxBytes) : 0;
        if (posted) release = holdUpload(store.memory, size);
        const body = posted ? await readLimited(req, size, store.maxBytes, uploadBodyIdle.ms) : Buffer.alloc(0);
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
        // A body left unread (408 for one that stopped coming, 413 past the limit): the connection closes after the
        // answer instead of waiting for the rest; the caller may be gone already.
        const unread = req.method === 'POST' && !req.complete;
        if (error instanceof BodyIdle) return res.writable && !res.socket?.destroyed ? sendError(res, error, { closeConnection: true }) : void res.destroy();
        if (error instanceof GraphQLError && isClientErrorCode(error.extensions.code)) return sendError(res, error, { closeConnection: unread });
        // The gateway went away with the body half sent (its caller did, or its 30 s ran out): no one to answer.
        if (req.method === 'POST' && !req.complete) return void res.destroy();
        // Our own failures go on to shared/http.ts, which logs them and answers 500 without saying why.
        throw error;
      } finally {
        release();
      }
    },
  };
}
