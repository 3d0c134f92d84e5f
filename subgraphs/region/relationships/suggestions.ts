import { badInput, forbidden } from '../../../shared/errors.ts';
import { parseMemberId } from '../../../shared/ids.ts';
import type { RegionContext } from '../context.ts';
import type { MemberRef } from '../ids.ts';
import { pageOnly, searchMembers } from '../members/search.ts';
import { BusinessRelationshipSchema } from './relationship.entity.ts';
import { complementsOf } from './complements.ts';

// Partner suggestions: for each group that complements the member's processes
// (complements.ts), region's member search across the networks finds who
// offers it within the radius; members found for several groups rank first,
// then the nearer. Members it already works with (or has asked) are left out.

/** What the gateway fetches from the member's network for this field (@requires). */
export interface Capabilities {
  processes?: { code: string }[];
  location?: { latitude: number; longitude: number } | null;
}

export interface Suggestion {
  member: MemberRef;
  distanceKm: number | null;
  reasons: string[];
}

/** Candidates per complementary group: enough to fill a page after the ones already related are left out. */
const perGroup = 100;
const maxRadiusKm = 500;

function assertMaySee(ctx: RegionContext, memberId: string): void {
  const { identity } = ctx;
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
  if (!(radiusKm > 0 && radiusKm <= maxRadiusKm)) throw badInput('radiusKm', `radiusKm must be more than 0 and at most ${maxRadiusKm}, got ${radiusKm}.`);
  if (!(first >= 1 && first <= 50)) throw badInput('first', `first must be 1..50, got ${first}.`);
  const complements = complementsOf((member.processes ?? []).map((p) => p.code));
  const { location } = member;
  const near = location ? { latitude: location.latitude, longitude: location.longitude, radiusKm } : null;
  const [related, pages] = await Promise.all([
    relatedTo(ctx, member.id),
    Promise.all(
      complements.map((c) => searchMembers(ctx, { filter: { processes: [c.group], near }, orderBy: near ? 'DISTANCE' : 'NAME', first: perGroup }, pageOnly)),
    ),
  ]);
  const found = new Map<string, Suggestion>();
  complements.forEach((complement, i) => {
    for (const edge of pages[i].edges) {
      if (edge.node.id === member.id || related.has(edge.node.id)) continue;
      const suggestion = found.get(edge.node.id) ?? { member: edge.node, distanceKm: edge.distanceKm ?? null, reasons: [] };
      suggestion.reasons.push(complement.reason);
      found.set(edge.node.id, suggestion);
    }
  });
  const distance = (s: Suggestion) => s.distanceKm ?? Number.POSITIVE_INFINITY;
  return [...found.values()]
    .sort((a, b) => b.reasons.length - a.reasons.length || distance(a) - distance(b) || a.member.id.localeCompare(b.member.id))
    .slice(0, first);
}
