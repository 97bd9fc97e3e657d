/**
 * `/cockpit/screen` (大屏): the cockpit for a meeting-room display, 1920×1080, dark, scaled to
 * the window. It reads again every minute and, when the server is away (restarting, network
 * down), keeps showing the last data with a notice and retries with growing pauses.
 */
import { useEffect, useState } from 'react';
import type { CockpitTarget } from '../../../../src/contracts/cockpit';
import { useI18n } from '../../i18n/context';
import { useLocation } from '../../router';
import { loginPage } from '../auth/RequireLogin';
import { look, statusOrder } from '../status/statusLook';
import { type CockpitData, loadCockpit, resolvePlan } from './cockpitApi';
import { dateText, money, percent } from './numbers';
import { lights } from './ProgrammeLights';
import { usePolling } from './usePolling';
import './screen.css';

export default loginPage('plan:read', Screen);

/** The scale that fits 1920×1080 into the window. */
function useFit(): number {
  const fit = () => Math.min(window.innerWidth / 1920, window.innerHeight / 1080);
  const [scale, setScale] = useState(fit);
  useEffect(() => {
    const onResize = () => setScale(fit());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

const clock = (ms: number) => new Date(ms).toTimeString().slice(0, 8);

function Screen() {
  const { t, lang, pick } = useI18n();
  const { search } = useLocation();
  const plan = search.get('plan');
  const asOf = search.get('as_of');
  const refreshSeconds = Math.max(5, Number(search.get('refresh')) || 60);
  const polled = usePolling(
    async (signal) => loadCockpit(await resolvePlan(plan, signal), asOf, signal),
    refreshSeconds * 1000,
  );
  const scale = useFit();
  const now = useNow(1000);
  useEffect(() => {
    document.title = `${t('ckScreen')} · ${t('brand')}`;
  }, [t]);
  const data = polled.data;
  return (
    <div className="sx-screen-frame">
      <div className="sx-screen" style={{ transform: `scale(${scale})` }} data-testid="big-screen">
        <header className="sx-sc-top">
          <h1>
            {data ? pick(data.cockpit.plan.title, data.cockpit.plan.title_en) : t('brand')}
            <span> · {t('ckTitle')}</span>
          </h1>
          <div className="sx-sc-meta">
            {data && <span>{t('ckAsOf', { date: dateText(data.cockpit.as_of, lang) })}</span>}
            <span className="sx-sc-clock">{clock(now)}</span>
            {polled.updatedAt && <span>{t('ckUpdated', { time: clock(polled.updatedAt) })}</span>}
          </div>
        </header>
        {polled.error && (
          <div className="sx-sc-alert" role="status" data-testid="screen-offline">
            {t('ckReconnecting', {
              s: Math.max(0, Math.ceil(((polled.nextAt ?? now) - now) / 1000)),
              time: polled.updatedAt ? clock(polled.updatedAt) : '—',
            })}
          </div>
        )}
        {data ? <ScreenBody {...data} /> : <p className="sx-sc-loading">{t('loading')}</p>}
      </div>
    </div>
  );
}

function ScreenBody({ cockpit, tasks }: CockpitData) {
  const { t, lang, pick } = useI18n();
  const urgent = cockpit.targets
    .filter((x) => x.urgency !== null)
    .sort((a, b) => (a.urgency ?? 0) - (b.urgency ?? 0))
    .slice(0, 5);
  return (
    <>
      <div className="sx-sc-counts">
        {statusOrder.map((code) => (
          <div key={code} className={`sx-sc-count sx-sc-count-${code}`}>
            <span className="sx-sc-count-word">
              <span aria-hidden="true">{look[code].symbol}</span> {look[code][lang]}
            </span>
            <strong>{cockpit.counts[code]}</strong>
          </div>
        ))}
      </div>
      <div className="sx-sc-main">
        <div className="sx-sc-areas">
          {cockpit.goal_areas.map((g, i) => (
            <section key={g.id} className="sx-sc-area">
              <h2>
                <span className="sx-sc-no">{i + 1}</span>
                {pick(g.name, g.name_en)}
              </h2>
              <ul>
                {cockpit.targets
                  .filter((x) => x.goal_area === g.id)
                  .slice(0, 5)
                  .map((x) => (
                    <ScreenTarget key={x.id} target={x} />
                  ))}
              </ul>
            </section>
          ))}
        </div>
        <aside className="sx-sc-side">
          <section>
            <h2>{t('ckUrgent')}</h2>
            {urgent.length === 0 ? (
              <p>{t('ckUrgentNone')}</p>
            ) : (
              <ol className="sx-sc-urgent">
                {urgent.map((x) => (
                  <li key={x.id}>
                    <span className={`sx-sc-dot sx-sc-${x.evaluation.status}`}>
                      {look[x.evaluation.status][lang]}
                    </span>
                    <span className="sx-sc-urgent-text">{pick(x.text ?? x.id, x.text_en)}</span>
                    {x.evaluation.projection && (
                      <span className="sx-sc-urgent-num">
                        {t('ckProjection', { year: x.evaluation.projection.year })}{' '}
                        {money(x.evaluation.projection.value, x.indicator?.unit ?? '', lang)} ·{' '}
                        {t('ckProbability', { p: percent(x.evaluation.projection.probability) })}
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section>
            <h2>
              {t('ckOverdue')} <span className="sx-sc-total">{cockpit.overdue.total}</span>
            </h2>
            <ul className="sx-sc-overdue">
              {cockpit.overdue.departments.slice(0, 6).map((d) => (
                <li key={d.department?.id ?? '-'}>
                  <span>{d.department ? pick(d.department.name, d.department.name_en) : t('noValue')}</span>
                  <strong>{t('ckOverdueItems', { n: d.count })}</strong>
                </li>
              ))}
            </ul>
          </section>
          {tasks && (
            <section>
              <h2>{t('ckProgrammes')}</h2>
              <p className="sx-sc-tasks">
                {lights.map((l) => (
                  <span key={l.key} className={`sx-sc-task-${l.key}`}>
                    <span aria-hidden="true">●</span> {lang === 'zh' ? l.zh : l.en}{' '}
                    {tasks.filter((x) => x.light === l.key).length}
                  </span>
                ))}
              </p>
            </section>
          )}
        </aside>
      </div>
    </>
  );
}

function ScreenTarget({ target }: { target: CockpitTarget }) {
  const { lang, pick } = useI18n();
  const e = target.evaluation;
  const unit = target.indicator?.unit ?? '';
  return (
    <li>
      <span className={`sx-sc-dot sx-sc-${e.status}`}>{look[e.status][lang]}</span>
      <span className="sx-sc-target-text">{pick(target.text ?? target.id, target.text_en)}</span>
      <span className="sx-sc-target-num">{e.latest ? money(e.latest.value, unit, lang) : '—'}</span>
    </li>
  );
}
