import type { ApolloServerPlugin } from '@apollo/server';
import { notSafelisted, rateLimited } from '../shared/errors.ts';
import { enforceLimits, measureOperation, type OperationLimits } from './limits.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { Safelist } from './safelist.ts';
import type { GatewayContext } from './server.ts';

// What the gateway checks once an operation is parsed and valid, before any subgraph is called:
// the safelist of restricted partners, the operation limits, then the partner's rate limit.

export interface PolicyOptions {
  limits: OperationLimits;
  rateLimiter: RateLimiter;
  safelist: Safelist | undefined;
}

export function operationPolicyPlugin(options: PolicyOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, queryHash, document, operation, schema, request }) {
          const { identity } = contextValue;
          const partner = identity.role === 'partner';
          if (partner && identity.safelist && !options.safelist?.has(queryHash)) {
            throw notSafelisted();
          }
          if (!operation) return;
          const measure = measureOperation(schema, document, operation, request.variables ?? {}, options.limits.defaultListSize);
          enforceLimits(measure, options.limits);
          if (!partner) return;
          const retryAfter = options.rateLimiter.take(identity.subject ?? 'partner', measure.cost);
          if (retryAfter > 0) {
            const { requestsPerMinute, costPerMinute } = options.rateLimiter.limits;
            throw rateLimited(`Rate limit of ${requestsPerMinute} requests and ${costPerMinute} cost per minute reached; retry in ${retryAfter} s.`, retryAfter);
          }
        },
      };
    },
  };
}
