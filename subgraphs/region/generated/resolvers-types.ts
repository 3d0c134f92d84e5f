import type { GraphQLResolveInfo } from 'graphql';
import type { MemberRef as MemberRefModel } from '../ids.ts';
import type { NetworkInfo as NetworkInfoModel } from '../../../shared/networks.ts';
import type { MemberPage as MemberPageModel } from '../members/search.ts';
import type { BalanceRow as BalanceRowModel } from '../capacity/balance.ts';
import type { CapacityPost as CapacityPostModel, CapacityBooking as CapacityBookingModel } from '../capacity/entities.ts';
import type { ApiKey as ApiKeyModel } from '../partners/api-key.entity.ts';
import type { Inquiry as InquiryModel, Invitation as InvitationModel, InviteeProposal as InviteeProposalModel, Attachment as AttachmentModel, Quote as QuoteModel, QuoteRevision as QuoteRevisionModel, Consortium as ConsortiumModel, ConsortiumPartner as ConsortiumPartnerModel, Webhook as WebhookModel, WebhookDelivery as WebhookDeliveryModel } from '../inquiries/entities.ts';
import type { SourcedRecord as SourcedRecordModel } from '../news/feed.ts';
import type { SourcedRegistration as SourcedRegistrationModel } from '../news/records.ts';
import type { BusinessRelationship as BusinessRelationshipModel } from '../relationships/relationship.entity.ts';
import type { Suggestion as SuggestionModel } from '../relationships/suggestions.ts';
import type { QuarterRow as QuarterRowModel } from '../relationships/statistics.ts';
import type { RegionContext } from '../context.ts';
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

/** A partner's API key, exchanged at the gateway (POST /auth/token) for a 15-minute partner token. */
export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['String']['output'];
  /** For example k-5083124978213377: random, like region's other ids. */
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  partner: Scalars['String']['output'];
  /** The first characters of the key, to tell keys apart. */
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['String']['output']>;
  safelist: Scalars['Boolean']['output'];
};

export type Attachment = {
  __typename?: 'Attachment';
  contentType: Scalars['String']['output'];
  /** GET this path at the gateway with a bearer token. */
  downloadPath: Scalars['String']['output'];
  fileName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  sha256: Scalars['String']['output'];
  size: Scalars['Int']['output'];
};

/** One write: who (subject, role, network of the caller), what (action, target), when, and the record before and after. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** createMember, updateMember, archiveMember or deleteContactPerson in a network's log; createApiKey or revokeApiKey (and webhook writes) in region's. */
  action: Scalars['String']['output'];
  actorNetwork?: Maybe<Scalars['String']['output']>;
  /** JSON of the record after the write; null for a deletion. */
  after?: Maybe<Scalars['String']['output']>;
  /** ISO timestamp. */
  at: Scalars['String']['output'];
  /** JSON of the record before the write; null for a creation. */
  before?: Maybe<Scalars['String']['output']>;
  /** For example NIWE:a-7 (a network's log) or a-7 (region's log). */
  id: Scalars['ID']['output'];
  role: Scalars['String']['output'];
  subject?: Maybe<Scalars['String']['output']>;
  /** The record written, for example NIWE:m-12 or NIWE:c-5, or k-5083124978213377 for an API key. */
  target: Scalars['ID']['output'];
};

export type AuditLogPage = {
  __typename?: 'AuditLogPage';
  entries: Array<AuditEntry>;
  pageInfo: PageInfo;
};

export type AvailabilityStatus =
  | 'AT_CAPACITY'
  | 'LOOKING_FOR_WORK'
  | 'NORMAL';

export type BusinessRelationship = {
  __typename?: 'BusinessRelationship';
  confirmedAt?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['String']['output'];
  /** Whether the two members belong to different networks. */
  crossNetwork: Scalars['Boolean']['output'];
  endedAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: RelationshipKind;
  partner: Member;
  /** The member that recorded it: requester is <kind> partner. */
  requester: Member;
  status: RelationshipStatus;
};

export type CadSystem =
  | 'CATIA_V5'
  | 'CREO'
  | 'INVENTOR'
  | 'SIEMENS_NX'
  | 'SOLIDWORKS';

export type CapacityBalanceRow = {
  __typename?: 'CapacityBalanceRow';
  /** Offered minus requested: above 0 the region has spare capacity, below 0 it lacks some. */
  balanceHours: Scalars['Float']['output'];
  bookedHours: Scalars['Float']['output'];
  kind: CapacityKind;
  /** Null for the whole region. */
  network?: Maybe<NetworkCode>;
  offeredHours: Scalars['Float']['output'];
  requestedHours: Scalars['Float']['output'];
  /** CAD system or DIN 8580 process code. */
  system: Scalars['String']['output'];
  /** ISO week, e.g. 2026-W50. */
  week: Scalars['String']['output'];
};

export type CapacityBooking = {
  __typename?: 'CapacityBooking';
  createdAt: Scalars['String']['output'];
  from: Scalars['String']['output'];
  hours: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** The booking member. */
  member: Member;
  network: NetworkCode;
  offer: CapacityPost;
  reason?: Maybe<Scalars['String']['output']>;
  status: CapacityBookingStatus;
  to: Scalars['String']['output'];
};

export type CapacityBookingStatus =
  | 'CANCELLED'
  | 'CONFIRMED'
  | 'DECLINED'
  | 'REQUESTED';

export type CapacityKind =
  /** Design work in a CAD system. */
  | 'CAD'
  /** Machine hours for a DIN 8580 process. */
  | 'MACHINE_HOURS';

export type CapacityMatch = {
  __typename?: 'CapacityMatch';
  breakdown: Array<RequirementMatch>;
  distanceKm?: Maybe<Scalars['Float']['output']>;
  post: CapacityPost;
  score: Scalars['Float']['output'];
};

export type CapacityPost = {
  __typename?: 'CapacityPost';
  /** Hours held by requested and confirmed bookings (offers only). */
  bookedHours: Scalars['Int']['output'];
  cadSystem?: Maybe<CadSystem>;
  createdAt: Scalars['String']['output'];
  from: Scalars['String']['output'];
  hours: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: CapacityKind;
  location?: Maybe<GeoPoint>;
  machine?: Maybe<Scalars['String']['output']>;
  member: Member;
  network: NetworkCode;
  notes?: Maybe<Scalars['String']['output']>;
  postalCode: Scalars['String']['output'];
  pricePerHour?: Maybe<Scalars['Float']['output']>;
  process?: Maybe<Process>;
  /** Hours still free to book (offers only). */
  remainingHours: Scalars['Int']['output'];
  side: CapacitySide;
  status: CapacityPostStatus;
  to: Scalars['String']['output'];
  version: Scalars['Int']['output'];
  /** ISO weeks the window covers, e.g. 2026-W50. */
  weeks: Array<Scalars['String']['output']>;
  workEnvelope?: Maybe<Scalars['String']['output']>;
};

export type CapacityPostConnection = {
  __typename?: 'CapacityPostConnection';
  nodes: Array<CapacityPost>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CapacityPostFilter = {
  cadSystem?: InputMaybe<CadSystem>;
  /** Posts whose window overlaps [from, to]. */
  from?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<CapacityKind>;
  networks?: InputMaybe<Array<NetworkCode>>;
  process?: InputMaybe<Scalars['String']['input']>;
  side?: InputMaybe<CapacitySide>;
  to?: InputMaybe<Scalars['String']['input']>;
};

export type CapacityPostInput = {
  /** Required for CAD. */
  cadSystem?: InputMaybe<CadSystem>;
  /** ISO date (YYYY-MM-DD); the window may not lie entirely in the past. */
  from: Scalars['String']['input'];
  hours: Scalars['Int']['input'];
  kind: CapacityKind;
  machine?: InputMaybe<Scalars['String']['input']>;
  /** The posting member; a member posting for itself leaves it out. */
  memberId?: InputMaybe<Scalars['ID']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Where the work is done; German postal code. */
  postalCode: Scalars['String']['input'];
  pricePerHour?: InputMaybe<Scalars['Float']['input']>;
  /** DIN 8580 process code, required for MACHINE_HOURS. */
  process?: InputMaybe<Scalars['String']['input']>;
  side: CapacitySide;
  to: Scalars['String']['input'];
  workEnvelope?: InputMaybe<Scalars['String']['input']>;
};

export type CapacityPostPatch = {
  from?: InputMaybe<Scalars['String']['input']>;
  hours?: InputMaybe<Scalars['Int']['input']>;
  machine?: InputMaybe<Scalars['String']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  pricePerHour?: InputMaybe<Scalars['Float']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
  workEnvelope?: InputMaybe<Scalars['String']['input']>;
};

export type CapacityPostStatus =
  | 'OPEN'
  | 'WITHDRAWN';

export type CapacitySide =
  | 'OFFER'
  | 'REQUEST';

export type CertificationInput = {
  number?: InputMaybe<Scalars['String']['input']>;
  /** ISO 9001, IATF 16949, ISO 14001, ... */
  standard: Scalars['String']['input'];
  /** ISO date, YYYY-MM-DD. */
  validUntil: Scalars['String']['input'];
};

export type Consortium = {
  __typename?: 'Consortium';
  /** True when every partner accepted and the shares sum to 100. */
  complete: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  inquiryId: Scalars['ID']['output'];
  lead: Member;
  partners: Array<ConsortiumPartner>;
};

export type ConsortiumPartner = {
  __typename?: 'ConsortiumPartner';
  member: Member;
  network: NetworkCode;
  processes: Array<Scalars['String']['output']>;
  sharePercent?: Maybe<Scalars['Float']['output']>;
  status: ConsortiumPartnerStatus;
};

export type ConsortiumPartnerStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'INVITED';

export type ContactPersonInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Scalars['String']['input']>;
};

export type EventRegistration = {
  __typename?: 'EventRegistration';
  createdAt: Scalars['String']['output'];
  email: Scalars['String']['output'];
  eventId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  member: Member;
  participant: Scalars['String']['output'];
  status: RegistrationStatus;
  /** 1 for the first in line; null unless WAITING. */
  waitingPosition?: Maybe<Scalars['Int']['output']>;
};

export type EventRegistrationCancellation = {
  __typename?: 'EventRegistrationCancellation';
  cancelled: EventRegistration;
  /** The first of the waiting list, now registered in the freed place. */
  movedUp?: Maybe<EventRegistration>;
};

export type FacetCount = {
  __typename?: 'FacetCount';
  count: Scalars['Int']['output'];
  label: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type FeedFilter = {
  kind?: InputMaybe<NewsKind>;
  /** Only these networks' items (default: all). */
  networks?: InputMaybe<Array<NetworkCode>>;
  /** Include the region-wide items. */
  regionWide?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only events that have not started yet. */
  upcoming?: InputMaybe<Scalars['Boolean']['input']>;
};

export type GeoPoint = {
  __typename?: 'GeoPoint';
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
};

export type GeoPointInput = {
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
};

export type Inquiry = {
  __typename?: 'Inquiry';
  attachments: Array<Attachment>;
  awardedQuote?: Maybe<Quote>;
  certifications: Array<Scalars['String']['output']>;
  createdAt: Scalars['String']['output'];
  customer?: Maybe<Scalars['String']['output']>;
  deliveryDate: Scalars['String']['output'];
  deliveryLocation?: Maybe<GeoPoint>;
  deliveryPostalCode?: Maybe<Scalars['String']['output']>;
  documents: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The owner and admin see every invitation; an office those of its own network's members; an invited member its own. */
  invitations: Array<InquiryInvitation>;
  /** Members offices proposed (proposeInvitee), waiting for the owner's answer. Only the owner and admin see them; anyone else an empty list. */
  inviteeProposals: Array<InviteeProposal>;
  material?: Maybe<Scalars['String']['output']>;
  partDescription: Scalars['String']['output'];
  ppapLevel?: Maybe<Scalars['Int']['output']>;
  processes: Array<Scalars['String']['output']>;
  quantities: Array<InquiryQuantity>;
  quoteDeadline: Scalars['String']['output'];
  /** The owner and admin see every quote; an office those of its own network's members; a bidder its own (and its consortium's). */
  quotes: Array<Quote>;
  /** Derived: OPEN past the deadline reads QUOTING_CLOSED. */
  status: InquiryStatus;
  title: Scalars['String']['output'];
  tolerance?: Maybe<Tolerance>;
  version: Scalars['Int']['output'];
};

export type InquiryEventType =
  | 'AWARDED'
  /** The organising office confirmed a member's registration for the region's joint trade-fair booth (the exhibitor receives it). */
  | 'BOOTH_REGISTRATION_CONFIRMED'
  | 'CONSORTIUM_INVITED'
  | 'DEADLINE_NEAR'
  /** A participant on an event's waiting list moved up into a freed place. */
  | 'EVENT_MOVED_UP'
  /** A participant's registration for an event holds a place (news and events; the registering member receives it). */
  | 'EVENT_REGISTRATION_CONFIRMED'
  | 'INVITED'
  /** A meeting of a working group was scheduled (each member of the group receives it). */
  | 'MEETING_SCHEDULED'
  | 'NOT_CHOSEN'
  | 'QUOTE_RECEIVED'
  /** The partner confirmed a business relationship (the member that asked receives it). */
  | 'RELATIONSHIP_CONFIRMED'
  /** A member asked this member to confirm a business relationship (the partner receives it). */
  | 'RELATIONSHIP_REQUESTED'
  /** The lead of a working group invited this member to join it (the invited member receives it). */
  | 'WORKING_GROUP_INVITED';

export type InquiryInput = {
  /** e.g. IATF 16949. */
  certifications?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The customer an office or admin acts for. */
  customer?: InputMaybe<Scalars['String']['input']>;
  /** YYYY-MM-DD, after the quote deadline. */
  deliveryDate: Scalars['String']['input'];
  deliveryLocation: LocationInput;
  /** Documents expected with delivery, e.g. an initial sample inspection report. */
  documents?: InputMaybe<Array<Scalars['String']['input']>>;
  material?: InputMaybe<Scalars['String']['input']>;
  partDescription: Scalars['String']['input'];
  /** PPAP submission level 1 to 5. */
  ppapLevel?: InputMaybe<Scalars['Int']['input']>;
  /** DIN 8580 codes, e.g. 3.2.3. */
  processes: Array<Scalars['String']['input']>;
  quantities: Array<QuantityInput>;
  /** ISO date-time in the future, e.g. 2026-12-01T12:00:00Z. */
  quoteDeadline: Scalars['String']['input'];
  title: Scalars['String']['input'];
  tolerance?: InputMaybe<Tolerance>;
};

export type InquiryInvitation = {
  __typename?: 'InquiryInvitation';
  declineReason?: Maybe<Scalars['String']['output']>;
  distanceKm?: Maybe<Scalars['Float']['output']>;
  member: Member;
  network: NetworkCode;
  /** The supplier score from matching, 0..1; null for invitees added by an office. */
  score?: Maybe<Scalars['Float']['output']>;
  status: InvitationStatus;
};

export type InquiryPatch = {
  certifications?: InputMaybe<Array<Scalars['String']['input']>>;
  deliveryDate?: InputMaybe<Scalars['String']['input']>;
  documents?: InputMaybe<Array<Scalars['String']['input']>>;
  material?: InputMaybe<Scalars['String']['input']>;
  partDescription?: InputMaybe<Scalars['String']['input']>;
  ppapLevel?: InputMaybe<Scalars['Int']['input']>;
  processes?: InputMaybe<Array<Scalars['String']['input']>>;
  quantities?: InputMaybe<Array<QuantityInput>>;
  quoteDeadline?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  tolerance?: InputMaybe<Tolerance>;
};

export type InquiryQuantity = {
  __typename?: 'InquiryQuantity';
  batchSize?: Maybe<Scalars['Int']['output']>;
  quantity: Scalars['Int']['output'];
};

export type InquiryStatus =
  | 'AWARDED'
  | 'CANCELLED'
  | 'CLOSED_WITHOUT_AWARD'
  | 'DRAFT'
  | 'OPEN'
  /** OPEN past its quote deadline: no more quotes, award still possible. */
  | 'QUOTING_CLOSED';

export type IntRange = {
  max?: InputMaybe<Scalars['Int']['input']>;
  min?: InputMaybe<Scalars['Int']['input']>;
};

export type InvitationStatus =
  | 'DECLINED'
  | 'INVITED'
  | 'QUOTED'
  | 'VIEWED';

export type InviteeProposal = {
  __typename?: 'InviteeProposal';
  member: Member;
  network: NetworkCode;
  /** ISO timestamp. */
  proposedAt: Scalars['String']['output'];
};

export type KonatMember = Member & {
  __typename?: 'KonatMember';
  availability: AvailabilityStatus;
  id: Scalars['ID']['output'];
  location?: Maybe<GeoPoint>;
  /** Members of any network whose processes complement this member's (relationships/complements.ts), within radiusKm, ranked, each with its reasons; not those it already has a relationship with. For the member, its office and admin. */
  partnerSuggestions: Array<PartnerSuggestion>;
  processes: Array<Process>;
};


export type KonatMemberPartnerSuggestionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  radiusKm?: InputMaybe<Scalars['Int']['input']>;
};

export type LinatMember = Member & {
  __typename?: 'LinatMember';
  availability: AvailabilityStatus;
  id: Scalars['ID']['output'];
  location?: Maybe<GeoPoint>;
  /** Members of any network whose processes complement this member's (relationships/complements.ts), within radiusKm, ranked, each with its reasons; not those it already has a relationship with. For the member, its office and admin. */
  partnerSuggestions: Array<PartnerSuggestion>;
  processes: Array<Process>;
};


export type LinatMemberPartnerSuggestionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  radiusKm?: InputMaybe<Scalars['Int']['input']>;
};

/** A point: either latitude and longitude, or a German postal code. */
export type LocationInput = {
  latitude?: InputMaybe<Scalars['Float']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
};

export type MatchStatus =
  | 'MET'
  | 'NOT_MET'
  | 'PARTLY_MET';

/** A member company. Each network contributes its own implementation (NiweMember, ...). */
export type Member = {
  /** Looking for work, normal, or at capacity: set by the member or its office, visible to the region. */
  availability: AvailabilityStatus;
  id: Scalars['ID']['output'];
};

export type MemberConnection = {
  __typename?: 'MemberConnection';
  edges: Array<MemberEdge>;
  /**
   * True when totalCount and the facet counts are exact. A network stops counting
   * a broad search at its count limit (SEARCH_COUNT_LIMIT, default 1000 hits per
   * network); past it the counts say "at least" and the facets count the hits
   * read so far. Pages and their order are exact either way.
   */
  exactCounts: Scalars['Boolean']['output'];
  /** Counts for the current filter, over all pages. */
  facets: MemberFacets;
  pageInfo: PageInfo;
  /** Members matching the filter; a lower bound when exactCounts is false. */
  totalCount: Scalars['Int']['output'];
};

export type MemberEdge = {
  __typename?: 'MemberEdge';
  cursor: Scalars['String']['output'];
  /** Distance from filter.near in km, when given. */
  distanceKm?: Maybe<Scalars['Float']['output']>;
  /** Which parts of the filter this member met. */
  matched: MemberMatch;
  node: Member;
  /** Text relevance in 0..1, when filter.text is given. */
  score?: Maybe<Scalars['Float']['output']>;
};

export type MemberFacets = {
  __typename?: 'MemberFacets';
  certifications: Array<FacetCount>;
  networks: Array<FacetCount>;
  /** Per DIN 8580 main group (1 Urformen ... 6 Stoffeigenschaft ändern). */
  processMainGroups: Array<FacetCount>;
};

export type MemberFilter = {
  /** Standards such as IATF 16949; a member must hold all of them, valid on certifiedOn. */
  certifications?: InputMaybe<Array<Scalars['String']['input']>>;
  /** ISO date (YYYY-MM-DD) on which certificates must be valid; default today. */
  certifiedOn?: InputMaybe<Scalars['String']['input']>;
  employees?: InputMaybe<IntRange>;
  /** Materials by EN 10027 name or number (42CrMo4 or 1.7225), aluminium (EN AW-6082, AlMgSi1) or plastics (PA66). A member must work all of them. */
  materials?: InputMaybe<Array<Scalars['String']['input']>>;
  near?: InputMaybe<NearInput>;
  networks?: InputMaybe<Array<NetworkCode>>;
  /** DIN 8580 codes; a code also matches every process below it. A member must offer all of them. */
  processes?: InputMaybe<Array<Scalars['String']['input']>>;
  /**
   * Words to find in name, city, description, services and process names:
   * case-insensitive, ä/ae/a alike, word parts ("Fräs" finds "CNC-Fräserei"),
   * one typo in longer words. At most 200 characters; every word must match.
   */
  text?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A new member company. Only name, postalCode and city are required; the
 * location is taken from the postal code when it is known.
 */
export type MemberInput = {
  certifications?: InputMaybe<Array<CertificationInput>>;
  city: Scalars['String']['input'];
  contacts?: InputMaybe<Array<ContactPersonInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  employees?: InputMaybe<Scalars['Int']['input']>;
  /** Overrides the location derived from the postal code. */
  location?: InputMaybe<GeoPointInput>;
  /** Materials, for example S235JR, 1.4301, AlMg3, PA6. */
  materials?: InputMaybe<Array<Scalars['String']['input']>>;
  name: Scalars['String']['input'];
  /** German postal code, five digits. */
  postalCode: Scalars['String']['input'];
  /** DIN 8580 process codes, for example 3.2.3 (Fräsen). */
  processes?: InputMaybe<Array<Scalars['String']['input']>>;
  services?: InputMaybe<Array<ServiceInput>>;
  street?: InputMaybe<Scalars['String']['input']>;
  /** http(s) URL of the company's website. */
  website?: InputMaybe<Scalars['String']['input']>;
};

export type MemberMatch = {
  __typename?: 'MemberMatch';
  /** Required certificates the member holds, valid on the date asked. */
  certifications: Array<Scalars['String']['output']>;
  employees?: Maybe<Scalars['Boolean']['output']>;
  /** The member's materials that met filter.materials. */
  materials: Array<Scalars['String']['output']>;
  /** The member's process codes that met filter.processes. */
  processes: Array<Scalars['String']['output']>;
  /** Fields that contain the search text: name, city, description, services, processes. */
  text: Array<Scalars['String']['output']>;
  withinRadius?: Maybe<Scalars['Boolean']['output']>;
};

export type MemberOrder =
  | 'DISTANCE'
  | 'NAME'
  | 'RELEVANCE';

/**
 * Changes to a member: every field is optional, a given list replaces the
 * current one, and null clears an optional field.
 */
export type MemberPatch = {
  certifications?: InputMaybe<Array<CertificationInput>>;
  city?: InputMaybe<Scalars['String']['input']>;
  contacts?: InputMaybe<Array<ContactPersonInput>>;
  description?: InputMaybe<Scalars['String']['input']>;
  employees?: InputMaybe<Scalars['Int']['input']>;
  location?: InputMaybe<GeoPointInput>;
  materials?: InputMaybe<Array<Scalars['String']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  processes?: InputMaybe<Array<Scalars['String']['input']>>;
  services?: InputMaybe<Array<ServiceInput>>;
  street?: InputMaybe<Scalars['String']['input']>;
  website?: InputMaybe<Scalars['String']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** The owner (or admin) accepts a proposal: the member is invited to the OPEN inquiry. */
  acceptInviteeProposal: InquiryInvitation;
  /**
   * An office (for its members) or admin invites a member to an OPEN inquiry. An
   * office only to an inquiry it already sees (its own, or one its members are
   * invited to); any other is NOT_FOUND, as if it did not exist.
   */
  addInvitee: InquiryInvitation;
  /** Archives a member: it leaves every list but stays readable by id. Allowed: its network's office, admin. */
  archiveMember: Member;
  /** OPEN → AWARDED to one quote; the other bidders are told they were not chosen. */
  awardQuote: Inquiry;
  /** Books hours of an offer for a window inside the offer's window. Never more than the offer has left. */
  bookCapacity: CapacityBooking;
  /** Cancels a requested or confirmed booking; its hours return to the offer. */
  cancelCapacityBooking: CapacityBooking;
  /** Cancels a registration; when it held a place, the first on the waiting list moves up (movedUp). */
  cancelEventRegistration: EventRegistrationCancellation;
  /** OPEN → CANCELLED, or DRAFT → CANCELLED. */
  cancelInquiry: Inquiry;
  /** OPEN → CLOSED_WITHOUT_AWARD. */
  closeInquiryWithoutAward: Inquiry;
  confirmCapacityBooking: CapacityBooking;
  /** The partner confirms a requested relationship; FORBIDDEN for the requester itself or a third party. */
  confirmRelationship: BusinessRelationship;
  /** Creates an API key for a partner; the key is in this answer only. safelist: the partner may send only registered operations. Allowed: admin. */
  createApiKey: NewApiKey;
  /** An invited member (the lead) forms a consortium for one inquiry with members of any network. */
  createConsortium: Consortium;
  /**
   * Creates a DRAFT inquiry. A retry with the same idempotencyKey returns the
   * first result; the same key with another payload is refused (CONFLICT).
   */
  createInquiry: Inquiry;
  /**
   * Creates a member in a network. Allowed: that network's office, admin.
   * idempotencyKey (1..200 characters, kept 24 h per caller): a retry with the same key and input answers the
   * first result and creates nothing; the same key with other input is CONFLICT. A NETWORK_UNAVAILABLE error with
   * extensions.writeOutcome UNKNOWN means the write may have been applied: retry with the same key.
   */
  createMember: Member;
  declineCapacityBooking: CapacityBooking;
  /** An invited member declines, with a reason. A member acts for itself; an office or admin names the member. */
  declineInquiry: InquiryInvitation;
  /** Removes a contact person (ids look like NIWE:c-12). Allowed: its network's office, admin, the member itself. */
  deleteContactPerson: Member;
  deleteWebhook: Scalars['Boolean']['output'];
  /** Either side ends a relationship, requested or confirmed. */
  endRelationship: BusinessRelationship;
  /**
   * Posts an offer or request. A member posts for itself; an office or admin names the member.
   * idempotencyKey (1..200 characters, kept 24 h per caller): a retry with the same key and input answers the
   * first post and posts nothing; the same key with other input is CONFLICT. Likewise on every capacity write below but setAvailability
   * (setting a status twice is the same as once).
   */
  postCapacity: CapacityPost;
  /**
   * An office (for its members) or admin proposes a member for an inquiry it
   * does not see, e.g. one its customer named. The owner accepts or rejects the
   * proposal; once accepted the member is invited and its office sees the
   * inquiry. The answer is true whether the inquiry exists or not and whatever
   * its state: a proposal tells the office nothing about it. Only proposals for
   * an OPEN inquiry and a member not yet invited are kept.
   */
  proposeInvitee: Scalars['Boolean']['output'];
  /** DRAFT → OPEN: ranks suppliers across all networks and invites the best `invite` of them. */
  publishInquiry: Inquiry;
  /** network: where to publish; an office publishes for its own network. Without it the item is region-wide (admin only). */
  publishNews: NewsItem;
  /**
   * Registers a participant of a member (the caller's own member; offices and
   * admin name memberId). REGISTERED while places are left, WAITING after;
   * CONFLICT when the person is already registered or registration has closed.
   */
  registerForEvent: EventRegistration;
  /**
   * Registers a webhook: a member's own; an office's for its network (or, with memberId, for one of its members);
   * admin's for a member; a partner's own, which hears QUOTE_RECEIVED of the inquiries it owns.
   * The secret is returned once (and stored encrypted); each delivery carries
   * x-irm-signature: sha256=<hex HMAC-SHA256 of the body with the secret>.
   */
  registerWebhook: WebhookRegistration;
  /** The owner (or admin) rejects a proposal; it is deleted. */
  rejectInviteeProposal: Scalars['Boolean']['output'];
  /** An office (for its members) or admin withdraws an invitation that has no quote yet; an office only on an inquiry it sees. */
  removeInvitee: Scalars['Boolean']['output'];
  /**
   * Records "the caller's member is <kind> partner". REQUESTED until the partner
   * confirms. BAD_USER_INPUT for oneself, NOT_FOUND for an unknown member,
   * CONFLICT when an active relationship of that kind exists between the two.
   */
  requestRelationship: BusinessRelationship;
  /** A partner (or the lead) accepts with its share of the work, or declines. */
  respondToConsortium: Consortium;
  /** Revokes an API key: it no longer gives tokens; tokens already issued expire within 15 minutes. Allowed: admin. */
  revokeApiKey: ApiKey;
  /** Sets a member's availability status, visible to the whole region. */
  setAvailability: AvailabilityStatus;
  /**
   * Submits a quote, or a revision of the caller's quote (then version is the
   * quote's current version). Only invited members, before the quote deadline.
   * For a consortium the lead submits once all partners accepted and the shares sum to 100.
   */
  submitQuote: Quote;
  /** Changes a post; version must be the post's current version (optimistic locking). */
  updateCapacityPost: CapacityPost;
  /** Changes a DRAFT inquiry; version must be its current version. */
  updateInquiry: Inquiry;
  /**
   * Changes a member. Allowed: its network's office, admin, the member itself.
   * version: the member's version as read; a stale one is CONFLICT with extensions.currentVersion (without it the
   * last writer wins). idempotencyKey as for createMember.
   */
  updateMember: Member;
  withdrawCapacityPost: CapacityPost;
};


export type MutationAcceptInviteeProposalArgs = {
  inquiryId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};


export type MutationAddInviteeArgs = {
  inquiryId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};


export type MutationArchiveMemberArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAwardQuoteArgs = {
  inquiryId: Scalars['ID']['input'];
  quoteId: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationBookCapacityArgs = {
  from: Scalars['String']['input'];
  hours: Scalars['Int']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
  offerId: Scalars['ID']['input'];
  to: Scalars['String']['input'];
};


export type MutationCancelCapacityBookingArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCancelEventRegistrationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelInquiryArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationCloseInquiryWithoutAwardArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationConfirmCapacityBookingArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationConfirmRelationshipArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateApiKeyArgs = {
  name: Scalars['String']['input'];
  partner: Scalars['String']['input'];
  safelist?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationCreateConsortiumArgs = {
  inquiryId: Scalars['ID']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
  partners: Array<Scalars['ID']['input']>;
};


export type MutationCreateInquiryArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: InquiryInput;
};


export type MutationCreateMemberArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: MemberInput;
  network: NetworkCode;
};


export type MutationDeclineCapacityBookingArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDeclineInquiryArgs = {
  inquiryId: Scalars['ID']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
  reason: Scalars['String']['input'];
};


export type MutationDeleteContactPersonArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteWebhookArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEndRelationshipArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPostCapacityArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CapacityPostInput;
};


export type MutationProposeInviteeArgs = {
  inquiryId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};


export type MutationPublishInquiryArgs = {
  id: Scalars['ID']['input'];
  invite?: InputMaybe<Scalars['Int']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationPublishNewsArgs = {
  input: NewsInput;
  network?: InputMaybe<NetworkCode>;
};


export type MutationRegisterForEventArgs = {
  eventId: Scalars['ID']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
  participant: ParticipantInput;
};


export type MutationRegisterWebhookArgs = {
  events: Array<InquiryEventType>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
  url: Scalars['String']['input'];
};


export type MutationRejectInviteeProposalArgs = {
  inquiryId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};


export type MutationRemoveInviteeArgs = {
  inquiryId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};


export type MutationRequestRelationshipArgs = {
  kind: RelationshipKind;
  partnerId: Scalars['ID']['input'];
};


export type MutationRespondToConsortiumArgs = {
  accept: Scalars['Boolean']['input'];
  consortiumId: Scalars['ID']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
  processes?: InputMaybe<Array<Scalars['String']['input']>>;
  sharePercent?: InputMaybe<Scalars['Float']['input']>;
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetAvailabilityArgs = {
  memberId?: InputMaybe<Scalars['ID']['input']>;
  status: AvailabilityStatus;
};


export type MutationSubmitQuoteArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: QuoteInput;
  inquiryId: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationUpdateCapacityPostArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CapacityPostPatch;
  version: Scalars['Int']['input'];
};


export type MutationUpdateInquiryArgs = {
  id: Scalars['ID']['input'];
  input: InquiryPatch;
  version: Scalars['Int']['input'];
};


export type MutationUpdateMemberArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: MemberPatch;
  version?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationWithdrawCapacityPostArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};

/** A circle: either latitude and longitude, or a German postal code, and a radius of up to 500 km. */
export type NearInput = {
  latitude?: InputMaybe<Scalars['Float']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  radiusKm: Scalars['Float']['input'];
};

export type Network = {
  __typename?: 'Network';
  code: NetworkCode;
  /** Focus themes of the network's companies. */
  focus: Array<Scalars['String']['output']>;
  /** Live (not archived) members; null, with a NETWORK_UNAVAILABLE error at this path, while the network does not answer (the other networks still do). */
  memberCount?: Maybe<Scalars['Int']['output']>;
  /** The network's members by name; null, with a NETWORK_UNAVAILABLE error at this path, while the network does not answer. */
  members?: Maybe<MemberConnection>;
  name: Scalars['String']['output'];
  office: NetworkOffice;
};


export type NetworkMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type NetworkCode =
  | 'KONAT'
  | 'LINAT'
  | 'NIWE';

export type NetworkOffice = {
  __typename?: 'NetworkOffice';
  city: Scalars['String']['output'];
  email: Scalars['String']['output'];
  name: Scalars['String']['output'];
  phone: Scalars['String']['output'];
};

export type NewApiKey = {
  __typename?: 'NewApiKey';
  apiKey: ApiKey;
  /** The key itself; it is not stored and cannot be shown again. */
  key: Scalars['String']['output'];
};

export type NewsConnection = {
  __typename?: 'NewsConnection';
  edges: Array<NewsEdge>;
  pageInfo: PageInfo;
};

export type NewsEdge = {
  __typename?: 'NewsEdge';
  cursor: Scalars['String']['output'];
  node: NewsItem;
};

export type NewsInput = {
  endsAt?: InputMaybe<Scalars['String']['input']>;
  kind: NewsKind;
  place?: InputMaybe<Scalars['String']['input']>;
  /** Events only: registration closes here (at the latest when the event starts); not after startsAt. */
  registrationDeadline?: InputMaybe<Scalars['String']['input']>;
  /** Events only: places; past them registrations join the waiting list. Null: no limit. */
  registrationLimit?: InputMaybe<Scalars['Int']['input']>;
  /** Events only: ISO 8601 date and time, in the future. */
  startsAt?: InputMaybe<Scalars['String']['input']>;
  text: Scalars['String']['input'];
  title: Scalars['String']['input'];
  visibility: NewsVisibility;
};

export type NewsItem = {
  __typename?: 'NewsItem';
  /** The event as iCalendar (RFC 5545) at the gateway; null for news. */
  calendarPath?: Maybe<Scalars['String']['output']>;
  endsAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: NewsKind;
  /** The publishing network, null for region-wide items. */
  network?: Maybe<Network>;
  place?: Maybe<Scalars['String']['output']>;
  publishedAt: Scalars['String']['output'];
  registeredCount: Scalars['Int']['output'];
  registrationDeadline?: Maybe<Scalars['String']['output']>;
  registrationLimit?: Maybe<Scalars['Int']['output']>;
  startsAt?: Maybe<Scalars['String']['output']>;
  text: Scalars['String']['output'];
  title: Scalars['String']['output'];
  visibility: NewsVisibility;
  waitingCount: Scalars['Int']['output'];
};

export type NewsKind =
  | 'EVENT'
  | 'NEWS';

/** PUBLIC: everyone sees it. MEMBERS: members, offices and admin only. */
export type NewsVisibility =
  | 'MEMBERS'
  | 'PUBLIC';

export type NiweMember = Member & {
  __typename?: 'NiweMember';
  availability: AvailabilityStatus;
  id: Scalars['ID']['output'];
  location?: Maybe<GeoPoint>;
  /** Members of any network whose processes complement this member's (relationships/complements.ts), within radiusKm, ranked, each with its reasons; not those it already has a relationship with. For the member, its office and admin. */
  partnerSuggestions: Array<PartnerSuggestion>;
  processes: Array<Process>;
};


export type NiweMemberPartnerSuggestionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  radiusKm?: InputMaybe<Scalars['Int']['input']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type ParticipantInput = {
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

/** A member that complements another's processes (relationships/complements.ts). */
export type PartnerSuggestion = {
  __typename?: 'PartnerSuggestion';
  /** Null when the suggested-for member has no location. */
  distanceKm?: Maybe<Scalars['Float']['output']>;
  member: Member;
  /** One per complementary process group, for example: Spanen mit geometrisch bestimmten Schneiden (yours) → Wärmebehandeln (Härten, Anlassen, Glühen) (theirs). */
  reasons: Array<Scalars['String']['output']>;
};

export type PriceTier = {
  __typename?: 'PriceTier';
  minQuantity: Scalars['Int']['output'];
  unitPrice: Scalars['Float']['output'];
};

export type PriceTierInput = {
  /** From this many parts on. */
  minQuantity: Scalars['Int']['input'];
  unitPrice: Scalars['Float']['input'];
};

export type Process = {
  __typename?: 'Process';
  code: Scalars['String']['output'];
  mainGroup: Scalars['String']['output'];
  name: Scalars['String']['output'];
  path: Array<Scalars['String']['output']>;
};

export type Quantity =
  | 'PROTOTYPE'
  | 'SERIES'
  | 'SMALL_SERIES';

export type QuantityInput = {
  /** Parts per delivery. */
  batchSize?: InputMaybe<Scalars['Int']['input']>;
  /** Parts in total. */
  quantity: Scalars['Int']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** Partners' API keys (never the keys themselves). Allowed: admin. */
  apiKeys?: Maybe<Array<ApiKey>>;
  /** A network's audit log of writes, newest first. Allowed: that network's office, admin. first: 1..100. */
  auditLog?: Maybe<AuditLogPage>;
  /**
   * Hours offered, requested and booked per ISO calendar week and per kind and
   * CAD system or process, per network and for the whole region (network null).
   * Also as CSV: GET /export/capacity-balance.csv?from=...&to=...&kind=... at the gateway.
   */
  capacityBalance?: Maybe<Array<CapacityBalanceRow>>;
  /** Bookings the caller takes part in (as booker or offerer), or its network's bookings for an office; all for admin. */
  capacityBookings?: Maybe<Array<CapacityBooking>>;
  /** For a request: the offers that fit it; for an offer: the requests it could serve. Best first, with reasons. */
  capacityMatches?: Maybe<Array<CapacityMatch>>;
  capacityPost?: Maybe<CapacityPost>;
  /** Open offers and requests, newest first. Filter by side, kind and overlap with a window. */
  capacityPosts?: Maybe<CapacityPostConnection>;
  consortium?: Maybe<Consortium>;
  /**
   * Relationships confirmed between members of different networks, per quarter
   * of confirmation (UTC), oldest first: the measure of the region's business
   * between its members. For offices and admin.
   */
  crossNetworkRelationships: Array<RelationshipQuarter>;
  /** An event's active registrations, registered first, then the waiting list in order; for its publisher and admin. */
  eventRegistrations: Array<EventRegistration>;
  /**
   * News and events of every network and the region, newest first (published
   * time, then source, then id; cursors are exact across networks). A network
   * that is down leaves its items out and adds NETWORK_UNAVAILABLE naming it.
   * Members-only items for members, offices and admin. first: 1..100.
   */
  feed: NewsConnection;
  /**
   * The region's best suppliers for a concrete part request, ranked by how well
   * they meet it (score 0..1) with the reasons per requirement. Members missing a
   * hard requirement (a required certificate, the maximum distance) are left out.
   * first: 1..100.
   */
  findSuppliers: SupplierMatchConnection;
  /** Inquiries the caller may see: its own, those it is invited to (members), those its members are invited to (offices); all for admin. Newest first. */
  inquiries?: Maybe<Array<Inquiry>>;
  /** One inquiry, or null when it does not exist or the caller may not see it. An invited member's first read marks its invitation VIEWED. */
  inquiry?: Maybe<Inquiry>;
  /** One member by global id, archived members included. */
  member?: Maybe<Member>;
  /**
   * Members of all networks (or those in filter.networks) that meet every part
   * of the filter. Order: RELEVANCE by default when filter.text is given,
   * DISTANCE when filter.near is given, NAME otherwise; ties by name, then id.
   * first: 1..100.
   */
  members: MemberConnection;
  network?: Maybe<Network>;
  /** The region's networks. */
  networks: Array<Network>;
  /** One item or event by id (NIWE:n-12, REGION:n-3); null when unknown or not visible to the caller. */
  newsItem?: Maybe<NewsItem>;
  /** The owner's side-by-side view of the quotes on an inquiry, cheapest unit price first. */
  quoteComparison?: Maybe<Array<QuoteComparisonRow>>;
  /** Region's own audit log of writes (API keys, webhooks), newest first. Allowed: admin; an office reads the entries about its network. first: 1..100. */
  regionAuditLog?: Maybe<AuditLogPage>;
  /**
   * A member's relationships. The member itself (and admin) sees every one it
   * is part of, requested ones too; anyone else signed in sees only confirmed
   * ones. memberId defaults to the caller's own member.
   */
  relationships: Array<BusinessRelationship>;
  /** The caller's webhooks (a member's own, an office's, a partner's own; all for admin), with their recent deliveries. */
  webhooks?: Maybe<Array<Webhook>>;
};


export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  network: NetworkCode;
};


export type QueryCapacityBalanceArgs = {
  from: Scalars['String']['input'];
  kind?: InputMaybe<CapacityKind>;
  to: Scalars['String']['input'];
};


export type QueryCapacityBookingsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCapacityMatchesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  postId: Scalars['ID']['input'];
};


export type QueryCapacityPostArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCapacityPostsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CapacityPostFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryConsortiumArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEventRegistrationsArgs = {
  eventId: Scalars['ID']['input'];
};


export type QueryFeedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FeedFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryFindSuppliersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  requirements: SupplierRequirements;
};


export type QueryInquiriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<InquiryStatus>;
};


export type QueryInquiryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMemberArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MemberFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<MemberOrder>;
};


export type QueryNetworkArgs = {
  code: NetworkCode;
};


export type QueryNewsItemArgs = {
  id: Scalars['ID']['input'];
};


export type QueryQuoteComparisonArgs = {
  inquiryId: Scalars['ID']['input'];
};


export type QueryRegionAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRelationshipsArgs = {
  includeEnded?: InputMaybe<Scalars['Boolean']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
};

export type Quote = {
  __typename?: 'Quote';
  consortium?: Maybe<Consortium>;
  currency: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  inquiryId: Scalars['ID']['output'];
  leadTimeDays: Scalars['Int']['output'];
  /** The quoting member (the lead for a consortium). */
  member: Member;
  network: NetworkCode;
  notes?: Maybe<Scalars['String']['output']>;
  priceTiers: Array<PriceTier>;
  /** 1 for the first submission, +1 per revision. */
  revision: Scalars['Int']['output'];
  /** Every submission, oldest first. */
  revisions: Array<QuoteRevision>;
  status: QuoteStatus;
  submittedAt: Scalars['String']['output'];
  validUntil: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

export type QuoteComparisonRow = {
  __typename?: 'QuoteComparisonRow';
  /** Required certifications the bidder was matched on (matching filters on them); empty for invitees added by an office. */
  certifications: Array<Scalars['String']['output']>;
  currency: Scalars['String']['output'];
  distanceKm?: Maybe<Scalars['Float']['output']>;
  leadTimeDays: Scalars['Int']['output'];
  quote: Quote;
  /** The supplier score from matching; null for invitees added by an office. */
  score?: Maybe<Scalars['Float']['output']>;
  /** Unit price of the tier that applies to the inquiry's largest quantity. */
  unitPrice: Scalars['Float']['output'];
};

export type QuoteInput = {
  /** Quote for this consortium; the caller must be its lead. */
  consortiumId?: InputMaybe<Scalars['ID']['input']>;
  /** ISO 4217, EUR by default. */
  currency?: InputMaybe<Scalars['String']['input']>;
  leadTimeDays: Scalars['Int']['input'];
  /** The quoting member; a member quoting for itself leaves it out. */
  memberId?: InputMaybe<Scalars['ID']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  priceTiers: Array<PriceTierInput>;
  /** YYYY-MM-DD. */
  validUntil: Scalars['String']['input'];
};

export type QuoteRevision = {
  __typename?: 'QuoteRevision';
  currency: Scalars['String']['output'];
  leadTimeDays: Scalars['Int']['output'];
  notes?: Maybe<Scalars['String']['output']>;
  priceTiers: Array<PriceTier>;
  revision: Scalars['Int']['output'];
  submittedAt: Scalars['String']['output'];
  validUntil: Scalars['String']['output'];
};

export type QuoteStatus =
  | 'AWARDED'
  | 'NOT_CHOSEN'
  | 'SUBMITTED';

export type RegistrationStatus =
  | 'CANCELLED'
  | 'REGISTERED'
  | 'WAITING';

export type RelationshipKind =
  | 'CUSTOMER_OF'
  | 'DEVELOPMENT_PARTNER'
  | 'JOINT_PROJECT'
  | 'SUPPLIER_OF';

export type RelationshipQuarter = {
  __typename?: 'RelationshipQuarter';
  /** Those not ended since, with their members: both sides agreed to them. */
  active: Array<BusinessRelationship>;
  /** Confirmed across networks in the quarter, those ended since included. */
  confirmed: Scalars['Int']['output'];
  /** For example 2026-Q4. */
  quarter: Scalars['String']['output'];
};

export type RelationshipStatus =
  | 'CONFIRMED'
  | 'ENDED'
  | 'REQUESTED';

export type RequirementMatch = {
  __typename?: 'RequirementMatch';
  reason: Scalars['String']['output'];
  /** processes, material, quantity, tolerance, distance or certification <standard>. */
  requirement: Scalars['String']['output'];
  status: MatchStatus;
};

export type ServiceInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  processes?: InputMaybe<Array<Scalars['String']['input']>>;
  title: Scalars['String']['input'];
};

export type SupplierMatchConnection = {
  __typename?: 'SupplierMatchConnection';
  edges: Array<SupplierMatchEdge>;
  /** Suppliers that meet every hard requirement. */
  totalCount: Scalars['Int']['output'];
};

export type SupplierMatchEdge = {
  __typename?: 'SupplierMatchEdge';
  breakdown: Array<RequirementMatch>;
  distanceKm?: Maybe<Scalars['Float']['output']>;
  node: Member;
  /** 0..1: the weighted share of requirements met. */
  score: Scalars['Float']['output'];
};

export type SupplierRequirements = {
  /** Hard requirement: certificates valid today, for example IATF 16949. */
  certifications?: InputMaybe<Array<Scalars['String']['input']>>;
  deliveryLocation?: InputMaybe<LocationInput>;
  /** The part's material, for example 42CrMo4, 1.4301, EN AW-6082 or PA66. */
  material?: InputMaybe<Scalars['String']['input']>;
  /** Hard requirement: at most this far from deliveryLocation (1..500 km). */
  maxDistanceKm?: InputMaybe<Scalars['Float']['input']>;
  networks?: InputMaybe<Array<NetworkCode>>;
  /** DIN 8580 codes the part needs; a code also matches the processes below it. Suppliers offer at least one. */
  processes?: InputMaybe<Array<Scalars['String']['input']>>;
  quantity?: InputMaybe<Quantity>;
  tolerance?: InputMaybe<Tolerance>;
};

/** ISO 2768 c (COARSE), m (MEDIUM), f (FINE), or IT6 and finer (PRECISION). */
export type Tolerance =
  | 'COARSE'
  | 'FINE'
  | 'MEDIUM'
  | 'PRECISION';

export type Webhook = {
  __typename?: 'Webhook';
  createdAt: Scalars['String']['output'];
  deliveries: Array<WebhookDelivery>;
  events: Array<InquiryEventType>;
  id: Scalars['ID']['output'];
  url: Scalars['String']['output'];
};


export type WebhookDeliveriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  attempts: Scalars['Int']['output'];
  deliveredAt?: Maybe<Scalars['String']['output']>;
  eventId: Scalars['ID']['output'];
  eventType: InquiryEventType;
  lastError?: Maybe<Scalars['String']['output']>;
  lastStatus?: Maybe<Scalars['Int']['output']>;
  nextAttemptAt?: Maybe<Scalars['String']['output']>;
};

export type WebhookRegistration = {
  __typename?: 'WebhookRegistration';
  /** HMAC key of the signatures; shown only now. */
  secret: Scalars['String']['output'];
  webhook: Webhook;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

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

/** Mapping of federation types */
export type FederationTypes = {
  KonatMember: KonatMember;
  LinatMember: LinatMember;
  Member: Member;
  Network: Network;
  NiweMember: NiweMember;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  KonatMember:
    ( { __typename: 'KonatMember' }
    & GraphQLRecursivePick<FederationTypes['KonatMember'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['KonatMember'], {"processes":{"code":true},"location":{"latitude":true,"longitude":true}}> ) );
  LinatMember:
    ( { __typename: 'LinatMember' }
    & GraphQLRecursivePick<FederationTypes['LinatMember'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['LinatMember'], {"processes":{"code":true},"location":{"latitude":true,"longitude":true}}> ) );
  Member:
    ( { __typename: 'Member' }
    & GraphQLRecursivePick<FederationTypes['Member'], {"id":true}> );
  Network:
    ( { __typename: 'Network' }
    & GraphQLRecursivePick<FederationTypes['Network'], {"code":true}> );
  NiweMember:
    ( { __typename: 'NiweMember' }
    & GraphQLRecursivePick<FederationTypes['NiweMember'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['NiweMember'], {"processes":{"code":true},"location":{"latitude":true,"longitude":true}}> ) );
};


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Member:
    | ( MemberRefModel )
    | ( MemberRefModel )
    | ( MemberRefModel )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ApiKey: ResolverTypeWrapper<ApiKeyModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Attachment: ResolverTypeWrapper<AttachmentModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditLogPage: ResolverTypeWrapper<AuditLogPage>;
  AvailabilityStatus: AvailabilityStatus;
  BusinessRelationship: ResolverTypeWrapper<BusinessRelationshipModel>;
  CadSystem: CadSystem;
  CapacityBalanceRow: ResolverTypeWrapper<BalanceRowModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CapacityBooking: ResolverTypeWrapper<CapacityBookingModel>;
  CapacityBookingStatus: CapacityBookingStatus;
  CapacityKind: CapacityKind;
  CapacityMatch: ResolverTypeWrapper<Omit<CapacityMatch, 'post'> & { post: ResolversTypes['CapacityPost'] }>;
  CapacityPost: ResolverTypeWrapper<CapacityPostModel>;
  CapacityPostConnection: ResolverTypeWrapper<Omit<CapacityPostConnection, 'nodes'> & { nodes: Array<ResolversTypes['CapacityPost']> }>;
  CapacityPostFilter: CapacityPostFilter;
  CapacityPostInput: CapacityPostInput;
  CapacityPostPatch: CapacityPostPatch;
  CapacityPostStatus: CapacityPostStatus;
  CapacitySide: CapacitySide;
  CertificationInput: CertificationInput;
  Consortium: ResolverTypeWrapper<ConsortiumModel>;
  ConsortiumPartner: ResolverTypeWrapper<ConsortiumPartnerModel>;
  ConsortiumPartnerStatus: ConsortiumPartnerStatus;
  ContactPersonInput: ContactPersonInput;
  EventRegistration: ResolverTypeWrapper<SourcedRegistrationModel>;
  EventRegistrationCancellation: ResolverTypeWrapper<Omit<EventRegistrationCancellation, 'cancelled' | 'movedUp'> & { cancelled: ResolversTypes['EventRegistration'], movedUp?: Maybe<ResolversTypes['EventRegistration']> }>;
  FacetCount: ResolverTypeWrapper<FacetCount>;
  FeedFilter: FeedFilter;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  GeoPointInput: GeoPointInput;
  Inquiry: ResolverTypeWrapper<InquiryModel>;
  InquiryEventType: InquiryEventType;
  InquiryInput: InquiryInput;
  InquiryInvitation: ResolverTypeWrapper<InvitationModel>;
  InquiryPatch: InquiryPatch;
  InquiryQuantity: ResolverTypeWrapper<InquiryQuantity>;
  InquiryStatus: InquiryStatus;
  IntRange: IntRange;
  InvitationStatus: InvitationStatus;
  InviteeProposal: ResolverTypeWrapper<InviteeProposalModel>;
  KonatMember: ResolverTypeWrapper<MemberRefModel>;
  LinatMember: ResolverTypeWrapper<MemberRefModel>;
  LocationInput: LocationInput;
  MatchStatus: MatchStatus;
  Member: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Member']>;
  MemberConnection: ResolverTypeWrapper<MemberPageModel>;
  MemberEdge: ResolverTypeWrapper<Omit<MemberEdge, 'node'> & { node: ResolversTypes['Member'] }>;
  MemberFacets: ResolverTypeWrapper<MemberFacets>;
  MemberFilter: MemberFilter;
  MemberInput: MemberInput;
  MemberMatch: ResolverTypeWrapper<MemberMatch>;
  MemberOrder: MemberOrder;
  MemberPatch: MemberPatch;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NearInput: NearInput;
  Network: ResolverTypeWrapper<NetworkInfoModel>;
  NetworkCode: NetworkCode;
  NetworkOffice: ResolverTypeWrapper<NetworkOffice>;
  NewApiKey: ResolverTypeWrapper<Omit<NewApiKey, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  NewsConnection: ResolverTypeWrapper<Omit<NewsConnection, 'edges'> & { edges: Array<ResolversTypes['NewsEdge']> }>;
  NewsEdge: ResolverTypeWrapper<Omit<NewsEdge, 'node'> & { node: ResolversTypes['NewsItem'] }>;
  NewsInput: NewsInput;
  NewsItem: ResolverTypeWrapper<SourcedRecordModel>;
  NewsKind: NewsKind;
  NewsVisibility: NewsVisibility;
  NiweMember: ResolverTypeWrapper<MemberRefModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ParticipantInput: ParticipantInput;
  PartnerSuggestion: ResolverTypeWrapper<SuggestionModel>;
  PriceTier: ResolverTypeWrapper<PriceTier>;
  PriceTierInput: PriceTierInput;
  Process: ResolverTypeWrapper<Process>;
  Quantity: Quantity;
  QuantityInput: QuantityInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Quote: ResolverTypeWrapper<QuoteModel>;
  QuoteComparisonRow: ResolverTypeWrapper<Omit<QuoteComparisonRow, 'quote'> & { quote: ResolversTypes['Quote'] }>;
  QuoteInput: QuoteInput;
  QuoteRevision: ResolverTypeWrapper<QuoteRevisionModel>;
  QuoteStatus: QuoteStatus;
  RegistrationStatus: RegistrationStatus;
  RelationshipKind: RelationshipKind;
  RelationshipQuarter: ResolverTypeWrapper<QuarterRowModel>;
  RelationshipStatus: RelationshipStatus;
  RequirementMatch: ResolverTypeWrapper<RequirementMatch>;
  ServiceInput: ServiceInput;
  SupplierMatchConnection: ResolverTypeWrapper<Omit<SupplierMatchConnection, 'edges'> & { edges: Array<ResolversTypes['SupplierMatchEdge']> }>;
  SupplierMatchEdge: ResolverTypeWrapper<Omit<SupplierMatchEdge, 'node'> & { node: ResolversTypes['Member'] }>;
  SupplierRequirements: SupplierRequirements;
  Tolerance: Tolerance;
  Webhook: ResolverTypeWrapper<WebhookModel>;
  WebhookDelivery: ResolverTypeWrapper<WebhookDeliveryModel>;
  WebhookRegistration: ResolverTypeWrapper<Omit<WebhookRegistration, 'webhook'> & { webhook: ResolversTypes['Webhook'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ApiKey: ApiKeyModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  Attachment: AttachmentModel;
  Int: Scalars['Int']['output'];
  AuditEntry: AuditEntry;
  AuditLogPage: AuditLogPage;
  BusinessRelationship: BusinessRelationshipModel;
  CapacityBalanceRow: BalanceRowModel;
  Float: Scalars['Float']['output'];
  CapacityBooking: CapacityBookingModel;
  CapacityMatch: Omit<CapacityMatch, 'post'> & { post: ResolversParentTypes['CapacityPost'] };
  CapacityPost: CapacityPostModel;
  CapacityPostConnection: Omit<CapacityPostConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['CapacityPost']> };
  CapacityPostFilter: CapacityPostFilter;
  CapacityPostInput: CapacityPostInput;
  CapacityPostPatch: CapacityPostPatch;
  CertificationInput: CertificationInput;
  Consortium: ConsortiumModel;
  ConsortiumPartner: ConsortiumPartnerModel;
  ContactPersonInput: ContactPersonInput;
  EventRegistration: SourcedRegistrationModel;
  EventRegistrationCancellation: Omit<EventRegistrationCancellation, 'cancelled' | 'movedUp'> & { cancelled: ResolversParentTypes['EventRegistration'], movedUp?: Maybe<ResolversParentTypes['EventRegistration']> };
  FacetCount: FacetCount;
  FeedFilter: FeedFilter;
  GeoPoint: GeoPoint;
  GeoPointInput: GeoPointInput;
  Inquiry: InquiryModel;
  InquiryInput: InquiryInput;
  InquiryInvitation: InvitationModel;
  InquiryPatch: InquiryPatch;
  InquiryQuantity: InquiryQuantity;
  IntRange: IntRange;
  InviteeProposal: InviteeProposalModel;
  KonatMember: MemberRefModel;
  LinatMember: MemberRefModel;
  LocationInput: LocationInput;
  Member: ResolversInterfaceTypes<ResolversParentTypes>['Member'];
  MemberConnection: MemberPageModel;
  MemberEdge: Omit<MemberEdge, 'node'> & { node: ResolversParentTypes['Member'] };
  MemberFacets: MemberFacets;
  MemberFilter: MemberFilter;
  MemberInput: MemberInput;
  MemberMatch: MemberMatch;
  MemberPatch: MemberPatch;
  Mutation: Record<PropertyKey, never>;
  NearInput: NearInput;
  Network: NetworkInfoModel;
  NetworkOffice: NetworkOffice;
  NewApiKey: Omit<NewApiKey, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  NewsConnection: Omit<NewsConnection, 'edges'> & { edges: Array<ResolversParentTypes['NewsEdge']> };
  NewsEdge: Omit<NewsEdge, 'node'> & { node: ResolversParentTypes['NewsItem'] };
  NewsInput: NewsInput;
  NewsItem: SourcedRecordModel;
  NiweMember: MemberRefModel;
  PageInfo: PageInfo;
  ParticipantInput: ParticipantInput;
  PartnerSuggestion: SuggestionModel;
  PriceTier: PriceTier;
  PriceTierInput: PriceTierInput;
  Process: Process;
  QuantityInput: QuantityInput;
  Query: Record<PropertyKey, never>;
  Quote: QuoteModel;
  QuoteComparisonRow: Omit<QuoteComparisonRow, 'quote'> & { quote: ResolversParentTypes['Quote'] };
  QuoteInput: QuoteInput;
  QuoteRevision: QuoteRevisionModel;
  RelationshipQuarter: QuarterRowModel;
  RequirementMatch: RequirementMatch;
  ServiceInput: ServiceInput;
  SupplierMatchConnection: Omit<SupplierMatchConnection, 'edges'> & { edges: Array<ResolversParentTypes['SupplierMatchEdge']> };
  SupplierMatchEdge: Omit<SupplierMatchEdge, 'node'> & { node: ResolversParentTypes['Member'] };
  SupplierRequirements: SupplierRequirements;
  Webhook: WebhookModel;
  WebhookDelivery: WebhookDeliveryModel;
  WebhookRegistration: Omit<WebhookRegistration, 'webhook'> & { webhook: ResolversParentTypes['Webhook'] };
};

export type ApiKeyResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  safelist?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type AttachmentResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Attachment'] = ResolversParentTypes['Attachment']> = {
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  downloadPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fileName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorNetwork?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type AuditLogPageResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['AuditLogPage'] = ResolversParentTypes['AuditLogPage']> = {
  entries?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type BusinessRelationshipResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['BusinessRelationship'] = ResolversParentTypes['BusinessRelationship']> = {
  confirmedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  crossNetwork?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['RelationshipKind'], ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  requester?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RelationshipStatus'], ParentType, ContextType>;
};

export type CapacityBalanceRowResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['CapacityBalanceRow'] = ResolversParentTypes['CapacityBalanceRow']> = {
  balanceHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  bookedHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CapacityKind'], ParentType, ContextType>;
  network?: Resolver<Maybe<ResolversTypes['NetworkCode']>, ParentType, ContextType>;
  offeredHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  requestedHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  week?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CapacityBookingResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['CapacityBooking'] = ResolversParentTypes['CapacityBooking']> = {
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['NetworkCode'], ParentType, ContextType>;
  offer?: Resolver<ResolversTypes['CapacityPost'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CapacityBookingStatus'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CapacityMatchResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['CapacityMatch'] = ResolversParentTypes['CapacityMatch']> = {
  breakdown?: Resolver<Array<ResolversTypes['RequirementMatch']>, ParentType, ContextType>;
  distanceKm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  post?: Resolver<ResolversTypes['CapacityPost'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type CapacityPostResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['CapacityPost'] = ResolversParentTypes['CapacityPost']> = {
  bookedHours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cadSystem?: Resolver<Maybe<ResolversTypes['CadSystem']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CapacityKind'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  machine?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['NetworkCode'], ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pricePerHour?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  process?: Resolver<Maybe<ResolversTypes['Process']>, ParentType, ContextType>;
  remainingHours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  side?: Resolver<ResolversTypes['CapacitySide'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CapacityPostStatus'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  weeks?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  workEnvelope?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CapacityPostConnectionResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['CapacityPostConnection'] = ResolversParentTypes['CapacityPostConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['CapacityPost']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConsortiumResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Consortium'] = ResolversParentTypes['Consortium']> = {
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inquiryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lead?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  partners?: Resolver<Array<ResolversTypes['ConsortiumPartner']>, ParentType, ContextType>;
};

export type ConsortiumPartnerResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['ConsortiumPartner'] = ResolversParentTypes['ConsortiumPartner']> = {
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['NetworkCode'], ParentType, ContextType>;
  processes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  sharePercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConsortiumPartnerStatus'], ParentType, ContextType>;
};

export type EventRegistrationResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['EventRegistration'] = ResolversParentTypes['EventRegistration']> = {
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  participant?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RegistrationStatus'], ParentType, ContextType>;
  waitingPosition?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type EventRegistrationCancellationResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['EventRegistrationCancellation'] = ResolversParentTypes['EventRegistrationCancellation']> = {
  cancelled?: Resolver<ResolversTypes['EventRegistration'], ParentType, ContextType>;
  movedUp?: Resolver<Maybe<ResolversTypes['EventRegistration']>, ParentType, ContextType>;
};

export type FacetCountResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['FacetCount'] = ResolversParentTypes['FacetCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type GeoPointResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type InquiryResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Inquiry'] = ResolversParentTypes['Inquiry']> = {
  attachments?: Resolver<Array<ResolversTypes['Attachment']>, ParentType, ContextType>;
  awardedQuote?: Resolver<Maybe<ResolversTypes['Quote']>, ParentType, ContextType>;
  certifications?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  deliveryDate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deliveryLocation?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  deliveryPostalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  documents?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invitations?: Resolver<Array<ResolversTypes['InquiryInvitation']>, ParentType, ContextType>;
  inviteeProposals?: Resolver<Array<ResolversTypes['InviteeProposal']>, ParentType, ContextType>;
  material?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  partDescription?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ppapLevel?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  processes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  quantities?: Resolver<Array<ResolversTypes['InquiryQuantity']>, ParentType, ContextType>;
  quoteDeadline?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quotes?: Resolver<Array<ResolversTypes['Quote']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InquiryStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tolerance?: Resolver<Maybe<ResolversTypes['Tolerance']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InquiryInvitationResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['InquiryInvitation'] = ResolversParentTypes['InquiryInvitation']> = {
  declineReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  distanceKm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['NetworkCode'], ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvitationStatus'], ParentType, ContextType>;
};

export type InquiryQuantityResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['InquiryQuantity'] = ResolversParentTypes['InquiryQuantity']> = {
  batchSize?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InviteeProposalResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['InviteeProposal'] = ResolversParentTypes['InviteeProposal']> = {
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['NetworkCode'], ParentType, ContextType>;
  proposedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type KonatMemberResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['KonatMember'] = ResolversParentTypes['KonatMember'], FederationReferenceType extends FederationReferenceTypes['KonatMember'] = FederationReferenceTypes['KonatMember']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['KonatMember']> | FederationReferenceType, FederationReferenceType, ContextType>;
  availability?: Resolver<ResolversTypes['AvailabilityStatus'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partnerSuggestions?: Resolver<Array<ResolversTypes['PartnerSuggestion']>, ParentType, ContextType, RequireFields<KonatMemberPartnerSuggestionsArgs, 'first' | 'radiusKm'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LinatMemberResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['LinatMember'] = ResolversParentTypes['LinatMember'], FederationReferenceType extends FederationReferenceTypes['LinatMember'] = FederationReferenceTypes['LinatMember']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['LinatMember']> | FederationReferenceType, FederationReferenceType, ContextType>;
  availability?: Resolver<ResolversTypes['AvailabilityStatus'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partnerSuggestions?: Resolver<Array<ResolversTypes['PartnerSuggestion']>, ParentType, ContextType, RequireFields<LinatMemberPartnerSuggestionsArgs, 'first' | 'radiusKm'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MemberResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Member'] = ResolversParentTypes['Member'], FederationReferenceType extends FederationReferenceTypes['Member'] = FederationReferenceTypes['Member']> = {
  __resolveType: TypeResolveFn<'KonatMember' | 'LinatMember' | 'NiweMember', ParentType, ContextType>;
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Member']> | FederationReferenceType, FederationReferenceType, ContextType>;
};

export type MemberConnectionResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['MemberConnection'] = ResolversParentTypes['MemberConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MemberEdge']>, ParentType, ContextType>;
  exactCounts?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  facets?: Resolver<ResolversTypes['MemberFacets'], ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MemberEdgeResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['MemberEdge'] = ResolversParentTypes['MemberEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  distanceKm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  matched?: Resolver<ResolversTypes['MemberMatch'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type MemberFacetsResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['MemberFacets'] = ResolversParentTypes['MemberFacets']> = {
  certifications?: Resolver<Array<ResolversTypes['FacetCount']>, ParentType, ContextType>;
  networks?: Resolver<Array<ResolversTypes['FacetCount']>, ParentType, ContextType>;
  processMainGroups?: Resolver<Array<ResolversTypes['FacetCount']>, ParentType, ContextType>;
};

export type MemberMatchResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['MemberMatch'] = ResolversParentTypes['MemberMatch']> = {
  certifications?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  employees?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  materials?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  processes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  withinRadius?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acceptInviteeProposal?: Resolver<ResolversTypes['InquiryInvitation'], ParentType, ContextType, RequireFields<MutationAcceptInviteeProposalArgs, 'inquiryId' | 'memberId'>>;
  addInvitee?: Resolver<ResolversTypes['InquiryInvitation'], ParentType, ContextType, RequireFields<MutationAddInviteeArgs, 'inquiryId' | 'memberId'>>;
  archiveMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationArchiveMemberArgs, 'id'>>;
  awardQuote?: Resolver<ResolversTypes['Inquiry'], ParentType, ContextType, RequireFields<MutationAwardQuoteArgs, 'inquiryId' | 'quoteId' | 'version'>>;
  bookCapacity?: Resolver<ResolversTypes['CapacityBooking'], ParentType, ContextType, RequireFields<MutationBookCapacityArgs, 'from' | 'hours' | 'offerId' | 'to'>>;
  cancelCapacityBooking?: Resolver<ResolversTypes['CapacityBooking'], ParentType, ContextType, RequireFields<MutationCancelCapacityBookingArgs, 'id'>>;
  cancelEventRegistration?: Resolver<ResolversTypes['EventRegistrationCancellation'], ParentType, ContextType, RequireFields<MutationCancelEventRegistrationArgs, 'id'>>;
  cancelInquiry?: Resolver<ResolversTypes['Inquiry'], ParentType, ContextType, RequireFields<MutationCancelInquiryArgs, 'id' | 'version'>>;
  closeInquiryWithoutAward?: Resolver<ResolversTypes['Inquiry'], ParentType, ContextType, RequireFields<MutationCloseInquiryWithoutAwardArgs, 'id' | 'version'>>;
  confirmCapacityBooking?: Resolver<ResolversTypes['CapacityBooking'], ParentType, ContextType, RequireFields<MutationConfirmCapacityBookingArgs, 'id'>>;
  confirmRelationship?: Resolver<ResolversTypes['BusinessRelationship'], ParentType, ContextType, RequireFields<MutationConfirmRelationshipArgs, 'id'>>;
  createApiKey?: Resolver<ResolversTypes['NewApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'name' | 'partner' | 'safelist'>>;
  createConsortium?: Resolver<ResolversTypes['Consortium'], ParentType, ContextType, RequireFields<MutationCreateConsortiumArgs, 'inquiryId' | 'partners'>>;
  createInquiry?: Resolver<ResolversTypes['Inquiry'], ParentType, ContextType, RequireFields<MutationCreateInquiryArgs, 'input'>>;
  createMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationCreateMemberArgs, 'input' | 'network'>>;
  declineCapacityBooking?: Resolver<ResolversTypes['CapacityBooking'], ParentType, ContextType, RequireFields<MutationDeclineCapacityBookingArgs, 'id'>>;
  declineInquiry?: Resolver<ResolversTypes['InquiryInvitation'], ParentType, ContextType, RequireFields<MutationDeclineInquiryArgs, 'inquiryId' | 'reason'>>;
  deleteContactPerson?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationDeleteContactPersonArgs, 'id'>>;
  deleteWebhook?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteWebhookArgs, 'id'>>;
  endRelationship?: Resolver<ResolversTypes['BusinessRelationship'], ParentType, ContextType, RequireFields<MutationEndRelationshipArgs, 'id'>>;
  postCapacity?: Resolver<ResolversTypes['CapacityPost'], ParentType, ContextType, RequireFields<MutationPostCapacityArgs, 'input'>>;
  proposeInvitee?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationProposeInviteeArgs, 'inquiryId' | 'memberId'>>;
  publishInquiry?: Resolver<ResolversTypes['Inquiry'], ParentType, ContextType, RequireFields<MutationPublishInquiryArgs, 'id' | 'invite' | 'version'>>;
  publishNews?: Resolver<ResolversTypes['NewsItem'], ParentType, ContextType, RequireFields<MutationPublishNewsArgs, 'input'>>;
  registerForEvent?: Resolver<ResolversTypes['EventRegistration'], ParentType, ContextType, RequireFields<MutationRegisterForEventArgs, 'eventId' | 'participant'>>;
  registerWebhook?: Resolver<ResolversTypes['WebhookRegistration'], ParentType, ContextType, RequireFields<MutationRegisterWebhookArgs, 'events' | 'url'>>;
  rejectInviteeProposal?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRejectInviteeProposalArgs, 'inquiryId' | 'memberId'>>;
  removeInvitee?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveInviteeArgs, 'inquiryId' | 'memberId'>>;
  requestRelationship?: Resolver<ResolversTypes['BusinessRelationship'], ParentType, ContextType, RequireFields<MutationRequestRelationshipArgs, 'kind' | 'partnerId'>>;
  respondToConsortium?: Resolver<ResolversTypes['Consortium'], ParentType, ContextType, RequireFields<MutationRespondToConsortiumArgs, 'accept' | 'consortiumId'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  setAvailability?: Resolver<ResolversTypes['AvailabilityStatus'], ParentType, ContextType, RequireFields<MutationSetAvailabilityArgs, 'status'>>;
  submitQuote?: Resolver<ResolversTypes['Quote'], ParentType, ContextType, RequireFields<MutationSubmitQuoteArgs, 'input' | 'inquiryId'>>;
  updateCapacityPost?: Resolver<ResolversTypes['CapacityPost'], ParentType, ContextType, RequireFields<MutationUpdateCapacityPostArgs, 'id' | 'input' | 'version'>>;
  updateInquiry?: Resolver<ResolversTypes['Inquiry'], ParentType, ContextType, RequireFields<MutationUpdateInquiryArgs, 'id' | 'input' | 'version'>>;
  updateMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationUpdateMemberArgs, 'id' | 'input'>>;
  withdrawCapacityPost?: Resolver<ResolversTypes['CapacityPost'], ParentType, ContextType, RequireFields<MutationWithdrawCapacityPostArgs, 'id' | 'version'>>;
};

export type NetworkResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Network'] = ResolversParentTypes['Network'], FederationReferenceType extends FederationReferenceTypes['Network'] = FederationReferenceTypes['Network']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Network']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['NetworkCode'], ParentType, ContextType>;
  focus?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  memberCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  members?: Resolver<Maybe<ResolversTypes['MemberConnection']>, ParentType, ContextType, RequireFields<NetworkMembersArgs, 'first'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  office?: Resolver<ResolversTypes['NetworkOffice'], ParentType, ContextType>;
};

export type NetworkOfficeResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['NetworkOffice'] = ResolversParentTypes['NetworkOffice']> = {
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type NewApiKeyResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['NewApiKey'] = ResolversParentTypes['NewApiKey']> = {
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type NewsConnectionResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['NewsConnection'] = ResolversParentTypes['NewsConnection']> = {
  edges?: Resolver<Array<ResolversTypes['NewsEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type NewsEdgeResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['NewsEdge'] = ResolversParentTypes['NewsEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['NewsItem'], ParentType, ContextType>;
};

export type NewsItemResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['NewsItem'] = ResolversParentTypes['NewsItem']> = {
  calendarPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endsAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NewsKind'], ParentType, ContextType>;
  network?: Resolver<Maybe<ResolversTypes['Network']>, ParentType, ContextType>;
  place?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  publishedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registeredCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  registrationDeadline?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registrationLimit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  startsAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  visibility?: Resolver<ResolversTypes['NewsVisibility'], ParentType, ContextType>;
  waitingCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NiweMemberResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['NiweMember'] = ResolversParentTypes['NiweMember'], FederationReferenceType extends FederationReferenceTypes['NiweMember'] = FederationReferenceTypes['NiweMember']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['NiweMember']> | FederationReferenceType, FederationReferenceType, ContextType>;
  availability?: Resolver<ResolversTypes['AvailabilityStatus'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partnerSuggestions?: Resolver<Array<ResolversTypes['PartnerSuggestion']>, ParentType, ContextType, RequireFields<NiweMemberPartnerSuggestionsArgs, 'first' | 'radiusKm'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PartnerSuggestionResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['PartnerSuggestion'] = ResolversParentTypes['PartnerSuggestion']> = {
  distanceKm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PriceTierResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['PriceTier'] = ResolversParentTypes['PriceTier']> = {
  minQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ProcessResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Process'] = ResolversParentTypes['Process']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mainGroup?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  apiKeys?: Resolver<Maybe<Array<ResolversTypes['ApiKey']>>, ParentType, ContextType>;
  auditLog?: Resolver<Maybe<ResolversTypes['AuditLogPage']>, ParentType, ContextType, RequireFields<QueryAuditLogArgs, 'first' | 'network'>>;
  capacityBalance?: Resolver<Maybe<Array<ResolversTypes['CapacityBalanceRow']>>, ParentType, ContextType, RequireFields<QueryCapacityBalanceArgs, 'from' | 'to'>>;
  capacityBookings?: Resolver<Maybe<Array<ResolversTypes['CapacityBooking']>>, ParentType, ContextType, RequireFields<QueryCapacityBookingsArgs, 'first'>>;
  capacityMatches?: Resolver<Maybe<Array<ResolversTypes['CapacityMatch']>>, ParentType, ContextType, RequireFields<QueryCapacityMatchesArgs, 'first' | 'postId'>>;
  capacityPost?: Resolver<Maybe<ResolversTypes['CapacityPost']>, ParentType, ContextType, RequireFields<QueryCapacityPostArgs, 'id'>>;
  capacityPosts?: Resolver<Maybe<ResolversTypes['CapacityPostConnection']>, ParentType, ContextType, RequireFields<QueryCapacityPostsArgs, 'first'>>;
  consortium?: Resolver<Maybe<ResolversTypes['Consortium']>, ParentType, ContextType, RequireFields<QueryConsortiumArgs, 'id'>>;
  crossNetworkRelationships?: Resolver<Array<ResolversTypes['RelationshipQuarter']>, ParentType, ContextType>;
  eventRegistrations?: Resolver<Array<ResolversTypes['EventRegistration']>, ParentType, ContextType, RequireFields<QueryEventRegistrationsArgs, 'eventId'>>;
  feed?: Resolver<ResolversTypes['NewsConnection'], ParentType, ContextType, RequireFields<QueryFeedArgs, 'first'>>;
  findSuppliers?: Resolver<ResolversTypes['SupplierMatchConnection'], ParentType, ContextType, RequireFields<QueryFindSuppliersArgs, 'first' | 'requirements'>>;
  inquiries?: Resolver<Maybe<Array<ResolversTypes['Inquiry']>>, ParentType, ContextType, RequireFields<QueryInquiriesArgs, 'first'>>;
  inquiry?: Resolver<Maybe<ResolversTypes['Inquiry']>, ParentType, ContextType, RequireFields<QueryInquiryArgs, 'id'>>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType, RequireFields<QueryMemberArgs, 'id'>>;
  members?: Resolver<ResolversTypes['MemberConnection'], ParentType, ContextType, RequireFields<QueryMembersArgs, 'first'>>;
  network?: Resolver<Maybe<ResolversTypes['Network']>, ParentType, ContextType, RequireFields<QueryNetworkArgs, 'code'>>;
  networks?: Resolver<Array<ResolversTypes['Network']>, ParentType, ContextType>;
  newsItem?: Resolver<Maybe<ResolversTypes['NewsItem']>, ParentType, ContextType, RequireFields<QueryNewsItemArgs, 'id'>>;
  quoteComparison?: Resolver<Maybe<Array<ResolversTypes['QuoteComparisonRow']>>, ParentType, ContextType, RequireFields<QueryQuoteComparisonArgs, 'inquiryId'>>;
  regionAuditLog?: Resolver<Maybe<ResolversTypes['AuditLogPage']>, ParentType, ContextType, RequireFields<QueryRegionAuditLogArgs, 'first'>>;
  relationships?: Resolver<Array<ResolversTypes['BusinessRelationship']>, ParentType, ContextType, RequireFields<QueryRelationshipsArgs, 'includeEnded'>>;
  webhooks?: Resolver<Maybe<Array<ResolversTypes['Webhook']>>, ParentType, ContextType>;
};

export type QuoteResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Quote'] = ResolversParentTypes['Quote']> = {
  consortium?: Resolver<Maybe<ResolversTypes['Consortium']>, ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inquiryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  leadTimeDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['NetworkCode'], ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  priceTiers?: Resolver<Array<ResolversTypes['PriceTier']>, ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  revisions?: Resolver<Array<ResolversTypes['QuoteRevision']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['QuoteStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QuoteComparisonRowResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['QuoteComparisonRow'] = ResolversParentTypes['QuoteComparisonRow']> = {
  certifications?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  distanceKm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  leadTimeDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quote?: Resolver<ResolversTypes['Quote'], ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type QuoteRevisionResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['QuoteRevision'] = ResolversParentTypes['QuoteRevision']> = {
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  leadTimeDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  priceTiers?: Resolver<Array<ResolversTypes['PriceTier']>, ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RelationshipQuarterResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['RelationshipQuarter'] = ResolversParentTypes['RelationshipQuarter']> = {
  active?: Resolver<Array<ResolversTypes['BusinessRelationship']>, ParentType, ContextType>;
  confirmed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quarter?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RequirementMatchResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['RequirementMatch'] = ResolversParentTypes['RequirementMatch']> = {
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requirement?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MatchStatus'], ParentType, ContextType>;
};

export type SupplierMatchConnectionResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['SupplierMatchConnection'] = ResolversParentTypes['SupplierMatchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SupplierMatchEdge']>, ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SupplierMatchEdgeResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['SupplierMatchEdge'] = ResolversParentTypes['SupplierMatchEdge']> = {
  breakdown?: Resolver<Array<ResolversTypes['RequirementMatch']>, ParentType, ContextType>;
  distanceKm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type WebhookResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Webhook'] = ResolversParentTypes['Webhook']> = {
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deliveries?: Resolver<Array<ResolversTypes['WebhookDelivery']>, ParentType, ContextType, RequireFields<WebhookDeliveriesArgs, 'first'>>;
  events?: Resolver<Array<ResolversTypes['InquiryEventType']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookDeliveryResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['InquiryEventType'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastStatus?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type WebhookRegistrationResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['WebhookRegistration'] = ResolversParentTypes['WebhookRegistration']> = {
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  webhook?: Resolver<ResolversTypes['Webhook'], ParentType, ContextType>;
};

export type Resolvers<ContextType = RegionContext> = {
  ApiKey?: ApiKeyResolvers<ContextType>;
  Attachment?: AttachmentResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditLogPage?: AuditLogPageResolvers<ContextType>;
  BusinessRelationship?: BusinessRelationshipResolvers<ContextType>;
  CapacityBalanceRow?: CapacityBalanceRowResolvers<ContextType>;
  CapacityBooking?: CapacityBookingResolvers<ContextType>;
  CapacityMatch?: CapacityMatchResolvers<ContextType>;
  CapacityPost?: CapacityPostResolvers<ContextType>;
  CapacityPostConnection?: CapacityPostConnectionResolvers<ContextType>;
  Consortium?: ConsortiumResolvers<ContextType>;
  ConsortiumPartner?: ConsortiumPartnerResolvers<ContextType>;
  EventRegistration?: EventRegistrationResolvers<ContextType>;
  EventRegistrationCancellation?: EventRegistrationCancellationResolvers<ContextType>;
  FacetCount?: FacetCountResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Inquiry?: InquiryResolvers<ContextType>;
  InquiryInvitation?: InquiryInvitationResolvers<ContextType>;
  InquiryQuantity?: InquiryQuantityResolvers<ContextType>;
  InviteeProposal?: InviteeProposalResolvers<ContextType>;
  KonatMember?: KonatMemberResolvers<ContextType>;
  LinatMember?: LinatMemberResolvers<ContextType>;
  Member?: MemberResolvers<ContextType>;
  MemberConnection?: MemberConnectionResolvers<ContextType>;
  MemberEdge?: MemberEdgeResolvers<ContextType>;
  MemberFacets?: MemberFacetsResolvers<ContextType>;
  MemberMatch?: MemberMatchResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Network?: NetworkResolvers<ContextType>;
  NetworkOffice?: NetworkOfficeResolvers<ContextType>;
  NewApiKey?: NewApiKeyResolvers<ContextType>;
  NewsConnection?: NewsConnectionResolvers<ContextType>;
  NewsEdge?: NewsEdgeResolvers<ContextType>;
  NewsItem?: NewsItemResolvers<ContextType>;
  NiweMember?: NiweMemberResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PartnerSuggestion?: PartnerSuggestionResolvers<ContextType>;
  PriceTier?: PriceTierResolvers<ContextType>;
  Process?: ProcessResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Quote?: QuoteResolvers<ContextType>;
  QuoteComparisonRow?: QuoteComparisonRowResolvers<ContextType>;
  QuoteRevision?: QuoteRevisionResolvers<ContextType>;
  RelationshipQuarter?: RelationshipQuarterResolvers<ContextType>;
  RequirementMatch?: RequirementMatchResolvers<ContextType>;
  SupplierMatchConnection?: SupplierMatchConnectionResolvers<ContextType>;
  SupplierMatchEdge?: SupplierMatchEdgeResolvers<ContextType>;
  Webhook?: WebhookResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookRegistration?: WebhookRegistrationResolvers<ContextType>;
};

