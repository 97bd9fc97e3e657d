/**
 * HTTP routes of tasks under `/api/plans/{plan}/tasks`: the board, one task, assigning (one or
 * one per action), and each workflow step. Handlers validate with a contract, call one use case
 * and return its shape; the use cases check departments, states and versions.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { planParams, problemResponse } from '../../contracts/common';
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
  taskParams,
} from '../../contracts/tasks';
import { transitionRules, type TaskAction } from '../../domain/tasks';
import { callerOf } from '../caller';
import type { AppEnv } from '../http';
import { defineRoute, jsonBody, responsesWith, type Access } from '../route';
import { bulkCreateTasks, createTask, editTask, getTask, listTasks } from './tasks.service';
import { decideExtension, requestExtension, stepTask, type SimpleStep } from './tasks.workflow';

export const problems = {
  400: problemResponse('Invalid or unknown fields'),
  401: problemResponse('Not logged in'),
  403: problemResponse('Not allowed'),
  404: problemResponse('Not found (or of another department)'),
  409: problemResponse('Not possible in the task’s state, or a newer version exists'),
  422: problemResponse('Refused by a rule, naming the field (dates, percent, codes)'),
} as const;
export const { ok, created } = responsesWith(problems);
export { jsonBody };

const tags = ['tasks'];
const base = '/api/plans/{plan}/tasks';
const one = `${base}/{task}`;

const listRoute = defineRoute('task:read', {
  method: 'get',
  path: base,
  operationId: 'listTasks',
  tags,
  summary: 'The supervisor’s board: tasks with action, programme, light, escalation and reasons',
  request: { params: planParams, query: taskListQuery },
  responses: ok(taskListSchema, 'A page of tasks'),
});

const createRoute = defineRoute('task:supervise', {
  method: 'post',
  path: base,
  operationId: 'createTask',
  tags,
  summary: 'Assign a task (交办) to a lead department',
  request: { params: planParams, ...jsonBody(taskCreateSchema) },
  responses: created(taskDetailSchema, 'The new task'),
});

const bulkRoute = defineRoute('task:supervise', {
  method: 'post',
  path: '/api/plans/{plan}/tasks/from-actions',
  operationId: 'createTasksFromActions',
  tags,
  summary: 'One task per plan action without one (任务分解 to start from)',
  request: { params: planParams, ...jsonBody(bulkCreateSchema) },
  responses: created(bulkResultSchema, 'Tasks created and actions skipped'),
});

const getRoute = defineRoute('task:read', {
  method: 'get',
  path: one,
  operationId: 'getTask',
  tags,
  summary: 'A task with milestones, reports, extensions, comments and timeline',
  request: { params: taskParams, query: z.object({ as_of: taskListQuery.shape.as_of }) },
  responses: ok(taskDetailSchema, 'The task'),
});

const editRoute = defineRoute('task:supervise', {
  method: 'patch',
  path: one,
  operationId: 'editTask',
  tags,
  summary: 'Edit a task’s assignment (under its version)',
  request: { params: taskParams, ...jsonBody(taskEditSchema) },
  responses: ok(taskDetailSchema, 'The edited task'),
});

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

const stepRoute = ([path, step, operationId, summary, reasoned]: StepRow) =>
  defineRoute(accessOf(step), {
    method: 'post',
    path: `${one}/${path}`,
    operationId,
    tags,
    summary,
    request: { params: taskParams, ...jsonBody(reasoned ? reasonedStepSchema : stepSchema) },
    responses: ok(taskDetailSchema, 'The task after the step'),
  });

const extensionRoute = defineRoute('task:write', {
  method: 'post',
  path: `${one}/request-extension`,
  operationId: 'requestTaskExtension',
  tags,
  summary: '申请延期: the lead department asks for a new due date, with a reason',
  request: { params: taskParams, ...jsonBody(extensionRequestSchema) },
  responses: ok(taskDetailSchema, 'The task, extension requested'),
});

const decisionRoute = (path: string, operationId: string, summary: string) =>
  defineRoute('task:supervise', {
    method: 'post',
    path: `${one}/${path}`,
    operationId,
    tags,
    summary,
    request: { params: taskParams, ...jsonBody(stepSchema) },
    responses: ok(taskDetailSchema, 'The task after the decision'),
  });
const decisions = [
  {
    route: decisionRoute(
      'approve-extension',
      'approveTaskExtension',
      'The supervisor approves the new due date',
    ),
    decision: 'approve_extension',
  },
  {
    route: decisionRoute('refuse-extension', 'refuseTaskExtension', 'The supervisor refuses the extension'),
    decision: 'refuse_extension',
  },
] as const;

/** Mounts the task routes (reports and assessments: reports.routes.ts). */
export function taskRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) =>
    c.json(await listTasks(c.get('db'), callerOf(c), c.req.valid('param').plan, c.req.valid('query')), 200),
  );
  app.openapi(createRoute, async (c) =>
    c.json(await createTask(c.get('db'), callerOf(c), c.req.valid('param').plan, c.req.valid('json')), 201),
  );
  app.openapi(bulkRoute, async (c) =>
    c.json(
      await bulkCreateTasks(c.get('db'), callerOf(c), c.req.valid('param').plan, c.req.valid('json')),
      201,
    ),
  );
  app.openapi(getRoute, async (c) => {
    const { plan, task } = c.req.valid('param');
    return c.json(await getTask(c.get('db'), callerOf(c), plan, task, c.req.valid('query').as_of), 200);
  });
  app.openapi(editRoute, async (c) => {
    const { plan, task } = c.req.valid('param');
    return c.json(await editTask(c.get('db'), callerOf(c), plan, task, c.req.valid('json')), 200);
  });
  for (const row of steps) {
    app.openapi(stepRoute(row), async (c) =>
      c.json(
        await stepTask(c.get('db'), callerOf(c), c.req.valid('param'), row[1], c.req.valid('json')),
        200,
      ),
    );
  }
  app.openapi(extensionRoute, async (c) =>
    c.json(await requestExtension(c.get('db'), callerOf(c), c.req.valid('param'), c.req.valid('json')), 200),
  );
  for (const { route, decision } of decisions) {
    app.openapi(route, async (c) =>
      c.json(
        await decideExtension(c.get('db'), callerOf(c), c.req.valid('param'), decision, c.req.valid('json')),
        200,
      ),
    );
  }
}
