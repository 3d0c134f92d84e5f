import type { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';

// Apollo Server installs plugins of its own unless told not to. None of them
// serves this graph, and each either costs time on every request or talks to
// Apollo's servers:
// - inline tracing times every resolved field for Apollo's usage reporting;
// - cache control works out a cache policy field by field, and its
//   per-field hook makes Apollo wrap every resolver of the schema, although
//   no type carries cache hints and no answer is cached over HTTP.
//   Measured on the benchmark's Q4 (every request a new operation): the
//   subgraphs spent ~9% of their CPU in the cache-control wrappers;
// - usage and schema reporting send operations and the schema to Apollo's
//   cloud as soon as an APOLLO_KEY is in the environment. Each network's data
//   stays in its office's hands, so no environment variable turns them on;
// - the default landing page makes the visitor's browser load Apollo's
//   Sandbox from Apollo's CDN.
/**
 * Constructor options every ApolloServer of ours takes. Apollo stops a server on SIGTERM by itself unless
 * NODE_ENV is test, while shared/main.ts keeps serving through the drain (DRAIN_DELAY_MS, until the load
 * balancer has taken the service out): started without NODE_ENV (systemd, the hosts) every request of the
 * drain failed with 500 "received during server shutdown" (test/hosts.e2e.ts, rolling restart; the tests'
 * own replicas inherit NODE_ENV=test and never showed it). main.ts stops the servers once the drain is over.
 */
export const apolloServerOptions = { stopOnTerminationSignals: false } as const;

export function withoutApolloDefaults(): ApolloServerPlugin[] {
  return [
    ApolloServerPluginInlineTraceDisabled(),
    ApolloServerPluginCacheControlDisabled(),
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
    ApolloServerPluginLandingPageDisabled(),
  ];
}
