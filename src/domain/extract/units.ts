// Units: which words after a number are units, and what family each belongs to. The family
// decides the default kind (amounts are `level`, discrete things are `count`).

/** The family of a base unit. */
export type UnitFamily =
  | 'money'
  | 'area'
  | 'length'
  | 'weight'
  | 'volume'
  | 'concentration'
  | 'energy'
  | 'container'
  | 'duration'
  | 'count'
  | 'percent'
  | 'pp'
  | 'multiple';

const FAMILY_UNITS: ReadonlyArray<readonly [UnitFamily, readonly string[]]> = [
  ['money', ['元', '美元', '欧元', '港元']],
  ['area', ['平方公里', '平方千米', '平方米', '亩', '公顷']],
  ['length', ['公里', '千米', '延米', '米']],
  ['weight', ['吨标准煤', '吨标煤', '吨', '公斤', '千克', '斤']],
  ['volume', ['立方米']],
  ['concentration', ['微克/立方米', '毫克/立方米', '毫克/升']],
  ['energy', ['千瓦时', '千瓦', '兆瓦', '千伏安']],
  ['container', ['标准箱', '标箱', 'TEU']],
  ['duration', ['个工作日', '工作日', '天', '岁']],
  ['pp', ['个百分点', '百分点']],
  ['percent', ['%', '‰']],
  ['multiple', ['倍']],
  [
    'count',
    [
      '人次',
      '户',
      '人',
      '家',
      '个',
      '件',
      '项',
      '所',
      '条',
      '张',
      '辆',
      '栋',
      '幢',
      '座',
      '套',
      '间',
      '处',
      '名',
      '位',
      '台',
      '次',
      '批',
      '场',
      '株',
      '棵',
      '只',
      '艘',
      '架',
      '宗',
      '笔',
      '份',
      '种',
      '类',
      '部',
      '支',
      '起',
      '例',
      '床',
      '盏',
      '片',
      '篇',
      '款',
      '单',
      '头',
      '对',
      '块',
    ],
  ],
];

const FAMILY = new Map<string, UnitFamily>();
for (const [family, units] of FAMILY_UNITS) for (const u of units) if (!FAMILY.has(u)) FAMILY.set(u, family);

/** Units that Chinese numerals may take: 次 is left out because 二次全会, 三次产业 are names. */
const CN_EXCLUDED = new Set(['次', '类', '种', '起', '单', '对', '头', '部', '支', '片', '份']);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/%]/g, '\\$&');
}

const ALL_UNITS = [...FAMILY.keys()].sort((a, b) => b.length - a.length);
/** Sticky unit matcher: a unit, an optional "/denominator" compound part. */
export const UNIT_RE = new RegExp(
  `(?:${ALL_UNITS.map(escape).join('|')})(?:\\/(?:平方公里|平方米|平方千米|栋|幢|吨|人|亩|户|年|月|天|个|千瓦时|立方米|标箱))?`,
  'y',
);

/** The family of a (possibly compound) unit. */
export function unitFamily(unit: string): UnitFamily {
  // 年 is never matched as a unit (it dates things); mentions set it only for 11.8年-like amounts.
  if (unit === '年') return 'duration';
  const whole = FAMILY.get(unit);
  if (whole !== undefined) return whole;
  const base = unit.split('/')[0] ?? unit;
  return FAMILY.get(base) ?? 'count';
}

/** The unit as labelled: percentage points are written `pp`, never `%`. */
export function canonicalUnit(unit: string): string {
  return unit === '个百分点' || unit === '百分点' ? 'pp' : unit;
}

/** Whether a Chinese-numeral count may use this unit. */
export function unitAllowedForChinese(unit: string): boolean {
  return !CN_EXCLUDED.has(unit);
}

/** Units after which a number is a date or a time of day, never a value. */
export const DATE_AFTER_RE = /^(?:年|月|日|号|时|点|届|期|季度|周年|世纪|版|轮|代)/;

/** Subject prefixes of intensities (人均, 地均…): always `level`. */
export const INTENSITY_RE =
  /^(?:人均|地均|楼均|亩均|户均|单位|每万人|每千人|每百人|每万|每千|万人|千人|百人)/;

/**
 * Fills in the unit an intensity implies: 地均…元 is per square kilometre, 楼均 per building,
 * 亩均 per mu. Units written with a "/" are kept as written.
 */
export function impliedUnit(subject: string, unit: string): string {
  if (unit.includes('/') || unitFamily(unit) !== 'money') return unit;
  if (subject.startsWith('地均')) return `${unit}/平方公里`;
  if (subject.startsWith('楼均')) return `${unit}/栋`;
  if (subject.startsWith('亩均')) return `${unit}/亩`;
  return unit;
}
