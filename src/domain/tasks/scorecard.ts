/**
 * Department scorecards (考核), pure: a month's facts of each department become points out of 100
 * with a reason for every point, minus deductions for 督办 notices, and a ranking. Weights are
 * plan settings (`plan.settings.scorecard`); docs/methods.md §7.10 documents the defaults.
 */

/** The five scored parts, in the order they are shown. */
export const scorecardParts = [
  'data_reporting',
  'task_reporting',
  'completion',
  'targets',
  'quality',
] as const;
export type ScorecardPart = (typeof scorecardParts)[number];

export interface ScorecardWeights {
  data_reporting: number;
  task_reporting: number;
  completion: number;
  targets: number;
  quality: number;
  /** Points taken off for each 督办 notice of the month. */
  notice_deduction: number;
}

export const defaultScorecardWeights: ScorecardWeights = {
  data_reporting: 20,
  task_reporting: 20,
  completion: 25,
  targets: 20,
  quality: 15,
  notice_deduction: 2,
};

/** Weights from `plan.settings.scorecard.weights` over the defaults; a bad number keeps the default. */
export function scorecardWeightsOf(settings: unknown): ScorecardWeights {
  const given = ((settings as { scorecard?: { weights?: unknown } } | null)?.scorecard?.weights ??
    {}) as Record<string, unknown>;
  const out = { ...defaultScorecardWeights };
  for (const key of Object.keys(out) as (keyof ScorecardWeights)[]) {
    const v = given[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100) out[key] = v;
  }
  return out;
}

/** A count of items due and of those done in time, with up to a few examples of the misses. */
export interface Tally {
  due: number;
  ok: number;
  /** What was missed (codes or labels), for the reason. */
  missed: readonly string[];
}

/** What a department did in the month. */
export interface DepartmentMonth {
  department: string;
  name: string;
  /** Data values whose deadline fell in the month: reported (beyond draft) by the deadline. */
  data_reporting: Tally;
  /** Task progress reports due in the month: filed by their deadline. */
  task_reporting: Tally;
  /** Led tasks due in the month: completed by their due date. */
  completion: Tally;
  /** Targets linked to its tasks with a status at the month's end: achieved or on track. */
  targets: Tally;
  /** Its reports reviewed in the month: accepted (not returned) by the supervisor. */
  quality: Tally;
  /** 督办 notices sent in the month about its tasks. */
  notices: readonly string[];
}

export interface Reason {
  zh: string;
  en: string;
}

export interface PartScore {
  part: ScorecardPart;
  /** The weight after parts without anything due gave theirs to the others. */
  weight: number;
  points: number;
  /** ok / due, or null when nothing was due (the part is not scored). */
  rate: number | null;
  due: number;
  ok: number;
  reason: Reason;
}

export interface DepartmentScore {
  department: string;
  name: string;
  /** Sum of the parts minus deductions, never below 0, one decimal. */
  total: number;
  parts: PartScore[];
  deduction: { notices: number; points: number; reason: Reason };
  rank: number;
}

const one = (x: number) => Math.round(x * 10) / 10;
const pct = (x: number) => `${one(x * 100)}%`;

const labels: Record<ScorecardPart, { zh: string; en: string; none: Reason }> = {
  data_reporting: {
    zh: '数据按时报送',
    en: 'data reported on time',
    none: { zh: '本月无到期应报数据', en: 'no data value fell due this month' },
  },
  task_reporting: {
    zh: '进展按时报送',
    en: 'progress reports on time',
    none: { zh: '本月无到期进展报告', en: 'no progress report fell due this month' },
  },
  completion: {
    zh: '任务按期办结',
    en: 'tasks completed by their due date',
    none: { zh: '本月无到期任务', en: 'no task fell due this month' },
  },
  targets: {
    zh: '关联目标进展正常',
    en: 'linked targets achieved or on track',
    none: { zh: '无已评估的关联目标', en: 'no linked target with a status' },
  },
  quality: {
    zh: '报告审核通过',
    en: 'reports accepted on review',
    none: { zh: '本月无审核的报告', en: 'no report reviewed this month' },
  },
};

const examples = (missed: readonly string[]) =>
  missed.length === 0
    ? ''
    : missed.slice(0, 3).join('、') + (missed.length > 3 ? `等${missed.length}项` : '');
const examplesEn = (missed: readonly string[]) =>
  missed.length === 0
    ? ''
    : missed.slice(0, 3).join(', ') + (missed.length > 3 ? ` and ${missed.length - 3} more` : '');

/** Scores one department (rank 0 until `rankScores`). */
export function scoreDepartment(
  m: DepartmentMonth,
  weights: ScorecardWeights = defaultScorecardWeights,
): DepartmentScore {
  const scored = scorecardParts.filter((p) => m[p].due > 0);
  const total = scored.reduce((s, p) => s + weights[p], 0);
  const full = scorecardParts.reduce((s, p) => s + weights[p], 0);
  const parts = scorecardParts.map((p): PartScore => {
    const t = m[p];
    const l = labels[p];
    if (t.due === 0 || total === 0) {
      return {
        part: p,
        weight: 0,
        points: 0,
        rate: null,
        due: 0,
        ok: 0,
        reason: {
          zh: `${l.zh}：${l.none.zh}，不计分，其权重${weights[p]}分按比例计入其他项。`,
          en: `${l.en}: ${l.none.en}; not scored, its weight of ${weights[p]} goes to the other parts.`,
        },
      };
    }
    // Parts with nothing due give their weight to the others in proportion: still out of `full`.
    const weight = (weights[p] * full) / total;
    const rate = t.ok / t.due;
    const points = one(weight * rate);
    const missZh = t.missed.length ? `；未按时：${examples(t.missed)}` : '';
    const missEn = t.missed.length ? `; missed: ${examplesEn(t.missed)}` : '';
    return {
      part: p,
      weight: one(weight),
      points,
      rate,
      due: t.due,
      ok: t.ok,
      reason: {
        zh: `${l.zh}${t.ok}/${t.due}（${pct(rate)}）× 权重${one(weight)}分 = ${points}分${missZh}。`,
        en: `${l.en} ${t.ok}/${t.due} (${pct(rate)}) × weight ${one(weight)} = ${points} points${missEn}.`,
      },
    };
  });
  const notices = m.notices.length;
  const deducted = one(notices * weights.notice_deduction);
  const sum = parts.reduce((s, p) => s + p.points, 0);
  return {
    department: m.department,
    name: m.name,
    total: one(Math.max(0, sum - deducted)),
    parts,
    deduction: {
      notices,
      points: deducted,
      reason:
        notices === 0
          ? { zh: '本月无督办通知，不扣分。', en: 'No 督办 notice this month: nothing deducted.' }
          : {
              zh: `本月督办通知${notices}次（${examples(m.notices)}）× ${weights.notice_deduction}分 = 扣${deducted}分。`,
              en: `${notices} 督办 notice${notices > 1 ? 's' : ''} this month (${examplesEn(m.notices)}) × ${weights.notice_deduction} = ${deducted} points off.`,
            },
    },
    rank: 0,
  };
}

/** Highest total first; equal totals share a rank (1, 2, 2, 4) and are listed by department code. */
export function rankScores(scores: readonly DepartmentScore[]): DepartmentScore[] {
  const sorted = [...scores].sort((a, b) => b.total - a.total || a.department.localeCompare(b.department));
  let rank = 0;
  return sorted.map((s, i) => {
    if (i === 0 || sorted[i - 1].total !== s.total) rank = i + 1;
    return { ...s, rank };
  });
}

/** A month's departments scored and ranked. Departments with nothing scored and no notice are left out. */
export function scoreMonth(
  months: readonly DepartmentMonth[],
  weights: ScorecardWeights = defaultScorecardWeights,
) {
  const active = months.filter((m) => scorecardParts.some((p) => m[p].due > 0) || m.notices.length > 0);
  return rankScores(active.map((m) => scoreDepartment(m, weights)));
}
