/**
 * Reads of data collection: one value, its history, the reporting calendar ("what I owe, by
 * when") and the reviewers' queue. A department-scoped caller only ever gets its departments' rows.
 */
import type { DataCalendar, DataHistory, DataValueDetail, QueueEntry } from '../../contracts/data';
import { allowsPreliminary, standingOf } from '../../domain/reporting';
import { warningsFor } from './data.checks';
import type { Db } from '../../db';
import { dueDate, periodsPerYear, subPeriod, kindOfFrequency } from '../../domain/periods';
import { notFound } from '../errors';
import * as repo from './data.repository';
import { departmentFilter } from './data.policy';
import type { Caller } from '../caller';
import { frequencyOf, loadIndicator, loadPlan, readSeries } from './data.context';
import { rowsInStatus, workflowRows, type QueueRow, type WorkflowRow } from '../observations';
import { changesFrom, presentEvent, presentValue } from './data.presenter';

/** A value series: plan, indicator and period codes. */
export interface ValueRef {
  plan: string;
  indicator: string;
  period: string;
}

async function loadSeries(db: Db, caller: Caller, ref: ValueRef) {
  const { plan, indicator } = await loadIndicator(db, caller, ref.plan, ref.indicator);
  const series = await readSeries(db.kysely, indicator.id, ref.period);
  if (!series.head) throw notFound(`value of '${ref.indicator}' for ${ref.period}`);
  const versionOf = new Map(series.rows.map((r) => [r.id, r.version]));
  return { plan, indicator, series, head: series.head, versionOf };
}

/** The version under work and the accepted one. */
export async function getValue(db: Db, caller: Caller, ref: ValueRef): Promise<DataValueDetail> {
  const { plan, indicator, series, head, versionOf } = await loadSeries(db, caller, ref);
  const returned =
    head.status === 'returned' ? await repo.lastReturn(db.kysely, caller.actor.tenantId, series.rows.map((r) => r.id)) : undefined;
  return {
    value: presentValue(head, indicator, versionOf),
    accepted: series.accepted ? presentValue(series.accepted, indicator, versionOf) : null,
    returned: returned ? { reason: returned.reason, by: returned.actor_display ?? returned.actor_label, at: returned.at } : null,
    warnings: await warningsFor(db, plan, indicator, ref.period, head.value),
  };
}

/** The entry checks of a value not yet entered (the form asks before submitting). */
export async function checkEntry(db: Db, caller: Caller, planCode: string, input: { indicator: string; period: string; value: number }) {
  const { plan, indicator } = await loadIndicator(db, caller, planCode, input.indicator);
  return { warnings: await warningsFor(db, plan, indicator, input.period, input.value) };
}

/** Every version with what changed, and every workflow step with who, when and why. */
export async function getHistory(db: Db, caller: Caller, ref: ValueRef): Promise<DataHistory> {
  const { indicator, series, versionOf } = await loadSeries(db, caller, ref);
  const audit = await repo.auditOf(
    db.kysely,
    caller.actor.tenantId,
    series.rows.map((r) => r.id),
  );
  return {
    indicator: indicator.code,
    period: ref.period,
    versions: series.rows.map((r, i) => ({
      ...presentValue(r, indicator, versionOf),
      changes: changesFrom(r, series.rows[i - 1]),
    })),
    events: audit.map(presentEvent),
  };
}

/** Statuses of a value that the department still owes. */
export const owedStatuses: ReadonlySet<string> = new Set(['missing', 'draft', 'returned']);

type CalendarPeriod = DataCalendar['indicators'][number]['periods'][number];

interface Head {
  status: string;
  version: number;
  preliminary: number;
}

/** The workflow head (highest version) of each indicator and period, keyed `id|period`. */
export function headsOf(rows: WorkflowRow[]) {
  const heads = new Map<string, Head>();
  for (const r of rows) {
    const key = `${r.indicator_id}|${r.period}`;
    const seen = heads.get(key);
    if (!seen || r.version > seen.version) heads.set(key, r);
  }
  return heads;
}

/**
 * The periods of an indicator from the plan's start that have ended by `today` — and the running
 * one when the indicator takes preliminary values (快报/预计数) — each with its deadline, standing
 * and status: what the department owes, by when. The calendar and the reporting reminders both
 * read it.
 */
export function reportingPeriods(
  plan: { start_year: number; end_year: number; settings: string },
  indicator: { id: number; frequency: string },
  today: string,
  heads: Map<string, Head>,
): CalendarPeriod[] {
  const settings = JSON.parse(plan.settings) as { annual_due?: string } | null;
  const lastYear = Math.min(plan.end_year, Number(today.slice(0, 4)));
  const kind = kindOfFrequency(frequencyOf(indicator.frequency));
  const running = allowsPreliminary(indicator);
  const periods: CalendarPeriod[] = [];
  for (let year = plan.start_year; year <= lastYear; year++) {
    for (let index = kind === 'year' ? 0 : 1; index <= (kind === 'year' ? 0 : periodsPerYear(kind)); index++) {
      const p = subPeriod(year, kind, index);
      const due = dueDate(p, { annualDue: settings?.annual_due });
      const standing = standingOf(p, due, today);
      if (standing === 'upcoming' || (standing === 'running' && !running)) continue;
      const head = heads.get(`${indicator.id}|${p.text}`);
      const status = head ? statusOf(head.status) : 'missing';
      periods.push({
        period: p.text,
        due,
        status,
        version: head?.version ?? null,
        overdue: due < today && owedStatuses.has(status),
        standing,
        preliminary: head?.preliminary === 1,
      });
    }
  }
  return periods;
}

/** Per visible indicator, the periods from the plan start to today with deadline and status. */
export async function getCalendar(
  db: Db,
  caller: Caller,
  planCode: string,
  department?: string,
): Promise<DataCalendar> {
  const plan = await loadPlan(db, caller, planCode);
  const today = caller.now.toISOString().slice(0, 10);
  const indicators = (await repo.listIndicators(db.kysely, plan.id, departmentFilter(caller.actor))).filter(
    (i) => !i.formula && (department === undefined || i.department_code === department),
  );
  const rows = await workflowRows(
    db.kysely,
    indicators.map((i) => i.id),
    plan.start_year,
  );
  const heads = headsOf(rows);
  return {
    today,
    indicators: indicators.map((i) => ({
      indicator: i.code,
      name: i.name,
      unit: i.unit,
      frequency: i.frequency,
      department: i.department_code,
      department_name: i.department_name,
      department_name_en: i.department_name_en,
      name_en: i.name_en,
      preliminary_allowed: allowsPreliminary(i),
      periods: reportingPeriods(plan, i, today, heads),
    })),
  };
}

function statusOf(status: string) {
  switch (status) {
    case 'draft':
    case 'submitted':
    case 'approved':
    case 'accepted':
    case 'returned':
      return status;
    default:
      return 'missing';
  }
}

/**
 * What waits for the caller: submitted values of the departments they head (data:approve) and
 * approved values waiting for acceptance (data:accept; all departments unless scoped).
 */
export async function getQueue(db: Db, caller: Caller, planCode: string): Promise<QueueEntry[]> {
  const plan = await loadPlan(db, caller, planCode);
  const actor = caller.actor;
  const entries: QueueEntry[] = [];
  const add = (rows: QueueRow[], awaiting: QueueEntry['awaiting']) => {
    for (const r of rows) {
      const indicator = {
        code: r.indicator_code,
        name: r.indicator_name,
        name_en: r.indicator_name_en,
        unit: r.indicator_unit,
        department_code: r.department_code,
        department_name: r.department_name,
        department_name_en: r.department_name_en,
      };
      const replaced = new Map<number, number>();
      if (r.replaces_id !== null && r.replaced_version !== null) replaced.set(r.replaces_id, r.replaced_version);
      entries.push({ ...presentValue(r, indicator, replaced), awaiting });
    }
  };
  if (actor.permissions.has('data:approve')) {
    add(await rowsInStatus(db.kysely, plan.id, 'submitted', actor.departmentIds), 'approval');
  }
  if (actor.permissions.has('data:accept')) {
    add(await rowsInStatus(db.kysely, plan.id, 'approved', departmentFilter(actor, 'data:accept')), 'acceptance');
  }
  return entries;
}
