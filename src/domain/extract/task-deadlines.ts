/**
 * Deadlines of task-division rows (完成时限): the last day of the period a phrase names, a month
 * without a year in the document's year, and the year of a one-year task list read from its title
 * (2025年重点工作任务分解表: a row with no deadline is due at that year's end). Pure.
 */
import { parseChineseNumeral } from './numerals';

const lastDay = (y: number, m: number): string =>
  `${y}-${String(m).padStart(2, '0')}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;

const MONTH = /^(\d{1,2}|十[一二]?|[一二三四五六七八九])月/;

function monthDay(y: number, month: string, after: string): string {
  const m = /^\d/.test(month) ? Number(month) : (parseChineseNumeral(month) ?? 12);
  if (/^[^，,；;。]{0,4}(?:上旬)/.test(after)) return `${y}-${String(m).padStart(2, '0')}-10`;
  if (/^[^，,；;。]{0,4}(?:中旬)/.test(after)) return `${y}-${String(m).padStart(2, '0')}-20`;
  return lastDay(y, m);
}

/**
 * The due date a deadline phrase names: 2025年6月底前 → 2025-06-30, 2025年底 → 2025-12-31,
 * 2025年第三季度 → 2025-09-30, 2025年上半年 → 2025-06-30, 2025-06-30 as is; 长期坚持 → null.
 * With `year` (the document's), a phrase without one is read in it: 5月底前, 全年, 年底前, 年内.
 */
export function parseDeadline(s: string, year?: number): string | null {
  const iso = /(20\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})日?/.exec(s);
  if (iso) {
    return `${iso[1]}-${iso[2]?.padStart(2, '0')}-${iso[3]?.padStart(2, '0')}`;
  }
  const years = [...s.matchAll(/(20\d\d)年/g)];
  const last = years.at(-1);
  if (!last) {
    if (year === undefined) return null;
    const t = s.trim();
    const month = MONTH.exec(t.replace(/^(?:今年|本年|当年)/, ''));
    if (month) return monthDay(year, month[1] ?? '', t.slice(t.indexOf('月') + 1));
    const quarter = /^(?:第)?([一二三四1-4])季度/.exec(t);
    if (quarter) return lastDay(year, ('一二三四'.indexOf(quarter[1] ?? '') + 1 || Number(quarter[1])) * 3);
    if (/^上半年/.test(t)) return lastDay(year, 6);
    return /^(?:全年|年底前?|年内|年末|今年底?|本年度?)/.test(t) ? lastDay(year, 12) : null;
  }
  const y = Number(last[1]);
  const after = s.slice((last.index ?? 0) + last[0].length);
  const month = MONTH.exec(after);
  if (month) return monthDay(y, month[1] ?? '', after.slice(month[0].length));
  const quarter = /^(?:第)?([一二三四1-4])季度/.exec(after);
  if (quarter) {
    const q = '一二三四'.indexOf(quarter[1] ?? '') + 1 || Number(quarter[1]);
    return lastDay(y, q * 3);
  }
  if (/^上半年/.test(after)) return lastDay(y, 6);
  return lastDay(y, 12);
}

/**
 * A deadline written inside a task's text: 「…，5月底前实现…」, 「2022年10月底前编制…」,
 * 「2025年底前建成」. Only a date followed by 前 (or 底前) counts: a date alone may be a past event.
 */
export function deadlineInText(s: string): string | null {
  const m =
    /(?:20\d\d年)?(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:底|末|份)?(?:上旬|中旬|下旬)?前|20\d\d年(?:底|末|内)?前|20\d\d年(?:第[一二三四]季度|上半年)(?:末)?前?/.exec(
      s,
    );
  return m ? m[0] : null;
}

/**
 * The year of a one-year task list from its title (the first non-empty short lines): a year with
 * 任务/工作 and 分解/分工/清单/责任 (2023年重点工作任务分解和责任分工方案, 2025年开发区重点工作及责任清单).
 */
export function taskListYear(text: string): number | null {
  // The title is among the first lines: read no further (documents run to 200,000 characters).
  const head = text
    .slice(0, 2000)
    .split('\n')
    .map((l) => l.replace(/[#*\s]/g, ''))
    .filter((l) => l !== '' && l.length <= 60)
    .slice(0, 5);
  for (const l of head) {
    const m = /(20\d\d)年/.exec(l);
    if (m && /任务|工作/.test(l) && /分解|分工|清单|责任/.test(l) && !/(20\d\d)年?[—–至到\-]/.test(l))
      return Number(m[1]);
  }
  return null;
}
