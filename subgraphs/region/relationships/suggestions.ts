import { badInput, forbidden } from '../../../shared/errors.ts';
import { radiusKm as checkRadius } from '../../../shared/validation.ts';
import { parseMemberId } from '../../../shared/ids.ts';
import { requireSignedIn } from '../../../shared/identity.ts';
import { networks } from '../../../shared/networks.ts';
import type { RegionContext } from '../context.ts';
import { memberRef, type MemberRef } from '../ids.ts';
import { networkPages } from '../pages.ts';
import { BusinessRelationshipSchema } from './relationship.entity.ts';
import { complementsOf, type Step } from './complements.ts';

// Partner suggestions: the groups that complement the member's processes
// (complements.ts, the one rule) are asked of every network in one request
// each (the network's half: subgraphs/network/suggestions.ts), with only what
// the rule needs: who offers which of the groups, and how far away. Members
// offering several groups rank first, then the nearer, then by network and id;
// each network answers its best `first` in that order, leaving out the member
// and those it already works with (or has asked), so the merge of the pages is
// the ranking across networks. A network that is down leaves its members out
// and adds NETWORK_UNAVAILABLE.

const candidatesQuery = /* GraphQL */ `
  query PartnerCandidates($groups: [String!]!, $near: GeoRadiusInput, $exclude: [Int!]!, $first: Int!) {
    partnerCandidates(groups: $groups, near: $near, exclude: $exclude, first: $first) { localId groups distanceKm }
  }
`;

interface Candidate {
  localId: number;
  groups: string[];
  distanceKm: number | null;
}

/** What the gateway fetches from the member's network for this field (@requires). */
export interface Capabilities {
  processes?: { code: string }[];
  location?: { latitude: number; longitude: number } | null;
}

export interface Suggestion {
  member: MemberRef;
  distanceKm: number | null;
  /** Why, one per complementary group it offers; PartnerSuggestion.reasons words them (complements.ts reasonOf). */
  steps: Step[];
}

const maxRadiusKm = 500;

function assertMaySee(ctx: RegionContext, memberId: string): void {
  const { identity } = ctx;
  requireSignedIn(identity);
  const network = parseMemberId(memberId).network.code;
  if (identity.role === 'admin' || identity.memberId === memberId || (identity.role === 'office' && identity.network === network)) return;
  throw forbidden("A member's partner suggestions are for the member, its network's office and admin.");
}

/** The members memberId has an active relationship with, requested or confirmed, either way round. */
async function relatedTo(ctx: RegionContext, memberId: string): Promise<Set<string>> {
  const rows = await ctx.em.find(
    BusinessRelationshipSchema,
    { $or: [{ requesterId: memberId }, { partnerId: memberId }], status: { $ne: 'ENDED' } },
    { fields: ['requesterId', 'partnerId'] },
  );
  return new Set(rows.map((r) => (r.requesterId === memberId ? r.partnerId : r.requesterId)));
}

export async function partnerSuggestions(ctx: RegionContext, member: MemberRef & Capabilities, radiusKm: number, first: number): Promise<Suggestion[]> {
  assertMaySee(ctx, member.id);
  checkRadius('radiusKm', radiusKm, maxRadiusKm);
  if (!(first >= 1 && first <= 50)) throw badInput('first', `first must be 1..50, got ${first}.`, { reason: 'OUT_OF_RANGE', min: 1, max: 50, integer: true });
  const complements = complementsOf((member.processes ?? []).map((p) => p.code));
  if (complements.length === 0) return [];
  const steps = new Map(complements.map((c) => [c.group, c.step]));
  const { location } = member;
  const near = location ? { latitude: location.latitude, longitude: location.longitude, radiusKm } : null;
  const left = [member.id, ...(await relatedTo(ctx, member.id))].map((id) => parseMemberId(id));
  const pages = await networkPages(
    ctx,
    networks.map((n) => n.code),
    async (code) => {
      const exclude = left.filter((m) => m.network.code === code).map((m) => m.localId);
      const variables = { groups: complements.map((c) => c.group), near, exclude, first };
      return (await ctx.client(code).request<{ partnerCandidates: Candidate[] }>(candidatesQuery, variables, ctx.identityHeader, { since: '1.2' }))
        .partnerCandidates;
    },
  );
  const distance = (c: Candidate) => c.distanceKm ?? Number.POSITIVE_INFINITY;
  return pages
    .flatMap(({ code, page }) => page.map((c) => ({ ...c, network: code })))
    .sort(
      (a, b) =>
        b.groups.length - a.groups.length || distance(a) - distance(b) || (a.network < b.network ? -1 : a.network > b.network ? 1 : a.localId - b.localId),
    )
    .slice(0, first)
    .map((c) => ({ member: memberRef(c.network, c.localId), distanceKm: c.distanceKm, steps: c.groups.map((g) => steps.get(g)!) }));
}
