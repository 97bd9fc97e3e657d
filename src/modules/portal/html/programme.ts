/**
 * A programme (举措) on the portal: its actions with their departments and the progress of its
 * published tasks — from accepted reports only, written as a word and a percentage (never by
 * colour alone). The overview shows each programme's summary line from the same numbers.
 */
import type { PublicPlan, PublicProgramme, PublicTask } from '../../../contracts/portal';
import { html, type Html } from './escape';
import { formatPeriod } from './format';
import { pick, t, type Lang } from './i18n';
import { link, page, type PageCtx } from './layout';

type Dept = { name: string; name_en: string | null } | null;
const dept = (d: Dept, lang: Lang) => (d ? pick(lang, d.name, d.name_en) : '');
const marks = (lang: Lang) =>
  lang === 'zh' ? { colon: '：', semi: '；', list: '、' } : { colon: ': ', semi: '; ', list: ', ' };

/** `牵头单位：…；配合单位：…、…` in the page's language. */
function departments(lead: Dept, co: readonly Dept[], lang: Lang): string {
  const m = marks(lang);
  const first = `${t(lang, 'leadDepartment')}${m.colon}${dept(lead, lang)}`;
  return co.length
    ? `${first}${m.semi}${t(lang, 'coDepartments')}${m.colon}${co.map((d) => dept(d, lang)).join(m.list)}`
    : first;
}

/** The mean percentage of the tasks that have an accepted report, or null. */
function average(tasks: readonly PublicTask[]): number | null {
  const known = tasks.flatMap((x) => (x.percent === null ? [] : [x.percent]));
  return known.length ? Math.round(known.reduce((a, b) => a + b, 0) / known.length) : null;
}

export function progressWord(task: PublicTask, lang: Lang): Html {
  return html`<span class="task task-${task.progress}">${t(lang, `progress_${task.progress}`)}</span>`;
}

function bar(percent: number | null): Html | null {
  if (percent === null) return null;
  const p = Math.max(0, Math.min(100, percent));
  return html`<span class="meter" aria-hidden="true"><span style="width:${p}%"></span></span>`;
}

/** The line under a programme on the overview: how many tasks are public and how far they are. */
export function programmeSummary(p: PublicProgramme, lang: Lang): Html {
  if (p.tasks.length === 0) return html`<span class="muted">${t(lang, 'noPublicTasks')}</span>`;
  const avg = average(p.tasks);
  const sep = lang === 'zh' ? '，' : ', ';
  return html`<span class="muted"
    >${t(lang, 'tasksCount', { n: p.tasks.length })}${avg === null ? null : sep + t(lang, 'averageProgress', { p: avg })}</span
  >`;
}

function taskItem(task: PublicTask, lang: Lang): Html {
  const when = task.due ? ` · ${t(lang, 'due')}${marks(lang).colon}${task.due}` : '';
  return html`<li class="card">
    <h3>
      ${task.title}${task.illustrative ? html` <span class="muted">（${t(lang, 'illustrative')}）</span>` : null}
    </h3>
    <p>
      ${progressWord(task, lang)}
      ${task.percent === null ? null : t(lang, 'percentDone', { p: task.percent })}
    </p>
    <p>${bar(task.percent)}</p>
    <p class="muted">
      ${task.reported ? t(lang, 'reportedIn', { period: formatPeriod(task.reported, lang) }) : t(lang, 'noReport')}
    </p>
    <p class="muted">${departments(task.lead_department, task.co_departments, lang)}${when}</p>
  </li>`;
}

export function programmePage(ctx: PageCtx, plan: PublicPlan, p: PublicProgramme): string {
  const { lang } = ctx;
  const title = pick(lang, p.name, p.name_en);
  const actions = p.actions.map((a) => {
    const tasks = p.tasks.filter((x) => x.action === a.id);
    return html`<section aria-labelledby="action-${a.id}">
      <h2 id="action-${a.id}">${pick(lang, a.name, a.name_en)}</h2>
      ${
        a.lead_department
          ? html`<p class="muted">${departments(a.lead_department, a.co_departments, lang)}</p>`
          : null
      }
      ${
        tasks.length
          ? html`<ul class="cards">
              ${tasks.map((x) => taskItem(x, lang))}
            </ul>`
          : html`<p class="muted">${t(lang, 'noPublicTasks')}</p>`
      }
    </section>`;
  });
  const loose = p.tasks.filter((x) => !p.actions.some((a) => a.id === x.action));
  const body = html`<p class="meta">
      ${link(ctx, `plans/${plan.plan.id}/`, pick(lang, plan.plan.title, plan.plan.title_en))}
    </p>
    <h1><span class="muted">${p.number}.</span> ${title}</h1>
    <p>${programmeSummary(p, lang)}</p>
    ${actions}
    ${
      loose.length
        ? html`<h2>${t(lang, 'publicTasks')}</h2>
            <ul class="cards">
              ${loose.map((x) => taskItem(x, lang))}
            </ul>`
        : null
    }`;
  return page({ ctx, title, siteTitle: t(lang, 'portal'), planId: plan.plan.id, body, asOf: plan.as_of });
}
