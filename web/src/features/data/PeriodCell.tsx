/** A period as people write it (2025年第二季度 / Q2 2025), tagged 快报/预计 when its value is preliminary. */
import { Tag } from 'antd';
import { formatPeriod } from '../../format';
import { useI18n } from '../../i18n/context';

export function PeriodCell({ period, preliminary }: { period: string; preliminary: boolean }) {
  const { t, lang } = useI18n();
  return (
    <>
      {formatPeriod(period, lang)}
      {preliminary && (
        <>
          {' '}
          <Tag>{t('rpPreliminary')}</Tag>
        </>
      )}
    </>
  );
}
