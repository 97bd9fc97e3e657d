/** OpenAPI response blocks shared by the administration routes. */
import type { z } from '@hono/zod-openapi';
import { problemResponse } from '../../contracts/common';

/** The problems any administration route may answer. */
export const problems = {
  400: problemResponse('Invalid or unknown fields'),
  401: problemResponse('Not logged in'),
  403: problemResponse('Not allowed'),
  404: problemResponse('Not found'),
  409: problemResponse('Conflicts with the current state'),
  422: problemResponse('Refused by a rule (password policy, unknown department, …)'),
} as const;

/** A JSON success response plus the problems. */
export const jsonResponse = <S extends z.ZodType, C extends 200 | 201>(
  status: C,
  schema: S,
  description: string,
) =>
  ({ [status]: { description, content: { 'application/json': { schema } } }, ...problems }) as {
    [K in C]: { description: string; content: { 'application/json': { schema: S } } };
  } & typeof problems;

/** A JSON request body. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
