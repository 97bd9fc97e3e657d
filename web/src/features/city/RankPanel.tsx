/** One shared indicator: the districts ranked from accepted data, and the city total. */
import { Select, Space, Tag, Typography } from 'antd';
import type { RankEntry } from '../../../../src/contracts/city';
import type { CityOverview } from '../../../../src/contracts/cityview';
import { formatValue } from '../../format';
import { useI18n } from '../../i18n/context';
import { Loaded } from '../common/Loading';
import { useAsync } from '../common/useAsync';
import { getRanks, getRollup } from './cityApi';
import { CityTable } from './CityTable';

interface Props {
  shared: CityOverview['shared_indicators'];
  indicator: string;
  onIndicator: (id: string) => void;
}

export function RankPanel({ shared, indicator, onIndicator }: Props) {
  const { t, lang } = useI18n();
  const state = useAsync(
    async (signal) => Promise.all([getRanks(indicator, signal), getRollup(indicator, signal)]),
    indicator,
  );
  return (
    <section aria-labelledby="sx-city-ranks-h" className="sx-city-panel">
      <Space wrap className="sx-city-bar">
        <Typography.Title level={2} id="sx-city-ranks-h" className="sx-city-h2">
          {t('cityRanks')}
        </Typography.Title>
        <label>
          {t('cityIndicator')}{' '}
          <Select
            value={indicator}
            onChange={onIndicator}
            style={{ minWidth: 220 }}
            aria-label={t('cityIndicator')}
            options={shared.map((s) => ({ value: s.id, label: `${s.name}（${s.unit}）` }))}
          />
        </label>
      </Space>
      <Loaded state={state}>
        {([ranks, rollup]) => {
          const unit = ranks.unit ?? '';
          return (
            <>
              <p className="sx-city-total">
                {t('cityTotal')}
                {ranks.period ? `（${ranks.period}）` : ''}：
                <strong>{rollup.total === null ? '—' : formatValue(rollup.total, unit, lang)}</strong>{' '}
                <span className="sx-city-muted">
                  {t('cityReporting', { n: rollup.reporting })}
                  {rollup.missing.length > 0 &&
                    ` · ${t('cityMissing', { names: rollup.missing.join('、') })}`}
                </span>
              </p>
              <CityTable<RankEntry>
                rowKey="tenant"
                dataSource={ranks.ranks}
                aria-label={t('cityRanks')}
                columns={[
                  {
                    key: 'rank',
                    dataIndex: 'rank',
                    title: t('cityRank'),
                    width: 64,
                    render: (v: number | null) => v ?? '—',
                  },
                  { key: 'name', dataIndex: 'name', title: t('cityDistrict') },
                  {
                    key: 'value',
                    title: t('cityValue'),
                    align: 'right',
                    render: (_, r) => (r.value === null ? '—' : formatValue(r.value, unit, lang)),
                  },
                  {
                    key: 'share',
                    title: t('cityShare'),
                    align: 'right',
                    width: 80,
                    render: (_, r) => {
                      const s = rollup.districts.find((d) => d.tenant === r.tenant)?.share;
                      return s == null ? '—' : `${(s * 100).toFixed(1)}%`;
                    },
                  },
                  {
                    key: 'flag',
                    width: 120,
                    render: (_, r) =>
                      r.late ? (
                        <Tag color="warning">{t('cityLate')}</Tag>
                      ) : r.missing ? (
                        <Tag>{t(r.missing === 'no_value' ? 'cityNoData' : 'cityNoIndicator')}</Tag>
                      ) : null,
                  },
                ]}
              />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
