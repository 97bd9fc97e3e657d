/** `/tasks/…`: login guard, the supervision tabs, then the view (board, review queue, red list, mine, a task, assessments). */
import { lazy } from 'react';
import type { TasksView } from '../../router';
import { ViewSwitch } from '../common/ViewSwitch';
import { PlanPage } from '../plan/PlanPage';
import { TasksNav } from './TasksNav';
import './tasks.css';

// Each view its own chunk: a liaison's list should not download the supervisor's board.
const BoardPage = lazy(() => import('./BoardPage').then((m) => ({ default: m.BoardPage })));
const RedListPage = lazy(() => import('./RedListPage').then((m) => ({ default: m.RedListPage })));
const ReviewPage = lazy(() => import('./ReviewPage').then((m) => ({ default: m.ReviewPage })));
const MinePage = lazy(() => import('./MinePage').then((m) => ({ default: m.MinePage })));
const TaskPage = lazy(() => import('./TaskPage').then((m) => ({ default: m.TaskPage })));
const AssessmentsPage = lazy(() => import('./AssessmentsPage').then((m) => ({ default: m.AssessmentsPage })));

export default function TasksPage({ view, id }: { view: TasksView; id?: string }) {
  return (
    <PlanPage permission="task:read" className="sx-tasks-page" nav={<TasksNav view={view} />}>
      {(data) => (
        <ViewSwitch
          view={view}
          views={{
            board: <BoardPage plan={data} />,
            red: <RedListPage plan={data} />,
            review: <ReviewPage plan={data} />,
            mine: <MinePage plan={data} />,
            assessments: <AssessmentsPage plan={data} />,
            task: <TaskPage plan={data} id={id ?? ''} />,
          }}
        />
      )}
    </PlanPage>
  );
}
