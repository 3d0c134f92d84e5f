import type { MemberId, NetworkCode, Operation } from './operations.ts';

// The cooperation's operations (pages/feed.tsx, working-group.tsx, booth.tsx, relationships.tsx): news and
// events, working groups, the joint trade-fair booth and business relationships, typed like the rest of
// portal/src/operations.ts, which re-exports them: the persisted-operation manifest and `npm run schema:check`
// take them from there. Types name only the fields the operations select.

function operation<Data, Variables>(name: string, text: string): Operation<Data, Variables> {
  return { name, text: text.replace(/\s+/g, ' ').trim() };
}

// News and events (README "News and events").

export type NewsKind = 'NEWS' | 'EVENT';
export type EventRegistrationStatus = 'REGISTERED' | 'WAITING' | 'CANCELLED';

export interface NewsItemView {
  id: string;
  network: { code: NetworkCode; name: string } | null;
  kind: NewsKind;
  title: string;
  text: string;
  visibility: 'PUBLIC' | 'MEMBERS';
  publishedAt: string;
  startsAt: string | null;
  endsAt: string | null;
  place: string | null;
  registrationLimit: number | null;
  registrationDeadline: string | null;
  registeredCount: number;
  waitingCount: number;
  calendarPath: string | null;
  updatedAt: string | null;
  withdrawnAt: string | null;
}

const newsItemFields = `id network { code name } kind title text visibility publishedAt startsAt endsAt place
  registrationLimit registrationDeadline registeredCount waitingCount calendarPath updatedAt withdrawnAt`;

export interface FeedFilter {
  kind?: NewsKind;
  networks?: NetworkCode[];
  regionWide?: boolean;
  upcoming?: boolean;
}

export interface FeedData {
  feed: { edges: { cursor: string; node: NewsItemView }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

export const newsFeed = operation<FeedData, { first: number; after?: string; filter: FeedFilter }>(
  'NewsFeed',
  `query NewsFeed($first: Int, $after: String, $filter: FeedFilter) {
    feed(first: $first, after: $after, filter: $filter) {
      edges { cursor node { ${newsItemFields} } }
      pageInfo { hasNextPage endCursor }
    }
  }`,
);

export const newsItem = operation<{ newsItem: NewsItemView | null }, { id: string }>(
  'NewsItem',
  `query NewsItem($id: ID!) { newsItem(id: $id) { ${newsItemFields} } }`,
);

/** Its publisher (the network's office, admin) takes an item out of the feed; an event ahead cancels its registrations. */
export const withdrawNews = operation<{ withdrawNews: NewsItemView }, { id: string }>(
  'WithdrawNews',
  `mutation WithdrawNews($id: ID!) { withdrawNews(id: $id) { ${newsItemFields} } }`,
);

export interface EventRegistrationView {
  id: string;
  eventId: string;
  participant: string;
  email: string;
  status: EventRegistrationStatus;
  waitingPosition: number | null;
}

const registrationFields = 'id eventId participant email status waitingPosition';

export const registerForEvent = operation<{ registerForEvent: EventRegistrationView }, { eventId: string; participant: { name: string; email: string } }>(
  'RegisterForEvent',
  `mutation RegisterForEvent($eventId: ID!, $participant: ParticipantInput!) {
    registerForEvent(eventId: $eventId, participant: $participant) { ${registrationFields} }
  }`,
);

/** The member's own registrations for events of every network and the region, newest first; a network down leaves its part out. */
export const myEventRegistrations = operation<{ myEventRegistrations: EventRegistrationView[] }, { first: number }>(
  'MyEventRegistrations',
  `query MyEventRegistrations($first: Int) { myEventRegistrations(first: $first) { ${registrationFields} } }`,
);

export const cancelEventRegistration = operation<
  { cancelEventRegistration: { cancelled: EventRegistrationView; movedUp: EventRegistrationView | null } },
  { id: string }
>(
  'CancelEventRegistration',
  `mutation CancelEventRegistration($id: ID!) {
    cancelEventRegistration(id: $id) { cancelled { ${registrationFields} } movedUp { ${registrationFields} } }
  }`,
);

/** A registration as the organising office lists it: with the member it is for (archivedAt: the member has left). */
export interface OrganiserRegistrationView extends EventRegistrationView {
  member: { id: string; name: string; archivedAt: string | null } | null;
}

/** The event's registrations, for its organising office (or admin): the registered, then the waiting list. */
export const eventRegistrations = operation<{ eventRegistrations: OrganiserRegistrationView[] }, { eventId: string }>(
  'EventRegistrations',
  `query EventRegistrations($eventId: ID!) { eventRegistrations(eventId: $eventId) { ${registrationFields} member { id name archivedAt } } }`,
);

// Working groups (README "Working groups").

export type RsvpAnswer = 'YES' | 'NO' | 'MAYBE';
export type MembershipStatus = 'INVITED' | 'REQUESTED' | 'ACTIVE' | 'LEFT' | 'REMOVED';

export interface MemberRef {
  id: string;
  name: string;
  network: { code: NetworkCode };
}

export interface WorkingGroupSummary {
  id: string;
  topic: string;
  description: string;
  leadNetwork: { code: NetworkCode; name: string };
  leadMemberRef: MemberId | null;
  leadMember: { id: string; name: string } | null;
  viewerIsMember: boolean;
  members: { id: string }[];
}

export const workingGroupList = operation<
  { workingGroups: { totalCount: number; nodes: WorkingGroupSummary[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null },
  { first: number; after?: string }
>(
  'WorkingGroupList',
  `query WorkingGroupList($first: Int, $after: String) {
    workingGroups(first: $first, after: $after) {
      totalCount
      nodes { id topic description leadNetwork { code name } leadMemberRef: leadMember { id } leadMember { id name } viewerIsMember members { id } }
      pageInfo { hasNextPage endCursor }
    }
  }`,
);

export interface MeetingView {
  id: string;
  startsAt: string;
  place: string | null;
  videoLink: string | null;
  agenda: string | null;
  participantLimit: number;
  yesCount: number;
  placesLeft: number;
  rsvps: { answer: RsvpAnswer; answeredAt: string; memberRef: MemberId; member: { id: string; name: string } | null }[] | null;
  minutes: { id: string; fileName: string; size: number; uploadedAt: string; downloadPath: string } | null;
  viewerCanUploadMinutes: boolean;
}

export interface MembershipView {
  id: string;
  status: MembershipStatus;
  joinedAt: string | null;
  memberRef: MemberId;
  member: MemberRef | null;
}

export interface WorkingGroupView {
  id: string;
  topic: string;
  description: string;
  leadNetwork: { code: NetworkCode; name: string };
  /** Null when an office leads; beside a null leadMember, the member that leads while its network is down. */
  leadMemberRef: MemberId | null;
  leadMember: MemberRef | null;
  viewerIsMember: boolean;
  viewerIsLead: boolean;
  members: MembershipView[];
  /** Invitations and requests not yet answered, as far as the caller may see them (all for the lead; a member's own). */
  pending: MembershipView[];
  meetings: MeetingView[];
  capacityBalance: { csvPath: string; from: string; to: string } | null;
}

const membershipFields = 'id status joinedAt memberRef: member { id } member { id name network { code } }';

export const workingGroupPage = operation<{ workingGroup: WorkingGroupView | null }, { id: string }>(
  'WorkingGroupPage',
  `query WorkingGroupPage($id: ID!) {
    workingGroup(id: $id) {
      id topic description leadNetwork { code name } leadMemberRef: leadMember { id } leadMember { id name network { code } } viewerIsMember viewerIsLead
      members { ${membershipFields} }
      pending { ${membershipFields} }
      meetings(upcomingOnly: false) {
        id startsAt place videoLink agenda participantLimit yesCount placesLeft viewerCanUploadMinutes
        rsvps { answer answeredAt memberRef: member { id } member { id name } }
        minutes { id fileName size uploadedAt downloadPath }
      }
      capacityBalance { csvPath from to }
    }
  }`,
);

export const rsvpMeeting = operation<
  { rsvpMeeting: { meetingId: string; answer: RsvpAnswer; answeredAt: string; member: { id: string; name: string } | null } },
  { meetingId: string; answer: RsvpAnswer }
>(
  'RsvpMeeting',
  `mutation RsvpMeeting($meetingId: ID!, $answer: RsvpAnswer!) {
    rsvpMeeting(meetingId: $meetingId, answer: $answer) { meetingId answer answeredAt member { id name } }
  }`,
);

export const requestToJoinWorkingGroup = operation<{ requestToJoinWorkingGroup: { id: string; status: MembershipStatus } }, { groupId: string }>(
  'RequestToJoinWorkingGroup',
  `mutation RequestToJoinWorkingGroup($groupId: ID!) { requestToJoinWorkingGroup(groupId: $groupId) { id status } }`,
);

type MembershipChange = { id: string; status: MembershipStatus };

export const confirmWorkingGroupMembership = operation<{ confirmWorkingGroupMembership: MembershipChange }, { membershipId: string }>(
  'ConfirmWorkingGroupMembership',
  `mutation ConfirmWorkingGroupMembership($membershipId: ID!) { confirmWorkingGroupMembership(membershipId: $membershipId) { id status } }`,
);

export const acceptWorkingGroupInvitation = operation<{ acceptWorkingGroupInvitation: MembershipChange }, { membershipId: string }>(
  'AcceptWorkingGroupInvitation',
  `mutation AcceptWorkingGroupInvitation($membershipId: ID!) { acceptWorkingGroupInvitation(membershipId: $membershipId) { id status } }`,
);

/** Declines a request, withdraws an invitation or removes a member (the lead, the member's office, admin). */
export const removeFromWorkingGroup = operation<{ removeFromWorkingGroup: MembershipChange }, { membershipId: string }>(
  'RemoveFromWorkingGroup',
  `mutation RemoveFromWorkingGroup($membershipId: ID!) { removeFromWorkingGroup(membershipId: $membershipId) { id status } }`,
);

/** The member's own: leaves, withdraws its request or declines its invitation. */
export const leaveWorkingGroup = operation<{ leaveWorkingGroup: MembershipChange }, { groupId: string }>(
  'LeaveWorkingGroup',
  `mutation LeaveWorkingGroup($groupId: ID!) { leaveWorkingGroup(groupId: $groupId) { id status } }`,
);

/** The lead invites a member of any network; the member accepts or declines on the group's page. */
export const inviteToWorkingGroup = operation<{ inviteToWorkingGroup: MembershipChange }, { groupId: string; memberId: string }>(
  'InviteToWorkingGroup',
  `mutation InviteToWorkingGroup($groupId: ID!, $memberId: ID!) { inviteToWorkingGroup(groupId: $groupId, memberId: $memberId) { id status } }`,
);

export interface MeetingFields {
  /** ISO 8601 with offset. */
  startsAt: string;
  place: string | null;
  videoLink: string | null;
  agenda: string;
  participantLimit: number;
}

export const scheduleMeeting = operation<{ scheduleMeeting: { id: string; startsAt: string } }, { groupId: string; input: MeetingFields }>(
  'ScheduleMeeting',
  `mutation ScheduleMeeting($groupId: ID!, $input: MeetingInput!) { scheduleMeeting(groupId: $groupId, input: $input) { id startsAt } }`,
);

/** An office (network alone) or an active member of the group (memberId) takes the lead. */
export const handOverWorkingGroupLead = operation<
  { handOverWorkingGroupLead: { id: string; leadNetwork: { code: NetworkCode }; leadMemberRef: MemberId | null } },
  { groupId: string; lead: { network?: NetworkCode; memberId?: string } }
>(
  'HandOverWorkingGroupLead',
  `mutation HandOverWorkingGroupLead($groupId: ID!, $lead: WorkingGroupLeadInput!) {
    handOverWorkingGroupLead(groupId: $groupId, lead: $lead) { id leadNetwork { code } leadMemberRef: leadMember { id } }
  }`,
);

// The joint trade-fair booth (README "Joint trade-fair booths").

export type BoothRegistrationStatus = 'PENDING' | 'CONFIRMED' | 'DECLINED' | 'CANCELLED';

export interface TradeFairSummary {
  id: string;
  name: string;
  city: string;
  startsAt: string;
  endsAt: string;
  registrationDeadline: string;
  registrationOpen: boolean;
  booth: { id: string; totalAreaM2: number; remainingAreaM2: number; organiser: { code: NetworkCode } | null };
}

export const tradeFairList = operation<{ tradeFairs: TradeFairSummary[] | null }, Record<string, never>>(
  'TradeFairList',
  `query TradeFairList {
    tradeFairs { id name city startsAt endsAt registrationDeadline registrationOpen booth { id totalAreaM2 remainingAreaM2 organiser { code } } }
  }`,
);

export interface BoothRegistrationView {
  id: string;
  memberRef: MemberId;
  member: { id: string; name: string } | null;
  network: { code: NetworkCode };
  areaM2: number;
  products: string[];
  contact: { name: string; email: string; phone: string | null };
  status: BoothRegistrationStatus;
  registeredAt: string;
  decidedAt: string | null;
  declineReason: string | null;
}

const boothRegistrationFields = `id memberRef: member { id } member { id name } network { code } areaM2 products contact { name email phone } status registeredAt decidedAt declineReason`;

export interface TradeFairView extends Omit<TradeFairSummary, 'booth'> {
  booth: {
    id: string;
    organiser: { code: NetworkCode; name: string } | null;
    totalAreaM2: number;
    allocatedAreaM2: number;
    remainingAreaM2: number;
    rentCents: number;
    constructionCents: number;
    servicesCents: number;
    fixedCostsCents: number;
    baseFeeCents: number;
    registrations: BoothRegistrationView[];
    /** How often the signed-in member may still register (0: used up); null for an office or admin. */
    registrationsLeft: number | null;
    costSplit: {
      fixedCostsCents: number;
      baseFeesCents: number;
      sharedCents: number;
      totalCents: number;
      exhibitorCount: number;
      confirmedAreaM2: number;
      exhibitors: {
        registration: { id: string; memberRef: MemberId; member: { id: string; name: string } | null };
        areaM2: number;
        baseFeeCents: number;
        areaShareCents: number;
        totalCents: number;
      }[];
      networks: { network: { code: NetworkCode }; exhibitors: number; areaM2: number; totalCents: number }[];
    };
    costsCsvPath: string;
    catalogueCsvPath: string;
    cataloguePrintPath: string;
  };
}

export const tradeFairPage = operation<{ tradeFair: TradeFairView | null }, { id: string }>(
  'TradeFairPage',
  `query TradeFairPage($id: ID!) {
    tradeFair(id: $id) {
      id name city startsAt endsAt registrationDeadline registrationOpen
      booth {
        id organiser { code name } totalAreaM2 allocatedAreaM2 remainingAreaM2
        rentCents constructionCents servicesCents fixedCostsCents baseFeeCents
        registrations { ${boothRegistrationFields} }
        registrationsLeft
        costSplit {
          fixedCostsCents baseFeesCents sharedCents totalCents exhibitorCount confirmedAreaM2
          exhibitors { registration { id memberRef: member { id } member { id name } } areaM2 baseFeeCents areaShareCents totalCents }
          networks { network { code } exhibitors areaM2 totalCents }
        }
        costsCsvPath catalogueCsvPath cataloguePrintPath
      }
    }
  }`,
);

export interface BoothRegistrationInput {
  areaM2: number;
  products: string[];
  contact: { name: string; email: string; phone: string | null };
}

export const registerForBooth = operation<{ registerForBooth: BoothRegistrationView | null }, { boothId: string; input: BoothRegistrationInput }>(
  'RegisterForBooth',
  `mutation RegisterForBooth($boothId: ID!, $input: BoothRegistrationInput!) {
    registerForBooth(boothId: $boothId, input: $input) { ${boothRegistrationFields} }
  }`,
);

export const confirmBoothRegistration = operation<{ confirmBoothRegistration: BoothRegistrationView | null }, { id: string }>(
  'ConfirmBoothRegistration',
  `mutation ConfirmBoothRegistration($id: ID!) { confirmBoothRegistration(id: $id) { ${boothRegistrationFields} } }`,
);

export const declineBoothRegistration = operation<{ declineBoothRegistration: BoothRegistrationView | null }, { id: string; reason?: string }>(
  'DeclineBoothRegistration',
  `mutation DeclineBoothRegistration($id: ID!, $reason: String) { declineBoothRegistration(id: $id, reason: $reason) { ${boothRegistrationFields} } }`,
);

export const cancelBoothRegistration = operation<{ cancelBoothRegistration: BoothRegistrationView | null }, { id: string }>(
  'CancelBoothRegistration',
  `mutation CancelBoothRegistration($id: ID!) { cancelBoothRegistration(id: $id) { ${boothRegistrationFields} } }`,
);

// Business relationships (README "Business relationships").

export type RelationshipKind = 'SUPPLIER_OF' | 'CUSTOMER_OF' | 'DEVELOPMENT_PARTNER' | 'JOINT_PROJECT';
export type RelationshipStatus = 'REQUESTED' | 'CONFIRMED' | 'ENDED';

export interface RelationshipView {
  id: string;
  kind: RelationshipKind;
  status: RelationshipStatus;
  crossNetwork: boolean;
  createdAt: string;
  confirmedAt: string | null;
  endedAt: string | null;
  requesterRef: MemberId;
  requester: MemberRef | null;
  partnerRef: MemberId;
  partner: MemberRef | null;
}

const relationshipFields =
  'id kind status crossNetwork createdAt confirmedAt endedAt requesterRef: requester { id } requester { id name network { code } } partnerRef: partner { id } partner { id name network { code } }';

export interface PartnerSuggestionView {
  member: (MemberRef & { city: string }) | null;
  distanceKm: number | null;
  /** Why, as data (PartnerSuggestion.reasons says it in English): a part's route from the first group to the next. */
  steps: { first: string; next: string; theirsIsNext: boolean }[];
}

const suggestionFields =
  'partnerSuggestions(radiusKm: $radiusKm, first: 10) { member { id name city network { code } } distanceKm steps { first next theirsIsNext } }';

export const memberRelationships = operation<
  { relationships: RelationshipView[]; member: { id: string; name: string; partnerSuggestions?: PartnerSuggestionView[] } | null },
  { memberId: string; radiusKm: number; includeEnded: boolean }
>(
  'MemberRelationships',
  `query MemberRelationships($memberId: ID!, $radiusKm: Int, $includeEnded: Boolean) {
    relationships(memberId: $memberId, includeEnded: $includeEnded) { ${relationshipFields} }
    member(id: $memberId) {
      id name
      ... on NiweMember { ${suggestionFields} }
      ... on LinatMember { ${suggestionFields} }
      ... on KonatMember { ${suggestionFields} }
    }
  }`,
);

export const requestRelationship = operation<{ requestRelationship: RelationshipView }, { partnerId: string; kind: RelationshipKind }>(
  'RequestRelationship',
  `mutation RequestRelationship($partnerId: ID!, $kind: RelationshipKind!) { requestRelationship(partnerId: $partnerId, kind: $kind) { ${relationshipFields} } }`,
);

export const confirmRelationship = operation<{ confirmRelationship: RelationshipView }, { id: string }>(
  'ConfirmRelationship',
  `mutation ConfirmRelationship($id: ID!) { confirmRelationship(id: $id) { ${relationshipFields} } }`,
);

export const endRelationship = operation<{ endRelationship: RelationshipView }, { id: string }>(
  'EndRelationship',
  `mutation EndRelationship($id: ID!) { endRelationship(id: $id) { ${relationshipFields} } }`,
);

export const cooperationOperations = [
  newsFeed,
  newsItem,
  withdrawNews,
  registerForEvent,
  myEventRegistrations,
  eventRegistrations,
  cancelEventRegistration,
  workingGroupList,
  workingGroupPage,
  rsvpMeeting,
  requestToJoinWorkingGroup,
  confirmWorkingGroupMembership,
  acceptWorkingGroupInvitation,
  removeFromWorkingGroup,
  leaveWorkingGroup,
  inviteToWorkingGroup,
  scheduleMeeting,
  handOverWorkingGroupLead,
  tradeFairList,
  tradeFairPage,
  registerForBooth,
  confirmBoothRegistration,
  declineBoothRegistration,
  cancelBoothRegistration,
  memberRelationships,
  requestRelationship,
  confirmRelationship,
  endRelationship,
];
