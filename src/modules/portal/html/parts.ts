/** Pieces shared by the target and indicator pages: chart, data tables, metadata, downloads. */
import type { PublicEvaluation, PublicIndicator, PublicObservation } from '../../../contracts/portal';
import { unitLabel } from '../../../domain/units';
import { targetChartSvg } from './chart';
import { html, raw, type Html, type HtmlValue } from './escape';
import { formatLike, formatNumber, formatPeriod, formatQualified, formatValue } from './format';
import { pick, t, type Lang } from './i18n';
import { link, statusBadge, type PageCtx } from './layout';

export function chartFigure(e: PublicEvaluation, lang: Lang, label: string): Html | null {
  const svg = targetChartSvg(e, lang);
  if (!svg) return null;
  return html`<figure class="chart">
    <div role="img" aria-label="${label}: ${t(lang, 'chartCaption')}">${raw(svg)}</div>
    <figcaption class="muted">${t(lang, 'chartCaption')}</figcaption>
  </figure>`;
}

/** Status, explanation sentence, latest against expected, projection — all from the evaluation. */
export function evaluationFacts(e: PublicEvaluation, lang: Lang, latest: string | null): Html {
  const unit = e.unit ?? '';
  const p = e.projection;
  // Computed figures are written no more precisely than the latest reported one.
  const ref = e.latest?.value;
  const projection = p
    ? t(lang, 'projectionText', {
        year: p.year,
        value: formatLike(p.value, ref, unit, lang),
        low: formatLike(p.low, ref, unit, lang),
        high: formatLike(p.high, ref, unit, lang),
      }) +
      (p.probability !== null
        ? (lang === 'zh' ? '；' : '; ') + t(lang, 'probability', { p: Math.round(p.probability * 100) })
        : '')
    : null;
  return html`<p>${statusBadge(e.status, lang)}</p>
    <p>${e.explanation[lang] || e.explanation.zh}</p>
    <dl class="facts">
      ${
        latest
          ? html`<dt>${t(lang, 'latest')}</dt>
              <dd>${latest}</dd>`
          : null
      }
      ${
        e.expected !== null && !(e.latest && e.latest.period.length > 4)
          ? html`<dt>${t(lang, 'expected')}</dt>
              <dd>${formatValue(e.expected, unit, lang)}</dd>`
          : null
      }
      ${
        e.baseline
          ? html`<dt>${t(lang, 'baseline')}</dt>
              <dd>${formatPeriod(e.baseline.period, lang)}：${formatValue(e.baseline.value, unit, lang)}</dd>`
          : null
      }
      <dt>${t(lang, 'projection')}</dt>
      <dd>${projection ?? t(lang, 'noProjection')}</dd>
    </dl>`;
}

function remark(o: PublicObservation, lang: Lang): string {
  return [o.illustrative ? t(lang, 'illustrative') : '', o.alternate ? t(lang, 'alternate') : '']
    .filter(Boolean)
    .join(lang === 'zh' ? '，' : ', ');
}

/** Sums of a sub-annual flow per year (complete or not), for the year-by-year view. */
function yearTotals(i: PublicIndicator): { year: string; value: number; months: number }[] {
  const byYear = new Map<string, { value: number; months: number }>();
  for (const o of i.observations) {
    if (o.alternate || o.period.length === 4) continue;
    const y = o.period.slice(0, 4);
    const acc = byYear.get(y) ?? { value: 0, months: 0 };
    byYear.set(y, { value: acc.value + o.value, months: acc.months + 1 });
  }
  return [...byYear].map(([year, v]) => ({ year, ...v }));
}

/**
 * A table in a region that is focusable and named, so that a phone scrolls it sideways with the
 * keyboard too (WCAG 2.1.1): its column heads, its rows and, when given, a caption above it.
 */
export function tableRegion(
  label: string,
  heads: readonly string[],
  rows: HtmlValue,
  caption?: string,
): Html {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${label}">
    <table>
      ${
        caption === undefined
          ? null
          : html`<caption>
              ${caption}
            </caption>`
      }
      <thead>
        <tr>
          ${heads.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

/** The full data table: every published value, year by year (and month by month where reported). */
export function dataTable(i: PublicIndicator, lang: Lang): Html {
  if (i.observations.length === 0) return html`<p>${t(lang, 'noData')}</p>`;
  const unitHead =
    lang === 'zh' ? `${t(lang, 'value')}（${i.unit}）` : `${t(lang, 'value')} (${unitLabel(i.unit, lang)})`;
  const rows = (list: readonly PublicObservation[]) =>
    list.map(
      (o) =>
        html`<tr>
          <th scope="row">${formatPeriod(o.period, lang)}</th>
          <td class="num">
            ${o.qualifier ? formatQualified(o.value, i.unit, o.qualifier, lang) : formatNumber(o.value, lang)}
          </td>
          <td>${o.source ?? ''}</td>
          <td>${remark(o, lang)}</td>
          <td>${o.updated}</td>
        </tr>`,
    );
  const table = (caption: string, list: readonly PublicObservation[]) =>
    tableRegion(
      caption,
      [t(lang, 'period'), unitHead, t(lang, 'source'), t(lang, 'remark'), t(lang, 'lastUpdate')],
      rows(list),
      caption,
    );
  const annual = i.observations.filter((o) => o.period.length === 4);
  const sub = i.observations.filter((o) => o.period.length > 4);
  const totals =
    sub.length && i.measure === 'flow'
      ? tableRegion(
          t(lang, 'annualTotal'),
          [t(lang, 'period'), unitHead, t(lang, 'remark')],
          yearTotals(i).map(
            (y) =>
              html`<tr>
                <th scope="row">
                  ${
                    y.months === (i.frequency === 'monthly' ? 12 : 4)
                      ? formatPeriod(y.year, lang)
                      : formatPeriodSoFar(y.year, y.months, i.frequency, lang)
                  }
                </th>
                <td class="num">${formatNumber(y.value, lang)}</td>
                <td>
                  ${
                    y.months === (i.frequency === 'monthly' ? 12 : 4)
                      ? ''
                      : formatValue(y.value, i.unit, lang)
                  }
                </td>
              </tr>`,
          ),
          t(lang, 'annualTotal'),
        )
      : null;
  return html`${annual.length ? table(t(lang, 'annual'), annual) : null}${totals}${
    sub.length ? table(t(lang, i.frequency === 'quarterly' ? 'quarterly' : 'monthly'), sub) : null
  }`;
}

function formatPeriodSoFar(year: string, count: number, frequency: string, lang: Lang): string {
  const months = frequency === 'quarterly' ? count * 3 : count;
  return (
    formatPeriod(`${year}-${String(months).padStart(2, '0')}`, lang).replace(
      /^(\d{4})年(\d+)月$/,
      '$1年1—$2月累计',
    ) + (lang === 'en' ? ' (year to date)' : '')
  );
}

/** Definition, unit, source, department, last update. */
export function metadata(i: PublicIndicator, lang: Lang): Html {
  const freq = {
    annual: { zh: '年度', en: 'Annual' },
    quarterly: { zh: '季度', en: 'Quarterly' },
    monthly: { zh: '月度', en: 'Monthly' },
  }[i.frequency];
  return html`<dl class="facts">
    <dt>${t(lang, 'indicator')}</dt>
    <dd>${pick(lang, i.name, i.name_en)}</dd>
    <dt>${t(lang, 'definition')}</dt>
    <dd>${i.definition ?? (i.formula ? i.formula : '—')}</dd>
    <dt>${t(lang, 'unit')}</dt>
    <dd>${i.unit}</dd>
    <dt>${t(lang, 'frequency')}</dt>
    <dd>${freq[lang]}</dd>
    <dt>${t(lang, 'source')}</dt>
    <dd>${i.source ?? '—'}</dd>
    <dt>${t(lang, 'department')}</dt>
    <dd>${i.department ? pick(lang, i.department.name, i.department.name_en) : '—'}</dd>
    <dt>${t(lang, 'lastUpdate')}</dt>
    <dd>${i.updated ?? '—'}</dd>
  </dl>`;
}

/** Where an indicator's downloads live below the portal root. */
export function downloadPaths(planId: string, indicatorId: string): Record<'csv' | 'json' | 'xlsx', string> {
  const base = `plans/${planId}/indicators/${indicatorId}/${indicatorId}`;
  return { csv: `${base}.csv`, json: `${base}.json`, xlsx: `${base}.xlsx` };
}

export function downloads(ctx: PageCtx, planId: string, indicatorId: string): Html {
  const files = downloadPaths(planId, indicatorId);
  return html`<ul class="downloads">
    <li>${link(ctx, files.csv, 'CSV', { file: true })}</li>
    <li>${link(ctx, files.json, 'JSON', { file: true })}</li>
    <li>${link(ctx, files.xlsx, 'XLSX', { file: true })}</li>
  </ul>`;
}
