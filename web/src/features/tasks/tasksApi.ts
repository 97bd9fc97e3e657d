/** Typed calls of task supervision: the board, a task, its steps, reports, reviews and assessments. */
import type {
  AssessmentCreate,
  ReportCreate,
  ReportEdit,
  ReportPart,
  ReportReview,
  ReviewQueue,
  TargetAssessments,
  TaskDetail,
  TaskList,
  TaskListQuery,
} from '../../../../src/contracts/tasks';
import type { RedList } from '../../../../src/contracts/task-red-list';
import { apiFetch, uploadFile } from '../auth/apiFetch';

const seg = encodeURIComponent;
const tasks = (plan: string) => `/api/plans/${seg(plan)}/tasks`;
const one = (plan: string, task: string) => `${tasks(plan)}/${seg(task)}`;
const post = <T>(path: string, body: unknown, method: 'POST' | 'PATCH' | 'PUT' = 'POST') =>
  apiFetch<T>(path, { method, body, requireLogin: true });

/** The filters of the board, as the URL and the API both spell them. */
export type BoardQuery = Pick<
  TaskListQuery,
  'programme' | 'department' | 'light' | 'leader' | 'state' | 'as_of'
>;

export function listTasks(
  plan: string,
  query: BoardQuery & { page?: number; page_size?: number },
  signal?: AbortSignal,
) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return apiFetch<TaskList>(`${tasks(plan)}${s ? `?${s}` : ''}`, { signal, requireLogin: true });
}

export const getRedList = (plan: string, asOf: string | undefined, signal?: AbortSignal) =>
  apiFetch<RedList>(`${tasks(plan)}/red-list${asOf ? `?as_of=${seg(asOf)}` : ''}`, {
    signal,
    requireLogin: true,
  });

export const getReviewQueue = (plan: string, signal?: AbortSignal) =>
  apiFetch<ReviewQueue>(`${tasks(plan)}/review-queue`, { signal, requireLogin: true });

export const getTask = (plan: string, task: string, asOf: string | undefined, signal?: AbortSignal) =>
  apiFetch<TaskDetail>(`${one(plan, task)}${asOf ? `?as_of=${seg(asOf)}` : ''}`, {
    signal,
    requireLogin: true,
  });

/** Workflow steps by their path (the domain's actions map to these). */
export const stepPaths = {
  accept: 'accept',
  decline: 'decline',
  start: 'start',
  request_completion: 'request-completion',
  approve_completion: 'complete',
  return: 'return',
  reassign: 'reassign',
  reopen: 'reopen',
  request_extension: 'request-extension',
  approve_extension: 'approve-extension',
  refuse_extension: 'refuse-extension',
} as const;
export type StepName = keyof typeof stepPaths;

export const stepTask = (plan: string, task: string, step: StepName, body: object) =>
  post<TaskDetail>(`${one(plan, task)}/${stepPaths[step]}`, body);

export const fileReport = (plan: string, task: string, body: ReportCreate) =>
  post<TaskDetail>(`${one(plan, task)}/reports`, body);
export const editReport = (plan: string, task: string, period: string, body: ReportEdit) =>
  post<TaskDetail>(`${one(plan, task)}/reports/${seg(period)}`, body, 'PATCH');
export const putPart = (plan: string, task: string, period: string, body: ReportPart) =>
  post<TaskDetail>(`${one(plan, task)}/reports/${seg(period)}/parts`, body, 'PUT');
export const reviewReport = (plan: string, task: string, period: string, body: ReportReview) =>
  post<TaskDetail>(`${one(plan, task)}/reports/${seg(period)}/review`, body);

export const evidenceHref = (id: number) => `/api/task-evidence/${id}`;

/** Uploads one evidence file of a report. */
export const uploadEvidence = (plan: string, task: string, period: string, file: File) =>
  uploadFile<TaskDetail>(`${one(plan, task)}/reports/${seg(period)}/evidence`, file);

const assessments = (plan: string, target: string) =>
  `/api/plans/${seg(plan)}/targets/${seg(target)}/assessments`;
export const getAssessments = (plan: string, target: string, signal?: AbortSignal) =>
  apiFetch<TargetAssessments>(assessments(plan, target), { signal, requireLogin: true });
export const assessTarget = (plan: string, target: string, body: AssessmentCreate) =>
  post<TargetAssessments>(assessments(plan, target), body);
