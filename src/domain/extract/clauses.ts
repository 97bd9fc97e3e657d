// Turns the mentions of one clause into labelled facts (without period): subjects, kinds,
// 分别 lists, shared subjects, streak + floor/rank pairs, ranges already merged upstream.
import { decideKind } from './kinds';
import type { Mention } from './mentions';
import {
  ELLIPTICAL_RE,
  expandAbbreviations,
  parseWindow,
  splitList,
  splitShared,
  suffixNoun,
  type Change,
} from './subjects';
import type { Range } from './segment';
import type { Kind, Qualifier } from './types';
import { impliedUnit, unitFamily } from './units';

/**
 * The subjects one value stands for. A rate, share, rank or multiple holds for each subject named
 * (A、B参保率超96% → two; A和B翻一番 → two); a count or amount after several nouns is their total
 * (新建、改扩建中小学和幼儿园9所 → one), unless 均/各/分别 hands it to each.
 */
function sharedSubjects(base: string, kind: Kind, m: Mention, window: string): string[] {
  if (m.special === 'doubleTwo') return splitList(base);
  if ((kind === 'count' || kind === 'level') && !/[均各都]|分别/.test(window)) return [base];
  if (kind === 'ratio' && /和|与|及/.test(base)) {
    const parts = splitList(base.replace(/(?:在|比)?(?:20\d\d年)?的?基础上$/, ''));
    if (parts.length >= 2 && parts.length <= 4 && parts.every((p) => p.length >= 2 && p.length <= 16)) {
      return parts;
    }
  }
  return splitShared(base);
}

/** A fact before period and target year are attached. Offsets refer to the clean text. */
export interface Fact {
  start: number;
  end: number;
  /** Offset of the number, for reading target-year cues before it. */
  at: number;
  subject: string;
  value: number;
  unit: string;
  kind: Kind;
  qualifier: Qualifier;
}

/** State carried from clause to clause: the last indicator named, for elliptical subjects. */
export interface ClauseState {
  topic: string;
  /** Kind of the last fact, for bare percentages that continue it. */
  lastKind: Kind | null;
}

const LIST_GAP_RE = /^[、和及与]?$/;
/** Text after a number that starts another predicate, not the counted noun. */
const NOT_NOUN_RE =
  /^(?:[、和及与]|增长|增速|下降|同比|比上年|较上年|占|达|居|位居|位列|排名|增幅|提高|分别|年均)/;

function decorate(base: string, kind: Kind, change: Change, m: Mention): string {
  switch (kind) {
    case 'growth_rate':
      if (/增速|增幅|降幅|增长率/.test(base)) return base;
      if (m.family === 'pp') return `${base}变化`;
      return base + (change === 'avgGrowth' ? '年均增速' : change === 'decline' ? '降幅' : '增速');
    case 'annual_floor':
      return `${base}(每年)`;
    case 'rank':
      return `${base}${m.scope}排名`;
    case 'level':
      if (m.family === 'length' && !/长度|里程$/.test(base)) return `${base}长度`;
      if (m.family === 'area' && !/面积$/.test(base)) return `${base}面积`;
      return base;
    case 'share':
      return /占$/.test(base) ? `${base}比重` : base;
    case 'count':
    case 'ratio':
    case 'streak':
      return base;
  }
}

/** Propagates a list-final cue (x%、y%以上) or list-initial cue (超x、y) to the other items. */
function propagateListQualifiers(text: string, ms: readonly Mention[]): void {
  let i = 0;
  while (i < ms.length) {
    let j = i;
    while (j + 1 < ms.length) {
      const a = ms[j];
      const b = ms[j + 1];
      if (a === undefined || b === undefined || !LIST_GAP_RE.test(text.slice(a.qEnd, b.qStart))) break;
      j++;
    }
    const first = ms[i];
    const last = ms[j];
    if (j > i && first !== undefined && last !== undefined) {
      const q = last.suffixQ ?? first.prefixQ;
      if (q !== null) for (let k = i; k <= j; k++) if (ms[k] && !ms[k].cued) ms[k].qualifier = q;
    }
    i = j + 1;
  }
}

/** The unit a subject implies when a scaled number has none (常住人口1400万 → 人). */
function unitFromSubject(subject: string): string {
  if (/人口|人数|就业|游客|人才|人员|学生|居民$/.test(subject)) return '人';
  if (/投资|收入|总额|产值|增加值|生产总值|余额|营收|销售额|支出|成交额|规模|贷款|存款/.test(subject))
    return '元';
  if (/户$|市场主体/.test(subject)) return '户';
  return '';
}

/** Extracts the facts of one clause. */
export function clauseFacts(text: string, clause: Range, ms: readonly Mention[], state: ClauseState): Fact[] {
  const facts: Fact[] = [];
  propagateListQualifiers(text, ms);
  let prevEnd = clause.start;
  let streakSubject: string | null = null;
  let listKind: Kind | null = null;
  let structWindow = '';
  const clauseText = text.slice(clause.start, clause.end);
  const fenbie = clauseText.indexOf('分别');
  const fenbieAt = fenbie >= 0 ? clause.start + fenbie : -1;
  const afterFenbie = fenbieAt >= 0 ? ms.filter((m) => m.start > fenbieAt) : [];
  if (afterFenbie.length >= 2) {
    const lw = parseWindow(text.slice(clause.start, fenbieAt));
    const subjects = splitList(expandAbbreviations(lw.subject));
    const verb = text.slice(fenbieAt, afterFenbie[0].qStart);
    const spanStart = clause.start + Math.max(0, clauseText.indexOf(lw.subject.slice(0, 2)));
    const spanEnd = afterFenbie[afterFenbie.length - 1].qEnd;
    afterFenbie.forEach((m, i) => {
      const base = subjects.length === afterFenbie.length ? (subjects[i] ?? '') : subjects.join('、');
      const kind = decideKind(m, { window: verb, subject: base, annual: /每年/.test(verb) });
      facts.push({
        start: spanStart,
        end: spanEnd,
        at: m.start,
        subject: decorate(base, kind, lw.change ?? parseWindow(verb).change, m),
        value: m.value,
        unit: impliedUnit(base, m.unit),
        kind,
        qualifier: m.qualifier,
      });
    });
  }
  for (let idx = 0; idx < ms.length; idx++) {
    const m = ms[idx];
    if (afterFenbie.includes(m)) continue;
    const windowStart = prevEnd;
    const window = text.slice(windowStart, m.qStart);
    prevEnd = m.special === 'streak' ? m.end : m.qEnd;
    const next = ms[idx + 1];
    const wp = parseWindow(window);
    let base = expandAbbreviations(wp.subject);
    let start = windowStart + Math.max(0, window.indexOf(wp.subject.slice(0, 2)));
    if (wp.subject === '') start = m.qStart;
    let end = m.qEnd;
    const listItem = idx > 0 && LIST_GAP_RE.test(window);
    if (m.special === 'plain' && !listItem) {
      const afterEnd = next ? next.qStart : clause.end;
      const after = text.slice(m.qEnd, afterEnd);
      const noun = NOT_NOUN_RE.test(after) ? '' : suffixNoun(after);
      if (noun.length >= 2 && base.length <= 4) {
        base = base + noun;
        end = m.qEnd + after.indexOf(noun) + noun.length;
        prevEnd = end;
      }
    }
    if (base === '' || ELLIPTICAL_RE.test(base)) base = state.topic + base;
    // 每年…, 保持在X以上 (guide: a floor held every year), or a floor inside a streak.
    const annual =
      /每年|年年/.test(window) ||
      (/保持在$/.test(window) && m.qualifier === 'at_least') ||
      (streakSubject !== null && (m.qualifier !== 'exact' || /(?:保持|稳定|维持)[在于]?$/.test(window)));
    if (m.special === 'streak') {
      const rest = text.slice(m.end, clause.end);
      const cond = (wp.subject + rest).replace(/^[，、]/, '');
      facts.push({
        start,
        end: Math.min(clause.end, m.end + 24),
        at: m.start,
        subject: `${cond}的连续年数`,
        value: m.value,
        unit: '年',
        kind: 'streak',
        qualifier: 'exact',
      });
      streakSubject = wp.subject !== '' ? base : state.topic;
      if (wp.subject !== '') state.topic = base;
      continue;
    }
    if (m.part !== undefined) {
      if (m.part === 0) structWindow = window;
      const industry = /产业/.test(structWindow) ? (['第一产业', '第二产业', '第三产业'][m.part] ?? '') : '';
      const name = industry !== '' ? `${industry}增加值占比` : `${base}第${m.part + 1}部分占比`;
      facts.push({
        start,
        end,
        at: m.start,
        subject: name,
        value: m.value,
        unit: '%',
        kind: 'share',
        qualifier: m.qualifier,
      });
      continue;
    }
    // A bare percentage right after a growth figure compares growth (低于3%左右的目标).
    const bareFollower = wp.subject === '' && m.family === 'percent' && !/[率比占]/.test(window);
    let kind: Kind | null =
      listItem && listKind !== null && m.family === ms[idx - 1]?.family ? listKind : null;
    kind ??= bareFollower && state.lastKind === 'growth_rate' ? 'growth_rate' : null;
    const unit = m.unit !== '' ? m.unit : unitFromSubject(base);
    if (unit === '') continue;
    const mu = m.unit !== '' ? m : { ...m, unit, family: unitFamily(unit) };
    kind ??= decideKind(mu, { window, subject: base, annual });
    if (streakSubject !== null && wp.subject === '') base = streakSubject;
    const subjects = sharedSubjects(base, kind, m, window);
    for (const s of subjects) {
      facts.push({
        start,
        end,
        at: m.start,
        subject: decorate(s, kind, wp.change, m),
        value: m.value,
        unit: impliedUnit(s, unit),
        kind,
        qualifier: m.qualifier,
      });
    }
    listKind = kind;
    state.lastKind = kind;
    if (wp.subject !== '' && !ELLIPTICAL_RE.test(wp.subject)) state.topic = base;
  }
  return facts;
}
