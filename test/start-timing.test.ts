import { describe, expect, test } from 'vitest';
import { treeCpuMs, type ProcessTable } from '../bench/cpu.ts';
import { cpuByPart } from '../bench/start-timing.ts';

// bench:start says where a start's CPU went: each service, PostgreSQL, and npm start itself.

describe("a start's CPU by part", () => {
  test("each child's tree under its name, npm start with what it reaped, adding up to the whole", () => {
    const stats: ProcessTable = new Map([
      [1, { ppid: 0, ownMs: 5, reapedMs: 0 }],
      // npm start, which reaped initdb (300 ms).
      [100, { ppid: 1, ownMs: 500, reapedMs: 300 }],
      [101, { ppid: 100, ownMs: 1000, reapedMs: 0 }],
      // The postmaster, its backends, and one it reaped.
      [102, { ppid: 100, ownMs: 200, reapedMs: 400 }],
      [201, { ppid: 102, ownMs: 50, reapedMs: 0 }],
      [202, { ppid: 102, ownMs: 60, reapedMs: 0 }],
      [103, { ppid: 100, ownMs: 600, reapedMs: 0 }],
      [104, { ppid: 100, ownMs: 620, reapedMs: 0 }],
    ]);
    const names = new Map([
      [101, 'gateway'],
      [102, 'postgres'],
      [103, 'niwe'],
      [104, 'niwe'],
    ]);
    const parts = cpuByPart(stats, 100, (pid) => names.get(pid)!);
    // A service restarted under the same name counts once, with both processes.
    expect(parts).toEqual({ 'npm start': 800, gateway: 1000, postgres: 710, niwe: 1220 });
    expect(Object.values(parts).reduce((a, b) => a + b)).toBe(treeCpuMs(100, stats));
  });

  test('nothing for a supervisor that is gone', () => {
    expect(cpuByPart(new Map(), 100, () => 'x')).toEqual({});
  });
});
