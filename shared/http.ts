import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { SignatureVerifier } from './signature.ts';

// A small node:http front for one or more Apollo Servers, so every service
// shares the same body limits, health endpoint and shutdown behaviour.

export interface GraphQLRoute<C extends BaseContext> {
  path: string;
  server: ApolloServer<C>;
  /** Builds the context; it sees the request as Apollo will, so the gateway can refuse it before Apollo parses it. */
  context: (req: IncomingMessage, request: { method: string; body: unknown; search: string }) => Promise<C>;
}

/** A non-GraphQL endpoint, such as a CSV export. */
export interface PlainRoute {
  path: string;
  handle: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;
}

/** A plain route that takes a POST with a small JSON body and answers JSON (the gateway's POST /auth/token). */
export function jsonPostRoute(path: string, answer: (body: unknown, req: IncomingMessage) => Promise<{ status: number; body: unknown }>): PlainRoute {
  return {
    path,
    async handle(req, res) {
      if (req.method !== 'POST' || !req.headers['content-type']?.startsWith('application/json')) {
        return sendJson(res, 405, { errors: [{ message: `${path} takes a POST with a JSON body.`, extensions: { code: 'BAD_REQUEST' } }] });
      }
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8'));
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON or too large.', extensions: { code: 'BAD_REQUEST' } }] });
      }
      const reply = await answer(body, req);
      sendJson(res, reply.status, reply.body);
    },
  };
}

export interface HttpOptions {
  plainRoutes?: PlainRoute[];
  /** GET /health answers 200 while this returns true; otherwise 503 with the reason it returns (default: always healthy). */
  healthy?: () => true | string | Promise<true | string>;
  maxBodyBytes?: number;
  /** Subgraphs refuse every GraphQL request this does not accept (see shared/signature.ts); the gateway has none. */
  verifySignature?: SignatureVerifier;
}

const defaultMaxBodyBytes = 1024 * 1024;

export function createHttpServer(routes: GraphQLRoute<any>[], options: HttpOptions = {}): Server {
  const server = createServer((req, res) => {
    handle(routes, options, req, res).catch((error) => {
      console.error('[http]', error);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

async function handle(routes: GraphQLRoute<any>[], options: HttpOptions, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://service');
  if (url.pathname === '/health') {
    const health = options.healthy ? await options.healthy() : true;
    return sendJson(res, health === true ? 200 : 503, { status: health === true ? 'ok' : health });
  }
  const plain = options.plainRoutes?.find((r) => r.path === url.pathname);
  if (plain) return plain.handle(req, res, url);
  const route = routes.find((r) => r.path === url.pathname);
  if (!route) return sendJson(res, 404, { errors: [{ message: `No GraphQL endpoint at ${url.pathname}; use ${routes.map((r) => r.path).join(' or ')}.` }] });

  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown;
  try {
    const raw = await readBody(req, options.maxBodyBytes ?? defaultMaxBodyBytes);
    if (options.verifySignature) {
      const refused = options.verifySignature({ method: req.method ?? 'GET', path: req.url ?? '/', body: raw, headers: req.headers });
      if (refused) {
        console.warn(`[http] refused ${req.method} ${url.pathname}: ${refused}`);
        return sendJson(res, 401, { errors: [{ message: `This service answers only signed requests from the gateway: ${refused}.`, extensions: { code: 'UNAUTHENTICATED' } }] });
      }
    }
    body = parseBody(raw, headers.get('content-type'));
  } catch (error) {
    const tooLarge = error instanceof BodyTooLarge;
    return sendJson(res, tooLarge ? 413 : 400, {
      errors: [{ message: tooLarge ? 'Request body is too large.' : 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
  }

  const result = await route.server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
    context: () => route.context(req, { method: req.method?.toUpperCase() ?? 'GET', body, search: url.search }),
  });
  for (const [name, value] of result.headers) res.setHeader(name, value);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  const text = raw.toString('utf8');
  if (contentType?.startsWith('application/json')) return text === '' ? undefined : JSON.parse(text);
  return text;
}

/**
 * Answers a plain route with one error, as the GraphQL routes would: status and
 * headers (Retry-After) from `extensions.http`, the code and the rest of the
 * extensions in the body (400 unless `extensions.http` or `status` says otherwise). `closeConnection` is for refusals sent before the
 * request body was read: the connection closes instead of taking in the rest.
 */
export function sendError(res: ServerResponse, error: GraphQLError, options: { status?: number; closeConnection?: boolean } = {}) {
  const { http, ...extensions } = error.extensions as { http?: { status?: number; headers?: Map<string, string> } };
  for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
  if (options.closeConnection) res.setHeader('connection', 'close');
  sendJson(res, options.status ?? http?.status ?? 400, { errors: [{ message: error.message, extensions }] });
}

export function sendJson(res: ServerResponse, status: number, payload: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(payload));
}

/** Listens and resolves with the URL the service can be reached at (port 0 picks a free port). */
export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve(`http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`);
    });
  });
}

/**
 * Stops accepting connections and resolves once every connection is closed. Without `graceMs` requests in
 * flight are cut at once (tests, a service that failed to start). With it, they finish first: a SIGTERM cut
 * 10 of 10 requests in flight at the gateway when every connection was closed at once. Kept-alive
 * connections are closed as soon as they fall idle, and whatever still runs after `graceMs` is cut.
 */
export function close(server: Server, graceMs = 0): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    if (graceMs === 0) server.closeAllConnections();
  });
}
