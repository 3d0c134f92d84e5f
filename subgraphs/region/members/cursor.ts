import { badInput } from '../../../shared/errors.ts';
import { findNetwork } from '../../../shared/networks.ts';
import type { MemberOrder } from '../../../shared/search.ts';
import type { MemberOrderKey } from '../../../shared/sort-key.ts';

// Cursors are opaque to clients: the order and the order key of the last member seen.

export function encodeCursor(order: MemberOrder, key: MemberOrderKey): string {
  return Buffer.from(JSON.stringify([order, key.rank, key.sortKey, key.network, key.localId])).toString('base64url');
}

export function decodeCursor(cursor: string, order: MemberOrder, field = 'after'): MemberOrderKey {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (Array.isArray(value) && value.length === 5) {
    const [cursorOrder, rank, sortKey, network, localId] = value;
    if (typeof cursorOrder === 'string' && cursorOrder !== order) {
      throw badInput(field, `${field} is a cursor of a ${cursorOrder} ordered list; this list is ordered by ${order}. Start again without ${field}.`, {
        reason: 'NOT_A_CURSOR',
      });
    }
    if (
      Number.isSafeInteger(rank) &&
      typeof sortKey === 'string' &&
      typeof network === 'string' &&
      findNetwork(network) &&
      Number.isSafeInteger(localId) &&
      localId > 0
    ) {
      return { rank, sortKey, network, localId };
    }
  }
  throw badInput(field, `${field} is not a cursor from this API; pass the endCursor or an edge cursor of a previous page.`, { reason: 'NOT_A_CURSOR' });
}
