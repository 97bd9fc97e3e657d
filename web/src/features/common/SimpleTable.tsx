/**
 * A plain HTML table with antd Table's column API (title, dataIndex, render, width, align). antd's
 * Table brings select, tree, menu and pagination (about 130 KB compressed) to every page that
 * shows a list; read-only lists need none of it. Paging, when asked for, is a row of page buttons.
 */
import { type CSSProperties, type Key, type ReactNode, useState } from 'react';
import { useI18n } from '../../i18n/context';
import './table.css';

export interface SimpleColumn<T> {
  key?: Key;
  title: ReactNode;
  dataIndex?: keyof T & string;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
  render?: (value: unknown, row: T, index: number) => ReactNode;
}

export interface SimpleTableProps<T> {
  columns: SimpleColumn<T>[];
  dataSource: readonly T[];
  rowKey: (keyof T & string) | ((row: T) => Key);
  rowClassName?: (row: T) => string;
  /** `false` or absent: every row; else pages of `pageSize` rows. */
  pagination?: false | { pageSize: number; hideOnSinglePage?: boolean };
  /** The table's minimum width before it scrolls sideways (antd's `scroll.x`). */
  scroll?: { x?: number };
  size?: 'small' | 'middle';
  tableLayout?: 'fixed' | 'auto';
  /** Shown in place of rows when there are none. */
  empty?: ReactNode;
  caption?: ReactNode;
}

export function SimpleTable<T>(props: SimpleTableProps<T>) {
  const { t } = useI18n();
  const [page, setPage] = useState(0);
  const { columns, dataSource, pagination } = props;
  const size = pagination ? pagination.pageSize : dataSource.length || 1;
  const pages = Math.max(1, Math.ceil(dataSource.length / size));
  const current = Math.min(page, pages - 1);
  const rows = pagination ? dataSource.slice(current * size, current * size + size) : dataSource;
  const keyOf = (row: T): Key =>
    typeof props.rowKey === 'function' ? props.rowKey(row) : (row[props.rowKey] as Key);
  const cellStyle = (c: SimpleColumn<T>): CSSProperties | undefined =>
    c.align ? { textAlign: c.align } : undefined;
  return (
    <div className={`sx-table-wrap sx-table-${props.size ?? 'middle'}`}>
      <table
        className="sx-table"
        style={{ minWidth: props.scroll?.x, tableLayout: props.tableLayout ?? 'auto' }}
      >
        {props.caption && <caption>{props.caption}</caption>}
        <colgroup>
          {columns.map((c, i) => (
            <col key={c.key ?? c.dataIndex ?? i} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={c.key ?? c.dataIndex ?? i} scope="col" style={cellStyle(c)}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="sx-table-empty">
                {props.empty ?? t('noValue')}
              </td>
            </tr>
          )}
          {rows.map((row, r) => (
            <tr key={keyOf(row)} className={props.rowClassName?.(row) || undefined}>
              {columns.map((c, i) => {
                const value = c.dataIndex ? row[c.dataIndex] : undefined;
                return (
                  <td key={c.key ?? c.dataIndex ?? i} style={cellStyle(c)}>
                    {c.render ? c.render(value, row, r) : (value as ReactNode)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {pagination && !(pagination.hideOnSinglePage && pages === 1) && (
        <nav className="sx-pager" aria-label={t('pages')}>
          {Array.from({ length: pages }, (_, i) => (
            <button
              key={i}
              type="button"
              aria-current={i === current ? 'page' : undefined}
              onClick={() => setPage(i)}
            >
              {i + 1}
            </button>
          ))}
        </nav>
      )}
    </div>
  );
}
