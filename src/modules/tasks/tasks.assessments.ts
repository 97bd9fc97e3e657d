/**
 * Assessments of qualitative and milestone targets (法治政府建设走在全市前列 …): the supervisor
 * rates a period 达成 achieved / 基本达成 mostly achieved / 未达成 not achieved, with a reason and
 * where the evidence is, beside the linked tasks' progress. Versioned like data: a new
 * assessment of a period adds a version that replaces the previous one, nothing is overwritten,
 * and every version is audited.
 */
import type { AssessmentCreate, AssessmentRating, TargetAssessments } from '../../contracts/tasks';
import type { Db } from '../../db';
import type { TaskState } from '../../domain/tasks';
import { writeAudit } from '../auth';
import { reachesDepartment } from '../caller';
import { notFound } from '../errors';
import {
  fieldError,
  isUniqueViolation,
  labelOf,
  loadPlanContext,
  raced,
  userIdOf,
  type Caller,
  type PlanContext,
} from './tasks.context';
import { canSeeTask, requireSupervisor, requireVersion } from './tasks.policy';
import * as repo from './tasks.repository';

const assessedKinds = ['qualitative', 'milestone'];

/** The target, visible to the caller: a scoped actor sees only targets of its departments' indicators. */
function requireTarget(ctx: PlanContext, caller: Caller, code: string) {
  const target = ctx.targetByCode.get(code);
  const indicator = target?.indicator_id == null ? undefined : ctx.indicatorById.get(target.indicator_id);
  const visible = reachesDepartment(caller.actor, 'data:read', indicator?.department_id ?? null);
  if (!target || !visible) throw notFound(`target '${code}'`);
  return target;
}

const presentAssessment = (a: repo.AssessmentRow) => ({
  period: a.period,
  rating: a.rating as AssessmentRating,
  reason: a.reason,
  evidence: a.evidence,
  version: a.version,
  recorded_by: a.recorded_label,
  recorded_at: a.recorded_at,
  illustrative: a.illustrative === 1,
});

async function view(db: Db, caller: Caller, ctx: PlanContext, code: string): Promise<TargetAssessments> {
  const target = requireTarget(ctx, caller, code);
  const [rows, tasks] = await Promise.all([
    repo.assessmentsOf(db.kysely, target.id),
    repo.tasksOfTarget(db.kysely, target.id),
  ]);
  const latest = new Map<string, repo.AssessmentRow>();
  for (const r of rows) latest.set(r.period, r); // ordered by period, then version
  return {
    target: target.code,
    kind: target.kind,
    text: target.text,
    current: [...latest.values()].map(presentAssessment),
    history: rows.map(presentAssessment),
    tasks: tasks
      .filter((t) => canSeeTask(caller.actor, t))
      .map((t) => ({ id: t.code, title: t.title, state: t.state as TaskState, percent: t.percent })),
  };
}

/** Every assessment of a target (current per period, and the full history) with linked tasks. */
export async function listAssessments(db: Db, caller: Caller, planCode: string, targetCode: string) {
  return view(db, caller, await loadPlanContext(db, caller, planCode), targetCode);
}

/** Records a new assessment version for a period: the supervisor, qualitative/milestone targets only. */
export async function assessTarget(
  db: Db,
  caller: Caller,
  planCode: string,
  targetCode: string,
  input: AssessmentCreate,
): Promise<TargetAssessments> {
  requireSupervisor(caller.actor);
  const ctx = await loadPlanContext(db, caller, planCode);
  const target = requireTarget(ctx, caller, targetCode);
  if (!assessedKinds.includes(target.kind)) {
    throw fieldError(
      'target',
      '只有定性目标和节点目标需要评估。',
      `only qualitative and milestone targets are assessed (this one is ${target.kind})`,
    );
  }
  const year = Number(input.period.slice(0, 4));
  const { start_year: from, end_year: to } = ctx.structure.plan;
  if (year < from || year > to) {
    throw fieldError(
      'period',
      `评估期须在${from}至${to}年之间。`,
      `period must lie between ${from} and ${to}`,
    );
  }
  try {
    await db.kysely.transaction().execute(async (trx) => {
      const previous = (await repo.assessmentsOf(trx, target.id))
        .filter((a) => a.period === input.period)
        .at(-1);
      if (input.if_version !== undefined)
        requireVersion('assessment', previous?.version ?? 0, input.if_version);
      const version = (previous?.version ?? 0) + 1;
      const row = {
        tenant_id: caller.actor.tenantId,
        target_id: target.id,
        period: input.period,
        rating: input.rating,
        reason: input.reason,
        evidence: input.evidence ?? null,
        version,
        replaces_id: previous?.id ?? null,
        recorded_by: userIdOf(caller),
        recorded_label: labelOf(caller),
        recorded_at: caller.now.toISOString(),
      };
      const id = await repo.insertAssessment(trx, row);
      await writeAudit(trx, {
        tenantId: caller.actor.tenantId,
        actor: caller.actor,
        action: previous ? 'assessment.revise' : 'assessment.create',
        objectType: 'target_assessment',
        objectId: id,
        before: previous
          ? { rating: previous.rating, reason: previous.reason, version: previous.version }
          : undefined,
        after: { target: target.code, period: input.period, rating: input.rating, version },
        reason: input.reason,
        sourceIp: caller.sourceIp,
        outcome: 'success',
        at: caller.now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw raced();
    throw error;
  }
  return view(db, caller, ctx, targetCode);
}
