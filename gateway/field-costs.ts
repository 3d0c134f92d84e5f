import { certificationStandards } from '../shared/data/certifications.ts';
import { memberTypeName, networks } from '../shared/networks.ts';

// What a field costs beyond the 1 every field costs, for the operation limits
// (gateway/limits.ts). Two tables, by schema coordinate ("Type.field"; an
// interface's entry also covers the types that implement it):
//
// listSizes: lists without a `first` argument, sized by what they hold. The
// default of 20 per level (DEFAULT_LIST_SIZE) made three nested lists cost
// 20 × 20 × 20 although a member has a handful of services. The member lists
// are sized from the data: the demo and bulk members have 2–5 processes, 1–3
// services and 1–3 certifications (the busiest demo member 4 services and 6
// processes); the sizes leave room for real members with about twice that.
// Sizing them by the hard limits of member input instead (listLimits in
// shared/validation.ts: 50 services of up to 105 processes) would price every
// member at 5,000 and refuse ordinary queries again; a member that does come
// near them makes one estimate low by that factor, never the work unbounded.
//
// fanOut: fields whose resolver asks every network (or those named in an
// argument), each of which reads many rows to answer. They cost per network
// asked, and per row that network reads, on top of the objects they return.
//
// textSizes: texts whose limit runs to thousands of characters, by their
// size: one per 100 characters of the limit, about what a small field costs
// with its name in the answer's JSON.

export const listSizes: Readonly<Record<string, number>> = {
  'Query.networks': networks.length,
  'Member.processes': 10,
  'Member.services': 6,
  'Member.certifications': 6,
  'Member.contacts': 6,
  'Service.processes': 6,
  'MemberFacets.networks': networks.length,
  // DIN 8580 has six main groups.
  'MemberFacets.processMainGroups': 6,
  'MemberFacets.certifications': certificationStandards.length,
  // An inquiry's own lists. Without entries they counted 1 inside
  // `inquiries(first:)` (as if a connection's edges, which `first` does size),
  // so `inquiries(first: 100) { invitations { member { services { … } } } }`
  // was priced as 100 invitations, not 1,000. Sized like the member lists, by
  // what an inquiry holds with room to spare: publishInquiry invites 10 by
  // default (up to 100, an office adds more by hand), and about as many quote;
  // quantities and price tiers take 1 to 20, a consortium 1 to 20 partners
  // besides its lead, and the demo inquiries use 1–3 of each.
  'Inquiry.quantities': 5,
  'Inquiry.attachments': 5,
  'Inquiry.invitations': 10,
  'Inquiry.inviteeProposals': 5,
  'Inquiry.quotes': 10,
  'Inquiry.consortia': 3,
  'Consortium.partners': 5,
  'Quote.priceTiers': 5,
  'Quote.revisions': 5,
  // Always one line per criterion: hours, window, distance, and CAD system or process (capacity/matches.ts).
  'CapacityMatch.breakdown': 4,
  // A row per ISO week, kind and system, for each network and the region: a year of 53 weeks with 5 systems posted.
  'Query.capacityBalance': 1_000,
};

// Priced as any field, 20 aliases of feed(first: 100) { text } cost about 8,000 and answered 22 MB once an office had
// published 100 items of 20,000 characters; four such requests at once ran the gateway out of its heap. Now 402,000.
export const textSizes: Readonly<Record<string, number>> = {
  'NewsItem.text': 200,
  'Inquiry.partDescription': 100,
  'Meeting.agenda': 100,
  'Member.description': 50,
  'Service.description': 50,
  'WorkingGroup.description': 50,
  'Quote.notes': 50,
  'QuoteRevision.notes': 50,
};

export interface FanOut {
  /** Path of the argument that lists the networks to ask (all of them when absent); no path: one network, unless everyNetwork. */
  networksArgument?: readonly string[];
  /** Asks every network whatever its arguments. */
  everyNetwork?: true;
  /** Rows each network reads for one call. */
  rowsPerNetwork: number;
}

// findSuppliers scores every live member that passes the hard requirements, so
// up to all of a network's members: 10,000 in the benchmark, where one ranking
// takes about 48 ms per network (README, Q3). A member search stops counting at
// SEARCH_COUNT_LIMIT hits (200 by default; costed as if set to 1,000, so a
// region that raises it up to that is not undercharged) and reads one page through an
// index; a member count reads an index entry per member, far cheaper than
// scoring.
const rankedCandidates = 10_000;
const searchedRows = 1_000;

export const fanOut: Readonly<Record<string, FanOut>> = {
  'Query.findSuppliers': { networksArgument: ['requirements', 'networks'], rowsPerNetwork: rankedCandidates },
  'Query.members': { networksArgument: ['filter', 'networks'], rowsPerNetwork: searchedRows },
  'Network.members': { rowsPerNetwork: searchedRows },
  'Network.memberCount': { rowsPerNetwork: searchedRows },
  // Region asks every network for the members that complement this one within the radius (relationships/
  // suggestions.ts), each ranking them through an index to `first`, as a search reads its page. Unpriced, 60 members'
  // suggestions under network.members(first: 60) cost 4,182 and made 181 calls from region to the networks, and 29
  // aliases of it on each ran past the gateway's 10 s timeout; now 180,000 and 5 million, both refused.
  // Each network's member type has the field (the Member interface does not).
  ...Object.fromEntries(networks.map((n) => [`${memberTypeName(n.code)}.partnerSuggestions`, { everyNetwork: true, rowsPerNetwork: searchedRows } as const])),
  // Region scores the open posts of the other side in memory after reading them all (capacity/matches.ts); a few
  // hundred in a region of this size, priced as a search's page.
  'Query.capacityMatches': { rowsPerNetwork: searchedRows },
  // Every open post and confirmed booking that overlaps the weeks asked, spread over their working days (capacity/balance.ts).
  'Query.capacityBalance': { rowsPerNetwork: searchedRows },
  // Each network asked reads its newest `first` items through an index, and region merges the pages (news/feed.ts).
  'Query.feed': { networksArgument: ['filter', 'networks'], rowsPerNetwork: 100 },
  'Query.myEventRegistrations': { everyNetwork: true, rowsPerNetwork: 100 },
};

/** The table entries that name no field of the schema; the gateway refuses to start with any, so a renamed field cannot silently lose its cost. */
export function unknownCoordinates(hasField: (type: string, field: string) => boolean): string[] {
  return [...Object.keys(listSizes), ...Object.keys(fanOut), ...Object.keys(textSizes)].filter((coordinate) => {
    const [type, field] = coordinate.split('.');
    return !hasField(type, field);
  });
}
