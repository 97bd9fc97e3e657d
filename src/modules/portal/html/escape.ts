/**
 * HTML templates as typed functions: `html\`…\`` escapes every interpolated value unless it is
 * already `Html` (made by `html` itself or by `raw`, which only trusted renderers such as the
 * chart's SVG use). Arrays are joined; null, undefined and false render nothing.
 */

/** Markup known to be safe. Only `html` and `raw` make one. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => entities[c] ?? c);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

/** The template tag: `html\`<p>${text}</p>\`` escapes `text`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i] ?? null) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Markup produced by a trusted renderer (never user text). */
export function raw(markup: string): Html {
  return new Html(markup);
}

/**
 * A URL for an href: only relative paths of the portal itself (no scheme, no `//`), so stored
 * text can never become a `javascript:` link or a link out of the portal.
 */
export function safeHref(url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') ? '#' : url;
}
