import { memberTypeName, networks } from '../../shared/networks.ts';
import { memberInputSdl, networkCodeEnumSdl, readSdl } from '../../shared/schema/sdl.ts';

const base = readSdl(new URL('./schema.graphql', import.meta.url));
const capacity = readSdl(new URL('./capacity.graphql', import.meta.url));
const inquiries = readSdl(new URL('./inquiries.graphql', import.meta.url));

/** Region's SDL: the static part, one Member implementation per registered network, the enum and the shared inputs. */
export function regionSubgraphSdl(): string {
  const implementations = networks
    .map((n) => `type ${memberTypeName(n.code)} implements Member @key(fields: "id") {\n  id: ID!\n  availability: AvailabilityStatus!\n}\n`)
    .join('\n');
  return `${base}\n${capacity}\n${inquiries}\n${implementations}\n${networkCodeEnumSdl()}\n${memberInputSdl}`;
}

export const regionInternalSdl = readSdl(new URL('./internal.graphql', import.meta.url));
