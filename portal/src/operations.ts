// Every GraphQL operation the portal sends, in one place, each typed by its variables and result,
// so a persisted-operation manifest can be generated from this module and the texts checked against
// the supergraph. Types name only the fields the operations select.

export interface Operation<Data, Variables> {
  name: string;
  text: string;
  /** Never set: carries the result and variable types to `request`. */
  types?: { data: Data; variables: Variables };
}

function operation<Data, Variables = Record<string, never>>(name: string, text: string): Operation<Data, Variables> {
  return { name, text: text.replace(/\s+/g, ' ').trim() };
}

export type NetworkCode = 'NIWE' | 'LINAT' | 'KONAT';
export type MemberOrder = 'RELEVANCE' | 'DISTANCE' | 'NAME';
export type Quantity = 'PROTOTYPE' | 'SMALL_SERIES' | 'SERIES';
export type Tolerance = 'COARSE' | 'MEDIUM' | 'FINE' | 'PRECISION';
export type MatchStatus = 'MET' | 'PARTLY_MET' | 'NOT_MET';

/**
 * A member's id asked on its own (`memberRef: member { id }`): region answers it without the member's network,
 * so it is there while that network is down and `member` beside it is null (README "Errors").
 */
export interface MemberId {
  id: string;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface NetworkSummary {
  code: NetworkCode;
  name: string;
  focus: string[];
  memberCount: number | null;
  office: { name: string; city: string };
}

export interface StartPageData {
  networks: NetworkSummary[];
  members: { totalCount: number; exactCounts: boolean; facets: { processMainGroups: FacetCount[]; certifications: FacetCount[] } };
}

export const startPage = operation<StartPageData>(
  'StartPage',
  `
  query StartPage {
    networks { code name focus memberCount office { name city } }
    members(first: 1) { totalCount exactCounts facets { processMainGroups { value label count } certifications { value label count } } }
  }`,
);

export interface MemberFilter {
  text?: string;
  networks?: NetworkCode[];
  processes?: string[];
  materials?: string[];
  certifications?: string[];
  near?: { postalCode: string; radiusKm: number };
  employees?: { min?: number; max?: number };
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface SearchHit {
  cursor: string;
  score: number | null;
  distanceKm: number | null;
  matched: { text: string[]; processes: string[]; materials: string[]; certifications: string[]; withinRadius: boolean | null; employees: boolean | null };
  node: {
    id: string;
    name: string;
    city: string;
    postalCode: string;
    employees: number | null;
    location: GeoPoint | null;
    network: { code: NetworkCode };
    processes: Process[];
  };
}

export interface SearchData {
  members: {
    totalCount: number;
    exactCounts: boolean;
    facets: { networks: FacetCount[]; processMainGroups: FacetCount[]; certifications: FacetCount[] };
    edges: SearchHit[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface SearchVariables {
  filter: MemberFilter;
  orderBy?: MemberOrder;
  first: number;
  after?: string;
}

export const searchMembers = operation<SearchData, SearchVariables>(
  'SearchMembers',
  `
  query SearchMembers($filter: MemberFilter, $orderBy: MemberOrder, $first: Int, $after: String) {
    members(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount exactCounts
      facets { networks { value label count } processMainGroups { value label count } certifications { value label count } }
      edges {
        cursor score distanceKm
        matched { text processes materials certifications withinRadius employees }
        node { id name city postalCode employees location { latitude longitude } network { code } processes { code } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }`,
);

/** A process by its DIN 8580 code; the pages name it in the visitor's language (catalog.ts processName). */
export interface Process {
  code: string;
}

export interface MemberProfile {
  id: string;
  name: string;
  street: string | null;
  postalCode: string;
  city: string;
  website: string | null;
  employees: number | null;
  description: string | null;
  availability: 'LOOKING_FOR_WORK' | 'NORMAL' | 'AT_CAPACITY';
  location: GeoPoint | null;
  network: { code: NetworkCode; name: string; office: { name: string; email: string; phone: string; city: string } };
  processes: Process[];
  materials: string[];
  certifications: { standard: string; number: string | null; validUntil: string; valid: boolean; daysLeft: number }[];
  services: { id: string; title: string; description: string | null; processes: Process[] }[];
  contacts: { id: string; name: string; role: string | null; email: string | null; phone: string | null }[];
}

export const memberProfile = operation<{ member: MemberProfile | null }, { id: string }>(
  'MemberProfile',
  `
  query MemberProfile($id: ID!) {
    member(id: $id) {
      id name street postalCode city website employees description availability
      location { latitude longitude }
      network { code name office { name email phone city } }
      processes { code }
      materials
      certifications { standard number validUntil valid daysLeft }
      services { id title description processes { code } }
      contacts { id name role email phone }
    }
  }`,
);

export interface SupplierRequirements {
  processes?: string[];
  material?: string;
  quantity?: Quantity;
  tolerance?: Tolerance;
  certifications?: string[];
  deliveryLocation?: { postalCode: string };
  maxDistanceKm?: number;
}

export interface SupplierMatch {
  score: number;
  distanceKm: number | null;
  node: { id: string; name: string; city: string; location: GeoPoint | null; network: { code: NetworkCode } };
  breakdown: { requirement: string; status: MatchStatus; reason: string }[];
}

export const findSuppliers = operation<
  { findSuppliers: { totalCount: number; edges: SupplierMatch[] } },
  { requirements: SupplierRequirements; first: number }
>(
  'FindSuppliers',
  `
  query FindSuppliers($requirements: SupplierRequirements!, $first: Int) {
    findSuppliers(requirements: $requirements, first: $first) {
      totalCount
      edges { score distanceKm node { id name city location { latitude longitude } network { code } } breakdown { requirement status reason } }
    }
  }`,
);

/** Every operation, for a persisted-operation manifest. */
/** The fields of a member an office edits in the portal's member form (pages/member-form.tsx). */
export interface MemberFormFields {
  name: string;
  street: string | null;
  postalCode: string;
  city: string;
  website: string | null;
  employees: number | null;
  description: string | null;
}

export interface EditedMember extends MemberFormFields {
  id: string;
  version: number;
  network: { code: NetworkCode };
}

const editedMemberFields = 'id version name street postalCode city website employees description network { code }';

export const memberForEdit = operation<{ member: EditedMember | null }, { id: string }>(
  'MemberForEdit',
  `query MemberForEdit($id: ID!) { member(id: $id) { ${editedMemberFields} } }`,
);

export const createMember = operation<{ createMember: EditedMember }, { network: NetworkCode; input: MemberFormFields; idempotencyKey: string }>(
  'CreateMember',
  `mutation CreateMember($network: NetworkCode!, $input: MemberInput!, $idempotencyKey: String) {
    createMember(network: $network, input: $input, idempotencyKey: $idempotencyKey) { ${editedMemberFields} }
  }`,
);

export interface OwnAccount {
  id: string;
  email: string;
  name: string;
  kind: 'MEMBER' | 'OFFICE' | 'CUSTOMER';
  network: NetworkCode | null;
  memberId: string | null;
  customer: string | null;
  passwordChangedAt: string;
}

const ownAccountFields = 'id email name kind network memberId customer passwordChangedAt';

export const myAccount = operation<{ myAccount: OwnAccount | null }>('MyAccount', `query MyAccount { myAccount { ${ownAccountFields} } }`);

export const changePassword = operation<{ changePassword: OwnAccount }, { currentPassword: string; newPassword: string }>(
  'ChangePassword',
  `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { ${ownAccountFields} }
  }`,
);

export type AccountKind = 'MEMBER' | 'OFFICE' | 'CUSTOMER';

export interface ListedAccount {
  id: string;
  email: string;
  name: string;
  kind: AccountKind;
  network: NetworkCode | null;
  memberId: string | null;
  customer: string | null;
  createdAt: string;
  archivedAt: string | null;
}

const listedAccountFields = 'id email name kind network memberId customer createdAt archivedAt';

export const accountList = operation<{ accounts: ListedAccount[] }, { network?: NetworkCode }>(
  'AccountList',
  `query AccountList($network: NetworkCode) { accounts(network: $network, includeArchived: true) { ${listedAccountFields} } }`,
);

/** The name of a member company, for the page of an account that belongs to it. */
export const memberName = operation<{ member: { name: string } | null }, { id: string }>(
  'MemberName',
  'query MemberName($id: ID!) { member(id: $id) { name } }',
);

export const networkMemberNames = operation<{ members: { edges: { node: { id: string; name: string } }[] } }, { network: NetworkCode }>(
  'NetworkMemberNames',
  `query NetworkMemberNames($network: NetworkCode!) {
    members(first: 100, filter: { networks: [$network] }, orderBy: NAME) { edges { node { id name } } }
  }`,
);

export interface AccountInput {
  email: string;
  name: string;
  password: string;
  kind: AccountKind;
  network?: NetworkCode;
  memberId?: string;
  customer?: string;
}

export const createAccount = operation<{ createAccount: ListedAccount }, { input: AccountInput }>(
  'CreateAccount',
  `mutation CreateAccount($input: CreateAccountInput!) { createAccount(input: $input) { ${listedAccountFields} } }`,
);

export const archiveAccount = operation<{ archiveAccount: ListedAccount }, { id: string }>(
  'ArchiveAccount',
  `mutation ArchiveAccount($id: ID!) { archiveAccount(id: $id) { ${listedAccountFields} } }`,
);

export const updateMember = operation<{ updateMember: EditedMember }, { id: string; input: MemberFormFields; version: number }>(
  'UpdateMember',
  `mutation UpdateMember($id: ID!, $input: MemberPatch!, $version: Int) {
    updateMember(id: $id, input: $input, version: $version) { ${editedMemberFields} }
  }`,
);

// Inquiries in the portal (pages/inquiries.tsx, inquiry.tsx, inquiry-new.tsx): a customer writes, publishes and
// awards; an invited member reads, quotes and revises. Each caller sees what region lets it see (README "Inquiries").

export type InquiryStatus = 'DRAFT' | 'OPEN' | 'QUOTING_CLOSED' | 'AWARDED' | 'CLOSED_WITHOUT_AWARD' | 'CANCELLED';
export type InvitationStatus = 'INVITED' | 'VIEWED' | 'DECLINED' | 'QUOTED';
export type QuoteStatus = 'SUBMITTED' | 'AWARDED' | 'NOT_CHOSEN' | 'WITHDRAWN';

export interface InquiryQuantity {
  quantity: number;
  batchSize: number | null;
}

export interface InquirySummary {
  id: string;
  title: string;
  status: InquiryStatus;
  deliveryDate: string;
  quoteDeadline: string;
  createdAt: string;
  quantities: InquiryQuantity[];
  invitations: { network: NetworkCode; status: InvitationStatus; memberRef: MemberId; member: { id: string; name: string } | null }[];
  quotes: { id: string; status: QuoteStatus }[];
  consortia: { id: string; partners: { status: ConsortiumPartnerStatus; memberRef: MemberId }[] }[];
}

export const myInquiries = operation<{ inquiries: InquirySummary[] | null }, { first: number }>(
  'MyInquiries',
  `query MyInquiries($first: Int) {
    inquiries(first: $first) {
      id title status deliveryDate quoteDeadline createdAt quantities { quantity batchSize }
      invitations { network status memberRef: member { id } member { id name } }
      quotes { id status }
      consortia { id partners { status memberRef: member { id } } }
    }
  }`,
);

export interface PriceTier {
  minQuantity: number;
  unitPrice: number;
}

export interface QuoteTerms {
  priceTiers: PriceTier[];
  currency: string;
  leadTimeDays: number;
  validUntil: string;
  notes: string | null;
  submittedAt: string;
}

export type ConsortiumPartnerStatus = 'INVITED' | 'ACCEPTED' | 'DECLINED';

export interface ConsortiumView {
  id: string;
  complete: boolean;
  leadRef: MemberId;
  lead: { id: string; name: string } | null;
  partners: {
    network: NetworkCode;
    status: ConsortiumPartnerStatus;
    processes: string[];
    sharePercent: number | null;
    memberRef: MemberId;
    member: { id: string; name: string } | null;
  }[];
}

export interface QuoteView extends QuoteTerms {
  id: string;
  network: NetworkCode;
  status: QuoteStatus;
  revision: number;
  version: number;
  memberRef: MemberId;
  /** archivedAt: the bidder has left its network (its office archived it); no order goes to it. */
  member: { id: string; name: string; city: string; archivedAt: string | null } | null;
  consortium: ConsortiumView | null;
  revisions: (QuoteTerms & { revision: number })[];
}

export interface InquiryDetail {
  id: string;
  /** The caller owns it (or is admin): it changes, publishes, compares, awards and ends it. */
  viewerIsOwner: boolean;
  title: string;
  partDescription: string;
  processes: string[];
  material: string | null;
  quantities: InquiryQuantity[];
  tolerance: Tolerance | null;
  certifications: string[];
  documents: string[];
  ppapLevel: number | null;
  deliveryPostalCode: string | null;
  deliveryDate: string;
  quoteDeadline: string;
  customer: string | null;
  status: InquiryStatus;
  version: number;
  createdAt: string;
  attachments: { id: string; fileName: string; contentType: string; size: number; downloadPath: string }[];
  invitations: {
    network: NetworkCode;
    status: InvitationStatus;
    declineReason: string | null;
    score: number | null;
    distanceKm: number | null;
    memberRef: MemberId;
    member: { id: string; name: string; city: string; archivedAt: string | null } | null;
  }[];
  quotes: QuoteView[];
  awardedQuote: { id: string } | null;
  consortia: ConsortiumView[];
}

const quoteTermsFields = 'priceTiers { minQuantity unitPrice } currency leadTimeDays validUntil notes submittedAt';
const consortiumFields =
  'id complete leadRef: lead { id } lead { id name } partners { network status processes sharePercent memberRef: member { id } member { id name } }';
const quoteFields = `id network status revision version ${quoteTermsFields}
  memberRef: member { id } member { id name city archivedAt }
  consortium { ${consortiumFields} }
  revisions { revision ${quoteTermsFields} }`;
const inquiryFields = `id viewerIsOwner title partDescription processes material quantities { quantity batchSize } tolerance certifications documents ppapLevel
  deliveryPostalCode deliveryDate quoteDeadline customer status version createdAt
  attachments { id fileName contentType size downloadPath }
  invitations { network status declineReason score distanceKm memberRef: member { id } member { id name city archivedAt } }
  quotes { ${quoteFields} }
  awardedQuote { id }
  consortia { ${consortiumFields} }`;

export const inquiryDetail = operation<{ inquiry: InquiryDetail | null }, { id: string }>(
  'InquiryDetail',
  `query InquiryDetail($id: ID!) { inquiry(id: $id) { ${inquiryFields} } }`,
);

export interface QuoteComparisonRow {
  unitPrice: number;
  currency: string;
  leadTimeDays: number;
  distanceKm: number | null;
  score: number | null;
  certifications: string[];
  quote: QuoteView;
}

export const quoteComparison = operation<{ quoteComparison: QuoteComparisonRow[] | null }, { inquiryId: string }>(
  'QuoteComparison',
  `query QuoteComparison($inquiryId: ID!) {
    quoteComparison(inquiryId: $inquiryId) { unitPrice currency leadTimeDays distanceKm score certifications quote { ${quoteFields} } }
  }`,
);

export interface InquiryInput {
  title: string;
  partDescription: string;
  processes: string[];
  material?: string;
  quantities: { quantity: number; batchSize?: number }[];
  tolerance?: Tolerance;
  certifications?: string[];
  documents?: string[];
  ppapLevel?: number;
  deliveryLocation: { postalCode: string };
  deliveryDate: string;
  quoteDeadline: string;
}

export const createInquiry = operation<{ createInquiry: InquiryDetail }, { input: InquiryInput; idempotencyKey: string }>(
  'CreateInquiry',
  `mutation CreateInquiry($input: InquiryInput!, $idempotencyKey: String) {
    createInquiry(input: $input, idempotencyKey: $idempotencyKey) { ${inquiryFields} }
  }`,
);

export const publishInquiry = operation<{ publishInquiry: InquiryDetail }, { id: string; version: number; invite: number }>(
  'PublishInquiry',
  `mutation PublishInquiry($id: ID!, $version: Int!, $invite: Int) {
    publishInquiry(id: $id, version: $version, invite: $invite) { ${inquiryFields} }
  }`,
);

/** The fields of a draft to change (updateInquiry); those left out stay, null clears an optional one. */
export interface InquiryPatch {
  title?: string;
  partDescription?: string;
  processes?: string[];
  material?: string | null;
  quantities?: { quantity: number; batchSize?: number }[];
  tolerance?: Tolerance | null;
  certifications?: string[];
  documents?: string[];
  ppapLevel?: number | null;
  deliveryLocation?: { postalCode: string };
  deliveryDate?: string;
  quoteDeadline?: string;
}

export const updateInquiry = operation<{ updateInquiry: InquiryDetail }, { id: string; version: number; input: InquiryPatch }>(
  'UpdateInquiry',
  `mutation UpdateInquiry($id: ID!, $version: Int!, $input: InquiryPatch!) {
    updateInquiry(id: $id, version: $version, input: $input) { ${inquiryFields} }
  }`,
);

/** An open inquiry's quote deadline moved later, and its delivery date with it when given; its bidders are told. */
export const extendQuoteDeadline = operation<
  { extendQuoteDeadline: InquiryDetail },
  { id: string; version: number; quoteDeadline: string; deliveryDate?: string }
>(
  'ExtendQuoteDeadline',
  `mutation ExtendQuoteDeadline($id: ID!, $version: Int!, $quoteDeadline: String!, $deliveryDate: String) {
    extendQuoteDeadline(id: $id, version: $version, quoteDeadline: $quoteDeadline, deliveryDate: $deliveryDate) { ${inquiryFields} }
  }`,
);

export const cancelInquiry = operation<{ cancelInquiry: InquiryDetail }, { id: string; version: number }>(
  'CancelInquiry',
  `mutation CancelInquiry($id: ID!, $version: Int!) {
    cancelInquiry(id: $id, version: $version) { ${inquiryFields} }
  }`,
);

export const closeInquiryWithoutAward = operation<{ closeInquiryWithoutAward: InquiryDetail }, { id: string; version: number }>(
  'CloseInquiryWithoutAward',
  `mutation CloseInquiryWithoutAward($id: ID!, $version: Int!) {
    closeInquiryWithoutAward(id: $id, version: $version) { ${inquiryFields} }
  }`,
);

export const awardQuote = operation<{ awardQuote: InquiryDetail }, { inquiryId: string; quoteId: string; version: number; quoteVersion: number }>(
  'AwardQuote',
  `mutation AwardQuote($inquiryId: ID!, $quoteId: ID!, $version: Int!, $quoteVersion: Int) {
    awardQuote(inquiryId: $inquiryId, quoteId: $quoteId, version: $version, quoteVersion: $quoteVersion) { ${inquiryFields} }
  }`,
);

export interface QuoteInput {
  priceTiers: PriceTier[];
  currency: string;
  leadTimeDays: number;
  validUntil: string;
  notes: string | null;
  /** The consortium the lead quotes for; left out (or null) to quote alone. */
  consortiumId?: string | null;
}

export const submitQuote = operation<{ submitQuote: QuoteView }, { inquiryId: string; input: QuoteInput; version?: number; idempotencyKey: string }>(
  'SubmitQuote',
  `mutation SubmitQuote($inquiryId: ID!, $input: QuoteInput!, $version: Int, $idempotencyKey: String) {
    submitQuote(inquiryId: $inquiryId, input: $input, version: $version, idempotencyKey: $idempotencyKey) { ${quoteFields} }
  }`,
);

// The network office's pages' operations (pages/office-*.tsx) live beside them.
export * from './office-operations.ts';
import { officeOperations } from './office-operations.ts';
// The cooperation's pages' operations (news and events, working groups, the joint booth, relationships) too.
export * from './cooperation-operations.ts';
import { cooperationOperations } from './cooperation-operations.ts';
// A member's own pages' operations (availability, capacity) too.
export * from './member-operations.ts';
import { memberOperations } from './member-operations.ts';

/** A bidder's quote withdrawn before the deadline; submitting it again (with its new version) revives it. */
export const withdrawQuote = operation<{ withdrawQuote: QuoteView }, { quoteId: string; version: number }>(
  'WithdrawQuote',
  `mutation WithdrawQuote($quoteId: ID!, $version: Int!) { withdrawQuote(quoteId: $quoteId, version: $version) { ${quoteFields} } }`,
);

export const respondToConsortium = operation<
  { respondToConsortium: ConsortiumView },
  { consortiumId: string; accept: boolean; processes?: string[]; sharePercent?: number }
>(
  'RespondToConsortium',
  `mutation RespondToConsortium($consortiumId: ID!, $accept: Boolean!, $processes: [String!], $sharePercent: Float) {
    respondToConsortium(consortiumId: $consortiumId, accept: $accept, processes: $processes, sharePercent: $sharePercent) { ${consortiumFields} }
  }`,
);

export const declineInquiry = operation<{ declineInquiry: { status: InvitationStatus; declineReason: string | null } }, { inquiryId: string; reason: string }>(
  'DeclineInquiry',
  `mutation DeclineInquiry($inquiryId: ID!, $reason: String!) {
    declineInquiry(inquiryId: $inquiryId, reason: $reason) { status declineReason }
  }`,
);

export interface MemberCandidate {
  id: string;
  name: string;
  city: string;
  network: { code: NetworkCode };
}

/** Members of every network found by text (name, town, service), to pick from: a consortium's partners, a working group's invitee. */
export const memberCandidates = operation<{ members: { edges: { node: MemberCandidate }[] } }, { filter: MemberFilter; first: number }>(
  'MemberCandidates',
  `query MemberCandidates($filter: MemberFilter, $first: Int) {
    members(filter: $filter, first: $first) { edges { node { id name city network { code } } } }
  }`,
);

export const createConsortium = operation<{ createConsortium: ConsortiumView }, { inquiryId: string; partners: string[] }>(
  'CreateConsortium',
  `mutation CreateConsortium($inquiryId: ID!, $partners: [ID!]!) {
    createConsortium(inquiryId: $inquiryId, partners: $partners) { ${consortiumFields} }
  }`,
);

export const operations = [
  ...officeOperations,
  ...cooperationOperations,
  ...memberOperations,
  startPage,
  searchMembers,
  memberProfile,
  findSuppliers,
  memberForEdit,
  createMember,
  updateMember,
  myInquiries,
  inquiryDetail,
  quoteComparison,
  createInquiry,
  publishInquiry,
  updateInquiry,
  extendQuoteDeadline,
  cancelInquiry,
  closeInquiryWithoutAward,
  awardQuote,
  submitQuote,
  withdrawQuote,
  respondToConsortium,
  declineInquiry,
  memberCandidates,
  createConsortium,
];
