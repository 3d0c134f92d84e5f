import { parse, type DocumentNode } from 'graphql';
import type { Resolvers } from './generated/resolvers-types.ts';
import type { Resolvers as InternalResolvers } from './generated/internal-resolvers-types.ts';
import { memberTypeName, networks } from '../../shared/networks.ts';
import { newsInputSdl } from '../../shared/news/sdl.ts';
import { memberInputSdl, networkCodeEnumSdl, readSdl } from '../../shared/schema/sdl.ts';
import { capacityResolvers } from './capacity/capacity.resolvers.ts';
import { consortiumResolvers } from './inquiries/consortia.resolvers.ts';
import { inquiryResolvers } from './inquiries/inquiries.resolvers.ts';
import { quoteResolvers } from './inquiries/quotes.resolvers.ts';
import { webhookResolvers } from './inquiries/webhooks.resolvers.ts';
import { memberResolvers } from './members/members.resolvers.ts';
import { providedMemberFields } from './members/provided.ts';
import { certificateResolvers } from './members/certificates.ts';
import { memberImportResolvers } from './members/member-import.ts';
import { newsResolvers } from './news/news.resolvers.ts';
import { relationshipResolvers } from './relationships/relationships.resolvers.ts';
import { workingGroupResolvers } from './working-groups/working-groups.resolvers.ts';
import { tradeFairResolvers } from './trade-fairs/trade-fairs.resolvers.ts';
import { partnerInternalResolvers, partnerResolvers } from './partners/partners.resolvers.ts';
import { accountInternalResolvers, accountResolvers } from './accounts/accounts.resolvers.ts';

// Region in modules, each an SDL file beside its resolvers. The order is the
// order of the root fields in the composed supergraph, so it stays fixed.

const sdl = (path: string) => readSdl(new URL(path, import.meta.url));

// Partner suggestions need the member's processes and location, which its
// network owns: the gateway fetches them there and hands them to region.
const suggestionsField = `  processes: [Process!]! @external
  location: GeoPoint @external
  "Members of any network whose processes complement this member's (relationships/complements.ts), within radiusKm, ranked, each with its reasons; not those it already has a relationship with. For the member, its office and admin."
  partnerSuggestions("Search radius around this member's location in km, more than 0 and at most 500." radiusKm: Int = 50, "How many suggestions, best first: 1..50." first: Int = 10): [PartnerSuggestion!] @requires(fields: "processes { code } location { latitude longitude }")`;

// The fields region answers for a page of members (members/provided.ts), owned by the networks; processes and
// location, which suggestions require, are declared above.
const providedFields = `  network: Network! @external
  name: String! @external
  street: String @external
  postalCode: String! @external
  city: String! @external
  website: String @external
  employees: Int @external
  description: String @external
  materials: [String!]! @external
  certifications: [Certification!]! @external
  services: [Service!]! @external
  contacts: [ContactPerson!]! @external
  archivedAt: String @external
  version: Int! @external
  createdAt: String! @external
  updatedAt: String! @external`;

/** One Member implementation per registered network, the NetworkCode enum and the shared member inputs. */
function registrySdl(): string {
  const implementations = networks
    .map(
      (n) =>
        `type ${memberTypeName(n.code)} implements Member @key(fields: "id") {\n  "Global id that names the owning network, for example NIWE:m-42."\n  id: ID!\n  "Looking for work, normal, or at capacity: set by the member or its office, visible to the region."\n  availability: AvailabilityStatus!\n${suggestionsField}\n${providedFields}\n}\n`,
    )
    .join('\n');
  return `${implementations}\n${networkCodeEnumSdl()}\n${memberInputSdl}`;
}

/** members.graphql with the @provides of MemberEdge.node and SupplierMatchEdge.node written out for each network's member type. */
function membersSdl(): string {
  const fragments = networks.map((n) => `... on ${memberTypeName(n.code)} { ${providedMemberFields} }`).join(' ');
  return sdl('./members/members.graphql').replaceAll('... on NetworkMember { PROVIDED_MEMBER_FIELDS }', fragments);
}

function modules(): { sdl: string; resolvers: Resolvers }[] {
  return [
    { sdl: membersSdl(), resolvers: memberResolvers },
    { sdl: sdl('./partners/partners.graphql'), resolvers: partnerResolvers },
    { sdl: sdl('./accounts/accounts.graphql'), resolvers: accountResolvers },
    { sdl: sdl('./capacity/capacity.graphql'), resolvers: capacityResolvers },
    { sdl: sdl('./inquiries/inquiries.graphql'), resolvers: inquiryResolvers },
    { sdl: sdl('./inquiries/quotes.graphql'), resolvers: quoteResolvers },
    { sdl: sdl('./inquiries/consortia.graphql'), resolvers: consortiumResolvers },
    { sdl: sdl('./inquiries/webhooks.graphql'), resolvers: webhookResolvers },
    { sdl: sdl('./news/news.graphql'), resolvers: newsResolvers },
    { sdl: sdl('./relationships/relationships.graphql'), resolvers: relationshipResolvers },
    { sdl: sdl('./working-groups/working-groups.graphql'), resolvers: workingGroupResolvers },
    { sdl: sdl('./trade-fairs/trade-fairs.graphql'), resolvers: tradeFairResolvers },
    { sdl: sdl('./members/member-import.graphql'), resolvers: memberImportResolvers },
    { sdl: sdl('./members/certificates.graphql'), resolvers: certificateResolvers },
    { sdl: registrySdl(), resolvers: {} },
    { sdl: newsInputSdl, resolvers: {} },
  ];
}

/** The modules as buildSubgraphSchema takes them. */
export function regionModules(): { typeDefs: DocumentNode; resolvers: Resolvers }[] {
  return modules().map((m) => ({ typeDefs: parse(m.sdl), resolvers: m.resolvers }));
}

/** Region's whole SDL, as composition reads it. */
export function regionSubgraphSdl(): string {
  return modules()
    .map((m) => m.sdl)
    .join('\n');
}

/** Region's API for the gateway alone: exchanging API keys, and signing in with an account. */
export const regionInternalSdl = () => [sdl('./partners/internal.graphql'), sdl('./accounts/internal.graphql')].join('\n');

export const regionInternalModule = {
  typeDefs: parse(regionInternalSdl()),
  resolvers: {
    Query: { ...partnerInternalResolvers.Query, ...accountInternalResolvers.Query },
    Mutation: { ...accountInternalResolvers.Mutation },
  } satisfies InternalResolvers,
};
