/** The plan's programmes, each a collapsible panel listing its actions and departments. */
import { Collapse, Typography } from 'antd';
import type { ProgrammeView } from '../../../../src/contracts/plans';
import { useI18n } from '../../i18n/context';
import { SimpleTable } from '../common/SimpleTable';

type Action = ProgrammeView['actions'][number];

export function ProgrammeList({ programmes }: { programmes: ProgrammeView[] }) {
  const { t, pick } = useI18n();
  const sorted = [...programmes].sort((a, b) => a.number - b.number);
  return (
    <section aria-labelledby="programmes-title" className="sx-section">
      <Typography.Title level={2} id="programmes-title">
        {t('programmes')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('programmesIntro', { n: programmes.length })}
      </Typography.Paragraph>
      <Collapse
        items={sorted.map((p) => ({
          key: p.id,
          label: (
            <span>
              <span className="sx-prog-no">{p.number}</span>
              {pick(p.name, p.name_en)}
              <Typography.Text type="secondary" className="sx-count">
                {t('actionsCount', { n: p.actions.length })}
              </Typography.Text>
            </span>
          ),
          children: (
            <SimpleTable<Action>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.actions}
              columns={[
                { key: 'name', title: t('action'), render: (_, a) => pick(a.name, a.name_en) },
                {
                  key: 'lead',
                  title: t('leadDept'),
                  render: (_, a) =>
                    a.lead_department
                      ? pick(a.lead_department.name, a.lead_department.name_en)
                      : t('noValue'),
                },
                {
                  key: 'co',
                  title: t('coDepts'),
                  render: (_, a) =>
                    a.co_departments.length
                      ? a.co_departments.map((d) => pick(d.name, d.name_en)).join(t('listSeparator'))
                      : t('noValue'),
                },
              ]}
            />
          ),
        }))}
      />
    </section>
  );
}
