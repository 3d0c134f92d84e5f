import { HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

// Every error a client can see, by stable code. Anything else is masked as INTERNAL_SERVER_ERROR.
export const errorCodes = {
  BAD_USER_INPUT: 'The request is well-formed GraphQL but an argument is invalid.',
  NOT_FOUND: 'The referenced record does not exist.',
  FORBIDDEN: 'The caller is known but may not do this.',
  UNAUTHENTICATED: 'The caller must present a valid token: HTTP 401 when the bearer token itself is refused; a field that needs sign-in, asked anonymously, gets it at its path (HTTP 200).',
  NETWORK_UNAVAILABLE: "A network subgraph did not answer in time or cannot reach its database; its part of the answer is missing. On a write, extensions.writeOutcome says whether it may have been applied (UNKNOWN: retry with the same idempotencyKey).",
  SERVICE_UNAVAILABLE: "A subgraph (extensions.service: region or a network) did not answer within the gateway's time budget or could not be reached; the fields it serves are null, the others are answered. With extensions.writeOutcome UNKNOWN a write may or may not have been applied: retry it with the same idempotencyKey.",
  CONFLICT: 'The record changed since the caller read it, or its state does not allow this; read it again.',
  OPERATION_LIMIT_EXCEEDED: 'The operation exceeds a gateway limit (depth, aliases, root fields, fields, directives, tokens or cost); extensions.limit names it. HTTP 400.',
  RATE_LIMITED: "The caller's requests or cost per minute (per partner, or per client address without a token), or an address's wrong API keys, are used up; retry after the Retry-After header's seconds. HTTP 429.",
  OPERATION_NOT_SAFELISTED: 'This partner may only send operations registered in the persisted-operation manifest. HTTP 403.',
  INTERNAL_SERVER_ERROR: 'Something failed on our side.',
} as const;

export type ErrorCode = keyof typeof errorCodes;

export function isClientErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && code in errorCodes && code !== 'INTERNAL_SERVER_ERROR';
}

export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** A bearer token or signature that cannot be accepted: the whole request is refused with HTTP 401. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * An anonymous caller asked for a field that needs sign-in: the error stands at
 * that field's path and the rest of the answer is kept, so it carries no HTTP
 * status (GraphQL over HTTP answers such a response with 200).
 */
export function signInRequired(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function conflict(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', ...extensions } });
}

export function networkUnavailable(network: string): GraphQLError {
  return new GraphQLError(`Network ${network} did not answer; results from it are missing.`, {
    extensions: { code: 'NETWORK_UNAVAILABLE', network },
  });
}

export function operationLimitExceeded(limit: string, message: string, actual: number | undefined, max: number): GraphQLError {
  return new GraphQLError(`${message}.`, { extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit, actual, max, http: { status: 400 } } });
}

export function rateLimited(message: string, retryAfter: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'RATE_LIMITED', retryAfter, http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) } } });
}

export function notSafelisted(): GraphQLError {
  return new GraphQLError('This partner may send only registered operations; this one is not in the persisted-operation manifest. Ask the cooperation to register it.', {
    extensions: { code: 'OPERATION_NOT_SAFELISTED', http: { status: 403 } },
  });
}

type FormattedError = { message: string; locations?: GraphQLFormattedError['locations']; path?: GraphQLFormattedError['path']; extensions?: Record<string, unknown> };

/**
 * Apollo Server `formatError` for every service: client errors pass unchanged,
 * GraphQL validation errors keep Apollo's codes, everything else becomes a
 * generic INTERNAL_SERVER_ERROR so no stack, SQL or address reaches the client.
 */
export function formatError(formatted: FormattedError, error: unknown) {
  const client = clientError(formatted);
  if (client) return client;
  console.error('[error]', error);
  return masked(formatted);
}

/** INTERNAL_SERVER_ERROR in place of an error, at its path and locations: the client learns which field is missing, not why. */
export function masked(formatted: FormattedError): FormattedError {
  const { locations, path } = formatted;
  return { message: internalError.message, ...(locations !== undefined && { locations }), ...(path !== undefined && { path }), extensions: { ...internalError.extensions } };
}

/** The error as the client may see it if it is a client error (stack removed), else undefined. */
export function clientError(formatted: FormattedError): FormattedError | undefined {
  const code = formatted.extensions?.code;
  if (!isClientErrorCode(code) && !isApolloRequestErrorCode(code)) return undefined;
  const { stacktrace: _ignored, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}

export const internalError: FormattedError = { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };

const apolloRequestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function isApolloRequestErrorCode(code: unknown): boolean {
  return typeof code === 'string' && apolloRequestErrorCodes.has(code);
}
