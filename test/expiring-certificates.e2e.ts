import { afterAll, beforeAll, expect, test } from 'vitest';
import { regionDay } from '../shared/region-day.ts';
import { createMember } from './support/members.ts';
import { startStack, type Stack } from './support/stack.ts';

// A network office's follow-up list of certificates (expiringCertificates) and a certificate's days left: the
// profile showed one running out in 13 days as plainly valid, and no office could see whose ran out without
// opening every profile (the self-service probe).

let stack: Stack;
let admin: string;
let office: string;

/** The region's day `days` from today, YYYY-MM-DD. */
const inDays = (days: number) => {
  const [y, m, d] = regionDay().split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

const expiring = `query($network: NetworkCode!, $withinDays: Int, $expiredSinceDays: Int, $first: Int) {
  expiringCertificates(network: $network, withinDays: $withinDays, expiredSinceDays: $expiredSinceDays, first: $first) {
    member { id name } standard number validUntil daysLeft
  }
}`;

const members: Record<string, string> = {};

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token({ role: 'admin' });
  office = await stack.token({ role: 'office', network: 'KONAT' });
  const holders: [key: string, name: string, certifications: { standard: string; number?: string; validUntil: string }[]][] = [
    [
      'soon',
      'Bald Ablauf Härterei GmbH',
      [
        { standard: 'IATF 16949', number: 'T-13', validUntil: inDays(13) },
        { standard: 'ISO 9001', validUntil: inDays(400) },
      ],
    ],
    ['today', 'Letzter Tag Stanzerei KG', [{ standard: 'ISO 14001', validUntil: inDays(0) }]],
    ['lapsed', 'Abgelaufen Fräserei GmbH', [{ standard: 'ISO 9001', validUntil: inDays(-30) }]],
    ['long', 'Lange her Dreherei GmbH', [{ standard: 'ISO 9001', validUntil: inDays(-500) }]],
    ['left', 'Ausgetreten Gießerei GmbH', [{ standard: 'IATF 16949', validUntil: inDays(5) }]],
  ];
  for (const [key, name, certifications] of holders)
    ({ id: members[key] } = await createMember(stack, admin, 'KONAT', { name, postalCode: '99817', city: 'Eisenach', certifications }));
  // Another network's certificate is not KONAT's to follow.
  await createMember(stack, admin, 'NIWE', {
    name: 'Andernorts Schleiferei GmbH',
    postalCode: '37269',
    city: 'Eschwege',
    certifications: [{ standard: 'ISO 9001', validUntil: inDays(3) }],
  });
  const archived = await stack.query(`mutation($id: ID!) { archiveMember(id: $id) { id } }`, { id: members.left }, admin);
  expect(archived.errors).toBeUndefined();
});
afterAll(async () => {
  await stack?.stop();
});

test("the office lists its live members' certificates running out or lapsed lately, soonest first, with days left", async () => {
  const res = await stack.query(expiring, { network: 'KONAT' }, office);
  expect(res.errors).toBeUndefined();
  // The demo-free test stack holds only these; the 400-day certificate is past 90 days, the 500-day-old one past 365,
  // the archived member's is not followed any more.
  expect(res.data.expiringCertificates).toEqual([
    { member: { id: members.lapsed, name: 'Abgelaufen Fräserei GmbH' }, standard: 'ISO 9001', number: null, validUntil: inDays(-30), daysLeft: -30 },
    { member: { id: members.today, name: 'Letzter Tag Stanzerei KG' }, standard: 'ISO 14001', number: null, validUntil: inDays(0), daysLeft: 0 },
    { member: { id: members.soon, name: 'Bald Ablauf Härterei GmbH' }, standard: 'IATF 16949', number: 'T-13', validUntil: inDays(13), daysLeft: 13 },
  ]);

  const narrower = await stack.query(expiring, { network: 'KONAT', withinDays: 0, expiredSinceDays: 0 }, admin);
  expect(narrower.data.expiringCertificates.map((c: { member: { id: string } }) => c.member.id)).toEqual([members.today]);
  const wider = await stack.query(expiring, { network: 'KONAT', withinDays: 730, expiredSinceDays: 730, first: 2 }, office);
  expect(wider.data.expiringCertificates.map((c: { daysLeft: number }) => c.daysLeft)).toEqual([-500, -30]);
});

test("a member's profile gives each certificate its days left", async () => {
  const res = await stack.query(`query($id: ID!) { member(id: $id) { certifications { standard valid daysLeft } } }`, { id: members.soon });
  expect(res.data.member.certifications).toEqual([
    { standard: 'IATF 16949', valid: true, daysLeft: 13 },
    { standard: 'ISO 9001', valid: true, daysLeft: 400 },
  ]);
});

test('only the network office and admin read it; a window out of range is refused naming the argument', async () => {
  const anonymous = await stack.query(expiring, { network: 'KONAT' });
  expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  for (const token of [
    await stack.token({ role: 'office', network: 'NIWE' }),
    await stack.token({ role: 'member', network: 'KONAT', memberId: members.soon }),
  ]) {
    const refused = await stack.query(expiring, { network: 'KONAT' }, token);
    expect(refused.data?.expiringCertificates ?? null).toBeNull();
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toContain('may not read the expiring certificates of KONAT');
  }
  for (const [variables, field] of [
    [{ withinDays: 731 }, 'withinDays'],
    [{ expiredSinceDays: -1 }, 'expiredSinceDays'],
    [{ first: 501 }, 'first'],
  ] as const) {
    const res = await stack.query(expiring, { network: 'KONAT', ...variables }, office);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason: 'OUT_OF_RANGE' });
  }
});
