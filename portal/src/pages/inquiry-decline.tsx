import { useRef, useState } from 'preact/hooks';
import { useConfirmDialog } from '../components/confirm-dialog.ts';
import { InquiryConfirm, sayConflict } from './inquiry-common.tsx';
import { request } from '../graphql.ts';
import { declineInquiry, type InquiryDetail } from '../operations.ts';
import { type Said, say, sayError, sayFailure } from '../said.tsx';
import { inquiryText, useInquiryText } from './inquiry-messages.ts';

// An invited member that will not quote declines with a reason (declineInquiry); the owner's list of
// invitations then shows it as declined with that reason, and the member can no longer quote. That cannot be undone,
// so it asks first, the focus on "Abbrechen", as awarding does: pressed at once, the button declined at once. Refused
// for what happened while the page was open (awarded, ended, quoted on or declined in another window), it says that.

export function DeclineInvitation({ inquiry, onDeclined }: { inquiry: InquiryDetail; onDeclined: () => void }) {
  const text = useInquiryText();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ atField: boolean; message: Said } | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const confirm = useConfirmDialog<string>();

  const fail = (atField: boolean, message: Said) => {
    setError({ atField, message });
    if (atField) field.current?.focus();
  };
  const ask = (event: Event) => {
    event.preventDefault();
    if (!reason.trim())
      return fail(
        true,
        say((locale) => inquiryText(locale).declineReasonMissing),
      );
    confirm.ask(reason.trim());
  };
  const send = async () => {
    const asked = confirm.subject;
    if (asked === null) return;
    setBusy(true);
    const result = await request(declineInquiry, { inquiryId: inquiry.id, reason: asked });
    setBusy(false);
    confirm.close();
    if (result.data?.declineInquiry) {
      setError(null);
      return onDeclined();
    }
    const first = result.errors[0];
    if (first?.extensions?.field === 'reason') return fail(true, sayError(first));
    return fail(false, sayConflict(first, 'decline', inquiry) ?? sayFailure(result.errors));
  };

  const atField = error?.atField === true;
  return (
    <section aria-labelledby="decline-heading">
      <h2 id="decline-heading">{text.declineHeading}</h2>
      <p>{text.declineIntro}</p>
      <form class="decline-form" onSubmit={ask} noValidate aria-labelledby="decline-heading">
        {error && !atField && (
          <p class="notice notice-error" role="alert">
            {error.message}
          </p>
        )}
        <div class="field">
          <label for="decline-reason">{text.declineReason}</label>
          <textarea
            ref={field}
            id="decline-reason"
            rows={2}
            maxLength={2000}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
            aria-invalid={atField ? 'true' : undefined}
            aria-describedby={atField ? 'decline-reason-hint decline-reason-error' : 'decline-reason-hint'}
          />
          <p class="hint" id="decline-reason-hint">
            {text.declineReasonHint}
          </p>
          {atField && (
            <p class="field-error" id="decline-reason-error">
              {error.message}
            </p>
          )}
        </div>
        <div class="actions">
          <button type="submit" class="secondary" disabled={busy}>
            {busy ? text.declining : text.declineSubmit}
          </button>
        </div>
      </form>
      <InquiryConfirm
        confirm={confirm}
        id="decline-question"
        question={(asked) => text.declineQuestion(asked)}
        action={text.declineConfirm}
        busy={busy}
        onConfirm={send}
      />
    </section>
  );
}
