import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formatError } from './errors.ts';
import { currentLog } from './observability.ts';

// What a lost database looks like from a service, for the networks (NETWORK_UNAVAILABLE,
// subgraphs/network/database-errors.ts) and region (SERVICE_UNAVAILABLE, below): never an answer as if a record
// were absent, the request wrong, or our failure a mystery.

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

type FormattedError = Parameters<typeof formatError>[0];
type FormatError = (formatted: FormattedError, error: unknown) => GraphQLFormattedError;

/**
 * A service's formatError: `unavailable` at the failed field's path when the error is a lost database (logged at
 * error under `service`, a failure of ours), the shared formatError otherwise.
 */
export function formatLostDatabase(service: string, unavailable: () => GraphQLError): FormatError {
  return (formatted, error) => {
    if (!isDatabaseUnavailable(error)) return formatError(formatted, error) as GraphQLFormattedError;
    const { message, extensions } = unavailable();
    // A failure of ours, at error as README says of every one (it was at warn, which an operator's search for failures missed).
    currentLog().error({ code: extensions.code }, `${service}: database unavailable: ${(error as Error).message}`);
    return { message, ...(formatted.locations && { locations: formatted.locations }), ...(formatted.path && { path: formatted.path }), extensions };
  };
}

/**
 * Region's formatError: a lost database is SERVICE_UNAVAILABLE naming region, as the gateway says of a region that
 * does not answer, so a client knows to retry. It was INTERNAL_SERVER_ERROR, with the gateway's /ready saying
 * nothing was wrong with region.
 */
export const regionFormatError = formatLostDatabase(
  'region',
  () =>
    new GraphQLError('Region cannot reach its database; this part of the answer is missing. Retry shortly.', {
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'region', reason: 'DATABASE_UNAVAILABLE' },
    }),
);

/**
 * Region's write that lost its own database may have committed before the loss or not: its errors say so
 * (writeOutcome UNKNOWN, as the gateway says of a write to a subgraph that did not answer) and what is safe to do
 * next. Without it, createApiKey with region's database cut answered SERVICE_UNAVAILABLE alone, which reads as "not
 * applied". A network's lost database is not region's to mark here: region's calls judge a network's writes
 * (network-client.ts: NOT_APPLIED when nothing was sent), and a network's read that failed before region wrote
 * anything (postCapacity reads the member first: access.ts says NOT_APPLIED), or a dry run, changed nothing.
 */
export const lostDatabaseWritesPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ operation, response }) {
        if (operation?.operation !== 'mutation' || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.errors = result.errors?.map((error) =>
          error.extensions?.service === 'region' && error.extensions.reason === 'DATABASE_UNAVAILABLE' && !error.extensions.writeOutcome
            ? {
                ...error,
                // "Region cannot reach its database" and what a write needs said instead of "this part of the answer is missing".
                message: `${error.message.split(';')[0]}; the write may or may not have been applied: read it back before repeating it, or retry with the same idempotencyKey where the mutation takes one.`,
                extensions: { ...error.extensions, writeOutcome: 'UNKNOWN' },
              }
            : error,
        );
      },
    };
  },
};
