/** `/city`: the city cockpit — every district's lights side by side, ranks, the city total, drill-down. */
import { Button, Typography } from 'antd';
import { useState } from 'react';
import type { CityOverview } from '../../../../src/contracts/cityview';
import { useI18n } from '../../i18n/context';
import { loginPage } from '../auth/RequireLogin';
import { Loaded } from '../common/Loading';
import { useAsync } from '../common/useAsync';
import { getOverview } from './cityApi';
import { DistrictDrawer } from './DistrictDrawer';
import { Lights } from './Lights';
import { RankPanel } from './RankPanel';
import { CityTable } from './CityTable';
import './city.css';

type District = CityOverview['districts'][number];

function Overview({ o }: { o: CityOverview }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const [indicator, setIndicator] = useState<string | null>(o.shared_indicators[0]?.id ?? null);
  return (
    <>
      <Typography.Title level={1} className="sx-h1-plain">
        {t('cityTitle')} · {o.name}
      </Typography.Title>
      <Typography.Paragraph className="sx-city-muted">
        {t('cityIntro')} {t('cityAsOf', { date: o.as_of })}
      </Typography.Paragraph>
      <section aria-labelledby="sx-city-grid-h" className="sx-city-panel">
        <Typography.Title level={2} id="sx-city-grid-h" className="sx-city-h2">
          {t('cityDistricts')}
        </Typography.Title>
        <CityTable<District>
          rowKey="tenant"
          scroll={{ x: 'max-content' }}
          dataSource={o.districts}
          aria-label={t('cityDistricts')}
          columns={[
            {
              key: 'name',
              title: t('cityDistrict'),
              fixed: 'left',
              render: (_, d) => (
                <Button type="link" className="sx-city-open" onClick={() => setOpen(d.tenant)}>
                  {d.name}
                </Button>
              ),
            },
            {
              key: 'plan',
              title: t('cityPlan'),
              render: (_, d) => d.plan?.title ?? <span className="sx-city-muted">{t('cityNoPlan')}</span>,
            },
            { key: 'all', title: t('cityAll'), render: (_, d) => <Lights counts={d.counts} /> },
            ...o.goal_areas.map((g) => ({
              key: `area:${g.name}`,
              title: g.name,
              render: (_: unknown, d: District) => (
                <Lights counts={d.areas.find((a) => a.name === g.name)?.counts ?? {}} />
              ),
            })),
          ]}
        />
      </section>
      {indicator ? (
        <RankPanel shared={o.shared_indicators} indicator={indicator} onIndicator={setIndicator} />
      ) : (
        <p>{t('cityNoShared')}</p>
      )}
      {open && <DistrictDrawer slug={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function City() {
  const state = useAsync((signal) => getOverview(signal), 'overview');
  return <div className="sx-city">{<Loaded state={state}>{(o) => <Overview o={o} />}</Loaded>}</div>;
}

export default loginPage('city:read', City);
