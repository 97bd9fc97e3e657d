/**
 * Proposed indicators: one per subject (and base unit), with a readable display unit and the
 * exact conversion of a statement's base-unit value into it.
 */
import type { IndicatorDef } from '../../plan-file';
import { convertValue } from '../../units';
import type { Statement } from '../types';

/** A statement's value in an indicator's display unit (exact decimal shift). */
export function toDisplay(value: number, baseUnit: string, displayUnit: string): number {
  const r = convertValue(value, baseUnit, displayUnit);
  return r.ok ? r.value : value;
}

/**
 * A readable unit for a base unit given a typical value: 元 ≥ 1e8 → 亿元, ≥ 1e4 → 万元;
 * 人 and 平方米 ≥ 1e4 → 万…. Compound units scale their numerator (元/平方公里 → 亿元/平方公里).
 */
export function displayUnit(baseUnit: string, value: number): string {
  const [num = baseUnit, ...rest] = baseUnit.split('/');
  const tail = rest.length ? '/' + rest.join('/') : '';
  const v = Math.abs(value);
  if (num === '元' && v >= 1e8) return `亿元${tail}`;
  if (['元', '人', '平方米', '户', '元人民币'].includes(num) && v >= 1e4) return `万${num}${tail}`;
  return baseUnit;
}

const DOWN_RE = /下降|降低|减少|失业率|能耗|排放|事故|PM2\.?5|浓度|耗时|时间|压缩|发生率|死亡率/;
const MONEY_RE = /生产总值|增加值|收入|经费|投入|投资|总额|产值|营收|规模|余额|支出|消费/;

/** Indicator name for a subject: the extractor's "(每年)" marks the target kind, not the thing. */
export function indicatorName(st: Statement): string {
  const name = st.subject.replace(/[（(]每年[)）]$/, '').trim();
  if (st.kind === 'growth_rate' && st.period === 'target') {
    // A growth-rate target is set on the level that grows: 研发经费投入年均增速 → 研发经费投入.
    return name.replace(/(?:年均)?(?:增速|增长率|增幅|增长)$/, '') || name;
  }
  return name || st.text.replace(/\*\*/g, '').trim();
}

/** Base unit and display unit of the indicator a statement measures. */
export function indicatorUnits(st: Statement): { base: string; display: string } {
  if (st.kind === 'growth_rate' && st.period === 'target') {
    // The rate's unit is %, the level's is not written; money is the common case, else unknown.
    const base = MONEY_RE.test(st.subject) ? '元' : '待定';
    return { base, display: base === '元' ? '亿元' : base };
  }
  return { base: st.unit, display: displayUnit(st.unit, st.value) };
}

/** The indicator definition proposed for a statement (id and note filled by the caller). */
export function proposeIndicator(st: Statement, id: string, note: string): IndicatorDef {
  const name = indicatorName(st);
  const { display } = indicatorUnits(st);
  const rank = st.kind === 'rank';
  // A streak counts good years (连续五年未发生事故): more is better whatever it names.
  const down = rank || (st.kind !== 'streak' && (st.qualifier === 'at_most' || DOWN_RE.test(name)));
  const ratio = ['%', 'pp', '名', '倍'].includes(display) || display.includes('/');
  const stock = /总数|余额|总量|累计|面积|长度|人口|拥有量/.test(name) || st.kind === 'count';
  return {
    id,
    name,
    unit: display,
    direction: down ? 'down' : 'up',
    frequency: 'annual',
    measure: ratio ? 'ratio' : stock ? 'stock' : 'flow',
    note,
  };
}
