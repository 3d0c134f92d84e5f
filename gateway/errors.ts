import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { clientError, isApolloRequestErrorCode, isClientErrorCode, masked } from '../shared/errors.ts';
import { currentLog } from '../shared/observability.ts';
import { tokenLimitError } from './limits.ts';
import { setRateLimitHeaders } from './policy.ts';
import { operatorLines } from './subgraph-source.ts';
import type { GatewayContext } from './server.ts';

// What clients see of errors at the gateway: client errors with their code,
// everything else (a subgraph that failed, is gone, or refused our request) as
// INTERNAL_SERVER_ERROR at the same path and locations, so a client still
// knows which field is missing. The detail goes to the log under the request
// id the client receives.

type FormattedError = Parameters<typeof masked>[0];

/**
 * A subgraph that answers with an HTTP error status did not run the operation
 * (gateway/subgraph-source.ts keeps its raw answer in extensions.response), so
 * even a client-looking code (its 403) is our failure. A 401, our signature
 * refused, is told as the subgraph unavailable before it gets here.
 */
function isMasked(extensions: Record<string, unknown> | undefined): boolean {
  const code = extensions?.code;
  return (!isClientErrorCode(code) && !isApolloRequestErrorCode(code)) || extensions?.response !== undefined;
}

/**
 * Apollo says only "PersistedQueryNotFound". The code stays, since automatic-persisted-query clients send
 * the text on seeing it; the message tells someone reading it what the hash missed and what to do.
 */
const persistedQueryNotFound =
  "No operation is registered under this extensions.persistedQuery.sha256Hash. Send the query text with the hash (automatic persisted queries) or register the operation in a persisted-operation manifest; the gateway reads the portal's manifest when it starts, so a portal built later needs a gateway restart.";

const introspectionOff =
  'Introspection is not allowed on this gateway (NODE_ENV=production): read its schema as SDL at GET /graphql/schema.graphql instead; its operator turns introspection on with INTROSPECTION=1.';

export function gatewayFormatError(production: boolean) {
  return (formatted: FormattedError): FormattedError => {
    if (formatted.extensions?.code === ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND) return clientError({ ...formatted, message: persistedQueryNotFound })!;
    if (formatted.extensions?.code === ApolloServerErrorCode.GRAPHQL_PARSE_FAILED) {
      const limit = tokenLimitError(formatted.message);
      if (limit) {
        const { http: _status, ...extensions } = limit.extensions;
        return { message: limit.message, extensions };
      }
    }
    // Apollo's words tell a client to configure Apollo Server; what turns it on here is the gateway operator's INTROSPECTION=1.
    if (formatted.extensions?.code === ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED && formatted.message.startsWith('GraphQL introspection is not allowed'))
      return clientError({ ...formatted, message: introspectionOff })!;
    const client = clientError(formatted);
    if (!client || isMasked(formatted.extensions)) return masked(formatted);
    if (!production) return client;
    // Which subgraph answered is an internal detail.
    const { serviceName: _service, exception: _exception, ...extensions } = client.extensions ?? {};
    return { ...client, extensions };
  };
}

/** What a fetch's error asks of the operator (subgraph-source.ts operatorLines), through the errors that wrap it. */
function operatorLineOf(error: Error | undefined, depth = 0): string | undefined {
  if (!error || depth > 3) return undefined;
  return operatorLines.get(error) ?? operatorLineOf((error as { originalError?: Error }).originalError, depth + 1);
}

/** One listener for every request, reading the request's id from its context: no object or closures made per request. */
const requestIdListener: GraphQLRequestListener<GatewayContext> = {
  async didEncounterErrors({ errors, contextValue }) {
    const { requestId } = contextValue;
    for (const error of errors) {
      // A subgraph that is gone or hung is ours to fix too, though the client is told which one (`service`).
      const operatorLine = operatorLineOf(error);
      if (operatorLine) currentLog().error({ requestId, code: error.extensions?.code, path: error.path }, operatorLine);
      else if (isMasked(error.extensions) || error.extensions?.service !== undefined)
        currentLog().error(
          { err: error.originalError ?? error, requestId, code: error.extensions?.code, path: error.path },
          'error masked or from an unavailable service',
        );
    }
  },
  async willSendResponse({ response, contextValue }) {
    const { requestId } = contextValue;
    response.http.headers.set('x-request-id', requestId);
    // Here, where every response's headers are set anyway: a plugin of its own cost two more promises a request.
    setRateLimitHeaders(response.http.headers, contextValue.admitted);
    if (response.body.kind !== 'single') return;
    for (const error of response.body.singleResult.errors ?? []) (error.extensions as Record<string, unknown>).requestId = requestId;
  },
};

export const requestIdPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return requestIdListener;
  },
};
