import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkBudget, withRatios, writeReport, type Measurement } from '../bench/report.ts';

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
    settings: { membersPerNetwork: 10, concurrency: 32, durationSeconds: 5, repeat: 1, dry: false },
    rows,
    budget: checkBudget(rows, 32),
  });
  const markdown = readFileSync(join(outDir, 'latest.md'), 'utf8');
  expect(markdown).not.toContain('NaN');
  expect(markdown).toContain('| Q3 | floor | 32 | 0 | – | – | – |');
  expect(markdown).toMatch(/\| Q3 \| gateway \| 32 \| 250 \|.*\| – \| – \| 1\.25 \| 0\.83 \| {2}\|/);
  expect(markdown).toContain('No answer came within the run of Q3 floor at concurrency 32');
  expect(rows.find((r) => r.target === 'gateway')!.rpsVsPeer).toBe(1.25);
});

