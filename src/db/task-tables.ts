/**
 * Table types of task supervision (督查督办, migrations 0001 and 0005): tasks, milestones,
 * reports and their parts, extensions, comments, the timeline and target assessments.
 */
import type { Generated } from 'kysely';
import type { StoredFileColumns } from './stored-file';

export interface TaskTable {
  id: Generated<number>;
  tenant_id: number;
  plan_id: number;
  action_id: number | null;
  code: string;
  title: string;
  lead_department_id: number | null;
  co_department_ids: string;
  responsible_leader: string | null;
  start_date: string | null;
  due_date: string | null;
  reporting_cycle: string;
  state: string;
  percent: number;
  version: number;
  created_at: string;
  updated_at: string;
  title_en: string | null;
  description: string | null;
  /** high | normal | low */
  priority: Generated<string>;
  /** 1 for the demo plan's 示意 (illustrative) tasks. */
  illustrative: Generated<number>;
  position: Generated<number>;
}

export interface TaskMilestoneTable {
  id: Generated<number>;
  tenant_id: number;
  task_id: number;
  name: string;
  due_date: string;
  done_at: string | null;
  position: Generated<number>;
}

export interface TaskReportTable {
  id: Generated<number>;
  tenant_id: number;
  task_id: number;
  period: string;
  progress: string;
  problems: string | null;
  next_steps: string | null;
  percent: number;
  status: string;
  submitted_by: number | null;
  submitted_at: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  review_note: string | null;
  /** Grows with each resubmission and review: the optimistic-concurrency check of a report. */
  version: Generated<number>;
  illustrative: Generated<number>;
  submitted_label: string | null;
  reviewed_label: string | null;
}

export interface TaskTargetTable {
  tenant_id: number;
  task_id: number;
  target_id: number;
}

export interface TaskIndicatorTable {
  tenant_id: number;
  task_id: number;
  indicator_id: number;
}

/** 申请延期: a new due date asked for with a reason, then approved or refused by the supervisor. */
export interface TaskExtensionTable {
  id: Generated<number>;
  tenant_id: number;
  task_id: number;
  previous_due: string;
  requested_due: string;
  reason: string;
  requested_by: number | null;
  requested_label: string;
  requested_at: string;
  /** pending | approved | refused */
  decision: string;
  decided_by: number | null;
  decided_label: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

/** A co-operating department's part of a progress report. */
export interface TaskReportPartTable {
  id: Generated<number>;
  tenant_id: number;
  report_id: number;
  department_id: number;
  content: string;
  submitted_by: number | null;
  submitted_label: string;
  submitted_at: string;
}

export interface TaskReportEvidenceTable extends StoredFileColumns {
  id: Generated<number>;
  tenant_id: number;
  report_id: number;
}

/** Review comments (accepting or returning a report, a completion, an extension). */
export interface TaskCommentTable {
  id: Generated<number>;
  tenant_id: number;
  task_id: number;
  report_id: number | null;
  kind: string;
  body: string;
  author_id: number | null;
  author_label: string;
  created_at: string;
}

/** One entry of a task's timeline. */
export interface TaskEventTable {
  id: Generated<number>;
  tenant_id: number;
  task_id: number;
  at: string;
  actor_id: number | null;
  actor_label: string;
  kind: string;
  from_state: string | null;
  to_state: string | null;
  note: string | null;
  /** JSON of what changed. */
  details: string | null;
}

/** One version of a supervisor's assessment (达成/基本达成/未达成) of a target for a period. */
export interface TargetAssessmentTable {
  id: Generated<number>;
  tenant_id: number;
  target_id: number;
  period: string;
  /** achieved | mostly_achieved | not_achieved */
  rating: string;
  reason: string;
  evidence: string | null;
  version: number;
  replaces_id: number | null;
  recorded_by: number | null;
  recorded_label: string;
  recorded_at: string;
  illustrative: Generated<number>;
}
