import { jwtVerify, SignJWT } from 'jose';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createTokenVerifier, verifiedTokenTtlMs } from '../gateway/auth.ts';

// A verified token is taken on its text for a minute (gateway/auth.ts): the signature is checked once, the
// expiry at every use, and a token that differs in any character, its signature included, is checked anew.

const secret = 'a-secret-of-the-gateway-for-this-test-only';
const key = new TextEncoder().encode(secret);
const start = new Date('2026-12-02T08:00:00Z');

let checks = 0;
const counted: typeof jwtVerify = ((...args: Parameters<typeof jwtVerify>) => {
  checks++;
  return jwtVerify(...args);
}) as typeof jwtVerify;

const sign = (lifetimeS: number, sub = 'partner-1') =>
  new SignJWT({ role: 'partner' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + lifetimeS)
    .sign(key);

beforeEach(() => {
  checks = 0;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(start);
});
afterEach(() => {
  vi.useRealTimers();
});

test('the same token is checked once, and again after a minute', async () => {
  const verify = createTokenVerifier({ secret }, counted);
  const token = await sign(3600);
  const first = await verify(token);
  expect(await verify(token)).toEqual(first);
  expect(first.identity).toMatchObject({ role: 'partner', subject: 'partner-1' });
  expect(checks).toBe(1);
  vi.setSystemTime(start.getTime() + verifiedTokenTtlMs + 1);
  await verify(token);
  expect(checks).toBe(2);
});

test('a token whose signature differs is checked, and refused, even while the real one is kept', async () => {
  const verify = createTokenVerifier({ secret }, counted);
  const token = await sign(3600);
  await verify(token);
  const forged = `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.at(-1)}`;
  await expect(verify(forged)).rejects.toThrow('The token is not valid');
  expect(checks).toBe(2);
});

test('a kept token expires on time: refused from the second its exp names', async () => {
  const verify = createTokenVerifier({ secret }, counted);
  const token = await sign(30);
  await verify(token);
  vi.setSystemTime(start.getTime() + 29_000);
  await verify(token);
  vi.setSystemTime(start.getTime() + 30_000);
  await expect(verify(token)).rejects.toThrow('The token has expired; request a new one.');
  expect(checks).toBe(1);
});

test('at most 1,000 tokens are kept: the oldest is checked again', async () => {
  const verify = createTokenVerifier({ secret }, counted);
  const tokens = await Promise.all(Array.from({ length: 1001 }, (_, i) => sign(3600, `partner-${i}`)));
  for (const token of tokens) await verify(token);
  expect(checks).toBe(1001);
  await verify(tokens[1000]);
  expect(checks).toBe(1001);
  await verify(tokens[0]);
  expect(checks).toBe(1002);
});
