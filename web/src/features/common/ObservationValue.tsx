/** An observation's value with its period, source (linked when it has a URL) and 示意 tag. */
import { Tag, Typography } from 'antd';
import type { ObservationView } from '../../../../src/contracts/plans';
import { formatObservation, formatPeriod } from '../../format';
import { useI18n } from '../../i18n/context';

export function IllustrativeTag() {
  const { t } = useI18n();
  return (
    <Tag color="orange" title={t('illustrativeHint')} className="sx-tag">
      {t('illustrative')}
    </Tag>
  );
}

export function SourceLink({ o }: { o: ObservationView }) {
  if (!o.source && !o.source_url) return null;
  const label = o.source ?? o.source_url ?? '';
  return o.source_url ? (
    <a href={o.source_url} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  ) : (
    <>{label}</>
  );
}

export function ObservationValue({
  o,
  unit,
  showSource = true,
}: {
  o: ObservationView | undefined | null;
  unit: string;
  showSource?: boolean;
}) {
  const { t, lang } = useI18n();
  if (!o) return <div className="sx-obs">{t('noValue')}</div>;
  return (
    <div className="sx-obs">
      <div>
        <strong className="sx-num">{formatObservation(o, unit, lang)}</strong>{' '}
        <Typography.Text type="secondary">({formatPeriod(o.period, lang)})</Typography.Text>{' '}
        {o.illustrative && <IllustrativeTag />}
      </div>
      {showSource && (o.source || o.source_url) && (
        <div className="sx-source">
          {t('source')}: <SourceLink o={o} />
        </div>
      )}
    </div>
  );
}
