import { probeReady } from '../shared/ready-probe.ts';

// The gateway's own GET /ready says whether it can serve (its supergraph is loaded before it listens): region owns members, member, networks,
// inquiries and the capacity exchange, so with region hung or gone almost every operation fails and
// the gateway reports 503 (a hung region once left it answering 200 while nothing was served). A
// network that is down only takes its share out of partial answers; that stays 200.

/** Region as the gateway's calls last found it: refusing the gateway's signature, and asking again whether it still does. */
export interface RegionSignature {
  refused(): boolean;
  check(timeoutMs: number): Promise<boolean>;
}

/**
 * Answers within `timeoutMs`: true, or why region cannot serve. A region that refuses the gateway's signature (a
 * secret changed at one side) fails every request while its own /ready says ok: the gateway said ok too, and a
 * balancer kept it in (the operations probe). While its last call was refused, each look asks region once, signed.
 */
export function gatewayHealth(regionGraphqlUrl: string, timeoutMs: number, signature?: RegionSignature): () => Promise<true | string> {
  const url = new URL(regionGraphqlUrl);
  const why = { 'not ready': 'region is not ready', timeout: `region did not answer within ${timeoutMs} ms`, unreachable: 'region is unreachable' };
  return async () => {
    const readiness = await probeReady(url, timeoutMs);
    if (readiness !== 'ready') return why[readiness];
    if (!signature?.refused()) return true;
    const refuses = await signature.check(timeoutMs).catch(() => undefined);
    // A check that failed is not a refusal: it would send the operator to the secrets.
    if (refuses === undefined) return "region did not answer the gateway's signed check";
    return refuses ? "region refuses the gateway's signature" : true;
  };
}
