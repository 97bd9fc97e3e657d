/**
 * `/tasks/red`: the red list (红榜) as the bulletin names it, read from the server's red list —
 * tasks under a formal notice (督办事项, with when the notice went out), tasks past their due date
 * and not completed (逾期未办结), and progress reports past their deadline (逾期未报). Every other
 * red task (a milestone late) is on the board's red filter, linked below.
 */
import type { RedListEntry } from '../../../../src/contracts/task-red-list';
import { Link, useLocation } from '../../router';
import { formatInstant } from '../admin/formatInstant';
import { Loaded } from '../common/Loading';
import { SimpleTable } from '../common/SimpleTable';
import { useAsync } from '../common/useAsync';
import type { PlanData } from '../plan/PlanContext';
import { deptName } from './planNames';
import { getRedList } from './tasksApi';
import { type TasksKey, useTasksI18n } from './tasksDict';

function Entries({
  id,
  title,
  hint,
  entries,
  notices,
}: {
  id: string;
  title: TasksKey;
  hint: TasksKey;
  entries: RedListEntry[];
  notices?: boolean;
}) {
  const { tt, lang } = useTasksI18n();
  return (
    <section aria-labelledby={id} className="sx-tk-section">
      <h2 id={id}>
        {tt(title)} <span className="sx-tk-num">{entries.length}</span>
      </h2>
      <p className="sx-tk-muted">{tt(hint)}</p>
      <SimpleTable<RedListEntry>
        rowKey={(r) => `${r.task}|${r.item.kind}|${r.item.period ?? r.item.title ?? ''}|${r.date}`}
        size="small"
        dataSource={entries}
        empty={tt('tkEmpty')}
        scroll={{ x: 640 }}
        rowClassName={() => 'sx-tk-row sx-tk-row-red'}
        columns={[
          {
            key: 'task',
            title: tt('tkTitle'),
            width: '28%',
            render: (_, r) => (
              <Link className="sx-tk-title" href={`/tasks/${encodeURIComponent(r.task)}`}>
                {r.title}
              </Link>
            ),
          },
          { key: 'lead', title: tt('tkLead'), render: (_, r) => deptName(r.lead_department, lang) },
          { key: 'leader', title: tt('tkLeader'), render: (_, r) => r.leader ?? '—' },
          {
            key: 'what',
            title: tt('tkRedWhat'),
            width: '30%',
            render: (_, r) => (lang === 'en' ? r.reason.en : r.reason.zh),
          },
          {
            key: 'days',
            title: tt('tkRedDays'),
            render: (_, r) => (
              <span className="sx-tk-late sx-tk-nowrap">{tt('tkOverdueBy', { n: r.days })}</span>
            ),
          },
          ...(notices
            ? [
                {
                  key: 'sent',
                  title: tt('tkNoticeSent'),
                  render: (_: unknown, r: RedListEntry) =>
                    r.notice_sent_at ? (
                      formatInstant(r.notice_sent_at, lang)
                    ) : (
                      <span className="sx-tk-muted">{tt('tkNoticeNotYet')}</span>
                    ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

export function RedListPage({ plan }: { plan: PlanData }) {
  const { tt } = useTasksI18n();
  const asOf = useLocation().search.get('as_of') || undefined;
  const code = plan.detail.plan.id;
  const state = useAsync((signal) => getRedList(code, asOf, signal), `${code}|${asOf ?? ''}`);
  return (
    <>
      <h1>{tt('tkRed')}</h1>
      <p className="sx-tk-intro">{tt('tkRedIntro')}</p>
      <Loaded state={state}>
        {(list) => (
          <>
            <p className="sx-tk-muted">
              {tt('tkAsOf', { date: list.as_of })} ·{' '}
              <Link href={`/tasks?light=red${asOf ? `&as_of=${asOf}` : ''}`}>{tt('tkAllRed')}</Link>
            </p>
            <Entries
              id="sx-red-notice"
              title="tkRedNotice"
              hint="tkRedNoticeHint"
              entries={list.notices}
              notices
            />
            <Entries
              id="sx-red-undone"
              title="tkRedUndone"
              hint="tkRedUndoneHint"
              entries={list.overdue_tasks}
            />
            <Entries
              id="sx-red-unreported"
              title="tkRedUnreported"
              hint="tkRedUnreportedHint"
              entries={list.overdue_reports}
            />
          </>
        )}
      </Loaded>
    </>
  );
}
