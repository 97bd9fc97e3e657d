/**
 * Text fields that are stored and shown (names, notes, reasons), checked by the rules of
 * `domain/text`. A refusal is a custom issue marked `unprocessable`,
 * which the app answers 422 (the request is well-formed; its content cannot be accepted).
 */
import { z } from '@hono/zod-openapi';
import { unsafeTextReason } from '../domain/text';

export const unprocessable = { unprocessable: true } as const;

/** `schema` (a string schema) refusing NUL, controls, lone surrogates, bidi overrides, zero-width. */
export function cleanText<S extends z.ZodString>(schema: S, multiline = false): S {
  return schema.superRefine((value, ctx) => {
    const reason = unsafeTextReason(value, multiline);
    if (reason) ctx.addIssue({ code: 'custom', message: reason, params: unprocessable });
  });
}
