/**
 * What a scheduled job hands to the runner: the notices due now. A job is a plain object
 * `{ name, findDue(ctx) }`; the runner (src/jobs) records each item once, whoever runs it and
 * however often (see src/jobs/README.md). Modules define their jobs beside their services
 * (`data.jobs.ts`, `tasks.jobs.ts`) with these types.
 */
import type { Db } from '../../db';

/** 提醒 before a date, 催办 when overdue, 督办 notice, a data reporting reminder, the bulletin. */
export const noticeKinds = ['reminder', 'urge', 'notice', 'data_reminder', 'bulletin'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** One notice a job finds due. (tenant, job, object, step, due) is its unique key. */
export interface DueItem {
  tenantId: number;
  kind: NoticeKind;
  /**
   * A stable id of what the notice is about, unique within the job and tenant:
   * `task:p5-a1-t1`, `indicator:yuzhong-2023/gdp/2026-Q1`.
   */
  object: string;
  /** The step of the job: `reminder` / `urge` / `notice`, `before` / `overdue` … */
  step: string;
  /** The date the notice is about (YYYY-MM-DD); a new due date (an extension) makes a new notice. */
  due: string;
  /**
   * The object's codes, shown in `jobs run --json` and kept in the message's payload:
   * `{ task: 'p5-a1-t1' }` or `{ plan: 'yuzhong-2023', indicator: 'gdp', period: '2026-Q1' }`.
   */
  about: Record<string, string>;
  /**
   * Departments (their inbox, their members' e-mail, their webhooks) and users, by id; `roles`
   * reaches every active user holding one of them in the tenant, as users (e.g. the supervisors).
   */
  to: { departments?: number[]; users?: number[]; roles?: string[] };
  /** What the recipient reads, Chinese first. */
  message: { zh: string; en: string };
  /** Where the web app shows the object: a path such as `/tasks/p5-a1-t1`. */
  link: string;
}

/** What a job's `findDue` gets: the database and the moment the run is for. */
export interface JobContext {
  db: Db;
  /** The run's moment (`--now` of `jobs run`, the clock in the server's loop). */
  now: Date;
  /** `now` as a calendar day, UTC: YYYY-MM-DD. */
  today: string;
}

/** A kind of scheduled job. `findDue` only reads: it is called again on every run. */
export interface JobKind {
  name: string;
  findDue(ctx: JobContext): Promise<DueItem[]>;
  /**
   * Work that writes, done under the job's lease before `findDue` (a monthly snapshot). It must
   * be idempotent: a second run, or a racing runner after the lease, changes nothing.
   */
  run?(ctx: JobContext): Promise<void>;
}
