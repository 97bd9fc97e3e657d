/**
 * Progress reports (进展情况, 存在问题, 下步打算, percent, evidence) filed per cycle by the lead
 * department; co-operating departments add their part; the supervisor accepts or returns each
 * with a comment. An accepted report at 100% completes the task (办结).
 */
import type { ReportCreate, ReportEdit, ReportPart, ReportReview, TaskDetail } from '../../contracts/tasks';
import type { Db } from '../../db';
import { safeFileName } from '../../domain/files/sniff';
import {
  parseReportPeriod,
  periodInSpan,
  stateAfterReportAccepted,
  stateAfterReportFiled,
  type ReportCycle,
  type TaskState,
} from '../../domain/tasks';
import { AppError, notFound } from '../errors';
import { sniffedFile } from '../uploads';
import {
  fieldError,
  isUniqueViolation,
  labelOf,
  loadTask,
  raced,
  record,
  today,
  userIdOf,
  type Caller,
  type PlanContext,
} from './tasks.context';
import {
  canSeeTask,
  conflict,
  requireCoDepartment,
  requireLeadDepartment,
  requireNotOwn,
  requireSupervisor,
  requireVersion,
} from './tasks.policy';
import * as repo from './tasks.repository';
import { detailOf } from './tasks.service';
import { checkPercent } from './tasks.validate';

export const maxReportEvidenceBytes = 10 * 1024 * 1024;

type Ref = { plan: string; task: string };
type ReportRef = Ref & { period: string };

const cycleLabel: Record<ReportCycle, [string, string]> = {
  weekly: ['每周（YYYY-Www）', 'weekly: give YYYY-Www'],
  monthly: ['每月（YYYY-MM）', 'monthly: give YYYY-MM'],
  quarterly: ['每季度（YYYY-Qn）', 'quarterly: give YYYY-Qn'],
};

/** 422 on `period` unless it is a period of the task's cycle, within its span, already begun. */
function checkPeriod(task: repo.TaskRow, period: string, day: string): void {
  const cycle = task.reporting_cycle as ReportCycle;
  const parsed = parseReportPeriod(period);
  if (!parsed.ok || parsed.period.cycle !== cycle) {
    throw fieldError(
      'period',
      `本任务${cycleLabel[cycle][0]}报送。`,
      `this task reports ${cycleLabel[cycle][1]}`,
    );
  }
  const start = task.start_date ?? day;
  const due = task.due_date ?? day;
  if (!periodInSpan(parsed.period, start, due)) {
    throw fieldError(
      'period',
      `报告期${period}不在任务期限（${start}至${due}）之内。`,
      `period ${period} is outside the task's ${start} – ${due}`,
    );
  }
  if (parsed.period.start > day) {
    throw fieldError('period', `报告期${period}尚未开始。`, `period ${period} has not begun yet`);
  }
}

function requireOpen(task: repo.TaskRow): void {
  if (task.state === 'completed')
    throw conflict('任务已办结，不再报送进展。', 'The task is completed: no more reports.');
}

async function findReportOr404(db: repo.Q, task: repo.TaskRow, period: string) {
  const report = await repo.findReport(db, task.id, period);
  if (!report) throw notFound(`report of '${task.code}' for ${period}`);
  return report;
}

/** A report's content as the caller sends it for review, filed or corrected alike. */
const submitted = (
  input: Pick<ReportCreate, 'progress' | 'problems' | 'next_steps' | 'percent'>,
  caller: Caller,
  at: string,
) => ({
  progress: input.progress,
  problems: input.problems ?? null,
  next_steps: input.next_steps ?? null,
  percent: input.percent,
  status: 'submitted',
  submitted_by: userIdOf(caller),
  submitted_label: labelOf(caller),
  submitted_at: at,
});

const after = (ctx: PlanContext, db: Db, caller: Caller, taskId: number) =>
  detailOf(db, ctx, taskId, today(caller));

/** Files this cycle's report; filing puts an assigned or accepted task in progress (推进中). */
export async function fileReport(db: Db, caller: Caller, ref: Ref, input: ReportCreate): Promise<TaskDetail> {
  const { ctx, task } = await loadTask(db, caller, ref.plan, ref.task);
  requireLeadDepartment(caller.actor, task);
  checkPercent(input.percent);
  checkPeriod(task, input.period, today(caller));
  requireOpen(task);
  const at = caller.now.toISOString();
  try {
    await db.kysely.transaction().execute(async (trx) => {
      await repo.lockTask(trx, task.id, at);
      const existing = await repo.findReport(trx, task.id, input.period);
      if (existing) {
        throw conflict(
          `${input.period}期报告已存在（${existing.status}），请修改该报告。`,
          `A report for ${input.period} exists (${existing.status}): edit it instead.`,
        );
      }
      await repo.insertReport(trx, {
        tenant_id: caller.actor.tenantId,
        task_id: task.id,
        period: input.period,
        ...submitted(input, caller, at),
      });
      const current = await repo.findTaskById(trx, task.id);
      requireOpen(current);
      const toState = stateAfterReportFiled(current.state as TaskState);
      if (
        !(await repo.updateTaskAtVersion(trx, task.id, current.version, { state: toState, updated_at: at }))
      )
        throw raced();
      await record(trx, caller, {
        task,
        kind: 'report_submit',
        fromState: current.state,
        toState,
        after: { period: input.period, percent: input.percent },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw raced();
    throw error;
  }
  return after(ctx, db, caller, task.id);
}

/** Corrects a report before acceptance (a returned one goes back for review). */
export async function editReport(
  db: Db,
  caller: Caller,
  ref: ReportRef,
  input: ReportEdit,
): Promise<TaskDetail> {
  const { ctx, task } = await loadTask(db, caller, ref.plan, ref.task);
  requireLeadDepartment(caller.actor, task);
  checkPercent(input.percent);
  const report = await findReportOr404(db.kysely, task, ref.period);
  requireVersion('report', report.version, input.if_version);
  if (report.status === 'accepted')
    throw conflict('报告已审核通过，不能修改。', 'The report is accepted: it cannot be changed.');
  const at = caller.now.toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    const changed = await repo.updateReportAtVersion(
      trx,
      report.id,
      report.version,
      submitted(input, caller, at),
    );
    if (!changed) throw raced();
    await record(trx, caller, {
      task,
      kind: 'report_edit',
      before: { period: report.period, percent: report.percent, status: report.status },
      after: { period: report.period, percent: input.percent, status: 'submitted' },
    });
  });
  return after(ctx, db, caller, task.id);
}

/** A co-operating department adds (or replaces) its part of a report not yet accepted. */
export async function addReportPart(
  db: Db,
  caller: Caller,
  ref: ReportRef,
  input: ReportPart,
): Promise<TaskDetail> {
  const { ctx, task } = await loadTask(db, caller, ref.plan, ref.task);
  let named: number | null = null;
  if (input.department !== undefined) {
    const d = ctx.departmentByCode.get(input.department);
    if (!d)
      throw fieldError(
        'department',
        `未知部门“${input.department}”。`,
        `unknown department '${input.department}'`,
      );
    named = d.id;
  }
  const departmentId = requireCoDepartment(caller.actor, task, named);
  const report = await findReportOr404(db.kysely, task, ref.period);
  if (report.status === 'accepted')
    throw conflict('报告已审核通过，不能再补充。', 'The report is accepted: parts can no longer be added.');
  await db.kysely.transaction().execute(async (trx) => {
    const how = await repo.upsertPart(trx, {
      tenant_id: caller.actor.tenantId,
      report_id: report.id,
      department_id: departmentId,
      content: input.content,
      submitted_by: userIdOf(caller),
      submitted_label: labelOf(caller),
      submitted_at: caller.now.toISOString(),
    });
    await record(trx, caller, {
      task,
      kind: 'report_part',
      after: { period: report.period, department: ctx.departmentById.get(departmentId)?.code, how },
    });
  });
  return after(ctx, db, caller, task.id);
}

/** The supervisor accepts or returns a submitted report; accepted at 100% completes the task. */
export async function reviewReport(
  db: Db,
  caller: Caller,
  ref: ReportRef,
  input: ReportReview,
): Promise<TaskDetail> {
  requireSupervisor(caller.actor);
  const { ctx, task } = await loadTask(db, caller, ref.plan, ref.task);
  const report = await findReportOr404(db.kysely, task, ref.period);
  requireVersion('report', report.version, input.if_version);
  if (report.status !== 'submitted') {
    throw conflict(
      `报告当前为${report.status}，只能审核已报送的报告。`,
      `Only a submitted report can be reviewed: this one is ${report.status}.`,
    );
  }
  requireNotOwn(caller.actor, report.submitted_by);
  const comment = input.comment?.trim() || null;
  if (input.decision === 'return' && !comment) {
    throw fieldError('comment', '退回须说明理由。', 'a comment is required to return a report');
  }
  const at = caller.now.toISOString();
  const status = input.decision === 'accept' ? 'accepted' : 'returned';
  await db.kysely.transaction().execute(async (trx) => {
    await repo.lockTask(trx, task.id, at);
    const reviewed = await repo.updateReportAtVersion(trx, report.id, report.version, {
      status,
      reviewed_by: userIdOf(caller),
      reviewed_label: labelOf(caller),
      reviewed_at: at,
      review_note: comment,
    });
    if (!reviewed) throw raced();
    if (comment) {
      await repo.insertComment(trx, {
        tenant_id: caller.actor.tenantId,
        task_id: task.id,
        report_id: report.id,
        kind: `report_${input.decision}`,
        body: comment,
        author_id: userIdOf(caller),
        author_label: labelOf(caller),
        created_at: at,
      });
    }
    const current = await repo.findTaskById(trx, task.id);
    const toState =
      status === 'accepted'
        ? stateAfterReportAccepted(current.state as TaskState, report.percent)
        : current.state;
    const completes = toState === 'completed' && current.state !== 'completed';
    const set = status === 'accepted' ? { percent: report.percent } : {};
    if (
      !(await repo.updateTaskAtVersion(trx, task.id, current.version, {
        ...set,
        state: toState,
        updated_at: at,
      }))
    )
      throw raced();
    await record(trx, caller, {
      task,
      kind: `report_${input.decision}`,
      fromState: current.state,
      toState,
      note: comment,
      after: { period: report.period, percent: report.percent, status, completes },
    });
  });
  return after(ctx, db, caller, task.id);
}

/** Attaches an evidence file to a report before it is accepted (type checked by content). */
export async function uploadReportEvidence(
  db: Db,
  caller: Caller,
  ref: ReportRef,
  file: { name: string; bytes: Uint8Array },
): Promise<TaskDetail> {
  const { ctx, task } = await loadTask(db, caller, ref.plan, ref.task);
  requireLeadDepartment(caller.actor, task);
  const report = await findReportOr404(db.kysely, task, ref.period);
  if (report.status === 'accepted')
    throw conflict('报告已审核通过，不能再附加材料。', 'The report is accepted: no more evidence.');
  if (file.bytes.length === 0) throw new AppError(400, 'Bad Request', '文件为空。 The file is empty.');
  if (file.bytes.length > maxReportEvidenceBytes) {
    throw new AppError(
      413,
      'Content Too Large',
      '佐证材料不超过10 MB。 Evidence files are limited to 10 MB.',
    );
  }
  const { type, sha256 } = sniffedFile(
    file.bytes,
    '请上传PDF、图片或Office文档。 Send a PDF, an image or an office document.',
  );
  const name = safeFileName(file.name);
  await db.kysely.transaction().execute(async (trx) => {
    await repo.insertEvidence(trx, {
      tenant_id: caller.actor.tenantId,
      report_id: report.id,
      file_name: name,
      content_type: type,
      size_bytes: file.bytes.length,
      sha256,
      content: file.bytes,
      uploaded_by: userIdOf(caller),
      uploaded_at: caller.now.toISOString(),
    });
    await record(trx, caller, {
      task,
      kind: 'report_evidence',
      after: { period: report.period, file_name: name, content_type: type, size: file.bytes.length, sha256 },
    });
  });
  return after(ctx, db, caller, task.id);
}

/** One evidence file's bytes, for a caller who may see its task (else 404). */
export async function readReportEvidence(db: Db, caller: Caller, id: number) {
  const row = await repo.findEvidence(db.kysely, caller.actor.tenantId, id);
  if (!row || !canSeeTask(caller.actor, { code: '', ...row })) throw notFound('evidence file');
  return { fileName: row.file_name, contentType: row.content_type, content: new Uint8Array(row.content) };
}
