/** How each status looks: a symbol, a colour AND a word (never colour alone). No antd here. */
import type { StatusCode } from '../../../../src/contracts/status';
import type { Lang } from '../../i18n/dict';

export const look: Record<StatusCode, { symbol: string; color: string; zh: string; en: string }> = {
  achieved: { symbol: '✓', color: '#1d6b34', zh: '已实现', en: 'Achieved' },
  on_track: { symbol: '●', color: '#237a3b', zh: '正常', en: 'On track' },
  at_risk: { symbol: '●', color: '#8a5a00', zh: '预警', en: 'At risk' },
  off_track: { symbol: '●', color: '#b42318', zh: '滞后', en: 'Off track' },
  no_data: { symbol: '○', color: '#5c6370', zh: '无数据', en: 'No data' },
};

/** Worst first: the order of the cockpit's counts. */
export const statusOrder: StatusCode[] = ['off_track', 'at_risk', 'on_track', 'achieved', 'no_data'];

export function statusWord(status: StatusCode, lang: Lang): string {
  return look[status][lang];
}
