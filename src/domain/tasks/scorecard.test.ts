import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  defaultScorecardWeights,
  rankScores,
  scoreDepartment,
  scoreMonth,
  scorecardWeightsOf,
  type DepartmentMonth,
} from './scorecard';

const tally = (due: number, ok: number, missed: string[] = []) => ({ due, ok, missed });
const month = (over: Partial<DepartmentMonth> = {}): DepartmentMonth => ({
  department: 'fgw',
  name: '区发展改革委',
  data_reporting: tally(4, 3, ['gdp 2026-Q1']),
  task_reporting: tally(2, 2),
  completion: tally(1, 0, ['p1-a1-t1']),
  targets: tally(4, 2),
  quality: tally(5, 4),
  notices: [],
  ...over,
});

describe('department scorecard', () => {
  it('gives each part its weight × rate, with the reason naming counts, rate, weight and misses', () => {
    const s = scoreDepartment(month());
    const byPart = Object.fromEntries(s.parts.map((p) => [p.part, p]));
    assert.equal(byPart.data_reporting?.points, 15);
    assert.equal(byPart.task_reporting?.points, 20);
    assert.equal(byPart.completion?.points, 0);
    assert.equal(byPart.targets?.points, 10);
    assert.equal(byPart.quality?.points, 12);
    assert.equal(s.total, 57);
    assert.equal(
      byPart.data_reporting?.reason.zh,
      '数据按时报送3/4（75%）× 权重20分 = 15分；未按时：gdp 2026-Q1。',
    );
    assert.equal(
      byPart.completion?.reason.en,
      'tasks completed by their due date 0/1 (0%) × weight 25 = 0 points; missed: p1-a1-t1.',
    );
  });

  it('hands the weight of a part with nothing due to the others, so the total stays out of 100', () => {
    const s = scoreDepartment(
      month({
        data_reporting: tally(0, 0),
        completion: tally(0, 0),
        targets: tally(0, 0),
        quality: tally(0, 0),
      }),
    );
    assert.equal(s.total, 100);
    const data = s.parts.find((p) => p.part === 'data_reporting');
    assert.equal(data?.rate, null);
    assert.match(data?.reason.zh ?? '', /不计分，其权重20分按比例计入其他项/);
    assert.equal(s.parts.find((p) => p.part === 'task_reporting')?.weight, 100);
  });

  it('deducts points per 督办 notice and never goes below zero', () => {
    const s = scoreDepartment(month({ notices: ['t1', 't2', 't3'] }));
    assert.equal(s.deduction.points, 6);
    assert.equal(s.total, 51);
    assert.match(s.deduction.reason.zh, /督办通知3次（t1、t2、t3）× 2分 = 扣6分/);
    const worst = scoreDepartment(
      month({
        data_reporting: tally(1, 0),
        task_reporting: tally(1, 0),
        completion: tally(1, 0),
        targets: tally(1, 0),
        quality: tally(1, 0),
        notices: ['a'],
      }),
    );
    assert.equal(worst.total, 0);
  });

  it('ranks by total, ties sharing a rank, and leaves out departments with nothing scored', () => {
    const empty = tally(0, 0);
    const ranked = scoreMonth([
      month({ department: 'a' }),
      month({ department: 'b', completion: tally(1, 1) }),
      month({ department: 'c' }),
      month({
        department: 'idle',
        data_reporting: empty,
        task_reporting: empty,
        completion: empty,
        targets: empty,
        quality: empty,
      }),
    ]);
    assert.deepEqual(
      ranked.map((s) => [s.department, s.rank, s.total]),
      [
        ['b', 1, 82],
        ['a', 2, 57],
        ['c', 2, 57],
      ],
    );
    assert.deepEqual(rankScores([]), []);
  });

  it('reads weights from plan settings, keeping the default for a bad number', () => {
    assert.deepEqual(scorecardWeightsOf(null), defaultScorecardWeights);
    const w = scorecardWeightsOf({
      scorecard: { weights: { quality: 30, completion: -1, notice_deduction: 'x' } },
    });
    assert.equal(w.quality, 30);
    assert.equal(w.completion, 25);
    assert.equal(w.notice_deduction, 2);
  });
});
