/** Field types shared by the plan file's sections. */
import { z } from 'zod';
import { isIsoDate } from '../periods';
import { isWebUrl, unsafeTextReason } from '../text';

export const id = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, _ . - (starting with a letter or digit)');
/** Names and notes: no NUL, controls, lone surrogates, bidi overrides or zero-width characters. */
export const text = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .superRefine((value, ctx) => {
    const reason = unsafeTextReason(value, true);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });
export const year = z.number().int().min(1900).max(2200);
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
  .refine(isIsoDate, 'no such calendar day');
/** Only http(s): a `javascript:` source link would run in whoever clicks it. */
export const webUrl = z.string().url().refine(isWebUrl, 'must be an http:// or https:// address');
/** A real calendar day (2026-02-30 is refused). */
export const calendarDate = z
  .string()
  .refine((v) => isIsoDate(v), 'date must be a real day written YYYY-MM-DD');
