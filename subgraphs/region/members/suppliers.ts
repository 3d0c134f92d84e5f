import type { GraphQLError } from 'graphql';
import { badInput } from '../../../shared/errors.ts';
import { networks } from '../../../shared/networks.ts';
import type { Quantity, RequirementMatch, Tolerance } from '../../../shared/matching.ts';
import { compareOrderKeys } from '../../../shared/sort-key.ts';
import type { RegionContext } from '../context.ts';
import { certificationNames, processCodes, text } from '../../../shared/validation.ts';
import { maxRadiusKm, networkCodes, resolveLocation } from './filter.ts';
import { memberRef } from './search.ts';

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
  const given = (r.processes?.length ?? 0) + (r.material ? 1 : 0) + (r.quantity ? 1 : 0) + (r.tolerance ? 1 : 0) + (r.certifications?.length ?? 0) + (r.deliveryLocation ? 1 : 0);
  if (given === 0) throw badInput('requirements', 'requirements are empty; give at least one of processes, material, quantity, tolerance, certifications or deliveryLocation.');
  const material = text('requirements.material', r.material, 60, false);
  if (r.material != null && material === null) throw badInput('requirements.material', 'requirements.material must be a material name of 1 to 60 characters.');
  if (r.maxDistanceKm != null && !r.deliveryLocation) throw badInput('requirements.maxDistanceKm', 'requirements.maxDistanceKm needs a deliveryLocation.');
  if (r.maxDistanceKm != null && !(r.maxDistanceKm > 0 && r.maxDistanceKm <= maxRadiusKm)) {
    throw badInput('requirements.maxDistanceKm', `requirements.maxDistanceKm must be more than 0 and at most ${maxRadiusKm} km, got ${r.maxDistanceKm}.`);
  }
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

export async function findSuppliers(ctx: RegionContext, args: { requirements: SupplierRequirements; first?: number | null }) {
  const size = args.first ?? 10;
  if (!Number.isInteger(size) || size < 1 || size > 100) throw badInput('first', `first must lie between 1 and 100, got ${size}.`);
  const requirements = validate(args.requirements);
  const codes = networkCodes('requirements.networks', args.requirements.networks);

  const results = await Promise.allSettled(
    codes.map(async (code) => ({ code, page: (await ctx.client(code).request<{ matchSuppliers: SupplierPage }>(matchQuery, { requirements, first: size }, ctx.identityHeader)).matchSuppliers })),
  );
  let totalCount = 0;
  const hits = [];
  for (const result of results) {
    if (result.status === 'rejected') {
      const error = result.reason as GraphQLError;
      if (error.extensions?.code !== 'NETWORK_UNAVAILABLE') throw error;
      ctx.partialErrors.push(error);
      continue;
    }
    totalCount += result.value.page.totalCount;
    for (const hit of result.value.page.hits) hits.push({ ...hit, network: result.value.code });
  }
  hits.sort(compareOrderKeys);
  return {
    totalCount,
    edges: hits.slice(0, size).map((hit) => ({ node: memberRef(hit.network, hit.localId), score: hit.score, distanceKm: hit.distanceKm, breakdown: hit.breakdown })),
  };
}
