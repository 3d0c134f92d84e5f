import type { MemberId, NetworkCode, Operation } from './operations.ts';

// A signed-in member's own pages (pages/member-area.tsx): its availability, its capacity offers and
// requests with the bookings on them and by it. Typed like the rest of portal/src/operations.ts, which
// re-exports them: the persisted-operation manifest and `npm run schema:check` take them from there.

function operation<Data, Variables>(name: string, text: string): Operation<Data, Variables> {
  return { name, text: text.replace(/\s+/g, ' ').trim() };
}

export type AvailabilityStatus = 'LOOKING_FOR_WORK' | 'NORMAL' | 'AT_CAPACITY';

export type CapacitySide = 'OFFER' | 'REQUEST';
export type CadSystem = 'CATIA_V5' | 'SIEMENS_NX' | 'SOLIDWORKS' | 'CREO' | 'INVENTOR';

export interface OwnMember {
  id: string;
  name: string;
  postalCode: string;
  availability: AvailabilityStatus;
  network: { code: NetworkCode };
}

export const ownMember = operation<{ member: OwnMember | null }, { id: string }>(
  'OwnMember',
  `query OwnMember($id: ID!) { member(id: $id) { id name postalCode availability network { code } } }`,
);

export const setOwnAvailability = operation<{ setAvailability: AvailabilityStatus }, { status: AvailabilityStatus }>(
  'SetOwnAvailability',
  `mutation SetOwnAvailability($status: AvailabilityStatus!) { setAvailability(status: $status) }`,
);

export interface OwnCapacityPost {
  id: string;
  side: CapacitySide;
  kind: 'CAD' | 'MACHINE_HOURS';
  cadSystem: CadSystem | null;
  process: { code: string } | null;
  machine: string | null;
  hours: number;
  bookedHours: number;
  remainingHours: number;
  from: string;
  to: string;
  postalCode: string;
  pricePerHour: number | null;
  status: 'OPEN' | 'WITHDRAWN';
  version: number;
}

export interface CapacityBookingRow {
  id: string;
  hours: number;
  from: string;
  to: string;
  status: 'REQUESTED' | 'CONFIRMED' | 'DECLINED' | 'CANCELLED';
  createdAt: string;
  memberRef: MemberId;
  member: { id: string; name: string } | null;
  offer: {
    id: string;
    kind: 'CAD' | 'MACHINE_HOURS';
    cadSystem: CadSystem | null;
    process: { code: string } | null;
    memberRef: MemberId;
    member: { id: string; name: string } | null;
  };
}

const ownPostFields = 'id side kind cadSystem process { code } machine hours bookedHours remainingHours from to postalCode pricePerHour status version';

export const ownCapacity = operation<
  { capacityPosts: { totalCount: number; nodes: OwnCapacityPost[] } | null; capacityBookings: CapacityBookingRow[] | null },
  { member: string }
>(
  'OwnCapacity',
  `query OwnCapacity($member: ID!) {
    capacityPosts(first: 100, filter: { member: $member }) { totalCount nodes { ${ownPostFields} } }
    capacityBookings(first: 200) {
      id hours from to status createdAt memberRef: member { id } member { id name }
      offer { id kind cadSystem process { code } memberRef: member { id } member { id name } }
    }
  }`,
);

export interface CapacityPostFields {
  side: CapacitySide;
  kind: 'CAD' | 'MACHINE_HOURS';
  cadSystem: CadSystem | null;
  process: string | null;
  machine: string | null;
  hours: number;
  from: string;
  to: string;
  postalCode: string;
  pricePerHour: number | null;
  notes: string | null;
}

export const postOwnCapacity = operation<{ postCapacity: OwnCapacityPost }, { input: CapacityPostFields; idempotencyKey: string }>(
  'PostOwnCapacity',
  `mutation PostOwnCapacity($input: CapacityPostInput!, $idempotencyKey: String) {
    postCapacity(input: $input, idempotencyKey: $idempotencyKey) { ${ownPostFields} }
  }`,
);

export const withdrawOwnCapacity = operation<{ withdrawCapacityPost: OwnCapacityPost }, { id: string; version: number; idempotencyKey: string }>(
  'WithdrawOwnCapacity',
  `mutation WithdrawOwnCapacity($id: ID!, $version: Int!, $idempotencyKey: String) {
    withdrawCapacityPost(id: $id, version: $version, idempotencyKey: $idempotencyKey) { ${ownPostFields} }
  }`,
);

export interface OwnContact {
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
}

export interface OwnService {
  title: string;
  description: string | null;
  processes: { code: string }[];
}

export interface OwnCertification {
  standard: string;
  number: string | null;
  validUntil: string;
}

export interface OwnCapabilities {
  id: string;
  version: number;
  processes: { code: string }[];
  materials: string[];
  contacts: OwnContact[];
  services: OwnService[];
  certifications: OwnCertification[];
}

/** The lists of a member's profile as updateMember takes them (MemberPatch: a list given replaces the member's). */
export interface OwnListsPatch {
  processes?: string[];
  materials?: string[];
  contacts?: OwnContact[];
  services?: { title: string; description: string | null; processes: string[] }[];
  certifications?: OwnCertification[];
}

const capabilityFields =
  'id version processes { code } materials contacts { name role email phone } services { title description processes { code } } certifications { standard number validUntil }';

export const ownCapabilities = operation<{ member: OwnCapabilities | null }, { id: string }>(
  'OwnCapabilities',
  `query OwnCapabilities($id: ID!) { member(id: $id) { ${capabilityFields} } }`,
);

/** A member's processes and materials, contact persons, services or certifications, each list replaced as a whole. */
export const updateOwnCapabilities = operation<{ updateMember: OwnCapabilities }, { id: string; input: OwnListsPatch; version: number }>(
  'UpdateOwnCapabilities',
  `mutation UpdateOwnCapabilities($id: ID!, $input: MemberPatch!, $version: Int) {
    updateMember(id: $id, input: $input, version: $version) { ${capabilityFields} }
  }`,
);

/**
 * Whether a member has left its network (archivedAt, ISO 8601; null while it is a member), for its profile and the
 * member form: an archived member's profile is what it was when it left, and it can no longer be changed.
 */
export const memberStanding = operation<{ member: { id: string; archivedAt: string | null } | null }, { id: string }>(
  'MemberStanding',
  `query MemberStanding($id: ID!) { member(id: $id) { id archivedAt } }`,
);

type BookingStatus = CapacityBookingRow['status'];

/** The offering member accepts a requested booking of its offer. */
export const confirmOwnBooking = operation<{ confirmCapacityBooking: { id: string; status: BookingStatus } }, { id: string; idempotencyKey: string }>(
  'ConfirmOwnBooking',
  `mutation ConfirmOwnBooking($id: ID!, $idempotencyKey: String) { confirmCapacityBooking(id: $id, idempotencyKey: $idempotencyKey) { id status } }`,
);

/** The offering member refuses a requested booking; its hours return to the offer. */
export const declineOwnBooking = operation<{ declineCapacityBooking: { id: string; status: BookingStatus } }, { id: string; idempotencyKey: string }>(
  'DeclineOwnBooking',
  `mutation DeclineOwnBooking($id: ID!, $idempotencyKey: String) { declineCapacityBooking(id: $id, idempotencyKey: $idempotencyKey) { id status } }`,
);

/** Either party cancels a booking, requested or confirmed; its hours return to the offer. */
export const cancelOwnBooking = operation<{ cancelCapacityBooking: { id: string; status: BookingStatus } }, { id: string; idempotencyKey: string }>(
  'CancelOwnBooking',
  `mutation CancelOwnBooking($id: ID!, $idempotencyKey: String) { cancelCapacityBooking(id: $id, idempotencyKey: $idempotencyKey) { id status } }`,
);

/** A member's registration for an event, with the event as it stands now (corrected, or withdrawn). */
export interface OwnEventRegistration {
  id: string;
  participant: string;
  status: 'REGISTERED' | 'WAITING' | 'CANCELLED';
  waitingPosition: number | null;
  event: { id: string; title: string; startsAt: string | null; endsAt: string | null; place: string | null; withdrawnAt: string | null } | null;
}

/** The member's registrations for events of every network and the region, newest first; a network down leaves its part out. */
export const ownEventRegistrations = operation<{ myEventRegistrations: OwnEventRegistration[] | null }, { first: number }>(
  'OwnEventRegistrations',
  `query OwnEventRegistrations($first: Int) {
    myEventRegistrations(first: $first) { id participant status waitingPosition event { id title startsAt endsAt place withdrawnAt } }
  }`,
);

export const memberOperations = [
  cancelOwnBooking,
  ownEventRegistrations,
  ownMember,
  setOwnAvailability,
  ownCapacity,
  postOwnCapacity,
  withdrawOwnCapacity,
  ownCapabilities,
  updateOwnCapabilities,
  memberStanding,
  confirmOwnBooking,
  declineOwnBooking,
];
