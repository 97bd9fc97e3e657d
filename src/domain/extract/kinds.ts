// Kind of a plain number: decided by its unit family and the verb before it.
import type { Mention } from './mentions';
import type { Kind } from './types';
import { INTENSITY_RE } from './units';

const GROWTH_CUE =
  /增长率|增长|增速|增幅|涨幅|上涨|下降|降低|减少|回落|提高|提升|增加|扩大|缩小|收窄|上升|下滑|降幅|拉动/g;
const REACH_CUE =
  /提高到|提升到|提高至|提升至|增至|增加到|增长到|上升到|上升至|下降到|下降至|降至|降到|占|比重|占比|率|覆盖|满意度|指数|强度|比例|水平|达标/g;

function lastEnd(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let end = -1;
  for (let m = re.exec(s); m; m = re.exec(s)) end = m.index + m[0].length;
  return end;
}

/**
 * Whether a percentage is a change (growth_rate) rather than a share: the change verb must be
 * the last cue before the number (提高到 and 占…比重 name a level reached).
 */
export function percentIsGrowth(window: string): boolean {
  const w = window.replace(/增加值/g, '＿＿＿');
  const g = lastEnd(GROWTH_CUE, w);
  const r = lastEnd(REACH_CUE, w);
  return g >= 0 && g >= r;
}

/** Aggregates measured in discrete units are still amounts: 产量 of cars, 吞吐量 of boxes. */
const LEVEL_SUBJECT_RE =
  /(产量|产值|吞吐量|发电量|用电量|供应量|成交量|客运量|货运量|旅客量|接待量|总量|规模)$/;

/** Context a plain mention's kind depends on. */
export interface KindContext {
  window: string;
  subject: string;
  /** 每年 before the number, or a streak earlier in the clause. */
  annual: boolean;
}

/** Decides the kind of a mention. */
export function decideKind(m: Mention, ctx: KindContext): Kind {
  switch (m.special) {
    case 'streak':
      return 'streak';
    case 'rank':
      return 'rank';
    case 'double':
    case 'doubleTwo':
      return 'ratio';
    case 'tier':
      return 'level';
    case 'plain':
      break;
  }
  switch (m.family) {
    case 'percent':
      if (percentIsGrowth(ctx.window)) return 'growth_rate';
      return ctx.annual ? 'annual_floor' : 'share';
    case 'pp':
      return 'growth_rate';
    case 'multiple':
      return 'ratio';
    case 'money':
    case 'area':
    case 'length':
    case 'weight':
    case 'volume':
    case 'concentration':
    case 'energy':
    case 'container':
    case 'duration':
      return ctx.annual ? 'annual_floor' : 'level';
    case 'count':
      if (ctx.annual) return 'annual_floor';
      return INTENSITY_RE.test(ctx.subject) || LEVEL_SUBJECT_RE.test(ctx.subject) ? 'level' : 'count';
  }
}
