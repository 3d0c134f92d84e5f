import { familySpellings, findFamily, findMaterial, materials, materialNamesOfFamily } from './data/materials.ts';
import { findProcess, processAndDescendants, processes as processCatalog } from './data/processes.ts';
import { regionToday } from './region-day.ts';
import { joinSql, raw, sql, textArray, textLiteral, type Fragment } from './sql.ts';

// Supplier matching: how well one member fits a concrete part request. Every
// network runs this same code on its own members, so scores compare across
// networks. Hard requirements (certificates, maximum distance) are filters in
// SQL; what remains is soft and explained requirement by requirement.
//
// Each soft rule is written twice, side by side: in TypeScript, which explains
// a member's fit with reasons, and in SQL, which ranks every candidate inside
// the database so that only the page's members leave it. Both give the same
// status, and the score comes from the statuses with integer arithmetic, so
// the two agree to the last digit (test/supplier-scoring.e2e.ts compares them on
// generated members).

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
  /** The member's valid certificates, with their end of validity. */
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

/** The columns a rule reads, as SQL over the member row `m`. */
export interface CandidateSql {
  /** Distance to the delivery location in km; null without a location. */
  distanceKm: Fragment;
}

// The catalogs as bits. A rule asks whether a member's processes or materials overlap a list, for every
// candidate: as `text[] && text[]` each such test cost about 0.2 µs a row (four of them over 10,000 members:
// 9.0 ms against 2.3 as bit strings, 0.9 as bigints, but the 65 processes do not fit a bigint). A request
// asks one for the hard filter, one per process, two for a listed material and one or two for the
// tolerance: two to seven for the benchmark's part requests. So each member row also keeps its processes and
// materials as bit strings, a bit per catalog entry in the catalog's order, and the rules test
// `mask & wanted <> 0`. The database computes a row's masks with the functions below, written from the same
// catalogs, and writes them again when the catalogs change (subgraphs/network/catalog-masks.ts).

interface BitCatalog {
  /** Every spelling to its entry's bit, counted from the left. */
  bits: ReadonlyMap<string, number>;
  size: number;
}

const processBits: BitCatalog = { bits: new Map([...processCatalog.keys()].map((code, i) => [code, i])), size: processCatalog.size };
/** Every spelling of a listed material (name and aliases, exactly as stored) gives its material's bit. */
const materialBits: BitCatalog = {
  bits: new Map(materials.flatMap((m, i) => [m.name, ...m.aliases].map((spelling): [string, number] => [spelling, i]))),
  size: materials.length,
};

/** The mask of the listed entries among `values`, as a string of 0 and 1; an entry the catalog lacks adds no bit. */
function maskOf({ bits, size }: BitCatalog, values: readonly string[]): string {
  const mask = new Array<string>(size).fill('0');
  for (const value of values) {
    const bit = bits.get(value);
    if (bit !== undefined) mask[bit] = '1';
  }
  return mask.join('');
}

export const processMask = (codes: readonly string[]) => maskOf(processBits, codes);
export const materialMask = (spellings: readonly string[]) => maskOf(materialBits, spellings);

/**
 * The database's side of maskOf, one SQL function per catalog, as `create or replace function` statements: the
 * catalog is written into the function, which therefore stays immutable. `array_position` is null for a value
 * the catalog lacks, which sets no bit, as maskOf skips the value.
 */
export function maskFunctions(): { name: string; body: string; create: string }[] {
  const of = (name: string, { bits, size }: BitCatalog) => {
    const spellings = [...bits.keys()].map(textLiteral).join(', ');
    const set = `select array_agg((array[${[...bits.values()].join(', ')}])[array_position(array[${spellings}]::text[], v)]) as bits from unnest(entries) v`;
    const body = `select string_agg(case when i = any (s.bits) then '1' else '0' end, '' order by i)::varbit from (${set}) s, generate_series(0, ${size - 1}) i`;
    return {
      name,
      body,
      create: `create or replace function ${name}(entries text[]) returns varbit language sql immutable parallel safe as $irm$${body}$irm$`,
    };
  };
  return [of('irm_process_mask', processBits), of('irm_material_mask', materialBits)];
}

/** SQL: the member's mask overlaps the given one (both as long as the catalog, which `&` requires). */
const maskSql = (column: 'process_mask' | 'material_mask', mask: string) => raw(`(m.${column} & B'${mask}') <> B'${'0'.repeat(mask.length)}'`);

/** Weights in hundredths, so the score is integer arithmetic in both languages. */
const weights = { processes: 40, material: 20, quantity: 15, tolerance: 15, distance: 10 };
/** Distances up to this count as near; beyond three times this the distance no longer helps. */
const nearKm = 50;

/** Twice a status's value (MET 1, PARTLY_MET 0.5), to stay in integers. */
const points: Record<MatchStatus, number> = { MET: 2, PARTLY_MET: 1, NOT_MET: 0 };
const processName = (code: string) => findProcess(code)?.name ?? code;
const covers = (offered: string, wanted: string) => offered === wanted || offered.startsWith(`${wanted}.`);
/** SQL: the member offers the process or one below it. */
export const offersSql = (...codes: string[]) => maskSql('process_mask', processMask(codes.flatMap(processAndDescendants)));
/** SQL: a CASE over conditions in order, giving the points of the first status that applies. */
const statusSql = (cases: [Fragment, MatchStatus][], otherwise: MatchStatus) =>
  sql`case ${joinSql(
    cases.map(([when, status]) => sql`when ${when} then ${raw(String(points[status]))}`),
    ' ',
  )} else ${raw(String(points[otherwise]))} end`;
const automotiveSql = sql`exists (select 1 from certification c where c.member_id = m.id and c.standard = 'IATF 16949' and c.valid_until >= ${regionToday})`;

interface Rule {
  weight: number;
  match(c: Candidate): RequirementMatch;
  /** The same status as match(), as points in SQL. */
  sql(c: CandidateSql): Fragment;
}

function processes(wanted: string[]): Rule {
  return {
    weight: weights.processes,
    match(c) {
      const met = wanted.filter((w) => c.processCodes.some((o) => covers(o, w)));
      const missing = wanted.filter((w) => !met.includes(w));
      const status: MatchStatus = missing.length === 0 ? 'MET' : met.length > 0 ? 'PARTLY_MET' : 'NOT_MET';
      const reason = [met.length ? `offers ${met.map(processName).join(', ')}` : '', missing.length ? `not ${missing.map(processName).join(', ')}` : '']
        .filter(Boolean)
        .join('; ');
      return { requirement: 'processes', status, reason };
    },
    sql() {
      const met = joinSql(
        wanted.map((w) => sql`(${offersSql(w)})::int`),
        ' + ',
      );
      // The count once per row, as the operand of a simple CASE: a WHEN per status would test the masks again
      // for every member not offering them all (as text arrays, each `&&` took about 0.6 µs a row at 10,000 members).
      return sql`case ${met} when ${raw(String(wanted.length))} then ${raw(String(points.MET))} when 0 then ${raw(String(points.NOT_MET))} else ${raw(String(points.PARTLY_MET))} end`;
    },
  };
}

function material(wanted: string): Rule {
  const info = findMaterial(wanted);
  // A family's word ("Edelstahl") asks for any material of it, or the word itself as a member wrote it (a material the
  // list lacks is stored as typed): each is met, none is "not the one asked for".
  const families = info ? undefined : findFamily(wanted);
  const spellings = info ? [info.name, ...info.aliases] : families ? [...familySpellings(families), wanted] : [wanted];
  return {
    weight: weights.material,
    match(c) {
      const worked = c.materials.filter((m) => spellings.includes(m));
      if (worked.length) return { requirement: 'material', status: 'MET', reason: `works ${families ? worked.join(', ') : (info?.name ?? wanted)}` };
      const sameFamily = info ? c.materials.filter((m) => findMaterial(m)?.family === info.family) : [];
      if (sameFamily.length)
        return { requirement: 'material', status: 'PARTLY_MET', reason: `works ${info!.family} (${sameFamily.join(', ')}), not ${info!.name}` };
      return { requirement: 'material', status: 'NOT_MET', reason: c.materials.length ? `works ${c.materials.join(', ')}` : 'lists no materials' };
    },
    sql() {
      // A material the list lacks has no bit: its one spelling is compared as text.
      const cases: [Fragment, MatchStatus][] = [
        [
          info
            ? maskSql('material_mask', materialMask(spellings))
            : families
              ? sql`(${maskSql('material_mask', materialMask(spellings))} or m.materials && ${textArray([wanted])}::text[])`
              : sql`m.materials && ${textArray(spellings)}::text[]`,
          'MET',
        ],
      ];
      if (info) cases.push([maskSql('material_mask', materialMask(materialNamesOfFamily(info.family))), 'PARTLY_MET']);
      return statusSql(cases, 'NOT_MET');
    },
  };
}

function quantity(wanted: Quantity): Rule {
  return {
    weight: weights.quantity,
    match(c) {
      const e = c.employees;
      if (e === null) return { requirement: 'quantity', status: 'PARTLY_MET', reason: 'company size unknown' };
      const automotive = c.certificates.some((cert) => cert.standard === 'IATF 16949');
      if (wanted === 'PROTOTYPE') {
        return e <= 100
          ? { requirement: 'quantity', status: 'MET', reason: `${e} employees: suited to prototypes` }
          : { requirement: 'quantity', status: 'PARTLY_MET', reason: `${e} employees: set up for larger lots` };
      }
      if (wanted === 'SMALL_SERIES') {
        return e >= 10 && e <= 250
          ? { requirement: 'quantity', status: 'MET', reason: `${e} employees: suited to small series` }
          : { requirement: 'quantity', status: 'PARTLY_MET', reason: `${e} employees` };
      }
      if (e >= 50) return { requirement: 'quantity', status: 'MET', reason: `${e} employees${automotive ? ', IATF 16949 series supplier' : ''}` };
      return { requirement: 'quantity', status: automotive ? 'PARTLY_MET' : 'NOT_MET', reason: `${e} employees: small for series production` };
    },
    sql() {
      const unknown: [Fragment, MatchStatus] = [raw('m.employees is null'), 'PARTLY_MET'];
      if (wanted === 'PROTOTYPE') return statusSql([unknown, [raw('m.employees <= 100'), 'MET']], 'PARTLY_MET');
      if (wanted === 'SMALL_SERIES') return statusSql([unknown, [raw('m.employees between 10 and 250'), 'MET']], 'PARTLY_MET');
      return statusSql([unknown, [raw('m.employees >= 50'), 'MET'], [automotiveSql, 'PARTLY_MET']], 'NOT_MET');
    },
  };
}

const fineFinishingCodes = ['3.3.1', '3.3.4', '3.3.5'];

function tolerance(wanted: Tolerance): Rule {
  return {
    weight: weights.tolerance,
    match(c) {
      const machining = c.processCodes.some((p) => covers(p, '3.2'));
      const fineFinishing = c.processCodes.filter((p) => fineFinishingCodes.some((f) => covers(p, f)));
      const finishing = c.processCodes.some((p) => covers(p, '3.3'));
      if (wanted === 'COARSE' || wanted === 'MEDIUM') {
        return machining || finishing
          ? { requirement: 'tolerance', status: 'MET', reason: 'machining for general tolerances (ISO 2768 m/c)' }
          : { requirement: 'tolerance', status: 'PARTLY_MET', reason: 'no machining listed' };
      }
      if (fineFinishing.length) return { requirement: 'tolerance', status: 'MET', reason: `fine finishing: ${fineFinishing.map(processName).join(', ')}` };
      if (wanted === 'FINE' && machining) return { requirement: 'tolerance', status: 'MET', reason: 'machining for fine tolerances (ISO 2768 f)' };
      if (machining || finishing)
        return { requirement: 'tolerance', status: 'PARTLY_MET', reason: 'machining, but no grinding, honing or lapping for IT6 and finer' };
      return { requirement: 'tolerance', status: 'NOT_MET', reason: 'no machining or finishing listed' };
    },
    sql() {
      const machiningOrFinishing = offersSql('3.2', '3.3');
      if (wanted === 'COARSE' || wanted === 'MEDIUM') return statusSql([[machiningOrFinishing, 'MET']], 'PARTLY_MET');
      // Fine finishing, or for FINE machining too: one mask, one test per row.
      const met = offersSql(...fineFinishingCodes, ...(wanted === 'FINE' ? ['3.2'] : []));
      return statusSql(
        [
          [met, 'MET'],
          [machiningOrFinishing, 'PARTLY_MET'],
        ],
        'NOT_MET',
      );
    },
  };
}

function distance(maxKm: number | null | undefined): Rule {
  return {
    weight: weights.distance,
    match(c) {
      const d = c.distanceKm;
      if (d === null) return { requirement: 'distance', status: 'NOT_MET', reason: 'location unknown' };
      // To a tenth, as the hit's distance beside it: "39 km" stood under "39,5 km entfernt".
      const km = `${Math.round(d * 10) / 10} km from the delivery location`;
      if (maxKm != null && d > maxKm) return { requirement: 'distance', status: 'NOT_MET', reason: `${km}, more than ${maxKm} km` };
      if (d <= nearKm) return { requirement: 'distance', status: 'MET', reason: km };
      return { requirement: 'distance', status: d <= 3 * nearKm ? 'PARTLY_MET' : 'NOT_MET', reason: km };
    },
    sql(c) {
      const cases: [Fragment, MatchStatus][] = [[sql`${c.distanceKm} is null`, 'NOT_MET']];
      if (maxKm != null) cases.push([sql`${c.distanceKm} > ${maxKm}`, 'NOT_MET']);
      cases.push([sql`${c.distanceKm} <= ${nearKm}`, 'MET'], [sql`${c.distanceKm} <= ${3 * nearKm}`, 'PARTLY_MET']);
      return statusSql(cases, 'NOT_MET');
    },
  };
}

function rules(r: Requirements): Rule[] {
  const list: Rule[] = [];
  if (r.processes?.length) list.push(processes(r.processes));
  if (r.material) list.push(material(r.material));
  if (r.quantity) list.push(quantity(r.quantity));
  if (r.tolerance) list.push(tolerance(r.tolerance));
  if (r.delivery) list.push(distance(r.maxDistanceKm));
  return list;
}

/** The weighted mean of the points in ten-thousandths, rounded half up; 10000 when only hard requirements were given. */
function scoreFromPoints(weighted: number, weightSum: number): number {
  return weightSum === 0 ? 10000 : Math.floor((weighted * 10000 + weightSum) / (2 * weightSum));
}

export function scoreSupplier(r: Requirements, c: Candidate): SupplierScore {
  const parts = rules(r).map((rule) => ({ rule, match: rule.match(c) }));
  const weighted = parts.reduce((sum, { rule, match }) => sum + points[match.status] * rule.weight, 0);
  const certificates: RequirementMatch[] = (r.certifications ?? []).map((standard) => {
    const held = c.certificates.find((cert) => cert.standard === standard);
    return { requirement: `certification ${standard}`, status: 'MET', reason: `valid until ${held?.validUntil ?? '?'}` };
  });
  const score = scoreFromPoints(
    weighted,
    parts.reduce((sum, { rule }) => sum + rule.weight, 0),
  );
  return { score: score / 10000, breakdown: [...parts.map(({ match }) => match), ...certificates] };
}

/** The score of scoreSupplier in ten-thousandths, as SQL over the member row `m`: ranks all candidates where they are stored. */
export function supplierScoreSql(r: Requirements, c: CandidateSql): Fragment {
  const list = rules(r);
  const weightSum = list.reduce((sum, rule) => sum + rule.weight, 0);
  if (weightSum === 0) return raw('10000');
  const weighted = joinSql(
    list.map((rule) => sql`${rule.sql(c)} * ${raw(String(rule.weight))}`),
    ' + ',
  );
  // Integer division of non-negative integers floors, as Math.floor does in scoreFromPoints.
  return sql`((${weighted}) * 10000 + ${raw(String(weightSum))}) / ${raw(String(2 * weightSum))}`;
}
