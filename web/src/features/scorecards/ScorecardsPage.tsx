/** `/scorecards`: the month's department ranking (考核) with each department's points and reasons. */
import { Alert, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import type { DepartmentScoreBody, Scorecards } from '../../../../src/contracts/scorecards';
import { scorecardParts } from '../../../../src/domain/tasks/scorecard';
import type { Key } from '../../i18n/dict';
import { useI18n } from '../../i18n/context';
import { useSession } from '../auth/SessionContext';
import { Loaded } from '../common/Loading';
import { useAsync } from '../common/useAsync';
import { planCodePage } from '../plan/PlanPage';
import { getScorecards, recentMonths } from './scorecardsApi';
import './scorecards.css';

type Part = DepartmentScoreBody['parts'][number];

function Ranking({ plan }: { plan: string }) {
  const { t, lang, pick } = useI18n();
  const session = useSession();
  const [month, setMonth] = useState<string | null>(null);
  const [latest, setLatest] = useState<string | null>(null);
  const state = useAsync(
    async (signal) => {
      const data = await getScorecards(plan, month, signal);
      if (month === null) setLatest(data.month);
      return data;
    },
    `${plan}|${month ?? ''}`,
  );
  const months = latest ? recentMonths(latest) : [];
  const reason = (r: { zh: string; en: string }) => (lang === 'zh' ? r.zh : r.en);
  const points = (p: Part | undefined) =>
    !p || p.rate === null ? (
      <span className="sx-sc-none">{t('scNotScored')}</span>
    ) : (
      <span title={reason(p.reason)}>
        {p.points}
        <span className="sx-sc-of">/{p.weight}</span>
      </span>
    );
  // A department's people see their own row (the server filters); say so.
  const scoped = !session.can('task:supervise') && (session.user?.departments.length ?? 0) > 0;

  return (
    <>
      <div className="sx-sc-head">
        <h1>{t('scTitle')}</h1>
        <label className="sx-sc-month">
          {t('scMonth')}{' '}
          <Select
            aria-label={t('scMonth')}
            value={month ?? latest}
            onChange={setMonth}
            options={months.map((m) => ({ value: m, label: m }))}
            style={{ width: 120 }}
          />
        </label>
      </div>
      <Loaded state={state}>
        {(data: Scorecards) => (
          <>
            <p className="sx-sc-meta">
              {data.snapshot
                ? t('scSnapshot', { at: data.computed_at.slice(0, 10) })
                : t('scLive', { date: data.as_of })}
              {' · '}
              {t('scWeights', { ...data.weights })}
            </p>
            {scoped && <Alert type="info" showIcon message={t('scOwnOnly')} style={{ marginBottom: 12 }} />}
            <Table<DepartmentScoreBody>
              rowKey={(r) => r.department.id}
              dataSource={data.departments}
              pagination={false}
              size="middle"
              locale={{ emptyText: t('scEmpty') }}
              expandable={{
                expandRowByClick: true,
                expandedRowRender: (r) => (
                  <div className="sx-sc-reasons">
                    <h2>{t('scReasons')}</h2>
                    <ul>
                      {r.parts.map((p) => (
                        <li key={p.part}>{reason(p.reason)}</li>
                      ))}
                      <li>{reason(r.deduction.reason)}</li>
                    </ul>
                  </div>
                ),
              }}
              columns={[
                { title: t('scRank'), dataIndex: 'rank', width: 64 },
                { title: t('scDepartment'), render: (_, r) => pick(r.department.name, r.department.name_en) },
                {
                  title: t('scTotal'),
                  render: (_, r) => <strong className="sx-sc-total">{r.total}</strong>,
                },
                ...scorecardParts.map((part) => ({
                  title: t(`scPart_${part}` as Key),
                  key: part,
                  render: (_: unknown, r: DepartmentScoreBody) =>
                    points(r.parts.find((p) => p.part === part)),
                })),
                {
                  title: t('scDeduction'),
                  render: (_, r) =>
                    r.deduction.points > 0 ? (
                      <Tag color="error" title={reason(r.deduction.reason)}>
                        −{r.deduction.points}
                      </Tag>
                    ) : (
                      '0'
                    ),
                },
              ]}
            />
          </>
        )}
      </Loaded>
    </>
  );
}

export default planCodePage('task:read', 'sx-sc-page', Ranking);
