// Rows are matched to actions through a character index (issue 17: drafting compared each row
// with every action). The index must choose what the plain comparison chose: the action holding
// the row, else the one sharing most characters with it (at least two; the first on a tie).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draftTasks, type DraftAction } from './tasks';

/** The plain comparison, kept here as the reference. */
function reference(title: string, at: number, actions: readonly DraftAction[]): string | undefined {
  const holding = actions.filter((a) => a.start <= at && at < a.end);
  if (holding.length > 0) return holding.at(-1)?.id;
  const stop = /[的和与及、，。\s]/;
  let best: DraftAction | undefined;
  let bestScore = 1;
  for (const a of actions) {
    const set = new Set(a.name);
    let n = 0;
    for (const ch of new Set(title)) if (set.has(ch) && !stop.test(ch)) n++;
    if (n > bestScore) [best, bestScore] = [a, n];
  }
  return best?.id;
}

test('a task row goes under the action most alike by name, the first on a tie, among hundreds', () => {
  const fields = ['产业', '科技', '城市', '乡村', '生态', '教育', '医疗', '养老', '交通', '营商'];
  const verbs = ['推进', '加快', '实施', '完善', '提升'];
  const actions: DraftAction[] = [];
  for (let i = 0; i < 240; i++) {
    const name = `${verbs[i % 5] ?? ''}${fields[i % 10] ?? ''}${fields[(i * 7) % 10] ?? ''}工程`;
    actions.push({ id: `a${i}`, name, start: 10_000 + i * 10, end: 10_000 + i * 10 + 8 });
  }
  const lines = ['| 序号 | 工作任务 | 牵头单位 | 完成时限 |', '|---|---|---|---|'];
  for (let r = 0; r < 120; r++) {
    lines.push(
      `| ${r + 1} | ${verbs[(r * 3) % 5] ?? ''}${fields[r % 10] ?? ''}和${fields[(r * 3) % 10] ?? ''}设施建设 | 区发展改革委 | 2026年6月底前 |`,
    );
  }
  const text = lines.join('\n');
  const fallback: DraftAction = { id: 'other', name: '其他任务', start: 0, end: 0 };
  const drafted = draftTasks({ text, actions, known: [], year: 2026, end: 2030, fallback });
  assert.equal(drafted.tasks.length, 120);
  drafted.tasks.forEach((t, i) => {
    const row = drafted.rows[i];
    assert.ok(row);
    assert.equal(t.action, reference(row.title, row.start, actions) ?? 'other', row.title);
  });
  // Rows are spread over several actions, not all given to one.
  assert.ok(new Set(drafted.tasks.map((t) => t.action)).size > 5);
});

test('a row inside an action’s span goes to that action whatever the names', () => {
  const text = '| 序号 | 工作任务 | 牵头单位 |\n|---|---|---|\n| 1 | 改造农贸市场 | 区商务委 |';
  const at = text.indexOf('| 1 |');
  const actions: DraftAction[] = [
    { id: 'far', name: '改造农贸市场', start: text.length + 10, end: text.length + 20 },
    { id: 'holds', name: '民生实事', start: at - 1, end: text.length },
  ];
  const fallback: DraftAction = { id: 'other', name: '其他任务', start: 0, end: 0 };
  const drafted = draftTasks({ text, actions, known: [], year: 2026, end: 2030, fallback });
  assert.equal(drafted.tasks[0]?.action, 'holds');
});
