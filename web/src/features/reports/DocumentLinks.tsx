/**
 * On `/reports`: a month's one-page indicator fact sheet (指标简报) and the leaders' plan summary,
 * made on demand and downloaded as Word, PDF or Excel.
 */
import { Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { fetchPlan } from '../../api';
import { useI18n } from '../../i18n/context';
import { useAsync } from '../common/useAsync';
import { factSheetHref, summaryHref } from './reportsApi';
import { MonthField } from './MonthField';

const formats = ['docx', 'pdf', 'xlsx'] as const;

export function DocumentLinks(props: { plan: string; month: string }) {
  const { t, lang } = useI18n();
  const [month, setMonth] = useState(props.month);
  const [indicator, setIndicator] = useState<string | null>(null);
  const state = useAsync(
    async (signal) => (await fetchPlan(props.plan, 'internal', signal)).detail,
    props.plan,
  );
  const indicators = state.state === 'done' ? state.data.indicators : [];
  const chosen = indicator ?? indicators[0]?.id ?? null;
  const label = { docx: t('rpWord'), pdf: t('rpPdf'), xlsx: 'Excel' };
  // Each link named with its document, so a screen reader hears more than "Excel".
  const links = (what: string, href: (f: (typeof formats)[number]) => string) => (
    <Space>
      {formats.map((f) => (
        <a key={f} href={href(f)} download aria-label={`${what} ${label[f]}`}>
          {label[f]}
        </a>
      ))}
    </Space>
  );
  return (
    <Card title={t('rpDocuments')} size="small" style={{ marginBottom: 16 }}>
      <Space direction="vertical">
        <Space wrap>
          <MonthField id="rp-doc-month" label={t('rpDocMonth')} value={month} onChange={setMonth} />
        </Space>
        <Space wrap>
          <Typography.Text strong>{t('rpSummary')}</Typography.Text>
          {links(t('rpSummary'), (f) => summaryHref(props.plan, month, f))}
        </Space>
        <Space wrap>
          <Typography.Text strong>{t('rpFactSheet')}</Typography.Text>
          <Select
            aria-label={t('rpIndicator')}
            style={{ minWidth: 240 }}
            showSearch
            optionFilterProp="label"
            value={chosen}
            onChange={setIndicator}
            options={indicators.map((i) => ({
              value: i.id,
              label: lang === 'en' && i.name_en ? i.name_en : i.name,
            }))}
          />
          {chosen && links(t('rpFactSheet'), (f) => factSheetHref(props.plan, chosen, month, f))}
        </Space>
      </Space>
    </Card>
  );
}
