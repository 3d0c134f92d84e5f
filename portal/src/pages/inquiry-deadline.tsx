import { useRef, useState } from 'preact/hooks';
import { request, type GraphQLErrorLike } from '../graphql.ts';
import type { Locale } from '../i18n.ts';
import { extendQuoteDeadline, type InquiryDetail } from '../operations.ts';
import { blankRequired, type Said, say, sayError, sayFailure } from '../said.tsx';
import { inquiryDateLimits } from '../inquiry-dates.ts';
import { regionDateTime, regionInstant } from '../region-clock.ts';
import { useLocale } from '../use-locale.ts';
import { sayConflict } from './inquiry-common.tsx';
import { inquiryText, useInquiryText } from './inquiry-messages.ts';

// The owner of an OPEN inquiry moves its quote deadline later (extendQuoteDeadline), and the delivery date with it
// when the new deadline reaches it; the bidders are told by region. Past the deadline (QUOTING_CLOSED) as well, which
// opens quoting again: the intro says so. Both fields start at the inquiry's own values;
// the delivery date is sent only when changed. The server's ORDER refusals are said as the rule they break, and a
// deadline that passed while the page was open as that (it read "changed meanwhile"), the focus at the notice.

type Field = 'quoteDeadline' | 'deliveryDate';

/** A refusal at one of the two fields in the words of its rule; any other in the server's reason's words. */
function refusal(error: GraphQLErrorLike, inquiry: InquiryDetail, deadline: string): Said {
  const other = error.extensions?.reason === 'ORDER' ? error.extensions.other : undefined;
  if (other === 'Inquiry.quoteDeadline') return say((locale: Locale) => inquiryText(locale).deadlineNotLater(locale.dateTime(inquiry.quoteDeadline)));
  if (other === 'Inquiry.deliveryDate') return say((locale: Locale) => inquiryText(locale).deliveryNotEarlier(locale.date(inquiry.deliveryDate)));
  if (other === 'deliveryDate') return say((locale: Locale) => inquiryText(locale).deadlineReachesDelivery(locale.date(inquiry.deliveryDate)));
  if (other === 'quoteDeadline') return say((locale: Locale) => inquiryText(locale).deliveryAfterDeadline(locale.day(deadline)));
  return sayError(error, (locale) => ({ quoteDeadline: inquiryText(locale).newDeadline, deliveryDate: inquiryText(locale).newDeliveryDate }));
}

export function ExtendDeadline({ inquiry, onExtended }: { inquiry: InquiryDetail; onExtended: () => void }) {
  const text = useInquiryText();
  const { clockHint } = useLocale();
  const [values, setValues] = useState(() => ({ quoteDeadline: regionDateTime(inquiry.quoteDeadline), deliveryDate: inquiry.deliveryDate }));
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', Said>>>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const notice = useRef<HTMLParagraphElement>(null);
  const formError = useRef<HTMLParagraphElement>(null);

  const fail = (next: typeof errors) => {
    setErrors(next);
    setDone(null);
    const first = (['quoteDeadline', 'deliveryDate'] as const).find((field) => next[field]);
    if (first) form.current?.querySelector<HTMLElement>(`#extend-${first}`)?.focus();
    // The button was disabled while the change went out, and the keyboard's focus with it: to what went wrong.
    else if (next.form) requestAnimationFrame(() => formError.current?.focus());
  };
  const send = async (event: Event) => {
    event.preventDefault();
    const blank = blankRequired(['quoteDeadline', 'deliveryDate'] as const, (field) => values[field]);
    if (Object.keys(blank).length) return fail(blank);
    // datetime-local holds the region's clock (region-clock.ts); the graph takes an instant with its zone.
    const quoteDeadline = regionInstant(values.quoteDeadline)?.toISOString() ?? values.quoteDeadline;
    const moved = values.deliveryDate !== inquiry.deliveryDate;
    setBusy(true);
    const result = await request(extendQuoteDeadline, {
      id: inquiry.id,
      version: inquiry.version,
      quoteDeadline,
      ...(moved ? { deliveryDate: values.deliveryDate } : {}),
    });
    setBusy(false);
    const extended = result.data?.extendQuoteDeadline;
    if (extended) {
      setErrors({});
      setDone(extended.quoteDeadline);
      // The button was disabled while the change went out, and the keyboard's focus with it: to the notice.
      requestAnimationFrame(() => notice.current?.focus());
      return onExtended();
    }
    const error = result.errors[0];
    const field = error?.extensions?.field;
    if (field === 'quoteDeadline' || field === 'deliveryDate') return fail({ [field]: refusal(error, inquiry, quoteDeadline) });
    return fail({ form: sayConflict(error, 'extend', inquiry) ?? sayFailure(result.errors) });
  };

  // Later than the deadline now and at most two years ahead, as the server takes them (inquiry-dates.ts).
  const limits = inquiryDateLimits(values.quoteDeadline, new Date(), inquiry.quoteDeadline, inquiry.deliveryDate);
  const errorAt = (field: Field) =>
    errors[field] && (
      <p class="field-error" id={`extend-${field}-error`}>
        {errors[field]}
      </p>
    );
  const input = (field: Field) => ({
    id: `extend-${field}`,
    value: values[field],
    required: true,
    'aria-invalid': errors[field] ? ('true' as const) : undefined,
    'aria-describedby':
      [field === 'quoteDeadline' && clockHint && 'extend-quoteDeadline-hint', errors[field] && `extend-${field}-error`].filter(Boolean).join(' ') || undefined,
    onInput: (e: Event) => setValues({ ...values, [field]: (e.currentTarget as HTMLInputElement).value }),
  });

  return (
    <section aria-labelledby="extend-heading">
      <h2 id="extend-heading">{text.extendHeading}</h2>
      <p>{inquiry.status === 'QUOTING_CLOSED' ? text.extendIntroClosed : text.extendIntro}</p>
      <form ref={form} class="extend-deadline" onSubmit={send} noValidate aria-labelledby="extend-heading">
        {errors.form && (
          <p class="notice notice-error" role="alert" ref={formError} tabIndex={-1}>
            {errors.form}
          </p>
        )}
        <div class="field-row">
          <div class="field">
            <label for="extend-quoteDeadline">{text.newDeadline}</label>
            <input type="datetime-local" min={limits.deadlineMin} max={limits.deadlineMax} {...input('quoteDeadline')} />
            {clockHint && (
              <p class="hint" id="extend-quoteDeadline-hint">
                {clockHint}
              </p>
            )}
            {errorAt('quoteDeadline')}
          </div>
          <div class="field">
            <label for="extend-deliveryDate">{text.newDeliveryDate}</label>
            <input type="date" min={limits.deliveryMin} max={limits.deliveryMax} {...input('deliveryDate')} />
            {errorAt('deliveryDate')}
          </div>
        </div>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? text.extending : text.extend}
          </button>
        </div>
        <div role="status">
          {done && (
            <p class="notice notice-ok" ref={notice} tabIndex={-1}>
              {say((locale) => inquiryText(locale).extended(locale.dateTime(done)))}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
