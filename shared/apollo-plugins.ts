import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';

// Apollo Server installs two plugins of its own unless told not to. Nothing
// here uses either, and both cost time on every request:
// - inline tracing times every resolved field for Apollo's usage reporting;
// - cache control works out a cache policy field by field, and its
//   per-field hook makes Apollo wrap every resolver of the schema, although
//   no type carries cache hints and no answer is cached over HTTP.
// Measured on the benchmark's Q4 (every request a new operation): the
// subgraphs spent ~9% of their CPU in the cache-control wrappers.
export function withoutApolloDefaults(): ApolloServerPlugin[] {
  return [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()];
}
