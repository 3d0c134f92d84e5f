import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { supergraphPath } from '../gateway/supergraph.ts';
import { networks, regionService } from '../shared/networks.ts';
import { networkSubgraphSdl } from '../subgraphs/network/schema.ts';
import { regionSubgraphSdl } from '../subgraphs/region/schema.ts';

// `npm run compose`: composes the subgraphs' SDL into the supergraph the gateway
// serves (gateway/supergraph.graphql; commit it). Composition lives here, not in
// the gateway, so the gateway reads one file and imports nothing of the subgraphs.

/** Subgraph names as they appear in the supergraph; the gateway maps each to a URL variable (NIWE_URL, REGION_URL). */
export function subgraphDefinitions() {
  return [
    ...networks.map((n) => ({ name: n.code.toLowerCase(), url: `http://localhost:${n.port}/graphql`, typeDefs: parse(networkSubgraphSdl(n.code)) })),
    { name: regionService.name, url: `http://localhost:${regionService.port}/graphql`, typeDefs: parse(regionSubgraphSdl()) },
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

if (import.meta.main) {
  try {
    writeFileSync(supergraphPath, composeSupergraph());
    console.log(`Wrote ${fileURLToPath(supergraphPath)}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
