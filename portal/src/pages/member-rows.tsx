import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../graphql.ts';
import { type OwnCapabilities, type OwnListsPatch, updateOwnCapabilities } from '../member-operations.ts';
import { type Said, say, sayError, sayFailure } from '../said.tsx';
import { memberText, useMemberText } from './member-messages.ts';

// One list of a member's profile edited row by row on /mein-unternehmen (contact persons, services,
// certifications): rows added and removed by keyboard, saved as one list with updateMember and the
// version the page read; the network's error names its row and field (services[1].title), shown in the
// user's language at that field, which gets the focus.

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
  own: OwnCapabilities;
  version: number;
  onSaved: (version: number) => void;
  reload: () => void;
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

export function RowsForm<F extends string>({
  memberId,
  own,
  version,
  onSaved,
  reload,
  list,
  idPrefix,
  fields,
  rowsOf,
  patchOf,
  texts,
  children,
}: RowsFormProps<F>) {
  const text = useMemberText();
  const [rows, setRows] = useState<Record<F, string>[]>([]);
  const [error, setError] = useState<{ row: number; field: F; message: Said } | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; message: Said } | null>(null);
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rowsOf is the caller's pure mapping, new each render; own is what changes
  useEffect(() => setRows(rowsOf(own)), [own]);
  const inputs = useRef(new Map<string, HTMLInputElement | HTMLTextAreaElement | null>());
  const heading = `my-${list}-heading`;
  const blank = () => Object.fromEntries(fields.map((f) => [f.name, ''])) as Record<F, string>;
  const at = new RegExp(`^(?:input\\.)?${list}\\[(\\d+)\\]\\.(\\w+)$`);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await request(updateOwnCapabilities, { id: memberId, input: patchOf(rows), version });
    setBusy(false);
    const saved = result.data?.updateMember;
    if (saved) {
      onSaved(saved.version);
      setError(null);
      // The list's own sentence (contactsSaved, servicesSaved, certificationsSaved), in the language when shown.
      return setNotice({ ok: true, message: say((locale) => memberText(locale)[`${list}Saved`](locale.number(saved[list].length))) });
    }
    const first = result.errors[0];
    if (first?.extensions?.code === 'CONFLICT') {
      reload();
      setError(null);
      return setNotice({ ok: false, message: say((locale) => memberText(locale).capabilitiesChanged) });
    }
    const match = at.exec(String(first?.extensions?.field ?? ''));
    const field = match && fields.find((f) => f.name === match[2]);
    if (match && field) {
      setNotice(null);
      setError({ row: Number(match[1]), field: field.name, message: sayError(first) });
      return inputs.current.get(`${match[1]}-${field.name}`)?.focus();
    }
    setError(null);
    setNotice({ ok: false, message: sayFailure(result.errors) });
  };

  const change = (index: number, field: F, value: string) => setRows(rows.map((r, i) => (i === index ? { ...r, [field]: value } : r)));

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
              aria-label={texts.removeLabel(row[fields[0].name] || String(index + 1))}
              onClick={() => {
                setRows(rows.filter((_, i) => i !== index));
                setError(null);
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
            onClick={() => {
              setRows([...rows, blank()]);
              // The new row's first field, once rendered.
              setTimeout(() => inputs.current.get(`${rows.length}-${fields[0].name}`)?.focus());
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
        </div>
      </form>
    </section>
  );
}
