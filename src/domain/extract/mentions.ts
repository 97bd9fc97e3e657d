// Finds every number-bearing mention in the clean text in one regex pass: the value, its unit,
// the qualifier cues around it, and what special form it takes (rank, streak, tier, multiple).
import {
  fractionToPercent,
  mul,
  parseAnyNumber,
  parseArabic,
  parseChineseNumeral,
  scaleOf,
} from './numerals';
import { combineQualifier, prefixCue, suffixCue } from './qualifiers';
import { joinRanges } from './ranges';
import type { Range } from './segment';
import {
  canonicalUnit,
  DATE_AFTER_RE,
  UNIT_RE,
  unitAllowedForChinese,
  unitFamily,
  type UnitFamily,
} from './units';
import type { Qualifier } from './types';

/** The form a mention takes, which fixes or biases its kind. */
export type Special = 'plain' | 'streak' | 'rank' | 'tier' | 'double' | 'doubleTwo';

/** One number found in the text. Offsets refer to the clean text. */
export interface Mention {
  /** Start of the number itself. */
  start: number;
  /** End of the number with its unit. */
  end: number;
  /** Start including a qualifier cue before the number. */
  qStart: number;
  /** End including a qualifier cue after the unit. */
  qEnd: number;
  value: number;
  unit: string;
  family: UnitFamily;
  special: Special;
  qualifier: Qualifier;
  /** Whether a cue (prefix, suffix, 余/多) set the qualifier. */
  cued: boolean;
  /** Cue placement, for propagating a list's qualifier. */
  prefixQ: Qualifier | null;
  suffixQ: Qualifier | null;
  /** A number with no unit yet (may take the unit of the next list item). */
  bare: boolean;
  /** The digits as written, before the magnitude word, and that word's multiplier. */
  base: number;
  scale: number;
  /** Scope word before a rank (全市, 全国…). */
  scope: string;
  /** Position in an a:b:c structure (三次产业结构 2.1:38.6:59.3), else undefined. */
  part?: number;
}

const CN = '零〇一二两三四五六七八九十百千万亿';
const MASTER = new RegExp(
  [
    `(?<sk>连续(?<skn>\\d+|[一二两三四五六七八九十]+)个?年)`,
    `(?<rf>首位)`,
    `(?<rk>第(?<rkn>\\d+|[一二三四五六七八九十]+)(?<rku>名|位)?)`,
    `(?<pc>百分之(?<pcn>\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百点]+))`,
    `(?<fc>(?<fcd>[一二两三四五六七八九十百]+)分之(?<fcn>[一二两三四五六七八九十]+))`,
    `(?<db>翻了?两番|翻了?一番|翻番|双倍增|倍增)`,
    `(?<hf>一半|过半|半数)`,
    `(?<tn>(?<tnn>[一二三四五六七八九]|\\d)成(?![为立功果本员都效绩交型长品熟立就片群年人]))`,
    `(?<st>\\d+(?:\\.\\d+)?(?::\\d+(?:\\.\\d+)?){2,3})`,
    `(?<fa>(?<fan>\\d+)\\/(?<fad>\\d+)(?![\\d.]))`,
    `(?<tier>(?<![\\d${CN}.])(?<tiers>万亿|千亿|百亿|十亿|千万|百万|十万|亿)(?<tieru>元|美元)?(?<tierk>级|大关|台阶))`,
    `(?<ar>(?<arn>\\d+(?:,\\d{3})*(?:\\.\\d+)?)(?<ar1>余|多)?(?<ars>万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千(?![瓦米克]))?(?<ar2>余|多)?)`,
    `(?<hb>(?<hbn>[十百千万])(?:余|多))`,
    `(?<cn>(?<cnn>[${CN}]*[一二两三四五六七八九十][${CN}]*)(?<cn2>余|多)?)`,
  ].join('|'),
  'g',
);

const RANK_SCOPE_RE =
  /(全国|全省|全市|全区|全县|中心城区|主城都市区|主城区|城区|西部|中西部|东部|中部|西南|同类城市|副省级城市|省会城市|区县|行政区|全球|世界|国内|省内|市内|排名|名列|位居|位列|稳居|居|保持|升至|跃居|跃升至|跻身|列|排)$/;
const RANK_REJECT_AFTER = /^[批届次季期章条节款轮年大类梯方阶产代部编号]/;
const SCOPE_WORD_RE =
  /(全国|全省|全市|全区|全县|中心城区|主城都市区|主城区|西部|中西部|东部|中部|西南|同类城市|副省级城市|省会城市|区县|行政区|全球|世界|国内|省内|市内)/;

function base(start: number, end: number, value: number, unit: string, special: Special): Mention {
  return {
    start,
    end,
    qStart: start,
    qEnd: end,
    value,
    unit: canonicalUnit(unit),
    family: unitFamily(unit),
    special,
    qualifier: 'exact',
    cued: false,
    prefixQ: null,
    suffixQ: null,
    bare: false,
    base: value,
    scale: 1,
    scope: '',
  };
}

function inRanges(ranges: readonly Range[], pos: number, hint: { i: number }): boolean {
  while (hint.i < ranges.length && (ranges[hint.i]?.end ?? 0) <= pos) hint.i++;
  const r = ranges[hint.i];
  return r !== undefined && r.start <= pos && pos < r.end;
}

/** Reads the unit starting at `pos`, or ''. */
function unitAt(text: string, pos: number): string {
  UNIT_RE.lastIndex = pos;
  const m = UNIT_RE.exec(text);
  return m ? m[0] : '';
}

/** Scans the clean text for mentions. `raw`/`map` are used only to spot list numbering. */
export function scanMentions(
  text: string,
  quotes: readonly Range[],
  isListNumber: (start: number, end: number) => boolean,
): Mention[] {
  const out: Mention[] = [];
  const qHint = { i: 0 };
  MASTER.lastIndex = 0;
  for (let m = MASTER.exec(text); m; m = MASTER.exec(text)) {
    const g = m.groups ?? {};
    const start = m.index;
    let end = start + m[0].length;
    if (inRanges(quotes, start, qHint)) continue;
    let mention: Mention | null = null;
    let moreThan = false;
    if (g.st !== undefined) {
      // An a:b:c structure gives one share per part, all sharing the span.
      if (!/结构|比例|之比|比为/.test(text.slice(Math.max(0, start - 12), start))) continue;
      const parts = g.st.split(':').map(Number);
      parts.forEach((v, part) => {
        const pm = base(start, end, v, '%', 'plain');
        pm.part = part;
        out.push(pm);
      });
      continue;
    }
    if (g.sk !== undefined) {
      const v = parseAnyNumber(g.skn ?? '');
      if (v === null || v < 2) continue;
      mention = base(start, end, v, '年', 'streak');
    } else if (g.rf !== undefined) {
      // 居全省首位: first place within a stated scope is a rank of 1.
      const before = text.slice(Math.max(0, start - 8), start);
      const sc = SCOPE_WORD_RE.exec(before);
      if (!sc) continue;
      mention = base(start, end, 1, '名', 'rank');
      mention.scope = sc[1] ?? '';
    } else if (g.rk !== undefined) {
      const v = parseAnyNumber(g.rkn ?? '');
      if (v === null || v < 1) continue;
      const after = text.slice(end, end + 2);
      const before = text.slice(Math.max(0, start - 8), start);
      const scoped = RANK_SCOPE_RE.test(before);
      if (g.rku === undefined) {
        if (after.startsWith('个')) {
          if (!SCOPE_WORD_RE.test(before)) continue;
        } else if (RANK_REJECT_AFTER.test(after) || !scoped) continue;
      }
      mention = base(start, end, v, '名', 'rank');
      const sc =
        /(全国|全省|全市|全区|全县|中心城区|主城都市区|主城区|西部|中西部|东部|中部|西南|同类城市|副省级城市|省会城市|行政区|全球|世界|国内|省内|市内)[^，。；]{0,6}$/.exec(
          before,
        );
      mention.scope = sc ? (sc[1] ?? '') : '';
    } else if (g.pc !== undefined) {
      const v = parseAnyNumber(g.pcn ?? '');
      if (v === null) continue;
      mention = base(start, end, v, '%', 'plain');
    } else if (g.fc !== undefined) {
      const d = parseChineseNumeral(g.fcd ?? '');
      const n = parseChineseNumeral(g.fcn ?? '');
      const v = d === null || n === null ? null : fractionToPercent(n, d);
      if (v === null) continue;
      mention = base(start, end, v, '%', 'plain');
    } else if (g.db !== undefined) {
      const w = g.db;
      mention = base(start, end, w.includes('两番') ? 4 : 2, '倍', w === '双倍增' ? 'doubleTwo' : 'double');
    } else if (g.hf !== undefined) {
      mention = base(start, end, 50, '%', 'plain');
      if (g.hf === '过半') moreThan = true;
    } else if (g.tn !== undefined) {
      const v = parseAnyNumber(g.tnn ?? '');
      if (v === null) continue;
      mention = base(start, end, v * 10, '%', 'plain');
    } else if (g.fa !== undefined) {
      const v = fractionToPercent(Number(g.fan), Number(g.fad));
      if (v === null || Number(g.fad) > 100) continue;
      mention = base(start, end, v, '%', 'plain');
    } else if (g.tier !== undefined) {
      const s = scaleOf(g.tiers ?? '') ?? 1;
      mention = base(start, end, s, g.tieru ?? '元', 'tier');
      mention.family = 'money';
      mention.scale = s;
      mention.base = 1;
    } else if (g.ar !== undefined) {
      const prev = text[start - 1] ?? '';
      if (/[A-Za-z.]/.test(prev)) continue;
      const n = parseArabic(g.arn ?? '0');
      const scale = scaleOf(g.ars ?? '') ?? 1;
      let unit = unitAt(text, end);
      // 11.8年 (受教育年限): a fractional number of years is an amount, never a date.
      if (scale === 1 && unit === '' && text[end] === '年' && (g.arn ?? '').includes('.')) unit = '年';
      else if (scale === 1 && DATE_AFTER_RE.test(text.slice(end, end + 2)) && !unit.startsWith('年'))
        continue;
      if (unit === '' && DATE_AFTER_RE.test(text.slice(end, end + 2))) continue;
      if (isListNumber(start, end)) continue;
      moreThan = g.ar1 !== undefined || g.ar2 !== undefined;
      mention = base(start, end + unit.length, mul(n, scale), unit, 'plain');
      mention.base = n;
      mention.scale = scale;
      if (unit === '') {
        if (/[A-Za-z]/.test(text[end] ?? '')) continue;
        mention.bare = true;
      }
      end += unit.length;
    } else if (g.hb !== undefined) {
      // 百余个, 千余家: a bare magnitude followed by 余/多 means "more than 100/1000".
      const unit = unitAt(text, end);
      if (unit === '' || !unitAllowedForChinese(unit)) continue;
      moreThan = true;
      mention = base(
        start,
        end + unit.length,
        scaleOf(g.hbn ?? '') ?? (g.hbn === '百' ? 100 : 10),
        unit,
        'plain',
      );
      end += unit.length;
    } else if (g.cn !== undefined) {
      const v = parseChineseNumeral(g.cnn ?? '');
      if (v === null) continue;
      const unit = unitAt(text, end);
      if (unit === '' || !unitAllowedForChinese(unit)) continue;
      // 一个, 一家, 一批: far more often an article than a count.
      if (v === 1 && !unit.endsWith('百分点')) continue;
      // 五位一体, 两个一百年, 三个一批: a numeral right after the unit marks a slogan.
      if (/[一二两三四五六七八九十百]/.test(text[end + unit.length] ?? '')) continue;
      moreThan = g.cn2 !== undefined;
      mention = base(start, end + unit.length, v, unit, 'plain');
      end += unit.length;
    }
    if (mention === null) continue;
    // 年 after a plain number is a duration or a date (用3年时间, 近5年), never a value.
    if (mention.special === 'plain' && mention.unit.startsWith('年') && mention.unit !== '年') continue;
    if (mention.special === 'plain' && mention.unit === '年' && Number.isInteger(mention.value)) continue;
    // 两位数增长 describes a size; 3岁以下婴幼儿 and 60岁以上老人 name a group of people.
    if (mention.unit === '位' && text[end] === '数') continue;
    const afterAge = text.slice(end, end + 6).replace(/^(?:及?以[上下]|左右)/, '');
    if (mention.unit === '岁' && /^的?[\u4e00-\u9fff]/.test(afterAge)) continue;
    const pre = mention.special === 'rank' || mention.special === 'streak' ? null : prefixCue(text, start);
    const suf = mention.special === 'rank' || mention.special === 'streak' ? null : suffixCue(text, end);
    mention.prefixQ = pre?.qualifier ?? null;
    mention.suffixQ = suf?.qualifier ?? null;
    mention.qStart = start - (pre?.length ?? 0);
    mention.qEnd = end + (suf?.length ?? 0);
    mention.qualifier = combineQualifier(mention.prefixQ, mention.suffixQ, moreThan);
    if (mention.special === 'tier') {
      const k = g.tierk;
      if (mention.qualifier === 'exact') mention.qualifier = k === '大关' ? 'exceeded' : 'at_least';
    }
    mention.cued = pre !== null || suf !== null || moreThan;
    out.push(mention);
  }
  return joinRanges(text, out);
}
