/** `/tasks/…`: login guard, the supervision tabs, then the view (board, review queue, red list, mine, a task, assessments). */
import { lazy, Suspense } from 'react';
import type { TasksView } from '../../router';
import { RequireLogin } from '../auth/RequireLogin';
import { Loaded } from '../common/Loading';
import { usePlan } from '../plan/PlanContext';
import { TasksNav } from './TasksNav';
import './tasks.css';

// Each view its own chunk: a liaison's list should not download the supervisor's board.
const BoardPage = lazy(() => import('./BoardPage').then((m) => ({ default: m.BoardPage })));
const RedListPage = lazy(() => import('./RedListPage').then((m) => ({ default: m.RedListPage })));
const ReviewPage = lazy(() => import('./ReviewPage').then((m) => ({ default: m.ReviewPage })));
const MinePage = lazy(() => import('./MinePage').then((m) => ({ default: m.MinePage })));
const TaskPage = lazy(() => import('./TaskPage').then((m) => ({ default: m.TaskPage })));
const AssessmentsPage = lazy(() => import('./AssessmentsPage').then((m) => ({ default: m.AssessmentsPage })));

const spinner = <Loaded state={{ state: 'loading' }}>{() => null}</Loaded>;

export default function TasksPage({ view, id }: { view: TasksView; id?: string }) {
  const plan = usePlan();
  return (
    <RequireLogin permission="task:read">
      <div className="sx-tasks-page">
        <TasksNav view={view} />
        <Loaded state={plan}>
          {(data) => (
            <Suspense fallback={spinner}>
              {view === 'red' ? (
                <RedListPage plan={data} />
              ) : view === 'review' ? (
                <ReviewPage plan={data} />
              ) : view === 'mine' ? (
                <MinePage plan={data} />
              ) : view === 'assessments' ? (
                <AssessmentsPage plan={data} />
              ) : view === 'task' ? (
                <TaskPage plan={data} id={id ?? ''} />
              ) : (
                <BoardPage plan={data} />
              )}
            </Suspense>
          )}
        </Loaded>
      </div>
    </RequireLogin>
  );
}
