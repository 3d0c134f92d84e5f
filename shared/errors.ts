import { GraphQLError } from 'graphql';

// Every error a client can see, by stable code. Anything else is masked as INTERNAL_SERVER_ERROR.
export const errorCodes = {
  BAD_USER_INPUT: 'The request is well-formed GraphQL but an argument is invalid.',
  NOT_FOUND: 'The referenced record does not exist.',
  FORBIDDEN: 'The caller is known but may not do this.',
  UNAUTHENTICATED: 'The caller must present a valid token.',
  NETWORK_UNAVAILABLE: 'A network subgraph did not answer in time; its part of the answer is missing.',
  CONFLICT: 'The record changed since the caller read it, or its state does not allow this; read it again.',
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

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function conflict(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', ...extensions } });
}

export function networkUnavailable(network: string): GraphQLError {
  return new GraphQLError(`Network ${network} did not answer; results from it are missing.`, {
    extensions: { code: 'NETWORK_UNAVAILABLE', network },
  });
}

/**
 * Apollo Server `formatError` for every service: client errors pass unchanged,
 * GraphQL validation errors keep Apollo's codes, everything else becomes a
 * generic INTERNAL_SERVER_ERROR so no stack, SQL or address reaches the client.
 */
export function formatError(formatted: { message: string; extensions?: Record<string, unknown> }, error: unknown) {
  const code = formatted.extensions?.code;
  if (isClientErrorCode(code) || isApolloRequestErrorCode(code)) {
    const { stacktrace: _ignored, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  console.error('[error]', error);
  return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

const apolloRequestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

function isApolloRequestErrorCode(code: unknown): boolean {
  return typeof code === 'string' && apolloRequestErrorCodes.has(code);
}
