// Subjects: the indicator a number measures, read from the words before it in its clause (or
// after it when the number leads), with verbs, scope words and cue words trimmed.

const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/社零总额|社零额|社零/, '社会消费品零售总额'],
  [/^GDP|^生产总值/, '地区生产总值'],
  [/规上工业/, '规模以上工业'],
  [/固投/, '固定资产投资'],
  [/^CPI|^居民消费价格指数/, '居民消费价格'],
  [/一般公共预算收入|地方一般公共预算收入/, '一般公共预算收入'],
];

/** Expands the usual abbreviations (社零总额 → 社会消费品零售总额, GDP → 地区生产总值). */
export function expandAbbreviations(s: string): string {
  let out = s;
  for (const [re, full] of ABBREVIATIONS) out = out.replace(re, full);
  return out;
}

const LEAD_RE =
  /^(?:[-•·●▶◆■□★☆>〉、，,：:\d.．)）]+|其中|同时|并且|并|且|以及|和|及|与|全年|当年|预计|力争|确保|争取|计划|目标是|主要预期目标是|预期目标是|今年|明年|去年|每年|年年|上年|过去一年|截至(?:目前|年底|年末)?|目前|到(?:20\d\d年)?(?:底|末)?|20\d\d年(?:底|末|度)?|全区|全市|全县|全省|全镇|我区|我市|我县|累计|实现|完成|新增加|已|共|总计|合计|共计|达到)/;

const TRAIL_RE =
  /(?:分别|均|都|同比|比上年|较上年|比去年|较去年|比上年末|年均|累计|共|总计|合计|共计|达到了?|达|为|是|实现|完成|增至|增加到|增长到|提高到|提升到|提高至|提升至|上升到|上升至|下降到|下降至|降至|降到|突破|超过|超|逾|近|接近|将近|约为?|大约|保持在|保持|稳定在|控制在|稳居|位居|居|位列|排名|排|升至|跃居|跃升至|迈上|跃上|站上|迈入|首次|全年|预计|力争|确保|争取|增长|增速|增幅|涨幅|下降|降低|提高|提升|增加|减少|上涨|回落|不低于|不少于|不超过|低于|高于|快于|慢于|有|已|再|新|的|每年|、|等|规模达|从|由|比20\d\d年|20\d\d年(?:底|末)?的?|全国|全省|全市|全区|全县|中心城区|主城都市区|主城区|西部|中西部|同类城市|区县|行政区|国内|省内|市内)$/;

/** Which change a trimmed verb expressed, for naming growth subjects. */
export type Change = 'growth' | 'avgGrowth' | 'decline' | null;

/** A trimmed subject with the change verb that sat between it and the number. */
export interface SubjectParse {
  subject: string;
  change: Change;
}

/** Trims scope, connector and verb words around a window of text before a number. */
export function parseWindow(window: string): SubjectParse {
  let s = window.replace(/[（(][^）)]*[）)]/g, '');
  let change: Change = null;
  if (/年均(?:增长|增速)/.test(s)) change = 'avgGrowth';
  else if (/(?:下降|降低|减少|回落|降幅)[^增]*$/.test(s)) change = 'decline';
  else if (/(?:增长|增速|增幅|涨幅|上涨|提高|提升|增加)(?!到|至)[^增]*$/.test(s)) change = 'growth';
  // 曾家岩大桥等20个…: the examples before 等 are not the subject.
  const deng = s.lastIndexOf('等');
  if (deng >= 0 && deng >= s.length - 3) s = '';
  for (let guard = 0; guard < 8; guard++) {
    const m = LEAD_RE.exec(s);
    if (!m || m[0] === '') break;
    s = s.slice(m[0].length);
  }
  for (let guard = 0; guard < 8; guard++) {
    const m = TRAIL_RE.exec(s);
    if (!m || m[0] === '') break;
    s = s.slice(0, s.length - m[0].length);
  }
  return { subject: s, change };
}

/** The noun after a leading number: "**48个**“渝中怡家”社区综合服务体" → “渝中怡家”社区综合服务体. */
export function suffixNoun(after: string): string {
  let s = after.replace(/^(?:的|以上|左右)/, '');
  s = s.replace(/[（(][^）)]*[）)]/g, '');
  const cut = s.search(/[、和，。；]/);
  return (cut >= 0 ? s.slice(0, cut) : s).slice(0, 24);
}

const METRIC_TAIL_RE =
  /(参保率|覆盖率|普及率|达标率|满意度|增加值|营业收入|收入|余额|规模|总额|产值|投资|比重|占比|增速|排名)$/;

/**
 * Splits a subject shared by several indicators (A、B参保率 → A参保率, B参保率). The metric tail
 * of the last item is lent to items that lack one.
 */
export function splitShared(subject: string): string[] {
  if (!subject.includes('、')) return [subject];
  const parts = subject.split('、').filter((p) => p.length > 0);
  if (parts.length < 2 || parts.length > 8 || parts.some((p) => p.length > 20)) return [subject];
  const last = parts[parts.length - 1] ?? '';
  const tail = METRIC_TAIL_RE.exec(last)?.[1] ?? '';
  return parts.map((p, i) => (i < parts.length - 1 && tail !== '' && !METRIC_TAIL_RE.test(p) ? p + tail : p));
}

/** Splits a 分别 list of subjects on 、 和 及 与. */
export function splitList(subject: string): string[] {
  return subject
    .split(/、|和|及|与|以及/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Subjects too generic to stand alone: they take the topic of the previous clause. */
export const ELLIPTICAL_RE = /^(?:规模|总量|总额|增速|增幅|比重|占比|数量|总数|其中|满意度|覆盖率|同比)$/;
