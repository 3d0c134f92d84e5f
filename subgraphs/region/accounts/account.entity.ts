import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';

export const accountKinds = ['MEMBER', 'OFFICE', 'CUSTOMER'] as const;
export type AccountKind = (typeof accountKinds)[number];

// A person who signs in to the portal with e-mail and password. MEMBER
// accounts act for one member company (memberId), OFFICE accounts for a
// network's office, CUSTOMER accounts for a customer organisation (the
// `partner` role, like a partner's API key with the same name). Only the
// scrypt hash of the password is stored (passwords.ts).
export const AccountSchema = defineEntity({
  name: 'Account',
  extends: RandomIdBase,
  properties: {
    /** Trimmed and lower-cased, so Anna@Example.de and anna@example.de are one account. */
    email: p.string().length(254).unique('account_email_key'),
    name: p.string().length(200),
    kind: p.enum(accountKinds).columnType('varchar(20)'),
    /** The network of a MEMBER or OFFICE account; null for customers. */
    network: p.string().length(20).nullable(),
    /** The member of a MEMBER account, such as NIWE:m-42. */
    memberId: p.string().length(40).nullable(),
    /** The customer organisation of a CUSTOMER account: its subject, as a partner's API key names it. */
    customer: p.string().length(200).nullable(),
    /** scrypt$N$r$p$salt$hash, base64url (passwords.ts); the parameters travel with the hash so they can be raised later. */
    passwordHash: p.string().length(200),
    passwordChangedAt: p.datetime(),
    /**
     * When an office or admin last set a one-time password (resetAccountPassword) that its holder has not replaced
     * since; null otherwise. Its holder must choose a password of their own, and it stops working after a week.
     */
    passwordResetAt: p.datetime().nullable(),
    createdBy: p.string().length(200).nullable(),
    archivedAt: p.datetime().nullable(),
    /** When the account was last restored after being archived: part of its sessions' generation, so none issued before comes back with it. */
    restoredAt: p.datetime().nullable(),
  },
  indexes: [{ name: 'account_network_idx', properties: ['network'] }],
});

export type Account = InferEntity<typeof AccountSchema>;
