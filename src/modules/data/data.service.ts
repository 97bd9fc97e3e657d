/**
 * The data approval workflow (after DHIS2): draft → submitted → approved (department head) →
 * accepted (supervisor); either reviewer may return a value with a reason. An accepted row is
 * never changed: a correction or a reopening adds a version that replaces it once accepted, so
 * the accepted figure keeps feeding statuses until then. Each step runs in one transaction with
 * its audit row and notifications; writes to one indicator are serialised, and a step names the
 * version it acts on (`if_version`), so of two concurrent editors exactly one wins.
 */
import type { Correction, ValueCreate, ValueEdit, WorkflowStatus } from '../../contracts/data';
import type { Db, Executor } from '../../db';
import { writeAudit } from '../auth';
import { AppError, badInput, coded, notFound } from '../errors';
import { parsePeriod } from '../../domain/periods';
import { entryOf } from '../../domain/reporting';
import * as repo from './data.repository';
import {
  conflict,
  requireDepartmentReviewer,
  requireNotOwn,
  requireStatus,
  requireSupervisor,
  requireVersion,
  requireWriter,
} from './data.policy';
import type { Caller } from '../caller';
import { checkPeriod, loadIndicator, readSeries, type Series } from './data.context';
import { insertObservation, lockIndicators, moveStatus, type VersionRow } from '../observations';
import { getValue, type ValueRef } from './data.queries';
import { recordNotifications } from '../notify';

interface Step {
  trx: Executor;
  indicator: repo.IndicatorRow;
  series: Series;
  planCode: string;
}

/** Runs `step` in a transaction on the locked series of `ref`, then returns the value as it is. */
async function onSeries(db: Db, caller: Caller, ref: ValueRef, step: (s: Step) => Promise<void>) {
  const { indicator } = await loadIndicator(db, caller, ref.plan, ref.indicator);
  try {
    await db.kysely.transaction().execute(async (trx) => {
      await lockIndicators(trx, db.dialect, [indicator.id]);
      const series = await readSeries(trx, indicator.id, ref.period);
      await step({ trx, indicator, series, planCode: ref.plan });
    });
  } catch (error) {
    if (error instanceof OwnEntryRefused) await auditRefusal(db, caller, error);
    throw error;
  }
  return getValue(db, caller, ref);
}

function requireHead(s: Series, ref: ValueRef) {
  if (!s.head) throw notFound(`value of '${ref.indicator}' for ${ref.period}`);
  return s.head;
}

/**
 * Runs `step` on the head version of `ref` for a writer of the indicator's department who saw
 * version `ifVersion` (the start of an edit and of a correction).
 */
async function onWrittenHead(
  db: Db,
  caller: Caller,
  ref: ValueRef,
  ifVersion: number,
  step: (s: Step, head: NonNullable<Series['head']>) => Promise<void>,
) {
  requireWriter(caller.actor);
  return onSeries(db, caller, ref, async (s) => {
    requireWriter(caller.actor, s.indicator.department_id);
    const head = requireHead(s.series, ref);
    requireVersion(head.version, ifVersion);
    await step(s, head);
  });
}

const snapshot = (r: { status: string; value: number; source: string | null; note: string | null; version: number }) => ({
  status: r.status,
  value: r.value,
  source: r.source,
  note: r.note,
  version: r.version,
});

async function audit(
  s: Step,
  caller: Caller,
  action: string,
  rowId: number,
  before: ReturnType<typeof snapshot> | null,
  after: ReturnType<typeof snapshot>,
  reason?: string,
) {
  await writeAudit(s.trx, {
    tenantId: caller.actor.tenantId,
    actor: caller.actor,
    action: `data.${action}`,
    objectType: 'observation',
    objectId: rowId,
    before: before ?? undefined,
    after: { ...after, indicator: s.indicator.code, period: s.series.period },
    reason,
    sourceIp: caller.sourceIp,
    outcome: 'success',
    at: caller.now,
  });
}

/** Adds a version to the series (an edit, correction or reopening) and audits it. */
async function addVersion(
  s: Step,
  caller: Caller,
  action: string,
  fields: {
    value: number;
    source: string | null;
    note: string | null;
    status: string;
    reason: string | null;
    preliminary?: boolean;
    check_reason?: string | null;
  },
  recordedBy: number | null,
) {
  const row = {
    tenant_id: caller.actor.tenantId,
    indicator_id: s.indicator.id,
    period: s.series.period,
    ...fields,
    preliminary: fields.preliminary ? 1 : 0,
    check_reason: fields.check_reason ?? null,
    version: s.series.maxVersion + 1,
    replaces_id: s.series.accepted?.id ?? null,
    recorded_by: recordedBy,
    recorded_at: caller.now.toISOString(),
  };
  const id = await insertObservation(s.trx, row);
  await audit(s, caller, action, id, s.series.head ? snapshot(s.series.head) : null, snapshot(row), fields.reason ?? undefined);
}

const today = (caller: Caller) => caller.now.toISOString().slice(0, 10);

/**
 * Whether a value of `period` is preliminary (快报/预计数): always while the period runs, and then
 * only when asked — or, for an edit that does not say, as the version it replaces was. 422 for a
 * running period of an indicator that takes no preliminary values.
 */
function preliminaryOf(caller: Caller, indicator: repo.IndicatorRow, period: string, asked: boolean | undefined) {
  const parsed = parsePeriod(period);
  if (!parsed.ok) throw badInput(parsed.reason, [{ field: 'period', message: parsed.reason }]);
  const entry = entryOf(indicator, parsed.period, today(caller), asked);
  if (entry.ok) return entry.preliminary;
  const message =
    entry.code === 'period_not_begun'
      ? 'period has not begun yet'
      : `'${indicator.code}' takes no preliminary values: report ${period} once it has ended`;
  const params = { indicator: indicator.code, period };
  throw coded(badInput(message, [{ field: 'period', message, code: entry.code, params }]), entry.code, params);
}
const authorOf = (caller: Caller) => (caller.actor.kind === 'user' ? caller.actor.userId : null);

/** Creates a draft for a period that has no value yet. */
export async function createValue(db: Db, caller: Caller, planCode: string, input: ValueCreate) {
  requireWriter(caller.actor);
  const { plan, indicator } = await loadIndicator(db, caller, planCode, input.indicator);
  requireWriter(caller.actor, indicator.department_id);
  if (indicator.formula) {
    const message = `'${indicator.code}' is computed from a formula, not entered.`;
    throw coded(badInput(message), 'computed_indicator', { indicator: indicator.code });
  }
  checkPeriod(plan, indicator, input.period, caller.now);
  const ref = { plan: planCode, indicator: input.indicator, period: input.period };
  return onSeries(db, caller, ref, async (s) => {
    if (s.series.head) {
      throw conflict(
        s.series.head.status === 'accepted'
          ? `A value for ${input.period} is already accepted: submit a correction instead.`
          : `A value for ${input.period} exists (${s.series.head.status}): edit it instead.`,
        'value_exists',
        { period: input.period, status: s.series.head.status },
      );
    }
    await addVersion(
      s,
      caller,
      'create',
      {
        value: input.value,
        source: input.source ?? null,
        note: input.note ?? null,
        status: 'draft',
        reason: null,
        preliminary: preliminaryOf(caller, s.indicator, input.period, input.preliminary),
        check_reason: input.check_reason ?? null,
      },
      authorOf(caller),
    );
  });
}

/** Edits a draft or returned value: a new draft version replaces it in the workflow. */
export async function editValue(db: Db, caller: Caller, ref: ValueRef, input: ValueEdit) {
  return onWrittenHead(db, caller, ref, input.if_version, async (s, head) => {
    requireStatus(head.status, ['draft', 'returned'], 'edit');
    if (!(await moveStatus(s.trx, head.id, ['draft', 'returned'], 'superseded', today(caller)))) {
      throw conflict('Someone else changed this value at the same time. Reload.', 'value_changed_concurrently');
    }
    const fields = {
      value: input.value ?? head.value,
      source: input.source === undefined ? head.source : input.source,
      note: input.note === undefined ? head.note : input.note,
      status: 'draft',
      reason: null,
      preliminary: preliminaryOf(caller, s.indicator, ref.period, input.preliminary ?? head.preliminary === 1),
      check_reason: input.check_reason === undefined ? head.check_reason : input.check_reason,
    };
    await addVersion(s, caller, 'edit', fields, authorOf(caller));
  });
}

/** A correction of an accepted value: a new draft version; the accepted one counts until then. */
export async function correctValue(db: Db, caller: Caller, ref: ValueRef, input: Correction) {
  return onWrittenHead(db, caller, ref, input.if_version, async (s, head) => {
    if (head.status !== 'accepted') {
      throw conflict(
        `Only an accepted value takes a correction: this one is ${head.status}, edit it instead.`,
        'correction_needs_accepted',
        { status: head.status },
      );
    }
    const fields = {
      value: input.value,
      source: input.source === undefined ? head.source : input.source,
      note: input.note === undefined ? head.note : input.note,
      status: 'draft',
      reason: input.reason,
      // A correction is the final value unless it says otherwise: this is how a 快报 is replaced.
      preliminary: preliminaryOf(caller, s.indicator, ref.period, input.preliminary ?? false),
      check_reason: input.check_reason ?? null,
    };
    await addVersion(s, caller, 'correct', fields, authorOf(caller));
  });
}

export type Transition = 'submit' | 'approve' | 'accept' | 'return' | 'reopen';

/** Moves a value one workflow step (or reopens an accepted one), audited, with notifications. */
export async function transitionValue(
  db: Db,
  caller: Caller,
  ref: ValueRef,
  transition: Transition,
  input: { if_version: number; reason?: string },
) {
  const actor = caller.actor;
  return onSeries(db, caller, ref, async (s) => {
    const head = requireHead(s.series, ref);
    const move = async (from: string, to: string) => {
      if (!(await moveStatus(s.trx, head.id, [from], to, today(caller)))) {
        throw conflict('Someone else changed this value at the same time. Reload.', 'value_changed_concurrently');
      }
      await audit(s, caller, transition, head.id, snapshot(head), snapshot({ ...head, status: to }), input.reason);
    };
    // A review step, once the reviewer's role is checked: never of one's own value (four eyes).
    const review = async (step: 'approve' | 'accept', from: WorkflowStatus, to: WorkflowStatus) => {
      requireVersion(head.version, input.if_version);
      requireStatus(head.status, [from], step);
      refuseOwn(caller, s, head.id, step);
      await move(from, to);
    };
    switch (transition) {
      case 'submit':
        requireWriter(actor, s.indicator.department_id);
        requireVersion(head.version, input.if_version);
        requireStatus(head.status, ['draft', 'returned'], 'submit');
        await move(head.status, 'submitted');
        return notifyHeads(s, caller, head);
      case 'approve':
        requireDepartmentReviewer(actor, s.indicator.department_id);
        await review('approve', 'submitted', 'approved');
        return notifySupervisors(s, caller, head);
      case 'accept':
        requireSupervisor(actor);
        await review('accept', 'approved', 'accepted');
        return notifyAuthor(s, caller, head);
      case 'return':
        if (head.status === 'submitted') requireDepartmentReviewer(actor, s.indicator.department_id);
        else if (head.status === 'approved') requireSupervisor(actor);
        requireVersion(head.version, input.if_version);
        requireStatus(head.status, ['submitted', 'approved'], 'return');
        await move(head.status, 'returned');
        return notifyReturned(s, caller, head, head.version, input.reason ?? '');
      case 'reopen':
        requireSupervisor(actor);
        requireVersion(head.version, input.if_version);
        requireStatus(head.status, ['accepted'], 'reopen');
        // The copy keeps the value's author: the supervisor reopened it but did not enter it.
        await addVersion(
          s,
          caller,
          'reopen',
          {
            value: head.value,
            source: head.source,
            note: head.note,
            status: 'returned',
            reason: input.reason ?? null,
            preliminary: head.preliminary === 1,
            check_reason: head.check_reason,
          },
          head.recorded_by,
        );
        return notifyReturned(s, caller, head, s.series.maxVersion + 1, input.reason ?? '');
    }
  });
}

/** A refused self-review: audited as denied once the step's transaction has rolled back. */
class OwnEntryRefused extends AppError {
  constructor(
    readonly action: string,
    readonly rowId: number,
    cause: AppError,
  ) {
    super(cause.status, cause.title, cause.message);
  }
}

function refuseOwn(caller: Caller, s: Step, rowId: number, action: string) {
  try {
    requireNotOwn(caller.actor, s.series.openAuthors);
  } catch (error) {
    throw error instanceof AppError ? new OwnEntryRefused(action, rowId, error) : error;
  }
}

async function auditRefusal(db: Db, caller: Caller, e: OwnEntryRefused) {
  await writeAudit(db.kysely, {
    tenantId: caller.actor.tenantId,
    actor: caller.actor,
    action: `data.${e.action}`,
    objectType: 'observation',
    objectId: e.rowId,
    reason: 'own entry',
    sourceIp: caller.sourceIp,
    outcome: 'denied',
    at: caller.now,
  });
}

/** What a message about a value names: codes for links, names and the value for people. */
async function payload(s: Step, caller: Caller, row: VersionRow, version: number, extra: Record<string, unknown> = {}) {
  const by = caller.actor.kind === 'user' ? await repo.displayNameOf(s.trx, caller.actor.userId) : null;
  return {
    plan: s.planCode,
    indicator: s.indicator.code,
    indicator_name: s.indicator.name,
    indicator_name_en: s.indicator.name_en,
    unit: s.indicator.unit,
    department_name: s.indicator.department_name,
    period: s.series.period,
    value: row.value,
    preliminary: row.preliminary === 1,
    version,
    by,
    ...extra,
  };
}

const message = (caller: Caller, kind: string, p: Awaited<ReturnType<typeof payload>>, to: { userId?: number; departmentId?: number }) => ({
  tenantId: caller.actor.tenantId,
  userId: to.userId ?? null,
  departmentId: to.departmentId ?? null,
  kind,
  payload: p,
  at: caller.now.toISOString(),
});

async function notifyReturned(s: Step, caller: Caller, row: VersionRow, version: number, reason: string) {
  if (s.indicator.department_id === null) return;
  const p = await payload(s, caller, row, version, { reason });
  await recordNotifications(s.trx, [message(caller, 'data.returned', p, { departmentId: s.indicator.department_id })]);
}

/** A submitted value waits for the heads of its department. */
async function notifyHeads(s: Step, caller: Caller, row: VersionRow) {
  if (s.indicator.department_id === null) return;
  const ids = await repo.roleHolderIds(s.trx, caller.actor.tenantId, 'dept_head', s.indicator.department_id);
  const p = await payload(s, caller, row, row.version);
  await recordNotifications(s.trx, ids.map((userId) => message(caller, 'data.awaiting_approval', p, { userId })));
}

async function notifySupervisors(s: Step, caller: Caller, row: VersionRow) {
  const ids = await repo.supervisorIds(s.trx, caller.actor.tenantId);
  const p = await payload(s, caller, row, row.version);
  await recordNotifications(s.trx, ids.map((userId) => message(caller, 'data.awaiting_acceptance', p, { userId })));
}

/** The reporter learns that the value now counts. */
async function notifyAuthor(s: Step, caller: Caller, row: VersionRow) {
  if (row.recorded_by === null) return;
  const p = await payload(s, caller, row, row.version);
  await recordNotifications(s.trx, [message(caller, 'data.accepted', p, { userId: row.recorded_by })]);
}
