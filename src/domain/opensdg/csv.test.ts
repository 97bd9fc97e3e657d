import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eachRejected } from '../test-support';
import { parseCsv } from './csv';
import { parseIndicatorCsv, parseYears } from './table';

describe('parseCsv', () => {
  const good: [name: string, text: string, header: string[], rows: string[][]][] = [
    ['plain', 'a,b\n1,2\n', ['a', 'b'], [['1', '2']]],
    ['quoted, with commas', '"a","b"\n"x, y",2\n', ['a', 'b'], [['x, y', '2']]],
    ['escaped quotes', 'a,b\n"say ""hi""",2\n', ['a', 'b'], [['say "hi"', '2']]],
    ['newline inside quotes', 'a,b\n"two\nlines",2\n', ['a', 'b'], [['two\nlines', '2']]],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n3,4',
      ['a', 'b'],
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    ['byte order mark', '\uFEFFYear,Value\n2015,1\n', ['Year', 'Value'], [['2015', '1']]],
    ['blank lines skipped', 'a,b\n\n1,2\n\n', ['a', 'b'], [['1', '2']]],
    [
      'empty fields',
      'a,b,c\n,,\n"",x,\n',
      ['a', 'b', 'c'],
      [
        ['', '', ''],
        ['', 'x', ''],
      ],
    ],
    ['short rows padded', 'a,b,c\n1\n', ['a', 'b', 'c'], [['1', '', '']]],
  ];
  for (const [name, text, header, rows] of good) {
    it(name, () => assert.deepEqual(parseCsv(text), { ok: true, header, rows }));
  }
  const bad: [name: string, text: string, reason: RegExp][] = [
    ['empty file', '', /empty/],
    ['unterminated quote', 'a,b\n"oops,2\n', /line 2: unterminated/],
    ['text after a closing quote', 'a,b\n"x"y,2\n', /line 2: unexpected text/],
    ['too many fields', 'a,b\n1,2,3\n', /line 2: 3 fields, the header has 2/],
    ['duplicate column', 'a,a\n1,2\n', /duplicate column "a"/],
  ];
  eachRejected(parseCsv, bad);
});

describe('parseYears', () => {
  const cases: [labels: string[], years: number[]][] = [
    [
      ['2015', '2016'],
      [2015, 2016],
    ],
    [
      ['2005-2007', '2006-2008'],
      [2005, 2006],
    ],
    [
      ['2014/2015', '2015/2016'],
      [2014, 2015],
    ],
    [
      ['2017-18', '2018-19'],
      [2017, 2018],
    ],
    [
      ['2015 Q4', '2016 Q4'],
      [2015, 2016],
    ],
    // One long label is enough for every label to be cut to four characters.
    [
      ['2015', '2016-17'],
      [2015, 2016],
    ],
  ];
  for (const [labels, years] of cases) {
    it(labels.join(', '), () => assert.deepEqual(parseYears(labels), { ok: true, years }));
  }
  it('rejects a label that is not a year', () => assert.equal(parseYears(['2015', 'n.d.']).ok, false));
});

describe('parseIndicatorCsv', () => {
  it('types columns like pandas: NA tokens, numbers, text', () => {
    const table = parseIndicatorCsv('Year,Sex,Code,Value\n2015,,1,1.5\n2016,Women,NA,None\n2017,NA,2,1e2\n');
    assert.ok(table.ok);
    assert.deepEqual(table.rows, [
      [2015, null, 1, 1.5],
      [2016, 'Women', null, null],
      [2017, null, 2, 100],
    ]);
    assert.deepEqual(table.years, [2015, 2016, 2017]);
  });
  it('keeps numeric-looking text as text in a text column', () => {
    const table = parseIndicatorCsv('Year,Group,Value\n2015,10,1\n2016,ten,2\n');
    assert.ok(table.ok);
    assert.deepEqual(
      table.rows.map((row) => row[1]),
      ['10', 'ten'],
    );
  });
  it('reads translation keys as their labels and flags their columns', () => {
    const table = parseIndicatorCsv('Year,data.Sex,Other,Value\n2015,data.Women,x,1\n');
    assert.ok(table.ok);
    assert.deepEqual(table.columns, ['Year', 'Sex', 'Other', 'Value']);
    assert.deepEqual(table.translated, [false, true, false, false]);
    assert.deepEqual(table.rows[0], [2015, 'Women', 'x', 1]);
  });
  it('needs Year and Value columns', () => {
    assert.deepEqual(parseIndicatorCsv('Value\n1\n'), { ok: false, reason: 'no "Year" column' });
    assert.deepEqual(parseIndicatorCsv('Year\n2015\n'), { ok: false, reason: 'no "Value" column' });
  });
});
