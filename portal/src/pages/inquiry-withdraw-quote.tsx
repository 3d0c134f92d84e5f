import { useRef, useState } from 'preact/hooks';
import { useConfirmDialog } from '../components/confirm-dialog.ts';
import { ConfirmQuestion } from '../components/confirm-question.tsx';
import { request } from '../graphql.ts';
import { withdrawQuote, type InquiryDetail, type QuoteView } from '../operations.ts';
import { type Said, say, sayFailure } from '../said.tsx';
import { inquiryText, useInquiryText } from './inquiry-messages.ts';

// The bidder takes its submitted quote back while the inquiry is open (withdrawQuote): the customer is told and can
// no longer award it. It asks first, the focus on "Abbrechen", as declining does; until the deadline the quote form
// stays, to submit the quote again.

export function WithdrawQuote({ inquiry, quote, onWithdrawn }: { inquiry: InquiryDetail; quote: QuoteView; onWithdrawn: () => void }) {
  const text = useInquiryText();
  const confirm = useConfirmDialog<QuoteView>();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: Said } | null>(null);
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
    if (result.data?.withdrawQuote) {
      setOutcome({ ok: true, message: say((locale) => inquiryText(locale).quoteWithdrawn) });
      onWithdrawn();
    } else
      setOutcome({
        ok: false,
        message: error?.extensions?.code === 'CONFLICT' ? say((locale) => inquiryText(locale).changedMeanwhile) : sayFailure(result.errors),
      });
    // The pressed button goes with the quote's withdrawal: the keyboard continues at what happened.
    requestAnimationFrame(() => notice.current?.focus());
  };

  // Shown on after the withdrawal, to say so where the keyboard was.
  if (quote.status !== 'SUBMITTED' && !outcome) return null;
  return (
    <section aria-labelledby="withdraw-quote-heading">
      <h2 id="withdraw-quote-heading">{text.withdrawQuoteHeading}</h2>
      <div role="status">
        {outcome?.ok && (
          <p class="notice notice-ok" ref={notice} tabIndex={-1}>
            {outcome.message}
          </p>
        )}
      </div>
      {outcome && !outcome.ok && (
        <p class="notice notice-error" role="alert" ref={notice} tabIndex={-1}>
          {outcome.message}
        </p>
      )}
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
      <ConfirmQuestion
        confirm={confirm}
        id="withdraw-quote-question"
        question={() => text.withdrawQuoteQuestion(inquiry.title)}
        action={text.withdrawQuoteConfirm}
        actionClass="confirm-award"
        cancel={text.cancel}
        cancelClass="secondary"
        busy={busy}
        onConfirm={send}
      />
    </section>
  );
}
