import type { IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { forbidden, httpError, notFound, unauthenticated } from '../shared/errors.ts';
import { encodeIdentity, identityHeader, type Identity } from '../shared/identity.ts';
import { sendError, type PlainRoute } from '../shared/http.ts';
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

export interface AttachmentProxyOptions {
  regionUrl: string;
  regionSecret: string | undefined;
  maxBytes: number;
}

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

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

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

export function attachmentRoutes(verify: RequestVerifier, policy: Policy, server: ApolloServer<GatewayContext>, options: AttachmentProxyOptions): PlainRoute[] {
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
        const body = req.method === 'POST' ? await readBody(req, options.maxBytes) : Buffer.alloc(0);
        if (!body) return sendError(res, tooLarge(options.maxBytes));

        const target = new URL(`${regionPath(url)}${url.search}`, options.regionUrl);
        const identityValue = encodeIdentity(identity);
        const headers: Record<string, string> = { [identityHeader]: identityValue };
        if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
        if (options.regionSecret)
          Object.assign(
            headers,
            signRequest(options.regionSecret, { service: 'region', method: req.method, path: target.pathname + target.search, body, identity: identityValue }),
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
        // Region's refusal as the gateway's own errors are sent, with the request's id.
        if (!response.ok && response.headers.get('content-type')?.startsWith('application/json')) {
          const refusal = ((await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] }).errors?.[0];
          if (refusal) return sendError(res, new GraphQLError(refusal.message, { extensions: refusal.extensions }), { status: response.status });
        }
        res.statusCode = response.status;
        for (const name of ['content-type', 'content-length', 'content-disposition', 'x-content-sha256', 'x-content-type-options']) {
          const value = response.headers.get(name);
          if (value) res.setHeader(name, value);
        }
        if (!response.body) return void res.end();
        for await (const chunk of response.body) res.write(chunk);
        res.end();
      },
    },
  ];
}
