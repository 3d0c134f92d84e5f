import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, forbidden, notFound } from '../../shared/errors.ts';
import { requireSignedIn, type Identity } from '../../shared/identity.ts';
import { ApiKeySchema, type ApiKey } from './entities/api-key.entity.ts';

// Partners' API keys: created, listed and revoked by admin. The clear key is
// returned once at creation; the gateway exchanges it for a short-lived token.

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

function requireAdmin(identity: Identity, action: string) {
  requireSignedIn(identity);
  if (identity.role !== 'admin') throw forbidden(`Only admin may ${action}.`);
}

function text(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > 200) throw badInput(field, `${field} must be 1 to 200 characters long.`);
  return trimmed;
}

export async function createApiKey(em: EntityManager, identity: Identity, args: { partner: string; name: string; safelist?: boolean | null }) {
  requireAdmin(identity, 'create API keys');
  const key = `irm_${randomBytes(24).toString('base64url')}`;
  const apiKey = em.create(ApiKeySchema, {
    partner: text('partner', args.partner),
    name: text('name', args.name),
    prefix: key.slice(0, 12),
    hash: hashKey(key),
    safelist: args.safelist ?? false,
    createdBy: identity.subject ?? null,
    createdAt: new Date(),
  });
  await em.flush();
  return { key, apiKey };
}

export function listApiKeys(em: EntityManager, identity: Identity): Promise<ApiKey[]> {
  requireAdmin(identity, 'list API keys');
  return em.find(ApiKeySchema, {}, { orderBy: { id: 'asc' } });
}

export async function revokeApiKey(em: EntityManager, identity: Identity, id: string): Promise<ApiKey> {
  requireAdmin(identity, 'revoke API keys');
  const localId = /^k-([1-9][0-9]{0,9})$/.exec(id)?.[1];
  if (!localId) throw badInput('id', `"${id.slice(0, 40)}" is not an API key id; they look like k-3.`);
  const apiKey = await em.findOne(ApiKeySchema, Number(localId));
  if (!apiKey) throw notFound(`API key ${id} does not exist.`);
  apiKey.revokedAt ??= new Date();
  await em.flush();
  return apiKey;
}

/** What the gateway needs to issue a partner token, or null for an unknown or revoked key. */
export async function grantForKey(em: EntityManager, key: string) {
  const apiKey = await em.findOne(ApiKeySchema, { hash: hashKey(key), revokedAt: null });
  return apiKey ? { keyId: `k-${apiKey.id}`, partner: apiKey.partner, safelist: apiKey.safelist } : null;
}
