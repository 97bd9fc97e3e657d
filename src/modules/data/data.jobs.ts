/**
 * Reporting reminders (数据报送提醒): a department is reminded of each value it owes a few days
 * before the deadline, and told once when the deadline has passed without it. What is owed, and
 * by when, is the same reading as the reporting calendar (`reportingPeriods`).
 */
import { daysBetween } from '../../domain/periods';
import type { DueItem, JobKind } from '../notify';
import { headsOf, owedStatuses, reportingPeriods } from './data.queries';
import * as repo from './data.repository';
import { workflowRows } from '../observations';

/** Days before a deadline when the reminder goes out (plan setting `data_reminder_days`). */
export const defaultReminderDays = 3;
/**
 * Deadlines passed longer ago than this are not announced again as overdue: a runner switched
 * on for the first time does not flood departments with years of old arrears (the calendar
 * still shows them).
 */
export const overdueWindowDays = 30;

function reminderDays(settings: string): number {
  const parsed = JSON.parse(settings) as { data_reminder_days?: unknown } | null;
  const days = parsed?.data_reminder_days;
  return typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 60 ? days : defaultReminderDays;
}

export const dataReminderJob: JobKind = {
  name: 'data-reminders',
  async findDue({ db, today }) {
    const items: DueItem[] = [];
    for (const plan of await repo.plansInUse(db.kysely)) {
      const indicators = (await repo.listIndicators(db.kysely, plan.id, null)).filter(
        (i) => !i.formula && i.department_id !== null,
      );
      if (indicators.length === 0) continue;
      const heads = headsOf(await workflowRows(db.kysely, indicators.map((i) => i.id), plan.start_year));
      const before = reminderDays(plan.settings);
      for (const i of indicators) {
        for (const p of reportingPeriods(plan, i, today, heads)) {
          if (!owedStatuses.has(p.status)) continue;
          const left = daysBetween(today, p.due);
          const step = left >= 0 ? (left <= before ? 'before' : null) : -left <= overdueWindowDays ? 'overdue' : null;
          if (step === null) continue;
          const what = `“${i.name}”${p.period}期数据`;
          items.push({
            tenantId: plan.tenant_id,
            kind: 'data_reminder',
            object: `indicator:${plan.code}/${i.code}/${p.period}`,
            step,
            due: p.due,
            about: { plan: plan.code, indicator: i.code, period: p.period },
            to: { departments: [i.department_id ?? 0] },
            message:
              step === 'before'
                ? {
                    zh: `${what}将于${p.due}到期，请及时填报。`,
                    en: `The ${p.period} value of ${i.code} (${i.name}) is due on ${p.due}: please report it.`,
                  }
                : {
                    zh: `${what}已于${p.due}到期，尚未报送，请尽快填报。`,
                    en: `The ${p.period} value of ${i.code} (${i.name}) was due on ${p.due} and has not been reported.`,
                  },
            link: `/data?indicator=${encodeURIComponent(i.code)}&period=${encodeURIComponent(p.period)}`,
          });
        }
      }
    }
    return items;
  },
};
