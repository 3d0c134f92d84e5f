import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { httpError, isErrorCode } from '../shared/errors.ts';
import { requestIdOf, sendError, type PlainRoute } from '../shared/http.ts';
import type { Identity } from '../shared/identity.ts';
import { currentScope } from '../shared/observability.ts';
import type { Policy } from './policy.ts';
import type { GatewayContext } from './server.ts';

// The download routes beside /graphql (calendars, booth exports) read the graph with ordinary operations for
// the caller, so the graph's access rules, limits and rate limits hold for them as for the portal.

// biome-ignore lint/suspicious/noExplicitAny: the answer's shape is the query's, read by the caller that wrote it
export type Run = (query: string, variables: Record<string, unknown>) => Promise<Record<string, any>>;

/** The caller of a request: its bearer token or the portal's session verified, anonymous without either. */
export type VerifyRequest = (req: IncomingMessage) => Promise<Identity>;

/**
 * The data of one operation run in the gateway for `identity`. Its first error is thrown with its code (the
 * error is formatted already, gateway/errors.ts: a code outside the table was masked); an answer with an error
 * is refused whole, since a network that is down would leave out part of a download that then looks complete.
 */
export async function runOperation(
  server: ApolloServer<GatewayContext>,
  identity: Identity,
  query: string,
  variables: Record<string, unknown>,
): ReturnType<Run> {
  const response = await server.executeOperation({ query, variables }, { contextValue: { identity, requestId: plainRequestId() } });
  const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
  const error = result?.errors?.[0];
  if (!result?.data || error) {
    const { code, ...extensions } = error?.extensions ?? {};
    // With its extensions: a bad date in an export's query string lost its field and reason, which /graphql gives.
    throw isErrorCode(code) ? httpError(code, error!.message, { extensions }) : httpError('INTERNAL_SERVER_ERROR', 'Internal server error', { extensions });
  }
  return result.data;
}

/**
 * A refusal of the graph's `argument` said of the query parameter the caller gave it by (a booth download's ?booth= is
 * jointBooth's id): `field` names the parameter, as does a message that began with the argument. Others stay as they are.
 */
export function asParameter(error: unknown, argument: string, parameter: string): unknown {
  if (!(error instanceof GraphQLError) || error.extensions.code !== 'BAD_USER_INPUT' || error.extensions.field !== argument) return error;
  const message = error.message.startsWith(`${argument} `) ? `${parameter}${error.message.slice(argument.length)}` : error.message;
  return new GraphQLError(message, { extensions: { ...error.extensions, field: parameter } });
}

/** The id of the plain route's request (withRequestIds), for the operations it runs, so its errors and log lines carry the one id. */
export function plainRequestId(): string {
  return currentScope()?.requestId ?? randomUUID();
}

/**
 * The gateway's plain routes (/auth, /export, /calendar, /attachments) with a request id, as /graphql has one:
 * sent as x-request-id, in every error's extensions.requestId (sendError) and in the request's log line.
 */
export function withRequestIds(routes: PlainRoute[]): PlainRoute[] {
  return routes.map((route) => ({
    path: route.path,
    handle(req, res, url) {
      // The id the gateway's server gave the request (shared/http.ts requestIds), or one of its own.
      const requestId = requestIdOf(req) ?? randomUUID();
      const scope = currentScope();
      if (scope) scope.requestId = requestId;
      res.setHeader('x-request-id', requestId);
      return route.handle(req, res, url);
    },
  }));
}

/**
 * A GET route whose `answer` reads the graph through `run` as the request's caller, each operation admitted
 * by the policy first; a GraphQLError thrown on the way is the response.
 */
export function graphGetRoute(
  path: string,
  server: ApolloServer<GatewayContext>,
  verify: VerifyRequest,
  policy: Policy,
  answer: (run: Run, url: URL, res: ServerResponse) => Promise<void>,
): PlainRoute {
  return {
    path,
    async handle(req: IncomingMessage, res: ServerResponse, url: URL) {
      if (req.method !== 'GET') return sendError(res, httpError(ApolloServerErrorCode.BAD_REQUEST, 'Use GET.', { status: 405 }));
      try {
        const identity = await verify(req);
        const caller = policy.caller(identity, req);
        const run: Run = async (query, variables) => {
          await policy.admitOperation(caller, { query, variables });
          return runOperation(server, identity, query, variables);
        };
        await answer(run, url, res);
      } catch (error) {
        if (error instanceof GraphQLError) return sendError(res, error);
        throw error;
      }
    },
  };
}
