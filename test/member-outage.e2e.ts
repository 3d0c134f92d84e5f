import { afterAll, beforeAll, expect, test } from 'vitest';
import { createInquiry } from './support/inquiries.ts';
import { createMember } from './support/members.ts';
import { ok, startStack, type GraphQLResponse, type Stack } from './support/stack.ts';

// Region's records name members of every network: a working group's lead and members, a meeting's answers, a
// relationship's two sides, a capacity post and its bookings, an inquiry's invitations and quotes. With one
// network down, its members in them are null with NETWORK_UNAVAILABLE naming it, and everything else is answered:
// the records, the other networks' members, and each member's id asked on its own (`member { id }`, which region
// answers without the network). Before, one such member nulled the whole list up to the query's field.

let stack: Stack;
const tokens: Record<string, string> = {};
const members: Record<string, string> = {};
const ids: Record<string, string> = {};

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const dayInDays = (days: number) => inDays(days).slice(0, 10);

/** Every error is KONAT's being down, as the gateway and region both say it, with no address. */
function expectOnlyKonatDown(res: GraphQLResponse) {
  expect(res.errors?.length).toBeGreaterThan(0);
  // Region says it without `service` (its call to the network failed), the gateway with it (its fetch of the members did).
  for (const error of res.errors!) expect(error.extensions).toMatchObject({ code: 'NETWORK_UNAVAILABLE', network: 'KONAT' });
  expect(res.errors!.some((error) => error.extensions?.service === 'konat')).toBe(true);
  expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED/);
}

beforeAll(async () => {
  stack = await startStack();
  tokens.admin = await stack.token({ role: 'admin' });
  tokens.partner = await stack.token({ role: 'partner' });
  for (const [key, network, postalCode, city] of [
    ['dreher', 'NIWE', '37269', 'Eschwege'],
    ['kaiser', 'KONAT', '99817', 'Eisenach'],
  ]) {
    const input = { name: `${key} GmbH`, postalCode, city, processes: ['3.2.1'] };
    ({ id: members[key], token: tokens[key] } = await createMember(stack, tokens.admin, network, input));
  }

  // A working group led by KONAT's member, NIWE's a member, a meeting both answered.
  const group = await ok(
    stack.query(
      'mutation($input: WorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
      { input: { topic: 'Drehen und Fräsen', description: 'Zerspanung in der Region.', lead: { memberId: members.kaiser } } },
      tokens.admin,
    ),
  );
  ids.group = group.createWorkingGroup.id;
  const invited = await ok(
    stack.query('mutation($g: ID!, $m: ID!) { inviteToWorkingGroup(groupId: $g, memberId: $m) { id } }', { g: ids.group, m: members.dreher }, tokens.kaiser),
  );
  await ok(
    stack.query('mutation($id: ID!) { acceptWorkingGroupInvitation(membershipId: $id) { id } }', { id: invited.inviteToWorkingGroup.id }, tokens.dreher),
  );
  const meeting = await ok(
    stack.query(
      'mutation($g: ID!, $input: MeetingInput!) { scheduleMeeting(groupId: $g, input: $input) { id } }',
      { g: ids.group, input: { startsAt: inDays(14), place: 'Eisenach', agenda: 'Spannmittel', participantLimit: 5 } },
      tokens.kaiser,
    ),
  );
  for (const key of ['kaiser', 'dreher'])
    await ok(stack.query('mutation($id: ID!) { rsvpMeeting(meetingId: $id, answer: YES) { answer } }', { id: meeting.scheduleMeeting.id }, tokens[key]));

  // NIWE's member supplies KONAT's.
  await ok(stack.query('mutation($p: ID!) { requestRelationship(partnerId: $p, kind: SUPPLIER_OF) { id } }', { p: members.kaiser }, tokens.dreher));

  // KONAT's member offers machine hours, NIWE's books some.
  const offer = await ok(
    stack.query(
      'mutation($input: CapacityPostInput!) { postCapacity(input: $input) { id } }',
      {
        input: {
          side: 'OFFER',
          kind: 'MACHINE_HOURS',
          process: '3.2.1',
          machine: 'Index G220',
          hours: 40,
          from: dayInDays(14),
          to: dayInDays(28),
          postalCode: '99817',
        },
      },
      tokens.kaiser,
    ),
  );
  await ok(
    stack.query(
      'mutation($o: ID!, $f: String!, $t: String!) { bookCapacity(offerId: $o, hours: 8, from: $f, to: $t) { id } }',
      { o: offer.postCapacity.id, f: dayInDays(15), t: dayInDays(16) },
      tokens.dreher,
    ),
  );

  // An inquiry both members are invited to; KONAT's quotes.
  ids.inquiry = await createInquiry(stack, tokens.partner);
  const published = await ok(
    stack.query('mutation($id: ID!) { publishInquiry(id: $id, version: 1, invite: 2) { invitations { member { id } } } }', { id: ids.inquiry }, tokens.partner),
  );
  expect(published.publishInquiry.invitations.map((i: { member: { id: string } }) => i.member.id).sort()).toEqual([members.dreher, members.kaiser].sort());
  await ok(
    stack.query(
      'mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }',
      { id: ids.inquiry, input: { priceTiers: [{ minQuantity: 1, unitPrice: 12.5 }], leadTimeDays: 30, validUntil: dayInDays(90) } },
      tokens.kaiser,
    ),
  );

  await stack.stopNetwork('KONAT');
});
afterAll(async () => {
  await stack?.stop();
});

test("a working group keeps its page: the lead's and a member's id, NIWE's member named, KONAT's null", async () => {
  const res = await stack.query(
    `query($id: ID!) { workingGroup(id: $id) {
      topic leadRef: leadMember { id } leadMember { id name }
      members { memberRef: member { id } member { id name } }
      meetings { rsvps { answer memberRef: member { id } member { name } } }
    } }`,
    { id: ids.group },
    tokens.dreher,
  );
  expectOnlyKonatDown(res);
  expect(res.data.workingGroup).toEqual({
    topic: 'Drehen und Fräsen',
    leadRef: { id: members.kaiser },
    leadMember: null,
    members: [
      { memberRef: { id: members.kaiser }, member: null },
      { memberRef: { id: members.dreher }, member: { id: members.dreher, name: 'dreher GmbH' } },
    ],
    meetings: [
      {
        rsvps: [
          { answer: 'YES', memberRef: { id: members.kaiser }, member: null },
          { answer: 'YES', memberRef: { id: members.dreher }, member: { name: 'dreher GmbH' } },
        ],
      },
    ],
  });
});

test("a relationship keeps both sides' ids, the side of the network that is down without its name", async () => {
  const res = await stack.query(
    'query($m: ID) { relationships(memberId: $m) { kind requesterRef: requester { id } requester { name } partnerRef: partner { id } partner { name } } }',
    { m: members.dreher },
    tokens.dreher,
  );
  expectOnlyKonatDown(res);
  expect(res.data.relationships).toEqual([
    { kind: 'SUPPLIER_OF', requesterRef: { id: members.dreher }, requester: { name: 'dreher GmbH' }, partnerRef: { id: members.kaiser }, partner: null },
  ]);
});

test("a booking keeps its offer and the booking member's name; the offering member of the network that is down is null", async () => {
  const res = await stack.query(
    '{ capacityBookings(first: 10) { hours member { name } offer { machine memberRef: member { id } member { name } } } }',
    {},
    tokens.dreher,
  );
  expectOnlyKonatDown(res);
  expect(res.data.capacityBookings).toEqual([
    { hours: 8, member: { name: 'dreher GmbH' }, offer: { machine: 'Index G220', memberRef: { id: members.kaiser }, member: null } },
  ]);
  const posts = await stack.query('{ capacityPosts(first: 10) { nodes { machine member { name } } } }', {}, tokens.dreher);
  expectOnlyKonatDown(posts);
  expect(posts.data.capacityPosts.nodes).toEqual([{ machine: 'Index G220', member: null }]);
});

test('an inquiry keeps its invitations and quotes, the invited member of the network that is down without its name', async () => {
  const res = await stack.query(
    `query($id: ID!) { inquiry(id: $id) {
      title invitations { network memberRef: member { id } member { name } } quotes { network memberRef: member { id } member { name } }
    } }`,
    { id: ids.inquiry },
    tokens.partner,
  );
  expectOnlyKonatDown(res);
  const byNetwork = (a: { network: string }, b: { network: string }) => a.network.localeCompare(b.network);
  expect(res.data.inquiry.title).toBe('Welle');
  expect(res.data.inquiry.invitations.sort(byNetwork)).toEqual([
    { network: 'KONAT', memberRef: { id: members.kaiser }, member: null },
    { network: 'NIWE', memberRef: { id: members.dreher }, member: { name: 'dreher GmbH' } },
  ]);
  expect(res.data.inquiry.quotes).toEqual([{ network: 'KONAT', memberRef: { id: members.kaiser }, member: null }]);
});
