import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NewsItemSchema, type NewsItem } from '../shared/news/news.entity.ts';
import { createMember } from './support/members.ts';
import { ok, startStack, type GraphQLResponse, type Stack } from './support/stack.ts';

// News and events through the gateway: offices of two networks and admin
// publish, members and offices register, the feed merges every database.

let stack: Stack;
const tokens: Record<string, string> = {};
/** The gateway's origin, for its plain routes. */
const origin = () => stack.gatewayUrl.replace(/\/graphql$/, '');
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const publishMutation = `mutation($network: NetworkCode, $input: NewsInput!) {
  publishNews(network: $network, input: $input) { id kind title visibility network { code } registrationLimit registeredCount waitingCount calendarPath }
}`;
const registerMutation = `mutation($eventId: ID!, $memberId: ID, $participant: ParticipantInput!) {
  registerForEvent(eventId: $eventId, memberId: $memberId, participant: $participant) { id eventId status waitingPosition participant email }
}`;
const cancelMutation = `mutation($id: ID!) { cancelEventRegistration(id: $id) { cancelled { id status } movedUp { id email status } } }`;
const registrationsQuery = `query($eventId: ID!) { eventRegistrations(eventId: $eventId) { id email status waitingPosition } }`;
const feedQuery = `query($first: Int, $after: String, $filter: FeedFilter) {
  feed(first: $first, after: $after, filter: $filter) { edges { cursor node { id title visibility publishedAt } } pageInfo { hasNextPage endCursor } }
}`;

function event(title: string, extra: Record<string, unknown> = {}) {
  return { kind: 'EVENT', title, text: `${title}: Programm folgt.`, visibility: 'PUBLIC', startsAt: inDays(30), place: 'Bad Salzuflen', ...extra };
}

async function publish(token: string, network: string | null, input: Record<string, unknown>) {
  return (await ok(stack.query(publishMutation, { network, input }, token))).publishNews as { id: string; calendarPath: string | null };
}

function codeOf(res: GraphQLResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

beforeAll(async () => {
  // 50 registrations for one event queue on its row lock; on a busy machine the last ones wait longer than
  // region's default 2 s for a network, which would answer NETWORK_UNAVAILABLE for a registration that is still coming.
  stack = await startStack({ networkTimeoutMs: 10_000 });
  tokens.admin = await stack.token({ role: 'admin' });
  tokens.niweOffice = await stack.token({ role: 'office', network: 'NIWE' });
  tokens.linatOffice = await stack.token({ role: 'office', network: 'LINAT' });
  tokens.niweMember = await stack.token({ role: 'member', network: 'NIWE', memberId: 'NIWE:m-1' });
  tokens.linatMember = await stack.token({ role: 'member', network: 'LINAT', memberId: 'LINAT:m-1' });
  tokens.partner = await stack.token({ role: 'partner' });
  // The members offices register (NIWE:m-1..8, LINAT:m-1..3): the databases start empty, and an unknown member is NOT_FOUND.
  for (const [network, count] of [
    ['NIWE', 8],
    ['LINAT', 3],
  ] as const) {
    for (let i = 1; i <= count; i++) {
      const input = { name: `${network} Mitglied ${i}`, postalCode: '37269', city: 'Eschwege' };
      expect((await createMember(stack, tokens.admin, network, input)).id).toBe(`${network}:m-${i}`);
    }
  }
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe('publishing', () => {
  test("offices publish for their own network, admin region-wide; members-only items only for the cooperation's people", async () => {
    const niwe = await publish(tokens.niweOffice, 'NIWE', { kind: 'NEWS', title: 'Neues Mitglied in Eschwege', text: 'Willkommen!', visibility: 'MEMBERS' });
    const linat = await publish(tokens.linatOffice, 'LINAT', event('Stammtisch Leinefelde'));
    const region = await publish(tokens.admin, null, event('Netzwerkmesse Bad Salzuflen', { registrationLimit: 100, registrationDeadline: inDays(20) }));
    expect([niwe.id, linat.id, region.id]).toEqual([
      expect.stringMatching(/^NIWE:n-\d+$/),
      expect.stringMatching(/^LINAT:n-\d+$/),
      expect.stringMatching(/^REGION:n-\d+$/),
    ]);
    expect(region.calendarPath).toBe(`/calendar/event.ics?id=${encodeURIComponent(region.id)}`);

    const ids = async (token?: string) => (await ok(stack.query(feedQuery, { first: 100 }, token))).feed.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await ids(tokens.niweMember)).toEqual(expect.arrayContaining([niwe.id, linat.id, region.id]));
    const anonymous = await ids();
    expect(anonymous).toEqual(expect.arrayContaining([linat.id, region.id]));
    expect(anonymous).not.toContain(niwe.id);
    expect(await ids(tokens.partner)).not.toContain(niwe.id);
    expect((await ok(stack.query(`query($id: ID!) { newsItem(id: $id) { id } }`, { id: niwe.id }))).newsItem).toBeNull();
  });

  test('bad input is refused with its code and changes nothing', async () => {
    const before = (await ok(stack.query(feedQuery, { first: 100 }, tokens.admin))).feed.edges.length;
    const refusals: [string, string | null, Record<string, unknown>, string][] = [
      [tokens.niweOffice, 'NIWE', event('Vergangen', { startsAt: inDays(-1) }), 'BAD_USER_INPUT'],
      [tokens.niweOffice, 'NIWE', event('Frist danach', { registrationDeadline: inDays(31) }), 'BAD_USER_INPUT'],
      [tokens.niweOffice, 'NIWE', event('Null Plätze', { registrationLimit: 0 }), 'BAD_USER_INPUT'],
      [tokens.niweOffice, 'NIWE', { kind: 'NEWS', title: 'News mit Datum', text: 'x', visibility: 'PUBLIC', startsAt: inDays(3) }, 'BAD_USER_INPUT'],
      [tokens.niweOffice, 'LINAT', event('Fremdes Netzwerk'), 'FORBIDDEN'],
      [tokens.niweOffice, null, event('Regionweit als Büro'), 'FORBIDDEN'],
      [tokens.niweMember, 'NIWE', event('Als Mitglied'), 'FORBIDDEN'],
    ];
    for (const [token, network, input, code] of refusals) {
      expect(codeOf(await stack.query(publishMutation, { network, input }, token)), String(input.title)).toBe(code);
    }
    // Named as the argument's path, from a network and from region alike (it said startsAt); the key as itself.
    const keyed = publishMutation.replace(
      'publishNews(network: $network, input: $input)',
      'publishNews(network: $network, input: $input, idempotencyKey: " ")',
    );
    for (const network of ['NIWE', null]) {
      const refused = await stack.query(publishMutation, { network, input: event('Vergangen', { startsAt: inDays(-1) }) }, tokens.admin);
      expect(refused.errors?.[0].extensions, String(network)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsAt' });
      const blankKey = await stack.query(keyed, { network, input: event('Mit leerem Schlüssel') }, tokens.admin);
      expect(blankKey.errors?.[0].extensions, String(network)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    }
    const participant = { name: 'Anna', email: 'anna@example.com' };
    expect(codeOf(await stack.query(registerMutation, { eventId: 'NIWE:n-999999', participant }, tokens.niweMember))).toBe('NOT_FOUND');
    expect(codeOf(await stack.query(registerMutation, { eventId: 'REGION:n-999999', participant }, tokens.niweMember))).toBe('NOT_FOUND');
    expect(codeOf(await stack.query(registerMutation, { eventId: 'nonsense', participant }, tokens.niweMember))).toBe('BAD_USER_INPUT');
    // Past an integer column: NOT_AN_ID at the field, not the networks' internal variable error.
    for (const [text, variables] of [
      [registerMutation, { eventId: 'NIWE:n-99999999999', participant }],
      [`query($id: ID!) { newsItem(id: $id) { id } }`, { id: 'LINAT:n-2147483648' }],
      [cancelMutation, { id: 'NIWE:r-99999999999' }],
    ] as const) {
      const refused = await stack.query(text, variables, tokens.niweMember);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_AN_ID' });
      expect(refused.errors?.[0]?.message).not.toMatch(/Variable|Int cannot/);
    }
    // An unknown member, named by its office or admin, for an event of a network and a region-wide one.
    const upcoming = await publish(tokens.niweOffice, 'NIWE', event('Unbekannte Mitglieder'));
    const regionWide = await publish(tokens.admin, null, event('Unbekannte Mitglieder regionweit'));
    for (const [eventId, token] of [
      [upcoming.id, tokens.niweOffice],
      [regionWide.id, tokens.admin],
    ]) {
      const unknown = await stack.query(registerMutation, { eventId, memberId: 'NIWE:m-999999', participant }, token);
      expect([codeOf(unknown), unknown.errors?.[0].message]).toEqual(['NOT_FOUND', 'Member NIWE:m-999999 does not exist.']);
    }
    expect(codeOf(await stack.query(registerMutation, { eventId: upcoming.id, memberId: 'm-1', participant }, tokens.niweOffice))).toBe('BAD_USER_INPUT');
    expect(codeOf(await stack.query(registerMutation, { eventId: upcoming.id, participant: { name: ' ', email: 'a@example.com' } }, tokens.niweMember))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await stack.query(registerMutation, { eventId: upcoming.id, participant: { name: 'Anna', email: 'kein' } }, tokens.niweMember))).toBe(
      'BAD_USER_INPUT',
    );
    for (const id of [upcoming.id, regionWide.id])
      expect((await ok(stack.query(registrationsQuery, { eventId: id }, id.startsWith('NIWE') ? tokens.niweOffice : tokens.admin))).eventRegistrations).toEqual(
        [],
      );
    expect(codeOf(await stack.query(cancelMutation, { id: 'REGION:r-999999' }, tokens.admin))).toBe('NOT_FOUND');
    expect(codeOf(await stack.query(cancelMutation, { id: 'NIWE:n-1' }, tokens.admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await stack.query(cancelMutation, { id: 'LINAT:r-999999' }, tokens.linatMember))).toBe('NOT_FOUND');
    // Another company's registration is not there for a member or another network's office: a FORBIDDEN named
    // its member, and the ids count up, so stepping through them told who had registered for what.
    const theirs = (
      await ok(stack.query(registerMutation, { eventId: upcoming.id, participant: { name: 'Ida Fremd', email: 'ida@fremd.example' } }, tokens.niweMember))
    ).registerForEvent as { id: string };
    for (const token of [tokens.linatMember, tokens.linatOffice]) {
      const res = await stack.query(cancelMutation, { id: theirs.id }, token);
      expect(res.errors?.[0]).toMatchObject({ message: `Registration ${theirs.id} does not exist.`, extensions: { code: 'NOT_FOUND' } });
      expect(JSON.stringify(res)).not.toContain('NIWE:m-');
    }
    expect(codeOf(await stack.query(cancelMutation, { id: theirs.id }))).toBe('UNAUTHENTICATED');
    // Anonymous callers learn nothing either: an id that does not exist is UNAUTHENTICATED too.
    expect(codeOf(await stack.query(cancelMutation, { id: 'NIWE:r-999999' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await stack.query(cancelMutation, { id: 'REGION:r-999999' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await stack.query(registrationsQuery, { eventId: 'LINAT:n-999999' }, tokens.linatOffice))).toBe('NOT_FOUND');
    expect(codeOf(await stack.query(registrationsQuery, { eventId: 'REGION:n-999999' }, tokens.admin))).toBe('NOT_FOUND');
    expect((await ok(stack.query(feedQuery, { first: 100 }, tokens.admin))).feed.edges.length).toBe(before + 2);
  });
});

describe('publishing with an idempotency key', () => {
  const keyed = `mutation($network: NetworkCode, $input: NewsInput!, $key: String) { publishNews(network: $network, input: $input, idempotencyKey: $key) { id title } }`;
  const count = async () => (await ok(stack.query(feedQuery, { first: 100 }, tokens.admin))).feed.edges.length;

  for (const [label, network, office] of [
    ['a network', 'NIWE', 'niweOffice'],
    ['region', null, 'admin'],
  ] as const) {
    test(`${label}: a retry with the same key and input answers the first item and publishes nothing; other input is CONFLICT`, async () => {
      const input = event(`Wiederholt ${label}`);
      const before = await count();
      const first = (await ok(stack.query(keyed, { network, input, key: `rundbrief-${label}` }, tokens[office]))).publishNews;
      const retries = await Promise.all(Array.from({ length: 3 }, () => stack.query(keyed, { network, input, key: `rundbrief-${label}` }, tokens[office])));
      for (const r of retries) expect(r.data?.publishNews, JSON.stringify(r.errors)).toEqual(first);
      expect(await count()).toBe(before + 1);

      const other = await stack.query(keyed, { network, input: { ...input, title: 'Anderer Titel' }, key: `rundbrief-${label}` }, tokens[office]);
      expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
      expect(other.errors?.[0].message).toMatch(/different input/);
      expect(await count()).toBe(before + 1);
      // An empty key is no key: refused rather than taken as none.
      const bad = await stack.query(keyed, { network, input, key: '' }, tokens[office]);
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(await count()).toBe(before + 1);
    });
  }
});

describe('registration', () => {
  test('registering twice is CONFLICT, news takes none, and registration past the deadline is refused', async () => {
    const { id } = await publish(tokens.niweOffice, 'NIWE', event('Workshop Härten', { registrationLimit: 5 }));
    const participant = { name: 'Bernd', email: 'bernd@example.com' };
    const first = (await ok(stack.query(registerMutation, { eventId: id, participant }, tokens.niweMember))).registerForEvent;
    expect(first).toMatchObject({ eventId: id, status: 'REGISTERED', waitingPosition: null });
    const again = await stack.query(registerMutation, { eventId: id, participant: { ...participant, email: 'BERND@example.com' } }, tokens.linatMember);
    expect(codeOf(again)).toBe('CONFLICT');
    expect((await ok(stack.query(registrationsQuery, { eventId: id }, tokens.niweOffice))).eventRegistrations).toHaveLength(1);

    const news = await publish(tokens.niweOffice, 'NIWE', { kind: 'NEWS', title: 'Rundbrief', text: 'Text', visibility: 'PUBLIC' });
    expect(codeOf(await stack.query(registerMutation, { eventId: news.id, participant }, tokens.niweMember))).toBe('BAD_USER_INPUT');

    // A deadline cannot be set in the past through the API, so the test writes the closed event itself.
    const em = stack.networks.get('NIWE')!.orm.em.fork();
    const closed = em.create(NewsItemSchema, {
      kind: 'EVENT',
      title: 'Geschlossen',
      text: 'Anmeldung vorbei',
      visibility: 'PUBLIC',
      startsAt: new Date(Date.now() + 86_400_000),
      registrationDeadline: new Date(Date.now() - 60_000),
    } as NewsItem);
    await em.flush();
    const late = await stack.query(registerMutation, { eventId: `NIWE:n-${closed.id}`, participant }, tokens.niweMember);
    expect(codeOf(late)).toBe('CONFLICT');
    expect(late.errors![0].message).toMatch(/closed/);
  });

  test('members-only events are not there for a partner, and offices register only their own members', async () => {
    const { id } = await publish(tokens.linatOffice, 'LINAT', event('Nur für Mitglieder', { visibility: 'MEMBERS' }));
    const participant = { name: 'Cora', email: 'cora@example.com' };
    expect(codeOf(await stack.query(registerMutation, { eventId: id, participant }, tokens.partner))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(registerMutation, { eventId: id, memberId: 'NIWE:m-3', participant }, tokens.linatOffice))).toBe('FORBIDDEN');
    const byOffice = (await ok(stack.query(registerMutation, { eventId: id, memberId: 'LINAT:m-3', participant }, tokens.linatOffice))).registerForEvent;
    expect(byOffice.status).toBe('REGISTERED');
    expect(codeOf(await stack.query(registrationsQuery, { eventId: id }, tokens.niweOffice))).toBe('FORBIDDEN');
  });

  test('the same person registered ten times at once: one registration, nine CONFLICTs that say why', async () => {
    const { id } = await publish(tokens.niweOffice, 'NIWE', event('Anwendertreffen', { registrationLimit: 3 }));
    const participant = { name: 'Dora', email: 'dora@example.com' };
    const results = await Promise.all(Array.from({ length: 10 }, () => stack.query(registerMutation, { eventId: id, participant }, tokens.niweMember)));
    expect(results.filter((r) => r.data?.registerForEvent?.status === 'REGISTERED')).toHaveLength(1);
    const refused = results.filter((r) => r.errors);
    expect(refused).toHaveLength(9);
    for (const r of refused) {
      expect(codeOf(r)).toBe('CONFLICT');
      expect(r.errors![0].message).toBe(`dora@example.com is already registered for ${id}.`);
    }
    expect((await ok(stack.query(registrationsQuery, { eventId: id }, tokens.niweOffice))).eventRegistrations).toHaveLength(1);
  });

  for (const [label, network, office] of [
    ['a network', 'LINAT', 'linatOffice'],
    ['region', null, 'admin'],
  ] as const) {
    test(`50 simultaneous registrations for ${label}'s event with 20 places: 20 registered, 30 waiting in order; a cancellation moves the first up`, async () => {
      const { id } = await publish(tokens[office], network, event(`Betriebsbesichtigung ${label}`, { registrationLimit: 20 }));
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          stack.query(
            registerMutation,
            { eventId: id, participant: { name: `Teilnehmer ${i}`, email: `t${i}@example.com` } },
            i % 2 ? tokens.niweMember : tokens.linatMember,
          ),
        ),
      );
      const registrations = results.map((r) => {
        expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
        return r.data.registerForEvent as { id: string; status: string; waitingPosition: number | null };
      });
      expect(registrations.filter((r) => r.status === 'REGISTERED')).toHaveLength(20);
      const waiting = registrations.filter((r) => r.status === 'WAITING');
      expect(waiting.map((r) => r.waitingPosition).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));

      const list = (await ok(stack.query(registrationsQuery, { eventId: id }, tokens[office]))).eventRegistrations as {
        id: string;
        status: string;
        waitingPosition: number | null;
      }[];
      expect(list.map((r) => r.status)).toEqual([...Array(20).fill('REGISTERED'), ...Array(30).fill('WAITING')]);
      // The waiting list is in the order the registrations were taken: each got the position the list shows.
      const positionById = new Map(waiting.map((r) => [r.id, r.waitingPosition]));
      expect(list.slice(20).map((r) => positionById.get(r.id))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));

      const firstWaiting = list[20];
      const registered = registrations.find((r) => r.status === 'REGISTERED')!;
      const owner = results.indexOf(results.find((r) => r.data.registerForEvent.id === registered.id)!) % 2 ? tokens.niweMember : tokens.linatMember;
      // The publisher cancels, and sees who moved up; the owner's second try finds it cancelled.
      const cancelled = (await ok(stack.query(cancelMutation, { id: registered.id }, tokens[office]))).cancelEventRegistration;
      expect(cancelled).toMatchObject({ cancelled: { id: registered.id, status: 'CANCELLED' }, movedUp: { id: firstWaiting.id, status: 'REGISTERED' } });
      expect(codeOf(await stack.query(cancelMutation, { id: registered.id }, owner))).toBe('CONFLICT');

      const after = (await ok(stack.query(registrationsQuery, { eventId: id }, tokens[office]))).eventRegistrations as {
        id: string;
        status: string;
        waitingPosition: number | null;
      }[];
      expect(after.filter((r) => r.status === 'REGISTERED')).toHaveLength(20);
      expect(after.find((r) => r.id === firstWaiting.id)!.status).toBe('REGISTERED');
      expect(after.filter((r) => r.status === 'WAITING').map((r) => r.id)).toEqual(list.slice(21).map((r) => r.id));
      expect(after.filter((r) => r.status === 'WAITING').map((r) => r.waitingPosition)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
    });
  }
});

test('a member cancelling its place is not told who of another network moved up; that member and the publisher are', async () => {
  for (const [network, office] of [
    ['NIWE', 'niweOffice'],
    [null, 'admin'],
  ] as const) {
    const { id } = await publish(tokens[office], network, event(`Werksführung ${network ?? 'Region'}`, { registrationLimit: 1 }));
    const mine = (await ok(stack.query(registerMutation, { eventId: id, participant: { name: 'Nora', email: 'nora@example.com' } }, tokens.niweMember)))
      .registerForEvent;
    const theirs = (await ok(stack.query(registerMutation, { eventId: id, participant: { name: 'Lars', email: 'lars@example.com' } }, tokens.linatMember)))
      .registerForEvent;
    expect([mine.status, theirs.status]).toEqual(['REGISTERED', 'WAITING']);
    const cancelled = (await ok(stack.query(cancelMutation, { id: mine.id }, tokens.niweMember))).cancelEventRegistration;
    expect(cancelled).toEqual({ cancelled: { id: mine.id, status: 'CANCELLED' }, movedUp: null });
    const list = (await ok(stack.query(registrationsQuery, { eventId: id }, tokens[office]))).eventRegistrations;
    expect(list).toMatchObject([{ id: theirs.id, status: 'REGISTERED' }]);
  }
});

test('the registration lists answer null with their own error beside the public fields', async () => {
  const { id } = await publish(tokens.niweOffice, 'NIWE', event('Offene Liste'));
  for (const [read, token, code] of [
    [`eventRegistrations(eventId: "${id}") { id }`, undefined, 'UNAUTHENTICATED'],
    [`eventRegistrations(eventId: "${id}") { id }`, tokens.linatOffice, 'FORBIDDEN'],
    ['myEventRegistrations { id }', undefined, 'UNAUTHENTICATED'],
    ['myEventRegistrations { id }', tokens.partner, 'FORBIDDEN'],
  ] as const) {
    const answer = await stack.query(`{ networks { code } list: ${read} }`, {}, token);
    expect([answer.data?.networks?.length, answer.data?.list, codeOf(answer)], read).toEqual([3, null, code]);
  }
});

describe('calendar', () => {
  /** The calendar at path, parsed by ical.js: its events, or the error response. */
  async function calendar(path: string, token?: string) {
    const res = await fetch(`${origin()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const body = await res.text();
    if (res.status !== 200) return { status: res.status, body, events: [] };
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const events = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    return { status: res.status, body, events };
  }

  test('one event as iCalendar, read back by a real parser: text with commas, semicolons, line breaks and umlauts survives', async () => {
    const title = 'Härterei-Tag; Vorträge, Führung';
    const text = 'Programm:\n1. Begrüßung, Kaffee\n2. Rundgang; danach Imbiss \\ Gespräche. '.repeat(3).trim();
    const input = event(title, { text, startsAt: '2030-05-04T08:30:00.000Z', endsAt: '2030-05-04T15:00:00.000Z', place: 'Eschwege, Halle 2' });
    const published = await publish(tokens.niweOffice, 'NIWE', input);
    const { status, events } = await calendar(published.calendarPath!);
    expect(status).toBe(200);
    expect(events).toHaveLength(1);
    const [parsed] = events;
    expect(parsed.uid).toBe(`${published.id}@innovationsregion-mitte.de`);
    expect(parsed.summary).toBe(title);
    expect(parsed.description).toBe(text);
    expect(parsed.location).toBe('Eschwege, Halle 2');
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2030-05-04T08:30:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2030-05-04T15:00:00.000Z');
  });

  test('lone carriage returns and other control characters cannot start lines or events of their own', async () => {
    const title = 'Harmlos\rEND:VEVENT\rBEGIN:VEVENT\rUID:fremd@example\rSUMMARY:Eingeschleust';
    const text = 'Zeile 1\rZeile 2\u000b\u0007 Ende';
    // A title is one line and no text takes a control character (shared/validation.ts visibleText)...
    const refused = await stack.query(publishMutation, { network: 'NIWE', input: event(title) }, tokens.niweOffice);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title', reason: 'CONTROL_CHARACTER', oneLine: true });
    const inText = await stack.query(publishMutation, { network: 'NIWE', input: event('Harmlos', { text }) }, tokens.niweOffice);
    expect(inText.errors?.[0].extensions).toMatchObject({ field: 'input.text', reason: 'CONTROL_CHARACTER' });
    // ...and the calendar writes what an older record holds without letting it start a line: put into NIWE's database.
    const published = await publish(tokens.niweOffice, 'NIWE', event('Harmlos'));
    await stack.networks
      .get('NIWE')!
      .orm.em.fork()
      .getConnection()
      .execute(`update "news_item" set "title" = ?, "text" = ? where "id" = ?`, [title, text, Number(published.id.split('-')[1])]);
    const { body, events } = await calendar(published.calendarPath!);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what the file may not hold
    expect(body.split('\r\n').some((line) => /[\r\n\x00-\x08\x0b-\x1f]/.test(line))).toBe(false);
    expect(events.map((e) => e.uid)).toEqual([`${published.id}@innovationsregion-mitte.de`]);
    expect(events[0].summary).toBe('Harmlos\nEND:VEVENT\nBEGIN:VEVENT\nUID:fremd@example\nSUMMARY:Eingeschleust');
    expect(events[0].description).toBe('Zeile 1\nZeile 2 Ende');
    expect(body).toContain('ORGANIZER;CN="NIWE');
  });

  test("a network's feed holds its events not over yet, members-only ones for signed-in callers", async () => {
    const open = await publish(tokens.linatOffice, 'LINAT', event('Offener Abend'));
    const closed = await publish(tokens.linatOffice, 'LINAT', event('Mitgliederversammlung', { visibility: 'MEMBERS' }));
    await publish(tokens.niweOffice, 'NIWE', event('Anderes Netzwerk'));
    const uids = async (token?: string) => (await calendar('/calendar/LINAT.ics', token)).events.map((e) => e.uid.split('@')[0]);
    const anonymous = await uids();
    expect(anonymous).toContain(open.id);
    expect(anonymous).not.toContain(closed.id);
    const member = await uids(tokens.niweMember);
    expect(member).toEqual(expect.arrayContaining([open.id, closed.id]));
    expect(member.every((id) => id.startsWith('LINAT:'))).toBe(true);
  });

  test("an event stays in its network's calendar and the upcoming feed while it runs (one without an end to its day's end), and leaves them when it has ended", async () => {
    const running = await publish(tokens.linatOffice, 'LINAT', event('Messe läuft', { endsAt: inDays(32) }));
    const ended = await publish(tokens.linatOffice, 'LINAT', event('Messe vorbei', { endsAt: inDays(32) }));
    const tonight = await publish(tokens.linatOffice, 'LINAT', event('Abend ohne Ende'));
    const lastNight = await publish(tokens.linatOffice, 'LINAT', event('Gestern ohne Ende'));
    // Published for days to come (a start in the past is refused), then moved into the past in LINAT's database: the
    // fair began yesterday and ends tomorrow, the other ended yesterday; of the evenings without an end one began a
    // second ago (today in Berlin but in the day's first second) and lasts to the day's end, the other began yesterday.
    const move = (id: string, startsAt: string, endsAt: string | null) =>
      stack.networks
        .get('LINAT')!
        .orm.em.fork()
        .getConnection()
        .execute(`update "news_item" set "starts_at" = ?, "ends_at" = ? where "id" = ?`, [startsAt, endsAt, Number(id.split('-')[1])]);
    await move(running.id, inDays(-1), inDays(1));
    await move(ended.id, inDays(-3), inDays(-1));
    await move(tonight.id, new Date(Date.now() - 1000).toISOString(), null);
    await move(lastNight.id, inDays(-1.1), null);
    const subscribed = (await calendar('/calendar/LINAT.ics')).events.map((e) => e.uid.split('@')[0]);
    expect(subscribed).toContain(running.id);
    expect(subscribed).not.toContain(ended.id);
    expect(subscribed).toContain(tonight.id);
    expect(subscribed).not.toContain(lastNight.id);
    const upcoming = await ok(stack.query(feedQuery, { first: 100, filter: { networks: ['LINAT'], regionWide: false, upcoming: true } }));
    const listed = upcoming.feed.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(listed).toContain(running.id);
    expect(listed).not.toContain(ended.id);
    expect(listed).toContain(tonight.id);
    expect(listed).not.toContain(lastNight.id);
  });

  test('unknown events are 404 NOT_FOUND, news is no event, a bad id is 400, and members-only events need a token', async () => {
    const news = await publish(tokens.niweOffice, 'NIWE', { kind: 'NEWS', title: 'Nur Text', text: 'x', visibility: 'PUBLIC' });
    const hidden = await publish(tokens.niweOffice, 'NIWE', event('Intern', { visibility: 'MEMBERS' }));
    for (const [path, status, code] of [
      ['/calendar/event.ics?id=NIWE:n-999999', 404, 'NOT_FOUND'],
      [`/calendar/event.ics?id=${encodeURIComponent(news.id)}`, 404, 'NOT_FOUND'],
      [hidden.calendarPath!, 404, 'NOT_FOUND'],
      ['/calendar/event.ics?id=nonsense', 400, 'BAD_USER_INPUT'],
      ['/calendar/event.ics', 400, 'BAD_USER_INPUT'],
    ] as const) {
      const res = await calendar(path);
      expect(res.status, path).toBe(status);
      expect(JSON.parse(res.body).errors[0].extensions.code).toBe(code);
    }
    expect((await calendar(hidden.calendarPath!, tokens.linatMember)).events).toHaveLength(1);
    // A calendar that is none names those there are (it said "No GraphQL endpoint …; use /graphql").
    const unknown = await calendar('/calendar/niwe.ics');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).errors[0]).toMatchObject({
      message: 'Nothing at /calendar/niwe.ics; under /calendar/ there are /calendar/event.ics, /calendar/NIWE.ics, /calendar/LINAT.ics, /calendar/KONAT.ics.',
      extensions: { code: 'NOT_FOUND' },
    });
  });
});

const myRegistrationsQuery = `query($first: Int, $memberId: ID) {
  myEventRegistrations(first: $first, memberId: $memberId) { id eventId status waitingPosition member { id } event { id title } }
}`;
/** A member's registrations in four databases, newest first, as the next describe blocks expect them. */
const ownRegistrations: { id: string; eventId: string; status: string; waitingPosition: number | null }[] = [];

describe("a member's own registrations", () => {
  test("across every network and the region, newest first, with status and place in line; an office sees its members'", async () => {
    const member = await stack.token({ role: 'member', network: 'NIWE', memberId: 'NIWE:m-7' });
    const niwe = await publish(tokens.niweOffice, 'NIWE', event('Eigene Anmeldungen NIWE', { registrationLimit: 1 }));
    const konat = await publish(tokens.admin, 'KONAT', event('Eigene Anmeldungen KONAT'));
    const region = await publish(tokens.admin, null, event('Eigene Anmeldungen Region', { registrationLimit: 1 }));
    const linat = await publish(tokens.linatOffice, 'LINAT', event('Eigene Anmeldungen LINAT'));
    const taken = (
      await ok(
        stack.query(
          registerMutation,
          { eventId: niwe.id, memberId: 'NIWE:m-2', participant: { name: 'Vorher', email: 'vorher@example.com' } },
          tokens.niweOffice,
        ),
      )
    ).registerForEvent;
    await ok(
      stack.query(registerMutation, { eventId: region.id, memberId: 'LINAT:m-2', participant: { name: 'Erste', email: 'erste@example.com' } }, tokens.admin),
    );

    const mine = [];
    for (const [i, e] of [niwe, konat, region, linat].entries()) {
      const participant = { name: `Sieben ${i}`, email: `sieben${i}@example.com` };
      mine.push((await ok(stack.query(registerMutation, { eventId: e.id, participant }, member))).registerForEvent);
    }
    await ok(
      stack.query(registerMutation, { eventId: linat.id, memberId: 'NIWE:m-8', participant: { name: 'Acht', email: 'acht@example.com' } }, tokens.niweOffice),
    );

    const list = (await ok(stack.query(myRegistrationsQuery, {}, member))).myEventRegistrations;
    expect(list.map((r: { id: string; status: string; waitingPosition: number | null }) => [r.id, r.status, r.waitingPosition])).toEqual([
      [mine[3].id, 'REGISTERED', null],
      [mine[2].id, 'WAITING', 1],
      [mine[1].id, 'REGISTERED', null],
      [mine[0].id, 'WAITING', 1],
    ]);
    expect(new Set(list.map((r: { member: { id: string } }) => r.member.id))).toEqual(new Set(['NIWE:m-7']));
    expect(list.map((r: { eventId: string }) => r.eventId)).toEqual([linat.id, region.id, konat.id, niwe.id]);
    expect(list.map((r: { event: { id: string; title: string } }) => [r.event.id, r.event.title])).toEqual([
      [linat.id, 'Eigene Anmeldungen LINAT'],
      [region.id, 'Eigene Anmeldungen Region'],
      [konat.id, 'Eigene Anmeldungen KONAT'],
      [niwe.id, 'Eigene Anmeldungen NIWE'],
    ]);
    expect((await ok(stack.query(myRegistrationsQuery, { first: 2 }, member))).myEventRegistrations.map((r: { id: string }) => r.id)).toEqual([
      mine[3].id,
      mine[2].id,
    ]);

    // The place freed moves NIWE:m-7 up, and its list says so.
    await ok(stack.query(cancelMutation, { id: taken.id }, tokens.niweOffice));
    const moved = (await ok(stack.query(myRegistrationsQuery, {}, member))).myEventRegistrations;
    expect(moved.at(-1)).toMatchObject({ id: mine[0].id, status: 'REGISTERED', waitingPosition: null });
    ownRegistrations.push(...moved);

    // The office: every registration of its members, newest first, in every database; none of another network's members.
    const office = (await ok(stack.query(myRegistrationsQuery, { first: 100 }, tokens.niweOffice))).myEventRegistrations as {
      id: string;
      member: { id: string };
    }[];
    expect(office.every((r) => r.member.id.startsWith('NIWE:'))).toBe(true);
    expect(office.slice(0, 5).map((r) => [r.id, r.member.id])).toEqual([
      [expect.stringMatching(/^LINAT:r-/), 'NIWE:m-8'],
      ...mine.toReversed().map((r: { id: string }) => [r.id, 'NIWE:m-7']),
    ]);
    expect(office.map((r) => r.id)).toContain(taken.id);
    // However many registrations and events: each network once for its registrations and once for their events.
    const calls = () => [...stack.region.clients.values()].reduce((sum, c) => sum + c.calls, 0);
    for (const [first, token] of [
      [1, member],
      [4, member],
      [100, tokens.niweOffice],
    ] as const) {
      const before = calls();
      const res = (await ok(stack.query(myRegistrationsQuery, { first }, token))).myEventRegistrations as { event: { id: string } | null }[];
      expect(res.every((r) => r.event !== null)).toBe(true);
      const sources = new Set(res.map((r) => r.event!.id.split(':')[0]).filter((source) => source !== 'REGION'));
      expect(calls() - before, `first ${first}`).toBe(3 + sources.size);
    }
    const one = (await ok(stack.query(myRegistrationsQuery, { memberId: 'NIWE:m-8' }, tokens.niweOffice))).myEventRegistrations;
    expect(one.map((r: { member: { id: string } }) => r.member.id)).toEqual(['NIWE:m-8']);
  });

  test('another member, another network, admin and anonymous callers are refused', async () => {
    const member = await stack.token({ role: 'member', network: 'NIWE', memberId: 'NIWE:m-7' });
    expect(codeOf(await stack.query(myRegistrationsQuery, { memberId: 'NIWE:m-8' }, member))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(myRegistrationsQuery, { memberId: 'LINAT:m-2' }, tokens.niweOffice))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(myRegistrationsQuery, { memberId: 'nonsense' }, tokens.niweOffice))).toBe('BAD_USER_INPUT');
    expect(codeOf(await stack.query(myRegistrationsQuery, {}, tokens.admin))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(myRegistrationsQuery, {}, tokens.partner))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(myRegistrationsQuery, {}))).toBe('UNAUTHENTICATED');
    expect(codeOf(await stack.query(myRegistrationsQuery, { first: 0 }, member))).toBe('BAD_USER_INPUT');
    expect(codeOf(await stack.query(myRegistrationsQuery, { first: 101 }, member))).toBe('BAD_USER_INPUT');
  });
});

describe('feed', () => {
  /** Every item of the feed, walked page by page in pages of `size`; the ids and the errors seen. */
  async function walk(size: number, token: string) {
    const ids: string[] = [];
    const codes = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse = await stack.query(feedQuery, { first: size, after }, token);
      for (const e of res.errors ?? []) codes.add(`${e.extensions?.code} ${e.extensions?.network ?? ''}`.trim());
      ids.push(...res.data.feed.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!res.data.feed.pageInfo.hasNextPage) return { ids, codes };
      after = res.data.feed.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    // Items published at the same instant in every database: the ties the order breaks by source and id.
    const at = new Date(Date.now() - 3_600_000);
    const databases = [...[...stack.networks.values()].map((s) => s.orm), stack.region.orm];
    for (const orm of databases) {
      const em = orm.em.fork();
      for (let i = 0; i < 3; i++)
        em.create(NewsItemSchema, { kind: 'NEWS', title: `Gleichzeitig ${i}`, text: 'x', visibility: 'PUBLIC', publishedAt: at } as NewsItem);
      await em.flush();
    }
    for (const [network, office] of [
      ['NIWE', 'niweOffice'],
      ['LINAT', 'linatOffice'],
      ['KONAT', 'admin'],
    ] as const) {
      for (let i = 0; i < 3; i++)
        await publish(tokens[office], network, { kind: 'NEWS', title: `${network} Nachricht ${i}`, text: 'x', visibility: i === 0 ? 'MEMBERS' : 'PUBLIC' });
    }
  });

  test('newest first, and the page walk in every page size yields each item once', async () => {
    const all = await ok(stack.query(feedQuery, { first: 100 }, tokens.admin));
    const edges = all.feed.edges as { node: { id: string; publishedAt: string } }[];
    expect(all.feed.pageInfo.hasNextPage).toBe(false);
    const times = edges.map((e) => Date.parse(e.node.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const expected = edges.map((e) => e.node.id);
    expect(new Set(expected.map((id) => id.split(':')[0]))).toEqual(new Set(['NIWE', 'LINAT', 'KONAT', 'REGION']));
    for (let size = 1; size <= expected.length + 1; size++) {
      const { ids, codes } = await walk(size, tokens.admin);
      expect(codes).toEqual(new Set());
      expect(ids, `page size ${size}`).toEqual(expected);
    }
  }, 120_000);

  test('a bad cursor and a bad page size are BAD_USER_INPUT', async () => {
    expect(codeOf(await stack.query(feedQuery, { first: 5, after: 'bm9wZQ' }))).toBe('BAD_USER_INPUT');
    // Hand-made cursors whose time no Date writes (year 10000 and after) failed every network's page as
    // INTERNAL_SERVER_ERROR; one whose id is past the networks' Int came back as their API's coercion error.
    const cursor = (at: number, localId: number) => Buffer.from(JSON.stringify(['feed', at, 'NIWE', localId])).toString('base64url');
    for (const after of [cursor(8_640_000_000_000_000, 1), cursor(253_402_300_800_000, 1), cursor(-62_167_219_200_001, 1), cursor(Date.now(), 2 ** 31)]) {
      const res = await stack.query(feedQuery, { first: 2, after });
      expect(res.errors, after).toHaveLength(1);
      expect(res.errors?.[0], after).toMatchObject({ path: ['feed'], extensions: { code: 'BAD_USER_INPUT', field: 'after', reason: 'NOT_A_CURSOR' } });
    }
    expect(codeOf(await stack.query(feedQuery, { first: 0 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await stack.query(feedQuery, { first: 101 }))).toBe('BAD_USER_INPUT');
  });

  test('SQL statements per feed request do not grow with the page size', async () => {
    const databases = [...[...stack.networks.values()].map((s) => s.sql), stack.region.sql];
    const count = () => databases.reduce((sum, c) => sum + c.count, 0);
    const counts: number[] = [];
    for (const first of [1, 5, 20, 100]) {
      const before = count();
      const res = await ok(stack.query(feedQuery, { first }, tokens.admin));
      expect(res.feed.edges.length).toBeGreaterThanOrEqual(Math.min(first, 20));
      counts.push(count() - before);
    }
    // One page statement in each of the three networks and in region.
    expect(counts).toEqual([4, 4, 4, 4]);
  });

  test('with one network stopped, the walk yields every other item once and NETWORK_UNAVAILABLE names it', async () => {
    const expected = (await ok(stack.query(feedQuery, { first: 100 }, tokens.admin))).feed.edges
      .map((e: { node: { id: string } }) => e.node.id)
      .filter((id: string) => !id.startsWith('KONAT:'));
    await stack.stopNetwork('KONAT');
    for (let size = 1; size <= expected.length + 1; size++) {
      const { ids, codes } = await walk(size, tokens.admin);
      expect(ids, `page size ${size}`).toEqual(expected);
      expect(codes).toEqual(new Set(['NETWORK_UNAVAILABLE KONAT']));
    }
    // Its calendar would look complete with its events missing, so it is refused.
    const res = await fetch(`${origin()}/calendar/KONAT.ics`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as GraphQLResponse).errors![0].extensions!.code).toBe('NETWORK_UNAVAILABLE');
  }, 120_000);

  test('a page a network is missing from says so, and that the walk on from it lacks that network’s items', async () => {
    // KONAT stopped (above; again when this test runs alone). The cursor is one position in the feed's order: the pages
    // walked on from it start behind it in KONAT too, so KONAT's items before it never come, even once KONAT answers.
    await stack.stopNetwork('KONAT');
    const page = `query($after: String) { feed(first: 5, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor missingNetworks } } }`;
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const res: GraphQLResponse = await stack.query(page, { after }, tokens.admin);
      expect(res.data.feed.pageInfo.missingNetworks).toEqual(['KONAT']);
      expect(res.errors).toEqual([
        expect.objectContaining({
          path: ['feed'],
          message:
            "Network KONAT did not answer; results from it are missing. This page lacks KONAT's news and events, and so does every page walked on from its endCursor: to get every item, start the walk again once KONAT answers.",
          extensions: expect.objectContaining({ code: 'NETWORK_UNAVAILABLE', network: 'KONAT', walkIncomplete: true }),
        }),
      ]);
      if (!res.data.feed.pageInfo.hasNextPage) break;
      after = res.data.feed.pageInfo.endCursor;
    }
    expect(after).not.toBeNull();
    // A page of the networks that answer lacks nothing.
    const others = await stack.query(`{ feed(first: 5, filter: { networks: [NIWE, LINAT] }) { pageInfo { missingNetworks } } }`, {}, tokens.admin);
    expect(others.errors).toBeUndefined();
    expect(others.data.feed.pageInfo.missingNetworks).toEqual([]);
  });
});

describe("a member's own registrations with a network stopped", () => {
  test('the others are listed, newest first, with NETWORK_UNAVAILABLE naming it', async () => {
    // The feed's last test stopped KONAT.
    const member = await stack.token({ role: 'member', network: 'NIWE', memberId: 'NIWE:m-7' });
    const res = await stack.query(myRegistrationsQuery, {}, member);
    expect(res.data.myEventRegistrations.map((r: { id: string }) => r.id)).toEqual(ownRegistrations.map((r) => r.id).filter((id) => !id.startsWith('KONAT:')));
    expect(ownRegistrations.filter((r) => r.id.startsWith('KONAT:'))).toHaveLength(1);
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.network])).toEqual([['NETWORK_UNAVAILABLE', 'KONAT']]);
  });
});
