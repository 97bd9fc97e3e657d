// Indicator tables written as text (a plan's 主要指标表): Markdown rows (| a | b |) or the
// tab-separated rows of a Word table. A header row names year columns (2025年, 2030年目标) and
// perhaps a growth column (年均增长, 累计); each data row names an indicator with its unit in
// brackets (地区生产总值（亿元）). A year column before the document year holds results (the base
// year), a later one targets due that year; a growth column holds targets due at the last year.
// Read on the raw text, because the parser's clean text drops tabs. Pure.
import type { Kind, Qualifier, Statement } from './types';

/** The raw ranges of the rows read as an indicator table, and the statements of those rows. */
export interface TableRead {
  rows: Array<[number, number]>;
  statements: Statement[];
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

type Column = { type: 'year'; year: number } | { type: 'growth'; cumulative: boolean } | { type: 'other' };

const MAGNITUDE: Readonly<Record<string, number>> = {
  万亿: 1e12,
  千亿: 1e11,
  百亿: 1e10,
  亿: 1e8,
  千万: 1e7,
  百万: 1e6,
  万: 1e4,
  千: 1e3,
  百: 1e2,
};
const COUNT_UNITS = /^(?:个|家|人|户|项|所|件|座|张|辆|条|套|名|人次|栋)$/;
const INTENSITY = /人均|每万|每千|每百|万人|千人|百人|地均|单位/;
const GROWTH_NAME = /增长|增速|涨幅|下降|降低|降幅|减少/;

/** Splits a row into cells with their raw offsets, or null when the line is not a table row. */
function cells(line: string, at: number): Cell[] | null {
  const sep = line.includes('|') ? '|' : line.includes('\t') ? '\t' : null;
  if (sep === null) return null;
  const out: Cell[] = [];
  let from = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && line[i] !== sep) continue;
    const raw = line.slice(from, i);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    out.push({ text, start: at + from + lead, end: at + from + lead + text.length });
    from = i + 1;
  }
  if (sep === '|') {
    if (out[0]?.text === '') out.shift();
    if (out.at(-1)?.text === '') out.pop();
  }
  return out.length >= 3 ? out : null;
}

function columnOf(header: string): Column {
  const y = /^(20\d\d)年?(?:目标|预期|预计|规划)?(?:值)?$/.exec(header.replace(/\s/g, ''));
  if (y) return { type: 'year', year: Number(y[1]) };
  if (/年均|累计|增长|增速/.test(header)) return { type: 'growth', cumulative: /累计/.test(header) };
  return { type: 'other' };
}

/** The unit written in an indicator's brackets: （亿元） → [1e8, 元]; （%） → [1, %]. */
function bracketUnit(name: string): [number, string] | null {
  const m = /[（(]([^（()）]{1,12})[）)]\s*$/.exec(name);
  if (!m) return null;
  const u = (m[1] ?? '').replace(/\s/g, '').replace('％', '%');
  if (u === '%' || u === '百分比') return [1, '%'];
  const mag = /^(万亿|千亿|百亿|亿|千万|百万|万|千|百)?(.+)$/.exec(u);
  const word = mag?.[1];
  const base = mag?.[2] ?? u;
  if (
    word !== undefined &&
    /^(?:元|美元|人|户|吨|千瓦|千瓦时|亩|平方米|平方公里|公里|个|家|件|人次|标箱|辆)$/.test(base)
  ) {
    return [MAGNITUDE[word] ?? 1, base];
  }
  return [1, u];
}

/** A number in a cell with its bound: <5.5 → at_most, ≥90 → at_least, 5.5左右 → approx. */
function cellNumber(text: string): { value: number; qualifier: Qualifier; percent: boolean } | null {
  const m =
    /^([<>≤≥＜＞]=?)?\s*[[［【]?\s*(-?\d+(?:\.\d+)?)\s*[\]］】]?\s*(%|％)?\s*(左右|以上|以内|以下)?$/.exec(
      text,
    );
  if (!m) return null;
  const sign = m[1] ?? '';
  const tail = m[4] ?? '';
  let qualifier: Qualifier = 'exact';
  if (/[<≤＜]/.test(sign) || tail === '以内' || tail === '以下') qualifier = 'at_most';
  else if (/[>≥＞]/.test(sign) || tail === '以上') qualifier = 'at_least';
  else if (tail === '左右') qualifier = 'approx';
  return { value: Number(m[2]), qualifier, percent: m[3] !== undefined };
}

function kindOf(name: string, unit: string): Kind {
  if (unit === '%') return GROWTH_NAME.test(name) ? 'growth_rate' : 'share';
  if (COUNT_UNITS.test(unit) && !INTENSITY.test(name)) return 'count';
  return 'level';
}

/**
 * Reads the indicator tables of a raw document. `docYear` is the year the document plans for (its
 * first target year); null dates a year column as a target when it is the table's last.
 */
export function readIndicatorTables(raw: string, docYear: number | null): TableRead {
  const out: TableRead = { rows: [], statements: [] };
  let header: Column[] | null = null;
  let at = 0;
  for (const line of raw.split('\n')) {
    const start = at;
    at += line.length + 1;
    const row = cells(line.replace(/\r$/, ''), start);
    if (row === null) {
      header = null;
      continue;
    }
    if (row.every((c) => /^[-:：\s]*$/.test(c.text))) continue; // |---|---|
    const cols = row.map((c) => columnOf(c.text));
    if (cols.some((c) => c.type === 'year') && row.every((c) => cellNumber(c.text) === null)) {
      header = cols;
      out.rows.push([start, start + line.length]);
      continue;
    }
    if (header === null) continue;
    const years = header.flatMap((c) => (c.type === 'year' ? [c.year] : []));
    const lastYear = Math.max(...years);
    const firstValue = header.findIndex((c) => c.type !== 'other');
    const nameCell = row
      .slice(0, firstValue)
      .filter((c) => /[\u4e00-\u9fff]/.test(c.text))
      .at(-1);
    if (nameCell === undefined) continue;
    const unitOf = bracketUnit(nameCell.text);
    const name = nameCell.text.replace(/[（(][^（()）]*[）)]\s*$/, '').trim();
    out.rows.push([start, start + line.length]);
    row.forEach((cell, i) => {
      const col = header?.[i];
      const n = cellNumber(cell.text);
      if (col === undefined || col.type === 'other' || n === null) return;
      let value = n.value;
      let unit: string;
      let kind: Kind;
      let year: number;
      if (col.type === 'growth') {
        // [3.6] in a percentage indicator is a change in percentage points; else a growth in %.
        const pp = !n.percent && unitOf?.[1] === '%';
        unit = pp ? 'pp' : '%';
        kind = 'growth_rate';
        year = lastYear;
      } else {
        if (unitOf === null && !n.percent) return;
        const [mag, u] = n.percent ? [1, '%'] : (unitOf ?? [1, '']);
        value = Math.round(value * mag * 1e6) / 1e6;
        unit = u;
        kind = kindOf(name, unit);
        year = col.year;
      }
      const target = docYear !== null ? year >= docYear : year === lastYear;
      out.statements.push({
        text: cell.text,
        subject:
          col.type === 'growth' ? `${name}${col.cumulative ? '累计' : '年均'}变化` : `${year}年${name}`,
        value,
        unit,
        kind,
        qualifier: n.qualifier,
        period: target ? 'target' : 'achievement',
        target_year: target ? year : null,
        start: cell.start,
        end: cell.end,
      });
    });
  }
  return out;
}
