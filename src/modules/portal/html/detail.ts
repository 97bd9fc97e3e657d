/** A page per target and per indicator: status, explanation, projection, chart, data, metadata. */
import type { PublicIndicator, PublicPlan, PublicTarget } from '../../../contracts/portal';
import { html } from './escape';
import { formatTargetValue } from './format';
import { pick, t } from './i18n';
import { link, page, statusBadge, type PageCtx } from './layout';
import { latestLine } from './overview';
import { chartFigure, dataTable, downloads, evaluationFacts, metadata } from './parts';

export function targetPage(ctx: PageCtx, plan: PublicPlan, target: PublicTarget): string {
  const { lang } = ctx;
  const indicator = plan.indicators.find((i) => i.id === target.indicator);
  const title = pick(lang, target.text, target.text_en);
  const e = target.evaluation;
  const goal = formatTargetValue(target, e?.unit ?? indicator?.unit ?? null, lang);
  const body = html`<p class="meta">
      ${link(ctx, `plans/${plan.plan.id}/`, pick(lang, plan.plan.title, plan.plan.title_en))}
    </p>
    <h1>${title}</h1>
    ${goal ? html`<p>${t(lang, 'target')}：${goal}</p>` : null}
    ${e ? evaluationFacts(e, lang, latestLine(target, indicator, lang)) : html`<p>${statusBadge('no_data', lang)}</p>`}
    ${e ? chartFigure(e, lang, title) : null}
    ${
      indicator
        ? html`<h2>${t(lang, 'dataTable')}</h2>
            ${dataTable(indicator, lang)}
            <h2>${t(lang, 'metadata')}</h2>
            ${metadata(indicator, lang)}
            <p>
              ${link(ctx, `plans/${plan.plan.id}/indicators/${indicator.id}/`, pick(lang, indicator.name, indicator.name_en))}
            </p>
            <h2>${t(lang, 'downloads')}</h2>
            ${downloads(ctx, plan.plan.id, indicator.id)}`
        : null
    }
    ${target.updated ? html`<p class="muted">${t(lang, 'lastUpdate')}：${target.updated}</p>` : null}`;
  return page({ ctx, title, siteTitle: t(lang, 'portal'), planId: plan.plan.id, body, asOf: plan.as_of });
}

export function indicatorPage(ctx: PageCtx, plan: PublicPlan, indicator: PublicIndicator): string {
  const { lang } = ctx;
  const title = pick(lang, indicator.name, indicator.name_en);
  const targets = plan.targets.filter((tg) => tg.indicator === indicator.id);
  const first = targets.find((tg) => tg.evaluation);
  const body = html`<p class="meta">
      ${link(ctx, `plans/${plan.plan.id}/`, pick(lang, plan.plan.title, plan.plan.title_en))}
    </p>
    <h1>${title}</h1>
    ${
      targets.length
        ? html`<h2>${t(lang, 'relatedTargets')}</h2>
            <ul>
              ${targets.map(
                (tg) =>
                  html`<li>
                    ${statusBadge(tg.evaluation?.status ?? 'no_data', lang)}
                    ${link(
                      ctx,
                      `plans/${plan.plan.id}/targets/${tg.id}/`,
                      pick(lang, tg.text, tg.text_en),
                    )}${tg.evaluation ? html`<br /><span class="muted">${tg.evaluation.explanation[lang] || tg.evaluation.explanation.zh}</span>` : null}
                  </li>`,
              )}
            </ul>`
        : null
    }
    ${first?.evaluation ? chartFigure(first.evaluation, lang, title) : null}
    <h2>${t(lang, 'dataTable')}</h2>
    ${dataTable(indicator, lang)}
    <h2>${t(lang, 'metadata')}</h2>
    ${metadata(indicator, lang)}
    <h2>${t(lang, 'downloads')}</h2>
    ${downloads(ctx, plan.plan.id, indicator.id)}`;
  return page({ ctx, title, siteTitle: t(lang, 'portal'), planId: plan.plan.id, body, asOf: plan.as_of });
}
