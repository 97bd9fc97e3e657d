/** One error shape for every failure: RFC 9457 problem+json, generic text, an id to quote. */
import { randomUUID } from 'node:crypto';

export { problemResponse as problem } from '../modules/errors';

export function newErrorId(): string {
  return randomUUID();
}

/** The fields of a zod issue the web app needs to word it: a stable code and its bounds. */
interface IssueLike {
  code: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  message: string;
}

/** A field problem's code (+ params) from a validation issue, worded by the client. */
export function fieldCode(issue: IssueLike): { code: string; params?: Record<string, string | number> } {
  const unit = issue.origin === 'string' ? 'chars' : issue.origin === 'array' ? 'items' : 'value';
  const bound = (b: unknown) => (typeof b === 'number' || typeof b === 'bigint' ? Number(b) : String(b));
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { code: 'required' };
      return { code: `too_small_${unit}`, params: { min: bound(issue.minimum) } };
    case 'too_big':
      return { code: `too_big_${unit}`, params: { max: bound(issue.maximum) } };
    case 'invalid_type':
      return { code: /received undefined/.test(issue.message) ? 'required' : 'wrong_type' };
    case 'unrecognized_keys':
      return { code: 'unknown_field' };
    default:
      return { code: 'invalid' };
  }
}
