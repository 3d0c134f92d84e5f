import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { charts } from '../bench/charts.ts';
import { checkBudget, withRatios, writeReport, type Measurement, type Report } from '../bench/report.ts';

// The report of a run in which one target answered nothing: what it could not
// measure reads as –, never NaN, and a line under the table says which run it was.

const outDir = mkdtempSync(join(tmpdir(), 'irm-bench-report-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const measurement = (target: Measurement['target'], rps: number, p50Ms: number): Measurement => ({
  shape: 'Q3',
  target,
  concurrency: 32,
  rps,
  p50Ms,
  p95Ms: p50Ms,
  p99Ms: p50Ms,
  rssMb: 100,
  cpuMsPerRequest: 1,
  subgraphsCpuMsPerRequest: 2,
  postgresCpuMsPerRequest: 1.5,
  stackCpuMsPerRequest: 4.5,
  sqlPerRequest: 9,
  sqlPerNetworkPerRequest: 3,
  subgraphCallsPerRequest: 4,
  rpsRounds: [rps],
  requests: Math.round(rps * 5),
  failures: 0,
});

test('a run without answers reads as – in its cells and in the ratios to it', () => {
  const rows = withRatios([measurement('floor', 0, NaN), measurement('peer', 200, 120), measurement('gateway', 250, 100)]);
  writeReport(outDir, {
    generatedAt: 'now',
    machine: { cpus: 2, node: '24' },
    settings: { membersPerNetwork: 10, concurrency: 32, durationSeconds: 5, repeat: 1, slices: 1, dry: false },
    rows,
    budget: checkBudget(rows, 32),
  });
  const markdown = readFileSync(join(outDir, 'latest.md'), 'utf8');
  expect(markdown).not.toContain('NaN');
  expect(markdown).toContain('| Q3 | floor | 32 | 0 | – | – | – |');
  // No unobserved row in this run: the ratio to it reads – too.
  expect(markdown).toMatch(/\| Q3 \| gateway \| 32 \| 250 \|.*\| – \| – \| 1\.25 \| 0\.83 \| – \| – \| {2}\|/);
  expect(markdown).toContain('No answer came within the run of Q3 floor at concurrency 32');
  expect(rows.find((r) => r.target === 'gateway')!.rpsVsPeer).toBe(1.25);
});

test("at the fixed concurrency a ratio of rates is the median of each round's own, the runs of a round being seconds apart", () => {
  const rounds = (target: Measurement['target'], rps: number[]) => ({ ...measurement(target, [...rps].sort((a, b) => a - b)[1], 10), rpsRounds: rps });
  // A machine growing busier round by round, the gateway 5 % ahead in each.
  const rows = withRatios([rounds('unobserved', [200, 150, 100]), rounds('gateway', [210, 157.5, 105])]);
  expect(rows.find((r) => r.target === 'gateway')!.rpsVsUnobserved).toBe(1.05);
  const drifting = withRatios([rounds('unobserved', [100, 200, 140]), rounds('gateway', [210, 150, 100])]);
  // Per round 2.1, 0.75 and 0.71: the median 0.75, not 150 / 140.
  expect(drifting.find((r) => r.target === 'gateway')!.rpsVsUnobserved).toBe(0.75);
});

// Charts from a run's latest.json (test/fixtures/bench-latest.json, a dry run of Q2.10 and search): requests per
// second at the fixed concurrency and latencies at 1, each a bar per shape × target, written beside latest.md.
const fixture: Report = JSON.parse(readFileSync(new URL('./fixtures/bench-latest.json', import.meta.url), 'utf8'));
const bars = (svg: string) => [...svg.matchAll(/<rect class="bar" data-shape="([^"]+)" data-target="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);

test('the report draws one bar per shape and target in each chart, and latest.md shows them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'irm-bench-charts-'));
  try {
    writeReport(dir, fixture);
    const expected = ['Q2.10', 'search'].flatMap((shape) => ['floor', 'peer', 'gateway'].map((target) => `${shape} ${target}`));
    for (const file of ['rps.svg', 'latency.svg']) {
      const svg = readFileSync(join(dir, file), 'utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), file).toBe(true);
      expect(bars(svg).sort(), file).toEqual(expected.sort());
      expect(svg).not.toContain('NaN');
    }
    // The gateway's search bar in the rate chart carries its rate at the fixed concurrency.
    const gatewaySearch = fixture.rows.find((r) => r.shape === 'search' && r.target === 'gateway' && r.concurrency === fixture.settings.concurrency)!;
    const shown = /<title>search gateway: ([\d.]+)<\/title>/.exec(readFileSync(join(dir, 'rps.svg'), 'utf8'));
    expect(Number(shown?.[1])).toBe(gatewaySearch.rps);
    const markdown = readFileSync(join(dir, 'latest.md'), 'utf8');
    expect(markdown).toContain('![Requests per second at concurrency 2 (median round)](rps.svg)');
    expect(markdown).toContain('(latency.svg)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a run without answers still has its bar, marked as not measured', () => {
  const rows = withRatios([measurement('floor', 0, Number.NaN), measurement('peer', 200, 120), measurement('gateway', 250, 100)]);
  const report: Report = { ...fixture, settings: { ...fixture.settings, concurrency: 32 }, rows: [...rows, ...rows.map((r) => ({ ...r, concurrency: 1 }))] };
  const [rps, latency] = charts(report);
  expect(bars(rps.svg)).toEqual(['Q3 floor', 'Q3 peer', 'Q3 gateway']);
  expect(bars(latency.svg)).toEqual(['Q3 floor', 'Q3 peer', 'Q3 gateway']);
  expect(latency.svg).toContain('<title>Q3 floor: not measured</title>');
  expect(latency.svg).not.toContain('NaN');
});

test("the A/A control: with the twin measured, the logs rule names each shape's ratio between the two identical gateways", () => {
  const rounds = (target: Measurement['target'], rps: number[]) => ({ ...measurement(target, [...rps].sort((a, b) => a - b)[1], 10), rpsRounds: rps });
  const rows = withRatios([rounds('gateway', [100, 96, 104]), rounds('unobserved', [100, 100, 100]), rounds('twin', [98, 100, 100])]);
  expect(rows.find((r) => r.target === 'gateway')!.rpsVsTwin).toBe(1.02);
  const logs = checkBudget(rows, 32).find((b) => b.rule.startsWith('logs cost'))!;
  expect(logs.detail).toBe('Q3: 1 × (A/A 1.02 ×)');
  // Without the twin (the default targets) the detail is the logs ratio alone.
  const plain = checkBudget(withRatios([rounds('gateway', [100, 96, 104]), rounds('unobserved', [100, 100, 100])]), 32);
  expect(plain.find((b) => b.rule.startsWith('logs cost'))!.detail).toBe('Q3: 1 ×');
});

test("each panel is as wide as its bars: no bar reaches into the next shape's panel, whatever the number of targets", () => {
  for (const targets of [
    ['floor', 'peer', 'gateway'],
    ['floor', 'peer', 'gateway', 'unobserved'],
    ['floor', 'peer', 'gateway', 'unobserved', 'twin'],
  ] as const) {
    const rows = withRatios(['Q1', 'Q2.1', 'Q3', 'Q4'].flatMap((shape) => targets.map((t) => ({ ...measurement(t, 100, 10), shape }))));
    const [rps] = charts({ ...fixture, settings: { ...fixture.settings, concurrency: 32 }, rows });
    const spans = [...rps.svg.matchAll(/<rect class="bar" data-shape="([^"]+)" data-target="[^"]+" x="([\d.]+)"[^>]* width="([\d.]+)"/g)].map((m) => ({
      shape: m[1],
      from: Number(m[2]),
      to: Number(m[2]) + Number(m[3]),
    }));
    expect(spans).toHaveLength(4 * targets.length);
    // Q1, Q2.1 and Q3 share the first row of panels: each ends before the next begins.
    for (const [left, right] of [
      ['Q1', 'Q2.1'],
      ['Q2.1', 'Q3'],
    ]) {
      const end = Math.max(...spans.filter((s) => s.shape === left).map((s) => s.to));
      const start = Math.min(...spans.filter((s) => s.shape === right).map((s) => s.from));
      expect(end, `${targets.length} targets: ${left} before ${right}`).toBeLessThan(start);
    }
    // The legend names the measured targets only.
    expect([...rps.svg.matchAll(/y="39">(\w+)</g)].map((m) => m[1])).toEqual([...targets]);
  }
});

test('a run without the floor (--targets gateway,unobserved) judges no rule against the floor: not measured, not failed', () => {
  const rows = withRatios(
    ['Q2.1', 'Q2.10'].flatMap((shape) =>
      (['gateway', 'unobserved'] as const).flatMap((target) => [1, 32].map((concurrency) => ({ ...measurement(target, 100, 10), shape, concurrency }))),
    ),
  );
  const q2 = checkBudget(rows, 32).find((b) => b.rule.startsWith('Q2 p50'))!;
  expect(q2).toMatchObject({ measured: false, pass: false, detail: 'not measured in this run' });
});

test('"Where the time goes" names region, then the networks as registered, whichever answered first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'irm-bench-report-order-'));
  try {
    // Keys in the order the services first answered in one run: KONAT before LINAT.
    const services = { NIWE: 1, region: 2, KONAT: 3, LINAT: 4 };
    const rows = withRatios([
      { ...measurement('gateway', 100, 10), concurrency: 1, timeShares: { latencyMs: 10, targetMs: 1, services, postgres: { planMs: 1, execMs: 2 } } },
    ]);
    writeReport(dir, {
      generatedAt: 'now',
      machine: { cpus: 2, node: '24' },
      settings: { membersPerNetwork: 10, concurrency: 32, durationSeconds: 5, repeat: 1, slices: 1, dry: false },
      rows,
      budget: [],
    });
    const markdown = readFileSync(join(dir, 'latest.md'), 'utf8');
    expect(markdown).toContain('| shape | target | latency | target and wire | region | NIWE | LINAT | KONAT | PostgreSQL planning |');
    expect(markdown).toMatch(/\| Q3 \| gateway \| 10 \| 1 \| 2 \| 1 \| 4 \| 3 \| 1 \| 2 \|/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
