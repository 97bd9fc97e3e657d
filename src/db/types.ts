/**
 * Table types for Kysely. Timestamps are ISO-8601 UTC strings and JSON is text on both dialects,
 * so one code path serves SQLite and PostgreSQL.
 */
import type { ColumnType, Generated } from 'kysely';
import type {
  TaskTable,
  TaskMilestoneTable,
  TaskReportTable,
  TaskTargetTable,
  TaskIndicatorTable,
  TaskExtensionTable,
  TaskReportPartTable,
  TaskReportEvidenceTable,
  TaskCommentTable,
  TaskEventTable,
  TargetAssessmentTable,
} from './task-tables';
import type { StoredFileColumns } from './stored-file';

export type * from './task-tables';
export type { StoredFileColumns } from './stored-file';

/** A name in Chinese and, optionally, in English. */
interface NameColumns {
  name: string;
  name_en: string | null;
}

export interface TenantTable extends NameColumns {
  id: Generated<number>;
  slug: string;
  created_at: string;
  /** The tenant above (a district's city); null for a root. Optional on insert. */
  parent_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface DepartmentTable extends NameColumns {
  id: Generated<number>;
  tenant_id: number;
  code: string;
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
  /** 1 after an administrator set the password: its owner must change it before anything else. */
  must_change_password: Generated<number>;
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

/** The columns of every part of a plan: its code is unique in the plan. */
interface PlanPartColumns {
  id: Generated<number>;
  tenant_id: number;
  plan_id: number;
  code: string;
}

export interface GoalAreaTable extends PlanPartColumns, NameColumns {
  description: string | null;
  position: number;
}

export interface ProgrammeTable extends PlanPartColumns, NameColumns {
  number: number;
  position: number;
}

export interface ActionTable extends PlanPartColumns, NameColumns {
  programme_id: number;
  lead_department_id: number | null;
  co_department_ids: string;
  position: number;
}

/** What a city's definition fixes of an indicator (统一指标口径). */
interface DefinitionColumns {
  unit: string;
  direction: string;
  frequency: string;
  measure: string;
  formula: string | null;
}

export interface IndicatorTable extends PlanPartColumns, NameColumns, DefinitionColumns {
  department_id: number | null;
  goal_area_id: number | null;
  source: string | null;
  note: string | null;
  position: number;
  /** The version of the city's definition of this id the district adopted (migration 0020). */
  city_definition_version: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface TargetTable extends PlanPartColumns {
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
  /** 1 for a preliminary value (快报/预计数); the final one is a later version. */
  preliminary: Generated<number>;
  /** Why the reporter kept a value that the entry checks warned about. */
  check_reason: string | null;
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

export interface EvidenceFileTable extends StoredFileColumns {
  id: Generated<number>;
  tenant_id: number;
  observation_id: number;
}

export interface JobLeaseTable {
  job: string;
  holder: string;
  expires_at: string;
}

export interface NoticeKeyTable {
  id: Generated<number>;
  tenant_id: number;
  job: string;
  object: string;
  step: string;
  due_date: string;
  kind: string;
  created_at: string;
}

export interface NotificationReadTable {
  tenant_id: number;
  notification_id: number;
  user_id: number;
  read_at: string;
}

export interface NotificationSettingsTable {
  user_id: number;
  tenant_id: number;
  inbox: Generated<number>;
  email: Generated<number>;
  email_address: string | null;
  updated_at: string;
}

export interface WebhookEndpointTable {
  id: Generated<number>;
  tenant_id: number;
  department_id: number | null;
  name: string;
  format: string;
  url: string;
  secret: string | null;
  enabled: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface NotificationDeliveryTable {
  id: Generated<number>;
  tenant_id: number;
  notice_id: number;
  channel: string;
  /** `user:ID` or `endpoint:ID`: with notice_id, unique (one send per notice and target). */
  target: string;
  /** What the admin sees: an e-mail address or an endpoint name. */
  recipient: string;
  user_id: number | null;
  endpoint_id: number | null;
  /** The notice as JSON (kind, about, message, link). */
  message: string;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** Finished single sign-on flows (hash of the state), kept until the flow would have expired. */
export interface OidcFlowUsedTable {
  state_hash: string;
  expires_at: string;
}

/** Whether the portal shows a goal area, target, indicator or task of a plan (by its code). */
export interface PublicationTable {
  id: Generated<number>;
  tenant_id: number;
  plan_id: number;
  object_type: string;
  object_code: string;
  published: number;
  changed_at: string;
}

/** The portal's public change log: what was published or withdrawn, when (no actor). */
export interface PublicationEventTable {
  id: Generated<number>;
  tenant_id: number;
  plan_id: number;
  object_type: string;
  object_code: string;
  action: string;
  at: string;
}

/** A city's indicator definition (统一指标口径), one row per version. */
export interface CityDefinitionTable extends NameColumns, DefinitionColumns {
  id: Generated<number>;
  tenant_id: number;
  code: string;
  version: number;
  method: string | null;
  created_at: string;
  created_by: number | null;
}

/** A month's department scorecards of a plan (考核), frozen once computed. */
export interface ScorecardSnapshotTable {
  id: Generated<number>;
  tenant_id: number;
  plan_id: number;
  /** YYYY-MM */
  month: string;
  computed_at: string;
  /** JSON: the weights used. */
  weights: string;
  /** JSON: the ranked department scores. */
  body: string;
}

export interface Database {
  scorecard_snapshots: ScorecardSnapshotTable;
}

/** An archived monthly bulletin: its inputs as known at the month's end (0010-bulletins). */
export interface BulletinTable {
  id: Generated<number>;
  tenant_id: number;
  plan_id: number;
  month: string;
  /** The BulletinInput of src/domain/reports, as JSON. */
  input: string;
  /** `job` (the monthly job) or `user` (generated from the web app). */
  origin: string;
  generated_at: string;
  generated_by: number | null;
}

/** An upload's checked rows waiting for their commit (0018-upload-previews). */
export interface UploadPreviewTable {
  token_hash: string;
  tenant_id: number;
  plan: string;
  actor: string;
  kind: string;
  /** JSON array of the rows. */
  rows: string;
  created_at: string;
  expires_at: string;
}

export interface Database {
  upload_previews: UploadPreviewTable;
}

/**
 * A plan's statuses as of a date under the revision they were computed for (0019-stored-statuses).
 */
export interface PlanStatusTable {
  plan_id: number;
  as_of: string;
  tenant_id: number;
  /** `planId:version:updated_at:newest audit id of the tenant`. */
  revision: string;
  /** The newest audit id of the tenant's rank neighbours when computed ranks were used, else null. */
  neighbours: number | null;
  /** The PlanStatus, as JSON. */
  body: string;
  /** The PlanStatusSummary (counts per goal area, goal areas, indicators), as JSON. */
  summary: string;
}

export interface Database {
  plan_statuses: PlanStatusTable;
}

export interface Database {
  bulletins: BulletinTable;
  city_definitions: CityDefinitionTable;
  job_leases: JobLeaseTable;
  notice_keys: NoticeKeyTable;
  notification_reads: NotificationReadTable;
  notification_settings: NotificationSettingsTable;
  webhook_endpoints: WebhookEndpointTable;
  notification_deliveries: NotificationDeliveryTable;
  publications: PublicationTable;
  publication_events: PublicationEventTable;
  evidence_files: EvidenceFileTable;
  oidc_flows_used: OidcFlowUsedTable;
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
  task_targets: TaskTargetTable;
  task_indicators: TaskIndicatorTable;
  task_extensions: TaskExtensionTable;
  task_report_parts: TaskReportPartTable;
  task_report_evidence: TaskReportEvidenceTable;
  task_comments: TaskCommentTable;
  task_events: TaskEventTable;
  target_assessments: TargetAssessmentTable;
  indicators: IndicatorTable;
  targets: TargetTable;
  observations: ObservationTable;
  audit_log: AuditLogTable;
  notifications: NotificationTable;
}
