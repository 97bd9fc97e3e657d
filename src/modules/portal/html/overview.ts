/** The plan overview: goal areas with their targets (status light and word), and programmes. */
import type { PublicIndicator, PublicPlan, PublicTarget } from '../../../contracts/portal';
import { html, type Html } from './escape';
import { formatLatestPeriod, formatLike, formatTargetValue, formatValue } from './format';
import { pick, statusLook, t, type Lang, type StatusCode } from './i18n';
import { link, page, statusBadge, type PageCtx } from './layout';
import { programmeSummary } from './programme';

/** The latest figure of a target: `2025年：1781.8亿元`, or the year so far against the expected point. */
export function latestLine(
  target: PublicTarget,
  indicator: PublicIndicator | undefined,
  lang: Lang,
): string | null {
  const e = target.evaluation;
  if (!e?.latest) return null;
  const unit = e.unit ?? indicator?.unit ?? '';
  const when = formatLatestPeriod(e.latest.period, e.kind, lang);
  const value = formatValue(e.latest.value, unit, lang);
  const ytd = e.latest.period.length > 4 && (e.kind === 'annual_floor' || e.kind === 'annual_cap');
  if (ytd && e.expected !== null) {
    const expected = formatLike(e.expected, e.latest.value, unit, lang);
    return lang === 'zh'
      ? `${when}${value}（按进度应达${expected}）`
      : `${when}: ${value} (${expected} expected by now)`;
  }
  return lang === 'zh' ? `${when}：${value}` : `${when}: ${value}`;
}

export function targetCard(ctx: PageCtx, plan: PublicPlan, target: PublicTarget): Html {
  const { lang } = ctx;
  const indicator = plan.indicators.find((i) => i.id === target.indicator);
  const status = target.evaluation?.status ?? 'no_data';
  const goal = formatTargetValue(target, target.evaluation?.unit ?? indicator?.unit ?? null, lang);
  const latest = latestLine(target, indicator, lang);
  return html`<li class="card">
    <p>${statusBadge(status, lang)}</p>
    <h3>
      ${link(ctx, `plans/${plan.plan.id}/targets/${target.id}/`, pick(lang, target.text, target.text_en))}
    </h3>
    ${goal ? html`<p class="muted">${t(lang, 'target')}：${goal}</p>` : null}
    ${latest ? html`<p>${t(lang, 'latest')}：${latest}</p>` : null}
  </li>`;
}

function countsList(plan: PublicPlan, lang: Lang): Html {
  const items = (Object.keys(statusLook) as StatusCode[]).map(
    (s) => html`<li>${statusBadge(s, lang)} ${plan.counts[s] ?? 0}</li>`,
  );
  return html`<ul class="counts" aria-label="${t(lang, 'summary')}">
    ${items}
  </ul>`;
}

function programmes(ctx: PageCtx, plan: PublicPlan, lang: Lang): Html | null {
  if (plan.programmes.length === 0) return null;
  const dept = (d: { name: string; name_en: string | null } | null) =>
    d ? pick(lang, d.name, d.name_en) : '';
  return html`<h2 id="programmes">${t(lang, 'programmes')}</h2>
    <ol>
      ${plan.programmes.map(
        (p) =>
          html`<li>
            <strong
              >${link(ctx, `plans/${plan.plan.id}/programmes/${p.id}/`, pick(lang, p.name, p.name_en))}</strong
            >
            ${programmeSummary(p, lang)}
            <ul>
              ${p.actions.map(
                (a) =>
                  html`<li>
                    ${pick(lang, a.name, a.name_en)}${
                      a.lead_department
                        ? html` <span class="muted"
                            >（${t(lang, 'leadDepartment')}：${dept(a.lead_department)}${
                              a.co_departments.length
                                ? html`；${t(lang, 'coDepartments')}：${a.co_departments.map(dept).join('、')}`
                                : null
                            }）</span
                          >`
                        : null
                    }
                  </li>`,
              )}
            </ul>
          </li>`,
      )}
    </ol>`;
}

/** The overview page of a plan, at `path` (the plan's own page or the portal root). */
export function overviewPage(ctx: PageCtx, plan: PublicPlan, others: readonly PublicPlan[] = []): string {
  const { lang } = ctx;
  const title = pick(lang, plan.plan.title, plan.plan.title_en);
  const byId = new Map(plan.targets.map((tg) => [tg.id, tg]));
  const inAreas = new Set(plan.goal_areas.flatMap((g) => g.targets));
  const loose = plan.targets.filter((tg) => !inAreas.has(tg.id));
  const areas = plan.goal_areas.map(
    (g) =>
      html`<section aria-labelledby="area-${g.id}">
        <h2 id="area-${g.id}">${pick(lang, g.name, g.name_en)}</h2>
        ${g.description && lang === 'zh' ? html`<p class="muted">${g.description}</p>` : null}
        <ul class="cards">
          ${g.targets.flatMap((id) => {
            const tg = byId.get(id);
            return tg ? [targetCard(ctx, plan, tg)] : [];
          })}
        </ul>
      </section>`,
  );
  const body = html`<h1>${title}</h1>
    <p class="meta">
      ${plan.plan.start}—${plan.plan.end}${
        plan.plan.source ? html` · ${t(lang, 'source')}：${plan.plan.source}` : null
      }${plan.updated ? html` · ${t(lang, 'lastUpdate')}：${plan.updated}` : null}
    </p>
    <h2>${t(lang, 'summary')}</h2>
    ${countsList(plan, lang)} ${areas}
    ${
      loose.length
        ? html`<h2>${t(lang, 'targets')}</h2>
            <ul class="cards">
              ${loose.map((tg) => targetCard(ctx, plan, tg))}
            </ul>`
        : null
    }
    ${programmes(ctx, plan, lang)}
    <h2>${t(lang, 'indicators')}</h2>
    <ul>
      ${plan.indicators.map(
        (i) =>
          html`<li>
            ${link(ctx, `plans/${plan.plan.id}/indicators/${i.id}/`, pick(lang, i.name, i.name_en))}${
              i.observations.length ? null : html` <span class="muted">（${t(lang, 'noData')}）</span>`
            }
          </li>`,
      )}
    </ul>
    ${
      others.length > 1
        ? html`<h2>${t(lang, 'plans')}</h2>
            <ul>
              ${others.map(
                (o) =>
                  html`<li>
                    ${link(ctx, `plans/${o.plan.id}/`, pick(lang, o.plan.title, o.plan.title_en))}
                  </li>`,
              )}
            </ul>`
        : null
    }`;
  return page({ ctx, title, siteTitle: t(lang, 'portal'), planId: plan.plan.id, body, asOf: plan.as_of });
}
