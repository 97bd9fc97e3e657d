/** Every observation of an indicator: period, value, qualifier, source, 示意 and other-source rows. */
import { Tag } from 'antd';
import type { ObservationView } from '../../../../src/contracts/plans';
import { formatNumber } from '../../format';
import { useI18n } from '../../i18n/context';
import { IllustrativeTag, SourceLink } from '../common/ObservationValue';
import { SimpleTable } from '../common/SimpleTable';

export function ObservationTable({ observations, unit }: { observations: ObservationView[]; unit: string }) {
  const { t, word, lang } = useI18n();
  const rows = [...observations].sort(
    (a, b) => b.period.localeCompare(a.period) || Number(a.alternate) - Number(b.alternate),
  );
  return (
    <SimpleTable<ObservationView>
      rowKey={(o) => `${o.period}|${o.source ?? ''}|${o.version}|${String(o.alternate)}`}
      dataSource={rows}
      pagination={false}
      size="small"
      scroll={{ x: 720 }}
      rowClassName={(o) => (o.alternate ? 'sx-row-alternate' : '')}
      columns={[
        { key: 'period', title: t('periodCol'), dataIndex: 'period', width: 90 },
        {
          key: 'value',
          title: t('valueCol', { unit }),
          align: 'right',
          width: 150,
          render: (_, o) => (
            <span className="sx-num">
              {formatNumber(o.value, lang)}
              {o.illustrative && (
                <>
                  {' '}
                  <IllustrativeTag />
                </>
              )}
            </span>
          ),
        },
        {
          key: 'qualifier',
          title: t('qualifier'),
          width: 100,
          render: (_, o) => (o.qualifier ? word(o.qualifier) : t('noValue')),
        },
        {
          key: 'source',
          title: t('source'),
          render: (_, o) => (
            <>
              {o.alternate && (
                <Tag title={t('alternateHint')} className="sx-tag">
                  {t('alternate')}
                </Tag>
              )}
              <SourceLink o={o} />
              {o.note && lang === 'zh' && <div className="sx-note">{o.note}</div>}
            </>
          ),
        },
      ]}
    />
  );
}
