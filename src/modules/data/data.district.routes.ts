/** Routes of the supervisor's district view of reporting and of 催报. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { planParams } from '../../contracts/common';
import { districtQuery, districtSchema, urgeResultSchema, urgeSchema } from '../../contracts/data';
import type { AppEnv } from '../http';
import { jsonBody, ok } from '../route';
import { routesOn } from '../serve';
import { getDistrict, urgeDepartment } from './data.district';
import { base, problems } from './data.routes';

export function districtRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['data'], problems);
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
      request: { params: planParams, ...jsonBody(urgeSchema) },
      responses: ok(urgeResultSchema, 'The department told'),
    })
    .json(200, ({ db, caller, param, json }) => urgeDepartment(db, caller, param.plan, json));
}
