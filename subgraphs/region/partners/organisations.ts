import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '../../../shared/errors.ts';

// A partner is known by its organisation's name: an API key's `partner` and a CUSTOMER account's `customer` become
// the token's subject, which owns inquiries and webhooks (access.ts callerKey) and names the rate-limit bucket at
// the gateway, all compared exactly. A replacement key typed "autozulieferer muster gmbh" for "Autozulieferer Muster
// GmbH" was a partner of its own, which saw none of the first one's inquiries (the partner probe). So a new key or
// customer account takes the spelling the organisation already has, found without case and with any run of spaces
// as one; the spellings stored and the subjects compared stay as they are.
//
// Before that match existed, "Müller GmbH" and "MÜLLER GMBH" could be two organisations, each with its own
// inquiries; taking the older for a key named "MÜLLER GMBH" handed that key the other's inquiries. So a spelling
// stored exactly as given is that organisation; several stored spellings of one key, none of them given exactly,
// are refused (AMBIGUOUS_ORGANISATION) rather than guessed.

/** The form in which two spellings name one organisation: Unicode NFC, runs of whitespace as one space, no case. */
export function organisationKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** A new organisation's name as stored: trimmed, a line break or a run of spaces inside as one space. */
const oneLine = (name: string) => name.trim().replace(/\s+/gu, ' ');

export interface Organisation {
  /** The spelling to store: the existing one, or the name given on one line. */
  partner: string;
  /** The existing organisation's spelling when the name given matched one; null for an organisation new to the region. */
  existing: string | null;
}

/**
 * The organisation `given` names, inside the transaction `tx` that stores the key or account: the spelling stored
 * exactly as given; else the one spelling stored that matches without case and space, else `given` on one line.
 * Several spellings that match, none exactly, are a CONFLICT (AMBIGUOUS_ORGANISATION) listing them. Two keys of one
 * new organisation in two spellings at once would each find none: a transaction-scoped lock on the organisation's
 * key makes the second wait and find the first. Keys and accounts are never deleted (revoked, archived), so a
 * partner's spellings are always found, also after every key of it was revoked.
 */
export async function resolveOrganisation(tx: EntityManager, given: string): Promise<Organisation> {
  const key = organisationKey(given);
  // Both statements through tx, in its transaction: the connection's own execute takes a pool connection of its
  // own, where the lock was released as its one statement ended and the select did not wait for the other creation.
  await tx.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`partner organisation ${key}`]);
  // Few rows (one per organisation and spelling), compared in JavaScript: PostgreSQL's lower() follows the
  // database's collation, which may fold only ASCII letters ("ÖKO" and "öko"), while organisationKey folds every one.
  const rows = await tx.execute<{ name: string }[]>(
    `select name from (
       select partner as name, min(created_at) as first from api_key group by partner
       union all
       select customer, min(created_at) from account where customer is not null group by customer
     ) as spelling order by first, name`,
  );
  // A spelling with both a key and a customer account is one spelling; oldest first.
  const matching = [...new Set(rows.map((row) => row.name).filter((name) => organisationKey(name) === key))];
  if (matching.includes(given)) return { partner: given, existing: given };
  if (matching.length > 1)
    throw conflict(
      `The organisation "${given}" matches ${matching.length} organisations that differ only in case or spacing: ${matching.map((name) => JSON.stringify(name)).join(', ')}. Give one of them exactly as written to mean that one.`,
      { reason: 'AMBIGUOUS_ORGANISATION', spellings: matching },
    );
  const existing = matching[0] ?? null;
  return { partner: existing ?? oneLine(given), existing };
}
