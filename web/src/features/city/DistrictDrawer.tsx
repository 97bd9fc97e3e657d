/** A district's targets with their status: the city's drill-down into one district. */
import { Drawer } from 'antd';
import type { DistrictStatus } from '../../../../src/contracts/cityview';
import type { StatusCode } from '../../../../src/contracts/status';
import { useI18n } from '../../i18n/context';
import { Loaded } from '../common/Loading';
import { useAsync } from '../common/useAsync';
import { look } from '../status/statusLook';
import { getDistrict } from './cityApi';
import { Lights } from './Lights';
import { CityTable } from './CityTable';

type Row = DistrictStatus['targets'][number];

export function DistrictDrawer({ slug, onClose }: { slug: string; onClose: () => void }) {
  const { t, lang } = useI18n();
  const state = useAsync((signal) => getDistrict(slug, signal), slug);
  const name = state.state === 'done' ? state.data.name : slug;
  return (
    <Drawer open size={760} title={t('cityTargets', { name })} onClose={onClose}>
      <Loaded state={state}>
        {(d) => (
          <>
            <p>
              {d.plan?.title ?? t('cityNoPlan')} <Lights counts={d.counts} />
            </p>
            <CityTable<Row>
              rowKey="id"
              dataSource={d.targets}
              aria-label={t('cityTargets', { name: d.name })}
              columns={[
                { key: 'text', title: t('cityTarget'), render: (_, r) => r.text ?? r.id },
                { key: 'area', dataIndex: 'goal_area', title: t('cityGoalArea'), width: 110 },
                {
                  key: 'status',
                  title: t('cityStatus'),
                  width: 90,
                  render: (_, r) => {
                    const l = look[r.status as StatusCode];
                    return (
                      <span style={{ color: l.color }}>
                        {l.symbol} {l[lang]}
                      </span>
                    );
                  },
                },
                {
                  key: 'why',
                  title: t('cityWhy'),
                  render: (_, r) => r.explanation[lang] || r.explanation.zh,
                },
              ]}
            />
          </>
        )}
      </Loaded>
    </Drawer>
  );
}
