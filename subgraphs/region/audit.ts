import { badInput } from '../../shared/errors.ts';
import type { RegionContext } from './context.ts';

// A network's audit log lives in the network's database; region pages through it there.

const auditQuery = /* GraphQL */ `
  query Audit($first: Int!, $before: Int) {
    auditLog(first: $first, before: $before) { id at subject role actorNetwork action target before after }
  }
`;

interface AuditRow {
  id: number;
  at: string;
  subject: string | null;
  role: string;
  actorNetwork: string | null;
  action: string;
  target: string;
  before: string | null;
  after: string | null;
}

const encodeCursor = (id: number) => Buffer.from(`audit:${id}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^audit:([1-9][0-9]{0,14})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput('after', 'after is not an audit log cursor; pass the endCursor of a previous page.');
  return Number(match[1]);
}

export async function auditLog(ctx: RegionContext, network: string, first: number | null | undefined, after: string | null | undefined) {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > 100) throw badInput('first', `first must lie between 1 and 100, got ${size}.`);
  const before = after ? decodeCursor(after) : null;
  const data = await ctx.client(network).request<{ auditLog: AuditRow[] }>(auditQuery, { first: size + 1, before }, ctx.identityHeader);
  const rows = data.auditLog.slice(0, size);
  return {
    entries: rows.map((row) => ({ ...row, id: `${network}:a-${row.id}`, target: `${network}:${row.target}` })),
    pageInfo: { hasNextPage: data.auditLog.length > size, endCursor: rows.length ? encodeCursor(rows.at(-1)!.id) : null },
  };
}
