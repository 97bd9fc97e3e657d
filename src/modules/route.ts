/**
 * Declares a route with who may call it. The access level becomes the route's guard middleware
 * and an `x-access` field of its OpenAPI operation, from which the role × route test is built:
 * a route declared without it does not compile, and one missing from the test's table fails it.
 */
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Permission } from '../domain/access';
import { guard } from './auth/middleware';

const secured: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

export type Access = Permission | 'public' | 'authenticated';

export function defineRoute<const R extends Omit<RouteConfig, 'middleware'>>(access: Access, config: R) {
  return createRoute({
    ...config,
    middleware: [guard(access)] as const,
    'x-access': access,
    security: access === 'public' ? [] : secured,
  });
}
