import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { IncomingMessage, Server } from 'node:http';
import { formatError } from '../../shared/errors.ts';
import { createHttpServer } from '../../shared/http.ts';
import { decodeIdentity, identityHeader } from '../../shared/identity.ts';
import { networks } from '../../shared/networks.ts';
import { createSignatureVerifier } from '../../shared/signature.ts';
import type { RegionContext } from './context.ts';
import { NetworkClient } from './network-client.ts';
import { initRegionOrm } from './orm.ts';
import { internalResolvers, resolvers } from './resolvers.ts';
import { regionInternalSdl, regionSubgraphSdl } from './schema.ts';

export interface RegionOptions {
  /** Base URL of each network service by code, e.g. { NIWE: 'http://localhost:4001' }. */
  networkUrls: Record<string, string>;
  /** Time budget for each call to a network. */
  networkTimeoutMs: number;
  /** Secret this service verifies requests with; undefined accepts unsigned requests (ALLOW_UNSIGNED=1). */
  secret: string | undefined;
  /** Secret region signs its calls to each network with, by code. */
  networkSecrets: Record<string, string | undefined>;
  /** Region's own database (API keys). */
  databaseUrl: string;
}

export interface RegionService {
  http: Server;
  clients: Map<string, NetworkClient>;
  stop(): Promise<void>;
}

/** Adds the errors of networks that did not answer to an otherwise good response. */
const partialErrorsPlugin: ApolloServerPlugin<RegionContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || contextValue.partialErrors.length === 0) return;
        const result = response.body.singleResult;
        const seen = new Set<string>();
        const extra = contextValue.partialErrors
          .filter((e) => !seen.has(e.message) && seen.add(e.message))
          .map((e) => ({ message: e.message, extensions: e.extensions }));
        result.errors = [...(result.errors ?? []), ...extra];
      },
    };
  },
};

export async function createRegionService(options: RegionOptions): Promise<RegionService> {
  const clients = new Map(
    networks.map((n) => {
      const url = options.networkUrls[n.code];
      if (!url) throw new Error(`No URL configured for network ${n.code}.`);
      return [n.code, new NetworkClient(n.code, url, options.networkTimeoutMs, options.networkSecrets[n.code])];
    }),
  );
  const orm = await initRegionOrm(options.databaseUrl);
  const server = new ApolloServer<RegionContext>({
    schema: buildSubgraphSchema({ typeDefs: parse(regionSubgraphSdl()), resolvers }),
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [partialErrorsPlugin, ApolloServerPluginInlineTraceDisabled()],
  });
  const internal = new ApolloServer<RegionContext>({
    schema: buildSubgraphSchema({ typeDefs: parse(regionInternalSdl), resolvers: internalResolvers }),
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await Promise.all([server.start(), internal.start()]);

  const context = async (req: IncomingMessage): Promise<RegionContext> => {
    const header = req.headers[identityHeader] as string | undefined;
    return {
      identity: decodeIdentity(header),
      identityHeader: header,
      client: (code) => clients.get(code)!,
      partialErrors: [],
      em: orm.em.fork(),
    };
  };
  const routes = [
    { path: '/graphql', server, context },
    { path: '/internal/graphql', server: internal, context },
  ];
  return {
    http: createHttpServer(routes, { verifySignature: options.secret ? createSignatureVerifier(options.secret) : undefined }),
    clients,
    async stop() {
      await Promise.all([server.stop(), internal.stop()]);
      await orm.close(true);
    },
  };
}
