/**
 * Tasks (督查督办) in the plan file (CONTRACT.md "Tasks in the plan file"): tasks under actions,
 * their progress reports per cycle, and the rule settings `plan.settings.tasks`.
 */
import { z } from 'zod';
import {
  defaultTaskRuleSettings as d,
  reportCycles,
  reportStatuses,
  taskPriorities,
  taskStates,
} from '../tasks/types';
import { calendarDate, id, text } from './primitives';

const days = z.number().int().min(0).max(366);

export const taskSettingsSchema = z
  .object({
    report_grace_days: days.default(d.report_grace_days),
    soon_days: days.default(d.soon_days),
    reminder_days: days.default(d.reminder_days),
    notice_after_days: days.default(d.notice_after_days),
    lag_points: z.number().min(0).max(100).default(d.lag_points),
  })
  .strict();

export const taskMilestoneSchema = z
  .object({ title: text, due: calendarDate, done: calendarDate.optional() })
  .strict();

export const taskSchema = z
  .object({
    id,
    action: id,
    title: text,
    title_en: text.optional(),
    description: text.optional(),
    lead_department: id.optional(),
    co_departments: z.array(id).optional(),
    leader: text.optional(),
    start: calendarDate,
    due: calendarDate,
    cycle: z.enum(reportCycles),
    priority: z.enum(taskPriorities).optional(),
    /** When absent: completed after an accepted 100% report, in_progress once a report exists, assigned. */
    state: z.enum(taskStates).optional(),
    milestones: z.array(taskMilestoneSchema).optional(),
    targets: z.array(id).optional(),
    indicators: z.array(id).optional(),
    illustrative: z.boolean().optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    // Plain text comparison is day order for valid YYYY-MM-DD dates.
    if (t.due < t.start) {
      ctx.addIssue({ code: 'custom', path: ['due'], message: `due ${t.due} is before start ${t.start}` });
    }
    (t.milestones ?? []).forEach((m, i) => {
      if (m.due < t.start || m.due > t.due) {
        ctx.addIssue({
          code: 'custom',
          path: ['milestones', i, 'due'],
          message: `milestone due ${m.due} lies outside the task's span ${t.start} to ${t.due}`,
        });
      }
    });
  });

export const reportPeriodPattern = /^\d{4}-(W(0[1-9]|[1-4]\d|5[0-3])|Q[1-4]|0[1-9]|1[0-2])$/;

export const taskReportSchema = z
  .object({
    task: id,
    period: z
      .string()
      .regex(reportPeriodPattern, 'report period must be YYYY-Www (ISO week), YYYY-MM or YYYY-Qn'),
    submitted: calendarDate.optional(),
    percent: z.number().min(0, 'percent must be 0–100').max(100, 'percent must be 0–100'),
    progress: text.optional(),
    problems: text.optional(),
    next_steps: text.optional(),
    status: z.enum(reportStatuses).default('submitted'),
    comment: text.optional(),
    illustrative: z.boolean().optional(),
  })
  .strict();
