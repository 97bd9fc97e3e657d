import { Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { PlanSummary } from '../../../../src/contracts/plans';
import { useI18n } from '../../i18n/context';

export function PlanHeader({ plan, children }: { plan: PlanSummary; children?: ReactNode }) {
  const { t, pick } = useI18n();
  const source = plan.source;
  return (
    <section aria-labelledby="plan-title" className="sx-plan-header">
      <Typography.Title level={1} id="plan-title">
        {pick(plan.title, plan.title_en)}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 4 }}
        items={[
          { key: 'period', label: t('period'), children: `${plan.start}–${plan.end}` },
          { key: 'baseline', label: t('baselineYear'), children: plan.baseline_year },
          {
            key: 'source',
            label: t('sourceDocument'),
            children: source ? (
              source.url ? (
                <a href={source.url} target="_blank" rel="noopener noreferrer">
                  {source.title}
                </a>
              ) : (
                source.title
              )
            ) : (
              t('noValue')
            ),
          },
          {
            key: 'version',
            label: t('version'),
            children: (
              <>
                {t('versionN', { n: plan.version })}{' '}
                <Tag color={plan.status === 'published' ? 'blue' : 'default'}>
                  {t(plan.status === 'published' ? 'published' : 'draft')}
                </Tag>
              </>
            ),
          },
        ]}
      />
      {children}
    </section>
  );
}
