/** Routes of the supervisor's district view of reporting and of 催报. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { planParams } from '../../contracts/common';
import { districtQuery, districtSchema, urgeResultSchema, urgeSchema } from '../../contracts/data';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { callerOf } from '../caller';
import { getDistrict, urgeDepartment } from './data.district';
import { problems } from './data.routes';

const base = '/api/plans/{plan}/data';
const tags = ['data'];

const districtRoute = defineRoute('data:accept', {
  method: 'get',
  path: `${base}/district`,
  tags,
  summary: "The district's reporting by department: values on time, late and missing (supervisor)",
  request: { params: planParams, query: districtQuery },
  responses: {
    200: { description: 'Reporting by department', content: { 'application/json': { schema: districtSchema } } },
    ...problems,
  },
});

const urgeRoute = defineRoute('data:accept', {
  method: 'post',
  path: `${base}/urge`,
  tags,
  summary: '催报: tell a department (its inbox) that values are missing (supervisor)',
  request: {
    params: planParams,
    body: { content: { 'application/json': { schema: urgeSchema } }, required: true },
  },
  responses: {
    200: { description: 'The department told', content: { 'application/json': { schema: urgeResultSchema } } },
    ...problems,
  },
});

export function districtRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(districtRoute, async (c) => {
    const year = c.req.valid('query').year;
    const result = await getDistrict(c.get('db'), callerOf(c), c.req.valid('param').plan, year ? Number(year) : undefined);
    return c.json(result, 200);
  });
  app.openapi(urgeRoute, async (c) =>
    c.json(await urgeDepartment(c.get('db'), callerOf(c), c.req.valid('param').plan, c.req.valid('json')), 200),
  );
}
