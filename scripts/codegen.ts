import { fileURLToPath } from 'node:url';
import { generate, type CodegenConfig } from '@graphql-codegen/cli';
import { memberTypeName, networks } from '../shared/networks.ts';
import { networkInternalSdl, networkTemplateSdl } from '../subgraphs/network/schema.ts';
import { regionInternalSdl, regionSubgraphSdl } from '../subgraphs/region/schema.ts';

// `npm run codegen`: the resolver types of every subgraph, generated from the SDL the subgraphs serve
// (region's modules, the network template with its `NetworkMember`, both internal APIs); commit them.
// test/codegen.test.ts fails when a committed file differs from what this generates.

const plugins = ['typescript', 'typescript-resolvers'];

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
  },
};

/** Output path (from the repository root) → the SDL it is generated from and the plugin options. */
export function codegenConfig(): CodegenConfig {
  const output = (schema: string, config: object) => ({ schema, plugins, config });
  return {
    silent: true,
    generates: {
      'subgraphs/region/generated/resolvers-types.ts': output(regionSubgraphSdl(), region),
      'subgraphs/region/generated/internal-resolvers-types.ts': output(regionInternalSdl(), regionContext),
      'subgraphs/network/generated/resolvers-types.ts': output(networkTemplateSdl(), network),
      'subgraphs/network/generated/internal-resolvers-types.ts': output(networkInternalSdl(), networkInternal),
    },
  };
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** The generated files, relative to the repository root, without writing them. */
export async function generatedFiles(): Promise<{ filename: string; content: string }[]> {
  return generate({ ...codegenConfig(), cwd: root }, false);
}

if (import.meta.main) {
  try {
    const written: { filename: string }[] = await generate({ ...codegenConfig(), cwd: root }, true);
    console.log(`Wrote ${written.map((f) => f.filename).join(', ')}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
