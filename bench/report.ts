import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { networks } from '../shared/networks.ts';
import { charts, type Chart } from './charts.ts';
import type { TargetName } from './targets.ts';
import type { TimeShares } from './time-shares.ts';

// The benchmark's results: one row per shape × target × concurrency, each with
// its ratios to the floor and to the peer gateway measured in the same run,
// and the performance budget checked against them.

export interface Row {
  shape: string;
  target: TargetName;
  concurrency: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  rssMb: number;
  /** CPU time the target's process (and any it forked) spent per request (user and system): what rps on a shared machine hides. */
  cpuMsPerRequest: number;
  /** CPU time of the subgraphs (network and region services, in the benchmark's process) per request, the load generator's taken off. */
  subgraphsCpuMsPerRequest: number;
  /** CPU time of PostgreSQL (postmaster and every backend) per request; NaN when the server runs on another machine. */
  postgresCpuMsPerRequest: number;
  /** The whole stack's CPU per request: target, subgraphs and PostgreSQL. */
  stackCpuMsPerRequest: number;
  sqlPerRequest: number;
  /** SQL statements per request in the network service that sent the most: what a page costs one owner. */
  sqlPerNetworkPerRequest: number;
  subgraphCallsPerRequest: number;
  /** At concurrency 1: where a request's time went (bench/time-shares.ts). */
  timeShares?: TimeShares;
  /** Requests per second of each run at this concurrency: the rounds at the fixed one (`rps` their median), the slices at 1 (`rps` all of them together). */
  rpsRounds: number[];
  requests: number;
  failures: number;
  rpsVsFloor: number;
  p50VsFloor: number;
  rpsVsPeer: number;
  p50VsPeer: number;
  /** Against our gateway and subgraphs with their logs off: what the logs cost (gateway's row). */
  rpsVsUnobserved: number;
  /** Against the same gateway once more (the twin target, when measured): how far two identical processes differ in this run. */
  rpsVsTwin: number;
}

export type Measurement = Omit<Row, 'rpsVsFloor' | 'p50VsFloor' | 'rpsVsPeer' | 'p50VsPeer' | 'rpsVsUnobserved' | 'rpsVsTwin'>;

export interface BudgetCheck {
  rule: string;
  pass: boolean;
  /** False when the run left out the shapes the rule is about. */
  measured: boolean;
  detail: string;
}

/** A run of some shapes only (--shapes) cannot judge the rules about the others. */
const notMeasured = (rule: string): BudgetCheck => ({ rule, pass: false, measured: false, detail: 'not measured in this run' });

export interface Settings {
  membersPerNetwork: number;
  concurrency: number;
  durationSeconds: number;
  /** Runs per target at the fixed concurrency, of which the median is reported. */
  repeat: number;
  /** Slices of the run at concurrency 1, the targets taking turns in them. */
  slices: number;
  dry: boolean;
}

export interface Report {
  generatedAt: string;
  machine: { cpus: number; node: string };
  settings: Settings;
  rows: Row[];
  budget: BudgetCheck[];
}

export function withRatios(measurements: Measurement[]): Row[] {
  const find = (m: Measurement, target: TargetName) => measurements.find((o) => o.shape === m.shape && o.concurrency === m.concurrency && o.target === target);
  return measurements.map((m) => {
    const floor = find(m, 'floor');
    const peer = find(m, 'peer');
    const unobserved = find(m, 'unobserved');
    return {
      ...m,
      rpsVsFloor: rpsRatio(m, floor),
      p50VsFloor: ratio(m.p50Ms, floor?.p50Ms),
      rpsVsPeer: rpsRatio(m, peer),
      p50VsPeer: ratio(m.p50Ms, peer?.p50Ms),
      rpsVsUnobserved: rpsRatio(m, unobserved),
      rpsVsTwin: rpsRatio(m, find(m, 'twin')),
    };
  });
}

/**
 * `m`'s requests per second over `base`'s. With rounds (the fixed concurrency, --repeat) or slices (concurrency 1),
 * the median of each round's or slice's own ratio: the runs of one round follow each other within seconds, so a machine that grows busier
 * or quieter over a shape's minutes moves both alike. The ratio of the two median rounds compared runs up to
 * four rounds apart: in one run on the quiet 2-core machine our gateway with logs on against off came out
 * 0.91 on Q1 and 1.16 on Q2.10 that way, its rounds spreading 727-951 and 700-939 rps.
 */
function rpsRatio(m: Measurement, base: Measurement | undefined): number {
  if (!base) return Number.NaN;
  const rounds = m.rpsRounds.length;
  const paired = rounds > 1 && base.rpsRounds.length === rounds ? m.rpsRounds.map((rps, i) => rps / base.rpsRounds[i]) : [];
  if (paired.length === 0 || !paired.every(Number.isFinite)) return ratio(m.rps, base.rps);
  return round(paired.sort((a, b) => a - b)[Math.floor((rounds - 1) / 2)], 2);
}

function ratio(value: number, base: number | undefined): number {
  return base ? round(value / base, 2) : NaN;
}

export function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}

export function checkBudget(rows: Row[], concurrency: number): BudgetCheck[] {
  const gateway = rows.filter((r) => r.target === 'gateway');
  const at = (c: number) => gateway.filter((r) => r.concurrency === c);
  // Without the floor in the run (--targets) there is nothing to hold Q2's latency against.
  const q2 = at(1).filter((r) => r.shape.startsWith('Q2.') && Number.isFinite(r.p50VsFloor));
  const sqlOf = (shape: string) => at(1).find((r) => r.shape === shape)?.sqlPerNetworkPerRequest;
  const q2Sql = ['Q2.1', 'Q2.10', 'Q2.100'].map(sqlOf);
  const peak = Math.max(...gateway.map((r) => r.rssMb));
  const sqlRule = 'SQL statements per request and network independent of first (Q2.1 = Q2.10 = Q2.100 in the busiest network)';
  const peerRule = `gateway rps ≥ peer rps on every shape (concurrency ${concurrency})`;
  const logsRule = `logs cost at most 5 %: gateway rps ≥ 0.95 × unobserved rps on every shape (concurrency ${concurrency})`;
  const observed = at(concurrency).filter((r) => Number.isFinite(r.rpsVsUnobserved));
  return [
    q2.length === 0
      ? notMeasured('Q2 p50 at concurrency 1 ≤ 1.5 × floor')
      : {
          rule: 'Q2 p50 at concurrency 1 ≤ 1.5 × floor',
          pass: q2.every((r) => r.p50VsFloor <= 1.5),
          measured: true,
          detail: q2.map((r) => `${r.shape}: ${r.p50VsFloor} ×`).join(', '),
        },
    // A run without the peer (--targets) has nothing to compare with.
    !at(concurrency).some((r) => Number.isFinite(r.rpsVsPeer))
      ? notMeasured(peerRule)
      : {
          rule: peerRule,
          pass: at(concurrency).every((r) => r.rpsVsPeer >= 1),
          measured: true,
          detail: at(concurrency)
            .map((r) => `${r.shape}: ${r.rpsVsPeer} ×`)
            .join(', '),
        },
    // A page reaches one network (first = 1) or all three (first = 100), so the request total grows with the networks
    // on the page; what must not grow is the work of each network, counted where it is largest.
    q2Sql.some((n) => n === undefined)
      ? notMeasured(sqlRule)
      : {
          rule: sqlRule,
          pass: q2Sql.every((n) => n === q2Sql[0]),
          measured: true,
          detail: ['Q2.1', 'Q2.10', 'Q2.100'].map((s) => `${s}: ${sqlOf(s)} (${at(1).find((r) => r.shape === s)?.sqlPerRequest} in all)`).join(', '),
        },
    { rule: 'gateway RSS under load < 200 MB', pass: peak < 200, measured: true, detail: `peak ${round(peak)} MB` },
    // Logs (info, as deployed) and metrics on against both off, in the gateway and the subgraphs; tracing is off
    // unless an OTLP endpoint is set, so both runs hold it alike.
    observed.length === 0
      ? notMeasured(logsRule)
      : {
          rule: logsRule,
          pass: observed.every((r) => r.rpsVsUnobserved >= 0.95),
          measured: true,
          // With the twin measured, each shape's A/A ratio beside it: the difference two identical gateways show.
          detail: observed.map((r) => `${r.shape}: ${r.rpsVsUnobserved} ×${Number.isFinite(r.rpsVsTwin) ? ` (A/A ${r.rpsVsTwin} ×)` : ''}`).join(', '),
        },
  ];
}

export function writeReport(dir: string, report: Report): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  const drawn = charts(report);
  for (const chart of drawn) writeFileSync(join(dir, chart.file), chart.svg);
  writeFileSync(join(dir, 'latest.md'), markdown(report, drawn));
}

/**
 * A value that could not be measured (no answer came in the run, or nothing to compare with) reads as –, and so
 * does one a report of an older run lacks (a column added since), and NaN read back from JSON (null).
 */
const cell = (value: string | number | null | undefined) => (value == null || (typeof value === 'number' && !Number.isFinite(value)) ? '–' : value);

function markdown(report: Report, drawn: Chart[]): string {
  const { settings } = report;
  const unanswered = report.rows.filter((r) => r.requests === 0);
  const lines = [
    '# Benchmark results',
    '',
    `${report.generatedAt}, ${report.machine.cpus} CPUs, Node ${report.machine.node}; ${settings.membersPerNetwork} members per network, ` +
      (settings.dry ? 'dry run (a few requests per run)' : `${settings.durationSeconds} s per run`) +
      `, concurrency 1 and ${settings.concurrency}` +
      (settings.repeat > 1
        ? ` (at ${settings.concurrency}: ${settings.repeat} rounds, the targets taking turns in a new order each round; the median round is reported` +
          (settings.slices > 1 ? `; at 1: ${settings.slices} slices of the run, the targets taking turns, all of a target's slices reported together).` : ').')
        : '.'),
    '',
    'Absolute numbers depend on the machine and what else runs on it; read the ratios (×floor, ×peer), which come from the same run.',
    '',
    '## Budget',
    '',
    '| | rule | measured |',
    '|---|---|---|',
    ...report.budget.map((b) => `| ${!b.measured ? '–' : b.pass ? '✅' : '❌'} | ${b.rule} | ${b.detail} |`),
    '',
    '## Charts',
    '',
    ...drawn.flatMap((chart) => [`![${chart.title}](${chart.file})`, '']),
    '## Results',
    '',
    "CPU ms/req: the target's process; stack: target, subgraphs and PostgreSQL together, each read from /proc (the load generator not counted); subgraphs and PostgreSQL: their parts of it.",
    '',
    '| shape | target | conc. | rps | p50 ms | p95 ms | p99 ms | rps of each round | RSS MB | CPU ms/req | stack CPU ms/req | subgraphs | PostgreSQL | SQL/req | SQL/req/network | calls/req | rps ×floor | p50 ×floor | rps ×peer | p50 ×peer | rps ×unobserved | rps ×twin | failed |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...report.rows.map(
      (r) =>
        `| ${[r.shape, r.target, r.concurrency, round(r.rps, 0), r.p50Ms, r.p95Ms, r.p99Ms, r.rpsRounds.map((v) => round(v, 0)).join(' / '), r.rssMb, r.cpuMsPerRequest, r.stackCpuMsPerRequest, r.subgraphsCpuMsPerRequest, r.postgresCpuMsPerRequest, r.sqlPerRequest, r.sqlPerNetworkPerRequest, r.subgraphCallsPerRequest, r.rpsVsFloor, r.p50VsFloor, r.rpsVsPeer, r.p50VsPeer, r.rpsVsUnobserved, r.rpsVsTwin, r.failures || ''].map(cell).join(' | ')} |`,
    ),
    '',
    ...timeSharesSection(report.rows),
    ...unanswered.map(
      (r) => `No answer came within the run of ${r.shape} ${r.target} at concurrency ${r.concurrency}: its latencies and the ratios to it read –.`,
    ),
  ];
  return lines.join('\n');
}

/** The shares of a request's time at concurrency 1, for the rows that have them (a report of an older run has none). */
function timeSharesSection(rows: Row[]): string[] {
  const measured = rows.filter((r) => r.timeShares && r.requests > 0);
  if (measured.length === 0) return [];
  // Region first, then the networks as registered, then any other: the order the services first answered in
  // changed from run to run (NIWE, KONAT, LINAT in one), and with it the columns.
  const order = ['region', ...networks.map((n) => n.code)];
  const place = (name: string) => {
    const at = order.indexOf(name);
    return at < 0 ? order.length : at;
  };
  const services = [...new Set(measured.flatMap((r) => Object.keys(r.timeShares!.services)))].sort((a, b) => place(a) - place(b) || a.localeCompare(b));
  return [
    '## Where the time goes',
    '',
    'At concurrency 1, in ms per request (means): the latency; the target and the wire around it (while no subgraph was answering); ' +
      "each service's own time (answering, less its statements in PostgreSQL and, for region, less the networks answering it); " +
      "PostgreSQL's planning and running of the statements (pg_stat_statements, summed over the services); and the latency over " +
      "PostgreSQL's time, the distance to the floor of the floors, the SQL alone. The networks answer in parallel, so their parts " +
      "and PostgreSQL's can add up to more than the latency; and they share the benchmark's one thread, so a service's time " +
      "includes waiting for the others' turns (deployed, each has a process of its own).",
    '',
    `| shape | target | latency | target and wire | ${services.join(' | ')} | PostgreSQL planning | PostgreSQL running | × SQL alone |`,
    `|---|---|--:|--:|${services.map(() => '--:').join('|')}|--:|--:|--:|`,
    ...measured.map((r) => {
      const t = r.timeShares!;
      const sql = t.postgres ? t.postgres.planMs + t.postgres.execMs : Number.NaN;
      return `| ${[r.shape, r.target, t.latencyMs, t.targetMs, ...services.map((n) => t.services[n] ?? 0), t.postgres?.planMs, t.postgres?.execMs, sql > 0 ? round(t.latencyMs / sql, 2) : Number.NaN].map(cell).join(' | ')} |`;
    }),
    '',
  ];
}

// node bench/report.ts [DIR]: latest.md and the charts again from DIR/latest.json (bench/results by default),
// after a change to the report's layout, without running the benchmark.
if (import.meta.main) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('./results', import.meta.url));
  const report = JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8')) as Report;
  // The ratios and the budget again, as this code computes them, from the measurements the run kept.
  const rows = withRatios(report.rows);
  writeReport(dir, { ...report, rows, budget: checkBudget(rows, report.settings.concurrency) });
}
