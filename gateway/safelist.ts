import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../shared/config.ts';

// Restricted partners may send only operations registered in a persisted-operation
// manifest (Apollo's format: { format, version, operations: [{ id, name, type, body }] }),
// matched by the sha256 of the operation text.

export interface Safelist {
  has(queryHash: string): boolean;
  size: number;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function loadSafelist(path: string): Safelist {
  let manifest: { operations?: { id?: unknown; body?: unknown }[] };
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`PERSISTED_OPERATIONS ${path} is not a readable JSON manifest: ${(error as Error).message}`);
  }
  if (!Array.isArray(manifest.operations)) throw new ConfigError(`PERSISTED_OPERATIONS ${path} needs an "operations" list.`);
  const ids = new Set<string>();
  for (const [i, operation] of manifest.operations.entries()) {
    if (typeof operation.body !== 'string') throw new ConfigError(`PERSISTED_OPERATIONS ${path}: operations[${i}] has no body.`);
    const id = sha256Hex(operation.body);
    if (operation.id !== undefined && operation.id !== id) throw new ConfigError(`PERSISTED_OPERATIONS ${path}: operations[${i}].id is not the sha256 of its body (expected ${id}).`);
    ids.add(id);
  }
  return { has: (hash) => ids.has(hash), size: ids.size };
}
