import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMember } from './support/members.ts';
import { ok, startStack, type GraphQLResponse, type Stack } from './support/stack.ts';

// Who may reach an inquiry through the gateway: an office invites only into
// inquiries it already sees and learns nothing about the others; an office
// sees its own network's invitations, the owner all of them; and region's ids
// are random, so nobody reaches an inquiry by counting.

let stack: Stack;
let base: string;
const members: Record<string, string> = {};
const tokens: Record<string, string> = {};

const dateInDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const inquiryInput = (title: string) => ({
  title,
  partDescription: 'Gedreht nach Zeichnung',
  processes: ['3.2.1'],
  quantities: [{ quantity: 200 }],
  deliveryLocation: { postalCode: '99974' },
  deliveryDate: dateInDays(60),
  quoteDeadline: new Date(Date.now() + 20 * 86_400_000).toISOString(),
});

async function createInquiry(token: string, title: string): Promise<{ id: string; version: number }> {
  return (await ok(stack.query(`mutation($input: InquiryInput!) { createInquiry(input: $input) { id version } }`, { input: inquiryInput(title) }, token)))
    .createInquiry;
}

/** An OPEN inquiry of `token` with no one invited yet. */
async function openInquiry(token: string, title: string): Promise<{ id: string; version: number }> {
  const created = await createInquiry(token, title);
  return (
    await ok(
      stack.query(
        `mutation($id: ID!, $v: Int!) { publishInquiry(id: $id, version: $v, invite: 0) { id version } }`,
        { id: created.id, v: created.version },
        // Inviting no one (and each by hand after) is an office's or admin's, not a customer's.
        tokens.admin,
      ),
    )
  ).publishInquiry;
}

const addInvitee = (token: string, id: string, memberId: string) =>
  stack.query(`mutation($id: ID!, $m: ID!) { addInvitee(inquiryId: $id, memberId: $m) { member { id } status } }`, { id, m: memberId }, token);
const removeInvitee = (token: string, id: string, memberId: string) =>
  stack.query(`mutation($id: ID!, $m: ID!) { removeInvitee(inquiryId: $id, memberId: $m) }`, { id, m: memberId }, token);
const invitationsQuery = `query($id: ID!) { inquiry(id: $id) { invitations { member { id } network status declineReason } } }`;
const quoteInput = { priceTiers: [{ minQuantity: 1, unitPrice: 9.5 }], leadTimeDays: 30, validUntil: dateInDays(90) };

function errorOf(r: GraphQLResponse) {
  expect(r.errors, JSON.stringify(r.data)).toBeDefined();
  return r.errors![0];
}

/** An error with the inquiry's id replaced, to compare it with the error about another id. */
function shape(r: GraphQLResponse, id: string) {
  const { message, extensions } = errorOf(r);
  return { message: message.replaceAll(id, '<id>'), code: extensions?.code, status: extensions?.status };
}

beforeAll(async () => {
  stack = await startStack();
  base = stack.gatewayUrl.replace(/\/graphql$/, '');
  tokens.admin = await stack.token({ role: 'admin' });
  for (const [key, network, postalCode] of [
    ['anders', 'LINAT', '99974'],
    ['arndt', 'LINAT', '99974'],
    ['conrad', 'KONAT', '99817'],
    ['brand', 'NIWE', '37269'],
    ['dorn', 'NIWE', '37281'],
  ]) {
    const input = { name: `${key} GmbH`, postalCode, city: 'Ort', processes: ['3.2.1'] };
    ({ id: members[key], token: tokens[key] } = await createMember(stack, tokens.admin, network, input));
  }
  tokens.partner = await stack.token({ role: 'partner', sub: 'oem' });
  tokens.niweOffice = await stack.token({ role: 'office', network: 'NIWE' });
  tokens.linatOffice = await stack.token({ role: 'office', network: 'LINAT' });
  tokens.konatOffice = await stack.token({ role: 'office', network: 'KONAT' });
});
afterAll(async () => {
  await stack?.stop();
});

describe('addInvitee', () => {
  test('an office cannot invite its member into an inquiry it does not see, whatever the state: the answer is that of an inquiry that does not exist', async () => {
    // A customer's OPEN inquiry with a drawing; only a LINAT member is invited, so the NIWE office does not see it.
    const open = await openInquiry(tokens.partner, 'Flanschwelle');
    await ok(addInvitee(tokens.admin, open.id, members.anders));
    const drawing = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
    const draft = await createInquiry(tokens.partner, 'Entwurf');
    const uploaded = await fetch(`${base}/attachments?inquiryId=${draft.id}&fileName=welle.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', authorization: `Bearer ${tokens.partner}` },
      body: drawing,
    });
    expect(uploaded.status).toBe(201);
    const { downloadPath } = (await uploaded.json()) as { downloadPath: string };
    const cancelled = await openInquiry(tokens.partner, 'Storniert');
    await ok(
      stack.query(
        `mutation($id: ID!, $v: Int!) { cancelInquiry(id: $id, version: $v) { status } }`,
        { id: cancelled.id, v: cancelled.version },
        tokens.partner,
      ),
    );
    const missing = 'inq-4503599627370497';

    const expected = { message: 'Inquiry <id> does not exist.', code: 'NOT_FOUND', status: undefined };
    for (const id of [open.id, draft.id, cancelled.id, missing]) {
      expect(shape(await addInvitee(tokens.niweOffice, id, members.brand), id), id).toEqual(expected);
      expect(shape(await removeInvitee(tokens.niweOffice, id, members.brand), id), id).toEqual(expected);
      // An uninvited member learns no more when it quotes.
      expect(
        shape(
          await stack.query(
            `mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }`,
            { id, input: quoteInput },
            tokens.dorn,
          ),
          id,
        ),
        id,
      ).toEqual(expected);
    }

    // Nothing was added, and the way in stays closed: neither the office nor its member reads the inquiry or the drawing.
    const owner = (await ok(stack.query(invitationsQuery, { id: open.id }, tokens.partner))).inquiry;
    expect(owner.invitations.map((i: { member: { id: string } }) => i.member.id)).toEqual([members.anders]);
    for (const token of [tokens.niweOffice, tokens.brand]) {
      expect((await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { id } }`, { id: open.id }, token))).inquiry).toBeNull();
      expect((await fetch(`${base}${downloadPath}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
    }
  });

  test('an office adds its members to inquiries it sees: where its members are invited, or its own', async () => {
    const open = await openInquiry(tokens.partner, 'Lagerbuchse');
    await ok(addInvitee(tokens.admin, open.id, members.anders));
    // LINAT sees the inquiry through anders, and may invite another LINAT member; never a member of another network.
    expect((await ok(addInvitee(tokens.linatOffice, open.id, members.arndt))).addInvitee).toEqual({ member: { id: members.arndt }, status: 'INVITED' });
    expect(errorOf(await addInvitee(tokens.linatOffice, open.id, members.conrad)).extensions?.code).toBe('FORBIDDEN');
    expect((await ok(removeInvitee(tokens.linatOffice, open.id, members.arndt))).removeInvitee).toBe(true);
    // Its state is no secret to an office that sees the inquiry.
    const cancelled = (await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { version } }`, { id: open.id }, tokens.partner))).inquiry;
    await ok(
      stack.query(`mutation($id: ID!, $v: Int!) { cancelInquiry(id: $id, version: $v) { status } }`, { id: open.id, v: cancelled.version }, tokens.partner),
    );
    expect(errorOf(await addInvitee(tokens.linatOffice, open.id, members.arndt)).extensions).toMatchObject({ code: 'CONFLICT', status: 'CANCELLED' });

    // An office asking on behalf of a customer owns the inquiry and invites its members from the start.
    const own = await openInquiry(tokens.niweOffice, 'Kundenanfrage NIWE');
    expect((await ok(addInvitee(tokens.niweOffice, own.id, members.brand))).addInvitee.status).toBe('INVITED');
    // A member that sees the inquiry but is not invited may not quote: it is told so.
    const uninvited = errorOf(
      await stack.query(
        `mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }`,
        { id: own.id, input: { ...quoteInput, memberId: members.dorn } },
        tokens.niweOffice,
      ),
    );
    expect(uninvited.extensions?.code).toBe('FORBIDDEN');
    expect(uninvited.message).toMatch(/not invited/);
  });
});

describe('proposeInvitee', () => {
  const propose = (token: string, id: string, memberId: string) =>
    stack.query(`mutation($id: ID!, $m: ID!) { proposeInvitee(inquiryId: $id, memberId: $m) }`, { id, m: memberId }, token);
  const answer = (token: string, id: string, memberId: string, accept: boolean) =>
    stack.query(
      accept
        ? `mutation($id: ID!, $m: ID!) { r: acceptInviteeProposal(inquiryId: $id, memberId: $m) { member { id } status } }`
        : `mutation($id: ID!, $m: ID!) { r: rejectInviteeProposal(inquiryId: $id, memberId: $m) }`,
      { id, m: memberId },
      token,
    );
  const proposals = async (token: string, id: string) =>
    ((await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { inviteeProposals { member { id } network proposedAt } } }`, { id }, token))).inquiry
      ?.inviteeProposals ?? null) as { member: { id: string }; network: string }[] | null;

  test('an office proposes its member for an inquiry it does not see; the answer is the same for any inquiry; the owner accepts and the office sees it', async () => {
    const open = await openInquiry(tokens.partner, 'Nach Kundenwunsch');
    await ok(addInvitee(tokens.admin, open.id, members.anders));
    const cancelled = await openInquiry(tokens.partner, 'Abgesagt');
    await ok(
      stack.query(
        `mutation($id: ID!, $v: Int!) { cancelInquiry(id: $id, version: $v) { status } }`,
        { id: cancelled.id, v: cancelled.version },
        tokens.partner,
      ),
    );
    const draft = await createInquiry(tokens.partner, 'Noch Entwurf');
    for (const id of [open.id, cancelled.id, draft.id, 'inq-4503599627370497'])
      expect((await ok(propose(tokens.niweOffice, id, members.brand))).proposeInvitee, id).toBe(true);
    // Again, and for another member: still true, one proposal each.
    expect((await ok(propose(tokens.niweOffice, open.id, members.brand))).proposeInvitee).toBe(true);
    expect((await ok(propose(tokens.niweOffice, open.id, members.dorn))).proposeInvitee).toBe(true);
    // Only an office for its own network's members (or admin) proposes.
    expect(errorOf(await propose(tokens.linatOffice, open.id, members.brand)).extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await propose(tokens.brand, open.id, members.brand)).extensions?.code).toBe('FORBIDDEN');

    // Only the owner and admin see proposals; only for the OPEN inquiry were they kept.
    expect((await proposals(tokens.partner, open.id))!.map((p) => [p.member.id, p.network])).toEqual([
      [members.brand, 'NIWE'],
      [members.dorn, 'NIWE'],
    ]);
    expect(await proposals(tokens.partner, cancelled.id)).toEqual([]);
    expect(await proposals(tokens.partner, draft.id)).toEqual([]);
    expect(await proposals(tokens.linatOffice, open.id)).toEqual([]);
    expect(await proposals(tokens.anders, open.id)).toEqual([]);
    // A proposal lets nobody in.
    expect(await proposals(tokens.niweOffice, open.id)).toBeNull();
    expect(await proposals(tokens.brand, open.id)).toBeNull();

    // Only the owner (or admin) answers; who does not see the inquiry gets NOT_FOUND.
    expect(errorOf(await answer(tokens.niweOffice, open.id, members.brand, true)).extensions?.code).toBe('NOT_FOUND');
    expect(errorOf(await answer(tokens.linatOffice, open.id, members.brand, true)).extensions?.code).toBe('FORBIDDEN');
    expect((await ok(answer(tokens.partner, open.id, members.brand, true))).r).toEqual({ member: { id: members.brand }, status: 'INVITED' });
    expect((await ok(answer(tokens.partner, open.id, members.dorn, false))).r).toBe(true);
    expect(errorOf(await answer(tokens.partner, open.id, members.dorn, true)).extensions?.code).toBe('NOT_FOUND');
    // A malformed member id is the caller's to fix, as at every other memberId (it read "No office proposed NIWE:m-0").
    for (const accept of [true, false])
      expect(errorOf(await answer(tokens.partner, open.id, 'NIWE:m-0', accept)).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'memberId',
        reason: 'NOT_AN_ID',
      });
    expect(await proposals(tokens.partner, open.id)).toEqual([]);

    // Now NIWE sees the inquiry through brand, with brand's invitation only; dorn was not invited.
    const seen = (await ok(stack.query(invitationsQuery, { id: open.id }, tokens.niweOffice))).inquiry;
    expect(seen.invitations.map((i: { member: { id: string } }) => i.member.id)).toEqual([members.brand]);
    expect((await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { id } }`, { id: open.id }, tokens.brand))).inquiry).toEqual({ id: open.id });
    expect((await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { id } }`, { id: open.id }, tokens.dorn))).inquiry).toBeNull();
  });
});

describe('invitations', () => {
  test("an office sees its own network's invitations and their decline reasons, never another network's; the owner and admin see all, a member its own", async () => {
    const open = await openInquiry(tokens.partner, 'Getriebewelle');
    for (const key of ['anders', 'conrad', 'brand']) await ok(addInvitee(tokens.admin, open.id, members[key]));
    await ok(stack.query(`mutation($id: ID!) { declineInquiry(inquiryId: $id, reason: "Keine Kapazität bis Q3") { status } }`, { id: open.id }, tokens.conrad));
    await ok(
      stack.query(`mutation($id: ID!) { declineInquiry(inquiryId: $id, reason: "Material nicht lieferbar") { status } }`, { id: open.id }, tokens.brand),
    );

    const seenBy = async (token: string) =>
      (
        (await ok(stack.query(invitationsQuery, { id: open.id }, token))).inquiry.invitations as {
          member: { id: string };
          network: string;
          declineReason: string | null;
        }[]
      )
        .map((i) => [i.member.id, i.declineReason])
        .sort();
    const all = [
      [members.anders, null],
      [members.brand, 'Material nicht lieferbar'],
      [members.conrad, 'Keine Kapazität bis Q3'],
    ].sort();
    expect(await seenBy(tokens.partner)).toEqual(all);
    expect(await seenBy(tokens.admin)).toEqual(all);
    expect(await seenBy(tokens.konatOffice)).toEqual([[members.conrad, 'Keine Kapazität bis Q3']]);
    expect(await seenBy(tokens.niweOffice)).toEqual([[members.brand, 'Material nicht lieferbar']]);
    expect(await seenBy(tokens.linatOffice)).toEqual([[members.anders, null]]);
    expect(await seenBy(tokens.anders)).toEqual([[members.anders, null]]);
    expect(await seenBy(tokens.conrad)).toEqual([[members.conrad, 'Keine Kapazität bis Q3']]);
  });
});

describe('consortia', () => {
  test('an office sees the consortia its members take part in; another office that sees the inquiry does not', async () => {
    const open = await openInquiry(tokens.partner, 'Gehäuse');
    for (const key of ['anders', 'brand']) await ok(addInvitee(tokens.admin, open.id, members[key]));
    const consortium = (
      await ok(
        stack.query(
          `mutation($id: ID!, $p: [ID!]!) { createConsortium(inquiryId: $id, partners: $p) { id } }`,
          { id: open.id, p: [members.conrad] },
          tokens.anders,
        ),
      )
    ).createConsortium;
    const read = async (token: string) => (await ok(stack.query(`query($id: ID!) { consortium(id: $id) { id } }`, { id: consortium.id }, token))).consortium;
    // KONAT's office through conrad, a partner though not invited: the schema names the offices of a consortium's
    // members among those who see it, and it answered null (the inquiry probe).
    for (const token of [tokens.partner, tokens.admin, tokens.linatOffice, tokens.konatOffice, tokens.anders, tokens.conrad])
      expect(await read(token)).toEqual({ id: consortium.id });
    // NIWE sees the inquiry through brand, but none of its members is in the consortium.
    expect(await read(tokens.niweOffice)).toBeNull();
    expect(await read(tokens.brand)).toBeNull();
    // The inquiry too, with its consortia, as KONAT's office sees those of an inquiry its members are invited to.
    const seen = await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { id consortia { id } } }`, { id: open.id }, tokens.konatOffice));
    expect(seen.inquiry).toEqual({ id: open.id, consortia: [{ id: consortium.id }] });
  });
});

describe('partners', () => {
  test('a partner that answers an inquiry as a bidder is refused, told of bidding on inquiries (not of the capacity exchange)', async () => {
    const open = await openInquiry(tokens.partner, 'Zahnrad');
    await ok(addInvitee(tokens.admin, open.id, members.anders));
    for (const [query, variables] of [
      [
        `mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }`,
        { id: open.id, input: { ...quoteInput, memberId: members.anders } },
      ],
      [`mutation($id: ID!, $m: ID) { declineInquiry(inquiryId: $id, reason: "Keine Kapazität", memberId: $m) { status } }`, { id: open.id, m: members.anders }],
      [
        `mutation($id: ID!, $p: [ID!]!, $m: ID) { createConsortium(inquiryId: $id, partners: $p, memberId: $m) { id } }`,
        { id: open.id, p: [members.conrad], m: members.anders },
      ],
      [`mutation($m: ID) { respondToConsortium(consortiumId: "con-1", accept: false, memberId: $m) { id } }`, { m: members.anders }],
      [`mutation($m: ID) { withdrawQuote(quoteId: "q-1", version: 1, memberId: $m) { id } }`, { m: members.anders }],
    ] as const) {
      const { message, extensions } = errorOf(await stack.query(query, variables, tokens.partner));
      expect([extensions?.code, message], query).toEqual([
        'FORBIDDEN',
        'Partners take no part in bidding on inquiries; members, network offices and admin do.',
      ]);
    }
  });
});

describe('ids', () => {
  const idPattern = (prefix: string) => new RegExp(`^${prefix}-\\d{16}$`);
  const neighbours = (id: string) => {
    const [prefix, digits] = id.split('-');
    return [BigInt(digits) - 1n, BigInt(digits) + 1n].map((n) => `${prefix}-${n}`);
  };

  test('inquiries, quotes, attachments, webhooks, capacity posts, bookings and API keys get random 16-digit ids; counting from one reaches none', async () => {
    const inquiries = [];
    for (const title of ['Erste', 'Zweite', 'Dritte']) inquiries.push((await openInquiry(tokens.partner, title)).id);
    for (const id of inquiries) expect(id).toMatch(idPattern('inq'));
    const numbers = inquiries.map((id) => BigInt(id.slice(4)));
    expect(new Set(numbers).size).toBe(3);
    expect(numbers[1] - numbers[0]).not.toBe(1n);
    expect(numbers[2] - numbers[1]).not.toBe(1n);
    for (const guess of inquiries.flatMap(neighbours))
      expect((await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { id } }`, { id: guess }, tokens.admin))).inquiry).toBeNull();
    // Still newest first.
    const listed = (await ok(stack.query(`{ inquiries(first: 3) { id } }`, {}, tokens.partner))).inquiries.map((i: { id: string }) => i.id);
    expect(listed).toEqual([...inquiries].reverse());

    await ok(addInvitee(tokens.admin, inquiries[0], members.anders));
    const quote = (
      await ok(
        stack.query(
          `mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }`,
          { id: inquiries[0], input: quoteInput },
          tokens.anders,
        ),
      )
    ).submitQuote;
    expect(quote.id).toMatch(idPattern('q'));

    const draft = await createInquiry(tokens.partner, 'Mit Zeichnung');
    const uploaded = await fetch(`${base}/attachments?inquiryId=${draft.id}&fileName=welle.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', authorization: `Bearer ${tokens.partner}` },
      body: Buffer.from('%PDF-1.7\n%%EOF\n'),
    });
    expect(((await uploaded.json()) as { id: string }).id).toMatch(idPattern('att'));

    const webhook = (
      await ok(stack.query(`mutation { registerWebhook(url: "http://127.0.0.1:9/hook", events: [INVITED]) { webhook { id } } }`, {}, tokens.anders))
    ).registerWebhook.webhook;
    expect(webhook.id).toMatch(idPattern('wh'));

    const monday = new Date();
    monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7 || 7) + 14);
    const day = (offset: number) => new Date(monday.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const offerInput = { side: 'OFFER', kind: 'MACHINE_HOURS', process: '3.2.3', machine: 'DMU 65', hours: 40, from: day(0), to: day(11), postalCode: '37269' };
    const offers = [];
    for (let i = 0; i < 3; i++)
      offers.push(
        (await ok(stack.query(`mutation($input: CapacityPostInput!) { postCapacity(input: $input) { id } }`, { input: offerInput }, tokens.brand))).postCapacity
          .id,
      );
    for (const id of offers) expect(id).toMatch(idPattern('cap'));
    // Newest first, page by page.
    const page = (after?: string) =>
      stack.query(
        `query($after: String) { capacityPosts(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
        tokens.brand,
      );
    const first = (await ok(page())).capacityPosts;
    const second = (await ok(page(first.pageInfo.endCursor))).capacityPosts;
    expect([...first.nodes, ...second.nodes].map((n: { id: string }) => n.id)).toEqual([...offers].reverse());
    expect(second.pageInfo.hasNextPage).toBe(false);
    const booking = (
      await ok(
        stack.query(`mutation($o: ID!) { bookCapacity(offerId: $o, hours: 8, from: "${day(1)}", to: "${day(2)}") { id } }`, { o: offers[0] }, tokens.anders),
      )
    ).bookCapacity;
    expect(booking.id).toMatch(idPattern('bk'));

    const apiKey = (await ok(stack.query(`mutation { createApiKey(partner: "Zulieferer AG", name: "ERP") { apiKey { id } } }`, {}, tokens.admin))).createApiKey
      .apiKey;
    expect(apiKey.id).toMatch(idPattern('k'));

    // Consortia draw from the same source; the ids nobody outside region sees keep their counters.
    const defaults = await stack.region.orm.em
      .fork()
      .execute<{ table_name: string; column_default: string }[]>(
        `select "table_name", "column_default" from information_schema.columns where "table_schema" = current_schema() and "column_name" = 'id'`,
      );
    const byTable = Object.fromEntries(defaults.map((d) => [d.table_name, d.column_default]));
    for (const table of ['inquiry', 'quote', 'consortium', 'inquiry_attachment', 'webhook', 'capacity_post', 'capacity_booking', 'api_key'])
      expect(byTable[table], table).toBe('random_id()');
    expect(byTable.inquiry_invitation).toMatch(/nextval/);
  });

  test('an id too long to be one is bad input; a well-formed one that names nothing is not found', async () => {
    const tooLong = errorOf(await stack.query(`query { inquiry(id: "inq-99999999999999999") { id } }`, {}, tokens.admin));
    expect(tooLong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await ok(stack.query(`query { inquiry(id: "inq-9007199254740991") { id } }`, {}, tokens.admin))).inquiry).toBeNull();
    expect(errorOf(await stack.query(`mutation { revokeApiKey(id: "k-4503599627370497") { id } }`, {}, tokens.admin)).extensions?.code).toBe('NOT_FOUND');
  });
});
