import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type GraphQLErrorLike, request } from '../graphql.ts';
import { type OwnCapabilities, type OwnListsPatch, ownCapabilities, updateOwnCapabilities } from '../member-operations.ts';
import { type Said, say, sayError, sayFailure } from '../said.tsx';
import { useLocale } from '../use-locale.ts';
import { memberText, useMemberText } from './member-messages.ts';

// One list of a member's profile edited row by row on /mein-unternehmen (contact persons, services,
// certifications): rows added and removed by keyboard, saved as one list with updateMember and the
// version the page read; the network's error names its row and field (services[1].title), shown in the
// user's language at that field, which gets the focus. All lists of a profile share one version, so a
// colleague's save of one list makes the next save of any other a CONFLICT: useListDraft and saveList
// below keep what was typed and tell a change of another list (sent again) from one of the same list.

/** A list of the profile the rows replace as a whole. */
export type RowList = 'contacts' | 'services' | 'certifications';

export interface RowField<F extends string> {
  name: F;
  label: string;
  required?: boolean;
  type?: 'text' | 'date' | 'textarea';
  hint?: string;
  /** The id of a datalist the field suggests from. */
  list?: string;
}

export interface ListFormProps {
  memberId: string;
  /** The profile's lists and their version as the server last answered them (ProfileLists, member-area.tsx). */
  own: OwnCapabilities;
  /** A newer answer of the server: a form's save, or the profile read again after a CONFLICT. */
  onServerState: (own: OwnCapabilities) => void;
  /** Who edits: the member on Mein Unternehmen, or its network's office on the member's edit page (the intros speak to each). */
  audience?: 'member' | 'office';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A form's edits of one list (`draft`) beside the list as it was on the server when the form started from it (`base`,
 * as `of` reads it from an answer). A newer answer replaces the draft only where nothing was changed: a colleague's save
 * of the certifications reloaded every form of the page and threw away the contact person typed in another.
 */
export function useListDraft<T>(own: OwnCapabilities, of: (own: OwnCapabilities) => T) {
  const [draft, setDraft] = useState(() => of(own));
  const [base, setBase] = useState(() => of(own));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `of` is the caller's pure mapping, new each render; a new answer (own) is what counts
  useEffect(() => {
    if (!same(draft, base)) return;
    const next = of(own);
    setDraft(next);
    setBase(next);
  }, [own]);
  return { draft, setDraft, base, setBase };
}

/** What became of a save: saved, refused (errors), or not sent since the same list changed on the server (`changed`, as it is now). */
export type ListSaved = { saved: OwnCapabilities } | { changed: OwnCapabilities } | { errors: GraphQLErrorLike[] };

/**
 * Saves one list of the profile with the version of the server's last answer. A CONFLICT is a write since, to any of its
 * lists: the profile is read again, and if this list is still the one the form started from (`base`), a colleague changed
 * another list and it is sent again with the new version. Otherwise nothing is sent and the answer is `changed`, for the
 * person to compare; so also when an answer since (another form's save) already shows this list changed.
 */
export async function saveList<T>(
  { memberId, own, onServerState }: ListFormProps,
  of: (own: OwnCapabilities) => T,
  base: T,
  input: OwnListsPatch,
): Promise<ListSaved> {
  let current = own;
  let errors: GraphQLErrorLike[] = [];
  // A colleague saving again and again between read and write would keep this sending: three rounds, then the CONFLICT stands.
  for (let round = 0; round < 3; round++) {
    if (!same(of(current), base)) return { changed: current };
    const result = await request(updateOwnCapabilities, { id: memberId, input, version: current.version });
    const saved = result.data?.updateMember;
    if (saved) {
      onServerState(saved);
      return { saved };
    }
    errors = result.errors;
    if (errors[0]?.extensions?.reason !== 'STALE_VERSION') return { errors };
    const read = await request(ownCapabilities, { id: memberId });
    if (!read.data?.member) return { errors: read.errors.length ? read.errors : errors };
    current = read.data.member;
    onServerState(current);
  }
  return { errors };
}

interface RowsFormProps<F extends string> extends ListFormProps {
  list: RowList;
  /** The prefix of the fields' ids: contact gives contact-0-email. */
  idPrefix: string;
  fields: RowField<F>[];
  rowsOf: (own: OwnCapabilities) => Record<F, string>[];
  patchOf: (rows: Record<F, string>[]) => OwnListsPatch;
  texts: {
    heading: string;
    intro: string;
    empty: string;
    legend: (n: string) => string;
    add: string;
    removeLabel: (who: string) => string;
    save: string;
  };
  /** Something after the rows, such as a datalist the fields name. */
  children?: ComponentChildren;
}

export function RowsForm<F extends string>(props: RowsFormProps<F>) {
  const { own, list, idPrefix, fields, rowsOf, patchOf, texts, children } = props;
  const text = useMemberText();
  const { date } = useLocale();
  const { draft: rows, setDraft: setRows, base, setBase } = useListDraft(own, rowsOf);
  const [error, setError] = useState<{ row: number; field: F; message: Said } | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; message: Said } | null>(null);
  // The list as the server has it now, shown beside the rows kept after a colleague changed the same list.
  const [theirs, setTheirs] = useState<Record<F, string>[] | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef(new Map<string, HTMLInputElement | HTMLTextAreaElement | null>());
  const addButton = useRef<HTMLButtonElement>(null);
  // Where the keyboard goes once the rows are rendered: a row's first field, or the add button.
  const focusNext = useRef<(() => void) | null>(null);
  useEffect(() => {
    focusNext.current?.();
    focusNext.current = null;
  });
  const heading = `my-${list}-heading`;
  const blank = () => Object.fromEntries(fields.map((f) => [f.name, ''])) as Record<F, string>;
  const at = new RegExp(`^(?:input\\.)?${list}\\[(\\d+)\\]\\.(\\w+)$`);
  const first = fields[0].name;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await saveList(props, rowsOf, base, patchOf(rows));
    setBusy(false);
    setError(null);
    if ('saved' in outcome) {
      const saved = rowsOf(outcome.saved);
      setRows(saved);
      setBase(saved);
      setTheirs(null);
      // The list's own sentence (contactsSaved, servicesSaved, certificationsSaved), in the language when shown.
      const count = outcome.saved[list].length;
      return setNotice({ ok: true, message: say((locale) => memberText(locale)[`${list}Saved`](locale.number(count))) });
    }
    if ('changed' in outcome) {
      // From now on the rows are compared with this state: saving again replaces it with them.
      setBase(rowsOf(outcome.changed));
      setTheirs(rowsOf(outcome.changed));
      return setNotice({ ok: false, message: say((locale) => memberText(locale).listChanged(memberText(locale).listNames[list])) });
    }
    const failed = outcome.errors[0];
    const match = at.exec(String(failed?.extensions?.field ?? ''));
    const field = match && fields.find((f) => f.name === match[2]);
    if (match && field) {
      setNotice(null);
      setError({ row: Number(match[1]), field: field.name, message: sayError(failed) });
      return inputs.current.get(`${match[1]}-${field.name}`)?.focus();
    }
    setNotice({ ok: false, message: sayFailure(outcome.errors) });
  };

  const change = (index: number, field: F, value: string) => setRows(rows.map((r, i) => (i === index ? { ...r, [field]: value } : r)));
  /** A row as the list of the server's state shows it: its filled fields, a date in the page's notation. */
  const summary = (row: Record<F, string>) =>
    fields
      .map((f) => (f.type === 'date' && row[f.name] ? date(row[f.name]) : row[f.name]))
      .filter((value) => value !== '')
      .join(', ');

  return (
    <section aria-labelledby={heading}>
      <h2 id={heading}>{texts.heading}</h2>
      <p>{texts.intro}</p>
      <form class="member-area-form" onSubmit={submit} noValidate aria-labelledby={heading}>
        {rows.length === 0 && <p>{texts.empty}</p>}
        {rows.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; the index is what the server's error names
          <fieldset class="member-area-row" key={index}>
            <legend>{texts.legend(String(index + 1))}</legend>
            <div class="field-row">
              {fields.map((field) => {
                const id = `${idPrefix}-${index}-${field.name}`;
                const failed = error?.row === index && error.field === field.name;
                const describedBy = [field.hint && `${id}-hint`, failed && `${id}-error`].filter(Boolean).join(' ');
                const common = {
                  id,
                  ref: (element: HTMLInputElement | HTMLTextAreaElement | null) => {
                    inputs.current.set(`${index}-${field.name}`, element);
                  },
                  value: row[field.name],
                  'aria-required': field.required ? ('true' as const) : undefined,
                  'aria-invalid': failed ? ('true' as const) : undefined,
                  'aria-describedby': describedBy || undefined,
                  onInput: (e: Event) => change(index, field.name, (e.currentTarget as HTMLInputElement).value),
                };
                return (
                  <div class="field" key={field.name}>
                    <label for={id}>
                      {field.label}
                      {field.required && <span aria-hidden="true"> *</span>}
                    </label>
                    {field.type === 'textarea' ? (
                      <textarea rows={2} {...common} />
                    ) : (
                      <input type={field.type ?? 'text'} autocomplete="off" list={field.list} {...common} />
                    )}
                    {field.hint && (
                      <p class="field-hint" id={`${id}-hint`}>
                        {field.hint}
                      </p>
                    )}
                    {failed && (
                      <p class="field-error" id={`${id}-error`}>
                        {error.message}
                      </p>
                    )}
                  </div>
                );
              })}
            </div>
            <button
              type="button"
              class="secondary"
              aria-label={texts.removeLabel(row[first] || String(index + 1))}
              onClick={() => {
                setRows(rows.filter((_, i) => i !== index));
                setError(null);
                // The button goes with its row: the keyboard continues at the row that takes its place, after the
                // last one at the add button (it fell to the page's start).
                const next = index < rows.length - 1;
                focusNext.current = () => (next ? inputs.current.get(`${index}-${first}`)?.focus() : addButton.current?.focus());
              }}
            >
              {text.removeContact}
            </button>
          </fieldset>
        ))}
        {children}
        <div class="actions">
          <button
            type="button"
            class="secondary"
            ref={addButton}
            onClick={() => {
              setRows([...rows, blank()]);
              const added = rows.length;
              focusNext.current = () => inputs.current.get(`${added}-${first}`)?.focus();
            }}
          >
            {texts.add}
          </button>
          <button type="submit" disabled={busy}>
            {busy ? text.availabilitySaving : texts.save}
          </button>
        </div>
        <div role="status" class="saved">
          {notice && <p class={`notice ${notice.ok ? 'notice-ok' : 'notice-error'}`}>{notice.message}</p>}
          {theirs && (
            <div class="notice notice-warning">
              {text.theirsHeading}
              {theirs.length === 0 ? (
                <p>{text.theirsNone}</p>
              ) : (
                <ul class={`${idPrefix}-theirs`}>
                  {theirs.map((row, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the server's rows as shown, replaced as a whole
                    <li key={index}>{summary(row)}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      </form>
    </section>
  );
}
