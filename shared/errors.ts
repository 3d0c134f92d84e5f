import { HeaderMap } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ConflictReason } from './conflict-reasons.ts';
import type { InputReason } from './input-reasons.ts';
import { currentLog } from './observability.ts';

// Every error a client can see, by stable code, with the HTTP status of a
// response that is this error alone: a plain route's refusal (shared/http.ts
// sendError) or a request refused as a whole. An error at a field's path
// inside a GraphQL answer leaves that answer at 200. Anything not in the table
// is masked as INTERNAL_SERVER_ERROR.

interface ErrorRow {
  status: number;
  description: string;
}

const ownCodes = {
  BAD_USER_INPUT: { status: 400, description: 'The request is well-formed GraphQL but an argument is invalid.' },
  NOT_FOUND: { status: 404, description: 'The referenced record does not exist.' },
  FORBIDDEN: { status: 403, description: 'The caller is known but may not do this.' },
  UNAUTHENTICATED: {
    status: 401,
    description:
      'The caller must present a valid token: HTTP 401 when the bearer token itself is refused; a field that needs sign-in, asked anonymously, gets it at its path (HTTP 200).',
  },
  NETWORK_UNAVAILABLE: {
    status: 503,
    description:
      "A network (extensions.network) did not answer in time, could not be reached (said by region, or by the gateway with extensions.service) or cannot reach its database; its part of the answer is missing, and a member of it named by region's records is null. On a write, extensions.writeOutcome says whether it may have been applied (UNKNOWN: retry with the same idempotencyKey; NOT_APPLIED; APPLIED when only reading back what the write wrote failed).",
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    description:
      "Region, or a subgraph that is not a network's (extensions.service), did not answer within the gateway's time budget or could not be reached, or region cannot reach its database (extensions.reason DATABASE_UNAVAILABLE); the fields it serves are null, the others are answered. With extensions.writeOutcome UNKNOWN a write may or may not have been applied: retry it with the same idempotencyKey.",
  },
  INTERNAL_API_VERSION: {
    status: 502,
    description:
      "Region and a network's service speak versions of their internal API that do not fit (extensions.network, regionVersion, networkVersion): the network's part is missing until its office updates the service.",
  },
  CONFLICT: {
    status: 409,
    description:
      'The write met a state that does not allow it; extensions.reason says which (shared/conflict-reasons.ts: changed since read, a status, exists already, full, not enough left, closed, …) with its parameters.',
  },
  OPERATION_LIMIT_EXCEEDED: {
    status: 400,
    description: 'The operation exceeds a gateway limit (depth, aliases, root fields, fields, directives, tokens or cost); extensions.limit names it.',
  },
  RATE_LIMITED: {
    status: 429,
    description:
      "The caller's requests or cost per minute (per partner, or per client address without a token), an address's wrong API keys or a key's exchanges are used up; extensions.limit names which (requests, cost, wrongKeys, keyExchanges) and max its limit; retry after the Retry-After header's seconds.",
  },
  OPERATION_NOT_SAFELISTED: {
    status: 403,
    description:
      'This partner may only send operations registered in the persisted-operation manifest: their text exactly as registered, or their id as a persisted query.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    description:
      'The session signed in with a one-time password an office set (resetAccountPassword): until its holder chooses a password of their own (changePassword) it may only do that and read its account (myAccount); then sign in with the new password.',
  },
  CSRF_TOKEN_INVALID: {
    status: 403,
    description:
      'A request signed in by the session cookie changes something (POST) but its x-csrf-token header is missing or differs from the irm_csrf cookie of its session; read the cookie and send it in the header.',
  },
  INTERNAL_SERVER_ERROR: { status: 500, description: 'Something failed on our side.' },
} as const satisfies Record<string, ErrorRow>;

/**
 * Apollo Server's own codes for a request it refuses before running it, named by its exported enum;
 * the statuses are the ones Apollo sends. A persisted query it does not know is 200, as the APQ
 * protocol wants: the client sends the text next.
 */
const apolloCodes = {
  [ApolloServerErrorCode.GRAPHQL_PARSE_FAILED]: { status: 400, description: 'The operation is not valid GraphQL syntax.' },
  [ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED]: { status: 400, description: 'The operation does not fit the schema.' },
  [ApolloServerErrorCode.BAD_REQUEST]: {
    status: 400,
    description: "The HTTP request itself is malformed: method, content type, body or a persisted-query hash that is not the text's.",
  },
  [ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND]: { status: 200, description: 'The persisted-query hash is unknown; send the operation text with it.' },
  [ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED]: { status: 200, description: 'This server takes no automatic persisted queries.' },
  [ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE]: {
    status: 400,
    description: 'The operationName names no operation of the document, or the document has several and none is named.',
  },
} as const satisfies Record<string, ErrorRow>;

/** The one table: our codes and Apollo's, each with its HTTP status and what it means. */
export const errorCodes: Readonly<Record<ErrorCode, ErrorRow>> = { ...ownCodes, ...apolloCodes };

export type ErrorCode = keyof typeof ownCodes | keyof typeof apolloCodes;

/** Our own client codes (INTERNAL_SERVER_ERROR and Apollo's excluded): region passes a network's error with one of these on unchanged. */
export function isClientErrorCode(code: unknown): code is keyof typeof ownCodes {
  return typeof code === 'string' && Object.hasOwn(ownCodes, code) && code !== 'INTERNAL_SERVER_ERROR';
}

export function isApolloRequestErrorCode(code: unknown): boolean {
  return typeof code === 'string' && Object.hasOwn(apolloCodes, code);
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorCodes, code);
}

/** HTTP status of a code; a code outside the table is an internal failure (500). */
export function errorStatus(code: unknown): number {
  return isErrorCode(code) ? errorCodes[code].status : ownCodes.INTERNAL_SERVER_ERROR.status;
}

/**
 * An error whose response status is its code's, or `status` where one route means something more
 * precise by the same code (405 for a wrong method, 413 for a body over the limit); what plain routes
 * answer with through shared/http.ts sendError.
 */
export function httpError(code: ErrorCode, message: string, options: { status?: number; extensions?: Record<string, unknown> } = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...options.extensions, http: { status: options.status ?? errorCodes[code].status } } });
}

/**
 * BAD_USER_INPUT at `field`: the English message for API users, and the reason with its parameters
 * (shared/input-reasons.ts) for clients that show the error in their user's language.
 */
export function badInput(field: string, message: string, reason: InputReason): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field, ...reason } });
}

/**
 * Runs a write whose checks name fields by their own names (shared with the CSV import's rows, or written before
 * the contract), and names a refusal's field (and the field it contradicts) as the path under its argument:
 * input.endsAt, as the README's Errors contract and the gateway's own checks do. Fields in `keep` are other
 * arguments (updateMember's id). The service said endsAt, booth.totalAreaM2 or services where the gateway said
 * input.services of the same list.
 */
export async function inArgument<T>(argument: string, write: () => T | Promise<T>, keep: readonly string[] = []): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof GraphQLError) || error.extensions.code !== 'BAD_USER_INPUT') throw error;
    const extensions = error.extensions as Record<string, unknown>;
    const under = (path: unknown) => (typeof path === 'string' && !path.startsWith(`${argument}.`) && !keep.includes(path) ? `${argument}.${path}` : path);
    extensions.field = under(extensions.field);
    if (extensions.other !== undefined) extensions.other = under(extensions.other);
    throw error;
  }
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/**
 * A bearer token, credentials or a signature that cannot be accepted: the whole request is refused with HTTP 401,
 * which carries the challenge HTTP asks of every 401 (`WWW-Authenticate: Bearer`); with `tokenSent`, RFC 6750's
 * `error="invalid_token"`, so a client library knows to get a new token rather than ask its user.
 */
export function unauthenticated(message: string, options: { tokenSent?: boolean; extensions?: Record<string, unknown> } = {}): GraphQLError {
  const challenge = options.tokenSent ? 'Bearer error="invalid_token"' : 'Bearer';
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      ...options.extensions,
      http: { status: ownCodes.UNAUTHENTICATED.status, headers: new HeaderMap([['www-authenticate', challenge]]) },
    },
  });
}

/**
 * An anonymous caller asked for a field that needs sign-in: the error stands at
 * that field's path and the rest of the answer is kept, so it carries no HTTP
 * status (GraphQL over HTTP answers such a response with 200).
 */
export function signInRequired(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

/** A state that does not allow the write, with its reason (shared/conflict-reasons.ts): the portal words it from that. */
export function conflict(message: string, reason: ConflictReason, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', ...reason, ...extensions } });
}

export function networkUnavailable(network: string): GraphQLError {
  return new GraphQLError(`Network ${network} did not answer; results from it are missing.`, {
    extensions: { code: 'NETWORK_UNAVAILABLE', network },
  });
}

/**
 * A network that answered with a fault of its own: not "did not answer", which sent an office looking for a network
 * that was up (the fuzz probe). Its database out of reach it says itself (NETWORK_UNAVAILABLE, passed on as it is).
 */
export function networkFailed(network: string): GraphQLError {
  return new GraphQLError(`Network ${network} failed to answer this request (a fault on its side); results from it are missing.`, {
    extensions: { code: 'NETWORK_UNAVAILABLE', network },
  });
}

export function operationLimitExceeded(limit: string, message: string, actual: number | undefined, max: number): GraphQLError {
  return new GraphQLError(`${message}.`, {
    extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit, actual, max, http: { status: ownCodes.OPERATION_LIMIT_EXCEEDED.status } },
  });
}

/**
 * Over a rate limit: 429 with Retry-After. `budget` names the limit that ran out (`limit`: requests, cost, wrongKeys,
 * …) and its `max`, in the extensions and, as on every answer within a budget, in the RateLimit headers
 * (gateway/policy.ts setRateLimitHeaders), with nothing remaining until the retry.
 */
export function rateLimited(message: string, retryAfter: number, budget?: { limit: string; max: number; cost?: number }): GraphQLError {
  const headers = new HeaderMap([['retry-after', String(retryAfter)]]);
  if (budget) {
    headers.set('ratelimit-limit', String(budget.max));
    headers.set('ratelimit-remaining', '0');
    headers.set('ratelimit-reset', String(retryAfter));
  }
  return new GraphQLError(message, {
    extensions: { code: 'RATE_LIMITED', retryAfter, ...budget, http: { status: ownCodes.RATE_LIMITED.status, headers } },
  });
}

/** A POST signed in by the session cookie without its CSRF token (gateway/sessions.ts): refused as a whole, 403. */
export function csrfTokenInvalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CSRF_TOKEN_INVALID', http: { status: ownCodes.CSRF_TOKEN_INVALID.status } } });
}

/** A restricted partner's operation that is not registered; the message says what to send instead (gateway/safelist.ts). */
export function notSafelisted(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'OPERATION_NOT_SAFELISTED', ...extensions, http: { status: ownCodes.OPERATION_NOT_SAFELISTED.status } },
  });
}

type FormattedError = {
  message: string;
  locations?: GraphQLFormattedError['locations'];
  path?: GraphQLFormattedError['path'];
  extensions?: Record<string, unknown>;
};

/**
 * Apollo Server `formatError` for every service: client errors pass unchanged,
 * GraphQL validation errors keep Apollo's codes, everything else becomes a
 * generic INTERNAL_SERVER_ERROR so no stack, SQL or address reaches the client.
 */
export function formatError(formatted: FormattedError, error: unknown) {
  const client = clientError(formatted);
  if (client) return client;
  // The stack is for the log only; the client gets INTERNAL_SERVER_ERROR.
  currentLog().error({ err: error, path: formatted.path }, 'internal error');
  return masked(formatted);
}

/** INTERNAL_SERVER_ERROR in place of an error, at its path and locations: the client learns which field is missing, not why. */
export function masked(formatted: FormattedError): FormattedError {
  const { locations, path } = formatted;
  return {
    message: internalError.message,
    ...(locations !== undefined && { locations }),
    ...(path !== undefined && { path }),
    extensions: { ...internalError.extensions },
  };
}

/** The error as the client may see it if it is a client error (stack removed), else undefined. */
export function clientError(formatted: FormattedError): FormattedError | undefined {
  const code = formatted.extensions?.code;
  if (!isClientErrorCode(code) && !isApolloRequestErrorCode(code)) return undefined;
  const { stacktrace: _ignored, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}

export const internalError: FormattedError = { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
