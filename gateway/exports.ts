import type { ApolloServer } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { badInput, httpError } from '../shared/errors.ts';
import { isoWeek } from '../shared/iso-week.ts';
import { formulaSafe } from '../shared/member-csv.ts';
import { sendError, type PlainRoute } from '../shared/http.ts';
import { runOperation } from './graph-routes.ts';
import type { RequestVerifier } from './sessions.ts';
import type { Policy } from './policy.ts';
import type { GatewayContext } from './server.ts';

// Downloads that run an ordinary graph query for the caller and hand the
// result over as CSV, so exports obey the same access rules, safelist, limits
// and rate limits as the graph.

const balanceQuery = `query Balance($from: String!, $to: String!, $kind: CapacityKind) {
  capacityBalance(from: $from, to: $to, kind: $kind) { week kind system network offeredHours requestedHours bookedHours balanceHours }
}`;

function csvCell(value: unknown): string {
  // Numbers as they are (a negative balance is no formula); a text starting like a formula is made inert.
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? formulaSafe(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  return `${[columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(','))].join('\n')}\n`;
}

/**
 * GraphQL refuses a kind that is no CapacityKind before region reads it, naming its variable alone: said of the
 * query parameter, in GraphQL's words of what is wrong ("Value "FOO" does not exist in "CapacityKind" enum.").
 */
function kindRefused(error: GraphQLError): GraphQLError | undefined {
  const refused = /^Variable "\$kind" got invalid value .*?"; (Value ".+)$/s.exec(error.message);
  if (error.extensions.code !== 'BAD_USER_INPUT' || !refused) return undefined;
  return badInput('kind', `kind: ${refused[1]} Leave kind out for every kind.`, { reason: 'NOT_APPLICABLE' });
}

export function exportRoutes(server: ApolloServer<GatewayContext>, verify: RequestVerifier, policy: Policy): PlainRoute[] {
  return [
    {
      path: '/export/capacity-balance.csv',
      async handle(req: IncomingMessage, res: ServerResponse, url: URL) {
        if (req.method !== 'GET') return sendError(res, httpError(ApolloServerErrorCode.BAD_REQUEST, 'Use GET.', { status: 405 }));
        const variables = { from: url.searchParams.get('from'), to: url.searchParams.get('to'), kind: url.searchParams.get('kind') || null };
        let identity;
        try {
          identity = await verify(req);
          await policy.admitOperation(policy.caller(identity, req), { query: balanceQuery, variables });
        } catch (error) {
          if (error instanceof GraphQLError) return sendError(res, error);
          throw error;
        }
        if (!variables.from || !variables.to) {
          const missing = variables.from ? 'to' : 'from';
          const message = `${missing} is required: give from and to as YYYY-MM-DD query parameters, e.g. ?from=2026-12-01&to=2026-12-31.`;
          return sendError(res, badInput(missing, message, { reason: 'REQUIRED' }));
        }
        let data: Awaited<ReturnType<typeof runOperation>>;
        try {
          data = await runOperation(server, identity, balanceQuery, variables);
        } catch (error) {
          if (error instanceof GraphQLError) return sendError(res, kindRefused(error) ?? error);
          throw error;
        }
        res.statusCode = 200;
        res.setHeader('content-type', 'text/csv; charset=utf-8');
        // Named by the weeks its rows cover, which are whole ISO weeks whatever days were asked for; and by the kind when one was.
        const weeks = `${isoWeek(Date.parse(`${variables.from}T00:00:00Z`))}-${isoWeek(Date.parse(`${variables.to}T00:00:00Z`))}`;
        const kind = variables.kind ? `-${variables.kind.toLowerCase().replaceAll('_', '-')}` : '';
        res.setHeader('content-disposition', `attachment; filename="capacity-balance-${weeks}${kind}.csv"`);
        const rows = (data.capacityBalance as Record<string, unknown>[]).map((r) => ({ ...r, network: r.network ?? 'REGION' }));
        res.end(toCsv(rows, ['week', 'kind', 'system', 'network', 'offeredHours', 'requestedHours', 'bookedHours', 'balanceHours']));
      },
    },
  ];
}
