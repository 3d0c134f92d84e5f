import type { Env } from '../shared/config.ts';

// V8 settings the gateway process runs with: a small young generation and a
// capped old generation keep resident memory under load below 200 MB (measured
// by `npm run bench`: 430 MB without them). The young generation is 4 MB
// rather than 1 MB: with 1 MB the collector took 28% of the gateway's CPU on a
// stream of new operations (benchmark Q4, CPU profile), with 4 MB about 20%,
// and the smaller old generation keeps the total as low. The young generation
// is collected on the main thread alone (--no-parallel-scavenge): on a 2-core
// machine that the subgraphs and PostgreSQL keep busy, the main thread waited
// for a scavenge's helper task to get a core (Q2.100: pauses of 2.0 ms, whose
// phases on the main thread took 0.7 ms), and with no helper the gateway's CPU
// per request at concurrency 1 fell on Q2.1 (6-12 %), Q2.100 (2-16 %), Q4 (6 %)
// and profile (9 %), Q2.10 unchanged, with requests per second under load within
// their rounds' spread and the same memory (bench/README, "The young
// generation on the main thread"). GATEWAY_NODE_FLAGS replaces them.
export function gatewayNodeFlags(env: Env): string[] {
  return (env.GATEWAY_NODE_FLAGS ?? '--max-semi-space-size=4 --max-old-space-size=80 --no-parallel-scavenge').split(' ').filter(Boolean);
}

/**
 * Environment the gateway process starts with. glibc's malloc gives each thread that allocates (V8's compile and
 * marking helpers, libuv's pool) an arena of its own, up to eight per core, and memory freed in one stays resident
 * there. Two arenas kept the gateway's resident memory 8-15 MB lower over the benchmark's Q1, Q2.100, Q4, search and
 * portal at 2,000 members (peaks 171 and 173 MB against 179 and 188, two runs each, its CPU per request within the
 * runs' spread), where the full `npm run bench` had reached 204 MB; the next full run peaked at 190.8 MB (bench/README,
 * "The run of 2026-12-08, 01:12, and resident memory over 200 MB"). A value already set (MALLOC_ARENA_MAX) is kept.
 */
export function gatewayEnvironment(env: Env): Record<string, string> {
  return { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' };
}
