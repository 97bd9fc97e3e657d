/** The right pane: the draft plan by section, each a table whose items can be edited, dropped or added. */
import { Alert, Badge, Button, Space, Tabs, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { StatementView } from '../../../../src/contracts/extract';
import type { PlanHeader } from '../../../../src/domain/plan-file/schema';
import { useI18n } from '../../i18n/context';
import type { Key } from '../../i18n/dict';
import { columnsFor } from './columns';
import type { Draft, ListName } from './draft';
import type { RowErrors } from './errors';
import type { EditList } from './fields';
import { ItemTable, type ItemTableProps, type RowActions } from './ItemTable';
import { PlanHeaderForm } from './PlanHeaderForm';
import { StatementTable } from './StatementTable';

export type TabKey = ListName | 'plan' | 'statements';
type TableRest<T extends { _k: string }> = Omit<ItemTableProps<T>, 'label' | 'selected' | 'actions'>;

interface Props {
  draft: Draft;
  /** What the reviewer must check in the task table (row of the table, message). */
  warnings: { row: number; message: string }[];
  statements: StatementView[];
  errors: RowErrors;
  selected: string | null;
  tab: TabKey;
  onTab: (tab: TabKey) => void;
  rowActions: (list: EditList, parent?: string) => RowActions;
  onAdd: (list: EditList, parent?: string) => void;
  onHeader: (plan: PlanHeader) => void;
  onMerge: (keys: [string, string]) => void;
  onPickStatement: (s: StatementView) => void;
}

export function PlanTabs(props: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const { draft: d, errors, selected, rowActions, onAdd } = props;
  const [picked, setPicked] = useState<string[]>([]);
  const cols = columnsFor(i18n, d);
  const bad = (list?: ListName) =>
    list ? (errors.count[list] ?? 0) + (list === 'goal_areas' ? errors.header.length : 0) : 0;
  const label = (key: Key, n: number, list?: ListName) => (
    <span>
      {t(key)} <span className="sx-x-count">{n}</span>
      {bad(list) ? <Badge count={bad(list)} size="small" offset={[4, -8]} /> : null}
    </span>
  );
  const add = (list: EditList, parent?: string) => (
    <Button size="small" onClick={() => onAdd(list, parent)}>
      + {t(list === 'actions' ? 'exAddAction' : 'exAdd')}
    </Button>
  );
  const section = (key: Key, list: ListName, extra?: ReactNode) => (
    <Space className="sx-x-bar">
      <Typography.Title level={3} className="sx-x-h3">
        {t(key)}
      </Typography.Title>
      {add(list)}
      {extra}
    </Space>
  );
  const named = (r: { name?: string; id?: string; text?: string }) => r.name ?? r.text ?? r.id ?? '';
  const table = <T extends { _k: string }>(list: ListName, key: Key, rest: TableRest<T>) => (
    <ItemTable label={t(key)} selected={selected} actions={rowActions(list)} {...rest} />
  );
  /** A list's tab: its title bar (add, and any `extra`), what goes `before` the table, the table. */
  const tab = <T extends { _k: string }>(
    list: ListName,
    key: Key,
    rest: TableRest<T>,
    opts: { extra?: ReactNode; before?: ReactNode } = {},
  ) => ({
    key: list,
    label: label(key, rest.rows.length, list),
    children: (
      <>
        {section(key, list, opts.extra)}
        {opts.before}
        {table(list, key, rest)}
      </>
    ),
  });
  const items = [
    {
      key: 'plan',
      label: label('exHeader', d.goal_areas.length, 'goal_areas'),
      children: (
        <>
          <PlanHeaderForm plan={d.plan} problems={errors.header} onChange={props.onHeader} />
          {section('exGoalAreas', 'goal_areas')}
          {table('goal_areas', 'exGoalAreas', { rows: d.goal_areas, columns: cols.goalAreas, name: named })}
        </>
      ),
    },
    tab(
      'indicators',
      'exIndicators',
      {
        rows: d.indicators,
        columns: cols.indicators,
        name: named,
        rowSelection: {
          selectedRowKeys: picked,
          onChange: (keys) => setPicked((keys as string[]).slice(-2)),
          hideSelectAll: true,
        },
      },
      {
        extra: (
          <Button
            size="small"
            disabled={picked.length !== 2}
            title={t('exMergeHint')}
            onClick={() => props.onMerge(picked as [string, string])}
          >
            {t('exMerge')}
          </Button>
        ),
      },
    ),
    tab('targets', 'exTargets', { rows: d.targets, columns: cols.targets, name: named }),
    tab('observations', 'exObservations', {
      rows: d.observations,
      columns: cols.observations,
      name: (o) => `${o.indicator} ${o.period}`,
    }),
    tab('programmes', 'exProgrammes', {
      rows: d.programmes,
      columns: cols.programmes,
      name: named,
      expandable: {
        expandedRowRender: (p) => (
          <div className="sx-x-actions">
            <ItemTable
              label={`${p.name} ${t('exActions')}`}
              rows={p.actions}
              columns={[{ key: 'name', dataIndex: 'name', title: t('exActions') }]}
              name={named}
              selected={selected}
              actions={rowActions('actions', p._k)}
            />
            {add('actions', p._k)}
          </div>
        ),
      },
    }),
    tab(
      'tasks',
      'exTasks',
      { rows: d.tasks, columns: cols.tasks, name: (r) => r.title },
      {
        before: (
          <>
            <Typography.Paragraph className="sx-x-muted">
              {d.tasks.length ? t('exTasksIntro') : t('exNoTasks')}
            </Typography.Paragraph>
            {props.warnings.length > 0 && (
              <Alert
                type="warning"
                showIcon
                className="sx-x-task-warnings"
                title={t('exTaskWarnings', { n: props.warnings.length })}
                description={
                  <ul>
                    {props.warnings.map((w, i) => (
                      <li key={i}>
                        {t('exTaskRow', { row: w.row })}：{w.message}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
          </>
        ),
      },
    ),
    {
      key: 'statements',
      label: label('exStatements', props.statements.length),
      children: <StatementTable statements={props.statements} onPick={props.onPickStatement} />,
    },
  ];
  return (
    <Tabs
      activeKey={props.tab}
      onChange={(k) => props.onTab(k as TabKey)}
      items={items}
      className="sx-x-tabs"
    />
  );
}
