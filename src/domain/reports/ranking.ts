/**
 * The department ranking of a bulletin (documented in docs/reports.md). Each department starts at
 * 100 points and loses 5 for each task it leads that is overdue (红灯), 5 more for each of those
 * under 督办 (notice), 2 for each data report overdue (逾期未报) and 1 for each task on yellow;
 * never below 0. Higher ranks first; equal scores are ordered by completion rate and share a
 * rank only when both are equal. A department with no task and no overdue report this month is
 * listed without a rank.
 */
import type { OverdueReports, RankedDepartment, ScorecardRow, TaskLine } from './types';
import { countList, percentText } from './sentences';

export const rankingWeights = { overdue: 5, notice: 5, overdueReport: 2, yellow: 1 } as const;

export function rankDepartments(
  departments: readonly { code: string; name: string }[],
  tasks: readonly TaskLine[],
  overdue: readonly OverdueReports[],
  scorecard?: readonly ScorecardRow[] | null,
): RankedDepartment[] {
  const rows: RankedDepartment[] = departments.map((d) => {
    const own = tasks.filter((t) => t.department?.code === d.code);
    const completed = own.filter((t) => t.light === 'blue').length;
    const late = own.filter((t) => t.light === 'red').length;
    const notices = own.filter((t) => t.escalation === 'notice').length;
    const yellow = own.filter((t) => t.light === 'yellow').length;
    const reports = overdue.filter((o) => o.department?.code === d.code).reduce((a, o) => a + o.count, 0);
    const empty = own.length === 0 && reports === 0;
    const w = rankingWeights;
    const score = empty
      ? null
      : Math.max(
          0,
          100 - w.overdue * late - w.notice * notices - w.overdueReport * reports - w.yellow * yellow,
        );
    return {
      code: d.code,
      name: d.name,
      rank: null,
      score,
      tasks: own.length,
      completed,
      overdue: late,
      notices,
      yellow,
      overdueReports: reports,
      reasons: empty ? '本月无督查事项' : reasonsOf(own.length, completed, late, notices, reports, yellow),
    };
  });
  if (scorecard) return fromScorecard(rows, scorecard);
  const rate = (r: RankedDepartment) => (r.tasks === 0 ? 1 : r.completed / r.tasks);
  const ranked = rows
    .filter((r) => r.score !== null)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || rate(b) - rate(a) || a.code.localeCompare(b.code));
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1];
    r.rank = prev && prev.score === r.score && rate(prev) === rate(r) ? prev.rank : i + 1;
  });
  const unranked = rows.filter((r) => r.score === null).sort((a, b) => a.code.localeCompare(b.code));
  return [...ranked, ...unranked];
}

function reasonsOf(
  tasks: number,
  completed: number,
  late: number,
  notices: number,
  reports: number,
  yellow: number,
): string {
  const parts: string[] = [];
  if (tasks > 0)
    parts.push(`牵头任务${tasks}项，完成${completed}项（完成率${percentText((completed / tasks) * 100)}）`);
  const problems = countList([
    ['逾期', late],
    ['预警', yellow],
  ]).replace(/逾期(\d+)项/, (m) => (notices > 0 ? `${m}（其中督办${notices}项）` : m));
  if (problems) parts.push(problems);
  if (reports > 0) parts.push(`逾期未报数据${reports}期`);
  if (late === 0 && reports === 0) parts.push('无逾期事项');
  return parts.join('；');
}

/** The scorecards' rank, points and reasons over the counts; unscored departments last, unranked. */
function fromScorecard(rows: RankedDepartment[], scorecard: readonly ScorecardRow[]): RankedDepartment[] {
  const byCode = new Map(scorecard.map((s) => [s.code, s]));
  const out = rows.map((r) => {
    const s = byCode.get(r.code);
    return s
      ? { ...r, rank: s.rank, score: s.score, reasons: s.reasons }
      : { ...r, rank: null, score: null, reasons: '本月无考核事项' };
  });
  return out.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
}
