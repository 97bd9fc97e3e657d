/** Names from the plan the pages already hold: programmes, actions, departments, targets. */
import type { PlanDetail } from '../../../../src/contracts/plans';

type Lang = 'zh' | 'en';
const pick = (lang: Lang, zh: string, en: string | null | undefined) => (lang === 'en' && en ? en : zh);

export interface Named {
  id: string;
  name: string;
}

export function programmeOptions(detail: PlanDetail, lang: Lang): Named[] {
  return detail.programmes.map((p) => ({ id: p.id, name: `${p.number}. ${pick(lang, p.name, p.name_en)}` }));
}

/** Every department the plan's actions name, by code. */
export function departmentOptions(detail: PlanDetail, lang: Lang): Named[] {
  const seen = new Map<string, Named>();
  for (const p of detail.programmes)
    for (const a of p.actions)
      for (const d of [a.lead_department, ...a.co_departments])
        if (d && !seen.has(d.id)) seen.set(d.id, { id: d.id, name: pick(lang, d.name, d.name_en) });
  return [...seen.values()];
}

/** Action code → its name and its programme's number and name. */
export function actionNames(
  detail: PlanDetail,
  lang: Lang,
): Map<string, { action: string; programme: string }> {
  const out = new Map<string, { action: string; programme: string }>();
  for (const p of detail.programmes)
    for (const a of p.actions)
      out.set(a.id, {
        action: pick(lang, a.name, a.name_en),
        programme: `${p.number}. ${pick(lang, p.name, p.name_en)}`,
      });
  return out;
}

export const deptName = (d: { name: string; name_en: string | null } | null, lang: Lang) =>
  d ? pick(lang, d.name, d.name_en) : '—';
