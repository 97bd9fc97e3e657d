/**
 * The board's evaluation of every task of a plan as of a day, cached per server and keyed by
 * (tenant, plan, day) under a revision read on every request (tasks.repository `boardRevision`):
 * any task, report, milestone or audit write changes it, so a write is seen by the next read,
 * from this server or another. The cache holds the whole plan, never one caller's view: callers
 * filter by department scope after it.
 */
import type { Db } from '../../db';
import type { PlanContext } from './tasks.context';
import { evaluatePlanTasks, type LitTask } from './tasks.evaluate';
import * as repo from './tasks.repository';

export interface PlanBoard {
  readonly tasks: readonly repo.TaskRow[];
  readonly evaluations: ReadonlyMap<number, LitTask>;
}

const cache = new Map<string, { revision: string; board: PlanBoard }>();
// A 5,000-task board is a few MB: keep only a handful (plans × days looked at).
const maxCached = 8;

/** Every task of the plan with its evaluation as of `asOf` (read and evaluated at most once per revision). */
export async function planBoard(
  db: Db,
  tenantId: number,
  ctx: PlanContext,
  asOf: string,
): Promise<PlanBoard> {
  const planId = ctx.structure.plan.id;
  const key = `${tenantId}|${planId}|${asOf}`;
  // The rule settings (the plan's thresholds) count too, though changing them writes an audit row.
  const revision = `${JSON.stringify(ctx.settings)}:${await repo.boardRevision(db.kysely, tenantId, planId)}`;
  const hit = cache.get(key);
  if (hit && hit.revision === revision) return hit.board;
  const tasks = await repo.listTasks(db.kysely, planId);
  const board: PlanBoard = { tasks, evaluations: await evaluatePlanTasks(db, ctx, tasks, asOf) };
  cache.delete(key);
  if (cache.size >= maxCached) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, { revision, board });
  return board;
}
