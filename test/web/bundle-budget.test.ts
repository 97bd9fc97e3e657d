/**
 * The JavaScript budget (issue 12): no first visit of `/`, `/login`, `/portal/`, `/cockpit`,
 * `/cockpit/screen`, `/data` or an indicator page transfers more than 250 KB of JavaScript,
 * counted from the production build (dist/web) as the server sends it: the entry, the page's lazy
 * chunks and everything they import, brotli-compressed (what Chromium asks for and gets). The
 * gzip figure, for clients without brotli, is printed beside it. Needs `npm run build:web`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstVisitJs } from './first-visit';

const budget = 250 * 1024;

/** What each page loads on a first visit, by the source module of its lazy chunk(s). */
export const firstVisits: Record<string, string[]> = {
  '/': ['src/features/overview/OverviewPage.tsx'],
  '/login': ['src/features/auth/LoginPage.tsx'],
  '/portal/': ['src/features/portal/PortalPage.tsx'],
  '/cockpit': ['src/features/cockpit/CockpitPage.tsx'],
  '/cockpit/screen': ['src/features/cockpit/ScreenPage.tsx'],
  '/data': ['src/features/data/DataPage.tsx', 'src/features/data/EntryPage.tsx'],
  '/indicators/gdp': ['src/features/indicator/IndicatorPage.tsx'],
  '/tasks': ['src/features/tasks/TasksPage.tsx', 'src/features/tasks/BoardPage.tsx'],
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

describe('JavaScript budget of a first visit', () => {
  for (const [page, modules] of Object.entries(firstVisits)) {
    it(`${page} stays within ${kb(budget)} on the wire`, (t) => {
      const w = firstVisitJs('dist/web', modules);
      t.diagnostic(
        `${page}: ${kb(w.brotli)} brotli, ${kb(w.gzip)} gzip, ${kb(w.raw)} raw, ${w.files.length} files`,
      );
      assert.ok(w.files.length > 1, 'the entry and the page chunk are counted');
      assert.ok(
        w.brotli <= budget,
        `${page} loads ${kb(w.brotli)} of JavaScript (brotli): ${w.files.join(', ')}`,
      );
    });
  }

  it('keeps chart and table libraries out of the first load', () => {
    const w = firstVisitJs('dist/web', []);
    const heavy = w.files.filter((f) => /echarts|zrender|table|select/i.test(f));
    assert.deepEqual(heavy, [], 'the entry loads no chart or table library');
  });
});
