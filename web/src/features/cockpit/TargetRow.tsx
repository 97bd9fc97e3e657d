/**
 * One target on the cockpit: its light, its words, and the numbers a leader asks for (latest,
 * target, expected now, the engine's projection with its probability), plus the one-sentence
 * explanation. The whole row links to the indicator's chart.
 */
import type { CockpitTarget } from '../../../../src/contracts/cockpit';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { look } from '../status/statusLook';
import { LatestAndTarget } from './LatestAndTarget';
import { money, percent } from './numbers';

export function TargetRow({ target, compact = false }: { target: CockpitTarget; compact?: boolean }) {
  const { t, lang, pick } = useI18n();
  const e = target.evaluation;
  const unit = target.indicator?.unit ?? e.unit ?? '';
  const l = look[e.status];
  const text = pick(target.text ?? target.indicator?.name ?? target.id, target.text_en);
  const p = e.projection;
  const body = (
    <>
      <span className="sx-ck-light" style={{ color: l.color }}>
        <span aria-hidden="true">{l.symbol}</span> {l[lang]}
      </span>
      <span className="sx-ck-text">{text}</span>
      <span className="sx-ck-nums">
        <LatestAndTarget latest={e.latest} target={target} unit={unit} on="cockpit" />
        {e.expected !== null && (
          <span>
            <span className="sx-ck-label">{t('ckExpectedNow')}</span> {money(e.expected, unit, lang)}
          </span>
        )}
        {p ? (
          <span className="sx-ck-forecast">
            <span className="sx-ck-label">{t('ckProjection', { year: p.year })}</span>{' '}
            {money(p.value, unit, lang)}
            {p.probability !== null && <> · {t('ckProbability', { p: percent(p.probability) })}</>}
          </span>
        ) : null}
      </span>
      {!compact && <span className="sx-ck-why">{e.explanation[lang] || e.explanation.zh}</span>}
    </>
  );
  return target.indicator ? (
    <Link
      className={`sx-ck-row sx-ck-row-${e.status}`}
      href={`/indicators/${encodeURIComponent(target.indicator.id)}`}
      data-target={target.id}
    >
      {body}
    </Link>
  ) : (
    <div className={`sx-ck-row sx-ck-row-${e.status}`} data-target={target.id}>
      {body}
    </div>
  );
}
