/** How many targets are in each status, red first, as symbols with words and counts. */
import { Space, Typography } from 'antd';
import type { StatusCode, TargetStatus } from '../../../../src/contracts/status';
import { useI18n } from '../../i18n/context';
import { look } from './StatusLight';

const order: StatusCode[] = ['off_track', 'at_risk', 'on_track', 'achieved', 'no_data'];

export function StatusSummary({ statuses }: { statuses: Map<string, TargetStatus> }) {
  const { t, lang } = useI18n();
  const all = [...statuses.values()];
  const asOf = all.find((s) => s.as_of)?.as_of;
  return (
    <div className="sx-summary" aria-label={t('statusSummary')}>
      <Space size="large" wrap>
        {order.map((code) => (
          <span key={code} className="sx-status" style={{ color: look[code].color }}>
            <span aria-hidden="true">{look[code].symbol}</span> {look[code][lang]}{' '}
            <strong>{all.filter((s) => s.status === code).length}</strong>
          </span>
        ))}
        {asOf && <Typography.Text type="secondary">{t('asOf', { date: asOf })}</Typography.Text>}
      </Space>
    </div>
  );
}
