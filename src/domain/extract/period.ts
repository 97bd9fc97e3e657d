// Period (achievement vs target), target year and horizon. Sections are opened by short heading
// lines; sentences can override the section with their own cues (力争, 到2027年…).
import type { Period } from './types';

/** The period state a heading sets. */
export interface Section {
  period: Period;
  /** A year named in a target heading ("2024年工作安排"). */
  year: number | null;
  /** A multi-year horizon phrase ("未来五年"). */
  horizon: string | null;
  /** The year an achievement heading reviews ("2024年计划执行情况" → 2024). */
  reviewed?: number | null;
}

const ACHIEVEMENT_HEAD =
  /回顾|过去|发展基础|发展成就|成绩|成效|成就|执行情况|完成情况|推进情况|进展情况|落实情况|实施情况|运行情况|发展情况|统计公报|亮点|一年来|五年来|盘点|总结|主要进展|工作进展|所做/;
const TARGET_HEAD =
  /目标|任务|安排|展望|计划|打算|思路|部署|未来|今后|重点工作|举措|要求|建议|草案|努力方向|奋斗|规划|纲要|主要指标/;
const HORIZON_RE =
  /(未来|今后)(三|五|十|3|5|10)年|[“"]?十([四五六])五[”"]?(?:时期|期间|末|规划)?|第十([四五六])个五年(?:规划|计划)?|(\d+|[一二三四五六七八九十])年内/;

const CN_SMALL: Readonly<Record<string, number>> = { 三: 3, 五: 5, 十: 10, 3: 3, 5: 5, 10: 10 };

/** Parses a horizon phrase in a line; returns its text and end year (given the document year). */
export function findHorizon(
  s: string,
  docYear: number | null,
): { phrase: string; end: number | null } | null {
  const m = HORIZON_RE.exec(s);
  if (!m) return null;
  if (m[1] !== undefined) {
    const n = CN_SMALL[m[2] ?? ''] ?? 5;
    return { phrase: m[0], end: docYear === null ? null : docYear + n - 1 };
  }
  const fyp = m[3] ?? m[4];
  if (fyp !== undefined) {
    // 十四五 (第十四个五年规划) ends 2025, 十五五 2030, 十六五 2035.
    const idx = ({ 四: 0, 五: 1, 六: 2 } as Readonly<Record<string, number>>)[fyp] ?? 0;
    return { phrase: m[0].replace(/[“”"]/g, ''), end: 2025 + 5 * idx };
  }
  return null;
}

/** Reads the period a heading line opens, or null when the line sets none. */
export function headingSection(line: string, docYear: number | null): Section | null {
  const by = /^(?:到|至)(20\d\d)年(?:底|末)?/.exec(line);
  if (by && (docYear === null || Number(by[1]) >= docYear)) {
    return { period: 'target', year: Number(by[1]), horizon: null };
  }
  const ach = ACHIEVEMENT_HEAD.test(line);
  const tgt = TARGET_HEAD.test(line);
  if (!ach && !tgt) return null;
  const yearMatch = /(20\d\d)年/.exec(line);
  const year = yearMatch ? Number(yearMatch[1]) : null;
  // "计划执行情况" reports results even though it names a plan.
  const review: Section = { period: 'achievement', year: null, horizon: null, reviewed: year };
  if (ach && !/未来|今后|目标|展望|安排|打算/.test(line)) return review;
  if (
    ach &&
    /过去|回顾|执行情况|完成情况|推进情况|进展情况|落实情况|实施情况|运行情况|发展情况|统计公报/.test(line) &&
    !/未来|今后/.test(line)
  ) {
    return review;
  }
  if (year !== null && docYear !== null && year < docYear) return review;
  const h = findHorizon(line, docYear);
  return { period: 'target', year: h?.end ?? year, horizon: h?.phrase ?? null };
}

/**
 * Infers the year "今年" refers to: a year in a target heading (2024年工作安排 → 2024), else a
 * reviewed year plus one (2023年工作回顾 → 2024), else null.
 */
export function inferDocYear(headings: readonly string[]): number | null {
  for (const h of headings) {
    const m = /(20\d\d)年/.exec(h);
    if (m && TARGET_HEAD.test(h) && !/执行情况|完成情况|回顾/.test(h.slice(h.indexOf(m[0]))))
      return Number(m[1]);
  }
  for (const h of headings) {
    const m = /(20\d\d)年/.exec(h);
    if (m && ACHIEVEMENT_HEAD.test(h)) return Number(m[1]) + 1;
  }
  return null;
}

// 今年 names the year planned, except in 今年以来 / 今年前三季度 / 今年1—10月, which report results.
const THIS_YEAR_SO_FAR =
  /今年(?:以来|前[一二三]季度|上半年|[一二三]季度|[1-9一二三四五六七八九十]{1,2}(?:[—\-～至到]|月份?))/;
const TARGET_SENTENCE =
  /力争|确保|争取|到20\d\d年(?!的)|(?:到|展望)二[〇零一二三四五六七八九]{3}年(?!的)|展望20\d\d年|将(?:达到|突破|增长|实现|超过)|未来[三五十]年|今后[三五十]年|目标(?:是|为)|预期目标|主要目标|预期增长|今年(?!以来|前[一二三]季度|上半年|[一二三]季度|[1-9一二三四五六七八九十]{1,2}(?:[—\-～至到]|月))|明年/;
const COMPARED_TARGET_RE =
  /(?:高于|低于|超过|超出|快于|慢于|完成|实现|达到)(?:年初|年度|全年)?(?:预期|计划|调控)?目标/g;

/**
 * A target of the year under review, stated inside the review (年度目标增长6.5%, 年初预算31.5亿元,
 * 年度计划投资210亿元); 完成年度目标的95% and 高于年度目标0.3个百分点 are results.
 */
export const REVIEWED_TARGET_RE =
  /(?<!高于|低于|超过|超出|快于|慢于|完成|实现|达到|占)(?:年度|年初|全年)(?:预期)?(?:目标|预算|计划)[^，,；;。的、]{0,4}$/;

const ACHIEVEMENT_SENTENCE = new RegExp(
  /过去一年|过去五年|去年|上年末|五年来|一年来|预计全年|全年实现|已经|累计完成|/.source +
    THIS_YEAR_SO_FAR.source,
);

/**
 * An opening sentence that announces the coming years' goals (今后五年，…; 今后五年的主要目标是…;
 * 努力实现以下目标): the figures listed after it, in this and later sentences, are targets of the
 * announced span even without a future marker of their own.
 */
const ANNOUNCE_RE =
  /^(?:[^，,。；;]{0,16}?)(?:(?:今后|未来)(?:三|五|十|3|5|10)年|[“"]?十[四五六]五[”"]?(?:时期|期间)?)(?:[，,]|[^。；;]{0,24}?(?:主要目标|预期目标|奋斗目标|目标任务|以下目标|目标是))|(?:主要|预期|奋斗)目标(?:是|为)[:：，,]?$/;

/** True when the text before a sentence's first figure announces a list of coming goals. */
export function announcesGoals(leadIn: string, docYear: number | null = null): boolean {
  if (!ANNOUNCE_RE.test(leadIn.trim())) return false;
  // “十四五”时期，… in a plan for 2026–2030 looks back on a span already finished.
  const end = findHorizon(leadIn, docYear)?.end ?? null;
  return end === null || docYear === null || end >= docYear;
}

/**
 * A line with no figure that announces the goals listed after it, wherever its horizon stands in
 * it (锚定…远景目标，综合考虑…，今后五年要努力实现以下主要目标。); not a review of goals met
 * (“十四五”规划主要目标全面完成).
 */
const ANNOUNCE_LINE_RE =
  /(?:(?:今后|未来)(?:三|五|十|3|5|10)年|[“"]?十[四五六]五[”"]?(?:时期|期间)?)[^。；;]{0,40}?(?:以下(?:主要|预期|奋斗)?目标|(?:主要|预期|奋斗)?目标(?:任务)?(?:是|为))/;

export function announcesGoalsLine(line: string, docYear: number | null): boolean {
  if (!ANNOUNCE_LINE_RE.test(line)) return false;
  const end = findHorizon(line, docYear)?.end ?? null;
  return end === null || docYear === null || end >= docYear;
}

/**
 * A sentence that opens with a year already reviewed (2024年，全区…) reports that year's results,
 * whatever section it stands in, unless it carries its own target cue.
 */
export function opensWithPastYear(sentence: string, docYear: number | null): boolean {
  const m = /^(20\d\d)年(?:[，,]|全年|全[区市县省]|我[区市县省])/.exec(sentence.trim());
  // “十四五”时期，… in a plan made after 2025: the span just finished, so its results.
  const plan = /^[“"]?十([四五六])五[”"]?(?:时期|期间|以来)/.exec(sentence.trim());
  const planEnd = plan ? 2025 + 5 * ({ 四: 0, 五: 1, 六: 2 }[plan[1] as '四' | '五' | '六'] ?? 0) : null;
  if (planEnd !== null && docYear !== null && planEnd < docYear) {
    return !/力争|确保|争取|目标|预期|计划|将/.test(sentence);
  }
  if (!m || docYear === null || Number(m[1]) >= docYear) return false;
  return !/力争|确保|争取|目标|预期|计划|将/.test(sentence);
}

/** A sentence-level override of the section period, or null to keep the section's. */
export function sentencePeriod(
  sentence: string,
  section: Period,
  docYear: number | null = null,
): Period | null {
  if (opensWithPastYear(sentence, docYear)) return section === 'achievement' ? null : 'achievement';
  // 高于年初预期目标, 完成年度目标: a result measured against a target is still a result.
  const s = sentence.replace(COMPARED_TARGET_RE, '');
  if (section === 'achievement' && TARGET_SENTENCE.test(s) && !/预计|完成了|超额完成/.test(sentence)) {
    return 'target';
  }
  if (section === 'target' && ACHIEVEMENT_SENTENCE.test(sentence) && !/力争|确保|到20\d\d年/.test(sentence)) {
    return 'achievement';
  }
  return null;
}

/** The year of the last "到20XX年" (or "20XX年…目标") before `pos` in the sentence, or null. */
export function explicitYear(before: string): number | null {
  let year: number | null = null;
  // 展望二〇三五年: a year written in Chinese digits counts as one written in figures.
  const sentenceBefore = before.replace(/二[〇零一二三四五六七八九]{3}(?=年)/g, (y) =>
    [...y].map((c) => String('〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c))).join(''),
  );
  // 比2020年翻一番 names a base year, so only 到/至/展望 20XX年, 20XX年底 or a leading year count.
  const re = /(?:到|至|展望)(20\d\d)年(?!的)|(20\d\d)年(?:底|末)|^(20\d\d)年/g;
  for (let m = re.exec(sentenceBefore); m; m = re.exec(sentenceBefore)) {
    year = Number(m[1] ?? m[2] ?? m[3]);
  }
  return year;
}
