import { probeReady } from '../shared/ready-probe.ts';

// The gateway's own GET /ready says whether it can serve (its supergraph is loaded before it listens): region owns members, member, networks,
// inquiries and the capacity exchange, so with region hung or gone almost every operation fails and
// the gateway reports 503 (a hung region once left it answering 200 while nothing was served). A
// network that is down only takes its share out of partial answers; that stays 200.

/** Answers within `timeoutMs`: true, or why region cannot serve. */
export function gatewayHealth(regionGraphqlUrl: string, timeoutMs: number): () => Promise<true | string> {
  const url = new URL(regionGraphqlUrl);
  const why = { 'not ready': 'region is not ready', timeout: `region did not answer within ${timeoutMs} ms`, unreachable: 'region is unreachable' };
  return async () => {
    const readiness = await probeReady(url, timeoutMs);
    return readiness === 'ready' ? true : why[readiness];
  };
}
