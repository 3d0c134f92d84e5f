import { afterAll, beforeAll, expect, test } from 'vitest';
import { createInquiry, inquiryInput } from './support/inquiries.ts';
import { createMember } from './support/members.ts';
import { ok, startStack, type GraphQLResponse, type Stack } from './support/stack.ts';

// A company that has left its network is archived by its office, and takes part in nothing new: region asks the
// network which members are archived (internal API 1.3) beside whether they exist, and refuses a capacity post or
// booking, an invitation, a working group, a relationship or an account naming one (BAD_USER_INPUT, reason
// ARCHIVED; FORBIDDEN for the archived member's own staff). Its profile is still read, and it may still decline
// what it was asked before. Before, the networks' `existing` counted archived members and every one of these was taken.

let stack: Stack;
const tokens: Record<string, string> = {};
const members: Record<string, string> = {};
let inquiry: string;
let group: string;
let invitation: string;
let ownOffer: string;
let activeGroup: string;
let meeting: string;
let request: string;
let relationship: string;
let booth: string;
let joint: string;
let consortium: string;
let ledGroup: string;
let lorenzOffer: string;
let pendingBooking: string;
let quoted: string;
let quote: string;
let proposed: string;

async function createGroup(topic: string): Promise<string> {
  const input = { topic, description: 'Gemeinsam statt einzeln', lead: { network: 'NIWE' } };
  return (await ok(stack.query(`mutation($input: WorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`, { input }, tokens.niweOffice)))
    .createWorkingGroup.id;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The network fair with a joint booth of 40 m², its registration open for a month. */
const fair = () => ({
  name: 'Netzwerkmesse Bad Salzuflen',
  city: 'Bad Salzuflen',
  startsAt: `${inDays(60)}T09:00:00Z`,
  endsAt: `${inDays(62)}T17:00:00Z`,
  registrationDeadline: `${inDays(30)}T22:00:00Z`,
  booth: { totalAreaM2: 40, rentCents: 100_000, constructionCents: 50_000, servicesCents: 10_000, baseFeeCents: 25_000 },
});

function expectArchived(res: GraphQLResponse, field: string) {
  expect(res.errors?.[0], JSON.stringify(res.errors)).toMatchObject({
    message: `Member ${members.keller} is archived: it has left its network and takes part in nothing new.`,
    extensions: { code: 'BAD_USER_INPUT', field, reason: 'ARCHIVED' },
  });
  expect(res.data ?? null).toBeNull();
}

beforeAll(async () => {
  stack = await startStack();
  tokens.admin = await stack.token({ role: 'admin' });
  tokens.partner = await stack.token({ role: 'partner', sub: 'kunde-archiv' });
  tokens.niweOffice = await stack.token({ role: 'office', network: 'NIWE' });
  for (const [key, network, postalCode, city] of [
    ['keller', 'NIWE', '37269', 'Eschwege'],
    ['lorenz', 'LINAT', '99974', 'Mühlhausen'],
  ]) {
    ({ id: members[key], token: tokens[key] } = await createMember(stack, tokens.admin, network, {
      name: `${key} GmbH`,
      postalCode,
      city,
      processes: ['3.2.1'],
    }));
  }
  // Asked before it leaves: an inquiry's invitation, which it may still decline afterwards.
  inquiry = await createInquiry(stack, tokens.partner);
  await ok(stack.query(`mutation($id: ID!) { publishInquiry(id: $id, version: 1, invite: 0) { status } }`, { id: inquiry }, tokens.admin));
  await ok(stack.query(`mutation($i: ID!, $m: ID!) { addInvitee(inquiryId: $i, memberId: $m) { status } }`, { i: inquiry, m: members.keller }, tokens.admin));
  group = await createGroup('Spannmittel');
  invitation = (
    await ok(
      stack.query(`mutation($g: ID!, $m: ID!) { inviteToWorkingGroup(groupId: $g, memberId: $m) { id } }`, { g: group, m: members.keller }, tokens.niweOffice),
    )
  ).inviteToWorkingGroup.id;
  // Open things of its own that go with it when it is archived: an offer and an account.
  ownOffer = (
    await ok(
      stack.query(
        `mutation($input: CapacityPostInput!) { postCapacity(input: $input) { id } }`,
        {
          input: {
            side: 'OFFER',
            kind: 'CAD',
            cadSystem: 'CATIA_V5',
            hours: 16,
            from: inDays(14),
            to: inDays(30),
            postalCode: '37269',
            memberId: members.keller,
          },
        },
        tokens.niweOffice,
      ),
    )
  ).postCapacity.id;
  const account = { email: 'k.keller@keller.example', name: 'Karl Keller', password: 'Werra-Meissner-2026', kind: 'MEMBER', memberId: members.keller };
  await ok(stack.query(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: account }, tokens.niweOffice));
  // A group it belongs to, with a meeting ahead, and one it asked to join.
  activeGroup = await createGroup('Prüfmittel');
  const invited = await ok(
    stack.query(
      `mutation($g: ID!, $m: ID!) { inviteToWorkingGroup(groupId: $g, memberId: $m) { id } }`,
      { g: activeGroup, m: members.keller },
      tokens.niweOffice,
    ),
  );
  await ok(
    stack.query(`mutation($id: ID!) { acceptWorkingGroupInvitation(membershipId: $id) { status } }`, { id: invited.inviteToWorkingGroup.id }, tokens.keller),
  );
  meeting = (
    await ok(
      stack.query(
        `mutation($g: ID!, $input: MeetingInput!) { scheduleMeeting(groupId: $g, input: $input) { id } }`,
        { g: activeGroup, input: { startsAt: `${inDays(20)}T14:00:00Z`, place: 'Eschwege', agenda: 'Messmittel', participantLimit: 10 } },
        tokens.niweOffice,
      ),
    )
  ).scheduleMeeting.id;
  const askedGroup = await createGroup('Härten');
  request = (await ok(stack.query(`mutation($g: ID!) { requestToJoinWorkingGroup(groupId: $g) { id } }`, { g: askedGroup }, tokens.keller)))
    .requestToJoinWorkingGroup.id;
  // An inquiry it quoted on, not awarded yet.
  quoted = await createInquiry(stack, tokens.partner, { title: 'Lagerbock' });
  await ok(stack.query(`mutation($id: ID!) { publishInquiry(id: $id, version: 1, invite: 0) { status } }`, { id: quoted }, tokens.admin));
  await ok(stack.query(`mutation($i: ID!, $m: ID!) { addInvitee(inquiryId: $i, memberId: $m) { status } }`, { i: quoted, m: members.keller }, tokens.admin));
  const quoteInput = { priceTiers: [{ minQuantity: 1, unitPrice: 9.5 }], leadTimeDays: 30, validUntil: inDays(90) };
  quote = (
    await ok(
      stack.query(
        `mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }`,
        { id: quoted, input: quoteInput },
        tokens.keller,
      ),
    )
  ).submitQuote.id;
  // An inquiry its office proposed it for, not answered by the customer yet.
  proposed = await createInquiry(stack, tokens.partner, { title: 'Zahnwelle' });
  await ok(stack.query(`mutation($id: ID!) { publishInquiry(id: $id, version: 1, invite: 0) { status } }`, { id: proposed }, tokens.admin));
  await ok(stack.query(`mutation($i: ID!, $m: ID!) { proposeInvitee(inquiryId: $i, memberId: $m) }`, { i: proposed, m: members.keller }, tokens.niweOffice));
  // A group it leads, and a booking of another member's offer, not confirmed yet.
  const led = { topic: 'Werkzeugbau', description: 'Gemeinsam statt einzeln', lead: { memberId: members.keller } };
  ledGroup = (await ok(stack.query(`mutation($input: WorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`, { input: led }, tokens.niweOffice)))
    .createWorkingGroup.id;
  lorenzOffer = (
    await ok(
      stack.query(
        `mutation($input: CapacityPostInput!) { postCapacity(input: $input) { id } }`,
        { input: { side: 'OFFER', kind: 'MACHINE_HOURS', process: '3.2.1', hours: 40, from: inDays(14), to: inDays(30), postalCode: '99974' } },
        tokens.lorenz,
      ),
    )
  ).postCapacity.id;
  pendingBooking = (
    await ok(
      stack.query(
        `mutation($o: ID!, $f: String!, $t: String!) { bookCapacity(offerId: $o, hours: 8, from: $f, to: $t) { id } }`,
        { o: lorenzOffer, f: inDays(21), t: inDays(28) },
        tokens.keller,
      ),
    )
  ).bookCapacity.id;
  // A consortium another member leads with it, both accepted, not quoted yet.
  joint = await createInquiry(stack, tokens.partner, { title: 'Getriebegehäuse' });
  await ok(stack.query(`mutation($id: ID!) { publishInquiry(id: $id, version: 1, invite: 0) { status } }`, { id: joint }, tokens.admin));
  await ok(stack.query(`mutation($i: ID!, $m: ID!) { addInvitee(inquiryId: $i, memberId: $m) { status } }`, { i: joint, m: members.lorenz }, tokens.admin));
  consortium = (
    await ok(
      stack.query(
        `mutation($id: ID!, $p: [ID!]!) { createConsortium(inquiryId: $id, partners: $p) { id } }`,
        { id: joint, p: [members.keller] },
        tokens.lorenz,
      ),
    )
  ).createConsortium.id;
  const respond = `mutation($c: ID!, $s: Float!) { respondToConsortium(consortiumId: $c, accept: true, processes: ["3.2.1"], sharePercent: $s) { id } }`;
  await ok(stack.query(respond, { c: consortium, s: 60 }, tokens.lorenz));
  await ok(stack.query(respond, { c: consortium, s: 40 }, tokens.keller));
  // A pending registration for the joint booth, holding 10 of its 40 m².
  booth = (await ok(stack.query(`mutation($input: TradeFairInput!) { createTradeFair(input: $input) { booth { id } } }`, { input: fair() }, tokens.niweOffice)))
    .createTradeFair.booth.id;
  const boothEntry = { areaM2: 10, products: ['Drehteile'], contact: { name: 'Karl Keller', email: 'messe@keller.example' } };
  await ok(
    stack.query(
      `mutation($b: ID!, $input: BoothRegistrationInput!) { registerForBooth(boothId: $b, input: $input) { id } }`,
      { b: booth, input: boothEntry },
      tokens.keller,
    ),
  );
  // A relationship it asked for, which its partner has not confirmed yet.
  relationship = (
    await ok(stack.query(`mutation($m: ID!) { requestRelationship(partnerId: $m, kind: SUPPLIER_OF) { id } }`, { m: members.lorenz }, tokens.keller))
  ).requestRelationship.id;
  // Region finds it active and remembers so for ten minutes (known-members.ts): the archiving below must still count at once.
  await ok(stack.query(`mutation($m: ID!) { setAvailability(status: LOOKING_FOR_WORK, memberId: $m) }`, { m: members.keller }, tokens.niweOffice));
  const archived = await ok(stack.query(`mutation($id: ID!) { archiveMember(id: $id) { archivedAt } }`, { id: members.keller }, tokens.niweOffice));
  expect(archived.archiveMember.archivedAt).toEqual(expect.any(String));
});
afterAll(async () => {
  await stack?.stop();
});

test('nothing new names an archived member, and nothing is written', async () => {
  const offer = { id: lorenzOffer };
  const post = {
    side: 'OFFER',
    kind: 'MACHINE_HOURS',
    process: '3.2.1',
    hours: 10,
    from: inDays(14),
    to: inDays(30),
    postalCode: '37269',
    memberId: members.keller,
  };
  expectArchived(
    await stack.query(`mutation($input: CapacityPostInput!) { postCapacity(input: $input) { id } }`, { input: post }, tokens.niweOffice),
    'input.memberId',
  );
  expectArchived(
    await stack.query(
      `mutation($o: ID!, $m: ID!, $f: String!, $t: String!) { bookCapacity(offerId: $o, hours: 8, from: $f, to: $t, memberId: $m) { id } }`,
      { o: offer.id, m: members.keller, f: inDays(14), t: inDays(20) },
      tokens.niweOffice,
    ),
    'memberId',
  );
  expectArchived(
    await stack.query(
      `mutation($g: ID!, $m: ID!) { inviteToWorkingGroup(groupId: $g, memberId: $m) { id } }`,
      { g: group, m: members.keller },
      tokens.niweOffice,
    ),
    'memberId',
  );
  // Invited before it left, it does not join afterwards.
  expectArchived(
    await stack.query(`mutation($id: ID!) { acceptWorkingGroupInvitation(membershipId: $id) { status } }`, { id: invitation }, tokens.niweOffice),
    'membershipId',
  );
  const another = await createInquiry(stack, tokens.partner, { title: 'Flansch' });
  await ok(stack.query(`mutation($id: ID!) { publishInquiry(id: $id, version: 1, invite: 0) { status } }`, { id: another }, tokens.admin));
  expectArchived(
    await stack.query(`mutation($i: ID!, $m: ID!) { addInvitee(inquiryId: $i, memberId: $m) { status } }`, { i: another, m: members.keller }, tokens.admin),
    'memberId',
  );
  expectArchived(
    await stack.query(`mutation($m: ID!) { requestRelationship(partnerId: $m, kind: SUPPLIER_OF) { id } }`, { m: members.keller }, tokens.lorenz),
    'partnerId',
  );
  const fair = await ok(
    stack.query(
      `mutation($input: NewsInput!) { publishNews(network: NIWE, input: $input) { id } }`,
      {
        input: {
          kind: 'EVENT',
          title: 'Netzwerkmesse',
          text: 'Programm folgt.',
          visibility: 'PUBLIC',
          startsAt: `${inDays(30)}T09:00:00Z`,
          place: 'Bad Salzuflen',
        },
      },
      tokens.niweOffice,
    ),
  );
  const register = `mutation($e: ID!, $m: ID) { registerForEvent(eventId: $e, memberId: $m, participant: { name: "Karl Keller", email: "k@keller.example" }) { id } }`;
  expectArchived(await stack.query(register, { e: fair.publishNews.id, m: members.keller }, tokens.niweOffice), 'memberId');
  const account = { email: 'k.keller2@keller.example', name: 'Karl Keller', password: 'Werra-Meissner-2026', kind: 'MEMBER', memberId: members.keller };
  expectArchived(
    await stack.query(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: account }, tokens.niweOffice),
    'input.memberId',
  );

  // Its own staff, still signed in, is told so, and may not act for it.
  for (const own of [
    await stack.query(`mutation { setAvailability(status: AT_CAPACITY) }`, {}, tokens.keller),
    await stack.query(register, { e: fair.publishNews.id }, tokens.keller),
    await stack.query(`mutation($m: ID!) { requestRelationship(partnerId: $m, kind: CUSTOMER_OF) { id } }`, { m: members.lorenz }, tokens.keller),
    await stack.query(`mutation($input: InquiryInput!) { createInquiry(input: $input) { id } }`, { input: inquiryInput({ title: 'Bolzen' }) }, tokens.keller),
  ]) {
    expect(own.errors?.[0]).toMatchObject({
      message: `Your company ${members.keller} is archived: it has left its network and takes part in nothing new. Its network's office can tell you more.`,
      extensions: { code: 'FORBIDDEN', reason: 'ARCHIVED' },
    });
  }

  // No order goes to its quote of before, and the inquiry stays open.
  const version = (await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { version } }`, { id: quoted }, tokens.partner))).inquiry.version;
  expectArchived(
    await stack.query(
      `mutation($id: ID!, $q: ID!, $v: Int!) { awardQuote(inquiryId: $id, quoteId: $q, version: $v) { status } }`,
      { id: quoted, q: quote, v: version },
      tokens.partner,
    ),
    'quoteId',
  );
  expect((await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { status } }`, { id: quoted }, tokens.partner))).inquiry.status).toBe('OPEN');
  // Proposed before it left, it is not invited after.
  expectArchived(
    await stack.query(
      `mutation($i: ID!, $m: ID!) { acceptInviteeProposal(inquiryId: $i, memberId: $m) { status } }`,
      { i: proposed, m: members.keller },
      tokens.partner,
    ),
    'memberId',
  );
  const invitees = await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { invitations { member { id } } } }`, { id: proposed }, tokens.partner));
  expect(invitees.inquiry.invitations).toEqual([]);
  // A joint offer names no partner that has left its network since it accepted.
  const jointQuote = { priceTiers: [{ minQuantity: 1, unitPrice: 19.5 }], leadTimeDays: 30, validUntil: inDays(90), consortiumId: consortium };
  expectArchived(
    await stack.query(
      `mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }`,
      { id: joint, input: jointQuote },
      tokens.lorenz,
    ),
    'input.consortiumId',
  );
  // What it asked for before is not confirmed after; declined it may be.
  const decide = (verb: string) => `mutation($id: ID!) { ${verb}CapacityBooking(id: $id) { status } }`;
  expectArchived(await stack.query(decide('confirm'), { id: pendingBooking }, tokens.lorenz), 'id');
  expect((await ok(stack.query(decide('decline'), { id: pendingBooking }, tokens.lorenz))).declineCapacityBooking.status).toBe('DECLINED');
  expectArchived(await stack.query(`mutation($id: ID!) { confirmRelationship(id: $id) { status } }`, { id: relationship }, tokens.lorenz), 'id');

  // Nothing of it was written.
  const mine = await ok(
    stack.query(`{ capacityPosts(filter: { member: "${members.keller}" }) { totalCount } capacityBookings { id } }`, {}, tokens.niweOffice),
  );
  // Its one booking is the one it asked for before, declined above.
  expect(mine).toEqual({ capacityPosts: { totalCount: 0 }, capacityBookings: [{ id: pendingBooking }] });
  const memberships = await ok(stack.query(`query($g: ID!) { workingGroup(id: $g) { members { id } pending { id } } }`, { g: group }, tokens.niweOffice));
  expect(memberships.workingGroup).toEqual({ members: [], pending: [{ id: invitation }] });
});

test('archiving withdraws its open offers and archives its accounts', async () => {
  const offer = await ok(stack.query(`query($id: ID!) { capacityPost(id: $id) { status } }`, { id: ownOffer }, tokens.niweOffice));
  expect(offer.capacityPost.status).toBe('WITHDRAWN');
  const refused = await stack.query(
    `mutation($o: ID!, $f: String!, $t: String!) { bookCapacity(offerId: $o, hours: 8, from: $f, to: $t) { id } }`,
    { o: ownOffer, f: inDays(14), t: inDays(20) },
    tokens.lorenz,
  );
  // Its offers take no bookings: said of the member first, as for one archived at its network, whose offers are still open.
  expectArchived(refused, 'offerId');
  const accounts = await ok(stack.query(`{ accounts(network: NIWE, includeArchived: true) { email memberId archivedAt } }`, {}, tokens.niweOffice));
  expect(accounts.accounts.filter((a: any) => a.memberId === members.keller)).toEqual([
    { email: 'k.keller@keller.example', memberId: members.keller, archivedAt: expect.any(String) },
  ]);
  const audit = await ok(stack.query(`{ regionAuditLog(first: 20) { entries { action target } } }`, {}, tokens.niweOffice));
  const [archivedAccount] = accounts.accounts.filter((a: any) => a.memberId === members.keller);
  expect(audit.regionAuditLog.entries.filter((e: any) => e.action === 'archiveAccount')).toHaveLength(1);
  expect(archivedAccount.archivedAt).toEqual(expect.any(String));
  // Its pending booth registration is declined, saying why, and its area free again.
  const held = await ok(
    stack.query(`query($id: ID!) { jointBooth(id: $id) { remainingAreaM2 registrations { status declineReason } } }`, { id: booth }, tokens.niweOffice),
  );
  expect(held.jointBooth).toEqual({
    remainingAreaM2: 40,
    registrations: [{ status: 'DECLINED', declineReason: 'Das Unternehmen hat sein Netzwerk verlassen.' }],
  });
  // The group it led is its network's office's now.
  const group = await ok(stack.query(`query($g: ID!) { workingGroup(id: $g) { leadNetwork { code } leadMember { id } } }`, { g: ledGroup }, tokens.niweOffice));
  expect(group.workingGroup).toEqual({ leadNetwork: { code: 'NIWE' }, leadMember: null });
});

test('in its groups it leads nothing, answers no more than no, and a request of before is not confirmed', async () => {
  expectArchived(
    await stack.query(
      `mutation($g: ID!, $m: ID!) { handOverWorkingGroupLead(groupId: $g, lead: { memberId: $m }) { id } }`,
      { g: activeGroup, m: members.keller },
      tokens.niweOffice,
    ),
    'lead.memberId',
  );
  const rsvp = `mutation($id: ID!, $a: RsvpAnswer!, $m: ID) { rsvpMeeting(meetingId: $id, answer: $a, memberId: $m) { answer } }`;
  expectArchived(await stack.query(rsvp, { id: meeting, a: 'YES', m: members.keller }, tokens.niweOffice), 'memberId');
  expect((await ok(stack.query(rsvp, { id: meeting, a: 'NO', m: members.keller }, tokens.niweOffice))).rsvpMeeting.answer).toBe('NO');
  // Someone not leading that group is told FORBIDDEN, not how the member stands.
  const notLead = await stack.query(`mutation($id: ID!) { confirmWorkingGroupMembership(membershipId: $id) { status } }`, { id: request }, tokens.lorenz);
  expect(notLead.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expectArchived(
    await stack.query(`mutation($id: ID!) { confirmWorkingGroupMembership(membershipId: $id) { status } }`, { id: request }, tokens.niweOffice),
    'membershipId',
  );
  const group = await ok(
    stack.query(`query($g: ID!) { workingGroup(id: $g) { leadNetwork { code } leadMember { id } } }`, { g: activeGroup }, tokens.niweOffice),
  );
  expect(group.workingGroup).toEqual({ leadNetwork: { code: 'NIWE' }, leadMember: null });
});

test('its profile is still read, and it declines what it was asked before', async () => {
  const profile = await ok(stack.query(`query($id: ID!) { member(id: $id) { id name archivedAt } }`, { id: members.keller }, tokens.admin));
  expect(profile.member).toMatchObject({ id: members.keller, name: 'keller GmbH', archivedAt: expect.any(String) });
  const declined = await ok(
    stack.query(`mutation($i: ID!) { declineInquiry(inquiryId: $i, reason: "Betrieb eingestellt") { status } }`, { i: inquiry }, tokens.keller),
  );
  expect(declined.declineInquiry.status).toBe('DECLINED');
  // It leaves the joint offer it had accepted, and may not take it up again.
  const respond = `mutation($c: ID!, $a: Boolean!) { respondToConsortium(consortiumId: $c, accept: $a, processes: ["3.2.1"], sharePercent: 40) { partners { member { id } status } } }`;
  const left = await ok(stack.query(respond, { c: consortium, a: false }, tokens.keller));
  expect(left.respondToConsortium.partners).toContainEqual({ member: { id: members.keller }, status: 'DECLINED' });
  expect((await stack.query(respond, { c: consortium, a: true }, tokens.keller)).errors?.[0].extensions).toMatchObject({
    code: 'FORBIDDEN',
    reason: 'ARCHIVED',
  });
});

test('its contact persons stay with those who keep its records: its office, admin and itself, not partners, other members or anonymous callers', async () => {
  const { id: richter, token: richterToken } = await createMember(stack, tokens.admin, 'NIWE', {
    name: 'Richter Spritzguss GmbH',
    postalCode: '37269',
    city: 'Eschwege',
    processes: ['3.2.1'],
    contacts: [{ name: 'Michael Wolf', email: 'm.wolf@richter.example', phone: '+49 5651 792301' }],
  });
  // Read as a list of references too (an inquiry's invitations), which the gateway fetches from the network as entities.
  const asked = await createInquiry(stack, tokens.partner, { title: 'Deckel' });
  await ok(stack.query(`mutation($id: ID!) { publishInquiry(id: $id, version: 1, invite: 0) { status } }`, { id: asked }, tokens.admin));
  await ok(stack.query(`mutation($i: ID!, $m: ID!) { addInvitee(inquiryId: $i, memberId: $m) { status } }`, { i: asked, m: richter }, tokens.admin));
  const byId = `query($id: ID!) { member(id: $id) { name contacts { name email phone } } }`;
  const invited = `query($id: ID!) { inquiry(id: $id) { invitations { member { id contacts { name } } } } }`;
  const wolf = [{ name: 'Michael Wolf', email: 'm.wolf@richter.example', phone: '+49 5651 792301' }];
  // Still in its network, its people are there for every signed-in caller.
  expect((await ok(stack.query(byId, { id: richter }, tokens.partner))).member.contacts).toEqual(wolf);
  expect((await ok(stack.query(invited, { id: asked }, tokens.partner))).inquiry.invitations).toEqual([
    { member: { id: richter, contacts: [{ name: 'Michael Wolf' }] } },
  ]);

  await ok(stack.query(`mutation($id: ID!) { archiveMember(id: $id) { archivedAt } }`, { id: richter }, tokens.niweOffice));
  const linatOffice = await stack.token({ role: 'office', network: 'LINAT' });
  const readers: [string, string | undefined, unknown[]][] = [
    ['its office', tokens.niweOffice, wolf],
    ['admin', tokens.admin, wolf],
    ['itself', richterToken, wolf],
    ['a partner', tokens.partner, []],
    ['another member', tokens.lorenz, []],
    ["another network's office", linatOffice, []],
    ['anonymous', undefined, []],
  ];
  for (const [reader, token, contacts] of readers) {
    const profile = await ok(stack.query(byId, { id: richter }, token));
    // The rest of its profile stays readable by id, for everyone, as before.
    expect(profile.member, reader).toEqual({ name: 'Richter Spritzguss GmbH', contacts });
  }
  // The same for the member fetched as an entity in a list: the partner that invited it sees no contacts either.
  const listed = await ok(stack.query(invited, { id: asked }, tokens.partner));
  expect(listed.inquiry.invitations).toEqual([{ member: { id: richter, contacts: [] } }]);
});

test('a member still in its network takes part as before', async () => {
  const joined = await ok(
    stack.query(
      `mutation($g: ID!, $m: ID!) { inviteToWorkingGroup(groupId: $g, memberId: $m) { status } }`,
      { g: group, m: members.lorenz },
      tokens.niweOffice,
    ),
  );
  expect(joined.inviteToWorkingGroup.status).toBe('INVITED');
});

test("a member archived at its network behind region's back is refused once region asks again (KNOWN_MEMBERS_TTL_MS=0)", async () => {
  // As when its office archived it through another region replica, or region remembered it active from before.
  const fresh = await startStack({ knownMembersTtlMs: 0 });
  try {
    const admin = await fresh.token({ role: 'admin' });
    const office = await fresh.token({ role: 'office', network: 'NIWE' });
    const { id: weber, token: weberToken } = await createMember(fresh, admin, 'NIWE', {
      name: 'Weber OHG',
      postalCode: '37269',
      city: 'Eschwege',
      processes: ['3.2.1'],
    });
    const { token: otherToken } = await createMember(fresh, admin, 'LINAT', { name: 'Otto AG', postalCode: '99974', city: 'Mühlhausen', processes: ['3.2.1'] });
    const post = { side: 'OFFER', kind: 'MACHINE_HOURS', process: '3.2.1', hours: 40, from: inDays(14), to: inDays(30), postalCode: '37269' };
    const offer = (await ok(fresh.query(`mutation($input: CapacityPostInput!) { postCapacity(input: $input) { id } }`, { input: post }, weberToken)))
      .postCapacity.id;
    const boothId = (await ok(fresh.query(`mutation($input: TradeFairInput!) { createTradeFair(input: $input) { booth { id } } }`, { input: fair() }, office)))
      .createTradeFair.booth.id;
    const entry = { areaM2: 10, products: ['Drehteile'], contact: { name: 'Wilma Weber', email: 'messe@weber.example' } };
    const registration = (
      await ok(
        fresh.query(
          `mutation($b: ID!, $input: BoothRegistrationInput!) { registerForBooth(boothId: $b, input: $input) { id } }`,
          { b: boothId, input: entry },
          weberToken,
        ),
      )
    ).registerForBooth.id;
    // Archived in its network's own database: region did not archive it, so nothing of its was withdrawn or declined.
    const [, localId] = weber.split(':m-');
    await fresh.networks
      .get('NIWE')!
      .orm.em.getConnection()
      .execute(`update member set archived_at = now() where id = ?`, [Number(localId)]);

    const refusal = {
      message: `Member ${weber} is archived: it has left its network and takes part in nothing new.`,
      extensions: { code: 'BAD_USER_INPUT', reason: 'ARCHIVED' },
    };
    const confirm = await fresh.query(`mutation($id: ID!) { confirmBoothRegistration(id: $id) { status } }`, { id: registration }, office);
    expect(confirm.errors?.[0]).toMatchObject({ ...refusal, extensions: { ...refusal.extensions, field: 'id' } });
    const book = await fresh.query(
      `mutation($o: ID!, $f: String!, $t: String!) { bookCapacity(offerId: $o, hours: 8, from: $f, to: $t) { id } }`,
      { o: offer, f: inDays(14), t: inDays(20) },
      otherToken,
    );
    expect(book.errors?.[0]).toMatchObject({ ...refusal, extensions: { ...refusal.extensions, field: 'offerId' } });
    const own = await fresh.query(`mutation($input: CapacityPostInput!) { postCapacity(input: $input) { id } }`, { input: post }, weberToken);
    expect(own.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ARCHIVED' });
    // Nothing was written: the registration still waits, the offer has no booking.
    const held = await ok(fresh.query(`query($id: ID!) { jointBooth(id: $id) { registrations { status } } }`, { id: boothId }, office));
    expect(held.jointBooth.registrations).toEqual([{ status: 'PENDING' }]);
    const bookings = await ok(fresh.query(`{ capacityBookings { id } }`, {}, otherToken));
    expect(bookings.capacityBookings).toEqual([]);
  } finally {
    await fresh.stop();
  }
});

test("region's part goes first: with the network down, the member stays in its list to archive again, its offers withdrawn", async () => {
  // Last in this file: NIWE stays down.
  const { id: zoller } = await createMember(stack, tokens.admin, 'NIWE', { name: 'Zoller KG', postalCode: '37269', city: 'Eschwege', processes: ['3.2.1'] });
  const input = { side: 'OFFER', kind: 'CAD', cadSystem: 'CATIA_V5', hours: 8, from: inDays(14), to: inDays(30), postalCode: '37269', memberId: zoller };
  const offer = (await ok(stack.query(`mutation($input: CapacityPostInput!) { postCapacity(input: $input) { id } }`, { input }, tokens.niweOffice)))
    .postCapacity.id;
  await stack.stopNetwork('NIWE');
  const failed = await stack.query(`mutation($id: ID!) { archiveMember(id: $id) { id } }`, { id: zoller }, tokens.niweOffice);
  expect(failed.errors?.[0].extensions).toMatchObject({ code: 'NETWORK_UNAVAILABLE', network: 'NIWE' });
  expect((await ok(stack.query(`query($id: ID!) { capacityPost(id: $id) { status } }`, { id: offer }, tokens.niweOffice))).capacityPost.status).toBe(
    'WITHDRAWN',
  );
  // Not taken as archived: the network has not said so, and archiving again is what the office does.
  const meanwhile = await stack.query(`mutation($m: ID!) { setAvailability(status: AT_CAPACITY, memberId: $m) }`, { m: zoller }, tokens.niweOffice);
  expect(meanwhile.errors).toBeUndefined();
});
