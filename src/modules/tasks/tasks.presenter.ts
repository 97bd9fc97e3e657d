/** Rows → response shapes of the task contracts (never rows themselves). */
import type { TaskDetail, TaskReport, TaskSummary } from '../../contracts/tasks';
import {
  formatTaskReason,
  type ReportCycle,
  type ReportStatus,
  type TaskPriority,
  type TaskState,
} from '../../domain/tasks';
import type { PlanContext } from './tasks.context';
import type { LitTask } from './tasks.evaluate';
import { coDepartmentIds } from './tasks.policy';
import type * as repo from './tasks.repository';

type Department = PlanContext['departmentById'] extends Map<number, infer D> ? D : never;
const presentDepartment = (d: Department | undefined) =>
  d ? { id: d.code, name: d.name, name_en: d.name_en } : null;

export function presentSummary(ctx: PlanContext, task: repo.TaskRow, evaluation: LitTask): TaskSummary {
  const action = task.action_id === null ? undefined : ctx.actionById.get(task.action_id);
  const programme = action ? ctx.programmeById.get(action.programme_id) : undefined;
  return {
    id: task.code,
    title: task.title,
    action: action?.code ?? null,
    action_name: action?.name ?? null,
    programme: programme?.code ?? null,
    lead_department:
      task.lead_department_id === null
        ? null
        : presentDepartment(ctx.departmentById.get(task.lead_department_id)),
    co_departments: coDepartmentIds(task)
      .map((id) => presentDepartment(ctx.departmentById.get(id)))
      .filter((d) => d !== null),
    leader: task.responsible_leader,
    start: task.start_date,
    due: task.due_date,
    cycle: task.reporting_cycle as ReportCycle,
    priority: task.priority as TaskPriority,
    state: task.state as TaskState,
    percent: evaluation.percent,
    // The rules compare unrounded numbers; one decimal is for display.
    expected_percent: Math.round(evaluation.expected_percent * 10) / 10,
    light: evaluation.light,
    escalation: evaluation.escalation,
    reasons: evaluation.reasons.map((r) => ({
      code: r.code,
      zh: formatTaskReason(r, 'zh'),
      en: formatTaskReason(r, 'en'),
    })),
    illustrative: task.illustrative === 1,
    version: task.version,
    next_due: evaluation.next_due,
    overdue_days: evaluation.overdue_days,
    // What the liaison owes now: periods begun by the as-of day and not filed (or returned).
    owed: evaluation.owed
      .filter((p) => p.start <= evaluation.as_of)
      .map((p) => ({ period: p.period, due: p.due, returned: evaluation.returned.includes(p.period) })),
  };
}

export interface DetailParts {
  milestones: { name: string; due_date: string; done_at: string | null }[];
  links: { targetIds: number[]; indicatorIds: number[] };
  reports: repo.ReportRow[];
  parts: Awaited<ReturnType<typeof repo.partsOf>>;
  evidence: Awaited<ReturnType<typeof repo.evidenceOf>>;
  comments: Awaited<ReturnType<typeof repo.commentsOf>>;
  extensions: repo.ExtensionRow[];
  events: Awaited<ReturnType<typeof repo.eventsOf>>;
}

const presentComment = (c: DetailParts['comments'][number]) => ({
  kind: c.kind,
  body: c.body,
  author: c.author_label,
  at: c.created_at,
});

function presentReport(ctx: PlanContext, r: repo.ReportRow, p: DetailParts): TaskReport {
  return {
    period: r.period,
    progress: r.progress,
    problems: r.problems,
    next_steps: r.next_steps,
    percent: r.percent,
    status: r.status as ReportStatus,
    submitted_by: r.submitted_label,
    submitted_at: r.submitted_at,
    reviewed_by: r.reviewed_label,
    reviewed_at: r.reviewed_at,
    review_comment: r.review_note,
    version: r.version,
    illustrative: r.illustrative === 1,
    parts: p.parts
      .filter((x) => x.report_id === r.id)
      .map((x) => ({
        department: ctx.departmentById.get(x.department_id)?.code ?? '',
        content: x.content,
        submitted_by: x.submitted_label,
        submitted_at: x.submitted_at,
      })),
    evidence: p.evidence
      .filter((e) => e.report_id === r.id)
      .map((e) => ({
        id: e.id,
        file_name: e.file_name,
        content_type: e.content_type,
        size: e.size_bytes,
        sha256: e.sha256,
        uploaded_at: e.uploaded_at,
      })),
    comments: p.comments.filter((c) => c.report_id === r.id).map(presentComment),
  };
}

export function presentDetail(
  ctx: PlanContext,
  task: repo.TaskRow,
  evaluation: LitTask,
  p: DetailParts,
): TaskDetail {
  const codes = (ids: number[], map: Map<number, { code: string }>) =>
    ids.map((id) => map.get(id)?.code).filter((c): c is string => c !== undefined);
  return {
    ...presentSummary(ctx, task, evaluation),
    description: task.description,
    milestones: p.milestones.map((m) => ({ title: m.name, due: m.due_date, done: m.done_at })),
    targets: codes(p.links.targetIds, ctx.targetById),
    indicators: codes(p.links.indicatorIds, ctx.indicatorById),
    reports: p.reports.map((r) => presentReport(ctx, r, p)),
    extensions: p.extensions.map((e) => ({
      previous_due: e.previous_due,
      requested_due: e.requested_due,
      reason: e.reason,
      requested_by: e.requested_label,
      requested_at: e.requested_at,
      decision: e.decision as 'pending' | 'approved' | 'refused',
      decided_by: e.decided_label,
      decided_at: e.decided_at,
      decision_note: e.decision_note,
    })),
    comments: p.comments.map(presentComment),
    timeline: p.events.map((e) => ({
      at: e.at,
      actor: e.actor_label,
      kind: e.kind,
      from_state: e.from_state,
      to_state: e.to_state,
      note: e.note,
    })),
  };
}
