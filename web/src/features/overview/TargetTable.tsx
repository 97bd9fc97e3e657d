/** The targets of one goal area: text, indicator, target value, kind, baseline, latest, status. */
import { Tag } from 'antd';
import type { IndicatorView, ObservationView, TargetView } from '../../../../src/contracts/plans';
import type { TargetStatus } from '../../../../src/contracts/status';
import { formatTargetValue } from '../../format';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { derivedLatest, ObservationValue } from '../common/ObservationValue';
import { type SimpleColumn, SimpleTable } from '../common/SimpleTable';
import { StatusLight } from '../status/StatusLight';

export interface TargetRow {
  target: TargetView;
  indicator: IndicatorView | undefined;
  baseline: ObservationView | undefined;
  status: TargetStatus | undefined;
}

export function TargetTable({ rows }: { rows: TargetRow[] }) {
  const i18n = useI18n();
  const { t, pick, word } = i18n;
  const columns: SimpleColumn<TargetRow>[] = [
    {
      key: 'target',
      title: t('target'),
      width: '24%',
      render: (_, r) => (
        <>
          <div className="sx-target-text">{pick(r.target.text ?? '', r.target.text_en)}</div>
          <Tag className="sx-tag">{word(r.target.kind)}</Tag>
        </>
      ),
    },
    {
      key: 'indicator',
      title: t('indicator'),
      width: '15%',
      render: (_, r) =>
        r.indicator ? (
          <Link href={`/indicators/${encodeURIComponent(r.indicator.id)}`}>
            {pick(r.indicator.name, r.indicator.name_en)}
          </Link>
        ) : (
          t('noValue')
        ),
    },
    {
      key: 'value',
      title: t('targetValue'),
      width: '15%',
      render: (_, r) => <span className="sx-num">{formatTargetValue(r.target, r.indicator, i18n)}</span>,
    },
    {
      key: 'baseline',
      title: t('baseline'),
      width: '13%',
      render: (_, r) =>
        r.indicator ? (
          <ObservationValue
            o={r.baseline}
            point={r.status?.baseline}
            unit={r.indicator.unit}
            showSource={false}
          />
        ) : (
          t('noValue')
        ),
    },
    {
      key: 'latest',
      title: t('latest'),
      width: '24%',
      render: (_, r) =>
        r.indicator ? (
          <ObservationValue
            o={r.indicator.latest}
            unit={r.indicator.unit}
            derived
            point={derivedLatest(r.status, r.indicator.unit)}
          />
        ) : (
          t('noValue')
        ),
    },
    {
      key: 'status',
      title: t('status'),
      render: (_, r) => <StatusLight status={r.status} />,
    },
  ];
  return (
    <SimpleTable<TargetRow>
      rowKey={(r) => r.target.id}
      columns={columns}
      dataSource={rows}
      pagination={false}
      size="middle"
      scroll={{ x: 900 }}
      tableLayout="fixed"
    />
  );
}
