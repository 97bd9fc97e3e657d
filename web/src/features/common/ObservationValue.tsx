/** An observation's value with its period, source (linked when it has a URL) and 示意 tag. */
import { Tag, Typography } from 'antd';
import type { ObservationView } from '../../../../src/contracts/plans';
import type { SeriesPoint, TargetStatus } from '../../../../src/contracts/status';
import { formatObservation, formatPeriod, formatValue } from '../../format';
import { useI18n } from '../../i18n/context';

export function IllustrativeTag() {
  const { t } = useI18n();
  return (
    <Tag title={t('illustrativeHint')} className="sx-tag sx-tag-illustrative">
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

/** The status route's latest point, when it is in the indicator's own unit. */
export function derivedLatest(status: TargetStatus | undefined, unit: string): SeriesPoint | null {
  if (!status?.latest) return null;
  return status.unit == null || status.unit === unit ? status.latest : null;
}

/**
 * `point`: a value the status route gave when there is no stored observation to show (formula
 * indicators; the public API); tagged 计算值 when `derived`.
 */
export function ObservationValue({
  o,
  unit,
  showSource = true,
  point,
  derived = false,
}: {
  o: ObservationView | undefined | null;
  unit: string;
  showSource?: boolean;
  point?: SeriesPoint | null;
  derived?: boolean;
}) {
  const { t, lang } = useI18n();
  if (!o && point)
    return (
      <div className="sx-obs">
        <strong className="sx-num">{formatValue(point.value, unit, lang, 1)}</strong>{' '}
        <Typography.Text type="secondary">({formatPeriod(point.period, lang)})</Typography.Text>{' '}
        {derived && (
          <Tag title={t('derivedHint')} className="sx-tag">
            {t('derived')}
          </Tag>
        )}
      </div>
    );
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
