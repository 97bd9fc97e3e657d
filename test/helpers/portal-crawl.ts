/**
 * Reading the public portal as a visitor would: crawl /portal/ over HTTP following every link,
 * or walk a static export checking every link. XLSX files are read back to their cell text so
 * that a leak inside a spreadsheet is found too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ExcelJS from 'exceljs';

const hrefs = (html: string) =>
  [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));

/** The text of every cell of a workbook. */
export async function xlsxText(bytes: Uint8Array): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const out: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => out.push(cell.text))));
  return out.join('\n');
}

async function textOf(path: string, bytes: Uint8Array): Promise<string> {
  return path.endsWith('.xlsx') ? xlsxText(bytes) : new TextDecoder().decode(bytes);
}

export interface Crawled {
  /** Body text by URL path. */
  bodies: Map<string, string>;
  /** Links that did not answer 200: `from -> to (status)`. */
  broken: string[];
  /** Links leaving /portal/. */
  outside: string[];
}

/** Fetches every page and file reachable from the start paths, staying under /portal/. */
export async function crawlPortal(
  baseUrl: string,
  starts: string[] = ['/portal/', '/portal/en/'],
): Promise<Crawled> {
  const bodies = new Map<string, string>();
  const broken: string[] = [];
  const outside: string[] = [];
  const queue = starts.map((s) => ({ path: s, from: '(start)' }));
  const seen = new Set(starts);
  while (queue.length) {
    const { path, from } = queue.shift() as { path: string; from: string };
    const res = await fetch(baseUrl + path, { redirect: 'manual' });
    if (res.status !== 200) {
      broken.push(`${from} -> ${path} (${res.status})`);
      continue;
    }
    const text = await textOf(path, new Uint8Array(await res.arrayBuffer()));
    bodies.set(path, text);
    if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) continue;
    for (const h of hrefs(text)) {
      if (h.startsWith('#')) continue;
      const url = new URL(h, baseUrl + path);
      if (url.origin !== baseUrl || !url.pathname.startsWith('/portal/')) {
        outside.push(`${path} -> ${h}`);
        continue;
      }
      if (!seen.has(url.pathname)) {
        seen.add(url.pathname);
        queue.push({ path: url.pathname, from: path });
      }
    }
  }
  return { bodies, broken, outside };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Every file of a static export (text; XLSX as cell text) and every link that does not resolve to a file. */
export async function checkExport(
  dir: string,
): Promise<{ bodies: Map<string, string>; broken: string[]; outside: string[] }> {
  const root = resolve(dir);
  const bodies = new Map<string, string>();
  const broken: string[] = [];
  const outside: string[] = [];
  for (const file of walk(root)) {
    const rel = relative(root, file);
    const text = await textOf(file, readFileSync(file));
    bodies.set(rel, text);
    if (!file.endsWith('.html')) continue;
    for (const h of hrefs(text)) {
      if (h.startsWith('#')) continue;
      if (/^[a-z]+:|^\/\//i.test(h) || h.startsWith('/')) {
        outside.push(`${rel} -> ${h}`);
        continue;
      }
      let target = resolve(dirname(file), h.split('#')[0] ?? '');
      if (h.endsWith('/') || h === './' || h === '') target = join(target, 'index.html');
      if (!target.startsWith(root)) outside.push(`${rel} -> ${h}`);
      else if (!existsSync(target)) broken.push(`${rel} -> ${h}`);
    }
  }
  return { bodies, broken, outside };
}
