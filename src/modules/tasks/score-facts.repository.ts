/**
 * The SQL of what scorecards count in task events: completions and report reviews. Task rows
 * and reports come from tasks.repository.
 */
import type { Q } from './tasks.repository';

/** The first time each task of the plan reached `completed`. */
export async function completions(db: Q, planId: number) {
  return db
    .selectFrom('task_events as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .select(['e.task_id', (eb) => eb.fn.min('e.at').as('at')])
    .where('t.plan_id', '=', planId)
    .where('e.to_state', '=', 'completed')
    .groupBy('e.task_id')
    .execute();
}

/** Report reviews (accepted or returned) recorded in [from, to). */
export async function reviews(db: Q, planId: number, from: string, to: string) {
  return db
    .selectFrom('task_events as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .select(['e.task_id', 'e.kind', 'e.at'])
    .where('t.plan_id', '=', planId)
    .where('e.kind', 'in', ['report_accept', 'report_return'])
    .where('e.at', '>=', from)
    .where('e.at', '<', to)
    .orderBy('e.id')
    .execute();
}
