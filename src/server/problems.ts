/** One error shape for every failure: RFC 9457 problem+json, generic text, an id to quote. */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '../contracts/common';

export function problem(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route's context may answer a problem
  c: Context<any, any, any>,
  status: ContentfulStatusCode,
  title: string,
  detail?: string,
  extra: Partial<Problem> = {},
): Response {
  const body: Problem = { type: 'about:blank', title, status, ...(detail ? { detail } : {}), ...extra };
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json' });
}

export function newErrorId(): string {
  return randomUUID();
}
