import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { sendError, sendJson, type PlainRoute } from '../shared/http.ts';
import type { Verifier } from './auth.ts';
import type { Policy } from './policy.ts';
import type { GatewayContext } from './server.ts';

// Downloads that run an ordinary graph query for the caller and hand the
// result over as CSV, so exports obey the same access rules, safelist, limits
// and rate limits as the graph.

const balanceQuery = `query Balance($from: String!, $to: String!, $kind: CapacityKind) {
  capacityBalance(from: $from, to: $to, kind: $kind) { week kind system network offeredHours requestedHours bookedHours balanceHours }
}`;

const statusOf: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, GRAPHQL_VALIDATION_FAILED: 400 };

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  return `${[columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(','))].join('\n')}\n`;
}

export function exportRoutes(server: ApolloServer<GatewayContext>, verify: Verifier, policy: Policy): PlainRoute[] {
  return [
    {
      path: '/export/capacity-balance.csv',
      async handle(req: IncomingMessage, res: ServerResponse, url: URL) {
        if (req.method !== 'GET') return sendJson(res, 405, { errors: [{ message: 'Use GET.', extensions: { code: 'BAD_REQUEST' } }] });
        const variables = { from: url.searchParams.get('from'), to: url.searchParams.get('to'), kind: url.searchParams.get('kind') || null };
        let identity;
        try {
          identity = await verify(req.headers.authorization);
          await policy.admitOperation({ identity, address: req.socket.remoteAddress }, { query: balanceQuery, variables });
        } catch (error) {
          if (error instanceof GraphQLError) return sendError(res, error);
          throw error;
        }
        if (!variables.from || !variables.to) {
          return sendJson(res, 400, { errors: [{ message: 'Give from and to as YYYY-MM-DD query parameters, e.g. ?from=2026-12-01&to=2026-12-31.', extensions: { code: 'BAD_USER_INPUT' } }] });
        }
        const response = await server.executeOperation({ query: balanceQuery, variables }, { contextValue: { identity, requestId: randomUUID() } });
        const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
        const error = result?.errors?.[0];
        if (!result || error || !result.data) {
          const code = String(error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          return sendJson(res, statusOf[code] ?? 500, { errors: [{ message: error?.message ?? 'Internal server error', extensions: { code } }] });
        }
        res.statusCode = 200;
        res.setHeader('content-type', 'text/csv; charset=utf-8');
        res.setHeader('content-disposition', `attachment; filename="capacity-balance-${variables.from}-${variables.to}.csv"`);
        const rows = (result.data.capacityBalance as Record<string, unknown>[]).map((r) => ({ ...r, network: r.network ?? 'REGION' }));
        res.end(toCsv(rows, ['week', 'kind', 'system', 'network', 'offeredHours', 'requestedHours', 'bookedHours', 'balanceHours']));
      },
    },
  ];
}
