import type { ApolloServer } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLEnumType, GraphQLError, type GraphQLSchema } from 'graphql';
import { badInput, httpError } from '../shared/errors.ts';
import { isoWeek } from '../shared/iso-week.ts';
import { type CsvForm, type CsvValue, csvFile } from '../shared/member-csv.ts';
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

/** Rows as CSV in either form, each cell by the one rule every export of the graph keeps (shared/member-csv.ts csvFile). */
export function toCsv(rows: Record<string, unknown>[], columns: string[], form: CsvForm = 'UTF8'): string {
  return csvFile(
    columns,
    rows.map((row) => columns.map((c) => cellValue(row[c]))),
    form,
  );
}

/** A graph answer's value as a cell: a number as a number, anything else as its text. */
const cellValue = (value: unknown): CsvValue => (value === null || value === undefined || typeof value === 'number' ? value : String(value));

const forms: Record<string, CsvForm> = { utf8: 'UTF8', excel: 'EXCEL' };

/** ?form= of a CSV download: utf8 (the default) or excel; BAD_USER_INPUT for any other. */
export function csvFormOf(url: URL): CsvForm {
  const form = forms[url.searchParams.get('form') ?? 'utf8'];
  if (!form) throw badInput('form', 'form must be utf8 (commas, UTF-8) or excel (semicolons and a BOM, as German Excel reads).', { reason: 'NOT_APPLICABLE' });
  return form;
}

/** The file name's part that tells the Excel form. */
export const formSuffix = (form: CsvForm) => (form === 'EXCEL' ? '-excel' : '');

/**
 * The kinds the graph knows, read from its schema (CapacityKind), so that a kind it does not know is refused as the
 * query parameter it came in, with the kinds there are, rather than in GraphQL's words of a variable.
 */
function capacityKinds(schema: GraphQLSchema | undefined): string[] {
  const type = schema?.getType('CapacityKind');
  return type instanceof GraphQLEnumType ? type.getValues().map((value) => value.name) : [];
}

export function exportRoutes(
  server: ApolloServer<GatewayContext>,
  verify: RequestVerifier,
  policy: Policy,
  schema: () => GraphQLSchema | undefined,
): PlainRoute[] {
  return [
    {
      path: '/export/capacity-balance.csv',
      async handle(req: IncomingMessage, res: ServerResponse, url: URL) {
        if (req.method !== 'GET') return sendError(res, httpError(ApolloServerErrorCode.BAD_REQUEST, 'Use GET.', { status: 405 }));
        const variables = { from: url.searchParams.get('from'), to: url.searchParams.get('to'), kind: url.searchParams.get('kind') || null };
        let form: CsvForm;
        let identity;
        try {
          form = csvFormOf(url);
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
        const kinds = capacityKinds(schema());
        if (variables.kind && kinds.length && !kinds.includes(variables.kind)) {
          const message = `kind ${JSON.stringify(variables.kind)} is no capacity kind: give one of ${kinds.join(', ')}, or leave kind out for every kind.`;
          return sendError(res, badInput('kind', message, { reason: 'NOT_APPLICABLE' }));
        }
        let data: Awaited<ReturnType<typeof runOperation>>;
        try {
          data = await runOperation(server, identity, balanceQuery, variables);
        } catch (error) {
          if (error instanceof GraphQLError) return sendError(res, error);
          throw error;
        }
        res.statusCode = 200;
        res.setHeader('content-type', 'text/csv; charset=utf-8');
        // Named by the weeks its rows cover, which are whole ISO weeks whatever days were asked for; and by the kind when one was.
        const weeks = `${isoWeek(Date.parse(`${variables.from}T00:00:00Z`))}-${isoWeek(Date.parse(`${variables.to}T00:00:00Z`))}`;
        const kind = variables.kind ? `-${variables.kind.toLowerCase().replaceAll('_', '-')}` : '';
        res.setHeader('content-disposition', `attachment; filename="capacity-balance-${weeks}${kind}${formSuffix(form)}.csv"`);
        const rows = (data.capacityBalance as Record<string, unknown>[]).map((r) => ({ ...r, network: r.network ?? 'REGION' }));
        res.end(toCsv(rows, ['week', 'kind', 'system', 'network', 'offeredHours', 'requestedHours', 'bookedHours', 'balanceHours'], form));
      },
    },
  ];
}
