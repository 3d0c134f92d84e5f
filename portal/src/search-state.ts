import type { MemberFilter, MemberOrder, NetworkCode, Quantity, SupplierRequirements, Tolerance } from './operations.ts';

// A search as the URL holds it, and the filter it sends: one place reads and writes both, so a
// bookmarked or reloaded URL gives the same search.

export interface SearchState {
  text: string;
  networks: NetworkCode[];
  processes: string[];
  materials: string[];
  certifications: string[];
  postalCode: string;
  radiusKm?: number;
  employeesMin?: number;
  employeesMax?: number;
  sort?: MemberOrder;
  after?: string;
}

const orders: MemberOrder[] = ['RELEVANCE', 'DISTANCE', 'NAME'];
const networkCodes: NetworkCode[] = ['NIWE', 'LINAT', 'KONAT'];

function positive(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function readSearch(params: URLSearchParams): SearchState {
  const sort = params.get('sort') as MemberOrder | null;
  return {
    text: params.get('q') ?? '',
    networks: params.getAll('n').filter((n): n is NetworkCode => networkCodes.includes(n as NetworkCode)),
    processes: params.getAll('p'),
    materials: params.getAll('m'),
    certifications: params.getAll('c'),
    postalCode: params.get('plz') ?? '',
    // A radius of 0 km is none: the graph refuses it, and the whole list failed for a hand-made r=0.
    radiusKm: positive(params.get('r')) || undefined,
    employeesMin: positive(params.get('emin')),
    employeesMax: positive(params.get('emax')),
    sort: sort && orders.includes(sort) ? sort : undefined,
    after: params.get('after') ?? undefined,
  };
}

export function writeSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.text.trim()) params.set('q', state.text.trim());
  state.networks.forEach((n) => params.append('n', n));
  state.processes.forEach((p) => params.append('p', p));
  state.materials.forEach((m) => params.append('m', m));
  state.certifications.forEach((c) => params.append('c', c));
  if (state.postalCode.trim()) params.set('plz', state.postalCode.trim());
  if (state.radiusKm !== undefined) params.set('r', String(state.radiusKm));
  if (state.employeesMin !== undefined) params.set('emin', String(state.employeesMin));
  if (state.employeesMax !== undefined) params.set('emax', String(state.employeesMax));
  if (state.sort) params.set('sort', state.sort);
  if (state.after) params.set('after', state.after);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function searchFilter(state: SearchState): MemberFilter {
  const filter: MemberFilter = {};
  if (state.text.trim()) filter.text = state.text.trim();
  if (state.networks.length) filter.networks = state.networks;
  if (state.processes.length) filter.processes = state.processes;
  if (state.materials.length) filter.materials = state.materials;
  if (state.certifications.length) filter.certifications = state.certifications;
  // A postal code without a radius only centres the distance sort; the graph needs a radius, so a wide one.
  if (state.postalCode.trim()) filter.near = { postalCode: state.postalCode.trim(), radiusKm: state.radiusKm ?? 500 };
  if (state.employeesMin !== undefined || state.employeesMax !== undefined) filter.employees = { min: state.employeesMin, max: state.employeesMax };
  return filter;
}

/**
 * The order the graph is asked for: the one chosen, where it can be had. By distance needs a postal code, by
 * relevance search words; asked for without them, the graph refuses and the whole list failed ("orderBy DISTANCE
 * needs filter.near", in English on a German page). Left out, the graph orders as it does by default.
 */
export function searchOrder(state: SearchState): MemberOrder | undefined {
  if (state.sort === 'DISTANCE' && !state.postalCode.trim()) return undefined;
  if (state.sort === 'RELEVANCE' && !state.text.trim()) return undefined;
  return state.sort;
}

/** Whether the search narrows by anything but its words: then no hits may be the filters' doing, else the words'. */
export const filtered = (state: SearchState) =>
  state.networks.length > 0 ||
  state.processes.length > 0 ||
  state.materials.length > 0 ||
  state.certifications.length > 0 ||
  state.postalCode.trim() !== '' ||
  state.employeesMin !== undefined ||
  state.employeesMax !== undefined;

export const emptySearch: SearchState = { text: '', networks: [], processes: [], materials: [], certifications: [], postalCode: '' };

export interface SupplierState {
  processes: string[];
  material: string;
  quantity?: Quantity;
  tolerance?: Tolerance;
  certifications: string[];
  postalCode: string;
  maxDistanceKm?: number;
}

export const quantities: Quantity[] = ['PROTOTYPE', 'SMALL_SERIES', 'SERIES'];
export const tolerances: Tolerance[] = ['COARSE', 'MEDIUM', 'FINE', 'PRECISION'];

export function readSuppliers(params: URLSearchParams): SupplierState {
  const quantity = params.get('qty') as Quantity | null;
  const tolerance = params.get('tol') as Tolerance | null;
  return {
    processes: params.getAll('p'),
    material: params.get('m') ?? '',
    quantity: quantity && quantities.includes(quantity) ? quantity : undefined,
    tolerance: tolerance && tolerances.includes(tolerance) ? tolerance : undefined,
    certifications: params.getAll('c'),
    postalCode: params.get('plz') ?? '',
    maxDistanceKm: positive(params.get('max')),
  };
}

export function writeSuppliers(state: SupplierState): string {
  const params = new URLSearchParams();
  state.processes.forEach((p) => params.append('p', p));
  if (state.material) params.set('m', state.material);
  if (state.quantity) params.set('qty', state.quantity);
  if (state.tolerance) params.set('tol', state.tolerance);
  state.certifications.forEach((c) => params.append('c', c));
  if (state.postalCode.trim()) params.set('plz', state.postalCode.trim());
  if (state.maxDistanceKm !== undefined) params.set('max', String(state.maxDistanceKm));
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function supplierRequirements(state: SupplierState): SupplierRequirements | undefined {
  if (!state.processes.length && !state.material && !state.certifications.length) return undefined;
  const requirements: SupplierRequirements = {};
  if (state.processes.length) requirements.processes = state.processes;
  if (state.material) requirements.material = state.material;
  if (state.quantity) requirements.quantity = state.quantity;
  if (state.tolerance) requirements.tolerance = state.tolerance;
  if (state.certifications.length) requirements.certifications = state.certifications;
  if (state.postalCode.trim()) {
    requirements.deliveryLocation = { postalCode: state.postalCode.trim() };
    if (state.maxDistanceKm !== undefined) requirements.maxDistanceKm = state.maxDistanceKm;
  }
  return requirements;
}
