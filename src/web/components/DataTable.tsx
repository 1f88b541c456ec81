import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean;
}

/**
 * A data table (NL Design System table) with a caption. On a phone each row becomes a small
 * card: every cell shows its column name (data-label) in front of the value.
 */
export function DataTable<T>({ caption, columns, rows, rowKey, captionVisible = false }: { caption: string; columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string; captionVisible?: boolean }) {
  return (
    <div className="utrecht-table-container mk-table-wrap">
      <table className="utrecht-table utrecht-table--html-table mk-table">
        <caption className={`utrecht-table__caption${captionVisible ? ' mk-table__caption' : ' mk-visually-hidden'}`}>{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`utrecht-table__header-cell${c.numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="utrecht-table__row">
              {columns.map((c) => (
                <td key={c.key} data-label={c.header} className={`utrecht-table__cell${c.numeric ? ' utrecht-table__cell--numeric-column' : ''}`}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
