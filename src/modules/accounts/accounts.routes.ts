/** The administration routes of the accounts module: users, departments, API tokens. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http';
import { departmentsRoutes } from './departments.routes';
import { tokensRoutes } from './tokens.routes';
import { usersRoutes } from './users.routes';

/** Mounts every accounts route. */
export function accountsRoutes(app: OpenAPIHono<AppEnv>): void {
  usersRoutes(app);
  departmentsRoutes(app);
  tokensRoutes(app);
}
