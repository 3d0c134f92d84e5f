import { badInput } from './errors.ts';
import { findNetwork, type NetworkInfo } from './networks.ts';

// Global ids tell their owner: `NIWE:m-42` is member 42 in NIWE's database.

export function memberGlobalId(network: string, localId: number): string {
  return `${network}:m-${localId}`;
}

export interface ParsedMemberId {
  network: NetworkInfo;
  localId: number;
}

export function parseMemberId(id: string, field = 'id'): ParsedMemberId {
  const match = /^([A-Z]+):m-([1-9][0-9]{0,14})$/.exec(id);
  const network = match ? findNetwork(match[1]) : undefined;
  if (!match || !network) {
    throw badInput(field, `"${truncate(id)}" is not a member id; member ids look like NIWE:m-42 (network code, then m- and a number).`);
  }
  return { network, localId: Number(match[2]) };
}

/** Contact persons: `NIWE:c-12`. */
export function parseContactId(id: string, field = 'id'): ParsedMemberId {
  const match = /^([A-Z]+):c-([1-9][0-9]{0,14})$/.exec(id);
  const network = match ? findNetwork(match[1]) : undefined;
  if (!match || !network) {
    throw badInput(field, `"${truncate(id)}" is not a contact person id; they look like NIWE:c-12 (network code, then c- and a number).`);
  }
  return { network, localId: Number(match[2]) };
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
