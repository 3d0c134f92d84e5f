import { afterAll, beforeAll, expect, test } from 'vitest';
import { EventRegistrationSchema } from '../shared/news/news.entity.ts';
import { OutboxEventSchema } from '../subgraphs/region/inquiries/entities.ts';
import { createInquiry } from './support/inquiries.ts';
import { createMember } from './support/members.ts';
import { queuedBehindLock } from './support/row-lock.ts';
import { ok, startStack, type Stack } from './support/stack.ts';

// What goes with a member its office archives, beside its offers, leads, booth registrations and accounts
// (test/archived-members.e2e.ts): its undecided inquiries end without award and their bidders are told; its quotes on
// others' undecided inquiries are withdrawn and their owners told; its invitations are declined; its places at events
// ahead go to the waiting lists. What was decided stays. Before, an archived owner's inquiry stayed OPEN and took
// quotes no one would ever decide, and the customer's comparison offered the left bidder's quote for the award.

let stack: Stack;
const tokens: Record<string, string> = {};
const members: Record<string, string> = {};
const inquiries: Record<string, string> = {};
const quotes: Record<string, string> = {};
const events: Record<string, string> = {};
const registrations: Record<string, string> = {};
const bookings: Record<string, string> = {};
const consortia: Record<string, string> = {};

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const quoteInput = (unitPrice: number) => ({ priceTiers: [{ minQuantity: 1, unitPrice }], leadTimeDays: 30, validUntil: inDays(90) });
const archive = `mutation($id: ID!) { archiveMember(id: $id) { archivedAt } }`;

async function publishFor(token: string, title: string, invitees: string[]): Promise<string> {
  const id = await createInquiry(stack, token, { title });
  await ok(stack.query(`mutation($id: ID!) { publishInquiry(id: $id, version: 1, invite: 0) { status } }`, { id }, tokens.admin));
  for (const m of invitees)
    await ok(stack.query(`mutation($i: ID!, $m: ID!) { addInvitee(inquiryId: $i, memberId: $m) { status } }`, { i: id, m }, tokens.admin));
  return id;
}

async function submit(inquiry: string, token: string, unitPrice: number): Promise<string> {
  const q = `mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }`;
  return (await ok(stack.query(q, { id: inquiry, input: quoteInput(unitPrice) }, token))).submitQuote.id;
}

async function award(inquiry: string, quote: string, token: string): Promise<void> {
  const { version } = (await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { version } }`, { id: inquiry }, token))).inquiry;
  await ok(
    stack.query(
      `mutation($i: ID!, $q: ID!, $v: Int!) { awardQuote(inquiryId: $i, quoteId: $q, version: $v) { status } }`,
      { i: inquiry, q: quote, v: version },
      token,
    ),
  );
}

const inquiryQuery = `query($id: ID!) { inquiry(id: $id) { status invitations { member { id } status declineReason } quotes { id member { id } status } } }`;
const read = async (id: string, token = tokens.admin) => (await ok(stack.query(inquiryQuery, { id }, token))).inquiry;
const outbox = (where: Record<string, unknown>) => stack.region.orm.em.fork().find(OutboxEventSchema, where as never, { orderBy: { createdAt: 'asc' } });

async function publishEvent(network: string | null, token: string, title: string): Promise<string> {
  const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const input = { kind: 'EVENT', title, text: 'Ein Platz.', visibility: 'PUBLIC', startsAt, registrationLimit: 1 };
  return (
    await ok(stack.query(`mutation($n: NetworkCode, $input: NewsInput!) { publishNews(network: $n, input: $input) { id } }`, { n: network, input }, token))
  ).publishNews.id;
}

async function register(eventId: string, token: string, name: string): Promise<{ id: string; status: string }> {
  const q = `mutation($e: ID!, $p: ParticipantInput!) { registerForEvent(eventId: $e, participant: $p) { id status } }`;
  return (await ok(stack.query(q, { e: eventId, p: { name, email: `${name.toLowerCase()}@example.com` } }, token))).registerForEvent;
}

beforeAll(async () => {
  stack = await startStack();
  tokens.admin = await stack.token({ role: 'admin' });
  tokens.partner = await stack.token({ role: 'partner', sub: 'kunde-kaskade' });
  tokens.niweOffice = await stack.token({ role: 'office', network: 'NIWE' });
  tokens.linatOffice = await stack.token({ role: 'office', network: 'LINAT' });
  for (const [key, network, postalCode, city] of [
    ['owner', 'NIWE', '37269', 'Eschwege'],
    ['bidder', 'NIWE', '37213', 'Witzenhausen'],
    ['lorenz', 'LINAT', '99974', 'Mühlhausen'],
  ]) {
    ({ id: members[key], token: tokens[key] } = await createMember(stack, tokens.admin, network, {
      name: `${key} GmbH`,
      postalCode,
      city,
      processes: ['3.2.1'],
    }));
  }
  // The owner's: one open with a quote, one awarded, one a draft.
  inquiries.ownOpen = await publishFor(tokens.owner, 'Lagerbock', [members.lorenz]);
  quotes.lorenzOnOwn = await submit(inquiries.ownOpen, tokens.lorenz, 12.5);
  inquiries.ownAwarded = await publishFor(tokens.owner, 'Flansch', [members.lorenz]);
  quotes.lorenzAwarded = await submit(inquiries.ownAwarded, tokens.lorenz, 8);
  await award(inquiries.ownAwarded, quotes.lorenzAwarded, tokens.owner);
  inquiries.ownDraft = await createInquiry(stack, tokens.owner, { title: 'Entwurf' });
  // The bidder's, on a customer's inquiries: a quote on an open one (beside another bidder's), an invitation not
  // answered, and a quote awarded.
  inquiries.quoted = await publishFor(tokens.partner, 'Welle', [members.bidder, members.lorenz]);
  quotes.bidder = await submit(inquiries.quoted, tokens.bidder, 9.5);
  quotes.lorenz = await submit(inquiries.quoted, tokens.lorenz, 11);
  inquiries.pending = await publishFor(tokens.partner, 'Bolzen', [members.bidder]);
  inquiries.won = await publishFor(tokens.partner, 'Zahnrad', [members.bidder]);
  quotes.bidderWon = await submit(inquiries.won, tokens.bidder, 7);
  await award(inquiries.won, quotes.bidderWon, tokens.partner);
  // The bidder holds the one place of a network's event and of a region-wide one; Lorenz waits for each.
  events.linat = await publishEvent('LINAT', tokens.linatOffice, 'Kleiner Kreis Mühlhausen');
  events.region = await publishEvent(null, tokens.admin, 'Kleiner Kreis Region');
  for (const [key, eventId] of Object.entries(events)) {
    const held = await register(eventId, tokens.bidder, `Berta${key}`);
    const waiting = await register(eventId, tokens.lorenz, `Lutz${key}`);
    expect([held.status, waiting.status]).toEqual(['REGISTERED', 'WAITING']);
    registrations[`${key}Held`] = held.id;
    registrations[`${key}Waiting`] = waiting.id;
  }
  // Lorenz asked for hours of the owner's offer, not confirmed yet; another booking of it the owner confirmed.
  const offer = { side: 'OFFER', kind: 'MACHINE_HOURS', process: '3.2.1', hours: 40, from: inDays(14), to: inDays(30), postalCode: '37269' };
  const posted = await ok(stack.query(`mutation($input: CapacityPostInput!) { postCapacity(input: $input) { id } }`, { input: offer }, tokens.owner));
  const book = `mutation($o: ID!, $f: String!, $t: String!) { bookCapacity(offerId: $o, hours: 8, from: $f, to: $t) { id } }`;
  bookings.asked = (await ok(stack.query(book, { o: posted.postCapacity.id, f: inDays(21), t: inDays(28) }, tokens.lorenz))).bookCapacity.id;
  bookings.agreed = (await ok(stack.query(book, { o: posted.postCapacity.id, f: inDays(15), t: inDays(18) }, tokens.lorenz))).bookCapacity.id;
  await ok(stack.query(`mutation($id: ID!) { confirmCapacityBooking(id: $id) { status } }`, { id: bookings.agreed }, tokens.owner));
  // On two more of the customer's inquiries a KONAT member leads a consortium with the bidder, both accepted: on one it
  // has quoted with it, on the other not yet.
  ({ id: members.lead, token: tokens.lead } = await createMember(stack, tokens.admin, 'KONAT', {
    name: 'lead GmbH',
    postalCode: '99817',
    city: 'Eisenach',
    processes: ['3.2.1'],
  }));
  const respond = `mutation($id: ID!, $s: Float!) { respondToConsortium(consortiumId: $id, accept: true, processes: ["3.2.1"], sharePercent: $s) { complete } }`;
  for (const key of ['jointQuoted', 'jointOpen']) {
    inquiries[key] = await publishFor(tokens.partner, key, [members.lead]);
    const form = `mutation($id: ID!, $p: [ID!]!) { createConsortium(inquiryId: $id, partners: $p) { id } }`;
    consortia[key] = (await ok(stack.query(form, { id: inquiries[key], p: [members.bidder] }, tokens.lead))).createConsortium.id;
    await ok(stack.query(respond, { id: consortia[key], s: 60 }, tokens.lead));
    expect((await ok(stack.query(respond, { id: consortia[key], s: 40 }, tokens.bidder))).respondToConsortium.complete).toBe(true);
  }
  const jointQuote = `mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }`;
  quotes.joint = (
    await ok(stack.query(jointQuote, { id: inquiries.jointQuoted, input: { ...quoteInput(10), consortiumId: consortia.jointQuoted } }, tokens.lead))
  ).submitQuote.id;
  for (const key of ['owner', 'bidder']) {
    const archived = await ok(stack.query(archive, { id: members[key] }, tokens.niweOffice));
    expect(archived.archiveMember.archivedAt).toEqual(expect.any(String));
  }
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

test("an archived owner's open inquiry is closed without award, its bidders told why; its draft is cancelled, its awarded one stays", async () => {
  const open = await read(inquiries.ownOpen);
  expect(open.status).toBe('CLOSED_WITHOUT_AWARD');
  expect(open.quotes).toEqual([{ id: quotes.lorenzOnOwn, member: { id: members.lorenz }, status: 'NOT_CHOSEN' }]);
  const told = await outbox({ type: 'NOT_CHOSEN', memberId: members.lorenz });
  expect(told.map((e) => e.payload)).toContainEqual(
    expect.objectContaining({ quoteId: quotes.lorenzOnOwn, reason: 'CLOSED_WITHOUT_AWARD', cause: 'OWNER_LEFT_NETWORK' }),
  );
  // No one quotes on it any more.
  const late = await stack.query(
    `mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }`,
    {
      id: inquiries.ownOpen,
      input: quoteInput(10),
    },
    tokens.lorenz,
  );
  expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STATUS', status: 'CLOSED_WITHOUT_AWARD' });
  expect((await read(inquiries.ownDraft)).status).toBe('CANCELLED');
  // Its awarded inquiry stays as it was.
  const awarded = await read(inquiries.ownAwarded);
  expect(awarded.status).toBe('AWARDED');
  expect(awarded.quotes).toEqual([{ id: quotes.lorenzAwarded, member: { id: members.lorenz }, status: 'AWARDED' }]);
});

test("an archived bidder's quote is withdrawn, its owner told why, and its invitations declined; a quote awarded stays", async () => {
  const quoted = await read(inquiries.quoted, tokens.partner);
  expect(quoted.status).toBe('OPEN');
  expect(quoted.quotes).toEqual(
    expect.arrayContaining([
      { id: quotes.bidder, member: { id: members.bidder }, status: 'WITHDRAWN' },
      { id: quotes.lorenz, member: { id: members.lorenz }, status: 'SUBMITTED' },
    ]),
  );
  const leftReason = 'Das Unternehmen hat sein Netzwerk verlassen.';
  expect(quoted.invitations).toContainEqual({ member: { id: members.bidder }, status: 'DECLINED', declineReason: leftReason });
  // The owner's comparison holds only the quote that can be awarded.
  const compared = await ok(stack.query(`query($id: ID!) { quoteComparison(inquiryId: $id) { quote { id } } }`, { id: inquiries.quoted }, tokens.partner));
  expect(compared.quoteComparison).toEqual([{ quote: { id: quotes.lorenz } }]);
  const told = (await outbox({ type: 'QUOTE_WITHDRAWN', ownerKey: { $ne: null } })).filter((e) => e.payload.cause === 'BIDDER_LEFT_NETWORK');
  expect(told.map((e) => e.payload)).toEqual([expect.objectContaining({ quoteId: quotes.bidder, cause: 'BIDDER_LEFT_NETWORK' })]);
  expect((await read(inquiries.pending, tokens.partner)).invitations).toEqual([
    { member: { id: members.bidder }, status: 'DECLINED', declineReason: leftReason },
  ]);
  const won = await read(inquiries.won);
  expect(won.status).toBe('AWARDED');
  expect(won.quotes).toEqual([{ id: quotes.bidderWon, member: { id: members.bidder }, status: 'AWARDED' }]);
  expect(won.invitations).toEqual([{ member: { id: members.bidder }, status: 'QUOTED', declineReason: null }]);
  // Each step is in region's audit log, for the member's office.
  const log = await ok(stack.query(`{ regionAuditLog(first: 100) { entries { action target } } }`, {}, tokens.niweOffice));
  expect(log.regionAuditLog.entries).toEqual(
    expect.arrayContaining([
      { action: 'withdrawQuote', target: quotes.bidder },
      { action: 'declineInquiry', target: inquiries.quoted },
      { action: 'declineInquiry', target: inquiries.pending },
      { action: 'closeInquiryWithoutAward', target: inquiries.ownOpen },
      { action: 'cancelInquiry', target: inquiries.ownDraft },
    ]),
  );
});

test("an archived member's places in others' consortia are declined; a quote made with it is withdrawn, its owner and lead told", async () => {
  const consortium = `query($id: ID!) { consortium(id: $id) { complete partners { member { id } status } } }`;
  for (const key of ['jointQuoted', 'jointOpen']) {
    const found = (await ok(stack.query(consortium, { id: consortia[key] }, tokens.admin))).consortium;
    expect(found.complete, key).toBe(false);
    expect(
      found.partners.map((p: { member: { id: string }; status: string }) => [p.member.id, p.status]),
      key,
    ).toEqual([
      [members.lead, 'ACCEPTED'],
      [members.bidder, 'DECLINED'],
    ]);
  }
  // The customer's comparison no longer offers a consortium with a company that left; its lead may quote anew.
  const quoted = await read(inquiries.jointQuoted, tokens.partner);
  expect(quoted.status).toBe('OPEN');
  expect(quoted.quotes).toEqual([{ id: quotes.joint, member: { id: members.lead }, status: 'WITHDRAWN' }]);
  expect(quoted.invitations).toEqual([{ member: { id: members.lead }, status: 'VIEWED', declineReason: null }]);
  const told = (await outbox({ type: 'QUOTE_WITHDRAWN' })).filter((e) => e.payload.quoteId === quotes.joint);
  expect(told.map((e) => [e.memberId, e.ownerKey === null, e.payload.cause, e.payload.partner])).toEqual([
    [null, false, 'PARTNER_LEFT_NETWORK', members.bidder],
    [members.lead, true, 'PARTNER_LEFT_NETWORK', members.bidder],
  ]);
  // Nothing had been quoted on the other: no one is told of a quote.
  expect((await read(inquiries.jointOpen, tokens.partner)).quotes).toEqual([]);
  const log = await ok(stack.query(`{ regionAuditLog(first: 100) { entries { action target } } }`, {}, tokens.niweOffice));
  expect(log.regionAuditLog.entries).toEqual(
    expect.arrayContaining([
      { action: 'respondToConsortium', target: consortia.jointQuoted },
      { action: 'respondToConsortium', target: consortia.jointOpen },
    ]),
  );
});

test("an archived member's event places go to the waiting list, each told it moved up", async () => {
  const list = `query($e: ID!) { eventRegistrations(eventId: $e) { id status } }`;
  for (const [key, token] of [
    ['linat', tokens.linatOffice],
    ['region', tokens.admin],
  ]) {
    expect((await ok(stack.query(list, { e: events[key] }, token))).eventRegistrations).toEqual([{ id: registrations[`${key}Waiting`], status: 'REGISTERED' }]);
  }
  const movedUp = await outbox({ type: 'EVENT_MOVED_UP', memberId: members.lorenz });
  expect(movedUp.map((e) => e.payload.registrationId).sort()).toEqual([registrations.linatWaiting, registrations.regionWaiting].sort());
});

test('a member with more registrations ahead than one read holds (101 at a network and 101 at region) loses every place', async () => {
  const many = await createMember(stack, tokens.admin, 'NIWE', { name: 'Viele Leute GmbH', postalCode: '37269', city: 'Eschwege' });
  const open = { kind: 'EVENT', text: 'Ohne Begrenzung.', visibility: 'PUBLIC', startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString() };
  const publish = `mutation($n: NetworkCode, $input: NewsInput!) { publishNews(network: $n, input: $input) { id } }`;
  const list = `query($e: ID!) { eventRegistrations(eventId: $e) { id } }`;
  for (const [network, token, orm] of [
    ['LINAT', tokens.linatOffice, stack.networks.get('LINAT')!.orm],
    [null, tokens.admin, stack.region.orm],
  ] as const) {
    const eventId = (await ok(stack.query(publish, { n: network, input: { ...open, title: `Großveranstaltung ${network ?? 'Region'}` } }, token))).publishNews
      .id;
    // One registration through the graph, the other hundred written straight into the database: 202 through the graph
    // took 20 s of a busy machine, and the cascade is what this test is about.
    await register(eventId, many.token, 'Person0');
    const event = Number(eventId.split(':n-')[1]);
    const rows = Array.from({ length: 100 }, (_, i) => ({
      event,
      memberId: many.id,
      participant: `Person${i + 1}`,
      email: `person${i + 1}@example.com`,
      status: 'REGISTERED' as const,
      createdAt: new Date(),
    }));
    await orm.em.fork().insertMany(EventRegistrationSchema, rows);
    expect((await ok(stack.query(list, { e: eventId }, token))).eventRegistrations, String(network)).toHaveLength(101);
    events[`many${network ?? 'Region'}`] = eventId;
  }
  await ok(stack.query(archive, { id: many.id }, tokens.niweOffice));
  expect((await ok(stack.query(list, { e: events.manyLINAT }, tokens.linatOffice))).eventRegistrations).toEqual([]);
  expect((await ok(stack.query(list, { e: events.manyRegion }, tokens.admin))).eventRegistrations).toEqual([]);
}, 60_000);

test("a request for an archived offerer's hours is declined, its hours back; a confirmed booking stays", async () => {
  // It stayed "angefragt" for good: the offerer's people sign in no more (the self-service probe).
  const seen = await ok(stack.query(`{ capacityBookings { id status reason offer { status bookedHours } } }`, {}, tokens.lorenz));
  const byId = Object.fromEntries(seen.capacityBookings.map((b: { id: string }) => [b.id, b]));
  expect(byId[bookings.asked]).toEqual({
    id: bookings.asked,
    status: 'DECLINED',
    reason: 'Das anbietende Unternehmen hat sein Netzwerk verlassen.',
    // The confirmed booking's 8 hours alone.
    offer: { status: 'WITHDRAWN', bookedHours: 8 },
  });
  expect(byId[bookings.agreed]).toMatchObject({ status: 'CONFIRMED', reason: null });
});

test('archiving twice is safe: nothing is ended, withdrawn, told or logged again', async () => {
  const count = async () => ({
    told: (await outbox({})).length,
    logged: (await ok(stack.query(`{ regionAuditLog(first: 100) { entries { id } } }`, {}, tokens.admin))).regionAuditLog.entries.length,
  });
  const before = await count();
  for (const key of ['owner', 'bidder']) await ok(stack.query(archive, { id: members[key] }, tokens.niweOffice));
  expect(await count()).toEqual(before);
  expect((await read(inquiries.ownOpen)).status).toBe('CLOSED_WITHOUT_AWARD');
  expect((await read(inquiries.quoted)).quotes).toContainEqual({ id: quotes.bidder, member: { id: members.bidder }, status: 'WITHDRAWN' });
});

test('two members archived at once, each invited to the other’s inquiry, both go: no deadlock', async () => {
  const made: { id: string; token: string }[] = [];
  for (const name of ['Kreuz Eins GmbH', 'Kreuz Zwei GmbH'])
    made.push(await createMember(stack, tokens.admin, 'NIWE', { name, postalCode: '37269', city: 'Eschwege', processes: ['3.2.1'] }));
  const [first, second] = made;
  const ofFirst = await publishFor(first.token, 'Kreuz eins', [second.id]);
  const ofSecond = await publishFor(second.token, 'Kreuz zwei', [first.id]);
  // The lower id is locked first by whoever locks in id order; its owner is sent first, so that without one order the
  // other owner holds its own inquiry while it waits for the lower one, which the first then waits for in turn.
  const numeric = (id: string) => BigInt(id.replace(/^inq-/, ''));
  const [lower, owners] = numeric(ofFirst) < numeric(ofSecond) ? [ofFirst, [first, second]] : [ofSecond, [second, first]];
  const answers = await queuedBehindLock(
    stack.regionDatabaseUrl,
    { sql: 'select 1 from inquiry where id = $1 for update', params: [numeric(lower).toString()] },
    'inquiry',
    owners.map((owner) => () => stack.query(archive, { id: owner.id }, tokens.niweOffice)),
  );
  expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined]);
  expect((await read(ofFirst)).status).toBe('CLOSED_WITHOUT_AWARD');
  expect((await read(ofSecond)).status).toBe('CLOSED_WITHOUT_AWARD');
});

// Last: it stops KONAT for the rest of the file.
test('a network that does not answer keeps its event places, and the archiving goes through', async () => {
  const { id } = await createMember(stack, tokens.admin, 'NIWE', { name: 'Ausfall Abschied GmbH', postalCode: '37269', city: 'Eschwege' });
  await stack.stopNetwork('KONAT');
  // Before, its events' registrations were asked of every network first: one office's outage stopped another's archiving.
  const archived = await stack.query(archive, { id }, tokens.niweOffice);
  expect(archived.errors).toBeUndefined();
  expect(archived.data.archiveMember.archivedAt).toEqual(expect.any(String));
});
