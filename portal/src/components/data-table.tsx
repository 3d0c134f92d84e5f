import type { ComponentChildren } from 'preact';
import { useLocale } from '../use-locale.ts';
import { TableScroll } from './table-scroll.tsx';

/** A column's heading, or a heading with a class of its own (`number`: the column's figures align right). */
export type Column = string | { label: string; class: string };

/**
 * A list shown as a table: the caption names it for screen readers (hidden on screen, where a heading above says
 * the same, unless `showCaption`) and names the box it scrolls sideways in on a narrow screen (TableScroll); one
 * heading per column; the rows are the children, each naming its row with a `th scope="row"` where one cell says
 * what the row is. The portal's tables wrote these twenty lines each.
 */
export function DataTable({
  caption,
  columns,
  class: tableClass,
  scrollClass,
  showCaption = false,
  children,
}: {
  caption: string;
  columns: readonly Column[];
  class?: string;
  scrollClass?: string;
  showCaption?: boolean;
  children: ComponentChildren;
}) {
  return (
    <TableScroll label={caption} class={scrollClass}>
      <table class={tableClass}>
        <caption class={showCaption ? undefined : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th scope="col" key={column}>
                  {column}
                </th>
              ) : (
                <th scope="col" key={column.label} class={column.class}>
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}

/**
 * What a list's place on its page shows: "loading" while `loading` (each page says when: some keep the rows they
 * have while they read again); `empty` only when the list came back and holds nothing; the list otherwise. A list
 * that did not come (an error without it, which the page's error notice says) shows nothing, where "no inquiries"
 * would be false. The pages wrote this choice each, with four different tests for "came back".
 */
export function ListState<T>({
  loading,
  list,
  empty,
  children,
}: {
  loading: boolean;
  list: readonly T[] | null | undefined;
  empty: ComponentChildren;
  children: (rows: readonly T[]) => ComponentChildren;
}) {
  const { t } = useLocale();
  if (loading) return <p aria-busy="true">{t.loading}</p>;
  if (!list) return null;
  if (list.length === 0) return <p>{empty}</p>;
  return <>{children(list)}</>;
}
