import { useRef, useState } from 'preact/hooks';
import { ErrorNotice } from '../components/notices.tsx';
import { DataTable, ListState } from '../components/data-table.tsx';
import { officeAuditLog, type AuditEntry } from '../operations.ts';
import type { Session } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useQuery } from '../use-query.ts';
import { BackToOverview, useOfficeNetwork } from './office.tsx';
import { useOfficeText } from './office-messages.ts';

// The network's audit log, newest first, a page at a time by cursor: "older" follows endCursor, "newer" returns
// to the cursor the page before was read with (the graph pages forward only, so the page keeps the cursors it used).

const pageSizes = [5, 20, 50, 100];

type Snapshot = Record<string, unknown>;

/** An entry's before or after, a member's or a contact's fields as the network recorded them; null for none or not JSON. */
function snapshot(json: string | null): Snapshot | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Snapshot) : null;
  } catch {
    return null;
  }
}

/**
 * The fields an entry changed, in the snapshot's order: a postal code changed from 37269 to 99998 stood among the
 * thirteen fields of two whole records in JSON (the self-service probe). A creation lists what it set, an archiving
 * what it cleared.
 */
function changedFields(before: Snapshot | null, after: Snapshot | null): { field: string; before: unknown; after: unknown }[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((field) => field !== 'id');
  const changes = fields.map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null }));
  // With one side only (a creation, a deletion), the fields it holds; with both, those that differ.
  if (!before || !after) return changes.filter((change) => !isEmpty(before ? change.before : change.after));
  return changes.filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
}

const isEmpty = (value: unknown) => value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** A value of a snapshot as one line: lists by their items' first text (a service's title, a certificate's standard). */
function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(', ') : '–';
  if (typeof value === 'object') {
    const item = value as Record<string, unknown>;
    const head = item.title ?? item.standard ?? item.name;
    return typeof head === 'string' ? head + (typeof item.validUntil === 'string' ? ` (${item.validUntil})` : '') : JSON.stringify(value);
  }
  return String(value);
}

/** An import writes an entry per member created (its target the member) and one for the file (target NIWE:members). */
const actionOf = (entry: { action: string; target: string }) =>
  entry.action === 'importMembers' && !entry.target.endsWith(':members') ? 'importMember' : entry.action;

export function AuditPage({ session }: { session: Session }) {
  const text = useOfficeText();
  const { dateTime, number } = useLocale();
  const { network, chooser } = useOfficeNetwork(session, 'audit-network');
  const [pageSize, setPageSize] = useState(20);
  // The cursors of the pages read so far: cursors[0] is the first page's (none).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const tableHeading = useRef<HTMLHeadingElement>(null);
  const after = cursors.at(-1);
  const log = useQuery(officeAuditLog, { network, first: pageSize, ...(after ? { after } : {}) });
  const page = log.data?.auditLog;

  const move = (next: (string | undefined)[]) => {
    setCursors(next);
    // The button pressed may leave the page (no newer entries on the first): the focus goes to the table's heading.
    requestAnimationFrame(() => tableHeading.current?.focus());
  };

  return (
    <>
      <BackToOverview />
      <h1>{text.auditHeading}</h1>
      <p class="lead">{text.auditIntro}</p>
      <form class="office-form" onSubmit={(e) => e.preventDefault()} aria-label={text.auditHeading}>
        <div class="field-row">
          {chooser}
          <div class="field">
            <label for="audit-page-size">{text.pageSizeLabel}</label>
            <select
              id="audit-page-size"
              value={pageSize}
              onChange={(e) => {
                setPageSize(Number(e.currentTarget.value));
                setCursors([undefined]);
              }}
            >
              {pageSizes.map((size) => (
                <option key={size} value={size}>
                  {number(size)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>
      <ErrorNotice errors={log.errors} />
      <section aria-labelledby="audit-table-heading" aria-busy={log.loading ? 'true' : undefined}>
        <h2 id="audit-table-heading" ref={tableHeading} tabIndex={-1}>
          {text.pageNumber(number(cursors.length))}
        </h2>
        <ListState loading={!page && log.loading} list={page?.entries} empty={text.auditEmpty}>
          {(entries) => (
            <DataTable
              caption={text.auditHeading}
              columns={[text.columnAt, text.columnWho, text.columnAction, text.columnTarget, text.columnDetails]}
              class="office-table audit-table"
              scrollClass="office-scroll"
            >
              {entries.map((entry) => (
                <tr key={entry.id} data-action={entry.action}>
                  <td>
                    <time dateTime={entry.at}>{dateTime(entry.at)}</time>
                  </td>
                  <td>
                    <WhoCell entry={entry} />
                  </td>
                  <td>{text.action[actionOf(entry)] ?? entry.action}</td>
                  <td>
                    <TargetCell target={entry.target} name={targetName(entry)} />
                  </td>
                  <td>
                    <Changes entry={entry} />
                    {(entry.before || entry.after) && (
                      <details>
                        <summary>{text.showDetails}</summary>
                        {entry.before && (
                          <>
                            <p>{text.before}</p>
                            <pre>{entry.before}</pre>
                          </>
                        )}
                        {entry.after && (
                          <>
                            <p>{text.after}</p>
                            <pre>{entry.after}</pre>
                          </>
                        )}
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </ListState>
        <div class="paging">
          {cursors.length > 1 && (
            <button type="button" class="link-button" onClick={() => move(cursors.slice(0, -1))}>
              {text.newerEntries}
            </button>
          )}
          {page?.pageInfo.hasNextPage && page.pageInfo.endCursor && (
            <button type="button" class="link-button" onClick={() => move([...cursors, page.pageInfo.endCursor ?? undefined])}>
              {text.olderEntries}
            </button>
          )}
        </div>
      </section>
    </>
  );
}

/**
 * Who wrote: the person by name (an office's or a member's employee), their role and e-mail below; where region knows
 * nobody by the token's subject (admin, a deleted account), the role and the subject marked as an id, not a name.
 * A space before the line break, so the cell's text (a copy, a screen reader) does not run the name into the role.
 */
function WhoCell({ entry }: { entry: AuditEntry }) {
  const text = useOfficeText();
  const role = `${text.role[entry.role] ?? entry.role}${entry.actorNetwork ? ` ${entry.actorNetwork}` : ''}`;
  const { actor } = entry;
  if (!actor)
    return (
      <>
        {role}
        {entry.subject && (
          <span class="muted audit-subject">
            {' '}
            ({text.subjectId} <code>{entry.subject}</code>)
          </span>
        )}
      </>
    );
  return (
    <>
      <span class="audit-actor">{actor.name}</span>
      {actor.archived && <span class="muted"> ({text.actorArchived})</span>} <br />
      <span class="muted">
        {actor.kind === 'API_KEY' && actor.partner ? text.actorKey(actor.partner) : role}
        {actor.email && (
          <>
            {', '}
            <a href={`mailto:${actor.email}`}>{actor.email}</a>
          </>
        )}
      </span>
    </>
  );
}

/** The record's name from its snapshot (a member's, a contact's), beside its id. */
const targetName = (entry: { before: string | null; after: string | null }) => {
  const name = (snapshot(entry.after) ?? snapshot(entry.before))?.name;
  return typeof name === 'string' ? name : null;
};

function TargetCell({ target, name }: { target: string; name: string | null }) {
  // A member's id links to its profile; a contact's or an import's stays an id.
  const member = /^[A-Z]+:m-\d+$/.test(target);
  return (
    <>
      {name && (member ? <a href={`/mitglied/${target}`}>{name}</a> : <span>{name}</span>)}
      {name && ' '}
      <code class={name ? 'muted' : undefined}>{target}</code>
    </>
  );
}

/** What the entry changed, field by field: before → after. */
function Changes({ entry }: { entry: { before: string | null; after: string | null } }) {
  const text = useOfficeText();
  const changes = changedFields(snapshot(entry.before), snapshot(entry.after));
  if (changes.length === 0) return null;
  return (
    <dl class="audit-changes">
      {changes.map((change) => (
        <div key={change.field}>
          <dt>{text.auditField[change.field] ?? change.field}</dt>
          <dd>
            {entry.before && entry.after ? (
              valueText(change.before) === valueText(change.after) ? (
                // A contact's phone or a service's description changed, which the one-line summary does not show.
                text.auditChangedWithin
              ) : (
                <>
                  <del>{valueText(change.before)}</del> → <ins>{valueText(change.after)}</ins>
                </>
              )
            ) : (
              valueText(entry.after ? change.after : change.before)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
