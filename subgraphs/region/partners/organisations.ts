import type { EntityManager } from '@mikro-orm/postgresql';

// A partner is known by its organisation's name: an API key's `partner` and a CUSTOMER account's `customer` become
// the token's subject, which owns inquiries and webhooks (access.ts callerKey) and names the rate-limit bucket at
// the gateway, all compared exactly. A replacement key typed "autozulieferer muster gmbh" for "Autozulieferer Muster
// GmbH" was a partner of its own, which saw none of the first one's inquiries (the partner probe). So a new key or
// customer account takes the spelling the organisation already has, found without case and with any run of spaces
// as one; the spellings stored and the subjects compared stay as they are.

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
 * The organisation `given` names, inside the transaction `tx` that stores the key or account: the spelling of its
 * oldest key or customer account when it has one, else `given` on one line. Two keys of one new organisation in two
 * spellings at once would each find none: a transaction-scoped lock on the organisation's key makes the second wait
 * and find the first. Keys and accounts are never deleted (revoked, archived), so a partner's first spelling is
 * always found, also after every key of it was revoked.
 */
export async function resolveOrganisation(tx: EntityManager, given: string): Promise<Organisation> {
  const key = organisationKey(given);
  const connection = tx.getConnection();
  await connection.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`partner organisation ${key}`]);
  // Few rows (one per organisation and spelling), compared in JavaScript: PostgreSQL's lower() follows the
  // database's collation, which may fold only ASCII letters ("ÖKO" and "öko"), while organisationKey folds every one.
  const spellings = await connection.execute<{ name: string }[]>(
    `select name from (
       select partner as name, min(created_at) as first from api_key group by partner
       union all
       select customer, min(created_at) from account where customer is not null group by customer
     ) as spelling order by first, name`,
  );
  const existing = spellings.find((s) => organisationKey(s.name) === key)?.name ?? null;
  return { partner: existing ?? oneLine(given), existing };
}
