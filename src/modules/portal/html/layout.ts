/** The page shell of every portal page: language, relative links, the stylesheet, header and footer. */
import { html, raw, safeHref, type Html, type HtmlValue } from './escape';
import { statusLook, t, type Lang, type StatusCode } from './i18n';

/** Where a page is: its language and its path below the portal root (`plans/x/`, `` for the root). */
export interface PageCtx {
  lang: Lang;
  path: string;
}

/** A path with its language prefix: English pages live under `en/`. */
export function localPath(lang: Lang, path: string): string {
  return (lang === 'en' ? 'en/' : '') + path;
}

/**
 * A link relative to the current page, so the same HTML works served under /portal/ and as
 * static files anywhere. `file` links (downloads) have no language.
 */
export function href(ctx: PageCtx, to: string, opts: { file?: boolean; lang?: Lang } = {}): string {
  const depth = localPath(ctx.lang, ctx.path).split('/').length - 1;
  const target = opts.file ? to : localPath(opts.lang ?? ctx.lang, to);
  return safeHref('../'.repeat(depth) + target || './');
}

export function link(ctx: PageCtx, to: string, text: HtmlValue, opts: { file?: boolean } = {}): Html {
  return html`<a href="${href(ctx, to, opts)}">${text}</a>`;
}

/** A status as a symbol, a colour and a word (never colour alone). */
export function statusBadge(status: StatusCode, lang: Lang): Html {
  const look = statusLook[status];
  return html`<span class="light light-${status}"
    ><span aria-hidden="true">${look.symbol}</span> ${look[lang]}</span
  >`;
}

const css = `
:root{--ink:#1f2328;--muted:#4b5563;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--brand:#1d5fa8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--brand)}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:9}
header.site{background:var(--brand);color:#fff;padding:12px 16px}
header.site a{color:#fff}
header.site .bar{max-width:1040px;margin:0 auto;display:flex;flex-wrap:wrap;gap:8px 20px;align-items:center;justify-content:space-between}
header.site nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
.brand{font-weight:700;font-size:1.1rem;text-decoration:none}
main{max-width:1040px;margin:0 auto;padding:16px}
h1{font-size:1.6rem;line-height:1.3;margin:.4em 0}
h2{font-size:1.25rem;margin:1.4em 0 .5em;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:1.05rem;margin:1em 0 .4em}
.meta,.muted{color:var(--muted);font-size:.92rem}
.cards{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(290px,1fr));gap:12px}
.card{border:1px solid var(--line);border-radius:8px;padding:12px;background:var(--bg)}
.card p{margin:.3em 0}
.light{display:inline-block;font-weight:600;white-space:nowrap;padding:0 8px;border-radius:10px;background:var(--soft)}
.light-achieved{color:#1d5fa8}.light-on_track{color:#1f7a3a}.light-at_risk{color:#8a5a00}.light-off_track{color:#b42318}.light-no_data{color:#4b5563}
.counts{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.95rem}
th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th{background:var(--soft)}
figure{margin:0}
.chart svg{max-width:100%;height:auto}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
.downloads{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}
.downloads a{display:inline-block;border:1px solid var(--brand);border-radius:6px;padding:4px 12px;text-decoration:none}
code{background:var(--soft);padding:0 4px;border-radius:4px;word-break:break-all}
footer{max-width:1040px;margin:24px auto;padding:16px;border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
.task{display:inline-block;font-weight:600;padding:0 8px;border-radius:10px;background:var(--soft)}
.task-in_progress{color:#1f7a3a}.task-overdue{color:#b42318}.task-completed{color:#1d5fa8}.task-not_started{color:#4b5563}
.meter{display:inline-block;width:100%;max-width:240px;height:8px;background:var(--soft);border:1px solid var(--line);border-radius:4px;overflow:hidden}
.meter span{display:block;height:100%;background:var(--brand)}
@media (max-width:600px){h1{font-size:1.3rem}main{padding:12px}dl.facts{grid-template-columns:1fr}}
`;

export interface PageProps {
  ctx: PageCtx;
  title: string;
  siteTitle: string;
  /** The plan whose overview, data and changes the header links to. */
  planId?: string;
  body: Html;
  asOf?: string;
}

/** The whole HTML document. */
export function page(p: PageProps): string {
  const { ctx } = p;
  const other: Lang = ctx.lang === 'zh' ? 'en' : 'zh';
  const planNav = p.planId
    ? html`<li>${link(ctx, `plans/${p.planId}/`, t(ctx.lang, 'overview'))}</li>
        <li>${link(ctx, `plans/${p.planId}/changes/`, t(ctx.lang, 'changes'))}</li>`
    : null;
  const doc = html`<!doctype html>
    <html lang="${ctx.lang === 'zh' ? 'zh-CN' : 'en'}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${p.title} · ${p.siteTitle}</title>
        <style>
          ${raw(css) /* our own constant: escaped, its quoted font names broke the whole rule */}
        </style>
      </head>
      <body>
        <a class="skip" href="#main">${t(ctx.lang, 'skip')}</a>
        <header class="site">
          <div class="bar">
            <a class="brand" href="${href(ctx, '')}">${p.siteTitle}</a>
            <nav aria-label="${t(ctx.lang, 'portal')}">
              <ul>
                ${planNav}
                <li>${link(ctx, 'data/', t(ctx.lang, 'openData'))}</li>
                <li>
                  <a
                    href="${href(ctx, ctx.path, { lang: other })}"
                    hreflang="${other === 'zh' ? 'zh-CN' : 'en'}"
                    lang="${other === 'zh' ? 'zh-CN' : 'en'}"
                    aria-label="${t(ctx.lang, 'languageLabel')}"
                    >${t(ctx.lang, 'language')}</a
                  >
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main">${p.body}</main>
        <footer>
          <p>${t(ctx.lang, 'footer')}${p.asOf ? html` ${t(ctx.lang, 'asOf', { date: p.asOf })}` : null}</p>
        </footer>
      </body>
    </html> `;
  return doc.value;
}
