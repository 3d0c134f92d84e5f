import { memberTypeName } from '../../shared/networks.ts';
import { newsInputSdl } from '../../shared/news/sdl.ts';
import { memberInputSdl, networkCodeEnumSdl, readSdl } from '../../shared/schema/sdl.ts';

const federatedTemplate = readSdl(new URL('./schema.graphql', import.meta.url));
const internalSdl = readSdl(new URL('./internal.graphql', import.meta.url));
const newsSdl = readSdl(new URL('./news/news.internal.graphql', import.meta.url));
const importSdl = readSdl(new URL('./member-import.internal.graphql', import.meta.url));

/** The network's subgraph SDL: the template with its concrete member type, e.g. NiweMember. */
export function networkSubgraphSdl(network: string): string {
  return `${federatedTemplate.replace(/\bNetworkMember\b/g, memberTypeName(network))}\n${networkCodeEnumSdl()}`;
}

/** The template as written, `NetworkMember` unrenamed: what the resolver types are generated from (scripts/codegen.ts). */
export function networkTemplateSdl(): string {
  return `${federatedTemplate}\n${networkCodeEnumSdl()}`;
}

export function networkInternalSdl(): string {
  return `${internalSdl}\n${memberInputSdl}\n${newsSdl}\n${newsInputSdl}\n${importSdl}`;
}
