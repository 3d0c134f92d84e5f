import type { DocumentNode } from 'graphql';
import { getOperationAST } from 'graphql';
import { httpError } from '../shared/errors.ts';

// A portal session signed in with a one-time password an office set (resetAccountPassword) may only choose a
// password of its own and read its account: the portal led such a session to "Mein Zugang", but the graph answered
// it everything, so a one-time password read out on the telephone (and seen by whoever stood by) stayed a key to the
// company's data for its week. The session token says so (gateway/sessions.ts, AccountGrant.mustChangePassword);
// changing the password ends the session at its next renewal, and the portal signs in anew with the new one.

/** The root fields such a session may ask for. */
const allowed = new Set(['changePassword', 'myAccount', '__typename']);

export function passwordChangeRequired() {
  return httpError(
    'PASSWORD_CHANGE_REQUIRED',
    'This session signed in with a one-time password: choose a password of your own first (changePassword, in the portal "Mein Zugang"), then sign in with it. Until then only changePassword and myAccount answer.',
  );
}

/** Refuses an operation of such a session that asks for anything but changePassword and myAccount (a fragment at its root too). */
export function requireOnlyPasswordChange(document: DocumentNode | undefined, operationName: string | undefined): void {
  const operation = document && getOperationAST(document, operationName);
  if (operation?.selectionSet.selections.every((selection) => selection.kind === 'Field' && allowed.has(selection.name.value))) return;
  throw passwordChangeRequired();
}
