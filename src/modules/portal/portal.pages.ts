/**
 * The server-rendered portal under /portal/: every page and download of `portalSite`, the same
 * files `export-site` writes. No login, no JavaScript needed. `?lang=en` goes to the English tree
 * (/portal/en/…) so that relative links stay right.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { PublicPlan } from '../../contracts/portal';
import type { AppEnv } from '../http';
import { shortCache } from '../short-cache';
import { todayUtc } from '../status';
import { openCors } from './portal.routes';
import { loadPublicPlans } from './portal.service';
import { findSiteFile, portalSite, sitemap, type SiteFile } from './site';

/**
 * The loaded portal for a second (any write on this server clears it): a reader or a crawler
 * going through a 300-target plan's 2,400 pages does not load the whole plan for each.
 */
const loaded = shortCache<{ plans: PublicPlan[]; site: SiteFile[] }>(1000, 50);

async function portalOf(c: Context<AppEnv>) {
  const asOf = todayUtc(c.get('now')());
  // Per database read: what the replica gave is not served to a reader sent to the primary.
  const reads = c.get('reads');
  const key = `${reads.label}|${asOf}`;
  const hit = loaded.get(key, Date.now());
  if (hit) return hit;
  const plans = await loadPublicPlans(reads, undefined, asOf);
  const value = { plans, site: portalSite(plans) };
  loaded.set(key, value, Date.now());
  return value;
}

async function answer(c: Context<AppEnv>): Promise<Response> {
  const rest = c.req.path.slice('/portal/'.length);
  if (c.req.query('lang') === 'en' && !rest.startsWith('en/')) return c.redirect(`/portal/en/${rest}`, 302);
  if (c.req.query('lang') === 'zh' && rest.startsWith('en/'))
    return c.redirect(`/portal/${rest.slice(3)}`, 302);
  const { site } = await portalOf(c);
  if (rest === 'sitemap.xml') {
    const origin = new URL(c.req.url).origin;
    return c.body(sitemap(site, `${origin}/portal/`), 200, {
      'Content-Type': 'application/xml; charset=utf-8',
    });
  }
  const file = findSiteFile(site, rest);
  if (!file) return c.notFound();
  // A page asked for without its slash: relative links need it.
  if (file.path !== rest && file.path === `${rest}/`) return c.redirect(`/portal/${file.path}`, 301);
  const body = await file.render();
  return c.body(typeof body === 'string' ? body : body.slice().buffer, 200, {
    'Content-Type': file.type,
    'Cache-Control': 'public, max-age=60',
  });
}

export function portalPages(app: OpenAPIHono<AppEnv>): void {
  app.use('/portal/*', openCors);
  app.get('/portal', (c) => c.redirect('/portal/', 301));
  app.get('/portal/*', answer);
}
