import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { IncomingMessage, Server } from 'node:http';
import { formatError } from '../../shared/errors.ts';
import { createHttpServer } from '../../shared/http.ts';
import { decodeIdentity, identityHeader } from '../../shared/identity.ts';
import { networks } from '../../shared/networks.ts';
import type { RegionContext } from './context.ts';
import { NetworkClient } from './network-client.ts';
import { resolvers } from './resolvers.ts';
import { capacityResolvers } from './capacity/resolvers.ts';
import { availabilityLoader } from './capacity/availability.ts';
import { initRegionOrm } from './orm.ts';
import type { SqlCounter } from '../../shared/orm.ts';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { regionSubgraphSdl } from './schema.ts';

export interface RegionOptions {
  /** Region's own database: the capacity exchange and what else crosses networks. */
  databaseUrl: string;
  /** Base URL of each network service by code, e.g. { NIWE: 'http://localhost:4001' }. */
  networkUrls: Record<string, string>;
  /** Time budget for each call to a network. */
  networkTimeoutMs: number;
}

export interface RegionService {
  http: Server;
  clients: Map<string, NetworkClient>;
  orm: MikroORM;
  sql: SqlCounter;
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

type ResolverMap = Record<string, Record<string, unknown>>;

/** Region's resolvers come in modules (members, capacity); root types are merged field by field. */
function mergeResolvers(...maps: object[]): GraphQLResolverMap<unknown> {
  const merged: ResolverMap = {};
  for (const map of maps as ResolverMap[]) for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  return merged as GraphQLResolverMap<unknown>;
}

export async function createRegionService(options: RegionOptions): Promise<RegionService> {
  const clients = new Map(
    networks.map((n) => {
      const url = options.networkUrls[n.code];
      if (!url) throw new Error(`No URL configured for network ${n.code}.`);
      return [n.code, new NetworkClient(n.code, url, options.networkTimeoutMs)];
    }),
  );
  const { orm, counter } = await initRegionOrm(options.databaseUrl);
  const server = new ApolloServer<RegionContext>({
    schema: buildSubgraphSchema({ typeDefs: parse(regionSubgraphSdl()), resolvers: mergeResolvers(resolvers, capacityResolvers) }),
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [partialErrorsPlugin, ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();

  const context = async (req: IncomingMessage): Promise<RegionContext> => {
    const header = req.headers[identityHeader] as string | undefined;
    const em = orm.em.fork();
    return {
      em,
      availability: availabilityLoader(em),
      identity: decodeIdentity(header),
      identityHeader: header,
      client: (code) => clients.get(code)!,
      partialErrors: [],
    };
  };
  return {
    http: createHttpServer([{ path: '/graphql', server, context }]),
    clients,
    orm,
    sql: counter,
    async stop() {
      await server.stop();
      await orm.close(true);
    },
  };
}
