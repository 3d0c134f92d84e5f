import type { ComponentChildren, RefObject } from 'preact';
import { ConfirmQuestion } from '../components/confirm-question.tsx';
import type { useConfirmDialog } from '../components/confirm-dialog.ts';
import type { GraphQLErrorLike } from '../graphql.ts';
import type { Locale } from '../i18n.ts';
import type { InquiryDetail } from '../operations.ts';
import { paths, useRoute } from '../router.ts';
import { type Said, say, sayFailure } from '../said.tsx';
import type { Session } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { inquiryText, useInquiryText } from './inquiry-messages.ts';

// What the inquiry pages share: who may create inquiries, the sign-in hint, and a change refused for what happened
// while the page was open.

/** Who makes inquiries in the portal: customers (role partner), members and offices for their customers, admin. */
export const mayCreateInquiry = (session: Session) => ['partner', 'member', 'office', 'admin'].includes(session.role);

/** What a signed-out visitor sees on an inquiry page: the heading and a way to sign in that returns here. */
export function SignInFirst({ heading }: { heading: string }) {
  const text = useInquiryText();
  const { t } = useLocale();
  const route = useRoute();
  return (
    <>
      <h1>{heading}</h1>
      <p>{text.signInFirst}</p>
      <p>
        <a href={`${paths.signIn}?weiter=${encodeURIComponent(route.path)}`}>{t.navSignIn}</a>
      </p>
    </>
  );
}

/**
 * What was pressed on a page that may have gone stale: the owner's extension, award, publishing, withdrawal (cancel),
 * closing without an award or change of a draft (edit); the bidder's withdrawal of its quote or declining.
 */
export type InquiryAction = 'extend' | 'award' | 'withdrawQuote' | 'publish' | 'cancel' | 'close' | 'edit' | 'decline';

type InquiryNow = keyof ReturnType<typeof inquiryText>['inquiryNow'];
const inquiryNow = (status: string | undefined): status is InquiryNow =>
  status === 'OPEN' || status === 'QUOTING_CLOSED' || status === 'AWARDED' || status === 'CLOSED_WITHOUT_AWARD' || status === 'CANCELLED';

/** What the inquiry came to while the page was open (`status`), then what that means for `action`. */
export function sayInquiryNow(status: string, action: InquiryAction, inquiry: Pick<InquiryDetail, 'quoteDeadline'>): Said | undefined {
  if (!inquiryNow(status)) return undefined;
  return say((locale) => {
    const text = inquiryText(locale);
    return `${text.inquiryNow[status](locale.dateTime(inquiry.quoteDeadline))} ${text.refused[action]}`;
  });
}

/**
 * A CONFLICT said as what happened while the page was open, for `action`: the deadline passed (the inquiry's
 * own, as the page shows it), the draft was published, the inquiry was awarded or ended, the quote to award was
 * withdrawn by `bidder`, the bidder's quote withdrawn already, its invitation quoted on or declined already; a
 * version read before another change as "changed meanwhile"; any other conflict in the words of its reason
 * (field-errors.ts). All of them read "changed meanwhile" before, a deadline passed too. Undefined for an error that
 * is no CONFLICT.
 */
export function sayConflict(
  error: GraphQLErrorLike | undefined,
  action: InquiryAction,
  inquiry: Pick<InquiryDetail, 'quoteDeadline'>,
  bidder?: (locale: Locale) => string,
): Said | undefined {
  const extensions = error?.extensions;
  if (!error || extensions?.code !== 'CONFLICT') return undefined;
  if (extensions.reason === 'STALE_VERSION') return say((locale) => inquiryText(locale).changedMeanwhile);
  const status = extensions.reason === 'STATUS' && typeof extensions.status === 'string' ? extensions.status : undefined;
  // A quote's WITHDRAWN: the one to award, or the bidder's own when it was withdrawn in another window.
  if (status === 'WITHDRAWN' && action === 'award' && bidder) return say((locale) => inquiryText(locale).quoteWithdrawnMeanwhile(bidder(locale)));
  if (status === 'WITHDRAWN' && action === 'withdrawQuote') return say((locale) => inquiryText(locale).quoteWithdrawnAlready);
  // The bidder's invitation, answered in another window: quoted on, or declined already.
  if ((status === 'QUOTED' || status === 'DECLINED') && action === 'decline') return say((locale) => inquiryText(locale).invitationNow[status]);
  return (status === undefined ? undefined : sayInquiryNow(status, action, inquiry)) ?? sayFailure([error]);
}

/**
 * What became of an action, where the keyboard goes after it (`notice`, focused by the caller): done in the page's
 * live status region, refused as an alert. The award, the inquiry's end and the quote's withdrawal say it alike.
 */
export function OutcomeNotice({
  outcome,
  notice,
}: {
  outcome: { ok: boolean; message: Said } | null | undefined;
  notice: RefObject<HTMLParagraphElement | null>;
}) {
  return (
    <>
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
    </>
  );
}

/**
 * An inquiry page's question before a step that cannot be taken back (award, end, decline, withdraw a quote): the
 * step in the award's colours, "Abbrechen" beside it and focused.
 */
export function InquiryConfirm<T>(props: {
  confirm: ReturnType<typeof useConfirmDialog<T>>;
  id: string;
  question: (subject: T) => ComponentChildren;
  action: ComponentChildren;
  busy: boolean;
  onConfirm: () => void;
}) {
  const text = useInquiryText();
  return <ConfirmQuestion {...props} actionClass="confirm-award" cancel={text.cancel} cancelClass="secondary" />;
}
