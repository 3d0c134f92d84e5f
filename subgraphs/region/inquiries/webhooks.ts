import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, forbidden, notFound } from '../../../shared/errors.ts';
import type { Identity } from '../../../shared/identity.ts';
import { WebhookSchema, type Webhook } from '../entities/index.ts';
import { eventTypes } from './outbox.ts';

// Webhooks of members and network offices. A webhook may only point at a
// public http(s) address, so that region cannot be made to call into its own
// network; loopback and private addresses are allowed only when configured
// (WEBHOOK_ALLOW_LOOPBACK=1, for development and tests).

const internal = new BlockList();
for (const [network, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) {
  internal.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) internal.addSubnet(network, prefix, 'ipv6');

function isInternal(address: string): boolean {
  return internal.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** Null when region may call the URL, else why not (in words for the caller). */
export async function refusedTarget(url: string, allowLoopback: boolean): Promise<string | null> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return 'must use http or https';
  if (target.username || target.password) return 'must not carry a user name or password';
  if (allowLoopback) return null;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return `names a host (${host.slice(0, 60)}) that does not resolve`;
  }
  if (addresses.some(isInternal)) return 'points at a loopback, private or link-local address';
  return null;
}

export async function registerWebhook(em: EntityManager, owner: { memberId: string | null; network: string }, url: string, events: string[], allowLoopback: boolean) {
  if (url.length > 2000) throw badInput('url', 'url must be at most 2000 characters.');
  const refused = await refusedTarget(url, allowLoopback);
  if (refused) throw badInput('url', `url ${refused}; give a public http(s) address.`);
  const unique = [...new Set(events)];
  if (unique.length === 0) throw badInput('events', `events needs at least one of ${eventTypes.join(', ')}.`);
  const secret = randomBytes(32).toString('base64url');
  const webhook = em.create(WebhookSchema, { memberId: owner.memberId, network: owner.network, url, events: unique, secret });
  await em.flush();
  return { webhook, secret };
}

/** A member's own webhooks, an office's webhooks for its network, or every webhook for admin. */
export function ownedWhere(identity: Identity): Record<string, unknown> {
  if (identity.role === 'admin') return {};
  if (identity.role === 'office') return { memberId: null, network: identity.network };
  if (identity.role === 'member') return { memberId: identity.memberId };
  throw forbidden('Webhooks belong to members and network offices.');
}

export async function ownedWebhook(em: EntityManager, identity: Identity, id: number): Promise<Webhook> {
  const webhook = await em.findOne(WebhookSchema, { id, ...ownedWhere(identity) });
  if (!webhook) throw notFound(`Webhook wh-${id} does not exist or is not yours.`);
  return webhook;
}
