import { expect, test } from 'vitest';
import { coveredMs, timeShares, type Busy } from '../bench/time-shares.ts';

test('coveredMs counts time covered by several intervals once, and gaps not at all', () => {
  expect(coveredMs([])).toBe(0);
  expect(coveredMs([{ start: 5, end: 8 }])).toBe(3);
  // Out of order, one inside another, one overlapping, one apart.
  expect(
    coveredMs([
      { start: 20, end: 25 },
      { start: 0, end: 10 },
      { start: 2, end: 4 },
      { start: 8, end: 12 },
    ]),
  ).toBe(17);
});

test('timeShares splits a request: the target while no subgraph answers, each service less its SQL and its waiting', () => {
  // Two requests of 20 ms each. In each: region answers from 2 to 18 ms and calls NIWE and LINAT in parallel
  // (internal) from 4 to 12 and 5 to 14; then the target fetches entities from NIWE from 15 to 17.
  const request = (at: number): Busy[] => [
    { service: 'region', internal: false, start: at + 2, end: at + 18 },
    { service: 'NIWE', internal: true, start: at + 4, end: at + 12 },
    { service: 'LINAT', internal: true, start: at + 5, end: at + 14 },
    { service: 'NIWE', internal: false, start: at + 15, end: at + 17 },
  ];
  const statements = {
    region: { planMs: 0.5, execMs: 1.5 },
    NIWE: { planMs: 4, execMs: 6 },
    LINAT: { planMs: 2, execMs: 4 },
    KONAT: { planMs: 0, execMs: 0 },
  };
  const shares = timeShares(20, 2, [...request(0), ...request(100)], statements, 'region');
  // Subgraphs cover 2-18 ms of each request: the target has the other 4.
  expect(shares.targetMs).toBe(4);
  // Region: 16 ms answering, 10 of them (4-14) waiting for the networks, 1 ms of statements.
  expect(shares.services.region).toBe(5);
  // NIWE: 8 + 2 ms answering, 5 ms of statements; LINAT: 9 ms answering, 3 ms of statements.
  expect(shares.services.NIWE).toBe(5);
  expect(shares.services.LINAT).toBe(6);
  expect(shares.postgres).toEqual({ planMs: 3.25, execMs: 5.75 });
  expect(shares.latencyMs).toBe(20);
  // Without statistics PostgreSQL reads as unknown and nothing is taken off the services.
  expect(timeShares(20, 2, [...request(0), ...request(100)], null, 'region').postgres).toBeNull();
  expect(timeShares(20, 2, [...request(0), ...request(100)], null, 'region').services.LINAT).toBe(9);
});
