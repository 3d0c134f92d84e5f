import { useRef, useState } from 'preact/hooks';
import { useConfirmDialog } from '../components/confirm-dialog.ts';
import { request } from '../graphql.ts';
import { withdrawQuote, type InquiryDetail, type QuoteView } from '../operations.ts';
import { type Said, say, sayFailure } from '../said.tsx';
import { InquiryConfirm, OutcomeNotice, sayConflict } from './inquiry-common.tsx';
import { inquiryText, useInquiryText } from './inquiry-messages.ts';

// The bidder takes its submitted quote back while the inquiry is open (withdrawQuote): the customer is told and can
// no longer award it. It asks first, the focus on "Abbrechen", as declining does; until the deadline the quote form
// stays, to submit the quote again. What happened is said for the quote as it was then: submitted again, it is a new
// revision, and "Ihr Angebot ist zurückgezogen." beside it contradicted it. A refusal says why (the deadline passed
// while the page was open, the quote withdrawn in another window), not "changed meanwhile" for every one.

export function WithdrawQuote({ inquiry, quote, onWithdrawn }: { inquiry: InquiryDetail; quote: QuoteView; onWithdrawn: () => void }) {
  const text = useInquiryText();
  const confirm = useConfirmDialog<QuoteView>();
  // `versions`: the quote's as it was sent and, withdrawn, after (until the page reads it anew); shown while it is at one.
  const [outcome, setOutcome] = useState<{ ok: boolean; message: Said; versions: number[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = useRef<HTMLParagraphElement>(null);

  const send = async () => {
    const asked = confirm.subject;
    if (!asked) return;
    setBusy(true);
    const result = await request(withdrawQuote, { quoteId: asked.id, version: asked.version });
    setBusy(false);
    confirm.close();
    const error = result.errors[0];
    const withdrawn = result.data?.withdrawQuote;
    if (withdrawn) {
      setOutcome({ ok: true, message: say((locale) => inquiryText(locale).quoteWithdrawn), versions: [asked.version, withdrawn.version] });
      onWithdrawn();
    } else setOutcome({ ok: false, message: sayConflict(error, 'withdrawQuote', inquiry) ?? sayFailure(result.errors), versions: [asked.version] });
    // The pressed button goes with the quote's withdrawal: the keyboard continues at what happened.
    requestAnimationFrame(() => notice.current?.focus());
  };

  // Shown on after the withdrawal, to say so where the keyboard was, until the quote changes again (submitted anew).
  const said = outcome?.versions.includes(quote.version) ? outcome : null;
  if (quote.status !== 'SUBMITTED' && !said) return null;
  return (
    <section aria-labelledby="withdraw-quote-heading">
      <h2 id="withdraw-quote-heading">{text.withdrawQuoteHeading}</h2>
      <OutcomeNotice outcome={said} notice={notice} />
      {quote.status === 'SUBMITTED' && (
        <>
          <p>{text.withdrawQuoteIntro}</p>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => confirm.ask(quote)}>
              {text.withdrawQuote}
            </button>
          </div>
        </>
      )}
      <InquiryConfirm
        confirm={confirm}
        id="withdraw-quote-question"
        question={() => text.withdrawQuoteQuestion(inquiry.title)}
        action={text.withdrawQuoteConfirm}
        busy={busy}
        onConfirm={send}
      />
    </section>
  );
}
