import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { stripIgnoredCharacters, type GraphQLError } from 'graphql';
import { ConfigError } from '../shared/config.ts';
import { notSafelisted } from '../shared/errors.ts';
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
  /** The id of the registered operation that `query` differs from in formatting alone (spaces, line breaks, commas, comments), if any. */
  alike(query: string): string | undefined;
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
  // Only a refusal asks (the manifests hold tens of operations): each body's text without what GraphQL ignores.
  let plain: Map<string, string> | undefined;
  // A text far longer than every registered one is no reformatting of one, and stripping costs: 0.76 s for 1 MB, 73 ms
  // for 100 KB (the review), which a restricted key could send twice a second. Four times the longest body and a
  // kilobyte leave room for indentation and comments.
  const longest = Math.max(0, ...[...bodies.values()].map((body) => body.length));
  const alikeMaxChars = 4 * longest + 1024;
  const alike = (query: string) => {
    if (query.length > alikeMaxChars) return undefined;
    if (!plain) {
      plain = new Map();
      for (const [id, body] of bodies) {
        const text = withoutFormatting(body);
        if (text !== undefined) plain.set(text, id);
      }
    }
    const text = withoutFormatting(query);
    return text === undefined ? undefined : plain.get(text);
  };
  return { has: (hash) => bodies.has(hash), size: bodies.size, bodies, alike };
}

/** The text without what GraphQL ignores (spaces, line breaks, commas, comments); undefined for text that does not parse. */
function withoutFormatting(text: string): string | undefined {
  try {
    return stripIgnoredCharacters(text);
  } catch {
    return undefined;
  }
}

/**
 * The refusal of a restricted partner's operation that is not registered. Operations are matched by the sha256 of
 * their exact text, so one that differs only in spaces or line breaks was refused with "ask the cooperation to
 * register it" although it was registered (the partner probe); the message says so, and names the id to send.
 */
export function notSafelistedError(safelist: Safelist | undefined, query: string | undefined): GraphQLError {
  const id = query === undefined ? undefined : safelist?.alike(query);
  const byId = '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"<id>"}}}';
  if (id)
    return notSafelisted(
      `This operation differs from a registered one only in formatting (spaces, line breaks, commas or comments), and registered operations are matched byte for byte: send the registered text exactly, or its id alone as ${byId.replace('<id>', id)}.`,
      { registeredId: id },
    );
  if (!safelist)
    return notSafelisted(
      "This partner may send only registered operations, and this gateway has none (no PERSISTED_OPERATIONS manifest): ask the cooperation's administrators to register the operations it needs (README, Security: Safelist).",
    );
  return notSafelisted(
    `This partner may send only registered operations, and this one is not in the persisted-operation manifest: send a registered operation's text exactly (byte for byte), or its id (the sha256 of that text) as ${byId}. To register a new operation, send its text to the cooperation's administrators (README, Security: Safelist).`,
  );
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
