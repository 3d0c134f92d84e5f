import { useRef, useState } from 'preact/hooks';
import { useConfirmDialog } from '../components/confirm-dialog.ts';
import { ErrorNotice } from '../components/notices.tsx';
import { DataTable, ListState } from '../components/data-table.tsx';
import { request } from '../graphql.ts';
import { archiveMember, officeMembers, type OfficeMember } from '../operations.ts';
import { paths } from '../router.ts';
import { type Said, say, sayFailure } from '../said.tsx';
import type { Session } from '../session.ts';
import { useReloadable } from '../use-query.ts';
import { BackToOverview, useOfficeNetwork } from './office.tsx';
import { officeText, useOfficeText } from './office-messages.ts';
import { ConfirmQuestion } from '../components/confirm-question.tsx';

// The network's live members by name, each with "Bearbeiten" (the member form) and "Archivieren". Archiving
// asks first in a modal dialog whose focus starts on "Abbrechen", so Enter alone archives nothing (as the
// award dialog in inquiry.tsx); confirmed, archiveMember takes the member out of every list and the search.
// The graph has no way back (no unarchive), so the page offers none.

/** The graph's largest page: a network of the demo's size (40 to 80 members) fits on one; more page by cursor. */
const pageSize = 100;

export function MembersPage({ session }: { session: Session }) {
  const text = useOfficeText();
  const { network, chooser } = useOfficeNetwork(session, 'members-network');
  // The cursors of the pages read so far, cursors[0] the first page's (none); another network starts afresh.
  const [paging, setPaging] = useState<{ network: string; cursors: (string | undefined)[] }>({ network, cursors: [undefined] });
  const cursors = paging.network === network ? paging.cursors : [undefined];
  const after = cursors.at(-1);
  const list = useReloadable(officeMembers, { network, first: pageSize, ...(after ? { after } : {}) });
  const page = list.data?.members;
  const tableHeading = useRef<HTMLHeadingElement>(null);
  const confirm = useConfirmDialog<OfficeMember>();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: Said } | null>(null);

  const archive = async () => {
    const result = await confirm.send((member) => request(archiveMember, { id: member.id }));
    if (!result) return;
    const archived = result.data?.archiveMember;
    setOutcome(
      archived ? { ok: true, message: say((locale) => officeText(locale).archived(archived.name)) } : { ok: false, message: sayFailure(result.errors) },
    );
    if (archived) list.reload();
    // The row and its button are gone: the focus goes to the list's heading, the outcome is announced below it.
    requestAnimationFrame(() => tableHeading.current?.focus());
  };

  const members = page?.edges.map((e) => e.node) ?? [];
  return (
    <>
      <BackToOverview />
      <h1>{text.membersHeading}</h1>
      <p class="lead">{text.membersIntro}</p>
      {chooser && (
        <form class="office-form" onSubmit={(e) => e.preventDefault()} aria-label={text.membersHeading}>
          {chooser}
        </form>
      )}
      <h2 ref={tableHeading} tabIndex={-1} class="office-page-heading">
        {text.membersCaption(network)}
      </h2>
      <div role="status" class="archive-status">
        {outcome && <p class={`notice ${outcome.ok ? 'notice-ok' : 'notice-error'}`}>{outcome.message}</p>}
      </div>
      {list.errors.length > 0 && <ErrorNotice errors={list.errors} />}
      <ListState loading={list.loading && !page} list={page && members} empty={text.membersEmpty}>
        {(rows) => (
          <DataTable
            caption={text.membersCaption(network)}
            columns={[text.columnName, text.columnPlace, text.columnActions]}
            class="office-table"
            scrollClass="office-scroll"
          >
            {rows.map((member) => (
              <tr key={member.id}>
                <th scope="row">
                  <a href={paths.member(member.id)}>{member.name}</a>
                </th>
                <td>
                  {member.postalCode} {member.city}
                </td>
                <td class="actions">
                  <a href={paths.memberEdit(member.id)} aria-label={text.editLabel(member.name)}>
                    {text.edit}
                  </a>{' '}
                  <button type="button" class="link-button" aria-label={text.archiveLabel(member.name)} onClick={() => confirm.ask(member)}>
                    {text.archive}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListState>
      {page?.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <p>
          <button type="button" class="link-button" onClick={() => setPaging({ network, cursors: [...cursors, page.pageInfo.endCursor ?? undefined] })}>
            {text.moreMembers}
          </button>
        </p>
      )}
      <ConfirmQuestion
        confirm={confirm}
        id="archive-question"
        question={(member) => text.archiveQuestion(member.name)}
        action={text.archiveConfirm}
        actionClass="confirm-archive"
        cancel={text.cancel}
        onConfirm={archive}
      />
    </>
  );
}
