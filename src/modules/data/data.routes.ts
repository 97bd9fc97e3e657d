/**
 * HTTP routes of data collection, plan-scoped under `/api/plans/{plan}/data`. Each handler
 * validates with a contract, calls one use case and returns its shape; the use cases check the
 * department and the workflow rules.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { planParams } from '../../contracts/common';
import {
  calendarQuery,
  calendarSchema,
  checkRequestSchema,
  checkResultSchema,
  correctionSchema,
  districtQuery,
  districtSchema,
  historySchema,
  queueSchema,
  reasonedTransitionSchema,
  transitionSchema,
  urgeResultSchema,
  urgeSchema,
  valueCreateSchema,
  valueDetailSchema,
  valueEditSchema,
  valueParams,
} from '../../contracts/data';
import type { AppEnv } from '../http';
import { created, jsonBody as body, ok, workflowProblems, type Access } from '../route';
import { routesOn } from '../serve';
import { getDistrict, urgeDepartment } from './data.district';
import { checkEntry, getCalendar, getHistory, getQueue, getValue } from './data.queries';
import { correctValue, createValue, editValue, transitionValue, type Transition } from './data.service';

/** The problems of data collection's use cases. */
const problems = workflowProblems({
  404: 'Not found (or of another department)',
  409: 'Conflicts with the workflow state or a newer version',
  422: 'Refused by a rule (period, formula indicator, …)',
});

const base = '/api/plans/{plan}/data';
const valuePath = `${base}/values/{indicator}/{period}`;

/** Return is open to both reviewers: the use case picks by the value's stage. */
const transitions: [Transition, Access, string, typeof transitionSchema | typeof reasonedTransitionSchema][] = [
  ['submit', 'data:write', 'Submit a draft or returned value for approval', transitionSchema],
  ['approve', 'data:approve', 'Approve a submitted value (department head)', transitionSchema],
  ['accept', 'data:accept', 'Accept an approved value (supervisor): it now feeds statuses', transitionSchema],
  ['return', 'data:read', 'Return a submitted or approved value with a reason', reasonedTransitionSchema],
  ['reopen', 'data:accept', 'Reopen an accepted value with a reason (supervisor)', reasonedTransitionSchema],
];

/** Mounts the data collection routes: values and their workflow, calendar, queue, the district view. */
export function dataValueRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['data'], problems);
  route
    .get('data:read', `${base}/calendar`, {
      summary: 'What my departments owe, by when: periods, deadlines and statuses per indicator',
      request: { params: planParams, query: calendarQuery },
      responses: ok(calendarSchema, 'The reporting calendar'),
    })
    .json(200, ({ db, caller, param, query }) => getCalendar(db, caller, param.plan, query.department));
  route
    .get('data:read', `${base}/queue`, {
      summary: 'Values waiting for my review (approval by department heads, acceptance by supervisors)',
      request: { params: planParams },
      responses: ok(queueSchema, 'The review queue'),
    })
    .json(200, async ({ db, caller, param }) => ({ values: await getQueue(db, caller, param.plan) }));
  route
    .post('data:write', `${base}/values`, {
      summary: 'Enter a value: a draft for a period without one',
      request: { params: planParams, ...body(valueCreateSchema) },
      responses: created(valueDetailSchema, 'The draft'),
    })
    .json(201, ({ db, caller, param, json }) => createValue(db, caller, param.plan, json));
  route
    .get('data:read', valuePath, {
      summary: 'A value: the version under work and the accepted one',
      request: { params: valueParams },
      responses: ok(valueDetailSchema, 'The value'),
    })
    .json(200, ({ db, caller, param }) => getValue(db, caller, param));
  route
    .patch('data:write', valuePath, {
      summary: 'Edit a draft or returned value (a new draft version)',
      request: { params: valueParams, ...body(valueEditSchema) },
      responses: ok(valueDetailSchema, 'The edited value'),
    })
    .json(200, ({ db, caller, param, json }) => editValue(db, caller, param, json));
  route
    .post('data:write', `${valuePath}/corrections`, {
      summary: 'Correct an accepted value: a new version through the whole workflow',
      request: { params: valueParams, ...body(correctionSchema) },
      responses: created(valueDetailSchema, 'The correction'),
    })
    .json(201, ({ db, caller, param, json }) => correctValue(db, caller, param, json));
  route
    .get('data:read', `${valuePath}/history`, {
      summary: 'Every version with its changes, and every step with who, when and why',
      request: { params: valueParams },
      responses: ok(historySchema, 'The history'),
    })
    .json(200, ({ db, caller, param }) => getHistory(db, caller, param));
  route
    .post('data:read', `${base}/checks`, {
      summary: 'The entry checks of a value before it is entered: warnings only, nothing written',
      request: { params: planParams, ...body(checkRequestSchema) },
      responses: ok(checkResultSchema, 'The warnings'),
    })
    .json(200, ({ db, caller, param, json }) => checkEntry(db, caller, param.plan, json));
  for (const [name, access, summary, schema] of transitions) {
    route
      .post(access, `${valuePath}/${name}`, {
        summary,
        request: { params: valueParams, ...body(schema as typeof transitionSchema) },
        responses: ok(valueDetailSchema, 'The value after the step'),
      })
      .json(200, (r) => transitionValue(r.db, r.caller, r.param, name, r.json));
  }

  // The supervisor's district view of reporting, and 催报.
  route
    .get('data:accept', `${base}/district`, {
      summary: "The district's reporting by department: values on time, late and missing (supervisor)",
      request: { params: planParams, query: districtQuery },
      responses: ok(districtSchema, 'Reporting by department'),
    })
    .json(200, ({ db, caller, param, query }) =>
      getDistrict(db, caller, param.plan, query.year ? Number(query.year) : undefined),
    );
  route
    .post('data:accept', `${base}/urge`, {
      summary: '催报: tell a department (its inbox) that values are missing (supervisor)',
      request: { params: planParams, ...body(urgeSchema) },
      responses: ok(urgeResultSchema, 'The department told'),
    })
    .json(200, ({ db, caller, param, json }) => urgeDepartment(db, caller, param.plan, json));
}
