import { GraphQLError } from 'graphql';
import { badInput, forbidden, notFound } from '../../shared/errors.ts';
import { sameMajor } from '../../shared/internal-api.ts';
import { parseMemberId } from '../../shared/ids.ts';
import { requireSignedIn, type Identity } from '../../shared/identity.ts';
import type { RegionContext } from './context.ts';

// Access rules used by several modules. Who may act in the capacity exchange, the working groups and the inquiry
// flow: members for themselves, offices for their network's members, admin for anyone. Partners and anonymous
// callers take no part in the capacity exchange, the working groups or bidding on inquiries.

/**
 * Anonymous callers sign in first; partners are refused, told of `feature`, the part they asked for: a partner
 * refused working groups was told of the capacity exchange. The capacity exchange's calls name none.
 */
export function requireCooperation(identity: Identity, feature = 'the capacity exchange'): void {
  requireSignedIn(identity);
  if (identity.role === 'partner') throw forbidden(`Partners take no part in ${feature}; members, network offices and admin do.`);
}

export function canActFor(identity: Identity, memberId: string, network: string): boolean {
  if (identity.role === 'admin') return true;
  if (identity.role === 'office') return identity.network === network;
  return identity.role === 'member' && identity.memberId === memberId;
}

const existingQuery = `query($localIds: [Int!]!) { existing(localIds: $localIds) }`;
/** Both in one request: the network's loader reads each member once for the two (internal API 1.3). */
const membersQuery = `query($localIds: [Int!]!) { existing(localIds: $localIds) archived(localIds: $localIds) }`;

/**
 * How a member named must stand. By default it takes part: it exists and is not archived, since a company that has
 * left its network is offered nothing new (a capacity post, a booking, an invitation, a group, a booth, an account).
 * `archived: true` lets an archived member pass: reads of it, and answers that end a part (declining an inquiry).
 */
export interface MemberCheck {
  archived?: boolean;
}

/** How the member acted for must stand, and the part of the cooperation a partner asked for (requireCooperation). */
export interface ActingCheck extends MemberCheck {
  feature?: string;
}

/** The member the caller acts for: itself for a member, the named member (checked to exist) for an office or admin. */
export async function actingMember(
  ctx: RegionContext,
  memberId: string | null | undefined,
  field = 'memberId',
  check: ActingCheck = {},
): Promise<{ memberId: string; network: string }> {
  requireCooperation(ctx.identity, check.feature);
  const id = memberId ?? (ctx.identity.role === 'member' ? ctx.identity.memberId : undefined);
  if (!id) throw badInput(field, `${field} is required: an office or admin acts for one named member.`, { reason: 'REQUIRED' });
  const { network } = parseMemberId(id, field);
  if (!canActFor(ctx.identity, id, network.code)) {
    throw forbidden(`Role ${ctx.identity.role}${ctx.identity.network ? ` (${ctx.identity.network})` : ''} may not act for ${id}.`);
  }
  await assertMemberExists(ctx, id, field, check);
  return { memberId: id, network: network.code };
}

/** A member's people act as their company, which must not have left its network; anyone else passes. */
export async function assertOwnCompanyTakesPart(ctx: RegionContext): Promise<void> {
  if (ctx.identity.role === 'member' && ctx.identity.memberId) await assertMemberExists(ctx, ctx.identity.memberId, 'memberId');
}

/** Asks the owning network whether a member exists (and, unless `check` allows it, is not archived); returns its network. */
export async function assertMemberExists(ctx: RegionContext, memberId: string, field: string, check: MemberCheck = {}): Promise<string> {
  return (await assertMembersExist(ctx, [memberId], field, check))[0].network;
}

/**
 * Asks each owning network once, for all of its members at a time, whether they exist and which are archived, unless
 * region found them lately (known-members.ts); NOT_FOUND names the first that does not exist, and an archived one is
 * refused unless `check` allows it.
 */
export async function assertMembersExist(
  ctx: RegionContext,
  memberIds: readonly string[],
  field: string,
  check: MemberCheck = {},
): Promise<{ memberId: string; network: string }[]> {
  const members = memberIds.map((memberId) => ({ memberId, ...parseMemberId(memberId, field) }));
  // By `NIWE:42`, whether archived: the known members' answer read once, here (one may be forgotten while the
  // networks are asked), then the networks' for the rest (the only answer when they remember none, KNOWN_MEMBERS_TTL_MS=0).
  const found = new Map<string, boolean>();
  for (const m of members) {
    const archived = ctx.knownMembers.archived(m.network.code, m.localId);
    if (archived !== undefined) found.set(`${m.network.code}:${m.localId}`, archived);
  }
  const unknown = members.filter((m) => !found.has(`${m.network.code}:${m.localId}`));
  const codes = [...new Set(unknown.map((m) => m.network.code))];
  await Promise.all(
    codes.map(async (code) => {
      const asked = unknown.filter((m) => m.network.code === code);
      const localIds = asked.map((m) => m.localId);
      const answer = await membersAt(ctx, code, localIds).catch((error: unknown) => {
        throw notWritten(ctx, error, code, asked);
      });
      const archived = new Set(answer.archived);
      for (const localId of answer.existing) {
        ctx.knownMembers.add(code, localId, archived.has(localId));
        found.set(`${code}:${localId}`, archived.has(localId));
      }
    }),
  );
  const missing = unknown.find((m) => !found.has(`${m.network.code}:${m.localId}`));
  if (missing) throw notFound(`Member ${missing.memberId} does not exist.`);
  if (!check.archived) {
    const gone = members.find((m) => found.get(`${m.network.code}:${m.localId}`));
    if (gone) throw archivedMember(ctx, gone.memberId, field);
  }
  return members.map((m) => ({ memberId: m.memberId, network: m.network.code }));
}

/**
 * A network that could not say whether the members a mutation names exist: every write asks before it writes anything,
 * so its error says the write was not made (writeOutcome NOT_APPLIED, README "Retrying a write"), as a write the
 * network refused to connect says. A query's error stays as it is, and so does an outcome said already. So does a
 * keyed write's: this attempt wrote nothing, but an earlier one with the key may have (its answer lost), and a
 * client told NOT_APPLIED would send the write anew under a new key.
 */
function notWritten(ctx: RegionContext, error: unknown, network: string, asked: readonly { memberId: string }[]): unknown {
  if (!ctx.mutation || ctx.keyed || !(error instanceof GraphQLError) || error.extensions.code !== 'NETWORK_UNAVAILABLE' || error.extensions.writeOutcome)
    return error;
  const which = asked.length === 1 ? `${asked[0].memberId} exists` : `${asked.map((m) => m.memberId).join(', ')} exist`;
  return new GraphQLError(`Network ${network} could not say whether ${which}, so the write was not applied. Retry it later.`, {
    extensions: { ...error.extensions, network, writeOutcome: 'NOT_APPLIED' },
  });
}

/** Which of these members of one network exist, and which of those are archived. */
async function membersAt(ctx: RegionContext, code: string, localIds: number[]): Promise<{ existing: number[]; archived: number[] }> {
  const client = ctx.client(code);
  try {
    return await client.request<{ existing: number[]; archived: number[] }>(membersQuery, { localIds }, ctx.identityHeader, { since: '1.3' });
  } catch (error) {
    const { code, networkVersion } = (error as GraphQLError).extensions ?? {};
    if (code !== 'INTERNAL_API_VERSION' || typeof networkVersion !== 'string' || !sameMajor(networkVersion, client.version)) throw error;
    // A network service its office has not updated yet (an older minor, before 1.3) names none archived: its
    // members take part as they did. Of another major version, the error above says so as it is.
    const { existing } = await client.request<{ existing: number[] }>(existingQuery, { localIds }, ctx.identityHeader);
    return { existing, archived: [] };
  }
}

function archivedMember(ctx: RegionContext, memberId: string, field: string) {
  const what = `is archived: it has left its network and takes part in nothing new`;
  if (ctx.identity.role === 'member' && ctx.identity.memberId === memberId) {
    const refusal = forbidden(`Your company ${memberId} ${what}. Its network's office can tell you more.`);
    // The reason lets the portal say it in the reader's language (field-errors.ts ARCHIVED).
    refusal.extensions.reason = 'ARCHIVED';
    return refusal;
  }
  return badInput(field, `Member ${memberId} ${what}.`, { reason: 'ARCHIVED' });
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
