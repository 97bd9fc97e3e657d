/**
 * Issue 13, SECURITY.md V8.3.1: the public portal shows only published objects and accepted
 * values. On SQLite and PostgreSQL this seeds everything that must stay inside — a draft plan,
 * a draft value, a submitted one, an approved-not-accepted one, a pending correction with its
 * reason, internal notes, an evidence file, withdrawn objects, people's names — and proves that
 * none reaches a portal page, a download, the open data API or the static export, while the
 * accepted figures do. Then it link-checks the static export.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../cli/run-cli';
import { dialects } from '../databases';
import { expectJson, seedDataUsers, type DataUsers } from '../helpers/data-users';
import { checkExport, crawlPortal } from '../helpers/portal-crawl';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const plan = '/api/plans/yuzhong-2023';
const data = `${plan}/data`;
const value = (indicator: string, period: string) => `${data}/values/${indicator}/${period}`;

/** Strings that must never be public. */
const secrets = {
  draftValue: '1888.77',
  submittedValue: '6.54321',
  approvedValue: '66.6789',
  correctedValue: '1799.99',
  draftNote: 'INTERNAL-NOTE-草稿备注',
  acceptedNote: 'INTERNAL-NOTE-已接受但内部',
  correctionReason: 'CORRECTION-REASON-更正原因',
  evidenceName: 'EVIDENCE-FILE-证明材料',
  draftPlanTitle: 'DRAFT-PLAN-未发布规划',
  withdrawnIndicator: '常住人口城镇化率',
  withdrawnTarget: '党建引领基层治理机制全面完善',
  withdrawnAreaIndicator: '群众安全感指数',
  person: '王秘书长',
  usernames: 'rep-a',
  supervisor: 'sup-1',
  hiddenTask: 'UNPUBLISHED-TASK-未公开任务',
  leader: 'LEADER-李副区长',
  taskDescription: 'TASK-DESCRIPTION-内部交办说明',
  reportProgress: 'REPORT-PROGRESS-进展情况',
  reportProblems: 'REPORT-PROBLEMS-存在问题',
  reviewComment: 'REVIEW-COMMENT-审核意见',
  pendingReport: 'PENDING-REPORT-待审核进展',
  taskEvidence: 'TASK-EVIDENCE-任务佐证材料',
};
/** Accepted figures that must be public (so that the search above can fail). */
const acceptedValue = '1234.56';
/** A published task's title: public, with its accepted progress only. */
const publishedTask = 'PUBLISHED-TASK-公开任务';

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

async function seed(server: RunningTestServer, admin: Client, u: DataUsers): Promise<void> {
  const step = (who: Client, i: string, p: string, name: string, body: object = { if_version: 1 }) =>
    expectJson(who.send('POST', `${value(i, p)}/${name}`, body), 200, `${name} ${i} ${p}`);
  // A person with a name, who records a value.
  const created = await admin.send('POST', '/api/users', {
    username: 'wang',
    display_name: secrets.person,
    password: 'a long enough password 2026',
    roles: ['reporter'],
    departments: ['tjj'],
  });
  assert.equal(created.status, 201, await created.clone().text());
  const wang = await login(server.url, 'wang', 'a long enough password 2026');
  // Draft value with an internal note and an evidence file.
  await expectJson(
    wang.send('POST', `${data}/values`, {
      indicator: 'gdp',
      period: '2026',
      value: 1888.77,
      note: secrets.draftNote,
    }),
    201,
    'draft',
  );
  const form = new FormData();
  form.append('file', new Blob([pdf]), `${secrets.evidenceName}.pdf`);
  const up = await fetch(`${server.url}${value('gdp', '2026')}/evidence`, {
    method: 'POST',
    headers: { Cookie: wang.cookie, 'X-CSRF-Token': wang.csrf },
    body: form,
  });
  assert.equal(up.status, 201, await up.clone().text());
  // Submitted, not approved.
  await expectJson(
    u.repA.send('POST', `${data}/values`, { indicator: 'gdp_growth', period: '2026', value: 6.54321 }),
    201,
    'submitted',
  );
  await step(u.repA, 'gdp_growth', '2026', 'submit');
  // Approved, not accepted.
  await expectJson(
    u.repA.send('POST', `${data}/values`, {
      indicator: 'resident_population',
      period: '2026',
      value: 66.6789,
    }),
    201,
    'approved',
  );
  await step(u.repA, 'resident_population', '2026', 'submit');
  await step(u.headA, 'resident_population', '2026', 'approve');
  // Accepted, with an internal note; then a correction pending with its reason.
  await expectJson(
    u.repA.send('POST', `${data}/values`, {
      indicator: 'tertiary_va',
      period: '2026',
      value: 1234.56,
      note: secrets.acceptedNote,
    }),
    201,
    'accepted',
  );
  await step(u.repA, 'tertiary_va', '2026', 'submit');
  await step(u.headA, 'tertiary_va', '2026', 'approve');
  await step(u.sup, 'tertiary_va', '2026', 'accept');
  await expectJson(
    u.repA.send('POST', `${value('tertiary_va', '2026')}/corrections`, {
      if_version: 1,
      value: 1799.99,
      reason: secrets.correctionReason,
    }),
    201,
    'correction',
  );
  // Withdrawn objects.
  for (const [kind, id] of [
    ['indicator', 'urbanization_rate'],
    ['target', 't-party-governance'],
    ['goal_area', 'governance'],
  ]) {
    await expectJson(
      u.sup.send('POST', `${plan}/publications`, { kind, id, published: false }),
      200,
      `withdraw ${id}`,
    );
  }
  await seedTasks(server, u);
  // A draft plan.
  const draft = await admin.send('POST', '/api/plans', {
    plan: {
      plan: { id: 'draft-plan', title: secrets.draftPlanTitle, start: 2026, end: 2030, baseline_year: 2025 },
      indicators: [
        {
          id: 'x',
          name: 'DRAFT-INDICATOR',
          unit: '亿元',
          direction: 'up',
          frequency: 'annual',
          measure: 'flow',
        },
      ],
      targets: [{ id: 't-x', indicator: 'x', kind: 'level', value: 10, year: 2030 }],
    },
  });
  assert.equal(draft.status, 201, await draft.clone().text());
}

/**
 * Two tasks led by the reporter's department: one never published; one published, with a leader,
 * an internal description, an accepted report (its text, problems and review comment stay inside)
 * and a later report still waiting, with an evidence file.
 */
async function seedTasks(server: RunningTestServer, u: DataUsers): Promise<void> {
  const tasks = `${plan}/tasks`;
  const reports = (code: string) => `${tasks}/${code}/reports`;
  const fields = {
    action: 'p3-a1',
    lead_department: 'tjj',
    leader: secrets.leader,
    description: secrets.taskDescription,
    start: '2026-01-01',
    due: '2027-06-30',
    cycle: 'quarterly',
  };
  await expectJson(
    u.sup.send('POST', tasks, { id: 'leak-hidden', title: secrets.hiddenTask, ...fields }),
    201,
    'task',
  );
  await expectJson(
    u.sup.send('POST', tasks, { id: 'leak-pub', title: publishedTask, ...fields }),
    201,
    'task',
  );
  const report = (period: string, percent: number, progress: string) =>
    expectJson(
      u.repA.send('POST', reports('leak-pub'), {
        period,
        progress,
        problems: secrets.reportProblems,
        percent,
      }),
      201,
      `report ${period}`,
    );
  await report('2026-Q1', 20, secrets.reportProgress);
  await expectJson(
    u.sup.send('POST', `${reports('leak-pub')}/2026-Q1/review`, {
      if_version: 1,
      decision: 'accept',
      comment: secrets.reviewComment,
    }),
    200,
    'accept report',
  );
  await report('2026-Q2', 77, secrets.pendingReport);
  const form = new FormData();
  form.append('file', new Blob([pdf]), `${secrets.taskEvidence}.pdf`);
  const up = await fetch(`${server.url}${reports('leak-pub')}/2026-Q2/evidence`, {
    method: 'POST',
    headers: { Cookie: u.repA.cookie, 'X-CSRF-Token': u.repA.csrf },
    body: form,
  });
  assert.equal(up.status, 201, await up.clone().text());
  await expectJson(
    u.sup.send('POST', `${plan}/publications`, { kind: 'task', id: 'leak-pub', published: true }),
    200,
    'publish task',
  );
}

function assertNoSecrets(bodies: Map<string, string>, where: string): void {
  assert.ok(bodies.size > 0, `${where}: nothing was read`);
  for (const [path, text] of bodies) {
    for (const [name, secret] of Object.entries(secrets)) {
      assert.ok(!text.includes(secret), `${where} ${path} shows ${name} (${secret})`);
    }
  }
}

for (const dialect of dialects) {
  describe(`public portal shows only published, accepted content [${dialect}]`, () => {
    let server: RunningTestServer;
    let exportDir: string;
    before(async () => {
      server = await startTestServer(dialect);
      const admin = await login(server.url, 'admin', testAdminPassword);
      const u = await seedDataUsers(server.url, admin);
      await seed(server, admin, u);
      exportDir = mkdtempSync(join(tmpdir(), 'shixiao-site-'));
    });
    after(async () => {
      rmSync(exportDir, { recursive: true, force: true });
      await server.stop();
    });

    it('keeps every unpublished thing off every page and download, and shows the accepted value', async () => {
      const crawled = await crawlPortal(server.url);
      assert.deepEqual(crawled.broken, []);
      assert.deepEqual(crawled.outside, []);
      assert.ok(crawled.bodies.size > 200, `only ${crawled.bodies.size} files crawled`);
      assertNoSecrets(crawled.bodies, 'portal');
      const page = crawled.bodies.get('/portal/plans/yuzhong-2023/indicators/tertiary_va/') ?? '';
      assert.ok(page.includes(acceptedValue), 'the accepted 2026 value is on its indicator page');
      const xlsx =
        crawled.bodies.get('/portal/plans/yuzhong-2023/indicators/tertiary_va/tertiary_va.xlsx') ?? '';
      assert.ok(xlsx.includes(acceptedValue), 'and in its XLSX download');
      const programme = crawled.bodies.get('/portal/plans/yuzhong-2023/programmes/p3/') ?? '';
      assert.ok(programme.includes(publishedTask), 'the published task is on its programme page');
      assert.ok(programme.includes('已完成20%'), 'with the progress of its accepted report');
      assert.ok(!programme.includes('已完成77%'), 'not that of the report still waiting');
      assert.ok(!crawled.bodies.has('/portal/plans/yuzhong-2023/indicators/urbanization_rate/'));
      const gone = await fetch(`${server.url}/portal/plans/yuzhong-2023/indicators/urbanization_rate/`);
      assert.equal(gone.status, 404);
      assert.equal((await fetch(`${server.url}/portal/plans/draft-plan/`)).status, 404);
    });

    it('keeps them out of the open data API, which any origin may read', async () => {
      const bodies = new Map<string, string>();
      const paths = [
        '/api/public/plans',
        '/api/public/plans/yuzhong-2023',
        '/api/public/plans/yuzhong-2023/status',
        '/api/public/plans/yuzhong-2023/portal',
        '/api/public/plans/yuzhong-2023/indicators/tertiary_va',
        '/api/public/plans/yuzhong-2023/targets/t-gdp',
      ];
      for (const path of paths) {
        const res = await fetch(server.url + path, { headers: { Origin: 'https://elsewhere.example' } });
        assert.equal(res.status, 200, path);
        assert.equal(res.headers.get('access-control-allow-origin'), '*', path);
        assert.equal(res.headers.get('access-control-allow-credentials'), null, path);
        bodies.set(path, await res.text());
      }
      assertNoSecrets(bodies, 'api');
      const portal = JSON.parse(bodies.get('/api/public/plans/yuzhong-2023/portal') ?? '{}') as {
        programmes: { tasks: { id: string; percent: number | null; reported: string | null }[] }[];
      };
      const shown = portal.programmes.flatMap((p) => p.tasks);
      assert.deepEqual(
        shown.map((t) => [t.id, t.percent, t.reported]),
        [['leak-pub', 20, '2026-Q1']],
        'only the published task, with its accepted progress',
      );
      assert.ok(bodies.get('/api/public/plans/yuzhong-2023/indicators/tertiary_va')?.includes(acceptedValue));
      for (const path of [
        '/api/public/plans/draft-plan',
        '/api/public/plans/yuzhong-2023/indicators/urbanization_rate',
        '/api/public/plans/yuzhong-2023/indicators/safety_index',
        '/api/public/plans/yuzhong-2023/targets/t-party-governance',
      ]) {
        assert.equal((await fetch(server.url + path)).status, 404, path);
      }
    });

    it('writes the same content as a static site whose every link works', async () => {
      const result = await runCli(
        // As of today: the report above was accepted at the server's real time.
        ['export-site', exportDir, '--db', server.location, '--as-of', new Date().toISOString().slice(0, 10)],
        {
          timeoutMs: 120_000,
        },
      );
      assert.equal(result.code, 0, result.stderr);
      const site = await checkExport(exportDir);
      assert.deepEqual(site.broken, []);
      assert.deepEqual(site.outside, []);
      assert.ok(
        site.bodies.has('index.html') && site.bodies.has('sitemap.xml') && site.bodies.has('en/index.html'),
      );
      assertNoSecrets(site.bodies, 'export');
      assert.ok(site.bodies.get('plans/yuzhong-2023/data/observations.csv')?.includes(acceptedValue));
      assert.ok(site.bodies.get('plans/yuzhong-2023/data/tasks.csv')?.includes(publishedTask));
      for (const loc of (site.bodies.get('sitemap.xml') ?? '').matchAll(/<loc>([^<]*)<\/loc>/g)) {
        const path = loc[1] ?? '';
        assert.ok(
          site.bodies.has(path === '' || path.endsWith('/') ? `${path}index.html` : path),
          `sitemap: ${path}`,
        );
      }
    });
  });
}
