/**
 * Progress reports over a real socket, on SQLite and PostgreSQL: the lead department files one
 * per cycle (bad percent and periods refused with the field, nothing written), a co-operating
 * department adds its part, the supervisor returns (with a comment) and accepts, evidence files
 * are attached and read only by those who see the task, 100% accepted completes the task; and
 * the supervisor's versioned assessments of qualitative targets.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../databases';
import { expectJson } from '../helpers/data-users';
import { seedTaskUsers, type ProblemBody, type TaskBody, type TaskUsers } from '../helpers/task-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const tasks = '/api/plans/yuzhong-2023/tasks';
const task = (code: string) => `${tasks}/${code}`;
const reports = (code: string) => `${task(code)}/reports`;
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

for (const dialect of dialects) {
  describe(`task reports [${dialect}]`, () => {
    let server: RunningTestServer;
    let u: TaskUsers;
    const clock = { now: new Date('2026-06-15T08:00:00Z') };
    before(async () => {
      server = await startTestServer(dialect, { now: () => clock.now });
      const admin = await login(server.url, 'admin', testAdminPassword);
      u = await seedTaskUsers(server.url, admin);
      for (const id of ['rp-t1', 'rp-t2']) {
        await expectJson(
          u.sup.send('POST', tasks, {
            id,
            action: 'p1-a1',
            title: `报告测试任务 ${id}`,
            lead_department: 'fgw',
            co_departments: ['swj'],
            start: '2026-01-01',
            due: '2026-12-31',
            cycle: 'monthly',
          }),
          201,
          'create',
        );
      }
    });
    after(() => server.stop());

    const file = (who: Client, code: string, body: object) => who.send('POST', reports(code), body);
    const report = {
      period: '2026-05',
      progress: '已完成年度任务清单初稿',
      problems: '部门意见尚未汇总',
      next_steps: '6月底前定稿',
      percent: 40,
    };
    const reportsOf = async (code: string) =>
      (await expectJson<TaskBody>(u.sup.get(task(code)), 200)).reports;

    it('refuses bad percents and periods with the field, writing nothing', async () => {
      for (const [body, field] of [
        [{ ...report, percent: 120 }, 'percent'],
        [{ ...report, percent: -1 }, 'percent'],
        [{ ...report, period: '2026-Q2' }, 'period'],
        [{ ...report, period: '2025-12' }, 'period'],
        [{ ...report, period: '2026-09' }, 'period'],
      ] as const) {
        const problem = await expectJson<ProblemBody>(
          file(u.repLead, 'rp-t1', body),
          422,
          `${field} ${JSON.stringify(body)}`,
        );
        assert.equal(problem.errors?.[0]?.field, field);
      }
      assert.deepEqual(await reportsOf('rp-t1'), []);
      const detail = await expectJson<TaskBody>(u.sup.get(task('rp-t1')), 200);
      assert.equal(detail.state, 'assigned');
      assert.equal(detail.version, 1);
    });

    it('answers 404 to a report on another department’s task, 403 to a co-operating one', async () => {
      assert.equal((await file(u.repOther, 'rp-t1', report)).status, 404);
      assert.equal((await file(u.repCo, 'rp-t1', report)).status, 403);
      assert.equal((await file(u.viewer, 'rp-t1', report)).status, 403);
      assert.deepEqual(await reportsOf('rp-t1'), []);
    });

    it('files a report (filing implies 签收: the task is then in progress); the co-operating department adds its part', async () => {
      const filed = await expectJson<TaskBody>(file(u.repLead, 'rp-t1', report), 201, 'file');
      assert.equal(filed.state, 'in_progress');
      assert.equal(filed.reports[0]?.status, 'submitted');
      assert.equal(filed.reports[0]?.percent, 40);
      assert.equal((await file(u.headLead, 'rp-t1', report)).status, 409); // one report per period
      const part = await expectJson<TaskBody>(
        u.repCo.send('PUT', `${reports('rp-t1')}/2026-05/parts`, { content: '商务委已提供招商数据' }),
        200,
      );
      assert.deepEqual(
        part.reports[0]?.parts.map((p) => [p.department, p.content]),
        [['swj', '商务委已提供招商数据']],
      );
      const replaced = await expectJson<TaskBody>(
        u.repCo.send('PUT', `${reports('rp-t1')}/2026-05/parts`, { content: '商务委数据已更新' }),
        200,
      );
      assert.equal(replaced.reports[0]?.parts.length, 1);
      assert.equal(
        (await u.repOther.send('PUT', `${reports('rp-t1')}/2026-05/parts`, { content: 'x' })).status,
        404,
      );
      assert.equal(
        (await u.repLead.send('PUT', `${reports('rp-t1')}/2026-05/parts`, { content: 'x' })).status,
        403,
      );
    });

    it('attaches evidence readable only by those who see the task', async () => {
      const form = new FormData();
      form.append('file', new Blob([pdf]), '会议纪要.pdf');
      const up = await fetch(`${server.url}${reports('rp-t1')}/2026-05/evidence`, {
        method: 'POST',
        headers: { Cookie: u.repLead.cookie, 'X-CSRF-Token': u.repLead.csrf },
        body: form,
      });
      assert.equal(up.status, 201, await up.clone().text());
      const body = (await up.json()) as TaskBody;
      const evidence = body.reports[0]?.evidence[0];
      assert.equal(evidence?.file_name, '会议纪要.pdf');
      assert.equal(evidence?.content_type, 'application/pdf');
      const got = await u.repCo.get(`/api/task-evidence/${evidence?.id}`);
      assert.equal(got.status, 200);
      assert.deepEqual(new Uint8Array(await got.arrayBuffer()), pdf);
      assert.equal((await u.repOther.get(`/api/task-evidence/${evidence?.id}`)).status, 404);
      const text = new FormData();
      text.append('file', new Blob(['just text']), 'x.txt');
      const wrong = await fetch(`${server.url}${reports('rp-t1')}/2026-05/evidence`, {
        method: 'POST',
        headers: { Cookie: u.repLead.cookie, 'X-CSRF-Token': u.repLead.csrf },
        body: text,
      });
      assert.equal(wrong.status, 415);
    });

    it('the supervisor returns a report with a comment, the department corrects it, then it is accepted', async () => {
      const review = (who: Client, body: object) =>
        who.send('POST', `${reports('rp-t1')}/2026-05/review`, body);
      assert.equal((await review(u.repLead, { if_version: 1, decision: 'accept' })).status, 403);
      const noComment = await expectJson<ProblemBody>(
        review(u.sup, { if_version: 1, decision: 'return' }),
        422,
      );
      assert.equal(noComment.errors?.[0]?.field, 'comment');
      const returned = await expectJson<TaskBody>(
        review(u.sup, { if_version: 1, decision: 'return', comment: '请补充资金数据' }),
        200,
      );
      assert.equal(returned.reports[0]?.status, 'returned');
      assert.equal(returned.reports[0]?.review_comment, '请补充资金数据');
      assert.deepEqual(
        returned.reports[0]?.comments.map((c) => c.kind),
        ['report_return'],
      );
      await expectJson(review(u.sup, { if_version: 2, decision: 'accept' }), 409); // returned: not reviewable
      const stale = await u.repLead.send('PATCH', `${reports('rp-t1')}/2026-05`, {
        ...report,
        period: undefined,
        if_version: 1,
      });
      assert.equal(stale.status, 409);
      const badPercent = await expectJson<ProblemBody>(
        u.repLead.send('PATCH', `${reports('rp-t1')}/2026-05`, {
          progress: '补充',
          percent: 101,
          if_version: 2,
        }),
        422,
      );
      assert.equal(badPercent.errors?.[0]?.field, 'percent');
      const corrected = await expectJson<TaskBody>(
        u.repLead.send('PATCH', `${reports('rp-t1')}/2026-05`, {
          progress: '已补充资金数据',
          percent: 45,
          if_version: 2,
        }),
        200,
      );
      assert.equal(corrected.reports[0]?.status, 'submitted');
      assert.equal((await review(u.sup, { if_version: 2, decision: 'accept' })).status, 409); // stale
      const [a, b] = await Promise.all([
        review(u.sup, { if_version: 3, decision: 'accept' }),
        review(u.sup2, { if_version: 3, decision: 'accept' }),
      ]);
      assert.deepEqual([a.status, b.status].sort(), [200, 409]);
      const after = await expectJson<TaskBody>(u.sup.get(task('rp-t1')), 200);
      assert.equal(after.reports[0]?.status, 'accepted');
      assert.equal(after.percent, 45);
      assert.equal(after.state, 'in_progress');
      const late = await u.repCo.send('PUT', `${reports('rp-t1')}/2026-05/parts`, { content: '迟到' });
      assert.equal(late.status, 409);
      assert.deepEqual(
        after.timeline.map((e) => e.kind),
        [
          'create',
          'report_submit',
          'report_part',
          'report_part',
          'report_evidence',
          'report_return',
          'report_edit',
          'report_accept',
        ],
      );
    });

    it('completes a task when a 100% report is accepted', async () => {
      await expectJson(u.repLead.send('POST', `${task('rp-t2')}/accept`, { if_version: 1 }), 200);
      await expectJson(file(u.repLead, 'rp-t2', { ...report, period: '2026-06', percent: 100 }), 201);
      const done = await expectJson<TaskBody>(
        u.sup.send('POST', `${reports('rp-t2')}/2026-06/review`, {
          if_version: 1,
          decision: 'accept',
          comment: '完成',
        }),
        200,
      );
      assert.equal(done.state, 'completed');
      assert.equal(done.light, 'blue');
      assert.equal(done.timeline.at(-1)?.to_state, 'completed');
      assert.equal((await file(u.repLead, 'rp-t2', { ...report, period: '2026-05' })).status, 409);
    });

    it('assesses a qualitative target per period, versioned; only the supervisor, only qualitative or milestone', async () => {
      const path = '/api/plans/yuzhong-2023/targets/t-rule-of-law/assessments';
      const first = {
        period: '2026',
        rating: 'mostly_achieved',
        reason: '法治政府建设示范创建有序推进',
        evidence: '区司法局2026年工作总结',
      };
      assert.equal((await u.repLead.send('POST', path, first)).status, 403);
      type View = {
        current: { rating: string; version: number }[];
        history: { version: number }[];
        tasks: unknown[];
      };
      const one = await expectJson<View>(u.sup.send('POST', path, first), 201);
      assert.deepEqual(
        one.current.map((a) => [a.rating, a.version]),
        [['mostly_achieved', 1]],
      );
      const stale = await u.sup2.send('POST', path, { ...first, rating: 'achieved', if_version: 2 });
      assert.equal(stale.status, 409);
      const two = await expectJson<View>(
        u.sup2.send('POST', path, { ...first, rating: 'achieved', if_version: 1 }),
        201,
      );
      assert.deepEqual(
        two.current.map((a) => [a.rating, a.version]),
        [['achieved', 2]],
      );
      assert.equal(two.history.length, 2);
      const level = await expectJson<ProblemBody>(
        u.sup.send('POST', '/api/plans/yuzhong-2023/targets/t-gdp/assessments', first),
        422,
      );
      assert.equal(level.errors?.[0]?.field, 'target');
      const outside = await expectJson<ProblemBody>(
        u.sup.send('POST', path, { ...first, period: '2031' }),
        422,
      );
      assert.equal(outside.errors?.[0]?.field, 'period');
      const read = await expectJson<View>(u.viewer.get(path), 200);
      assert.equal(read.history.length, 2);
      assert.equal((await u.repOther.get(path)).status, 404); // no indicator of czj behind it
    });
  });
}
