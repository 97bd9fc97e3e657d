/**
 * Task supervision at district scale: 5,000 tasks with 60,000 progress reports in the demo plan
 * (SQLite file, the embedded default; PostgreSQL too when the local server answers).
 * - The supervisor's board: p95 of `listTasks` (the service behind GET /api/plans/{plan}/tasks:
 *   every task read, lit as of a day, filtered and paged) beside a baseline measured in the same
 *   run: the same rows (tasks joined with their reports) read with one hand-written SQL query.
 * - `jobs run` over the 5,000 tasks (the escalation job: find what is due, record each notice
 *   once, in chunks) beside a baseline: the same notices recorded one transaction each.
 * Goals (issue 11): board p95 < 100 ms, jobs run < 2 s.
 *
 * Run: node --import tsx -e "import('./bench/tasks.bench.ts').then(m=>m.benchTasks()).then(r=>console.log(r))"
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, type Db } from '../src/db';
import type { Permission } from '../src/domain/access';
import { permissionsOf } from '../src/domain/access';
import { runJobsOnce } from '../src/jobs';
import { recordNotice, type Channels } from '../src/modules/notify';
import { importPlanText } from '../src/modules/plans';
import { listTasks, taskEscalationJob, type TaskCaller } from '../src/modules/tasks';
import { createTestDatabase, type TestDatabase } from '../test/databases';
import { demoPlanFile } from '../test/fixtures';
import { seedManyTasks } from '../test/helpers/many-tasks';
import type { BenchResult } from './types';

const TASKS = 5000;
const REPORTS_PER_TASK = 12;
const NOW = new Date('2026-06-15T08:00:00Z');
const channels: Channels = { config: { smtp: null, publicUrl: 'https://sx.test' }, mailer: null };

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1] ?? NaN;
const round = (x: number) => Math.round(x * 10) / 10;

async function timed(f: () => Promise<unknown>, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await f();
    out.push(performance.now() - start);
  }
  return out;
}

function supervisor(tenantId: number): TaskCaller {
  const permissions: Set<Permission> = permissionsOf(['supervisor']);
  return {
    actor: {
      kind: 'user',
      userId: 1,
      username: 'bench',
      tenantId,
      roles: ['supervisor'],
      permissions,
      departmentIds: [],
      scopedPermissions: new Set(),
      mustChangePassword: false,
      sessionId: 'bench',
      csrfToken: 'bench',
    },
    now: NOW,
    sourceIp: null,
  };
}

async function seeded(
  dialect: 'sqlite' | 'postgres',
): Promise<{ test: TestDatabase; db: Db; tenantId: number }> {
  const test = await createTestDatabase(dialect);
  const db = await openDatabase(test.location);
  await migrateToLatest(db);
  const imported = await importPlanText(db, {
    now: new Date(),
    tenantSlug: 'yuzhong',
    text: readFileSync(demoPlanFile, 'utf8'),
  });
  if (!imported.ok) throw new Error('demo plan did not import');
  const many = await seedManyTasks(db, {
    planCode: 'yuzhong-2023',
    count: TASKS,
    reportsPerTask: REPORTS_PER_TASK,
  });
  return { test, db, tenantId: many.tenantId };
}

const progress = (line: string) => process.stderr.write(`tasks bench: ${line}\n`);

async function benchOn(dialect: 'sqlite' | 'postgres'): Promise<BenchResult[]> {
  const { test, db, tenantId } = await seeded(dialect);
  progress(`${dialect}: seeded`);
  try {
    const caller = supervisor(tenantId);
    const board = () => listTasks(db, caller, 'yuzhong-2023', { as_of: '2026-06-15', page_size: 50 });
    const first = await board();
    if (first.total < TASKS) throw new Error(`board shows ${first.total} tasks`);
    await board(); // warm-up
    const boardMs = p95(await timed(board, 30));
    const planId = (
      await db.kysely
        .selectFrom('plans')
        .select('id')
        .where('code', '=', 'yuzhong-2023')
        .executeTakeFirstOrThrow()
    ).id;
    const raw = () =>
      sql`SELECT t.*, r.period, r.submitted_at, r.percent AS report_percent, r.status AS report_status
          FROM tasks t LEFT JOIN task_reports r ON r.task_id = t.id
          WHERE t.plan_id = ${planId} ORDER BY t.position, t.id`.execute(db.kysely);
    await raw();
    const rawMs = p95(await timed(raw, 30));
    progress(`${dialect}: board ${round(boardMs)} ms, raw ${round(rawMs)} ms`);

    const start = performance.now();
    const run = await runJobsOnce(db, { now: NOW, jobs: [taskEscalationJob], channels });
    const jobsMs = performance.now() - start;
    progress(`${dialect}: jobs run ${round(jobsMs)} ms`);
    // Baseline: the same notices, one transaction each (as before batching), under another job name.
    // Timed over the first 1,000 and scaled to all: one transaction each is slow on a busy disk.
    const items = await taskEscalationJob.findDue({ db, now: NOW, today: '2026-06-15' });
    const sample = items.slice(0, 1000);
    const one = performance.now();
    for (const item of sample)
      await recordNotice(db, 'bench-one-by-one', item, { now: NOW, emailEnabled: false });
    const oneMs = ((performance.now() - one) * items.length) / Math.max(1, sample.length);
    const reports = TASKS * REPORTS_PER_TASK;
    return [
      {
        name: `[${dialect}] board p95, ${TASKS} tasks / ${reports} reports (goal < 100 ms)`,
        value: round(boardMs),
        unit: 'ms',
        baseline: round(rawMs),
        note: 'baseline: the same rows by one hand-written SQL query (p95 of 30)',
      },
      {
        name: `[${dialect}] jobs run, ${TASKS} tasks, ${run.sent.length} notices sent (goal < 2 s)`,
        value: round(jobsMs),
        unit: 'ms',
        baseline: round(oneMs),
        note: `baseline: the same ${items.length} notices one transaction each (timed on 1,000, scaled)`,
      },
    ];
  } finally {
    await db.close();
    await test.drop();
  }
}

export async function benchTasks(): Promise<BenchResult[]> {
  const out = await benchOn('sqlite');
  try {
    out.push(...(await benchOn('postgres')));
  } catch (e) {
    process.stderr.write(
      `tasks bench on PostgreSQL skipped: ${e instanceof Error ? e.message : String(e)}\n`,
    );
  }
  return out;
}
