/**
 * The portal as a set of files: every page in both languages, every download, the data
 * packages. The server answers /portal/PATH from this map and `export-site` writes it out, so
 * the served portal and the static one are the same files with the same relative links.
 */
import type { PublicPlan } from '../../contracts/portal';
import { changesPage, dataIndexPage, packagePath } from './html/data-pages';
import { indicatorPage, targetPage } from './html/detail';
import type { Lang } from './html/i18n';
import { localPath } from './html/layout';
import { overviewPage } from './html/overview';
import { programmePage } from './html/programme';
import { downloadPaths } from './html/parts';
import {
  dataPackage,
  dataPackageFiles,
  indicatorJson,
  indicatorTable,
  metadataTable,
  opensdgCsv,
} from './opendata/packages';
import { planTables } from './opendata/tables';
import { toCsv } from './opendata/tables';
import { toXlsx } from './opendata/xlsx';

export interface SiteFile {
  /** Below the portal root; a page's path ends in `/` (written as `…/index.html`). */
  path: string;
  type: string;
  render(): string | Promise<Uint8Array>;
}

const htmlType = 'text/html; charset=utf-8';
const csvType = 'text/csv; charset=utf-8';
const jsonType = 'application/json; charset=utf-8';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function pages(plans: readonly PublicPlan[], lang: Lang): SiteFile[] {
  const at = (path: string, render: (ctx: { lang: Lang; path: string }) => string): SiteFile => ({
    path: localPath(lang, path),
    type: htmlType,
    render: () => render({ lang, path }),
  });
  const out: SiteFile[] = [];
  const first = plans[0];
  if (first) out.push(at('', (ctx) => overviewPage(ctx, first, plans)));
  out.push(at('data/', (ctx) => dataIndexPage(ctx, plans)));
  for (const plan of plans) {
    const p = `plans/${plan.plan.id}/`;
    out.push(at(p, (ctx) => overviewPage(ctx, plan, plans)));
    out.push(at(`${p}changes/`, (ctx) => changesPage(ctx, plan)));
    for (const target of plan.targets)
      out.push(at(`${p}targets/${target.id}/`, (ctx) => targetPage(ctx, plan, target)));
    for (const i of plan.indicators)
      out.push(at(`${p}indicators/${i.id}/`, (ctx) => indicatorPage(ctx, plan, i)));
    for (const pr of plan.programmes)
      out.push(at(`${p}programmes/${pr.id}/`, (ctx) => programmePage(ctx, plan, pr)));
  }
  return out;
}

function files(plan: PublicPlan): SiteFile[] {
  const id = plan.plan.id;
  const out: SiteFile[] = [
    { path: packagePath(id, 'datapackage.json'), type: jsonType, render: () => dataPackage(plan) },
    { path: packagePath(id, 'plan.json'), type: jsonType, render: () => JSON.stringify(plan, null, 2) },
    { path: packagePath(id, 'plan.xlsx'), type: xlsxType, render: () => toXlsx(planTables(plan)) },
  ];
  for (const [name, text] of dataPackageFiles(plan)) {
    out.push({ path: packagePath(id, name), type: csvType, render: () => text });
  }
  for (const i of plan.indicators) {
    const d = downloadPaths(id, i.id);
    out.push(
      { path: d.csv, type: csvType, render: () => toCsv(indicatorTable(i)) },
      { path: d.json, type: jsonType, render: () => indicatorJson(plan, i) },
      { path: d.xlsx, type: xlsxType, render: () => toXlsx([indicatorTable(i), metadataTable(i)]) },
      { path: packagePath(id, `opensdg/indicator_${i.id}.csv`), type: csvType, render: () => opensdgCsv(i) },
    );
  }
  return out;
}

/** Every file of the portal for these published plans. */
export function portalSite(plans: readonly PublicPlan[]): SiteFile[] {
  return [...pages(plans, 'zh'), ...pages(plans, 'en'), ...plans.flatMap(files)];
}

/** The file a request path (below /portal/) names: `x/` and `x/index.html` are the same page. */
export function findSiteFile(site: readonly SiteFile[], path: string): SiteFile | undefined {
  const clean = path.endsWith('index.html') ? path.slice(0, -'index.html'.length) : path;
  return site.find((f) => f.path === clean) ?? site.find((f) => f.path === `${clean}/`);
}

/** sitemap.xml of the pages, for a site served at `base` (absolute URL ending in `/`). */
export function sitemap(site: readonly SiteFile[], base: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const urls = site
    .filter((f) => f.path === '' || f.path.endsWith('/'))
    .map((f) => `  <url><loc>${esc(base + f.path.split('/').map(encodeURIComponent).join('/'))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
