import type { ApolloServer } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { badInput, httpError } from '../shared/errors.ts';
import { sendError, type PlainRoute } from '../shared/http.ts';
import type { Identity } from '../shared/identity.ts';
import { membersCsv, type CsvForm, type ExportedMember } from '../shared/member-csv.ts';
import { csvFormOf, formSuffix } from './exports.ts';
import { findNetwork, networks } from '../shared/networks.ts';
import { runOperation } from './graph-routes.ts';
import type { Policy } from './policy.ts';
import type { GatewayContext } from './server.ts';

// GET /export/members.csv?network=NIWE&form=excel: a network's live members
// in the form importMembers reads (shared/member-csv.ts), so an export imports
// again unchanged. Like /export/capacity-balance.csv it runs ordinary graph
// queries for the caller, a page of 100 members each (Network.members' most),
// each admitted by the policy as any operation is: the graph's access rules
// hold (contact persons only for a signed-in caller), and so do its limits and
// rate limits. A network that does not answer fails the download rather than
// handing over a list that looks complete.

const pageQuery = `query MemberExport($network: NetworkCode!, $after: String) {
  network(code: $network) {
    members(first: 100, after: $after) {
      edges { node {
        name street postalCode city location { latitude longitude } website employees description
        processes { code name } materials certifications { standard number validUntil }
        services { title description processes { code } } contacts { name role email phone }
      } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

interface Page {
  network: { members: { edges: { node: ExportedMember }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null } | null;
}

/** Answers the caller's identity from the request (bearer token or the portal's session), as the graph's own route does. */
type Identify = (req: IncomingMessage) => Promise<Identity>;

async function runPage(server: ApolloServer<GatewayContext>, identity: Identity, variables: Record<string, unknown>): Promise<Page | GraphQLError> {
  try {
    return (await runOperation(server, identity, pageQuery, variables)) as Page;
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
}

export function memberExportRoutes(server: ApolloServer<GatewayContext>, identify: Identify, policy: Policy): PlainRoute[] {
  return [
    {
      path: '/export/members.csv',
      async handle(req: IncomingMessage, res: ServerResponse, url: URL) {
        if (req.method !== 'GET') return sendError(res, httpError(ApolloServerErrorCode.BAD_REQUEST, 'Use GET.', { status: 405 }));
        const code = url.searchParams.get('network');
        const network = findNetwork(code ?? '');
        if (!network) {
          const codes = networks.map((n) => n.code).join(', ');
          const message = `network ${code ? `"${code.slice(0, 20)}" is not a network's code` : 'is required'}: give one of ${codes}, e.g. ?network=${networks[0].code}.`;
          return sendError(res, badInput('network', message, code ? { reason: 'NOT_APPLICABLE' } : { reason: 'REQUIRED' }));
        }
        let form: CsvForm;
        const members: ExportedMember[] = [];
        let after: string | null = null;
        try {
          form = csvFormOf(url);
          const identity = await identify(req);
          const caller = policy.caller(identity, req);
          for (;;) {
            const variables = { network: network.code, after };
            await policy.admitOperation(caller, { query: pageQuery, variables });
            const page = await runPage(server, identity, variables);
            if (page instanceof GraphQLError) return sendError(res, page);
            const connection = page.network?.members;
            if (!connection) return sendError(res, httpError('INTERNAL_SERVER_ERROR', 'Internal server error'));
            members.push(...connection.edges.map((e) => e.node));
            if (!connection.pageInfo.hasNextPage) break;
            after = connection.pageInfo.endCursor;
          }
        } catch (error) {
          if (error instanceof GraphQLError) return sendError(res, error);
          throw error;
        }
        res.statusCode = 200;
        res.setHeader('content-type', 'text/csv; charset=utf-8');
        res.setHeader('content-disposition', `attachment; filename="members-${network.code}${formSuffix(form)}.csv"`);
        res.end(membersCsv(members, form));
      },
    },
  ];
}
