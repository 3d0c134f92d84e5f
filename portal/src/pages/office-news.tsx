import { useState } from 'preact/hooks';
import { parseWhole, wholeIn } from '../amounts.ts';
import { fieldErrorText, fieldOfError } from '../field-errors.ts';
import { request } from '../graphql.ts';
import type { Locale } from '../i18n.ts';
import { regionDateTime, regionInstant } from '../region-clock.ts';
import { ErrorNotice } from '../components/notices.tsx';
import { type NewsInput, type NewsItemView, type NewsKind, newsItem, publishNews, updateNews } from '../operations.ts';
import { useIdempotencyKeys } from '../retry-key.ts';
import { paths, useRoute } from '../router.ts';
import { blankRequired, type Said, say, sayFailure } from '../said.tsx';
import type { Session } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useNotation } from '../use-notation.ts';
import { useReloadable } from '../use-query.ts';
import { BackToOverview, useOfficeNetwork } from './office.tsx';
import { officeText, useOfficeText } from './office-messages.ts';
import { useFieldFocus } from '../use-field-focus.ts';

// Publishing news and events (publishNews, README "News and events"): until this page an office could publish only
// through the API. An office publishes for its own network; admin chooses a network or the whole region. The event's
// fields show only for an event. The server checks everything; its refusal stands at its field, which gets the focus.
// With ?id= the same form corrects a published item (updateNews): a typo in a title could not be fixed before.

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

// datetime-local holds the region's clock (region-clock.ts); the graph takes an instant with its zone (as the inquiry and
// meeting forms send it). A value no clock reads goes as typed, for the server's refusal at its field.
const instant = (value: string) => (value ? (regionInstant(value)?.toISOString() ?? value) : null);

/** The form's values of a published item: its times as the region's clock reads them, as the form takes them. */
function valuesOf(item: NewsItemView): Values {
  const local = (iso: string | null) => (iso ? regionDateTime(iso) : '');
  return {
    kind: item.kind,
    visibility: item.visibility,
    title: item.title,
    text: item.text,
    startsAt: local(item.startsAt),
    endsAt: local(item.endsAt),
    place: item.place ?? '',
    registrationLimit: item.registrationLimit === null ? '' : String(item.registrationLimit),
    registrationDeadline: local(item.registrationDeadline),
  };
}

export function NewsPage({ session }: { session: Session }) {
  const id = useRoute().params.get('id');
  // Keyed by the id, so another item's correction starts from its own values.
  return id ? <NewsCorrection key={id} id={id} session={session} /> : <NewsForm session={session} />;
}

/** The published item loaded, then the form with its values; a withdrawn or unknown one says so. */
function NewsCorrection({ id, session }: { id: string; session: Session }) {
  const text = useOfficeText();
  const { t, dateTime } = useLocale();
  const loaded = useReloadable(newsItem, { id });
  const item = loaded.data?.newsItem;
  if (item && !item.withdrawnAt) return <NewsForm session={session} editing={item} />;
  return (
    <>
      <BackToOverview />
      <h1>{text.newsEditHeading}</h1>
      {loaded.loading ? (
        <p aria-busy="true">{t.loading}</p>
      ) : (
        <>
          <ErrorNotice errors={loaded.errors} />
          {item?.withdrawnAt && <p class="notice">{text.newsWithdrawnAlready(item.title, dateTime(item.withdrawnAt))}</p>}
          {!item && loaded.errors.length === 0 && <p class="notice">{text.newsNotFound}</p>}
        </>
      )}
    </>
  );
}

function NewsForm({ session, editing }: { session: Session; editing?: NewsItemView }) {
  const text = useOfficeText();
  const { language, clockHint } = useLocale();
  const { network, chooser } = useOfficeNetwork(session, 'news-network', { regionWide: true, regionWideLabel: text.newsRegionWide });
  // What the form showed of the item: a time left as it was goes back exactly as stored (seconds and all), so the
  // server sees it unchanged; read back from the form's minutes, a start under way came back as a new time that had passed.
  const [stored] = useState(() => editing && valuesOf(editing));
  const [values, setValues] = useState<Values>(stored ?? empty);
  const [errors, setErrors] = useState<Errors>({});
  const [published, setPublished] = useState<{ id: string; title: string; kind: NewsKind } | null>(null);
  const [busy, setBusy] = useState(false);
  // A press after an answer that leaves the item possibly published (a timeout) sends the same key: published once.
  const keys = useIdempotencyKeys();
  const { inputs, focusFirst } = useFieldFocus(fieldOrder);
  useNotation(language, (from, to) => setValues((v) => ({ ...v, registrationLimit: wholeIn(v.registrationLimit, from, to) })));
  const event = values.kind === 'EVENT';

  /** Shows the errors and moves the focus to the first field in error, whose message its screen reader then reads. */
  const fail = (next: Errors) => {
    setErrors(next);
    setPublished(null);
    focusFirst(next);
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
    const time = (name: 'startsAt' | 'endsAt' | 'registrationDeadline') =>
      editing && stored && values[name] === stored[name] ? editing[name] : instant(values[name]);
    const input: NewsInput = {
      kind: values.kind,
      title: values.title,
      text: values.text,
      visibility: values.visibility,
      // News has none of an event's fields: the server refuses them.
      ...(event
        ? {
            startsAt: time('startsAt'),
            endsAt: time('endsAt'),
            place: values.place.trim() || null,
            registrationLimit: limit,
            registrationDeadline: time('registrationDeadline'),
          }
        : {}),
    };
    setBusy(true);
    const result = editing ? await request(updateNews, { id: editing.id, input }) : await request(publishNews, { network, input, idempotencyKey: keys.of() });
    setBusy(false);
    if (!editing) keys.settle('form', result.errors);
    const item = result.data && ('updateNews' in result.data ? result.data.updateNews : result.data.publishNews);
    if (item) {
      setErrors({});
      // A correction keeps its values for the next one; a new item empties the form for the next item.
      if (!editing) setValues(empty);
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
  const now = regionDateTime(new Date());

  return (
    <>
      <BackToOverview />
      <h1 id="news-heading">{editing ? text.newsEditHeading : text.newsHeading}</h1>
      <p class="lead">{editing ? text.newsEditIntro(editing.kind, editing.registeredCount + editing.waitingCount) : text.newsIntro}</p>
      <form class="office-form news-form" onSubmit={submit} noValidate aria-labelledby="news-heading">
        {errors.form && (
          <p class="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        {editing ? (
          // The kind and where it is published stay: a correction changes the item, not what it is.
          <p>
            {editing.network ? text.newsNetwork(editing.network.code) : text.newsRegionWide} · {text.newsKindLabel}:{' '}
            {editing.kind === 'EVENT' ? text.newsKindEVENT : text.newsKindNEWS}
          </p>
        ) : (
          <>
            {chooser ?? <p>{text.newsNetwork(network ?? '')}</p>}
            {radios<NewsKind>('kind', text.newsKindLabel, [
              ['NEWS', text.newsKindNEWS],
              ['EVENT', text.newsKindEVENT],
            ])}
          </>
        )}
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
              {field('startsAt', text.newsStartsAt, { type: 'datetime-local', required: true, hint: clockHint, min: editing ? undefined : now })}
              {field('endsAt', text.newsEndsAt, { type: 'datetime-local', hint: clockHint, min: values.startsAt || now })}
            </div>
            {field('place', text.newsPlace)}
            <div class="field-row">
              {field('registrationLimit', text.newsLimit, { numeric: true, hint: text.newsLimitHint })}
              {field('registrationDeadline', text.newsDeadline, {
                type: 'datetime-local',
                hint: clockHint ? `${text.newsDeadlineHint} ${clockHint}.` : text.newsDeadlineHint,
                min: editing ? undefined : now,
                max: values.startsAt || undefined,
              })}
            </div>
          </fieldset>
        )}
        <div class="actions">
          <button type="submit" aria-disabled={busy ? 'true' : undefined}>
            {editing ? (busy ? text.newsSaving : text.newsSave) : busy ? text.newsPublishing : text.newsPublish}
          </button>
        </div>
        <div role="status" class="saved">
          {published && (
            <p class="notice notice-ok">
              {editing ? text.newsSaved(published.kind, published.title) : text.newsPublished(published.kind, published.title)}{' '}
              <a href={paths.newsItem(published.id)}>{text.newsShow(published.kind)}</a>
            </p>
          )}
        </div>
      </form>
    </>
  );
}
