import { useRef, useState } from 'preact/hooks';
import { parseQuantities, quantitiesIn } from '../amounts.ts';
import { useNotation } from '../use-notation.ts';
import { useIdempotencyKeys } from '../retry-key.ts';
import { CheckboxGroup, MaterialSelect, ProcessPicker } from '../components/pickers.tsx';
import { certificates } from '../catalog.ts';
import { request, type GraphQLErrorLike } from '../graphql.ts';
import { ErrorNotice, NetworkNotice } from '../components/notices.tsx';
import { createInquiry, type InquiryDetail, inquiryDetail, type InquiryInput, type InquiryPatch, type Tolerance, updateInquiry } from '../operations.ts';
import { navigate, paths } from '../router.ts';
import { blankRequired, type Said, say, sayError, sayFailure } from '../said.tsx';
import { fieldErrorText } from '../field-errors.ts';
import { useSession } from '../session.ts';
import type { Locale } from '../i18n.ts';
import { useLocale } from '../use-locale.ts';
import { useReloadable } from '../use-query.ts';
import { inquiryDateLimits } from '../inquiry-dates.ts';
import { regionDateTime, regionInstant } from '../region-clock.ts';
import { mayCreateInquiry, SignInFirst, sayConflict } from './inquiry-common.tsx';
import { inquiryText, useInquiryText } from './inquiry-messages.ts';

// A customer's new inquiry, saved as a DRAFT; its page then takes the drawings and publishes it. The same form
// changes a draft (updateInquiry, /anfragen/<id>/bearbeiten), sending only the fields changed, its delivery postal code
// among them. The portal checks only what it must to build the input (whole quantities); every
// other error is the server's (BAD_USER_INPUT with extensions.field), shown at its field, which gets the focus.

type FieldName =
  | 'title'
  | 'partDescription'
  | 'processes'
  | 'material'
  | 'quantities'
  | 'tolerance'
  | 'certifications'
  | 'documents'
  | 'ppapLevel'
  | 'postalCode'
  | 'deliveryDate'
  | 'quoteDeadline';
type Errors = Partial<Record<FieldName | 'form', Said>>;

const fieldOrder: FieldName[] = [
  'title',
  'partDescription',
  'processes',
  'material',
  'quantities',
  'tolerance',
  'certifications',
  'documents',
  'ppapLevel',
  'postalCode',
  'deliveryDate',
  'quoteDeadline',
];
const tolerances: Tolerance[] = ['COARSE', 'MEDIUM', 'FINE', 'PRECISION'];

/** The form field of a server error: input.deliveryLocation.postalCode → postalCode, input.quantities[0].quantity → quantities. */
function fieldOf(error: GraphQLErrorLike): FieldName | undefined {
  const path = typeof error.extensions?.field === 'string' ? error.extensions.field : '';
  const name = /^(?:input\.)?([A-Za-z]+)/.exec(path)?.[1];
  if (name === 'deliveryLocation') return 'postalCode';
  return fieldOrder.find((f) => f === name);
}

/** The form's fields as typed: empty for a new inquiry, a draft's own for a change. */
function formValues(inquiry: InquiryDetail | undefined) {
  return {
    title: inquiry?.title ?? '',
    partDescription: inquiry?.partDescription ?? '',
    material: inquiry?.material ?? '',
    quantities: inquiry ? inquiry.quantities.map((q) => q.quantity).join(', ') : '',
    tolerance: inquiry?.tolerance ?? '',
    documents: inquiry ? inquiry.documents.join('\n') : '',
    ppapLevel: inquiry?.ppapLevel == null ? '' : String(inquiry.ppapLevel),
    postalCode: inquiry?.deliveryPostalCode ?? '',
    deliveryDate: inquiry?.deliveryDate ?? '',
    quoteDeadline: inquiry ? regionDateTime(inquiry.quoteDeadline) : '',
  };
}

/**
 * What a server error at a field says. A delivery date on the quote deadline's day is ORDER against the deadline, whose
 * general words ("contradicts 'Quotes until' (such as an end before its start)") did not say the rule: after the
 * deadline's day, in the region's time zone (locale.day), as the server counts it.
 */
function fieldError(error: GraphQLErrorLike, field: FieldName, deadline: string): Said {
  if (field === 'deliveryDate' && error.extensions?.reason === 'ORDER' && !Number.isNaN(Date.parse(deadline)))
    return say((locale: Locale) => inquiryText(locale).deliveryAfterDeadline(locale.day(deadline)));
  return sayError(error, (locale) => inquiryText(locale).field);
}

export function NewInquiryPage() {
  const text = useInquiryText();
  const { session } = useSession();
  if (session && !session.signedIn) return <SignInFirst heading={text.newHeading} />;
  if (session && !mayCreateInquiry(session)) {
    return (
      <>
        <h1>{text.newHeading}</h1>
        <p>{text.newNotAllowed}</p>
      </>
    );
  }
  return <InquiryForm />;
}

/** A draft's change: the form filled with the draft; an inquiry published meanwhile is not changed. */
export function EditInquiryPage({ id }: { id: string }) {
  const text = useInquiryText();
  const { t } = useLocale();
  const { session } = useSession();
  const detail = useReloadable(inquiryDetail, session?.signedIn ? { id } : undefined);
  if (session && !session.signedIn) return <SignInFirst heading={text.editHeading} />;
  const inquiry = detail.data?.inquiry;
  const back = (
    <p>
      <a href={paths.inquiry(id)}>{text.backToInquiry}</a>
    </p>
  );
  if (!session || (detail.loading && !inquiry))
    return (
      <>
        {back}
        <h1>{text.editHeading}</h1>
        <p aria-busy="true">{t.loading}</p>
      </>
    );
  if (inquiry?.status !== 'DRAFT')
    return (
      <>
        {back}
        <h1>{text.editHeading}</h1>
        <NetworkNotice errors={detail.errors} />
        <ErrorNotice errors={detail.errors} />
        {!detail.errors.length && <p>{inquiry ? text.notADraft : text.notFound}</p>}
      </>
    );
  return <InquiryForm inquiry={inquiry} />;
}

function InquiryForm({ inquiry }: { inquiry?: InquiryDetail }) {
  const text = useInquiryText();
  const { t, language, clockHint } = useLocale();
  const [initial] = useState(() => formValues(inquiry));
  const [values, setValues] = useState(initial);
  // The quantities as typed follow a switch of language: English "2,500" read after a switch to German was 2 and 500.
  useNotation(language, (from, to) => setValues((v) => ({ ...v, quantities: quantitiesIn(v.quantities, from, to) })));
  const [processes, setProcesses] = useState<string[]>(inquiry?.processes ?? []);
  const [certifications, setCertifications] = useState<string[]>(inquiry?.certifications ?? []);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  // A press after an answer that leaves the inquiry possibly created is a retry (the same key), not a second inquiry.
  const keys = useIdempotencyKeys();
  const form = useRef<HTMLFormElement>(null);

  const fail = (next: Errors) => {
    setErrors(next);
    const first = fieldOrder.find((f) => next[f]);
    // The process tree's boxes lie in closed groups, where nothing can have the focus: the tree itself takes it, once
    // shown with its error (ProcessPicker's errorId), whose screen reader then reads the error with the legend.
    if (first === 'processes') requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('#inquiry-processes')?.focus());
    // The field itself, or a fieldset's first checkbox, so its error is read out there.
    else if (first) form.current?.querySelector<HTMLElement>(`#inquiry-${first}, #inquiry-${first}-group input`)?.focus();
    else form.current?.querySelector<HTMLElement>('.notice-error')?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    // Every required field left blank at once, and a part without a process: the server named the first it checks.
    // A draft placed by coordinates through the API has no postal code to keep: left empty, its place stays.
    const postalCode = !inquiry || initial.postalCode !== '' ? ['postalCode' as const] : [];
    const required = ['title', 'partDescription', 'quantities', ...postalCode, 'deliveryDate', 'quoteDeadline'] as const;
    const blank: Errors = blankRequired(required, (f) => values[f]);
    if (processes.length === 0)
      blank.processes = say((locale) => fieldErrorText({ message: '', extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_FEW', min: 1 } }, locale));
    if (Object.keys(blank).length > 0) return fail(blank);
    const quantities = parseQuantities(values.quantities, language);
    if (!quantities) return fail({ quantities: say((locale) => inquiryText(locale).quantitiesWhole) });
    const documents = values.documents
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    // datetime-local holds the region's clock (region-clock.ts); the graph takes an instant with its zone.
    const quoteDeadline = values.quoteDeadline ? (regionInstant(values.quoteDeadline)?.toISOString() ?? values.quoteDeadline) : '';
    if (inquiry) return change(inquiry, quantities, documents, quoteDeadline);
    const input: InquiryInput = {
      title: values.title,
      partDescription: values.partDescription,
      processes,
      quantities: quantities.map((quantity) => ({ quantity })),
      certifications,
      documents,
      deliveryLocation: { postalCode: values.postalCode.trim() },
      deliveryDate: values.deliveryDate,
      quoteDeadline,
      ...(values.material ? { material: values.material } : {}),
      ...(values.tolerance ? { tolerance: values.tolerance as Tolerance } : {}),
      ...(values.ppapLevel ? { ppapLevel: Number(values.ppapLevel) } : {}),
    };
    setBusy(true);
    const result = await request(createInquiry, { input, idempotencyKey: keys.of() });
    setBusy(false);
    keys.settle('form', result.errors);
    const created = result.data?.createInquiry;
    if (created) return navigate(paths.inquiry(created.id));
    await failWith(result.errors, quoteDeadline);
  };

  /** An error at its field; a draft's change refused as what happened to the draft meanwhile (every CONFLICT read "changed meanwhile"). */
  const failWith = async (errors: GraphQLErrorLike[], quoteDeadline: string, draft?: InquiryDetail) => {
    const error = errors[0];
    const field = error && fieldOf(error);
    if (field) return fail({ [field]: fieldError(error, field, quoteDeadline) });
    // Published or withdrawn in another window, updateInquiry answers STATUS with the status, which sayConflict words.
    return fail({ form: (draft && sayConflict(error, 'edit', draft)) ?? sayFailure(errors) });
  };

  /** A draft's change: only what differs from the draft as read, so a field left alone is not checked anew. */
  const change = async (draft: InquiryDetail, quantities: number[], documents: string[], quoteDeadline: string) => {
    const changed = (field: keyof typeof values) => values[field] !== initial[field];
    const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((item, i) => item === b[i]);
    const input: InquiryPatch = {
      ...(changed('title') ? { title: values.title } : {}),
      ...(changed('partDescription') ? { partDescription: values.partDescription } : {}),
      ...(sameList(processes, draft.processes) ? {} : { processes }),
      ...(changed('material') ? { material: values.material || null } : {}),
      ...(sameList(
        quantities,
        draft.quantities.map((q) => q.quantity),
      )
        ? {}
        : // A quantity kept keeps its batch size, which the form does not show (set through the API).
          {
            quantities: quantities.map((quantity) => {
              const batchSize = draft.quantities.find((q) => q.quantity === quantity)?.batchSize;
              return batchSize == null ? { quantity } : { quantity, batchSize };
            }),
          }),
      ...(changed('tolerance') ? { tolerance: (values.tolerance || null) as Tolerance | null } : {}),
      ...(sameList(certifications, draft.certifications) ? {} : { certifications }),
      ...(sameList(documents, draft.documents) ? {} : { documents }),
      ...(changed('ppapLevel') ? { ppapLevel: values.ppapLevel ? Number(values.ppapLevel) : null } : {}),
      ...(values.postalCode.trim() !== initial.postalCode ? { deliveryLocation: { postalCode: values.postalCode.trim() } } : {}),
      ...(changed('deliveryDate') ? { deliveryDate: values.deliveryDate } : {}),
      ...(changed('quoteDeadline') ? { quoteDeadline } : {}),
    };
    setBusy(true);
    const result = await request(updateInquiry, { id: draft.id, version: draft.version, input });
    setBusy(false);
    if (result.data?.updateInquiry) return navigate(paths.inquiry(draft.id));
    await failWith(result.errors, changed('quoteDeadline') ? quoteDeadline : draft.quoteDeadline, draft);
  };

  const describedBy = (name: FieldName, hint?: boolean) =>
    [hint ? `inquiry-${name}-hint` : '', errors[name] ? `inquiry-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const errorOf = (name: FieldName) =>
    errors[name] && (
      <p class="field-error" id={`inquiry-${name}-error`}>
        {errors[name]}
      </p>
    );
  const common = (name: keyof typeof values & FieldName, hint = false) => ({
    id: `inquiry-${name}`,
    name,
    value: values[name],
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby': describedBy(name, hint),
    onInput: (e: Event) => setValues({ ...values, [name]: (e.currentTarget as HTMLInputElement).value }),
  });
  // The server's rule for the dates as the fields' limits, so the browser's picker keeps within it (inquiry-dates.ts).
  const limits = inquiryDateLimits(values.quoteDeadline);
  const label = (name: FieldName, required = false) => (
    <label for={`inquiry-${name}`}>
      {text.field[name]}
      {required && <span aria-hidden="true"> *</span>}
    </label>
  );

  return (
    <>
      <p>{inquiry ? <a href={paths.inquiry(inquiry.id)}>{text.backToInquiry}</a> : <a href={paths.inquiries}>{text.backToList}</a>}</p>
      <h1 id="inquiry-form-heading">{inquiry ? text.editHeading : text.newHeading}</h1>
      <p class="lead">{inquiry ? text.editIntro : text.newIntro}</p>
      <form ref={form} class="inquiry-form" onSubmit={submit} noValidate aria-labelledby="inquiry-form-heading">
        {errors.form && (
          <p class="notice notice-error" role="alert" tabIndex={-1}>
            {errors.form}
          </p>
        )}
        <div class="field">
          {label('title', true)}
          <input type="text" required {...common('title')} />
          {errorOf('title')}
        </div>
        <div class="field">
          {label('partDescription', true)}
          <textarea rows={4} required {...common('partDescription')} />
          {errorOf('partDescription')}
        </div>
        <div id="inquiry-processes-group">
          <ProcessPicker
            name="processes"
            label={`${text.field.processes} *`}
            values={processes}
            onChange={setProcesses}
            id="inquiry-processes"
            errorId={errors.processes ? 'inquiry-processes-error' : undefined}
          />
          {errorOf('processes')}
        </div>
        <div class="field-row">
          <div class="field">
            {label('quantities', true)}
            <input type="text" inputMode="numeric" required {...common('quantities', true)} />
            <p class="hint" id="inquiry-quantities-hint">
              {text.quantitiesHint}
            </p>
            {errorOf('quantities')}
          </div>
          <div>
            <MaterialSelect
              id="inquiry-material"
              label={text.field.material}
              value={values.material}
              onChange={(material) => setValues({ ...values, material })}
            />
            {errorOf('material')}
          </div>
        </div>
        <div class="field-row">
          <div class="field">
            {label('tolerance')}
            <select {...common('tolerance')} onChange={(e) => setValues({ ...values, tolerance: e.currentTarget.value })}>
              <option value="">{text.notGiven}</option>
              {tolerances.map((tolerance) => (
                <option key={tolerance} value={tolerance}>
                  {t[`tolerance_${tolerance}`]}
                </option>
              ))}
            </select>
            {errorOf('tolerance')}
          </div>
          <div class="field">
            {label('ppapLevel')}
            <select {...common('ppapLevel')} onChange={(e) => setValues({ ...values, ppapLevel: e.currentTarget.value })}>
              <option value="">{text.ppapNone}</option>
              {[1, 2, 3, 4, 5].map((level) => (
                <option key={level} value={String(level)}>
                  {level}
                </option>
              ))}
            </select>
            {errorOf('ppapLevel')}
          </div>
        </div>
        <div id="inquiry-certifications-group">
          <CheckboxGroup legend={text.field.certifications} name="certifications" options={certificates} values={certifications} onChange={setCertifications} />
          {errorOf('certifications')}
        </div>
        <div class="field">
          {label('documents')}
          <textarea rows={2} {...common('documents', true)} />
          <p class="hint" id="inquiry-documents-hint">
            {text.documentsHint}
          </p>
          {errorOf('documents')}
        </div>
        <div class="field-row">
          <div class="field">
            {label('postalCode', !inquiry || initial.postalCode !== '')}
            <input type="text" inputMode="numeric" autocomplete="postal-code" required={!inquiry || initial.postalCode !== ''} {...common('postalCode')} />
            {errorOf('postalCode')}
          </div>
          <div class="field">
            {label('quoteDeadline', true)}
            <input type="datetime-local" required min={limits.deadlineMin} max={limits.deadlineMax} {...common('quoteDeadline', !!clockHint)} />
            {clockHint && (
              <p class="hint" id="inquiry-quoteDeadline-hint">
                {clockHint}
              </p>
            )}
            {errorOf('quoteDeadline')}
          </div>
          <div class="field">
            {label('deliveryDate', true)}
            <input type="date" required min={limits.deliveryMin} max={limits.deliveryMax} {...common('deliveryDate')} />
            {errorOf('deliveryDate')}
          </div>
        </div>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? text.creating : inquiry ? text.save : text.create}
          </button>
        </div>
      </form>
    </>
  );
}
