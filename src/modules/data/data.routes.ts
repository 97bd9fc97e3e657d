/**
 * HTTP routes of data collection, plan-scoped under `/api/plans/{plan}/data`. Each handler
 * validates with a contract, calls one use case and returns its shape; the use cases check the
 * department and the workflow rules.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { planParams, problemResponse } from '../../contracts/common';
import {
  calendarQuery,
  calendarSchema,
  checkRequestSchema,
  checkResultSchema,
  correctionSchema,
  historySchema,
  queueSchema,
  reasonedTransitionSchema,
  transitionSchema,
  valueCreateSchema,
  valueDetailSchema,
  valueEditSchema,
  valueParams,
} from '../../contracts/data';
import type { AppEnv } from '../http';
import { defineRoute, jsonBody as body, responsesWith, type Access } from '../route';
import { callerOf } from '../caller';
import { checkEntry, getCalendar, getHistory, getQueue, getValue } from './data.queries';
import { correctValue, createValue, editValue, transitionValue, type Transition } from './data.service';

export const problems = {
  400: problemResponse('Invalid or unknown fields'),
  401: problemResponse('Not logged in'),
  403: problemResponse('Not allowed'),
  404: problemResponse('Not found (or of another department)'),
  409: problemResponse('Conflicts with the workflow state or a newer version'),
  422: problemResponse('Refused by a rule (period, formula indicator, …)'),
} as const;
const { ok, created } = responsesWith(problems);

const base = '/api/plans/{plan}/data';
const valuePath = `${base}/values/{indicator}/{period}`;
const tags = ['data'];

const calendarRoute = defineRoute('data:read', {
  method: 'get',
  path: `${base}/calendar`,
  tags,
  summary: 'What my departments owe, by when: periods, deadlines and statuses per indicator',
  request: { params: planParams, query: calendarQuery },
  responses: ok(calendarSchema, 'The reporting calendar'),
});

const queueRoute = defineRoute('data:read', {
  method: 'get',
  path: `${base}/queue`,
  tags,
  summary: 'Values waiting for my review (approval by department heads, acceptance by supervisors)',
  request: { params: planParams },
  responses: ok(queueSchema, 'The review queue'),
});

const createValueRoute = defineRoute('data:write', {
  method: 'post',
  path: `${base}/values`,
  tags,
  summary: 'Enter a value: a draft for a period without one',
  request: { params: planParams, ...body(valueCreateSchema) },
  responses: created(valueDetailSchema, 'The draft'),
});

const readRoute = defineRoute('data:read', {
  method: 'get',
  path: valuePath,
  tags,
  summary: 'A value: the version under work and the accepted one',
  request: { params: valueParams },
  responses: ok(valueDetailSchema, 'The value'),
});

const editRoute = defineRoute('data:write', {
  method: 'patch',
  path: valuePath,
  tags,
  summary: 'Edit a draft or returned value (a new draft version)',
  request: { params: valueParams, ...body(valueEditSchema) },
  responses: ok(valueDetailSchema, 'The edited value'),
});

const correctionRoute = defineRoute('data:write', {
  method: 'post',
  path: `${valuePath}/corrections`,
  tags,
  summary: 'Correct an accepted value: a new version through the whole workflow',
  request: { params: valueParams, ...body(correctionSchema) },
  responses: created(valueDetailSchema, 'The correction'),
});

const historyRoute = defineRoute('data:read', {
  method: 'get',
  path: `${valuePath}/history`,
  tags,
  summary: 'Every version with its changes, and every step with who, when and why',
  request: { params: valueParams },
  responses: ok(historySchema, 'The history'),
});

const checkRoute = defineRoute('data:read', {
  method: 'post',
  path: `${base}/checks`,
  tags,
  summary: 'The entry checks of a value before it is entered: warnings only, nothing written',
  request: { params: planParams, ...body(checkRequestSchema) },
  responses: ok(checkResultSchema, 'The warnings'),
});

/** Return is open to both reviewers: the use case picks by the value's stage. */
const transitions: [Transition, Access, string, typeof transitionSchema | typeof reasonedTransitionSchema][] = [
  ['submit', 'data:write', 'Submit a draft or returned value for approval', transitionSchema],
  ['approve', 'data:approve', 'Approve a submitted value (department head)', transitionSchema],
  ['accept', 'data:accept', 'Accept an approved value (supervisor): it now feeds statuses', transitionSchema],
  ['return', 'data:read', 'Return a submitted or approved value with a reason', reasonedTransitionSchema],
  ['reopen', 'data:accept', 'Reopen an accepted value with a reason (supervisor)', reasonedTransitionSchema],
];

const transitionRoute = (name: Transition, access: Access, summary: string, schema: typeof transitionSchema) =>
  defineRoute(access, {
    method: 'post',
    path: `${valuePath}/${name}`,
    tags,
    summary,
    request: { params: valueParams, ...body(schema) },
    responses: ok(valueDetailSchema, 'The value after the step'),
  });

/** Mounts the data collection routes and the notification routes. */
export function dataValueRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(calendarRoute, async (c) => {
    const { plan } = c.req.valid('param');
    return c.json(await getCalendar(c.get('db'), callerOf(c), plan, c.req.valid('query').department), 200);
  });
  app.openapi(queueRoute, async (c) => {
    return c.json({ values: await getQueue(c.get('db'), callerOf(c), c.req.valid('param').plan) }, 200);
  });
  app.openapi(createValueRoute, async (c) => {
    const { plan } = c.req.valid('param');
    return c.json(await createValue(c.get('db'), callerOf(c), plan, c.req.valid('json')), 201);
  });
  app.openapi(readRoute, async (c) => c.json(await getValue(c.get('db'), callerOf(c), c.req.valid('param')), 200));
  app.openapi(editRoute, async (c) =>
    c.json(await editValue(c.get('db'), callerOf(c), c.req.valid('param'), c.req.valid('json')), 200),
  );
  app.openapi(correctionRoute, async (c) =>
    c.json(await correctValue(c.get('db'), callerOf(c), c.req.valid('param'), c.req.valid('json')), 201),
  );
  app.openapi(historyRoute, async (c) =>
    c.json(await getHistory(c.get('db'), callerOf(c), c.req.valid('param')), 200),
  );
  app.openapi(checkRoute, async (c) =>
    c.json(await checkEntry(c.get('db'), callerOf(c), c.req.valid('param').plan, c.req.valid('json')), 200),
  );
  for (const [name, access, summary, schema] of transitions) {
    app.openapi(transitionRoute(name, access, summary, schema as typeof transitionSchema), async (c) =>
      c.json(
        await transitionValue(c.get('db'), callerOf(c), c.req.valid('param'), name, c.req.valid('json')),
        200,
      ),
    );
  }
}
