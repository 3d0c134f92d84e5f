import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import federation from '@apollo/federation-internals';
import { currentLog } from '../shared/observability.ts';

// The portal (portal/, built by `npm run build:portal` into portal/dist) and GraphiQL, served as static
// files by the gateway process: one origin, so the portal's GraphQL calls need no CORS, and nothing is
// loaded from anywhere else. The gateway's own routes (/graphql, /health, /ready, /metrics, /auth, /export, /attachments,
// /calendar) keep their handler; every other GET is the portal's, and a path that is not a file gets its index.html
// so the portal's client-side routes can be bookmarked.

export const portalDist = fileURLToPath(new URL('../portal/dist/', import.meta.url));

/** The persisted-operation manifest the portal's build writes beside it (manifestFileName in portal/persisted-operations.ts). */
export const portalManifestPath = join(portalDist, 'persisted-operations.json');

const gatewayPaths = [/^\/graphql$/, /^\/health$/, /^\/ready$/, /^\/metrics$/, /^\/auth(\/|$)/, /^\/export(\/|$)/, /^\/attachments(\/|$)/, /^\/calendar(\/|$)/];

/** Where GraphiQL reads the schema: the API schema as SDL, so it shows every description even where introspection is off. */
export const explorerSchemaPath = '/graphql/schema.graphql';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.graphql': 'text/plain; charset=utf-8',
};

// Everything the pages use comes from this origin; workers are GraphiQL's editor (Monaco) workers.
const securityHeaders: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

interface StaticFile {
  body: Buffer;
  gzipped?: Buffer;
  contentType: string;
  etag: string;
  /** Vite names files under assets/ by their content's hash: a new build gives new names. */
  immutable: boolean;
}

/** The built files by URL path, each read and compressed on its first request: tests start many gateways, few serve the portal. */
function readDist(dist: string): Map<string, () => Promise<StaticFile>> {
  const files = new Map<string, () => Promise<StaticFile>>();
  if (!existsSync(join(dist, 'index.html'))) return files;
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const urlPath = `/${relative(dist, path).split(sep).join('/')}`;
    let file: Promise<StaticFile> | undefined;
    // A read that fails (the file was removed) throws before anything is kept, so the next request reads again.
    files.set(urlPath, () => (file ??= staticFile(readFileSync(path), extname(path), urlPath.startsWith('/assets/'))));
  }
  return files;
}

const compress = promisify(gzip);

/** Compressed off the event loop: GraphiQL's editor is megabytes, and the gateway keeps answering meanwhile. */
async function staticFile(body: Buffer, extension: string, immutable: boolean): Promise<StaticFile> {
  const contentType = contentTypes[extension] ?? 'application/octet-stream';
  const compressible = /^(text\/|application\/json|image\/svg)/.test(contentType) && body.length > 1024;
  return {
    body,
    gzipped: compressible ? await compress(body) : undefined,
    contentType,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    immutable,
  };
}

function send(req: IncomingMessage, res: ServerResponse, file: StaticFile) {
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
  res.setHeader('content-type', file.contentType);
  res.setHeader('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.setHeader('etag', file.etag);
  res.setHeader('vary', 'accept-encoding');
  if (req.headers['if-none-match'] === file.etag) {
    res.statusCode = 304;
    return res.end();
  }
  const gzip = file.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? file.gzipped! : file.body;
  if (gzip) res.setHeader('content-encoding', 'gzip');
  res.setHeader('content-length', body.length);
  res.statusCode = 200;
  res.end(req.method === 'HEAD' ? undefined : body);
}

function notBuilt(res: ServerResponse) {
  res.statusCode = 503;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end('The portal is not built: run `npm run build:portal` (npm start builds it by itself).\n');
}

/** A browser opening /graphql asks for HTML; tools ask for JSON or send a query. */
function wantsExplorer(req: IncomingMessage, url: URL): boolean {
  return (
    url.pathname === '/graphql' &&
    !url.searchParams.has('query') &&
    !url.searchParams.has('extensions') &&
    /\btext\/html\b/.test(String(req.headers.accept ?? ''))
  );
}

export interface PortalOptions {
  /**
   * The supergraph the gateway serves now (it changes on a reload, gateway/supergraph.ts): its API schema is
   * published at explorerSchemaPath in every mode, production included, where introspection is off; partners'
   * codegen and GraphiQL read it there.
   */
  supergraphSdl: () => string;
  /** Folder of the built portal; default portal/dist. */
  dist?: string;
}

/**
 * Puts the portal in front of the gateway's request handler: the gateway's paths go to it as before,
 * GET /graphql from a browser to GraphiQL, GET /graphql/schema.graphql to the API schema (GraphiQL's and partners'
 * tools'), every other GET to the portal.
 */
export function withPortal(server: Server, options: PortalOptions): Server {
  const files = readDist(options.dist ?? portalDist);
  // Built on the first request after start or a reload (about 0.3 s for ours): tests start many gateways, few
  // open GraphiQL. Its ETag is the hash of the SDL, so a tool that polls gets 304 until the schema changes.
  let schemaFile: { sdl: string; file: Promise<StaticFile> } | undefined;
  const explorerSchema = () => {
    const sdl = options.supergraphSdl();
    if (schemaFile?.sdl !== sdl) {
      const api = federation.printSchema(federation.Supergraph.build(sdl).apiSchema());
      schemaFile = { sdl, file: staticFile(Buffer.from(`${api}\n`), '.graphql', false) };
    }
    return schemaFile.file;
  };
  const gatewayHandlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  const servePortal = async (req: IncomingMessage, res: ServerResponse, url: URL, explorer: boolean) => {
    if (url.pathname === explorerSchemaPath) return send(req, res, await explorerSchema());
    if (files.size === 0) return notBuilt(res);
    const file = explorer ? files.get('/graphiql.html') : files.get(url.pathname);
    if (file) return send(req, res, await file());
    // A missing script or style is a 404, not the index: the browser would try to run HTML.
    if (url.pathname.startsWith('/assets/')) {
      res.statusCode = 404;
      return res.end();
    }
    send(req, res, await files.get('/index.html')!());
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const read = req.method === 'GET' || req.method === 'HEAD';
    // Only reads may be the portal's: a POST to /graphql is not parsed into a URL here (about 0.35 µs a request).
    const url = read ? URL.parse(req.url ?? '/', 'http://portal') : null;
    const explorer = read && url !== null && wantsExplorer(req, url);
    // A request target that is no URL goes to the gateway's handler, which answers it as before.
    if (!url || !read || (!explorer && gatewayPaths.some((p) => p.test(url.pathname)))) {
      for (const handler of gatewayHandlers) handler.call(server, req, res);
      return;
    }
    servePortal(req, res, url, explorer).catch((error: NodeJS.ErrnoException) => {
      // A file removed since start-up (`npm run build:portal` while the gateway runs): the page reloads into the new build.
      currentLog().error({ err: error }, 'portal file could not be served');
      res.statusCode = error.code === 'ENOENT' ? 404 : 500;
      res.end();
    });
  });
  return server;
}
