/**
 * The skeleton of a plan other modules hang their objects on (tasks under actions, assessments
 * on targets): ids and codes of the plan, departments, programmes, actions, targets and
 * indicators, without observations. Modules ask for it here instead of reading plan tables.
 */
import type { Db } from '../../db';
import { notFound } from '../errors';
import * as repo from './plans.repository';

export interface PlanStructure {
  plan: {
    id: number;
    code: string;
    title: string;
    start_year: number;
    end_year: number;
    /** The plan file's `plan.settings`, parsed (null when none). */
    settings: Record<string, unknown> | null;
  };
  departments: { id: number; code: string; name: string; name_en: string | null }[];
  programmes: { id: number; code: string; number: number; name: string; name_en: string | null }[];
  actions: {
    id: number;
    code: string;
    name: string;
    name_en: string | null;
    programme_id: number;
    lead_department_id: number | null;
    co_department_ids: number[];
  }[];
  targets: {
    id: number;
    code: string;
    kind: string;
    text: string | null;
    text_en: string | null;
    indicator_id: number | null;
  }[];
  indicators: {
    id: number;
    code: string;
    name: string;
    name_en: string | null;
    department_id: number | null;
  }[];
}

/** The structure of a tenant's plan; 404 when the tenant has no plan of that code. */
export async function loadPlanStructure(db: Db, tenantId: number, code: string): Promise<PlanStructure> {
  const k = db.kysely;
  const plan = await repo.findPlan(k, tenantId, code);
  if (!plan) throw notFound(`plan '${code}'`);
  const [departments, programmes, actions, targets, indicators] = await Promise.all([
    repo.listDepartments(k, tenantId),
    repo.listProgrammes(k, plan.id),
    repo.listActions(k, plan.id),
    repo.listTargets(k, plan.id),
    repo.listIndicators(k, plan.id),
  ]);
  return {
    plan: {
      id: plan.id,
      code: plan.code,
      title: plan.title,
      start_year: plan.start_year,
      end_year: plan.end_year,
      settings: JSON.parse(plan.settings) as Record<string, unknown> | null,
    },
    departments: departments.map((d) => ({ id: d.id, code: d.code, name: d.name, name_en: d.name_en })),
    programmes: programmes.map((p) => ({
      id: p.id,
      code: p.code,
      number: p.number,
      name: p.name,
      name_en: p.name_en,
    })),
    actions: actions.map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      name_en: a.name_en,
      programme_id: a.programme_id,
      lead_department_id: a.lead_department_id,
      co_department_ids: (JSON.parse(a.co_department_ids) as (number | null)[]).filter(
        (d): d is number => typeof d === 'number',
      ),
    })),
    targets: targets.map((t) => ({
      id: t.id,
      code: t.code,
      kind: t.kind,
      text: t.text,
      text_en: t.text_en,
      indicator_id: t.indicator_id,
    })),
    indicators: indicators.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      name_en: i.name_en,
      department_id: i.department_id,
    })),
  };
}

/** Tenant and code of every plan of the installation (for jobs that sweep all plans). */
export async function listPlanRefs(db: Db): Promise<{ id: number; tenantId: number; code: string }[]> {
  return (await repo.listAllPlans(db.kysely)).map((p) => ({ id: p.id, tenantId: p.tenant_id, code: p.code }));
}
