import { useRef, useState } from 'preact/hooks';
import { request, type GraphQLErrorLike } from '../graphql.ts';
import { importMembersFile, type MemberImportError, type MemberImportReport } from '../operations.ts';
import { paths } from '../router.ts';
import { type Said, say, sayFailure } from '../said.tsx';
import type { Session } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { DataTable } from '../components/data-table.tsx';
import { BackToOverview, useOfficeNetwork } from './office.tsx';
import { officeText, useOfficeText } from './office-messages.ts';
import { importErrorText, importLimits, notImportedText, tooLargeText } from './import-errors.ts';

// Member import: the office chooses its CSV file, the network checks it (importMembers with dryRun) and the page
// lists every row's errors before anything is written; once the file checks clean, one button imports all its
// rows (all or none, on the server). The file goes as its bytes (fileBase64), so the network, not the browser,
// tells UTF-8 from Excel's Windows-1252. Below: the export of the list in both forms the import reads.

/** The file's bytes as base64, in slices: String.fromCharCode takes at most some 65 000 arguments. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A row's error as fieldErrorText reads a GraphQL error: its reason and parameters as extensions (absent ones left out). */
function asServerError({ message, code, field, reason, min, max, above, integer, other, duplicateRow, existingMember }: MemberImportError): GraphQLErrorLike {
  const parameters = Object.entries({ reason, min, max, above, integer, other, duplicateRow, existingMember }).filter(([, value]) => value !== null);
  return { message, extensions: { code, field, ...Object.fromEntries(parameters) } };
}

/** An error about the file as a whole (its size, its encoding, a body too large to send): shown at the file field. */
const isFileError = (error: GraphQLErrorLike) =>
  ['fileBase64', 'csv'].includes(String(error.extensions?.field)) || error.extensions?.code === 'REQUEST_TOO_LARGE';

/** An import's error in the page's language, with what it names (import-errors.ts); `labels` as sayError's. */
const sayImportError = (error: GraphQLErrorLike, labels?: Readonly<Record<string, string>>): Said => say((locale) => importErrorText(error, locale, labels));

export function ImportPage({ session }: { session: Session }) {
  const text = useOfficeText();
  const { network, chooser } = useOfficeNetwork(session, 'import-network');
  const fileInput = useRef<HTMLInputElement>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const [fileError, setFileError] = useState<Said | null>(null);
  const [formError, setFormError] = useState<Said | null>(null);
  const [report, setReport] = useState<MemberImportReport | null>(null);
  // Rows whose member the network has already: skipped (an edited export imported again) rather than refused.
  const [skipExisting, setSkipExisting] = useState(false);
  // One key per checked file, so a retried import of it writes its members once; imported as it was checked.
  const [checked, setChecked] = useState<{ fileBase64: string; key: string; skipExisting: boolean } | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);

  const show = (next: MemberImportReport) => {
    setReport(next);
    // The report replaces the form's answer: its heading takes the focus, so a screen reader reads it next.
    requestAnimationFrame(() => reportHeading.current?.focus());
  };

  const fail = (errors: GraphQLErrorLike[]) => {
    const atFile = errors.find(isFileError);
    if (atFile) {
      setFileError(sayImportError(atFile));
      fileInput.current?.focus();
    } else setFormError(sayFailure(errors));
  };

  const reset = () => {
    setReport(null);
    setChecked(null);
    setFileError(null);
    setFormError(null);
  };

  const check = async (event: Event) => {
    event.preventDefault();
    reset();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setFileError(say((locale) => officeText(locale).fileMissing));
      fileInput.current?.focus();
      return;
    }
    // Larger than the import takes: said before the file is read and sent. In base64 it grows by a third, and from
    // 768 KiB on the gateway refused the body in English before the import could name its limit.
    if (file.size > importLimits.bytes) {
      setFileError(say((locale) => tooLargeText(file.size, locale)));
      fileInput.current?.focus();
      return;
    }
    setBusy('check');
    const fileBase64 = await base64Of(file);
    const result = await request(importMembersFile, { network, fileBase64, dryRun: true, skipExisting });
    setBusy(null);
    if (!result.data) return fail(result.errors);
    setChecked({ fileBase64, key: crypto.randomUUID(), skipExisting });
    show(result.data.importMembers);
  };

  const importAll = async () => {
    if (!checked) return;
    setBusy('import');
    setFormError(null);
    const { fileBase64, key, skipExisting: skip } = checked;
    const result = await request(importMembersFile, { network, fileBase64, dryRun: false, idempotencyKey: key, skipExisting: skip });
    setBusy(null);
    if (!result.data) return fail(result.errors);
    show(result.data.importMembers);
  };

  const exportPath = (form: 'excel' | 'utf8') => `/export/members.csv?network=${network}&form=${form}`;

  return (
    <>
      <BackToOverview />
      <h1>{text.importHeading}</h1>
      <p class="lead">{text.importIntro}</p>
      <form class="office-form" onSubmit={check} noValidate aria-labelledby="import-form-heading">
        <h2 id="import-form-heading" class="visually-hidden">
          {text.importHeading}
        </h2>
        {chooser}
        <div class="field">
          <label for="import-file">{text.fileLabel}</label>
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={fileError ? 'import-file-error' : undefined}
            onChange={reset}
          />
          {fileError && (
            <p class="field-error" id="import-file-error">
              {fileError}
            </p>
          )}
        </div>
        <div class="field">
          <label class="check">
            <input
              id="import-skip-existing"
              type="checkbox"
              checked={skipExisting}
              onChange={(e) => {
                setSkipExisting(e.currentTarget.checked);
                // The report was for the other choice: the file is checked again before it is imported.
                reset();
              }}
            />{' '}
            {text.skipExisting}
          </label>
        </div>
        <div class="actions">
          <button type="submit" disabled={busy !== null}>
            {busy === 'check' ? text.checking : text.checkButton}
          </button>
        </div>
        {formError && (
          <p class="notice notice-error" role="alert">
            {formError}
          </p>
        )}
      </form>

      {report && <Report report={report} headingRef={reportHeading} busy={busy === 'import'} onImport={importAll} />}

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{text.exportHeading}</h2>
        <p>{text.exportIntro}</p>
        <ul class="office-downloads">
          <li>
            <a href={exportPath('excel')} download={`mitglieder-${network}.csv`} data-external>
              {text.exportExcel}
            </a>
          </li>
          <li>
            <a href={exportPath('utf8')} download={`members-${network}.csv`} data-external>
              {text.exportUtf8}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}

function Report({
  report,
  headingRef,
  busy,
  onImport,
}: {
  report: MemberImportReport;
  headingRef: { current: HTMLHeadingElement | null };
  busy: boolean;
  onImport: () => void;
}) {
  const text = useOfficeText();
  const locale = useLocale();
  const { number } = locale;
  const rows = number(report.rowCount);
  // What the import writes: the rows read but those skipped for their existing members.
  const toImport = number(report.rowCount - report.skipped);
  // ORDER names its other field: the report says it by that field's column header, as the office's file has it.
  const labels = Object.fromEntries(report.columns.flatMap((column) => (column.field ? [[column.field, column.header]] : [])));
  // Columns the import does not take, said before it writes, not only inside the folded list of columns below.
  const dropped = report.imported ? [] : report.columns.filter((column) => column.field === null).map((column) => column.header);
  return (
    <section class="import-report" aria-labelledby="import-report-heading">
      <h2 id="import-report-heading" ref={headingRef} tabIndex={-1}>
        {text.reportHeading}
      </h2>
      <p>{text.reportSummary(rows, report.encoding, text.delimiterName(report.delimiter))}</p>
      {dropped.length > 0 && <p class="notice notice-warning import-dropped">{notImportedText(dropped, locale)}</p>}
      {report.skipped > 0 && <p class="notice import-skipped">{text.skipped(number(report.skipped), report.imported)}</p>}
      {report.imported ? (
        <>
          <p class="notice notice-ok" role="status">
            {text.imported(number(report.members.length))}
          </p>
          <DataTable caption={text.importedCaption} columns={[text.columnName, text.columnPlace]} showCaption class="office-table" scrollClass="office-scroll">
            {report.members.map((member) => (
              <tr key={member.id}>
                <td>
                  <a href={paths.member(member.id)}>{member.name}</a>
                </td>
                <td>
                  {member.postalCode} {member.city}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : report.errors.length ? (
        <>
          <p class="notice notice-error" role="alert">
            {text.errorsFound(number(report.errors.length))}
          </p>
          <DataTable
            caption={text.errorsCaption}
            columns={[text.columnRow, text.columnColumn, text.columnMessage, text.columnCode, text.columnField]}
            showCaption
            class="office-table import-errors"
            scrollClass="office-scroll"
          >
            {report.errors.map((error, index) => (
              // Two errors of one row in one column are possible (a certificate's date and number), so the index keys.
              // biome-ignore lint/suspicious/noArrayIndexKey: the report's order is the file's and never changes
              <tr key={index}>
                <td>{number(error.row)}</td>
                <td>{error.column ?? text.wholeRow}</td>
                <td>{sayImportError(asServerError(error), labels)}</td>
                <td>{error.code === 'CONFLICT' ? text.codeCONFLICT : text.codeBAD_USER_INPUT}</td>
                <td>
                  <code>{error.field ?? '–'}</code>
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : (
        <>
          <p class="notice notice-ok" role="status">
            {text.noErrors(toImport)}
          </p>
          {report.rowCount > report.skipped && (
            <div class="actions">
              <button type="button" class="import-all" disabled={busy} onClick={onImport}>
                {busy ? text.importing : text.importButton(toImport)}
              </button>
            </div>
          )}
        </>
      )}
      <details>
        <summary>{text.columnsHeading}</summary>
        <ul>
          {report.columns.map((column) => (
            <li key={column.header}>
              {column.header}: {column.field ? <code>{column.field}</code> : <em>{text.notImported}</em>}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
