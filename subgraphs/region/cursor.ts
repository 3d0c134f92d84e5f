import { badInput } from '../../shared/errors.ts';
import { findNetwork } from '../../shared/networks.ts';
import type { MemberOrderKey } from '../../shared/sort-key.ts';

// Cursors are opaque to clients: the order key of the last member seen.

export function encodeCursor(key: MemberOrderKey): string {
  return Buffer.from(JSON.stringify([key.sortKey, key.network, key.localId])).toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): MemberOrderKey {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3) {
      const [sortKey, network, localId] = value;
      if (typeof sortKey === 'string' && typeof network === 'string' && findNetwork(network) && Number.isSafeInteger(localId) && localId > 0) {
        return { sortKey, network, localId };
      }
    }
  } catch {
    // fall through to the error below
  }
  throw badInput(field, `${field} is not a cursor from this API; pass the endCursor or an edge cursor of a previous page.`);
}
