/**
 * Portal rendering (pure): stored text is escaped everywhere (XSS payloads in every field of a
 * published plan come back as text), links stay relative and inside the portal, numbers are
 * written as officials write them, and a monthly indicator under a yearly floor shows the year so
 * far against the expected point.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PublicPlan } from '../../contracts/portal';
import { formatLatestPeriod, formatTargetValue, formatValue } from './html/format';
import { latestLine } from './html/overview';
import { portalSite } from './site';

const payload = `<script>alert(1)</script>"'><img src=x onerror=alert(1)>javascript:alert(1)`;

function plan(text: string): PublicPlan {
  const evaluation = {
    target: 't-air',
    indicator: 'air',
    kind: 'annual_floor',
    status: 'on_track' as const,
    as_of: '2026-07-15',
    latest: { period: '2026-06', value: 156 },
    expected: 150.04,
    ratio: 1.04,
    projection: { year: 2027, value: 320.37, low: 295.98, high: 346.76, probability: 0.82 },
    projection_reason: null,
    stale: false,
    required_growth: null,
    explanation: { zh: text, en: text },
    baseline: null,
    series: [
      { period: '2024', value: 316 },
      { period: '2025', value: 309 },
    ],
    expected_path: [
      { period: '2025', value: 305 },
      { period: '2026', value: 305 },
      { period: '2027', value: 305 },
    ],
    unit: text,
  };
  const dept = { id: 'd', name: text, name_en: text };
  return {
    plan: {
      id: 'p1',
      title: text,
      title_en: text,
      start: 2023,
      end: 2027,
      baseline_year: 2022,
      source: text,
    },
    as_of: '2026-07-15',
    updated: '2026-07-10',
    counts: { on_track: 1 },
    goal_areas: [
      { id: 'g', name: text, name_en: text, description: text, targets: ['t-air'], indicators: ['air'] },
    ],
    targets: [
      {
        id: 't-air',
        text,
        text_en: text,
        kind: 'annual_floor',
        value: 305,
        qualifier: 'at_least',
        year: null,
        from: 2023,
        to: 2027,
        due: null,
        goal_area: 'g',
        indicator: 'air',
        evaluation,
        updated: '2026-07-10',
      },
    ],
    indicators: [
      {
        id: 'air',
        name: text,
        name_en: text,
        unit: text,
        direction: 'up',
        frequency: 'monthly',
        measure: 'flow',
        formula: text,
        definition: text,
        source: text,
        department: dept,
        goal_area: 'g',
        observations: [
          {
            period: '2026-05',
            value: 27,
            qualifier: null,
            source: text,
            illustrative: true,
            alternate: false,
            updated: '2026-06-10',
          },
          {
            period: '2026-06',
            value: 28,
            qualifier: text,
            source: `=HYPERLINK("x")${text}`,
            illustrative: false,
            alternate: false,
            updated: '2026-07-10',
          },
        ],
        updated: '2026-07-10',
        targets: ['t-air'],
      },
    ],
    programmes: [
      {
        id: 'pr',
        number: 1,
        name: text,
        name_en: text,
        actions: [{ id: 'a', name: text, name_en: text, lead_department: dept, co_departments: [dept] }],
        tasks: [
          {
            id: 'a-t1',
            title: text,
            action: 'a',
            lead_department: dept,
            co_departments: [dept],
            start: '2026-01-01',
            due: '2026-12-31',
            progress: 'in_progress',
            percent: 35,
            reported: '2026-Q2',
            illustrative: true,
          },
        ],
      },
    ],
    changes: [
      {
        at: '2026-07-10',
        action: 'data',
        kind: 'indicator',
        id: 'air',
        name: text,
        name_en: text,
        periods: ['2026-06'],
      },
    ],
  };
}

void describe('portal pages', () => {
  void it('escape every stored text and link only inside the portal', async () => {
    const site = portalSite([plan(payload)]);
    const pages = site.filter((f) => f.type.startsWith('text/html'));
    assert.ok(pages.length >= 10);
    for (const f of pages) {
      const text = (await f.render()) as string;
      assert.doesNotMatch(text, /<script|<img|<iframe/i, f.path);
      assert.match(text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, f.path);
      for (const m of text.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const url = m[1] ?? '';
        assert.doesNotMatch(url, /^[a-z][a-z0-9+.-]*:|^\/\//i, `${f.path}: ${url}`);
      }
      assert.ok(Buffer.byteLength(text) < 150_000, `${f.path} is ${Buffer.byteLength(text)} bytes`);
    }
  });

  void it('neutralise formulas in CSV downloads', async () => {
    const csv = portalSite([plan('x')]).find((f) => f.path === 'plans/p1/indicators/air/air.csv');
    const text = (await csv?.render()) as string;
    assert.match(text, /'=HYPERLINK/);
    assert.doesNotMatch(text, /,=HYPERLINK/);
  });
});

void describe('numbers as officials write them', () => {
  const cases: [number, string, 'zh' | 'en', string][] = [
    [1781.8, '亿元', 'zh', '1781.8亿元'],
    [13000, '亿元', 'zh', '1.3万亿元'],
    [4, '万人', 'zh', '4万人'],
    [305, '天', 'zh', '305天'],
    [1, '名', 'zh', '第1名'],
    [1781.8, '亿元', 'en', '178.18 billion yuan'],
  ];
  for (const [value, unit, lang, expected] of cases) {
    void it(`${value} ${unit} (${lang}) → ${expected}`, () =>
      assert.equal(formatValue(value, unit, lang), expected));
  }

  void it('show a monthly flow under a yearly floor as the year so far against the expected point', () => {
    const p = plan('空气');
    const target = p.targets[0];
    assert.ok(target);
    const e = target.evaluation;
    assert.ok(e);
    const t = { ...target, evaluation: { ...e, unit: '天' } };
    assert.equal(latestLine(t, undefined, 'zh'), '2026年1—6月累计156天（按进度应达150天）');
    assert.equal(formatLatestPeriod('2026-06', 'level', 'zh'), '2026年6月');
    assert.equal(formatTargetValue(t, '天', 'zh'), '每年305天以上（2023—2027年）');
  });
});
