/** `/`: the plan overview — plan facts, the goal areas with their targets, the programmes. */
import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import type { ObservationView } from '../../../../src/contracts/plans';
import { fetchObservations } from '../../api';
import { useI18n } from '../../i18n/context';
import { LoginCta } from '../auth/LoginCta';
import { Loaded } from '../common/Loading';
import { useAsync } from '../common/useAsync';
import type { PlanData } from '../plan/PlanContext';
import { StatusSummary } from '../status/StatusSummary';
import { PlanHeader } from './PlanHeader';
import { ProgrammeList } from './ProgrammeList';
import { type TargetRow, TargetTable } from './TargetTable';

/** The recorded (not alternate) observation of each indicator for one period. */
function byIndicator(observations: ObservationView[], period: string): Map<string, ObservationView> {
  const map = new Map<string, ObservationView>();
  for (const o of observations) if (o.period === period && !o.alternate) map.set(o.indicator, o);
  return map;
}

export default function OverviewPage({ data }: { data: PlanData }) {
  const { t, pick, lang } = useI18n();
  const { detail, statuses, asOf } = data;
  const planId = detail.plan.id;
  // Observations need a login: an anonymous visitor is not sent to a route that answers 401.
  const observations = useAsync(
    (signal) =>
      data.access === 'public' ? Promise.resolve(null) : fetchObservations(planId, { asOf }, signal),
    `${planId}|${asOf ?? ''}|${data.access}`,
  );
  const baselines = useMemo(
    () =>
      observations.state === 'done'
        ? byIndicator(observations.data ?? [], String(detail.plan.baseline_year))
        : new Map<string, ObservationView>(),
    [observations, detail.plan.baseline_year],
  );
  const indicators = useMemo(() => new Map(detail.indicators.map((i) => [i.id, i])), [detail.indicators]);
  const rowsFor = (goalArea: string): TargetRow[] =>
    detail.targets
      .filter((tg) => tg.goal_area === goalArea)
      .map((tg) => ({
        target: tg,
        indicator: tg.indicator ? indicators.get(tg.indicator) : undefined,
        baseline: tg.indicator ? baselines.get(tg.indicator) : undefined,
        status: statuses?.get(tg.id),
      }));

  return (
    <>
      <PlanHeader plan={detail.plan}>
        <StatusSummary statuses={statuses} />
        {data.access === 'public' && <LoginCta />}
      </PlanHeader>
      <section aria-labelledby="goal-areas-title" className="sx-section">
        <Typography.Title level={2} id="goal-areas-title">
          {t('goalAreas')}
        </Typography.Title>
        {observations.state === 'error' && <Loaded state={observations}>{() => null}</Loaded>}
        {detail.goal_areas.map((g, index) => {
          const rows = rowsFor(g.id);
          return (
            <Card
              key={g.id}
              className="sx-goal"
              title={
                <Typography.Title level={3} className="sx-goal-title">
                  <span className="sx-goal-no">{index + 1}</span>
                  {pick(g.name, g.name_en)}
                  <Typography.Text type="secondary" className="sx-count">
                    {t('targetsCount', { n: rows.length })}
                  </Typography.Text>
                </Typography.Title>
              }
            >
              {lang === 'zh' && g.description && (
                <Typography.Paragraph className="sx-goal-desc">{g.description}</Typography.Paragraph>
              )}
              <TargetTable rows={rows} />
            </Card>
          );
        })}
      </section>
      <ProgrammeList programmes={detail.programmes} />
    </>
  );
}
