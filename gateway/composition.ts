import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { networks } from '../shared/networks.ts';
import { networkSubgraphSdl } from '../subgraphs/network/schema.ts';
import { regionSubgraphSdl } from '../subgraphs/region/schema.ts';

export const regionPort = 4004;

/** Subgraph names as they appear in the supergraph; the gateway maps each to a URL variable (NIWE_URL, REGION_URL). */
export function subgraphDefinitions() {
  return [
    ...networks.map((n) => ({ name: n.code.toLowerCase(), url: `http://localhost:${n.port}/graphql`, typeDefs: parse(networkSubgraphSdl(n.code)) })),
    { name: 'region', url: `http://localhost:${regionPort}/graphql`, typeDefs: parse(regionSubgraphSdl()) },
  ];
}

/** Composes the committed subgraph SDL; throws with every composition error listed. */
export function composeSupergraph(): string {
  const result = composeServices(subgraphDefinitions());
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

export const supergraphPath = new URL('./supergraph.graphql', import.meta.url);
