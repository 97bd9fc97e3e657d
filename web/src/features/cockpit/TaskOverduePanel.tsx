/** Tasks with an overdue report, milestone or due date, by lead department (most first). */
import type { CockpitTasks } from '../../../../src/contracts/cockpit';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { OverdueByDepartment } from './OverduePanel';
import { taskHref } from './ProgrammeLights';

export function TaskOverduePanel({ tasks }: { tasks: CockpitTasks }) {
  const { lang } = useI18n();
  return (
    <OverdueByDepartment
      id="ck-task-overdue"
      testId="task-overdue"
      words={{ title: 'ckTaskOverdue', none: 'ckTaskOverdueNone', items: 'ckTaskOverdueItems' }}
      total={tasks.overdue.reduce((a, d) => a + d.count, 0)}
      departments={tasks.overdue}
      itemKey={(i) => i.task}
      item={(i) => (
        <>
          <Link href={taskHref(i.task)}>{i.title}</Link>{' '}
          <span className="sx-ck-muted">
            {i.reasons.map((r) => (lang === 'zh' ? r.zh : r.en)).join(lang === 'zh' ? '；' : '; ')}
          </span>
        </>
      )}
    />
  );
}
