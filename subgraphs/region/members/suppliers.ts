import { badInput } from '../../../shared/errors.ts';
import { familiesSince, namesFamily } from '../../../shared/data/materials.ts';
import type { Quantity, RequirementMatch, Tolerance } from '../../../shared/matching.ts';
import { certificationNames, line, processCodes, radiusKm, requestedMaterial } from '../../../shared/validation.ts';
import type { RegionContext } from '../context.ts';
import { memberRef } from '../ids.ts';
import { mergeHits, networkPages, pageSize } from '../pages.ts';
import { maxRadiusKm, networkCodes, resolveLocation } from './filter.ts';

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

const matchQuery = /* GraphQL */ `
  query Match($requirements: RequirementsInput!, $first: Int!) {
    matchSuppliers(requirements: $requirements, first: $first) {
      totalCount
      hits { localId sortKey rank score distanceKm breakdown { requirement status reason } }
    }
  }
`;

interface SupplierPage {
  totalCount: number;
  hits: { localId: number; sortKey: string; rank: number; score: number; distanceKm: number | null; breakdown: RequirementMatch[] }[];
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
  // Known or a family's word, as an inquiry's material (createInquiry ranks bidders with this code). A material the
  // list lacks but a member typed is still found by members(filter: { materials }), which takes it as typed.
  const material = typed === null ? null : requestedMaterial('requirements.material', typed);
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
) {
  const size = pageSize(args.first, 100, 10);
  const requirements = validate(args.requirements);
  const codes = networkCodes('requirements.networks', args.requirements.networks);

  // A family's word as the material is misread by a network before 1.4 (NOT_MET for every member): left out instead.
  const since = requirements.material && namesFamily([requirements.material]) ? familiesSince : undefined;
  const pages = await networkPages(
    ctx,
    codes,
    async (code) =>
      (await ctx.client(code).request<{ matchSuppliers: SupplierPage }>(matchQuery, { requirements, first: size }, ctx.identityHeader, { since }))
        .matchSuppliers,
    path,
  );
  return {
    totalCount: pages.reduce((sum, p) => sum + p.page.totalCount, 0),
    edges: mergeHits(pages)
      .slice(0, size)
      .map((hit) => ({ node: memberRef(hit.network, hit.localId), score: hit.score, distanceKm: hit.distanceKm, breakdown: hit.breakdown })),
  };
}
