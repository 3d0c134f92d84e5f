import { findNetwork } from './networks.ts';
import { forbidden, signInRequired, unauthenticated } from './errors.ts';

export const roles = ['anonymous', 'partner', 'member', 'office', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who is calling, as verified by the gateway and passed to every subgraph. */
export interface Identity {
  role: Role;
  subject?: string;
  /** For `office`: the network the office runs. For `member`: the member's network. */
  network?: string;
  /** For `member`: the member's global id. */
  memberId?: string;
  /** For `partner`: may send only operations of the persisted-operation manifest. */
  safelist?: boolean;
  /** The portal account (acc-…) a session was issued for (gateway/sessions.ts); absent for other tokens. */
  accountId?: string;
  /**
   * For `partner`: the API key (k-…) its token was exchanged for (gateway/token-exchange.ts, sessions.ts). The subject
   * stays the organisation, which owns its inquiries whichever of its keys wrote; the audit log names the key.
   */
  apiKeyId?: string;
  /**
   * A portal session signed in with a one-time password (resetAccountPassword): it may only change the password and
   * read its account until then (gateway/policy.ts).
   */
  mustChangePassword?: true;
}

export const anonymous: Identity = { role: 'anonymous' };

/** The header that carries the identity from the gateway to subgraphs and from region to networks. */
export const identityHeader = 'x-irm-identity';

export function encodeIdentity(identity: Identity): string {
  return Buffer.from(JSON.stringify(identity)).toString('base64url');
}

export function decodeIdentity(header: string | undefined | null): Identity {
  if (!header) return anonymous;
  try {
    const identity = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Identity;
    return parseIdentity({ ...identity, sub: identity.subject, keyId: identity.apiKeyId });
  } catch {
    return anonymous;
  }
}

/** Validates claims from a token or header; throws UNAUTHENTICATED naming what is wrong. */
export function parseIdentity(claims: Record<string, unknown>): Identity {
  const role = claims.role;
  if (typeof role !== 'string' || !(roles as readonly string[]).includes(role)) {
    throw unauthenticated(`Token role must be one of ${roles.join(', ')}.`);
  }
  const identity: Identity = { role: role as Role };
  if (typeof claims.sub === 'string') identity.subject = claims.sub;
  if (role === 'office' || role === 'member') {
    const network = typeof claims.network === 'string' ? claims.network : undefined;
    if (!network || !findNetwork(network)) throw unauthenticated(`${role === 'office' ? 'An' : 'A'} ${role} token needs a known network claim.`);
    identity.network = network;
  }
  if (role === 'partner' && claims.safelist === true) identity.safelist = true;
  if (typeof claims.accountId === 'string' && /^acc-[1-9][0-9]{0,15}$/.test(claims.accountId)) identity.accountId = claims.accountId;
  if (claims.mustChangePassword === true) identity.mustChangePassword = true;
  if (role === 'partner' && typeof claims.keyId === 'string' && /^k-[1-9][0-9]{0,15}$/.test(claims.keyId)) identity.apiKeyId = claims.keyId;
  if (role === 'member') {
    const memberId = typeof claims.memberId === 'string' ? claims.memberId : undefined;
    if (!memberId?.startsWith(`${identity.network}:`)) {
      throw unauthenticated('A member token needs a memberId claim that belongs to its network.');
    }
    identity.memberId = memberId;
  }
  return identity;
}

/** Throws the per-field UNAUTHENTICATED error for anonymous callers (shared/errors.ts: signInRequired). */
export function requireSignedIn(identity: Identity): void {
  if (identity.role === 'anonymous') throw signInRequired('Sign in: this operation needs a bearer token.');
}

/** Who may write a network's members: its office and admin; the member itself may also update and delete its contact persons. */
export function assertCanWriteMember(
  identity: Identity,
  network: string,
  memberId: string | null,
  action: 'create' | 'update' | 'archive' | 'delete contact persons of',
): void {
  requireSignedIn(identity);
  if (identity.role === 'admin') return;
  if (identity.role === 'office' && identity.network === network) return;
  const ownRecord = action === 'update' || action === 'delete contact persons of';
  if (identity.role === 'member' && ownRecord && memberId !== null && identity.memberId === memberId) return;
  const target = memberId ?? `a ${network} member`;
  throw forbidden(`Role ${identity.role}${identity.network ? ` (${identity.network})` : ''} may not ${action} ${target}.`);
}

/** The audit log of a network: its office and admin. */
/** What only the network's office and admin read: `what` names it in the refusal ("the audit log"). */
function assertOfficeReads(identity: Identity, network: string, what: string): void {
  requireSignedIn(identity);
  if (identity.role === 'admin' || (identity.role === 'office' && identity.network === network)) return;
  throw forbidden(
    `Role ${identity.role}${identity.network ? ` (${identity.network})` : ''} may not read ${what} of ${network}; only its office and admin may.`,
  );
}

export const assertCanReadAudit = (identity: Identity, network: string) => assertOfficeReads(identity, network, 'the audit log');

export const assertCanFollowCertificates = (identity: Identity, network: string) => assertOfficeReads(identity, network, 'the expiring certificates');

export function canSeeContacts(identity: Identity): boolean {
  return identity.role !== 'anonymous';
}
