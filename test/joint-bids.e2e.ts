import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OutboxEventSchema } from '../subgraphs/region/inquiries/entities.ts';
import { createInquiry } from './support/inquiries.ts';
import { createMember } from './support/members.ts';
import { queuedBehindLock } from './support/row-lock.ts';
import { ok, startStack, type Stack } from './support/stack.ts';

// A Bietergemeinschaft across two networks: the invited lead forms a
// consortium, every partner accepts with its share, the lead quotes once.

let stack: Stack;
const members: Record<string, string> = {};
const tokens: Record<string, string> = {};
let inquiryId: string;

const consortiumFields = 'id inquiryId lead { id } complete partners { member { id } network status processes sharePercent }';
const respond = (token: string, id: string, accept: boolean, processes?: string[], sharePercent?: number) =>
  stack.query(
    `mutation($id: ID!, $a: Boolean!, $p: [String!], $s: Float) { respondToConsortium(consortiumId: $id, accept: $a, processes: $p, sharePercent: $s) { ${consortiumFields} } }`,
    { id, a: accept, p: processes, s: sharePercent },
    token,
  );
/** A quote of 48 per part on the shared inquiry, or on the inquiry `id`. */
const quote = (token: string, consortiumId?: string, id = inquiryId) =>
  stack.query(
    `mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id version member { id } consortium { id complete partners { member { id } sharePercent } } } }`,
    {
      id,
      input: {
        priceTiers: [{ minQuantity: 1, unitPrice: 48 }],
        leadTimeDays: 70,
        validUntil: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
        consortiumId,
      },
    },
    token,
  );

/** A new inquiry of the customer, published by admin with anders alone invited (by hand, as only an office or admin invites). */
async function inquiryForAnders(): Promise<string> {
  const id = await createInquiry(stack, tokens.partner);
  await ok(stack.query(`mutation($id: ID!) { publishInquiry(id: $id, version: 1, invite: 0) { id } }`, { id }, tokens.admin));
  await ok(stack.query(`mutation($id: ID!, $m: ID!) { addInvitee(inquiryId: $id, memberId: $m) { status } }`, { id, m: members.anders }, tokens.admin));
  return id;
}

/** The consortium anders leads on the inquiry, with conrad asked in. */
async function consortiumWithConrad(id: string): Promise<string> {
  return (
    await ok(
      stack.query(`mutation($id: ID!, $p: [ID!]!) { createConsortium(inquiryId: $id, partners: $p) { id } }`, { id, p: [members.conrad] }, tokens.anders),
    )
  ).createConsortium.id;
}

beforeAll(async () => {
  stack = await startStack();
  tokens.admin = await stack.token({ role: 'admin' });
  for (const [key, network, postalCode, processes] of [
    ['anders', 'LINAT', '99974', ['3.2.1']],
    ['conrad', 'KONAT', '99817', ['3.2.3']],
    ['gerlach', 'NIWE', '37213', ['3.2.1']],
  ] as const) {
    const input = { name: `${key} GmbH`, postalCode, city: 'Ort', processes };
    ({ id: members[key], token: tokens[key] } = await createMember(stack, tokens.admin, network, input));
  }
  tokens.partner = await stack.token({ role: 'partner', sub: 'oem' });
  const input = {
    title: 'Getriebegehäuse',
    partDescription: 'Gedreht und gefräst',
    processes: ['3.2.1', '3.2.3'],
    quantities: [{ quantity: 300, batchSize: 100 }],
    deliveryLocation: { postalCode: '99817' },
    deliveryDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
    quoteDeadline: new Date(Date.now() + 20 * 86_400_000).toISOString(),
  };
  const created = (await ok(stack.query(`mutation($input: InquiryInput!) { createInquiry(input: $input) { id version } }`, { input }, tokens.partner)))
    .createInquiry;
  inquiryId = created.id;
  await ok(
    stack.query(
      `mutation($id: ID!, $v: Int!) { publishInquiry(id: $id, version: $v, invite: 0) { id } }`,
      { id: inquiryId, v: created.version },
      // Published by admin: inviting no one (and each by hand after) is an office's or admin's, not a customer's.
      tokens.admin,
    ),
  );
  await ok(
    stack.query(`mutation($id: ID!, $m: ID!) { addInvitee(inquiryId: $id, memberId: $m) { status } }`, { id: inquiryId, m: members.anders }, tokens.admin),
  );
});
afterAll(async () => {
  await stack?.stop();
});

describe('a consortium across LINAT and KONAT', () => {
  let consortiumId: string;

  test('only an invited member can lead; the lead forms the consortium with a member of another network', async () => {
    // A member that is neither invited nor a partner does not see the inquiry: NOT_FOUND, as for one that does not exist.
    const notInvited = await stack.query(
      `mutation($id: ID!, $p: [ID!]!) { createConsortium(inquiryId: $id, partners: $p) { id } }`,
      { id: inquiryId, p: [members.anders] },
      tokens.conrad,
    );
    expect(notInvited.errors![0].extensions?.code).toBe('NOT_FOUND');
    // A partner named twice is refused, as a quantity given twice is (it was dropped quietly).
    const twice = await stack.query(
      `mutation($id: ID!, $p: [ID!]!) { createConsortium(inquiryId: $id, partners: $p) { id } }`,
      { id: inquiryId, p: [members.conrad, members.conrad] },
      tokens.anders,
    );
    expect(twice.errors?.[0]).toMatchObject({
      message: `partners names ${members.conrad} twice (entries 1 and 2); name each once.`,
      extensions: { code: 'BAD_USER_INPUT', field: 'partners', reason: 'DUPLICATE' },
    });
    const created = (
      await ok(
        stack.query(
          `mutation($id: ID!, $p: [ID!]!) { createConsortium(inquiryId: $id, partners: $p) { ${consortiumFields} } }`,
          { id: inquiryId, p: [members.conrad] },
          tokens.anders,
        ),
      )
    ).createConsortium;
    expect(created).toMatchObject({ inquiryId, lead: { id: members.anders }, complete: false });
    expect(created.partners.map((p: { member: { id: string }; status: string }) => [p.member.id, p.status])).toEqual([
      [members.anders, 'INVITED'],
      [members.conrad, 'INVITED'],
    ]);
    consortiumId = created.id;
    // The partner sees the inquiry and the consortium; an outsider sees neither.
    expect((await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { id } }`, { id: inquiryId }, tokens.conrad))).inquiry).toEqual({ id: inquiryId });
    expect((await ok(stack.query(`query($id: ID!) { consortium(id: $id) { id } }`, { id: consortiumId }, tokens.conrad))).consortium).toEqual({
      id: consortiumId,
    });
    expect((await ok(stack.query(`query($id: ID!) { consortium(id: $id) { id } }`, { id: consortiumId }, tokens.gerlach))).consortium).toBeNull();
    expect((await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { id } }`, { id: inquiryId }, tokens.gerlach))).inquiry).toBeNull();
    // The inquiry names its consortia to those who see them: the partner asked in (not invited itself), the lead, the owner, the lead's office (an office sees inquiries its members are invited to).
    const consortiaSeenBy = async (token: string) =>
      (
        await ok(
          stack.query(`query($id: ID!) { inquiry(id: $id) { consortia { id lead { id } partners { member { id } status } } } }`, { id: inquiryId }, token),
        )
      ).inquiry.consortia;
    const seen = [
      {
        id: consortiumId,
        lead: { id: members.anders },
        partners: created.partners.map((p: { member: { id: string }; status: string }) => ({ member: p.member, status: p.status })),
      },
    ];
    for (const token of [tokens.conrad, tokens.anders, tokens.partner, await stack.token({ role: 'office', network: 'LINAT' })])
      expect(await consortiaSeenBy(token)).toEqual(seen);
  });

  test('the lead quotes only when every partner accepted and the shares sum to 100', async () => {
    const early = (await quote(tokens.anders, consortiumId)).errors![0];
    expect(early.extensions?.code).toBe('CONFLICT');
    expect(early.message).toMatch(/is INVITED/);

    expect((await respond(tokens.conrad, consortiumId, true, ['3.2.3'])).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'sharePercent',
    });
    // A member that is no partner learns nothing of the consortium, as one that does not exist (it was FORBIDDEN,
    // "… is not a partner of con-…", against NOT_FOUND for a guessed id); an office that sees it is told who is none.
    const stranger = (await respond(tokens.gerlach, consortiumId, true, ['3.2.1'], 10)).errors![0];
    expect([stranger.extensions?.code, stranger.message]).toEqual(['NOT_FOUND', `Consortium ${consortiumId} does not exist.`]);
    expect((await respond(tokens.gerlach, 'con-999999999', true, ['3.2.1'], 10)).errors![0].message).toBe('Consortium con-999999999 does not exist.');
    const named = (
      await stack.query(
        `mutation($id: ID!, $m: ID) { respondToConsortium(consortiumId: $id, accept: false, memberId: $m) { id } }`,
        { id: consortiumId, m: members.gerlach },
        tokens.admin,
      )
    ).errors![0];
    expect([named.extensions?.code, named.extensions?.reason, named.message]).toEqual([
      'BAD_USER_INPUT',
      'NOT_APPLICABLE',
      `${members.gerlach} is not a partner of ${consortiumId}; name one of its partners.`,
    ]);
    await ok(respond(tokens.conrad, consortiumId, true, ['3.2.3'], 40));
    const partial = (await ok(respond(tokens.anders, consortiumId, true, ['3.2.1'], 50))).respondToConsortium;
    expect(partial.complete).toBe(false);
    expect((await quote(tokens.anders, consortiumId)).errors![0].message).toMatch(/shares sum to 90, not 100/);

    const complete = (await ok(respond(tokens.anders, consortiumId, true, ['3.2.1'], 60))).respondToConsortium;
    expect(complete.complete).toBe(true);
    expect(complete.partners.map((p: { network: string; sharePercent: number; processes: string[] }) => [p.network, p.sharePercent, p.processes])).toEqual([
      ['LINAT', 60, ['3.2.1']],
      ['KONAT', 40, ['3.2.3']],
    ]);

    expect((await quote(tokens.conrad, consortiumId)).errors![0].extensions?.code).toBe('FORBIDDEN');
    // The lead's quote and a partner's withdrawal at once, the quote first, both waiting for the consortium's row:
    // the quote stands with every partner, and the withdrawal after it finds the shares fixed.
    const [filed, withdrawn] = await queuedBehindLock(
      stack.regionDatabaseUrl,
      { sql: 'select 1 from consortium where id = $1 for update', params: [Number(consortiumId.slice(4))] },
      'consortium',
      [() => quote(tokens.anders, consortiumId), () => respond(tokens.conrad, consortiumId, false)],
    );
    expect(withdrawn.errors?.[0].extensions?.code).toBe('CONFLICT');
    const submitted = (await ok(Promise.resolve(filed))).submitQuote;
    expect(submitted).toMatchObject({ member: { id: members.anders }, consortium: { id: consortiumId, complete: true } });

    // The partner sees the consortium's quote; its shares are now fixed.
    const partnerView = (await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { quotes { id consortium { id } } } }`, { id: inquiryId }, tokens.conrad)))
      .inquiry;
    expect(partnerView.quotes).toEqual([{ id: submitted.id, consortium: { id: consortiumId } }]);
    expect((await respond(tokens.conrad, consortiumId, false)).errors![0].extensions?.code).toBe('CONFLICT');

    const owner = (
      await ok(
        stack.query(
          `query($id: ID!) { quoteComparison(inquiryId: $id) { quote { id consortium { partners { member { id } } } } unitPrice } }`,
          { id: inquiryId },
          tokens.partner,
        ),
      )
    ).quoteComparison;
    expect(owner).toHaveLength(1);
    expect(owner[0].quote.consortium.partners).toHaveLength(2);

    const version = (await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { version } }`, { id: inquiryId }, tokens.partner))).inquiry.version;
    await ok(
      stack.query(
        `mutation($id: ID!, $q: ID!, $v: Int!) { awardQuote(inquiryId: $id, quoteId: $q, version: $v) { status } }`,
        { id: inquiryId, q: submitted.id, v: version },
        tokens.partner,
      ),
    );
    const awarded = await stack.region.orm.em.fork().find(OutboxEventSchema, { type: 'AWARDED' });
    expect(awarded.map((e) => e.memberId).sort()).toEqual([members.anders, members.conrad].sort());
  });
});

describe('a consortium of an inquiry that no longer takes quotes', () => {
  test('its partners answer no more: CONFLICT naming the status, nothing changed', async () => {
    const id = await createInquiry(stack, tokens.partner);
    const versionOf = async () => (await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { version } }`, { id }, tokens.partner))).inquiry.version;
    await ok(
      stack.query(`mutation($id: ID!, $v: Int!) { publishInquiry(id: $id, version: $v, invite: 0) { id } }`, { id, v: await versionOf() }, tokens.admin),
    );
    await ok(stack.query(`mutation($id: ID!, $m: ID!) { addInvitee(inquiryId: $id, memberId: $m) { status } }`, { id, m: members.anders }, tokens.admin));
    const consortium = (
      await ok(
        stack.query(`mutation($id: ID!, $p: [ID!]!) { createConsortium(inquiryId: $id, partners: $p) { id } }`, { id, p: [members.conrad] }, tokens.anders),
      )
    ).createConsortium;
    await ok(stack.query(`mutation($id: ID!, $v: Int!) { cancelInquiry(id: $id, version: $v) { status } }`, { id, v: await versionOf() }, tokens.partner));
    const late = await respond(tokens.conrad, consortium.id, true, ['3.2.3'], 40);
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'CANCELLED' });
    const partners = (
      await ok(stack.query(`query($id: ID!) { consortium(id: $id) { partners { member { id } status } } }`, { id: consortium.id }, tokens.conrad))
    ).consortium.partners;
    expect(partners.find((p: { member: { id: string } }) => p.member.id === members.conrad).status).toBe('INVITED');
  });
});

describe('a lead that quoted alone before its consortium', () => {
  test('its partners read only the revisions submitted for the consortium; the lead and the owner read all', async () => {
    const id = await inquiryForAnders();
    const input = (unitPrice: number, consortiumId?: string) => ({
      priceTiers: [{ minQuantity: 1, unitPrice }],
      leadTimeDays: 30,
      validUntil: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
      consortiumId,
    });
    const submit = (variables: Record<string, unknown>) =>
      ok(
        stack.query(
          `mutation($id: ID!, $input: QuoteInput!, $v: Int) { submitQuote(inquiryId: $id, input: $input, version: $v) { id version } }`,
          { id, ...variables },
          tokens.anders,
        ),
      );
    // Alone first, at its own price.
    const alone = (await submit({ input: input(1234.5) })).submitQuote;
    const con = await consortiumWithConrad(id);
    await ok(respond(tokens.anders, con, true, ['3.2.1'], 60));
    await ok(respond(tokens.conrad, con, true, ['3.2.3'], 40));
    await submit({ input: input(990, con), v: alone.version });
    const revisions = async (token: string) =>
      (await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { quotes { revisions { revision priceTiers { unitPrice } } } } }`, { id }, token))).inquiry
        .quotes[0].revisions;
    // The partner read the lead's price from before the consortium, 1,234.50 (the inquiry probe).
    expect(await revisions(tokens.conrad)).toEqual([{ revision: 2, priceTiers: [{ unitPrice: 990 }] }]);
    for (const token of [tokens.anders, tokens.partner])
      expect(await revisions(token)).toEqual([
        { revision: 1, priceTiers: [{ unitPrice: 1234.5 }] },
        { revision: 2, priceTiers: [{ unitPrice: 990 }] },
      ]);
  });
});

describe('a partner that declines', () => {
  test('is out: the lead asks another in, and the consortium completes and quotes without the one that declined', async () => {
    // The lead could neither add a partner nor form a second consortium: CONFLICT EXISTS, and the declined partner
    // kept it INCOMPLETE for good (the inquiry probe).
    const id = await inquiryForAnders();
    const con = await consortiumWithConrad(id);
    await ok(respond(tokens.anders, con, true, ['3.2.1'], 70));
    const declined = (await ok(respond(tokens.conrad, con, false))).respondToConsortium;
    expect(declined.complete).toBe(false);
    const add = (token: string, partners: string[]) =>
      stack.query(
        `mutation($id: ID!, $p: [ID!]!) { addConsortiumPartners(consortiumId: $id, partners: $p) { ${consortiumFields} } }`,
        { id: con, p: partners },
        token,
      );
    // Only its lead adds, and no one twice; anyone else learns nothing of it.
    expect((await add(tokens.conrad, [members.gerlach])).errors![0].extensions?.code).toBe('NOT_FOUND');
    expect((await add(tokens.anders, [members.conrad])).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DUPLICATE' });
    const added = (await ok(add(tokens.anders, [members.gerlach]))).addConsortiumPartners;
    expect(added.partners.map((p: { member: { id: string }; status: string }) => [p.member.id, p.status])).toEqual([
      [members.anders, 'ACCEPTED'],
      [members.conrad, 'DECLINED'],
      [members.gerlach, 'INVITED'],
    ]);
    const told = await stack.region.orm.em.fork().find(OutboxEventSchema, { type: 'CONSORTIUM_INVITED', memberId: members.gerlach });
    expect(told).toHaveLength(1);
    const complete = (await ok(respond(tokens.gerlach, con, true, ['3.2.1'], 30))).respondToConsortium;
    expect(complete.complete).toBe(true);
    const quoted = await ok(quote(tokens.anders, con, id));
    expect(quoted.submitQuote.consortium).toMatchObject({ id: con, complete: true });
    // Quoted: its partners are fixed.
    expect((await add(tokens.anders, [members.conrad])).errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
  });

  test('a lead that declined the inquiry asks no one in, and its consortium completes nothing', async () => {
    const id = await inquiryForAnders();
    const con = await consortiumWithConrad(id);
    await ok(respond(tokens.conrad, con, true, ['3.2.3'], 100));
    await ok(respond(tokens.anders, con, false));
    // Its own part declined: the partners' shares sum to 100, and it was complete.
    expect((await ok(stack.query(`query($id: ID!) { consortium(id: $id) { complete } }`, { id: con }, tokens.conrad))).consortium.complete).toBe(false);
    await ok(stack.query(`mutation($id: ID!) { declineInquiry(inquiryId: $id, reason: "Keine Kapazität") { status } }`, { id }, tokens.anders));
    const late = (
      await stack.query(
        `mutation($id: ID!, $p: [ID!]!) { addConsortiumPartners(consortiumId: $id, partners: $p) { id } }`,
        { id: con, p: [members.gerlach] },
        tokens.anders,
      )
    ).errors![0];
    expect([late.extensions?.code, late.message]).toEqual([
      'FORBIDDEN',
      `${members.anders} is not an invited bidder of ${id}; only invited members may lead a consortium.`,
    ]);
    expect(
      await stack.region.orm.em.fork().count(OutboxEventSchema, { type: 'CONSORTIUM_INVITED', memberId: members.gerlach, inquiryId: Number(id.slice(4)) }),
    ).toBe(0);
  });
});

describe('a consortium when the deadline moves or its quote is withdrawn', () => {
  test('a partner not invited itself hears of a later deadline, once, as the lead does', async () => {
    const id = await inquiryForAnders();
    await consortiumWithConrad(id);
    const version = (await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { version } }`, { id }, tokens.partner))).inquiry.version;
    await ok(
      stack.query(
        `mutation($id: ID!, $v: Int!, $d: String!) { extendQuoteDeadline(id: $id, version: $v, quoteDeadline: $d) { version } }`,
        { id, v: version, d: new Date(Date.now() + 15 * 86_400_000).toISOString() },
        tokens.partner,
      ),
    );
    const told = await stack.region.orm.em.fork().find(OutboxEventSchema, { type: 'DEADLINE_EXTENDED', inquiryId: Number(id.slice(4)) });
    expect(told.map((e) => e.memberId).sort()).toEqual([members.anders, members.conrad].sort());
  });

  test('only the lead withdraws the consortium’s quote; its partners are told and still see it, withdrawn', async () => {
    const id = await inquiryForAnders();
    const con = await consortiumWithConrad(id);
    await ok(respond(tokens.anders, con, true, ['3.2.1'], 60));
    await ok(respond(tokens.conrad, con, true, ['3.2.3'], 40));
    const quoted = (await ok(quote(tokens.anders, con, id))).submitQuote;
    const withdraw = (token: string) =>
      stack.query(`mutation($q: ID!, $v: Int!) { withdrawQuote(quoteId: $q, version: $v) { status } }`, { q: quoted.id, v: quoted.version }, token);
    const refused = (await withdraw(tokens.conrad)).errors![0];
    expect([refused.extensions?.code, refused.message]).toEqual([
      'FORBIDDEN',
      `Only ${members.anders}, the consortium's lead, may withdraw quote ${quoted.id}.`,
    ]);
    expect((await withdraw(tokens.gerlach)).errors![0].extensions?.code).toBe('NOT_FOUND');
    expect((await ok(withdraw(tokens.anders))).withdrawQuote).toEqual({ status: 'WITHDRAWN' });
    const told = await stack.region.orm.em.fork().find(OutboxEventSchema, { type: 'QUOTE_WITHDRAWN', inquiryId: Number(id.slice(4)) });
    expect(told.map((e) => e.memberId ?? e.ownerKey).sort()).toEqual([members.conrad, 'partner:oem'].sort());
    const seen = (await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { quotes { id status consortium { id } } } }`, { id }, tokens.conrad))).inquiry;
    expect(seen.quotes).toEqual([{ id: quoted.id, status: 'WITHDRAWN', consortium: { id: con } }]);
    // A withdrawn quote binds nobody: the lead mends the consortium (a partner dropping out is why one withdraws) and
    // may quote again; it read "has already quoted; its partners are fixed" (the lifecycle probe).
    const added = await stack.query(
      `mutation($id: ID!, $p: [ID!]!) { addConsortiumPartners(consortiumId: $id, partners: $p) { id } }`,
      { id: con, p: [members.gerlach] },
      tokens.anders,
    );
    expect(added.errors, JSON.stringify(added.errors)).toBeUndefined();
    expect((await ok(respond(tokens.conrad, con, true, ['3.2.3'], 30))).respondToConsortium).toBeTruthy();
  });
});
