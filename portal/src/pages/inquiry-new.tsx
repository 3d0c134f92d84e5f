import { useRef, useState } from 'preact/hooks';
import { parseQuantities, quantitiesIn } from '../amounts.ts';
import { useNotation } from '../use-notation.ts';
import { useIdempotencyKeys } from '../retry-key.ts';
import { CheckboxGroup, MaterialSelect, ProcessPicker } from '../components/pickers.tsx';
import { certificates } from '../catalog.ts';
import { request, type GraphQLErrorLike } from '../graphql.ts';
import { createInquiry, type InquiryInput, type Tolerance } from '../operations.ts';
import { navigate, paths } from '../router.ts';
import { blankRequired, type Said, say, sayError, sayFailure } from '../said.tsx';
import { fieldErrorText } from '../field-errors.ts';
import { useSession } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { mayCreateInquiry, SignInFirst } from './inquiry-common.tsx';
import { inquiryText, useInquiryText } from './inquiry-messages.ts';

// A customer's new inquiry, saved as a DRAFT; its page then takes the drawings and publishes it.
// The portal checks only what it must to build the input (whole quantities); every other error is
// the server's (BAD_USER_INPUT with extensions.field), shown at its field, which gets the focus.

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

export function NewInquiryPage() {
  const text = useInquiryText();
  const { t, language } = useLocale();
  const { session } = useSession();
  const [values, setValues] = useState({
    title: '',
    partDescription: '',
    material: '',
    quantities: '',
    tolerance: '',
    documents: '',
    ppapLevel: '',
    postalCode: '',
    deliveryDate: '',
    quoteDeadline: '',
  });
  // The quantities as typed follow a switch of language: English "2,500" read after a switch to German was 2 and 500.
  useNotation(language, (from, to) => setValues((v) => ({ ...v, quantities: quantitiesIn(v.quantities, from, to) })));
  const [processes, setProcesses] = useState<string[]>([]);
  const [certifications, setCertifications] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  // A press after an answer that leaves the inquiry possibly created is a retry (the same key), not a second inquiry.
  const keys = useIdempotencyKeys();
  const form = useRef<HTMLFormElement>(null);

  if (session && !session.signedIn) return <SignInFirst heading={text.newHeading} />;
  if (session && !mayCreateInquiry(session)) {
    return (
      <>
        <h1>{text.newHeading}</h1>
        <p>{text.newNotAllowed}</p>
      </>
    );
  }

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
    const blank: Errors = blankRequired(['title', 'partDescription', 'quantities', 'postalCode', 'deliveryDate', 'quoteDeadline'] as const, (f) => values[f]);
    if (processes.length === 0)
      blank.processes = say((locale) => fieldErrorText({ message: '', extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_FEW', min: 1 } }, locale));
    if (Object.keys(blank).length > 0) return fail(blank);
    const quantities = parseQuantities(values.quantities, language);
    if (!quantities) return fail({ quantities: say((locale) => inquiryText(locale).quantitiesWhole) });
    const documents = values.documents
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const input: InquiryInput = {
      title: values.title,
      partDescription: values.partDescription,
      processes,
      quantities: quantities.map((quantity) => ({ quantity })),
      certifications,
      documents,
      deliveryLocation: { postalCode: values.postalCode.trim() },
      deliveryDate: values.deliveryDate,
      // datetime-local is the browser's local time; the graph takes an instant with its zone.
      quoteDeadline: values.quoteDeadline ? new Date(values.quoteDeadline).toISOString() : '',
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
    const error = result.errors[0];
    const field = error && fieldOf(error);
    if (field) return fail({ [field]: sayError(error, (locale) => inquiryText(locale).field) });
    return fail({ form: sayFailure(result.errors) });
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
  const label = (name: FieldName, required = false) => (
    <label for={`inquiry-${name}`}>
      {text.field[name]}
      {required && <span aria-hidden="true"> *</span>}
    </label>
  );

  return (
    <>
      <p>
        <a href={paths.inquiries}>{text.backToList}</a>
      </p>
      <h1 id="inquiry-form-heading">{text.newHeading}</h1>
      <p class="lead">{text.newIntro}</p>
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
            {label('postalCode', true)}
            <input type="text" inputMode="numeric" autocomplete="postal-code" required {...common('postalCode')} />
            {errorOf('postalCode')}
          </div>
          <div class="field">
            {label('quoteDeadline', true)}
            <input type="datetime-local" required {...common('quoteDeadline')} />
            {errorOf('quoteDeadline')}
          </div>
          <div class="field">
            {label('deliveryDate', true)}
            <input type="date" required {...common('deliveryDate')} />
            {errorOf('deliveryDate')}
          </div>
        </div>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? text.creating : text.create}
          </button>
        </div>
      </form>
    </>
  );
}
