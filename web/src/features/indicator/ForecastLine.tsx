/** The engine's forecast in words, next to the status: value, 80% interval and probability. */
import type { TargetStatus } from '../../../../src/contracts/status';
import { useI18n } from '../../i18n/context';
import { money, percent } from '../cockpit/numbers';

export function ForecastLine({ status, unit }: { status: TargetStatus | undefined; unit: string }) {
  const { t, lang } = useI18n();
  if (!status) return null;
  const p = status.projection;
  if (!p)
    return status.projection_reason ? (
      <p className="sx-forecast">{t('forecastNone', { reason: status.projection_reason })}</p>
    ) : null;
  return (
    <p className="sx-forecast" data-testid="forecast">
      <strong>{t('forecast')}</strong>{' '}
      {t('forecastLine', {
        year: p.year,
        value: money(p.value, unit, lang),
        low: money(p.low, unit, lang),
        high: money(p.high, unit, lang),
        p: percent(p.probability),
      })}
    </p>
  );
}
