import type { ApolloServerPlugin } from '@apollo/server';
import { clientError, internalError, isApolloRequestErrorCode, isClientErrorCode } from '../shared/errors.ts';
import { tokenLimitError } from './limits.ts';
import type { GatewayContext } from './server.ts';

// What clients see of errors at the gateway: client errors with their code,
// everything else (a subgraph that failed or is gone) as INTERNAL_SERVER_ERROR.
// The detail goes to the log under the request id the client receives.

type FormattedError = { message: string; extensions?: Record<string, unknown> };

export function gatewayFormatError(production: boolean) {
  return (formatted: FormattedError): FormattedError => {
    if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED') {
      const limit = tokenLimitError(formatted.message);
      if (limit) {
        const { http: _status, ...extensions } = limit.extensions;
        return { message: limit.message, extensions };
      }
    }
    const client = clientError(formatted);
    if (!client) return internalError;
    if (!production) return client;
    // Which subgraph answered is an internal detail.
    const { serviceName: _service, exception: _exception, ...extensions } = client.extensions ?? {};
    return { ...client, extensions };
  };
}

export const requestIdPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart({ contextValue }) {
    const { requestId } = contextValue;
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          const code = error.extensions?.code;
          if (!isClientErrorCode(code) && !isApolloRequestErrorCode(code)) console.error(`[gateway] request ${requestId}:`, error.originalError ?? error);
        }
      },
      async willSendResponse({ response }) {
        response.http.headers.set('x-request-id', requestId);
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) (error.extensions as Record<string, unknown>).requestId = requestId;
      },
    };
  },
};
