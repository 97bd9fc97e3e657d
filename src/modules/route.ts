/**
 * Declares a route with who may call it. The access level becomes the route's guard middleware
 * and an `x-access` field of its OpenAPI operation, from which the role × route test is built:
 * a route declared without it does not compile, and one missing from the test's table fails it.
 * Every operation also gets an `operationId` (from method and path unless declared) and the
 * problem responses the shared middleware may give it, so the document is one client generators
 * accept (test/integration/openapi-lint.test.ts).
 */
import { createRoute, type RouteConfig, type z } from '@hono/zod-openapi';
import { problemResponse } from '../contracts/common';
import type { Permission } from '../domain/access';
import { guard } from './auth/middleware';

const secured: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

export type Access = Permission | 'public' | 'authenticated';

type Config = Omit<RouteConfig, 'middleware'>;

/** `get /api/plans/{plan}/targets` → `getPlansByPlanTargets`. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment)?.[1];
      const word = (param ?? segment)
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join('');
      return param ? `By${word}` : word;
    });
  return method.toLowerCase() + words.join('');
}

const unsafe = new Set(['post', 'put', 'patch', 'delete']);

/** The problems that the app's middleware and validation may answer for this route. */
export function standardProblems(access: Access, config: Config): RouteConfig['responses'] {
  const request = config.request ?? {};
  const hasInput = Boolean(request.params ?? request.query ?? request.body ?? request.headers);
  const write = unsafe.has(config.method);
  return {
    ...(hasInput ? { 400: problemResponse('Malformed or invalid input; `errors` names each field') } : {}),
    401: problemResponse(
      access === 'public'
        ? 'An invalid or expired API token'
        : 'Not logged in, or an invalid or expired API token',
    ),
    ...(access !== 'public' || write
      ? {
          403: problemResponse(
            access === 'public'
              ? 'A cross-origin write'
              : 'Not allowed: a missing permission, a pending password change, or a write without the CSRF token',
          ),
        }
      : {}),
    ...(request.params ? { 404: problemResponse('Not found, or outside the caller’s departments') } : {}),
    ...(request.body
      ? {
          413: problemResponse('The request body is larger than the limit'),
          422: problemResponse('Well-formed but unacceptable content; `errors` names each field'),
        }
      : {}),
    default: problemResponse('An unexpected error; quote its `error_id`'),
  };
}

export function defineRoute<const R extends Config>(access: Access, config: R) {
  // Declared responses win over the standard ones (their descriptions are more precise).
  const responses = { ...standardProblems(access, config), ...config.responses } as R['responses'];
  return createRoute({
    ...config,
    operationId: config.operationId ?? operationIdOf(config.method, config.path),
    responses,
    middleware: [guard(access)] as const,
    'x-access': access,
    security: access === 'public' ? [] : secured,
  });
}

/** A JSON response of a route: its schema and what it is. */
export const jsonContent = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A route's required multipart request body (an upload form). */
export const formBody = <S extends z.ZodType>(schema: S) => ({
  body: { content: { 'multipart/form-data': { schema } }, required: true },
});

/** A route's required JSON request body. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

/** A 200 JSON response: its schema and what it is. */
export const ok = <S extends z.ZodType>(schema: S, description: string) => ({
  200: jsonContent(schema, description),
});

/** A 201 JSON response: what was created. */
export const created = <S extends z.ZodType>(schema: S, description: string) => ({
  201: jsonContent(schema, description),
});

/**
 * The problems of a module whose writes may meet a conflict or a rule: the same six answers,
 * the module words its 422 (and, where it says more, its 404 and 409).
 */
export const workflowProblems = (words: { 404?: string; 409?: string; 422: string }) =>
  ({
    400: problemResponse('Invalid or unknown fields'),
    401: problemResponse('Not logged in'),
    403: problemResponse('Not allowed'),
    404: problemResponse(words[404] ?? 'Not found'),
    409: problemResponse(words[409] ?? 'Conflicts with the current state'),
    422: problemResponse(words[422]),
  }) as const;

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** What a module declares of a route (method, path and tags come from the module's route group). */
export type Declared = Omit<Config, 'method' | 'path' | 'tags'>;
