import type { GraphQLResolveInfo } from 'graphql';
import type { MemberRef as MemberRefModel } from '../ids.ts';
import type { NetworkInfo as NetworkInfoModel } from '../../../shared/networks.ts';
import type { MemberPage as MemberPageModel } from '../members/search.ts';
import type { BalanceRow as BalanceRowModel } from '../capacity/balance.ts';
import type { CapacityPost as CapacityPostModel, CapacityBooking as CapacityBookingModel } from '../capacity/entities.ts';
import type { ApiKey as ApiKeyModel } from '../partners/api-key.entity.ts';
import type { Account as AccountModel } from '../accounts/account.entity.ts';
import type { Inquiry as InquiryModel, Invitation as InvitationModel, InviteeProposal as InviteeProposalModel, Attachment as AttachmentModel, Quote as QuoteModel, QuoteRevision as QuoteRevisionModel, Consortium as ConsortiumModel, ConsortiumPartner as ConsortiumPartnerModel, Webhook as WebhookModel, WebhookDelivery as WebhookDeliveryModel } from '../inquiries/entities.ts';
import type { SourcedRecord as SourcedRecordModel } from '../news/feed.ts';
import type { SourcedRegistration as SourcedRegistrationModel } from '../news/records.ts';
import type { BusinessRelationship as BusinessRelationshipModel } from '../relationships/relationship.entity.ts';
import type { Suggestion as SuggestionModel } from '../relationships/suggestions.ts';
import type { QuarterRow as QuarterRowModel } from '../relationships/statistics.ts';
import type { WorkingGroup as WorkingGroupModel, WorkingGroupMembership as WorkingGroupMembershipModel, Meeting as MeetingModel, MeetingRsvp as MeetingRsvpModel, MeetingMinutes as MeetingMinutesModel } from '../working-groups/entities.ts';
import type { FairRecord as FairRecordModel } from '../trade-fairs/trade-fairs.ts';
import type { JointBooth as JointBoothModel, BoothRegistration as BoothRegistrationModel } from '../trade-fairs/entities.ts';
import type { CostSplitView as CostSplitViewModel, ExhibitorCostLine as ExhibitorCostLineModel, NetworkCostLine as NetworkCostLineModel } from '../trade-fairs/costs.ts';
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

/** A person who signs in to the portal. The password is never returned; only its scrypt hash is stored. */
export type Account = {
  __typename?: 'Account';
  /** When the account was archived (ISO 8601); null while it may sign in. */
  archivedAt?: Maybe<Scalars['String']['output']>;
  /** When the account was created (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** The customer organisation of a CUSTOMER account. */
  customer?: Maybe<Scalars['String']['output']>;
  /** The sign-in address, lower-cased. */
  email: Scalars['String']['output'];
  /** Random, such as acc-5083124978213377. */
  id: Scalars['ID']['output'];
  /** Whom the account acts for. */
  kind: AccountKind;
  /** The member company of a MEMBER account, such as NIWE:m-42. */
  memberId?: Maybe<Scalars['ID']['output']>;
  /** True while the account's password is a one-time password its office or admin set (resetAccountPassword): its holder chooses their own with changePassword. */
  mustChangePassword: Scalars['Boolean']['output'];
  /** The person's name, shown in the portal's header. */
  name: Scalars['String']['output'];
  /** The network of a MEMBER or OFFICE account; null for a customer. */
  network?: Maybe<NetworkCode>;
  /** When the password was last set (ISO 8601). */
  passwordChangedAt: Scalars['String']['output'];
};

/** Whom an account acts for. */
export type AccountKind =
  /** A customer (such as an automotive supplier): signs in as role partner, named by its customer organisation, like that customer's API key. */
  | 'CUSTOMER'
  /** Staff of a member company: signs in as role member for its memberId. */
  | 'MEMBER'
  /** Staff of a network office: signs in as role office for its network. */
  | 'OFFICE';

/** A one-time password resetAccountPassword set, answered this once: region keeps only its hash. */
export type AccountPasswordReset = {
  __typename?: 'AccountPasswordReset';
  /** The account, its mustChangePassword true. */
  account: Account;
  /** When the one-time password stops working unless its holder has chosen their own (ISO 8601): 7 days after the reset. */
  expiresAt: Scalars['String']['output'];
  /** The one-time password to pass on, such as k7mp-x3qa-92hf-tn4w: lower-case letters and digits without look-alikes, in four groups. */
  oneTimePassword: Scalars['String']['output'];
};

/** A partner's API key, exchanged at the gateway (POST /auth/token) for a 15-minute partner token. */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** ISO 8601 timestamp (UTC) of creation. */
  createdAt: Scalars['String']['output'];
  /** For example k-5083124978213377: random, like region's other ids. */
  id: Scalars['ID']['output'];
  /** What the key is used for. */
  name: Scalars['String']['output'];
  /** The partner organisation the key is for. */
  partner: Scalars['String']['output'];
  /** The first characters of the key, to tell keys apart. */
  prefix: Scalars['String']['output'];
  /** ISO 8601 timestamp (UTC) of revocation; null while the key is in use. */
  revokedAt?: Maybe<Scalars['String']['output']>;
  /** True when the partner may send only operations of the persisted-operation manifest. */
  safelist: Scalars['Boolean']['output'];
};

/** A file attached to an inquiry, such as a drawing (PDF) or a 3D model (STEP). */
export type Attachment = {
  __typename?: 'Attachment';
  /** MIME type, for example application/pdf or model/step. */
  contentType: Scalars['String']['output'];
  /** GET this path at the gateway with a bearer token. */
  downloadPath: Scalars['String']['output'];
  /** The file name as uploaded. */
  fileName: Scalars['String']['output'];
  /** The attachment's id. */
  id: Scalars['ID']['output'];
  /** SHA-256 of the content, hex, to check a download. */
  sha256: Scalars['String']['output'];
  /** Size in bytes. */
  size: Scalars['Int']['output'];
};

/** The writer of an audit entry, as region knows them: show name, and email to reach them. */
export type AuditActor = {
  __typename?: 'AuditActor';
  /** The account is archived, or the key revoked, since: the name stays in the log. */
  archived: Scalars['Boolean']['output'];
  /** The account's e-mail address; null for an API key. */
  email?: Maybe<Scalars['String']['output']>;
  /** ACCOUNT: a portal account (a network office's or a member company's employee); API_KEY: a partner's API key. */
  kind: AuditActorKind;
  /** The account's display name, or the API key's name (the label admin gave it, such as ERP). */
  name: Scalars['String']['output'];
  /** The API key's partner organisation; null for an account. */
  partner?: Maybe<Scalars['String']['output']>;
};

/** What kind of writer an AuditActor is. */
export type AuditActorKind =
  /** A portal account: signed in with e-mail and password. */
  | 'ACCOUNT'
  /** A partner's API key. */
  | 'API_KEY';

/** One write: who (subject, role, network of the caller), what (action, target), when, and the record before and after. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** createMember, updateMember, archiveMember, deleteContactPerson or importMembers (one entry per member created, and one for the import as a whole) in a network's log; createApiKey or revokeApiKey (and webhook writes) in region's. */
  action: Scalars['String']['output'];
  /**
   * Who wrote, by name, as region knows them now: the portal account of subject (its name and e-mail, also once it
   * is archived), or the partner API key subject names (its name). Null when region knows none by subject (an
   * admin's or a test token's subject, a partner's organisation, a deleted account): show subject then, as an id.
   * Looked up once for a whole page.
   */
  actor?: Maybe<AuditActor>;
  /** The writer's network (for an office or member); null for admin and partners. */
  actorNetwork?: Maybe<Scalars['String']['output']>;
  /** JSON of the record after the write; null for a deletion. */
  after?: Maybe<Scalars['String']['output']>;
  /** ISO timestamp. */
  at: Scalars['String']['output'];
  /** JSON of the record before the write; null for a creation. */
  before?: Maybe<Scalars['String']['output']>;
  /** For example NIWE:a-7 (a network's log) or a-7 (region's log). */
  id: Scalars['ID']['output'];
  /** The writer's role: partner, member, office or admin. */
  role: Scalars['String']['output'];
  /** Who wrote: the token's subject (a user id, or the API key's id for a partner); null when the token named none. */
  subject?: Maybe<Scalars['String']['output']>;
  /** The record written, for example NIWE:m-12 or NIWE:c-5 (NIWE:members for an import as a whole, whose after lists the members), or k-5083124978213377 for an API key. */
  target: Scalars['ID']['output'];
};

/** One page of an audit log, newest entry first. */
export type AuditLogPage = {
  __typename?: 'AuditLogPage';
  /** The entries of this page. */
  entries: Array<AuditEntry>;
  /** Whether older entries follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
};

/** How busy a member is, as it tells the region. */
export type AvailabilityStatus =
  /** Fully booked: takes no new orders for now. */
  | 'AT_CAPACITY'
  /** Has free capacity and wants orders. */
  | 'LOOKING_FOR_WORK'
  /** Takes orders as usual (the default). */
  | 'NORMAL';

/** The exhibitor's contact at the booth. */
export type BoothContact = {
  __typename?: 'BoothContact';
  /** E-mail address. */
  email: Scalars['String']['output'];
  /** Full name. */
  name: Scalars['String']['output'];
  /** Phone number. */
  phone?: Maybe<Scalars['String']['output']>;
};

/** The exhibitor's contact at the booth, printed in the catalogue. */
export type BoothContactInput = {
  /** E-mail address. */
  email: Scalars['String']['input'];
  /** Full name, 1 to 200 characters. */
  name: Scalars['String']['input'];
  /** Phone number, at most 40 characters. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/**
 * The booth's costs among its confirmed exhibitors, in integer cents: each pays
 * the base fee and a share by area of what the base fees leave of the fixed
 * costs (largest remainder; equal remainders to the earlier registration). The
 * lines sum to totalCents exactly.
 */
export type BoothCostSplit = {
  __typename?: 'BoothCostSplit';
  /** One base fee per confirmed exhibitor. */
  baseFeesCents: Scalars['Int']['output'];
  /** Area of the confirmed exhibitors, m². */
  confirmedAreaM2: Scalars['Int']['output'];
  /** Confirmed exhibitors. */
  exhibitorCount: Scalars['Int']['output'];
  /** One line per exhibitor the caller may see, in registration order. */
  exhibitors: Array<ExhibitorCost>;
  /** Rent + construction + services. */
  fixedCostsCents: Scalars['Int']['output'];
  /** Sums per network, in network order; for offices and admin (empty for a member). */
  networks: Array<NetworkBoothCost>;
  /** What the base fees leave of the fixed costs, shared by area. */
  sharedCents: Scalars['Int']['output'];
  /** What the exhibitors pay together: the fixed costs, or the base fees when these alone exceed them; 0 without exhibitors. */
  totalCents: Scalars['Int']['output'];
};

/** A member's registration for a joint booth; confirmed, it is an exhibitor. */
export type BoothRegistration = {
  __typename?: 'BoothRegistration';
  /** Area held, m². */
  areaM2: Scalars['Int']['output'];
  /** The booth registered for. */
  booth: JointBooth;
  /** The person to contact at the booth. */
  contact: BoothContact;
  /** When the organiser confirmed or declined it, or it was cancelled, ISO 8601. */
  decidedAt?: Maybe<Scalars['String']['output']>;
  /** The organiser's reason for declining. */
  declineReason?: Maybe<Scalars['String']['output']>;
  /** Its id, for example br-5083124978213377. */
  id: Scalars['ID']['output'];
  /** The exhibiting member; the gateway fetches its name, processes, certifications and contacts from its network; null while its network cannot be reached (an error names it). */
  member?: Maybe<Member>;
  /** The member's network. */
  network: Network;
  /** Products or parts shown. */
  products: Array<Scalars['String']['output']>;
  /** When it was made, ISO 8601. */
  registeredAt: Scalars['String']['output'];
  /** Where it stands. */
  status: BoothRegistrationStatus;
};

/** A member's registration for a joint booth. */
export type BoothRegistrationInput = {
  /** Area wanted, 1 m² up to what is left on the booth. */
  areaM2: Scalars['Int']['input'];
  /** The person to contact at the booth. */
  contact: BoothContactInput;
  /** The products or parts shown, 1 to 20, each 1 to 200 characters. */
  products: Array<Scalars['String']['input']>;
};

/** Where a booth registration stands. */
export type BoothRegistrationStatus =
  /** Withdrawn; its area is free again. */
  | 'CANCELLED'
  /** An exhibitor of the booth; holds its area and shares the costs. */
  | 'CONFIRMED'
  /** Declined by the organiser; its area is free again. */
  | 'DECLINED'
  /** Waiting for the organiser; holds its area. */
  | 'PENDING';

/** A business relationship (Geschäftsbeziehung) between two members of any network, confirmed by both. */
export type BusinessRelationship = {
  __typename?: 'BusinessRelationship';
  /** ISO 8601 timestamp (UTC) of the partner's confirmation; null until then. */
  confirmedAt?: Maybe<Scalars['String']['output']>;
  /** ISO 8601 timestamp (UTC) of the request. */
  createdAt: Scalars['String']['output'];
  /** Whether the two members belong to different networks. */
  crossNetwork: Scalars['Boolean']['output'];
  /** ISO 8601 timestamp (UTC) of the end; null while it lasts. */
  endedAt?: Maybe<Scalars['String']['output']>;
  /** The relationship's id. */
  id: Scalars['ID']['output'];
  /** What the requester is to the partner. */
  kind: RelationshipKind;
  /** The member asked to confirm; null while its network cannot be reached (an error names it). */
  partner?: Maybe<Member>;
  /** The member that recorded it: requester is <kind> partner; null while its network cannot be reached (an error names it). */
  requester?: Maybe<Member>;
  /** Requested, confirmed or ended. */
  status: RelationshipStatus;
};

/** The CAD system design work is done in. */
export type CadSystem =
  /** Dassault Systèmes CATIA V5. */
  | 'CATIA_V5'
  /** PTC Creo. */
  | 'CREO'
  /** Autodesk Inventor. */
  | 'INVENTOR'
  /** Siemens NX. */
  | 'SIEMENS_NX'
  /** Dassault Systèmes SOLIDWORKS. */
  | 'SOLIDWORKS';

/** Where the capacity balance of the CAD working group is (capacity/capacity.graphql capacityBalance). */
export type CapacityBalanceLink = {
  __typename?: 'CapacityBalanceLink';
  /** The balance of the next 12 weeks from today as CSV at the gateway, to open with a bearer token. */
  csvPath: Scalars['String']['output'];
  /** The first day of that window (YYYY-MM-DD), to use as from. */
  from: Scalars['String']['output'];
  /** The query to send to /graphql, with from and to as variables (YYYY-MM-DD). */
  query: Scalars['String']['output'];
  /** The last day of that window (YYYY-MM-DD), to use as to. */
  to: Scalars['String']['output'];
};

/** Capacity of one ISO week, one kind and one CAD system or process, for one network or the whole region (the working group's balance). */
export type CapacityBalanceRow = {
  __typename?: 'CapacityBalanceRow';
  /** Offered minus requested: above 0 the region has spare capacity, below 0 it lacks some. */
  balanceHours: Scalars['Float']['output'];
  /** Hours of confirmed bookings in this week (a requested one counts once it is confirmed). */
  bookedHours: Scalars['Float']['output'];
  /** CAD design or machine hours. */
  kind: CapacityKind;
  /** Null for the whole region. */
  network?: Maybe<NetworkCode>;
  /** Hours offered in this week (a post's hours spread over its window's working days from today on). */
  offeredHours: Scalars['Float']['output'];
  /** Hours requested in this week. */
  requestedHours: Scalars['Float']['output'];
  /** CAD system or DIN 8580 process code. */
  system: Scalars['String']['output'];
  /** ISO week, e.g. 2026-W50. */
  week: Scalars['String']['output'];
};

/** Hours of an offer booked by another member. */
export type CapacityBooking = {
  __typename?: 'CapacityBooking';
  /** ISO 8601 timestamp (UTC) of the booking. */
  createdAt: Scalars['String']['output'];
  /** First day of the booking, ISO date (YYYY-MM-DD). */
  from: Scalars['String']['output'];
  /** Hours booked. */
  hours: Scalars['Int']['output'];
  /** The booking's id. */
  id: Scalars['ID']['output'];
  /** The booking member; null while its network cannot be reached (an error names it). */
  member?: Maybe<Member>;
  /** The booking member's network. */
  network: NetworkCode;
  /** The offer booked. */
  offer: CapacityPost;
  /** Why it was declined; null otherwise. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Where the booking stands. */
  status: CapacityBookingStatus;
  /** Last day of the booking, ISO date. */
  to: Scalars['String']['output'];
};

/** Where a booking stands; REQUESTED and CONFIRMED hold the offer's hours. */
export type CapacityBookingStatus =
  /** Called off by either side; the hours are free again. */
  | 'CANCELLED'
  /** Accepted by the offering member. */
  | 'CONFIRMED'
  /** Refused by the offering member (see reason); the hours are free again. */
  | 'DECLINED'
  /** Asked for by the booker, awaiting the offering member. */
  | 'REQUESTED';

/** What kind of capacity a post is about. */
export type CapacityKind =
  /** Design work in a CAD system. */
  | 'CAD'
  /** Machine hours for a DIN 8580 process. */
  | 'MACHINE_HOURS';

/** A post that fits another: an offer for a request, or a request for an offer. */
export type CapacityMatch = {
  __typename?: 'CapacityMatch';
  /** How the post meets each criterion (kind and system or process, window, hours, distance). */
  breakdown: Array<RequirementMatch>;
  /** Distance between the two posts' postal codes in km; null when one is not known. */
  distanceKm?: Maybe<Scalars['Float']['output']>;
  /** The fitting post. */
  post: CapacityPost;
  /** 0..1: the weighted share of the criteria met. */
  score: Scalars['Float']['output'];
};

/** An offer of free capacity or a request for capacity, posted by a member on the capacity exchange (Kapazitätsbörse). */
export type CapacityPost = {
  __typename?: 'CapacityPost';
  /** Hours held by requested and confirmed bookings (offers only). */
  bookedHours: Scalars['Int']['output'];
  /** The CAD system, for CAD posts; null for machine hours. */
  cadSystem?: Maybe<CadSystem>;
  /** ISO 8601 timestamp (UTC) of posting. */
  createdAt: Scalars['String']['output'];
  /** First day of the window, ISO date (YYYY-MM-DD). */
  from: Scalars['String']['output'];
  /** Hours offered or requested in the window. */
  hours: Scalars['Int']['output'];
  /** The post's id. */
  id: Scalars['ID']['output'];
  /** CAD design or machine hours. */
  kind: CapacityKind;
  /** Coordinates of the postal code; null when it is not in the shipped list. */
  location?: Maybe<GeoPoint>;
  /** The machine; null when not given. */
  machine?: Maybe<Scalars['String']['output']>;
  /** The posting member; null while its network cannot be reached (an error names it). */
  member?: Maybe<Member>;
  /** The posting member's network. */
  network: NetworkCode;
  /** Anything else; null when not given. */
  notes?: Maybe<Scalars['String']['output']>;
  /** Where the work is done: German postal code, five digits. */
  postalCode: Scalars['String']['output'];
  /** Price in euros per hour, net; null: on request. */
  pricePerHour?: Maybe<Scalars['Float']['output']>;
  /** The DIN 8580 process, for machine hours; null for CAD. */
  process?: Maybe<Process>;
  /** Hours still free to book (offers only). */
  remainingHours: Scalars['Int']['output'];
  /** Offer or request. */
  side: CapacitySide;
  /** Open or withdrawn. */
  status: CapacityPostStatus;
  /** Last day of the window, ISO date. */
  to: Scalars['String']['output'];
  /** Raised by every change; pass it to updateCapacityPost and withdrawCapacityPost. */
  version: Scalars['Int']['output'];
  /** ISO weeks the window covers, e.g. 2026-W50. */
  weeks: Array<Scalars['String']['output']>;
  /** Largest part the machine takes, free text; null when not given. */
  workEnvelope?: Maybe<Scalars['String']['output']>;
};

/** One page of capacity posts. */
export type CapacityPostConnection = {
  __typename?: 'CapacityPostConnection';
  /** The posts of this page, newest first. */
  nodes: Array<CapacityPost>;
  /** Whether more follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Posts matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Which capacity posts to list; every part given must hold. */
export type CapacityPostFilter = {
  /** Only posts for this CAD system. */
  cadSystem?: InputMaybe<CadSystem>;
  /** Posts whose window overlaps [from, to]. */
  from?: InputMaybe<Scalars['String']['input']>;
  /** Only CAD or only machine hours. */
  kind?: InputMaybe<CapacityKind>;
  /** Only the posts of this member, for example NIWE:m-42: a member's own list of offers and requests. */
  member?: InputMaybe<Scalars['ID']['input']>;
  /** Only posts of members of these networks. */
  networks?: InputMaybe<Array<NetworkCode>>;
  /** Only posts for this DIN 8580 process code, for example 3.2.3. */
  process?: InputMaybe<Scalars['String']['input']>;
  /** Only offers or only requests. */
  side?: InputMaybe<CapacitySide>;
  /** End of the window to overlap, ISO date (YYYY-MM-DD). */
  to?: InputMaybe<Scalars['String']['input']>;
};

/** A new offer or request of capacity. */
export type CapacityPostInput = {
  /** Required for CAD. */
  cadSystem?: InputMaybe<CadSystem>;
  /** ISO date (YYYY-MM-DD); the window may not lie entirely in the past. */
  from: Scalars['String']['input'];
  /** Hours in the window, a positive whole number no more than the window's working days times the hours of a working day. */
  hours: Scalars['Int']['input'];
  /** CAD design or machine hours. */
  kind: CapacityKind;
  /** The machine, for example DMG MORI DMU 65 monoBLOCK; up to 200 characters. */
  machine?: InputMaybe<Scalars['String']['input']>;
  /** The posting member; a member posting for itself leaves it out. */
  memberId?: InputMaybe<Scalars['ID']['input']>;
  /** Anything else, up to 2000 characters. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Where the work is done; German postal code. */
  postalCode: Scalars['String']['input'];
  /** Price in euros per hour, net, more than 0 and less than 100000; null: on request. */
  pricePerHour?: InputMaybe<Scalars['Float']['input']>;
  /** DIN 8580 process code, required for MACHINE_HOURS. */
  process?: InputMaybe<Scalars['String']['input']>;
  /** Offer or request. */
  side: CapacitySide;
  /** Last day of the window, ISO date, not before from and at most 366 days after it. */
  to: Scalars['String']['input'];
  /** Largest part the machine takes, free text such as 650 x 520 x 475 mm; up to 200 characters. */
  workEnvelope?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a post: fields left out stay, null clears an optional one. */
export type CapacityPostPatch = {
  /** First day, ISO date (YYYY-MM-DD). */
  from?: InputMaybe<Scalars['String']['input']>;
  /** Hours in the window; not below the hours already booked. */
  hours?: InputMaybe<Scalars['Int']['input']>;
  /** The machine, up to 200 characters. */
  machine?: InputMaybe<Scalars['String']['input']>;
  /** Anything else, up to 2000 characters. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Price in euros per hour, net. */
  pricePerHour?: InputMaybe<Scalars['Float']['input']>;
  /** Last day, ISO date, not before from and at most 366 days after it. */
  to?: InputMaybe<Scalars['String']['input']>;
  /** Largest part the machine takes, up to 200 characters. */
  workEnvelope?: InputMaybe<Scalars['String']['input']>;
};

/** Whether a post still stands. */
export type CapacityPostStatus =
  /** Listed and, for an offer, bookable. */
  | 'OPEN'
  /** Withdrawn by its member or office. */
  | 'WITHDRAWN';

/** Whether a post offers free capacity or asks for some. */
export type CapacitySide =
  /** Free capacity a member offers (Angebot). */
  | 'OFFER'
  /** Capacity a member needs (Bedarf). */
  | 'REQUEST';

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

/** A step of a part's route behind a partner suggestion: the first group's work comes before the next group's, and the suggested member does one of them. */
export type ComplementaryStep = {
  __typename?: 'ComplementaryStep';
  /** The DIN 8580 group done first, such as 3.2 (Spanen mit geometrisch bestimmten Schneiden). */
  first: Scalars['String']['output'];
  /** The DIN 8580 group done next, such as 6.2 (Wärmebehandeln). */
  next: Scalars['String']['output'];
  /** Whether the suggested member does the next step (and the member it is suggested for the first), or the first. */
  theirsIsNext: Scalars['Boolean']['output'];
};

/** A consortium (Bietergemeinschaft): members of any network that quote together on one inquiry, led by an invited member. */
export type Consortium = {
  __typename?: 'Consortium';
  /** True when every partner that has not declined accepted, one at least besides the lead, and their shares sum to 100. */
  complete: Scalars['Boolean']['output'];
  /** The consortium's id. */
  id: Scalars['ID']['output'];
  /** The inquiry the consortium quotes on. */
  inquiryId: Scalars['ID']['output'];
  /** The invited member that leads and submits the quote; null while its network cannot be reached (an error names it). */
  lead?: Maybe<Member>;
  /** The lead and the other members with their answers. */
  partners: Array<ConsortiumPartner>;
};

/** A member of a consortium and its part in the work. */
export type ConsortiumPartner = {
  __typename?: 'ConsortiumPartner';
  /** The member; null while its network cannot be reached (an error names it). */
  member?: Maybe<Member>;
  /** The member's network. */
  network: NetworkCode;
  /** DIN 8580 process codes it takes on; empty until it accepts. */
  processes: Array<Scalars['String']['output']>;
  /** Its share of the work in percent; null until it accepts. */
  sharePercent?: Maybe<Scalars['Float']['output']>;
  /** Invited, accepted or declined. */
  status: ConsortiumPartnerStatus;
};

/** A partner's answer to a consortium. */
export type ConsortiumPartnerStatus =
  /** Joined, with its processes and share. */
  | 'ACCEPTED'
  /** Will not take part. */
  | 'DECLINED'
  /** Asked by the lead, no answer yet. */
  | 'INVITED';

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

/** A new account and its first password. */
export type CreateAccountInput = {
  /** For CUSTOMER: the customer organisation, the name its inquiries are kept under. One that has an API key or a customer account already, however written (case, spaces), keeps its spelling, so the account sees that partner's inquiries; a spelling stored exactly as given wins, and several stored spellings that differ only in case or spaces, none given exactly, are CONFLICT with reason AMBIGUOUS_ORGANISATION and the spellings. */
  customer?: InputMaybe<Scalars['String']['input']>;
  /** The sign-in address; compared without regard to case. */
  email: Scalars['String']['input'];
  /** Whom the account acts for. */
  kind: AccountKind;
  /** For MEMBER: the member company, such as NIWE:m-42. */
  memberId?: InputMaybe<Scalars['ID']['input']>;
  /** The person's name, 1 to 200 characters. */
  name: Scalars['String']['input'];
  /** For OFFICE: the office's network (an office may leave it out for its own). For MEMBER: left out or the member's network. */
  network?: InputMaybe<NetworkCode>;
  /** The first password: 12 to 128 characters, not the e-mail address, not one character repeated. */
  password: Scalars['String']['input'];
};

/** A person of a member company registered for an event. */
export type EventRegistration = {
  __typename?: 'EventRegistration';
  /** ISO 8601 timestamp (UTC) of registration. */
  createdAt: Scalars['String']['output'];
  /** The participant's e-mail address (personal data: eventRegistrations lists it for the event's publisher and admin only). */
  email: Scalars['String']['output'];
  /**
   * The event as the caller may see it; null when it is not visible to the
   * caller or its network is down (NETWORK_UNAVAILABLE). A list of
   * registrations asks each database for its events once.
   */
  event?: Maybe<NewsItem>;
  /** The event's id. */
  eventId: Scalars['ID']['output'];
  /** The registration's id. */
  id: Scalars['ID']['output'];
  /** The participant's member company; null while its network cannot be reached (an error names it). */
  member?: Maybe<Member>;
  /** The participant's name. */
  participant: Scalars['String']['output'];
  /** Registered, waiting or cancelled. */
  status: RegistrationStatus;
  /** 1 for the first in line; null unless WAITING. */
  waitingPosition?: Maybe<Scalars['Int']['output']>;
};

/** The result of cancelling a registration. */
export type EventRegistrationCancellation = {
  __typename?: 'EventRegistrationCancellation';
  /** The registration, now CANCELLED. */
  cancelled: EventRegistration;
  /**
   * The first of the waiting list, now registered in the freed place: for whoever may manage that registration (its
   * member, that member's office, the publishing office, admin); null for anyone else, such as a member whose place
   * went to another company's participant.
   */
  movedUp?: Maybe<EventRegistration>;
};

/** What one exhibitor pays. */
export type ExhibitorCost = {
  __typename?: 'ExhibitorCost';
  /** Its area, m². */
  areaM2: Scalars['Int']['output'];
  /** Its share of the fixed costs by area, cents. */
  areaShareCents: Scalars['Int']['output'];
  /** The base fee, cents. */
  baseFeeCents: Scalars['Int']['output'];
  /** The exhibitor's registration. */
  registration: BoothRegistration;
  /** Base fee + area share, cents. */
  totalCents: Scalars['Int']['output'];
};

/** A member's certificate that runs out soon or ran out lately. */
export type ExpiringCertificate = {
  __typename?: 'ExpiringCertificate';
  /** Days from today to validUntil: 0 on its last valid day, negative once it ran out. */
  daysLeft: Scalars['Int']['output'];
  /** The member holding it. */
  member: Member;
  /** The certificate's number; null when not given. */
  number?: Maybe<Scalars['String']['output']>;
  /** The standard, for example IATF 16949. */
  standard: Scalars['String']['output'];
  /** ISO date, YYYY-MM-DD. */
  validUntil: Scalars['String']['output'];
};

/** How many hits have one value of a facet. */
export type FacetCount = {
  __typename?: 'FacetCount';
  /** Hits with this value. */
  count: Scalars['Int']['output'];
  /** The value as people read it, for example Trennen (cutting) for main group 3; the value itself where it reads well. */
  label: Scalars['String']['output'];
  /** The value to put into the filter: a network code, a DIN 8580 main group code (1..6) or a certificate's standard. */
  value: Scalars['String']['output'];
};

/** Which news and events the feed lists. */
export type FeedFilter = {
  /** Only news or only events; both when left out. */
  kind?: InputMaybe<NewsKind>;
  /** Only these networks' items (default: all). */
  networks?: InputMaybe<Array<NetworkCode>>;
  /** Include the region-wide items. */
  regionWide?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only events that are not over yet: to come, or running now (their end has not passed; an event without an end lasts to the end of its day in the region, Berlin's). */
  upcoming?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A point on the earth in WGS 84 degrees, as GPS and web maps use. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  /** Degrees north, -90..90; Germany lies between about 47.3 and 55.1. */
  latitude: Scalars['Float']['output'];
  /** Degrees east, -180..180; Germany lies between about 5.9 and 15.0. */
  longitude: Scalars['Float']['output'];
};

/** A point in WGS 84 degrees. */
export type GeoPointInput = {
  /** Degrees north, -90..90. */
  latitude: Scalars['Float']['input'];
  /** Degrees east, -180..180. */
  longitude: Scalars['Float']['input'];
};

/** A customer's request for manufactured parts (Anfrage), to which invited members of every network quote. */
export type Inquiry = {
  __typename?: 'Inquiry';
  /** Drawings and documents (PDF, STEP), uploaded at the gateway; seen by whoever sees the inquiry. */
  attachments: Array<Attachment>;
  /** The winning quote once AWARDED; null before, and for callers who may not see it. */
  awardedQuote?: Maybe<Quote>;
  /** Certificates suppliers must hold, for example IATF 16949. */
  certifications: Array<Scalars['String']['output']>;
  /** Consortia (Bietergemeinschaften) formed for this inquiry that the caller sees, oldest first: all for the owner and admin, those with a member of its network for an office, those it leads or is asked into for a member. */
  consortia: Array<Consortium>;
  /** ISO 8601 timestamp (UTC) of creation. */
  createdAt: Scalars['String']['output'];
  /** The customer an office or admin entered the inquiry for; null when the owner asks for itself. */
  customer?: Maybe<Scalars['String']['output']>;
  /** Delivery date, YYYY-MM-DD. */
  deliveryDate: Scalars['String']['output'];
  /** Coordinates of the delivery location; null when its postal code is not in the shipped list. */
  deliveryLocation?: Maybe<GeoPoint>;
  /** Postal code of the delivery location; null when given as coordinates. */
  deliveryPostalCode?: Maybe<Scalars['String']['output']>;
  /** Documents expected with delivery, for example Erstmusterprüfbericht (initial sample inspection report). */
  documents: Array<Scalars['String']['output']>;
  /** The inquiry's id. */
  id: Scalars['ID']['output'];
  /** The owner and admin see every invitation; an office those of its own network's members; an invited member its own. */
  invitations: Array<InquiryInvitation>;
  /** Members offices proposed (proposeInvitee), waiting for the owner's answer. Only the owner and admin see them; anyone else an empty list. */
  inviteeProposals: Array<InviteeProposal>;
  /** The part's material, canonical name, or a family's word as given; null when not given. */
  material?: Maybe<Scalars['String']['output']>;
  /** What the part is and needs. */
  partDescription: Scalars['String']['output'];
  /** PPAP (Production Part Approval Process) submission level 1 to 5; null when not asked. */
  ppapLevel?: Maybe<Scalars['Int']['output']>;
  /** DIN 8580 process codes the part needs, for example 3.2.3. */
  processes: Array<Scalars['String']['output']>;
  /** The quantities to quote for. */
  quantities: Array<InquiryQuantity>;
  /** Quotes are accepted until this ISO 8601 date-time (UTC). */
  quoteDeadline: Scalars['String']['output'];
  /** The owner and admin see every quote; an office those of its own network's members; a bidder its own (and its consortium's). */
  quotes: Array<Quote>;
  /** Derived: OPEN past the deadline reads QUOTING_CLOSED. */
  status: InquiryStatus;
  /** Short title. */
  title: Scalars['String']['output'];
  /** The tightest tolerance class; null when not given. */
  tolerance?: Maybe<Tolerance>;
  /** Raised by every change; pass it to the inquiry's mutations. */
  version: Scalars['Int']['output'];
  /** True for its owner and admin, who change, publish, compare, award and end it; false for everyone else who sees it. */
  viewerIsOwner: Scalars['Boolean']['output'];
};

/** The events a webhook can receive: the inquiry flow, and news, relationships, working groups and trade fairs that notify the same way. */
export type InquiryEventType =
  /** The member's quote won the inquiry. */
  | 'AWARDED'
  /** The organising office confirmed a member's registration for the region's joint trade-fair booth (the exhibitor receives it). */
  | 'BOOTH_REGISTRATION_CONFIRMED'
  /** A lead invited this member into a consortium (Bietergemeinschaft) for an inquiry. */
  | 'CONSORTIUM_INVITED'
  /** The owner moved an open inquiry's quote deadline later, or gave one whose deadline had passed a new one, which opens quoting again (data.previousQuoteDeadline then lies before the event's occurredAt). Every invitee that has not declined and every consortium partner receives it: data.quoteDeadline, data.previousQuoteDeadline, data.deliveryDate, and data.lapsingQuote for a bidder whose quote is valid until before the new deadline's day. */
  | 'DEADLINE_EXTENDED'
  /** An inquiry's quote deadline is near and the invited member has not quoted yet. */
  | 'DEADLINE_NEAR'
  /** An event's publisher moved its time or place (each member with a participant registered or waiting receives it, once per participant): data.startsAt, data.endsAt and data.place as they now are. */
  | 'EVENT_CHANGED'
  /** A participant on an event's waiting list moved up into a freed place. */
  | 'EVENT_MOVED_UP'
  /** A participant's registration for an event holds a place (news and events; the registering member receives it). */
  | 'EVENT_REGISTRATION_CONFIRMED'
  /** An event's publisher withdrew it, which cancelled the participant's registration (each member with a participant registered or waiting receives it). */
  | 'EVENT_WITHDRAWN'
  /** A member was invited to quote on an inquiry (the invited member receives it). */
  | 'INVITED'
  /** A meeting of a working group was scheduled (each member of the group receives it). */
  | 'MEETING_SCHEDULED'
  /** The inquiry went to another quote, or was withdrawn or closed without award (the other bidders, or every bidder, receive it); data.reason says which: ANOTHER_QUOTE_AWARDED, INQUIRY_CANCELLED or CLOSED_WITHOUT_AWARD. */
  | 'NOT_CHOSEN'
  /** A quote was submitted or revised on an inquiry (the inquiry's owner receives it). */
  | 'QUOTE_RECEIVED'
  /** A bidder withdrew its quote on an inquiry (the inquiry's owner, and a consortium quote's partners, receive it). */
  | 'QUOTE_WITHDRAWN'
  /** The partner confirmed a business relationship (the member that asked receives it). */
  | 'RELATIONSHIP_CONFIRMED'
  /** A member asked this member to confirm a business relationship (the partner receives it). */
  | 'RELATIONSHIP_REQUESTED'
  /** The lead of a working group invited this member to join it (the invited member receives it). */
  | 'WORKING_GROUP_INVITED';

/** A new inquiry (Anfrage): a customer's request for manufactured parts. */
export type InquiryInput = {
  /** e.g. IATF 16949. */
  certifications?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The customer an office or admin acts for. */
  customer?: InputMaybe<Scalars['String']['input']>;
  /** YYYY-MM-DD, after the quote deadline's day, at most two years ahead. */
  deliveryDate: Scalars['String']['input'];
  /** Where the parts go: a German postal code or coordinates. */
  deliveryLocation: LocationInput;
  /** Documents expected with delivery, e.g. an initial sample inspection report. */
  documents?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The part's material by name or number, for example 42CrMo4, 1.4301 or EN AW-6082, or a family as buyers write it (Edelstahl, Aluminium, Kunststoff), which any material of it meets. */
  material?: InputMaybe<Scalars['String']['input']>;
  /** What the part is and needs, 1..10000 characters; drawings go as attachments. */
  partDescription: Scalars['String']['input'];
  /** PPAP submission level 1 to 5. */
  ppapLevel?: InputMaybe<Scalars['Int']['input']>;
  /** DIN 8580 codes, e.g. 3.2.3. */
  processes: Array<Scalars['String']['input']>;
  /** The quantities to quote for, 1 to 20. */
  quantities: Array<QuantityInput>;
  /** ISO date-time in the future, at most two years ahead less a day (delivery follows its day), e.g. 2026-12-01T12:00:00Z. */
  quoteDeadline: Scalars['String']['input'];
  /** Short title, 1..200 characters, for example Lagerbock aus 42CrMo4 (bearing bracket). */
  title: Scalars['String']['input'];
  /** The tightest tolerance class the part needs. */
  tolerance?: InputMaybe<Tolerance>;
};

/** A member invited to quote on an inquiry. */
export type InquiryInvitation = {
  __typename?: 'InquiryInvitation';
  /** The member's reason when DECLINED; null otherwise. */
  declineReason?: Maybe<Scalars['String']['output']>;
  /** Distance from the delivery location in km; null when not known. */
  distanceKm?: Maybe<Scalars['Float']['output']>;
  /** The member invited; null while its network cannot be reached (an error names it). */
  member?: Maybe<Member>;
  /** The member's network. */
  network: NetworkCode;
  /** The supplier score from matching, 0..1; null for invitees added by an office. */
  score?: Maybe<Scalars['Float']['output']>;
  /** Invited, viewed, declined or quoted. */
  status: InvitationStatus;
};

/** Changes to a DRAFT inquiry: fields left out stay; a given list replaces the current one. */
export type InquiryPatch = {
  /** New required certificates. */
  certifications?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New delivery date, YYYY-MM-DD, after the quote deadline's day, at most two years ahead. */
  deliveryDate?: InputMaybe<Scalars['String']['input']>;
  /** New delivery location: a German postal code or coordinates. */
  deliveryLocation?: InputMaybe<LocationInput>;
  /** New documents expected with delivery. */
  documents?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New material by name or number, or a family (Edelstahl). */
  material?: InputMaybe<Scalars['String']['input']>;
  /** New part description, 1..10000 characters. */
  partDescription?: InputMaybe<Scalars['String']['input']>;
  /** New PPAP submission level, 1 to 5. */
  ppapLevel?: InputMaybe<Scalars['Int']['input']>;
  /** New DIN 8580 process codes, at least one. */
  processes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New quantities, 1 to 20. */
  quantities?: InputMaybe<Array<QuantityInput>>;
  /** New quote deadline, ISO date-time in the future, at most two years ahead less a day (delivery follows its day). */
  quoteDeadline?: InputMaybe<Scalars['String']['input']>;
  /** New title, 1..200 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** New tolerance class. */
  tolerance?: InputMaybe<Tolerance>;
};

/** One quantity an inquiry asks prices for. */
export type InquiryQuantity = {
  __typename?: 'InquiryQuantity';
  /** Parts per delivery; null: one delivery. */
  batchSize?: Maybe<Scalars['Int']['output']>;
  /** Parts in total. */
  quantity: Scalars['Int']['output'];
};

/** Where an inquiry stands in its life: DRAFT → OPEN → AWARDED, CLOSED_WITHOUT_AWARD or CANCELLED. */
export type InquiryStatus =
  /** A quote won (awardedQuote); the other bidders were told. */
  | 'AWARDED'
  /** Called off by the owner. */
  | 'CANCELLED'
  /** Closed by the owner without choosing a quote. */
  | 'CLOSED_WITHOUT_AWARD'
  /** Being written: seen by its owner (and admin) only, no one invited yet. */
  | 'DRAFT'
  /** Published: invited members read it and quote until the quote deadline. */
  | 'OPEN'
  /** OPEN past its quote deadline: no more quotes, award still possible; extendQuoteDeadline opens it again. */
  | 'QUOTING_CLOSED';

/** A range of whole numbers, both ends included; an end left out is open. */
export type IntRange = {
  /** Largest value allowed. */
  max?: InputMaybe<Scalars['Int']['input']>;
  /** Smallest value allowed. */
  min?: InputMaybe<Scalars['Int']['input']>;
};

/** Where an invited member stands with an inquiry. */
export type InvitationStatus =
  /** The member said it will not quote (see declineReason). */
  | 'DECLINED'
  /** Invited, not read yet. */
  | 'INVITED'
  /** The member submitted a quote, alone or in a consortium. */
  | 'QUOTED'
  /** The member has read the inquiry. */
  | 'VIEWED';

/** A member an office proposed for an inquiry, waiting for the owner's answer. */
export type InviteeProposal = {
  __typename?: 'InviteeProposal';
  /** The member proposed; null while its network cannot be reached (an error names it). */
  member?: Maybe<Member>;
  /** The member's network. */
  network: NetworkCode;
  /** ISO timestamp. */
  proposedAt: Scalars['String']['output'];
};

/** The region's joint booth at a trade fair: area, costs, registrations, exhibitors. */
export type JointBooth = {
  __typename?: 'JointBooth';
  /** Area held by pending and confirmed registrations, m²; never more than the total. */
  allocatedAreaM2: Scalars['Int']['output'];
  /** Each exhibitor's base fee, cents. */
  baseFeeCents: Scalars['Int']['output'];
  /** Gateway path of the exhibitor catalogue as CSV. */
  catalogueCsvPath: Scalars['String']['output'];
  /** Gateway path of the exhibitor catalogue as a print-ready HTML page. */
  cataloguePrintPath: Scalars['String']['output'];
  /** Stand construction, cents. */
  constructionCents: Scalars['Int']['output'];
  /** What each confirmed exhibitor pays. Offices and admin see every line; a member its own. */
  costSplit: BoothCostSplit;
  /** Gateway path of the cost split as CSV. */
  costsCsvPath: Scalars['String']['output'];
  /** The confirmed exhibitors in the order they registered: the booth's catalogue, the region's joint offer at the fair. */
  exhibitors: Array<BoothRegistration>;
  /** The fair the booth is at. */
  fair: TradeFair;
  /** Rent + construction + services, cents. */
  fixedCostsCents: Scalars['Int']['output'];
  /** Its id, for example jb-5083124978213377. */
  id: Scalars['ID']['output'];
  /** The organising network office, which confirms and declines registrations; null when admin organises for the region. */
  organiser?: Maybe<Network>;
  /**
   * Registrations, in the order they were made: all for the organiser and admin,
   * its network's members' for another office, its own for a member.
   */
  registrations: Array<BoothRegistration>;
  /**
   * How many more times the signed-in member may register for the booth: 5
   * less the registrations it has made, whatever became of them (0 when used
   * up; registerForBooth then refuses with REGISTRATIONS_USED_UP, also its
   * office's registrations for it, and only admin, the region's administration,
   * which the limit does not bind, registers it). Null for an office or admin,
   * which registers a member it names.
   */
  registrationsLeft?: Maybe<Scalars['Int']['output']>;
  /** Area still free to register for, m². */
  remainingAreaM2: Scalars['Int']['output'];
  /** Rent, cents. */
  rentCents: Scalars['Int']['output'];
  /** Shared services, cents. */
  servicesCents: Scalars['Int']['output'];
  /** Total area, m². */
  totalAreaM2: Scalars['Int']['output'];
};


/** The region's joint booth at a trade fair: area, costs, registrations, exhibitors. */
export type JointBoothRegistrationsArgs = {
  status?: InputMaybe<BoothRegistrationStatus>;
};

/** The joint booth's area and costs, in whole square metres and integer cents. */
export type JointBoothInput = {
  /** What every exhibitor pays first; the fixed costs the base fees leave are shared by area. In cents. */
  baseFeeCents: Scalars['Int']['input'];
  /** Building the stand, in cents. */
  constructionCents: Scalars['Int']['input'];
  /** Rent for the area charged by the fair, in cents. */
  rentCents: Scalars['Int']['input'];
  /** Shared services (power, cleaning, catering, staff), in cents. */
  servicesCents: Scalars['Int']['input'];
  /** Total area to share among the exhibitors, 1 to 5000 m². */
  totalAreaM2: Scalars['Int']['input'];
};

export type KonatMember = Member & {
  __typename?: 'KonatMember';
  archivedAt?: Maybe<Scalars['String']['output']>;
  /** Looking for work, normal, or at capacity: set by the member or its office, visible to the region. */
  availability: AvailabilityStatus;
  certifications: Array<Certification>;
  city: Scalars['String']['output'];
  contacts: Array<ContactPerson>;
  createdAt: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  employees?: Maybe<Scalars['Int']['output']>;
  /** Global id that names the owning network, for example NIWE:m-42. */
  id: Scalars['ID']['output'];
  location?: Maybe<GeoPoint>;
  materials: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  network: Network;
  /** Members of any network whose processes complement this member's (relationships/complements.ts), within radiusKm, ranked, each with its reasons; not those it already has a relationship with. For the member, its office and admin. */
  partnerSuggestions?: Maybe<Array<PartnerSuggestion>>;
  postalCode: Scalars['String']['output'];
  processes: Array<Process>;
  services: Array<Service>;
  street?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['String']['output'];
  version: Scalars['Int']['output'];
  website?: Maybe<Scalars['String']['output']>;
};


export type KonatMemberPartnerSuggestionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  radiusKm?: InputMaybe<Scalars['Int']['input']>;
};

export type LinatMember = Member & {
  __typename?: 'LinatMember';
  archivedAt?: Maybe<Scalars['String']['output']>;
  /** Looking for work, normal, or at capacity: set by the member or its office, visible to the region. */
  availability: AvailabilityStatus;
  certifications: Array<Certification>;
  city: Scalars['String']['output'];
  contacts: Array<ContactPerson>;
  createdAt: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  employees?: Maybe<Scalars['Int']['output']>;
  /** Global id that names the owning network, for example NIWE:m-42. */
  id: Scalars['ID']['output'];
  location?: Maybe<GeoPoint>;
  materials: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  network: Network;
  /** Members of any network whose processes complement this member's (relationships/complements.ts), within radiusKm, ranked, each with its reasons; not those it already has a relationship with. For the member, its office and admin. */
  partnerSuggestions?: Maybe<Array<PartnerSuggestion>>;
  postalCode: Scalars['String']['output'];
  processes: Array<Process>;
  services: Array<Service>;
  street?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['String']['output'];
  version: Scalars['Int']['output'];
  website?: Maybe<Scalars['String']['output']>;
};


export type LinatMemberPartnerSuggestionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  radiusKm?: InputMaybe<Scalars['Int']['input']>;
};

/** A point: either latitude and longitude, or a German postal code. */
export type LocationInput = {
  /** Degrees north (WGS 84), with longitude. */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Degrees east (WGS 84), with latitude. */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** A German postal code (five digits), instead of latitude and longitude. */
  postalCode?: InputMaybe<Scalars['String']['input']>;
};

/** How far a supplier meets one requirement. */
export type MatchStatus =
  /** Fully met. */
  | 'MET'
  /** Not met. */
  | 'NOT_MET'
  /** Partly met, for example some of the processes, or company size unknown. */
  | 'PARTLY_MET';

/** A meeting of a working group. */
export type Meeting = {
  __typename?: 'Meeting';
  /** What is discussed; FORBIDDEN to callers outside the group (see WorkingGroup.viewerIsMember). */
  agenda?: Maybe<Scalars['String']['output']>;
  /** The working group's id. */
  groupId: Scalars['ID']['output'];
  /** Such as mtg-5083124978213377. */
  id: Scalars['ID']['output'];
  /** The newest minutes (PDF); null before the lead uploads them; FORBIDDEN to callers outside the group (see WorkingGroup.viewerIsMember). */
  minutes?: Maybe<MeetingMinutes>;
  /** How many may answer YES. */
  participantLimit: Scalars['Int']['output'];
  /** Where the group meets; null for a meeting by video alone. */
  place?: Maybe<Scalars['String']['output']>;
  /** Places left for YES. */
  placesLeft: Scalars['Int']['output'];
  /** The members' answers, oldest first; FORBIDDEN to callers outside the group (see WorkingGroup.viewerIsMember). */
  rsvps?: Maybe<Array<MeetingRsvp>>;
  /** Date and time (ISO 8601, UTC). */
  startsAt: Scalars['String']['output'];
  /** The video call's URL; FORBIDDEN to callers outside the group (see WorkingGroup.viewerIsMember). */
  videoLink?: Maybe<Scalars['String']['output']>;
  /** Whether the caller may upload the minutes: the group's lead and admin. Upload: POST /attachments?meetingId=<id>&fileName=protokoll.pdf with the PDF as body. */
  viewerCanUploadMinutes: Scalars['Boolean']['output'];
  /** How many answered YES. */
  yesCount: Scalars['Int']['output'];
};

/** A meeting to schedule. */
export type MeetingInput = {
  /** What is discussed, up to 10000 characters; shown to the group's members only. */
  agenda: Scalars['String']['input'];
  /** How many may answer YES, 1 to 1000. */
  participantLimit: Scalars['Int']['input'];
  /** Where the group meets, up to 200 characters; place or videoLink or both. */
  place?: InputMaybe<Scalars['String']['input']>;
  /** Date and time, ISO 8601 with offset (2027-01-14T15:00:00+01:00); must lie in the future. */
  startsAt: Scalars['String']['input'];
  /** The video call's https URL, up to 500 characters. */
  videoLink?: InputMaybe<Scalars['String']['input']>;
};

/** The minutes of a meeting, a PDF. */
export type MeetingMinutes = {
  __typename?: 'MeetingMinutes';
  /** GET this at the gateway with a bearer token to download the file. */
  downloadPath: Scalars['String']['output'];
  /** The file's name as uploaded. */
  fileName: Scalars['String']['output'];
  /** Such as min-5083124978213377. */
  id: Scalars['ID']['output'];
  /** SHA-256 of the file, hex. */
  sha256: Scalars['String']['output'];
  /** Bytes. */
  size: Scalars['Int']['output'];
  /** When the lead uploaded it (ISO 8601). */
  uploadedAt: Scalars['String']['output'];
};

/** An active member's answer to a meeting. */
export type MeetingRsvp = {
  __typename?: 'MeetingRsvp';
  /** Its answer. */
  answer: RsvpAnswer;
  /** When it last answered (ISO 8601). */
  answeredAt: Scalars['String']['output'];
  /** The meeting's id. */
  meetingId: Scalars['ID']['output'];
  /** The member that answered; null while its network cannot be reached (an error names it). */
  member?: Maybe<Member>;
};

/** A member company. Each network contributes its own implementation (NiweMember, ...). */
export type Member = {
  /** Looking for work, normal, or at capacity: set by the member or its office, visible to the region. */
  availability: AvailabilityStatus;
  id: Scalars['ID']['output'];
};

/** One page of members, with counts and facets over all pages. */
export type MemberConnection = {
  __typename?: 'MemberConnection';
  /** The members of this page, in the order asked for. */
  edges: Array<MemberEdge>;
  /**
   * True when totalCount and the facet counts are exact. A network stops counting
   * a broad search, the unfiltered list too, at its count limit
   * (SEARCH_COUNT_LIMIT, default 200 hits per network); past it the counts say
   * "at least" and the facets count the hits read so far. Pages and their order are exact either way. False too while a
   * network is left out (an error names it): its members are not counted.
   */
  exactCounts: Scalars['Boolean']['output'];
  /** Counts for the current filter, over all pages. */
  facets: MemberFacets;
  /** Whether there is a next page, and the cursor to ask for it. */
  pageInfo: PageInfo;
  /**
   * Members matching the filter; a lower bound ("at least") when exactCounts is false, which a broad search is, the
   * unfiltered list too, once a network has more hits than its count limit. Network.memberCount gives a network's
   * exact number of members.
   */
  totalCount: Scalars['Int']['output'];
};

/** One hit of a member search: the member and why it matched. */
export type MemberEdge = {
  __typename?: 'MemberEdge';
  /** Opaque position of this hit; pass it as after to continue behind it. */
  cursor: Scalars['String']['output'];
  /** Distance from filter.near in km, when given. */
  distanceKm?: Maybe<Scalars['Float']['output']>;
  /** Which parts of the filter this member met. */
  matched: MemberMatch;
  /** The member. Its fields come with the page, read by its network in the same search. */
  node: Member;
  /** Text relevance in 0..1, when filter.text is given. */
  score?: Maybe<Scalars['Float']['output']>;
};

/** Counts of the hits per value of a filter, to offer next to the hits (the counts of a supplier directory's side bar). */
export type MemberFacets = {
  __typename?: 'MemberFacets';
  /** Hits per certificate held (for example ISO 9001, IATF 16949). */
  certifications: Array<FacetCount>;
  /** Hits per network; networks with none are left out. With filter.networks, the networks not chosen are counted too (as if chosen; their hits are in neither the page nor totalCount), so that one can be added by its count. */
  networks: Array<FacetCount>;
  /** Per DIN 8580 main group (1 Urformen ... 6 Stoffeigenschaft ändern). */
  processMainGroups: Array<FacetCount>;
};

/** What the members of a search must meet: every part given, all of them. */
export type MemberFilter = {
  /** Standards such as IATF 16949; a member must hold all of them, valid on certifiedOn. */
  certifications?: InputMaybe<Array<Scalars['String']['input']>>;
  /** ISO date (YYYY-MM-DD) on which the certifications asked for must be valid (and the certifications facet counts); default today, the region's. Needs certifications or the certifications facet: without both it is BAD_USER_INPUT (reason COMBINATION), since it filters and counts nothing. */
  certifiedOn?: InputMaybe<Scalars['String']['input']>;
  /** Only members whose employee count lies in this range (members that have not said are left out). */
  employees?: InputMaybe<IntRange>;
  /**
   * Materials by EN 10027 name or number (42CrMo4 or 1.7225), aluminium (EN AW-6082, AlMgSi1) or plastics (PA66), or
   * a family word that any material of it meets (Edelstahl, Stahl, Werkzeugstahl, Alu, Kunststoff). A member must work
   * all of them. A material the list lacks is compared as members typed it (C35, S355JR); one close to a listed spelling
   * (42CrMo) that is the whole filter and finds no member in the region is BAD_USER_INPUT with reason UNKNOWN_MATERIAL
   * and extensions.suggestions (42CrMo4). With other filters beside it, finding nothing is an empty answer.
   */
  materials?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only members within this circle; also gives each hit its distanceKm. */
  near?: InputMaybe<NearInput>;
  /** Only members of these networks; all networks when left out or empty ([] chooses none, so restricts nothing, as in the filters of news and capacity posts). */
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

/** What importMembers found in the file and what it wrote. */
export type MemberImport = {
  __typename?: 'MemberImport';
  /** Each column of the file, in order, with the member field it fills. */
  columns: Array<MemberImportColumn>;
  /** The delimiter the file uses: a comma, or a semicolon (German Excel). */
  delimiter: Scalars['String']['output'];
  /** True when this was a dry run, which writes nothing. */
  dryRun: Scalars['Boolean']['output'];
  /** How the file was read: UTF-8; for bytes (fileBase64): UTF-16LE or UTF-16BE after its byte-order mark, macintosh (Excel for Mac's CSV), or windows-1252 for others that are not valid UTF-8. */
  encoding: Scalars['String']['output'];
  /** Every error of every row, by row; empty when the file can be (or was) written. */
  errors: Array<MemberImportError>;
  /** True when the members were written: not a dry run, and no row had an error. */
  imported: Scalars['Boolean']['output'];
  /** The members created, in the file's order; empty unless imported. */
  members: Array<Member>;
  /** Member rows read (blank rows are skipped). */
  rowCount: Scalars['Int']['output'];
  /** Rows skipped (skipExisting) because the network has their member already; 0 without skipExisting. */
  skipped: Scalars['Int']['output'];
};

/** A column of the imported file. */
export type MemberImportColumn = {
  __typename?: 'MemberImportColumn';
  /** The member field the column fills, for example postalCode or contacts.email; null for a column that is not imported. */
  field?: Maybe<Scalars['String']['output']>;
  /** The header as the file has it. */
  header: Scalars['String']['output'];
};

/** One problem of one row, to fix in the file before importing it again. */
export type MemberImportError = {
  __typename?: 'MemberImportError';
  /** OUT_OF_RANGE's excluded lower bound: the value must be above it. */
  above?: Maybe<Scalars['Float']['output']>;
  /** BAD_USER_INPUT for a value to correct; CONFLICT for a member the network already has or one the file lists twice. */
  code: Scalars['String']['output'];
  /** The column's header as the file has it; null for the row as a whole. */
  column?: Maybe<Scalars['String']['output']>;
  /** A CONFLICT EXISTS's earlier row of the file that names the same member (same name and postal code). */
  duplicateRow?: Maybe<Scalars['Int']['output']>;
  /** A CONFLICT EXISTS's member of the network that the row names again (same name and postal code). */
  existingMember?: Maybe<Member>;
  /** The member field the error is about, as createMember names it (for example certifications[1].validUntil); null for the row as a whole. */
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
  /** Why the value was refused, one word of README's Errors list, as a BAD_USER_INPUT's or CONFLICT's extensions.reason (the portal shows it in German or English). */
  reason?: Maybe<Scalars['String']['output']>;
  /** The row as a spreadsheet numbers it: the header is row 1, the first member row 2. */
  row: Scalars['Int']['output'];
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

/** Which parts of a search filter a member met, for showing the reasons of a hit. */
export type MemberMatch = {
  __typename?: 'MemberMatch';
  /** Required certificates the member holds, valid on the date asked. */
  certifications: Array<Scalars['String']['output']>;
  /** True when the member's employee count lies within filter.employees; null when no range was asked. */
  employees?: Maybe<Scalars['Boolean']['output']>;
  /** The member's materials that met filter.materials. */
  materials: Array<Scalars['String']['output']>;
  /** The member's process codes that met filter.processes. */
  processes: Array<Scalars['String']['output']>;
  /** Fields that contain a search word, or for a word in no member's text one of its close spellings: name, city, description, services, processes, materials (with their other spellings and family words, such as V2A or Edelstahl), certifications. */
  text: Array<Scalars['String']['output']>;
  /** True when the member lies within filter.near's radius; null when no radius was asked. */
  withinRadius?: Maybe<Scalars['Boolean']['output']>;
};

/** The order of a member search's hits; ties by name, then id. */
export type MemberOrder =
  /** Nearest to filter.near first (needs filter.near). */
  | 'DISTANCE'
  /** Alphabetical by name, German collation (ä sorts as a). */
  | 'NAME'
  /** Best text match first (needs filter.text). */
  | 'RELEVANCE';

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

/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type Mutation = {
  __typename?: 'Mutation';
  /** The owner (or admin) accepts a proposal: the member is invited to the OPEN inquiry. */
  acceptInviteeProposal: InquiryInvitation;
  /** The invited member (or its office or admin) accepts: INVITED becomes ACTIVE. CONFLICT for any other status. */
  acceptWorkingGroupInvitation: WorkingGroupMembership;
  /**
   * The lead asks more members of any network into its consortium while it has not quoted (one partner declined,
   * say): each is INVITED and told, as at the start. A partner that declined is out of the consortium's completeness.
   */
  addConsortiumPartners: Consortium;
  /**
   * An office (for its members) or admin invites a member to an OPEN inquiry. An
   * office only to an inquiry it already sees (its own, or one its members are
   * invited to); any other is NOT_FOUND, as if it did not exist.
   */
  addInvitee: InquiryInvitation;
  /** Archives an account: it signs in no more; sessions already open end at their next renewal, within 10 minutes (the gateway's SESSION_RENEWAL_S). The account's office and admin (admin alone for customers). */
  archiveAccount: Account;
  /**
   * Archives a member, a company that has left its network: it leaves every list but stays readable by id, and takes
   * part in nothing new (naming it in a capacity post or booking, an invitation, a working group, a registration, a
   * relationship or an account is BAD_USER_INPUT with reason ARCHIVED, FORBIDDEN with that reason for its own people;
   * nothing it asked or quoted before is confirmed or awarded after). Its open capacity posts are withdrawn, the
   * working groups it leads go to its network's office, its pending joint-booth registrations are declined, and its
   * accounts are archived. Archiving again is safe.
   * Allowed: its network's office, admin.
   */
  archiveMember: Member;
  /** OPEN → AWARDED to one quote; the other bidders are told they were not chosen. */
  awardQuote: Inquiry;
  /**
   * Books hours of an offer for a window inside the offer's window. Never more than the offer has left, nor more than
   * the window's days have free beside the offer's other requested and confirmed bookings: an offer is one machine's or
   * one designer's time, 24 machine hours or 8 CAD hours a working day. Either refusal is CONFLICT with reason
   * NOT_ENOUGH_LEFT and hoursLeft, the most this booking could take.
   */
  bookCapacity: CapacityBooking;
  /**
   * Withdraws a pending or confirmed registration; its area is free again. The
   * member and its office until the registration deadline, the organiser and
   * admin at any time.
   */
  cancelBoothRegistration: BoothRegistration;
  /** Cancels a requested or confirmed booking; its hours return to the offer. */
  cancelCapacityBooking: CapacityBooking;
  /** Cancels a registration; when it held a place, the first on the waiting list moves up (movedUp). */
  cancelEventRegistration: EventRegistrationCancellation;
  /** OPEN → CANCELLED, or DRAFT → CANCELLED. */
  cancelInquiry: Inquiry;
  /** The signed-in person changes their own password (a one-time password too: mustChangePassword turns false). BAD_USER_INPUT at currentPassword when it is wrong, at newPassword when it breaks the rule. */
  changePassword: Account;
  /** OPEN → CLOSED_WITHOUT_AWARD. */
  closeInquiryWithoutAward: Inquiry;
  /** The organising office (or admin) confirms a pending registration: the member is an exhibitor and hears so (BOOTH_REGISTRATION_CONFIRMED). */
  confirmBoothRegistration: BoothRegistration;
  /** Confirms a requested booking. Allowed: the offering member, its office, admin. */
  confirmCapacityBooking: CapacityBooking;
  /** The partner confirms a requested relationship; FORBIDDEN for the requester itself or a third party. */
  confirmRelationship: BusinessRelationship;
  /** The lead (or admin) confirms a member's request to join: REQUESTED becomes ACTIVE. CONFLICT for any other status. */
  confirmWorkingGroupMembership: WorkingGroupMembership;
  /**
   * Creates an account whose holder signs in with its e-mail address and this
   * first password. An office creates MEMBER accounts for members of its own
   * network and OFFICE accounts for its own staff; admin creates any, CUSTOMER
   * accounts alone. BAD_USER_INPUT (extensions.field names the input field) for
   * a malformed address or a password against the rule (12 to 128 characters, not
   * the e-mail address, not one character repeated), NOT_FOUND for an unknown
   * member, FORBIDDEN for another network's member, CONFLICT for an e-mail
   * address that has an account already: reason EXISTS, or ARCHIVED_EXISTS with
   * its accountId when that account is archived (restore it with restoreAccount).
   * A refusal writes nothing.
   */
  createAccount: Account;
  /**
   * Creates an API key for a partner; the key is in this answer only. safelist: the partner may send only registered
   * operations. An organisation that has a key or a customer account already, however its name is written (case,
   * spaces), keeps its spelling: the new key is that partner's, with its inquiries, webhooks and rate limits, and
   * existingPartner says so. A spelling stored exactly as given is that organisation; several stored spellings that differ
   * only in case or spaces (organisations of their own from before this match), none given exactly, are CONFLICT with
   * reason AMBIGUOUS_ORGANISATION and the spellings: give one of them exactly. Allowed: admin.
   */
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
  /**
   * Creates a trade fair with the region's joint booth at it. A network office
   * organises it for the region (it confirms and declines registrations), or
   * admin. BAD_USER_INPUT for dates in the past, a deadline after the fair's
   * start, an area that is not positive or costs that are negative.
   */
  createTradeFair: TradeFair;
  /**
   * Founds a working group, for offices and admin. The lead is an office
   * (lead.network alone) or a member (lead.memberId, who becomes the group's
   * first member); an office founds groups led by itself or one of its members.
   * CONFLICT when a group with this topic exists.
   */
  createWorkingGroup: WorkingGroup;
  /** The organising office (or admin) declines a pending registration; its area is free again. */
  declineBoothRegistration: BoothRegistration;
  /** Declines a requested booking; its hours return to the offer. Allowed: the offering member, its office, admin. */
  declineCapacityBooking: CapacityBooking;
  /** An invited member declines, with a reason. A member acts for itself; an office or admin names the member. */
  declineInquiry: InquiryInvitation;
  /** Removes a contact person (ids look like NIWE:c-12). Allowed: its network's office, admin, the member itself. */
  deleteContactPerson: Member;
  /** Deletes a webhook: no further deliveries. Allowed: whoever may see it (see webhooks). True when deleted. */
  deleteWebhook: Scalars['Boolean']['output'];
  /** Either side ends a relationship, requested or confirmed. */
  endRelationship: BusinessRelationship;
  /**
   * Moves the quote deadline of an OPEN inquiry later (never earlier: bidders plan on it), also once it has passed
   * (QUOTING_CLOSED), which opens quoting again: a customer with too few quotes gives the bidders more time. The new
   * deadline lies in the future, until the day before the last the delivery date takes (two years ahead), and must end
   * before the delivery date's day, or deliveryDate moves with it (later too). Every invitee that has not declined and
   * every consortium partner hears DEADLINE_EXTENDED; the DEADLINE_NEAR reminder follows the new deadline. Quotes
   * submitted stay (a bidder whose quote lapses before the new deadline's day reads which), withdrawn ones stay withdrawn.
   */
  extendQuoteDeadline: Inquiry;
  /**
   * The lead (a member lead, or its office) or admin hands the lead to another
   * network's office (lead.network) or to an active member of the group
   * (lead.memberId); a member lead stays a member and may then leave. CONFLICT
   * when the new lead is not an active member or leads already.
   */
  handOverWorkingGroupLead: WorkingGroup;
  /**
   * Creates a network's members from a CSV file as offices keep them: one member per row, columns Name, Straße,
   * PLZ, Ort, Mitarbeiter, Verfahren, Werkstoffe, Zertifikate, E-Mail, ... (German headers or their English aliases;
   * README "Member import and export" lists them), with commas or, as German Excel writes, semicolons and decimal
   * commas. Give the file as text (csv), or as its bytes (fileBase64): UTF-8 with or without a BOM, or Windows-1252
   * (Excel's "CSV (Trennzeichen-getrennt)"), told apart by whether the bytes are valid UTF-8. Text that shows a
   * wrong decoding on the client's side is refused. At most 1000 member rows and 512 KiB.
   * Every row is checked as createMember checks its input, and members already in the network (same name and postal
   * code) or twice in the file are refused (or, with skipExisting, those already in the network skipped); each error is
   * reported with its row and column. Only a file without any
   * error is written, all its members in one transaction; otherwise nothing is written and `imported` is false.
   * Allowed: that network's office, admin.
   */
  importMembers: MemberImport;
  /**
   * The lead (or admin) invites a member of any network; the member accepts with
   * acceptWorkingGroupInvitation and hears of it by webhook
   * (WORKING_GROUP_INVITED). NOT_FOUND for an unknown member; CONFLICT as above.
   */
  inviteToWorkingGroup: WorkingGroupMembership;
  /** A member leaves the group, or withdraws its request, or declines its invitation: LEFT (its answers to meetings not yet begun are withdrawn). NOT_FOUND when it has no open membership; CONFLICT for its lead, who hands the lead over first. */
  leaveWorkingGroup: WorkingGroupMembership;
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
  /**
   * DRAFT → OPEN: ranks suppliers across all networks and invites the best `invite` of them. A customer or member,
   * who cannot invite by hand afterwards, invites at least 1; when no member holds the certificates asked for, nothing
   * is published (BAD_USER_INPUT, reason NO_MATCH).
   */
  publishInquiry: Inquiry;
  /**
   * network: where to publish; an office publishes for its own network. Without it the item is region-wide (admin only).
   * idempotencyKey (1..200 characters, kept 24 h per caller): a retry with the same key and input answers the
   * item the first request published and publishes nothing; the same key with other input is CONFLICT.
   */
  publishNews: NewsItem;
  /**
   * Registers a member as exhibitor on the booth: the caller's own member, or
   * memberId for an office (its network's members) or admin. The area is held
   * at once (PENDING) until the organiser confirms or declines. CONFLICT when
   * registration has closed, the member is registered already, the member has
   * registered for the booth 5 times already (REGISTRATIONS_USED_UP, each since
   * withdrawn or declined; admin is not bound by it), or the area is more
   * than is left (extensions.remainingAreaM2); NOT_FOUND for an unknown booth or
   * member.
   */
  registerForBooth: BoothRegistration;
  /**
   * Registers a participant of a member (the caller's own member; offices and
   * admin name memberId). REGISTERED while places are left, WAITING after;
   * CONFLICT when the person is already registered or registration has closed.
   */
  registerForEvent: EventRegistration;
  /**
   * Registers a webhook: a member's own; an office's for its network (or, with memberId, for one of its members);
   * admin's for a member; a partner's own, which hears QUOTE_RECEIVED and QUOTE_WITHDRAWN of the inquiries it owns.
   * The secret is returned once (and stored encrypted); each delivery carries
   * x-irm-signature: sha256=<hex HMAC-SHA256 of the body with the secret>.
   */
  registerWebhook: WebhookRegistration;
  /** The owner (or admin) rejects a proposal; it is deleted. */
  rejectInviteeProposal: Scalars['Boolean']['output'];
  /** The lead, the member's office or admin remove a member, or decline a request or withdraw an invitation: REMOVED. The member's answers to meetings not yet begun are withdrawn. */
  removeFromWorkingGroup: WorkingGroupMembership;
  /** An office (for its members) or admin withdraws an invitation that has no quote yet; an office only on an inquiry it sees. */
  removeInvitee: Scalars['Boolean']['output'];
  /**
   * Records "the caller's member is <kind> partner". REQUESTED until the partner
   * confirms. BAD_USER_INPUT for oneself, NOT_FOUND for an unknown member,
   * CONFLICT when an active relationship of that kind exists between the two.
   */
  requestRelationship: BusinessRelationship;
  /**
   * A member asks to join; the lead confirms with confirmWorkingGroupMembership.
   * A member asks for itself; its office or admin name the member. CONFLICT when
   * the member is invited, has asked already or belongs to the group.
   */
  requestToJoinWorkingGroup: WorkingGroupMembership;
  /**
   * Gives an account whose holder forgot the password a new, generated one-time
   * password and answers it this once, for the office to pass on in person or by
   * telephone (the system sends no e-mail; the office never chooses the
   * password). The old password stops working at once, the account's sessions
   * end at their next renewal (within 10 minutes), and the holder must choose a
   * password of their own at the next sign-in (mustChangePassword); the one-time
   * password stops working after 7 days (expiresAt). The account's office and
   * admin (admin alone for customers): FORBIDDEN for another's, NOT_FOUND for an
   * unknown id, BAD_USER_INPUT (reason NOT_APPLICABLE) for the caller's own
   * account (changePassword is for that), CONFLICT with reason STATUS and status
   * ARCHIVED for an archived one (restore it first).
   */
  resetAccountPassword: AccountPasswordReset;
  /** A partner (or the lead) accepts with its share of the work, or declines. */
  respondToConsortium: Consortium;
  /**
   * Restores an archived account: it signs in again with the password it had
   * (reset it as well if that is forgotten); sessions from before it was archived
   * stay ended. The account's office and admin (admin alone for customers):
   * FORBIDDEN for another's, NOT_FOUND for an unknown id. A MEMBER account whose
   * member company has left its network is not restored for it (members cannot be
   * restored): BAD_USER_INPUT at memberId with reason ARCHIVED, unless memberId
   * names the live member it acts for from now on. Restoring an account that is
   * not archived changes nothing.
   */
  restoreAccount: Account;
  /** Revokes an API key: it no longer gives tokens; tokens already issued expire within 15 minutes. Allowed: admin. */
  revokeApiKey: ApiKey;
  /**
   * An active member answers a meeting's invitation; answering again changes
   * the answer. At most participantLimit answers are YES, held by the database
   * under simultaneous answers: past it, YES is CONFLICT (extensions.participantLimit)
   * and MAYBE or NO still go. FORBIDDEN for a non-member, CONFLICT for a meeting that has begun.
   */
  rsvpMeeting: MeetingRsvp;
  /**
   * The lead (or admin) schedules a meeting; each active member hears of it by
   * webhook (MEETING_SCHEDULED). BAD_USER_INPUT for a time not in the future, a
   * participant limit below 1, neither place nor video link, or a video link
   * that is not an https URL.
   */
  scheduleMeeting: Meeting;
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
   * last writer wins). A name and postal code another live member of the network has already (as createMember
   * compares them) is CONFLICT with reason EXISTS, extensions.field input.name or input.postalCode (whichever
   * changed) and extensions.existingMember. idempotencyKey as for createMember.
   */
  updateMember: Member;
  /**
   * Corrects a published item: every field as given (send them all, as publishNews takes them); its kind and
   * publication time stay. Its publisher only: the network's office, admin for any. A start or deadline that has
   * passed may stay as it is; a new one must lie ahead. registrationLimit below the places taken is BAD_USER_INPUT
   * OUT_OF_RANGE with min (cancel registrations first); a raised limit, or none, gives the new places to the waiting
   * list in its order (EVENT_MOVED_UP). A new time or place tells every registered and waiting participant's member
   * (EVENT_CHANGED). The same input again changes nothing. A withdrawn item is CONFLICT STATUS (status WITHDRAWN).
   */
  updateNews: NewsItem;
  /** Withdraws a post: it leaves the lists and cannot be booked; bookings already made stay. Allowed: the posting member, its office, admin. */
  withdrawCapacityPost: CapacityPost;
  /**
   * Withdraws a published item: it leaves the feed and the calendars; newsItem still answers it with withdrawnAt.
   * An event still ahead cancels its registrations, and each participant's member hears EVENT_WITHDRAWN; an event
   * begun or over keeps them. Its publisher only; withdrawing it again answers it as it is.
   */
  withdrawNews: NewsItem;
  /**
   * Withdraws a SUBMITTED quote while its inquiry is OPEN, before the quote deadline: the quoting member (a consortium's
   * lead for the consortium's quote) or an office or admin naming it. The quote reads WITHDRAWN, leaves the owner's
   * comparison and cannot be awarded; the owner (and a consortium's partners) hear QUOTE_WITHDRAWN. Until the deadline
   * the bidder may quote again: submitQuote with the withdrawn quote's version submits its next revision.
   */
  withdrawQuote: Quote;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationAcceptInviteeProposalArgs = {
  inquiryId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationAcceptWorkingGroupInvitationArgs = {
  membershipId: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationAddConsortiumPartnersArgs = {
  consortiumId: Scalars['ID']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
  partners: Array<Scalars['ID']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationAddInviteeArgs = {
  inquiryId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationArchiveAccountArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationArchiveMemberArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationAwardQuoteArgs = {
  inquiryId: Scalars['ID']['input'];
  quoteId: Scalars['ID']['input'];
  quoteVersion?: InputMaybe<Scalars['Int']['input']>;
  version: Scalars['Int']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationBookCapacityArgs = {
  from: Scalars['String']['input'];
  hours: Scalars['Int']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
  offerId: Scalars['ID']['input'];
  to: Scalars['String']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationCancelBoothRegistrationArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationCancelCapacityBookingArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationCancelEventRegistrationArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationCancelInquiryArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationCloseInquiryWithoutAwardArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationConfirmBoothRegistrationArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationConfirmCapacityBookingArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationConfirmRelationshipArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationConfirmWorkingGroupMembershipArgs = {
  membershipId: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationCreateAccountArgs = {
  input: CreateAccountInput;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationCreateApiKeyArgs = {
  name: Scalars['String']['input'];
  partner: Scalars['String']['input'];
  safelist?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationCreateConsortiumArgs = {
  inquiryId: Scalars['ID']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
  partners: Array<Scalars['ID']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationCreateInquiryArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: InquiryInput;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationCreateMemberArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: MemberInput;
  network: NetworkCode;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationCreateTradeFairArgs = {
  input: TradeFairInput;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationCreateWorkingGroupArgs = {
  input: WorkingGroupInput;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationDeclineBoothRegistrationArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationDeclineCapacityBookingArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationDeclineInquiryArgs = {
  inquiryId: Scalars['ID']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
  reason: Scalars['String']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationDeleteContactPersonArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationDeleteWebhookArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationEndRelationshipArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationExtendQuoteDeadlineArgs = {
  deliveryDate?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  quoteDeadline: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationHandOverWorkingGroupLeadArgs = {
  groupId: Scalars['ID']['input'];
  lead: WorkingGroupLeadInput;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationImportMembersArgs = {
  csv?: InputMaybe<Scalars['String']['input']>;
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  fileBase64?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  network: NetworkCode;
  skipExisting?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationInviteToWorkingGroupArgs = {
  groupId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationLeaveWorkingGroupArgs = {
  groupId: Scalars['ID']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationPostCapacityArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CapacityPostInput;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationProposeInviteeArgs = {
  inquiryId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationPublishInquiryArgs = {
  id: Scalars['ID']['input'];
  invite?: InputMaybe<Scalars['Int']['input']>;
  version: Scalars['Int']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationPublishNewsArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: NewsInput;
  network?: InputMaybe<NetworkCode>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationRegisterForBoothArgs = {
  boothId: Scalars['ID']['input'];
  input: BoothRegistrationInput;
  memberId?: InputMaybe<Scalars['ID']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationRegisterForEventArgs = {
  eventId: Scalars['ID']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
  participant: ParticipantInput;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationRegisterWebhookArgs = {
  events: Array<InquiryEventType>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
  url: Scalars['String']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationRejectInviteeProposalArgs = {
  inquiryId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationRemoveFromWorkingGroupArgs = {
  membershipId: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationRemoveInviteeArgs = {
  inquiryId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationRequestRelationshipArgs = {
  kind: RelationshipKind;
  partnerId: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationRequestToJoinWorkingGroupArgs = {
  groupId: Scalars['ID']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationResetAccountPasswordArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationRespondToConsortiumArgs = {
  accept: Scalars['Boolean']['input'];
  consortiumId: Scalars['ID']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
  processes?: InputMaybe<Array<Scalars['String']['input']>>;
  sharePercent?: InputMaybe<Scalars['Float']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationRestoreAccountArgs = {
  id: Scalars['ID']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationRsvpMeetingArgs = {
  answer: RsvpAnswer;
  meetingId: Scalars['ID']['input'];
  memberId?: InputMaybe<Scalars['ID']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationScheduleMeetingArgs = {
  groupId: Scalars['ID']['input'];
  input: MeetingInput;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationSetAvailabilityArgs = {
  memberId?: InputMaybe<Scalars['ID']['input']>;
  status: AvailabilityStatus;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationSubmitQuoteArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: QuoteInput;
  inquiryId: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationUpdateCapacityPostArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CapacityPostPatch;
  version: Scalars['Int']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationUpdateInquiryArgs = {
  id: Scalars['ID']['input'];
  input: InquiryPatch;
  version: Scalars['Int']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationUpdateMemberArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: MemberPatch;
  version?: InputMaybe<Scalars['Int']['input']>;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationUpdateNewsArgs = {
  id: Scalars['ID']['input'];
  input: NewsInput;
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationWithdrawCapacityPostArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationWithdrawNewsArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Each names who is allowed; bad input is BAD_USER_INPUT with extensions.field naming what to fix and extensions.reason saying why (listed in the README, Errors), and nothing is written. */
export type MutationWithdrawQuoteArgs = {
  memberId?: InputMaybe<Scalars['ID']['input']>;
  quoteId: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};

/** A circle: either latitude and longitude, or a German postal code, and a radius of up to 500 km. */
export type NearInput = {
  /** Centre, degrees north (WGS 84), with longitude. */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** Centre, degrees east (WGS 84), with latitude. */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** Centre as a German postal code (five digits), instead of latitude and longitude. */
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** Radius in km, more than 0 and at most 500. */
  radiusKm: Scalars['Float']['input'];
};

/** One of the region's company networks (Netzwerke), for example NIWE, each run by its own office (Netzwerkbüro). */
export type Network = {
  __typename?: 'Network';
  /** The network's code, for example NIWE. */
  code: NetworkCode;
  /** Focus themes of the network's companies. */
  focus: Array<Scalars['String']['output']>;
  /** Live (not archived) members; null, with a NETWORK_UNAVAILABLE error at this path, while the network does not answer (the other networks still do). */
  memberCount?: Maybe<Scalars['Int']['output']>;
  /** The network's members by name; null, with a NETWORK_UNAVAILABLE error at this path, while the network does not answer. */
  members?: Maybe<MemberConnection>;
  /** The network's full name, for example NIWE – Netzwerk Industrie Werra. */
  name: Scalars['String']['output'];
  /** The network office (Netzwerkbüro) that runs the network and speaks for its members. */
  office: NetworkOffice;
};


/** One of the region's company networks (Netzwerke), for example NIWE, each run by its own office (Netzwerkbüro). */
export type NetworkMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What one network's exhibitors pay together. */
export type NetworkBoothCost = {
  __typename?: 'NetworkBoothCost';
  /** Their area, m². */
  areaM2: Scalars['Int']['output'];
  /** Its confirmed exhibitors. */
  exhibitors: Scalars['Int']['output'];
  /** The network. */
  network: Network;
  /** Their base fees + area shares, cents. */
  totalCents: Scalars['Int']['output'];
};

/** The region's company networks, by code. */
export type NetworkCode =
  /** KONAT – Konstruktions- und Automatisierungsnetzwerk Thüringen; its office: Netzwerkbüro KONAT, Eisenach. */
  | 'KONAT'
  /** LINAT – Leichtbau- und Industrienetzwerk Nordthüringen; its office: Netzwerkbüro LINAT, Mühlhausen. */
  | 'LINAT'
  /** NIWE – Netzwerk Industrie Werra; its office: Netzwerkbüro NIWE, Eschwege. */
  | 'NIWE';

/** The network office (Netzwerkbüro): the people who run a network, public contact data. */
export type NetworkOffice = {
  __typename?: 'NetworkOffice';
  /** The town the office sits in. */
  city: Scalars['String']['output'];
  /** The office's e-mail address. */
  email: Scalars['String']['output'];
  /** For example Netzwerkbüro NIWE. */
  name: Scalars['String']['output'];
  /** The office's telephone number, international form, for example +49 5651 000100. */
  phone: Scalars['String']['output'];
};

/** A key just created: the secret itself, shown this once, and its stored record. */
export type NewApiKey = {
  __typename?: 'NewApiKey';
  /** The stored record of the key, as apiKeys lists it. */
  apiKey: ApiKey;
  /**
   * The existing partner organisation the key was added to, as it is spelled already (apiKey.partner), when the
   * partner given names one that has a key (also a revoked one) or a customer account, compared without case and with
   * runs of spaces as one: "autozulieferer  muster gmbh" is Autozulieferer Muster GmbH. Null for an organisation new
   * to the region, which is stored on one line as given.
   */
  existingPartner?: Maybe<Scalars['String']['output']>;
  /** The key itself; it is not stored and cannot be shown again. */
  key: Scalars['String']['output'];
};

/** One page of the news feed. */
export type NewsConnection = {
  __typename?: 'NewsConnection';
  /** The items of this page, newest first. */
  edges: Array<NewsEdge>;
  /** Whether older items follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
};

/** One item of the news feed. */
export type NewsEdge = {
  __typename?: 'NewsEdge';
  /** Opaque position of this item; pass it as after to continue behind it. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: NewsItem;
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

/** A piece of news or an event (Veranstaltung) published by a network's office or, region-wide, by admin. */
export type NewsItem = {
  __typename?: 'NewsItem';
  /** The event as iCalendar (RFC 5545) at the gateway; null for news. */
  calendarPath?: Maybe<Scalars['String']['output']>;
  /** Events: ISO 8601 end; null for news or when open-ended. */
  endsAt?: Maybe<Scalars['String']['output']>;
  /** For example NIWE:n-12, or REGION:n-3 for a region-wide item. */
  id: Scalars['ID']['output'];
  /** News or event. */
  kind: NewsKind;
  /** The publishing network, null for region-wide items. */
  network?: Maybe<Network>;
  /** Events: where it takes place; null when not given. */
  place?: Maybe<Scalars['String']['output']>;
  /** ISO 8601 timestamp (UTC) of publication. */
  publishedAt: Scalars['String']['output'];
  /** Events: registrations holding a place; 0 for news. */
  registeredCount: Scalars['Int']['output'];
  /** Events: ISO 8601 time registration closes; null: when the event starts. */
  registrationDeadline?: Maybe<Scalars['String']['output']>;
  /** Events: places available; null: no limit. */
  registrationLimit?: Maybe<Scalars['Int']['output']>;
  /** Events: ISO 8601 start; null for news. */
  startsAt?: Maybe<Scalars['String']['output']>;
  /** The body, plain text with line breaks. */
  text: Scalars['String']['output'];
  /** Headline. */
  title: Scalars['String']['output'];
  /** ISO 8601 timestamp (UTC) of its publisher's last correction (updateNews); null while as published. */
  updatedAt?: Maybe<Scalars['String']['output']>;
  /** Who may read it: everyone, or members, offices and admin. */
  visibility: NewsVisibility;
  /** Events: registrations on the waiting list; 0 for news. */
  waitingCount: Scalars['Int']['output'];
  /** ISO 8601 timestamp (UTC) of its withdrawal (withdrawNews); null while published. A withdrawn item is in no feed. */
  withdrawnAt?: Maybe<Scalars['String']['output']>;
};

/** News or event. */
export type NewsKind =
  /** An event (Veranstaltung) with a start, a place and, maybe, registrations. */
  | 'EVENT'
  /** A piece of news (Meldung). */
  | 'NEWS';

/** PUBLIC: everyone sees it. MEMBERS: members, offices and admin only. */
export type NewsVisibility =
  /** Members, offices and admin only. */
  | 'MEMBERS'
  /** Everyone, signed in or not. */
  | 'PUBLIC';

export type NiweMember = Member & {
  __typename?: 'NiweMember';
  archivedAt?: Maybe<Scalars['String']['output']>;
  /** Looking for work, normal, or at capacity: set by the member or its office, visible to the region. */
  availability: AvailabilityStatus;
  certifications: Array<Certification>;
  city: Scalars['String']['output'];
  contacts: Array<ContactPerson>;
  createdAt: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  employees?: Maybe<Scalars['Int']['output']>;
  /** Global id that names the owning network, for example NIWE:m-42. */
  id: Scalars['ID']['output'];
  location?: Maybe<GeoPoint>;
  materials: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  network: Network;
  /** Members of any network whose processes complement this member's (relationships/complements.ts), within radiusKm, ranked, each with its reasons; not those it already has a relationship with. For the member, its office and admin. */
  partnerSuggestions?: Maybe<Array<PartnerSuggestion>>;
  postalCode: Scalars['String']['output'];
  processes: Array<Process>;
  services: Array<Service>;
  street?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['String']['output'];
  version: Scalars['Int']['output'];
  website?: Maybe<Scalars['String']['output']>;
};


export type NiweMemberPartnerSuggestionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  radiusKm?: InputMaybe<Scalars['Int']['input']>;
};

/** Where a page ends, for asking for the next one. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the page's last item, to pass as after; null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when there are more items after this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /**
   * Member lists (members, Network.members) and the news feed (feed) only: the networks that did not answer for this
   * page, each also named by a NETWORK_UNAVAILABLE error with extensions.walkIncomplete true. The page lacks their
   * members or items, and so does every page walked on from its endCursor (the cursor is one position in the region's
   * order): to get every one, start the walk again once they answer. Empty for a complete page; null on other lists.
   */
  missingNetworks?: Maybe<Array<NetworkCode>>;
};

/** The person who will attend an event. */
export type ParticipantInput = {
  /** E-mail address, for the confirmation. */
  email: Scalars['String']['input'];
  /** Full name, 1..200 characters. */
  name: Scalars['String']['input'];
};

/** A member that complements another's processes (relationships/complements.ts). */
export type PartnerSuggestion = {
  __typename?: 'PartnerSuggestion';
  /** Null when the suggested-for member has no location. */
  distanceKm?: Maybe<Scalars['Float']['output']>;
  /** The member suggested; null while its network cannot be reached (an error names it). */
  member?: Maybe<Member>;
  /** One per complementary process group, for example: Spanen mit geometrisch bestimmten Schneiden (yours) → Wärmebehandeln (Härten, Anlassen, Glühen) (theirs). */
  reasons: Array<Scalars['String']['output']>;
  /** The same as data, one per reason in its order, for a client that says them in its user's language. */
  steps: Array<ComplementaryStep>;
};

/** A unit price that applies from a quantity on (Staffelpreis: tiered price). */
export type PriceTier = {
  __typename?: 'PriceTier';
  /** From this many parts on. */
  minQuantity: Scalars['Int']['output'];
  /** Price per part in the quote's currency, net. */
  unitPrice: Scalars['Float']['output'];
};

/** A unit price that applies from a quantity on (Staffelpreis: tiered price). */
export type PriceTierInput = {
  /** From this many parts on. */
  minQuantity: Scalars['Int']['input'];
  /** Price per part in the quote's currency, net, more than 0. */
  unitPrice: Scalars['Float']['input'];
};

/** A manufacturing process from the DIN 8580 hierarchy. */
export type Process = {
  __typename?: 'Process';
  /** For example 3.2.3. */
  code: Scalars['String']['output'];
  /** The main group, for example Trennen. */
  mainGroup: Scalars['String']['output'];
  /** For example Fräsen. */
  name: Scalars['String']['output'];
  /** Names from the main group down to this process. */
  path: Array<Scalars['String']['output']>;
};

/** The lot size of a part request. */
export type Quantity =
  /** Fewer than 10 pieces (Prototyp, Muster: prototype, sample). */
  | 'PROTOTYPE'
  /** 1000 pieces and more (Serie: series production). */
  | 'SERIES'
  /** 10 to 999 pieces (Kleinserie: small series). */
  | 'SMALL_SERIES';

/** One quantity to quote for; an inquiry may ask prices for several (for example 100, 1000, 10000 parts). */
export type QuantityInput = {
  /** Parts per delivery, no more than quantity; null: one delivery. */
  batchSize?: InputMaybe<Scalars['Int']['input']>;
  /** Parts in total. */
  quantity: Scalars['Int']['input'];
};

/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type Query = {
  __typename?: 'Query';
  /** Accounts, oldest first. An office sees its own network's (network may only name it), admin all or one network's; archived ones only with includeArchived. */
  accounts?: Maybe<Array<Account>>;
  /** Partners' API keys (never the keys themselves). Allowed: admin. */
  apiKeys?: Maybe<Array<ApiKey>>;
  /** A network's audit log of writes, newest first. Allowed: that network's office, admin. first: 1..100. */
  auditLog?: Maybe<AuditLogPage>;
  /**
   * Hours offered, requested and booked per ISO calendar week and per kind and
   * CAD system or process, per network and for the whole region (network null).
   * Counted from today (the region's day) on: a post's or booking's hours are
   * spread over the working days its window has left, at most what those days
   * hold, and one whose window has ended is left out, in every week.
   * Also as CSV: GET /export/capacity-balance.csv?from=...&to=...&kind=... at the gateway.
   */
  capacityBalance?: Maybe<Array<CapacityBalanceRow>>;
  /** Bookings the caller takes part in (as booker or offerer), or its network's bookings for an office; all for admin. */
  capacityBookings?: Maybe<Array<CapacityBooking>>;
  /** For a request: the offers that fit it; for an offer: the requests it could serve. Best first, with reasons. */
  capacityMatches?: Maybe<Array<CapacityMatch>>;
  /** One post by id (withdrawn ones too); null when there is none. */
  capacityPost?: Maybe<CapacityPost>;
  /** Open offers and requests, newest first. Filter by side, kind and overlap with a window. */
  capacityPosts?: Maybe<CapacityPostConnection>;
  /** One consortium, or null when it does not exist or the caller may not see it: seen by its members, the inquiry's owner, the offices of its members and admin. */
  consortium?: Maybe<Consortium>;
  /**
   * Relationships confirmed between members of different networks, per quarter
   * of confirmation on the region's calendar (Berlin), oldest first: the measure of the region's business
   * between its members. For offices and admin.
   */
  crossNetworkRelationships?: Maybe<Array<RelationshipQuarter>>;
  /** An event's active registrations, registered first, then the waiting list in order; for its publisher and admin. */
  eventRegistrations?: Maybe<Array<EventRegistration>>;
  /**
   * Certificates of a network's live members that run out within withinDays from today, or ran out within the last
   * expiredSinceDays, soonest first (the longest lapsed at the top), then by member name: whom its office reminds to
   * renew. Today is the region's day (Berlin). Allowed: that network's office, admin. withinDays and
   * expiredSinceDays: 0..730; first: 1..500.
   */
  expiringCertificates?: Maybe<Array<ExpiringCertificate>>;
  /**
   * News and events of every network and the region, newest first (published
   * time, then source, then id; cursors are exact across networks). A network
   * that is down leaves its items out of the page and adds NETWORK_UNAVAILABLE
   * naming it, with extensions.walkIncomplete true, and pageInfo.missingNetworks
   * lists it: every page walked on from that page's endCursor lacks its items
   * too, even once it answers again, so start the walk again then.
   * Members-only items for members, offices and admin. first: 1..100.
   */
  feed: NewsConnection;
  /**
   * The region's best suppliers for a concrete part request, ranked by how well
   * they meet it (score 0..1) with the reasons per requirement. Members missing a
   * hard requirement (a required certificate, the maximum distance) are left out.
   * first: 1..100: the best 100 are the answer, with no further pages. A part request
   * invites at most 100 bidders (publishInquiry), and past them come the members that
   * meet least of it; members(filter: { processes, certifications, near }) pages
   * through the region's members by what they offer.
   */
  findSuppliers: SupplierMatchConnection;
  /**
   * Inquiries the caller may see: its own, those it is invited to (members), those its members are invited to (offices); all for admin.
   * Newest first (by creation, the id breaking ties). To read on past a page, pass its last inquiry's id as after; a page
   * shorter than first is the last.
   */
  inquiries?: Maybe<Array<Inquiry>>;
  /** One inquiry, or null when it does not exist or the caller may not see it. An invited member's first read marks its invitation VIEWED. */
  inquiry?: Maybe<Inquiry>;
  /** One joint booth by id; null when there is none. */
  jointBooth?: Maybe<JointBooth>;
  /** One meeting of a working group; NOT_FOUND when there is none with this id. */
  meeting?: Maybe<Meeting>;
  /** One member by global id, archived members included. */
  member?: Maybe<Member>;
  /**
   * Members of all networks (or those in filter.networks) that meet every part
   * of the filter. Order: RELEVANCE by default when filter.text is given,
   * DISTANCE when filter.near is given, NAME otherwise; ties by name, then id.
   * first: 1..100.
   */
  members: MemberConnection;
  /** The signed-in person's own account; null when the caller did not sign in with an account (a bearer token, an API key, anonymous). */
  myAccount?: Maybe<Account>;
  /**
   * The caller's own registrations for events of every network and the region,
   * newest first (registration time, then source, then id), each with its status
   * and, while waiting, its place in line: a member's, an office's members'.
   * A network that is down leaves its registrations out and adds
   * NETWORK_UNAVAILABLE naming it. Members and offices only.
   */
  myEventRegistrations?: Maybe<Array<EventRegistration>>;
  /** One network by code; null when the code names no network. */
  network?: Maybe<Network>;
  /** The region's networks. */
  networks: Array<Network>;
  /** One item or event by id (NIWE:n-12, REGION:n-3); null when unknown or not visible to the caller. */
  newsItem?: Maybe<NewsItem>;
  /**
   * The owner's side-by-side view of the quotes on an inquiry, cheapest unit price first. Prices compare only
   * within a currency: the quotes in the currency most of them use come first, then each other currency's (more
   * quotes first, then by code), each cheapest first.
   */
  quoteComparison?: Maybe<Array<QuoteComparisonRow>>;
  /** Region's own audit log of writes (API keys, webhooks), newest first. Allowed: admin; an office reads the entries about its network and about registrations for a joint booth it organises. first: 1..100. */
  regionAuditLog?: Maybe<AuditLogPage>;
  /**
   * A member's relationships. The member itself (and admin) sees every one it
   * is part of, requested ones too; anyone else signed in sees only confirmed
   * ones. memberId defaults to the caller's own member.
   */
  relationships?: Maybe<Array<BusinessRelationship>>;
  /** One trade fair by id; null when there is none. */
  tradeFair?: Maybe<TradeFair>;
  /** Trade fairs with a joint booth of the region, soonest first; those that have ended only with includePast. */
  tradeFairs?: Maybe<Array<TradeFair>>;
  /** The caller's webhooks (a member's own, an office's and its network's members', a partner's own; all for admin), with their recent deliveries. */
  webhooks?: Maybe<Array<Webhook>>;
  /** One working group; NOT_FOUND when there is none with this id. */
  workingGroup?: Maybe<WorkingGroup>;
  /** The region's working groups, in the order they were founded (the CAD working group first). */
  workingGroups?: Maybe<WorkingGroupConnection>;
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryAccountsArgs = {
  includeArchived?: InputMaybe<Scalars['Boolean']['input']>;
  network?: InputMaybe<NetworkCode>;
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  network: NetworkCode;
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryCapacityBalanceArgs = {
  from: Scalars['String']['input'];
  kind?: InputMaybe<CapacityKind>;
  to: Scalars['String']['input'];
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryCapacityBookingsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryCapacityMatchesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  postId: Scalars['ID']['input'];
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryCapacityPostArgs = {
  id: Scalars['ID']['input'];
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryCapacityPostsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CapacityPostFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryConsortiumArgs = {
  id: Scalars['ID']['input'];
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryEventRegistrationsArgs = {
  eventId: Scalars['ID']['input'];
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryExpiringCertificatesArgs = {
  expiredSinceDays?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  network: NetworkCode;
  withinDays?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryFeedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FeedFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryFindSuppliersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  requirements: SupplierRequirements;
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryInquiriesArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<InquiryStatus>;
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryInquiryArgs = {
  id: Scalars['ID']['input'];
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryJointBoothArgs = {
  id: Scalars['ID']['input'];
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryMeetingArgs = {
  id: Scalars['ID']['input'];
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryMemberArgs = {
  id: Scalars['ID']['input'];
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MemberFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<MemberOrder>;
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryMyEventRegistrationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryNetworkArgs = {
  code: NetworkCode;
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryNewsItemArgs = {
  id: Scalars['ID']['input'];
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryQuoteComparisonArgs = {
  inquiryId: Scalars['ID']['input'];
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryRegionAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryRelationshipsArgs = {
  includeEnded?: InputMaybe<Scalars['Boolean']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryTradeFairArgs = {
  id: Scalars['ID']['input'];
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryTradeFairsArgs = {
  includePast?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryWorkingGroupArgs = {
  id: Scalars['ID']['input'];
};


/**
 * What anyone can read, and what signed-in callers read by role. Fields that need
 * sign-in are nullable: an anonymous caller gets UNAUTHENTICATED at the field and
 * keeps the rest of the answer. Sign in with a bearer token in the Authorization
 * header; partners exchange an API key for one at POST /auth/token.
 */
export type QueryWorkingGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A member's (or consortium's) quote on an inquiry, in its latest revision. */
export type Quote = {
  __typename?: 'Quote';
  /** The consortium (Bietergemeinschaft) quoting; null for a member quoting alone. */
  consortium?: Maybe<Consortium>;
  /** ISO 4217 code, for example EUR. */
  currency: Scalars['String']['output'];
  /** The quote's id. */
  id: Scalars['ID']['output'];
  /** The inquiry quoted on. */
  inquiryId: Scalars['ID']['output'];
  /** Calendar days from order to delivery. */
  leadTimeDays: Scalars['Int']['output'];
  /** The quoting member (the lead for a consortium); null while its network cannot be reached (an error names it). */
  member?: Maybe<Member>;
  /** The quoting member's network. */
  network: NetworkCode;
  /** Conditions and remarks; null when none. */
  notes?: Maybe<Scalars['String']['output']>;
  /** Unit prices by quantity, smallest minQuantity first. */
  priceTiers: Array<PriceTier>;
  /** 1 for the first submission, +1 per revision. */
  revision: Scalars['Int']['output'];
  /** Every submission, oldest first. */
  revisions: Array<QuoteRevision>;
  /** Submitted, awarded, not chosen or withdrawn. */
  status: QuoteStatus;
  /** ISO 8601 timestamp (UTC) of the latest submission. */
  submittedAt: Scalars['String']['output'];
  /** The quote binds the member until this date, YYYY-MM-DD. */
  validUntil: Scalars['String']['output'];
  /** Pass it to submitQuote to revise the quote, and to withdrawQuote. */
  version: Scalars['Int']['output'];
};

/** One quote in the owner's side-by-side comparison. */
export type QuoteComparisonRow = {
  __typename?: 'QuoteComparisonRow';
  /** Required certifications the bidder was matched on (matching filters on them); empty for invitees added by an office. */
  certifications: Array<Scalars['String']['output']>;
  /** ISO 4217 code of unitPrice. */
  currency: Scalars['String']['output'];
  /** The bidder's distance from the delivery location in km; null when not known. */
  distanceKm?: Maybe<Scalars['Float']['output']>;
  /** Calendar days from order to delivery. */
  leadTimeDays: Scalars['Int']['output'];
  /** The quote. */
  quote: Quote;
  /** The supplier score from matching; null for invitees added by an office. */
  score?: Maybe<Scalars['Float']['output']>;
  /** Unit price of the tier that applies to the inquiry's largest quantity. */
  unitPrice: Scalars['Float']['output'];
};

/** A quote (Angebot) on an inquiry. */
export type QuoteInput = {
  /** Quote for this consortium; the caller must be its lead. */
  consortiumId?: InputMaybe<Scalars['ID']['input']>;
  /** ISO 4217, EUR by default. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Calendar days from order to delivery, 1..3650. */
  leadTimeDays: Scalars['Int']['input'];
  /** The quoting member; a member quoting for itself leaves it out. */
  memberId?: InputMaybe<Scalars['ID']['input']>;
  /** Conditions and remarks, up to 5000 characters. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 20 tiers, each minQuantity once. */
  priceTiers: Array<PriceTierInput>;
  /** YYYY-MM-DD: from the quote deadline's day to at most two years ahead, as the inquiry's dates (TOO_FAR_AHEAD with max beyond). */
  validUntil: Scalars['String']['input'];
};

/** One submission of a quote, as it was sent. */
export type QuoteRevision = {
  __typename?: 'QuoteRevision';
  /** ISO 4217 code. */
  currency: Scalars['String']['output'];
  /** Calendar days from order to delivery. */
  leadTimeDays: Scalars['Int']['output'];
  /** Conditions and remarks; null when none. */
  notes?: Maybe<Scalars['String']['output']>;
  /** Unit prices by quantity. */
  priceTiers: Array<PriceTier>;
  /** 1 for the first submission, +1 per revision. */
  revision: Scalars['Int']['output'];
  /** ISO 8601 timestamp (UTC) of this submission. */
  submittedAt: Scalars['String']['output'];
  /** Binding until this date, YYYY-MM-DD. */
  validUntil: Scalars['String']['output'];
};

/** Where a quote stands. */
export type QuoteStatus =
  /** Won: the owner awarded the inquiry to this quote. */
  | 'AWARDED'
  /** The inquiry went to another quote, or was withdrawn or closed without award. */
  | 'NOT_CHOSEN'
  /** Submitted, the inquiry not decided yet. */
  | 'SUBMITTED'
  /** Withdrawn by its bidder (withdrawQuote): out of the comparison, never awarded; submitting it again revives it. */
  | 'WITHDRAWN';

/** Where a registration for an event stands. */
export type RegistrationStatus =
  /** Cancelled; frees its place. */
  | 'CANCELLED'
  /** Holds a place. */
  | 'REGISTERED'
  /** On the waiting list; moves up when a place is freed. */
  | 'WAITING';

/** What the requester is to the partner. */
export type RelationshipKind =
  /** The requester buys from the partner (Kunde). */
  | 'CUSTOMER_OF'
  /** The two develop products or processes together (Entwicklungspartner). */
  | 'DEVELOPMENT_PARTNER'
  /** The two work on a joint project (Verbundprojekt). */
  | 'JOINT_PROJECT'
  /** The requester supplies the partner (Lieferant). */
  | 'SUPPLIER_OF';

/** Relationships confirmed across networks in one calendar quarter. */
export type RelationshipQuarter = {
  __typename?: 'RelationshipQuarter';
  /** Those not ended since, with their members: both sides agreed to them. */
  active: Array<BusinessRelationship>;
  /** Confirmed across networks in the quarter, those ended since included. */
  confirmed: Scalars['Int']['output'];
  /** For example 2026-Q4. */
  quarter: Scalars['String']['output'];
};

/** Where a relationship stands. */
export type RelationshipStatus =
  /** Confirmed by the partner: both sides agree. */
  | 'CONFIRMED'
  /** Ended by either side. */
  | 'ENDED'
  /** Recorded by the requester, waiting for the partner's confirmation. */
  | 'REQUESTED';

/** How a supplier meets one requirement of a part request. */
export type RequirementMatch = {
  __typename?: 'RequirementMatch';
  /** Why, in English, for example: 120 employees: suited to small series. */
  reason: Scalars['String']['output'];
  /** processes, material, quantity, tolerance, distance or certification <standard>. */
  requirement: Scalars['String']['output'];
  /** Met, partly met or not met. */
  status: MatchStatus;
};

/** A member's answer to a meeting. */
export type RsvpAnswer =
  /** Does not know yet: holds no place. */
  | 'MAYBE'
  /** Does not take part. */
  | 'NO'
  /** Takes part: holds one of the meeting's places. */
  | 'YES';

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

/** The suppliers found for a part request, best first. */
export type SupplierMatchConnection = {
  __typename?: 'SupplierMatchConnection';
  /** The best suppliers, highest score first. */
  edges: Array<SupplierMatchEdge>;
  /** Suppliers that meet every hard requirement, also those beyond the best 100 that edges can hold. */
  totalCount: Scalars['Int']['output'];
};

/** One supplier found for a part request, with its score and the reasons per requirement. */
export type SupplierMatchEdge = {
  __typename?: 'SupplierMatchEdge';
  /** How the supplier meets each requirement asked. */
  breakdown: Array<RequirementMatch>;
  /** Distance from the delivery location in km; null when no delivery location was given or the member's location is unknown. */
  distanceKm?: Maybe<Scalars['Float']['output']>;
  /** The supplier. Its fields come with the ranking, read by its network in the same call. */
  node: Member;
  /** 0..1: the weighted share of requirements met. */
  score: Scalars['Float']['output'];
};

/** A concrete part request (Anfrage) for findSuppliers: what the part needs. Soft requirements raise the score; hard ones leave out who misses them. */
export type SupplierRequirements = {
  /** Hard requirement: certificates valid today, for example IATF 16949. */
  certifications?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Where the parts go (weight 10 of 100): nearer suppliers score higher and each gets its distanceKm. */
  deliveryLocation?: InputMaybe<LocationInput>;
  /** The part's material, for example 42CrMo4, 1.4301, EN AW-6082 or PA66, or a family word (Edelstahl, Alu, Kunststoff) that any material of it meets. A material the list lacks is met as members typed it (Inconel 718, S355JR); one close to a listed spelling (42CrMo), asked alone (no processes, certifications, maxDistanceKm or networks) and met by no supplier, is BAD_USER_INPUT with reason UNKNOWN_MATERIAL and extensions.suggestions, the closest known spellings (42CrMo4); beside other requirements each NOT_MET reason names them instead. */
  material?: InputMaybe<Scalars['String']['input']>;
  /** Hard requirement: at most this far from deliveryLocation (1..500 km). */
  maxDistanceKm?: InputMaybe<Scalars['Float']['input']>;
  /** Only suppliers of these networks; all networks when left out or empty ([] chooses none, so restricts nothing). */
  networks?: InputMaybe<Array<NetworkCode>>;
  /** DIN 8580 codes the part needs; a code also matches the processes below it. Suppliers offer at least one. */
  processes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Lot size (weight 15 of 100): suppliers whose company size suits it score higher. */
  quantity?: InputMaybe<Quantity>;
  /** Tolerance class (weight 15 of 100): machining meets general tolerances; FINE and PRECISION need fine finishing (grinding, honing, lapping) to be met fully. */
  tolerance?: InputMaybe<Tolerance>;
};

/** ISO 2768 c (COARSE), m (MEDIUM), f (FINE), or IT6 and finer (PRECISION). */
export type Tolerance =
  /** ISO 2768 c: coarse general tolerances. */
  | 'COARSE'
  /** ISO 2768 f: fine general tolerances. */
  | 'FINE'
  /** ISO 2768 m: medium general tolerances, the usual machining default. */
  | 'MEDIUM'
  /** ISO 286 IT6 and finer: precision fits, for example for bearing seats. */
  | 'PRECISION';

/** A trade fair the region appears at with a joint booth. */
export type TradeFair = {
  __typename?: 'TradeFair';
  /** The region's joint booth at the fair. */
  booth: JointBooth;
  /** Where it takes place. */
  city: Scalars['String']['output'];
  /** When it was created, ISO 8601. */
  createdAt: Scalars['String']['output'];
  /** Close, ISO 8601. */
  endsAt: Scalars['String']['output'];
  /** Its id, for example tf-5083124978213377. */
  id: Scalars['ID']['output'];
  /** The fair's name. */
  name: Scalars['String']['output'];
  /** Registration for the booth closes here, ISO 8601. */
  registrationDeadline: Scalars['String']['output'];
  /** Whether members can still register (the deadline has not passed). */
  registrationOpen: Scalars['Boolean']['output'];
  /** Opening, ISO 8601. */
  startsAt: Scalars['String']['output'];
};

/** A trade fair and its dates; the region's joint booth is at it. */
export type TradeFairInput = {
  /** The region's joint booth at the fair. */
  booth: JointBoothInput;
  /** Where it takes place, 1 to 120 characters. */
  city: Scalars['String']['input'];
  /** Close, ISO 8601 date and time, not before startsAt. */
  endsAt: Scalars['String']['input'];
  /** The fair's name, 1 to 200 characters, for example Netzwerkmesse Bad Salzuflen 2027. */
  name: Scalars['String']['input'];
  /** Registration for the booth closes here: in the future and not after startsAt. */
  registrationDeadline: Scalars['String']['input'];
  /** Opening, ISO 8601 date and time with offset, in the future. */
  startsAt: Scalars['String']['input'];
};

/** An HTTPS endpoint that receives events as signed POST requests. */
export type Webhook = {
  __typename?: 'Webhook';
  /** ISO 8601 timestamp (UTC) of registration. */
  createdAt: Scalars['String']['output'];
  /** Recent deliveries, newest first. */
  deliveries: Array<WebhookDelivery>;
  /** The event types delivered. */
  events: Array<InquiryEventType>;
  /** The webhook's id. */
  id: Scalars['ID']['output'];
  /** Where the events are POSTed. */
  url: Scalars['String']['output'];
};


/** An HTTPS endpoint that receives events as signed POST requests. */
export type WebhookDeliveriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One event's delivery to a webhook, retried with growing waits until the receiver answers 2xx. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** POST attempts so far. */
  attempts: Scalars['Int']['output'];
  /** ISO 8601 timestamp (UTC) of the successful delivery; null until then. */
  deliveredAt?: Maybe<Scalars['String']['output']>;
  /** The event's id, the same in every delivery of it (to tell repeats apart). */
  eventId: Scalars['ID']['output'];
  /** What happened. */
  eventType: InquiryEventType;
  /** Why the last attempt failed (timeout, connection refused, ...); null when it did not. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** HTTP status of the last attempt; null before the first or when no answer came. */
  lastStatus?: Maybe<Scalars['Int']['output']>;
  /** ISO 8601 timestamp (UTC) of the next attempt; null once delivered or given up. */
  nextAttemptAt?: Maybe<Scalars['String']['output']>;
};

/** A webhook just registered, with its signing secret shown this once. */
export type WebhookRegistration = {
  __typename?: 'WebhookRegistration';
  /** HMAC key of the signatures; shown only now. */
  secret: Scalars['String']['output'];
  /** The webhook as stored. */
  webhook: Webhook;
};

/** A working group (Arbeitskreis) of the region. */
export type WorkingGroup = {
  __typename?: 'WorkingGroup';
  /** For the CAD working group, which balances capacity: where its capacity balance is; null for every other group. */
  capacityBalance?: Maybe<CapacityBalanceLink>;
  /** When the group was founded (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** What the group does and for whom. */
  description: Scalars['String']['output'];
  /** Such as wg-5083124978213377. */
  id: Scalars['ID']['output'];
  /** The leading member; null when an office leads. */
  leadMember?: Maybe<Member>;
  /** The leading office's network (for a member lead, the member's network). */
  leadNetwork: Network;
  /** The meetings, soonest first; with upcomingOnly (default) only those that have not begun. */
  meetings: Array<Meeting>;
  /** The active members, oldest first; seen by everyone signed in. */
  members: Array<WorkingGroupMembership>;
  /** Invitations and requests not yet answered, oldest first: all of them for the lead, admin and the offices of the members concerned; a member's own for itself; none for anyone else. */
  pending: Array<WorkingGroupMembership>;
  /** What the group works on. */
  topic: Scalars['String']['output'];
  /** Whether the caller leads the group (a member lead, its office, the leading office) or is admin: confirms requests, invites, removes, schedules meetings and uploads minutes. */
  viewerIsLead: Scalars['Boolean']['output'];
  /** Whether the caller is inside the group and so sees its meetings' agendas, video links, RSVPs and minutes: an active member or its network office, the lead, or admin. */
  viewerIsMember: Scalars['Boolean']['output'];
};


/** A working group (Arbeitskreis) of the region. */
export type WorkingGroupMeetingsArgs = {
  upcomingOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One page of working groups. */
export type WorkingGroupConnection = {
  __typename?: 'WorkingGroupConnection';
  /** The groups of this page, in the order they were founded. */
  nodes: Array<WorkingGroup>;
  /** Whether more follow, and the cursor to ask for them. */
  pageInfo: PageInfo;
  /** Working groups over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A new working group. */
export type WorkingGroupInput = {
  /** What the group does and for whom, up to 5000 characters. */
  description: Scalars['String']['input'];
  /** The lead. */
  lead: WorkingGroupLeadInput;
  /** What the group works on, 3 to 200 characters, unique in the region (case-insensitive). */
  topic: Scalars['String']['input'];
};

/** Who leads a working group: a network office, or one member. */
export type WorkingGroupLeadInput = {
  /** The leading member, such as KONAT:m-3; leave out for an office lead. */
  memberId?: InputMaybe<Scalars['ID']['input']>;
  /** The leading office's network; for a member lead, its network (may be left out). */
  network?: InputMaybe<NetworkCode>;
};

/** A member's place in a working group. */
export type WorkingGroupMembership = {
  __typename?: 'WorkingGroupMembership';
  /** When it was invited or asked (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** When it left or was removed (ISO 8601). */
  endedAt?: Maybe<Scalars['String']['output']>;
  /** The working group's id. */
  groupId: Scalars['ID']['output'];
  /** Such as wgm-5083124978213377. */
  id: Scalars['ID']['output'];
  /** When it became ACTIVE (ISO 8601). */
  joinedAt?: Maybe<Scalars['String']['output']>;
  /** The member; null while its network cannot be reached (an error names it). */
  member?: Maybe<Member>;
  /** Where the member stands. */
  status: WorkingGroupMembershipStatus;
};

/** Where a member stands in a working group. */
export type WorkingGroupMembershipStatus =
  /** A member of the group. */
  | 'ACTIVE'
  /** The lead invited the member; it has not yet accepted. */
  | 'INVITED'
  /** The member left, withdrew its request or declined its invitation. */
  | 'LEFT'
  /** The lead, the member's office or admin removed the member or declined its request. */
  | 'REMOVED'
  /** The member asked to join; the lead has not yet confirmed. */
  | 'REQUESTED';



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
  Account: ResolverTypeWrapper<AccountModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AccountKind: AccountKind;
  AccountPasswordReset: ResolverTypeWrapper<Omit<AccountPasswordReset, 'account'> & { account: ResolversTypes['Account'] }>;
  ApiKey: ResolverTypeWrapper<ApiKeyModel>;
  Attachment: ResolverTypeWrapper<AttachmentModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AuditActor: ResolverTypeWrapper<AuditActor>;
  AuditActorKind: AuditActorKind;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditLogPage: ResolverTypeWrapper<AuditLogPage>;
  AvailabilityStatus: AvailabilityStatus;
  BoothContact: ResolverTypeWrapper<BoothContact>;
  BoothContactInput: BoothContactInput;
  BoothCostSplit: ResolverTypeWrapper<CostSplitViewModel>;
  BoothRegistration: ResolverTypeWrapper<BoothRegistrationModel>;
  BoothRegistrationInput: BoothRegistrationInput;
  BoothRegistrationStatus: BoothRegistrationStatus;
  BusinessRelationship: ResolverTypeWrapper<BusinessRelationshipModel>;
  CadSystem: CadSystem;
  CapacityBalanceLink: ResolverTypeWrapper<CapacityBalanceLink>;
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
  Certification: ResolverTypeWrapper<Certification>;
  CertificationInput: CertificationInput;
  ComplementaryStep: ResolverTypeWrapper<ComplementaryStep>;
  Consortium: ResolverTypeWrapper<ConsortiumModel>;
  ConsortiumPartner: ResolverTypeWrapper<ConsortiumPartnerModel>;
  ConsortiumPartnerStatus: ConsortiumPartnerStatus;
  ContactPerson: ResolverTypeWrapper<ContactPerson>;
  ContactPersonInput: ContactPersonInput;
  CreateAccountInput: CreateAccountInput;
  EventRegistration: ResolverTypeWrapper<SourcedRegistrationModel>;
  EventRegistrationCancellation: ResolverTypeWrapper<Omit<EventRegistrationCancellation, 'cancelled' | 'movedUp'> & { cancelled: ResolversTypes['EventRegistration'], movedUp?: Maybe<ResolversTypes['EventRegistration']> }>;
  ExhibitorCost: ResolverTypeWrapper<ExhibitorCostLineModel>;
  ExpiringCertificate: ResolverTypeWrapper<Omit<ExpiringCertificate, 'member'> & { member: ResolversTypes['Member'] }>;
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
  JointBooth: ResolverTypeWrapper<JointBoothModel>;
  JointBoothInput: JointBoothInput;
  KonatMember: ResolverTypeWrapper<MemberRefModel>;
  LinatMember: ResolverTypeWrapper<MemberRefModel>;
  LocationInput: LocationInput;
  MatchStatus: MatchStatus;
  Meeting: ResolverTypeWrapper<MeetingModel>;
  MeetingInput: MeetingInput;
  MeetingMinutes: ResolverTypeWrapper<MeetingMinutesModel>;
  MeetingRsvp: ResolverTypeWrapper<MeetingRsvpModel>;
  Member: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Member']>;
  MemberConnection: ResolverTypeWrapper<MemberPageModel>;
  MemberEdge: ResolverTypeWrapper<Omit<MemberEdge, 'matched' | 'node'> & { matched: ResolversTypes['MemberMatch'], node: ResolversTypes['Member'] }>;
  MemberFacets: ResolverTypeWrapper<MemberFacets>;
  MemberFilter: MemberFilter;
  MemberImport: ResolverTypeWrapper<Omit<MemberImport, 'errors' | 'members'> & { errors: Array<ResolversTypes['MemberImportError']>, members: Array<ResolversTypes['Member']> }>;
  MemberImportColumn: ResolverTypeWrapper<MemberImportColumn>;
  MemberImportError: ResolverTypeWrapper<Omit<MemberImportError, 'existingMember'> & { existingMember?: Maybe<ResolversTypes['Member']> }>;
  MemberInput: MemberInput;
  MemberMatch: ResolverTypeWrapper<MemberMatch>;
  MemberOrder: MemberOrder;
  MemberPatch: MemberPatch;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NearInput: NearInput;
  Network: ResolverTypeWrapper<NetworkInfoModel>;
  NetworkBoothCost: ResolverTypeWrapper<NetworkCostLineModel>;
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
  RsvpAnswer: RsvpAnswer;
  Service: ResolverTypeWrapper<Service>;
  ServiceInput: ServiceInput;
  SupplierMatchConnection: ResolverTypeWrapper<Omit<SupplierMatchConnection, 'edges'> & { edges: Array<ResolversTypes['SupplierMatchEdge']> }>;
  SupplierMatchEdge: ResolverTypeWrapper<Omit<SupplierMatchEdge, 'node'> & { node: ResolversTypes['Member'] }>;
  SupplierRequirements: SupplierRequirements;
  Tolerance: Tolerance;
  TradeFair: ResolverTypeWrapper<FairRecordModel>;
  TradeFairInput: TradeFairInput;
  Webhook: ResolverTypeWrapper<WebhookModel>;
  WebhookDelivery: ResolverTypeWrapper<WebhookDeliveryModel>;
  WebhookRegistration: ResolverTypeWrapper<Omit<WebhookRegistration, 'webhook'> & { webhook: ResolversTypes['Webhook'] }>;
  WorkingGroup: ResolverTypeWrapper<WorkingGroupModel>;
  WorkingGroupConnection: ResolverTypeWrapper<{ totalCount: number; nodes: WorkingGroupModel[]; pageInfo: PageInfo }>;
  WorkingGroupInput: WorkingGroupInput;
  WorkingGroupLeadInput: WorkingGroupLeadInput;
  WorkingGroupMembership: ResolverTypeWrapper<WorkingGroupMembershipModel>;
  WorkingGroupMembershipStatus: WorkingGroupMembershipStatus;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Account: AccountModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  AccountPasswordReset: Omit<AccountPasswordReset, 'account'> & { account: ResolversParentTypes['Account'] };
  ApiKey: ApiKeyModel;
  Attachment: AttachmentModel;
  Int: Scalars['Int']['output'];
  AuditActor: AuditActor;
  AuditEntry: AuditEntry;
  AuditLogPage: AuditLogPage;
  BoothContact: BoothContact;
  BoothContactInput: BoothContactInput;
  BoothCostSplit: CostSplitViewModel;
  BoothRegistration: BoothRegistrationModel;
  BoothRegistrationInput: BoothRegistrationInput;
  BusinessRelationship: BusinessRelationshipModel;
  CapacityBalanceLink: CapacityBalanceLink;
  CapacityBalanceRow: BalanceRowModel;
  Float: Scalars['Float']['output'];
  CapacityBooking: CapacityBookingModel;
  CapacityMatch: Omit<CapacityMatch, 'post'> & { post: ResolversParentTypes['CapacityPost'] };
  CapacityPost: CapacityPostModel;
  CapacityPostConnection: Omit<CapacityPostConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['CapacityPost']> };
  CapacityPostFilter: CapacityPostFilter;
  CapacityPostInput: CapacityPostInput;
  CapacityPostPatch: CapacityPostPatch;
  Certification: Certification;
  CertificationInput: CertificationInput;
  ComplementaryStep: ComplementaryStep;
  Consortium: ConsortiumModel;
  ConsortiumPartner: ConsortiumPartnerModel;
  ContactPerson: ContactPerson;
  ContactPersonInput: ContactPersonInput;
  CreateAccountInput: CreateAccountInput;
  EventRegistration: SourcedRegistrationModel;
  EventRegistrationCancellation: Omit<EventRegistrationCancellation, 'cancelled' | 'movedUp'> & { cancelled: ResolversParentTypes['EventRegistration'], movedUp?: Maybe<ResolversParentTypes['EventRegistration']> };
  ExhibitorCost: ExhibitorCostLineModel;
  ExpiringCertificate: Omit<ExpiringCertificate, 'member'> & { member: ResolversParentTypes['Member'] };
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
  JointBooth: JointBoothModel;
  JointBoothInput: JointBoothInput;
  KonatMember: MemberRefModel;
  LinatMember: MemberRefModel;
  LocationInput: LocationInput;
  Meeting: MeetingModel;
  MeetingInput: MeetingInput;
  MeetingMinutes: MeetingMinutesModel;
  MeetingRsvp: MeetingRsvpModel;
  Member: ResolversInterfaceTypes<ResolversParentTypes>['Member'];
  MemberConnection: MemberPageModel;
  MemberEdge: Omit<MemberEdge, 'matched' | 'node'> & { matched: ResolversParentTypes['MemberMatch'], node: ResolversParentTypes['Member'] };
  MemberFacets: MemberFacets;
  MemberFilter: MemberFilter;
  MemberImport: Omit<MemberImport, 'errors' | 'members'> & { errors: Array<ResolversParentTypes['MemberImportError']>, members: Array<ResolversParentTypes['Member']> };
  MemberImportColumn: MemberImportColumn;
  MemberImportError: Omit<MemberImportError, 'existingMember'> & { existingMember?: Maybe<ResolversParentTypes['Member']> };
  MemberInput: MemberInput;
  MemberMatch: MemberMatch;
  MemberPatch: MemberPatch;
  Mutation: Record<PropertyKey, never>;
  NearInput: NearInput;
  Network: NetworkInfoModel;
  NetworkBoothCost: NetworkCostLineModel;
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
  Service: Service;
  ServiceInput: ServiceInput;
  SupplierMatchConnection: Omit<SupplierMatchConnection, 'edges'> & { edges: Array<ResolversParentTypes['SupplierMatchEdge']> };
  SupplierMatchEdge: Omit<SupplierMatchEdge, 'node'> & { node: ResolversParentTypes['Member'] };
  SupplierRequirements: SupplierRequirements;
  TradeFair: FairRecordModel;
  TradeFairInput: TradeFairInput;
  Webhook: WebhookModel;
  WebhookDelivery: WebhookDeliveryModel;
  WebhookRegistration: Omit<WebhookRegistration, 'webhook'> & { webhook: ResolversParentTypes['Webhook'] };
  WorkingGroup: WorkingGroupModel;
  WorkingGroupConnection: { totalCount: number; nodes: WorkingGroupModel[]; pageInfo: PageInfo };
  WorkingGroupInput: WorkingGroupInput;
  WorkingGroupLeadInput: WorkingGroupLeadInput;
  WorkingGroupMembership: WorkingGroupMembershipModel;
};

export type AccountResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account']> = {
  archivedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AccountKind'], ParentType, ContextType>;
  memberId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  mustChangePassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  network?: Resolver<Maybe<ResolversTypes['NetworkCode']>, ParentType, ContextType>;
  passwordChangedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AccountPasswordResetResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['AccountPasswordReset'] = ResolversParentTypes['AccountPasswordReset']> = {
  account?: Resolver<ResolversTypes['Account'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  oneTimePassword?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type AuditActorResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['AuditActor'] = ResolversParentTypes['AuditActor']> = {
  archived?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AuditActorKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partner?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<Maybe<ResolversTypes['AuditActor']>, ParentType, ContextType>;
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

export type BoothContactResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['BoothContact'] = ResolversParentTypes['BoothContact']> = {
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BoothCostSplitResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['BoothCostSplit'] = ResolversParentTypes['BoothCostSplit']> = {
  baseFeesCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  confirmedAreaM2?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exhibitorCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exhibitors?: Resolver<Array<ResolversTypes['ExhibitorCost']>, ParentType, ContextType>;
  fixedCostsCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  networks?: Resolver<Array<ResolversTypes['NetworkBoothCost']>, ParentType, ContextType>;
  sharedCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BoothRegistrationResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['BoothRegistration'] = ResolversParentTypes['BoothRegistration']> = {
  areaM2?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  booth?: Resolver<ResolversTypes['JointBooth'], ParentType, ContextType>;
  contact?: Resolver<ResolversTypes['BoothContact'], ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  declineReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  network?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  products?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  registeredAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BoothRegistrationStatus'], ParentType, ContextType>;
};

export type BusinessRelationshipResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['BusinessRelationship'] = ResolversParentTypes['BusinessRelationship']> = {
  confirmedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  crossNetwork?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['RelationshipKind'], ParentType, ContextType>;
  partner?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  requester?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RelationshipStatus'], ParentType, ContextType>;
};

export type CapacityBalanceLinkResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['CapacityBalanceLink'] = ResolversParentTypes['CapacityBalanceLink']> = {
  csvPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  query?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
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
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
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

export type CertificationResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Certification'] = ResolversParentTypes['Certification']> = {
  daysLeft?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  standard?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ComplementaryStepResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['ComplementaryStep'] = ResolversParentTypes['ComplementaryStep']> = {
  first?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  next?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  theirsIsNext?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ConsortiumResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Consortium'] = ResolversParentTypes['Consortium']> = {
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inquiryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lead?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  partners?: Resolver<Array<ResolversTypes['ConsortiumPartner']>, ParentType, ContextType>;
};

export type ConsortiumPartnerResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['ConsortiumPartner'] = ResolversParentTypes['ConsortiumPartner']> = {
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  network?: Resolver<ResolversTypes['NetworkCode'], ParentType, ContextType>;
  processes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  sharePercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConsortiumPartnerStatus'], ParentType, ContextType>;
};

export type ContactPersonResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['ContactPerson'] = ResolversParentTypes['ContactPerson']> = {
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type EventRegistrationResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['EventRegistration'] = ResolversParentTypes['EventRegistration']> = {
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  event?: Resolver<Maybe<ResolversTypes['NewsItem']>, ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  participant?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RegistrationStatus'], ParentType, ContextType>;
  waitingPosition?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type EventRegistrationCancellationResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['EventRegistrationCancellation'] = ResolversParentTypes['EventRegistrationCancellation']> = {
  cancelled?: Resolver<ResolversTypes['EventRegistration'], ParentType, ContextType>;
  movedUp?: Resolver<Maybe<ResolversTypes['EventRegistration']>, ParentType, ContextType>;
};

export type ExhibitorCostResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['ExhibitorCost'] = ResolversParentTypes['ExhibitorCost']> = {
  areaM2?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  areaShareCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  baseFeeCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  registration?: Resolver<ResolversTypes['BoothRegistration'], ParentType, ContextType>;
  totalCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ExpiringCertificateResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['ExpiringCertificate'] = ResolversParentTypes['ExpiringCertificate']> = {
  daysLeft?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  standard?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  consortia?: Resolver<Array<ResolversTypes['Consortium']>, ParentType, ContextType>;
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
  viewerIsOwner?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type InquiryInvitationResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['InquiryInvitation'] = ResolversParentTypes['InquiryInvitation']> = {
  declineReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  distanceKm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  network?: Resolver<ResolversTypes['NetworkCode'], ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvitationStatus'], ParentType, ContextType>;
};

export type InquiryQuantityResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['InquiryQuantity'] = ResolversParentTypes['InquiryQuantity']> = {
  batchSize?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InviteeProposalResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['InviteeProposal'] = ResolversParentTypes['InviteeProposal']> = {
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  network?: Resolver<ResolversTypes['NetworkCode'], ParentType, ContextType>;
  proposedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type JointBoothResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['JointBooth'] = ResolversParentTypes['JointBooth']> = {
  allocatedAreaM2?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  baseFeeCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  catalogueCsvPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cataloguePrintPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  constructionCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  costSplit?: Resolver<ResolversTypes['BoothCostSplit'], ParentType, ContextType>;
  costsCsvPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  exhibitors?: Resolver<Array<ResolversTypes['BoothRegistration']>, ParentType, ContextType>;
  fair?: Resolver<ResolversTypes['TradeFair'], ParentType, ContextType>;
  fixedCostsCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  organiser?: Resolver<Maybe<ResolversTypes['Network']>, ParentType, ContextType>;
  registrations?: Resolver<Array<ResolversTypes['BoothRegistration']>, ParentType, ContextType, Partial<JointBoothRegistrationsArgs>>;
  registrationsLeft?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  remainingAreaM2?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rentCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  servicesCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalAreaM2?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type KonatMemberResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['KonatMember'] = ResolversParentTypes['KonatMember'], FederationReferenceType extends FederationReferenceTypes['KonatMember'] = FederationReferenceTypes['KonatMember']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['KonatMember']> | FederationReferenceType, FederationReferenceType, ContextType>;
  availability?: Resolver<ResolversTypes['AvailabilityStatus'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partnerSuggestions?: Resolver<Maybe<Array<ResolversTypes['PartnerSuggestion']>>, ParentType, ContextType, RequireFields<KonatMemberPartnerSuggestionsArgs, 'first' | 'radiusKm'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LinatMemberResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['LinatMember'] = ResolversParentTypes['LinatMember'], FederationReferenceType extends FederationReferenceTypes['LinatMember'] = FederationReferenceTypes['LinatMember']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['LinatMember']> | FederationReferenceType, FederationReferenceType, ContextType>;
  availability?: Resolver<ResolversTypes['AvailabilityStatus'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partnerSuggestions?: Resolver<Maybe<Array<ResolversTypes['PartnerSuggestion']>>, ParentType, ContextType, RequireFields<LinatMemberPartnerSuggestionsArgs, 'first' | 'radiusKm'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MeetingResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Meeting'] = ResolversParentTypes['Meeting']> = {
  agenda?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  groupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  minutes?: Resolver<Maybe<ResolversTypes['MeetingMinutes']>, ParentType, ContextType>;
  participantLimit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  place?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  placesLeft?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rsvps?: Resolver<Maybe<Array<ResolversTypes['MeetingRsvp']>>, ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  videoLink?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  viewerCanUploadMinutes?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  yesCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MeetingMinutesResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['MeetingMinutes'] = ResolversParentTypes['MeetingMinutes']> = {
  downloadPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fileName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  uploadedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MeetingRsvpResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['MeetingRsvp'] = ResolversParentTypes['MeetingRsvp']> = {
  answer?: Resolver<ResolversTypes['RsvpAnswer'], ParentType, ContextType>;
  answeredAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  meetingId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
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

export type MemberImportResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['MemberImport'] = ResolversParentTypes['MemberImport']> = {
  columns?: Resolver<Array<ResolversTypes['MemberImportColumn']>, ParentType, ContextType>;
  delimiter?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  encoding?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['MemberImportError']>, ParentType, ContextType>;
  imported?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['Member']>, ParentType, ContextType>;
  rowCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MemberImportColumnResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['MemberImportColumn'] = ResolversParentTypes['MemberImportColumn']> = {
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  header?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MemberImportErrorResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['MemberImportError'] = ResolversParentTypes['MemberImportError']> = {
  above?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  column?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  duplicateRow?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  existingMember?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  integer?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  min?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  other?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  row?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  acceptWorkingGroupInvitation?: Resolver<ResolversTypes['WorkingGroupMembership'], ParentType, ContextType, RequireFields<MutationAcceptWorkingGroupInvitationArgs, 'membershipId'>>;
  addConsortiumPartners?: Resolver<ResolversTypes['Consortium'], ParentType, ContextType, RequireFields<MutationAddConsortiumPartnersArgs, 'consortiumId' | 'partners'>>;
  addInvitee?: Resolver<ResolversTypes['InquiryInvitation'], ParentType, ContextType, RequireFields<MutationAddInviteeArgs, 'inquiryId' | 'memberId'>>;
  archiveAccount?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationArchiveAccountArgs, 'id'>>;
  archiveMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationArchiveMemberArgs, 'id'>>;
  awardQuote?: Resolver<ResolversTypes['Inquiry'], ParentType, ContextType, RequireFields<MutationAwardQuoteArgs, 'inquiryId' | 'quoteId' | 'version'>>;
  bookCapacity?: Resolver<ResolversTypes['CapacityBooking'], ParentType, ContextType, RequireFields<MutationBookCapacityArgs, 'from' | 'hours' | 'offerId' | 'to'>>;
  cancelBoothRegistration?: Resolver<ResolversTypes['BoothRegistration'], ParentType, ContextType, RequireFields<MutationCancelBoothRegistrationArgs, 'id'>>;
  cancelCapacityBooking?: Resolver<ResolversTypes['CapacityBooking'], ParentType, ContextType, RequireFields<MutationCancelCapacityBookingArgs, 'id'>>;
  cancelEventRegistration?: Resolver<ResolversTypes['EventRegistrationCancellation'], ParentType, ContextType, RequireFields<MutationCancelEventRegistrationArgs, 'id'>>;
  cancelInquiry?: Resolver<ResolversTypes['Inquiry'], ParentType, ContextType, RequireFields<MutationCancelInquiryArgs, 'id' | 'version'>>;
  changePassword?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'currentPassword' | 'newPassword'>>;
  closeInquiryWithoutAward?: Resolver<ResolversTypes['Inquiry'], ParentType, ContextType, RequireFields<MutationCloseInquiryWithoutAwardArgs, 'id' | 'version'>>;
  confirmBoothRegistration?: Resolver<ResolversTypes['BoothRegistration'], ParentType, ContextType, RequireFields<MutationConfirmBoothRegistrationArgs, 'id'>>;
  confirmCapacityBooking?: Resolver<ResolversTypes['CapacityBooking'], ParentType, ContextType, RequireFields<MutationConfirmCapacityBookingArgs, 'id'>>;
  confirmRelationship?: Resolver<ResolversTypes['BusinessRelationship'], ParentType, ContextType, RequireFields<MutationConfirmRelationshipArgs, 'id'>>;
  confirmWorkingGroupMembership?: Resolver<ResolversTypes['WorkingGroupMembership'], ParentType, ContextType, RequireFields<MutationConfirmWorkingGroupMembershipArgs, 'membershipId'>>;
  createAccount?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationCreateAccountArgs, 'input'>>;
  createApiKey?: Resolver<ResolversTypes['NewApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'name' | 'partner' | 'safelist'>>;
  createConsortium?: Resolver<ResolversTypes['Consortium'], ParentType, ContextType, RequireFields<MutationCreateConsortiumArgs, 'inquiryId' | 'partners'>>;
  createInquiry?: Resolver<ResolversTypes['Inquiry'], ParentType, ContextType, RequireFields<MutationCreateInquiryArgs, 'input'>>;
  createMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationCreateMemberArgs, 'input' | 'network'>>;
  createTradeFair?: Resolver<ResolversTypes['TradeFair'], ParentType, ContextType, RequireFields<MutationCreateTradeFairArgs, 'input'>>;
  createWorkingGroup?: Resolver<ResolversTypes['WorkingGroup'], ParentType, ContextType, RequireFields<MutationCreateWorkingGroupArgs, 'input'>>;
  declineBoothRegistration?: Resolver<ResolversTypes['BoothRegistration'], ParentType, ContextType, RequireFields<MutationDeclineBoothRegistrationArgs, 'id'>>;
  declineCapacityBooking?: Resolver<ResolversTypes['CapacityBooking'], ParentType, ContextType, RequireFields<MutationDeclineCapacityBookingArgs, 'id'>>;
  declineInquiry?: Resolver<ResolversTypes['InquiryInvitation'], ParentType, ContextType, RequireFields<MutationDeclineInquiryArgs, 'inquiryId' | 'reason'>>;
  deleteContactPerson?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationDeleteContactPersonArgs, 'id'>>;
  deleteWebhook?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteWebhookArgs, 'id'>>;
  endRelationship?: Resolver<ResolversTypes['BusinessRelationship'], ParentType, ContextType, RequireFields<MutationEndRelationshipArgs, 'id'>>;
  extendQuoteDeadline?: Resolver<ResolversTypes['Inquiry'], ParentType, ContextType, RequireFields<MutationExtendQuoteDeadlineArgs, 'id' | 'quoteDeadline' | 'version'>>;
  handOverWorkingGroupLead?: Resolver<ResolversTypes['WorkingGroup'], ParentType, ContextType, RequireFields<MutationHandOverWorkingGroupLeadArgs, 'groupId' | 'lead'>>;
  importMembers?: Resolver<ResolversTypes['MemberImport'], ParentType, ContextType, RequireFields<MutationImportMembersArgs, 'dryRun' | 'network' | 'skipExisting'>>;
  inviteToWorkingGroup?: Resolver<ResolversTypes['WorkingGroupMembership'], ParentType, ContextType, RequireFields<MutationInviteToWorkingGroupArgs, 'groupId' | 'memberId'>>;
  leaveWorkingGroup?: Resolver<ResolversTypes['WorkingGroupMembership'], ParentType, ContextType, RequireFields<MutationLeaveWorkingGroupArgs, 'groupId'>>;
  postCapacity?: Resolver<ResolversTypes['CapacityPost'], ParentType, ContextType, RequireFields<MutationPostCapacityArgs, 'input'>>;
  proposeInvitee?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationProposeInviteeArgs, 'inquiryId' | 'memberId'>>;
  publishInquiry?: Resolver<ResolversTypes['Inquiry'], ParentType, ContextType, RequireFields<MutationPublishInquiryArgs, 'id' | 'invite' | 'version'>>;
  publishNews?: Resolver<ResolversTypes['NewsItem'], ParentType, ContextType, RequireFields<MutationPublishNewsArgs, 'input'>>;
  registerForBooth?: Resolver<ResolversTypes['BoothRegistration'], ParentType, ContextType, RequireFields<MutationRegisterForBoothArgs, 'boothId' | 'input'>>;
  registerForEvent?: Resolver<ResolversTypes['EventRegistration'], ParentType, ContextType, RequireFields<MutationRegisterForEventArgs, 'eventId' | 'participant'>>;
  registerWebhook?: Resolver<ResolversTypes['WebhookRegistration'], ParentType, ContextType, RequireFields<MutationRegisterWebhookArgs, 'events' | 'url'>>;
  rejectInviteeProposal?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRejectInviteeProposalArgs, 'inquiryId' | 'memberId'>>;
  removeFromWorkingGroup?: Resolver<ResolversTypes['WorkingGroupMembership'], ParentType, ContextType, RequireFields<MutationRemoveFromWorkingGroupArgs, 'membershipId'>>;
  removeInvitee?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveInviteeArgs, 'inquiryId' | 'memberId'>>;
  requestRelationship?: Resolver<ResolversTypes['BusinessRelationship'], ParentType, ContextType, RequireFields<MutationRequestRelationshipArgs, 'kind' | 'partnerId'>>;
  requestToJoinWorkingGroup?: Resolver<ResolversTypes['WorkingGroupMembership'], ParentType, ContextType, RequireFields<MutationRequestToJoinWorkingGroupArgs, 'groupId'>>;
  resetAccountPassword?: Resolver<ResolversTypes['AccountPasswordReset'], ParentType, ContextType, RequireFields<MutationResetAccountPasswordArgs, 'id'>>;
  respondToConsortium?: Resolver<ResolversTypes['Consortium'], ParentType, ContextType, RequireFields<MutationRespondToConsortiumArgs, 'accept' | 'consortiumId'>>;
  restoreAccount?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationRestoreAccountArgs, 'id'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  rsvpMeeting?: Resolver<ResolversTypes['MeetingRsvp'], ParentType, ContextType, RequireFields<MutationRsvpMeetingArgs, 'answer' | 'meetingId'>>;
  scheduleMeeting?: Resolver<ResolversTypes['Meeting'], ParentType, ContextType, RequireFields<MutationScheduleMeetingArgs, 'groupId' | 'input'>>;
  setAvailability?: Resolver<ResolversTypes['AvailabilityStatus'], ParentType, ContextType, RequireFields<MutationSetAvailabilityArgs, 'status'>>;
  submitQuote?: Resolver<ResolversTypes['Quote'], ParentType, ContextType, RequireFields<MutationSubmitQuoteArgs, 'input' | 'inquiryId'>>;
  updateCapacityPost?: Resolver<ResolversTypes['CapacityPost'], ParentType, ContextType, RequireFields<MutationUpdateCapacityPostArgs, 'id' | 'input' | 'version'>>;
  updateInquiry?: Resolver<ResolversTypes['Inquiry'], ParentType, ContextType, RequireFields<MutationUpdateInquiryArgs, 'id' | 'input' | 'version'>>;
  updateMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationUpdateMemberArgs, 'id' | 'input'>>;
  updateNews?: Resolver<ResolversTypes['NewsItem'], ParentType, ContextType, RequireFields<MutationUpdateNewsArgs, 'id' | 'input'>>;
  withdrawCapacityPost?: Resolver<ResolversTypes['CapacityPost'], ParentType, ContextType, RequireFields<MutationWithdrawCapacityPostArgs, 'id' | 'version'>>;
  withdrawNews?: Resolver<ResolversTypes['NewsItem'], ParentType, ContextType, RequireFields<MutationWithdrawNewsArgs, 'id'>>;
  withdrawQuote?: Resolver<ResolversTypes['Quote'], ParentType, ContextType, RequireFields<MutationWithdrawQuoteArgs, 'quoteId' | 'version'>>;
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

export type NetworkBoothCostResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['NetworkBoothCost'] = ResolversParentTypes['NetworkBoothCost']> = {
  areaM2?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exhibitors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  totalCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NetworkOfficeResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['NetworkOffice'] = ResolversParentTypes['NetworkOffice']> = {
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type NewApiKeyResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['NewApiKey'] = ResolversParentTypes['NewApiKey']> = {
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  existingPartner?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  updatedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  visibility?: Resolver<ResolversTypes['NewsVisibility'], ParentType, ContextType>;
  waitingCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  withdrawnAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type NiweMemberResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['NiweMember'] = ResolversParentTypes['NiweMember'], FederationReferenceType extends FederationReferenceTypes['NiweMember'] = FederationReferenceTypes['NiweMember']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['NiweMember']> | FederationReferenceType, FederationReferenceType, ContextType>;
  availability?: Resolver<ResolversTypes['AvailabilityStatus'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partnerSuggestions?: Resolver<Maybe<Array<ResolversTypes['PartnerSuggestion']>>, ParentType, ContextType, RequireFields<NiweMemberPartnerSuggestionsArgs, 'first' | 'radiusKm'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  missingNetworks?: Resolver<Maybe<Array<ResolversTypes['NetworkCode']>>, ParentType, ContextType>;
};

export type PartnerSuggestionResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['PartnerSuggestion'] = ResolversParentTypes['PartnerSuggestion']> = {
  distanceKm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['ComplementaryStep']>, ParentType, ContextType>;
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
  accounts?: Resolver<Maybe<Array<ResolversTypes['Account']>>, ParentType, ContextType, RequireFields<QueryAccountsArgs, 'includeArchived'>>;
  apiKeys?: Resolver<Maybe<Array<ResolversTypes['ApiKey']>>, ParentType, ContextType>;
  auditLog?: Resolver<Maybe<ResolversTypes['AuditLogPage']>, ParentType, ContextType, RequireFields<QueryAuditLogArgs, 'first' | 'network'>>;
  capacityBalance?: Resolver<Maybe<Array<ResolversTypes['CapacityBalanceRow']>>, ParentType, ContextType, RequireFields<QueryCapacityBalanceArgs, 'from' | 'to'>>;
  capacityBookings?: Resolver<Maybe<Array<ResolversTypes['CapacityBooking']>>, ParentType, ContextType, RequireFields<QueryCapacityBookingsArgs, 'first'>>;
  capacityMatches?: Resolver<Maybe<Array<ResolversTypes['CapacityMatch']>>, ParentType, ContextType, RequireFields<QueryCapacityMatchesArgs, 'first' | 'postId'>>;
  capacityPost?: Resolver<Maybe<ResolversTypes['CapacityPost']>, ParentType, ContextType, RequireFields<QueryCapacityPostArgs, 'id'>>;
  capacityPosts?: Resolver<Maybe<ResolversTypes['CapacityPostConnection']>, ParentType, ContextType, RequireFields<QueryCapacityPostsArgs, 'first'>>;
  consortium?: Resolver<Maybe<ResolversTypes['Consortium']>, ParentType, ContextType, RequireFields<QueryConsortiumArgs, 'id'>>;
  crossNetworkRelationships?: Resolver<Maybe<Array<ResolversTypes['RelationshipQuarter']>>, ParentType, ContextType>;
  eventRegistrations?: Resolver<Maybe<Array<ResolversTypes['EventRegistration']>>, ParentType, ContextType, RequireFields<QueryEventRegistrationsArgs, 'eventId'>>;
  expiringCertificates?: Resolver<Maybe<Array<ResolversTypes['ExpiringCertificate']>>, ParentType, ContextType, RequireFields<QueryExpiringCertificatesArgs, 'expiredSinceDays' | 'first' | 'network' | 'withinDays'>>;
  feed?: Resolver<ResolversTypes['NewsConnection'], ParentType, ContextType, RequireFields<QueryFeedArgs, 'first'>>;
  findSuppliers?: Resolver<ResolversTypes['SupplierMatchConnection'], ParentType, ContextType, RequireFields<QueryFindSuppliersArgs, 'first' | 'requirements'>>;
  inquiries?: Resolver<Maybe<Array<ResolversTypes['Inquiry']>>, ParentType, ContextType, RequireFields<QueryInquiriesArgs, 'first'>>;
  inquiry?: Resolver<Maybe<ResolversTypes['Inquiry']>, ParentType, ContextType, RequireFields<QueryInquiryArgs, 'id'>>;
  jointBooth?: Resolver<Maybe<ResolversTypes['JointBooth']>, ParentType, ContextType, RequireFields<QueryJointBoothArgs, 'id'>>;
  meeting?: Resolver<Maybe<ResolversTypes['Meeting']>, ParentType, ContextType, RequireFields<QueryMeetingArgs, 'id'>>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType, RequireFields<QueryMemberArgs, 'id'>>;
  members?: Resolver<ResolversTypes['MemberConnection'], ParentType, ContextType, RequireFields<QueryMembersArgs, 'first'>>;
  myAccount?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
  myEventRegistrations?: Resolver<Maybe<Array<ResolversTypes['EventRegistration']>>, ParentType, ContextType, RequireFields<QueryMyEventRegistrationsArgs, 'first'>>;
  network?: Resolver<Maybe<ResolversTypes['Network']>, ParentType, ContextType, RequireFields<QueryNetworkArgs, 'code'>>;
  networks?: Resolver<Array<ResolversTypes['Network']>, ParentType, ContextType>;
  newsItem?: Resolver<Maybe<ResolversTypes['NewsItem']>, ParentType, ContextType, RequireFields<QueryNewsItemArgs, 'id'>>;
  quoteComparison?: Resolver<Maybe<Array<ResolversTypes['QuoteComparisonRow']>>, ParentType, ContextType, RequireFields<QueryQuoteComparisonArgs, 'inquiryId'>>;
  regionAuditLog?: Resolver<Maybe<ResolversTypes['AuditLogPage']>, ParentType, ContextType, RequireFields<QueryRegionAuditLogArgs, 'first'>>;
  relationships?: Resolver<Maybe<Array<ResolversTypes['BusinessRelationship']>>, ParentType, ContextType, RequireFields<QueryRelationshipsArgs, 'includeEnded'>>;
  tradeFair?: Resolver<Maybe<ResolversTypes['TradeFair']>, ParentType, ContextType, RequireFields<QueryTradeFairArgs, 'id'>>;
  tradeFairs?: Resolver<Maybe<Array<ResolversTypes['TradeFair']>>, ParentType, ContextType, RequireFields<QueryTradeFairsArgs, 'includePast'>>;
  webhooks?: Resolver<Maybe<Array<ResolversTypes['Webhook']>>, ParentType, ContextType>;
  workingGroup?: Resolver<Maybe<ResolversTypes['WorkingGroup']>, ParentType, ContextType, RequireFields<QueryWorkingGroupArgs, 'id'>>;
  workingGroups?: Resolver<Maybe<ResolversTypes['WorkingGroupConnection']>, ParentType, ContextType, RequireFields<QueryWorkingGroupsArgs, 'first'>>;
};

export type QuoteResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Quote'] = ResolversParentTypes['Quote']> = {
  consortium?: Resolver<Maybe<ResolversTypes['Consortium']>, ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inquiryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  leadTimeDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
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

export type ServiceResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Service'] = ResolversParentTypes['Service']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  processes?: Resolver<Array<ResolversTypes['Process']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type TradeFairResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['TradeFair'] = ResolversParentTypes['TradeFair']> = {
  booth?: Resolver<ResolversTypes['JointBooth'], ParentType, ContextType>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registrationDeadline?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registrationOpen?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type WorkingGroupResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['WorkingGroup'] = ResolversParentTypes['WorkingGroup']> = {
  capacityBalance?: Resolver<Maybe<ResolversTypes['CapacityBalanceLink']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  leadMember?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  leadNetwork?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  meetings?: Resolver<Array<ResolversTypes['Meeting']>, ParentType, ContextType, RequireFields<WorkingGroupMeetingsArgs, 'upcomingOnly'>>;
  members?: Resolver<Array<ResolversTypes['WorkingGroupMembership']>, ParentType, ContextType>;
  pending?: Resolver<Array<ResolversTypes['WorkingGroupMembership']>, ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  viewerIsLead?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  viewerIsMember?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type WorkingGroupConnectionResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['WorkingGroupConnection'] = ResolversParentTypes['WorkingGroupConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['WorkingGroup']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkingGroupMembershipResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['WorkingGroupMembership'] = ResolversParentTypes['WorkingGroupMembership']> = {
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  groupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  joinedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WorkingGroupMembershipStatus'], ParentType, ContextType>;
};

export type Resolvers<ContextType = RegionContext> = {
  Account?: AccountResolvers<ContextType>;
  AccountPasswordReset?: AccountPasswordResetResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  Attachment?: AttachmentResolvers<ContextType>;
  AuditActor?: AuditActorResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditLogPage?: AuditLogPageResolvers<ContextType>;
  BoothContact?: BoothContactResolvers<ContextType>;
  BoothCostSplit?: BoothCostSplitResolvers<ContextType>;
  BoothRegistration?: BoothRegistrationResolvers<ContextType>;
  BusinessRelationship?: BusinessRelationshipResolvers<ContextType>;
  CapacityBalanceLink?: CapacityBalanceLinkResolvers<ContextType>;
  CapacityBalanceRow?: CapacityBalanceRowResolvers<ContextType>;
  CapacityBooking?: CapacityBookingResolvers<ContextType>;
  CapacityMatch?: CapacityMatchResolvers<ContextType>;
  CapacityPost?: CapacityPostResolvers<ContextType>;
  CapacityPostConnection?: CapacityPostConnectionResolvers<ContextType>;
  Certification?: CertificationResolvers<ContextType>;
  ComplementaryStep?: ComplementaryStepResolvers<ContextType>;
  Consortium?: ConsortiumResolvers<ContextType>;
  ConsortiumPartner?: ConsortiumPartnerResolvers<ContextType>;
  ContactPerson?: ContactPersonResolvers<ContextType>;
  EventRegistration?: EventRegistrationResolvers<ContextType>;
  EventRegistrationCancellation?: EventRegistrationCancellationResolvers<ContextType>;
  ExhibitorCost?: ExhibitorCostResolvers<ContextType>;
  ExpiringCertificate?: ExpiringCertificateResolvers<ContextType>;
  FacetCount?: FacetCountResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Inquiry?: InquiryResolvers<ContextType>;
  InquiryInvitation?: InquiryInvitationResolvers<ContextType>;
  InquiryQuantity?: InquiryQuantityResolvers<ContextType>;
  InviteeProposal?: InviteeProposalResolvers<ContextType>;
  JointBooth?: JointBoothResolvers<ContextType>;
  KonatMember?: KonatMemberResolvers<ContextType>;
  LinatMember?: LinatMemberResolvers<ContextType>;
  Meeting?: MeetingResolvers<ContextType>;
  MeetingMinutes?: MeetingMinutesResolvers<ContextType>;
  MeetingRsvp?: MeetingRsvpResolvers<ContextType>;
  Member?: MemberResolvers<ContextType>;
  MemberConnection?: MemberConnectionResolvers<ContextType>;
  MemberEdge?: MemberEdgeResolvers<ContextType>;
  MemberFacets?: MemberFacetsResolvers<ContextType>;
  MemberImport?: MemberImportResolvers<ContextType>;
  MemberImportColumn?: MemberImportColumnResolvers<ContextType>;
  MemberImportError?: MemberImportErrorResolvers<ContextType>;
  MemberMatch?: MemberMatchResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Network?: NetworkResolvers<ContextType>;
  NetworkBoothCost?: NetworkBoothCostResolvers<ContextType>;
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
  Service?: ServiceResolvers<ContextType>;
  SupplierMatchConnection?: SupplierMatchConnectionResolvers<ContextType>;
  SupplierMatchEdge?: SupplierMatchEdgeResolvers<ContextType>;
  TradeFair?: TradeFairResolvers<ContextType>;
  Webhook?: WebhookResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookRegistration?: WebhookRegistrationResolvers<ContextType>;
  WorkingGroup?: WorkingGroupResolvers<ContextType>;
  WorkingGroupConnection?: WorkingGroupConnectionResolvers<ContextType>;
  WorkingGroupMembership?: WorkingGroupMembershipResolvers<ContextType>;
};

