import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

// A portal session signed out before its working day was over (gateway/sessions.ts, POST /auth/logout). The
// gateway keeps no sessions, so a copy of the session cookie would otherwise be renewed until the day's end;
// renewal asks here too (accountSession, apiKeySession) and refuses a session listed. The id is the SHA-256
// of the session's CSRF token (32 random bytes from its sign-in, kept through renewals), not the token itself.
export const EndedSessionSchema = defineEntity({
  name: 'EndedSession',
  properties: {
    id: p.string().length(64).primary(),
    /** When the session would have ended anyway; past it the row is useless and purged. */
    endsAt: p.datetime(),
  },
  indexes: [{ name: 'ended_session_ends_at_index', properties: ['endsAt'] }],
});

export type EndedSession = InferEntity<typeof EndedSessionSchema>;
