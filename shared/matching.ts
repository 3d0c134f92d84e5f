import { findMaterial } from './data/materials.ts';
import { findProcess } from './data/processes.ts';

// Supplier matching: how well one member fits a concrete part request. Every
// network runs this same code on its own members, so scores compare across
// networks. Hard requirements (certificates, maximum distance) are filters in
// SQL; what remains here is soft and explained requirement by requirement.

export const quantities = ['PROTOTYPE', 'SMALL_SERIES', 'SERIES'] as const;
export type Quantity = (typeof quantities)[number];
export const tolerances = ['COARSE', 'MEDIUM', 'FINE', 'PRECISION'] as const;
export type Tolerance = (typeof tolerances)[number];
export type MatchStatus = 'MET' | 'PARTLY_MET' | 'NOT_MET';

export interface Requirements {
  processes?: string[] | null;
  material?: string | null;
  quantity?: Quantity | null;
  tolerance?: Tolerance | null;
  certifications?: string[] | null;
  delivery?: { latitude: number; longitude: number } | null;
  maxDistanceKm?: number | null;
}

export interface Candidate {
  processCodes: string[];
  materials: string[];
  employees: number | null;
  distanceKm: number | null;
  /** The required certificates the member holds, with their end of validity. */
  certificates: { standard: string; validUntil: string }[];
}

export interface RequirementMatch {
  requirement: string;
  status: MatchStatus;
  reason: string;
}

export interface SupplierScore {
  /** 0..1, four decimals, so that ranks compare exactly everywhere. */
  score: number;
  breakdown: RequirementMatch[];
}

const weights = { processes: 0.4, material: 0.2, quantity: 0.15, tolerance: 0.15, distance: 0.1 };
/** Distances up to this count as near; beyond twice this the distance no longer helps. */
const nearKm = 50;

const value: Record<MatchStatus, number> = { MET: 1, PARTLY_MET: 0.5, NOT_MET: 0 };
const processName = (code: string) => findProcess(code)?.name ?? code;
const covers = (offered: string, wanted: string) => offered === wanted || offered.startsWith(`${wanted}.`);

function processes(wanted: string[], c: Candidate): RequirementMatch {
  const met = wanted.filter((w) => c.processCodes.some((o) => covers(o, w)));
  const missing = wanted.filter((w) => !met.includes(w));
  const status: MatchStatus = missing.length === 0 ? 'MET' : met.length > 0 ? 'PARTLY_MET' : 'NOT_MET';
  const reason = [met.length ? `offers ${met.map(processName).join(', ')}` : '', missing.length ? `not ${missing.map(processName).join(', ')}` : ''].filter(Boolean).join('; ');
  return { requirement: 'processes', status, reason };
}

function material(wanted: string, c: Candidate): RequirementMatch {
  const info = findMaterial(wanted);
  const spellings = info ? [info.name, ...info.aliases] : [wanted];
  if (c.materials.some((m) => spellings.includes(m))) return { requirement: 'material', status: 'MET', reason: `works ${info?.name ?? wanted}` };
  const sameFamily = info ? c.materials.filter((m) => findMaterial(m)?.family === info.family) : [];
  if (sameFamily.length) return { requirement: 'material', status: 'PARTLY_MET', reason: `works ${info!.family} (${sameFamily.join(', ')}), not ${info!.name}` };
  return { requirement: 'material', status: 'NOT_MET', reason: c.materials.length ? `works ${c.materials.join(', ')}` : 'lists no materials' };
}

function quantity(wanted: Quantity, c: Candidate): RequirementMatch {
  const e = c.employees;
  if (e === null) return { requirement: 'quantity', status: 'PARTLY_MET', reason: 'company size unknown' };
  const automotive = c.certificates.some((cert) => cert.standard === 'IATF 16949');
  if (wanted === 'PROTOTYPE') {
    return e <= 100 ? { requirement: 'quantity', status: 'MET', reason: `${e} employees: suited to prototypes` } : { requirement: 'quantity', status: 'PARTLY_MET', reason: `${e} employees: set up for larger lots` };
  }
  if (wanted === 'SMALL_SERIES') {
    return e >= 10 && e <= 250 ? { requirement: 'quantity', status: 'MET', reason: `${e} employees: suited to small series` } : { requirement: 'quantity', status: 'PARTLY_MET', reason: `${e} employees` };
  }
  if (e >= 50) return { requirement: 'quantity', status: 'MET', reason: `${e} employees${automotive ? ', IATF 16949 series supplier' : ''}` };
  return { requirement: 'quantity', status: automotive ? 'PARTLY_MET' : 'NOT_MET', reason: `${e} employees: small for series production` };
}

function tolerance(wanted: Tolerance, c: Candidate): RequirementMatch {
  const machining = c.processCodes.some((p) => covers(p, '3.2'));
  const fineFinishing = c.processCodes.filter((p) => ['3.3.1', '3.3.4', '3.3.5'].some((f) => covers(p, f)));
  const finishing = c.processCodes.some((p) => covers(p, '3.3'));
  if (wanted === 'COARSE' || wanted === 'MEDIUM') {
    return machining || finishing ? { requirement: 'tolerance', status: 'MET', reason: 'machining for general tolerances (ISO 2768 m/c)' } : { requirement: 'tolerance', status: 'PARTLY_MET', reason: 'no machining listed' };
  }
  if (fineFinishing.length) return { requirement: 'tolerance', status: 'MET', reason: `fine finishing: ${fineFinishing.map(processName).join(', ')}` };
  if (wanted === 'FINE' && machining) return { requirement: 'tolerance', status: 'MET', reason: 'machining for fine tolerances (ISO 2768 f)' };
  if (machining || finishing) return { requirement: 'tolerance', status: 'PARTLY_MET', reason: 'machining, but no grinding, honing or lapping for IT6 and finer' };
  return { requirement: 'tolerance', status: 'NOT_MET', reason: 'no machining or finishing listed' };
}

function distance(c: Candidate, maxKm: number | null | undefined): RequirementMatch {
  const d = c.distanceKm;
  if (d === null) return { requirement: 'distance', status: 'NOT_MET', reason: 'location unknown' };
  const km = `${Math.round(d)} km from the delivery location`;
  if (maxKm != null && d > maxKm) return { requirement: 'distance', status: 'NOT_MET', reason: `${km}, more than ${maxKm} km` };
  if (d <= nearKm) return { requirement: 'distance', status: 'MET', reason: km };
  return { requirement: 'distance', status: d <= 3 * nearKm ? 'PARTLY_MET' : 'NOT_MET', reason: km };
}

export function scoreSupplier(r: Requirements, c: Candidate): SupplierScore {
  const parts: [RequirementMatch, number][] = [];
  if (r.processes?.length) parts.push([processes(r.processes, c), weights.processes]);
  if (r.material) parts.push([material(r.material, c), weights.material]);
  if (r.quantity) parts.push([quantity(r.quantity, c), weights.quantity]);
  if (r.tolerance) parts.push([tolerance(r.tolerance, c), weights.tolerance]);
  if (r.delivery) parts.push([distance(c, r.maxDistanceKm), weights.distance]);
  const certificates: RequirementMatch[] = (r.certifications ?? []).map((standard) => {
    const held = c.certificates.find((cert) => cert.standard === standard);
    return { requirement: `certification ${standard}`, status: 'MET', reason: `valid until ${held?.validUntil ?? '?'}` };
  });
  const total = parts.reduce((sum, [, w]) => sum + w, 0);
  // Only hard requirements given: every remaining candidate fits fully.
  const score = total === 0 ? 1 : parts.reduce((sum, [m, w]) => sum + value[m.status] * w, 0) / total;
  return { score: Math.round(score * 10000) / 10000, breakdown: [...parts.map(([m]) => m), ...certificates] };
}
