import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { regionDay } from '../shared/region-day.ts';
import { parsePostId } from '../subgraphs/region/ids.ts';
import { createMember } from './support/members.ts';
import { ok, startStack, type GraphQLResponse, type Stack } from './support/stack.ts';
import { queuedBehindLock } from './support/row-lock.ts';
import { until } from './support/wait.ts';

// The capacity exchange through the gateway, across networks.

let stack: Stack;
const members: Record<string, string> = {};
const tokens: Record<string, string> = {};

/** The Monday `weeks` weeks after next Monday, as YYYY-MM-DD, plus `days`. */
function monday(weeks: number, days = 0): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7) + weeks * 7 + days);
  return d.toISOString().slice(0, 10);
}

/** The region's day `days` after today (shared/region-day.ts), as the server counts its days. */
function regionDayAfter(days: number): string {
  const today = Date.parse(`${regionDay()}T00:00:00Z`);
  return new Date(today + days * 86_400_000).toISOString().slice(0, 10);
}

function isoWeek(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  const thursday = new Date(t + (3 - ((new Date(t).getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  return `${year}-W${String(Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1).padStart(2, '0')}`;
}

const postFields =
  'id side network kind cadSystem process { code name } hours bookedHours remainingHours from to weeks version status member { id name availability }';
const bookingFields = 'id hours from to status reason network member { id } offer { id remainingHours }';

async function post(token: string, input: Record<string, unknown>): Promise<GraphQLResponse> {
  return stack.query(`mutation($input: CapacityPostInput!) { postCapacity(input: $input) { ${postFields} } }`, { input }, token);
}

async function book(token: string, offerId: string, hours: number, from: string, to: string) {
  return stack.query(
    `mutation($o: ID!, $h: Int!, $f: String!, $t: String!) { bookCapacity(offerId: $o, hours: $h, from: $f, to: $t) { ${bookingFields} } }`,
    { o: offerId, h: hours, f: from, t: to },
    token,
  );
}

const machineOffer = (hours: number, from = monday(2), to = monday(3, 4)) => ({
  side: 'OFFER',
  kind: 'MACHINE_HOURS',
  process: '3.2.3',
  machine: 'DMG DMU 65 monoBLOCK',
  workEnvelope: '735 × 650 × 560 mm',
  hours,
  from,
  to,
  postalCode: '37269',
  pricePerHour: 85,
});

beforeAll(async () => {
  stack = await startStack();
  tokens.admin = await stack.token({ role: 'admin' });
  for (const [key, network, postalCode, city] of [
    ['anders', 'NIWE', '37269', 'Eschwege'],
    ['brandt', 'LINAT', '99974', 'Mühlhausen'],
    ['conrad', 'KONAT', '99817', 'Eisenach'],
  ]) {
    ({ id: members[key], token: tokens[key] } = await createMember(stack, tokens.admin, network, { name: `${key} GmbH`, postalCode, city }));
  }
  tokens.niweOffice = await stack.token({ role: 'office', network: 'NIWE' });
  tokens.linatOffice = await stack.token({ role: 'office', network: 'LINAT' });
  tokens.partner = await stack.token({ role: 'partner' });
});
afterAll(async () => {
  await stack?.stop();
});

describe('post, match, book, confirm, cancel across two networks', () => {
  let offer: any;
  let request: any;

  test('members post an offer and a request; each finds the other', async () => {
    offer = (await ok(post(tokens.anders, machineOffer(80)))).postCapacity;
    expect(offer).toMatchObject({
      side: 'OFFER',
      network: 'NIWE',
      kind: 'MACHINE_HOURS',
      process: { code: '3.2.3', name: 'Fräsen' },
      hours: 80,
      remainingHours: 80,
      status: 'OPEN',
      version: 1,
      member: { id: members.anders, name: 'anders GmbH' },
    });
    expect(offer.weeks).toEqual([isoWeek(monday(2)), isoWeek(monday(3))]);
    request = (
      await ok(
        post(tokens.brandt, { side: 'REQUEST', kind: 'MACHINE_HOURS', process: '3.2', hours: 40, from: monday(2, 2), to: monday(3, 1), postalCode: '99974' }),
      )
    ).postCapacity;
    await ok(post(tokens.conrad, { side: 'REQUEST', kind: 'CAD', cadSystem: 'CATIA_V5', hours: 16, from: monday(2), to: monday(2, 4), postalCode: '99817' }));

    const forRequest = (
      await ok(
        stack.query(
          `query($id: ID!) { capacityMatches(postId: $id) { score distanceKm post { id } breakdown { requirement status reason } } }`,
          { id: request.id },
          tokens.brandt,
        ),
      )
    ).capacityMatches;
    expect(forRequest.map((m: any) => m.post.id)).toEqual([offer.id]);
    expect(forRequest[0].score).toBe(1);
    expect(forRequest[0].breakdown.map((b: any) => [b.requirement, b.status])).toEqual([
      ['hours', 'MET'],
      ['window', 'MET'],
      ['distance', 'MET'],
      ['process', 'MET'],
    ]);
    expect(forRequest[0].distanceKm).toBeCloseTo(28.9, 0);
    const forOffer = (await ok(stack.query(`query($id: ID!) { capacityMatches(postId: $id) { post { id } } }`, { id: offer.id }, tokens.anders)))
      .capacityMatches;
    expect(forOffer.map((m: any) => m.post.id)).toEqual([request.id]);
  });

  test('a booking holds hours until the offerer decides; cancelling and declining return them', async () => {
    const booked = (await ok(book(tokens.brandt, offer.id, 30, monday(2, 2), monday(2, 4)))).bookCapacity;
    expect(booked).toMatchObject({
      hours: 30,
      status: 'REQUESTED',
      network: 'LINAT',
      member: { id: members.brandt },
      offer: { id: offer.id, remainingHours: 50 },
    });

    const byBooker = await stack.query(`mutation($id: ID!) { confirmCapacityBooking(id: $id) { status } }`, { id: booked.id }, tokens.brandt);
    expect(byBooker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (await ok(stack.query(`mutation($id: ID!) { confirmCapacityBooking(id: $id) { status } }`, { id: booked.id }, tokens.anders))).confirmCapacityBooking
        .status,
    ).toBe('CONFIRMED');

    const list = `{ capacityBookings { id status } }`;
    for (const who of ['anders', 'brandt', 'niweOffice', 'linatOffice', 'admin']) {
      expect((await ok(stack.query(list, {}, tokens[who]))).capacityBookings.map((b: any) => b.id)).toContain(booked.id);
    }
    expect((await ok(stack.query(list, {}, tokens.conrad))).capacityBookings).toEqual([]);

    const cancelled = (
      await ok(stack.query(`mutation($id: ID!) { cancelCapacityBooking(id: $id) { status offer { remainingHours } } }`, { id: booked.id }, tokens.brandt))
    ).cancelCapacityBooking;
    expect(cancelled).toEqual({ status: 'CANCELLED', offer: { remainingHours: 80 } });
    const again = await stack.query(`mutation($id: ID!) { cancelCapacityBooking(id: $id) { status } }`, { id: booked.id }, tokens.brandt);
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/is CANCELLED/) });

    const second = (await ok(book(tokens.brandt, offer.id, 10, monday(3), monday(3, 1)))).bookCapacity;
    const declined = (
      await ok(
        stack.query(
          `mutation($id: ID!) { declineCapacityBooking(id: $id, reason: "Maschine in Wartung") { status reason offer { remainingHours } } }`,
          { id: second.id },
          tokens.niweOffice,
        ),
      )
    ).declineCapacityBooking;
    expect(declined).toEqual({ status: 'DECLINED', reason: 'Maschine in Wartung', offer: { remainingHours: 80 } });
  });

  test('an office books for one of its members', async () => {
    const res = await stack.query(
      `mutation($o: ID!, $m: ID!) { bookCapacity(offerId: $o, hours: 8, from: "${monday(3)}", to: "${monday(3)}", memberId: $m) { status member { id } } }`,
      { o: offer.id, m: members.brandt },
      tokens.linatOffice,
    );
    expect((await ok(res)).bookCapacity).toEqual({ status: 'REQUESTED', member: { id: members.brandt } });
    const foreign = await stack.query(
      `mutation($o: ID!, $m: ID!) { bookCapacity(offerId: $o, hours: 8, from: "${monday(3)}", to: "${monday(3)}", memberId: $m) { status } }`,
      { o: offer.id, m: members.conrad },
      tokens.linatOffice,
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  test('concurrent changes to an offer meet optimistic locking', async () => {
    const current = (await ok(stack.query(`query($id: ID!) { capacityPost(id: $id) { version } }`, { id: offer.id }, tokens.anders))).capacityPost;
    const update = `mutation($id: ID!, $v: Int!) { updateCapacityPost(id: $id, version: $v, input: { notes: "Auch samstags" }) { version } }`;
    const first = (await ok(stack.query(update, { id: offer.id, v: current.version }, tokens.anders))).updateCapacityPost;
    expect(first.version).toBe(current.version + 1);
    const stale = await stack.query(update, { id: offer.id, v: current.version }, tokens.niweOffice);
    expect(stale.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT', currentVersion: current.version + 1 },
      message: expect.stringMatching(/changed since you read it/),
    });
  });
});

describe('overbooking', () => {
  test('two cancels of one booking that wait for the offer together release its hours once', async () => {
    const offer = (await ok(post(tokens.anders, machineOffer(100)))).postCapacity;
    const first = (await ok(book(tokens.brandt, offer.id, 30, monday(2), monday(2, 2)))).bookCapacity;
    await ok(book(tokens.brandt, offer.id, 30, monday(2), monday(2, 2)));
    const cancel = () => stack.query(`mutation($id: ID!) { cancelCapacityBooking(id: $id) { status } }`, { id: first.id }, tokens.brandt);
    // Both cancels read the booking, then wait for the offer's row, which another transaction holds.
    const offerId = offer.id.replace(/^cap-/, '');
    const answers = await queuedBehindLock(
      stack.regionDatabaseUrl,
      { sql: 'select 1 from capacity_post where id = $1 for update', params: [offerId] },
      `"capacity_post" as "c0" where "c0"."id" = '${offerId}'`,
      [cancel, cancel],
    );
    expect(answers.map((r) => r.errors?.[0].extensions?.code ?? r.data.cancelCapacityBooking.status).sort()).toEqual(['CANCELLED', 'CONFLICT']);
    // The other booking's 30 hours stay booked.
    const after = (await ok(stack.query(`query($id: ID!) { capacityPost(id: $id) { bookedHours } }`, { id: offer.id }, tokens.anders))).capacityPost;
    expect(after).toEqual({ bookedHours: 30 });
  });

  test("a change of the offer that read it before a booking took its lock is CONFLICT with the booking's version", async () => {
    for (const change of [
      (id: string, v: number) =>
        stack.query(`mutation($id: ID!, $v: Int!) { withdrawCapacityPost(id: $id, version: $v) { status } }`, { id, v }, tokens.anders),
      (id: string, v: number) =>
        stack.query(`mutation($id: ID!, $v: Int!) { updateCapacityPost(id: $id, version: $v, input: { hours: 20 }) { hours } }`, { id, v }, tokens.anders),
    ]) {
      const offer = (await ok(post(tokens.anders, machineOffer(100)))).postCapacity;
      const [booked, changed] = await queuedBehindLock(
        stack.regionDatabaseUrl,
        { sql: 'select 1 from capacity_post where id = $1 for update', params: [offer.id.replace(/^cap-/, '')] },
        'capacity_post',
        [() => book(tokens.brandt, offer.id, 30, monday(2), monday(2, 2)), () => change(offer.id, offer.version)],
      );
      expect(booked.errors).toBeUndefined();
      // Was INTERNAL_SERVER_ERROR: MikroORM's version check failed the UPDATE after this check had passed on a stale read.
      expect(changed.errors?.[0].extensions, JSON.stringify(changed.errors)).toMatchObject({ code: 'CONFLICT', currentVersion: offer.version + 1 });
    }
  });

  test('60 concurrent bookings never take more hours than offered, and every refusal says why', async () => {
    const offer = (await ok(post(tokens.anders, machineOffer(100)))).postCapacity;
    // Over the offer's ten working days (240 machine hours), so that its 100 hours run out before any day does.
    const attempts = await Promise.all(Array.from({ length: 60 }, () => book(tokens.brandt, offer.id, 7, monday(2), monday(3, 4))));
    const accepted = attempts.filter((r) => !r.errors);
    const refused = attempts.filter((r) => r.errors);
    expect(accepted.length).toBe(14);
    expect(accepted.reduce((sum, r) => sum + r.data.bookCapacity.hours, 0)).toBe(98);
    for (const r of refused) {
      expect(r.errors![0].extensions?.code).toBe('CONFLICT');
      expect(r.errors![0].message).toBe(`Offer ${offer.id} has only 2 of 100 hours left; book at most 2.`);
    }
    const after = (await ok(stack.query(`query($id: ID!) { capacityPost(id: $id) { bookedHours remainingHours } }`, { id: offer.id }, tokens.anders)))
      .capacityPost;
    expect(after).toEqual({ bookedHours: 98, remainingHours: 2 });
  });
});

describe("an offer's days", () => {
  test('two bookings of one machine day take its 24 hours, not 48; a cancelled one frees its day', async () => {
    const offer = (await ok(post(tokens.anders, machineOffer(100)))).postCapacity;
    const first = (await ok(book(tokens.brandt, offer.id, 24, monday(2), monday(2)))).bookCapacity;
    // Was taken: each booking fitted its own day and the offer's hours, and the machine's Monday held 48 hours.
    const second = await book(tokens.conrad, offer.id, 24, monday(2), monday(2));
    expect(second.errors?.[0]).toMatchObject({
      message: `The days ${monday(2)} to ${monday(2)} of offer ${offer.id} have 0 of their 24 working hours free beside its other bookings; book at most 0, or other days.`,
      extensions: { code: 'CONFLICT', reason: 'NOT_ENOUGH_LEFT', hoursLeft: 0 },
    });
    // Monday to Wednesday has 48 hours beside the first booking; three days of 60 hours are bound by the span.
    const wider = await book(tokens.conrad, offer.id, 60, monday(2), monday(2, 2));
    expect(wider.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_ENOUGH_LEFT', hoursLeft: 48 });
    expect(wider.errors?.[0].message).toMatch(/have 48 of their 72 working hours free beside its other bookings; book at most 48, or other days\./);
    const read = `query($id: ID!) { capacityPost(id: $id) { bookedHours } }`;
    expect((await ok(stack.query(read, { id: offer.id }, tokens.anders))).capacityPost).toEqual({ bookedHours: 24 });
    // Matching counts the same days: a request for the Monday alone is not offered it, one for three days 48 of 60 hours.
    const matches = async (hours: number, to: string) => {
      const request = { side: 'REQUEST', kind: 'MACHINE_HOURS', process: '3.2', hours, from: monday(2), to, postalCode: '99817' };
      const { id } = (await ok(post(tokens.conrad, request))).postCapacity;
      const found = (
        await ok(
          stack.query(
            `query($id: ID!) { capacityMatches(postId: $id, first: 50) { post { id } breakdown { requirement status reason } } }`,
            { id },
            tokens.conrad,
          ),
        )
      ).capacityMatches;
      return found.filter((m: any) => m.post.id === offer.id).map((m: any) => m.breakdown[0]);
    };
    expect(await matches(8, monday(2))).toEqual([]);
    expect(await matches(60, monday(2, 2))).toEqual([{ requirement: 'hours', status: 'PARTLY_MET', reason: '48 h free of 60 h needed' }]);
    expect((await ok(book(tokens.conrad, offer.id, 48, monday(2), monday(2, 2)))).bookCapacity).toMatchObject({ hours: 48, status: 'REQUESTED' });

    await ok(stack.query(`mutation($id: ID!) { cancelCapacityBooking(id: $id) { status } }`, { id: first.id }, tokens.brandt));
    expect((await ok(book(tokens.conrad, offer.id, 24, monday(2), monday(2)))).bookCapacity).toMatchObject({ hours: 24 });
    expect((await ok(stack.query(read, { id: offer.id }, tokens.anders))).capacityPost).toEqual({ bookedHours: 72 });
  });

  test('days that have passed are worked no more: a window begun counts, books and matches the days from today on', async () => {
    // Its messages name today; the test reads the region's day as it goes, the server when it answers.
    await until(() => regionDay() === regionDay(new Date(Date.now() + 120_000)), "the region's midnight is two minutes away", 130_000);
    // Three weeks gone and the week from today: any seven days in a row hold five working days, 120 machine hours.
    const [from, to] = [regionDayAfter(-21), regionDayAfter(6)];
    // One refusal, naming the most that fits: 480, the whole window's hours, was named first, then refused again.
    const beyond = await post(tokens.anders, machineOffer(481, from, to));
    expect(beyond.errors?.[0]).toMatchObject({
      message: `input.hours (481) exceed the working hours the window has left from today (${regionDayAfter(0)}): 5 working days × 24 h = 120 h.`,
      extensions: { code: 'BAD_USER_INPUT', field: 'input.hours', reason: 'OUT_OF_RANGE', max: 120 },
    });
    expect((await ok(post(tokens.anders, machineOffer(120, from, to)))).postCapacity.hours).toBe(120);

    // An offer of the four weeks' 480 hours posted three weeks ago (its window moved back here, not waited for).
    const offer = (await ok(post(tokens.anders, machineOffer(480, regionDayAfter(0), regionDayAfter(27))))).postCapacity;
    await stack.region.orm.em.getConnection().execute(`update capacity_post set from_date = ?, to_date = ? where id = ?`, [from, to, parsePostId(offer.id)]);
    // A booking of its window takes no more than its days ahead hold, and beside one of 100 hours, 20.
    expect((await book(tokens.brandt, offer.id, 121, from, to)).errors?.[0]).toMatchObject({
      message: `hours (121) exceed the working hours the window has left from today (${regionDayAfter(0)}): 5 working days × 24 h = 120 h.`,
      extensions: { code: 'BAD_USER_INPUT', field: 'hours', reason: 'OUT_OF_RANGE', max: 120 },
    });
    await ok(book(tokens.brandt, offer.id, 100, from, to));
    const rest = await book(tokens.conrad, offer.id, 21, from, to);
    expect(rest.errors?.[0]).toMatchObject({
      message: `The days ${regionDayAfter(0)} to ${to} of offer ${offer.id} have 20 of their 120 working hours free beside its other bookings; book at most 20, or other days.`,
      extensions: { code: 'CONFLICT', reason: 'NOT_ENOUGH_LEFT', hoursLeft: 20 },
    });
    // Matching says the same of a request over the window.
    const request = { side: 'REQUEST', kind: 'MACHINE_HOURS', process: '3.2', hours: 50, from, to, postalCode: '99817' };
    const { id } = (await ok(post(tokens.conrad, request))).postCapacity;
    const found = (
      await ok(stack.query(`query($id: ID!) { capacityMatches(postId: $id, first: 50) { post { id } breakdown { reason } } }`, { id }, tokens.conrad))
    ).capacityMatches;
    expect(found.filter((m: any) => m.post.id === offer.id).map((m: any) => m.breakdown[0].reason)).toEqual(['20 h free of 50 h needed']);
    // Its price still changes, and its hours go down (still beyond its days ahead).
    const change = (input: Record<string, unknown>, version: number) =>
      stack.query(
        `mutation($id: ID!, $v: Int!, $input: CapacityPostPatch!) { updateCapacityPost(id: $id, version: $v, input: $input) { hours version } }`,
        { id: offer.id, v: version, input },
        tokens.anders,
      );
    const current = (await ok(stack.query(`query($id: ID!) { capacityPost(id: $id) { version } }`, { id: offer.id }, tokens.anders))).capacityPost;
    // A post always has hours and a window: null for one was taken as "keep", silently.
    for (const field of ['hours', 'from', 'to'])
      expect((await change({ [field]: null }, current.version)).errors?.[0]).toMatchObject({
        message: `input.${field} cannot be cleared; leave it out to keep the current value.`,
        extensions: { code: 'BAD_USER_INPUT', field: `input.${field}`, reason: 'REQUIRED' },
      });
    const cheaper = (await ok(change({ pricePerHour: 80 }, current.version))).updateCapacityPost;
    const fewer = (await ok(change({ hours: 470 }, cheaper.version))).updateCapacityPost;
    expect(fewer.hours).toBe(470);
    const booked = (await ok(change({ hours: 110 }, fewer.version))).updateCapacityPost;
    // Up, the hours still to book must fit what the days ahead have free beside its bookings: 20 beside the 100 of today.
    const raised = (await ok(change({ hours: 120 }, booked.version))).updateCapacityPost;
    expect((await change({ hours: 121 }, raised.version)).errors?.[0]).toMatchObject({
      message: `input.hours (121) leave 21 hours to book beside the 100 booked, more than the 20 of the 120 working hours from today (${regionDayAfter(0)}) that its bookings leave free.`,
      extensions: { code: 'BAD_USER_INPUT', field: 'input.hours', reason: 'OUT_OF_RANGE', min: 100, max: 120 },
    });
  }, 200_000);

  test('CAD hours are one designer: 8 a day', async () => {
    const offer = (
      await ok(post(tokens.anders, { side: 'OFFER', kind: 'CAD', cadSystem: 'CATIA_V5', hours: 40, from: monday(4), to: monday(4, 4), postalCode: '37269' }))
    ).postCapacity;
    await ok(book(tokens.brandt, offer.id, 6, monday(4, 1), monday(4, 1)));
    const refused = await book(tokens.conrad, offer.id, 3, monday(4, 1), monday(4, 1));
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_ENOUGH_LEFT', hoursLeft: 2 });
    // Past the offer's hours left (18), it names what the window's days have free beside the bookings: 2 on Tuesday, 8 on Thursday.
    await ok(book(tokens.brandt, offer.id, 8, monday(4), monday(4)));
    await ok(book(tokens.brandt, offer.id, 8, monday(4, 2), monday(4, 2)));
    const beyond = await book(tokens.conrad, offer.id, 30, monday(4), monday(4, 3));
    expect(beyond.errors?.[0]).toMatchObject({
      message: `Offer ${offer.id} has only 18 of 40 hours left; book at most 10.`,
      extensions: { code: 'CONFLICT', reason: 'NOT_ENOUGH_LEFT', hoursLeft: 10 },
    });
  });
});

describe('bad input changes nothing', () => {
  test.each([
    ['a window that ends before it starts', { ...machineOffer(10), from: monday(3), to: monday(2) }, 'BAD_USER_INPUT', /lies before/],
    ['a window entirely in the past', { ...machineOffer(10), from: '2024-03-04', to: '2024-03-08' }, 'BAD_USER_INPUT', /entirely in the past/],
    ['hours that are not positive', machineOffer(0), 'BAD_USER_INPUT', /positive whole number/],
    [
      'hours above the working hours of the window',
      { ...machineOffer(10), hours: 500, from: monday(2), to: monday(2, 4) },
      'BAD_USER_INPUT',
      /exceed the window's working hours: 5 working days × 24 h = 120 h/,
    ],
    ['an unknown process', { ...machineOffer(10), process: '9.9' }, 'BAD_USER_INPUT', /"9.9" is not a DIN 8580 process code/],
    // Every read of a post walks its window's days: one from 1900 to 2999 was taken.
    ['a window longer than a year', { ...machineOffer(10), from: monday(0), to: monday(53) }, 'BAD_USER_INPUT', /at most 366 days after input.from/],
    // It was OUT_OF_RANGE with a max of 0 ("a whole number from 1 to 0").
    [
      'a window of a weekend',
      { ...machineOffer(10), from: monday(2, 5), to: monday(2, 6) },
      'BAD_USER_INPUT',
      /has no working day \(Monday to Friday\); choose other days/,
    ],
    ['a window from 1900 to 2999', { ...machineOffer(10), from: '1900-01-01', to: '2999-12-31' }, 'BAD_USER_INPUT', /at most 366 days after input.from/],
    // Checked as stored, to the cent: 0.001 was stored as 0.00 and 99,999.999 as 100,000.00.
    ['a price that rounds to nothing', { ...machineOffer(10), pricePerHour: 0.001 }, 'BAD_USER_INPUT', /from 0.01 to 99,999.99, got 0.001/],
    ['a price that rounds past the largest', { ...machineOffer(10), pricePerHour: 99_999.999 }, 'BAD_USER_INPUT', /from 0.01 to 99,999.99/],
    [
      'CAD without a system',
      { side: 'OFFER', kind: 'CAD', hours: 8, from: monday(2), to: monday(2), postalCode: '37269' },
      'BAD_USER_INPUT',
      /cadSystem is required/,
    ],
    [
      'an unknown CAD system',
      { side: 'OFFER', kind: 'CAD', cadSystem: 'AUTOCAD_1995', hours: 8, from: monday(2), to: monday(2), postalCode: '37269' },
      'BAD_USER_INPUT',
      /AUTOCAD_1995/,
    ],
  ])('%s', async (_name, input, code, message) => {
    const count = `{ capacityPosts { totalCount } }`;
    const before = (await ok(stack.query(count, {}, tokens.anders))).capacityPosts.totalCount;
    const res = await post(tokens.anders, input);
    expect(res.errors?.[0].extensions?.code).toBe(code);
    expect(res.errors?.[0].message).toMatch(message);
    expect((await ok(stack.query(count, {}, tokens.anders))).capacityPosts.totalCount).toBe(before);
  });

  test('booking one’s own offer, more than is left, or outside the window', async () => {
    const offer = (await ok(post(tokens.anders, machineOffer(20)))).postCapacity;
    const own = await book(tokens.anders, offer.id, 5, monday(2), monday(2));
    expect(own.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/cannot book its own offer/) });
    const tooMuch = await book(tokens.brandt, offer.id, 21, monday(2), monday(2, 1));
    expect(tooMuch.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: `Offer ${offer.id} has only 20 of 20 hours left; book at most 20.`,
    });
    const outside = await book(tokens.brandt, offer.id, 5, monday(5), monday(5));
    expect(outside.errors?.[0].message).toMatch(/must lie inside the offer's window/);
    const state = (await ok(stack.query(`query($id: ID!) { capacityPost(id: $id) { bookedHours } }`, { id: offer.id }, tokens.anders))).capacityPost;
    expect(state.bookedHours).toBe(0);
  });

  test("an offer's window cannot shrink past a booking that holds hours of it", async () => {
    const offer = (await ok(post(tokens.anders, machineOffer(100, monday(2), monday(3, 4))))).postCapacity;
    const booked = (await ok(book(tokens.brandt, offer.id, 10, monday(3), monday(3, 4)))).bookCapacity;
    const update = (input: Record<string, unknown>, v: number) =>
      stack.query(
        `mutation($id: ID!, $v: Int!, $input: CapacityPostPatch!) { updateCapacityPost(id: $id, version: $v, input: $input) { from to version } }`,
        {
          id: offer.id,
          v,
          input,
        },
        tokens.anders,
      );
    // The booking changed the offer (its booked hours): the version as read after it.
    const { version } = (await ok(stack.query(`query($id: ID!) { capacityPost(id: $id) { version } }`, { id: offer.id }, tokens.anders))).capacityPost;
    const cut = await update({ hours: 40, from: monday(2), to: monday(2, 1) }, version);
    expect(cut.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.to', reason: 'NOT_APPLICABLE' },
      message: expect.stringContaining(`Booking ${booked.id} (REQUESTED) holds ${monday(3)} to ${monday(3, 4)}`),
    });
    const late = await update({ hours: 40, from: monday(3, 1) }, version);
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.from' });
    // Around the booking it may shrink, and once the booking is declined, past where it was.
    const around = (await ok(update({ from: monday(3), to: monday(3, 4) }, version))).updateCapacityPost;
    expect([around.from, around.to]).toEqual([monday(3), monday(3, 4)]);
    await ok(stack.query(`mutation($id: ID!) { declineCapacityBooking(id: $id, reason: "Maschine belegt") { status } }`, { id: booked.id }, tokens.anders));
    const declined = (await ok(stack.query(`query($id: ID!) { capacityPost(id: $id) { version } }`, { id: offer.id }, tokens.anders))).capacityPost;
    expect((await ok(update({ hours: 20, to: monday(3) }, declined.version))).updateCapacityPost.to).toBe(monday(3));
  });

  test('a post whose window was taken longer than a year, before the limit, stays editable as long as its window stays', async () => {
    const offer = (await ok(post(tokens.anders, machineOffer(20)))).postCapacity;
    await stack.region.orm.em
      .fork()
      .getConnection()
      .execute(`update capacity_post set from_date = '2024-01-01' where id = ?`, [Number(offer.id.split('-')[1])]);
    const update = (input: Record<string, unknown>, v: number) =>
      stack.query(
        `mutation($id: ID!, $v: Int!, $input: CapacityPostPatch!) { updateCapacityPost(id: $id, version: $v, input: $input) { notes version } }`,
        {
          id: offer.id,
          v,
          input,
        },
        tokens.anders,
      );
    const noted = (await ok(update({ notes: 'Auch samstags' }, offer.version))).updateCapacityPost;
    expect(noted.notes).toBe('Auch samstags');
    const moved = await update({ to: monday(3, 3) }, noted.version);
    expect(moved.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to', reason: 'OUT_OF_RANGE', max: 366 });
  });

  test('a list filtered by a window that ends before it starts is BAD_USER_INPUT (ORDER), not a list', async () => {
    const list = await stack.query(`{ capacityPosts(filter: { from: "${monday(3)}", to: "${monday(1)}" }) { totalCount } }`, {}, tokens.anders);
    expect(list.errors?.[0]).toMatchObject({
      message: `filter.to (${monday(1)}) lies before filter.from (${monday(3)}).`,
      extensions: { code: 'BAD_USER_INPUT', field: 'filter.to', reason: 'ORDER', other: 'filter.from' },
    });
  });

  test('a post read by an id that names none is null, as the schema says; a malformed id is BAD_USER_INPUT', async () => {
    const read = `query($id: ID!) { capacityPost(id: $id) { id } }`;
    expect(await stack.query(read, { id: 'cap-1234567890123456' }, tokens.anders)).toMatchObject({ data: { capacityPost: null } });
    expect((await stack.query(read, { id: 'cap-1234567890123456' }, tokens.anders)).errors).toBeUndefined();
    expect((await stack.query(read, { id: 'inq-12' }, tokens.anders)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  test('partners and anonymous callers take no part', async () => {
    expect((await post(tokens.partner, machineOffer(10))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await stack.query(`{ capacityPosts { totalCount } }`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('availability', () => {
  test('a member’s status is visible to the region on its member record', async () => {
    const query = `query($id: ID!) { member(id: $id) { availability } }`;
    expect((await ok(stack.query(query, { id: members.conrad }))).member.availability).toBe('NORMAL');
    await ok(stack.query(`mutation { setAvailability(status: AT_CAPACITY) }`, {}, tokens.conrad));
    expect((await ok(stack.query(query, { id: members.conrad }))).member.availability).toBe('AT_CAPACITY');
    const list = await ok(stack.query(`{ members(first: 100, filter: { networks: [KONAT] }) { edges { node { id availability } } } }`));
    expect(list.members.edges.find((e: any) => e.node.id === members.conrad).node.availability).toBe('AT_CAPACITY');
  });
});

describe('many posts of one member', () => {
  test("every post names its member, though the gateway asks the member's network once per member", async () => {
    for (let i = 0; i < 3; i++)
      await ok(post(tokens.conrad, { side: 'REQUEST', kind: 'CAD', cadSystem: 'CATIA_V5', hours: 8, from: monday(4), to: monday(4, 1), postalCode: '99817' }));
    const before = { ...stack.gateway.representations };
    const nodes = (await ok(stack.query(`{ capacityPosts(filter: { networks: [KONAT] }) { nodes { id member { id name availability } } } }`, {}, tokens.admin)))
      .capacityPosts.nodes;
    const conrads = nodes.filter((n: any) => n.member.id === members.conrad);
    expect(conrads.length).toBeGreaterThanOrEqual(4);
    // Only conrad posts in KONAT: the plan asks KONAT once per post, the gateway sends conrad once.
    expect(new Set(nodes.map((n: any) => n.member.id))).toEqual(new Set([members.conrad]));
    expect(stack.gateway.representations.asked - before.asked).toBe(nodes.length);
    expect(stack.gateway.representations.sent - before.sent).toBe(1);
    for (const n of conrads) expect(n.member).toEqual({ id: members.conrad, name: 'conrad GmbH', availability: expect.any(String) });
  });
});

describe('a member’s own posts', () => {
  test('filter.member lists only that member’s open posts; a malformed id is BAD_USER_INPUT at filter.member', async () => {
    const own = await ok(post(tokens.brandt, machineOffer(12)));
    await ok(post(tokens.anders, machineOffer(14)));
    const list = `query($m: ID!) { capacityPosts(first: 100, filter: { member: $m }) { totalCount nodes { id member { id } } } }`;
    const mine = (await ok(stack.query(list, { m: members.brandt }, tokens.brandt))).capacityPosts;
    expect(mine.nodes.length).toBeGreaterThanOrEqual(1);
    expect(mine.totalCount).toBe(mine.nodes.length);
    expect(new Set(mine.nodes.map((n: any) => n.member.id))).toEqual(new Set([members.brandt]));
    expect(mine.nodes.map((n: any) => n.id)).toContain(own.postCapacity.id);
    const withdrawn = await ok(
      stack.query(
        `mutation($id: ID!, $v: Int!) { withdrawCapacityPost(id: $id, version: $v) { id } }`,
        { id: own.postCapacity.id, v: own.postCapacity.version },
        tokens.brandt,
      ),
    );
    expect(withdrawn.withdrawCapacityPost.id).toBe(own.postCapacity.id);
    const after = (await ok(stack.query(list, { m: members.brandt }, tokens.brandt))).capacityPosts;
    expect(after.totalCount).toBe(mine.totalCount - 1);
    const bad = await stack.query(list, { m: 'brandt' }, tokens.brandt);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.member' });
  });
});

describe('capacityBalance', () => {
  test('matches a hand-computed fixture, in the graph and as CSV', async () => {
    const w10 = monday(10);
    const w11 = monday(11);
    const forging = { kind: 'MACHINE_HOURS', process: '2.1.3', postalCode: '37269' };
    const o1 = (await ok(post(tokens.anders, { ...forging, side: 'OFFER', hours: 80, from: w10, to: monday(10, 4) }))).postCapacity;
    // Thursday to Tuesday: two working days in each week.
    await ok(post(tokens.conrad, { ...forging, side: 'OFFER', hours: 60, from: monday(10, 3), to: monday(11, 1), postalCode: '99817' }));
    await ok(post(tokens.brandt, { ...forging, side: 'REQUEST', hours: 50, from: w11, to: monday(11, 4), postalCode: '99974' }));
    const booking = (await ok(book(tokens.brandt, o1.id, 20, w10, monday(10, 1)))).bookCapacity;
    await ok(stack.query(`mutation($id: ID!) { confirmCapacityBooking(id: $id) { status } }`, { id: booking.id }, tokens.anders));
    // A requested (unconfirmed) booking does not count as booked.
    await ok(book(tokens.brandt, o1.id, 10, monday(10, 2), monday(10, 2)));

    const [k10, k11] = [isoWeek(w10), isoWeek(w11)];
    const expected = [
      { week: k10, network: 'KONAT', offeredHours: 30, requestedHours: 0, bookedHours: 0, balanceHours: 30 },
      { week: k10, network: 'NIWE', offeredHours: 80, requestedHours: 0, bookedHours: 20, balanceHours: 80 },
      { week: k10, network: null, offeredHours: 110, requestedHours: 0, bookedHours: 20, balanceHours: 110 },
      { week: k11, network: 'KONAT', offeredHours: 30, requestedHours: 0, bookedHours: 0, balanceHours: 30 },
      { week: k11, network: 'LINAT', offeredHours: 0, requestedHours: 50, bookedHours: 0, balanceHours: -50 },
      { week: k11, network: null, offeredHours: 30, requestedHours: 50, bookedHours: 0, balanceHours: -20 },
    ].map((r) => ({ ...r, kind: 'MACHINE_HOURS', system: '2.1.3' }));

    const rows = (
      await ok(
        stack.query(
          `query($f: String!, $t: String!) { capacityBalance(from: $f, to: $t, kind: MACHINE_HOURS) { week kind system network offeredHours requestedHours bookedHours balanceHours } }`,
          { f: w10, t: monday(11, 6) },
          tokens.niweOffice,
        ),
      )
    ).capacityBalance;
    expect(rows.filter((r: any) => r.system === '2.1.3')).toEqual(expected);
    // Whole weeks whatever the days asked: from a Wednesday to a Tuesday gives the same rows, not part of each week.
    const midweek = (
      await ok(
        stack.query(
          `query($f: String!, $t: String!) { capacityBalance(from: $f, to: $t, kind: MACHINE_HOURS) { week kind system network offeredHours requestedHours bookedHours balanceHours } }`,
          { f: monday(10, 2), t: monday(11, 1) },
          tokens.niweOffice,
        ),
      )
    ).capacityBalance;
    expect(midweek.filter((r: any) => r.system === '2.1.3')).toEqual(expected);

    const csv = await fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/export/capacity-balance.csv?from=${w10}&to=${monday(11, 6)}&kind=MACHINE_HOURS`, {
      headers: { authorization: `Bearer ${tokens.niweOffice}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    // Named by the whole weeks its rows cover, not the days asked for.
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="capacity-balance-${isoWeek(w10)}-${isoWeek(monday(11, 6))}-machine-hours.csv"`);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('week,kind,system,network,offeredHours,requestedHours,bookedHours,balanceHours');
    const forged = lines.filter((l) => l.includes(',2.1.3,'));
    expect(forged).toEqual(
      expected.map((r) => [r.week, r.kind, r.system, r.network ?? 'REGION', r.offeredHours, r.requestedHours, r.bookedHours, r.balanceHours].join(',')),
    );

    // The Excel form: the process code kept text (3.2.3 became a date), hours with a decimal comma.
    const excel = await fetch(
      `${stack.gatewayUrl.replace(/\/graphql$/, '')}/export/capacity-balance.csv?from=${w10}&to=${monday(11, 6)}&kind=MACHINE_HOURS&form=excel`,
      { headers: { authorization: `Bearer ${tokens.niweOffice}` } },
    );
    expect(excel.headers.get('content-disposition')).toBe(
      `attachment; filename="capacity-balance-${isoWeek(w10)}-${isoWeek(monday(11, 6))}-machine-hours-excel.csv"`,
    );
    // text() drops the BOM: read as Excel does.
    const excelLines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await excel.arrayBuffer()).split('\r\n');
    expect(excelLines[0]).toBe('\ufeffweek;kind;system;network;offeredHours;requestedHours;bookedHours;balanceHours');
    const wrapped = '"=""2.1.3"""';
    expect(excelLines.filter((l) => l.includes(`;${wrapped};`))).toEqual(
      expected.map((r) =>
        [r.week, r.kind, wrapped, r.network ?? 'REGION', r.offeredHours, r.requestedHours, r.bookedHours, r.balanceHours]
          .map((v) => (typeof v === 'number' ? String(v).replace('.', ',') : v))
          .join(';'),
      ),
    );

    const anonymous = await fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/export/capacity-balance.csv?from=${w10}&to=${w11}`);
    expect(anonymous.status).toBe(401);
    const bad = await fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/export/capacity-balance.csv?from=${w11}&to=${w10}`, {
      headers: { authorization: `Bearer ${tokens.niweOffice}` },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].message).toMatch(/lies before from/);
  });

  test('counts the days from today on: a window begun has its hours on its days ahead, at most what they hold; one that has ended none', async () => {
    // The expected rows name this week and today; the test reads the region's day as it goes, the server when it answers.
    await until(() => regionDay() === regionDay(new Date(Date.now() + 120_000)), "the region's midnight is two minutes away", 130_000);
    const weekday = (new Date(`${regionDay()}T00:00:00Z`).getUTCDay() + 6) % 7;
    const twoWeeksAgo = regionDayAfter(-weekday - 14);
    const nextFriday = regionDayAfter(-weekday + 11);
    // Working days from today to this Friday (none on a weekend), then next week's five.
    const thisWeek = Math.max(0, 5 - weekday);
    const ahead = thisWeek + 5;
    const [k0, k1] = [isoWeek(regionDayAfter(-weekday)), isoWeek(regionDayAfter(-weekday + 7))];
    const moveBack = (table: 'capacity_post' | 'capacity_booking', id: string, from: string, to: string) =>
      stack.region.orm.em
        .fork()
        .getConnection()
        .execute(`update ${table} set from_date = ?, to_date = ? where id = ?`, [from, to, Number(id.split('-')[1])]);

    // Posted as if two weeks ago (their windows moved back here, not waited for): an offer of 80 hours from the Monday
    // two weeks ago to next Friday, 20 working days, with a confirmed booking of 20 hours of it over the same days; an
    // offer of 480, four weeks of 24 hours a day; a request whose window ended last week.
    const rolling = { kind: 'MACHINE_HOURS', process: '2.1.1', postalCode: '37269' };
    const offer = (await ok(post(tokens.anders, { ...rolling, side: 'OFFER', hours: 80, from: regionDayAfter(0), to: nextFriday }))).postCapacity;
    const booking = (await ok(book(tokens.brandt, offer.id, 20, regionDayAfter(0), nextFriday))).bookCapacity;
    await ok(stack.query(`mutation($id: ID!) { confirmCapacityBooking(id: $id) { status } }`, { id: booking.id }, tokens.anders));
    await moveBack('capacity_post', offer.id, twoWeeksAgo, nextFriday);
    await moveBack('capacity_booking', booking.id, twoWeeksAgo, nextFriday);
    const full = (await ok(post(tokens.conrad, { ...rolling, process: '2.1.2', side: 'OFFER', hours: 480, from: regionDayAfter(0), to: regionDayAfter(27) })))
      .postCapacity;
    await moveBack('capacity_post', full.id, twoWeeksAgo, nextFriday);
    const ended = (await ok(post(tokens.brandt, { ...rolling, process: '2.1.4', side: 'REQUEST', hours: 50, from: regionDayAfter(0), to: nextFriday })))
      .postCapacity;
    await moveBack('capacity_post', ended.id, twoWeeksAgo, regionDayAfter(-weekday - 3));

    // Spread over the days ahead: the 80 hours (and the booking's 20) on this week's days from today and next week's,
    // none on the weeks gone or on this week's days before today; the 480 at most the 24 hours a day those days hold;
    // the request that ended not at all, though the balance asks for its weeks.
    const round = (n: number) => Math.round(n * 100) / 100;
    const week = (label: string, days: number, system: string, network: string, offered: number, booked: number) =>
      days === 0
        ? []
        : [network, null].map((scope) => ({
            week: label,
            kind: 'MACHINE_HOURS',
            system,
            network: scope,
            offeredHours: round((offered * days) / ahead),
            requestedHours: 0,
            bookedHours: round((booked * days) / ahead),
            balanceHours: round((offered * days) / ahead),
          }));
    const expected = [
      ...week(k0, thisWeek, '2.1.1', 'NIWE', 80, 20),
      ...week(k0, thisWeek, '2.1.2', 'KONAT', 24 * ahead, 0),
      ...week(k1, 5, '2.1.1', 'NIWE', 80, 20),
      ...week(k1, 5, '2.1.2', 'KONAT', 24 * ahead, 0),
    ];
    const systems = ['2.1.1', '2.1.2', '2.1.4'];
    const rows = (
      await ok(
        stack.query(
          `query($f: String!, $t: String!) { capacityBalance(from: $f, to: $t, kind: MACHINE_HOURS) { week kind system network offeredHours requestedHours bookedHours balanceHours } }`,
          { f: twoWeeksAgo, t: nextFriday },
          tokens.niweOffice,
        ),
      )
    ).capacityBalance;
    expect(rows.filter((r: any) => systems.includes(r.system))).toEqual(expected);

    // The CSV, in both forms, holds the same rows.
    const line = (r: (typeof expected)[number], separator: string, decimal: string, system: string) =>
      [r.week, r.kind, system, r.network ?? 'REGION', r.offeredHours, r.requestedHours, r.bookedHours, r.balanceHours]
        .map((v) => (typeof v === 'number' ? String(v).replace('.', decimal) : v))
        .join(separator);
    const path = `${stack.gatewayUrl.replace(/\/graphql$/, '')}/export/capacity-balance.csv?from=${twoWeeksAgo}&to=${nextFriday}&kind=MACHINE_HOURS`;
    const headers = { authorization: `Bearer ${tokens.niweOffice}` };
    const plain = (await (await fetch(path, { headers })).text()).trim().split('\n');
    expect(plain.filter((l) => systems.some((system) => l.includes(`,${system},`)))).toEqual(expected.map((r) => line(r, ',', '.', r.system)));
    const excel = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await fetch(`${path}&form=excel`, { headers })).arrayBuffer()).split('\r\n');
    const excelSystem = (system: string) => `"=""${system}"""`;
    expect(excel.filter((l) => systems.some((system) => l.includes(`;${excelSystem(system)};`)))).toEqual(
      expected.map((r) => line(r, ';', ',', excelSystem(r.system))),
    );
  }, 200_000);
});
