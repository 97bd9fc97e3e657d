/** The open data index (`data/`) and a plan's change log (`plans/ID/changes/`). */
import type { PublicPlan } from '../../../contracts/portal';
import { html } from './escape';
import { formatPeriod } from './format';
import { pick, t } from './i18n';
import { link, page, type PageCtx } from './layout';
import { downloadPaths, tableRegion } from './parts';

/** Paths of a plan's data package files below the portal root. */
export function packagePath(planId: string, file: string): string {
  return `plans/${planId}/data/${file}`;
}

export function dataIndexPage(ctx: PageCtx, plans: readonly PublicPlan[]): string {
  const { lang } = ctx;
  const title = t(lang, 'openData');
  const body = html`<h1>${title}</h1>
    <p>${t(lang, 'openDataIntro')}</p>
    ${plans.map((plan) => {
      const id = plan.plan.id;
      return html`<section aria-labelledby="plan-${id}">
        <h2 id="plan-${id}">${pick(lang, plan.plan.title, plan.plan.title_en)}</h2>
        <p class="muted">${t(lang, 'lastUpdate')}：${plan.updated ?? '—'}</p>
        <h3>${t(lang, 'dataPackage')}</h3>
        <ul class="downloads">
          <li>${link(ctx, packagePath(id, 'datapackage.json'), 'datapackage.json', { file: true })}</li>
          ${['goal_areas', 'indicators', 'targets', 'observations', 'tasks'].map(
            (n) => html`<li>${link(ctx, packagePath(id, `${n}.csv`), `${n}.csv`, { file: true })}</li>`,
          )}
          <li>${link(ctx, packagePath(id, 'plan.json'), 'plan.json', { file: true })}</li>
          <li>${link(ctx, packagePath(id, 'plan.xlsx'), 'plan.xlsx', { file: true })}</li>
        </ul>
        <p class="muted">
          API：<code>/api/public/plans/${id}/portal</code>、<code>/api/public/plans/${id}/indicators/{id}</code>、<code
            >/api/public/plans/${id}/targets/{id}</code
          >
        </p>
        <h3>${t(lang, 'allIndicators')}</h3>
        ${tableRegion(
          t(lang, 'allIndicators'),
          [t(lang, 'indicator'), 'CSV', 'JSON', 'XLSX', t(lang, 'opensdg'), t(lang, 'lastUpdate')],
          plan.indicators.map((i) => {
            const files = downloadPaths(id, i.id);
            return html`<tr>
              <th scope="row">
                ${link(ctx, `plans/${id}/indicators/${i.id}/`, pick(lang, i.name, i.name_en))}
              </th>
              <td>${link(ctx, files.csv, 'CSV', { file: true })}</td>
              <td>${link(ctx, files.json, 'JSON', { file: true })}</td>
              <td>${link(ctx, files.xlsx, 'XLSX', { file: true })}</td>
              <td>
                ${link(ctx, packagePath(id, `opensdg/indicator_${i.id}.csv`), `indicator_${i.id}.csv`, { file: true })}
              </td>
              <td>${i.updated ?? '—'}</td>
            </tr>`;
          }),
        )}
      </section>`;
    })}`;
  return page({
    ctx,
    title,
    siteTitle: t(lang, 'portal'),
    planId: plans.length === 1 ? plans[0]?.plan.id : undefined,
    body,
  });
}

export function changesPage(ctx: PageCtx, plan: PublicPlan): string {
  const { lang } = ctx;
  const title = t(lang, 'changes');
  const word = {
    publish: t(lang, 'published'),
    unpublish: t(lang, 'unpublished'),
    data: t(lang, 'dataUpdated'),
  };
  const target = (kind: string, id: string) =>
    kind === 'indicator'
      ? `plans/${plan.plan.id}/indicators/${id}/`
      : kind === 'target'
        ? `plans/${plan.plan.id}/targets/${id}/`
        : kind === 'task'
          ? programmeOf(id)
          : null;
  const programmeOf = (task: string) => {
    const p = plan.programmes.find((x) => x.tasks.some((y) => y.id === task));
    return p ? `plans/${plan.plan.id}/programmes/${p.id}/` : null;
  };
  const body = html`<h1>${title}</h1>
    <p>${t(lang, 'changesIntro')}</p>
    ${tableRegion(
      title,
      [t(lang, 'lastUpdate'), t(lang, 'status'), t(lang, 'indicator'), t(lang, 'period')],
      plan.changes.map((c) => {
        const to = target(c.kind, c.id);
        const name = pick(lang, c.name, c.name_en);
        return html`<tr>
          <td>${c.at}</td>
          <td>${word[c.action]}</td>
          <td>${to ? link(ctx, to, name) : name}</td>
          <td>${c.periods.map((p) => formatPeriod(p, lang)).join(lang === 'zh' ? '、' : ', ')}</td>
        </tr>`;
      }),
    )}`;
  return page({ ctx, title, siteTitle: t(lang, 'portal'), planId: plan.plan.id, body, asOf: plan.as_of });
}
