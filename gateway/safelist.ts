import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { ConfigError } from '../shared/config.ts';
import { portalManifestPath } from './portal.ts';

// Restricted partners may send only operations registered in a persisted-operation
// manifest (Apollo's format: { format, version, operations: [{ id, name, type, body }] }),
// matched by the sha256 of the operation text. The portal's own manifest, written by its
// build, is loaded beside it, so the portal sends its operations by hash alone.

export interface Safelist {
  has(queryHash: string): boolean;
  size: number;
  /** Operation text by id, so clients may send only the id (an automatic-persisted-query hash). */
  bodies: ReadonlyMap<string, string>;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A manifest's operations by id; `source` names where the path came from in error messages. */
export function loadSafelist(path: string, source = 'PERSISTED_OPERATIONS'): Safelist {
  let manifest: { operations?: { id?: unknown; body?: unknown }[] };
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${source} ${path} is not a readable JSON manifest: ${(error as Error).message}`);
  }
  if (!Array.isArray(manifest.operations)) throw new ConfigError(`${source} ${path} needs an "operations" list.`);
  const bodies = new Map<string, string>();
  for (const [i, operation] of manifest.operations.entries()) {
    if (typeof operation.body !== 'string') throw new ConfigError(`${source} ${path}: operations[${i}] has no body.`);
    const id = sha256Hex(operation.body);
    if (operation.id !== undefined && operation.id !== id)
      throw new ConfigError(`${source} ${path}: operations[${i}].id is not the sha256 of its body (expected ${id}).`);
    bodies.set(id, operation.body);
  }
  return { has: (hash) => bodies.has(hash), size: bodies.size, bodies };
}

/**
 * The portal's manifest as its build wrote it (portal/persisted-operations.ts), read by every gateway without
 * configuration; undefined while the portal is not built, when the gateway serves no portal either.
 */
export function loadPortalOperations(path: string = portalManifestPath): Safelist | undefined {
  return existsSync(path) ? loadSafelist(path, "The portal build's manifest") : undefined;
}

const apqPrefix = 'apq:';
const maxRegistered = 1000;

/**
 * The persisted-query store: every operation of the manifests (the partners' safelist and
 * the portal's) is always there, so a client can send just `extensions.persistedQuery.sha256Hash`;
 * other clients may still register queries the automatic way, in a bounded
 * store that evicts the oldest and never touches the manifests.
 *
 * Apollo reads and writes it under `apq:<hash>`, the gateway's policy under the bare hash; both name one
 * entry. Registered under Apollo's key alone, a query that anyone registered ran by its hash past the
 * safelist, the cost limit and the rate limit, which found no text under the hash and let Apollo answer.
 */
export function persistedQueryCache(manifests: readonly (Safelist | undefined)[]) {
  const registered = new Map<string, string>();
  const idOf = (key: string) => (key.startsWith(apqPrefix) ? key.slice(apqPrefix.length) : key);
  return {
    async get(key: string): Promise<string | undefined> {
      const id = idOf(key);
      for (const manifest of manifests) {
        const body = manifest?.bodies.get(id);
        if (body !== undefined) return body;
      }
      return registered.get(id);
    },
    async set(key: string, value: string): Promise<void> {
      const id = idOf(key);
      registered.delete(id);
      registered.set(id, value);
      if (registered.size > maxRegistered) registered.delete(registered.keys().next().value!);
    },
    async delete(key: string): Promise<boolean> {
      return registered.delete(idOf(key));
    },
  };
}
