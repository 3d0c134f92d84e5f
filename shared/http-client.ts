import http from 'node:http';
import https from 'node:https';
import { identityHeader } from './identity.ts';
import { currentScope } from './observability.ts';
import { signRequest } from './signature.ts';
import { formatTraceparent, traceparentHeader } from './tracing.ts';

// Calls between the services (gateway → subgraphs, region → networks): a
// signed JSON POST on a kept-alive connection, answered by a status and a
// body. node:http rather than fetch because fetch builds WHATWG streams,
// Headers and a Response for every call; at four subgraph calls per operation
// that was a sixth of the gateway's CPU (benchmark Q4, CPU profile).
//
// Within a request, each call carries its trace on (traceparent), is counted and timed in the caller's
// metrics and, with tracing on, gets a client span. The traceparent header is not signed: it labels log lines
// and spans and grants nothing, and leaving it out of the signature keeps a network service of an office that
// has not updated yet accepting region's calls; a malformed one only starts a new trace (shared/tracing.ts).

export interface PostOptions {
  /** The service called (niwe, linat, konat, region, or another subgraph's name); the signature names it. */
  service: string;
  /** Sent as they are, with content-type application/json added; the identity header is signed along. */
  headers?: Record<string, string>;
  body: string;
  /** Abandons the call after this long; no limit without it. */
  timeoutMs?: number;
}

export interface PostAnswer {
  status: number;
  statusText: string;
  body: string;
}

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/** POSTs `body` to `url` signed with `secret` (shared/signature.ts); no secret (ALLOW_UNSIGNED=1) sends it unsigned. */
export function signedPost(secret: string | undefined, url: string | URL, options: PostOptions): Promise<PostAnswer> {
  const target = typeof url === 'string' ? new URL(url) : url;
  // Encoded once for the signature, the length and the socket.
  const body = Buffer.from(options.body);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers, 'content-length': String(body.length) };
  if (secret)
    Object.assign(
      headers,
      signRequest(secret, { service: options.service, method: 'POST', path: target.pathname + target.search, body, identity: headers[identityHeader] }),
    );
  const scope = currentScope();
  if (!scope) return post(target, headers, body, options.timeoutMs, true);
  const span = scope.obs.tracing?.startSpan(`POST ${options.service}`, {
    kind: 'client',
    parent: scope.trace,
    attributes: { 'peer.service': options.service, 'url.full': target.href },
  });
  headers[traceparentHeader] = formatTraceparent(span ? { ...scope.trace, spanId: span.spanId } : scope.trace);
  const started = performance.now();
  return post(target, headers, body, options.timeoutMs, true).then(
    (answer) => {
      scope.obs.metrics.upstream(options.service, answer.status, (performance.now() - started) / 1000);
      span?.setAttribute('http.response.status_code', answer.status);
      span?.end(answer.status >= 500 ? `HTTP ${answer.status}` : undefined);
      return answer;
    },
    (error: Error) => {
      scope.obs.metrics.upstream(options.service, 'error', (performance.now() - started) / 1000);
      span?.end(error.message);
      throw error;
    },
  );
}

function post(target: URL, headers: Record<string, string>, body: Buffer, timeoutMs: number | undefined, mayRetry: boolean): Promise<PostAnswer> {
  const client = target.protocol === 'https:' ? https : http;
  const agent = agents[target.protocol as keyof typeof agents];
  if (!agent) return Promise.reject(new Error(`Cannot call ${target.protocol} URLs; use http: or https:.`));
  return new Promise<PostAnswer>((resolve, reject) => {
    const request = client.request(target, { method: 'POST', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    if (timer) request.on('close', () => clearTimeout(timer));
    request.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive connection the server closed while idle fails at once; the request never reached it, so it goes
      // out again on a new connection. (Had it arrived, the subgraph would refuse the repeated nonce.)
      if (mayRetry && request.reusedSocket && error.code === 'ECONNRESET') resolve(post(target, headers, body, timeoutMs, false));
      else reject(error);
    });
    request.end(body);
  });
}

/**
 * What a service that refused our signature said (its 401, shared/http.ts), for the caller's log: a secret that
 * differs between the two sides, or clocks far apart, is the operators' to mend, and nothing ran there. Said in one
 * line naming the setting; it read UNAUTHENTICATED to the client, as if the client had to sign in.
 */
export function refusedSignature(answer: PostAnswer, caller: string, service: string): string {
  let said = '';
  try {
    said = String((JSON.parse(answer.body) as { errors?: { message?: unknown }[] }).errors?.[0]?.message ?? '');
  } catch {
    said = answer.body.slice(0, 200);
  }
  // The other service's words, cut short: they go into our log as they came.
  const reason = (/: (.*)\.$/.exec(said)?.[1] ?? (said || `HTTP ${answer.status}`)).slice(0, 120);
  const callers = service.toLowerCase() === 'region' ? 'the gateways' : 'region and the gateways';
  return `${service} refuses ${caller}'s signature (${reason}): give ${service.toUpperCase()}_SUBGRAPH_SECRET one value where ${service} runs and where its callers do (${callers}), and check that their clocks agree.`;
}
