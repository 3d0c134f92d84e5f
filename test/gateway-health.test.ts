import { createServer } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { gatewayHealth } from '../gateway/health.ts';
import { close, listen } from '../shared/http.ts';

// The gateway's /ready while region refuses its signature: 503 saying so, asked again at each look, and ok once region
// takes it (a balancer that took the gateway out sends no request that would find it mended).

const region = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'));
let url: string;
beforeAll(async () => {
  url = `${await listen(region, 0)}/graphql`;
});
afterAll(() => close(region));

test('refused: 503 at each look until the signed check passes; a check that fails is said as such, not as a refusal', async () => {
  let refused = true;
  let answer: 'refuses' | 'takes' | 'fails' = 'refuses';
  let checks = 0;
  const health = gatewayHealth(url, 1000, {
    refused: () => refused,
    check: async () => {
      checks++;
      if (answer === 'fails') throw new Error('no answer within 1000 ms');
      refused = answer === 'refuses';
      return refused;
    },
  });
  expect(await health()).toBe("region refuses the gateway's signature");
  answer = 'fails';
  expect(await health()).toBe("region did not answer the gateway's signed check");
  answer = 'takes';
  expect(await health()).toBe(true);
  // Taken again: no signed check at the next look.
  expect(await health()).toBe(true);
  expect(checks).toBe(3);
});
