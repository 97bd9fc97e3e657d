/**
 * The task escalation job (提醒 → 催办 → 督办): every open task on an escalation step as of the
 * run's day becomes one notice, keyed by (task id, step, the unmet date it is about), so each
 * goes out once and a new missed date or an approved extension opens a new one. Reminders and
 * urges go to the lead department (its inbox, its members' e-mail, its webhooks); a 督办 notice
 * also to every supervisor. The rules and their numbers (`plan.settings.tasks`) are the domain's.
 */
import { rolePermissions, roles } from '../../domain/access';
import type { DueItem, JobKind } from '../notify';
import { taskEscalationsDue, type EscalationStepDue } from './tasks.escalations';

const kinds: Record<EscalationStepDue, DueItem['kind']> = {
  reminder: 'reminder',
  urge: 'urge',
  notice: 'notice',
};

/** Roles that supervise tasks (督查室): they receive every 督办 notice. */
export const supervisorRoles: string[] = roles.filter((r) =>
  (rolePermissions[r] as readonly string[]).includes('task:supervise'),
);

/** The web app's page of a task. */
export const taskLink = (code: string) => `/tasks/${encodeURIComponent(code)}`;

export const taskEscalationJob: JobKind = {
  name: 'task-escalation',
  async findDue({ db, now }) {
    const items: DueItem[] = [];
    for (const e of await taskEscalationsDue(db, now)) {
      if (e.lead_department === null) continue; // nobody to chase: the board shows it
      items.push({
        tenantId: e.tenant_id,
        kind: kinds[e.step],
        object: `task:${e.task_id}`,
        step: e.step,
        due: e.due,
        about: { plan: e.plan, task: e.task },
        to: {
          departments: [e.lead_department.id],
          roles: e.step === 'notice' ? supervisorRoles : [],
        },
        message: e.message,
        link: taskLink(e.task),
      });
    }
    return items;
  },
};
