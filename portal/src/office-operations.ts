import type { ListedAccount, MemberId, NetworkCode, NewsKind, Operation } from './operations.ts';

// The network office's operations (pages/office-*.tsx), typed like the rest of portal/src/operations.ts,
// which re-exports them: the persisted-operation manifest and `npm run schema:check` take them from there.

function operation<Data, Variables>(name: string, text: string): Operation<Data, Variables> {
  return { name, text: text.replace(/\s+/g, ' ').trim() };
}

export interface MemberImportError {
  row: number;
  column: string | null;
  field: string | null;
  message: string;
  code: string;
  /** Why, with its parameters, as a BAD_USER_INPUT's or CONFLICT's extensions give them (field-errors.ts translates them). */
  reason: string | null;
  min: number | null;
  max: number | null;
  above: number | null;
  integer: boolean | null;
  other: string | null;
  /** A duplicate's (CONFLICT EXISTS) earlier row of the file, or the network's member it names again. */
  duplicateRow: number | null;
  existingMember: { id: string; name: string } | null;
}

export interface MemberImportReport {
  imported: boolean;
  dryRun: boolean;
  rowCount: number;
  encoding: string;
  delimiter: string;
  columns: { header: string; field: string | null }[];
  errors: MemberImportError[];
  members: { id: string; name: string; postalCode: string; city: string }[];
  /** Rows left out because their member exists already (skipExisting). */
  skipped: number;
}

export const importMembersFile = operation<
  { importMembers: MemberImportReport },
  { network: NetworkCode; fileBase64: string; dryRun: boolean; idempotencyKey?: string; skipExisting: boolean }
>(
  'ImportMembersFile',
  `mutation ImportMembersFile($network: NetworkCode!, $fileBase64: String, $dryRun: Boolean, $idempotencyKey: String, $skipExisting: Boolean) {
    importMembers(network: $network, fileBase64: $fileBase64, dryRun: $dryRun, idempotencyKey: $idempotencyKey, skipExisting: $skipExisting) {
      imported dryRun rowCount encoding delimiter skipped
      columns { header field }
      errors { row column field message code reason min max above integer other duplicateRow existingMember { id name } }
      members { id name postalCode city }
    }
  }`,
);

export type CapacityKind = 'CAD' | 'MACHINE_HOURS';

export interface CapacityBalanceRow {
  week: string;
  kind: CapacityKind;
  system: string;
  network: NetworkCode | null;
  offeredHours: number;
  requestedHours: number;
  bookedHours: number;
  balanceHours: number;
}

export const officeCapacityBalance = operation<{ capacityBalance: CapacityBalanceRow[] | null }, { from: string; to: string; kind?: CapacityKind }>(
  'OfficeCapacityBalance',
  `query OfficeCapacityBalance($from: String!, $to: String!, $kind: CapacityKind) {
    capacityBalance(from: $from, to: $to, kind: $kind) { week kind system network offeredHours requestedHours bookedHours balanceHours }
  }`,
);

export interface AuditEntry {
  id: string;
  at: string;
  subject: string | null;
  role: string;
  actorNetwork: string | null;
  action: string;
  target: string;
  before: string | null;
  after: string | null;
  /** The writer by name, where region knows the subject's account or API key; null: show the subject as an id. */
  actor: { kind: 'ACCOUNT' | 'API_KEY'; name: string; email: string | null; partner: string | null; archived: boolean } | null;
}

export const officeAuditLog = operation<
  { auditLog: { entries: AuditEntry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null },
  { network: NetworkCode; first: number; after?: string }
>(
  'OfficeAuditLog',
  `query OfficeAuditLog($network: NetworkCode!, $first: Int, $after: String) {
    auditLog(network: $network, first: $first, after: $after) {
      entries { id at subject role actorNetwork action target before after actor { kind name email partner archived } }
      pageInfo { hasNextPage endCursor }
    }
  }`,
);

export interface OfficeInquiry {
  id: string;
  title: string;
  status: string;
  deliveryDate: string;
  quoteDeadline: string;
  invitations: { network: NetworkCode; status: string; memberRef: MemberId; member: { id: string; name: string } | null }[];
}

export const officeInquiries = operation<{ inquiries: OfficeInquiry[] | null }, { first: number }>(
  'OfficeInquiries',
  `query OfficeInquiries($first: Int) {
    inquiries(first: $first) { id title status deliveryDate quoteDeadline invitations { network status memberRef: member { id } member { id name } } }
  }`,
);

export interface OfficeMember {
  id: string;
  name: string;
  postalCode: string;
  city: string;
}

/** A network's live members by name, a page at a time (archived ones have left the list). */
export const officeMembers = operation<
  { members: { edges: { node: OfficeMember }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null },
  { network: NetworkCode; first: number; after?: string }
>(
  'OfficeMembers',
  `query OfficeMembers($network: NetworkCode!, $first: Int, $after: String) {
    members(filter: { networks: [$network] }, orderBy: NAME, first: $first, after: $after) {
      edges { node { id name postalCode city } }
      pageInfo { hasNextPage endCursor }
    }
  }`,
);

export const archiveMember = operation<{ archiveMember: { id: string; name: string; archivedAt: string | null } }, { id: string }>(
  'ArchiveMember',
  `mutation ArchiveMember($id: ID!) { archiveMember(id: $id) { id name archivedAt } }`,
);

// Getting back into an account (pages/accounts.tsx, account.tsx, sign-in.tsx): the system sends no e-mail, so a
// person who cannot sign in asks their network's office, which resets the password or restores the account.

/** An account's fields as AccountList (operations.ts) reads them, so a row changed here replaces its row there. */
const recoveredAccountFields = 'id email name kind network memberId customer createdAt archivedAt';

export interface PasswordReset {
  /** Shown once, for the office to pass on; region keeps only its hash. */
  oneTimePassword: string;
  expiresAt: string;
  account: ListedAccount;
}

export const resetAccountPassword = operation<{ resetAccountPassword: PasswordReset }, { id: string }>(
  'ResetAccountPassword',
  `mutation ResetAccountPassword($id: ID!) { resetAccountPassword(id: $id) { oneTimePassword expiresAt account { ${recoveredAccountFields} } } }`,
);

export const restoreAccount = operation<{ restoreAccount: ListedAccount }, { id: string; memberId?: string }>(
  'RestoreAccount',
  `mutation RestoreAccount($id: ID!, $memberId: ID) { restoreAccount(id: $id, memberId: $memberId) { ${recoveredAccountFields} } }`,
);

/** Whether the signed-in person's password is a one-time password to replace (after sign-in, and on "Mein Zugang"). */
export const myPasswordState = operation<{ myAccount: { mustChangePassword: boolean } | null }, Record<string, never>>(
  'MyPasswordState',
  'query MyPasswordState { myAccount { mustChangePassword } }',
);

export interface NetworkOfficeContact {
  code: NetworkCode;
  office: { name: string; email: string; phone: string };
}

/** The networks' offices, whom the sign-in page names for a forgotten password. */
export const networkOffices = operation<{ networks: NetworkOfficeContact[] }, Record<string, never>>(
  'NetworkOffices',
  'query NetworkOffices { networks { code office { name email phone } } }',
);

export interface ExpiringCertificate {
  member: { id: string; name: string };
  standard: string;
  number: string | null;
  validUntil: string;
  daysLeft: number;
}

export const officeExpiringCertificates = operation<
  { expiringCertificates: ExpiringCertificate[] | null },
  { network: NetworkCode; withinDays: number; expiredSinceDays: number }
>(
  'OfficeExpiringCertificates',
  `query OfficeExpiringCertificates($network: NetworkCode!, $withinDays: Int, $expiredSinceDays: Int) {
    expiringCertificates(network: $network, withinDays: $withinDays, expiredSinceDays: $expiredSinceDays, first: 500) {
      member { id name } standard number validUntil daysLeft
    }
  }`,
);

export interface NewsInput {
  kind: NewsKind;
  title: string;
  text: string;
  visibility: 'PUBLIC' | 'MEMBERS';
  startsAt?: string | null;
  endsAt?: string | null;
  place?: string | null;
  registrationLimit?: number | null;
  registrationDeadline?: string | null;
}

/** An office's news item or event for its network; admin's for any network or, with network null, region-wide. */
export const publishNews = operation<
  { publishNews: { id: string; title: string; kind: NewsKind } },
  { network: NetworkCode | null; input: NewsInput; idempotencyKey: string }
>(
  'PublishNews',
  `mutation PublishNews($network: NetworkCode, $input: NewsInput!, $idempotencyKey: String) {
    publishNews(network: $network, input: $input, idempotencyKey: $idempotencyKey) { id title kind }
  }`,
);

/** Its publisher corrects an item: every field as given; the kind and publication time stay. */
export const updateNews = operation<{ updateNews: { id: string; title: string; kind: NewsKind } }, { id: string; input: NewsInput }>(
  'UpdateNews',
  `mutation UpdateNews($id: ID!, $input: NewsInput!) { updateNews(id: $id, input: $input) { id title kind } }`,
);

export const officeOperations = [
  importMembersFile,
  officeCapacityBalance,
  officeAuditLog,
  officeInquiries,
  officeMembers,
  archiveMember,
  resetAccountPassword,
  restoreAccount,
  myPasswordState,
  networkOffices,
  officeExpiringCertificates,
  publishNews,
  updateNews,
];
