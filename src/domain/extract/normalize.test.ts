import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanText, toRaw } from './normalize';

test('clean text: emphasis and spaces dropped, full-width forms folded, offsets kept', () => {
  const raw = '## 一、目标\n增长 **６．５％**，“十五五”\u3000末\t达 1,200﹪∶３\r\nＡ级';
  const clean = cleanText(raw);
  assert.equal(clean.text, '一、目标\n增长6.5%，“十五五”末达1,200%:3\n\nA级');
  // Every character of the clean text maps back to the raw character it came from.
  for (let i = 0; i < clean.text.length; i++) {
    const r = raw[clean.map[i] ?? -1] ?? '';
    const folded = cleanText(r).text;
    assert.equal(folded, clean.text[i], `at ${i}: ${r}`);
  }
  assert.equal(clean.map[clean.text.length], raw.length);
  const at = clean.text.indexOf('6.5%');
  const [s, e] = toRaw(clean, raw, at, at + 4);
  assert.equal(raw.slice(s, e), '**６．５％**');
});

test('clean text of a long document is built in runs, with the same result as character by character', () => {
  const para = '全区地区生产总值增长 **5.8%**，“十四五”时期累计完成投资１２００亿元；\n';
  const raw = para.repeat(5000);
  const clean = cleanText(raw);
  assert.equal(clean.text, '全区地区生产总值增长5.8%，“十四五”时期累计完成投资1200亿元；\n'.repeat(5000));
  assert.equal(clean.map.length, clean.text.length + 1);
});
