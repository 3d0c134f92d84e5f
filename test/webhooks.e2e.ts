import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { close, listen } from '../shared/http.ts';
import { idempotencyKeyHours } from '../shared/idempotency.ts';
import { postEvent } from '../subgraphs/region/inquiries/dispatcher.ts';
import { openSecret } from '../subgraphs/region/inquiries/webhook-secrets.ts';
import { checkTarget, refusedTarget, type CheckedTarget } from '../subgraphs/region/inquiries/webhooks.ts';
import { createMember } from './support/members.ts';
import { WebhookReceivers } from './support/webhooks.ts';
import { ok, startStack, type Stack } from './support/stack.ts';

// Inquiry events reach the webhooks of members, offices and inquiry owners
// from the outbox, at least once, signed, retried with backoff until the
// receiver takes them. Secrets are sealed at rest; writes are audited.

let stack: Stack;
let receiver: Server;
let receiverUrl: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const failuresPerEvent = new Map<string, number>();
const tokens: Record<string, string> = {};
const members: Record<string, string> = {};

const register = (token: string, url: string, events: string[]) =>
  stack.query(
    `mutation($url: String!, $events: [InquiryEventType!]!) { registerWebhook(url: $url, events: $events) { secret webhook { id url events } } }`,
    { url, events },
    token,
  );
const deliveriesQuery = '{ webhooks { id url deliveries { eventId eventType attempts lastStatus lastError deliveredAt nextAttemptAt } } }';

beforeAll(async () => {
  // The receiver refuses each event twice (HTTP 503), then accepts it.
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const id = String(req.headers['x-irm-event-id']);
      const failures = failuresPerEvent.get(id) ?? 0;
      failuresPerEvent.set(id, failures + 1);
      res.statusCode = failures < 2 ? 503 : 204;
      res.end();
    });
  });
  receiverUrl = await listen(receiver, 0);
  stack = await startStack({ dispatcher: true });
  tokens.admin = await stack.token({ role: 'admin', sub: 'webhook-admin' });
  for (const [key, network, postalCode] of [
    ['anders', 'LINAT', '99974'],
    ['conrad', 'KONAT', '99817'],
  ]) {
    const input = { name: `${key} GmbH`, postalCode, city: 'Ort', processes: ['3.2.1'], materials: ['42CrMo4'], employees: 50 };
    ({ id: members[key], token: tokens[key] } = await createMember(stack, tokens.admin, network, input));
  }
  tokens.partner = await stack.token({ role: 'partner', sub: 'oem' });
  tokens.konatOffice = await stack.token({ role: 'office', network: 'KONAT', sub: 'konat-office' });
  tokens.rival = await stack.token({ role: 'partner', sub: 'rival' });
});
afterAll(async () => {
  await stack?.stop();
  if (receiver) await close(receiver);
});

describe('webhooks', () => {
  test('only http(s) URLs, and without the loopback allowance no loopback or private address', async () => {
    const bad = (await register(tokens.anders, 'ftp://example.org/hook', ['INVITED'])).errors![0];
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(bad.message).toMatch(/http or https/);
    expect(await refusedTarget('http://127.0.0.1:8080/hook', false)).toMatch(/loopback/);
    expect(await refusedTarget('http://[::1]/hook', false)).toMatch(/loopback/);
    expect(await refusedTarget('https://10.20.30.40/hook', false)).toMatch(/private/);
    expect(await refusedTarget('https://169.254.169.254/latest', false)).toMatch(/link-local/);
    // Ways around the first list: an IPv4 address inside IPv6, translated (NAT64, 6to4), site-local, benchmarking.
    for (const url of [
      'http://[::127.0.0.1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[64:ff9b::a9fe:a9fe]/',
      'http://[2002:7f00:1::]/',
      'http://[fec0::1]/',
      'http://198.18.0.1/',
      'http://198.19.255.254/',
    ]) {
      expect(await refusedTarget(url, false), url).toMatch(/loopback, private, link-local or reserved/);
    }
    // Every address a name resolves to is checked (decided here, nothing is connected to).
    const resolvesTo =
      (...addresses: string[]) =>
      async () =>
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    expect(await refusedTarget('https://hooks.example/hook', false, resolvesTo('93.184.215.14', '10.0.0.7'))).toMatch(/private/);
    expect(await refusedTarget('https://hooks.example/hook', false, resolvesTo('93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'))).toBeNull();
    expect(await refusedTarget('https://93.184.215.14/hook', false)).toBeNull();
    expect(await refusedTarget('http://127.0.0.1:8080/hook', true)).toBeNull();
    // The URL parser drops a line break, so the webhook was listed with it and called without; port 0 takes no call.
    const broken = (await register(tokens.anders, `${receiverUrl}/a\nb`, ['INVITED'])).errors![0];
    expect(broken).toMatchObject({ message: expect.stringMatching(/contains a space or a control character/), extensions: { field: 'url', reason: 'URL' } });
    expect(await refusedTarget('http://127.0.0.1:0/hook', true)).toMatch(/port 0/);
    // Admin registers for a member with memberId; without it, for its own inquiries, and is told how to hear a member's.
    expect((await register(tokens.admin, `${receiverUrl}/hook`, ['INVITED'])).errors![0].message).toMatch(/to hear a member's, pass its memberId\.$/);
    // A partner's webhooks hear of the inquiries it owns: quotes received, nothing addressed to bidders.
    const partnerInvited = (await register(tokens.partner, `${receiverUrl}/hook`, ['QUOTE_RECEIVED', 'INVITED'])).errors![0];
    expect(partnerInvited.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
    expect(partnerInvited.message).toMatch(/events may be QUOTE_RECEIVED or QUOTE_WITHDRAWN, not INVITED/);
    const forMember = await stack.query(
      `mutation($url: String!, $m: ID) { registerWebhook(url: $url, events: [QUOTE_RECEIVED], memberId: $m) { secret } }`,
      { url: `${receiverUrl}/hook`, m: members.anders },
      tokens.partner,
    );
    expect(forMember.errors![0].extensions?.code).toBe('FORBIDDEN');
  });

  test('a delivery connects to the address that was checked, not to what the name resolves to next (DNS rebinding)', async () => {
    // localhost resolves to 127.0.0.2 for the check and to the receiver (127.0.0.1) on every later look-up.
    // The system's resolver never answers 127.0.0.2, so a request arriving there used the checked address.
    const port = new URL(receiverUrl).port;
    const pinned: IncomingHttpHeaders[] = [];
    const checkedServer = createServer((req, res) => {
      pinned.push(req.headers);
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => checkedServer.listen(Number(port), '127.0.0.2', resolve));
    let lookups = 0;
    const rebinding = async () => [{ address: lookups++ === 0 ? '127.0.0.2' : '127.0.0.1', family: 4 }];
    try {
      const checked = await checkTarget(`http://localhost:${port}/pinned`, true, rebinding);
      expect('refused' in checked).toBe(false);
      const before = received.length;
      expect(await postEvent(checked as CheckedTarget, { 'x-irm-event-id': 'pinned-1', 'content-type': 'application/json' }, '{}')).toBe(204);
      expect(pinned.map((h) => [h.host, h['x-irm-event-id']])).toEqual([[`localhost:${port}`, 'pinned-1']]);
      expect(received.length).toBe(before);
      expect(lookups).toBe(1);
    } finally {
      await close(checkedServer);
    }
  });

  test('an event survives two failed deliveries: three attempts, one event id, a valid signature; the owner sees the delivery state', async () => {
    const { secret, webhook } = (await ok(register(tokens.anders, `${receiverUrl}/anders`, ['INVITED', 'DEADLINE_NEAR', 'AWARDED']))).registerWebhook;
    expect(secret.length).toBeGreaterThanOrEqual(40);
    const office = (await ok(register(tokens.konatOffice, `${receiverUrl}/konat-office`, ['INVITED']))).registerWebhook;

    const input = {
      title: 'Buchse',
      partDescription: 'Gedrehte Buchse',
      processes: ['3.2.1'],
      material: '42CrMo4',
      quantities: [{ quantity: 200 }],
      deliveryLocation: { postalCode: '99974' },
      deliveryDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      // Within a day: the invitees also hear that the deadline is near.
      quoteDeadline: new Date(Date.now() + 3 * 3600_000).toISOString(),
    };
    const created = (await ok(stack.query(`mutation($input: InquiryInput!) { createInquiry(input: $input) { id version } }`, { input }, tokens.partner)))
      .createInquiry;
    const published = (
      await ok(
        stack.query(
          `mutation($id: ID!, $v: Int!) { publishInquiry(id: $id, version: $v, invite: 5) { invitations { member { id } } } }`,
          { id: created.id, v: created.version },
          tokens.partner,
        ),
      )
    ).publishInquiry;
    expect(published.invitations.map((i: { member: { id: string } }) => i.member.id).sort()).toEqual([members.anders, members.conrad].sort());

    type Delivery = { eventId: string; eventType: string; attempts: number; lastStatus: number | null; deliveredAt: string | null };
    let deliveries: Delivery[] = [];
    for (let i = 0; i < 200; i++) {
      deliveries = (await ok(stack.query(deliveriesQuery, {}, tokens.anders))).webhooks[0].deliveries;
      if (deliveries.length === 2 && deliveries.every((d) => d.deliveredAt)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(deliveries.map((d) => d.eventType).sort()).toEqual(['DEADLINE_NEAR', 'INVITED']);
    for (const d of deliveries) expect(d).toMatchObject({ attempts: 3, lastStatus: 204, deliveredAt: expect.any(String) });

    const invited = deliveries.find((d) => d.eventType === 'INVITED')!;
    const requests = received.filter((r) => r.headers['x-irm-event-id'] === invited.eventId);
    expect(requests).toHaveLength(3);
    for (const r of requests) {
      expect(r.body).toBe(requests[0].body);
      expect(r.headers['x-irm-signature']).toBe(`sha256=${createHmac('sha256', secret).update(r.body).digest('hex')}`);
      const event = JSON.parse(r.body);
      expect(event).toMatchObject({ id: invited.eventId, type: 'INVITED', data: { inquiryId: created.id, title: 'Buchse' } });
    }

    // The KONAT office hears of its member's invitation, with its own secret; anders' webhook is not shown to it.
    const officeHooks = (await ok(stack.query(deliveriesQuery, {}, tokens.konatOffice))).webhooks;
    expect(officeHooks.map((w: { id: string }) => w.id)).toEqual([office.webhook.id]);
    let officeDelivery: Delivery | undefined;
    for (let i = 0; i < 200 && !officeDelivery?.deliveredAt; i++) {
      officeDelivery = (await ok(stack.query(deliveriesQuery, {}, tokens.konatOffice))).webhooks[0].deliveries[0];
      if (!officeDelivery?.deliveredAt) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(officeDelivery).toMatchObject({ eventType: 'INVITED', attempts: 3, deliveredAt: expect.any(String) });
    const officeRequest = received.find((r) => r.headers['x-irm-event-id'] === officeDelivery!.eventId)!;
    expect(officeRequest.headers['x-irm-signature']).toBe(`sha256=${createHmac('sha256', office.secret).update(officeRequest.body).digest('hex')}`);
    expect(JSON.parse(officeRequest.body).data.inquiryId).toBe(created.id);

    expect((await stack.query(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id: webhook.id }, tokens.conrad)).errors![0].extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await ok(stack.query(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id: webhook.id }, tokens.anders))).deleteWebhook).toBe(true);
    expect((await ok(stack.query(deliveriesQuery, {}, tokens.anders))).webhooks).toEqual([]);
  });

  test("a partner owning an inquiry hears QUOTE_RECEIVED of it, and no partner hears of another one's", async () => {
    // Before, a partner's registration was refused ("capacity exchange"), so a customer's quotes reached nobody.
    const own = (await ok(register(tokens.partner, `${receiverUrl}/oem`, ['QUOTE_RECEIVED']))).registerWebhook;
    const rival = (await ok(register(tokens.rival, `${receiverUrl}/rival`, ['QUOTE_RECEIVED']))).registerWebhook;
    const input = {
      title: 'Flansch',
      partDescription: 'Gedrehter Flansch',
      processes: ['3.2.1'],
      material: '42CrMo4',
      quantities: [{ quantity: 100 }],
      deliveryLocation: { postalCode: '99974' },
      deliveryDate: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10),
      quoteDeadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    };
    const created = (await ok(stack.query(`mutation($input: InquiryInput!) { createInquiry(input: $input) { id version } }`, { input }, tokens.partner)))
      .createInquiry;
    await ok(
      stack.query(
        `mutation($id: ID!, $v: Int!) { publishInquiry(id: $id, version: $v, invite: 5) { id } }`,
        { id: created.id, v: created.version },
        tokens.partner,
      ),
    );
    const quoteInput = {
      priceTiers: [{ minQuantity: 1, unitPrice: 12.5 }],
      leadTimeDays: 42,
      validUntil: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
    };
    const quote = (
      await ok(
        stack.query(
          `mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }`,
          { id: created.id, input: quoteInput },
          tokens.conrad,
        ),
      )
    ).submitQuote;

    type Hook = { id: string; deliveries: { eventId: string; eventType: string; deliveredAt: string | null }[] };
    let hooks: Hook[] = [];
    for (let i = 0; i < 200; i++) {
      hooks = (await ok(stack.query(deliveriesQuery, {}, tokens.partner))).webhooks;
      if (hooks[0]?.deliveries[0]?.deliveredAt) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The partner sees its own webhook only, with the one event of its inquiry.
    expect(hooks.map((h) => h.id)).toEqual([own.webhook.id]);
    expect(hooks[0].deliveries).toMatchObject([{ eventType: 'QUOTE_RECEIVED', deliveredAt: expect.any(String) }]);
    const request = received.find((r) => r.headers['x-irm-event-id'] === hooks[0].deliveries[0].eventId)!;
    expect(request.headers['x-irm-signature']).toBe(`sha256=${createHmac('sha256', own.secret).update(request.body).digest('hex')}`);
    expect(JSON.parse(request.body)).toMatchObject({ type: 'QUOTE_RECEIVED', data: { inquiryId: created.id, quoteId: quote.id } });

    // The rival's webhook got nothing, and the partners cannot see or delete each other's.
    const rivalHooks = (await ok(stack.query(deliveriesQuery, {}, tokens.rival))).webhooks;
    expect(rivalHooks).toEqual([{ id: rival.webhook.id, url: `${receiverUrl}/rival`, deliveries: [] }]);
    expect(
      received
        .filter((r) => r.body.includes(created.id))
        .every((r) => r.headers['x-irm-signature'] !== `sha256=${createHmac('sha256', rival.secret).update(r.body).digest('hex')}`),
    ).toBe(true);
    expect((await stack.query(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id: own.webhook.id }, tokens.rival)).errors![0].extensions?.code).toBe(
      'NOT_FOUND',
    );
  });

  test('webhook secrets are stored sealed (AES-256-GCM), never in plain text', async () => {
    const { secret } = (await ok(register(tokens.conrad, `${receiverUrl}/sealed`, ['AWARDED']))).registerWebhook;
    const rows = await stack.region.orm.em.fork().execute<{ secret: string }[]>(`select "secret" from "webhook"`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row.secret).toMatch(/^v1:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(openSecret(stack.webhookKey, rows.at(-1)!.secret)).toBe(secret);
    expect(() => openSecret(Buffer.alloc(32, 7), rows.at(-1)!.secret)).toThrow();
  });

  test("registering and deleting webhooks, by their owners and by admin, is in region's audit log", async () => {
    const { webhook } = (await ok(register(tokens.konatOffice, `${receiverUrl}/audited`, ['INVITED']))).registerWebhook;
    expect((await ok(stack.query(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id: webhook.id }, tokens.admin))).deleteWebhook).toBe(true);
    const log = (await ok(stack.query(`{ regionAuditLog(first: 100) { entries { subject role actorNetwork action target before after } } }`, {}, tokens.admin)))
      .regionAuditLog.entries;
    type Entry = { subject: string; role: string; actorNetwork: string | null; action: string; target: string; before: string | null; after: string | null };
    const about = log.filter((e: Entry) => e.target === webhook.id);
    expect(about.map((e: Entry) => [e.action, e.subject, e.role, e.actorNetwork])).toEqual([
      ['deleteWebhook', 'webhook-admin', 'admin', null],
      ['registerWebhook', 'konat-office', 'office', 'KONAT'],
    ]);
    expect(JSON.parse(about[1].after!)).toEqual({
      url: `${receiverUrl}/audited`,
      events: ['INVITED'],
      memberId: null,
      network: 'KONAT',
      owner: 'office:KONAT',
    });
    expect(JSON.parse(about[0].before!)).toEqual(JSON.parse(about[1].after!));
    expect(about[0].after).toBeNull();
    // Every webhook write so far is there, the partners' too; no secret is.
    const actions = log.filter((e: Entry) => e.target.startsWith('wh-')).map((e: Entry) => `${e.action} ${e.role}`);
    expect(actions).toEqual(expect.arrayContaining(['registerWebhook partner', 'registerWebhook member', 'deleteWebhook member']));
    expect(JSON.stringify(log)).not.toMatch(/secret/);
    // The KONAT office reads the entries about its network's webhooks.
    const office = (await ok(stack.query(`{ regionAuditLog(first: 100) { entries { action target } } }`, {}, tokens.konatOffice))).regionAuditLog.entries;
    expect(office.filter((e: Entry) => e.target === webhook.id).map((e: Entry) => e.action)).toEqual(['deleteWebhook', 'registerWebhook']);
  });

  test("an office lists and deletes a webhook it registered for its member; another network's office does not see it", async () => {
    const forMember = `mutation($url: String!, $m: ID!) { registerWebhook(url: $url, events: [INVITED], memberId: $m) { webhook { id } } }`;
    const { id } = (await ok(stack.query(forMember, { url: `${receiverUrl}/fuer-conrad`, m: members.conrad }, tokens.konatOffice))).registerWebhook.webhook;
    const listed = async (token: string) => (await ok(stack.query('{ webhooks { id } }', {}, token))).webhooks.map((w: { id: string }) => w.id);
    expect(await listed(tokens.konatOffice)).toContain(id);
    expect(await listed(tokens.conrad)).toContain(id);
    const linatOffice = await stack.token({ role: 'office', network: 'LINAT', sub: 'linat-office' });
    expect(await listed(linatOffice)).not.toContain(id);
    expect((await stack.query(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id }, linatOffice)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await ok(stack.query(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id }, tokens.konatOffice))).deleteWebhook).toBe(true);
    expect(await listed(tokens.conrad)).not.toContain(id);
  });

  test('an extended deadline is told to the invitees, and DEADLINE_NEAR follows the new deadline; the owner hears of a withdrawn quote', async () => {
    type Event = { type: string; occurredAt: string; data: Record<string, unknown> };
    const receivers = new WebhookReceivers<Event>();
    try {
      await receivers.register(stack, 'conrad', tokens.conrad, ['DEADLINE_NEAR', 'DEADLINE_EXTENDED']);
      await receivers.register(stack, 'owner', tokens.partner, ['QUOTE_WITHDRAWN']);
      const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
      const input = {
        title: 'Zapfen',
        partDescription: 'Gedrehter Zapfen',
        processes: ['3.2.1'],
        material: '42CrMo4',
        quantities: [{ quantity: 100 }],
        deliveryLocation: { postalCode: '99974' },
        deliveryDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        // Within a day: the invitees hear that the deadline is near.
        quoteDeadline: inHours(3),
      };
      const created = (await ok(stack.query(`mutation($input: InquiryInput!) { createInquiry(input: $input) { id version } }`, { input }, tokens.partner)))
        .createInquiry;
      const published = (
        await ok(
          stack.query(
            `mutation($id: ID!, $v: Int!) { publishInquiry(id: $id, version: $v, invite: 5) { version quoteDeadline } }`,
            { id: created.id, v: created.version },
            tokens.partner,
          ),
        )
      ).publishInquiry;
      const ofInquiry = (events: Event[]) => events.filter((e) => e.data.inquiryId === created.id);
      // DEADLINE_NEAR names the deadline as every other event does, to the millisecond (it dropped them, so the same
      // deadline read as two beside DEADLINE_EXTENDED: the lifecycle probe).
      await expect.poll(async () => ofInquiry(await receivers.deliveries('conrad', 1)).length, { timeout: 15_000, interval: 50 }).toBe(1);
      expect(ofInquiry(receivers.received.conrad)).toMatchObject([{ type: 'DEADLINE_NEAR', data: { quoteDeadline: published.quoteDeadline } }]);

      const extend = (version: number, quoteDeadline: string) =>
        stack.query(
          `mutation($id: ID!, $v: Int!, $d: String!) { extendQuoteDeadline(id: $id, version: $v, quoteDeadline: $d) { version quoteDeadline } }`,
          { id: created.id, v: version, d: quoteDeadline },
          tokens.partner,
        );
      // Still within the day: told of the extension, and reminded anew of the new deadline (the old one's reminder is spent).
      const nearer = (await ok(extend(published.version, inHours(20)))).extendQuoteDeadline;
      await expect.poll(() => ofInquiry(receivers.received.conrad).length, { timeout: 15_000, interval: 50 }).toBe(3);
      const [, first, second] = ofInquiry(receivers.received.conrad);
      expect([first, second].map((e) => e.type).sort()).toEqual(['DEADLINE_EXTENDED', 'DEADLINE_NEAR']);
      expect([first, second].find((e) => e.type === 'DEADLINE_NEAR')!.data.quoteDeadline).toBe(nearer.quoteDeadline);
      expect([first, second].find((e) => e.type === 'DEADLINE_EXTENDED')!.data).toMatchObject({
        quoteDeadline: nearer.quoteDeadline,
        previousQuoteDeadline: published.quoteDeadline,
      });
      // Three days off: told of it, and no reminder until a day before the new deadline.
      const later = (await ok(extend(nearer.version, inHours(72)))).extendQuoteDeadline;
      await expect.poll(() => ofInquiry(receivers.received.conrad).length, { timeout: 15_000, interval: 50 }).toBe(4);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(ofInquiry(receivers.received.conrad).map((e) => e.type)).toEqual(['DEADLINE_NEAR', first.type, second.type, 'DEADLINE_EXTENDED']);
      expect(ofInquiry(receivers.received.conrad)[3].data.quoteDeadline).toBe(later.quoteDeadline);
      // Past the deadline (moved there in the database), a new one within the day: told as of an extension, and
      // reminded of the new deadline, as quoting opens again.
      await stack.region.orm.em
        .fork()
        .execute(`update "inquiry" set "quote_deadline" = now() - interval '1 minute' where "id" = ?`, [Number(created.id.replace(/^inq-/, ''))]);
      const reopened = (await ok(extend(later.version, inHours(10)))).extendQuoteDeadline;
      await expect.poll(() => ofInquiry(receivers.received.conrad).length, { timeout: 15_000, interval: 50 }).toBe(6);
      const [fifth, sixth] = ofInquiry(receivers.received.conrad).slice(4);
      expect([fifth, sixth].map((e) => e.type).sort()).toEqual(['DEADLINE_EXTENDED', 'DEADLINE_NEAR']);
      expect([fifth, sixth].find((e) => e.type === 'DEADLINE_NEAR')!.data.quoteDeadline).toBe(reopened.quoteDeadline);
      const told = [fifth, sixth].find((e) => e.type === 'DEADLINE_EXTENDED')!;
      expect(told.data.quoteDeadline).toBe(reopened.quoteDeadline);
      expect(Date.parse(told.data.previousQuoteDeadline as string)).toBeLessThan(Date.parse(told.occurredAt));

      // A quote withdrawn: the customer's own webhook hears of it.
      const quoted = (
        await ok(
          stack.query(
            `mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id version } }`,
            {
              id: created.id,
              input: {
                priceTiers: [{ minQuantity: 1, unitPrice: 9 }],
                leadTimeDays: 20,
                validUntil: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
              },
            },
            tokens.anders,
          ),
        )
      ).submitQuote;
      await ok(
        stack.query(`mutation($q: ID!, $v: Int!) { withdrawQuote(quoteId: $q, version: $v) { status } }`, { q: quoted.id, v: quoted.version }, tokens.anders),
      );
      expect(await receivers.deliveries('owner', 1)).toMatchObject([
        { type: 'QUOTE_WITHDRAWN', data: { inquiryId: created.id, quoteId: quoted.id, revision: 1 } },
      ]);
    } finally {
      await receivers.close();
    }
  });

  test('the dispatcher deletes idempotency keys older than a day and keeps younger ones', async () => {
    const em = stack.region.orm.em.fork();
    const insert = `insert into "idempotency_key" ("scope", "operation", "key", "payload_hash", "result_id", "created_at") values (?, 'createInquiry', ?, 'h', 1, now() - make_interval(hours => ?))`;
    await em.execute(insert, ['partner:old', 'k-old', idempotencyKeyHours + 1]);
    await em.execute(insert, ['partner:young', 'k-young', idempotencyKeyHours - 1]);
    const scopes = async () =>
      (await em.execute<{ scope: string }[]>(`select "scope" from "idempotency_key" where "scope" like 'partner:%' order by "scope"`)).map((r) => r.scope);
    for (let i = 0; i < 100 && (await scopes()).includes('partner:old'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await scopes()).toEqual(['partner:young']);
  });
});
