/** The colours of the marked statements, each with its word. */
import { useI18n } from '../../i18n/context';

export function Legend() {
  const { t } = useI18n();
  return (
    <ul className="sx-x-legend" aria-label={t('exLegend')}>
      {(['achievement', 'target'] as const).map((p) => (
        <li key={p}>
          <mark className={`sx-x-mark sx-x-${p}`}>
            <span className={`sx-x-tag sx-x-tag-${p}`}>
              {t(p === 'target' ? 'exTarget' : 'exAchievement')}
            </span>
          </mark>
        </li>
      ))}
    </ul>
  );
}
