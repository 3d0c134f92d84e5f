import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { regionDay } from '../shared/region-day.ts';
import { meetingIds } from '../subgraphs/region/working-groups/ids.ts';
import { createMember as createMemberAs } from './support/members.ts';
import { queuedBehindLock } from './support/row-lock.ts';
import { ok, startStack, type GraphQLResponse, type Stack } from './support/stack.ts';
import { until } from './support/wait.ts';
import { WebhookReceivers } from './support/webhooks.ts';

// Working groups through the gateway, with the roles that use them across
// networks: offices found groups, leads invite and confirm, members of NIWE,
// LINAT and KONAT join, meet, answer and read the minutes; webhooks hear of
// invitations and meetings. The limit of YES answers holds under 50
// simultaneous answers; a page of groups costs the same statements for any size.

const maxBytes = 64 * 1024;
let stack: Stack;
let origin: string;
const tokens: Record<string, string> = {};
const members: Record<string, string> = {};

interface Delivery {
  type: string;
  data: Record<string, unknown>;
}
const receivers = new WebhookReceivers<Delivery>();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 'p'), Buffer.from('\n%%EOF\n')]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]);

const groupFields = 'id topic leadNetwork { code } leadMember { id } members { id status member { id } } pending { id status member { id } }';
const createMutation = `mutation($input: WorkingGroupInput!) { createWorkingGroup(input: $input) { ${groupFields} } }`;
const inviteMutation = `mutation($g: ID!, $m: ID!) { inviteToWorkingGroup(groupId: $g, memberId: $m) { id status member { id } } }`;
const acceptMutation = `mutation($id: ID!) { acceptWorkingGroupInvitation(membershipId: $id) { id status joinedAt } }`;
const joinMutation = `mutation($g: ID!, $m: ID) { requestToJoinWorkingGroup(groupId: $g, memberId: $m) { id status } }`;
const confirmMutation = `mutation($id: ID!) { confirmWorkingGroupMembership(membershipId: $id) { id status } }`;
const leaveMutation = `mutation($g: ID!, $m: ID) { leaveWorkingGroup(groupId: $g, memberId: $m) { id status endedAt } }`;
const removeMutation = `mutation($id: ID!) { removeFromWorkingGroup(membershipId: $id) { id status } }`;
const scheduleMutation = `mutation($g: ID!, $input: MeetingInput!) {
  scheduleMeeting(groupId: $g, input: $input) { id groupId startsAt place videoLink agenda participantLimit yesCount placesLeft }
}`;
const rsvpMutation = `mutation($id: ID!, $answer: RsvpAnswer!, $m: ID) { rsvpMeeting(meetingId: $id, answer: $answer, memberId: $m) { meetingId answer member { id } } }`;
const groupQuery = `query($id: ID!) { workingGroup(id: $id) { ${groupFields} viewerIsMember } }`;

function meetingInput(extra: Record<string, unknown> = {}) {
  return {
    startsAt: inDays(14),
    videoLink: 'https://meet.example/arbeitskreis',
    agenda: '1. Härteverzug bei 42CrMo4\n2. Sammelbestellung Schutzgas',
    participantLimit: 5,
    ...extra,
  };
}

async function createMember(key: string, network: string): Promise<string> {
  const input = { name: `${key} GmbH`, postalCode: '37269', city: 'Eschwege' };
  ({ id: members[key], token: tokens[key] } = await createMemberAs(stack, tokens.admin, network, input));
  return members[key];
}

function upload(token: string | undefined, meetingId: string, fileName: string, contentType: string, body: Buffer) {
  return fetch(`${origin}/attachments?meetingId=${encodeURIComponent(meetingId)}&fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
}

const download = (token: string, path: string) => fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${token}` } });

/** Rows of region's database, to see that a refusal changed nothing. */
async function regionCount(table: string): Promise<number> {
  const [row] = await stack.region.orm.em.fork().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from "${table}"`);
  return row.n;
}

/** Runs `work` for each item, `width` at a time. */
async function inBatches<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) results.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  return results;
}

beforeAll(async () => {
  // 50 answers and 50 invitations queue in region; on a busy machine a network's answer may take longer than region's 2-s default.
  stack = await startStack({ dispatcher: true, attachmentMaxBytes: maxBytes, networkTimeoutMs: 10_000 });
  origin = stack.gatewayUrl.replace(/\/graphql$/, '');
  tokens.admin = await stack.token({ role: 'admin' });
  for (const network of ['NIWE', 'LINAT', 'KONAT']) tokens[`${network.toLowerCase()}Office`] = await stack.token({ role: 'office', network });
  tokens.partner = await stack.token({ role: 'partner', sub: 'oem' });
  await createMember('dreher', 'NIWE');
  await createMember('haerter', 'LINAT');
  await createMember('konstrukteur', 'KONAT');
  await createMember('aussen', 'NIWE');
  await createMember('beschichter', 'LINAT');
  for (const key of ['dreher', 'haerter']) {
    await receivers.register(stack, key, tokens[key], ['WORKING_GROUP_INVITED', 'MEETING_SCHEDULED']);
  }
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  await receivers.close();
});

describe('the CAD working group', () => {
  test('is there from the start, led by the KONAT office, and links to the capacity balance', async () => {
    const page = (
      await ok(
        stack.query(
          `{ workingGroups(first: 5) { totalCount nodes { topic leadNetwork { code } leadMember { id } capacityBalance { query csvPath from to } } } }`,
          {},
          tokens.haerter,
        ),
      )
    ).workingGroups;
    const cad = page.nodes[0];
    expect(cad).toMatchObject({ topic: 'CAD-Kapazitätsausgleich', leadNetwork: { code: 'KONAT' }, leadMember: null });
    expect(cad.capacityBalance.csvPath).toBe(`/export/capacity-balance.csv?from=${cad.capacityBalance.from}&to=${cad.capacityBalance.to}&kind=CAD`);
    // Twelve weeks on the calendar from the region's today, across a clock change too (not 84 × 24 hours from now).
    // Read within the last minute: the region's day now, or a minute ago should midnight have passed meanwhile.
    expect([regionDay(new Date(Date.now() - 60_000)), regionDay()]).toContain(cad.capacityBalance.from);
    expect((Date.parse(cad.capacityBalance.to) - Date.parse(cad.capacityBalance.from)) / 86_400_000).toBe(84);
    // The link works: the query runs as given, and the CSV comes from the gateway.
    const rows = await ok(stack.query(cad.capacityBalance.query, { from: cad.capacityBalance.from, to: cad.capacityBalance.to }, tokens.haerter));
    expect(Array.isArray(rows.capacityBalance)).toBe(true);
    const csv = await download(tokens.haerter, cad.capacityBalance.csvPath);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toMatch(/^week,kind,system,network,/);

    const anonymous = await stack.query(`{ workingGroups { totalCount } }`);
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    expect(codeOf(await stack.query(`{ workingGroups { totalCount } }`, {}, tokens.partner))).toBe('FORBIDDEN');
  });

  test('a partner is refused working groups, told of working groups (not of the capacity exchange)', async () => {
    const cad = (await ok(stack.query(`{ workingGroups(first: 1) { nodes { id } } }`, {}, tokens.haerter))).workingGroups.nodes[0];
    for (const [query, variables] of [
      [`{ workingGroups(first: 2) { nodes { id } } }`, {}],
      [`query($id: ID!) { workingGroup(id: $id) { id } }`, { id: cad.id }],
      [`query($id: ID!) { meeting(id: $id) { id } }`, { id: 'mtg-1' }],
      [joinMutation, { g: cad.id, m: members.dreher }],
    ] as const) {
      const error = (await stack.query(query, variables, tokens.partner)).errors?.[0];
      expect([error?.extensions?.code, error?.message], query).toEqual([
        'FORBIDDEN',
        'Partners take no part in working groups; members, network offices and admin do.',
      ]);
    }
  });
});

describe('membership', () => {
  let groupId: string;

  test('an office founds a group led by its member; the lead invites a member of another network, who accepts and hears of it', async () => {
    const group = (
      await ok(
        stack.query(
          createMutation,
          { input: { topic: 'Härten und Beschichten', description: 'Wärmebehandlung und Beschichtung für Drehteile.', lead: { memberId: members.dreher } } },
          tokens.niweOffice,
        ),
      )
    ).createWorkingGroup;
    groupId = group.id;
    expect(group).toMatchObject({ id: expect.stringMatching(/^wg-\d+$/), leadNetwork: { code: 'NIWE' }, leadMember: { id: members.dreher } });
    expect(group.members.map((m: { member: { id: string } }) => m.member.id)).toEqual([members.dreher]);

    // Only the lead (or admin) invites; a member of another group is no lead.
    expect(codeOf(await stack.query(inviteMutation, { g: groupId, m: members.haerter }, tokens.aussen))).toBe('FORBIDDEN');
    const invited = (await ok(stack.query(inviteMutation, { g: groupId, m: members.haerter }, tokens.dreher))).inviteToWorkingGroup;
    expect(invited).toMatchObject({ id: expect.stringMatching(/^wgm-\d+$/), status: 'INVITED', member: { id: members.haerter } });
    const [delivery] = await receivers.deliveries('haerter', 1);
    expect(delivery).toMatchObject({
      type: 'WORKING_GROUP_INVITED',
      data: { workingGroupId: groupId, topic: 'Härten und Beschichten', membershipId: invited.id, memberId: members.haerter },
    });

    // The invitation is seen by the lead and the invited member, not by others.
    const byOutsider = (await ok(stack.query(groupQuery, { id: groupId }, tokens.aussen))).workingGroup;
    expect(byOutsider).toMatchObject({ pending: [], viewerIsMember: false });
    expect((await ok(stack.query(groupQuery, { id: groupId }, tokens.haerter))).workingGroup.pending.map((p: { id: string }) => p.id)).toEqual([invited.id]);

    expect(codeOf(await stack.query(acceptMutation, { id: invited.id }, tokens.aussen))).toBe('FORBIDDEN');
    expect((await ok(stack.query(acceptMutation, { id: invited.id }, tokens.haerter))).acceptWorkingGroupInvitation.status).toBe('ACTIVE');
    expect(codeOf(await stack.query(acceptMutation, { id: invited.id }, tokens.haerter))).toBe('CONFLICT');
  });

  test('viewerIsLead: the member that leads, its office and admin; no other member, however inside, nor another office', async () => {
    const leads = async (token: string) =>
      (await ok(stack.query('query($id: ID!) { workingGroup(id: $id) { viewerIsLead } }', { id: groupId }, token))).workingGroup.viewerIsLead;
    const linatOffice = await stack.token({ role: 'office', network: 'LINAT' });
    expect([await leads(tokens.dreher), await leads(tokens.niweOffice), await leads(tokens.admin)]).toEqual([true, true, true]);
    expect([await leads(tokens.haerter), await leads(tokens.aussen), await leads(linatOffice)]).toEqual([false, false, false]);
  });

  test('a member of a third network asks to join, the lead confirms; leaving and removing end memberships', async () => {
    const asked = (await ok(stack.query(joinMutation, { g: groupId }, tokens.konstrukteur))).requestToJoinWorkingGroup;
    expect(asked.status).toBe('REQUESTED');
    const twice = await stack.query(joinMutation, { g: groupId }, tokens.konstrukteur);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXISTS', status: 'REQUESTED' });
    // The member cannot confirm itself; the lead does.
    expect(codeOf(await stack.query(confirmMutation, { id: asked.id }, tokens.konstrukteur))).toBe('FORBIDDEN');
    expect((await ok(stack.query(confirmMutation, { id: asked.id }, tokens.dreher))).confirmWorkingGroupMembership.status).toBe('ACTIVE');
    const joinedAgain = await stack.query(joinMutation, { g: groupId }, tokens.konstrukteur);
    expect(joinedAgain.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'ACTIVE' });

    let group = (await ok(stack.query(groupQuery, { id: groupId }, tokens.konstrukteur))).workingGroup;
    expect(group.members.map((m: { member: { id: string } }) => m.member.id)).toEqual([members.dreher, members.haerter, members.konstrukteur]);
    expect(group.viewerIsMember).toBe(true);

    expect((await ok(stack.query(leaveMutation, { g: groupId }, tokens.konstrukteur))).leaveWorkingGroup.status).toBe('LEFT');
    // The lead stays a member while it leads.
    expect(codeOf(await stack.query(leaveMutation, { g: groupId }, tokens.dreher))).toBe('CONFLICT');
    // Ten simultaneous requests of one member: one is taken, the database's unique index refuses the rest.
    const racing = await Promise.all(Array.from({ length: 10 }, () => stack.query(joinMutation, { g: groupId }, tokens.konstrukteur)));
    expect(racing.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of racing.filter((r) => r.errors)) expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', status: 'REQUESTED' });
    const again = (await ok(stack.query(groupQuery, { id: groupId }, tokens.dreher))).workingGroup.pending;
    expect(again).toHaveLength(1);
    expect((await ok(stack.query(leaveMutation, { g: groupId }, tokens.konstrukteur))).leaveWorkingGroup.status).toBe('LEFT');
    // An invitation withdrawn by the member's office: REMOVED; a request by the office for its member, declined by the lead.
    const invited = (await ok(stack.query(inviteMutation, { g: groupId, m: members.beschichter }, tokens.dreher))).inviteToWorkingGroup;
    // Another network's office neither leads nor acts for the member.
    expect(codeOf(await stack.query(removeMutation, { id: invited.id }, tokens.konatOffice))).toBe('FORBIDDEN');
    expect((await ok(stack.query(removeMutation, { id: invited.id }, tokens.linatOffice))).removeFromWorkingGroup.status).toBe('REMOVED');
    const forOutsider = (await ok(stack.query(joinMutation, { g: groupId, m: members.aussen }, tokens.niweOffice))).requestToJoinWorkingGroup;
    expect((await ok(stack.query(removeMutation, { id: forOutsider.id }, tokens.dreher))).removeFromWorkingGroup.status).toBe('REMOVED');

    group = (await ok(stack.query(groupQuery, { id: groupId }, tokens.dreher))).workingGroup;
    expect(group.members.map((m: { member: { id: string } }) => m.member.id)).toEqual([members.dreher, members.haerter]);
    expect(group.pending).toEqual([]);
  });

  test('bad input: a clear code, and nothing changed', async () => {
    const before = await Promise.all(['working_group', 'working_group_membership', 'working_group_meeting', 'outbox_event'].map(regionCount));
    const cases: [string, Record<string, unknown>, string, string, string?][] = [
      [createMutation, { input: { topic: 'härten UND beschichten', description: 'Doppelt', lead: { network: 'NIWE' } } }, 'niweOffice', 'CONFLICT'],
      // What reads the same is the same topic: two spaces, a no-break space, a decomposed ä, a zero-width space, a soft hyphen.
      [createMutation, { input: { topic: 'Härten  und Beschichten', description: 'Doppelt', lead: { network: 'NIWE' } } }, 'niweOffice', 'CONFLICT'],
      [createMutation, { input: { topic: 'Härten\u00A0und Beschichten', description: 'Doppelt', lead: { network: 'NIWE' } } }, 'niweOffice', 'CONFLICT'],
      [createMutation, { input: { topic: 'Ha\u0308rten und Beschichten', description: 'Doppelt', lead: { network: 'NIWE' } } }, 'niweOffice', 'CONFLICT'],
      [createMutation, { input: { topic: 'Härten\u200B und Beschichten', description: 'Doppelt', lead: { network: 'NIWE' } } }, 'niweOffice', 'CONFLICT'],
      [createMutation, { input: { topic: 'Här\u00ADten und Beschichten', description: 'Doppelt', lead: { network: 'NIWE' } } }, 'niweOffice', 'CONFLICT'],
      [createMutation, { input: { topic: 'Leichtbau', description: 'x', lead: { network: 'LINAT' } } }, 'niweOffice', 'FORBIDDEN'],
      [createMutation, { input: { topic: 'Leichtbau', description: 'x', lead: {} } }, 'admin', 'BAD_USER_INPUT', 'input.lead'],
      [createMutation, { input: { topic: 'LB', description: 'x', lead: { network: 'LINAT' } } }, 'admin', 'BAD_USER_INPUT', 'input.topic'],
      [createMutation, { input: { topic: 'Leichtbau', description: 'x', lead: { network: 'LINAT' } } }, 'haerter', 'FORBIDDEN'],
      [createMutation, { input: { topic: 'Leichtbau', description: 'x', lead: { memberId: 'LINAT:m-999999' } } }, 'admin', 'NOT_FOUND'],
      [inviteMutation, { g: groupId, m: 'KONAT:m-999999' }, 'dreher', 'NOT_FOUND'],
      [inviteMutation, { g: 'wg-123456789', m: members.aussen }, 'admin', 'NOT_FOUND'],
      [inviteMutation, { g: 'group-1', m: members.aussen }, 'admin', 'BAD_USER_INPUT', 'groupId'],
      [inviteMutation, { g: groupId, m: members.haerter }, 'dreher', 'CONFLICT'],
      [joinMutation, { g: groupId }, 'haerter', 'CONFLICT'],
      [confirmMutation, { id: 'wgm-98765' }, 'dreher', 'NOT_FOUND'],
      [scheduleMutation, { g: groupId, input: meetingInput({ startsAt: inDays(-1) }) }, 'dreher', 'BAD_USER_INPUT', 'input.startsAt'],
      [scheduleMutation, { g: groupId, input: meetingInput({ startsAt: '2027-01-14T15:00:00' }) }, 'dreher', 'BAD_USER_INPUT', 'input.startsAt'],
      [scheduleMutation, { g: groupId, input: meetingInput({ participantLimit: 0 }) }, 'dreher', 'BAD_USER_INPUT', 'input.participantLimit'],
      [scheduleMutation, { g: groupId, input: meetingInput({ participantLimit: 1001 }) }, 'dreher', 'BAD_USER_INPUT', 'input.participantLimit'],
      [scheduleMutation, { g: groupId, input: meetingInput({ videoLink: 'http://meet.example/x' }) }, 'dreher', 'BAD_USER_INPUT', 'input.videoLink'],
      [scheduleMutation, { g: groupId, input: meetingInput({ videoLink: null, place: null }) }, 'dreher', 'BAD_USER_INPUT', 'input.place'],
      [scheduleMutation, { g: groupId, input: meetingInput() }, 'haerter', 'FORBIDDEN'],
      [scheduleMutation, { g: 'wg-42', input: meetingInput() }, 'admin', 'NOT_FOUND'],
      [rsvpMutation, { id: 'mtg-42', answer: 'YES' }, 'haerter', 'NOT_FOUND'],
    ];
    for (const [query, variables, who, code, field] of cases) {
      const res = await stack.query(query, variables, tokens[who]);
      const error = res.errors?.[0];
      expect(error?.extensions?.code, `${who}: ${JSON.stringify(variables)}`).toBe(code);
      if (field) expect(error?.extensions?.field, JSON.stringify(variables)).toBe(field);
      expect(error?.message.length).toBeGreaterThan(20);
    }
    expect(await Promise.all(['working_group', 'working_group_membership', 'working_group_meeting', 'outbox_event'].map(regionCount))).toEqual(before);
  });

  describe('meetings', () => {
    let meetingId: string;
    const meetingQuery = `query($id: ID!) { meeting(id: $id) { id startsAt yesCount placesLeft viewerCanUploadMinutes } }`;
    const insideQuery = `query($id: ID!) { meeting(id: $id) { agenda videoLink rsvps { answer member { id } } minutes { id fileName size sha256 downloadPath } } }`;

    test('the lead schedules one; each member hears of it; members answer and change their answers', async () => {
      const before = { dreher: receivers.received.dreher.length, haerter: receivers.received.haerter.length };
      const meeting = (await ok(stack.query(scheduleMutation, { g: groupId, input: meetingInput() }, tokens.dreher))).scheduleMeeting;
      meetingId = meeting.id;
      expect(meeting).toMatchObject({ id: expect.stringMatching(/^mtg-\d+$/), groupId, participantLimit: 5, yesCount: 0, placesLeft: 5, place: null });
      for (const key of ['dreher', 'haerter'] as const) {
        const delivery = (await receivers.deliveries(key, before[key] + 1)).at(-1)!;
        expect(delivery).toMatchObject({
          type: 'MEETING_SCHEDULED',
          data: { workingGroupId: groupId, meetingId, memberId: members[key], startsAt: meeting.startsAt },
        });
        // The agenda and video link are for the group: not in a payload an office's webhook may receive.
        expect(delivery.data).not.toHaveProperty('agenda');
      }
      // Members who left or were removed hear nothing: only the two active members were notified.
      const [scheduled] = await stack.region.orm.em
        .fork()
        .getConnection()
        .execute<{ n: number }[]>(`select count(*)::int as n from "outbox_event" where "type" = 'MEETING_SCHEDULED'`);
      expect(scheduled.n).toBe(2);

      await ok(stack.query(rsvpMutation, { id: meetingId, answer: 'YES' }, tokens.haerter));
      await ok(stack.query(rsvpMutation, { id: meetingId, answer: 'MAYBE' }, tokens.dreher));
      expect((await ok(stack.query(meetingQuery, { id: meetingId }, tokens.haerter))).meeting).toMatchObject({ yesCount: 1, placesLeft: 4 });
      await ok(stack.query(rsvpMutation, { id: meetingId, answer: 'NO' }, tokens.haerter));
      await ok(stack.query(rsvpMutation, { id: meetingId, answer: 'YES', m: members.dreher }, tokens.niweOffice));
      const inside = (await ok(stack.query(insideQuery, { id: meetingId }, tokens.haerter))).meeting;
      expect(inside.rsvps.map((r: { answer: string; member: { id: string } }) => [r.member.id, r.answer])).toEqual([
        [members.haerter, 'NO'],
        [members.dreher, 'YES'],
      ]);
      expect(inside.agenda).toContain('Härteverzug');
      expect((await ok(stack.query(meetingQuery, { id: meetingId }, tokens.haerter))).meeting.yesCount).toBe(1);

      // Not a member: FORBIDDEN, and its answer is not taken.
      const outsider = await stack.query(rsvpMutation, { id: meetingId, answer: 'YES' }, tokens.aussen);
      expect(codeOf(outsider)).toBe('FORBIDDEN');
      expect(codeOf(await stack.query(rsvpMutation, { id: meetingId, answer: 'YES' }, tokens.konstrukteur))).toBe('FORBIDDEN');
      expect(await regionCount('meeting_rsvp')).toBe(2);
    });

    test('a meeting that has begun takes no more answers', async () => {
      const begun = (await ok(stack.query(scheduleMutation, { g: groupId, input: meetingInput({ place: 'Eschwege' }) }, tokens.dreher))).scheduleMeeting;
      // Scheduling refuses the past, so the database moves this one back in time.
      await stack.region.orm.em
        .fork()
        .getConnection()
        .execute(`update "working_group_meeting" set "starts_at" = now() - interval '1 hour' where "id" = ?`, [Number(begun.id.slice(4))]);
      const late = await stack.query(rsvpMutation, { id: begun.id, answer: 'YES' }, tokens.haerter);
      expect(codeOf(late)).toBe('CONFLICT');
      expect(late.errors![0].message).toMatch(/began at .*answers are closed/);
      expect(await regionCount('meeting_rsvp')).toBe(2);
      // Upcoming meetings only, by default; all of them on request.
      const group = (
        await ok(
          stack.query(
            `query($id: ID!) { workingGroup(id: $id) { upcoming: meetings { id } all: meetings(upcomingOnly: false) { id } } }`,
            { id: groupId },
            tokens.haerter,
          ),
        )
      ).workingGroup;
      expect(group.upcoming.map((m: { id: string }) => m.id)).toEqual([meetingId]);
      expect(group.all.map((m: { id: string }) => m.id)).toEqual([begun.id, meetingId]);
    });

    test("the agenda, video link, answers and minutes are the group's: FORBIDDEN to others, who see when it meets", async () => {
      const outside = await stack.query(insideQuery, { id: meetingId }, tokens.aussen);
      expect(outside.data.meeting).toEqual({ agenda: null, videoLink: null, rsvps: null, minutes: null });
      expect(outside.errors!.map((e) => [e.path!.join('.'), e.extensions!.code])).toEqual([
        ['meeting.agenda', 'FORBIDDEN'],
        ['meeting.videoLink', 'FORBIDDEN'],
        ['meeting.rsvps', 'FORBIDDEN'],
        ['meeting.minutes', 'FORBIDDEN'],
      ]);
      expect((await ok(stack.query(meetingQuery, { id: meetingId }, tokens.aussen))).meeting).toMatchObject({ yesCount: 1, viewerCanUploadMinutes: false });
      // The member's office acts for it, and sees what it sees; admin sees everything.
      expect((await ok(stack.query(insideQuery, { id: meetingId }, tokens.linatOffice))).meeting.agenda).toContain('Schutzgas');
      expect((await ok(stack.query(insideQuery, { id: meetingId }, tokens.admin))).meeting.agenda).toContain('Schutzgas');
      expect(codeOf(await stack.query(insideQuery, { id: meetingId }, tokens.konatOffice))).toBe('FORBIDDEN');
    });

    test('the lead uploads the minutes as PDF; members download them, others are refused; nothing else is stored', async () => {
      const filesBefore = (await readdir(stack.attachmentsDir).catch(() => [])).length;
      // Not a PDF, whatever its name says; not the lead; too large; another type: refused, nothing stored.
      const png_ = await upload(tokens.dreher, meetingId, 'protokoll.pdf', 'application/pdf', png);
      expect(png_.status).toBe(415);
      expect(((await png_.json()) as any).errors[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'body',
        reason: 'FILE',
        requestId: expect.any(String),
      });
      const docx = await upload(tokens.dreher, meetingId, 'protokoll.docx', 'application/octet-stream', pdf);
      expect(docx.status).toBe(415);
      expect(((await docx.json()) as any).errors[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'fileName',
        reason: 'FILE',
        requestId: expect.any(String),
      });
      const step = await upload(tokens.dreher, meetingId, 'welle.step', 'model/step', Buffer.from('ISO-10303-21;\n'));
      expect(step.status).toBe(415);
      expect((await upload(tokens.dreher, meetingId, 'protokoll.pdf', 'application/pdf', Buffer.concat([pdf, Buffer.alloc(maxBytes)]))).status).toBe(413);
      const notLead = await upload(tokens.haerter, meetingId, 'protokoll.pdf', 'application/pdf', pdf);
      expect(notLead.status).toBe(403);
      expect(((await notLead.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
      expect((await upload(tokens.dreher, 'mtg-4242', 'protokoll.pdf', 'application/pdf', pdf)).status).toBe(404);
      expect((await upload(undefined, meetingId, 'protokoll.pdf', 'application/pdf', pdf)).status).toBe(401);
      const reversed = await upload(tokens.dreher, meetingId, 'Protokoll\u202Efdp.exe', 'application/pdf', pdf);
      expect(reversed.status).toBe(400);
      expect(((await reversed.json()) as any).errors[0].extensions).toMatchObject({ field: 'fileName', reason: 'CONTROL_CHARACTER' });
      expect(await regionCount('meeting_minutes')).toBe(0);
      expect((await readdir(stack.attachmentsDir).catch(() => [])).length).toBe(filesBefore);

      expect((await ok(stack.query(meetingQuery, { id: meetingId }, tokens.dreher))).meeting.viewerCanUploadMinutes).toBe(true);
      const res = await upload(tokens.dreher, meetingId, 'Protokoll Arbeitskreis.pdf', 'application/pdf', pdf);
      expect(res.status).toBe(201);
      const stored = (await res.json()) as { id: string; downloadPath: string };
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      expect(stored).toMatchObject({ id: expect.stringMatching(/^min-\d+$/), meetingId, fileName: 'Protokoll Arbeitskreis.pdf', size: pdf.length, sha256 });
      const minutes = (await ok(stack.query(insideQuery, { id: meetingId }, tokens.haerter))).meeting.minutes;
      expect(minutes).toEqual({ id: stored.id, fileName: 'Protokoll Arbeitskreis.pdf', size: pdf.length, sha256, downloadPath: stored.downloadPath });

      const got = await download(tokens.haerter, minutes.downloadPath);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await got.arrayBuffer()).equals(pdf)).toBe(true);
      const refused = await download(tokens.aussen, minutes.downloadPath);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
      expect((await download(tokens.konstrukteur, minutes.downloadPath)).status).toBe(403);
      expect((await download(tokens.haerter, '/attachments?id=min-4242')).status).toBe(404);
      // Region takes files only from the gateway, signed.
      expect((await fetch(`${stack.regionUrl}/internal/minutes${minutes.downloadPath.slice('/attachments'.length)}`)).status).toBe(401);
      expect((await readdir(stack.attachmentsDir)).length).toBe(filesBefore + 1);

      // A corrected version takes the first one's place: one row and one file per meeting, however often it is sent.
      const corrected = Buffer.concat([pdf, Buffer.from('% korrigiert\n')]);
      const second = (await (await upload(tokens.dreher, meetingId, 'Protokoll korrigiert.pdf', 'application/pdf', corrected)).json()) as {
        id: string;
        downloadPath: string;
      };
      expect((await ok(stack.query(insideQuery, { id: meetingId }, tokens.haerter))).meeting.minutes).toMatchObject({
        id: second.id,
        fileName: 'Protokoll korrigiert.pdf',
        size: corrected.length,
      });
      expect((await download(tokens.haerter, minutes.downloadPath)).status).toBe(404);
      expect(Buffer.from(await (await download(tokens.haerter, second.downloadPath)).arrayBuffer()).equals(corrected)).toBe(true);
      expect(await regionCount('meeting_minutes')).toBe(1);
      expect((await readdir(stack.attachmentsDir)).length).toBe(filesBefore + 1);
    });

    test("two uploads of one meeting's minutes at once: the second replaces the first, one row and one file stay", async () => {
      const filesBefore = (await readdir(stack.attachmentsDir)).length;
      // Both wait for the meeting's minutes lock, and go on one after the other: without it, each found no minutes
      // to replace, and both were kept.
      const [first, second] = await queuedBehindLock(
        stack.regionDatabaseUrl,
        { sql: 'select pg_advisory_xact_lock(hashtextextended($1, 0))', params: [`meeting minutes ${meetingIds.parse(meetingId)}`] },
        'pg_advisory_xact_lock',
        ['Protokoll A.pdf', 'Protokoll B.pdf'].map((name) => async () => (await upload(tokens.dreher, meetingId, name, 'application/pdf', pdf)).status),
        // Each file has its name before its row is committed (files.ts keepFileWith): renamed after the commit, the
        // second upload, let go by the first's commit, replaced its row while the file was still `.part` and found
        // nothing to remove, and the first's file stayed behind without a row.
        async () => {
          const waiting = await readdir(stack.attachmentsDir);
          expect(waiting.filter((name) => name.endsWith('.part'))).toEqual([]);
          expect(waiting.length).toBe(filesBefore + 2);
        },
      );
      expect([first, second]).toEqual([201, 201]);
      expect((await ok(stack.query(insideQuery, { id: meetingId }, tokens.haerter))).meeting.minutes.fileName).toBe('Protokoll B.pdf');
      expect(await regionCount('meeting_minutes')).toBe(1);
      // Each replaced the minutes before it and removed their file: as many files as before.
      expect((await readdir(stack.attachmentsDir)).length).toBe(filesBefore);
    });
  });
});

describe('the limit of YES answers', () => {
  test('50 members answer YES at once for 20 places: 20 hold one, 30 are refused with CONFLICT naming the limit', async () => {
    const group = (
      await ok(
        stack.query(
          createMutation,
          { input: { topic: 'Leichtbau mit Faserverbund', description: 'Gemeinsam prüfen.', lead: { network: 'KONAT' } } },
          tokens.admin,
        ),
      )
    ).createWorkingGroup;
    const keys = Array.from({ length: 50 }, (_, i) => `teilnehmer${i}`);
    const networkOf = (i: number) => ['NIWE', 'LINAT', 'KONAT'][i % 3];
    await inBatches(keys, 10, (key) => createMember(key, networkOf(keys.indexOf(key))));
    const invitations = await inBatches(
      keys,
      10,
      async (key) => (await ok(stack.query(inviteMutation, { g: group.id, m: members[key] }, tokens.konatOffice))).inviteToWorkingGroup,
    );
    await inBatches(invitations, 10, (invitation: { id: string }) => ok(stack.query(acceptMutation, { id: invitation.id }, tokens.admin)));
    const meeting = (await ok(stack.query(scheduleMutation, { g: group.id, input: meetingInput({ participantLimit: 20 }) }, tokens.konatOffice)))
      .scheduleMeeting;

    const results = await Promise.all(keys.map((key) => stack.query(rsvpMutation, { id: meeting.id, answer: 'YES' }, tokens[key])));
    const taken = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(taken).toHaveLength(20);
    expect(refused).toHaveLength(30);
    for (const r of refused) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'FULL', participantLimit: 20 });
      expect(r.errors![0].message).toMatch(/is full: all 20 places are taken/);
    }
    const [row] = await stack.region.orm.em
      .fork()
      .getConnection()
      .execute<{ yes: number; count: number }[]>(
        `select (select count(*)::int from "meeting_rsvp" r where r."meeting_id" = m."id" and r."answer" = 'YES') as yes, m."yes_count" as count from "working_group_meeting" m where m."id" = ?`,
        [Number(meeting.id.slice(4))],
      );
    expect(row).toEqual({ yes: 20, count: 20 });

    // A YES changed to NO frees a place for one that was refused; MAYBE is always taken.
    const holder = keys[results.indexOf(taken[0])];
    const waiting = keys[results.indexOf(refused[0])];
    await ok(stack.query(rsvpMutation, { id: meeting.id, answer: 'MAYBE' }, tokens[keys[results.indexOf(refused[1])]]));
    expect(codeOf(await stack.query(rsvpMutation, { id: meeting.id, answer: 'YES' }, tokens[waiting]))).toBe('CONFLICT');
    await ok(stack.query(rsvpMutation, { id: meeting.id, answer: 'NO' }, tokens[holder]));
    await ok(stack.query(rsvpMutation, { id: meeting.id, answer: 'YES' }, tokens[waiting]));
    const after = (await ok(stack.query(`query($id: ID!) { meeting(id: $id) { yesCount placesLeft } }`, { id: meeting.id }, tokens.admin))).meeting;
    expect(after).toEqual({ yesCount: 20, placesLeft: 0 });
  }, 120_000);
});

describe('SQL statements per request', () => {
  test('workingGroups { members meetings { rsvps } } costs the same for 1, 4 and 8 groups', async () => {
    // The last group so far: the page starts after it, at eight more groups, each with two members of two networks, a meeting and both members' answers.
    const start = (await ok(stack.query(`{ workingGroups(first: 100) { pageInfo { endCursor } } }`, {}, tokens.admin))).workingGroups.pageInfo.endCursor;
    for (let g = 0; g < 8; g++) {
      const group = (
        await ok(
          stack.query(
            createMutation,
            { input: { topic: `Erfahrungsaustausch ${g}`, description: 'Treffen reihum.', lead: { network: 'NIWE' } } },
            tokens.niweOffice,
          ),
        )
      ).createWorkingGroup;
      for (const key of ['haerter', 'konstrukteur']) {
        const invited = (await ok(stack.query(inviteMutation, { g: group.id, m: members[key] }, tokens.niweOffice))).inviteToWorkingGroup;
        await ok(stack.query(acceptMutation, { id: invited.id }, tokens[key]));
      }
      const meeting = (await ok(stack.query(scheduleMutation, { g: group.id, input: meetingInput({ place: 'Eschwege' }) }, tokens.niweOffice))).scheduleMeeting;
      for (const key of ['haerter', 'konstrukteur']) await ok(stack.query(rsvpMutation, { id: meeting.id, answer: 'YES' }, tokens[key]));
    }
    const listQuery = `query($first: Int, $after: String) { workingGroups(first: $first, after: $after) { nodes { id topic
      members { status member { id } } pending { id } viewerIsMember
      meetings { id startsAt agenda videoLink yesCount rsvps { answer member { id } } minutes { id } }
    } pageInfo { endCursor } } }`;
    // The webhook dispatcher's polls count in region's statements too; the webhooks were heard above.
    await stack.region.dispatcher?.stop();
    const counts: number[] = [];
    for (const first of [1, 4, 8]) {
      const sql = stack.region.sql.count;
      const page = (await ok(stack.query(listQuery, { first, after: start }, tokens.haerter))).workingGroups.nodes;
      counts.push(stack.region.sql.count - sql);
      expect(page).toHaveLength(first);
      for (const group of page) {
        expect(group.members).toHaveLength(2);
        expect(group.viewerIsMember).toBe(true);
        expect(group.meetings[0].rsvps).toHaveLength(2);
      }
    }
    // The cursor's group, the page and its count, then one each for memberships, meetings, answers and minutes.
    expect(counts).toEqual([7, 7, 7]);

    // Pages of two walk every group once, the seeded CAD group too.
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = (
        await ok(
          stack.query(
            `query($after: String) { workingGroups(first: 2, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
            { after },
            tokens.admin,
          ),
        )
      ).workingGroups;
      seen.push(...page.nodes.map((n) => n.id));
      total = page.totalCount;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total);
  }, 120_000);
});

describe('handing the lead over', () => {
  const handOver = `mutation($g: ID!, $lead: WorkingGroupLeadInput!) { handOverWorkingGroupLead(groupId: $g, lead: $lead) { id leadNetwork { code } leadMember { id } } }`;

  test('the lead hands it to an active member or an office; others are refused and nothing changes', async () => {
    await createMember('fuehrend', 'NIWE');
    await createMember('folgend', 'LINAT');
    await createMember('fremd', 'KONAT');
    const group = (
      await ok(
        stack.query(
          createMutation,
          { input: { topic: 'Additive Fertigung', description: 'Druck in Metall.', lead: { memberId: members.fuehrend } } },
          tokens.niweOffice,
        ),
      )
    ).createWorkingGroup;
    const invited = (await ok(stack.query(inviteMutation, { g: group.id, m: members.folgend }, tokens.fuehrend))).inviteToWorkingGroup;
    const lead = async () => (await ok(stack.query(groupQuery, { id: group.id }, tokens.admin))).workingGroup;
    const leadOf = async () => {
      const g = await lead();
      return [g.leadNetwork.code, g.leadMember?.id ?? null];
    };

    // Invited is not active yet; a non-member, the member that does not lead and another network's office are refused.
    for (const [token, input, code] of [
      [tokens.fuehrend, { memberId: members.folgend }, 'CONFLICT'],
      [tokens.fuehrend, { memberId: members.fremd }, 'CONFLICT'],
      [tokens.fuehrend, { memberId: members.fuehrend }, 'CONFLICT'],
      [tokens.fuehrend, { memberId: 'nonsense' }, 'BAD_USER_INPUT'],
      [tokens.fuehrend, { memberId: members.folgend, network: 'KONAT' }, 'BAD_USER_INPUT'],
      [tokens.fuehrend, {}, 'BAD_USER_INPUT'],
      [tokens.folgend, { network: 'LINAT' }, 'FORBIDDEN'],
      [tokens.konatOffice, { network: 'KONAT' }, 'FORBIDDEN'],
      [tokens.partner, { network: 'KONAT' }, 'FORBIDDEN'],
    ] as const) {
      expect(codeOf(await stack.query(handOver, { g: group.id, lead: input }, token)), JSON.stringify(input)).toBe(code);
    }
    expect(codeOf(await stack.query(handOver, { g: 'wg-42', lead: { network: 'NIWE' } }, tokens.admin))).toBe('NOT_FOUND');
    expect(await leadOf()).toEqual(['NIWE', members.fuehrend]);
    // Which STATUS: the chosen member's own (invited, never asked), not the lead's "leads already".
    const statusOf = async (memberId: string) =>
      (await stack.query(handOver, { g: group.id, lead: { memberId } }, tokens.fuehrend)).errors?.[0]?.extensions?.status;
    expect([await statusOf(members.folgend), await statusOf(members.fremd), await statusOf(members.fuehrend)]).toEqual(['INVITED', 'NONE', undefined]);

    await ok(stack.query(acceptMutation, { id: invited.id }, tokens.folgend));
    // The member lead's own office acts for it.
    const handed = (await ok(stack.query(handOver, { g: group.id, lead: { memberId: members.folgend } }, tokens.niweOffice))).handOverWorkingGroupLead;
    expect(handed).toEqual({ id: group.id, leadNetwork: { code: 'LINAT' }, leadMember: { id: members.folgend } });
    // The former lead is a member like the others now, and may leave; the new lead invites.
    expect(codeOf(await stack.query(inviteMutation, { g: group.id, m: members.fremd }, tokens.fuehrend))).toBe('FORBIDDEN');
    expect((await ok(stack.query(leaveMutation, { g: group.id }, tokens.fuehrend))).leaveWorkingGroup.status).toBe('LEFT');
    expect(codeOf(await stack.query(leaveMutation, { g: group.id }, tokens.folgend))).toBe('CONFLICT');

    expect((await ok(stack.query(handOver, { g: group.id, lead: { network: 'KONAT' } }, tokens.folgend))).handOverWorkingGroupLead).toMatchObject({
      leadNetwork: { code: 'KONAT' },
      leadMember: null,
    });
    expect(codeOf(await stack.query(handOver, { g: group.id, lead: { network: 'NIWE' } }, tokens.folgend))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(handOver, { g: group.id, lead: { network: 'KONAT' } }, tokens.konatOffice))).toBe('CONFLICT');
    await ok(stack.query(handOver, { g: group.id, lead: { network: 'NIWE' } }, tokens.admin));
    expect(await leadOf()).toEqual(['NIWE', null]);
  });
});

describe('an answer racing with the member’s removal', () => {
  const region = () => stack.region.orm.em.fork();
  /** Backends of region's database waiting for a lock another transaction holds. */
  async function waitingForLocks(): Promise<number> {
    const [row] = await region()
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
    return row.n;
  }
  async function answersOf(memberId: string, meetingId: string) {
    const [row] = await region()
      .getConnection()
      .execute<{ answers: number; yes: number }[]>(
        `select (select count(*)::int from "meeting_rsvp" where "member_id" = ? and "meeting_id" = m."id") as answers, m."yes_count" as yes from "working_group_meeting" m where m."id" = ?`,
        [memberId, Number(meetingId.slice(4))],
      );
    return row;
  }
  async function groupWithMeeting(topic: string, key: string) {
    await createMember(key, 'LINAT');
    const group = (await ok(stack.query(createMutation, { input: { topic, description: 'Rennen.', lead: { network: 'NIWE' } } }, tokens.admin)))
      .createWorkingGroup;
    const invited = (await ok(stack.query(inviteMutation, { g: group.id, m: members[key] }, tokens.niweOffice))).inviteToWorkingGroup;
    await ok(stack.query(acceptMutation, { id: invited.id }, tokens[key]));
    const meeting = (await ok(stack.query(scheduleMutation, { g: group.id, input: meetingInput({ participantLimit: 3 }) }, tokens.niweOffice))).scheduleMeeting;
    return { membershipId: invited.id as string, meetingId: meeting.id as string };
  }

  test('removed first: the answer waits for the removal, then is refused and not recorded', async () => {
    const { membershipId, meetingId } = await groupWithMeeting('Rennen eins', 'renner1');
    let answer: Promise<GraphQLResponse> | undefined;
    await region().transactional(async (tx) => {
      // The removal's transaction, held open while the answer arrives.
      await tx.execute(`update "working_group_membership" set "status" = 'REMOVED', "ended_at" = now() where "id" = ?`, [Number(membershipId.slice(4))]);
      answer = stack.query(rsvpMutation, { id: meetingId, answer: 'YES' }, tokens.renner1);
      await until(async () => (await waitingForLocks()) >= 1, 'the answer waits for the removal', 10_000);
    });
    const res = await answer!;
    expect(codeOf(res), JSON.stringify(res)).toBe('FORBIDDEN');
    expect(await answersOf(members.renner1, meetingId)).toEqual({ answers: 0, yes: 0 });
  });

  test('answered first: the removal waits for the answer and withdraws it', async () => {
    const { membershipId, meetingId } = await groupWithMeeting('Rennen zwei', 'renner2');
    let answer: Promise<GraphQLResponse> | undefined;
    let removal: Promise<GraphQLResponse> | undefined;
    await region().transactional(async (tx) => {
      // Holding the meeting's row stops the answer at its count (the trigger), after it has read the membership.
      await tx.execute(`select 1 from "working_group_meeting" where "id" = ? for update`, [Number(meetingId.slice(4))]);
      answer = stack.query(rsvpMutation, { id: meetingId, answer: 'YES' }, tokens.renner2);
      await until(async () => (await waitingForLocks()) >= 1, 'the answer waits at the meeting', 10_000);
      removal = stack.query(removeMutation, { id: membershipId }, tokens.niweOffice);
      await until(async () => (await waitingForLocks()) >= 2, 'the removal waits for the answer', 10_000);
    });
    expect((await answer!).data?.rsvpMeeting.answer).toBe('YES');
    expect((await removal!).data?.removeFromWorkingGroup.status).toBe('REMOVED');
    expect(await answersOf(members.renner2, meetingId)).toEqual({ answers: 0, yes: 0 });
    expect(codeOf(await stack.query(rsvpMutation, { id: meetingId, answer: 'MAYBE' }, tokens.renner2))).toBe('FORBIDDEN');
  });
});

describe('membership changes at once', () => {
  const handOver = `mutation($g: ID!, $lead: WorkingGroupLeadInput!) { handOverWorkingGroupLead(groupId: $g, lead: $lead) { leadMember { id } } }`;
  async function groupInviting(topic: string, key: string) {
    await createMember(key, 'LINAT');
    const group = (await ok(stack.query(createMutation, { input: { topic, description: 'Zugleich.', lead: { network: 'NIWE' } } }, tokens.admin)))
      .createWorkingGroup;
    const invited = (await ok(stack.query(inviteMutation, { g: group.id, m: members[key] }, tokens.niweOffice))).inviteToWorkingGroup;
    return { groupId: group.id as string, membershipId: invited.id as string };
  }
  const membershipRow = async (id: string) =>
    (
      await stack.region.orm.em
        .fork()
        .getConnection()
        .execute<{ status: string; ended: boolean }[]>(`select "status", "ended_at" is not null as ended from "working_group_membership" where "id" = ?`, [
          Number(id.slice(4)),
        ])
    )[0];

  test('a removal and an acceptance of one invitation: the removal first stands, the acceptance after it is CONFLICT', async () => {
    const { membershipId } = await groupInviting('Zugleich eins', 'zugleich1');
    const [removed, accepted] = await queuedBehindLock(
      stack.regionDatabaseUrl,
      { sql: 'select 1 from working_group_membership where id = $1 for update', params: [Number(membershipId.slice(4))] },
      'working_group',
      [() => stack.query(removeMutation, { id: membershipId }, tokens.niweOffice), () => stack.query(acceptMutation, { id: membershipId }, tokens.zugleich1)],
    );
    expect(removed.data?.removeFromWorkingGroup.status).toBe('REMOVED');
    expect(codeOf(accepted)).toBe('CONFLICT');
    expect(await membershipRow(membershipId)).toEqual({ status: 'REMOVED', ended: true });
  });

  test('the lead handed to a member that leaves at once: the handover first stands, and the new lead cannot leave', async () => {
    const { groupId, membershipId } = await groupInviting('Zugleich zwei', 'zugleich2');
    await ok(stack.query(acceptMutation, { id: membershipId }, tokens.zugleich2));
    const [handed, left] = await queuedBehindLock(
      stack.regionDatabaseUrl,
      { sql: 'select 1 from working_group where id = $1 for update', params: [Number(groupId.slice(3))] },
      'working_group',
      [
        () => stack.query(handOver, { g: groupId, lead: { memberId: members.zugleich2 } }, tokens.niweOffice),
        () => stack.query(leaveMutation, { g: groupId }, tokens.zugleich2),
      ],
    );
    expect(handed.data?.handOverWorkingGroupLead.leadMember.id).toBe(members.zugleich2);
    expect(codeOf(left)).toBe('CONFLICT');
    expect(await membershipRow(membershipId)).toEqual({ status: 'ACTIVE', ended: false });
  });

  test('a lead removing a member while it hands the lead over: the handover first stands, and the removal after it is FORBIDDEN', async () => {
    const { groupId, membershipId } = await groupInviting('Zugleich drei', 'zugleich3');
    await ok(stack.query(acceptMutation, { id: membershipId }, tokens.zugleich3));
    await ok(stack.query(handOver, { g: groupId, lead: { memberId: members.zugleich3 } }, tokens.niweOffice));
    await createMember('zugleich4', 'LINAT');
    const other = (await ok(stack.query(inviteMutation, { g: groupId, m: members.zugleich4 }, tokens.zugleich3))).inviteToWorkingGroup.id;
    await ok(stack.query(acceptMutation, { id: other }, tokens.zugleich4));
    // Both read the group while zugleich3 led it; the removal's check of who may remove must be the one under the lock.
    const [handed, removed] = await queuedBehindLock(
      stack.regionDatabaseUrl,
      { sql: 'select 1 from working_group where id = $1 for update', params: [Number(groupId.slice(3))] },
      'working_group',
      [
        () => stack.query(handOver, { g: groupId, lead: { network: 'NIWE' } }, tokens.zugleich3),
        () => stack.query(removeMutation, { id: other }, tokens.zugleich3),
      ],
    );
    expect(handed.data?.handOverWorkingGroupLead.leadMember).toBeNull();
    expect(codeOf(removed), JSON.stringify(removed)).toBe('FORBIDDEN');
    expect(await membershipRow(other)).toEqual({ status: 'ACTIVE', ended: false });
  });

  test('a lead that invites and schedules while it hands the lead over: the handover first stands, the others after it are FORBIDDEN', async () => {
    const { groupId, membershipId } = await groupInviting('Zugleich fünf', 'zugleich6');
    await ok(stack.query(acceptMutation, { id: membershipId }, tokens.zugleich6));
    await ok(stack.query(handOver, { g: groupId, lead: { memberId: members.zugleich6 } }, tokens.niweOffice));
    await createMember('zugleich7', 'LINAT');
    const [handed, invited, scheduled] = await queuedBehindLock(
      stack.regionDatabaseUrl,
      { sql: 'select 1 from working_group where id = $1 for update', params: [Number(groupId.slice(3))] },
      'working_group',
      [
        () => stack.query(handOver, { g: groupId, lead: { network: 'NIWE' } }, tokens.zugleich6),
        () => stack.query(inviteMutation, { g: groupId, m: members.zugleich7 }, tokens.zugleich6),
        () => stack.query(scheduleMutation, { g: groupId, input: meetingInput() }, tokens.zugleich6),
      ],
    );
    expect(handed.errors).toBeUndefined();
    expect(codeOf(invited), JSON.stringify(invited)).toBe('FORBIDDEN');
    expect(codeOf(scheduled), JSON.stringify(scheduled)).toBe('FORBIDDEN');
  });

  test('two handovers by one lead at once: the first stands, the second is FORBIDDEN', async () => {
    const { groupId, membershipId } = await groupInviting('Zugleich vier', 'zugleich5');
    await ok(stack.query(acceptMutation, { id: membershipId }, tokens.zugleich5));
    await ok(stack.query(handOver, { g: groupId, lead: { memberId: members.zugleich5 } }, tokens.niweOffice));
    const [first, second] = await queuedBehindLock(
      stack.regionDatabaseUrl,
      { sql: 'select 1 from working_group where id = $1 for update', params: [Number(groupId.slice(3))] },
      'working_group',
      [
        () => stack.query(handOver, { g: groupId, lead: { network: 'LINAT' } }, tokens.zugleich5),
        () => stack.query(handOver, { g: groupId, lead: { network: 'KONAT' } }, tokens.zugleich5),
      ],
    );
    expect(first.errors).toBeUndefined();
    expect(codeOf(second), JSON.stringify(second)).toBe('FORBIDDEN');
    const lead = (
      await stack.region.orm.em
        .fork()
        .getConnection()
        .execute<{ lead_network: string }[]>(`select "lead_network" from "working_group" where "id" = ?`, [Number(groupId.slice(3))])
    )[0];
    expect(lead.lead_network).toBe('LINAT');
  });
});
