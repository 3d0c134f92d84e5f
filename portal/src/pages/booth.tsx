import { useRef, useState } from 'preact/hooks';
import { useConfirmDialog } from '../components/confirm-dialog.ts';
import { ErrorNotice, NetworkNotice } from '../components/notices.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { DataTable, ListState } from '../components/data-table.tsx';
import { request } from '../graphql.ts';
import {
  cancelBoothRegistration,
  confirmBoothRegistration,
  declineBoothRegistration,
  registerForBooth,
  tradeFairList,
  tradeFairPage,
  type BoothRegistrationView,
  type TradeFairView,
} from '../operations.ts';
import { paths } from '../router.ts';
import { type Said, say, sayError, sayFailure } from '../said.tsx';
import { useSession, type Session } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useReloadable } from '../use-query.ts';
import { errorField, euros, Field, inCooperation, SignInFirst } from './cooperation.tsx';
import { cooperationText, useCooperationText } from './cooperation-messages.ts';
import { useFieldFocus } from '../use-field-focus.ts';

// Trade fairs with the region's joint booth (/messen) and one fair's booth (/messen/<fair id>): the area left, a
// member's registration with area, products and the contact at the booth (the graph's errors at their field; more
// area than is left is a CONFLICT naming remainingAreaM2, shown at the area), the registrations the caller may see
// (the organiser all of them, to confirm or decline; a member its own, to withdraw; one that has used up its
// registrations, registrationsLeft 0, a notice whom to ask instead of the form), and the cost split per
// exhibitor and per network with the CSV and print-catalogue downloads (README "Joint trade-fair booths").

export function TradeFairsPage() {
  const text = useCooperationText();
  const { dateTime, day, number } = useLocale();
  const { session } = useSession();
  const list = useReloadable(tradeFairList, session?.signedIn ? {} : undefined);
  if (session && (!session.signedIn || !inCooperation(session))) return <SignInFirst heading={text.fairsHeading}>{text.fairsSignIn}</SignInFirst>;
  return (
    <>
      <h1>{text.fairsHeading}</h1>
      <p class="lead">{text.fairsIntro}</p>
      <ErrorNotice errors={list.errors} />
      <ListState loading={!session || list.loading} list={list.data?.tradeFairs} empty={text.fairsEmpty}>
        {(fairs) => (
          <ul class="fair-list">
            {fairs.map((fair) => (
              <li key={fair.id} class="group-card">
                <h2>
                  <a href={paths.tradeFair(fair.id)}>{fair.name}</a>
                </h2>
                <p>
                  {fair.city}, {day(fair.startsAt)} – {day(fair.endsAt)}
                </p>
                <p class="muted">
                  {text.boothArea(number(fair.booth.totalAreaM2), number(fair.booth.remainingAreaM2))} ·{' '}
                  {fair.registrationOpen ? text.registrationOpenUntil(dateTime(fair.registrationDeadline)) : text.registrationClosed}
                </p>
              </li>
            ))}
          </ul>
        )}
      </ListState>
    </>
  );
}

const mayDecide = (session: Session, booth: TradeFairView['booth']) =>
  session.role === 'admin' || (session.role === 'office' && booth.organiser !== null && booth.organiser.code === session.network);

export function BoothPage({ id }: { id: string }) {
  const text = useCooperationText();
  const { t, dateTime, day, number } = useLocale();
  const { session } = useSession();
  const loaded = useReloadable(tradeFairPage, session?.signedIn ? { id } : undefined);
  const [registered, setRegistered] = useState(false);
  if (session && (!session.signedIn || !inCooperation(session))) return <SignInFirst heading={text.fairsHeading}>{text.fairsSignIn}</SignInFirst>;
  const fair = loaded.data?.tradeFair;
  const back = (
    <p>
      <a href={paths.tradeFairs}>{text.backToFairs}</a>
    </p>
  );
  if (!fair || !session) {
    return (
      <>
        {back}
        {!session || loaded.loading ? (
          <p aria-busy="true">{t.loading}</p>
        ) : (
          <>
            <h1>{text.fairsHeading}</h1>
            <ErrorNotice errors={loaded.errors} />
            {loaded.errors.length === 0 && <p>{text.fairNotFound}</p>}
          </>
        )}
      </>
    );
  }
  const { booth } = fair;
  const own = booth.registrations.find((r) => r.memberRef.id === session.memberId && (r.status === 'PENDING' || r.status === 'CONFIRMED'));
  return (
    <>
      {back}
      <h1>{fair.name}</h1>
      <dl class="facts">
        <dt>{text.where}</dt>
        <dd>{fair.city}</dd>
        <dt>{text.when}</dt>
        <dd>
          <time dateTime={fair.startsAt}>{day(fair.startsAt)}</time> – <time dateTime={fair.endsAt}>{day(fair.endsAt)}</time>
        </dd>
        <dt>{text.deadline}</dt>
        <dd>
          <time dateTime={fair.registrationDeadline}>{dateTime(fair.registrationDeadline)}</time>
        </dd>
        <dt>{text.organiser}</dt>
        <dd>{booth.organiser ? text.ledByOffice(booth.organiser.code) : text.organiserRegion}</dd>
        <dt>{text.boothAreaLabel}</dt>
        <dd class="booth-area">{text.boothArea(number(booth.totalAreaM2), number(booth.remainingAreaM2))}</dd>
      </dl>
      <NetworkNotice errors={loaded.errors} />
      <ErrorNotice errors={loaded.errors} />
      <p role="status" class="booth-registered">
        {registered && text.boothRegistered}
      </p>
      {session.role === 'member' &&
        !own &&
        (!fair.registrationOpen ? (
          <p>{text.registrationClosed}</p>
        ) : booth.registrationsLeft === 0 ? (
          <p class="notice booth-used-up">{text.registrationsUsedUp}</p>
        ) : (
          <BoothRegistrationForm
            booth={booth}
            onRegistered={() => {
              setRegistered(true);
              loaded.reload();
            }}
          />
        ))}
      <Registrations
        booth={booth}
        session={session}
        open={fair.registrationOpen}
        onChange={() => {
          // A withdrawal (or a decision) changes what the member registered: "your registration has arrived" no longer holds.
          setRegistered(false);
          loaded.reload();
        }}
      />
      <CostSplit booth={booth} />
    </>
  );
}

type BoothField = 'areaM2' | 'products' | 'contactName' | 'contactEmail' | 'contactPhone';
const boothFieldOrder: BoothField[] = ['areaM2', 'products', 'contactName', 'contactEmail', 'contactPhone'];
const boothFieldOfError: Record<string, BoothField> = {
  areaM2: 'areaM2',
  products: 'products',
  'contact.name': 'contactName',
  'contact.email': 'contactEmail',
  'contact.phone': 'contactPhone',
};

function BoothRegistrationForm({ booth, onRegistered }: { booth: TradeFairView['booth']; onRegistered: () => void }) {
  const text = useCooperationText();
  const { t, number } = useLocale();
  const { session } = useSession();
  const [values, setValues] = useState<Record<BoothField, string>>({
    areaM2: '',
    products: '',
    contactName: session?.name ?? '',
    contactEmail: session?.email ?? '',
    contactPhone: '',
  });
  const [errors, setErrors] = useState<Partial<Record<BoothField | 'form', Said>>>({});
  const [busy, setBusy] = useState(false);
  const { inputs, focusFirst } = useFieldFocus(boothFieldOrder);

  const fail = (next: Partial<Record<BoothField | 'form', Said>>) => {
    setErrors(next);
    focusFirst(next);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const area = values.areaM2.trim();
    if (!/^\d+$/.test(area)) return fail({ areaM2: say((locale) => cooperationText(locale).areaWhole) });
    setBusy(true);
    const result = await request(registerForBooth, {
      boothId: booth.id,
      input: {
        areaM2: Number(area),
        products: values.products
          .split('\n')
          .map((p) => p.trim())
          .filter(Boolean),
        contact: { name: values.contactName, email: values.contactEmail, phone: values.contactPhone.trim() || null },
      },
    });
    setBusy(false);
    if (result.data?.registerForBooth) {
      setErrors({});
      return onRegistered();
    }
    const error = result.errors[0];
    const remaining = error?.extensions?.remainingAreaM2;
    if (typeof remaining === 'number') {
      return fail({
        areaM2: say((locale) => (remaining > 0 ? cooperationText(locale).areaTooLarge(locale.number(remaining)) : cooperationText(locale).boothFull)),
      });
    }
    const field = boothFieldOfError[errorField(error) ?? ''];
    if (field) return fail({ [field]: sayError(error) });
    fail({ form: sayFailure(result.errors) });
  };

  const field = (
    name: BoothField,
    label: string,
    options: { hint?: string; multiline?: boolean; type?: 'text' | 'email' | 'tel'; required?: boolean; autocomplete?: string } = {},
  ) => (
    <Field
      id={`booth-${name}`}
      label={label}
      value={values[name]}
      onInput={(value) => setValues({ ...values, [name]: value })}
      error={errors[name]}
      inputRef={(e) => {
        inputs.current[name] = e;
      }}
      inputMode={name === 'areaM2' ? 'numeric' : undefined}
      {...options}
    />
  );

  return (
    <section aria-labelledby="booth-register-heading">
      <h2 id="booth-register-heading">{text.boothRegisterHeading}</h2>
      <form class="booth-form" onSubmit={submit} noValidate aria-labelledby="booth-register-heading">
        {errors.form && (
          <p class="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        {field('areaM2', text.area, { required: true, hint: text.areaLeft(number(booth.remainingAreaM2)) })}
        {field('products', text.products, { required: true, multiline: true })}
        <div class="field-row">
          {field('contactName', text.contactName, { required: true, autocomplete: 'name' })}
          {field('contactEmail', text.contactEmail, { required: true, type: 'email', autocomplete: 'email' })}
          {field('contactPhone', text.contactPhone, { type: 'tel', autocomplete: 'tel' })}
        </div>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? t.loading : text.boothRegisterButton}
          </button>
        </div>
      </form>
    </section>
  );
}

function Registrations({ booth, session, open, onChange }: { booth: TradeFairView['booth']; session: Session; open: boolean; onChange: () => void }) {
  const text = useCooperationText();
  const { number, memberName } = useLocale();
  const [status, setStatus] = useState<Said | null>(null);
  const [error, setError] = useState<Said | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const decider = mayDecide(session, booth);
  // A decline (with the reason the member reads) and a withdrawal are asked first; a confirmation is not, as it frees nothing.
  const question = useConfirmDialog<{ registration: BoothRegistrationView; action: 'decline' | 'cancel' }>();
  // The reason typed, and for which registration: kept after "Abbrechen" or a failed request, to send again.
  const [reason, setReason] = useState<{ id: string; text: string }>({ id: '', text: '' });
  const [busy, setBusy] = useState(false);

  const act = async (registration: BoothRegistrationView, action: 'confirm' | 'decline' | 'cancel') => {
    if (busy) return;
    setBusy(true);
    const result =
      action === 'confirm'
        ? await request(confirmBoothRegistration, { id: registration.id })
        : action === 'decline'
          ? await request(declineBoothRegistration, { id: registration.id, ...(reason.text.trim() ? { reason: reason.text.trim() } : {}) })
          : await request(cancelBoothRegistration, { id: registration.id });
    setBusy(false);
    question.close();
    const changed = result.data && Object.values(result.data)[0];
    if (!changed) {
      setError(sayFailure(result.errors));
      heading.current?.focus();
      return;
    }
    setReason({ id: '', text: '' });
    setError(null);
    setStatus(
      say((locale) => {
        const text = cooperationText(locale);
        return text.decided(locale.memberName(changed.member, changed.memberRef.id), text.boothStatus[changed.status]);
      }),
    );
    // The row's buttons go away with its decision: the keyboard continues at the table's heading.
    heading.current?.focus();
    onChange();
  };

  return (
    <section aria-labelledby="booth-registrations-heading">
      <h2 id="booth-registrations-heading" ref={heading} tabIndex={-1}>
        {text.registrationsHeading}
      </h2>
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" class="booth-status">
        {status}
      </p>
      {booth.registrations.length === 0 ? (
        <p>{text.noRegistrations}</p>
      ) : (
        <DataTable
          caption={text.registrationsHeading}
          columns={[
            text.columnMember,
            text.columnNetwork,
            { label: text.columnArea, class: 'number' },
            text.columnProducts,
            text.columnContact,
            text.columnStatus,
            text.columnActions,
          ]}
          class="booth-registrations"
          scrollClass="booth-scroll"
        >
          {booth.registrations.map((r) => (
            <tr key={r.id} data-id={r.id} data-status={r.status}>
              <th scope="row">{memberName(r.member, r.memberRef.id)}</th>
              <td>{r.network.code}</td>
              <td class="number">{text.m2(number(r.areaM2))}</td>
              <td>{r.products.join(', ')}</td>
              <td>
                {r.contact.name}, <a href={`mailto:${r.contact.email}`}>{r.contact.email}</a>
                {r.contact.phone && <>, {r.contact.phone}</>}
              </td>
              <td>
                {text.boothStatus[r.status]}
                {r.declineReason && <span class="muted"> ({r.declineReason})</span>}
              </td>
              <td>
                {/* A flex box of its own: display: flex on the cell took it out of the row, whose bottom border it missed. */}
                <div class="row-actions">
                  {decider && r.status === 'PENDING' && (
                    <>
                      <button type="button" onClick={() => act(r, 'confirm')}>
                        {text.confirm(memberName(r.member, r.memberRef.id))}
                      </button>
                      <button
                        type="button"
                        class="secondary"
                        onClick={() => {
                          // A reason typed for another registration is not this one's.
                          if (reason.id !== r.id) setReason({ id: r.id, text: '' });
                          question.ask({ registration: r, action: 'decline' });
                        }}
                      >
                        {text.decline(memberName(r.member, r.memberRef.id))}
                      </button>
                    </>
                  )}
                  {!decider && open && r.memberRef.id === session.memberId && (r.status === 'PENDING' || r.status === 'CONFIRMED') && (
                    <button type="button" class="secondary" onClick={() => question.ask({ registration: r, action: 'cancel' })}>
                      {text.withdraw}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {/* Once sent, the step is on its way: neither Escape nor "Abbrechen" may seem to take it back. */}
      <dialog
        ref={question.dialog}
        class="confirm"
        aria-labelledby="booth-question"
        onClose={question.closed}
        onCancel={(e) => busy && e.preventDefault()}
        aria-busy={busy ? 'true' : undefined}
      >
        {question.subject && (
          <form
            method="dialog"
            onSubmit={(e) => {
              e.preventDefault();
              if (question.subject) act(question.subject.registration, question.subject.action);
            }}
          >
            <p id="booth-question">
              {question.subject.action === 'decline'
                ? text.declineQuestion(memberName(question.subject.registration.member, question.subject.registration.memberRef.id))
                : text.withdrawQuestion}
            </p>
            {question.subject.action === 'decline' && (
              <div class="field">
                <label for="booth-decline-reason">{text.declineReason}</label>
                <textarea
                  id="booth-decline-reason"
                  rows={3}
                  maxLength={500}
                  value={reason.text}
                  onInput={(e) => setReason({ id: reason.id, text: (e.currentTarget as HTMLTextAreaElement).value })}
                />
              </div>
            )}
            <div class="actions">
              <button type="submit" aria-disabled={busy ? 'true' : undefined}>
                {question.subject.action === 'decline'
                  ? text.decline(memberName(question.subject.registration.member, question.subject.registration.memberRef.id))
                  : text.withdraw}
              </button>
              {/* The safe choice has the focus when the dialog opens: Enter alone changes nothing. */}
              <button type="button" class="link-button" autofocus disabled={busy} onClick={question.close}>
                {text.cancelQuestion}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </section>
  );
}

function CostSplit({ booth }: { booth: TradeFairView['booth'] }) {
  const text = useCooperationText();
  const { number, currency, memberName } = useLocale();
  const split = booth.costSplit;
  const eur = (cents: number) => euros(currency, cents);
  return (
    <section aria-labelledby="booth-costs-heading" class="cost-split">
      <h2 id="booth-costs-heading">{text.costsHeading}</h2>
      <p>{text.costsIntro(eur(booth.fixedCostsCents), eur(booth.baseFeeCents))}</p>
      {split.exhibitors.length === 0 ? (
        <p>{text.costsNone}</p>
      ) : (
        <>
          <TableScroll label={text.columnExhibitors} class="booth-scroll">
            <table class="costs-exhibitors">
              <caption>{text.columnExhibitors}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.columnMember}</th>
                  <th scope="col" class="number">
                    {text.columnArea}
                  </th>
                  <th scope="col" class="number">
                    {text.columnBaseFee}
                  </th>
                  <th scope="col" class="number">
                    {text.columnAreaShare}
                  </th>
                  <th scope="col" class="number">
                    {text.columnTotal}
                  </th>
                </tr>
              </thead>
              <tbody>
                {split.exhibitors.map((line) => (
                  <tr key={line.registration.id}>
                    <th scope="row">{memberName(line.registration.member, line.registration.memberRef.id)}</th>
                    <td class="number">{text.m2(number(line.areaM2))}</td>
                    <td class="number">{eur(line.baseFeeCents)}</td>
                    <td class="number">{eur(line.areaShareCents)}</td>
                    <td class="number">{eur(line.totalCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{text.costsTotal}</th>
                  <td class="number">{text.m2(number(split.confirmedAreaM2))}</td>
                  <td class="number">{eur(split.baseFeesCents)}</td>
                  <td class="number">{eur(split.sharedCents)}</td>
                  <td class="number costs-total">{eur(split.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
          {split.networks.length > 0 && (
            <TableScroll label={text.costsPerNetwork} class="booth-scroll">
              <table class="costs-networks">
                <caption>{text.costsPerNetwork}</caption>
                <thead>
                  <tr>
                    <th scope="col">{text.columnNetwork}</th>
                    <th scope="col" class="number">
                      {text.columnExhibitors}
                    </th>
                    <th scope="col" class="number">
                      {text.columnArea}
                    </th>
                    <th scope="col" class="number">
                      {text.columnTotal}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {split.networks.map((line) => (
                    <tr key={line.network.code}>
                      <th scope="row">{line.network.code}</th>
                      <td class="number">{number(line.exhibitors)}</td>
                      <td class="number">{text.m2(number(line.areaM2))}</td>
                      <td class="number">{eur(line.totalCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
      <ul class="downloads">
        <li>
          <a href={booth.costsCsvPath} download>
            {text.costsCsv}
          </a>
        </li>
        <li>
          <a href={`${booth.costsCsvPath}&form=excel`} download>
            {text.costsExcel}
          </a>
        </li>
        <li>
          <a href={booth.catalogueCsvPath} download>
            {text.catalogueCsv}
          </a>
        </li>
        <li>
          <a href={`${booth.catalogueCsvPath}&form=excel`} download>
            {text.catalogueExcel}
          </a>
        </li>
        <li>
          <a href={booth.cataloguePrintPath} data-external target="_blank" rel="noopener">
            {text.cataloguePrint}
          </a>
        </li>
      </ul>
    </section>
  );
}
