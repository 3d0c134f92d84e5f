import type { ApolloServer } from '@apollo/server';
import { httpError } from '../shared/errors.ts';
import type { PlainRoute } from '../shared/http.ts';
import { networks } from '../shared/networks.ts';
import { graphGetRoute, type Run } from './graph-routes.ts';
import type { RequestVerifier } from './sessions.ts';
import type { Policy } from './policy.ts';
import type { GatewayContext } from './server.ts';

// Events as iCalendar (RFC 5545), so people put them in their calendars: one
// event at /calendar/event.ics?id=NIWE:n-12, every event of a network that is not
// over yet (to come or running) at /calendar/<code>.ics. Like /export, each runs an ordinary graph query for
// the caller, so members-only events need a member's token and the policy's
// limits apply.

const eventFields = 'id kind title text visibility publishedAt updatedAt withdrawnAt startsAt endsAt place network { code name }';
const eventQuery = `query CalendarEvent($id: ID!) { newsItem(id: $id) { ${eventFields} } }`;
const feedQuery = `query CalendarFeed($filter: FeedFilter, $after: String) {
  feed(first: 100, after: $after, filter: $filter) { edges { node { ${eventFields} } } pageInfo { hasNextPage endCursor } }
}`;
/** A feed of more events than this is cut; a calendar subscription of a thousand events is already more than any client shows. */
const maxFeedPages = 10;
/** The right-hand side of every UID: the same for every gateway replica, so a calendar client sees one event once (RFC 5545 3.8.4.7). */
export const uidDomain = 'innovationsregion-mitte.de';

interface CalendarEvent {
  id: string;
  kind: 'NEWS' | 'EVENT';
  title: string;
  text: string;
  visibility: 'PUBLIC' | 'MEMBERS';
  publishedAt: string;
  /** Absent in a calendar built before corrections existed (the tests' own events). */
  updatedAt?: string | null;
  withdrawnAt?: string | null;
  startsAt: string | null;
  endsAt: string | null;
  place: string | null;
  network: { code: string; name: string } | null;
}

/**
 * RFC 5545 3.3.11: backslash, semicolon, comma and line breaks escaped in TEXT values; any line break (CR LF, LF
 * or a lone CR) becomes the escape for one. Other control characters are dropped, which TEXT does not allow except
 * tab: a title with lone CRs before "END:VEVENT" and "BEGIN:VEVENT" reached the file raw, and a client that breaks
 * lines at CR read events of the title's making.
 */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this drops
      .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
  );
}

/** RFC 5545 3.2: a parameter value in double quotes, which may hold ; , and : but no quote or control character (TEXT's backslashes do not apply there). */
function quotedParameter(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this drops
  return `"${value.replace(/["\x00-\x08\x0a-\x1f\x7f]/g, '')}"`;
}

/** RFC 5545 3.1: lines of at most 75 octets, continued with CRLF and a space; never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // The first line holds 75 octets, the continuations 74 after their leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** 20270301T090000Z: a UTC date-time (RFC 5545 3.3.5, form 2). */
function utc(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function vevent(event: CalendarEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.id}@${uidDomain}`,
    `DTSTAMP:${utc(event.publishedAt)}`,
    `DTSTART:${utc(event.startsAt!)}`,
    ...(event.endsAt ? [`DTEND:${utc(event.endsAt)}`] : []),
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(event.text)}`,
    ...(event.place ? [`LOCATION:${escapeText(event.place)}`] : []),
    ...(event.network ? [`ORGANIZER;CN=${quotedParameter(event.network.name)}:urn:irm:network:${event.network.code}`] : []),
    `CLASS:${event.visibility === 'PUBLIC' ? 'PUBLIC' : 'PRIVATE'}`,
    // A corrected event says when (RFC 5545 3.8.7.3), so a client that imported it takes the new time and place; a
    // withdrawn one, fetched by its id, is CANCELLED (3.8.1.11) rather than gone, so a client that has it removes it.
    ...(event.updatedAt ? [`LAST-MODIFIED:${utc(event.updatedAt)}`] : []),
    ...(event.withdrawnAt ? ['STATUS:CANCELLED'] : []),
    'END:VEVENT',
  ];
  return lines;
}

/** A whole VCALENDAR: CRLF line ends, folded lines. */
export function toICalendar(name: string, events: CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Innovationsregion Mitte//News and events//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    ...events.filter((e) => e.kind === 'EVENT' && e.startsAt).flatMap(vevent),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** A GET route that answers the calendar `produce` writes from the graph, read for the caller, or one error. */
function calendarRoute(
  path: string,
  server: ApolloServer<GatewayContext>,
  verify: RequestVerifier,
  policy: Policy,
  produce: (run: Run, url: URL) => Promise<{ filename: string; body: string }>,
): PlainRoute {
  return graphGetRoute(path, server, verify, policy, async (run, url, res) => {
    const { filename, body } = await produce(run, url);
    res.statusCode = 200;
    res.setHeader('content-type', 'text/calendar; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    res.end(body);
  });
}

export function calendarRoutes(server: ApolloServer<GatewayContext>, verify: RequestVerifier, policy: Policy): PlainRoute[] {
  const single = calendarRoute('/calendar/event.ics', server, verify, policy, async (run, url) => {
    const id = url.searchParams.get('id');
    if (!id) throw httpError('BAD_USER_INPUT', 'Give the event id as ?id=, e.g. /calendar/event.ics?id=NIWE:n-12.');
    const event = (await run(eventQuery, { id })).newsItem as CalendarEvent | null;
    if (event?.kind !== 'EVENT') throw httpError('NOT_FOUND', `Event ${id.slice(0, 40)} does not exist.`);
    return { filename: `${id.replace(/[^A-Za-z0-9-]/g, '-')}.ics`, body: toICalendar(event.title, [event]) };
  });
  const perNetwork = networks.map((n) =>
    calendarRoute(`/calendar/${n.code}.ics`, server, verify, policy, async (run, _url) => {
      const events: CalendarEvent[] = [];
      let after: string | null = null;
      for (let page = 0; page < maxFeedPages; page++) {
        const data = await run(feedQuery, { filter: { networks: [n.code], regionWide: false, kind: 'EVENT', upcoming: true }, after });
        events.push(...data.feed.edges.map((e: { node: CalendarEvent }) => e.node));
        if (!data.feed.pageInfo.hasNextPage) break;
        after = data.feed.pageInfo.endCursor;
      }
      return { filename: `${n.code}.ics`, body: toICalendar(`${n.name}: Veranstaltungen`, events) };
    }),
  );
  return [single, ...perNetwork];
}
