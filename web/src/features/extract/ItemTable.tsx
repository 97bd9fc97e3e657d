/** One list of the draft as a table: its columns plus the row's problems, 原文, edit and delete. */
import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import type { ColumnsType, TableRowSelection } from 'antd/es/table/interface';
import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/context';
import type { FieldProblem } from './errors';

export interface RowActions {
  problems: (k: string) => FieldProblem[] | undefined;
  hasSource: (k: string) => boolean;
  onSource: (k: string) => void;
  onEdit: (k: string) => void;
  onDelete: (k: string) => void;
  /** Extra words for the delete confirmation (what goes with the item). */
  deleteNote?: (k: string) => string | undefined;
}

export interface ItemTableProps<T extends { _k: string }> {
  label: string;
  rows: T[];
  columns: ColumnsType<T>;
  name: (row: T) => string;
  selected: string | null;
  actions: RowActions;
  rowSelection?: TableRowSelection<T>;
  expandable?: { expandedRowRender: (row: T) => ReactNode };
}

export function ItemTable<T extends { _k: string }>(props: ItemTableProps<T>) {
  const { t } = useI18n();
  const { rows, columns, name, selected, actions } = props;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!selected) return;
    box.current
      ?.querySelector(`tr[data-row-key="${CSS.escape(selected)}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);
  const all: ColumnsType<T> = [
    ...columns.map((c, i) =>
      i === 0
        ? {
            ...c,
            render: (v: unknown, row: T, index: number) => (
              <>
                {c.render ? c.render(v, row, index) : (v as ReactNode)}
                {actions.problems(row._k)?.map((p, j) => (
                  <Typography.Text key={j} type="danger" className="sx-x-problem" role="alert">
                    {p.field ? `${p.field}: ` : ''}
                    {p.message}
                  </Typography.Text>
                ))}
              </>
            ),
          }
        : c,
    ),
    {
      key: 'ops',
      title: <span className="sx-sr-only">{t('exEdit')}</span>,
      width: 150,
      render: (_: unknown, row: T) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            disabled={!actions.hasSource(row._k)}
            onClick={() => actions.onSource(row._k)}
            aria-label={t('exSourceLabel', { name: name(row) })}
          >
            {t('exSource')}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => actions.onEdit(row._k)}
            aria-label={`${t('exEdit')} ${name(row)}`}
          >
            {t('exEdit')}
          </Button>
          <Popconfirm
            title={t('exDeleteConfirm', { name: name(row) })}
            description={actions.deleteNote?.(row._k)}
            okText={t('exDelete')}
            cancelText={t('exCancel')}
            onConfirm={() => actions.onDelete(row._k)}
          >
            <Button type="link" size="small" danger aria-label={`${t('exDelete')} ${name(row)}`}>
              {t('exDelete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <div ref={box}>
      <Table<T>
        aria-label={props.label}
        size="small"
        rowKey="_k"
        dataSource={rows}
        columns={all}
        pagination={false}
        rowSelection={props.rowSelection}
        expandable={props.expandable}
        rowClassName={(row) =>
          [row._k === selected ? 'sx-x-selected' : '', actions.problems(row._k) ? 'sx-x-bad' : ''].join(' ')
        }
      />
    </div>
  );
}
