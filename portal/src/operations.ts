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
    processes: { code: string; name: string }[];
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
        node { id name city postalCode employees location { latitude longitude } network { code } processes { code name } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }`,
);

export interface Process {
  code: string;
  name: string;
  mainGroup: string;
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
  certifications: { standard: string; number: string | null; validUntil: string; valid: boolean }[];
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
      processes { code name mainGroup }
      materials
      certifications { standard number validUntil valid }
      services { id title description processes { code name mainGroup } }
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

export const updateMember = operation<{ updateMember: EditedMember }, { id: string; input: MemberFormFields; version: number }>(
  'UpdateMember',
  `mutation UpdateMember($id: ID!, $input: MemberPatch!, $version: Int) {
    updateMember(id: $id, input: $input, version: $version) { ${editedMemberFields} }
  }`,
);

export const operations = [startPage, searchMembers, memberProfile, findSuppliers, memberForEdit, createMember, updateMember];
