import { badInput, forbidden, notFound } from '../../shared/errors.ts';
import { parseMemberId } from '../../shared/ids.ts';
import { requireSignedIn, type Identity } from '../../shared/identity.ts';
import type { RegionContext } from './context.ts';

// Access rules used by several modules. Who may act in the capacity exchange and the inquiry flow:
// members for themselves, offices for their network's members, admin for anyone. Partners and anonymous
// callers take no part in the capacity exchange.

export function requireCooperation(identity: Identity): void {
  requireSignedIn(identity);
  if (identity.role === 'partner') throw forbidden('The capacity exchange is open to members, network offices and admin, not to partners.');
}

export function canActFor(identity: Identity, memberId: string, network: string): boolean {
  if (identity.role === 'admin') return true;
  if (identity.role === 'office') return identity.network === network;
  return identity.role === 'member' && identity.memberId === memberId;
}

const existingQuery = `query($localIds: [Int!]!) { existing(localIds: $localIds) }`;

/** The member the caller acts for: itself for a member, the named member (checked to exist) for an office or admin. */
export async function actingMember(
  ctx: RegionContext,
  memberId: string | null | undefined,
  field = 'memberId',
): Promise<{ memberId: string; network: string }> {
  requireCooperation(ctx.identity);
  const id = memberId ?? (ctx.identity.role === 'member' ? ctx.identity.memberId : undefined);
  if (!id) throw badInput(field, `${field} is required: an office or admin acts for one named member.`, { reason: 'REQUIRED' });
  const { network } = parseMemberId(id, field);
  if (!canActFor(ctx.identity, id, network.code)) {
    throw forbidden(`Role ${ctx.identity.role}${ctx.identity.network ? ` (${ctx.identity.network})` : ''} may not act for ${id}.`);
  }
  await assertMemberExists(ctx, id, field);
  return { memberId: id, network: network.code };
}

/** Asks the owning network whether a member exists; returns its network. */
export async function assertMemberExists(ctx: RegionContext, memberId: string, field: string): Promise<string> {
  return (await assertMembersExist(ctx, [memberId], field))[0].network;
}

/**
 * Asks each owning network once, for all of its members at a time, whether they exist, unless region found them
 * lately (known-members.ts); NOT_FOUND names the first that does not.
 */
export async function assertMembersExist(ctx: RegionContext, memberIds: readonly string[], field: string): Promise<{ memberId: string; network: string }[]> {
  const members = memberIds.map((memberId) => ({ memberId, ...parseMemberId(memberId, field) }));
  const unknown = members.filter((m) => !ctx.knownMembers.has(m.network.code, m.localId));
  const codes = [...new Set(unknown.map((m) => m.network.code))];
  const existing = new Map(
    await Promise.all(
      codes.map(async (code) => {
        const localIds = unknown.filter((m) => m.network.code === code).map((m) => m.localId);
        const found = await ctx.client(code).request<{ existing: number[] }>(existingQuery, { localIds }, ctx.identityHeader);
        for (const localId of found.existing) ctx.knownMembers.add(code, localId);
        return [code, new Set(found.existing)] as const;
      }),
    ),
  );
  const missing = unknown.find((m) => !existing.get(m.network.code)!.has(m.localId));
  if (missing) throw notFound(`Member ${missing.memberId} does not exist.`);
  return members.map((m) => ({ memberId: m.memberId, network: m.network.code }));
}

/** The caller as an owner of inquiries and idempotency keys: a member, an office, or a partner or admin by subject. */
export function callerKey(identity: Identity): string {
  requireSignedIn(identity);
  if (identity.role === 'member') return `member:${identity.memberId}`;
  if (identity.role === 'office') return `office:${identity.network}`;
  return `${identity.role}:${identity.subject ?? ''}`;
}

export function requireOfficeOrAdmin(identity: Identity, network: string, what: string): void {
  if (identity.role === 'admin' || (identity.role === 'office' && identity.network === network)) return;
  throw forbidden(`Only the ${network} office or admin may ${what}.`);
}
