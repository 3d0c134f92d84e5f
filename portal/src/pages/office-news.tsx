import { useRef, useState } from 'preact/hooks';
import { parseWhole, wholeIn } from '../amounts.ts';
import { fieldErrorText, fieldOfError } from '../field-errors.ts';
import { request } from '../graphql.ts';
import type { Locale } from '../i18n.ts';
import { localDateTime } from '../inquiry-dates.ts';
import { type NewsInput, type NewsKind, publishNews } from '../operations.ts';
import { useIdempotencyKeys } from '../retry-key.ts';
import { paths } from '../router.ts';
import { blankRequired, type Said, say, sayFailure } from '../said.tsx';
import type { Session } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useNotation } from '../use-notation.ts';
import { BackToOverview, useOfficeNetwork } from './office.tsx';
import { officeText, useOfficeText } from './office-messages.ts';

// Publishing news and events (publishNews, README "News and events"): until this page an office could publish only
// through the API. An office publishes for its own network; admin chooses a network or the whole region. The event's
// fields show only for an event. The server checks everything; its refusal stands at its field, which gets the focus.

type Visibility = NewsInput['visibility'];

/** The text fields in the form's order: the first in error gets the focus. */
const fieldOrder = ['title', 'text', 'startsAt', 'endsAt', 'place', 'registrationLimit', 'registrationDeadline'] as const;
type FieldName = (typeof fieldOrder)[number];
type Values = Record<FieldName, string> & { kind: NewsKind; visibility: Visibility };
type Errors = Partial<Record<FieldName | 'form', Said>>;

const empty: Values = {
  kind: 'NEWS',
  visibility: 'PUBLIC',
  title: '',
  text: '',
  startsAt: '',
  endsAt: '',
  place: '',
  registrationLimit: '',
  registrationDeadline: '',
};

/** The form's labels by field, for ORDER's "contradicts …" (extensions.other names startsAt). */
const labelsOf = (locale: Locale): Record<FieldName, string> => {
  const text = officeText(locale);
  return {
    title: text.newsTitle,
    text: text.newsText,
    startsAt: text.newsStartsAt,
    endsAt: text.newsEndsAt,
    place: text.newsPlace,
    registrationLimit: text.newsLimit,
    registrationDeadline: text.newsDeadline,
  };
};

const notWhole = () => say((locale) => fieldErrorText({ message: '', extensions: { code: 'BAD_USER_INPUT', reason: 'NUMBER', integer: true } }, locale));

// datetime-local is the browser's local time; the graph takes an instant with its zone (as the inquiry and meeting forms send it).
const instant = (value: string) => (value ? new Date(value).toISOString() : null);

export function NewsPage({ session }: { session: Session }) {
  const text = useOfficeText();
  const { language } = useLocale();
  const { network, chooser } = useOfficeNetwork(session, 'news-network', { regionWide: true, regionWideLabel: text.newsRegionWide });
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Errors>({});
  const [published, setPublished] = useState<{ id: string; title: string; kind: NewsKind } | null>(null);
  const [busy, setBusy] = useState(false);
  // A press after an answer that leaves the item possibly published (a timeout) sends the same key: published once.
  const keys = useIdempotencyKeys();
  const inputs = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  useNotation(language, (from, to) => setValues((v) => ({ ...v, registrationLimit: wholeIn(v.registrationLimit, from, to) })));
  const event = values.kind === 'EVENT';

  /** Shows the errors and moves the focus to the first field in error, whose message its screen reader then reads. */
  const fail = (next: Errors) => {
    setErrors(next);
    setPublished(null);
    const first = fieldOrder.find((f) => next[f]);
    if (first) inputs.current[first]?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    // Not `disabled` while it runs: a disabled button loses the keyboard's focus to the page.
    if (busy) return;
    // Every required field left blank at once: the server names only the first it checks.
    const blank: Errors = blankRequired(event ? (['title', 'text', 'startsAt'] as const) : (['title', 'text'] as const), (f) => values[f]);
    if (Object.keys(blank).length > 0) return fail(blank);
    const limit = event && values.registrationLimit.trim() ? parseWhole(values.registrationLimit, language) : null;
    if (limit !== null && Number.isNaN(limit)) return fail({ registrationLimit: notWhole() });
    const input: NewsInput = {
      kind: values.kind,
      title: values.title,
      text: values.text,
      visibility: values.visibility,
      // News has none of an event's fields: the server refuses them.
      ...(event
        ? {
            startsAt: instant(values.startsAt),
            endsAt: instant(values.endsAt),
            place: values.place.trim() || null,
            registrationLimit: limit,
            registrationDeadline: instant(values.registrationDeadline),
          }
        : {}),
    };
    setBusy(true);
    const result = await request(publishNews, { network, input, idempotencyKey: keys.of() });
    setBusy(false);
    keys.settle('form', result.errors);
    const item = result.data?.publishNews;
    if (item) {
      setErrors({});
      setValues(empty);
      setPublished(item);
      return;
    }
    const error = result.errors[0];
    const field = fieldOfError(error, fieldOrder);
    if (field) return fail({ [field]: say((locale) => fieldErrorText(error, locale, labelsOf(locale))) });
    fail({ form: sayFailure(result.errors) });
  };

  const set = (name: keyof Values, value: string) => setValues((v) => ({ ...v, [name]: value }));

  const field = (
    name: FieldName,
    label: string,
    options: { type?: 'datetime-local'; multiline?: boolean; required?: boolean; hint?: string; numeric?: boolean; min?: string; max?: string } = {},
  ) => {
    const id = `news-${name}`;
    const error = errors[name];
    const props = {
      id,
      name,
      value: values[name],
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': [options.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined,
      'aria-required': options.required ? ('true' as const) : undefined,
      onInput: (e: Event) => set(name, (e.currentTarget as HTMLInputElement).value),
    };
    const ref = (element: HTMLInputElement | HTMLTextAreaElement | null) => {
      inputs.current[name] = element;
    };
    return (
      <div class="field">
        <label for={id}>
          {label}
          {options.required && <span aria-hidden="true"> *</span>}
        </label>
        {options.multiline ? (
          <textarea ref={ref} rows={8} {...props} />
        ) : (
          // Preact types an input's props by its type; a union of two types fits neither, so it is named as one.
          <input
            ref={ref}
            type={(options.type ?? 'text') as 'text'}
            inputMode={options.numeric ? 'numeric' : undefined}
            min={options.min}
            max={options.max}
            {...props}
          />
        )}
        {options.hint && (
          <p class="muted field-hint" id={`${id}-hint`}>
            {options.hint}
          </p>
        )}
        {error && (
          <p class="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };

  const radios = <V extends string>(name: 'kind' | 'visibility', legend: string, choices: [V, string][]) => (
    <fieldset class="checkboxes">
      <legend>{legend}</legend>
      {choices.map(([value, label]) => (
        <label key={value}>
          <input type="radio" name={`news-${name}`} value={value} checked={values[name] === value} onChange={() => set(name, value)} />
          {label}
        </label>
      ))}
    </fieldset>
  );

  // The picker's limits by the server's rules (in the future; the end not before the start, the deadline not after
  // it); the server stays the authority, and the form sends with noValidate.
  const now = localDateTime(new Date());

  return (
    <>
      <BackToOverview />
      <h1 id="news-heading">{text.newsHeading}</h1>
      <p class="lead">{text.newsIntro}</p>
      <form class="office-form news-form" onSubmit={submit} noValidate aria-labelledby="news-heading">
        {errors.form && (
          <p class="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        {chooser ?? <p>{text.newsNetwork(network ?? '')}</p>}
        {radios<NewsKind>('kind', text.newsKindLabel, [
          ['NEWS', text.newsKindNEWS],
          ['EVENT', text.newsKindEVENT],
        ])}
        {field('title', text.newsTitle, { required: true })}
        {field('text', text.newsText, { required: true, multiline: true })}
        {radios<Visibility>('visibility', text.newsVisibilityLabel, [
          ['PUBLIC', text.newsVisibilityPUBLIC],
          ['MEMBERS', text.newsVisibilityMEMBERS],
        ])}
        {event && (
          <fieldset class="news-event">
            <legend>{text.newsEventLegend}</legend>
            <div class="field-row">
              {field('startsAt', text.newsStartsAt, { type: 'datetime-local', required: true, min: now })}
              {field('endsAt', text.newsEndsAt, { type: 'datetime-local', min: values.startsAt || now })}
            </div>
            {field('place', text.newsPlace)}
            <div class="field-row">
              {field('registrationLimit', text.newsLimit, { numeric: true, hint: text.newsLimitHint })}
              {field('registrationDeadline', text.newsDeadline, {
                type: 'datetime-local',
                hint: text.newsDeadlineHint,
                min: now,
                max: values.startsAt || undefined,
              })}
            </div>
          </fieldset>
        )}
        <div class="actions">
          <button type="submit" aria-disabled={busy ? 'true' : undefined}>
            {busy ? text.newsPublishing : text.newsPublish}
          </button>
        </div>
        <div role="status" class="saved">
          {published && (
            <p class="notice notice-ok">
              {text.newsPublished(published.kind, published.title)} <a href={paths.newsItem(published.id)}>{text.newsShow(published.kind)}</a>
            </p>
          )}
        </div>
      </form>
    </>
  );
}
