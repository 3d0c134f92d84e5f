import { useRef, useState } from 'preact/hooks';
import { amountIn, parseAmount, parseWhole, wholeIn } from '../amounts.ts';
import { useNotation } from '../use-notation.ts';
import { useIdempotencyKeys } from '../retry-key.ts';
import { useConfirmDialog } from '../components/confirm-dialog.ts';
import { processName } from '../catalog.ts';
import { ErrorNotice, NetworkNotice } from '../components/notices.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { request, type GraphQLErrorLike } from '../graphql.ts';
import {
  awardQuote,
  cancelInquiry,
  closeInquiryWithoutAward,
  inquiryDetail,
  publishInquiry,
  quoteComparison,
  respondToConsortium,
  submitQuote,
  type ConsortiumPartnerStatus,
  type ConsortiumView,
  type InquiryDetail,
  type PriceTier,
  type QuoteComparisonRow,
  type QuoteView,
} from '../operations.ts';
import { paths } from '../router.ts';
import { blankRequired, type Said, say, sayError, sayFailure } from '../said.tsx';
import { fieldErrorText } from '../field-errors.ts';
import { useSession, type Session } from '../session.ts';
import { useUploadForm } from '../uploads.ts';
import type { Locale } from '../i18n.ts';
import { useLocale } from '../use-locale.ts';
import { useReloadable } from '../use-query.ts';
import { InquiryConfirm, OutcomeNotice, SignInFirst, sayConflict } from './inquiry-common.tsx';
import { FormConsortium } from './inquiry-consortium.tsx';
import { DeclineInvitation } from './inquiry-decline.tsx';
import { ExtendDeadline } from './inquiry-deadline.tsx';
import { WithdrawQuote } from './inquiry-withdraw-quote.tsx';
import { inquiryText, useInquiryText } from './inquiry-messages.ts';

// One inquiry. Its owner (a customer, or an office for one) uploads drawings, changes the draft, publishes it,
// follows the invitations, extends the quote deadline, compares the quotes side by side and awards one, or withdraws
// the inquiry or closes it without an award. An invited member reads it, downloads the drawings, and submits, revises
// or withdraws its quote. An office following its members' invitations sees them and nothing of the owner's. The
// heading and the part's facts come with the first answer; the quote comparison is a second request, so a slow one
// does not hold the page back.

/** The unit price that applies to `quantity`: the tier with the largest minQuantity not above it. */
export function tierFor(tiers: PriceTier[], quantity: number): PriceTier | undefined {
  return tiers.filter((tier) => tier.minQuantity <= quantity).sort((a, b) => b.minQuantity - a.minQuantity)[0];
}

export function InquiryPage({ id }: { id: string }) {
  const text = useInquiryText();
  const { t } = useLocale();
  const { session } = useSession();
  const detail = useReloadable(inquiryDetail, session?.signedIn ? { id } : undefined);
  if (session && !session.signedIn) return <SignInFirst heading={text.listHeading} />;
  const inquiry = detail.data?.inquiry;
  if (!session || (detail.loading && !inquiry)) {
    return (
      <>
        <p>
          <a href={paths.inquiries}>{text.backToList}</a>
        </p>
        <h1>{text.listHeading}</h1>
        <p aria-busy="true">{t.loading}</p>
      </>
    );
  }
  if (!inquiry) {
    return (
      <>
        <h1>{text.listHeading}</h1>
        <NetworkNotice errors={detail.errors} />
        <ErrorNotice errors={detail.errors} />
        {!detail.errors.length && <p>{text.notFound}</p>}
      </>
    );
  }
  const invitation = session.role === 'member' ? inquiry.invitations.find((i) => i.memberRef.id === session.memberId) : undefined;
  const partner = inquiry.consortia.some((c) => c.partners.some((p) => p.memberRef.id === session.memberId));
  const bidder = session.role === 'member' && (invitation !== undefined || partner || inquiry.quotes.some((q) => q.memberRef.id === session.memberId));
  const owner = inquiry.viewerIsOwner;
  return (
    <>
      <p>
        <a href={paths.inquiries}>{text.backToList}</a>
      </p>
      <h1>{inquiry.title}</h1>
      <p class="inquiry-status">
        {text.columnStatus}: <strong>{text.status[inquiry.status]}</strong>
        {invitation && <> · {text.invitationState(text.invitation[invitation.status])}</>}
      </p>
      <NetworkNotice errors={detail.errors} />
      <ErrorNotice errors={detail.errors} />
      <Facts inquiry={inquiry} />
      {owner && inquiry.status === 'DRAFT' && (
        <p>
          <a class="button-link" href={paths.inquiryEdit(inquiry.id)}>
            {text.editDraft}
          </a>
        </p>
      )}
      <Drawings inquiry={inquiry} canUpload={owner && (inquiry.status === 'DRAFT' || inquiry.status === 'OPEN')} onUploaded={detail.reload} />
      {bidder ? (
        <BidderSection inquiry={inquiry} session={session} onSaved={detail.reload} />
      ) : (
        <OwnerSection inquiry={inquiry} owner={owner} onChanged={detail.reload} />
      )}
    </>
  );
}

function Facts({ inquiry }: { inquiry: InquiryDetail }) {
  const text = useInquiryText();
  const { t, date, dateTime, number, language } = useLocale();
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading">{text.factsHeading}</h2>
      <p class="part-description multiline">{inquiry.partDescription}</p>
      <dl class="facts">
        <dt>{text.field.processes}</dt>
        <dd>{inquiry.processes.map((code) => `${code} ${processName(code, language)}`).join(', ')}</dd>
        <dt>{text.field.quantities}</dt>
        <dd>{inquiry.quantities.map((q) => text.quantityRow(number(q.quantity), q.batchSize === null ? null : number(q.batchSize))).join('; ')}</dd>
        <dt>{text.field.material}</dt>
        <dd>{inquiry.material ?? text.notGiven}</dd>
        <dt>{text.field.tolerance}</dt>
        <dd>{inquiry.tolerance ? t[`tolerance_${inquiry.tolerance}`] : text.notGiven}</dd>
        <dt>{text.field.certifications}</dt>
        <dd>{inquiry.certifications.join(', ') || text.notGiven}</dd>
        <dt>{text.field.documents}</dt>
        <dd>{inquiry.documents.join(', ') || text.notGiven}</dd>
        <dt>{text.field.ppapLevel}</dt>
        <dd>{inquiry.ppapLevel ?? text.ppapNone}</dd>
        <dt>{text.field.postalCode}</dt>
        <dd>{inquiry.deliveryPostalCode ?? text.notGiven}</dd>
        <dt>{text.field.deliveryDate}</dt>
        <dd>{date(inquiry.deliveryDate)}</dd>
        <dt>{text.field.quoteDeadline}</dt>
        <dd>{dateTime(inquiry.quoteDeadline)}</dd>
        {inquiry.customer && (
          <>
            <dt>{text.customer}</dt>
            <dd>{inquiry.customer}</dd>
          </>
        )}
        <dt>{text.created}</dt>
        <dd>{dateTime(inquiry.createdAt)}</dd>
      </dl>
    </section>
  );
}

function Drawings({ inquiry, canUpload, onUploaded }: { inquiry: InquiryDetail; canUpload: boolean; onUploaded: () => void }) {
  const text = useInquiryText();
  const { number } = useLocale();
  const { input, error, uploaded, busy, send } = useUploadForm(
    { inquiryId: inquiry.id },
    say((locale) => inquiryText(locale).chooseFile),
    onUploaded,
  );
  const size = (bytes: number) => text.fileSize(bytes, number);

  return (
    <section aria-labelledby="drawings-heading">
      <h2 id="drawings-heading">{text.drawingsHeading}</h2>
      {inquiry.attachments.length === 0 ? (
        <p>{text.noDrawings}</p>
      ) : (
        <ul class="attachments">
          {inquiry.attachments.map((attachment) => (
            <li key={attachment.id}>
              <a href={attachment.downloadPath} download={attachment.fileName} data-external>
                {text.download(attachment.fileName, size(attachment.size))}
              </a>
            </li>
          ))}
        </ul>
      )}
      {canUpload && (
        <form class="upload" onSubmit={send} noValidate>
          <div class="field">
            <label for="inquiry-upload">{text.uploadLabel}</label>
            <input
              ref={input}
              id="inquiry-upload"
              type="file"
              multiple
              accept=".pdf,.step,.stp,application/pdf,model/step"
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'inquiry-upload-error' : undefined}
            />
            {error && (
              <p class="field-error" id="inquiry-upload-error">
                {error}
              </p>
            )}
          </div>
          <button type="submit" disabled={busy}>
            {busy ? text.uploading : text.upload}
          </button>
          <div role="status">{uploaded && <p class="notice notice-ok">{text.uploaded(uploaded.length)}</p>}</div>
        </form>
      )}
    </section>
  );
}

/** The invitations, and for the owner the rest of its part: publishing, the quotes compared, ending the inquiry. */
function OwnerSection({ inquiry, owner, onChanged }: { inquiry: InquiryDetail; owner: boolean; onChanged: () => void }) {
  const text = useInquiryText();
  const { number, percent, memberName } = useLocale();
  // A bidder that withdrew its quote reads VIEWED again (it may quote anew until the deadline): "gelesen" told the
  // owner nothing of the withdrawal, which the comparison leaves out.
  const withdrew = new Set(inquiry.quotes.filter((quote) => quote.status === 'WITHDRAWN').map((quote) => quote.memberRef.id));
  return (
    <>
      {owner && inquiry.status === 'DRAFT' && <Publish inquiry={inquiry} onPublished={onChanged} />}
      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{text.invitationsHeading}</h2>
        {inquiry.invitations.length === 0 ? (
          <p>{text.noInvitees}</p>
        ) : (
          <TableScroll label={text.invitationsHeading}>
            <table class="invitations">
              <thead>
                <tr>
                  <th scope="col">{text.columnMember}</th>
                  <th scope="col">{text.columnNetwork}</th>
                  <th scope="col">{text.columnStatus}</th>
                  <th scope="col">{text.columnDistance}</th>
                  <th scope="col">{text.columnScore}</th>
                </tr>
              </thead>
              <tbody>
                {inquiry.invitations.map((invitation) => (
                  <tr key={invitation.memberRef.id}>
                    <th scope="row">
                      <a href={paths.member(invitation.memberRef.id)}>{memberName(invitation.member, invitation.memberRef.id)}</a>
                      {invitation.member && `, ${invitation.member.city}`}
                    </th>
                    <td>{invitation.network}</td>
                    <td class="multiline">
                      {invitation.member?.archivedAt ? (
                        // Archived by its office: declined for it, its quote withdrawn (or, for one archived only at its
                        // network, still standing, yet refused an award); "Angebot abgegeben" read as a bidder still there.
                        <strong class="left-network">{text.leftNetwork}</strong>
                      ) : (
                        <>
                          {invitation.status !== 'DECLINED' && withdrew.has(invitation.memberRef.id)
                            ? text.invitationQuoteWithdrawn
                            : text.invitation[invitation.status]}
                          {invitation.declineReason && `: ${invitation.declineReason}`}
                        </>
                      )}
                    </td>
                    <td>{invitation.distanceKm === null ? text.none : `${number(invitation.distanceKm)} km`}</td>
                    <td>{invitation.score === null ? text.none : percent(invitation.score)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      {/* Past the deadline too: a new one opens quoting again (extendQuoteDeadline). */}
      {owner && (inquiry.status === 'OPEN' || inquiry.status === 'QUOTING_CLOSED') && <ExtendDeadline inquiry={inquiry} onExtended={onChanged} />}
      {owner && inquiry.status !== 'DRAFT' && <Comparison inquiry={inquiry} onChanged={onChanged} />}
      {owner && <EndInquiry inquiry={inquiry} onEnded={onChanged} />}
    </>
  );
}

type Ending = 'withdraw' | 'close';

/**
 * The owner ends the inquiry: withdraws it (cancelInquiry, a draft or an open one) or closes it without an award
 * (closeInquiryWithoutAward, once published). Each asks first, the focus on "Abbrechen", as awarding does: neither can
 * be undone. Stays shown after it ended the inquiry, to say so where the keyboard was.
 */
function EndInquiry({ inquiry, onEnded }: { inquiry: InquiryDetail; onEnded: () => void }) {
  const text = useInquiryText();
  const confirm = useConfirmDialog<Ending>();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: Said } | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = useRef<HTMLParagraphElement>(null);
  const published = inquiry.status === 'OPEN' || inquiry.status === 'QUOTING_CLOSED';
  if (!published && inquiry.status !== 'DRAFT' && !outcome) return null;

  const end = async () => {
    const ending = confirm.subject;
    if (!ending) return;
    setBusy(true);
    const variables = { id: inquiry.id, version: inquiry.version };
    const result = ending === 'withdraw' ? await request(cancelInquiry, variables) : await request(closeInquiryWithoutAward, variables);
    setBusy(false);
    confirm.close();
    const data = result.data as { cancelInquiry?: InquiryDetail; closeInquiryWithoutAward?: InquiryDetail } | null;
    const error = result.errors[0];
    if (data?.cancelInquiry || data?.closeInquiryWithoutAward) {
      setOutcome({ ok: true, message: say((locale) => (ending === 'withdraw' ? inquiryText(locale).withdrawn : inquiryText(locale).closedWithoutAward)) });
      onEnded();
    } else {
      // Awarded, closed or withdrawn elsewhere: said as that, as the award and the quote's withdrawal say theirs (it
      // read "changed meanwhile", or in general words that the state did not allow it).
      setOutcome({ ok: false, message: sayConflict(error, ending === 'withdraw' ? 'cancel' : 'close', inquiry) ?? sayFailure(result.errors) });
    }
    // The pressed button goes with the inquiry's end: the keyboard continues at what happened.
    requestAnimationFrame(() => notice.current?.focus());
  };

  return (
    <section aria-labelledby="end-heading">
      <h2 id="end-heading">{text.endHeading}</h2>
      {(published || inquiry.status === 'DRAFT') && <p>{published ? text.endIntroOpen : text.endIntroDraft}</p>}
      <OutcomeNotice outcome={outcome} notice={notice} />
      {(published || inquiry.status === 'DRAFT') && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => confirm.ask('withdraw')}>
            {text.withdraw}
          </button>
          {published && (
            <button type="button" class="secondary" onClick={() => confirm.ask('close')}>
              {text.closeWithoutAward}
            </button>
          )}
        </div>
      )}
      <InquiryConfirm
        confirm={confirm}
        id="end-question"
        question={(ending) => (ending === 'withdraw' ? text.withdrawQuestion(inquiry.title, published) : text.closeQuestion(inquiry.title))}
        action={confirm.subject === 'close' ? text.closeConfirm : text.withdrawConfirm}
        busy={busy}
        onConfirm={end}
      />
    </section>
  );
}

/**
 * DRAFT → OPEN, inviting the best-ranked 1 to 100 companies. Left empty the field was sent as 0 (Number('') is 0), and
 * the inquiry was published inviting nobody, which a customer cannot mend: so it is required, a whole number from 1.
 */
function Publish({ inquiry, onPublished }: { inquiry: InquiryDetail; onPublished: () => void }) {
  const text = useInquiryText();
  const [invite, setInvite] = useState('10');
  const [error, setError] = useState<{ atField: boolean; message: Said } | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const fail = (atField: boolean, message: Said) => {
    setError({ atField, message });
    field.current?.focus();
  };
  const send = async (event: Event) => {
    event.preventDefault();
    const blank = blankRequired(['invite'] as const, () => invite).invite;
    if (blank) return fail(true, blank);
    const count = Number(invite.trim());
    if (!/^\d+$/.test(invite.trim()) || count < 1 || count > 100)
      return fail(
        true,
        say((locale) =>
          fieldErrorText({ message: '', extensions: { code: 'BAD_USER_INPUT', reason: 'OUT_OF_RANGE', min: 1, max: 100, integer: true } }, locale),
        ),
      );
    setBusy(true);
    const result = await request(publishInquiry, { id: inquiry.id, version: inquiry.version, invite: count });
    setBusy(false);
    if (result.data?.publishInquiry) return onPublished();
    const first = result.errors[0];
    if (first?.extensions?.field === 'invite') return fail(true, sayError(first));
    // A deadline that passed is no input of this form: it read "lies in the past; please choose a time in the future".
    if (first?.extensions?.field === 'quoteDeadline' && first.extensions.reason === 'IN_THE_PAST')
      return fail(
        false,
        say((locale) => inquiryText(locale).publishDeadlinePassed(locale.dateTime(inquiry.quoteDeadline))),
      );
    // Published or withdrawn elsewhere meanwhile: said as that (every CONFLICT read "changed meanwhile").
    fail(false, sayConflict(first, 'publish', inquiry) ?? sayFailure(result.errors));
  };
  const atField = error?.atField === true;
  return (
    <section aria-labelledby="publish-heading">
      <h2 id="publish-heading">{text.publishHeading}</h2>
      <p>{text.publishIntro}</p>
      <form class="publish" onSubmit={send} noValidate>
        {error && !atField && (
          <p class="notice notice-error" role="alert">
            {error.message}
          </p>
        )}
        <div class="field">
          <label for="inquiry-invite">{text.inviteLabel}</label>
          <input
            ref={field}
            id="inquiry-invite"
            type="number"
            required
            min={1}
            max={100}
            value={invite}
            onInput={(e) => setInvite(e.currentTarget.value)}
            aria-invalid={atField ? 'true' : undefined}
            aria-describedby={atField ? 'inquiry-invite-error' : undefined}
          />
          {atField && (
            <p class="field-error" id="inquiry-invite-error">
              {error.message}
            </p>
          )}
        </div>
        <button type="submit" disabled={busy}>
          {busy ? text.publishing : text.publish}
        </button>
      </form>
    </section>
  );
}

/** A bidder as the comparison names it: the member and its network. */
const nameOfBidder = (quote: QuoteView, memberName: Locale['memberName']) => `${memberName(quote.member, quote.memberRef.id)} (${quote.network})`;

function Comparison({ inquiry, onChanged }: { inquiry: InquiryDetail; onChanged: () => void }) {
  const text = useInquiryText();
  const { t, number, currency, date, dateTime, memberName, share } = useLocale();
  const comparison = useReloadable(quoteComparison, { inquiryId: inquiry.id });
  const confirm = useConfirmDialog<QuoteComparisonRow>();
  const chosen = confirm.subject;
  const [outcome, setOutcome] = useState<{ ok: boolean; message: Said } | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = useRef<HTMLParagraphElement>(null);
  const rows = comparison.data?.quoteComparison ?? [];
  // Withdrawn quotes are not compared (nor awarded): their bidders are named, without their prices; those that left
  // the network apart, so the customer learns why a bidder is gone, not only that its quote is.
  const left = (quote: QuoteView) => quote.member?.archivedAt != null;
  const withdrawn = inquiry.quotes.filter((quote) => quote.status === 'WITHDRAWN' && !left(quote));
  const leftWithdrawn = inquiry.quotes.filter((quote) => quote.status === 'WITHDRAWN' && left(quote));
  const awardable = inquiry.status === 'OPEN' || inquiry.status === 'QUOTING_CLOSED';
  const quantities = inquiry.quantities.map((q) => q.quantity);
  const bidderName = (quote: QuoteView) => nameOfBidder(quote, memberName);

  const award = async () => {
    if (!chosen) return;
    setBusy(true);
    // The quote as compared here: one revised since is CONFLICT ("changed meanwhile"), not awarded unseen.
    const result = await request(awardQuote, { inquiryId: inquiry.id, quoteId: chosen.quote.id, version: inquiry.version, quoteVersion: chosen.quote.version });
    setBusy(false);
    confirm.close();
    const error = result.errors[0];
    const revised = error?.extensions?.code === 'CONFLICT' && error.extensions.field === 'quoteVersion';
    // The quote withdrawn by its bidder, or the inquiry ended, since the page was read: said as that, by whom.
    const meanwhile = error?.extensions?.code === 'CONFLICT' && error.extensions.reason === 'STATUS';
    setOutcome(
      result.data?.awardQuote
        ? { ok: true, message: say((locale) => inquiryText(locale).awarded(nameOfBidder(chosen.quote, locale.memberName))) }
        : {
            ok: false,
            message: revised
              ? say((locale) => inquiryText(locale).quoteRevisedMeanwhile)
              : (sayConflict(error, 'award', inquiry, (locale) => nameOfBidder(chosen.quote, locale.memberName)) ?? sayFailure(result.errors)),
          },
    );
    if (result.data?.awardQuote || meanwhile) onChanged();
    // The table shows the quotes as they are now, also the one revised since it was read, without the one withdrawn.
    if (result.data?.awardQuote || revised || meanwhile) comparison.reload();
    // The pressed button goes with the award (or the withdrawn quote): the keyboard continues at what happened.
    requestAnimationFrame(() => notice.current?.focus());
  };

  return (
    <section aria-labelledby="quotes-heading">
      <h2 id="quotes-heading">{text.quotesHeading}</h2>
      <p>{text.quotesIntro}</p>
      <OutcomeNotice outcome={outcome} notice={notice} />
      <NetworkNotice errors={comparison.errors} />
      <ErrorNotice errors={comparison.errors} />
      {comparison.loading && !comparison.data ? (
        <p aria-busy="true">{t.loading}</p>
      ) : rows.length === 0 ? (
        comparison.data?.quoteComparison && <p>{text.noQuotes}</p>
      ) : (
        <TableScroll label={text.quotesHeading}>
          <table class="comparison">
            <caption class="visually-hidden">{text.quotesHeading}</caption>
            <thead>
              <tr>
                <td />
                {rows.map((row) => (
                  <th scope="col" key={row.quote.id}>
                    {bidderName(row.quote)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{text.rowConsortium}</th>
                {rows.map(({ quote }) => (
                  <td key={quote.id}>
                    {quote.consortium ? (
                      <ul class="partners">
                        {quote.consortium.partners.map((p) => (
                          <li key={p.memberRef.id}>
                            {text.partner(memberName(p.member, p.memberRef.id), p.network, p.sharePercent === null ? text.none : share(p.sharePercent))}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      text.alone
                    )}
                  </td>
                ))}
              </tr>
              {quantities.map((quantity) => (
                <tr key={`unit-${quantity}`}>
                  <th scope="row">{text.rowUnitPrice(number(quantity))}</th>
                  {rows.map(({ quote }) => {
                    const tier = tierFor(quote.priceTiers, quantity);
                    return <td key={quote.id}>{tier ? currency(tier.unitPrice, quote.currency) : text.none}</td>;
                  })}
                </tr>
              ))}
              {quantities.map((quantity) => (
                <tr key={`total-${quantity}`}>
                  <th scope="row">{text.rowTotal(number(quantity))}</th>
                  {rows.map(({ quote }) => {
                    const tier = tierFor(quote.priceTiers, quantity);
                    return <td key={quote.id}>{tier ? currency(tier.unitPrice * quantity, quote.currency) : text.none}</td>;
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">{text.rowLeadTime}</th>
                {rows.map((row) => (
                  <td key={row.quote.id}>{text.days(number(row.leadTimeDays))}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">{text.rowValidUntil}</th>
                {rows.map(({ quote }) => (
                  <td key={quote.id}>{date(quote.validUntil)}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">{text.rowRevision}</th>
                {rows.map(({ quote }) => (
                  <td key={quote.id}>{text.revisionOf(number(quote.revision), dateTime(quote.submittedAt))}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">{text.rowDistance}</th>
                {rows.map((row) => (
                  <td key={row.quote.id}>{row.distanceKm === null ? text.none : `${number(row.distanceKm)} km`}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">{text.rowNotes}</th>
                {rows.map(({ quote }) => (
                  <td key={quote.id} class="multiline">
                    {quote.notes ?? text.none}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{text.rowStatus}</th>
                {rows.map(({ quote }) => (
                  <td key={quote.id}>
                    {left(quote) ? (
                      // No award to a bidder that has left (awardQuote refuses it, ARCHIVED); an award of before stays, said so.
                      <>
                        {quote.status !== 'SUBMITTED' && `${text.quote[quote.status]}, `}
                        <strong class="left-network">{text.leftNetwork}</strong>
                      </>
                    ) : awardable && quote.status === 'SUBMITTED' ? (
                      <button
                        type="button"
                        class="award"
                        aria-label={text.awardFor(bidderName(quote))}
                        onClick={() => confirm.ask(rows.find((r) => r.quote.id === quote.id)!)}
                      >
                        {text.award}
                      </button>
                    ) : (
                      text.quote[quote.status]
                    )}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </TableScroll>
      )}
      {withdrawn.length > 0 && <p class="withdrawn-quotes">{text.withdrawnQuotes(withdrawn.map(bidderName).join(', '))}</p>}
      {leftWithdrawn.length > 0 && <p class="withdrawn-quotes left-quotes">{text.leftQuotes(leftWithdrawn.map(bidderName).join(', '))}</p>}
      <InquiryConfirm
        confirm={confirm}
        id="award-question"
        question={(row) => text.awardQuestion(bidderName(row.quote), currency(row.unitPrice, row.currency))}
        action={text.awardConfirm}
        busy={busy}
        onConfirm={award}
      />
    </section>
  );
}

interface QuoteFormValues {
  /** key: a stable id for the row, so its inputs keep their state when rows change. */
  tiers: { key: string; minQuantity: string; unitPrice: string }[];
  currency: string;
  leadTimeDays: string;
  validUntil: string;
  notes: string;
}

function BidderSection({ inquiry, session, onSaved }: { inquiry: InquiryDetail; session: Session; onSaved: () => void }) {
  const text = useInquiryText();
  const { number, currency, date, dateTime, memberName, share } = useLocale();
  const quote = inquiry.quotes.find((q) => q.memberRef.id === session.memberId) ?? inquiry.quotes[0];
  // A partner asked into a consortium answers it; only invited members (a consortium's lead among them) quote, until they decline.
  const invitation = inquiry.invitations.find((i) => i.memberRef.id === session.memberId);
  const invited = invitation !== undefined && invitation.status !== 'DECLINED';
  // A withdrawn quote may be submitted again until the deadline.
  const open = invited && inquiry.status === 'OPEN' && (!quote || quote.status === 'SUBMITTED' || quote.status === 'WITHDRAWN');
  // Only the quoting member (a consortium's lead) withdraws its quote; a partner reads it.
  const ownQuote = quote?.memberRef.id === session.memberId ? quote : undefined;
  const led = inquiry.consortia.find((c) => c.leadRef.id === session.memberId);
  const declinable =
    (invitation?.status === 'INVITED' || invitation?.status === 'VIEWED') && (inquiry.status === 'OPEN' || inquiry.status === 'QUOTING_CLOSED');
  return (
    <>
      {invitation?.status === 'DECLINED' && <p class="notice notice-warning multiline">{text.youDeclined(invitation.declineReason ?? text.none)}</p>}
      {quote && (
        <section aria-labelledby="own-quote-heading">
          <h2 id="own-quote-heading">{text.yourQuoteHeading}</h2>
          {quote.status === 'AWARDED' && <p class="notice notice-ok">{text.yourQuoteAwarded}</p>}
          {quote.status === 'NOT_CHOSEN' && <p class="notice notice-warning">{text.yourQuoteNotChosen}</p>}
          {quote.status === 'WITHDRAWN' && (
            <p class="notice notice-warning">
              {/* A consortium's partner reads that its lead withdrew the joint quote: it cannot submit it again itself. */}
              {ownQuote ? text.yourQuoteWithdrawn(open) : text.leadWithdrewQuote(nameOfBidder(quote, memberName), inquiry.status === 'OPEN')}
            </p>
          )}
          <dl class="facts">
            <dt>{text.rowStatus}</dt>
            <dd>{text.quote[quote.status]}</dd>
            <dt>{text.tiersLegend}</dt>
            <dd>{quote.priceTiers.map((tier) => `${text.tierFrom(number(tier.minQuantity))}: ${currency(tier.unitPrice, quote.currency)}`).join('; ')}</dd>
            <dt>{text.rowLeadTime}</dt>
            <dd>{text.days(number(quote.leadTimeDays))}</dd>
            <dt>{text.rowValidUntil}</dt>
            <dd>{date(quote.validUntil)}</dd>
            <dt>{text.rowRevision}</dt>
            <dd>{text.revisionOf(number(quote.revision), dateTime(quote.submittedAt))}</dd>
            {quote.notes && (
              <>
                <dt>{text.rowNotes}</dt>
                <dd class="multiline">{quote.notes}</dd>
              </>
            )}
          </dl>
          {quote.consortium && (
            <>
              <h3>{text.consortiumHeading}</h3>
              <ul class="partners">
                {quote.consortium.partners.map((p) => (
                  <li key={p.memberRef.id}>
                    {text.partner(memberName(p.member, p.memberRef.id), p.network, p.sharePercent === null ? text.none : share(p.sharePercent))}
                  </li>
                ))}
              </ul>
            </>
          )}
          {quote.revisions.length > 1 && (
            <>
              <h3>{text.revisionsHeading}</h3>
              <ul class="revisions">
                {quote.revisions
                  .filter((revision) => revision.revision !== quote.revision)
                  .map((revision) => (
                    <li key={revision.revision}>
                      {text.revisionOf(number(revision.revision), dateTime(revision.submittedAt))}:{' '}
                      {revision.priceTiers
                        .map((tier) => `${text.tierFrom(number(tier.minQuantity))}: ${currency(tier.unitPrice, revision.currency)}`)
                        .join('; ')}
                      , {text.days(number(revision.leadTimeDays))}
                    </li>
                  ))}
              </ul>
            </>
          )}
        </section>
      )}
      {ownQuote && inquiry.status === 'OPEN' && <WithdrawQuote inquiry={inquiry} quote={ownQuote} onWithdrawn={onSaved} />}
      {inquiry.consortia.length > 0 && <Consortia inquiry={inquiry} session={session} onChanged={onSaved} />}
      {open && !led && session.memberId && <FormConsortium inquiryId={inquiry.id} leadId={session.memberId} onFormed={onSaved} />}
      {open ? <QuoteForm inquiry={inquiry} quote={quote} led={led} onSaved={onSaved} /> : invited && !quote && <p>{text.quoteClosed}</p>}
      {declinable && <DeclineInvitation inquiry={inquiry} onDeclined={onSaved} />}
    </>
  );
}

type QuoteField = 'bidAs' | 'currency' | 'leadTimeDays' | 'validUntil' | 'notes' | 'tiers' | `tier-${number}-min` | `tier-${number}-price`;

/** The form field of a server error: input.priceTiers[1].unitPrice → tier-1-price, input.leadTimeDays → leadTimeDays. */
function quoteFieldOf(error: GraphQLErrorLike): QuoteField | undefined {
  const path = typeof error.extensions?.field === 'string' ? error.extensions.field : '';
  const tier = /^input\.priceTiers\[(\d+)\]\.(minQuantity|unitPrice)$/.exec(path);
  if (tier) return `tier-${Number(tier[1])}-${tier[2] === 'minQuantity' ? 'min' : 'price'}`;
  if (path === 'input.priceTiers') return 'tiers';
  if (path === 'input.consortiumId') return 'bidAs';
  const name = path.replace(/^input\./, '');
  return (['currency', 'leadTimeDays', 'validUntil', 'notes'] as const).find((f) => f === name);
}

function QuoteForm({
  inquiry,
  quote,
  led,
  onSaved,
}: {
  inquiry: InquiryDetail;
  quote: QuoteView | undefined;
  /** The consortium this member leads on the inquiry, if any: it may quote for it. */
  led: ConsortiumView | undefined;
  onSaved: () => void;
}) {
  const text = useInquiryText();
  const { language, number, memberName } = useLocale();
  const [values, setValues] = useState<QuoteFormValues>(() => ({
    tiers: quote
      ? quote.priceTiers.map((tier) => ({
          key: crypto.randomUUID(),
          minQuantity: String(tier.minQuantity),
          unitPrice: language === 'de' ? String(tier.unitPrice).replace('.', ',') : String(tier.unitPrice),
        }))
      : inquiry.quantities.map((q) => ({ key: crypto.randomUUID(), minQuantity: String(q.quantity), unitPrice: '' })),
    currency: quote?.currency ?? 'EUR',
    leadTimeDays: quote ? String(quote.leadTimeDays) : '',
    validUntil: quote?.validUntil ?? '',
    notes: quote?.notes ?? '',
  }));
  // The prices as typed, or as prefilled in the language the page opened in, follow a switch of language.
  useNotation(language, (from, to) =>
    setValues((v) => ({
      ...v,
      tiers: v.tiers.map((tier) => ({ ...tier, minQuantity: wholeIn(tier.minQuantity, from, to), unitPrice: amountIn(tier.unitPrice, from, to) })),
    })),
  );
  const [errors, setErrors] = useState<Partial<Record<QuoteField | 'form', Said>>>({});
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const savedNotice = useRef<HTMLParagraphElement>(null);
  const keys = useIdempotencyKeys();
  // null until the member chooses: a revision keeps how the quote was made (a revision without the
  // consortium would turn a joint quote into a lone one); a first quote is joint once the consortium is complete.
  const [bidAs, setBidAs] = useState<'alone' | 'joint' | null>(null);
  const joint = led !== undefined && (bidAs ?? (quote ? (quote.consortium ? 'joint' : 'alone') : led.complete ? 'joint' : 'alone')) === 'joint';

  const fail = (next: Partial<Record<QuoteField | 'form', Said>>) => {
    setErrors(next);
    setSaved(null);
    const first = Object.keys(next).find((key) => key !== 'form');
    const target =
      first === 'tiers' ? 'quote-tier-0-price' : first === 'bidAs' ? `quote-bidAs-${joint ? 'joint' : 'alone'}` : first ? `quote-${first}` : undefined;
    if (target) form.current?.querySelector<HTMLElement>(`#${target}`)?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const tiers = values.tiers.map((tier) => ({ minQuantity: parseWhole(tier.minQuantity, language), unitPrice: parseAmount(tier.unitPrice, language) }));
    const badMin = tiers.findIndex((tier) => Number.isNaN(tier.minQuantity));
    if (badMin >= 0) return fail({ [`tier-${badMin}-min`]: say((locale) => inquiryText(locale).tierWhole) });
    const badPrice = tiers.findIndex((tier) => Number.isNaN(tier.unitPrice));
    if (badPrice >= 0) return fail({ [`tier-${badPrice}-price`]: say((locale) => inquiryText(locale).priceFormat) });
    if (!/^\d+$/.test(values.leadTimeDays.trim())) return fail({ leadTimeDays: say((locale) => inquiryText(locale).wholeDays) });
    setBusy(true);
    const result = await request(submitQuote, {
      inquiryId: inquiry.id,
      input: {
        priceTiers: tiers,
        currency: values.currency,
        leadTimeDays: Number(values.leadTimeDays),
        validUntil: values.validUntil,
        notes: values.notes.trim() || null,
        ...(joint && led ? { consortiumId: led.id } : {}),
      },
      ...(quote ? { version: quote.version } : {}),
      idempotencyKey: keys.of(),
    });
    setBusy(false);
    keys.settle('form', result.errors);
    const submitted = result.data?.submitQuote;
    if (submitted) {
      setErrors({});
      setSaved(submitted.revision);
      // The button was disabled while the quote went out, and the keyboard's focus with it: to the notice, once shown.
      requestAnimationFrame(() => savedNotice.current?.focus());
      return onSaved();
    }
    const error = result.errors[0];
    const field = error && quoteFieldOf(error);
    // Valid until before the deadline's day is ORDER against a field this form does not have: the rule said instead.
    if (field === 'validUntil' && error.extensions?.reason === 'ORDER')
      return fail({ validUntil: say((locale: Locale) => inquiryText(locale).validUntilDeadline(locale.day(inquiry.quoteDeadline))) });
    if (field) return fail({ [field]: sayError(error) });
    if (error?.extensions?.code === 'CONFLICT' && error.extensions.field === 'version')
      return fail({ form: say((locale) => inquiryText(locale).changedMeanwhile) });
    return fail({ form: sayFailure(result.errors) });
  };

  const errorAt = (field: QuoteField) =>
    errors[field] && (
      <p class="field-error" id={`quote-${field}-error`}>
        {errors[field]}
      </p>
    );
  const invalid = (field: QuoteField) =>
    errors[field]
      ? { 'aria-invalid': 'true' as const, 'aria-describedby': `quote-${field}-error` }
      : { 'aria-invalid': undefined, 'aria-describedby': undefined };
  const setTier = (index: number, key: 'minQuantity' | 'unitPrice', value: string) =>
    setValues({ ...values, tiers: values.tiers.map((tier, i) => (i === index ? { ...tier, [key]: value } : tier)) });
  const withdrawn = quote?.status === 'WITHDRAWN';
  const heading = withdrawn ? text.resubmitFormHeading : quote ? text.reviseFormHeading : text.quoteFormHeading;

  return (
    <section aria-labelledby="quote-form-heading">
      <h2 id="quote-form-heading">{heading}</h2>
      <form ref={form} class="quote-form" onSubmit={submit} noValidate aria-labelledby="quote-form-heading">
        {errors.form && (
          <p class="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        {led && (
          <fieldset class="checkboxes" aria-describedby={errors.bidAs ? 'quote-bidAs-error' : led.complete ? undefined : 'quote-bidAs-hint'}>
            <legend>{text.bidAsLegend}</legend>
            <label>
              <input id="quote-bidAs-alone" type="radio" name="bidAs" checked={!joint} onChange={() => setBidAs('alone')} />
              {text.bidAlone}
            </label>
            <label>
              <input id="quote-bidAs-joint" type="radio" name="bidAs" checked={joint} onChange={() => setBidAs('joint')} />
              {text.bidJoint(
                led.partners
                  .filter((p) => p.memberRef.id !== led.leadRef.id)
                  .map((p) => `${memberName(p.member, p.memberRef.id)} (${p.network})`)
                  .join(', '),
              )}
            </label>
            {!led.complete && (
              <p class="hint" id="quote-bidAs-hint">
                {text.bidJointIncomplete}
              </p>
            )}
            {errorAt('bidAs')}
          </fieldset>
        )}
        <fieldset class="tiers">
          <legend>{text.tiersLegend}</legend>
          {errorAt('tiers')}
          {values.tiers.map((tier, index) => (
            <div class="field-row" key={tier.key}>
              <div class="field">
                <label for={`quote-tier-${index}-min`}>{text.tierMin(index + 1)}</label>
                <input
                  id={`quote-tier-${index}-min`}
                  type="text"
                  inputMode="numeric"
                  value={tier.minQuantity}
                  onInput={(e) => setTier(index, 'minQuantity', e.currentTarget.value)}
                  {...invalid(`tier-${index}-min`)}
                />
                {errorAt(`tier-${index}-min`)}
              </div>
              <div class="field">
                <label for={`quote-tier-${index}-price`}>{text.tierFrom(number(parseWhole(tier.minQuantity, language) || index + 1))}</label>
                <input
                  id={`quote-tier-${index}-price`}
                  type="text"
                  inputMode="decimal"
                  value={tier.unitPrice}
                  onInput={(e) => setTier(index, 'unitPrice', e.currentTarget.value)}
                  {...invalid(`tier-${index}-price`)}
                />
                {errorAt(`tier-${index}-price`)}
              </div>
            </div>
          ))}
        </fieldset>
        <div class="field-row">
          <div class="field">
            <label for="quote-currency">{text.currency}</label>
            <select
              id="quote-currency"
              value={values.currency}
              onChange={(e) => setValues({ ...values, currency: e.currentTarget.value })}
              {...invalid('currency')}
            >
              {['EUR', 'CHF', 'USD', 'GBP', 'PLN', 'CZK'].map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
            {errorAt('currency')}
          </div>
          <div class="field">
            <label for="quote-leadTimeDays">{text.leadTimeDays}</label>
            <input
              id="quote-leadTimeDays"
              type="text"
              inputMode="numeric"
              value={values.leadTimeDays}
              onInput={(e) => setValues({ ...values, leadTimeDays: e.currentTarget.value })}
              {...invalid('leadTimeDays')}
            />
            {errorAt('leadTimeDays')}
          </div>
          <div class="field">
            <label for="quote-validUntil">{text.validUntil}</label>
            <input
              id="quote-validUntil"
              type="date"
              value={values.validUntil}
              onInput={(e) => setValues({ ...values, validUntil: e.currentTarget.value })}
              {...invalid('validUntil')}
            />
            {errorAt('validUntil')}
          </div>
        </div>
        <div class="field">
          <label for="quote-notes">{text.notes}</label>
          <textarea
            id="quote-notes"
            rows={3}
            value={values.notes}
            onInput={(e) => setValues({ ...values, notes: e.currentTarget.value })}
            {...invalid('notes')}
          />
          {errorAt('notes')}
        </div>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? text.submitting : withdrawn ? text.resubmitQuote : quote ? text.reviseQuote : text.submitQuote}
          </button>
        </div>
        <div role="status">
          {saved !== null && (
            <p class="notice notice-ok" ref={savedNotice} tabIndex={-1}>
              {text.quoteSaved(saved)}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}

/** What the accepted partners' shares of a consortium sum to. */
const sum = (consortium: ConsortiumView) => consortium.partners.reduce((total, p) => total + (p.status === 'ACCEPTED' ? (p.sharePercent ?? 0) : 0), 0);

/** The consortia a member leads or is asked into, and its answer to a request (respondToConsortium). */
function Consortia({ inquiry, session, onChanged }: { inquiry: InquiryDetail; session: Session; onChanged: () => void }) {
  const text = useInquiryText();
  const { memberName, share } = useLocale();
  return (
    <section aria-labelledby="consortia-heading">
      <h2 id="consortia-heading">{text.consortiaHeading}</h2>
      {inquiry.consortia.map((consortium) => {
        const own = consortium.partners.find((p) => p.memberRef.id === session.memberId);
        return (
          <article key={consortium.id} class="consortium" aria-label={text.ledBy(memberName(consortium.lead, consortium.leadRef.id))}>
            <h3>{text.ledBy(memberName(consortium.lead, consortium.leadRef.id))}</h3>
            <ul class="partners">
              {consortium.partners.map((p) => (
                <li key={p.memberRef.id}>
                  {text.partnerLine(memberName(p.member, p.memberRef.id), p.network, text.partnerStatus[p.status])}
                  {p.status === 'ACCEPTED' && text.partnerShare(p.processes.join(', '), share(p.sharePercent ?? 0))}
                </li>
              ))}
            </ul>
            <p>
              {consortium.complete ? text.consortiumComplete : text.consortiumIncomplete}
              {!consortium.complete && sum(consortium) > 0 && ` ${text.sharesSum(share(sum(consortium), 10))}`}
            </p>
            {own && inquiry.status === 'OPEN' && !inquiry.quotes.some((q) => q.consortium?.id === consortium.id) && (
              <ConsortiumAnswer
                inquiry={inquiry}
                consortiumId={consortium.id}
                answered={own.status}
                lead={consortium.leadRef.id === session.memberId}
                onChanged={onChanged}
              />
            )}
          </article>
        );
      })}
    </section>
  );
}

function ConsortiumAnswer({
  inquiry,
  consortiumId,
  answered,
  lead,
  onChanged,
}: {
  inquiry: InquiryDetail;
  consortiumId: string;
  answered: ConsortiumPartnerStatus;
  lead: boolean;
  onChanged: () => void;
}) {
  const text = useInquiryText();
  const { language } = useLocale();
  const [processes, setProcesses] = useState<string[]>([]);
  const [share, setShare] = useState('');
  useNotation(language, (from, to) => setShare((written) => amountIn(written, from, to)));
  const [errors, setErrors] = useState<Partial<Record<'processes' | 'sharePercent' | 'form', Said>>>({});
  const [saved, setSaved] = useState<'ACCEPTED' | 'DECLINED' | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const id = (name: string) => `consortium-${consortiumId}-${name}`;

  const fail = (next: typeof errors) => {
    setErrors(next);
    setSaved(null);
    if (next.processes) form.current?.querySelector<HTMLElement>('input[type="checkbox"]')?.focus();
    else if (next.sharePercent) form.current?.querySelector<HTMLElement>(`#${CSS.escape(id('share'))}`)?.focus();
  };
  const send = async (accept: boolean) => {
    const sharePercent = parseAmount(share, language);
    if (accept && share.trim() !== '' && Number.isNaN(sharePercent)) return fail({ sharePercent: say((locale) => inquiryText(locale).shareFormat) });
    setBusy(true);
    const result = await request(
      respondToConsortium,
      accept ? { consortiumId, accept, processes, ...(share.trim() === '' ? {} : { sharePercent }) } : { consortiumId, accept },
    );
    setBusy(false);
    const consortium = result.data?.respondToConsortium;
    if (consortium) {
      setErrors({});
      setSaved(accept ? 'ACCEPTED' : 'DECLINED');
      return onChanged();
    }
    const error = result.errors[0];
    const field = error?.extensions?.field;
    if (field === 'processes' || field === 'sharePercent') return fail({ [field]: sayError(error) });
    return fail({ form: sayFailure(result.errors) });
  };

  return (
    <form
      ref={form}
      class="consortium-answer"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send(true);
      }}
    >
      <h4>{text.respondHeading}</h4>
      {answered === 'INVITED' && <p>{lead ? text.leadIntro : text.respondIntro}</p>}
      {errors.form && (
        <p class="notice notice-error" role="alert">
          {errors.form}
        </p>
      )}
      <fieldset class="checkboxes" aria-describedby={errors.processes ? id('processes-error') : undefined}>
        <legend>{text.yourProcesses}</legend>
        {inquiry.processes.map((code) => (
          <label key={code}>
            <input
              type="checkbox"
              name="processes"
              value={code}
              checked={processes.includes(code)}
              onChange={(e) => setProcesses(e.currentTarget.checked ? [...processes, code] : processes.filter((c) => c !== code))}
            />
            {code} {processName(code, language)}
          </label>
        ))}
      </fieldset>
      {errors.processes && (
        <p class="field-error" id={id('processes-error')}>
          {errors.processes}
        </p>
      )}
      <div class="field">
        <label for={id('share')}>{text.shareLabel}</label>
        <input
          id={id('share')}
          type="text"
          inputMode="decimal"
          value={share}
          onInput={(e) => setShare(e.currentTarget.value)}
          aria-invalid={errors.sharePercent ? 'true' : undefined}
          aria-describedby={errors.sharePercent ? id('share-error') : undefined}
        />
        {errors.sharePercent && (
          <p class="field-error" id={id('share-error')}>
            {errors.sharePercent}
          </p>
        )}
      </div>
      <div class="actions">
        <button type="submit" disabled={busy}>
          {text.accept}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => send(false)}>
          {text.decline}
        </button>
      </div>
      <div role="status">{saved && <p class="notice notice-ok">{text.responded(text.partnerStatus[saved])}</p>}</div>
    </form>
  );
}
