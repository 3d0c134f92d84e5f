import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { errorStatus, httpError } from './errors.ts';
import { currentLog, currentScope, observeRequest, type Observability } from './observability.ts';
import type { SignatureVerifier } from './signature.ts';

// A small node:http front for one or more Apollo Servers, so every service
// shares the same body limits, health and readiness endpoints and shutdown behaviour.
// GET /health says the process is alive (it answers HTTP: 200 while it runs, draining included, so a
// supervisor never kills a service that is finishing its requests); GET /ready says it can serve
// (`healthy`: database, region) and turns 503 once it drains, so a load balancer sends it nothing new.
// GET /metrics answers Prometheus only with the service's METRICS_TOKEN (or on its own METRICS_PORT, see
// createMetricsServer): the same port faces the internet at the gateway.

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

/** A plain route that takes a POST with a small JSON body and answers JSON, or one error (the gateway's POST /auth/token). */
export function jsonPostRoute(path: string, answer: (body: unknown, req: IncomingMessage) => Promise<GraphQLError | { body: unknown }>): PlainRoute {
  return {
    path,
    async handle(req, res) {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        return sendError(res, httpError(ApolloServerErrorCode.BAD_REQUEST, `${path} takes a POST with a JSON body.`, { status: 405 }));
      }
      // A form-encoded POST was answered 405, as if the method were wrong; it is the body's type that is.
      if (!isJson(req.headers['content-type'])) {
        const sent = req.headers['content-type']?.slice(0, 60);
        return sendError(
          res,
          httpError(
            ApolloServerErrorCode.BAD_REQUEST,
            `${path} takes a JSON body: send it with Content-Type: application/json${sent ? `, not ${sent}` : ''}.`,
            { status: 415 },
          ),
        );
      }
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8'));
      } catch {
        return sendError(res, httpError(ApolloServerErrorCode.BAD_REQUEST, 'Request body is not valid JSON or too large.'));
      }
      const reply = await answer(body, req);
      if ('body' in reply) sendJson(res, 200, reply.body);
      else sendError(res, reply);
    },
  };
}

/**
 * Cross-origin requests (the gateway's CORS_ORIGINS, gateway/cors.ts): adds the CORS headers to the response of a
 * request it allows, and answers its preflight itself (true: nothing more to do).
 */
export type CorsCheck = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

export interface HttpOptions {
  plainRoutes?: PlainRoute[];
  /** Whether the service can serve: GET /ready answers 200 while this returns true; otherwise 503 with the reason it returns (default: always). */
  healthy?: () => true | string | Promise<true | string>;
  maxBodyBytes?: number;
  /** Subgraphs refuse every GraphQL request this does not accept (see shared/signature.ts); the gateway has none. */
  verifySignature?: SignatureVerifier;
  /** Every request logged, counted and traced (shared/observability.ts); /metrics served. */
  observability?: Observability;
  /** The gateway's query plans call this service (region, the networks): their fetch names go in the logs and metrics (observeRequest). */
  fetchNames?: boolean;
  /**
   * Every request gets an id, in the x-request-id header and extensions.requestId of every error (requestIdOf reads
   * it): the gateway's. Errors answered before a GraphQL request's context was built (a body that is no JSON, a query
   * that is no string, a batch, a path with nothing there) had none.
   */
  requestIds?: boolean;
  /** Undefined (no CORS_ORIGINS, and every service but the gateway): no request is checked, at no cost. */
  cors?: CorsCheck;
}

const requestIds = new WeakMap<IncomingMessage, string>();

/** The id createHttpServer gave this request (with `requestIds`), for its context and logs to name. */
export function requestIdOf(req: IncomingMessage): string | undefined {
  return requestIds.get(req);
}

const defaultMaxBodyBytes = 1024 * 1024;

const draining = new WeakSet<Server>();

/**
 * Every answer's defence in depth, whatever route or error gives it: no type sniffing (a JSON error echoing what a
 * caller sent stays JSON), no framing and nothing loaded by an answer a browser would render. The portal's pages and
 * GraphiQL (gateway/portal.ts) and the booth catalogue's page replace the policy with their own. The security probe
 * found them on the portal's files only: POST /graphql, the errors, the sign-in routes and the CSV and calendar
 * downloads had none.
 */
export const securityHeaders: readonly (readonly [string, string])[] = [
  ['x-content-type-options', 'nosniff'],
  ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"],
  ['referrer-policy', 'no-referrer'],
];

/** From now on the server's GET /ready answers 503 "draining"; it still serves whatever it is sent. */
export function startDraining(server: Server) {
  draining.add(server);
}

// biome-ignore lint/suspicious/noExplicitAny: routes of every context type share one server; each route builds its own context
export function createHttpServer(routes: GraphQLRoute<any>[], options: HttpOptions = {}): Server {
  const serve = (req: IncomingMessage, res: ServerResponse): Promise<void> =>
    handle(server, routes, options, req, res).catch((error) => {
      currentLog().error({ err: error }, 'request failed');
      if (!res.headersSent) sendError(res, httpError('INTERNAL_SERVER_ERROR', 'Internal server error'));
      // Part of an answer went out: ended as if whole, a client waited for the bytes its content-length promised.
      else res.destroy();
    });
  const { observability } = options;
  const paths = new Set([...routes.map((r) => r.path), ...(options.plainRoutes ?? []).map((r) => r.path)]);
  const server: Server = createServer(
    observability ? (req, res) => observeRequest(observability, paths, req, res, () => serve(req, res), options.fetchNames) : serve,
  );
  server.keepAliveTimeout = 65_000;
  server.on('clientError', answerMalformed);
  return server;
}

/**
 * A request Node's parser refused before any route saw it, answered as our errors are (JSON with a code): Node's own
 * answer was a bare status with an empty body, 431 for headers over its 16 KB (the fuzz probe).
 */
function answerMalformed(error: NodeJS.ErrnoException, socket: import('node:stream').Duplex): void {
  // As Node's own handler: nothing once a response on this socket has begun (a pipelined request's answer would land
  // inside it), and its statuses (the review).
  const responding = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (error.code === 'ECONNRESET' || !socket.writable || responding) return void socket.destroy();
  const [status, reason, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'The request headers are too large: at most 16 KB in all.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'The request did not arrive in time.']
        : error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
          ? [413, 'Payload Too Large', 'The chunk extensions of the request are too large.']
          : [400, 'Bad Request', 'The request is not well-formed HTTP.'];
  const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${securityHeaders.map(([name, value]) => `${name}: ${value}\r\n`).join('')}connection: close\r\n\r\n${body}`,
  );
}

/**
 * What a path that is nothing here should have been: beside a plain route's family (/calendar/FOO.ics beside the
 * networks' calendars) those routes, which "No GraphQL endpoint …; use /graphql" did not tell; else the endpoints.
 */
// biome-ignore lint/suspicious/noExplicitAny: as createHttpServer
function notFoundMessage(path: string, routes: GraphQLRoute<any>[], plainRoutes: readonly { path: string }[]): string {
  const family = path.split('/')[1];
  const near = family ? plainRoutes.filter((r) => r.path.split('/')[1] === family).map((r) => r.path) : [];
  const shown = path.slice(0, 100);
  if (near.length) return `Nothing at ${shown}; under /${family}/ there are ${near.join(', ')}.`;
  return `No GraphQL endpoint at ${shown}; use ${routes.map((r) => r.path).join(' or ')}.`;
}

// biome-ignore lint/suspicious/noExplicitAny: as createHttpServer
async function handle(server: Server, routes: GraphQLRoute<any>[], options: HttpOptions, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://service');
  for (const [name, value] of securityHeaders) res.setHeader(name, value);
  if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
  if (url.pathname === '/ready') {
    const ready = draining.has(server) ? 'draining' : options.healthy ? await options.healthy() : true;
    return sendJson(res, ready === true ? 200 : 503, { status: ready === true ? 'ok' : ready });
  }
  if (url.pathname === '/metrics' && options.observability) return sendMetrics(options.observability, req, res, false);
  if (options.requestIds) {
    const requestId = randomUUID();
    requestIds.set(req, requestId);
    res.setHeader('x-request-id', requestId);
    // The request's log line names it too, also when the answer comes before a context or a route would set it.
    const scope = currentScope();
    if (scope) scope.requestId = requestId;
  }
  // Before any route answers, so that its errors and 429s carry the headers a browser needs to read them.
  if (options.cors?.(req, res, url.pathname)) return;
  const plain = options.plainRoutes?.find((r) => r.path === url.pathname);
  if (plain) return plain.handle(req, res, url);
  const route = routes.find((r) => r.path === url.pathname);
  if (!route) return sendError(res, httpError('NOT_FOUND', notFoundMessage(url.pathname, routes, options.plainRoutes ?? [])));

  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  // Apollo answers PUT with 405 and DELETE (without a content type) with its CSRF refusal, which named a header the
  // caller had nothing to do with (the fuzz probe): every method but GET and POST is 405, saying which to use.
  if (req.method !== 'GET' && req.method !== 'POST') {
    res.setHeader('allow', 'GET, POST');
    return sendError(
      res,
      httpError(ApolloServerErrorCode.BAD_REQUEST, `${url.pathname} takes POST (or GET for a query), not ${String(req.method).slice(0, 10)}.`, { status: 405 }),
    );
  }
  // A compressed body was read as JSON and refused as "not valid JSON", and one labelled so but plain was taken.
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding !== 'identity')
    return sendError(
      res,
      httpError(ApolloServerErrorCode.BAD_REQUEST, `Content-Encoding ${encoding.slice(0, 40)} is not accepted: send the body uncompressed.`, { status: 415 }),
      { closeConnection: true },
    );
  let body: unknown;
  try {
    const raw = await readBody(req, options.maxBodyBytes ?? defaultMaxBodyBytes);
    if (options.verifySignature) {
      const refused = await options.verifySignature({ method: req.method ?? 'GET', path: req.url ?? '/', body: raw, headers: req.headers });
      if (refused) {
        currentLog().warn({ method: req.method, path: url.pathname, reason: refused }, 'unsigned or badly signed request refused');
        return sendError(res, httpError('UNAUTHENTICATED', `This service answers only signed requests from the gateway: ${refused}.`));
      }
    }
    body = parseBody(raw, headers.get('content-type'));
  } catch (error) {
    const tooLarge = error instanceof BodyTooLarge;
    // The limit named, as every other limit's message names it: a file belongs in an attachment upload, not the body.
    const limit = options.maxBodyBytes ?? defaultMaxBodyBytes;
    return sendError(
      res,
      httpError(
        ApolloServerErrorCode.BAD_REQUEST,
        tooLarge
          ? `Request body is too large: at most ${limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${Math.round(limit / 1024)} KB`} (${limit} bytes); send files as attachments.`
          : 'Request body is not valid JSON.',
        { status: tooLarge ? 413 : undefined, ...(tooLarge && { extensions: { max: limit } }) },
      ),
    );
  }

  const result = await route.server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
    context: () => route.context(req, { method: req.method?.toUpperCase() ?? 'GET', body, search: url.search }),
  });
  for (const [name, value] of result.headers) res.setHeader(name, value);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    const requestId = requestIdOf(req);
    // Apollo's own refusals of the request (a query that is no string, a batch, variables that are no object) come
    // before the context, where the gateway's plugin names the id in the errors; named here.
    res.end(requestId && res.statusCode >= 400 ? withRequestIdIn(result.body.string, requestId) : result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

/** A JSON answer's errors, each naming `requestId` unless it does; the answer as it was when it is no such JSON. */
function withRequestIdIn(body: string, requestId: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: Record<string, unknown> }[] };
    if (!Array.isArray(parsed.errors)) return body;
    for (const error of parsed.errors) error.extensions = { ...error.extensions, requestId: error.extensions?.requestId ?? requestId };
    return JSON.stringify(parsed);
  } catch {
    return body;
  }
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
  if (isJson(contentType)) return text === '' ? undefined : JSON.parse(text);
  return text;
}

/** Whether a Content-Type is JSON's; media types are case-insensitive (RFC 9110, 8.3.1), so `Application/JSON` is too. */
function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/json\b/i.test(contentType);
}

/**
 * The one way a plain route answers an error, as the GraphQL routes would: the
 * status from `options.status`, else `extensions.http` (shared/errors.ts
 * httpError and the policy's refusals set it), else the code's row of the error
 * table; headers (Retry-After) from `extensions.http`; the code and the rest of
 * the extensions in the body. `closeConnection` is for refusals sent before the
 * request body was read: the connection closes instead of taking in the rest.
 */
export function sendError(res: ServerResponse, error: GraphQLError, options: { status?: number; closeConnection?: boolean } = {}) {
  const { http, ...extensions } = error.extensions as { http?: { status?: number; headers?: Map<string, string> }; code?: unknown; requestId?: unknown };
  for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
  // A request that was given an id (the gateway's plain routes) names it in its error too, as /graphql's errors do.
  const requestId = res.getHeader('x-request-id');
  if (typeof requestId === 'string') extensions.requestId = requestId;
  if (options.closeConnection) res.setHeader('connection', 'close');
  sendJson(res, options.status ?? http?.status ?? errorStatus(extensions.code), { errors: [{ message: error.message, extensions }] });
}

export function sendJson(res: ServerResponse, status: number, payload: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(payload));
}

/**
 * Prometheus' view of the service. With METRICS_TOKEN set, only for `Authorization: Bearer <token>`; without
 * one, not on the service's own port (`ownPort`: the listener of createMetricsServer, which is bound to
 * loopback unless METRICS_HOST says otherwise).
 */
async function sendMetrics(observability: Observability, req: IncomingMessage, res: ServerResponse, ownPort: boolean) {
  const { metricsToken } = observability.config;
  if (metricsToken === undefined && !ownPort) {
    return sendError(res, httpError('NOT_FOUND', 'Metrics are served on METRICS_PORT, or here with METRICS_TOKEN set (see README, Observability).'));
  }
  if (metricsToken !== undefined && !sameSecret(req.headers.authorization, `Bearer ${metricsToken}`)) {
    res.setHeader('www-authenticate', 'Bearer realm="metrics"');
    return sendError(res, httpError('UNAUTHENTICATED', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>.'));
  }
  if (req.method !== 'GET') return sendError(res, httpError(ApolloServerErrorCode.BAD_REQUEST, '/metrics takes a GET.', { status: 405 }));
  const { registry } = observability.metrics;
  const body = await registry.metrics();
  res.statusCode = 200;
  res.setHeader('content-type', registry.contentType);
  res.end(body);
}

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** METRICS_PORT's listener: GET /metrics and nothing else, so a proxy in front of the service's port can never expose it. */
export function createMetricsServer(observability: Observability): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics') return sendError(res, httpError('NOT_FOUND', 'This port serves GET /metrics only.'));
    sendMetrics(observability, req, res, true).catch((error) => {
      observability.log.error({ err: error }, 'metrics could not be collected');
      if (!res.headersSent) sendError(res, httpError('INTERNAL_SERVER_ERROR', 'Internal server error'));
      // Part of an answer went out: ended as if whole, a client waited for the bytes its content-length promised.
      else res.destroy();
    });
  });
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
