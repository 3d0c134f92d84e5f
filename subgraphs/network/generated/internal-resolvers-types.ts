import type { GraphQLResolveInfo } from 'graphql';
import type { AuditEntry as AuditEntryModel, Member as MemberModel, Certification as CertificationModel, Service as ServiceModel, ContactPerson as ContactPersonModel } from '../entities/index.ts';
import type { NewsView as NewsViewModel } from '../../../shared/news/items.ts';
import type { RegistrationView as RegistrationViewModel } from '../../../shared/news/registrations.ts';
import type { SearchHit as SearchHitModel } from '../../../shared/search.ts';
import type { MemberLocation as MemberLocationModel, NetworkContext } from '../resolvers.ts';
export type Maybe<T> = T | null | undefined;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type AuditEntry = {
  __typename?: 'AuditEntry';
  action: Scalars['String']['output'];
  actorNetwork?: Maybe<Scalars['String']['output']>;
  /** JSON of the record after the write; null for a deletion. */
  after?: Maybe<Scalars['String']['output']>;
  at: Scalars['String']['output'];
  /** JSON of the record before the write; null for a creation. */
  before?: Maybe<Scalars['String']['output']>;
  id: Scalars['Int']['output'];
  role: Scalars['String']['output'];
  subject?: Maybe<Scalars['String']['output']>;
  /** Local reference such as m-12 or c-5. */
  target: Scalars['String']['output'];
};

export type CancelledRegistration = {
  __typename?: 'CancelledRegistration';
  cancelled: RegistrationRecord;
  movedUp?: Maybe<RegistrationRecord>;
};

export type Certification = {
  __typename?: 'Certification';
  daysLeft: Scalars['Int']['output'];
  number?: Maybe<Scalars['String']['output']>;
  standard: Scalars['String']['output'];
  valid: Scalars['Boolean']['output'];
  validUntil: Scalars['String']['output'];
};

/** A certificate a member holds. */
export type CertificationInput = {
  /** The certificate's number as issued, up to 100 characters. */
  number?: InputMaybe<Scalars['String']['input']>;
  /** ISO 9001, IATF 16949, ISO 14001, ... */
  standard: Scalars['String']['input'];
  /** ISO date, YYYY-MM-DD. */
  validUntil: Scalars['String']['input'];
};

export type ContactPerson = {
  __typename?: 'ContactPerson';
  email?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  phone?: Maybe<Scalars['String']['output']>;
  role?: Maybe<Scalars['String']['output']>;
};

/** A contact person at a member company. */
export type ContactPersonInput = {
  /** E-mail address, for example name@firma.de, up to 254 characters. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Full name, 1..200 characters. */
  name: Scalars['String']['input'];
  /** Telephone number: digits, spaces and + ( ) / - only, 5..30 characters, for example +49 5651 12345. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Role in the company, for example Vertrieb (sales), up to 200 characters. */
  role?: InputMaybe<Scalars['String']['input']>;
};

export type ExpiringCertification = {
  __typename?: 'ExpiringCertification';
  memberId: Scalars['Int']['output'];
  number?: Maybe<Scalars['String']['output']>;
  standard: Scalars['String']['output'];
  validUntil: Scalars['String']['output'];
};

export type FacetCount = {
  __typename?: 'FacetCount';
  count: Scalars['Int']['output'];
  value: Scalars['String']['output'];
};

export type FeedKeyInput = {
  at: Scalars['Float']['input'];
  localId: Scalars['Int']['input'];
  source: Scalars['String']['input'];
};

export type GeoPoint = {
  __typename?: 'GeoPoint';
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
};

/** A point in WGS 84 degrees. */
export type GeoPointInput = {
  /** Degrees north, -90..90. */
  latitude: Scalars['Float']['input'];
  /** Degrees east, -180..180. */
  longitude: Scalars['Float']['input'];
};

export type GeoRadiusInput = {
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  radiusKm: Scalars['Float']['input'];
};

export type Hit = {
  __typename?: 'Hit';
  distanceKm?: Maybe<Scalars['Float']['output']>;
  localId: Scalars['Int']['output'];
  matched: Match;
  /**
   * The member's fields that region answers for the gateway in place of an entity fetch (1.8), as the network's subgraph
   * answers them (its contact persons by the same rule, for the caller whose identity region passes on); null for a
   * member gone since the search read it.
   */
  member?: Maybe<HitMember>;
  rank: Scalars['Int']['output'];
  score?: Maybe<Scalars['Float']['output']>;
  sortKey: Scalars['String']['output'];
};

/** A member's fields, as NetworkMember in the network's subgraph answers them to the caller whose identity region passes on. */
export type HitMember = {
  __typename?: 'HitMember';
  archivedAt?: Maybe<Scalars['String']['output']>;
  certifications: Array<Certification>;
  city: Scalars['String']['output'];
  contacts: Array<ContactPerson>;
  createdAt: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  employees?: Maybe<Scalars['Int']['output']>;
  location?: Maybe<GeoPoint>;
  materials: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  postalCode: Scalars['String']['output'];
  processes: Array<Process>;
  services: Array<Service>;
  street?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['String']['output'];
  version: Scalars['Int']['output'];
  website?: Maybe<Scalars['String']['output']>;
};

/** A column of the file. */
export type ImportColumn = {
  __typename?: 'ImportColumn';
  /** The member field it fills, null when it fills none. */
  field?: Maybe<Scalars['String']['output']>;
  /** The header as the file has it. */
  header: Scalars['String']['output'];
};

/** One error of one row. */
export type ImportError = {
  __typename?: 'ImportError';
  /** OUT_OF_RANGE's excluded lower bound: the value must be above it. */
  above?: Maybe<Scalars['Float']['output']>;
  /** BAD_USER_INPUT or CONFLICT. */
  code: Scalars['String']['output'];
  /** The file's header of the column, null for the row as a whole. */
  column?: Maybe<Scalars['String']['output']>;
  /** A CONFLICT EXISTS's earlier row of the file naming the same member. Since 1.5. */
  duplicateRow?: Maybe<Scalars['Int']['output']>;
  /** A CONFLICT EXISTS's member of the network the row names again, its local id. Since 1.5. */
  existingId?: Maybe<Scalars['Int']['output']>;
  /** The member field, for example certifications[1].validUntil. */
  field?: Maybe<Scalars['String']['output']>;
  /** True when the value must be a whole number (OUT_OF_RANGE, NUMBER); null otherwise. */
  integer?: Maybe<Scalars['Boolean']['output']>;
  /** The reason's upper bound (TOO_LONG, TOO_MANY, OUT_OF_RANGE, CELL_COUNT; DATE's last year), when it has one. */
  max?: Maybe<Scalars['Float']['output']>;
  /** What is wrong and how to fix it. */
  message: Scalars['String']['output'];
  /** The reason's lower bound (TOO_SHORT, TOO_FEW, OUT_OF_RANGE; DATE's first year), when it has one. */
  min?: Maybe<Scalars['Float']['output']>;
  /** ORDER's other field, the one this value contradicts. */
  other?: Maybe<Scalars['String']['output']>;
  /** Why the value was refused, one word of README's Errors list (shared/input-reasons.ts), as extensions.reason (a CONFLICT's: shared/conflict-reasons.ts). */
  reason?: Maybe<Scalars['String']['output']>;
  /** The row as a spreadsheet numbers it (header: 1). */
  row: Scalars['Int']['output'];
};

/** What importMembers found and did. */
export type ImportReport = {
  __typename?: 'ImportReport';
  /** Each column of the file and the member field it fills (null: not imported). */
  columns: Array<ImportColumn>;
  /** The file's delimiter. */
  delimiter: Scalars['String']['output'];
  /** True for a dry run. */
  dryRun: Scalars['Boolean']['output'];
  /** UTF-8; for bytes: UTF-16LE or UTF-16BE after its byte-order mark, macintosh, or windows-1252. */
  encoding: Scalars['String']['output'];
  /** Every row's errors; empty when the file could be written. */
  errors: Array<ImportError>;
  /** True when the members were written. */
  imported: Scalars['Boolean']['output'];
  /** The members created, in the file's order. */
  localIds: Array<Scalars['Int']['output']>;
  /** Member rows read. */
  rowCount: Scalars['Int']['output'];
  /** Rows skipped because the network has their member already (skipExisting). Since 1.5. */
  skipped: Scalars['Int']['output'];
};

export type Match = {
  __typename?: 'Match';
  certifications: Array<Scalars['String']['output']>;
  employees?: Maybe<Scalars['Boolean']['output']>;
  materials: Array<Scalars['String']['output']>;
  processes: Array<Scalars['String']['output']>;
  text: Array<Scalars['String']['output']>;
  withinRadius?: Maybe<Scalars['Boolean']['output']>;
};

/**
 * A new member company. Only name, postalCode and city are required; the
 * location is taken from the postal code when it is known.
 */
export type MemberInput = {
  /** Certificates held, at most 20. */
  certifications?: InputMaybe<Array<CertificationInput>>;
  /** Town or city, 1..100 characters. */
  city: Scalars['String']['input'];
  /** Contact persons, at most 50. */
  contacts?: InputMaybe<Array<ContactPersonInput>>;
  /** What the company does, up to 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Number of employees, a whole number from 1 to 1000000. */
  employees?: InputMaybe<Scalars['Int']['input']>;
  /** Overrides the location derived from the postal code. */
  location?: InputMaybe<GeoPointInput>;
  /** Materials, for example S235JR, 1.4301, AlMg3, PA6. */
  materials?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The company's name, 1..200 characters, with at least one letter or digit. */
  name: Scalars['String']['input'];
  /** German postal code, five digits. */
  postalCode: Scalars['String']['input'];
  /** DIN 8580 process codes, for example 3.2.3 (Fräsen). */
  processes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Services offered, at most 50. */
  services?: InputMaybe<Array<ServiceInput>>;
  /** Street and house number, up to 200 characters. */
  street?: InputMaybe<Scalars['String']['input']>;
  /** http(s) URL of the company's website. */
  website?: InputMaybe<Scalars['String']['input']>;
};

/**
 * Changes to a member: every field is optional, a given list replaces the
 * current one, and null clears an optional field.
 */
export type MemberPatch = {
  /** Replaces the certificates, at most 20. */
  certifications?: InputMaybe<Array<CertificationInput>>;
  /** New town or city, 1..100 characters. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the contact persons, at most 50. */
  contacts?: InputMaybe<Array<ContactPersonInput>>;
  /** New description, up to 5000 characters; null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New number of employees, 1..1000000; null clears it. */
  employees?: InputMaybe<Scalars['Int']['input']>;
  /** New coordinates, overriding those derived from the postal code; null returns to the postal code's. */
  location?: InputMaybe<GeoPointInput>;
  /** Replaces the materials, for example S235JR, 1.4301. */
  materials?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New name, 1..200 characters; null is refused (a member always has a name). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New German postal code, five digits; also moves the location unless location is given. */
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the DIN 8580 process codes, for example 3.2.3 (Fräsen). */
  processes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Replaces the services, at most 50. */
  services?: InputMaybe<Array<ServiceInput>>;
  /** New street and house number, up to 200 characters; null clears it. */
  street?: InputMaybe<Scalars['String']['input']>;
  /** New http(s) URL of the website; null clears it. */
  website?: InputMaybe<Scalars['String']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  archiveMember: Written;
  cancelEventRegistration: CancelledRegistration;
  /** A retry with the same idempotencyKey and input answers the first write's member; the same key with other input is CONFLICT. */
  createMember: Written;
  /** Removes a contact person. Allowed: the network's office, admin, the member itself. Answers the member it belonged to. */
  deleteContactPerson: Written;
  /** Reads a members CSV file, checks every row, and creates all its members in one transaction or none. Allowed: the network's office, admin. */
  importMembers: ImportReport;
  /** A retry with the same idempotencyKey and input answers the first write's item; the same key with other input is CONFLICT. */
  publishNews: NewsRecord;
  /** memberId: the member registering (a member's own by default). */
  registerForEvent: RegistrationRecord;
  /** version: the member's version read; a stale one is CONFLICT (extensions.currentVersion). Without it the last writer wins. */
  updateMember: Written;
  /** 1.7: corrects an item (shared/news/items.ts updateNews); the same input again changes nothing. */
  updateNews: NewsChange;
  /** 1.7: withdraws an item; an event ahead ends its registrations (cancelled). Again: the item as it is. */
  withdrawNews: NewsChange;
};


export type MutationArchiveMemberArgs = {
  localId: Scalars['Int']['input'];
};


export type MutationCancelEventRegistrationArgs = {
  localId: Scalars['Int']['input'];
};


export type MutationCreateMemberArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: MemberInput;
};


export type MutationDeleteContactPersonArgs = {
  localId: Scalars['Int']['input'];
};


export type MutationImportMembersArgs = {
  csv?: InputMaybe<Scalars['String']['input']>;
  dryRun: Scalars['Boolean']['input'];
  fileBase64?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  skipExisting?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationPublishNewsArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: NewsInput;
};


export type MutationRegisterForEventArgs = {
  localId: Scalars['Int']['input'];
  memberId?: InputMaybe<Scalars['String']['input']>;
  participant: ParticipantInput;
};


export type MutationUpdateMemberArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: MemberPatch;
  localId: Scalars['Int']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationUpdateNewsArgs = {
  input: NewsInput;
  localId: Scalars['Int']['input'];
};


export type MutationWithdrawNewsArgs = {
  localId: Scalars['Int']['input'];
};

/** What a correction or withdrawal changed, for region's notifications. */
export type NewsChange = {
  __typename?: 'NewsChange';
  cancelled: Array<RegistrationRecord>;
  item: NewsRecord;
  movedUp: Array<RegistrationRecord>;
  rescheduled: Array<RegistrationRecord>;
};

/** A new piece of news or event. */
export type NewsInput = {
  /** Events only: ISO 8601 date and time, not before startsAt. */
  endsAt?: InputMaybe<Scalars['String']['input']>;
  /** News or event. */
  kind: NewsKind;
  /** Events only: where, up to 200 characters. */
  place?: InputMaybe<Scalars['String']['input']>;
  /** Events only: registration closes here (at the latest when the event starts); not after startsAt. */
  registrationDeadline?: InputMaybe<Scalars['String']['input']>;
  /** Events only: places; past them registrations join the waiting list. Null: no limit. */
  registrationLimit?: InputMaybe<Scalars['Int']['input']>;
  /** Events only: ISO 8601 date and time, in the future. */
  startsAt?: InputMaybe<Scalars['String']['input']>;
  /** The body, plain text, 1..20000 characters. */
  text: Scalars['String']['input'];
  /** Headline, 1..200 characters. */
  title: Scalars['String']['input'];
  /** Who may read it. */
  visibility: NewsVisibility;
};

/** News or event. */
export type NewsKind =
  /** An event (Veranstaltung) with a start, a place and, maybe, registrations. */
  | 'EVENT'
  /** A piece of news (Meldung). */
  | 'NEWS';

export type NewsRecord = {
  __typename?: 'NewsRecord';
  endsAt?: Maybe<Scalars['String']['output']>;
  kind: NewsKind;
  localId: Scalars['Int']['output'];
  place?: Maybe<Scalars['String']['output']>;
  publishedAt: Scalars['String']['output'];
  registered: Scalars['Int']['output'];
  registrationDeadline?: Maybe<Scalars['String']['output']>;
  registrationLimit?: Maybe<Scalars['Int']['output']>;
  startsAt?: Maybe<Scalars['String']['output']>;
  text: Scalars['String']['output'];
  title: Scalars['String']['output'];
  updatedAt?: Maybe<Scalars['String']['output']>;
  visibility: NewsVisibility;
  waiting: Scalars['Int']['output'];
  withdrawnAt?: Maybe<Scalars['String']['output']>;
};

/** PUBLIC: everyone sees it. MEMBERS: members, offices and admin only. */
export type NewsVisibility =
  /** Members, offices and admin only. */
  | 'MEMBERS'
  /** Everyone, signed in or not. */
  | 'PUBLIC';

export type OrderKeyInput = {
  localId: Scalars['Int']['input'];
  network: Scalars['String']['input'];
  rank: Scalars['Int']['input'];
  sortKey: Scalars['String']['input'];
};

/** The person who will attend an event. */
export type ParticipantInput = {
  /** E-mail address, for the confirmation. */
  email: Scalars['String']['input'];
  /** Full name, 1..200 characters. */
  name: Scalars['String']['input'];
};

export type PartnerCandidate = {
  __typename?: 'PartnerCandidate';
  distanceKm?: Maybe<Scalars['Float']['output']>;
  /** The groups asked for that the member offers, in the order asked. */
  groups: Array<Scalars['String']['output']>;
  localId: Scalars['Int']['output'];
};

export type Process = {
  __typename?: 'Process';
  code: Scalars['String']['output'];
  mainGroup: Scalars['String']['output'];
  name: Scalars['String']['output'];
  path: Array<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** Which of these local ids are archived members: they have left the network and take part in nothing new (1.3). */
  archived: Array<Scalars['Int']['output']>;
  /** The network's audit log, newest first, after the entry with id `before` when given. Allowed: the network's office, admin. */
  auditLog: Array<AuditEntry>;
  /** An event's active registrations, registered first, then the waiting list in order. */
  eventRegistrations: Array<RegistrationRecord>;
  /** Which of these local ids exist (archived members included). */
  existing: Array<Scalars['Int']['output']>;
  /** Live members' certificates running out within withinDays or lapsed within expiredSinceDays, soonest first (certificates.ts). Allowed: the network's office, admin. */
  expiringCertifications: Array<ExpiringCertification>;
  /** This network's items after the cursor, newest first (shared/news/feed.ts); members-only ones for members, offices and admin. */
  feed: Array<NewsRecord>;
  /** The best suppliers for a part request, ranked by the shared scoring code; hard requirements filter. */
  matchSuppliers: SupplierPage;
  /** Items by local id; unknown and invisible ones are left out. */
  newsItems: Array<NewsRecord>;
  /** The caller's own registrations here, newest first: a member's, an office's members' (or one member's, memberId). */
  ownRegistrations: Array<RegistrationRecord>;
  /** Members offering any of these process groups, within the radius when near is given, more groups first, then the nearer (suggestions.ts). */
  partnerCandidates: Array<PartnerCandidate>;
  /**
   * Members matching the filter, in the region-wide order (rank, sortKey, network, localId), after the cursor.
   * Counts stop at countLimit hits (null: count all); past it totalCount and facets are lower bounds.
   * knownWords: words of the text that another network's members use (its SearchPage.heldWords, 1.4): one this network
   * does not hold is read as written, without close spellings, as the network that holds it reads it.
   */
  search: SearchPage;
};


export type QueryArchivedArgs = {
  localIds: Array<Scalars['Int']['input']>;
};


export type QueryAuditLogArgs = {
  before?: InputMaybe<Scalars['Int']['input']>;
  first: Scalars['Int']['input'];
};


export type QueryEventRegistrationsArgs = {
  localId: Scalars['Int']['input'];
};


export type QueryExistingArgs = {
  localIds: Array<Scalars['Int']['input']>;
};


export type QueryExpiringCertificationsArgs = {
  expiredSinceDays: Scalars['Int']['input'];
  first: Scalars['Int']['input'];
  withinDays: Scalars['Int']['input'];
};


export type QueryFeedArgs = {
  after?: InputMaybe<FeedKeyInput>;
  first: Scalars['Int']['input'];
  kind?: InputMaybe<NewsKind>;
  upcoming?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryMatchSuppliersArgs = {
  first: Scalars['Int']['input'];
  requirements: RequirementsInput;
};


export type QueryNewsItemsArgs = {
  localIds: Array<Scalars['Int']['input']>;
};


export type QueryOwnRegistrationsArgs = {
  ahead?: InputMaybe<Scalars['Boolean']['input']>;
  first: Scalars['Int']['input'];
  memberId?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPartnerCandidatesArgs = {
  exclude: Array<Scalars['Int']['input']>;
  first: Scalars['Int']['input'];
  groups: Array<Scalars['String']['input']>;
  near?: InputMaybe<GeoRadiusInput>;
};


export type QuerySearchArgs = {
  after?: InputMaybe<OrderKeyInput>;
  countLimit?: InputMaybe<Scalars['Int']['input']>;
  facets?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<SearchFilter>;
  first: Scalars['Int']['input'];
  knownWords?: InputMaybe<Array<Scalars['String']['input']>>;
  order: SearchOrder;
};

export type RegistrationRecord = {
  __typename?: 'RegistrationRecord';
  createdAt: Scalars['String']['output'];
  email: Scalars['String']['output'];
  eventLocalId: Scalars['Int']['output'];
  localId: Scalars['Int']['output'];
  memberId: Scalars['String']['output'];
  participant: Scalars['String']['output'];
  status: RegistrationStatus;
  waitingPosition?: Maybe<Scalars['Int']['output']>;
};

/** Where a registration for an event stands. */
export type RegistrationStatus =
  /** Cancelled; frees its place. */
  | 'CANCELLED'
  /** Holds a place. */
  | 'REGISTERED'
  /** On the waiting list; moves up when a place is freed. */
  | 'WAITING';

export type RequirementMatch = {
  __typename?: 'RequirementMatch';
  reason: Scalars['String']['output'];
  requirement: Scalars['String']['output'];
  status: Scalars['String']['output'];
};

export type RequirementsInput = {
  certifications?: InputMaybe<Array<Scalars['String']['input']>>;
  delivery?: InputMaybe<GeoPointInput>;
  material?: InputMaybe<Scalars['String']['input']>;
  maxDistanceKm?: InputMaybe<Scalars['Float']['input']>;
  processes?: InputMaybe<Array<Scalars['String']['input']>>;
  quantity?: InputMaybe<Scalars['String']['input']>;
  tolerance?: InputMaybe<Scalars['String']['input']>;
};

export type SearchFacets = {
  __typename?: 'SearchFacets';
  certifications: Array<FacetCount>;
  processMainGroups: Array<FacetCount>;
};

export type SearchFilter = {
  certifications?: InputMaybe<Array<Scalars['String']['input']>>;
  certifiedOn?: InputMaybe<Scalars['String']['input']>;
  employeesMax?: InputMaybe<Scalars['Int']['input']>;
  employeesMin?: InputMaybe<Scalars['Int']['input']>;
  materials?: InputMaybe<Array<Scalars['String']['input']>>;
  near?: InputMaybe<GeoRadiusInput>;
  processes?: InputMaybe<Array<Scalars['String']['input']>>;
  text?: InputMaybe<Scalars['String']['input']>;
};

export type SearchOrder =
  | 'DISTANCE'
  | 'NAME'
  | 'RELEVANCE';

export type SearchPage = {
  __typename?: 'SearchPage';
  /** False when the hits passed countLimit: totalCount and the facet counts are then lower bounds. */
  exactCounts: Scalars['Boolean']['output'];
  facets?: Maybe<SearchFacets>;
  /** The text's words of four or more characters that this network's members use, alone or inside a longer word (1.4). */
  heldWords: Array<Scalars['String']['output']>;
  hits: Array<Hit>;
  totalCount: Scalars['Int']['output'];
};

export type Service = {
  __typename?: 'Service';
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  processes: Array<Process>;
  title: Scalars['String']['output'];
};

/** A service a member offers. */
export type ServiceInput = {
  /** Details, up to 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** DIN 8580 process codes the service uses, for example 3.2.3. */
  processes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Short name of the service, 1..200 characters. */
  title: Scalars['String']['input'];
};

export type SupplierHit = {
  __typename?: 'SupplierHit';
  breakdown: Array<RequirementMatch>;
  distanceKm?: Maybe<Scalars['Float']['output']>;
  localId: Scalars['Int']['output'];
  /** The member's fields, as Hit.member (1.8). */
  member?: Maybe<HitMember>;
  rank: Scalars['Int']['output'];
  score: Scalars['Float']['output'];
  sortKey: Scalars['String']['output'];
};

export type SupplierPage = {
  __typename?: 'SupplierPage';
  hits: Array<SupplierHit>;
  totalCount: Scalars['Int']['output'];
};

export type Written = {
  __typename?: 'Written';
  localId: Scalars['Int']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditEntry: ResolverTypeWrapper<AuditEntryModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CancelledRegistration: ResolverTypeWrapper<Omit<CancelledRegistration, 'cancelled' | 'movedUp'> & { cancelled: ResolversTypes['RegistrationRecord'], movedUp?: Maybe<ResolversTypes['RegistrationRecord']> }>;
  Certification: ResolverTypeWrapper<CertificationModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CertificationInput: CertificationInput;
  ContactPerson: ResolverTypeWrapper<ContactPersonModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ContactPersonInput: ContactPersonInput;
  ExpiringCertification: ResolverTypeWrapper<ExpiringCertification>;
  FacetCount: ResolverTypeWrapper<FacetCount>;
  FeedKeyInput: FeedKeyInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GeoPoint: ResolverTypeWrapper<MemberLocationModel>;
  GeoPointInput: GeoPointInput;
  GeoRadiusInput: GeoRadiusInput;
  Hit: ResolverTypeWrapper<SearchHitModel>;
  HitMember: ResolverTypeWrapper<MemberModel>;
  ImportColumn: ResolverTypeWrapper<ImportColumn>;
  ImportError: ResolverTypeWrapper<ImportError>;
  ImportReport: ResolverTypeWrapper<ImportReport>;
  Match: ResolverTypeWrapper<Match>;
  MemberInput: MemberInput;
  MemberPatch: MemberPatch;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NewsChange: ResolverTypeWrapper<Omit<NewsChange, 'cancelled' | 'item' | 'movedUp' | 'rescheduled'> & { cancelled: Array<ResolversTypes['RegistrationRecord']>, item: ResolversTypes['NewsRecord'], movedUp: Array<ResolversTypes['RegistrationRecord']>, rescheduled: Array<ResolversTypes['RegistrationRecord']> }>;
  NewsInput: NewsInput;
  NewsKind: NewsKind;
  NewsRecord: ResolverTypeWrapper<NewsViewModel>;
  NewsVisibility: NewsVisibility;
  OrderKeyInput: OrderKeyInput;
  ParticipantInput: ParticipantInput;
  PartnerCandidate: ResolverTypeWrapper<PartnerCandidate>;
  Process: ResolverTypeWrapper<Process>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegistrationRecord: ResolverTypeWrapper<RegistrationViewModel>;
  RegistrationStatus: RegistrationStatus;
  RequirementMatch: ResolverTypeWrapper<RequirementMatch>;
  RequirementsInput: RequirementsInput;
  SearchFacets: ResolverTypeWrapper<SearchFacets>;
  SearchFilter: SearchFilter;
  SearchOrder: SearchOrder;
  SearchPage: ResolverTypeWrapper<Omit<SearchPage, 'hits'> & { hits: Array<ResolversTypes['Hit']> }>;
  Service: ResolverTypeWrapper<ServiceModel>;
  ServiceInput: ServiceInput;
  SupplierHit: ResolverTypeWrapper<Omit<SupplierHit, 'member'> & { member?: Maybe<ResolversTypes['HitMember']> }>;
  SupplierPage: ResolverTypeWrapper<Omit<SupplierPage, 'hits'> & { hits: Array<ResolversTypes['SupplierHit']> }>;
  Written: ResolverTypeWrapper<Written>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: AuditEntryModel;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  CancelledRegistration: Omit<CancelledRegistration, 'cancelled' | 'movedUp'> & { cancelled: ResolversParentTypes['RegistrationRecord'], movedUp?: Maybe<ResolversParentTypes['RegistrationRecord']> };
  Certification: CertificationModel;
  Boolean: Scalars['Boolean']['output'];
  CertificationInput: CertificationInput;
  ContactPerson: ContactPersonModel;
  ID: Scalars['ID']['output'];
  ContactPersonInput: ContactPersonInput;
  ExpiringCertification: ExpiringCertification;
  FacetCount: FacetCount;
  FeedKeyInput: FeedKeyInput;
  Float: Scalars['Float']['output'];
  GeoPoint: MemberLocationModel;
  GeoPointInput: GeoPointInput;
  GeoRadiusInput: GeoRadiusInput;
  Hit: SearchHitModel;
  HitMember: MemberModel;
  ImportColumn: ImportColumn;
  ImportError: ImportError;
  ImportReport: ImportReport;
  Match: Match;
  MemberInput: MemberInput;
  MemberPatch: MemberPatch;
  Mutation: Record<PropertyKey, never>;
  NewsChange: Omit<NewsChange, 'cancelled' | 'item' | 'movedUp' | 'rescheduled'> & { cancelled: Array<ResolversParentTypes['RegistrationRecord']>, item: ResolversParentTypes['NewsRecord'], movedUp: Array<ResolversParentTypes['RegistrationRecord']>, rescheduled: Array<ResolversParentTypes['RegistrationRecord']> };
  NewsInput: NewsInput;
  NewsRecord: NewsViewModel;
  OrderKeyInput: OrderKeyInput;
  ParticipantInput: ParticipantInput;
  PartnerCandidate: PartnerCandidate;
  Process: Process;
  Query: Record<PropertyKey, never>;
  RegistrationRecord: RegistrationViewModel;
  RequirementMatch: RequirementMatch;
  RequirementsInput: RequirementsInput;
  SearchFacets: SearchFacets;
  SearchFilter: SearchFilter;
  SearchPage: Omit<SearchPage, 'hits'> & { hits: Array<ResolversParentTypes['Hit']> };
  Service: ServiceModel;
  ServiceInput: ServiceInput;
  SupplierHit: Omit<SupplierHit, 'member'> & { member?: Maybe<ResolversParentTypes['HitMember']> };
  SupplierPage: Omit<SupplierPage, 'hits'> & { hits: Array<ResolversParentTypes['SupplierHit']> };
  Written: Written;
};

export type AuditEntryResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorNetwork?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CancelledRegistrationResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['CancelledRegistration'] = ResolversParentTypes['CancelledRegistration']> = {
  cancelled?: Resolver<ResolversTypes['RegistrationRecord'], ParentType, ContextType>;
  movedUp?: Resolver<Maybe<ResolversTypes['RegistrationRecord']>, ParentType, ContextType>;
};

export type CertificationResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['Certification'] = ResolversParentTypes['Certification']> = {
  daysLeft?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  standard?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ContactPersonResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['ContactPerson'] = ResolversParentTypes['ContactPerson']> = {
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ExpiringCertificationResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['ExpiringCertification'] = ResolversParentTypes['ExpiringCertification']> = {
  memberId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  standard?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FacetCountResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['FacetCount'] = ResolversParentTypes['FacetCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type GeoPointResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type HitResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['Hit'] = ResolversParentTypes['Hit']> = {
  distanceKm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  localId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  matched?: Resolver<ResolversTypes['Match'], ParentType, ContextType>;
  member?: Resolver<Maybe<ResolversTypes['HitMember']>, ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sortKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HitMemberResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['HitMember'] = ResolversParentTypes['HitMember']> = {
  archivedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  certifications?: Resolver<Array<ResolversTypes['Certification']>, ParentType, ContextType>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contacts?: Resolver<Array<ResolversTypes['ContactPerson']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  employees?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  materials?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  processes?: Resolver<Array<ResolversTypes['Process']>, ParentType, ContextType>;
  services?: Resolver<Array<ResolversTypes['Service']>, ParentType, ContextType>;
  street?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  website?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ImportColumnResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['ImportColumn'] = ResolversParentTypes['ImportColumn']> = {
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  header?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ImportErrorResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['ImportError'] = ResolversParentTypes['ImportError']> = {
  above?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  column?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  duplicateRow?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  existingId?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  integer?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  min?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  other?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  row?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ImportReportResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['ImportReport'] = ResolversParentTypes['ImportReport']> = {
  columns?: Resolver<Array<ResolversTypes['ImportColumn']>, ParentType, ContextType>;
  delimiter?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  encoding?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['ImportError']>, ParentType, ContextType>;
  imported?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  localIds?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  rowCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MatchResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['Match'] = ResolversParentTypes['Match']> = {
  certifications?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  employees?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  materials?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  processes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  withinRadius?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  archiveMember?: Resolver<ResolversTypes['Written'], ParentType, ContextType, RequireFields<MutationArchiveMemberArgs, 'localId'>>;
  cancelEventRegistration?: Resolver<ResolversTypes['CancelledRegistration'], ParentType, ContextType, RequireFields<MutationCancelEventRegistrationArgs, 'localId'>>;
  createMember?: Resolver<ResolversTypes['Written'], ParentType, ContextType, RequireFields<MutationCreateMemberArgs, 'input'>>;
  deleteContactPerson?: Resolver<ResolversTypes['Written'], ParentType, ContextType, RequireFields<MutationDeleteContactPersonArgs, 'localId'>>;
  importMembers?: Resolver<ResolversTypes['ImportReport'], ParentType, ContextType, RequireFields<MutationImportMembersArgs, 'dryRun' | 'skipExisting'>>;
  publishNews?: Resolver<ResolversTypes['NewsRecord'], ParentType, ContextType, RequireFields<MutationPublishNewsArgs, 'input'>>;
  registerForEvent?: Resolver<ResolversTypes['RegistrationRecord'], ParentType, ContextType, RequireFields<MutationRegisterForEventArgs, 'localId' | 'participant'>>;
  updateMember?: Resolver<ResolversTypes['Written'], ParentType, ContextType, RequireFields<MutationUpdateMemberArgs, 'input' | 'localId'>>;
  updateNews?: Resolver<ResolversTypes['NewsChange'], ParentType, ContextType, RequireFields<MutationUpdateNewsArgs, 'input' | 'localId'>>;
  withdrawNews?: Resolver<ResolversTypes['NewsChange'], ParentType, ContextType, RequireFields<MutationWithdrawNewsArgs, 'localId'>>;
};

export type NewsChangeResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['NewsChange'] = ResolversParentTypes['NewsChange']> = {
  cancelled?: Resolver<Array<ResolversTypes['RegistrationRecord']>, ParentType, ContextType>;
  item?: Resolver<ResolversTypes['NewsRecord'], ParentType, ContextType>;
  movedUp?: Resolver<Array<ResolversTypes['RegistrationRecord']>, ParentType, ContextType>;
  rescheduled?: Resolver<Array<ResolversTypes['RegistrationRecord']>, ParentType, ContextType>;
};

export type NewsRecordResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['NewsRecord'] = ResolversParentTypes['NewsRecord']> = {
  endsAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NewsKind'], ParentType, ContextType>;
  localId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  place?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  publishedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  registrationDeadline?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registrationLimit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  startsAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  visibility?: Resolver<ResolversTypes['NewsVisibility'], ParentType, ContextType>;
  waiting?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  withdrawnAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PartnerCandidateResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['PartnerCandidate'] = ResolversParentTypes['PartnerCandidate']> = {
  distanceKm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  localId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProcessResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['Process'] = ResolversParentTypes['Process']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mainGroup?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  archived?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType, RequireFields<QueryArchivedArgs, 'localIds'>>;
  auditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryAuditLogArgs, 'first'>>;
  eventRegistrations?: Resolver<Array<ResolversTypes['RegistrationRecord']>, ParentType, ContextType, RequireFields<QueryEventRegistrationsArgs, 'localId'>>;
  existing?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType, RequireFields<QueryExistingArgs, 'localIds'>>;
  expiringCertifications?: Resolver<Array<ResolversTypes['ExpiringCertification']>, ParentType, ContextType, RequireFields<QueryExpiringCertificationsArgs, 'expiredSinceDays' | 'first' | 'withinDays'>>;
  feed?: Resolver<Array<ResolversTypes['NewsRecord']>, ParentType, ContextType, RequireFields<QueryFeedArgs, 'first' | 'upcoming'>>;
  matchSuppliers?: Resolver<ResolversTypes['SupplierPage'], ParentType, ContextType, RequireFields<QueryMatchSuppliersArgs, 'first' | 'requirements'>>;
  newsItems?: Resolver<Array<ResolversTypes['NewsRecord']>, ParentType, ContextType, RequireFields<QueryNewsItemsArgs, 'localIds'>>;
  ownRegistrations?: Resolver<Array<ResolversTypes['RegistrationRecord']>, ParentType, ContextType, RequireFields<QueryOwnRegistrationsArgs, 'ahead' | 'first'>>;
  partnerCandidates?: Resolver<Array<ResolversTypes['PartnerCandidate']>, ParentType, ContextType, RequireFields<QueryPartnerCandidatesArgs, 'exclude' | 'first' | 'groups'>>;
  search?: Resolver<ResolversTypes['SearchPage'], ParentType, ContextType, RequireFields<QuerySearchArgs, 'facets' | 'first' | 'order'>>;
};

export type RegistrationRecordResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['RegistrationRecord'] = ResolversParentTypes['RegistrationRecord']> = {
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eventLocalId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  localId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  memberId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  participant?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RegistrationStatus'], ParentType, ContextType>;
  waitingPosition?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type RequirementMatchResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['RequirementMatch'] = ResolversParentTypes['RequirementMatch']> = {
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requirement?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SearchFacetsResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['SearchFacets'] = ResolversParentTypes['SearchFacets']> = {
  certifications?: Resolver<Array<ResolversTypes['FacetCount']>, ParentType, ContextType>;
  processMainGroups?: Resolver<Array<ResolversTypes['FacetCount']>, ParentType, ContextType>;
};

export type SearchPageResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['SearchPage'] = ResolversParentTypes['SearchPage']> = {
  exactCounts?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  facets?: Resolver<Maybe<ResolversTypes['SearchFacets']>, ParentType, ContextType>;
  heldWords?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  hits?: Resolver<Array<ResolversTypes['Hit']>, ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ServiceResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['Service'] = ResolversParentTypes['Service']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  processes?: Resolver<Array<ResolversTypes['Process']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SupplierHitResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['SupplierHit'] = ResolversParentTypes['SupplierHit']> = {
  breakdown?: Resolver<Array<ResolversTypes['RequirementMatch']>, ParentType, ContextType>;
  distanceKm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  localId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  member?: Resolver<Maybe<ResolversTypes['HitMember']>, ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  sortKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SupplierPageResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['SupplierPage'] = ResolversParentTypes['SupplierPage']> = {
  hits?: Resolver<Array<ResolversTypes['SupplierHit']>, ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WrittenResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['Written'] = ResolversParentTypes['Written']> = {
  localId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Resolvers<ContextType = NetworkContext> = {
  AuditEntry?: AuditEntryResolvers<ContextType>;
  CancelledRegistration?: CancelledRegistrationResolvers<ContextType>;
  Certification?: CertificationResolvers<ContextType>;
  ContactPerson?: ContactPersonResolvers<ContextType>;
  ExpiringCertification?: ExpiringCertificationResolvers<ContextType>;
  FacetCount?: FacetCountResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Hit?: HitResolvers<ContextType>;
  HitMember?: HitMemberResolvers<ContextType>;
  ImportColumn?: ImportColumnResolvers<ContextType>;
  ImportError?: ImportErrorResolvers<ContextType>;
  ImportReport?: ImportReportResolvers<ContextType>;
  Match?: MatchResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NewsChange?: NewsChangeResolvers<ContextType>;
  NewsRecord?: NewsRecordResolvers<ContextType>;
  PartnerCandidate?: PartnerCandidateResolvers<ContextType>;
  Process?: ProcessResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RegistrationRecord?: RegistrationRecordResolvers<ContextType>;
  RequirementMatch?: RequirementMatchResolvers<ContextType>;
  SearchFacets?: SearchFacetsResolvers<ContextType>;
  SearchPage?: SearchPageResolvers<ContextType>;
  Service?: ServiceResolvers<ContextType>;
  SupplierHit?: SupplierHitResolvers<ContextType>;
  SupplierPage?: SupplierPageResolvers<ContextType>;
  Written?: WrittenResolvers<ContextType>;
};

