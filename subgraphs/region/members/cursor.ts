import { badInput } from '../../../shared/errors.ts';
import { maxNetworkLocalId } from '../../../shared/ids.ts';
import { findNetwork } from '../../../shared/networks.ts';
import { isMalformedText } from '../../../shared/validation.ts';
import type { MemberOrder } from '../../../shared/search.ts';
import type { MemberOrderKey } from '../../../shared/sort-key.ts';

// Cursors are opaque to clients: the order and the order key of the last member seen.

export function encodeCursor(order: MemberOrder, key: MemberOrderKey): string {
  return Buffer.from(JSON.stringify([order, key.rank, key.sortKey, key.network, key.localId])).toString('base64url');
}

const isInt32 = (value: unknown): value is number => Number.isInteger(value) && Math.abs(value as number) <= maxNetworkLocalId;
/** A sort key is a name folded (members.ts, at most 200 characters): ß becomes ss, so twice that is ample. */
const maxSortKeyLength = 400;

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
    // Each part as region sends it to the networks: a rank and a local id within GraphQL's Int, a sort key as long as
    // a name's (200 characters, folded) and free of NUL, which PostgreSQL refused as a broken message: a forged cursor
    // answered that every network had lost its database.
    if (
      isInt32(rank) &&
      typeof sortKey === 'string' &&
      sortKey.length <= maxSortKeyLength &&
      !isMalformedText(sortKey) &&
      typeof network === 'string' &&
      findNetwork(network) &&
      isInt32(localId) &&
      localId > 0
    ) {
      return { rank, sortKey, network, localId };
    }
  }
  throw badInput(field, `${field} is not a cursor from this API; pass the endCursor or an edge cursor of a previous page.`, { reason: 'NOT_A_CURSOR' });
}
