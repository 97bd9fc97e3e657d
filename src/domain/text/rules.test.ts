import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIsoDate } from '../periods';
import { isWebUrl, unsafeTextReason } from './rules';

describe('text rules', () => {
  it('refuses NUL, controls, lone surrogates, bidi overrides and zero-width characters', () => {
    for (const s of [
      '\u0000',
      '\u001b[31m',
      '\ud800',
      'x\udc00',
      '\u202e',
      '\u2067',
      '\u200b',
      '\u200d',
      '\ufeff',
    ]) {
      assert.ok(unsafeTextReason(`名${s}称`), JSON.stringify(s));
    }
    assert.equal(unsafeTextReason('区统计局 Statistics 😀 Ünïcode'), null);
    assert.equal(unsafeTextReason('两行\n文字\t', true), null);
    assert.ok(unsafeTextReason('两行\n文字'));
  });

  it('knows the calendar and the web', () => {
    assert.equal(isIsoDate('2026-02-31'), false);
    assert.equal(isIsoDate('2023-02-29'), false);
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isWebUrl('https://tjj.example.gov.cn/a?b=1'), true);
    for (const u of [
      'javascript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'http://',
      '/relative',
    ]) {
      assert.equal(isWebUrl(u), false, u);
    }
  });
});
