/**
 * Table types for Kysely. Timestamps are ISO-8601 UTC strings and JSON is text on both dialects,
 * so one code path serves SQLite and PostgreSQL.
 */
import type { ColumnType, Generated } from 'kysely';

export interface TenantTable {
  id: Generated<number>;
  slug: string;
  name: string;
  name_en: string | null;
  created_at: string;
  /** The tenant above (a district's city); null for a root. Optional on insert. */
  parent_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface DepartmentTable {
  id: Generated<number>;
  tenant_id: number;
  code: string;
  name: string;
  name_en: string | null;
}

export interface UserTable {
  id: Generated<number>;
  tenant_id: number;
  username: string;
  display_name: string | null;
  password_hash: string | null;
  oidc_subject: string | null;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserDepartmentTable {
  tenant_id: number;
  user_id: number;
  department_id: number;
}

export interface RoleGrantTable {
  tenant_id: number;
  user_id: number;
  role: string;
}

export interface SessionTable {
  id: string;
  tenant_id: number;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  tenant_id: number;
  department_id: number | null;
  name: string;
  token_hash: string;
  permissions: string;
  created_by: number | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface PlanTable {
  id: Generated<number>;
  tenant_id: number;
  code: string;
  title: string;
  title_en: string | null;
  start_year: number;
  end_year: number;
  baseline_year: number;
  status: string;
  version: number;
  source_title: string | null;
  source_url: string | null;
  settings: string;
  created_at: string;
  updated_at: string;
}

export interface PlanVersionTable {
  id: Generated<number>;
  tenant_id: number;
  plan_id: number;
  version: number;
  content: string;
  content_hash: string;
  created_at: string;
  created_by: number | null;
}

export interface GoalAreaTable {
  id: Generated<number>;
  tenant_id: number;
  plan_id: number;
  code: string;
  name: string;
  name_en: string | null;
  description: string | null;
  position: number;
}

export interface ProgrammeTable {
  id: Generated<number>;
  tenant_id: number;
  plan_id: number;
  code: string;
  number: number;
  name: string;
  name_en: string | null;
  position: number;
}

export interface ActionTable {
  id: Generated<number>;
  tenant_id: number;
  plan_id: number;
  programme_id: number;
  code: string;
  name: string;
  name_en: string | null;
  lead_department_id: number | null;
  co_department_ids: string;
  position: number;
}

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
}

export interface TaskMilestoneTable {
  id: Generated<number>;
  tenant_id: number;
  task_id: number;
  name: string;
  due_date: string;
  done_at: string | null;
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
}

export interface IndicatorTable {
  id: Generated<number>;
  tenant_id: number;
  plan_id: number;
  code: string;
  name: string;
  name_en: string | null;
  unit: string;
  direction: string;
  frequency: string;
  measure: string;
  formula: string | null;
  department_id: number | null;
  goal_area_id: number | null;
  source: string | null;
  note: string | null;
  position: number;
}

export interface TargetTable {
  id: Generated<number>;
  tenant_id: number;
  plan_id: number;
  code: string;
  indicator_id: number | null;
  goal_area_id: number | null;
  kind: string;
  value: number | null;
  qualifier: string | null;
  year: number | null;
  from_year: number | null;
  to_year: number | null;
  due_date: string | null;
  done_date: string | null;
  baseline_year: number | null;
  baseline_value: number | null;
  text: string | null;
  text_en: string | null;
  rating: string | null;
  position: number;
}

/**
 * One version of one value. Corrections add a row that names the row it replaces; nothing is
 * updated in place except the workflow status of a row that is not yet accepted.
 */
export interface ObservationTable {
  id: Generated<number>;
  tenant_id: number;
  indicator_id: number;
  period: string;
  value: number;
  qualifier: string | null;
  source: string | null;
  source_url: string | null;
  note: string | null;
  illustrative: number;
  alternate: number;
  /** The day the value became public (YYYY-MM-DD); "as known on D" uses it before recorded_at. */
  published_on: string | null;
  status: string;
  version: number;
  replaces_id: number | null;
  recorded_by: number | null;
  recorded_at: string;
  reason: string | null;
  position: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  tenant_id: number | null;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  source_ip: string | null;
  outcome: string;
}

export interface NotificationTable {
  id: Generated<number>;
  tenant_id: number;
  user_id: number | null;
  department_id: number | null;
  kind: string;
  payload: string;
  created_at: string;
  read_at: string | null;
}

export interface EvidenceFileTable {
  id: Generated<number>;
  tenant_id: number;
  observation_id: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: number | null;
  uploaded_at: string;
}

/** A city's indicator definition (统一指标口径), one row per version. */
export interface CityDefinitionTable {
  id: Generated<number>;
  tenant_id: number;
  code: string;
  version: number;
  name: string;
  name_en: string | null;
  unit: string;
  measure: string;
  direction: string;
  frequency: string;
  formula: string | null;
  method: string | null;
  created_at: string;
  created_by: number | null;
}

export interface Database {
  city_definitions: CityDefinitionTable;
  evidence_files: EvidenceFileTable;
  tenants: TenantTable;
  departments: DepartmentTable;
  users: UserTable;
  user_departments: UserDepartmentTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  plans: PlanTable;
  plan_versions: PlanVersionTable;
  goal_areas: GoalAreaTable;
  programmes: ProgrammeTable;
  actions: ActionTable;
  tasks: TaskTable;
  task_milestones: TaskMilestoneTable;
  task_reports: TaskReportTable;
  indicators: IndicatorTable;
  targets: TargetTable;
  observations: ObservationTable;
  audit_log: AuditLogTable;
  notifications: NotificationTable;
}
