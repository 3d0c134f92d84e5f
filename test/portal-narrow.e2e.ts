import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { eventually, expectAccessible, type PortalAccount, type PortalPages, startPortalStack, stopPortalStack } from './support/browser.ts';
import { createMember, supervisorGraph } from './support/members.ts';
import { createAccount } from './support/sessions.ts';
import type { Supervisor } from './support/supervisor.ts';

// The portal on a phone held upright (360 × 740) in Debian's chromium against `npm start`: no page is wider than the
// screen (a wide table scrolls in a box of its own, which the keyboard can reach), and the keyboard's focus lands where
// something happened: at the process tree whose error a new inquiry got, at the date field the office's capacity balance
// refused, at the notice after posting capacity and after asking for a relationship (a disabled button had dropped it to
// the page's body). A working group's lists wrap a company's name of one long word (they widened the page to 522 px).
// One stack; the pages are reached by the portal's own navigation, not loaded anew.

let stack: Supervisor;
let browser: Browser;
let pages: PortalPages;
const password = 'Werra-Meissner-2026';
const member: PortalAccount = { email: 'schmal@werra-fraese.example', name: 'Sina Schmal', password };
const customer: PortalAccount = { email: 'schmal@zulieferer.example', name: 'Carla Kundin', password };
const office: PortalAccount = { email: 'schmal@niwe.example', name: 'Olga Office', password };
let partner: { id: string; name: string };
let company: string;

/** The Monday `weeks` weeks after next Monday, as YYYY-MM-DD, plus `days`: a window that never lies in the past. */
function monday(weeks: number, days = 0): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7) + weeks * 7 + days);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  ({ stack, browser, pages } = await startPortalStack());
  const admin = await stack.token('--role', 'admin', '--sub', 'admin');
  const found = await stack.query({ query: 'query { network(code: NIWE) { members(first: 2) { edges { node { id name } } } } }' }, admin);
  const [own, other] = found.data.network.members.edges.map((edge: { node: { id: string; name: string } }) => edge.node);
  partner = other;
  company = own.name;
  await createAccount(stack, admin, { ...member, kind: 'MEMBER', memberId: own.id });
  await createAccount(stack, admin, { ...customer, kind: 'CUSTOMER', customer: 'Zulieferer AG' });
  await createAccount(stack, admin, { ...office, kind: 'OFFICE', network: 'NIWE' });
}, 240_000);

afterAll(() => stopPortalStack(stack, browser));

afterEach(async () => {
  expect(await pages.close()).toEqual([]);
});

/** A page signed in as `account`, 360 px wide. */
async function phone(account: PortalAccount): Promise<Page> {
  const page = await pages.signedIn(account);
  await page.setViewportSize({ width: 360, height: 740 });
  return page;
}

/** Moves to `path` as the portal's links do (history and popstate, router.ts), without loading the page anew. */
async function visit(page: Page, path: string) {
  // A string, because this file is checked without the DOM's types.
  await page.evaluate(`history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`);
}

/** How wide the page is, and what runs past the screen's right edge (elements, and text beyond its element), outside boxes that scroll. */
const measure = `(() => {
  const edge = document.documentElement.clientWidth + 0.5;
  const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  const clipped = (e) => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
    return false;
  };
  const past = [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > edge && !(e.parentElement && e.parentElement.getBoundingClientRect().right > edge) && !clipped(e))
    .map(name);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    if (range.getBoundingClientRect().right > edge && !clipped(node)) past.push(name(node.parentElement) + ' (text)');
  }
  // A caption is as wide as its table, so in a box that scrolls its text ran past the screen ("…and your bo").
  for (const caption of document.querySelectorAll('.table-scroll caption:not(.visually-hidden)')) {
    const range = document.createRange();
    range.selectNodeContents(caption);
    if (range.getBoundingClientRect().right > edge) past.push(name(caption) + ' (caption)');
  }
  return { width: document.documentElement.scrollWidth, past: [...new Set(past)].slice(0, 8) };
})()`;

/** The page fits the phone's 360 px: nothing to scroll sideways, nothing cut off on the right. */
async function expectNarrow(page: Page, what: string) {
  const { width, past } = (await page.evaluate(measure)) as { width: number; past: string[] };
  expect.soft(width, `${what}: ${width} px wide; past the right edge: ${past.join(', ') || 'nothing'}`).toBeLessThanOrEqual(360);
  expect
    .soft(
      past.filter((element) => element.endsWith('(caption)')),
      `${what}: captions past the right edge`,
    )
    .toEqual([]);
}

/** The element with the keyboard's focus: its tag, id and role. */
const focused = (page: Page) =>
  page.evaluate(`(() => {
    const e = document.activeElement;
    return e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('role') ? '[role=' + e.getAttribute('role') + ']' : '') : null;
  })()`);

test('a member’s pages fit 360 px, a wide table scrolls in its own box, and the focus lands at the notice after posting capacity and asking for a relationship', async () => {
  const page = await phone(member);

  await visit(page, '/');
  await eventually(() => page.locator('.network-card').count()).toBe(3);
  await expectNarrow(page, 'start page');

  await visit(page, `/suche?q=${encodeURIComponent('Fräs')}`);
  await eventually(() => page.locator('.hit').count()).toBeGreaterThan(0);
  await expectNarrow(page, 'search');
  await expectAccessible(page);

  await visit(page, '/lieferanten');
  await eventually(() => page.locator('#part-postal-code').count()).toBe(1);
  await expectNarrow(page, 'supplier finder');

  await visit(page, '/konto');
  await eventually(() => page.locator('.facts dd').count()).toBeGreaterThan(2);
  // The person's name under "Name" (it read "Name des Unternehmens"), the company by its name, not its id.
  expect(await page.locator('.facts dt').first().textContent()).toBe('Name');
  await eventually(() => page.locator('.facts').textContent()).toContain(`Mitgliedsunternehmen · NIWE · ${company}`);
  await expectNarrow(page, 'account');

  // The member area: a service's row added, its fields one under another, the description whole on the screen.
  await visit(page, '/mein-unternehmen');
  await page.locator('button:text("Leistung hinzufügen")').click();
  // The new row's first field takes the focus (member-rows.tsx); its description must be whole on the screen.
  await eventually(() => page.evaluate('document.activeElement?.id')).toMatch(/^service-\d+-title$/);
  const row = String(await page.evaluate('document.activeElement?.id')).split('-')[1];
  const description = await page.locator(`#service-${row}-description`).boundingBox();
  expect.soft(description && description.x + description.width).toBeLessThanOrEqual(360);
  await expectNarrow(page, 'member area with a service added');
  await expectAccessible(page);

  // Relationships: asked for by keyboard, the form emptied; the focus goes to the notice that says so.
  await visit(page, '/beziehungen');
  await eventually(() => page.locator('#relationships-heading').textContent()).toMatch(/^Geschäftsbeziehungen: /);
  await expectNarrow(page, 'relationships');
  await page.fill('#relationship-partner', partner.id);
  await page.locator('button:text("Anfrage senden")').focus();
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('.relationship-status').textContent()).toContain(partner.name);
  expect.soft(await focused(page)).toBe('p[role=status]');
  expect(await page.locator('#relationship-partner').inputValue()).toBe('');

  // Capacity: an offer posted by keyboard, the form cleared; the focus goes to the notice. The offers' table is wider
  // than the screen and scrolls in its own box, a region the keyboard reaches; the page stays 360 px wide.
  await visit(page, '/mein-unternehmen/kapazitaet');
  await eventually(() => page.locator('#post-postalCode').inputValue()).not.toBe('');
  await page.fill('#post-process', '3.2.3');
  await page.fill('#post-hours', '40');
  await page.fill('#post-from', monday(3));
  await page.fill('#post-to', monday(3, 4));
  await page.locator('button:text("Veröffentlichen")').focus();
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('.member-area-form .saved').textContent()).toBe('Veröffentlicht: Angebot Maschinenstunden: Fräsen (3.2.3).');
  expect.soft(await focused(page)).toBe('div[role=status]');
  expect(await page.locator('#post-hours').inputValue()).toBe('');
  await eventually(() => page.locator('tr[data-post]').count()).toBe(1);
  // Booked by the other member, the offer has a table of bookings too, whose caption is longer than the screen is wide.
  const offerId = String(await page.locator('tr[data-post]').getAttribute('data-post'));
  const booker = await stack.token('--role', 'member', '--member', partner.id);
  const booked = await stack.query(
    {
      query: 'mutation($o: ID!, $f: String!, $t: String!) { bookCapacity(offerId: $o, hours: 8, from: $f, to: $t) { id } }',
      variables: { o: offerId, f: monday(3), t: monday(3) },
    },
    booker,
  );
  expect(booked.errors).toBeUndefined();
  await visit(page, '/mein-unternehmen');
  await visit(page, '/mein-unternehmen/kapazitaet');
  await eventually(() => page.locator('tr[data-booking]').count()).toBe(1);
  await expectNarrow(page, 'member capacity with an offer');
  const box = page.getByRole('region', { name: 'Offene Angebote und Gesuche' });
  await eventually(() => box.getAttribute('tabindex')).toBe('0');
  expect(await box.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  await expectAccessible(page);

  // On a wide screen the table fits: its box is no region and no tab stop.
  await page.setViewportSize({ width: 1280, height: 900 });
  await eventually(() => page.locator('.member-area-scroll').first().getAttribute('tabindex')).toBeNull();
});

test('a new inquiry without a process puts the focus on the process tree, whose error its screen reader reads', async () => {
  const page = await phone(customer);
  await visit(page, '/anfragen/neu');
  await page.fill('#inquiry-title', 'Lagerbock gefräst');
  await page.fill('#inquiry-partDescription', 'Lagerbock nach Zeichnung, gefräst, entgratet');
  await page.fill('#inquiry-quantities', '100');
  await page.fill('#inquiry-postalCode', '99974');
  await page.fill('#inquiry-quoteDeadline', `${monday(1)}T12:00`);
  await page.fill('#inquiry-deliveryDate', monday(6));
  await page.press('#inquiry-deliveryDate', 'Enter');
  await eventually(() => page.locator('#inquiry-processes-error').textContent()).toBe('Bitte geben Sie mindestens einen Eintrag an.');
  await eventually(() => focused(page)).toBe('fieldset#inquiry-processes');
  expect(await page.locator('#inquiry-processes').getAttribute('aria-describedby')).toBe('inquiry-processes-error');
  await expectNarrow(page, 'new inquiry');
  await expectAccessible(page);

  // Saved and published: the inquiry's invitations, the list of inquiries and a supplier's breakdown are tables wider
  // than the screen (686, 569 and 379 px), each scrolling in its own box.
  await page.locator('#inquiry-processes summary').filter({ hasText: /^3 / }).click();
  await page.check('input[name="processes"][value="3.2.3"]');
  await page.press('#inquiry-deliveryDate', 'Enter');
  await page.waitForURL(/\/anfragen\/inq-\d+$/);
  await page.getByRole('button', { name: 'Veröffentlichen und einladen' }).click();
  await eventually(() => page.locator('table.invitations tbody tr').count()).toBeGreaterThan(0);
  await expectNarrow(page, 'an inquiry with its invitations');

  // A quote: the comparison's row labels, at most 10rem wide, each within its cell ("Bietergemeinschaft" ran into the
  // first bid's column: "Bietergemeinschaftallein").
  const inquiryPath = new URL(page.url()).pathname;
  const inquiryId = inquiryPath.split('/').pop();
  const admin = await stack.token('--role', 'admin', '--sub', 'admin');
  const invited = await stack.query({ query: 'query($id: ID!) { inquiry(id: $id) { invitations { member { id } } } }', variables: { id: inquiryId } }, admin);
  const bidder = await stack.token('--role', 'member', '--member', invited.data.inquiry.invitations[0].member.id);
  const quoted = await stack.query(
    {
      query: 'mutation($id: ID!, $input: QuoteInput!) { submitQuote(inquiryId: $id, input: $input) { id } }',
      variables: {
        id: inquiryId,
        input: { priceTiers: [{ minQuantity: 100, unitPrice: 12.5 }], currency: 'EUR', leadTimeDays: 1, validUntil: monday(8), notes: null },
      },
    },
    bidder,
  );
  expect(quoted.errors).toBeUndefined();
  await visit(page, '/anfragen');
  await visit(page, inquiryPath);
  await eventually(() => page.locator('table.comparison tbody th').count()).toBeGreaterThan(0);
  const overflowing = await page.evaluate(
    `[...document.querySelectorAll('table.comparison tbody th')].filter((th) => th.scrollWidth > th.clientWidth).map((th) => th.textContent)`,
  );
  expect(overflowing).toEqual([]);
  await expectNarrow(page, 'an inquiry with a quote');
  await visit(page, '/anfragen');
  await eventually(() => page.locator('table.inquiry-list tbody tr').count()).toBe(1);
  await expectNarrow(page, 'the list of inquiries');
  await visit(page, '/lieferanten?p=3.2.3&plz=37269&max=30');
  await eventually(() => page.locator('table.breakdown').count()).toBeGreaterThan(0);
  await expectNarrow(page, "the suppliers' breakdowns");
  await expectAccessible(page);
});

test('the office’s capacity balance puts the focus on the date field its error names', async () => {
  const page = await phone(office);
  await visit(page, '/geschaeftsstelle/kapazitaet');
  // The first answer (the next twelve weeks) in, so the errors below are the answers to the choices made here.
  await eventually(() => page.locator('section[aria-labelledby="capacity-chart-heading"]').getAttribute('aria-busy')).toBeNull();

  // A range longer than the balance covers, shown with the button: the error is at "Bis", and so is the focus.
  await page.fill('#capacity-from', '2027-01-04');
  await page.fill('#capacity-to', '2028-06-30');
  await page.locator('button:text("Anzeigen")').focus();
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('#capacity-to-error').count()).toBe(1);
  await eventually(() => focused(page)).toBe('input#capacity-to');

  // From after To: the same.
  await page.fill('#capacity-to', '2026-12-01');
  await page.locator('button:text("Anzeigen")').focus();
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('#capacity-to-error').textContent()).toBe(
    'Dieser Wert widerspricht „Von“ (etwa ein Ende vor dem Beginn); bitte prüfen Sie beide.',
  );
  await eventually(() => focused(page)).toBe('input#capacity-to');
  await expectNarrow(page, 'office capacity with an error');
  await expectAccessible(page);

  // The accounts of the office's network: its table was 595-715 px wide.
  await visit(page, '/zugaenge');
  await eventually(() => page.locator('table.accounts tbody tr').count()).toBeGreaterThan(0);
  await expectNarrow(page, 'accounts');
  await expectAccessible(page);
});

test("a working group's pages fit 360 px, a company's name of one long word too: the lead's lists, a meeting's facts and answers", async () => {
  const admin = await stack.token('--role', 'admin', '--sub', 'admin');
  const graph = async (query: string, variables: Record<string, unknown>, token: string) => {
    const answer = await stack.query({ query, variables }, token);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  };
  const found = await graph('query { network(code: LINAT) { members(first: 2) { edges { node { id } } } } }', {}, admin);
  const [invitee, asker] = found.network.members.edges.map((edge: { node: { id: string } }) => edge.node.id);
  const ownId = (await graph('query { network(code: NIWE) { members(first: 1) { edges { node { id } } } } }', {}, admin)).network.members.edges[0].node.id;
  const lead = await stack.token('--role', 'member', '--member', ownId);
  const other = await stack.token('--role', 'member', '--member', partner.id);
  // Long words as German topics and agendas have them, a long video link and file name (these wrapped already).
  const group = (
    await graph(
      'mutation($input: WorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
      {
        input: {
          topic: 'Oberflächenbeschichtungsverfahrensentwicklung und Wärmebehandlungsqualitätssicherung',
          description: 'Beschichtung, Härten und Prüfung für Dreh- und Frästeile.',
          lead: { memberId: ownId },
        },
      },
      admin,
    )
  ).createWorkingGroup.id;
  const invited = await graph('mutation($g: ID!, $m: ID!) { inviteToWorkingGroup(groupId: $g, memberId: $m) { id } }', { g: group, m: partner.id }, lead);
  await graph('mutation($id: ID!) { acceptWorkingGroupInvitation(membershipId: $id) { id } }', { id: invited.inviteToWorkingGroup.id }, other);
  await graph('mutation($g: ID!, $m: ID!) { inviteToWorkingGroup(groupId: $g, memberId: $m) { id } }', { g: group, m: invitee }, lead);
  await graph('mutation($g: ID!) { requestToJoinWorkingGroup(groupId: $g) { id } }', { g: group }, await stack.token('--role', 'member', '--member', asker));
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const meeting = (
    await graph(
      'mutation($g: ID!, $input: MeetingInput!) { scheduleMeeting(groupId: $g, input: $input) { id } }',
      {
        g: group,
        input: {
          startsAt: inDays(14),
          place: 'Werkstattgebäude Eschwege-Niederhone, Besprechungsraum Qualitätssicherungsabteilung',
          videoLink: 'https://meet.example/arbeitskreis-oberflaechenbeschichtung-und-waermebehandlung-2027-januar-sitzung',
          agenda: '1. Härteverzugsminimierungsstrategien bei Vergütungsstählen (42CrMo4)\n2. Beschichtungsdickenmessverfahren',
          participantLimit: 20,
        },
      },
      lead,
    )
  ).scheduleMeeting.id;
  await graph('mutation($m: ID!) { rsvpMeeting(meetingId: $m, answer: YES) { answer } }', { m: meeting }, other);
  // A company named as German firms are, one long word: in the lists of members, answers and the new lead's choice.
  const longName = (
    await createMember(supervisorGraph(stack), admin, 'NIWE', {
      name: 'Oberflächenbeschichtungsdienstleistungsgesellschaft mbH',
      postalCode: '37269',
      city: 'Eschwege',
    })
  ).id;
  const longInvited = await graph('mutation($g: ID!, $m: ID!) { inviteToWorkingGroup(groupId: $g, memberId: $m) { id } }', { g: group, m: longName }, lead);
  await graph('mutation($id: ID!) { acceptWorkingGroupInvitation(membershipId: $id) { id } }', { id: longInvited.inviteToWorkingGroup.id }, admin);
  await graph(
    'mutation($m: ID!, $member: ID) { rsvpMeeting(meetingId: $m, answer: MAYBE, memberId: $member) { answer } }',
    { m: meeting, member: longName },
    admin,
  );
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 'p'), Buffer.from('\n%%EOF\n')]);
  const uploaded = await fetch(
    `${stack.gateway}/attachments?meetingId=${encodeURIComponent(meeting)}&fileName=${encodeURIComponent('Protokoll-Arbeitskreissitzung-Oberflaechenbeschichtung-Januar.pdf')}`,
    { method: 'POST', headers: { 'content-type': 'application/pdf', authorization: `Bearer ${lead}` }, body: pdf },
  );
  expect(uploaded.status).toBeLessThan(300);

  const page = await phone(member);
  await visit(page, '/arbeitskreise');
  await eventually(() => page.locator('.group-card').count()).toBeGreaterThan(1);
  await expectNarrow(page, 'working groups');
  await expectAccessible(page);

  await visit(page, `/arbeitskreise/${group}`);
  await eventually(() => page.locator('.group-pending li').count()).toBe(2);
  await eventually(() => page.locator('.minutes-link').count()).toBe(1);
  await page.locator('details.rsvps summary').click();
  // The lead's tools in use: companies found to invite, each with its button; a meeting sent without its start.
  await page.locator('#group-invite-search').press('Enter');
  await eventually(() => page.locator('.group-candidates li').count()).toBeGreaterThan(2);
  await page.locator('.meeting-form button[type=submit]').click();
  await eventually(() => page.locator('.meeting-form .field-error').count()).toBeGreaterThan(0);
  await expectNarrow(page, "a working group's page for its lead");
  await expectAccessible(page);

  // The CAD working group's page, as its office reads it: the balance's links.
  const officePage = await phone(office);
  const groups = await graph('{ workingGroups(first: 50) { nodes { id capacityBalance { from } } } }', {}, admin);
  const cad = groups.workingGroups.nodes.find((g: { capacityBalance: unknown }) => g.capacityBalance).id;
  await visit(officePage, `/arbeitskreise/${cad}`);
  await eventually(() => officePage.locator('.capacity-link a').count()).toBe(2);
  await expectNarrow(officePage, 'the CAD working group for an office');
});
