/**
 * One language at a time (issue 18): every page of the web app, for each role that has pages
 * (administrator, supervisor, leader, reporter, department head, and the public), in Chinese and
 * in English, fails on words of the other language outside the data. The check reads the rendered
 * text, the accessible names (aria-label), placeholders and titles; what counts as data comes from
 * the API (the plan, its tasks, departments, users, the session), never from the pages' own words:
 *   - zh: a Latin word passes only when it is a word of the data (a code, an indicator id, a unit
 *     such as PM2.5, a user name, a word in a Chinese name) or a number;
 *   - en: a run of Chinese passes only when it is data without an English form (a name of the
 *     plan with no `name_en`, a person, a department without an English name).
 * An element marked with another `lang` (the language switch) is that language on purpose.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';
import { launchBrowser, loginByForm, newPage, shots } from './browser';

const password = 'one language 一种语言 password 2026!';
const plan = 'yuzhong-2023';
type Lang = 'zh' | 'en';

/** Who walks which pages (a page a role may not use is walked too: its refusal is words as well). */
const walks: { who: string; pages: string[] }[] = [
  { who: 'public', pages: ['/', '/login', '/portal', '/indicators/gdp', '/portal/'] },
  {
    who: 'li-ming', // reporter of the statistics bureau
    pages: ['/data', '/data/upload', '/data/history/gdp/2025', '/tasks/mine', '/', '/indicators/gdp'],
  },
  { who: 'zhang-hua', pages: ['/data/review', '/data', '/data/upload', '/tasks/mine'] }, // head
  {
    who: 'wang-jun', // supervisor
    pages: [
      '/data/review',
      '/data/district',
      '/tasks',
      '/tasks/red',
      '/tasks/review',
      '/tasks/assessments',
      '/tasks/p5-a1-t1',
      '/tasks/upload',
      '/extract',
      '/scorecards',
      '/reports',
    ],
  },
  { who: 'chen-qiang', pages: ['/', '/plan', '/cockpit', '/tasks', '/scorecards', '/reports'] }, // leader
  { who: 'admin', pages: ['/admin/users', '/admin/departments', '/admin/tokens', '/admin/audit'] },
];

/**
 * Names of file formats, the same words in either language (支持 .xlsx 和 .csv; 下载 Word/PDF/Excel):
 * the only words the check takes from outside the data.
 */
const formats = new Set(['xlsx', 'csv', 'docx', 'pdf', 'Word', 'PDF', 'Excel', 'CSV', 'JSON']);

const cjk = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]+/gu;
const hasCjk = /[\u3400-\u9fff]/u;
const latinWord = /[A-Za-z][A-Za-z0-9₂²³.'’_-]*/gu;

/** The strings of the data, by the language a reader sees them in. */
interface Allowed {
  /** Latin words that data shows in Chinese mode (codes, ids, units, names). */
  latin: Set<string>;
  /** Latin words of the English forms: data on a page that edits both forms (单位管理). */
  english: Set<string>;
  /** Chinese strings that data shows in English mode (names without an English form), longest first. */
  chinese: string[];
  /** Every Chinese string of the data: on a page that edits both forms. */
  chineseForms: string[];
}

/**
 * Collects the data's strings from API answers: a string under a key `x` whose object also has a
 * non-empty `x_en` (or `zh` beside `en`) has an English form, so only the English form may show in
 * English mode and only `x` in Chinese mode.
 */
function collect(answers: unknown[]): Allowed {
  const latin = new Set<string>();
  const englishForms = new Set<string>();
  const chinese = new Set<string>();
  const chineseForms = new Set<string>();
  const visit = (v: unknown, key: string, parent: Record<string, unknown> | null) => {
    if (typeof v === 'string') {
      const english = key.endsWith('_en') || key === 'en';
      const hasEnglish =
        parent !== null &&
        ((typeof parent[`${key}_en`] === 'string' && parent[`${key}_en`] !== '') ||
          (key === 'zh' && typeof parent.en === 'string'));
      if (!english) for (const w of v.match(latinWord) ?? []) latin.add(w);
      if (!english && !hasEnglish && hasCjk.test(v)) chinese.add(v);
      if (!english && hasCjk.test(v)) chineseForms.add(v);
      if (english) for (const w of v.match(latinWord) ?? []) englishForms.add(w);
      return;
    }
    if (Array.isArray(v)) v.forEach((x) => visit(x, key, parent));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const [k, x] of Object.entries(o)) visit(x, k, o);
    }
  };
  answers.forEach((a) => visit(a, '', null));
  const longestFirst = (s: Set<string>) => [...s].sort((a, b) => b.length - a.length);
  return {
    latin,
    english: englishForms,
    chinese: longestFirst(chinese),
    chineseForms: longestFirst(chineseForms),
  };
}

/** What a person reads or hears on the page, without the parts marked as another language. */
// Plain JavaScript in a string: the test runner's transpiler would name the inner functions.
const readableScript = `(lang) => {
  const foreign = (el) => {
    const l = el.closest('[lang]')?.getAttribute('lang') ?? '';
    return l !== '' && !l.startsWith(lang);
  };
  const skip = [...document.querySelectorAll('[lang]')].filter(foreign);
  let text = document.body.innerText;
  for (const el of skip) if (el.innerText) text = text.split(el.innerText).join(' ');
  const attrs = [...document.querySelectorAll('[aria-label],[placeholder],[title],img[alt]')]
    .filter((el) => !foreign(el) && el.offsetParent !== null && el.closest('[aria-hidden=true]') === null)
    .flatMap((el) => ['aria-label', 'placeholder', 'title', 'alt'].map((a) => el.getAttribute(a) ?? ''));
  return [text, ...attrs].join('\\n');
}`;

async function readable(page: Page, lang: Lang): Promise<string> {
  return page.evaluate(`(${readableScript})(${JSON.stringify(lang)})`);
}

/** The other language's words on a page, outside the data. */
function strays(text: string, lang: Lang, allowed: Allowed, bilingual: boolean): string[] {
  const found = new Set<string>();
  if (lang === 'zh') {
    for (const w of text.match(latinWord) ?? []) {
      const bare = w.replace(/[.'’_-]+$/u, '');
      const known = (x: string) =>
        allowed.latin.has(x) || formats.has(x) || (bilingual && allowed.english.has(x));
      if (!known(w) && !known(bare) && !/^[A-Za-z]$/u.test(bare)) found.add(bare);
    }
  } else {
    let rest = text;
    for (const s of bilingual ? allowed.chineseForms : allowed.chinese) rest = rest.split(s).join(' ');
    for (const run of rest.match(cjk) ?? []) if (hasCjk.test(run)) found.add(run);
  }
  return [...found];
}

describe('one language at a time on every page', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let allowed: Allowed;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite', { now: () => new Date('2026-12-01T08:00:00Z') });
    const admin = await login(server.url, 'admin', testAdminPassword);
    const people: [string, string, string, string[]][] = [
      ['li-ming', '李明', 'reporter', ['tjj']],
      ['zhang-hua', '张华', 'dept_head', ['tjj']],
      ['wang-jun', '王军', 'supervisor', []],
      ['chen-qiang', '陈强', 'leader', []],
    ];
    for (const [username, display_name, role, departments] of people) {
      const res = await admin.send('POST', '/api/users', {
        username,
        display_name,
        password,
        roles: [role],
        departments,
      });
      assert.equal(res.status, 201, await res.text());
      await login(server.url, username, password); // the first login sets the password
    }
    // A value in the workflow, so the queue, the history and the messages have something to say.
    const li = await login(server.url, 'li-ming', password);
    const data = `/api/plans/${plan}/data`;
    let res = await li.send('POST', `${data}/values`, { indicator: 'gdp', period: '2026', value: 1850 });
    assert.equal(res.status, 201, await res.text());
    res = await li.send('POST', `${data}/values/gdp/2026/submit`, { if_version: 1 });
    assert.equal(res.status, 200, await res.text());
    allowed = collect(await dataOf(admin));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The data the pages show, as the API gives it. */
  async function dataOf(admin: Client): Promise<unknown[]> {
    const paths = [
      `/api/plans/${plan}`,
      `/api/plans/${plan}/tasks`,
      `/api/plans/${plan}/observations?indicator=gdp`,
      `/api/plans/${plan}/status`,
      '/api/departments',
      '/api/users',
      '/api/auth/me',
      '/api/plans',
    ];
    const out: unknown[] = [];
    for (const p of paths) {
      const res = await admin.get(p);
      assert.equal(res.status, 200, `${p}: ${res.status}`);
      out.push(await res.json());
    }
    // Each task's milestones and reports (the board names a task's next milestone).
    const list = (out[1] as { tasks: { id: string }[] }).tasks;
    assert.ok(list.length > 0, 'the demo plan has tasks');
    for (const t of list) out.push(await (await admin.get(`/api/plans/${plan}/tasks/${t.id}`)).json());
    return out;
  }

  async function open(who: string, lang: Lang): Promise<Page> {
    const page = await newPage(browser);
    if (who === 'public') await page.goto(`${server.url}/`);
    else await loginByForm(page, server.url, who, who === 'admin' ? testAdminPassword : password);
    await page.evaluate((l) => window.localStorage.setItem('shixiao.lang', l), lang);
    return page;
  }

  async function settle(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page
      .locator('.ant-spin-spinning, .ant-skeleton-active')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined); // pages without a spinner
  }

  for (const lang of ['zh', 'en'] as const) {
    it(`shows no ${lang === 'zh' ? 'English' : 'Chinese'} words outside the data in ${lang}`, async () => {
      const problems: string[] = [];
      for (const walk of walks) {
        const page = await open(walk.who, lang);
        for (const path of walk.pages) {
          const url = path.startsWith('/portal/') && lang === 'en' ? `/portal/en/` : path;
          await page.goto(`${server.url}${url}`);
          await settle(page);
          // 单位管理 edits a department's Chinese and English names: both are its data.
          const bad = strays(await readable(page, lang), lang, allowed, path === '/admin/departments');
          if (bad.length) problems.push(`${walk.who} ${url}: ${bad.join(' | ')}`);
        }
        if (walk.who === 'wang-jun')
          await page.screenshot({ path: `${shots}/one-language-${lang}.png`, fullPage: true });
        await page.context().close();
      }
      assert.deepEqual(problems, [], `words of the other language in ${lang}`);
    });
  }
});
