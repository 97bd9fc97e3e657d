/**
 * Every problem code the server can answer has words in Chinese and in English (issue 18: one
 * language at a time), and the wording never falls back on the server's English in Chinese.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { statusCodes } from '../../src/contracts/problem-codes';
import { fieldWords, problemWords, wordFieldProblem, wordProblem } from '../../web/src/i18n/problemDict';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Codes named in the server's sources: `coded(…, 'code'`, `{ code: 'code' }`, a check's `code: '…'`. */
function serverCodes(): Set<string> {
  const codes = new Set(Object.values(statusCodes));
  const patterns = [/\b(?:coded|forbidden|conflict|field)\([^;]*?,\s*'([a-z_]+)'/g, /\bcode: '([a-z_]+)'/g];
  // Upload rows and escalations carry codes of their own (worded by their pages), not problems.
  const notProblems = new Set([
    'src/modules/imports/upload-plan.ts',
    'src/modules/tasks/tasks.escalations.ts',
    'src/modules/tasks/tasks.red-list.ts',
  ]);
  const files = [...sources('src/modules'), ...sources('src/server'), 'src/domain/access/password-policy.ts'];
  for (const file of files.filter((f) => !notProblems.has(f))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) codes.add(m[1] ?? '');
  }
  codes.add('invalid_fields');
  return codes;
}

describe('problem words', () => {
  it('word every code the server names, in both languages', () => {
    const codes = serverCodes();
    assert.ok(codes.has('password_too_short') && codes.has('login_required') && codes.has('wrong_status'));
    // Codes worded by the rule itself in both languages (params.zh / params.en).
    const bilingual = new Set(['task_refused', 'task_conflict', 'worded']);
    const worded = (c: string) =>
      Boolean((problemWords.zh[c] && problemWords.en[c]) || (fieldWords.zh[c] && fieldWords.en[c]));
    const missing = [...codes].filter((c) => !bilingual.has(c) && !worded(c));
    assert.deepEqual(missing, []);
    assert.deepEqual(Object.keys(problemWords.zh).sort(), Object.keys(problemWords.en).sort());
    assert.deepEqual(Object.keys(fieldWords.zh).sort(), Object.keys(fieldWords.en).sort());
  });

  it('words a coded problem with its params and never shows English detail in Chinese', () => {
    const weak = {
      code: 'password_too_short',
      params: { min: 8 },
      detail: 'Password: at least 8 characters.',
    };
    assert.equal(wordProblem(weak, 422, 'zh'), '密码至少8个字符。');
    assert.equal(wordProblem(weak, 422, 'en'), 'The password needs at least 8 characters.');
    const unknown = { code: 'something_new', detail: 'Some English detail.' };
    assert.equal(wordProblem(unknown, 409, 'zh'), problemWords.zh.conflict);
    assert.equal(wordProblem(unknown, 409, 'en'), 'Some English detail.');
    const status = { code: 'wrong_status', params: { status: 'submitted', action: 'edit' } };
    assert.equal(wordProblem(status, 409, 'zh'), '此数值当前为“已提交”，不能执行此操作。');
    const task = { code: 'task_conflict', params: { zh: '任务已办结。', en: 'The task is completed.' } };
    assert.equal(wordProblem(task, 409, 'zh'), '任务已办结。');
    assert.equal(wordProblem(task, 409, 'en'), 'The task is completed.');
  });

  it('words field problems by their rule', () => {
    assert.equal(
      wordFieldProblem({ code: 'too_small_chars', params: { min: 3 }, message: 'x' }, 'zh'),
      '至少3个字符。',
    );
    assert.equal(wordFieldProblem({ code: 'required', message: 'Invalid input' }, 'en'), 'Required.');
    assert.equal(wordFieldProblem({ message: 'some English' }, 'zh'), '内容无效。');
  });
});
