import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';
import { encodeIdentity, identityHeader } from '../shared/identity.ts';
import { sendJson, type PlainRoute } from '../shared/http.ts';
import { signRequest } from '../shared/signature.ts';
import type { Verifier } from './auth.ts';

// Inquiry attachments over plain HTTP:
//   POST /attachments?inquiryId=inq-12&fileName=welle.pdf  (raw body; application/pdf, model/step or application/octet-stream)
//   GET  /attachments?id=att-3
// The gateway checks the bearer token and hands the request, signed, to
// region, which checks who may see the inquiry and keeps the file.

export interface AttachmentProxyOptions {
  regionUrl: string;
  regionSecret: string | undefined;
  maxBytes: number;
}

const refuse = (res: ServerResponse, status: number, code: string, message: string, field?: string) =>
  sendJson(res, status, { errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] });

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length']) > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function attachmentRoutes(verify: Verifier, options: AttachmentProxyOptions): PlainRoute[] {
  return [
    {
      path: '/attachments',
      async handle(req, res, url) {
        if (req.method !== 'POST' && req.method !== 'GET') return refuse(res, 405, 'BAD_REQUEST', 'Use POST to upload or GET to download.');
        let identity;
        try {
          identity = await verify(req.headers.authorization);
        } catch (error) {
          return refuse(res, 401, 'UNAUTHENTICATED', (error as GraphQLError).message);
        }
        if (identity.role === 'anonymous') return refuse(res, 401, 'UNAUTHENTICATED', 'Sign in: attachments need a bearer token.');
        const body = req.method === 'POST' ? await readBody(req, options.maxBytes) : Buffer.alloc(0);
        if (!body) return refuse(res, 413, 'BAD_USER_INPUT', `The file exceeds the limit of ${options.maxBytes} bytes.`, 'body');

        const target = new URL(`/internal/attachments${url.search}`, options.regionUrl);
        const identityValue = encodeIdentity(identity);
        const headers: Record<string, string> = { [identityHeader]: identityValue };
        if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
        if (options.regionSecret) Object.assign(headers, signRequest(options.regionSecret, { service: 'region', method: req.method, path: target.pathname + target.search, body, identity: identityValue }));
        let response: Response;
        try {
          response = await fetch(target, { method: req.method, headers, body: req.method === 'POST' ? body : undefined, signal: AbortSignal.timeout(30_000) });
        } catch (error) {
          console.error('[gateway] attachment request to region failed:', error);
          return refuse(res, 502, 'INTERNAL_SERVER_ERROR', 'Internal server error');
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
