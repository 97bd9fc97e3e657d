/**
 * HTTP routes of tasks under `/api/plans/{plan}/tasks`: the board, one task, assigning (one or
 * one per action), each workflow step, the red list (督办事项) and the review queue. Handlers validate with a contract, call one use case
 * and return its shape; the use cases check departments, states and versions.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { planParams } from '../../contracts/common';
import {
  bulkCreateSchema,
  bulkResultSchema,
  extensionRequestSchema,
  reasonedStepSchema,
  stepSchema,
  taskCreateSchema,
  taskDetailSchema,
  taskEditSchema,
  taskListQuery,
  taskListSchema,
  reviewQueueSchema,
  taskParams,
} from '../../contracts/tasks';
import { redListQuery, redListSchema } from '../../contracts/task-red-list';
import { transitionRules, type TaskAction } from '../../domain/tasks';
import type { AppEnv } from '../http';
import { created, jsonBody, ok, workflowProblems, type Access } from '../route';
import { routesOn } from '../serve';
import { redList } from './tasks.red-list';
import { reviewQueue } from './tasks.review-queue';
import { bulkCreateTasks, createTask, editTask, getTask, listTasks } from './tasks.service';
import { decideExtension, requestExtension, stepTask, type SimpleStep } from './tasks.workflow';

/** The problems of the task use cases (reports', assessments' and the breakdown's too). */
export const problems = workflowProblems({
  404: 'Not found (or of another department)',
  409: 'Not possible in the task’s state, or a newer version exists',
  422: 'Refused by a rule, naming the field (dates, percent, codes)',
});

const base = '/api/plans/{plan}/tasks';
const one = `${base}/{task}`;

/** Path, domain action, operationId, summary, comment required. Access follows the domain's actor. */
type StepRow = [path: string, step: SimpleStep, operationId: string, summary: string, reasoned: boolean];
const steps: StepRow[] = [
  ['accept', 'accept', 'acceptTask', '签收: the lead department accepts the task', false],
  [
    'decline',
    'decline',
    'declineTask',
    '退回交办: the lead department declines (not its task), with a comment',
    true,
  ],
  ['start', 'start', 'startTask', '开始推进: the lead department starts work', false],
  [
    'request-completion',
    'request_completion',
    'requestTaskCompletion',
    '申请办结: the lead department asks to close',
    false,
  ],
  [
    'complete',
    'approve_completion',
    'completeTask',
    '办结: the supervisor approves the completion request',
    false,
  ],
  [
    'return',
    'return',
    'returnTask',
    '退回: the supervisor returns a completion request, with a comment',
    true,
  ],
  ['reassign', 'reassign', 'reassignTask', '重新交办: the supervisor assigns a declined task again', false],
  [
    'reopen',
    'reopen',
    'reopenTask',
    '重新打开: the supervisor reopens a completed task, with a comment',
    true,
  ],
];
const accessOf = (step: TaskAction): Access =>
  transitionRules[step].actor === 'supervisor' ? 'task:supervise' : 'task:write';

const decisions = [
  [
    'approve-extension',
    'approveTaskExtension',
    'The supervisor approves the new due date',
    'approve_extension',
  ],
  ['refuse-extension', 'refuseTaskExtension', 'The supervisor refuses the extension', 'refuse_extension'],
] as const;

/** Mounts the task routes (reports and assessments: reports.routes.ts). */
export function taskRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['tasks'], problems);
  route
    .get('task:read', base, {
      operationId: 'listTasks',
      summary: 'The supervisor’s board: tasks with action, programme, light, escalation and reasons',
      request: { params: planParams, query: taskListQuery },
      responses: ok(taskListSchema, 'A page of tasks'),
    })
    .json(200, ({ db, caller, param, query }) => listTasks(db, caller, param.plan, query));
  route
    .post('task:supervise', base, {
      operationId: 'createTask',
      summary: 'Assign a task (交办) to a lead department',
      request: { params: planParams, ...jsonBody(taskCreateSchema) },
      responses: created(taskDetailSchema, 'The new task'),
    })
    .json(201, ({ db, caller, param, json }) => createTask(db, caller, param.plan, json));
  route
    .post('task:supervise', `${base}/from-actions`, {
      operationId: 'createTasksFromActions',
      summary: 'One task per plan action without one (任务分解 to start from)',
      request: { params: planParams, ...jsonBody(bulkCreateSchema) },
      responses: created(bulkResultSchema, 'Tasks created and actions skipped'),
    })
    .json(201, ({ db, caller, param, json }) => bulkCreateTasks(db, caller, param.plan, json));
  route
    .get('task:read', one, {
      operationId: 'getTask',
      summary: 'A task with milestones, reports, extensions, comments and timeline',
      request: { params: taskParams, query: z.object({ as_of: taskListQuery.shape.as_of }) },
      responses: ok(taskDetailSchema, 'The task'),
    })
    .json(200, ({ db, caller, param, query }) => getTask(db, caller, param.plan, param.task, query.as_of));
  route
    .patch('task:supervise', one, {
      operationId: 'editTask',
      summary: 'Edit a task’s assignment (under its version)',
      request: { params: taskParams, ...jsonBody(taskEditSchema) },
      responses: ok(taskDetailSchema, 'The edited task'),
    })
    .json(200, ({ db, caller, param, json }) => editTask(db, caller, param.plan, param.task, json));
  for (const [path, step, operationId, summary, reasoned] of steps) {
    route
      .post(accessOf(step), `${one}/${path}`, {
        operationId,
        summary,
        request: { params: taskParams, ...jsonBody(reasoned ? reasonedStepSchema : stepSchema) },
        responses: ok(taskDetailSchema, 'The task after the step'),
      })
      .json(200, (r) => stepTask(r.db, r.caller, r.param, step, r.json));
  }
  route
    .post('task:write', `${one}/request-extension`, {
      operationId: 'requestTaskExtension',
      summary: '申请延期: the lead department asks for a new due date, with a reason',
      request: { params: taskParams, ...jsonBody(extensionRequestSchema) },
      responses: ok(taskDetailSchema, 'The task, extension requested'),
    })
    .json(200, ({ db, caller, param, json }) => requestExtension(db, caller, param, json));
  for (const [path, operationId, summary, decision] of decisions) {
    route
      .post('task:supervise', `${one}/${path}`, {
        operationId,
        summary,
        request: { params: taskParams, ...jsonBody(stepSchema) },
        responses: ok(taskDetailSchema, 'The task after the decision'),
      })
      .json(200, (r) => decideExtension(r.db, r.caller, r.param, decision, r.json));
  }
}

/** Mounted before `/tasks/{task}` so `red-list` and `review-queue` are not read as a task code. */
export function redListRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['tasks'], problems);
  route
    .get('task:read', '/api/plans/{plan}/tasks/red-list', {
      operationId: 'taskRedList',
      summary: 'The red list (督办事项): tasks on the 督办 step, overdue tasks, overdue reports',
      request: { params: planParams, query: redListQuery },
      responses: ok(redListSchema, 'The red list as of the day'),
    })
    .json(200, ({ db, caller, param, query }) => redList(db, caller, param.plan, query));
  route
    .get('task:supervise', '/api/plans/{plan}/tasks/review-queue', {
      operationId: 'taskReviewQueue',
      summary: 'The supervisor’s review queue (待我审核): submitted reports and pending extension requests',
      request: { params: planParams },
      responses: ok(reviewQueueSchema, 'What waits for the caller’s review, oldest first'),
    })
    .json(200, ({ db, caller, param }) => reviewQueue(db, caller, param.plan));
}
