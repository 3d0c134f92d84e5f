// Why a write met a state that does not allow it: every CONFLICT carries extensions.reason, one stable word, with
// its parameters beside it, as every BAD_USER_INPUT does (shared/input-reasons.ts). The portal says each in German
// or English (portal/src/field-errors.ts); before, German readers got a general phrase with the server's English
// after it ("… Hinweis des Servers: Meeting mtg-5 is full: all 1 places are taken"). The English message stays for
// API users. Kept free of imports so the portal's bundle can read the table too.

/** One conflict's reason and its parameters, as conflict (shared/errors.ts) requires them. */
export type ConflictReason =
  | { reason: 'STALE_VERSION'; currentVersion: number }
  | { reason: 'STATUS'; status?: string }
  | { reason: 'EXISTS' }
  | { reason: 'ARCHIVED_EXISTS'; accountId: string }
  | { reason: 'FULL'; participantLimit: number }
  | { reason: 'NOT_ENOUGH_LEFT'; remainingAreaM2?: number; hoursLeft?: number }
  | { reason: 'CLOSED'; closedAt: string }
  | { reason: 'LEADS' }
  | { reason: 'INCOMPLETE' }
  | { reason: 'KEY_REUSED' }
  | { reason: 'REGISTRATIONS_USED_UP'; limit: number }
  | { reason: 'AMBIGUOUS_ORGANISATION'; spellings: string[] };

export type ConflictReasonName = ConflictReason['reason'];

/** Every reason with what it means; README "Errors" lists them from here, and a test keeps the two in step. */
export const conflictReasons: Readonly<Record<ConflictReasonName, string>> = {
  STALE_VERSION: 'The record changed since it was read (the version given is not currentVersion): read it again and retry.',
  STATUS: 'The record is in a state (status, where it has one) that does not allow this, such as a registration already cancelled or an offer closed.',
  EXISTS:
    'The same thing exists already: a registration, invitation, relationship, quote (with its currentVersion, to revise it), consortium lead, working group topic or open membership (with its status), account e-mail address, a member an import lists twice or the network has, or a live member createMember names again (same name and postal code; existingMember).',
  ARCHIVED_EXISTS:
    'An archived account has this e-mail address (accountId): restoring it (restoreAccount) is the way back, not another account with the same address.',
  FULL: 'Every place is taken (participantLimit).',
  NOT_ENOUGH_LEFT:
    'Less is left than was asked for: remainingAreaM2 of a joint booth; hoursLeft, the most a booking of a capacity offer could take (the offer’s hours left, or what its window’s days have free).',
  CLOSED: 'Its deadline or start has passed (closedAt).',
  LEADS: 'A working group’s lead cannot leave it; the lead is handed over first.',
  INCOMPLETE: 'A consortium that is not complete yet: every partner accepts with its share first.',
  KEY_REUSED: 'An idempotencyKey used before for other input: a new write needs a new key.',
  REGISTRATIONS_USED_UP:
    'A member has registered for a joint booth as often as one may (limit), each registration since withdrawn or declined; only the administration of the region (admin), which the limit does not bind, registers it again.',
  AMBIGUOUS_ORGANISATION:
    'An organisation named for an API key or customer account matches several organisations whose names differ only in case or spacing (spellings), none written exactly as given: give one of them exactly.',
};
