import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMember } from './support/members.ts';
import { startStack, type Stack } from './support/stack.ts';

// Every write is recorded in the owning network, in the write's transaction; offices and admin read it.

let stack: Stack;
const tokens: Record<string, string> = {};

const auditQuery = `query($network: NetworkCode!, $first: Int, $after: String) {
  auditLog(network: $network, first: $first, after: $after) { entries { id at subject role actorNetwork action target before after } pageInfo { hasNextPage endCursor } }
}`;

async function audit(network = 'NIWE', token = tokens.niweOffice, first = 100) {
  const res = await stack.query(auditQuery, { network, first }, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.auditLog.entries as {
    id: string;
    subject: string;
    role: string;
    actorNetwork: string | null;
    action: string;
    target: string;
    before: string | null;
    after: string | null;
  }[];
}

beforeAll(async () => {
  stack = await startStack();
  tokens.admin = await stack.token({ role: 'admin', sub: 'admin-anna' });
  tokens.niweOffice = await stack.token({ role: 'office', network: 'NIWE', sub: 'office-niwe' });
  tokens.linatOffice = await stack.token({ role: 'office', network: 'LINAT', sub: 'office-linat' });
  tokens.partner = await stack.token({ role: 'partner', sub: 'zulieferer-ag' });
});
afterAll(async () => {
  await stack?.stop();
});

describe('audit log', () => {
  test('create, update and archive are each recorded with who, what, before and after', async () => {
    const created = await stack.query(
      `mutation { createMember(network: NIWE, input: { name: "Audit GmbH", postalCode: "37269", city: "Eschwege", contacts: [{ name: "Rita Revision" }] }) { id } }`,
      {},
      tokens.niweOffice,
    );
    const id = created.data.createMember.id;
    await stack.query(`mutation($id: ID!) { updateMember(id: $id, input: { employees: 12 }) { id } }`, { id }, tokens.niweOffice);
    await stack.query(`mutation($id: ID!) { archiveMember(id: $id) { id } }`, { id }, tokens.admin);

    const entries = await audit();
    expect(entries.map((e) => [e.action, e.target, e.subject, e.role, e.actorNetwork])).toEqual([
      ['archiveMember', id, 'admin-anna', 'admin', null],
      ['updateMember', id, 'office-niwe', 'office', 'NIWE'],
      ['createMember', id, 'office-niwe', 'office', 'NIWE'],
    ]);
    const [archive, update, create] = entries;
    expect(create.before).toBeNull();
    expect(JSON.parse(create.after!)).toMatchObject({ name: 'Audit GmbH', employees: null, contacts: [{ name: 'Rita Revision' }] });
    expect(JSON.parse(update.before!).employees).toBeNull();
    expect(JSON.parse(update.after!).employees).toBe(12);
    expect(JSON.parse(archive.before!).archivedAt).toBeNull();
    expect(JSON.parse(archive.after!).archivedAt).toMatch(/^\d{4}-/);
  });

  test('a refused write leaves no entry; other networks keep their own log', async () => {
    const before = (await audit()).length;
    await stack.query(`mutation { createMember(network: NIWE, input: { name: "Nein GmbH", postalCode: "1", city: "X" }) { id } }`, {}, tokens.niweOffice);
    await stack.query(
      `mutation { createMember(network: NIWE, input: { name: "Fremd GmbH", postalCode: "37269", city: "Eschwege" }) { id } }`,
      {},
      tokens.linatOffice,
    );
    expect(await audit()).toHaveLength(before);
    expect(await audit('LINAT', tokens.linatOffice)).toEqual([]);
  });

  test('pages newest first', async () => {
    for (const name of ['Eins', 'Zwei', 'Drei']) await createMember(stack, tokens.admin, 'KONAT', { name, postalCode: '99817', city: 'Eisenach' });
    const first = await stack.query(auditQuery, { network: 'KONAT', first: 2 }, tokens.admin);
    expect(first.data.auditLog.pageInfo.hasNextPage).toBe(true);
    const second = await stack.query(auditQuery, { network: 'KONAT', first: 2, after: first.data.auditLog.pageInfo.endCursor }, tokens.admin);
    const names = [...first.data.auditLog.entries, ...second.data.auditLog.entries].map((e: { after: string }) => JSON.parse(e.after).name);
    expect(names).toEqual(['Drei', 'Zwei', 'Eins']);
    expect(second.data.auditLog.pageInfo.hasNextPage).toBe(false);
    const bad = await stack.query(auditQuery, { network: 'KONAT', after: 'bogus' }, tokens.admin);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // An id past the network API's Int came back as its coercion error, naming the internal variable $before.
    const past = await stack.query(auditQuery, { network: 'KONAT', after: Buffer.from('audit:99999999999').toString('base64url') }, tokens.admin);
    expect(past.errors).toHaveLength(1);
    expect(past.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^after is not an audit log cursor/),
      extensions: { field: 'after', reason: 'NOT_A_CURSOR' },
    });
  });

  test('only the network’s office and admin may read it', async () => {
    for (const token of [tokens.linatOffice, tokens.partner, await stack.token({ role: 'member', network: 'NIWE', memberId: 'NIWE:m-1' })]) {
      const res = await stack.query(auditQuery, { network: 'NIWE' }, token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.errors?.[0].message).toMatch(/may not read the audit log of NIWE/);
    }
    expect((await stack.query(auditQuery, { network: 'NIWE' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe("region's audit log", () => {
  const regionAuditQuery = `query($first: Int, $after: String) {
    regionAuditLog(first: $first, after: $after) { entries { id at subject role actorNetwork action target before after } pageInfo { hasNextPage endCursor } }
  }`;
  async function regionAudit(token = tokens.admin, first = 100) {
    const res = await stack.query(regionAuditQuery, { first }, token);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data.regionAuditLog.entries as {
      id: string;
      at: string;
      subject: string;
      role: string;
      actorNetwork: string | null;
      action: string;
      target: string;
      before: string | null;
      after: string | null;
    }[];
  }
  const createKey = `mutation($partner: String!, $name: String!) { createApiKey(partner: $partner, name: $name, safelist: true) { key apiKey { id } } }`;

  test('creating and revoking an API key are recorded with who, what, before and after, never the key or its hash', async () => {
    const { key, apiKey } = (await stack.query(createKey, { partner: 'Zulieferer AG', name: 'ERP' }, tokens.admin)).data.createApiKey;
    const revoke = () => stack.query(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, tokens.admin);
    const revokedAt = (await revoke()).data.revokeApiKey.revokedAt;
    // Revoking again changes nothing and records nothing.
    expect((await revoke()).data.revokeApiKey.revokedAt).toBe(revokedAt);

    const entries = await regionAudit();
    expect(entries.map((e) => [e.action, e.target, e.subject, e.role, e.actorNetwork])).toEqual([
      ['revokeApiKey', apiKey.id, 'admin-anna', 'admin', null],
      ['createApiKey', apiKey.id, 'admin-anna', 'admin', null],
    ]);
    const [revoked, created] = entries;
    expect(created.id).toMatch(/^a-\d+$/);
    expect(created.before).toBeNull();
    expect(JSON.parse(created.after!)).toEqual({
      partner: 'Zulieferer AG',
      name: 'ERP',
      prefix: key.slice(0, 12),
      safelist: true,
      createdBy: 'admin-anna',
      createdAt: expect.stringMatching(/^\d{4}-/),
      revokedAt: null,
    });
    expect(JSON.parse(revoked.before!).revokedAt).toBeNull();
    expect(JSON.parse(revoked.after!).revokedAt).toBe(revokedAt);
    const hashes = await stack.region.orm.em.fork().execute<{ hash: string }[]>(`select "hash" from "api_key"`);
    for (const secret of [key, ...hashes.map((r) => r.hash)]) expect(JSON.stringify(entries)).not.toContain(secret);
  });

  test('a refused action leaves no entry; region’s log pages newest first', async () => {
    const before = (await regionAudit()).length;
    expect((await stack.query(createKey, { partner: 'X', name: 'Y' }, tokens.partner)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await stack.query(createKey, { partner: ' ', name: 'Y' }, tokens.admin)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await stack.query(`mutation { revokeApiKey(id: "k-4503599627370497") { id } }`, {}, tokens.admin)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await regionAudit()).toHaveLength(before);

    for (const name of ['Eins', 'Zwei', 'Drei']) await stack.query(createKey, { partner: 'Seiten AG', name }, tokens.admin);
    const first = (await stack.query(regionAuditQuery, { first: 2 }, tokens.admin)).data.regionAuditLog;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await stack.query(regionAuditQuery, { first: 2, after: first.pageInfo.endCursor }, tokens.admin)).data.regionAuditLog;
    expect([...first.entries, ...second.entries].map((e: { after: string }) => JSON.parse(e.after).name).slice(0, 3)).toEqual(['Drei', 'Zwei', 'Eins']);
  });

  test('admin reads all of it, an office only the entries about its network, nobody else any', async () => {
    expect((await regionAudit(tokens.admin)).some((e) => e.action === 'createApiKey')).toBe(true);
    // API keys belong to no network.
    expect((await regionAudit(tokens.niweOffice)).filter((e) => e.action.endsWith('ApiKey'))).toEqual([]);
    for (const token of [tokens.partner, await stack.token({ role: 'member', network: 'NIWE', memberId: 'NIWE:m-1' })]) {
      expect((await stack.query(regionAuditQuery, {}, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await stack.query(regionAuditQuery, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('deleteContactPerson', () => {
  test('the member itself, its office or admin remove a contact person; the removal is audited', async () => {
    const input = {
      name: 'Kontakt GmbH',
      postalCode: '37269',
      city: 'Eschwege',
      contacts: [{ name: 'Erna Eins', email: 'erna@kontakt.example' }, { name: 'Zora Zwei' }, { name: 'Dora Drei' }],
    };
    const { id, contacts } = (
      await createMember<{ contacts: { id: string; name: string }[] }>(stack, tokens.niweOffice, 'NIWE', input, { fields: 'contacts { id name }' })
    ).member;
    expect(contacts[0].id).toMatch(/^NIWE:c-\d+$/);
    const member = await stack.token({ role: 'member', network: 'NIWE', memberId: id, sub: 'kontakt-gmbh' });
    const otherMember = await stack.token({ role: 'member', network: 'NIWE', memberId: 'NIWE:m-1' });
    const remove = (contactId: string, token?: string) =>
      stack.query(`mutation($id: ID!) { deleteContactPerson(id: $id) { id contacts { name } } }`, { id: contactId }, token);

    for (const token of [tokens.partner, tokens.linatOffice, otherMember])
      expect((await remove(contacts[0].id, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await remove(contacts[0].id)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const own = await remove(contacts[0].id, member);
    expect(own.errors).toBeUndefined();
    expect(own.data.deleteContactPerson).toEqual({ id, contacts: [{ name: 'Zora Zwei' }, { name: 'Dora Drei' }] });
    expect((await remove(contacts[1].id, tokens.niweOffice)).errors).toBeUndefined();
    expect((await remove(contacts[2].id, tokens.admin)).data.deleteContactPerson.contacts).toEqual([]);

    const again = await remove(contacts[0].id, tokens.admin);
    expect(again.errors?.[0]).toMatchObject({ message: `Contact person ${contacts[0].id} does not exist.`, extensions: { code: 'NOT_FOUND' } });
    expect((await remove('NIWE:m-1', tokens.admin)).errors?.[0].message).toMatch(/look like NIWE:c-12/);

    const entries = (await audit()).filter((e) => e.action === 'deleteContactPerson');
    expect(entries.map((e) => [e.target, e.subject, e.after])).toEqual([
      [contacts[2].id, 'admin-anna', null],
      [contacts[1].id, 'office-niwe', null],
      [contacts[0].id, 'kontakt-gmbh', null],
    ]);
    expect(JSON.parse(entries[2].before!)).toMatchObject({ member: id.replace('NIWE:', ''), name: 'Erna Eins', email: 'erna@kontakt.example' });
  });
});

describe('news and events', () => {
  const publish = `mutation($network: NetworkCode, $input: NewsInput!) { publishNews(network: $network, input: $input) { id } }`;
  const register = `mutation($eventId: ID!, $memberId: ID, $participant: ParticipantInput!) { registerForEvent(eventId: $eventId, memberId: $memberId, participant: $participant) { id status } }`;
  const cancel = `mutation($id: ID!) { cancelEventRegistration(id: $id) { cancelled { id } movedUp { id } } }`;
  const event = (title: string) => ({
    kind: 'EVENT',
    title,
    text: 'Programm folgt.',
    visibility: 'PUBLIC',
    startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    registrationLimit: 1,
  });
  async function ok(res: Promise<{ data?: any; errors?: unknown }>) {
    const { data, errors } = await res;
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    return data;
  }

  test("a network's news, registrations and cancellations are in its log; a refused one is not", async () => {
    // NIWE:m-1 (Audit GmbH) is archived above, and takes part in nothing new: another member registers its people.
    const eins = (await createMember(stack, tokens.admin, 'NIWE', { name: 'Eins GmbH', postalCode: '37269', city: 'Eschwege' })).id;
    const niweMember = await stack.token({ role: 'member', network: 'NIWE', memberId: eins, sub: 'member-eins' });
    const other = (await createMember(stack, tokens.admin, 'NIWE', { name: 'Zweite GmbH', postalCode: '37269', city: 'Eschwege' })).id;
    const before = (await audit()).length;
    expect((await stack.query(publish, { network: 'NIWE', input: event('LINAT darf nicht') }, tokens.linatOffice)).errors).toBeDefined();
    expect((await stack.query(publish, { network: 'NIWE', input: { ...event('Null'), registrationLimit: 0 } }, tokens.niweOffice)).errors).toBeDefined();
    expect(await audit()).toHaveLength(before);

    const eventId = (await ok(stack.query(publish, { network: 'NIWE', input: event('Härtereitag') }, tokens.niweOffice))).publishNews.id;
    const held = (await ok(stack.query(register, { eventId, participant: { name: 'Ada', email: 'ada@example.com' } }, niweMember))).registerForEvent;
    const waiting = (await ok(stack.query(register, { eventId, memberId: other, participant: { name: 'Bo', email: 'bo@example.com' } }, tokens.niweOffice)))
      .registerForEvent;
    expect([held.status, waiting.status]).toEqual(['REGISTERED', 'WAITING']);
    await ok(stack.query(cancel, { id: held.id }, niweMember));

    const entries = (await audit()).slice(0, 5);
    expect(entries.map((e) => [e.action, e.target, e.subject, e.role, e.actorNetwork])).toEqual([
      ['cancelEventRegistration', waiting.id, 'member-eins', 'member', 'NIWE'],
      ['cancelEventRegistration', held.id, 'member-eins', 'member', 'NIWE'],
      ['registerForEvent', waiting.id, 'office-niwe', 'office', 'NIWE'],
      ['registerForEvent', held.id, 'member-eins', 'member', 'NIWE'],
      ['publishNews', eventId, 'office-niwe', 'office', 'NIWE'],
    ]);
    const [movedUp, cancelled, registeredWaiting, registered, published] = entries.map((e) => ({
      before: e.before && JSON.parse(e.before),
      after: e.after && JSON.parse(e.after),
    }));
    expect(published).toMatchObject({ before: null, after: { kind: 'EVENT', title: 'Härtereitag', registrationLimit: 1 } });
    expect(registered).toEqual({
      before: null,
      after: { event: eventId, memberId: eins, participant: 'Ada', email: 'ada@example.com', status: 'REGISTERED' },
    });
    expect(registeredWaiting.after).toMatchObject({ memberId: other, status: 'WAITING' });
    expect([cancelled.before.status, cancelled.after.status]).toEqual(['REGISTERED', 'CANCELLED']);
    expect([movedUp.before.status, movedUp.after.status]).toEqual(['WAITING', 'REGISTERED']);
  });

  test("region-wide ones are in region's log; a registration's entries are its member's office's to read too", async () => {
    const linatId = (await createMember(stack, tokens.admin, 'LINAT', { name: 'Linat Eins KG', postalCode: '99974', city: 'Mühlhausen' })).id;
    const linatMember = await stack.token({ role: 'member', network: 'LINAT', memberId: linatId, sub: 'member-linat' });
    const eventId = (await ok(stack.query(publish, { network: null, input: event('Netzwerkmesse') }, tokens.admin))).publishNews.id;
    const registration = (await ok(stack.query(register, { eventId, participant: { name: 'Cy', email: 'cy@example.com' } }, linatMember))).registerForEvent;
    await ok(stack.query(cancel, { id: registration.id }, tokens.linatOffice));

    const regionAuditQuery = `query { regionAuditLog(first: 3) { entries { action target subject role actorNetwork before after } } }`;
    const entries = (await ok(stack.query(regionAuditQuery, {}, tokens.admin))).regionAuditLog.entries as { [k: string]: string | null }[];
    expect(entries.map((e) => [e.action, e.target, e.subject, e.actorNetwork])).toEqual([
      ['cancelEventRegistration', registration.id, 'office-linat', 'LINAT'],
      ['registerForEvent', registration.id, 'member-linat', 'LINAT'],
      ['publishNews', eventId, 'admin-anna', null],
    ]);
    expect(JSON.parse(entries[0].after!)).toMatchObject({ event: eventId, memberId: linatId, status: 'CANCELLED' });
    expect(JSON.parse(entries[2].after!)).toMatchObject({ title: 'Netzwerkmesse', visibility: 'PUBLIC' });
    // The registration is about a LINAT member; the region-wide item belongs to no network.
    const linat = (await ok(stack.query(regionAuditQuery, {}, tokens.linatOffice))).regionAuditLog.entries as { action: string }[];
    expect(linat.map((e) => e.action).slice(0, 2)).toEqual(['cancelEventRegistration', 'registerForEvent']);
    expect(linat.some((e) => e.action === 'publishNews')).toBe(false);
  });
});

describe('who wrote, by name', () => {
  const actorQuery = `query($network: NetworkCode!, $first: Int) {
    auditLog(network: $network, first: $first) { entries { subject role action target actor { kind name email partner archived } } }
  }`;
  type Entry = { subject: string | null; role: string; action: string; target: string; actor: Record<string, unknown> | null };
  async function log(network: string, first = 100): Promise<Entry[]> {
    const res = await stack.query(actorQuery, { network, first }, tokens.admin);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data.auditLog.entries;
  }
  const createAccount = async (input: Record<string, unknown>) => {
    const res = await stack.query(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input }, tokens.admin);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data.createAccount.id as string;
  };
  const password = 'Werra-Meissner-2026';
  const update = (id: string, employees: number, token: string) =>
    stack.query(`mutation($id: ID!, $e: Int!) { updateMember(id: $id, input: { employees: $e }) { id } }`, { id, e: employees }, token);

  test("a network's log names an office's and a member's account by name and e-mail, an archived one too; an unknown subject stays an id", async () => {
    const member = (await createMember(stack, tokens.admin, 'NIWE', { name: 'Namen GmbH', postalCode: '37269', city: 'Eschwege' })).id;
    const olga = await createAccount({ email: 'olga@niwe.example', name: 'Olga Office', password, kind: 'OFFICE', network: 'NIWE' });
    const otto = await createAccount({ email: 'otto@niwe.example', name: 'Otto Gegangen', password, kind: 'OFFICE', network: 'NIWE' });
    const mia = await createAccount({ email: 'mia@namen.example', name: 'Mia Mitarbeiterin', password, kind: 'MEMBER', memberId: member });
    const office = (sub: string) => stack.token({ role: 'office', network: 'NIWE', sub });
    for (const [employees, token] of [
      [1, await office(olga)],
      [2, await stack.token({ role: 'member', network: 'NIWE', memberId: member, sub: mia })],
      [3, await office(otto)],
      // No such account (deleted), and an admin's subject that only looks like an account's: both stay ids.
      [4, await office('acc-4503599627370497')],
      [5, await stack.token({ role: 'admin', sub: olga })],
    ] as const)
      expect((await update(member, employees, token)).errors).toBeUndefined();
    expect((await stack.query(`mutation($id: ID!) { archiveAccount(id: $id) { id } }`, { id: otto }, tokens.admin)).errors).toBeUndefined();

    const entries = (await log('NIWE')).filter((e) => e.target === member && e.action === 'updateMember');
    expect(entries.map((e) => [e.subject, e.actor])).toEqual([
      [olga, null],
      ['acc-4503599627370497', null],
      [otto, { kind: 'ACCOUNT', name: 'Otto Gegangen', email: 'otto@niwe.example', partner: null, archived: true }],
      [mia, { kind: 'ACCOUNT', name: 'Mia Mitarbeiterin', email: 'mia@namen.example', partner: null, archived: false }],
      [olga, { kind: 'ACCOUNT', name: 'Olga Office', email: 'olga@niwe.example', partner: null, archived: false }],
    ]);
    // A test token's subject is nobody region knows.
    expect((await log('NIWE')).find((e) => e.subject === 'office-niwe')?.actor).toBeNull();
  });

  test("region's log names a partner's API key by its name, a revoked one too", async () => {
    const { apiKey } = (await stack.query(`mutation { createApiKey(partner: "Namen Partner AG", name: "ERP-Anbindung") { apiKey { id } } }`, {}, tokens.admin))
      .data.createApiKey;
    const partner = await stack.token({ role: 'partner', sub: apiKey.id });
    const hook = await stack.query(`mutation { registerWebhook(url: "http://127.0.0.1:9/hook", events: [QUOTE_RECEIVED]) { webhook { id } } }`, {}, partner);
    expect(hook.errors, JSON.stringify(hook.errors)).toBeUndefined();
    await stack.query(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: apiKey.id }, tokens.admin);
    const res = await stack.query(
      `query { regionAuditLog(first: 3) { entries { subject action actor { kind name email partner archived } } } }`,
      {},
      tokens.admin,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data.regionAuditLog.entries).toEqual([
      { subject: 'admin-anna', action: 'revokeApiKey', actor: null },
      {
        subject: apiKey.id,
        action: 'registerWebhook',
        actor: { kind: 'API_KEY', name: 'ERP-Anbindung', email: null, partner: 'Namen Partner AG', archived: true },
      },
      { subject: 'admin-anna', action: 'createApiKey', actor: null },
    ]);
  });

  test("a partner's token as exchanged for its key names the organisation, and the log names the key", async () => {
    const { key, apiKey } = (await stack.query(`mutation { createApiKey(partner: "Schlüssel AG", name: "Einkauf") { key apiKey { id } } }`, {}, tokens.admin))
      .data.createApiKey;
    const exchanged = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/auth/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: key }),
    });
    const { token } = (await exchanged.json()) as { token: string };
    const hook = await stack.query(`mutation { registerWebhook(url: "http://127.0.0.1:9/hook", events: [QUOTE_RECEIVED]) { webhook { id } } }`, {}, token);
    expect(hook.errors, JSON.stringify(hook.errors)).toBeUndefined();
    const [entry] = (await stack.query(`query { regionAuditLog(first: 1) { entries { subject role action actor { kind name partner } } } }`, {}, tokens.admin))
      .data.regionAuditLog.entries;
    expect(entry).toEqual({
      subject: apiKey.id,
      role: 'partner',
      action: 'registerWebhook',
      actor: { kind: 'API_KEY', name: 'Einkauf', partner: 'Schlüssel AG' },
    });
    // The organisation still owns what the key writes: its webhooks are the organisation's, whichever key asks.
    const listed = await stack.query('{ webhooks { id } }', {}, token);
    expect(listed.data.webhooks).toEqual([hook.data.registerWebhook.webhook]);
  });

  test('a page of N entries costs region one statement for its writers, whatever N, in either log', async () => {
    const member = (await createMember(stack, tokens.admin, 'KONAT', { name: 'Viele Hände KG', postalCode: '99817', city: 'Eisenach' })).id;
    const target = await createAccount({ email: 'ziel@konat.example', name: 'Zora Ziel', password, kind: 'OFFICE', network: 'KONAT' });
    const hands = [];
    for (let i = 0; i < 12; i++)
      hands.push(await createAccount({ email: `hand-${i}@konat.example`, name: `Hand ${i}`, password, kind: 'OFFICE', network: 'KONAT' }));
    // The newest 12 entries of KONAT's log and of region's, each by another of the 12 accounts.
    for (const [i, id] of hands.entries()) {
      const token = await stack.token({ role: 'office', network: 'KONAT', sub: id });
      expect((await update(member, i + 1, token)).errors).toBeUndefined();
      const reset = await stack.query(`mutation($id: ID!) { resetAccountPassword(id: $id) { expiresAt } }`, { id: target }, token);
      expect(reset.errors, JSON.stringify(reset.errors)).toBeUndefined();
    }
    const regionLog = async (first: number): Promise<Entry[]> => {
      const res = await stack.query(
        `query($first: Int) { regionAuditLog(first: $first) { entries { subject role action target actor { name } } } }`,
        { first },
        tokens.admin,
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data.regionAuditLog.entries;
    };
    const counts = [];
    for (const first of [1, 5, 12]) {
      for (const [name, read] of [
        ['auditLog', () => log('KONAT', first)],
        ['regionAuditLog', () => regionLog(first)],
      ] as const) {
        const sql = stack.region.sql.count;
        const entries = await read();
        counts.push({ name, named: entries.filter((e) => e.actor).length, sql: stack.region.sql.count - sql });
      }
    }
    // The network's log is read from the network: region's one statement finds its writers. Region's own log: one for the entries, one for their writers.
    expect(counts).toEqual(
      [1, 5, 12].flatMap((named) => [
        { name: 'auditLog', named, sql: 1 },
        { name: 'regionAuditLog', named, sql: 2 },
      ]),
    );
  });
});
