/** Field types shared by the plan file's sections. */
import { z } from 'zod';
import { isIsoDate } from '../periods';

export const id = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, _ . - (starting with a letter or digit)');
export const text = z.string().trim().min(1).max(2000);
export const year = z.number().int().min(1900).max(2200);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
/** A real calendar day (2026-02-30 is refused). */
export const calendarDate = z
  .string()
  .refine((v) => isIsoDate(v), 'date must be a real day written YYYY-MM-DD');
