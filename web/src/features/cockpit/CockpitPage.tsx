/**
 * `/cockpit`: the whole plan on one screen for a district leader. One API call brings every
 * target's evaluation, urgency, the data overdue by department and the task lights with the
 * tasks overdue by lead department. The status counts filter everything below them.
 */
import { useMemo, useState } from 'react';
import type { CockpitTarget } from '../../../../src/contracts/cockpit';
import type { StatusCode } from '../../../../src/contracts/status';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { statusOrder } from '../status/statusLook';
import { type CockpitData, loadCockpit } from './cockpitApi';
import { dateText } from './numbers';
import { OverduePanel } from './OverduePanel';
import { ProgrammeLights } from './ProgrammeLights';
import { StatusCounts } from './StatusCounts';
import { TaskOverduePanel } from './TaskOverduePanel';
import { PlanReadPage } from './PlanReadPage';
import { TargetRow } from './TargetRow';

import './cockpit.css';

/** Urgent first, then worst status first, then plan order. */
function byAttention(a: CockpitTarget, b: CockpitTarget): number {
  return (
    (a.urgency ?? 1e9) - (b.urgency ?? 1e9) ||
    statusOrder.indexOf(a.evaluation.status) - statusOrder.indexOf(b.evaluation.status)
  );
}

export default function CockpitPage() {
  return <PlanReadPage read={loadCockpit}>{(data) => <CockpitView {...data} />}</PlanReadPage>;
}

function CockpitView({ cockpit, tasks }: CockpitData) {
  const { t, lang, pick } = useI18n();
  const [filter, setFilter] = useState<StatusCode | null>(null);
  const shown = useMemo(
    () => cockpit.targets.filter((x) => filter === null || x.evaluation.status === filter),
    [cockpit.targets, filter],
  );
  const urgent = shown
    .filter((x) => x.urgency !== null)
    .sort(byAttention)
    .slice(0, 8);
  const areas = [
    ...cockpit.goal_areas.map((g) => ({ id: g.id, name: pick(g.name, g.name_en) })),
    { id: null, name: t('ckOther') },
  ];
  return (
    <div className="sx-ck">
      <header className="sx-ck-head">
        <div>
          <h1>
            {t('ckTitle')}
            <span className="sx-ck-plan">{pick(cockpit.plan.title, cockpit.plan.title_en)}</span>
          </h1>
          <p className="sx-ck-muted">{t('ckAsOf', { date: dateText(cockpit.as_of, lang) })}</p>
        </div>
        <Link className="sx-ck-screen-link" href="/cockpit/screen">
          {t('ckScreen')}
        </Link>
      </header>
      <StatusCounts counts={cockpit.counts} filter={filter} onFilter={setFilter} />
      <p className="sx-ck-muted" aria-live="polite">
        {t('ckShowing', { n: shown.length })}
      </p>
      <div className="sx-ck-grid">
        <div className="sx-ck-main">
          {(filter === null || filter === 'off_track' || filter === 'at_risk') && (
            <section className="sx-ck-panel sx-ck-urgent" aria-labelledby="ck-urgent">
              <h2 id="ck-urgent">{t('ckUrgent')}</h2>
              {urgent.length === 0 ? (
                <p className="sx-ck-muted">{t('ckUrgentNone')}</p>
              ) : (
                urgent.map((x) => <TargetRow key={x.id} target={x} />)
              )}
            </section>
          )}
          <section aria-labelledby="ck-areas">
            <h2 id="ck-areas">{t('ckGoalAreas')}</h2>
            <div className="sx-ck-areas">
              {areas.map((area, index) => {
                const rows = shown.filter((x) => x.goal_area === area.id).sort(byAttention);
                if (rows.length === 0 && (area.id === null || filter !== null)) return null;
                return (
                  <section
                    key={area.id ?? 'other'}
                    className="sx-ck-area"
                    aria-labelledby={`ck-area-${index}`}
                  >
                    <h3 id={`ck-area-${index}`}>
                      {area.id !== null && <span className="sx-goal-no">{index + 1}</span>}
                      {area.name}
                      <span className="sx-ck-area-count">{t('targetsCount', { n: rows.length })}</span>
                    </h3>
                    {rows.map((x) => (
                      <TargetRow key={x.id} target={x} compact />
                    ))}
                  </section>
                );
              })}
            </div>
          </section>
        </div>
        <aside className="sx-ck-side">
          <OverduePanel overdue={cockpit.overdue} />
          {cockpit.tasks && <TaskOverduePanel tasks={cockpit.tasks} />}
          <ProgrammeLights programmes={cockpit.programmes} tasks={tasks} />
        </aside>
      </div>
    </div>
  );
}
