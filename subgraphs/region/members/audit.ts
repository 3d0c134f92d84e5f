import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { auditFields, auditRecord, type AuditChange } from '../../../shared/audit.ts';
import { badInput, forbidden } from '../../../shared/errors.ts';
import { requireSignedIn, type Identity } from '../../../shared/identity.ts';
import type { RegionContext } from '../context.ts';
import { pageSize } from '../pages.ts';
import { AccountSchema } from '../accounts/account.entity.ts';
import { ApiKeySchema } from '../partners/api-key.entity.ts';
import { accountId, apiKeyId } from '../ids.ts';
import { RegionAuditEntrySchema, type RegionAuditEntry } from './audit-entry.entity.ts';

// Two audit logs: a network's log of member writes lives in the network's
// database, and region pages through it there (auditLog); region's own log
// (API keys, webhooks) lives in region's database (regionAuditLog). Both record
// who, what, when and the record before and after, in the write's transaction.

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
  const match = /^audit:([1-9][0-9]{0,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  // The network's API takes an Int: 99999999999 came back as its coercion error, naming its own variable.
  if (!match || Number(match[1]) > 2 ** 31 - 1)
    throw badInput('after', 'after is not an audit log cursor; pass the endCursor of a previous page.', { reason: 'NOT_A_CURSOR' });
  return Number(match[1]);
}

export async function auditLog(ctx: RegionContext, network: string, first: number | null | undefined, after: string | null | undefined) {
  const size = pageSize(first, 100);
  const before = after ? decodeCursor(after) : null;
  const data = await ctx.client(network).request<{ auditLog: AuditRow[] }>(auditQuery, { first: size + 1, before }, ctx.identityHeader);
  const rows = data.auditLog.slice(0, size);
  return {
    entries: rows.map((row) => ({ ...row, id: `${network}:a-${row.id}`, target: `${network}:${row.target}` })),
    pageInfo: { hasNextPage: data.auditLog.length > size, endCursor: rows.length ? encodeCursor(rows.at(-1)!.id) : null },
  };
}

/**
 * Records a write to region's data in the caller's transaction (flush it with the write).
 * target names the record as the API does (k-3, wh-…); network is the network the record
 * belongs to, whose office may read the entry, or null for region-wide records; readerNetwork
 * another network whose office reads it too.
 */
export function recordRegionAudit(
  em: EntityManager,
  actor: Identity,
  entry: AuditChange & { network?: string | null; readerNetwork?: string | null },
): RegionAuditEntry {
  const { network = null, readerNetwork = null, ...change } = entry;
  return em.create(RegionAuditEntrySchema, { ...auditFields(actor, change), network, readerNetwork: readerNetwork === network ? null : readerNetwork });
}

/** Region's own log, newest first: admin reads all of it, an office the entries about its network and those it is a reader of. */
export async function regionAuditLog(ctx: RegionContext, first: number | null | undefined, after: string | null | undefined) {
  const { identity } = ctx;
  requireSignedIn(identity);
  if (identity.role !== 'admin' && identity.role !== 'office')
    throw forbidden(`Role ${identity.role} may not read region's audit log; only admin and the offices may.`);
  const size = pageSize(first, 100);
  const before = after ? decodeCursor(after) : null;
  const where = {
    ...(identity.role === 'office' ? { $or: [{ network: identity.network }, { readerNetwork: identity.network }] } : {}),
    ...(before !== null ? { id: { $lt: before } } : {}),
  };
  const rows = await ctx.em.find(RegionAuditEntrySchema, where, { orderBy: { id: 'desc' }, limit: size + 1 });
  const page = rows.slice(0, size);
  return {
    entries: page.map((e) => ({
      id: `a-${e.id}`,
      at: e.at.toISOString(),
      subject: e.subject,
      role: e.role,
      actorNetwork: e.actorNetwork,
      action: e.action,
      target: e.target,
      before: auditRecord(e.before),
      after: auditRecord(e.after),
    })),
    pageInfo: { hasNextPage: rows.length > size, endCursor: page.length ? encodeCursor(page.at(-1)!.id) : null },
  };
}

/** An entry's writer by name (AuditEntry.actor). */
export interface AuditActor {
  kind: 'ACCOUNT' | 'API_KEY';
  name: string;
  email: string | null;
  partner: string | null;
  archived: boolean;
}

// An office's or member's portal session names its account's id (acc-…, accounts/accounts.ts grantOf). A partner's
// token names its organisation (gateway/token-exchange.ts), a name already; one naming a key's id (k-…) gets the
// key's name. Any other subject, or one of another role, is nobody region knows: an admin's "acc-5" is not account 5.
const accountSubject = /^acc-([1-9][0-9]{0,15})$/;
const keySubject = /^k-([1-9][0-9]{0,15})$/;

function subjectKey(entry: { subject?: string | null; role: string }): string | null {
  if (!entry.subject) return null;
  if ((entry.role === 'office' || entry.role === 'member') && accountSubject.test(entry.subject)) return entry.subject;
  if (entry.role === 'partner' && keySubject.test(entry.subject)) return entry.subject;
  return null;
}

const localIds = (subjects: readonly string[], pattern: RegExp) =>
  subjects.flatMap((subject) => {
    const id = Number(pattern.exec(subject)?.[1]);
    return Number.isSafeInteger(id) ? [id] : [];
  });

/**
 * The writers of a request's entries, by subject: one statement for the accounts and one for the keys of every
 * entry resolved together (a page), not one per entry. Archived accounts and revoked keys are rows still.
 */
function actorLoader(em: EntityManager) {
  return new DataLoader<string, AuditActor | null>(async (subjects) => {
    const accountIds = localIds(subjects, accountSubject);
    const keyIds = localIds(subjects, keySubject);
    const [accounts, keys] = await Promise.all([
      accountIds.length ? em.find(AccountSchema, { id: { $in: accountIds } }) : [],
      keyIds.length ? em.find(ApiKeySchema, { id: { $in: keyIds } }) : [],
    ]);
    const actors = new Map<string, AuditActor>([
      ...accounts.map((a): [string, AuditActor] => [
        accountId(a.id),
        { kind: 'ACCOUNT', name: a.name, email: a.email, partner: null, archived: a.archivedAt != null },
      ]),
      ...keys.map((k): [string, AuditActor] => [
        apiKeyId(k.id),
        { kind: 'API_KEY', name: k.name, email: null, partner: k.partner, archived: k.revokedAt != null },
      ]),
    ]);
    return subjects.map((subject) => actors.get(subject) ?? null);
  });
}

// Per request, beside the context rather than in it: the loader is the audit log's alone.
const actorLoaders = new WeakMap<RegionContext, DataLoader<string, AuditActor | null>>();

/** AuditEntry.actor: the entry's writer by name, or null for a subject region knows no account or key by. */
export async function auditActor(ctx: RegionContext, entry: { subject?: string | null; role: string }): Promise<AuditActor | null> {
  const key = subjectKey(entry);
  if (!key) return null;
  let loader = actorLoaders.get(ctx);
  if (!loader) {
    loader = actorLoader(ctx.em);
    actorLoaders.set(ctx, loader);
  }
  return loader.load(key);
}
