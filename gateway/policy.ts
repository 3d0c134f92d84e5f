import type { IncomingMessage } from 'node:http';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { getOperationAST, GraphQLError, type GraphQLSchema } from 'graphql';
import { notSafelisted, rateLimited } from '../shared/errors.ts';
import type { Identity } from '../shared/identity.ts';
import { documentAnalyses, type AdmittedOperation, type DocumentAnalysis } from './document-analysis.ts';
import { checkFieldCosts, enforceLimits, type OperationLimits } from './limits.ts';
import { clientAddressKey, inProcessLimiters, type LimiterFactory, type RateLimits } from './rate-limit.ts';
import { clientAddressOf } from './client-address.ts';
import { checkNumberLiterals, checkOperationName, checkPersistedQuery } from './request-checks.ts';
import { sha256Hex, type Safelist } from './safelist.ts';

// One policy for every route of the gateway, checked before any work is done
// for the caller: the safelist of restricted partners, the operation limits on
// the parsed (not yet validated) document, then the rate limit, per partner
// key or, for anonymous callers, per client address. Staff roles (member,
// office, admin) sign in through trusted front-ends and have no rate limit.

export interface PolicyOptions {
  limits: OperationLimits;
  partnerRateLimits: RateLimits;
  anonymousRateLimits: RateLimits;
  /** Wrong API keys per client address and minute at /auth/token. */
  tokenFailuresPerMinute: number;
  safelist: Safelist | undefined;
  /** Operation text of a persisted-query id (the manifest and automatically registered queries). */
  persistedQuery(id: string): Promise<string | undefined>;
  /** Proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES); see gateway/client-address.ts. */
  trustedProxies?: readonly string[];
  /** Where the limits are counted: this process by default, Redis with RATE_LIMIT_REDIS_URL (gateway/rate-limit.ts). */
  limiters?: LimiterFactory;
  /** Heap megabytes for the analyses of documents (gateway/document-analysis.ts). */
  analysisCacheMb: number;
}

/** Who is asking: the verified token, and the TCP peer's address for anonymous callers. */
export interface Caller {
  identity: Identity;
  address: string | undefined;
}

/** A GraphQL request as sent over HTTP, before Apollo reads it. */
export interface OperationRequest {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  /** `extensions.persistedQuery` as sent: checked by checkPersistedQuery (gateway/request-checks.ts). */
  persistedQuery?: unknown;
}

export type Policy = ReturnType<typeof createPolicy>;

export function createPolicy(options: PolicyOptions) {
  const limiter = options.limiters ?? inProcessLimiters;
  const partners = limiter('partner', options.partnerRateLimits);
  const anonymous = limiter('anonymous', options.anonymousRateLimits);
  const tokenFailures = limiter('token-failures', { requestsPerMinute: options.tokenFailuresPerMinute, costPerMinute: 1 });
  let schema: GraphQLSchema | undefined;
  const analyses = documentAnalyses(options.limits.tokens, options.analysisCacheMb);

  const bucketOf = ({ identity, address }: Caller) => {
    if (identity.role === 'partner') return { limiter: partners, key: `partner:${identity.subject ?? ''}`, per: 'per partner' };
    if (identity.role === 'anonymous') return { limiter: anonymous, key: clientAddressKey(address), per: 'per client address without a token' };
    return undefined;
  };

  /** Takes one request and its cost from the caller's bucket; throws RATE_LIMITED when it does not hold enough. */
  const charge = async (caller: Caller, cost: number) => {
    const bucket = bucketOf(caller);
    if (!bucket) return;
    const { limiter, key, per } = bucket;
    const retryAfter = await limiter.take(key, cost);
    if (retryAfter === 0) return;
    const { requestsPerMinute, costPerMinute } = limiter.limits;
    throw rateLimited(`Rate limit of ${requestsPerMinute} requests and ${costPerMinute} cost per minute ${per} reached; retry in ${retryAfter} s.`, retryAfter);
  };

  const requireSafelisted = (caller: Caller, query: string | undefined) => {
    if (caller.identity.role === 'partner' && caller.identity.safelist && !(query !== undefined && options.safelist?.has(sha256Hex(query))))
      throw notSafelisted();
  };

  /** The measured cost of a request's operation, after refusing it if over a limit; 0 when Apollo will refuse it anyway (no query, a syntax error, no such operation). */
  const operationCost = (analysis: DocumentAnalysis | undefined, request: OperationRequest) => {
    const operation = analysis?.document && getOperationAST(analysis.document, request.operationName);
    if (!schema || !analysis || !operation) return 0;
    const measure = analyses.measure(analysis, operation, request.operationName, request.variables ?? {}, schema, options.limits);
    enforceLimits(measure, options.limits);
    return measure.cost;
  };

  const addressOf = clientAddressOf(options.trustedProxies ?? []);

  return {
    /** The documents' analyses, shared with the input checks (gateway/input-checks.ts). */
    analyses,

    /** Who sent `req`: its verified identity, and its client address for the anonymous limits. */
    caller: (identity: Identity, req: IncomingMessage): Caller => ({ identity, address: addressOf(req) }),

    /** Keeps the gateway's API schema for measuring, and refuses to start when the field-cost tables name fields it does not have. */
    plugin: {
      async serverWillStart() {
        return {
          schemaDidLoadOrUpdate({ apiSchema }) {
            checkFieldCosts(apiSchema);
            schema = apiSchema;
            analyses.clear();
          },
        };
      },
      // biome-ignore lint/suspicious/noExplicitAny: the plugin reads no context, so it fits every server
    } satisfies ApolloServerPlugin<any>,

    /** Admits a GraphQL request before Apollo parses and validates it; throws the refusal. Returns the text it admitted and its analysis, if it had a text. */
    async admitOperation(caller: Caller, request: OperationRequest): Promise<AdmittedOperation | undefined> {
      const persistedQueryId = checkPersistedQuery(request.persistedQuery, request.query);
      const query = request.query ?? (persistedQueryId ? await options.persistedQuery(persistedQueryId) : undefined);
      // Whatever Apollo runs, the checks below have seen: a hash without a text the gateway knows is refused here, as
      // Apollo would refuse it, and never left to a later lookup that may find what this one did not.
      if (query === undefined && persistedQueryId) throw persistedQueryNotFound();
      requireSafelisted(caller, query);
      const analysis = query === undefined ? undefined : await analyses.of(query);
      if (analysis?.document) {
        checkOperationName(analysis.document, request.operationName);
        checkNumberLiterals(analysis);
      }
      await charge(caller, operationCost(analysis, request));
      return analysis && { query: query!, analysis };
    },

    /** Admits a request to a plain route that runs no operation of the caller's (attachments): restricted partners may send registered operations only. */
    async admitRoute(caller: Caller, cost: number): Promise<void> {
      requireSafelisted(caller, undefined);
      await charge(caller, cost);
    },

    /** Admits a request to /auth/token as any anonymous request, before its body is read. */
    async admitTokenRequest(caller: Caller): Promise<void> {
      await charge(caller, 0);
    },

    /**
     * Starts the check of an API key (/auth/token, /auth/login with a key) unless its address sent too many wrong
     * keys lately. Each check takes its unit as it starts, since its outcome comes later: checked before and counted
     * after, a burst of 40 wrong keys sent at once all reached region past a limit of 10. keyNotWrong gives it back.
     * So at most TOKEN_FAILURES_PER_MINUTE checks run at once per address.
     */
    async startKeyCheck(caller: Caller): Promise<void> {
      const retryAfter = await tokenFailures.take(clientAddressKey(caller.address), 0);
      if (retryAfter > 0)
        throw rateLimited(`Too many wrong API keys from this address (${options.tokenFailuresPerMinute} per minute); retry in ${retryAfter} s.`, retryAfter);
    },

    /** The key checked was not a wrong one (accepted, or not checked at all): its unit goes back. */
    async keyNotWrong(caller: Caller): Promise<void> {
      await tokenFailures.give(clientAddressKey(caller.address));
    },
  };
}

/** The operation of a GraphQL HTTP request as Apollo reads it: a POST's JSON body, or a GET's query string. */
export function operationRequest(http: { method: string; body: unknown; search: string }): OperationRequest {
  let fields: Record<string, unknown>;
  if (http.method === 'GET') {
    const params = new URLSearchParams(http.search);
    fields = {
      query: params.get('query') ?? undefined,
      operationName: params.get('operationName') ?? undefined,
      variables: jsonParam(params.get('variables')),
      extensions: jsonParam(params.get('extensions')),
    };
  } else {
    fields = typeof http.body === 'object' && http.body !== null && !Array.isArray(http.body) ? (http.body as Record<string, unknown>) : {};
  }
  const extensions = fields.extensions;
  return {
    query: typeof fields.query === 'string' ? fields.query : undefined,
    operationName: typeof fields.operationName === 'string' ? fields.operationName : undefined,
    variables: typeof fields.variables === 'object' && fields.variables !== null ? (fields.variables as Record<string, unknown>) : undefined,
    persistedQuery: typeof extensions === 'object' && extensions !== null ? (extensions as { persistedQuery?: unknown }).persistedQuery : undefined,
  };
}

function jsonParam(value: string | null): unknown {
  try {
    return value === null ? undefined : JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * Apollo's answer to a hash it has no text for, status and header alike (200, so that automatic-persisted-query
 * clients send the text; not cached on the way, since the text may be registered a moment later).
 */
function persistedQueryNotFound(): GraphQLError {
  return new GraphQLError('PersistedQueryNotFound', {
    extensions: {
      code: ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
      http: { status: 200, headers: new HeaderMap([['cache-control', 'private, no-cache, must-revalidate']]) },
    },
  });
}

/** The refusal as Apollo answers it from the context function, with the request's id in its extensions and x-request-id header like every other error. */
export function withRequestId(error: unknown, requestId: string): unknown {
  if (!(error instanceof Error) || !('extensions' in error)) return error;
  const { http, ...extensions } = error.extensions as { http?: { status?: number; headers?: HeaderMap } };
  const headers = new HeaderMap([...(http?.headers ?? []), ['x-request-id', requestId]]);
  return new GraphQLError(error.message, { extensions: { ...extensions, requestId, http: { ...http, headers } } });
}
