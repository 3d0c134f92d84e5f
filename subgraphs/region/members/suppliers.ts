import { badInput } from '../../../shared/errors.ts';
import { closeMaterialSpellings, familiesSince, findMaterial, namesFamily } from '../../../shared/data/materials.ts';
import type { Quantity, RequirementMatch, Tolerance } from '../../../shared/matching.ts';
import { certificationNames, line, processCodes, radiusKm, unknownMaterial } from '../../../shared/validation.ts';
import type { RegionContext } from '../context.ts';
import { networks } from '../../../shared/networks.ts';
import { newerOrOlder } from '../network-client.ts';
import { memberFieldsSince, memberNode, withMemberFields } from './provided.ts';
import { mergeHits, networkPages, pageSize } from '../pages.ts';
import { closeToListedMaterial, maxRadiusKm, networkCodes, resolveLocation } from './filter.ts';
import { compareSupplierKeys } from '../../../shared/sort-key.ts';

// findSuppliers: every network ranks its own members against the requirements
// with the shared scoring code; region merges the rankings.

export interface SupplierRequirements {
  processes?: string[] | null;
  material?: string | null;
  quantity?: Quantity | null;
  tolerance?: Tolerance | null;
  certifications?: string[] | null;
  deliveryLocation?: { latitude?: number | null; longitude?: number | null; postalCode?: string | null } | null;
  maxDistanceKm?: number | null;
  networks?: string[] | null;
}

/** `member`: the suppliers' fields the client asked (provided.ts), which a network of 1.8 answers with its ranking. */
const matchQuery = (member: string | null) => /* GraphQL */ `
  query Match($requirements: RequirementsInput!, $first: Int!) {
    matchSuppliers(requirements: $requirements, first: $first) {
      totalCount
      hits { localId sortKey rank score distanceKm breakdown { requirement status reason } ${member ? `member { ${member} }` : ''} }
    }
  }
`;

interface SupplierPage {
  totalCount: number;
  hits: {
    localId: number;
    sortKey: string;
    rank: number;
    score: number;
    distanceKm: number | null;
    breakdown: RequirementMatch[];
    member?: Record<string, unknown> | null;
  }[];
}

function validate(r: SupplierRequirements) {
  const given =
    (r.processes?.length ?? 0) +
    (r.material ? 1 : 0) +
    (r.quantity ? 1 : 0) +
    (r.tolerance ? 1 : 0) +
    (r.certifications?.length ?? 0) +
    (r.deliveryLocation ? 1 : 0);
  if (given === 0)
    throw badInput(
      'requirements',
      'requirements are empty; give at least one of processes, material, quantity, tolerance, certifications or deliveryLocation.',
      { reason: 'REQUIRED' },
    );
  const typed = line('requirements.material', r.material, 60, false);
  if (r.material != null && typed === null)
    // Blank: one too long is refused by text() already.
    throw badInput('requirements.material', 'requirements.material must be a material name of 1 to 60 characters, not blank.', { reason: 'REQUIRED' });
  // The list's name of a listed material; a family's word or a material the list lacks as typed, as the members
  // filter takes it and shared/matching.ts matches it (MET for a member that typed it, Inconel 718 or S355JR). One
  // close to a listed spelling that no supplier works is refused after the networks answered (findSuppliers).
  const material = typed === null ? null : (findMaterial(typed)?.name ?? typed);
  if (r.maxDistanceKm != null && !r.deliveryLocation)
    throw badInput('requirements.maxDistanceKm', 'requirements.maxDistanceKm needs a deliveryLocation.', { reason: 'COMBINATION' });
  if (r.maxDistanceKm != null) radiusKm('requirements.maxDistanceKm', r.maxDistanceKm, maxRadiusKm);
  const delivery = r.deliveryLocation ? resolveLocation('requirements.deliveryLocation', { ...r.deliveryLocation, radiusKm: maxRadiusKm }) : null;
  return {
    processes: r.processes ? processCodes('requirements.processes', r.processes) : null,
    material,
    quantity: r.quantity ?? null,
    tolerance: r.tolerance ?? null,
    certifications: r.certifications ? certificationNames('requirements.certifications', r.certifications) : null,
    delivery: delivery ? { latitude: delivery.latitude, longitude: delivery.longitude } : null,
    maxDistanceKm: r.maxDistanceKm ?? null,
  };
}

export async function findSuppliers(
  ctx: RegionContext,
  args: { requirements: SupplierRequirements; first?: number | null },
  path?: readonly (string | number)[],
  member: string | null = null,
) {
  const size = pageSize(args.first, 100, 10);
  const requirements = validate(args.requirements);
  const codes = networkCodes('requirements.networks', args.requirements.networks);

  // A family's word as the material is misread by a network before 1.4 (NOT_MET for every member): left out instead.
  const since = requirements.material && namesFamily([requirements.material]) ? familiesSince : undefined;
  const rank = async (code: string, query: string, needs: string | undefined) =>
    (await ctx.client(code).request<{ matchSuppliers: SupplierPage }>(query, { requirements, first: size }, ctx.identityHeader, { since: needs }))
      .matchSuppliers;
  const [withFields, without] = [matchQuery(member), matchQuery(null)];
  // A network before 1.8 ranks without its suppliers' fields, which region then fetches at its subgraph endpoint.
  const pages = await networkPages(
    ctx,
    codes,
    (code) =>
      member
        ? newerOrOlder(
            ctx.client(code),
            memberFieldsSince,
            () => rank(code, withFields, memberFieldsSince),
            () => rank(code, without, since),
          )
        : rank(code, without, since),
    path,
  );
  // A material the list lacks, close to a listed spelling ("42CrMo"), that no ranked supplier works (material MET) may
  // be a typo: ranked as typed, every supplier showed "material NOT_MET" and the caller read "no supplier" (the partner
  // probe). Refused with the close spellings only when the material is all the request asks for and every network
  // answered: a hard requirement (a process, a certificate, a distance, chosen networks) or `first` can leave out the
  // member that works it as typed (C35 beside the listed C45: the review), and the refusal would be wrong. Otherwise
  // the answer stands, and each material NOT_MET says what was perhaps meant.
  const material = requirements.material;
  if (material && closeToListedMaterial(material)) {
    const worked = pages.some(({ page }) => page.hits.some((hit) => hit.breakdown.some((b) => b.requirement === 'material' && b.status === 'MET')));
    const alone =
      !requirements.processes?.length && !requirements.certifications?.length && requirements.maxDistanceKm === null && codes.length === networks.length;
    if (!worked && alone && pages.length === codes.length)
      throw unknownMaterial('requirements.material', material, 'is not a listed material, and no supplier works it as typed');
    if (!worked) {
      const meant = ` ("${material}" is not a listed material: did you mean ${closeMaterialSpellings(material).join(' or ')}?)`;
      for (const { page } of pages)
        for (const hit of page.hits) for (const b of hit.breakdown) if (b.requirement === 'material' && b.status === 'NOT_MET') b.reason += meant;
    }
  }
  const shown = mergeHits(pages, compareSupplierKeys).slice(0, size);
  if (member) await withMemberFields(ctx, shown, member, path);
  return {
    totalCount: pages.reduce((sum, p) => sum + p.page.totalCount, 0),
    // A supplier gone since its network ranked it (archived in between) is left out, as from a page of members.
    edges: shown
      .filter((hit) => !member || hit.member)
      .map((hit) => ({
        node: memberNode(hit),
        score: hit.score,
        distanceKm: hit.distanceKm,
        breakdown: hit.breakdown,
      })),
  };
}
