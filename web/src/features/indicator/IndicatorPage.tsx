/** `/indicators/{id}`: metadata, the chart (actual, expected path, target, projection) and observations. */
import { Card, Space, Typography } from 'antd';
import { useMemo } from 'react';
import type { IndicatorView, ObservationView } from '../../../../src/contracts/plans';
import { fetchObservations } from '../../api';
import { formatTargetValue, formatValue } from '../../format';
import { type I18n, useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { LoginCta } from '../auth/LoginCta';
import { Loaded } from '../common/Loading';
import { NoPage } from '../layout/NoPage';
import { derivedLatest, ObservationValue } from '../common/ObservationValue';
import { useAsync } from '../common/useAsync';
import type { PlanData } from '../plan/PlanContext';
import { StatusLight } from '../status/StatusLight';
import type { ChartInput } from './chartModel';
import './indicator.css';
import { ForecastLine } from './ForecastLine';
import { IndicatorChart } from './IndicatorChart';
import { IndicatorMeta } from './IndicatorMeta';
import { CityDefinitionLine } from './CityDefinitionLine';
import { ObservationTable } from './ObservationTable';
import { WhatIfPanel } from './WhatIfPanel';

function chartInput(
  data: PlanData,
  indicator: IndicatorView,
  observations: ObservationView[],
  i18n: I18n,
): ChartInput {
  const targets = data.detail.targets.filter((tg) => tg.indicator === indicator.id);
  const target = targets.find((tg) => tg.kind !== 'growth_rate' && tg.value !== null) ?? null;
  const status =
    (target && data.statuses?.get(target.id)) ??
    targets.map((tg) => data.statuses?.get(tg.id)).find(Boolean) ??
    null;
  const { t } = i18n;
  return {
    unit: indicator.unit,
    observations,
    target,
    status,
    format: (v) => formatValue(v, indicator.unit, i18n.lang),
    labels: {
      actual: t('actual'),
      alternate: t('alternate'),
      expectedPath: t('expectedPath'),
      projection: t('projection'),
      projectionValue: t('projectionValue'),
      target: t('target'),
    },
  };
}

export default function IndicatorPage({ data, id }: { data: PlanData; id: string }) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const indicator = data.detail.indicators.find((i) => i.id === id);
  const planId = data.detail.plan.id;
  // Observations need a login: an anonymous visitor is not sent to a route that answers 401.
  const observations = useAsync(
    (signal) =>
      data.access === 'public'
        ? Promise.resolve(null)
        : fetchObservations(planId, { indicator: id, asOf: data.asOf }, signal),
    `${planId}|${id}|${data.asOf ?? ''}|${data.access}`,
  );
  const input = useMemo(
    () =>
      indicator && observations.state === 'done'
        ? chartInput(data, indicator, observations.data ?? [], i18n)
        : null,
    [data, indicator, observations, i18n],
  );
  if (!indicator) return <NoPage status="404" title={t('indicatorNotFound')} hint={id} />;
  const name = pick(indicator.name, indicator.name_en);
  const targets = data.detail.targets.filter((tg) => tg.indicator === indicator.id);
  const whatIfTarget =
    indicator.frequency === 'annual' && !indicator.formula
      ? targets.find((tg) => (tg.kind === 'level' || tg.kind === 'growth_rate') && tg.value !== null)
      : undefined;
  return (
    <Space orientation="vertical" size="large" className="sx-stack">
      <div>
        <Link href="/">← {t('backToOverview')}</Link>
        <Typography.Title level={1}>{name}</Typography.Title>
        <div className="sx-latest">
          {t('latest')}:{' '}
          <ObservationValue
            o={indicator.latest}
            point={targets
              .map((tg) => derivedLatest(data.statuses?.get(tg.id), indicator.unit))
              .find(Boolean)}
            derived
            unit={indicator.unit}
          />
        </div>
        <IndicatorMeta indicator={indicator} />
        {data.access === 'internal' && <CityDefinitionLine plan={planId} indicator={indicator.id} />}
      </div>
      {targets.length > 0 && (
        <Card title={<h2 className="sx-card-h">{t('targetsOnIndicator')}</h2>}>
          <ul className="sx-target-list">
            {targets.map((tg) => (
              <li key={tg.id}>
                <span>{pick(tg.text ?? '', tg.text_en)}</span>
                <span className="sx-num">{formatTargetValue(tg, indicator, i18n)}</span>
                <StatusLight status={data.statuses?.get(tg.id)} />
                <div className="sx-target-forecast">
                  <ForecastLine status={data.statuses?.get(tg.id)} unit={indicator.unit} />
                  {data.statuses?.get(tg.id) && (
                    <p className="sx-forecast-why">
                      {data.statuses.get(tg.id)?.explanation[i18n.lang] ||
                        data.statuses.get(tg.id)?.explanation.zh}
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={<h2 className="sx-card-h">{t('chartTitle')}</h2>}>
        <Loaded state={observations}>
          {() => (input ? <IndicatorChart input={input} label={t('chartAlt', { name })} /> : null)}
        </Loaded>
      </Card>
      {whatIfTarget && data.access === 'internal' && (
        <Card title={<h2 className="sx-card-h">{t('whatIf')}</h2>}>
          <WhatIfPanel plan={planId} target={whatIfTarget} unit={indicator.unit} asOf={data.asOf} />
        </Card>
      )}
      <Card title={<h2 className="sx-card-h">{t('observations')}</h2>}>
        <Loaded state={observations}>
          {(rows) =>
            rows ? (
              <ObservationTable observations={rows} unit={indicator.unit} />
            ) : (
              <LoginCta text={t('observationsNeedLogin')} />
            )
          }
        </Loaded>
      </Card>
    </Space>
  );
}
