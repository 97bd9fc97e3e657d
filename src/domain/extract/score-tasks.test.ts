import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreTaskRows, type DraftedTaskRow, type GoldTaskRow } from './score-tasks';

const gold: GoldTaskRow[] = [
  { title: '地区生产总值增长6%左右', lead: '区发展和改革局', co: [], due: '2026-12-31' },
  { title: '提高土地审批效率', lead: '区国土分局', co: ['区规划分局'], due: null },
  { title: '建成社区食堂20个', lead: '区民政局', co: [], due: '2026-06-30' },
];

const row = (
  title: string,
  lead: string | null,
  due: string,
  dueFlagged = false,
  co: string[] = [],
): DraftedTaskRow => ({
  title,
  lead,
  co,
  due,
  dueFlagged,
});

test('task rows: found by title, right only with lead and due; a missing deadline must be flagged', () => {
  const s = scoreTaskRows(
    [
      row('1.地区生产总值增长6%左右。', '区发展和改革局', '2026-12-31'),
      row('提高土地审批效率。辖区范围内……', '区国土分局', '2026-12-31', true, ['区规划分局']),
      row('一、民生实事', null, '2026-12-31', true),
    ],
    gold,
  );
  assert.deepEqual([s.total, s.found, s.leadAndDue, s.lead, s.due, s.co, s.spurious], [3, 2, 2, 2, 2, 2, 1]);
  assert.ok(s.problems.some((p) => p.startsWith('missed') && p.includes('社区食堂')));
});

test('task rows: a default due date given without a flag, or a flagged one where a date is written, is wrong', () => {
  const s = scoreTaskRows(
    [
      row('地区生产总值增长6%左右', '区发展和改革局', '2026-12-31', true),
      row('提高土地审批效率', '区国土分局', '2026-12-31', false),
      row('建成社区食堂20个', '区财政局', '2026-06-30'),
    ],
    gold,
  );
  assert.deepEqual([s.found, s.leadAndDue, s.lead, s.due], [3, 0, 2, 1]);
});
