import type { Env } from '../shared/config.ts';

// V8 settings the gateway process runs with: a small young generation and a
// capped old generation keep resident memory under load below 200 MB (measured
// by `npm run bench`: 430 MB without them). The young generation is 4 MB
// rather than 1 MB: with 1 MB the collector took 28% of the gateway's CPU on a
// stream of new operations (benchmark Q4, CPU profile), with 4 MB about 20%,
// and the smaller old generation keeps the total as low. GATEWAY_NODE_FLAGS
// replaces them.
export function gatewayNodeFlags(env: Env): string[] {
  return (env.GATEWAY_NODE_FLAGS ?? '--max-semi-space-size=4 --max-old-space-size=80').split(' ').filter(Boolean);
}
