import { createHash } from 'node:crypto';
import * as portal from './src/operations.ts';

// The portal's persisted-operation manifest, in Apollo's format (what gateway/safelist.ts reads): every
// operation src/operations.ts exports, registered by the SHA-256 of its text. The build writes it beside
// the portal (portal/dist/persisted-operations.json, see vite.config.ts), the gateway loads it from there
// at start, and the portal then sends each operation by its hash alone.

/** The manifest's file name in portal/dist; gateway/portal.ts names the same file. */
export const manifestFileName = 'persisted-operations.json';

export interface PersistedOperation {
  /** Hex SHA-256 of body: what the portal sends as extensions.persistedQuery.sha256Hash. */
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface PersistedOperationManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

const isOperation = (value: unknown): value is portal.Operation<unknown, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { name?: unknown }).name === 'string' &&
  typeof (value as { text?: unknown }).text === 'string';

/** Every operation the portal module exports (an operation left out of its `operations` list too), by name. */
export function persistedOperationManifest(): PersistedOperationManifest {
  const byName = new Map<string, PersistedOperation>();
  for (const op of Object.values(portal)
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .filter(isOperation)) {
    const body = op.text;
    const known = byName.get(op.name);
    if (known && known.body !== body)
      throw new Error(`Two portal operations are named ${op.name}; the portal sends operations by name and hash, so names are unique.`);
    const type = /^\s*(query|mutation|subscription)\b/.exec(body)?.[1] ?? 'query';
    byName.set(op.name, { id: createHash('sha256').update(body).digest('hex'), name: op.name, type: type as PersistedOperation['type'], body });
  }
  const operations = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}
