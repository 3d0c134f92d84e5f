import { badInput } from './errors.ts';
import { findNetwork, type NetworkInfo } from './networks.ts';

// One codec per kind of id: `format` writes it, `parse` reads it back or throws
// BAD_USER_INPUT naming the argument and showing what such an id looks like.
//   - Records in a network's database carry the network's code, so an id tells
//     its owner: `NIWE:m-42` is member 42 in NIWE's database (networkIdCodec).
//   - Records in region's database carry a prefix per kind: `inq-5083124978213377`
//     (idCodec); their numbers are random, so an id cannot be guessed from another.

/** What a network-scoped id names: the registered network and the row's id in its database. */
export interface ParsedNetworkId {
  network: NetworkInfo;
  localId: number;
}

/**
 * The largest row number of a network's table (a PostgreSQL integer), and of a local id in region's calls to a
 * network (GraphQL's Int). A larger one reached the network as an invalid variable, whose message the client saw.
 */
export const maxNetworkLocalId = 2_147_483_647;

/** Ids of one kind of network record, `<CODE>:<letter>-<number>`, the number at most maxNetworkLocalId. */
export function networkIdCodec(letter: string, kind: string, example: string) {
  const pattern = new RegExp(`^([A-Z]+):${letter}-([1-9][0-9]{0,9})$`);
  return {
    format: (network: string, localId: number): string => `${network}:${letter}-${localId}`,
    parse(id: string, field = 'id'): ParsedNetworkId {
      const match = pattern.exec(id);
      const network = match && Number(match[2]) <= maxNetworkLocalId ? findNetwork(match[1]) : undefined;
      if (!match || !network)
        throw badInput(field, `"${truncate(id)}" is not ${kind}; ${example} (network code, then ${letter}- and a number).`, { reason: 'NOT_AN_ID' });
      return { network, localId: Number(match[2]) };
    },
  };
}

/** A local id of region's records as the API writes it: 1 to 16 digits, and a safe integer. */
export const localIdPattern = '[1-9][0-9]{0,15}';

/** The number of a local id's digits, or null when it is beyond a safe integer. */
export function parseLocalId(digits: string): number | null {
  const id = Number(digits);
  return Number.isSafeInteger(id) ? id : null;
}

/** Ids of one kind of region record, `<prefix>-<number>`: `idCodec('inq', 'an inquiry')`. */
export function idCodec(prefix: string, kind: string) {
  const pattern = new RegExp(`^${prefix}-(${localIdPattern})$`);
  return {
    format: (id: number): string => `${prefix}-${id}`,
    parse(id: string, field = 'id'): number {
      const match = pattern.exec(id);
      const local = match && parseLocalId(match[1]);
      if (!local) throw badInput(field, `${field} "${id.slice(0, 30)}" is not ${kind} id; they look like ${prefix}-5083124978213377.`, { reason: 'NOT_AN_ID' });
      return local;
    },
  };
}

export const memberIds = networkIdCodec('m', 'a member id', 'member ids look like NIWE:m-42');
export const contactIds = networkIdCodec('c', 'a contact person id', 'they look like NIWE:c-12');
export const serviceIds = networkIdCodec('s', 'a service id', 'they look like NIWE:s-7');

export const memberGlobalId = memberIds.format;
export const parseMemberId = memberIds.parse;
export const parseContactId = contactIds.parse;

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
