import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NewsItemSchema } from '../shared/news/news.entity.ts';
import { OutboxEventSchema } from '../subgraphs/region/inquiries/entities.ts';
import { createMember } from './support/members.ts';
import { ok, startStack, type GraphQLResponse, type Stack } from './support/stack.ts';

// A publisher corrects or withdraws what it published (updateNews, withdrawNews): for a network's item through
// its internal API and for a region-wide one in region's database, alike. The registrants hear what concerns
// them through region's outbox (EVENT_MOVED_UP, EVENT_CHANGED, EVENT_WITHDRAWN).

let stack: Stack;
const tokens: Record<string, string> = {};
const origin = () => stack.gatewayUrl.replace(/\/graphql$/, '');
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const itemFields = 'id kind title text visibility place startsAt registrationLimit registeredCount waitingCount publishedAt updatedAt withdrawnAt';
const publishMutation = `mutation($network: NetworkCode, $input: NewsInput!) { publishNews(network: $network, input: $input) { ${itemFields} } }`;
const updateMutation = `mutation($id: ID!, $input: NewsInput!) { updateNews(id: $id, input: $input) { ${itemFields} } }`;
const withdrawMutation = `mutation($id: ID!) { withdrawNews(id: $id) { ${itemFields} } }`;
const itemQuery = `query($id: ID!) { newsItem(id: $id) { ${itemFields} } }`;
const registerMutation = `mutation($eventId: ID!, $memberId: ID, $participant: ParticipantInput!) {
  registerForEvent(eventId: $eventId, memberId: $memberId, participant: $participant) { id status }
}`;
const registrationsQuery = `query($eventId: ID!) { eventRegistrations(eventId: $eventId) { id email status waitingPosition } }`;
const feedIds = async (token: string) =>
  (await ok(stack.query('{ feed(first: 100) { edges { node { id } } } }', {}, token))).feed.edges.map((e: { node: { id: string } }) => e.node.id);

interface Item {
  id: string;
  title: string;
  text: string;
  place: string | null;
  startsAt: string | null;
  registrationLimit: number | null;
  registeredCount: number;
  waitingCount: number;
  publishedAt: string;
  updatedAt: string | null;
  withdrawnAt: string | null;
}

function event(title: string, extra: Record<string, unknown> = {}) {
  return { kind: 'EVENT', title, text: `${title}: Programm folgt.`, visibility: 'PUBLIC', startsAt: inDays(30), place: 'Eisenach', ...extra };
}

function codeOf(res: GraphQLResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

/** The outbox events about one event, by type: what the registrants' webhooks receive. */
async function told(eventId: string) {
  const rows = await stack.region.orm.em.fork().find(OutboxEventSchema, { inquiryId: null }, { orderBy: { createdAt: 'asc' } });
  return rows
    .filter((r) => r.payload.eventId === eventId)
    .map((r) => ({ type: r.type, registrationId: r.payload.registrationId, memberId: r.memberId, status: r.payload.status, place: r.payload.place }));
}

beforeAll(async () => {
  stack = await startStack();
  tokens.admin = await stack.token({ role: 'admin' });
  tokens.niweOffice = await stack.token({ role: 'office', network: 'NIWE' });
  tokens.linatOffice = await stack.token({ role: 'office', network: 'LINAT' });
  tokens.niweMember = await stack.token({ role: 'member', network: 'NIWE', memberId: 'NIWE:m-1' });
  for (let i = 1; i <= 2; i++) {
    const input = { name: `NIWE Mitglied ${i}`, postalCode: '37269', city: 'Eschwege' };
    expect((await createMember(stack, tokens.admin, 'NIWE', input)).id).toBe(`NIWE:m-${i}`);
  }
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

for (const [label, network, publisher] of [
  ['a network', 'NIWE', 'niweOffice'],
  ['region', null, 'admin'],
] as const) {
  describe(`${label}'s items`, () => {
    test('the publisher corrects an item: every field as given, publication time and kind kept, the same input again changes nothing', async () => {
      const input = { kind: 'NEWS', title: 'Rundbrief Dezembr', text: 'Tippfehler im Titel.', visibility: 'MEMBERS' };
      const item = (await ok(stack.query(publishMutation, { network, input }, tokens[publisher]))).publishNews as Item;
      expect(item.updatedAt).toBeNull();
      const fixed = { ...input, title: 'Rundbrief Dezember', visibility: 'PUBLIC' };
      const corrected = (await ok(stack.query(updateMutation, { id: item.id, input: fixed }, tokens[publisher]))).updateNews as Item;
      expect(corrected).toMatchObject({ id: item.id, title: 'Rundbrief Dezember', visibility: 'PUBLIC', publishedAt: item.publishedAt, withdrawnAt: null });
      expect(Date.parse(corrected.updatedAt!)).toBeGreaterThanOrEqual(Date.parse(item.publishedAt));
      // Read back, also by someone else: now public, so anonymous callers see it too.
      expect((await ok(stack.query(itemQuery, { id: item.id }))).newsItem).toEqual(corrected);
      const again = (await ok(stack.query(updateMutation, { id: item.id, input: fixed }, tokens[publisher]))).updateNews as Item;
      expect(again.updatedAt).toBe(corrected.updatedAt);

      // The kind stays: withdraw and publish anew.
      const kind = await stack.query(updateMutation, { id: item.id, input: event('Doch eine Veranstaltung') }, tokens[publisher]);
      expect(kind.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind', reason: 'NOT_APPLICABLE' });
      const blank = await stack.query(updateMutation, { id: item.id, input: { ...fixed, title: ' ' } }, tokens[publisher]);
      expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title', reason: 'REQUIRED' });
      expect((await ok(stack.query(itemQuery, { id: item.id }))).newsItem).toEqual(corrected);

      // Each correction in the audit log of the database that holds the item, before and after.
      const log = network
        ? (await ok(stack.query('{ auditLog(network: NIWE, first: 5) { entries { action target before after } } }', {}, tokens.niweOffice))).auditLog
        : (await ok(stack.query('{ regionAuditLog(first: 5) { entries { action target before after } } }', {}, tokens.admin))).regionAuditLog;
      const entry = log.entries.find((e: { action: string }) => e.action === 'updateNews');
      expect(JSON.parse(entry.before)).toMatchObject({ title: 'Rundbrief Dezembr', visibility: 'MEMBERS' });
      expect(JSON.parse(entry.after)).toMatchObject({ title: 'Rundbrief Dezember', visibility: 'PUBLIC' });
      expect(log.entries.filter((e: { action: string }) => e.action === 'updateNews')).toHaveLength(1);
    });

    test('a raised limit moves the waiting up in their order; one below the places taken is refused; a new time or place tells every registrant', async () => {
      const item = (
        await ok(stack.query(publishMutation, { network, input: event(`Werksbesichtigung ${label}`, { registrationLimit: 2 }) }, tokens[publisher]))
      ).publishNews as Item;
      const ids: string[] = [];
      for (const name of ['Anna', 'Bernd', 'Carla', 'Dirk', 'Eva']) {
        const participant = { name, email: `${name.toLowerCase()}@example.com` };
        ids.push((await ok(stack.query(registerMutation, { eventId: item.id, participant }, tokens.niweMember))).registerForEvent.id);
      }
      const input = event(`Werksbesichtigung ${label}`, { registrationLimit: 2, startsAt: item.startsAt });

      const below = await stack.query(updateMutation, { id: item.id, input: { ...input, registrationLimit: 1 } }, tokens[publisher]);
      expect(below.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.registrationLimit', reason: 'OUT_OF_RANGE', min: 2 });
      expect(await told(item.id)).toEqual(ids.slice(0, 2).map((id) => expect.objectContaining({ type: 'EVENT_REGISTRATION_CONFIRMED', registrationId: id })));

      const raised = (await ok(stack.query(updateMutation, { id: item.id, input: { ...input, registrationLimit: 3 } }, tokens[publisher]))).updateNews as Item;
      expect([raised.registrationLimit, raised.registeredCount, raised.waitingCount]).toEqual([3, 3, 2]);
      const list = (await ok(stack.query(registrationsQuery, { eventId: item.id }, tokens[publisher]))).eventRegistrations;
      expect(list.map((r: { status: string; waitingPosition: number | null }) => [r.status, r.waitingPosition])).toEqual([
        ['REGISTERED', null],
        ['REGISTERED', null],
        ['REGISTERED', null],
        ['WAITING', 1],
        ['WAITING', 2],
      ]);
      expect((await told(item.id)).slice(2)).toEqual([expect.objectContaining({ type: 'EVENT_MOVED_UP', registrationId: ids[2], memberId: 'NIWE:m-1' })]);

      // No limit: every one waiting takes a place.
      const open = (await ok(stack.query(updateMutation, { id: item.id, input: { ...input, registrationLimit: null } }, tokens[publisher]))).updateNews as Item;
      expect([open.registrationLimit, open.registeredCount, open.waitingCount]).toEqual([null, 5, 0]);
      expect((await told(item.id)).slice(3).map((t) => [t.type, t.registrationId])).toEqual([
        ['EVENT_MOVED_UP', ids[3]],
        ['EVENT_MOVED_UP', ids[4]],
      ]);

      // Moved to another place: each of the five hears it, with the new place; a text correction alone tells nobody.
      await ok(stack.query(updateMutation, { id: item.id, input: { ...input, registrationLimit: null, text: 'Mit Mittagessen.' } }, tokens[publisher]));
      expect(await told(item.id)).toHaveLength(5);
      await ok(
        stack.query(
          updateMutation,
          { id: item.id, input: { ...input, registrationLimit: null, text: 'Mit Mittagessen.', place: 'Eschwege' } },
          tokens[publisher],
        ),
      );
      const changed = (await told(item.id)).slice(5);
      expect(changed.map((t) => [t.type, t.registrationId, t.place, t.status])).toEqual(ids.map((id) => ['EVENT_CHANGED', id, 'Eschwege', 'REGISTERED']));
      // A calendar that imported it takes the new place: the event says when it changed.
      const ics = await (await fetch(`${origin()}/calendar/event.ics?id=${encodeURIComponent(item.id)}`)).text();
      expect(ics).toContain('LOCATION:Eschwege');
      expect(ics).toMatch(/\r\nLAST-MODIFIED:\d{8}T\d{6}Z\r\n/);
    });

    test('withdrawing takes the item out of the feed, cancels the registrations of an event ahead and tells their members; again it answers the item', async () => {
      const item = (await ok(stack.query(publishMutation, { network, input: event(`Stammtisch ${label}`, { registrationLimit: 1 }) }, tokens[publisher])))
        .publishNews as Item;
      const ids: string[] = [];
      for (const name of ['Fritz', 'Gabi']) {
        const participant = { name, email: `${name.toLowerCase()}@example.com` };
        ids.push((await ok(stack.query(registerMutation, { eventId: item.id, participant }, tokens.niweMember))).registerForEvent.id);
      }
      expect(await feedIds(tokens.niweMember)).toContain(item.id);

      const withdrawn = (await ok(stack.query(withdrawMutation, { id: item.id }, tokens[publisher]))).withdrawNews as Item;
      expect(withdrawn).toMatchObject({ id: item.id, registeredCount: 0, waitingCount: 0, withdrawnAt: expect.any(String) });
      expect(await feedIds(tokens.niweMember)).not.toContain(item.id);
      expect((await ok(stack.query(itemQuery, { id: item.id }))).newsItem).toEqual(withdrawn);
      const cancelled = (await told(item.id)).filter((t) => t.type === 'EVENT_WITHDRAWN');
      expect(cancelled.map((t) => [t.registrationId, t.memberId, t.status])).toEqual(ids.map((id) => [id, 'NIWE:m-1', 'CANCELLED']));
      expect((await ok(stack.query(registrationsQuery, { eventId: item.id }, tokens[publisher]))).eventRegistrations).toEqual([]);
      const mine = (await ok(stack.query('{ myEventRegistrations { id status event { withdrawnAt } } }', {}, tokens.niweMember))).myEventRegistrations;
      expect(mine.filter((r: { id: string }) => ids.includes(r.id))).toEqual(
        ids.map((id) => ({ id, status: 'CANCELLED', event: { withdrawnAt: withdrawn.withdrawnAt } })).reverse(),
      );

      // Once more: the item as it is, nothing more told.
      expect((await ok(stack.query(withdrawMutation, { id: item.id }, tokens[publisher]))).withdrawNews).toEqual(withdrawn);
      expect((await told(item.id)).filter((t) => t.type === 'EVENT_WITHDRAWN')).toHaveLength(2);
      // Nobody registers for it, and it is corrected no more.
      const late = await stack.query(registerMutation, { eventId: item.id, participant: { name: 'Hans', email: 'hans@example.com' } }, tokens.niweMember);
      expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STATUS', status: 'WITHDRAWN' });
      const fix = await stack.query(updateMutation, { id: item.id, input: event(`Stammtisch ${label}`, { startsAt: item.startsAt }) }, tokens[publisher]);
      expect(fix.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STATUS', status: 'WITHDRAWN' });

      // A calendar client that imported it is told it is cancelled.
      const ics = await fetch(`${origin()}/calendar/event.ics?id=${encodeURIComponent(item.id)}`);
      expect(ics.status).toBe(200);
      expect(await ics.text()).toContain('STATUS:CANCELLED');
    });

    test('an event begun keeps its start in a correction and its registrations in a withdrawal; a new time must lie ahead', async () => {
      const item = (await ok(stack.query(publishMutation, { network, input: event(`Messe ${label}`) }, tokens[publisher]))).publishNews as Item;
      const participant = { name: 'Ines', email: 'ines@example.com' };
      const registration = (await ok(stack.query(registerMutation, { eventId: item.id, participant }, tokens.niweMember))).registerForEvent.id;
      // Begun an hour ago: the clock cannot be moved, the row can.
      const begun = new Date(Date.now() - 3_600_000);
      const orm = network ? stack.networks.get(network)!.orm : stack.region.orm;
      await orm.em.fork().nativeUpdate(NewsItemSchema, { id: Number(item.id.split(':n-')[1]) }, { startsAt: begun });
      const input = event(`Messe ${label}`, { startsAt: begun.toISOString() });
      const corrected = (await ok(stack.query(updateMutation, { id: item.id, input: { ...input, text: 'Halle 3.' } }, tokens[publisher]))).updateNews as Item;
      expect([corrected.text, corrected.startsAt]).toEqual(['Halle 3.', begun.toISOString()]);
      const earlier = await stack.query(
        updateMutation,
        { id: item.id, input: { ...input, startsAt: new Date(begun.getTime() - 60_000).toISOString() } },
        tokens[publisher],
      );
      expect(earlier.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsAt', reason: 'IN_THE_PAST' });

      const withdrawn = (await ok(stack.query(withdrawMutation, { id: item.id }, tokens[publisher]))).withdrawNews as Item;
      expect(withdrawn.registeredCount).toBe(1);
      const list = (await ok(stack.query(registrationsQuery, { eventId: item.id }, tokens[publisher]))).eventRegistrations;
      expect(list.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([[registration, 'REGISTERED']]);
      expect((await told(item.id)).map((t) => t.type)).toEqual(['EVENT_REGISTRATION_CONFIRMED']);
    });
  });
}

test('only the publisher corrects or withdraws: another office, a member, anonymous callers are refused, an unknown item is NOT_FOUND', async () => {
  const input = { kind: 'NEWS', title: 'Nur für NIWE', text: 'Text', visibility: 'PUBLIC' };
  const niwe = (await ok(stack.query(publishMutation, { network: 'NIWE', input }, tokens.niweOffice))).publishNews as Item;
  const region = (await ok(stack.query(publishMutation, { network: null, input }, tokens.admin))).publishNews as Item;
  const changed = { ...input, title: 'Übernommen' };
  for (const [id, token, code] of [
    [niwe.id, tokens.linatOffice, 'FORBIDDEN'],
    [niwe.id, tokens.niweMember, 'FORBIDDEN'],
    [niwe.id, undefined, 'UNAUTHENTICATED'],
    [region.id, tokens.niweOffice, 'FORBIDDEN'],
    ['NIWE:n-999999', undefined, 'UNAUTHENTICATED'],
  ] as const) {
    expect(codeOf(await stack.query(updateMutation, { id, input: changed }, token)), `${id} update`).toBe(code);
    expect(codeOf(await stack.query(withdrawMutation, { id }, token)), `${id} withdraw`).toBe(code);
  }
  for (const id of ['NIWE:n-999999', 'REGION:n-999999']) {
    expect(codeOf(await stack.query(updateMutation, { id, input: changed }, tokens.admin))).toBe('NOT_FOUND');
    expect(codeOf(await stack.query(withdrawMutation, { id }, tokens.admin))).toBe('NOT_FOUND');
  }
  expect((await stack.query(withdrawMutation, { id: 'nonsense' }, tokens.admin)).errors?.[0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    reason: 'NOT_AN_ID',
  });
  // Admin corrects any network's item.
  expect((await ok(stack.query(updateMutation, { id: niwe.id, input: changed }, tokens.admin))).updateNews.title).toBe('Übernommen');
  expect((await ok(stack.query(itemQuery, { id: region.id }))).newsItem.title).toBe('Nur für NIWE');
});
