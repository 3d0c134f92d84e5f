import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { EnvReader } from '../shared/config.ts';
import { errorStatus, forbidden, httpError, notFound, unauthenticated } from '../shared/errors.ts';
import { encodeIdentity, identityHeader, type Identity } from '../shared/identity.ts';
import { sendError, type PlainRoute } from '../shared/http.ts';
import { BodyIdle, bytesToHold, readUploadBody } from '../shared/upload-body.ts';
import { currentLog } from '../shared/observability.ts';
import { signRequest } from '../shared/signature.ts';
import type { RequestVerifier } from './sessions.ts';
import type { Policy } from './policy.ts';
import type { GatewayContext } from './server.ts';
import { plainRequestId } from './graph-routes.ts';

// Inquiry attachments and meetings' minutes over plain HTTP:
//   POST /attachments?inquiryId=inq-12&fileName=welle.pdf  (raw body; application/pdf, model/step or application/octet-stream)
//   POST /attachments?meetingId=mtg-5&fileName=protokoll.pdf  (a working group's minutes, PDF only)
//   GET  /attachments?id=att-3  or  ?id=min-7
// The gateway checks the bearer token, the safelist and the rate limit, and for
// an upload that the caller sees the inquiry, all before it reads the body;
// then it hands the request, signed, to region, which checks who may add to or
// see the inquiry and keeps the file.
//
// An upload's body is held whole in memory, under a budget: the request to
// region is signed over the body's SHA-256 (shared/signature.ts), which goes in
// the headers before the body, and region needs the whole body to check it. To
// stream instead, both sides would spool the body to disk and the signature
// would change its form; a budget of bytes held at once, taken before the body
// is read, bounds the memory as well with none of that (the probe's 30 uploads
// of 20 MB grew the gateway from 245 MB to 1.59 GB, and it stayed there).

/** What the gateway holds of uploads at once (UPLOAD_MEMORY_BYTES, UPLOADS_PER_CALLER). */
export interface UploadLimits {
  /** Bytes of upload bodies held at once, all callers together. */
  memoryBytes: number;
  /** Uploads one caller (a partner's organisation, or a token's subject) has in progress at once. */
  perCaller: number;
}

export interface AttachmentProxyOptions {
  regionUrl: string;
  regionSecret: string | undefined;
  maxBytes: number;
  /** Derived from maxBytes when absent (defaultUploadLimits). */
  uploads?: UploadLimits;
}

/**
 * Eight files of the largest size at once: 160 MB at ATTACHMENT_MAX_BYTES' 20 MB, or some 80 drawings of 2 MB. The
 * probe's gateway (245 MB under its load) stays near 400 MB with it, and it is still far above what the region's
 * customers send: the portal uploads one file at a time.
 */
const uploadMemoryFactor = 8;

/**
 * Four: the portal sends one file after the other, an API client may overlap a few; four of the largest files are
 * half of uploadMemoryFactor, so one caller alone cannot take every place.
 */
const defaultUploadsPerCaller = 4;

const defaultUploadLimits = (maxBytes: number): UploadLimits => ({ memoryBytes: uploadMemoryFactor * maxBytes, perCaller: defaultUploadsPerCaller });

/** UPLOAD_MEMORY_BYTES (at least ATTACHMENT_MAX_BYTES: with less, a file of the largest size never fits) and UPLOADS_PER_CALLER. */
export function uploadLimitsFromEnv(read: EnvReader, maxBytes: number): UploadLimits {
  const defaults = defaultUploadLimits(maxBytes);
  return {
    memoryBytes: read.integer('UPLOAD_MEMORY_BYTES', defaults.memoryBytes, maxBytes),
    perCaller: read.integer('UPLOADS_PER_CALLER', defaults.perCaller, 1),
  };
}

/**
 * Seconds a refused upload waits before it is sent again: about what one upload of the largest file takes (20 MB at
 * 50 Mbit/s are 3.4 s), after which one of those held has usually finished.
 */
const uploadRetryAfterS = 5;

/** Upload bodies this process holds now, every gateway in it together (memory is the process's): tests read it. */
export const uploadsHeld = { uploads: 0, bytes: 0 };

// What one upload or download counts against the caller's cost per minute: a file of up to
// ATTACHMENT_MAX_BYTES written or read once, taken as about what a page of 100 members costs.
export const attachmentCost = 500;

const inquiryQuery = 'query AttachmentInquiry($id: ID!) { inquiry(id: $id) { id } }';
const meetingQuery = 'query MinutesMeeting($id: ID!) { meeting(id: $id) { viewerCanUploadMinutes } }';

/**
 * Refuses an upload to an inquiry the caller does not see, before its body is read.
 * Asked through the graph, so the rule is region's own; an invited member's
 * read marks its invitation VIEWED, as any read of the inquiry does.
 */
async function inquiryRefusal(server: ApolloServer<GatewayContext>, identity: Identity, inquiryId: string): Promise<GraphQLError | undefined> {
  const response = await server.executeOperation(
    { query: inquiryQuery, variables: { id: inquiryId } },
    { contextValue: { identity, requestId: plainRequestId() } },
  );
  const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
  const error = result?.errors?.[0];
  if (error) return new GraphQLError(error.message, { extensions: error.extensions });
  if (!(result?.data?.inquiry as { id: string } | null)) return notFound(`Inquiry ${inquiryId.slice(0, 30)} does not exist.`);
  return undefined;
}

/** Refuses minutes from anyone but the meeting's lead and admin, before the body is read; region checks again. */
async function minutesRefusal(server: ApolloServer<GatewayContext>, identity: Identity, meetingId: string): Promise<GraphQLError | undefined> {
  const response = await server.executeOperation(
    { query: meetingQuery, variables: { id: meetingId } },
    { contextValue: { identity, requestId: plainRequestId() } },
  );
  const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
  const error = result?.errors?.[0];
  if (error) return new GraphQLError(error.message, { extensions: error.extensions });
  const meeting = result?.data?.meeting as { viewerCanUploadMinutes: boolean } | null | undefined;
  if (!meeting) return notFound(`Meeting ${meetingId.slice(0, 30)} does not exist.`);
  if (!meeting.viewerCanUploadMinutes) return forbidden("Only the working group's lead or admin upload a meeting's minutes.");
  return undefined;
}

/** Region's endpoint for the request: a meeting's minutes or an inquiry's attachment. */
const regionPath = (url: URL) =>
  url.searchParams.has('meetingId') || url.searchParams.get('id')?.startsWith('min-') ? '/internal/minutes' : '/internal/attachments';

const tooLarge = (maxBytes: number) =>
  httpError('BAD_USER_INPUT', `The file exceeds the limit of ${maxBytes} bytes.`, {
    status: 413,
    extensions: { field: 'body', reason: 'TOO_LARGE', max: maxBytes },
  });

const retryAfterHeader = () => new HeaderMap([['retry-after', String(uploadRetryAfterS)]]);

/** Every upload place of the gateway is taken: our capacity, not the caller's doing, so 503 as any capacity of ours. */
const uploadsBusy = (max: number) =>
  new GraphQLError(
    `The gateway is taking in as many uploads as it holds at once (${max} bytes); nothing is wrong with yours: send it again in ${uploadRetryAfterS} s.`,
    {
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        service: 'gateway',
        reason: 'UPLOADS_BUSY',
        retryAfter: uploadRetryAfterS,
        http: { status: errorStatus('SERVICE_UNAVAILABLE'), headers: retryAfterHeader() },
      },
    },
  );

/**
 * The caller's own uploads in progress are as many as one caller may have: 429, shaped as the rate limits' (limit,
 * max, Retry-After), without their RateLimit headers, which speak of budgets per minute.
 */
const ownUploadsBusy = (max: number) =>
  new GraphQLError(
    `Upload limit reached: ${max} uploads of yours are in progress, the most one caller sends at once; send this file again once one of them has finished (in about ${uploadRetryAfterS} s).`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfter: uploadRetryAfterS,
        limit: 'concurrentUploads',
        max,
        http: { status: errorStatus('RATE_LIMITED'), headers: retryAfterHeader() },
      },
    },
  );

/** Whose share an upload counts against: a partner's organisation, as its rate limits, or the token's subject. */
const uploaderOf = (identity: Identity) => `${identity.role}:${identity.subject ?? ''}`;

/** The gateway's count of uploads held: bytes across all callers, uploads per caller. */
function uploadBudget(limits: UploadLimits) {
  let bytes = 0;
  const perCaller = new Map<string, number>();
  return {
    /** Takes `size` bytes and one of the caller's places; the function that gives them back, or the refusal. */
    take(caller: string, size: number): (() => void) | GraphQLError {
      const own = perCaller.get(caller) ?? 0;
      if (own >= limits.perCaller) return ownUploadsBusy(limits.perCaller);
      if (bytes + size > limits.memoryBytes) return uploadsBusy(limits.memoryBytes);
      bytes += size;
      perCaller.set(caller, own + 1);
      uploadsHeld.bytes += size;
      uploadsHeld.uploads += 1;
      return () => {
        bytes -= size;
        uploadsHeld.bytes -= size;
        uploadsHeld.uploads -= 1;
        const left = (perCaller.get(caller) ?? 1) - 1;
        if (left > 0) perCaller.set(caller, left);
        else perCaller.delete(caller);
      };
    },
  };
}

/**
 * How long an upload's body may pause, no byte arriving, before the gateway gives up on it (ms; tests shorten it). The
 * upload holds its declared length of the budget from before its first byte, so a caller declaring 20 MB and sending
 * 100 bytes held that place until Node's requestTimeout (300 s): two callers with four such uploads each took every
 * place. 15 s: a live upload on the slowest line (56 kbit/s) brings a 64 KiB chunk in 9.4 s, and TCP recovers a lost
 * segment in a few seconds; a stalled one now holds its place 15 s instead of 300.
 */
export const uploadBodyIdle = { ms: 15_000 };

/** Who may go on, or the refusal; every check here runs before the body is read. */
async function admit(
  req: IncomingMessage,
  url: URL,
  verify: RequestVerifier,
  policy: Policy,
  server: ApolloServer<GatewayContext>,
  maxBytes: number,
): Promise<Identity | GraphQLError> {
  try {
    const identity = await verify(req);
    if (identity.role === 'anonymous') return unauthenticated('Sign in: attachments need a bearer token.');
    await policy.admitRoute(policy.caller(identity, req), attachmentCost);
    if (req.method !== 'POST') return identity;
    const inquiryId = url.searchParams.get('inquiryId');
    const meetingId = url.searchParams.get('meetingId');
    if (!inquiryId && !meetingId)
      return httpError('BAD_USER_INPUT', 'Give the inquiry as ?inquiryId=inq-12, or the meeting whose minutes these are as ?meetingId=mtg-5.', {
        extensions: { field: 'inquiryId' },
      });
    if (Number(req.headers['content-length']) > maxBytes) return tooLarge(maxBytes);
    return (await (meetingId ? minutesRefusal(server, identity, meetingId) : inquiryRefusal(server, identity, inquiryId!))) ?? identity;
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
}

/** Region's refusal as the gateway's own errors are sent, with the request's id, and its Retry-After (a 503 of its own). */
async function refusalOf(response: Response): Promise<GraphQLError | undefined> {
  if (response.ok || !response.headers.get('content-type')?.startsWith('application/json')) return undefined;
  const refusal = ((await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] }).errors?.[0];
  if (!refusal) return undefined;
  const retryAfter = response.headers.get('retry-after');
  const http = retryAfter ? { http: { headers: new HeaderMap([['retry-after', retryAfter]]) } } : {};
  return new GraphQLError(refusal.message, { extensions: { ...refusal.extensions, ...http } });
}

/** Sends the request on to region, signed over `body`, and region's answer back. */
async function forward(req: IncomingMessage, res: ServerResponse, url: URL, identity: Identity, body: Buffer, options: AttachmentProxyOptions) {
  const target = new URL(`${regionPath(url)}${url.search}`, options.regionUrl);
  const identityValue = encodeIdentity(identity);
  const headers: Record<string, string> = { [identityHeader]: identityValue };
  if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
  if (options.regionSecret)
    Object.assign(
      headers,
      signRequest(options.regionSecret, {
        service: 'region',
        method: req.method ?? 'GET',
        path: target.pathname + target.search,
        body,
        identity: identityValue,
      }),
    );
  let response: Response;
  try {
    response = await fetch(target, { method: req.method, headers, body: req.method === 'POST' ? body : undefined, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    currentLog().error({ err: error }, 'attachment request to region failed');
    return sendError(res, httpError('INTERNAL_SERVER_ERROR', 'Internal server error', { status: 502 }));
  }
  // Region refuses only the gateway's signature with 401 (the caller's token was checked above): a secret that
  // differs between the two is our fault, and a 401 passed on made the portal sign its visitor out.
  if (response.status === 401) {
    currentLog().error({ status: response.status }, 'region refused the signature of an attachment request: check REGION_SUBGRAPH_SECRET');
    // Its body unread would hold the connection to region until collected.
    await response.body?.cancel();
    return sendError(res, httpError('INTERNAL_SERVER_ERROR', 'Internal server error', { status: 502 }));
  }
  const refusal = await refusalOf(response);
  if (refusal) return sendError(res, refusal, { status: response.status });
  res.statusCode = response.status;
  for (const name of ['content-type', 'content-length', 'content-disposition', 'x-content-sha256', 'x-content-type-options']) {
    const value = response.headers.get(name);
    if (value) res.setHeader(name, value);
  }
  if (!response.body) return void res.end();
  // Piped, so region's bytes come as fast as the caller takes them: each chunk written as it came held a slow
  // reader's whole download (up to ATTACHMENT_MAX_BYTES) in the gateway's memory.
  try {
    await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>), res);
  } catch (error) {
    // The caller went away mid-download: nothing of ours failed.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  }
}

export function attachmentRoutes(verify: RequestVerifier, policy: Policy, server: ApolloServer<GatewayContext>, options: AttachmentProxyOptions): PlainRoute[] {
  const budget = uploadBudget(options.uploads ?? defaultUploadLimits(options.maxBytes));
  return [
    {
      path: '/attachments',
      async handle(req, res, url) {
        if (req.method !== 'POST' && req.method !== 'GET')
          return sendError(res, httpError(ApolloServerErrorCode.BAD_REQUEST, 'Use POST to upload or GET to download.', { status: 405 }));
        const identity = await admit(req, url, verify, policy, server, options.maxBytes);
        if (identity instanceof GraphQLError) {
          // Region failed to say whether the caller sees the inquiry: 502, its failure rather than the gateway's.
          const upstream = identity.extensions.code === 'INTERNAL_SERVER_ERROR' ? 502 : undefined;
          // Closing the connection leaves an unread upload unread, instead of Node taking it in to keep the connection.
          return sendError(res, identity, { status: upstream, closeConnection: req.method === 'POST' });
        }
        if (req.method === 'GET') return forward(req, res, url, identity, Buffer.alloc(0), options);
        // Held from before the body is read until region has answered, also for a caller that goes away meanwhile.
        const size = bytesToHold(req, options.maxBytes);
        const release = budget.take(uploaderOf(identity), size);
        if (release instanceof GraphQLError) return sendError(res, release, { closeConnection: true });
        try {
          // A caller that went away mid-upload is no failure of ours to log; one that stopped sending is told so, if
          // its connection still takes an answer.
          const idleMs = uploadBodyIdle.ms;
          const body = await readUploadBody(req, size, idleMs).catch((error: unknown) => (error instanceof BodyIdle ? error : undefined));
          if (body instanceof BodyIdle && res.writable && !res.socket?.destroyed) return sendError(res, body, { closeConnection: true });
          if (body === undefined || body instanceof BodyIdle) return void res.destroy();
          if (!body) return sendError(res, tooLarge(options.maxBytes), { closeConnection: true });
          await forward(req, res, url, identity, body, options);
        } finally {
          release();
        }
      },
    },
  ];
}
