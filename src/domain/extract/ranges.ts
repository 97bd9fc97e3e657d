// Ranges and list items: numbers joined by a dash or 、 share a unit.
import type { Mention } from './mentions';
import { mul } from './numerals';

const RANGE_GAP = /^(?:[—–\-~]{1,2}|至)$/;
const LIST_GAP = /^[、和及与]$/;

/**
 * Merges ranges (5%—6%, 5-6万人) into one mention: the lower bound, `at_least` (our documented
 * convention; the guide has no rule). Gives a bare number the unit of the next list item
 * (12、15、20家). Drops numbers that are still bare.
 */
export function joinRanges(text: string, ms: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < ms.length; i++) {
    const a = ms[i];
    const b = ms[i + 1];
    if (a === undefined) continue;
    if (b !== undefined && a.special === 'plain' && b.special === 'plain' && !b.bare) {
      const gap = text.slice(a.end, b.start);
      if (RANGE_GAP.test(gap) && (a.bare || a.unit === b.unit)) {
        const scale = a.scale !== 1 ? a.scale : b.scale;
        const merged: Mention = {
          ...b,
          start: a.start,
          qStart: a.qStart,
          value: a.bare ? mul(a.base, scale) : a.value,
          base: a.base,
          scale,
          qualifier: a.prefixQ ?? 'at_least',
          cued: true,
        };
        out.push(merged);
        i++;
        continue;
      }
      if (a.bare && LIST_GAP.test(gap)) {
        out.push({ ...a, bare: false, unit: b.unit, family: b.family, end: a.end, qEnd: a.qEnd });
        continue;
      }
    }
    // A scaled number with no unit (人口1400万) keeps an empty unit for the subject to fill in.
    if (!a.bare || a.scale > 1) out.push(a);
  }
  return out;
}
