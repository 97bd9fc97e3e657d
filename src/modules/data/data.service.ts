/**
 * The data approval workflow (after DHIS2): draft → submitted → approved (department head) →
 * accepted (supervisor); either reviewer may return a value with a reason. An accepted row is
 * never changed: a correction or a reopening adds a version that replaces it once accepted, so
 * the accepted figure keeps feeding statuses until then. Each step runs in one transaction with
 * its audit row and notifications; writes to one indicator are serialised, and a step names the
 * version it acts on (`if_version`), so of two concurrent editors exactly one wins.
 */
import type { Correction, ValueCreate, ValueEdit } from '../../contracts/data';
import type { Db } from '../../db';
import { writeAudit } from '../auth';
import { AppError, badInput, notFound } from '../errors';
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
import { checkPeriod, loadIndicator, seriesState, type Series } from './data.context';
import { getValue, type ValueRef } from './data.queries';
import { recordNotifications } from '../notify';

interface Step {
  trx: repo.Q;
  indicator: repo.IndicatorRow;
  series: Series;
  planCode: string;
}

/** Runs `step` in a transaction on the locked series of `ref`, then returns the value as it is. */
async function onSeries(db: Db, caller: Caller, ref: ValueRef, step: (s: Step) => Promise<void>) {
  const { indicator } = await loadIndicator(db, caller, ref.plan, ref.indicator);
  try {
    await db.kysely.transaction().execute(async (trx) => {
      await repo.lockIndicator(trx, db.dialect, indicator.id);
      const series = seriesState(await repo.seriesRows(trx, indicator.id, ref.period), ref.period);
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
  fields: { value: number; source: string | null; note: string | null; status: string; reason: string | null },
  recordedBy: number | null,
) {
  const row = {
    tenant_id: caller.actor.tenantId,
    indicator_id: s.indicator.id,
    period: s.series.period,
    ...fields,
    version: s.series.maxVersion + 1,
    replaces_id: s.series.accepted?.id ?? null,
    recorded_by: recordedBy,
    recorded_at: caller.now.toISOString(),
  };
  const id = await repo.insertRow(s.trx, row);
  await audit(s, caller, action, id, s.series.head ? snapshot(s.series.head) : null, snapshot(row), fields.reason ?? undefined);
}

const today = (caller: Caller) => caller.now.toISOString().slice(0, 10);
const authorOf = (caller: Caller) => (caller.actor.kind === 'user' ? caller.actor.userId : null);

/** Creates a draft for a period that has no value yet. */
export async function createValue(db: Db, caller: Caller, planCode: string, input: ValueCreate) {
  requireWriter(caller.actor);
  const { plan, indicator } = await loadIndicator(db, caller, planCode, input.indicator);
  requireWriter(caller.actor, indicator.department_id);
  if (indicator.formula) throw badInput(`'${indicator.code}' is computed from a formula, not entered.`);
  checkPeriod(plan, indicator, input.period, caller.now);
  const ref = { plan: planCode, indicator: input.indicator, period: input.period };
  return onSeries(db, caller, ref, async (s) => {
    if (s.series.head) {
      throw conflict(
        s.series.head.status === 'accepted'
          ? `A value for ${input.period} is already accepted: submit a correction instead.`
          : `A value for ${input.period} exists (${s.series.head.status}): edit it instead.`,
      );
    }
    await addVersion(
      s,
      caller,
      'create',
      { value: input.value, source: input.source ?? null, note: input.note ?? null, status: 'draft', reason: null },
      authorOf(caller),
    );
  });
}

/** Edits a draft or returned value: a new draft version replaces it in the workflow. */
export async function editValue(db: Db, caller: Caller, ref: ValueRef, input: ValueEdit) {
  requireWriter(caller.actor);
  return onSeries(db, caller, ref, async (s) => {
    requireWriter(caller.actor, s.indicator.department_id);
    const head = requireHead(s.series, ref);
    requireVersion(head.version, input.if_version);
    requireStatus(head.status, ['draft', 'returned'], 'edit');
    if (!(await repo.moveStatus(s.trx, head.id, ['draft', 'returned'], 'superseded', today(caller)))) {
      throw conflict('Someone else changed this value at the same time. Reload.');
    }
    const fields = {
      value: input.value ?? head.value,
      source: input.source === undefined ? head.source : input.source,
      note: input.note === undefined ? head.note : input.note,
      status: 'draft',
      reason: null,
    };
    await addVersion(s, caller, 'edit', fields, authorOf(caller));
  });
}

/** A correction of an accepted value: a new draft version; the accepted one counts until then. */
export async function correctValue(db: Db, caller: Caller, ref: ValueRef, input: Correction) {
  requireWriter(caller.actor);
  return onSeries(db, caller, ref, async (s) => {
    requireWriter(caller.actor, s.indicator.department_id);
    const head = requireHead(s.series, ref);
    requireVersion(head.version, input.if_version);
    if (head.status !== 'accepted') {
      throw conflict(`Only an accepted value takes a correction: this one is ${head.status}, edit it instead.`);
    }
    const fields = {
      value: input.value,
      source: input.source === undefined ? head.source : input.source,
      note: input.note === undefined ? head.note : input.note,
      status: 'draft',
      reason: input.reason,
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
      if (!(await repo.moveStatus(s.trx, head.id, [from], to, today(caller)))) {
        throw conflict('Someone else changed this value at the same time. Reload.');
      }
      await audit(s, caller, transition, head.id, snapshot(head), snapshot({ ...head, status: to }), input.reason);
    };
    switch (transition) {
      case 'submit':
        requireWriter(actor, s.indicator.department_id);
        requireVersion(head.version, input.if_version);
        requireStatus(head.status, ['draft', 'returned'], 'submit');
        return move(head.status, 'submitted');
      case 'approve':
        requireDepartmentReviewer(actor, s.indicator.department_id);
        requireVersion(head.version, input.if_version);
        requireStatus(head.status, ['submitted'], 'approve');
        refuseOwn(caller, s, head.id, 'approve');
        await move('submitted', 'approved');
        return notifySupervisors(s, caller, head.version);
      case 'accept':
        requireSupervisor(actor);
        requireVersion(head.version, input.if_version);
        requireStatus(head.status, ['approved'], 'accept');
        refuseOwn(caller, s, head.id, 'accept');
        return move('approved', 'accepted');
      case 'return':
        if (head.status === 'submitted') requireDepartmentReviewer(actor, s.indicator.department_id);
        else if (head.status === 'approved') requireSupervisor(actor);
        requireVersion(head.version, input.if_version);
        requireStatus(head.status, ['submitted', 'approved'], 'return');
        await move(head.status, 'returned');
        return notifyReturned(s, caller, head.version, input.reason ?? '');
      case 'reopen':
        requireSupervisor(actor);
        requireVersion(head.version, input.if_version);
        requireStatus(head.status, ['accepted'], 'reopen');
        // The copy keeps the value's author: the supervisor reopened it but did not enter it.
        await addVersion(
          s,
          caller,
          'reopen',
          { value: head.value, source: head.source, note: head.note, status: 'returned', reason: input.reason ?? null },
          head.recorded_by,
        );
        return notifyReturned(s, caller, s.series.maxVersion + 1, input.reason ?? '');
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

function payload(s: Step, version: number, extra: Record<string, unknown> = {}) {
  return { plan: s.planCode, indicator: s.indicator.code, period: s.series.period, version, ...extra };
}

async function notifyReturned(s: Step, caller: Caller, version: number, reason: string) {
  await recordNotifications(s.trx, [
    {
      tenantId: caller.actor.tenantId,
      userId: null,
      departmentId: s.indicator.department_id,
      kind: 'data.returned',
      payload: payload(s, version, { reason }),
      at: caller.now.toISOString(),
    },
  ]);
}

async function notifySupervisors(s: Step, caller: Caller, version: number) {
  const ids = await repo.supervisorIds(s.trx, caller.actor.tenantId);
  await recordNotifications(
    s.trx,
    ids.map((userId) => ({
      tenantId: caller.actor.tenantId,
      userId,
      departmentId: null,
      kind: 'data.awaiting_acceptance',
      payload: payload(s, version),
      at: caller.now.toISOString(),
    })),
  );
}
