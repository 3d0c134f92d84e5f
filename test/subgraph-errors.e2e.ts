import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listen, close } from '../shared/http.ts';
import { startGatewayOnly, type LoneGateway } from './support/gateway-only.ts';

// A subgraph that answers with an HTTP error status did not run our operation:
// a 401 there means it refused the gateway's signature (a misconfigured
// secret), not the caller. Clients read the subgraph as unavailable, as one
// that does not answer (the operator learns why from the gateway's log,
// test/secret-mismatch.e2e.ts), never the subgraph's answer. Region here is a
// stand-in that answers every request so.

const refusal = {
  errors: [{ message: 'This service answers only signed requests from the gateway: the signature does not match.', extensions: { code: 'UNAUTHENTICATED' } }],
};
const region = createServer((_req, res) => {
  res.statusCode = 401;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(refusal));
});
const gateways: Record<string, LoneGateway> = {};

beforeAll(async () => {
  const regionUrl = `${await listen(region, 0)}/graphql`;
  for (const production of [true, false]) {
    gateways[production ? 'production' : 'development'] = await startGatewayOnly({
      auth: { secret: 'a'.repeat(32) },
      production,
      subgraphUrls: { region: regionUrl },
    });
  }
});
afterAll(async () => {
  for (const gateway of Object.values(gateways)) await gateway.stop();
  await close(region);
});

describe.each(['production', 'development'])('%s', (mode) => {
  test("a subgraph's 401 reaches the client as that subgraph unavailable, without its answer", async () => {
    const res = await fetch(gateways[mode].url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ networks { code } }' }),
    });
    const body = (await res.json()) as { data: unknown; errors: unknown[] };
    expect(res.status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      {
        message: "Service region refused the gateway's call: a fault in our set-up, not in the request.",
        extensions: { code: 'SERVICE_UNAVAILABLE', service: 'region', requestId: res.headers.get('x-request-id') },
      },
    ]);
    // Word boundaries: the random request id may contain the digits 401 (fb401d06-…), as it once did.
    expect(JSON.stringify(body)).not.toMatch(/signed requests|"response"|\b401\b/);
  });
});
