/** `/portal/`: the public page — the published plan's targets, latest values and sources. */
import { Alert, Card, Typography } from 'antd';
import { formatTargetValue } from '../../format';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { derivedLatest, ObservationValue } from '../common/ObservationValue';
import type { PlanData } from '../plan/PlanContext';
import { StatusLight } from '../status/StatusLight';
import { StatusSummary } from '../status/StatusSummary';

export default function PortalPage({ data }: { data: PlanData }) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { detail, statuses } = data;
  const indicators = new Map(detail.indicators.map((i) => [i.id, i]));
  const openData = data.path;
  return (
    <div className="sx-portal">
      <Typography.Title level={1}>{t('portalTitle')}</Typography.Title>
      <Typography.Paragraph>
        {t('portalIntro')} {pick(detail.plan.title, detail.plan.title_en)} ({detail.plan.start}–
        {detail.plan.end})
      </Typography.Paragraph>
      <StatusSummary statuses={statuses} />
      <Alert
        type="info"
        showIcon
        title={
          <a href={openData} download={`${detail.plan.id}.json`}>
            {t('openData')}: {openData}
          </a>
        }
        description={t('openDataHint')}
      />
      {detail.plan.status !== 'published' ? null : (
        <div className="sx-portal-areas">
          {detail.goal_areas.map((g) => {
            const targets = detail.targets.filter((tg) => tg.goal_area === g.id);
            return (
              <Card
                key={g.id}
                className="sx-goal"
                title={<h2 className="sx-card-h">{pick(g.name, g.name_en)}</h2>}
              >
                <ul className="sx-portal-list">
                  {targets.map((tg) => {
                    const indicator = tg.indicator ? indicators.get(tg.indicator) : undefined;
                    return (
                      <li key={tg.id} className="sx-portal-item">
                        <div className="sx-portal-target">
                          <div className="sx-target-text">{pick(tg.text ?? '', tg.text_en)}</div>
                          {tg.value !== null && (
                            <div className="sx-muted">
                              {t('targetValue')}: {formatTargetValue(tg, indicator, i18n)}
                            </div>
                          )}
                        </div>
                        <div className="sx-portal-latest">
                          {indicator ? (
                            <>
                              <Link href={`/indicators/${encodeURIComponent(indicator.id)}`}>
                                {pick(indicator.name, indicator.name_en)}
                              </Link>
                              <ObservationValue
                                o={indicator.latest}
                                unit={indicator.unit}
                                derived
                                point={derivedLatest(statuses?.get(tg.id), indicator.unit)}
                              />
                            </>
                          ) : null}
                        </div>
                        <div className="sx-portal-status">
                          <StatusLight status={statuses?.get(tg.id)} />
                        </div>
                      </li>
                    );
                  })}
                </ul>
              </Card>
            );
          })}
        </div>
      )}
    </div>
  );
}
