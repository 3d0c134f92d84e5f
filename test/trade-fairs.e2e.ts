import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { organisersOfBoothEntries } from '../subgraphs/region/migrations/Migration20261206200000_audit_reader_network.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { close, listen } from '../shared/http.ts';
import { launchBrowser } from './support/browser.ts';
import { ok, startStack, type GraphQLResponse, type Stack } from './support/stack.ts';

// Joint trade-fair booths through the gateway, with the roles that use them
// across two networks: NIWE's office organises the booth at the network fair in
// Bad Salzuflen, members of NIWE and LINAT register (themselves or through their
// office), the organiser confirms or declines, the costs are split cent-exact
// (the hand-computed fixture of test/booth-cost-split.test.ts) and exported,
// the catalogue is downloaded as CSV and as a page to print. Then the deadline
// passes, and 50 members race for a booth with room for exactly 10.

let stack: Stack;
const members: Record<string, string> = {};
const tokens: Record<string, string> = {};
const received: { type: string; data: Record<string, unknown> }[] = [];
let receiver: Server;

const registrationFields = 'id status areaM2 products contact { name email phone } member { id } network { code } booth { id remainingAreaM2 } declineReason';
const boothFields =
  'id totalAreaM2 allocatedAreaM2 remainingAreaM2 fixedCostsCents baseFeeCents organiser { code } costsCsvPath catalogueCsvPath cataloguePrintPath';
const createMutation = `mutation($input: TradeFairInput!) { createTradeFair(input: $input) { id name city registrationOpen booth { ${boothFields} } } }`;
const registerMutation = `mutation($booth: ID!, $member: ID, $input: BoothRegistrationInput!) {
  registerForBooth(boothId: $booth, memberId: $member, input: $input) { ${registrationFields} }
}`;
const decide = (verb: 'confirm' | 'decline' | 'cancel', token: string, id: string) =>
  stack.query(`mutation($id: ID!) { ${verb}BoothRegistration(id: $id) { ${registrationFields} } }`, { id }, token);
const boothQuery = (fields: string) => `query($id: ID!) { jointBooth(id: $id) { ${fields} } }`;
const code = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

const inDays = (days: number, hour = 9) => {
  const at = new Date(Date.now() + days * 86_400_000);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

/** The network fair, with the costs of the hand-computed split of test/booth-cost-split.test.ts (1 876 542 cents fixed, 250 € base fee) on 40 m². */
const fairInput = (overrides: Record<string, unknown> = {}, booth: Record<string, unknown> = {}) => ({
  name: 'Netzwerkmesse Bad Salzuflen',
  city: 'Bad Salzuflen',
  startsAt: inDays(60),
  endsAt: inDays(62, 17),
  registrationDeadline: inDays(30, 22),
  ...overrides,
  booth: { totalAreaM2: 40, rentCents: 1_234_567, constructionCents: 543_210, servicesCents: 98_765, baseFeeCents: 25_000, ...booth },
});

const entry = (areaM2: number, products = ['Drehteile bis Ø 300 mm'], contact: Record<string, unknown> = {}) => ({
  areaM2,
  products,
  contact: { name: 'Anna Beispiel', email: 'messe@example.com', phone: '+49 5651 1234', ...contact },
});

const gatewayBase = () => stack.gatewayUrl.replace(/\/graphql$/, '');
const download = (path: string, token?: string) => fetch(`${gatewayBase()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

/** CSV as rows of cells; quoted cells may hold commas and doubled quotes, never line breaks in these files. */
function parseCsv(text: string): Record<string, string>[] {
  const cells = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));
  const [header, ...lines] = text.trimEnd().split('\n');
  const columns = cells(header);
  return lines.map((line) => Object.fromEntries(cells(line).map((v, i) => [columns[i], v])));
}

async function createMember(network: string, name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const input = { name, postalCode: '37269', city: 'Eschwege', ...extra };
  const data = await ok(
    stack.query(`mutation($n: NetworkCode!, $input: MemberInput!) { createMember(network: $n, input: $input) { id } }`, { n: network, input }, tokens.admin),
  );
  return data.createMember.id;
}

beforeAll(async () => {
  stack = await startStack({ dispatcher: true, networkTimeoutMs: 10_000 });
  tokens.admin = await stack.token({ role: 'admin' });
  const validUntil = `${new Date().getUTCFullYear() + 2}-06-30`;
  const fixture: [key: string, network: string, extra: Record<string, unknown>][] = [
    [
      'dreher',
      'NIWE',
      {
        website: 'https://dreherei.example/',
        processes: ['3.2.1'],
        certifications: [
          { standard: 'ISO 9001', number: 'Q-1', validUntil },
          { standard: 'ISO 14001', validUntil: '2020-01-31' },
        ],
      },
    ],
    ['haerterei', 'LINAT', { processes: ['6.2'], certifications: [{ standard: 'IATF 16949', validUntil }] }],
    ['fraeser', 'NIWE', { processes: ['3.2.3'] }],
    ['giesserei', 'LINAT', { processes: ['1.1'] }],
    ['spaet', 'LINAT', {}],
  ];
  for (const [key, network, extra] of fixture) {
    members[key] = await createMember(network, `${key[0].toUpperCase()}${key.slice(1)} GmbH`, extra);
    tokens[key] = await stack.token({ role: 'member', network, memberId: members[key] });
  }
  tokens.niweOffice = await stack.token({ role: 'office', network: 'NIWE' });
  tokens.linatOffice = await stack.token({ role: 'office', network: 'LINAT' });
  tokens.partner = await stack.token({ role: 'partner', sub: 'partner-1' });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.statusCode = 204;
      res.end();
    });
  });
  const url = await listen(receiver, 0);
  for (const key of ['dreher', 'giesserei']) {
    await ok(
      stack.query(`mutation($url: String!) { registerWebhook(url: $url, events: [BOOTH_REGISTRATION_CONFIRMED]) { webhook { id } } }`, { url }, tokens[key]),
    );
  }
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  if (receiver) await close(receiver);
});

describe('the joint booth at the network fair', () => {
  let booth: { id: string; costsCsvPath: string; catalogueCsvPath: string; cataloguePrintPath: string };
  const registrations: Record<string, string> = {};

  test('bad input is refused with its field and changes nothing; members and partners do not organise', async () => {
    const cases: [Record<string, unknown>, Record<string, unknown>, string][] = [
      [{ startsAt: inDays(-1), endsAt: inDays(1) }, {}, 'startsAt'],
      [{ registrationDeadline: inDays(61) }, {}, 'registrationDeadline'],
      [{ registrationDeadline: inDays(-2) }, {}, 'registrationDeadline'],
      [{ endsAt: inDays(59) }, {}, 'endsAt'],
      [{ startsAt: '2027-03-10' }, {}, 'startsAt'],
      // Without an offset it was read in the server's zone; a day not on the calendar was moved to another.
      [{ startsAt: `${inDays(30).slice(0, 16)}` }, {}, 'startsAt'],
      [{ endsAt: '2099-02-30T09:00:00Z' }, {}, 'endsAt'],
      [{ name: '  ' }, {}, 'name'],
      [{}, { totalAreaM2: 0 }, 'booth.totalAreaM2'],
      [{}, { rentCents: -1 }, 'booth.rentCents'],
      [{}, { baseFeeCents: 100_000_000 }, 'booth.baseFeeCents'],
      [{}, { servicesCents: 100_000_001 }, 'booth.servicesCents'],
    ];
    for (const [fair, costs, field] of cases) {
      const refused = await stack.query(createMutation, { input: fairInput(fair, costs) }, tokens.niweOffice);
      // Named as the argument's path, as the README's contract says (it was endsAt, booth.totalAreaM2).
      expect([code(refused), refused.errors?.[0].extensions?.field], JSON.stringify(refused.errors)).toEqual(['BAD_USER_INPUT', `input.${field}`]);
    }
    expect(code(await stack.query(createMutation, { input: fairInput() }, tokens.dreher))).toBe('FORBIDDEN');
    expect(code(await stack.query(createMutation, { input: fairInput() }, tokens.partner))).toBe('FORBIDDEN');
    expect(code(await stack.query(createMutation, { input: fairInput() }))).toBe('UNAUTHENTICATED');
    expect((await ok(stack.query(`{ tradeFairs(includePast: true) { id } }`, {}, tokens.admin))).tradeFairs).toEqual([]);
  });

  test("NIWE's office organises the booth; every member of the cooperation sees it", async () => {
    const created = (await ok(stack.query(createMutation, { input: fairInput() }, tokens.niweOffice))).createTradeFair;
    expect(created).toMatchObject({
      name: 'Netzwerkmesse Bad Salzuflen',
      registrationOpen: true,
      booth: { totalAreaM2: 40, allocatedAreaM2: 0, remainingAreaM2: 40, fixedCostsCents: 1_876_542, baseFeeCents: 25_000, organiser: { code: 'NIWE' } },
    });
    booth = created.booth;
    expect(booth.costsCsvPath).toBe(`/export/booth-costs.csv?booth=${booth.id}`);
    const seen = (await ok(stack.query(`{ tradeFairs { id booth { id } } }`, {}, tokens.haerterei))).tradeFairs;
    expect(seen).toEqual([{ id: created.id, booth: { id: booth.id } }]);
    expect((await ok(stack.query(`query($id: ID!) { tradeFair(id: $id) { city } }`, { id: created.id }, tokens.linatOffice))).tradeFair).toEqual({
      city: 'Bad Salzuflen',
    });
    expect((await ok(stack.query(boothQuery('id'), { id: 'jb-1' }, tokens.dreher))).jointBooth).toBeNull();
  });

  test('members of both networks register, themselves or through their office; the area is held and never over-allocated', async () => {
    const dreher = (await ok(stack.query(registerMutation, { booth: booth.id, input: entry(12, ['Drehteile', 'Wellen']) }, tokens.dreher))).registerForBooth;
    expect(dreher).toMatchObject({ status: 'PENDING', areaM2: 12, member: { id: members.dreher }, network: { code: 'NIWE' }, booth: { remainingAreaM2: 28 } });
    registrations.dreher = dreher.id;
    // LINAT's office registers its member; it may not register NIWE's.
    registrations.haerterei = (
      await ok(stack.query(registerMutation, { booth: booth.id, member: members.haerterei, input: entry(9, ['Gehärtete Zahnräder']) }, tokens.linatOffice))
    ).registerForBooth.id;
    expect(code(await stack.query(registerMutation, { booth: booth.id, member: members.fraeser, input: entry(9) }, tokens.linatOffice))).toBe('FORBIDDEN');
    registrations.fraeser = (await ok(stack.query(registerMutation, { booth: booth.id, input: entry(9, ['Frästeile']) }, tokens.fraeser))).registerForBooth.id;

    // Registering twice, an area that is not positive or more than is left, unknown ids: each refused, nothing held.
    const twice = await stack.query(registerMutation, { booth: booth.id, input: entry(1) }, tokens.haerterei);
    expect([code(twice), twice.errors?.[0].message]).toEqual([
      'CONFLICT',
      `${members.haerterei} is registered for joint booth ${booth.id} already; withdraw that registration to register anew.`,
    ]);
    const tooMuch = await stack.query(registerMutation, { booth: booth.id, input: entry(11) }, tokens.giesserei);
    expect([code(tooMuch), tooMuch.errors?.[0].extensions?.remainingAreaM2]).toEqual(['CONFLICT', 10]);
    const none = await stack.query(registerMutation, { booth: booth.id, input: entry(0) }, tokens.giesserei);
    expect([code(none), none.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.areaM2']);
    expect(code(await stack.query(registerMutation, { booth: booth.id, input: entry(2, []) }, tokens.giesserei))).toBe('BAD_USER_INPUT');
    // The same product twice (as the catalogue lists it, whatever its case) was taken and listed twice.
    const sameProduct = await stack.query(registerMutation, { booth: booth.id, input: entry(2, ['Wellen', 'Guss', 'wellen']) }, tokens.giesserei);
    expect(sameProduct.errors?.[0]).toMatchObject({
      message: 'input.products names "wellen" twice; give each product once.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.products[2]', reason: 'DUPLICATE' },
    });
    expect(code(await stack.query(registerMutation, { booth: booth.id, input: entry(2, ['x'], { email: 'kein' }) }, tokens.giesserei))).toBe('BAD_USER_INPUT');
    // The contact's phone by the rule of a member's contacts: digits, spaces and + ( ) / - only, five digits at least.
    for (const phone of ['abc', '-----', '+49 (0) 1']) {
      const refused = await stack.query(registerMutation, { booth: booth.id, input: entry(2, ['x'], { phone }) }, tokens.giesserei);
      expect(refused.errors?.[0].extensions, phone).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contact.phone', reason: 'PHONE' });
    }
    expect(code(await stack.query(registerMutation, { booth: 'jb-1', input: entry(2) }, tokens.giesserei))).toBe('NOT_FOUND');
    expect(code(await stack.query(registerMutation, { booth: 'booth-1', input: entry(2) }, tokens.giesserei))).toBe('BAD_USER_INPUT');
    expect(code(await stack.query(registerMutation, { booth: booth.id, member: 'LINAT:m-999999', input: entry(2) }, tokens.linatOffice))).toBe('NOT_FOUND');
    expect(code(await stack.query(registerMutation, { booth: booth.id, input: entry(2) }, tokens.partner))).toBe('FORBIDDEN');

    registrations.giesserei = (
      await ok(stack.query(registerMutation, { booth: booth.id, input: entry(6, ['Gussteile']) }, tokens.giesserei))
    ).registerForBooth.id;
    const full = await stack.query(registerMutation, { booth: booth.id, input: entry(5) }, tokens.spaet);
    expect([code(full), full.errors?.[0].extensions?.remainingAreaM2]).toEqual(['CONFLICT', 4]);
    expect((await ok(stack.query(boothQuery('allocatedAreaM2 remainingAreaM2'), { id: booth.id }, tokens.dreher))).jointBooth).toEqual({
      allocatedAreaM2: 36,
      remainingAreaM2: 4,
    });
  });

  test('the organiser sees every registration, another office its members, a member its own', async () => {
    const list = async (token: string) =>
      (await ok(stack.query(boothQuery('registrations { id }'), { id: booth.id }, token))).jointBooth.registrations.map((r: { id: string }) => r.id);
    expect(await list(tokens.niweOffice)).toEqual([registrations.dreher, registrations.haerterei, registrations.fraeser, registrations.giesserei]);
    expect(await list(tokens.linatOffice)).toEqual([registrations.haerterei, registrations.giesserei]);
    expect(await list(tokens.dreher)).toEqual([registrations.dreher]);
    expect(await list(tokens.spaet)).toEqual([]);
  });

  test('only the organising office confirms or declines; a decline frees the area; a confirmation reaches the member by webhook', async () => {
    expect(code(await decide('confirm', tokens.linatOffice, registrations.haerterei))).toBe('FORBIDDEN');
    expect(code(await decide('confirm', tokens.dreher, registrations.dreher))).toBe('FORBIDDEN');
    expect(code(await decide('confirm', tokens.spaet, registrations.dreher))).toBe('NOT_FOUND');
    expect(code(await decide('confirm', tokens.niweOffice, 'br-1'))).toBe('NOT_FOUND');
    for (const key of ['dreher', 'haerterei', 'fraeser']) {
      expect((await ok(decide('confirm', tokens.niweOffice, registrations[key]))).confirmBoothRegistration.status).toBe('CONFIRMED');
    }
    const declined = (
      await ok(
        stack.query(
          `mutation($id: ID!) { declineBoothRegistration(id: $id, reason: "Gussteile zeigt schon ein anderer Stand.") { ${registrationFields} } }`,
          { id: registrations.giesserei },
          tokens.niweOffice,
        ),
      )
    ).declineBoothRegistration;
    expect(declined).toMatchObject({ status: 'DECLINED', declineReason: 'Gussteile zeigt schon ein anderer Stand.', booth: { remainingAreaM2: 10 } });
    expect(code(await decide('confirm', tokens.niweOffice, registrations.giesserei))).toBe('CONFLICT');
    expect(code(await decide('confirm', tokens.niweOffice, registrations.dreher))).toBe('CONFLICT');

    // The freed area is registered for again and confirmed: the four exhibitors of the hand-computed split, in that order.
    registrations.giesserei = (
      await ok(stack.query(registerMutation, { booth: booth.id, input: entry(6, ['Gussteile']) }, tokens.giesserei))
    ).registerForBooth.id;
    await ok(decide('confirm', tokens.niweOffice, registrations.giesserei));

    // Region's audit log says who did what to LINAT's member's registrations, for LINAT's office: NIWE's office
    // declined the first (with its reason), the member registered anew, NIWE's office confirmed.
    const log = (
      await ok(stack.query(`{ regionAuditLog(first: 100) { entries { role actorNetwork action target before after } } }`, {}, tokens.linatOffice))
    ).regionAuditLog.entries.filter((e: any) => e.action.endsWith('BoothRegistration') || e.action === 'registerForBooth');
    const state = (json: string | null) => json && JSON.parse(json);
    expect(log.slice(0, 3).map((e: any) => [e.action, e.role, e.actorNetwork, state(e.before)?.status ?? null, state(e.after).status])).toEqual([
      ['confirmBoothRegistration', 'office', 'NIWE', 'PENDING', 'CONFIRMED'],
      ['registerForBooth', 'member', 'LINAT', null, 'PENDING'],
      ['declineBoothRegistration', 'office', 'NIWE', 'PENDING', 'DECLINED'],
    ]);
    expect(log[0].target).toBe(registrations.giesserei);
    expect(state(log[2].after)).toMatchObject({
      booth: booth.id,
      memberId: members.giesserei,
      areaM2: 6,
      declineReason: 'Gussteile zeigt schon ein anderer Stand.',
    });
    // NIWE's office, the organiser, reads the same entries: its own decisions and what they were on. KONAT's
    // office, neither the member's nor the organiser, reads none of them; admin reads each once.
    const targets = async (token: string) =>
      (await ok(stack.query(`{ regionAuditLog(first: 100) { entries { target } } }`, {}, token))).regionAuditLog.entries
        .map((e: any) => e.target)
        .filter((target: string) => target === registrations.giesserei);
    expect(await targets(tokens.niweOffice)).toEqual([registrations.giesserei, registrations.giesserei]);
    expect(await targets(await stack.token({ role: 'office', network: 'KONAT' }))).toEqual([]);
    expect(await targets(tokens.admin)).toEqual([registrations.giesserei, registrations.giesserei]);
    // Entries written before the organiser read them (no reader_network) are its to read after the migration.
    const connection = stack.region.orm.em.fork().getConnection();
    await connection.execute(`update audit_entry set reader_network = null where target = ?`, [registrations.giesserei]);
    expect(await targets(tokens.niweOffice)).toEqual([]);
    await connection.execute(organisersOfBoothEntries);
    expect(await targets(tokens.niweOffice)).toEqual([registrations.giesserei, registrations.giesserei]);

    await expect.poll(() => received.length, { timeout: 15_000, interval: 50 }).toBeGreaterThanOrEqual(2);
    const byRegistration = new Map(received.map((d) => [d.data.registrationId, d]));
    expect(byRegistration.get(registrations.dreher)).toMatchObject({
      type: 'BOOTH_REGISTRATION_CONFIRMED',
      data: { registrationId: registrations.dreher, boothId: booth.id, areaM2: 12, status: 'CONFIRMED' },
    });
    expect(byRegistration.get(registrations.giesserei)?.type).toBe('BOOTH_REGISTRATION_CONFIRMED');
    // The declined registration was never confirmed, so giesserei heard once.
    expect(received).toHaveLength(2);
  });

  test('the cost split per exhibitor and per network, cent-exact; a member sees its own line', async () => {
    const splitFields = `costSplit { fixedCostsCents baseFeesCents sharedCents totalCents exhibitorCount confirmedAreaM2
      exhibitors { registration { id member { id } } areaM2 baseFeeCents areaShareCents totalCents } networks { network { code } exhibitors areaM2 totalCents } }`;
    const split = (await ok(stack.query(boothQuery(splitFields), { id: booth.id }, tokens.linatOffice))).jointBooth.costSplit;
    expect(split).toMatchObject({
      fixedCostsCents: 1_876_542,
      baseFeesCents: 100_000,
      sharedCents: 1_776_542,
      totalCents: 1_876_542,
      exhibitorCount: 4,
      confirmedAreaM2: 36,
    });
    expect(split.exhibitors.map((e: any) => [e.registration.id, e.areaM2, e.areaShareCents, e.totalCents])).toEqual([
      [registrations.dreher, 12, 592_181, 617_181],
      [registrations.haerterei, 9, 444_136, 469_136],
      [registrations.fraeser, 9, 444_135, 469_135],
      [registrations.giesserei, 6, 296_090, 321_090],
    ]);
    expect(split.networks).toEqual([
      { network: { code: 'NIWE' }, exhibitors: 2, areaM2: 21, totalCents: 617_181 + 469_135 },
      { network: { code: 'LINAT' }, exhibitors: 2, areaM2: 15, totalCents: 469_136 + 321_090 },
    ]);
    const own = (await ok(stack.query(boothQuery(splitFields), { id: booth.id }, tokens.fraeser))).jointBooth.costSplit;
    expect(own).toMatchObject({ totalCents: 1_876_542, networks: [] });
    expect(own.exhibitors.map((e: any) => e.totalCents)).toEqual([469_135]);
  });

  test('the cost split as CSV, under the graph access rules', async () => {
    const response = await download(booth.costsCsvPath, tokens.niweOffice);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(await response.text());
    const exhibitors = rows.filter((r) => r.line === 'EXHIBITOR');
    expect(exhibitors.map((r) => [r.memberName, r.network, r.areaM2, r.totalCents, r.totalEur])).toEqual([
      ['Dreher GmbH', 'NIWE', '12', '617181', '6171.81'],
      ['Haerterei GmbH', 'LINAT', '9', '469136', '4691.36'],
      ['Fraeser GmbH', 'NIWE', '9', '469135', '4691.35'],
      ['Giesserei GmbH', 'LINAT', '6', '321090', '3210.90'],
    ]);
    expect(rows.filter((r) => r.line === 'NETWORK').map((r) => [r.network, r.totalCents])).toEqual([
      ['NIWE', '1086316'],
      ['LINAT', '790226'],
    ]);
    const total = rows.find((r) => r.line === 'TOTAL')!;
    expect(total).toMatchObject({
      exhibitors: '4',
      areaM2: '36',
      baseFeeCents: '100000',
      areaShareCents: '1776542',
      totalCents: '1876542',
      totalEur: '18765.42',
    });
    expect(exhibitors.reduce((sum, r) => sum + Number(r.totalCents), 0)).toBe(Number(total.totalCents));

    const own = parseCsv(await (await download(booth.costsCsvPath, tokens.dreher)).text());
    expect(own.filter((r) => r.line === 'EXHIBITOR').map((r) => r.memberId)).toEqual([members.dreher]);
    expect(own.filter((r) => r.line === 'NETWORK')).toEqual([]);
    // The booth's TOTAL, as the office's: its count and area were the member's own line's beside the whole booth's fees.
    expect(own.find((r) => r.line === 'TOTAL')).toEqual(total);

    // As German Excel opens it by a double click: a BOM, semicolons, CRLF, decimal commas (UTF-8 with commas put each
    // line into one cell there, and 6171.81 stayed text: the CSV probe).
    const excel = await download(`${booth.costsCsvPath}&form=excel`, tokens.niweOffice);
    expect(excel.headers.get('content-disposition')).toBe(`attachment; filename="${booth.id}-costs-excel.csv"`);
    // text() drops the BOM: read as Excel does.
    const excelText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await excel.arrayBuffer());
    expect(excelText.startsWith('\ufeffline;registrationId;memberId;memberName;network;')).toBe(true);
    expect(excelText).toContain(';Dreher GmbH;NIWE;1;12;');
    expect(excelText).toContain(';617181;6171,81\r\n');
    expect(excelText).toContain('TOTAL;;;;;4;36;100000;1776542;1876542;18765,42\r\n');
    const wrongForm = await download(`${booth.costsCsvPath}&form=xlsx`, tokens.niweOffice);
    expect(wrongForm.status).toBe(400);
    expect(((await wrongForm.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'form', reason: 'NOT_APPLICABLE' });

    // Bad input names the query parameter the caller sent (booth, not the graph's jointBooth id) and why.
    const refusals: [string, string | undefined, number, Record<string, string>][] = [
      [booth.costsCsvPath, undefined, 401, { code: 'UNAUTHENTICATED' }],
      [booth.costsCsvPath, tokens.partner, 403, { code: 'FORBIDDEN' }],
      ['/export/booth-costs.csv', tokens.admin, 400, { code: 'BAD_USER_INPUT', field: 'booth', reason: 'REQUIRED' }],
      ['/export/booth-costs.csv?booth=zzz', tokens.admin, 400, { code: 'BAD_USER_INPUT', field: 'booth', reason: 'NOT_AN_ID' }],
      ['/export/booth-costs.csv?booth=jb-1', tokens.admin, 404, { code: 'NOT_FOUND' }],
      ['/export/booth-catalogue.html?booth=nonsense', tokens.admin, 400, { code: 'BAD_USER_INPUT', field: 'booth', reason: 'NOT_AN_ID' }],
    ];
    for (const [path, token, status, extensions] of refusals) {
      const refused = await download(path, token);
      const body = (await refused.json()) as { errors: { message: string; extensions: Record<string, string> }[] };
      expect([path, refused.status]).toEqual([path, status]);
      expect(body.errors[0].extensions, path).toMatchObject(extensions);
      if (extensions.field) expect(body.errors[0].message).toMatch(/^booth /);
    }
  });

  test('the exhibitor catalogue as CSV: processes and valid certifications from the networks, products and contact from the registration', async () => {
    const response = await download(booth.catalogueCsvPath, tokens.haerterei);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${booth.id}-catalogue.csv"`);
    const rows = parseCsv(await response.text());
    expect(rows.map((r) => r.memberId)).toEqual([members.dreher, members.haerterei, members.fraeser, members.giesserei]);
    expect(rows[0]).toMatchObject({
      name: 'Dreher GmbH',
      network: 'NIWE',
      website: 'https://dreherei.example/',
      products: 'Drehteile; Wellen',
      areaM2: '12',
      contactName: 'Anna Beispiel',
      contactEmail: 'messe@example.com',
      // A leading + would make a spreadsheet read a formula (formulaSafe, shared/member-csv.ts).
      contactPhone: "'+49 5651 1234",
    });
    expect(rows[0].processes).toMatch(/^3\.2\.1 \S/);
    // The expired ISO 14001 is left out: the catalogue offers what holds at the fair.
    expect(rows[0].certifications).toMatch(/^ISO 9001 Q-1 \(gültig bis \d{4}-06-30\)$/);
    expect(rows[1].certifications).toMatch(/^IATF 16949 /);
  });

  test('the catalogue as a print-ready, accessible page; what members typed is text, never markup', async () => {
    await ok(
      stack.query(
        registerMutation,
        { booth: booth.id, input: entry(1, ['Schilder <script>alert(1)</script> & "Zeichen"'], { name: 'Otto <b>Spät</b>' }) },
        tokens.spaet,
      ),
    );
    const pending = await download(booth.cataloguePrintPath, tokens.dreher);
    expect((await pending.text()).match(/<article /g)).toHaveLength(4);
    const spaet = (await ok(stack.query(boothQuery('registrations(status: PENDING) { id }'), { id: booth.id }, tokens.niweOffice))).jointBooth.registrations[0]
      .id;
    await ok(decide('confirm', tokens.niweOffice, spaet));

    const response = await download(booth.cataloguePrintPath, tokens.dreher);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    const page = await response.text();
    expect(page).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(page).toContain('<title>Gemeinschaftsstand der Innovationsregion Mitte – Netzwerkmesse Bad Salzuflen</title>');
    expect(page).toContain('@media print');
    expect(page).toContain('@page { size: A4;');
    expect(page).toContain('break-inside: avoid');
    expect(page.match(/<main>/g)).toHaveLength(1);
    expect(page.match(/<h1>/g)).toHaveLength(1);
    expect(page.match(/<article aria-labelledby="exhibitor-\d+">/g)).toHaveLength(5);
    expect(page.match(/<h2 id="exhibitor-\d+">/g)).toHaveLength(5);
    expect(page).toContain('<h2 id="exhibitor-1">Dreher GmbH</h2>');
    expect(page).toContain('<a href="https://dreherei.example/">');
    expect(page).toContain('Organisiert von Netzwerkbüro NIWE');
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>');
    expect(page).toContain('Schilder &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Zeichen&quot;');
    expect(page).toContain('Otto &lt;b&gt;Spät&lt;/b&gt;');

    // In a real browser (Debian's chromium, as the portal's tests launch it): axe-core's WCAG 2.1 A and AA rules on
    // screen and in print, and the page prints to an A4 PDF. setContent: nothing is fetched, the page needs nothing.
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage();
      await tab.setContent(page);
      await tab.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
      // A string, because this file is checked without the DOM's types.
      const violations = () =>
        tab.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
          .then((result) => result.violations.map((v) => v.id + ': ' + v.help))`);
      expect(await violations()).toEqual([]);
      await tab.emulateMedia({ media: 'print' });
      expect(await violations()).toEqual([]);
      expect(await tab.evaluate(`getComputedStyle(document.querySelector('article')).breakInside`)).toBe('avoid');
      const pdf = await tab.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await browser.close();
    }
  });

  test('past the deadline registration is closed; the member no longer withdraws, the organiser still does', async () => {
    const fairId = (await ok(stack.query(boothQuery('fair { id }'), { id: booth.id }, tokens.admin))).jointBooth.fair.id;
    await stack.region.orm.em
      .fork()
      .getConnection()
      .execute(`update "trade_fair" set "registration_deadline" = now() - interval '1 hour' where "id" = ?`, [Number(fairId.slice(3))]);
    expect((await ok(stack.query(`query($id: ID!) { tradeFair(id: $id) { registrationOpen } }`, { id: fairId }, tokens.dreher))).tradeFair).toEqual({
      registrationOpen: false,
    });
    await ok(decide('cancel', tokens.niweOffice, registrations.fraeser));
    const closed = await stack.query(registerMutation, { booth: booth.id, input: entry(1) }, tokens.fraeser);
    expect(code(closed)).toBe('CONFLICT');
    expect(closed.errors?.[0].extensions?.closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(code(await decide('cancel', tokens.dreher, registrations.dreher))).toBe('CONFLICT');
    const withdrawn = (await ok(decide('cancel', tokens.niweOffice, registrations.dreher))).cancelBoothRegistration;
    expect(withdrawn).toMatchObject({ status: 'CANCELLED', booth: { remainingAreaM2: 40 - 12 - 9 - 9 - 6 - 1 + 9 + 12 } });
    expect(code(await decide('cancel', tokens.niweOffice, registrations.dreher))).toBe('CONFLICT');
  });
});

describe('a booth admin organises for the region', () => {
  test("only admin decides on it; a member's office withdraws the registration before the deadline and frees its area", async () => {
    const created = (
      await ok(stack.query(createMutation, { input: fairInput({ name: 'Hannover Messe', city: 'Hannover' }, { totalAreaM2: 20 }) }, tokens.admin))
    ).createTradeFair;
    expect(created.booth.organiser).toBeNull();
    const registered = (await ok(stack.query(registerMutation, { booth: created.booth.id, member: members.haerterei, input: entry(8) }, tokens.admin)))
      .registerForBooth;
    expect(code(await decide('confirm', tokens.niweOffice, registered.id))).toBe('NOT_FOUND');
    expect(code(await decide('confirm', tokens.linatOffice, registered.id))).toBe('FORBIDDEN');
    expect((await ok(decide('confirm', tokens.admin, registered.id))).confirmBoothRegistration.status).toBe('CONFIRMED');
    const withdrawn = (await ok(decide('cancel', tokens.linatOffice, registered.id))).cancelBoothRegistration;
    expect(withdrawn).toMatchObject({ status: 'CANCELLED', booth: { remainingAreaM2: 20 } });
  });
});

describe('a member registers for one booth at most five times', () => {
  test('withdrawn or declined, it registers anew four times; the sixth is CONFLICT naming admin to ask, which the limit does not bind', async () => {
    const fair = (
      await ok(
        stack.query(
          createMutation,
          { input: fairInput({ name: 'Werkzeugbau-Tage Schmalkalden', city: 'Schmalkalden' }, { totalAreaM2: 20 }) },
          tokens.niweOffice,
        ),
      )
    ).createTradeFair;
    const register = (token: string, member?: string) => stack.query(registerMutation, { booth: fair.booth.id, member, input: entry(4) }, token);
    // Four corrections: withdrawn by the member, by its office, by the organiser, declined by the organiser.
    const ends: [verb: 'cancel' | 'decline', token: string][] = [
      ['cancel', tokens.spaet],
      ['cancel', tokens.linatOffice],
      ['cancel', tokens.niweOffice],
      ['decline', tokens.niweOffice],
    ];
    for (const [verb, token] of ends) {
      const registered = (await ok(register(tokens.spaet))).registerForBooth;
      await ok(decide(verb, token, registered.id));
    }
    const fifth = (await ok(register(tokens.linatOffice, members.spaet))).registerForBooth;
    await ok(decide('cancel', tokens.spaet, fifth.id));

    // The sixth, by the member or its office: refused, nothing held or written. The refusal names admin, the only one
    // the limit does not bind (it named the organiser's office, which cannot register another network's member).
    const refused = [await register(tokens.spaet), await register(tokens.linatOffice, members.spaet)];
    for (const response of refused)
      expect(response.errors?.[0]).toMatchObject({
        message: `${members.spaet} has registered for joint booth ${fair.booth.id} 5 times, each since withdrawn or declined: a member registers at most 5 times for one booth. To exhibit after all, ask the region's administration (admin): admin is not bound by the limit and registers the member.`,
        extensions: { code: 'CONFLICT', reason: 'REGISTRATIONS_USED_UP', limit: 5 },
      });
    const seen = (await ok(stack.query(boothQuery('remainingAreaM2 registrations { status }'), { id: fair.booth.id }, tokens.niweOffice))).jointBooth;
    expect(seen.remainingAreaM2).toBe(20);
    expect(seen.registrations.map((r: { status: string }) => r.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED', 'DECLINED', 'CANCELLED']);

    // Another member, and the same member at another booth, register as before; admin registers it, as often as needed.
    expect((await ok(register(tokens.giesserei))).registerForBooth.status).toBe('PENDING');
    const other = (
      await ok(stack.query(createMutation, { input: fairInput({ name: 'Zuliefertag Suhl', city: 'Suhl' }, { totalAreaM2: 8 }) }, tokens.linatOffice))
    ).createTradeFair;
    expect((await ok(stack.query(registerMutation, { booth: other.booth.id, input: entry(4) }, tokens.spaet))).registerForBooth.status).toBe('PENDING');
    const byAdmin = (await ok(register(tokens.admin, members.spaet))).registerForBooth;
    expect(byAdmin).toMatchObject({ status: 'PENDING', booth: { remainingAreaM2: 12 } });
    await ok(decide('cancel', tokens.admin, byAdmin.id));
    expect((await ok(register(tokens.admin, members.spaet))).registerForBooth).toMatchObject({ status: 'PENDING', booth: { remainingAreaM2: 12 } });
  });
});

describe('50 members race for a booth with room for exactly 10', () => {
  test('10 hold their area, 40 are refused with CONFLICT naming what is left; the booth is never over-allocated', async () => {
    const created = (
      await ok(stack.query(createMutation, { input: fairInput({ name: 'Zuliefermesse Erfurt', city: 'Erfurt' }, { totalAreaM2: 60 }) }, tokens.linatOffice))
    ).createTradeFair;
    const racers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const network = i % 2 ? 'NIWE' : 'LINAT';
        const memberId = await createMember(network, `Aussteller ${i} GmbH`);
        return stack.token({ role: 'member', network, memberId });
      }),
    );
    const results = await Promise.all(racers.map((token) => stack.query(registerMutation, { booth: created.booth.id, input: entry(6) }, token)));
    const held = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(held).toHaveLength(10);
    expect(held.every((r) => r.data.registerForBooth.status === 'PENDING' && r.data.registerForBooth.areaM2 === 6)).toBe(true);
    expect(refused).toHaveLength(40);
    for (const r of refused) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_ENOUGH_LEFT', remainingAreaM2: 0 });
      expect(r.errors![0].message).toBe(
        `Joint booth ${created.booth.id} has 0 m² left, less than the 6 m² asked for; it is taken until a registration is declined or withdrawn.`,
      );
    }
    // The database agrees: the area held is the sum of the holding registrations, and no more than the total.
    const [row] = await stack.region.orm.em
      .fork()
      .getConnection()
      .execute<{ allocated: number; held: number; rows: number }[]>(
        `select b."allocated_area_m2" as allocated, sum(r."area_m2")::int as held, count(r.*)::int as rows
         from "joint_booth" b join "booth_registration" r on r."booth_id" = b."id" and r."status" in ('PENDING', 'CONFIRMED')
         where b."id" = ? group by b."id"`,
        [Number(created.booth.id.slice(3))],
      );
    expect(row).toEqual({ allocated: 60, held: 60, rows: 10 });
    // And refuses to hold more than the total, whatever writes it.
    const overAllocate = `update "joint_booth" set "allocated_area_m2" = "allocated_area_m2" + 6 where "id" = ?`;
    await expect(
      stack.region.orm.em
        .fork()
        .getConnection()
        .execute(overAllocate, [Number(created.booth.id.slice(3))]),
    ).rejects.toThrow(/joint_booth_allocated_check/);
    // Freed area goes to the next one to ask.
    const first = held[0].data.registerForBooth.id;
    await ok(decide('decline', tokens.linatOffice, first));
    const next = racers[results.findIndex((r) => r.errors)];
    expect((await ok(stack.query(registerMutation, { booth: created.booth.id, input: entry(6) }, next))).registerForBooth.booth.remainingAreaM2).toBe(0);
  });
});

describe('statements per request', () => {
  test('a list of fairs with their booths, registrations, exhibitors and cost splits costs two statements, however many fairs it holds (5 and 6 here)', async () => {
    // The webhook dispatcher polls region's database every 50 ms; stopped, every statement counted is the request's.
    await stack.region.dispatcher?.stop();
    const list = `{ tradeFairs(includePast: true) { name booth { fair { name } remainingAreaM2 registrations { id booth { id } } exhibitors { id } costSplit { totalCents } } } }`;
    const statements = async () => {
      const before = stack.region.sql.count;
      const fairs = (await ok(stack.query(list, {}, tokens.admin))).tradeFairs;
      return { fairs: fairs.length, sql: stack.region.sql.count - before };
    };
    const before = await statements();
    await ok(stack.query(createMutation, { input: fairInput({ name: 'Metallmesse Kassel', city: 'Kassel' }) }, tokens.niweOffice));
    // One for the booths with their fairs (a join), one for the registrations of all booths (a DataLoader).
    expect(before.fairs).toBe(5);
    expect([before.sql, await statements()]).toEqual([2, { fairs: before.fairs + 1, sql: 2 }]);
  });
});
