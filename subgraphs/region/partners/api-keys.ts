import { createHash, randomBytes } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { forbidden, notFound } from '../../../shared/errors.ts';
import { requireSignedIn, type Identity } from '../../../shared/identity.ts';
import { line, text } from '../../../shared/validation.ts';
import { recordRegionAudit } from '../members/audit.ts';
import { ApiKeySchema, type ApiKey } from './api-key.entity.ts';
import { apiKeyId, parseApiKeyId } from '../ids.ts';
import { resolveOrganisation } from './organisations.ts';

// Partners' API keys: created, listed and revoked by admin. The clear key is
// returned once at creation; the gateway exchanges it for a short-lived token.
// Creation and revocation are audited in region's log, in their own transaction.

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

function requireAdmin(identity: Identity, action: string) {
  requireSignedIn(identity);
  if (identity.role !== 'admin') throw forbidden(`Only admin may ${action}.`);
}

/** What the audit log keeps of a key: everything but its hash. */
function snapshot(k: ApiKey): Record<string, unknown> {
  return {
    partner: k.partner,
    name: k.name,
    prefix: k.prefix,
    safelist: k.safelist,
    createdBy: k.createdBy,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

export async function createApiKey(em: EntityManager, identity: Identity, args: { partner: string; name: string; safelist?: boolean | null }) {
  requireAdmin(identity, 'create API keys');
  // Not line(): a key of before, whose partner has a line break, is still matched (organisations.ts).
  const given = text('partner', args.partner, 200, true)!;
  const name = line('name', args.name, 200, true)!;
  const key = `irm_${randomBytes(24).toString('base64url')}`;
  const { apiKey, existingPartner } = await em.transactional(async (tx) => {
    // The partner is the token's subject, which owns its inquiries and webhooks: a second spelling of it was a partner of its own.
    const organisation = await resolveOrganisation(tx, given);
    const created = tx.create(ApiKeySchema, {
      partner: organisation.partner,
      name,
      prefix: key.slice(0, 12),
      hash: hashKey(key),
      safelist: args.safelist ?? false,
      createdBy: identity.subject ?? null,
      createdAt: new Date(),
    });
    await tx.flush();
    recordRegionAudit(tx, identity, { action: 'createApiKey', target: apiKeyId(created.id), before: null, after: snapshot(created) });
    return { apiKey: created, existingPartner: organisation.existing };
  });
  return { key, apiKey, existingPartner };
}

export function listApiKeys(em: EntityManager, identity: Identity): Promise<ApiKey[]> {
  requireAdmin(identity, 'list API keys');
  return em.find(ApiKeySchema, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

export async function revokeApiKey(em: EntityManager, identity: Identity, id: string): Promise<ApiKey> {
  requireAdmin(identity, 'revoke API keys');
  const localId = parseApiKeyId(id);
  return em.transactional(async (tx) => {
    const apiKey = await tx.findOne(ApiKeySchema, localId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!apiKey) throw notFound(`API key ${id} does not exist.`);
    // Revoking a revoked key changes nothing and records nothing.
    if (apiKey.revokedAt) return apiKey;
    const before = snapshot(apiKey);
    apiKey.revokedAt = new Date();
    recordRegionAudit(tx, identity, { action: 'revokeApiKey', target: apiKeyId(apiKey.id), before, after: snapshot(apiKey) });
    return apiKey;
  });
}

const grantOf = (apiKey: ApiKey) => ({ keyId: apiKeyId(apiKey.id), partner: apiKey.partner, safelist: apiKey.safelist });

/** What the gateway needs to issue a partner token, or null for an unknown or revoked key. */
export async function grantForKey(em: EntityManager, key: string) {
  const apiKey = await em.findOne(ApiKeySchema, { hash: hashKey(key), revokedAt: null });
  return apiKey ? grantOf(apiKey) : null;
}

/** The same for a portal session signed in with the key, when the gateway renews it (gateway/sessions.ts): null once the key is revoked. */
export async function grantForKeyId(em: EntityManager, keyId: string) {
  const apiKey = await em.findOne(ApiKeySchema, { id: parseApiKeyId(keyId, 'keyId'), revokedAt: null });
  return apiKey ? grantOf(apiKey) : null;
}
