import type { IncomingMessage } from 'node:http';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { getOperationAST, GraphQLError, type GraphQLSchema } from 'graphql';
import { rateLimited } from '../shared/errors.ts';
import type { Identity } from '../shared/identity.ts';
import { documentAnalyses, type AdmittedOperation, type DocumentAnalysis } from './document-analysis.ts';
import { checkFieldCosts, enforceLimits, type OperationLimits } from './limits.ts';
import { clientAddressKey, inProcessLimiters, keyExchangesPerMinute, type BudgetLeft, type LimiterFactory, type RateLimits } from './rate-limit.ts';
import { clientAddressOf } from './client-address.ts';
import { partnerTokenSeconds } from './token-exchange.ts';
import { checkNumberLiterals, checkOperationName, checkPersistedQuery } from './request-checks.ts';
import { notSafelistedError, sha256Hex, type Safelist } from './safelist.ts';
import { passwordChangeRequired, requireOnlyPasswordChange } from './password-change.ts';

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
  const keyExchanges = limiter('key-exchanges', { requestsPerMinute: keyExchangesPerMinute, costPerMinute: 1 });
  const knownKeys = new KnownKeys();
  let schema: GraphQLSchema | undefined;
  const analyses = documentAnalyses(options.limits.tokens, options.analysisCacheMb);

  const bucketOf = ({ identity, address }: Caller) => {
    if (identity.role === 'partner') return { limiter: partners, key: `partner:${identity.subject ?? ''}`, per: 'per partner' };
    if (identity.role === 'anonymous') return { limiter: anonymous, key: clientAddressKey(address), per: 'per client address without a token' };
    return undefined;
  };

  /**
   * Takes one request and its cost from the caller's bucket, and writes what is left into `left` (the RateLimit
   * headers); throws RATE_LIMITED naming the budget that ran out, requests or cost, with its limit (the same
   * message for both left a partner guessing whether to slow down or to ask for less).
   */
  const charge = async (caller: Caller, cost: number, left: BudgetLeft = noBudget()) => {
    const bucket = bucketOf(caller);
    if (!bucket) return;
    const { limiter, key, per } = bucket;
    const retryAfter = await limiter.take(key, cost, left);
    if (retryAfter === 0) return;
    const max = left.budgetLimit;
    if (left.budget === 'cost')
      throw rateLimited(
        `Rate limit reached: the cost budget of ${max} per minute ${per} is used up (this operation costs ${cost}); retry in ${retryAfter} s, or ask for less.`,
        retryAfter,
        { limit: 'cost', max, cost },
      );
    throw rateLimited(`Rate limit reached: the ${max} requests per minute ${per} are used up; retry in ${retryAfter} s.`, retryAfter, {
      limit: 'requests',
      max,
    });
  };

  const requireSafelisted = async (caller: Caller, query: string | undefined) => {
    if (caller.identity.role === 'partner' && caller.identity.safelist && !(query !== undefined && options.safelist?.has(sha256Hex(query)))) {
      // A refusal is a request of the partner's too, charged before its work (the refusal looks for a registered
      // operation the text differs from only in formatting): 200 refused ones in a row were never RATE_LIMITED (the review).
      await charge(caller, 0);
      throw notSafelistedError(options.safelist, query);
    }
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
      await requireSafelisted(caller, query);
      const analysis = query === undefined ? undefined : await analyses.of(query);
      if (analysis?.document) {
        checkOperationName(analysis.document, request.operationName);
        checkNumberLiterals(analysis);
      }
      if (caller.identity.mustChangePassword) requireOnlyPasswordChange(analysis?.document, request.operationName);
      // One object for what was admitted and what the rate limit has left of it (the RateLimit headers).
      const admitted: AdmittedOperation | undefined = analysis && {
        query: query!,
        analysis,
        budget: undefined,
        budgetLimit: 0,
        budgetRemaining: 0,
        budgetReset: 0,
      };
      await charge(caller, operationCost(analysis, request), admitted);
      return admitted;
    },

    /** Admits a request to a plain route that runs no operation of the caller's (attachments): restricted partners may send registered operations only. */
    async admitRoute(caller: Caller, cost: number): Promise<void> {
      if (caller.identity.mustChangePassword) throw passwordChangeRequired();
      await requireSafelisted(caller, undefined);
      await charge(caller, cost);
    },

    /**
     * Checks an API key (/auth/token, /auth/login with a key) with `check` (region's answer: the grant, or null for
     * a wrong key) under the key's limits; resolves the grant, null, or the RATE_LIMITED refusal. Failures of
     * `check` are thrown. An exchange is not charged to the anonymous requests of its address: behind the gateway's
     * TLS proxy all callers shared one address, and 60 anonymous queries a minute refused every partner's exchange.
     *
     * Wrong keys are counted per address (TOKEN_FAILURES_PER_MINUTE). Each check takes its unit as it starts, since
     * its outcome comes later: checked before and counted after, a burst of 40 wrong keys sent at once all reached
     * region past a limit of 10; a key that proves not wrong gives it back. So at most that many checks run at once
     * per address.
     *
     * While an address is refused for wrong keys, a key this gateway has exchanged before (KnownKeys) is still
     * checked: one partner's revoked key retried in a loop refused every other partner behind the same address for
     * up to a minute. Letting every key through would undo the refusal (each guess would reach region and learn its
     * answer); a key known to be good is no guess, since whoever sends it holds the key, and region still checks it
     * (revoked meanwhile, it is forgotten and waits as any other key). A key new to this gateway waits the refusal out.
     *
     * Every key past the wrong-key check is counted per key (keyExchangesPerMinute) before region is asked, so a key
     * exchanged in a loop is refused without a call to region; a wrong key makes a bucket of its own too, at most
     * TOKEN_FAILURES_PER_MINUTE a minute per address (the review found the comment claiming otherwise).
     */
    async checkKey<T>(caller: Caller, apiKey: string, check: () => Promise<T | null>): Promise<T | null | GraphQLError> {
      const address = clientAddressKey(caller.address);
      const keyHash = sha256Hex(apiKey);
      const failuresWait = await tokenFailures.take(address, 0);
      if (failuresWait > 0 && !knownKeys.has(keyHash))
        return rateLimited(
          `Too many wrong API keys from this address (${options.tokenFailuresPerMinute} per minute); retry in ${failuresWait} s. A key that was exchanged here before is still taken.`,
          failuresWait,
          { limit: 'wrongKeys', max: options.tokenFailuresPerMinute },
        );
      const giveBack = () => (failuresWait === 0 ? tokenFailures.give(address) : undefined);
      const exchangesWait = await keyExchanges.take(keyHash, 0);
      if (exchangesWait > 0) {
        await giveBack();
        return rateLimited(
          `This API key was exchanged ${keyExchangesPerMinute} times within a minute, the most it may be; a token lives ${partnerTokenMinutes} minutes, so keep it and exchange the key again when it expires. Retry in ${exchangesWait} s.`,
          exchangesWait,
          { limit: 'keyExchanges', max: keyExchangesPerMinute },
        );
      }
      let grant: T | null;
      try {
        grant = await check();
      } catch (error) {
        await giveBack();
        throw error;
      }
      if (grant === null) {
        knownKeys.forget(keyHash);
        return null;
      }
      knownKeys.add(keyHash);
      await giveBack();
      return grant;
    },
  };
}

/** A BudgetLeft before any limiter wrote it: no budget, so no RateLimit headers (staff callers). */
const noBudget = (): BudgetLeft => ({ budget: undefined, budgetLimit: 0, budgetRemaining: 0, budgetReset: 0 });

const partnerTokenMinutes = partnerTokenSeconds / 60;

/**
 * The RateLimit headers of a response from what its request's rate limit has left: `RateLimit-Limit`,
 * `RateLimit-Remaining` and `RateLimit-Reset` (draft-ietf-httpapi-ratelimit-headers, the separate form most
 * clients read), for the budget closest to running out, requests or cost per minute (README, Security). None for
 * callers without a limit (staff).
 */
export function setRateLimitHeaders(headers: Map<string, string>, left: BudgetLeft | undefined): void {
  if (left?.budget === undefined) return;
  headers.set('ratelimit-limit', String(left.budgetLimit));
  headers.set('ratelimit-remaining', String(left.budgetRemaining));
  headers.set('ratelimit-reset', String(left.budgetReset));
}

/**
 * API keys (by their sha256) this gateway exchanged lately, so that a valid key passes an address refused for
 * wrong keys (Policy.checkKey). A day: a nightly job's key is still known at its next run. At most 10,000 keys
 * (some 1.5 MB), the oldest forgotten first; in this process only, as a replica that restarted knows none.
 */
class KnownKeys {
  private readonly until = new Map<string, number>();

  has(keyHash: string, now = Date.now()): boolean {
    return (this.until.get(keyHash) ?? 0) > now;
  }

  add(keyHash: string, now = Date.now()): void {
    this.until.delete(keyHash);
    if (this.until.size >= 10_000) this.until.delete(this.until.keys().next().value!);
    this.until.set(keyHash, now + 24 * 3600_000);
  }

  forget(keyHash: string): void {
    this.until.delete(keyHash);
  }
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
