import { writeFileSync } from 'node:fs';
import { codegen } from '@graphql-codegen/core';
import * as typescript from '@graphql-codegen/typescript';
import * as typescriptResolvers from '@graphql-codegen/typescript-resolvers';
import { buildASTSchema, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { memberTypeName, networks } from '../shared/networks.ts';
import { networkInternalSdl, networkTemplateSdl } from '../subgraphs/network/schema.ts';
import { regionInternalSdl, regionSubgraphSdl } from '../subgraphs/region/schema.ts';

// `npm run codegen`: the resolver types of every subgraph, generated from the SDL the subgraphs serve
// (region's modules, the network template with its `NetworkMember`, both internal APIs); commit them.
// test/codegen.test.ts fails when a committed file differs from what this generates.
//
// The plugins are called through @graphql-codegen/core, without the CLI: the SDL is already in hand, and the
// CLI's loaders for files, URLs, git and Apollo's registry (Babel, a fetch polyfill, graphql-config) were
// 50 MB of every `npm ci` (895 -> 845 MB) that nothing here used.

const plugins: Record<string, object>[] = [{ typescript: {} }, { 'typescript-resolvers': {} }];
const pluginMap = { typescript, 'typescript-resolvers': typescriptResolvers };

/** Shared by every output: federation's reference resolvers, string unions instead of TS enums (erasable syntax only). */
const common = {
  federation: true,
  enumsAsTypes: true,
  useTypeImports: true,
  // A resolver may leave an optional field undefined; GraphQL answers null for it.
  maybeValue: 'T | null | undefined',
  // Entity types share names with the schema's types (Quote, ApiKey): imported as QuoteModel, ApiKeyModel.
  mapperTypeSuffix: 'Model',
};

const regionContext = { ...common, contextType: '../context.ts#RegionContext' };

/** Region's resolvers return MikroORM entities and, for members, references the gateway resolves at the networks. */
const region = {
  ...regionContext,
  mappers: {
    ...Object.fromEntries(networks.map((n) => [memberTypeName(n.code), '../ids.ts#MemberRef'])),
    Network: '../../../shared/networks.ts#NetworkInfo',
    MemberConnection: '../members/search.ts#MemberPage',
    CapacityBalanceRow: '../capacity/balance.ts#BalanceRow',
    CapacityPost: '../capacity/entities.ts#CapacityPost',
    CapacityBooking: '../capacity/entities.ts#CapacityBooking',
    ApiKey: '../partners/api-key.entity.ts#ApiKey',
    Account: '../accounts/account.entity.ts#Account',
    Inquiry: '../inquiries/entities.ts#Inquiry',
    InquiryInvitation: '../inquiries/entities.ts#Invitation',
    InviteeProposal: '../inquiries/entities.ts#InviteeProposal',
    Attachment: '../inquiries/entities.ts#Attachment',
    Quote: '../inquiries/entities.ts#Quote',
    QuoteRevision: '../inquiries/entities.ts#QuoteRevision',
    Consortium: '../inquiries/entities.ts#Consortium',
    ConsortiumPartner: '../inquiries/entities.ts#ConsortiumPartner',
    Webhook: '../inquiries/entities.ts#Webhook',
    WebhookDelivery: '../inquiries/entities.ts#WebhookDelivery',
    NewsItem: '../news/feed.ts#SourcedRecord',
    EventRegistration: '../news/records.ts#SourcedRegistration',
    BusinessRelationship: '../relationships/relationship.entity.ts#BusinessRelationship',
    PartnerSuggestion: '../relationships/suggestions.ts#Suggestion',
    RelationshipQuarter: '../relationships/statistics.ts#QuarterRow',
    WorkingGroup: '../working-groups/entities.ts#WorkingGroup',
    WorkingGroupConnection: '{ totalCount: number; nodes: WorkingGroupModel[]; pageInfo: PageInfo }',
    WorkingGroupMembership: '../working-groups/entities.ts#WorkingGroupMembership',
    Meeting: '../working-groups/entities.ts#Meeting',
    MeetingRsvp: '../working-groups/entities.ts#MeetingRsvp',
    MeetingMinutes: '../working-groups/entities.ts#MeetingMinutes',
    TradeFair: '../trade-fairs/trade-fairs.ts#FairRecord',
    JointBooth: '../trade-fairs/entities.ts#JointBooth',
    BoothRegistration: '../trade-fairs/entities.ts#BoothRegistration',
    BoothCostSplit: '../trade-fairs/costs.ts#CostSplitView',
    ExhibitorCost: '../trade-fairs/costs.ts#ExhibitorCostLine',
    NetworkBoothCost: '../trade-fairs/costs.ts#NetworkCostLine',
  },
};

const networkContext = { ...common, contextType: '../resolvers.ts#NetworkContext' };

/** A network's resolvers return its MikroORM entities. */
const network = {
  ...networkContext,
  mappers: {
    NetworkMember: '../entities/index.ts#Member',
    // A network names only itself; region resolves the rest of Network.
    Network: '{ code: string }',
    GeoPoint: '../resolvers.ts#MemberLocation',
    Certification: '../entities/index.ts#Certification',
    Service: '../entities/index.ts#Service',
    ContactPerson: '../entities/index.ts#ContactPerson',
  },
};

const networkInternal = {
  ...networkContext,
  mappers: {
    AuditEntry: '../entities/index.ts#AuditEntry',
    NewsRecord: '../../../shared/news/items.ts#NewsView',
    RegistrationRecord: '../../../shared/news/registrations.ts#RegistrationView',
    // A hit's `matched` is worked out only when region selects it (search.ts); unselected, graphql-js never reads it.
    Hit: '../../../shared/search.ts#SearchHit',
    // A hit's member is the entity the subgraph's member type resolves from, with the same field resolvers (resolvers.ts).
    HitMember: '../entities/index.ts#Member',
    GeoPoint: '../resolvers.ts#MemberLocation',
    Certification: '../entities/index.ts#Certification',
    Service: '../entities/index.ts#Service',
    ContactPerson: '../entities/index.ts#ContactPerson',
  },
};

/** Output path (from the repository root) → the SDL it is generated from and the plugin options. */
function codegenConfig(): Record<string, { sdl: string; config: object }> {
  return {
    'subgraphs/region/generated/resolvers-types.ts': { sdl: regionSubgraphSdl(), config: region },
    'subgraphs/region/generated/internal-resolvers-types.ts': { sdl: regionInternalSdl(), config: regionContext },
    'subgraphs/network/generated/resolvers-types.ts': { sdl: networkTemplateSdl(), config: network },
    'subgraphs/network/generated/internal-resolvers-types.ts': { sdl: networkInternalSdl(), config: networkInternal },
  };
}

/** One file's content. The schema is sorted by name, as the CLI loaded it, so the output does not follow the SDL's order. */
async function generateFile(filename: string, sdl: string, config: object): Promise<string> {
  // Federation's directives (@key, @link) are not defined in a subgraph's SDL: the plugins read them from the AST.
  const schemaAst = lexicographicSortSchema(buildASTSchema(parse(sdl), { assumeValidSDL: true }));
  return codegen({
    filename,
    schema: parse(printSchema(schemaAst)),
    schemaAst,
    documents: [],
    plugins,
    pluginMap,
    config: { ...config, emitLegacyCommonJSImports: true, importExtension: '' },
  });
}

/** The generated files, relative to the repository root, without writing them. */
export async function generatedFiles(): Promise<{ filename: string; content: string }[]> {
  return Promise.all(
    Object.entries(codegenConfig()).map(async ([filename, { sdl, config }]) => ({ filename, content: await generateFile(filename, sdl, config) })),
  );
}

if (import.meta.main) {
  try {
    const files = await generatedFiles();
    for (const file of files) writeFileSync(new URL(`../${file.filename}`, import.meta.url), file.content);
    console.log(`Wrote ${files.map((f) => f.filename).join(', ')}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
