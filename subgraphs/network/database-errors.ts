import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formatError } from '../../shared/errors.ts';
import { currentLog } from '../../shared/observability.ts';

// A network whose database cannot be reached must say so, never answer as if
// a record were absent or the request wrong: with NIWE's database refusing
// connections, member(id), postCapacity and setAvailability answered "Member
// NIWE:m-1 does not exist." 156 times in two fault rounds. Such failures leave
// the network as NETWORK_UNAVAILABLE naming it, the code region and the gateway
// already use for a network that does not answer, so a client treats both
// alike: that network's part is missing, retry later.

/** SQLSTATEs of a server that is going away, starting, full, or not letting this database be used. */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300', '3D000']);
/** Errors of the socket under the pool. */
const socketErrors = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** node-postgres reports a lost or refused connection by message only. */
const driverMessages =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|not currently accepting connections|Cannot use a pool after calling end/;

function isUnavailable(error: { code?: unknown; message?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  return (
    code.startsWith('08') || unavailableStates.has(code) || socketErrors.has(code) || (typeof error.message === 'string' && driverMessages.test(error.message))
  );
}

/** True when the error, or one it wraps (GraphQL's originalError, an Error's cause, AggregateError's errors), is a lost database. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; originalError?: unknown; cause?: unknown; errors?: unknown };
  if (isUnavailable(e)) return true;
  const inner = [e.originalError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((i) => isDatabaseUnavailable(i, depth + 1));
}

export function databaseUnavailable(network: string): GraphQLError {
  return new GraphQLError(`Network ${network} cannot reach its database; its part of the answer is missing. Retry shortly.`, {
    extensions: { code: 'NETWORK_UNAVAILABLE', network, reason: 'DATABASE_UNAVAILABLE' },
  });
}

type FormattedError = Parameters<typeof formatError>[0];

/** The services' formatError, with a lost database answered as NETWORK_UNAVAILABLE at the failed field's path. */
export function networkFormatError(network: string) {
  return (formatted: FormattedError, error: unknown): GraphQLFormattedError => {
    if (!isDatabaseUnavailable(error)) return formatError(formatted, error) as GraphQLFormattedError;
    currentLog().warn({ code: 'NETWORK_UNAVAILABLE' }, `${network}: database unavailable: ${(error as Error).message}`);
    const { message, extensions } = databaseUnavailable(network);
    return { message, ...(formatted.locations && { locations: formatted.locations }), ...(formatted.path && { path: formatted.path }), extensions };
  };
}
