/**
 * Errors a service may raise on purpose. The server turns each into an RFC 9457 problem with its
 * status; anything else becomes a generic 500 with an error id.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '../contracts/common';
import { statusCodes } from '../contracts/problem-codes';

export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly title: string,
    message: string,
    readonly errors?: FieldProblem[],
  ) {
    super(message);
  }

  /** A stable code and its parameters, which the web app words in the user's language. */
  code?: string;
  params?: Record<string, string | number>;
}

/** Gives a problem a stable `code` (+ params) besides its English detail. */
export function coded<E extends AppError>(
  error: E,
  code: string,
  params: Record<string, string | number> = {},
): E {
  error.code = code;
  error.params = params;
  return error;
}

/** One field's problem: English text for logs and scripts, a code (+ params) the web app words. */
export interface FieldProblem {
  field: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

export const notFound = (what: string) => new AppError(404, 'Not Found', `${what} not found`);
export const badInput = (message: string, errors?: FieldProblem[]) =>
  new AppError(422, 'Unprocessable Content', message, errors);

/** An RFC 9457 problem body (`detail` left out when empty). */
export function problemBody(
  status: ContentfulStatusCode,
  title: string,
  detail?: string,
  extra: Partial<Problem> = {},
): Problem {
  const code = statusCodes[status] ?? 'error';
  return { type: 'about:blank', title, status, ...(detail ? { detail } : {}), code, ...extra };
}

/** Answers a problem+json response, for middleware that answers before any route runs. */
export function problemResponse(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route's context may answer a problem
  c: Context<any, any, any>,
  status: ContentfulStatusCode,
  title: string,
  detail?: string,
  extra: Partial<Problem> = {},
): Response {
  return c.body(JSON.stringify(problemBody(status, title, detail, extra)), status, {
    'Content-Type': 'application/problem+json',
  });
}
