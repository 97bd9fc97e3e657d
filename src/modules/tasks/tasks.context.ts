/**
 * What every task use case starts from: the caller, the plan's structure (departments, actions,
 * targets by id and code), the rule settings, a visible task (404 otherwise), and the one way a
 * change is recorded: an audit row and a timeline event in the same transaction.
 */
import type { Db } from '../../db';
import { defaultTaskRuleSettings, type TaskRuleSettings } from '../../domain/tasks';
import { writeAudit } from '../auth';
import type { Caller } from '../caller';
import { AppError, badInput, coded, notFound } from '../errors';
import { loadPlanStructure, type PlanStructure } from '../plans';
import * as repo from './tasks.repository';
import { requireVisible } from './tasks.policy';

export type { Caller };

export interface PlanContext {
  structure: PlanStructure;
  settings: TaskRuleSettings;
  departmentById: Map<number, PlanStructure['departments'][number]>;
  departmentByCode: Map<string, PlanStructure['departments'][number]>;
  actionById: Map<number, PlanStructure['actions'][number]>;
  actionByCode: Map<string, PlanStructure['actions'][number]>;
  programmeById: Map<number, PlanStructure['programmes'][number]>;
  targetById: Map<number, PlanStructure['targets'][number]>;
  targetByCode: Map<string, PlanStructure['targets'][number]>;
  indicatorById: Map<number, PlanStructure['indicators'][number]>;
  indicatorByCode: Map<string, PlanStructure['indicators'][number]>;
}

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const byCode = <T extends { code: string }>(rows: T[]) => new Map(rows.map((r) => [r.code, r]));

/** `plan.settings.tasks` over the CONTRACT defaults; a number out of range keeps the default. */
export function ruleSettings(settings: Record<string, unknown> | null): TaskRuleSettings {
  const given = (settings?.tasks ?? {}) as Record<string, unknown>;
  const out = { ...defaultTaskRuleSettings };
  for (const key of Object.keys(out) as (keyof TaskRuleSettings)[]) {
    const v = given[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[key] = v;
  }
  return out;
}

export async function loadPlanContext(db: Db, caller: Caller, planCode: string): Promise<PlanContext> {
  return planContextOf(db, caller.actor.tenantId, planCode);
}

/** The context of a tenant's plan, without a caller (for jobs). */
export async function planContextOf(db: Db, tenantId: number, planCode: string): Promise<PlanContext> {
  const s = await loadPlanStructure(db, tenantId, planCode);
  return {
    structure: s,
    settings: ruleSettings(s.plan.settings),
    departmentById: byId(s.departments),
    departmentByCode: byCode(s.departments),
    actionById: byId(s.actions),
    actionByCode: byCode(s.actions),
    programmeById: byId(s.programmes),
    targetById: byId(s.targets),
    targetByCode: byCode(s.targets),
    indicatorById: byId(s.indicators),
    indicatorByCode: byCode(s.indicators),
  };
}

/** The plan and one of its tasks the caller may see; 404 for another department's. */
export async function loadTask(db: Db, caller: Caller, planCode: string, taskCode: string) {
  const ctx = await loadPlanContext(db, caller, planCode);
  const task = await repo.findTask(db.kysely, ctx.structure.plan.id, taskCode);
  if (!task) throw notFound(`task '${taskCode}'`);
  requireVisible(caller.actor, task);
  return { ctx, task };
}

export const today = (caller: Caller) => caller.now.toISOString().slice(0, 10);
export const userIdOf = (caller: Caller) => (caller.actor.kind === 'user' ? caller.actor.userId : null);
export const labelOf = (caller: Caller) =>
  caller.actor.kind === 'user' ? caller.actor.username : `token:${caller.actor.tokenId}`;

export interface Change {
  task: { id: number; code: string };
  /** audit action `task.<kind>` and timeline kind */
  kind: string;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records a change: one audit row and one timeline event, in the caller's transaction. */
export async function record(trx: repo.Q, caller: Caller, change: Change): Promise<void> {
  await writeAudit(trx, {
    tenantId: caller.actor.tenantId,
    actor: caller.actor,
    action: `task.${change.kind}`,
    objectType: 'task',
    objectId: change.task.code,
    before: change.before,
    after: change.after,
    reason: change.note ?? undefined,
    sourceIp: caller.sourceIp,
    outcome: 'success',
    at: caller.now,
  });
  await repo.insertEvent(trx, {
    tenant_id: caller.actor.tenantId,
    task_id: change.task.id,
    at: caller.now.toISOString(),
    actor_id: userIdOf(caller),
    actor_label: labelOf(caller),
    kind: change.kind,
    from_state: change.fromState ?? null,
    to_state: change.toState ?? null,
    note: change.note ?? null,
    details: change.after === undefined ? null : JSON.stringify(change.after),
  });
}

/** A 422 naming one field, with the message in Chinese first and English second. */
export const fieldError = (field: string, zh: string, en: string) =>
  coded(
    badInput(`${zh} ${en}`, [{ field, message: `${zh} ${en}`, code: 'worded', params: { zh, en } }]),
    'worded',
    {
      zh,
      en,
    },
  );

/** True for a unique-constraint violation on either dialect (a race lost to another writer). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export const raced = () =>
  new AppError(
    409,
    'Conflict',
    '他人同时修改了此内容，请刷新。 Someone else changed this at the same time. Reload.',
  );
