/** A warning as a Chinese sentence (the API's `message`; the web app words the code in its language). */
import type { DataWarning } from './rules';

const n = (v: string | number | undefined) =>
  typeof v === 'number' ? String(Math.round(v * 10000) / 10000) : (v ?? '');

export function warningZh(w: DataWarning, unit: string): string {
  const p = w.params;
  switch (w.code) {
    case 'below_min':
      return `数值${n(p.value)}${unit}低于该指标下限${n(p.min)}${unit}`;
    case 'above_max':
      return `数值${n(p.value)}${unit}高于该指标上限${n(p.max)}${unit}`;
    case 'negative':
      return `数值${n(p.value)}${unit}为负数`;
    case 'share_range':
      return `比重/比率应在0–100%之间，填报的是${n(p.value)}%`;
    case 'days_range':
      return `天数应在0–${n(p.max)}之间，填报的是${n(p.value)}`;
    case 'part_above_whole':
      return `数值${n(p.value)}${unit}超过其总量“${n(p.whole)}”${n(p.whole_value)}${unit}`;
    case 'whole_below_part':
      return `数值${n(p.value)}${unit}小于其组成部分“${n(p.part)}”${n(p.part_value)}${unit}`;
    case 'ytd_falls':
      return `累计值${n(p.value)}${unit}低于${n(p.earlier)}的累计值${n(p.earlier_value)}${unit}`;
    case 'scale_slip':
      return `数值${n(p.value)}约为${n(p.reference_period)}年${n(p.reference)}${unit}的一万倍（或万分之一）：是否把万元和亿元弄混了？可能应为${n(p.suggested)}${unit}`;
    case 'outside_trend':
      return `数值${n(p.value)}${unit}远离历年趋势（预计约${n(p.expected)}${unit}，合理范围${n(p.low)}–${n(p.high)}${unit}）`;
  }
}
