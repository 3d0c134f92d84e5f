import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { IncomingMessage, Server } from 'node:http';
import { formatError } from '../shared/errors.ts';
import { createHttpServer } from '../shared/http.ts';
import { encodeIdentity, identityHeader, type Identity } from '../shared/identity.ts';
import { createVerifier, type AuthConfig } from './auth.ts';
import { exportRoutes } from './exports.ts';

export interface GatewayOptions {
  supergraphSdl: string;
  /** URL of each subgraph by its supergraph name (niwe, linat, konat, region); defaults to the URL in the supergraph. */
  subgraphUrls: Record<string, string>;
  auth: AuthConfig;
}

export interface GatewayContext {
  identity: Identity;
}

export interface GatewayService {
  http: Server;
  /** Requests sent to each subgraph so far; tests and the benchmark read it. */
  subgraphCalls: Map<string, number>;
  stop(): Promise<void>;
}

export async function createGatewayService(options: GatewayOptions): Promise<GatewayService> {
  const subgraphCalls = new Map<string, number>();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: options.subgraphUrls[name] ?? url,
        willSendRequest({ request, context }) {
          subgraphCalls.set(name, (subgraphCalls.get(name) ?? 0) + 1);
          // The verified identity travels to every subgraph; subgraphs never see the raw token.
          if (context.identity) request.http?.headers.set(identityHeader, encodeIdentity(context.identity));
        },
      }),
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
  });
  await server.start();

  const verify = createVerifier(options.auth);
  const context = async (req: IncomingMessage): Promise<GatewayContext> => ({ identity: await verify(req.headers.authorization) });
  let ready = true;
  return {
    http: createHttpServer([{ path: '/graphql', server, context }], { healthy: () => ready, plainRoutes: exportRoutes(server, verify) }),
    subgraphCalls,
    async stop() {
      ready = false;
      await server.stop();
    },
  };
}
