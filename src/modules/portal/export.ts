/**
 * `export-site`: the whole portal as static files any web server can serve: the same pages and
 * downloads as /portal/, with relative links, plus sitemap.xml. Only published, accepted content.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Db } from '../../db';
import { loadPublicPlans } from './portal.service';
import { portalSite, sitemap } from './site';

export interface ExportResult {
  files: number;
  plans: number;
}

/** Writes the portal into `dir` (created if missing). `baseUrl` makes the sitemap's URLs absolute. */
export async function exportSite(
  db: Db,
  dir: string,
  opts: { asOf: string; tenant?: string; baseUrl?: string },
): Promise<ExportResult> {
  const plans = await loadPublicPlans(db, opts.tenant, opts.asOf);
  const site = portalSite(plans);
  const root = resolve(dir);
  for (const file of site) {
    const path = join(
      root,
      file.path === '' || file.path.endsWith('/') ? `${file.path}index.html` : file.path,
    );
    // Paths come from plan-file ids (letters, digits, _ . -): never outside the export folder.
    if (!path.startsWith(root)) throw new Error(`refusing to write outside ${root}: ${file.path}`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, await file.render());
  }
  await writeFile(join(root, 'sitemap.xml'), sitemap(site, opts.baseUrl ?? ''));
  return { files: site.length + 1, plans: plans.length };
}
