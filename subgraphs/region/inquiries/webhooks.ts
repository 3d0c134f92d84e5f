import { randomBytes } from 'node:crypto';
import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, forbidden, notFound } from '../../../shared/errors.ts';
import { requireSignedIn, type Identity } from '../../../shared/identity.ts';
import { recordRegionAudit } from '../members/audit.ts';
import { actingMember } from '../access.ts';
import type { RegionContext } from '../context.ts';
import { WebhookSchema, type Webhook } from './entities.ts';
import { callerKey } from '../access.ts';
import { webhookId } from '../ids.ts';
import { eventTypes } from './outbox-event.entity.ts';
import { sealSecret } from './webhook-secrets.ts';

// Webhooks of members, network offices and inquiry owners (partners). Who
// registers or deletes one is recorded in region's audit log. A webhook may only point at a
// public http(s) address, so that region cannot be made to call into its own
// network; loopback and private addresses are allowed only when configured
// (WEBHOOK_ALLOW_LOOPBACK=1, for development and tests).

// Every range a webhook must not reach: besides loopback, private and link-local ones, the ranges that lead
// to them by translation (NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16, Teredo 2001::/32,
// IPv4-compatible ::/96 as in [::127.0.0.1]; BlockList checks IPv4-mapped ::ffff:a.b.c.d against the IPv4
// ranges itself), the deprecated site-local
// fec0::/10, and the benchmarking (198.18.0.0/15), shared, reserved and documentation ranges.
const internal = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  internal.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  internal.addSubnet(network, prefix, 'ipv6');

function isInternal(address: string): boolean {
  return internal.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** Every address a host name resolves to; tests pass their own. */
export type Resolve = (host: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (host) => lookup(host, { all: true });

/** A webhook address that passed the check, with the addresses it was checked at: the only ones it is called at. */
export interface CheckedTarget {
  url: URL;
  addresses: LookupAddress[];
}

/**
 * Resolves the URL's host once and checks every address. The delivery connects to these same addresses
 * (pinnedLookup), so a name that answers with a public address for the check and a private one for the
 * connection (DNS rebinding) cannot lead region into its own network.
 */
export async function checkTarget(url: string, allowLoopback: boolean, resolve: Resolve = systemResolve): Promise<CheckedTarget | { refused: string }> {
  // The URL parser drops tabs and line breaks and trims spaces, so such a URL was listed as given and called without them.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses in a URL
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return { refused: 'contains a space or a control character' };
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { refused: 'is not a URL' };
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return { refused: 'must use http or https' };
  if (target.port === '0') return { refused: 'names port 0, where nothing can be called' };
  if (target.username || target.password) return { refused: 'must not carry a user name or password' };
  const host = target.hostname.replace(/^\[|\]$/g, '');
  let addresses: LookupAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  } catch {
    return { refused: `names a host (${host.slice(0, 60)}) that does not resolve` };
  }
  if (addresses.length === 0) return { refused: `names a host (${host.slice(0, 60)}) that does not resolve` };
  if (!allowLoopback && addresses.some((a) => isInternal(a.address))) return { refused: 'points at a loopback, private, link-local or reserved address' };
  return { url: target, addresses };
}

/** Null when region may call the URL, else why not (in words for the caller). */
export async function refusedTarget(url: string, allowLoopback: boolean, resolve?: Resolve): Promise<string | null> {
  const checked = await checkTarget(url, allowLoopback, resolve);
  return 'refused' in checked ? checked.refused : null;
}

/** A `lookup` for node:http that answers with the checked addresses instead of asking DNS again. */
export function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
}

/** Who a webhook is for: a member, a network office, or an inquiry owner without network (a partner, admin). */
export interface WebhookOwner {
  memberId: string | null;
  network: string | null;
  /** As inquiry.ownerKey (access.ts callerKey), so events about an owner's inquiries find its webhooks. */
  ownerKey: string;
}

/** Events that concern an inquiry's owner; a webhook without network (a partner's) can hear of nothing else. */
const ownerEvents: readonly string[] = ['QUOTE_RECEIVED', 'QUOTE_WITHDRAWN'];

/**
 * The owner of a webhook being registered: a member for itself, an office for its network or one of its members,
 * admin for a member; a partner (or admin without memberId) for itself, to hear of the inquiries it owns.
 */
export async function webhookOwner(ctx: RegionContext, memberId: string | null | undefined): Promise<WebhookOwner> {
  const { identity } = ctx;
  requireSignedIn(identity);
  if (identity.role === 'partner' && memberId)
    throw forbidden('A partner registers webhooks for itself: leave out memberId; they hear of the inquiries it owns.');
  if (!memberId && (identity.role === 'partner' || identity.role === 'admin')) return { memberId: null, network: null, ownerKey: callerKey(identity) };
  if (!memberId && identity.role === 'office') return { memberId: null, network: identity.network!, ownerKey: callerKey(identity) };
  const member = await actingMember(ctx, memberId);
  return { ...member, ownerKey: `member:${member.memberId}` };
}

/** What the audit log keeps of a webhook: everything but its secret. */
function snapshot(w: Webhook): Record<string, unknown> {
  return { url: w.url, events: w.events, memberId: w.memberId, network: w.network, owner: w.ownerKey };
}

/** Registers a webhook and records it in region's audit log, in one transaction; the secret is returned once and stored sealed. */
export async function registerWebhook(
  em: EntityManager,
  actor: Identity,
  owner: WebhookOwner,
  url: string,
  events: string[],
  allowLoopback: boolean,
  webhookKey: Buffer,
) {
  if (url.length > 2000) throw badInput('url', 'url must be at most 2000 characters.', { reason: 'TOO_LONG', max: 2000 });
  const refused = await refusedTarget(url, allowLoopback);
  if (refused) throw badInput('url', `url ${refused}; give a public http(s) address.`, { reason: 'URL' });
  const unique = [...new Set(events)];
  if (unique.length === 0) throw badInput('events', `events needs at least one of ${eventTypes.join(', ')}.`, { reason: 'TOO_FEW', min: 1 });
  const unheard = owner.network === null ? unique.filter((e) => !ownerEvents.includes(e)) : [];
  if (unheard.length)
    throw badInput(
      'events',
      `A webhook without memberId (a partner's, or admin's own) hears of its owner's inquiries only: events may be ${ownerEvents.join(' or ')}, not ${unheard.join(', ')}; to hear a member's, pass its memberId.`,
      { reason: 'NOT_APPLICABLE' },
    );
  const secret = randomBytes(32).toString('base64url');
  const webhook = await em.transactional(async (tx) => {
    const created = tx.create(WebhookSchema, { ...owner, url, events: unique, secret: sealSecret(webhookKey, secret) });
    await tx.flush();
    recordRegionAudit(tx, actor, {
      action: 'registerWebhook',
      target: webhookId(created.id),
      network: created.network,
      before: null,
      after: snapshot(created),
    });
    return created;
  });
  return { webhook, secret };
}

/** Deletes one of the caller's webhooks (any, for admin) and records it in region's audit log, in one transaction. */
export function deleteWebhook(em: EntityManager, actor: Identity, id: number): Promise<boolean> {
  return em.transactional(async (tx) => {
    const webhook = await ownedWebhook(tx, actor, id);
    recordRegionAudit(tx, actor, { action: 'deleteWebhook', target: webhookId(webhook.id), network: webhook.network, before: snapshot(webhook), after: null });
    tx.remove(webhook);
    return true;
  });
}

/**
 * A member's own webhooks, an office's webhooks for its network and for its network's members, a partner's own, or
 * every webhook for admin. An office registers webhooks for its members (registerWebhook's memberId), as it acts for
 * them elsewhere; it could not list or delete one it had registered so (NOT_FOUND "not yours").
 */
export function ownedWhere(identity: Identity): Record<string, unknown> {
  requireSignedIn(identity);
  if (identity.role === 'admin') return {};
  if (identity.role === 'office') return { network: identity.network };
  if (identity.role === 'member') return { memberId: identity.memberId };
  return { ownerKey: callerKey(identity) };
}

export async function ownedWebhook(em: EntityManager, identity: Identity, id: number): Promise<Webhook> {
  const webhook = await em.findOne(WebhookSchema, { id, ...ownedWhere(identity) });
  if (!webhook) throw notFound(`Webhook ${webhookId(id)} does not exist or is not yours.`);
  return webhook;
}
