// Qualifier cue words around a number. The cue may sit before the number (近, 超, 突破) or after
// it (左右, 以上, 以内); Markdown markers are already removed from the text searched here.
import type { Qualifier } from './types';

/** Cue words that end right before a number, longest first. */
const PREFIX_CUES: ReadonlyArray<readonly [string, Qualifier]> = [
  ['不低于', 'at_least'],
  ['不少于', 'at_least'],
  ['不超过', 'at_most'],
  ['不高于', 'at_most'],
  ['不多于', 'at_most'],
  ['控制在', 'at_most'],
  ['超过了', 'exceeded'],
  ['突破了', 'exceeded'],
  ['超过', 'exceeded'],
  ['突破', 'exceeded'],
  ['高于', 'exceeded'],
  ['接近', 'near'],
  ['将近', 'near'],
  ['大约', 'approx'],
  ['约为', 'approx'],
  ['约达', 'approx'],
  ['迈上', 'at_least'],
  ['跃上', 'at_least'],
  ['跨上', 'at_least'],
  ['站上', 'at_least'],
  ['迈入', 'at_least'],
  ['跨入', 'at_least'],
  ['超', 'exceeded'],
  ['逾', 'exceeded'],
  ['近', 'near'],
  ['约', 'approx'],
];

/** A qualifier cue found next to a number, with the characters it covers. */
export interface Cue {
  qualifier: Qualifier;
  length: number;
}

/** Finds a qualifier cue that ends exactly where the number starts. */
export function prefixCue(text: string, numberStart: number): Cue | null {
  for (const [word, qualifier] of PREFIX_CUES) {
    const from = numberStart - word.length;
    if (from >= 0 && text.startsWith(word, from)) {
      // 最近/附近 are not 近; 超市 cannot precede a number, so only 近 needs the guard.
      if (word === '近' && from > 0 && /[最附接将邻]/.test(text[from - 1] ?? '')) return null;
      return { qualifier, length: word.length };
    }
  }
  return null;
}

const SUFFIX_RE = /(?:及以上|以上|及以下|以下|以内|左右|上下|台阶|大关)/y;

/** Finds a qualifier cue that starts exactly where the number (with its unit) ends. */
export function suffixCue(text: string, end: number): Cue | null {
  SUFFIX_RE.lastIndex = end;
  const m = SUFFIX_RE.exec(text);
  if (!m) return null;
  const word = m[0];
  let qualifier: Qualifier;
  if (word.endsWith('以上') || word === '台阶') qualifier = 'at_least';
  else if (word === '大关') qualifier = 'exceeded';
  else if (word === '左右' || word === '上下') qualifier = 'approx';
  else qualifier = 'at_most';
  return { qualifier, length: word.length };
}

/**
 * Combines the cues around one number. 余/多 after the number mean "more than"; a cue after the
 * number is more specific than one before it (控制在3%左右 is approx), except that 突破…大关
 * and 迈上…台阶 agree with their prefix.
 */
export function combineQualifier(
  prefix: Qualifier | null,
  suffix: Qualifier | null,
  moreThan: boolean,
): Qualifier {
  if (moreThan) return 'exceeded';
  if (suffix !== null) {
    if (prefix === 'exceeded' && suffix === 'at_least') return 'exceeded';
    return suffix;
  }
  return prefix ?? 'exact';
}
