/**
 * The generated sentences of a bulletin, built from the numbers only:
 * 「1—10月，全区地区生产总值完成1781.8亿元，同比增长6.1%，完成年度目标的84.8%。」
 * Amounts use the domain's official unit formatting (亿元, 万人); percentages one decimal.
 */
import { formatChinese, formatQuantity } from '../units';
import type { HeadlineFigure } from './types';

/** `84.8%`: one decimal, trailing zero dropped. */
export function percentText(value: number): string {
  return formatQuantity(Math.round(value * 10) / 10, '%', { maxFractionDigits: 1 });
}

function change(f: HeadlineFigure): string {
  if (f.previous === null) return '';
  const annual = f.label.endsWith('年');
  const compared = annual ? '比上年' : '同比';
  if (f.measure === 'ratio' || f.unit === '%') {
    const diff = Math.round((f.value - f.previous) * 100) / 100;
    if (diff === 0) return `，与${annual ? '上年' : '上年同期'}持平`;
    const amount = formatQuantity(Math.abs(diff), f.unit === '%' ? 'pp' : f.unit, { maxFractionDigits: 2 });
    return `，${compared}${diff > 0 ? '提高' : '下降'}${amount}`;
  }
  if (f.previous === 0) return '';
  const growth = Math.round((f.value / f.previous - 1) * 1000) / 10;
  if (growth === 0) return `，与${annual ? '上年' : '上年同期'}持平`;
  return `，${compared}${growth > 0 ? '增长' : '下降'}${percentText(Math.abs(growth))}`;
}

function completion(f: HeadlineFigure): string {
  if (!f.target || f.target.value <= 0 || f.measure === 'ratio') return '';
  const which = f.target.year === f.year ? '年度' : `${f.target.year}年`;
  return `，完成${which}目标的${percentText((f.value / f.target.value) * 100)}`;
}

/** One figure's sentence. */
export function headlineSentence(f: HeadlineFigure): string {
  const verb = f.measure === 'flow' ? '完成' : f.measure === 'stock' ? '达到' : '为';
  return `${f.label}，全区${f.name}${verb}${formatChinese(f.value, f.unit)}${change(f)}${completion(f)}。`;
}

/** `已实现3项、进展正常5项` from counts, leaving out the zeros; `''` when all are zero. */
export function countList(parts: readonly [string, number][], unit = '项'): string {
  return parts
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label}${n}${unit}`)
    .join('、');
}
