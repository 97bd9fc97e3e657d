// Entry point: extracts every quantitative statement (value, unit, kind, qualifier, period,
// target year) from Chinese policy text. Pure and linear in the input length.
import { clauseFacts, type ClauseState } from './clauses';
import { scanMentions, type Mention } from './mentions';
import { cleanText, toRaw } from './normalize';
import {
  announcesGoals,
  announcesGoalsLine,
  explicitYear,
  findHorizon,
  headingSection,
  inferDocYear,
  REVIEWED_TARGET_RE,
  sentencePeriod,
  type Section,
} from './period';
import { segment, shortQuotes, type Line } from './segment';
import { readIndicatorTables } from './tables';
import type { ExtractOptions, Statement } from './types';

export type { ExtractOptions, Kind, Period, Qualifier, Statement } from './types';
export { parseChineseNumeral, parseAnyNumber } from './numerals';

const BULLET_ONLY_RE = /^[-•·●▶◆■□★☆>\d.、]*$/;

function isHeadingLine(lineText: string, hasMention: boolean): boolean {
  if (hasMention) return false;
  if (lineText.length > 40) return false;
  return !/[。；]$/.test(lineText);
}

/** The most frequent 20XX year in the text: a last resort for the document year. */
function mostFrequentYear(text: string): number | null {
  const counts = new Map<number, number>();
  // Base years (比2016年, 由2016年的) and target years (到2026年) do not date the document.
  for (const m of text.matchAll(/(?<![比较由从是到至])(20\d\d)年(?!的)/g)) {
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestN = 0;
  for (const [y, n] of counts) if (n > bestN) [best, bestN] = [y, n];
  return best;
}

/**
 * The first year of a span announced with its end (今后五年…到2027年 → 2023), or null. A document
 * that names its horizon and the year it ends in dates itself.
 */
export function yearOfAnnouncedSpan(text: string): number | null {
  const m = /(?:今后|未来)(三|五|十|3|5|10)年[^。]{0,60}?(?:到|至)(20\d\d)年/.exec(text);
  if (!m) {
    // A five-year plan that names itself at the top (十五五规划纲要) starts the year after 十四五 ends.
    const head = text.slice(0, 200);
    if (/实施情况|评估|执行情况|回顾/.test(head)) return null;
    const h = findHorizon(head, null);
    return h?.end !== null && h?.end !== undefined && /规划|纲要/.test(head) ? h.end - 4 : null;
  }
  const n =
    ({ 三: 3, 五: 5, 十: 10, 3: 3, 5: 5, 10: 10 } as Readonly<Record<string, number>>)[m[1] ?? ''] ?? 5;
  return Number(m[2]) - n + 1;
}

/**
 * Extracts the quantitative statements of a document. `options.year` is the year "今年" refers
 * to (the first target year); when omitted it is read from headings such as "2024年工作安排".
 */
export function extractStatements(text: string, options: ExtractOptions = {}): Statement[] {
  const clean = cleanText(text);
  const t = clean.text;
  const lines = segment(t);
  const quotes = shortQuotes(t, 10);
  const isListNumber = (s: number, e: number): boolean => {
    if ((t[s - 1] === '（' || t[s - 1] === '(') && (t[e] === '）' || t[e] === ')')) return true;
    const lineStart = t.lastIndexOf('\n', s - 1) + 1;
    if (!BULLET_ONLY_RE.test(t.slice(lineStart, s))) return false;
    const rawAfter = text[(clean.map[e - 1] ?? 0) + 1] ?? '';
    return /[\s.、．)）]/.test(rawAfter);
  };
  const mentions = scanMentions(t, quotes, isListNumber);

  // Assign mentions to lines in one sweep.
  const byLine: Mention[][] = lines.map(() => []);
  let li = 0;
  for (const m of mentions) {
    while (li < lines.length && (lines[li]?.end ?? 0) < m.start) li++;
    byLine[li]?.push(m);
  }
  const headingFlags = lines.map((l, i) =>
    isHeadingLine(t.slice(l.start, l.end), (byLine[i]?.length ?? 0) > 0),
  );
  const headingTexts = lines.filter((_, i) => headingFlags[i]).map((l) => t.slice(l.start, l.end));
  const docYear = options.year ?? inferDocYear(headingTexts) ?? yearOfAnnouncedSpan(t) ?? mostFrequentYear(t);

  // Indicator tables (表1 主要指标: 2025年 | 2030年 | 年均增长) are read by column, on the raw text.
  const tables = readIndicatorTables(text, docYear);
  let ti = 0;
  const inTable = (line: Line): boolean => {
    const rawStart = clean.map[line.start] ?? 0;
    while (ti < tables.rows.length && (tables.rows[ti]?.[1] ?? 0) < rawStart) ti++;
    const r = tables.rows[ti];
    return r !== undefined && r[0] <= rawStart && rawStart <= r[1];
  };

  const out: Statement[] = [];
  let section: Section = { period: 'achievement', year: null, horizon: null };
  const state: ClauseState = { topic: '', lastKind: null };
  lines.forEach((line: Line, i) => {
    const lineText = t.slice(line.start, line.end);
    const lineMentions = byLine[i] ?? [];
    if (inTable(line)) return;
    if (headingFlags[i]) {
      section = headingSection(lineText, docYear) ?? section;
      if (lineText.length <= 20) state.topic = lineText.replace(/^[-•·\d.、\s]+/, '');
      return;
    }
    if (lineMentions.length === 0) {
      // "今年主要预期目标是：" introduces the lines after it.
      if (/[:：]$/.test(lineText)) section = headingSection(lineText, docYear) ?? section;
      // "…今后五年要努力实现以下主要目标。": the goals after it are due at the span's end.
      else if (announcesGoalsLine(lineText, docYear)) {
        const h = findHorizon(lineText, docYear);
        section = { period: 'target', year: h?.end ?? section.year, horizon: h?.phrase ?? section.horizon };
      }
      return;
    }
    let mi = 0;
    for (const sentence of line.sentences) {
      const sText = t.slice(sentence.start, sentence.end);
      const firstFigure = lineMentions.find((m) => m.start >= sentence.start)?.start ?? sentence.end;
      if (section.period !== 'target' && announcesGoals(t.slice(sentence.start, firstFigure), docYear)) {
        // 今后五年，… opens a list of goals: later sentences inherit the period and the span.
        const h = findHorizon(sText, docYear);
        section = { period: 'target', year: h?.end ?? null, horizon: h?.phrase ?? null };
      }
      const period = sentencePeriod(sText, section.period, docYear) ?? section.period;
      const sHorizon = findHorizon(sText, docYear);
      for (const clause of line.clauses) {
        if (clause.start < sentence.start || clause.end > sentence.end) continue;
        const cms: Mention[] = [];
        while (mi < lineMentions.length && (lineMentions[mi]?.start ?? 0) < clause.end) {
          const m = lineMentions[mi++];
          if (m && m.start >= clause.start) cms.push(m);
        }
        if (cms.length === 0) continue;
        for (const f of clauseFacts(t, clause, cms, state)) {
          let targetYear: number | null = null;
          let horizon: string | undefined;
          // 年度目标增长6.5% inside a review: the target of the reviewed year.
          const reviewedTarget =
            period === 'achievement' && REVIEWED_TARGET_RE.test(t.slice(clause.start, f.at));
          if (reviewedTarget) {
            const prior = section.reviewed ?? (docYear === null ? null : docYear - 1);
            targetYear = prior !== null && prior < (docYear ?? Infinity) ? prior : docYear;
          } else if (period === 'target') {
            // Precedence: a year in the sentence, the sentence's horizon, a year earlier in the
            // paragraph (items after "到2026年，" are split by ；), the section's horizon.
            const sy = explicitYear(t.slice(sentence.start, f.at));
            const ly = explicitYear(t.slice(line.start, f.at));
            const ok = (y: number | null): y is number => y !== null && (docYear === null || y >= docYear);
            const sectionH = section.horizon !== null ? { phrase: section.horizon, end: section.year } : null;
            if (ok(sy)) targetYear = sy;
            else if (sHorizon !== null) {
              targetYear = sHorizon.end;
              horizon = sHorizon.phrase;
            } else if (ok(ly)) targetYear = ly;
            else if (sectionH !== null) {
              targetYear = sectionH.end;
              horizon = sectionH.phrase;
            } else targetYear = /今年|年度|全年/.test(sText) ? docYear : (section.year ?? docYear);
          }
          const [rs, re] = toRaw(clean, text, f.start, f.end);
          const st: Statement = {
            text: text.slice(rs, re),
            subject: f.subject,
            value: f.value,
            unit: f.unit,
            kind: f.kind,
            qualifier: f.qualifier,
            period: reviewedTarget ? 'target' : period,
            target_year: targetYear,
            start: rs,
            end: re,
          };
          if (horizon !== undefined) st.horizon = horizon;
          out.push(st);
        }
      }
    }
  });
  if (tables.statements.length === 0) return out;
  return [...out, ...tables.statements].sort((a, b) => a.start - b.start);
}
