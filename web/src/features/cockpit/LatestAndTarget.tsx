/** A target's latest value (and its period) beside its goal (and the goal's year): the cockpit's rows and the explorer's leaves. */
import { useI18n } from '../../i18n/context';
import { money } from './numbers';

// Each page's class for the labels and its words for them.
const places = {
  cockpit: { labelClass: 'sx-ck-label', latest: 'latest', target: 'target' },
  explorer: { labelClass: 'sx-px-label', latest: 'pxLatest', target: 'pxTarget' },
} as const;

export function LatestAndTarget(props: {
  latest: { value: number | null; period: string } | null | undefined;
  target: { value: number | null; kind: string; year?: number | null };
  unit: string;
  on: keyof typeof places;
}) {
  const { t, lang } = useI18n();
  const { latest, target, unit } = props;
  const place = places[props.on];
  return (
    <>
      <span>
        <span className={place.labelClass}>{t(place.latest)}</span>{' '}
        {latest ? `${money(latest.value, unit, lang)}（${latest.period}）` : '—'}
      </span>
      {target.value !== null && target.kind !== 'growth_rate' && (
        <span>
          <span className={place.labelClass}>{t(place.target)}</span> {money(target.value, unit, lang)}
          {target.year ? `（${target.year}）` : ''}
        </span>
      )}
    </>
  );
}
