/** One error shape for every failure: RFC 9457 problem+json, generic text, an id to quote. */
import { randomUUID } from 'node:crypto';

export { problemResponse as problem } from '../modules/errors';

export function newErrorId(): string {
  return randomUUID();
}
