/** The columns of each list of the draft. */
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import type { I18n } from '../../i18n/context';
import { departmentChoices, type Draft, isKnown, type Keyed } from './draft';
import { valueText } from './valueText';

type Row<L extends keyof Draft> = Draft[L] extends (infer R)[] ? R : never;
type Cols<L extends keyof Draft> = ColumnsType<Row<L>>;

const idCol = <T extends { id: string }>(): ColumnsType<T>[number] => ({
  key: 'id',
  dataIndex: 'id',
  width: 110,
  render: (v: string) => <code>{v}</code>,
});

export function columnsFor(i18n: I18n, d: Draft) {
  const { t, word, lang } = i18n;
  const unitOf = (id?: string) => d.indicators.find((x) => x.id === id)?.unit ?? '';
  const indName = (id?: string) => (id ? (d.indicators.find((x) => x.id === id)?.name ?? id) : '—');
  const q = (v?: string) => (v && v !== 'exact' ? word(v) : '');
  const goalAreas: Cols<'goal_areas'> = [
    { ...idCol(), title: t('exId') },
    { key: 'name', dataIndex: 'name', title: t('exName') },
  ];
  const indicators: Cols<'indicators'> = [
    { ...idCol(), title: t('exId') },
    { key: 'name', dataIndex: 'name', title: t('exName') },
    { key: 'unit', dataIndex: 'unit', title: t('exUnit'), width: 70 },
    {
      key: 'direction',
      dataIndex: 'direction',
      title: t('exDirection'),
      width: 100,
      render: (v: string) => word(v),
    },
    {
      key: 'measure',
      dataIndex: 'measure',
      title: t('exMeasure'),
      width: 110,
      render: (v: string) => word(v),
    },
  ];
  const targets: Cols<'targets'> = [
    { ...idCol(), title: t('exId'), width: 70 },
    { key: 'text', dataIndex: 'text', title: t('exText') },
    { key: 'indicator', dataIndex: 'indicator', title: t('exIndicator'), render: (v?: string) => indName(v) },
    { key: 'kind', dataIndex: 'kind', title: t('exKind'), width: 90, render: (v: string) => word(v) },
    {
      key: 'value',
      title: t('exValue'),
      width: 120,
      render: (_: unknown, r: Keyed<Draft['targets'][number]>) =>
        r.value === undefined
          ? '—'
          : valueText(r.value, r.kind === 'growth_rate' ? '%' : unitOf(r.indicator), r.qualifier, lang),
    },
    { key: 'year', dataIndex: 'year', title: t('exYearCol'), width: 64, render: (v?: number) => v ?? '—' },
  ];
  const observations: Cols<'observations'> = [
    { key: 'indicator', dataIndex: 'indicator', title: t('exIndicator'), render: (v: string) => indName(v) },
    { key: 'period', dataIndex: 'period', title: t('exPeriod'), width: 70 },
    {
      key: 'value',
      title: t('exValue'),
      width: 130,
      render: (_: unknown, r: Keyed<Draft['observations'][number]>) =>
        valueText(r.value, unitOf(r.indicator), r.qualifier, lang),
    },
    {
      key: 'qualifier',
      dataIndex: 'qualifier',
      title: t('exQualifier'),
      width: 80,
      render: (v?: string) => (q(v) ? <Tag>{q(v)}</Tag> : null),
    },
  ];
  const programmes: Cols<'programmes'> = [
    { key: 'number', dataIndex: 'number', title: t('exNumber'), width: 56 },
    { key: 'name', dataIndex: 'name', title: t('exName') },
    {
      key: 'actions',
      title: t('exActions'),
      width: 80,
      render: (_: unknown, r: Draft['programmes'][number]) => t('actionsCount', { n: r.actions.length }),
    },
  ];
  const depts = departmentChoices(d);
  const dept = (id: string) => {
    const name = depts.find((x) => x.id === id)?.name ?? id;
    return isKnown(d, id) ? (
      <span key={id}>{name}</span>
    ) : (
      <Tag key={id} color="warning" className="sx-x-proposed">
        {name}（{t('exProposed')}）
      </Tag>
    );
  };
  const actionName = (id: string) =>
    d.programmes.flatMap((p) => p.actions).find((a) => a.id === id)?.name ?? id;
  const tasks: Cols<'tasks'> = [
    { key: 'title', dataIndex: 'title', title: t('exTaskTitle') },
    {
      key: 'action',
      dataIndex: 'action',
      title: t('exTaskAction'),
      width: 120,
      ellipsis: true,
      render: (v: string) => actionName(v),
    },
    {
      key: 'lead',
      dataIndex: 'lead_department',
      title: t('exLead'),
      width: 130,
      render: (v?: string) => (v ? dept(v) : '—'),
    },
    {
      key: 'co',
      dataIndex: 'co_departments',
      title: t('exCo'),
      width: 140,
      render: (v?: string[]) => (v?.length ? <span className="sx-x-depts">{v.map(dept)}</span> : '—'),
    },
    { key: 'due', dataIndex: 'due', title: t('exTaskDue'), width: 100 },
  ];
  return { goalAreas, indicators, targets, observations, programmes, tasks };
}
