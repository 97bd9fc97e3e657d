/** The tabs of the supervision pages: board, review queue (supervisors), red list, my tasks, assessments (as the user may use them). */
import type { TasksView } from '../../router';
import { useSession } from '../auth/SessionContext';
import { type Tab, TabNav } from '../common/TabNav';
import { useTasksI18n } from './tasksDict';

export function TasksNav({ view }: { view: TasksView }) {
  const { tt } = useTasksI18n();
  const session = useSession();
  const hasDepartment = (session.user?.departments.length ?? 0) > 0;
  const tabs: Tab<TasksView>[] = [
    { key: 'board', href: '/tasks', label: tt('tkBoard'), show: true },
    { key: 'review', href: '/tasks/review', label: tt('tkReview'), show: session.can('task:supervise') },
    { key: 'red', href: '/tasks/red', label: tt('tkRed'), show: true },
    {
      key: 'mine',
      href: '/tasks/mine',
      label: tt('tkMine'),
      show: hasDepartment || session.can('task:write'),
    },
    { key: 'assessments', href: '/tasks/assessments', label: tt('tkAssessments'), show: true },
  ];
  return <TabNav label={tt('tkTabs')} tabs={tabs} current={view} tabClass="sx-tasks-tab" />;
}
