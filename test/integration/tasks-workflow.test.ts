/**
 * Task supervision over a real socket, on SQLite and PostgreSQL, with the demo plan: assigning a
 * task (bad dates and milestones refused with the field, nothing written), every workflow step
 * and who may take it, illegal steps and stale versions (409), another department's task (404),
 * extensions approved and refused, the board's filters and pages, the timeline and audit rows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../src/db';
import { taskEscalationsDue } from '../../src/modules/tasks';
import { dialects } from '../databases';
import { expectJson } from '../helpers/data-users';
import { seedTaskUsers, type ProblemBody, type TaskBody, type TaskUsers } from '../helpers/task-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const tasks = '/api/plans/yuzhong-2023/tasks';
const task = (code: string) => `${tasks}/${code}`;

const newTask = (id: string, extra: object = {}) => ({
  id,
  action: 'p1-a1',
  title: '编制成渝地区双城经济圈建设年度任务清单',
  description: '示意任务',
  lead_department: 'fgw',
  co_departments: ['swj'],
  leader: '分管副区长',
  start: '2026-01-01',
  due: '2026-12-31',
  cycle: 'monthly',
  priority: 'high',
  milestones: [{ title: '形成初稿', due: '2026-03-31', done: '2026-03-20' }],
  targets: ['t-gdp'],
  indicators: ['gdp'],
  ...extra,
});

for (const dialect of dialects) {
  describe(`task workflow [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    let u: TaskUsers;
    const clock = { now: new Date('2026-06-15T08:00:00Z') };
    before(async () => {
      server = await startTestServer(dialect, { now: () => clock.now });
      admin = await login(server.url, 'admin', testAdminPassword);
      u = await seedTaskUsers(server.url, admin);
    });
    after(() => server.stop());

    const step = (who: Client, code: string, name: string, body: object, status = 200) =>
      expectJson<TaskBody>(who.send('POST', `${task(code)}/${name}`, body), status, name);
    const refused = (who: Client, code: string, name: string, body: object, status: number) =>
      expectJson<ProblemBody>(who.send('POST', `${task(code)}/${name}`, body), status, name);
    const count = async () =>
      (await expectJson<{ total: number }>(u.sup.get(`${tasks}?page_size=1`), 200, 'count')).total;

    it('shows the demo plan’s illustrative tasks, one per action, in all four lights on 2026-12-01', async () => {
      type Board = {
        total: number;
        tasks: { id: string; action: string; light: string; illustrative: boolean }[];
      };
      const board = await expectJson<Board>(u.viewer.get(`${tasks}?as_of=2026-12-01&page_size=200`), 200);
      assert.equal(board.total, 37);
      assert.ok(board.tasks.every((t) => t.illustrative));
      assert.equal(new Set(board.tasks.map((t) => t.action)).size, 37);
      const lights = new Map<string, number>();
      for (const t of board.tasks) lights.set(t.light, (lights.get(t.light) ?? 0) + 1);
      assert.deepEqual(Object.fromEntries(lights), { green: 11, red: 9, blue: 7, yellow: 10 });
      const p5 = await expectJson<TaskBody>(u.viewer.get(`${task('p5-a1-t1')}?as_of=2026-12-01`), 200);
      assert.deepEqual([p5.light, p5.escalation], ['red', 'urge']);
      assert.equal(p5.reports.length, 3);
    });

    it('assigns a task with milestones and links; only the supervisor may', async () => {
      const created = await expectJson<TaskBody>(u.sup.send('POST', tasks, newTask('it-t1')), 201, 'create');
      assert.equal(created.state, 'assigned');
      assert.equal(created.version, 1);
      assert.equal(created.action, 'p1-a1');
      assert.equal(created.programme, 'p1');
      assert.deepEqual(created.milestones, [{ title: '形成初稿', due: '2026-03-31', done: '2026-03-20' }]);
      assert.deepEqual(created.targets, ['t-gdp']);
      assert.deepEqual(created.indicators, ['gdp']);
      assert.deepEqual(
        created.timeline.map((e) => [e.kind, e.actor, e.to_state]),
        [['create', 'sup-1', 'assigned']],
      );
      const res = await u.repLead.send('POST', tasks, newTask('it-rep'));
      assert.equal(res.status, 403);
      const dup = await expectJson<ProblemBody>(u.sup.send('POST', tasks, newTask('it-t1')), 422, 'dup');
      assert.equal(dup.errors?.[0]?.field, 'id');
    });

    it('refuses bad dates, milestones outside the span and unknown codes with the field, writing nothing', async () => {
      const before = await count();
      const cases: [object, string][] = [
        [{ due: '2025-12-31' }, 'due'],
        [{ milestones: [{ title: '过早', due: '2025-06-30' }] }, 'milestones.0.due'],
        [
          {
            milestones: [
              { title: 'ok', due: '2026-02-01' },
              { title: '过晚', due: '2027-02-01' },
            ],
          },
          'milestones.1.due',
        ],
        [{ lead_department: 'nope' }, 'lead_department'],
        [{ co_departments: ['swj', 'nope'] }, 'co_departments.1'],
        [{ targets: ['t-none'] }, 'targets.0'],
        [{ action: 'p99-a9' }, 'action'],
      ];
      for (const [extra, field] of cases) {
        const problem = await expectJson<ProblemBody>(
          u.sup.send('POST', tasks, newTask('it-bad', extra)),
          422,
          field,
        );
        assert.ok(
          problem.errors?.some((e) => e.field === field),
          `${field}: ${JSON.stringify(problem)}`,
        );
        assert.match(
          problem.errors?.find((e) => e.field === field)?.message ?? '',
          /[\u4e00-\u9fff].* [a-z]/,
        );
      }
      assert.equal(await count(), before);
      const missing = await u.sup.get(task('it-bad'));
      assert.equal(missing.status, 404);
      // Mass assignment: a state in the body is refused, not applied.
      const mass = await u.sup.send('POST', tasks, { ...newTask('it-mass'), state: 'completed' });
      assert.equal(mass.status, 400);
    });

    it('hides a task from unrelated departments (404) and lets only the lead department take its steps', async () => {
      assert.equal((await u.repOther.get(task('it-t1'))).status, 404);
      await refused(u.repOther, 'it-t1', 'accept', { if_version: 1 }, 404);
      const list = await expectJson<{ tasks: { id: string }[] }>(
        u.repOther.get(`${tasks}?page_size=200`),
        200,
      );
      assert.ok(!list.tasks.some((t) => t.id === 'it-t1'));
      assert.equal((await u.repCo.get(task('it-t1'))).status, 200); // co-operating: sees it
      await refused(u.repCo, 'it-t1', 'accept', { if_version: 1 }, 403);
      await refused(u.sup, 'it-t1', 'accept', { if_version: 1 }, 403); // not the lead department
      await refused(u.viewer, 'it-t1', 'accept', { if_version: 1 }, 403);
      await refused(u.repLead, 'it-t1', 'complete', { if_version: 1 }, 403);
    });

    it('takes a task from 签收 to 办结, refusing illegal steps and stale versions with 409', async () => {
      const stale = await refused(u.repLead, 'it-t1', 'accept', { if_version: 2 }, 409);
      assert.match(stale.detail, /version 2/);
      const early = await refused(u.sup, 'it-t1', 'complete', { if_version: 1 }, 409);
      assert.match(early.detail, /交办.*不能同意办结/);
      const accepted = await step(u.repLead, 'it-t1', 'accept', { if_version: 1 });
      assert.equal(accepted.state, 'accepted');
      assert.equal(accepted.version, 2);
      await refused(u.headLead, 'it-t1', 'accept', { if_version: 2 }, 409);
      assert.equal((await step(u.headLead, 'it-t1', 'start', { if_version: 2 })).state, 'in_progress');
      assert.equal(
        (await step(u.repLead, 'it-t1', 'request-completion', { if_version: 3 })).state,
        'completion_requested',
      );
      const noComment = await u.sup.send('POST', `${task('it-t1')}/return`, { if_version: 4 });
      assert.equal(noComment.status, 400);
      const returned = await step(u.sup, 'it-t1', 'return', { if_version: 4, comment: '佐证材料不全' });
      assert.equal(returned.state, 'returned');
      await refused(u.sup, 'it-t1', 'complete', { if_version: 5 }, 409);
      assert.equal((await step(u.repLead, 'it-t1', 'start', { if_version: 5 })).state, 'in_progress');
      await step(u.repLead, 'it-t1', 'request-completion', { if_version: 6 });
      const done = await step(u.sup, 'it-t1', 'complete', { if_version: 7, comment: '同意办结' });
      assert.equal(done.state, 'completed');
      assert.equal(done.light, 'blue');
      assert.equal(done.escalation, 'none');
      await refused(
        u.repLead,
        'it-t1',
        'request-extension',
        { if_version: 8, new_due: '2027-06-30', reason: '晚了' },
        409,
      );
      assert.deepEqual(
        done.timeline.map((e) => `${e.kind}:${e.from_state ?? ''}>${e.to_state ?? ''}`),
        [
          'create:>assigned',
          'accept:assigned>accepted',
          'start:accepted>in_progress',
          'request_completion:in_progress>completion_requested',
          'return:completion_requested>returned',
          'start:returned>in_progress',
          'request_completion:in_progress>completion_requested',
          'approve_completion:completion_requested>completed',
        ],
      );
      assert.equal(done.timeline[4]?.note, '佐证材料不全');
      const edit = await u.sup.send('PATCH', task('it-t1'), { if_version: 8, title: '改' });
      assert.equal(edit.status, 409);
    });

    it('asks for extensions; the supervisor approves one (due moves) and refuses another', async () => {
      await expectJson(u.sup.send('POST', tasks, newTask('it-t2')), 201, 'create');
      await step(u.repLead, 'it-t2', 'accept', { if_version: 1 });
      await step(u.repLead, 'it-t2', 'start', { if_version: 2 });
      const early = await expectJson<ProblemBody>(
        u.repLead.send('POST', `${task('it-t2')}/request-extension`, {
          if_version: 3,
          new_due: '2026-10-01',
          reason: '资金未到位',
        }),
        422,
      );
      assert.equal(early.errors?.[0]?.field, 'new_due');
      const asked = await step(u.repLead, 'it-t2', 'request-extension', {
        if_version: 3,
        new_due: '2027-03-31',
        reason: '资金未到位',
      });
      assert.equal(asked.state, 'extension_requested');
      await refused(u.repLead, 'it-t2', 'approve-extension', { if_version: 4 }, 403);
      await refused(u.repLead, 'it-t2', 'start', { if_version: 4 }, 409);
      const approved = await step(u.sup, 'it-t2', 'approve-extension', { if_version: 4, comment: '同意' });
      assert.equal(approved.state, 'in_progress');
      assert.equal(approved.due, '2027-03-31');
      assert.deepEqual(
        approved.extensions.map((e) => [e.requested_due, e.decision]),
        [['2027-03-31', 'approved']],
      );
      await step(u.repLead, 'it-t2', 'request-extension', {
        if_version: 5,
        new_due: '2027-12-31',
        reason: '再延',
      });
      const refusedExt = await step(u.sup, 'it-t2', 'refuse-extension', { if_version: 6, comment: '不同意' });
      assert.equal(refusedExt.state, 'in_progress');
      assert.equal(refusedExt.due, '2027-03-31');
      await refused(u.sup, 'it-t2', 'refuse-extension', { if_version: 7 }, 409);
    });

    it('lets the lead department decline an assignment, the supervisor reassign it and reopen a completed task', async () => {
      await expectJson(u.sup.send('POST', tasks, newTask('it-t3')), 201, 'create');
      await refused(u.repLead, 'it-t3', 'decline', { if_version: 1 }, 400); // a comment is required
      const declined = await step(u.repLead, 'it-t3', 'decline', {
        if_version: 1,
        comment: '不属于本单位职责',
      });
      assert.equal(declined.state, 'returned');
      await refused(u.repLead, 'it-t3', 'reassign', { if_version: 2 }, 403);
      assert.equal((await step(u.sup, 'it-t3', 'reassign', { if_version: 2 })).state, 'assigned');
      await step(u.repLead, 'it-t3', 'accept', { if_version: 3 });
      await step(u.repLead, 'it-t3', 'request-completion', { if_version: 4 });
      await step(u.sup, 'it-t3', 'complete', { if_version: 5 });
      await refused(u.sup, 'it-t3', 'reopen', { if_version: 6 }, 400);
      const reopened = await step(u.sup, 'it-t3', 'reopen', {
        if_version: 6,
        comment: '复查发现问题未整改到位',
      });
      assert.equal(reopened.state, 'in_progress');
      assert.deepEqual(
        reopened.timeline.map((e) => e.kind),
        ['create', 'decline', 'reassign', 'accept', 'request_completion', 'approve_completion', 'reopen'],
      );
    });

    it('edits a task under its version: of two editors of one version exactly one wins', async () => {
      const current = await expectJson<TaskBody>(u.sup.get(task('it-t2')), 200);
      const [a, b] = await Promise.all([
        u.sup.send('PATCH', task('it-t2'), { if_version: current.version, leader: '区长' }),
        u.sup2.send('PATCH', task('it-t2'), { if_version: current.version, leader: '副区长' }),
      ]);
      assert.deepEqual([a.status, b.status].sort(), [200, 409]);
      const bad = await expectJson<ProblemBody>(
        u.sup.send('PATCH', task('it-t2'), { if_version: current.version + 1, start: '2028-01-01' }),
        422,
      );
      assert.equal(bad.errors?.[0]?.field, 'due');
      const after = await expectJson<TaskBody>(u.sup.get(task('it-t2')), 200);
      assert.equal(after.version, current.version + 1);
    });

    it('lists the board with filters and pages, lit as of a day', async () => {
      type List = {
        total: number;
        page_size: number;
        as_of: string;
        tasks: {
          id: string;
          light: string;
          lead_department: { id: string } | null;
          co_departments: { id: string }[];
        }[];
      };
      const fgw = await expectJson<List>(u.sup.get(`${tasks}?department=fgw&page_size=200`), 200);
      assert.ok(fgw.tasks.some((t) => t.id === 'it-t1'));
      assert.equal(fgw.as_of, '2026-06-15');
      const czj = await expectJson<List>(u.sup.get(`${tasks}?department=czj&page_size=200`), 200);
      assert.ok(!czj.tasks.some((t) => t.id === 'it-t1'));
      const blue = await expectJson<List>(u.sup.get(`${tasks}?light=blue&programme=p1&page_size=200`), 200);
      assert.ok(blue.tasks.some((t) => t.id === 'it-t1'));
      assert.ok(!blue.tasks.some((t) => t.id === 'it-t2'));
      const page = await expectJson<List>(
        u.sup.get(`${tasks}?leader=${encodeURIComponent('分管副区长')}&page_size=1&page=1`),
        200,
      );
      assert.equal(page.tasks.length, 1);
      assert.ok(page.total >= 1);
      assert.equal((await u.sup.get(`${tasks}?page_size=201`)).status, 400);
      const mine = await expectJson<List>(u.repLead.get(`${tasks}?page_size=200`), 200);
      assert.ok(
        mine.tasks.every(
          (t) => t.lead_department?.id === 'fgw' || t.co_departments.some((d) => d.id === 'fgw'),
        ),
      );
      assert.ok(mine.tasks.some((t) => t.id === 'p6-a1-t1')); // co-operating on it
      assert.ok(!mine.tasks.some((t) => t.id === 'p5-a1-t1')); // neither lead nor co
    });

    it('lights tasks by the domain rules and lists the escalations the jobs runner sends', async () => {
      type Lit = {
        tasks: {
          id: string;
          light: string;
          escalation: string;
          reasons: { code: string; zh: string; en: string }[];
        }[];
      };
      // it-t2 reports monthly from 2026-01 and has filed nothing: the January report was due 2026-02-05.
      const red = await expectJson<Lit>(u.sup.get(`${tasks}?light=red&page_size=200`), 200);
      const t2 = red.tasks.find((t) => t.id === 'it-t2');
      assert.equal(t2?.escalation, 'notice');
      const overdue = t2?.reasons.find((r) => r.code === 'overdue');
      assert.match(overdue?.zh ?? '', /2026年1月进展报告已于2026-02-05到期，逾期130天/);
      assert.match(overdue?.en ?? '', /progress report for Jan 2026 was due on 2026-02-05, 130 days overdue/);
      const before = await expectJson<Lit>(u.sup.get(`${tasks}?as_of=2025-12-01&page_size=200`), 200);
      assert.equal(before.tasks.find((t) => t.id === 'it-t2')?.light, 'green'); // not started yet
      const db = await openDatabase(server.location);
      try {
        const due = await taskEscalationsDue(db, clock.now);
        const e = due.find((x) => x.plan === 'yuzhong-2023' && x.task === 'it-t2');
        assert.equal(e?.step, 'notice');
        assert.equal(e?.due, '2026-02-05');
        assert.equal(e?.overdue_days, 130);
        assert.equal(e?.lead_department?.code, 'fgw');
        assert.match(e?.message.zh ?? '', /^【督办】任务“.+”：2026年1月进展报告已于2026-02-05到期/);
        assert.match(e?.message.en ?? '', /^Formal notice — task/);
        assert.ok(!due.some((x) => x.task === 'it-t1'), 'a completed task is never chased');
        const early = await taskEscalationsDue(db, new Date('2026-01-30T00:00:00Z'));
        const reminder = early.find((x) => x.task === 'it-t2');
        assert.deepEqual(
          [reminder?.step, reminder?.due, reminder?.overdue_days],
          [undefined, undefined, undefined],
        );
        const close = await taskEscalationsDue(db, new Date('2026-02-03T09:00:00Z'));
        const r = close.find((x) => x.task === 'it-t2');
        assert.deepEqual([r?.step, r?.due, r?.overdue_days], ['reminder', '2026-02-05', 0]);
        const urge = (await taskEscalationsDue(db, new Date('2026-02-08T09:00:00Z'))).find(
          (x) => x.task === 'it-t2',
        );
        assert.deepEqual([urge?.step, urge?.due, urge?.overdue_days], ['urge', '2026-02-05', 3]);
      } finally {
        await db.close();
      }
    });

    it('audits every change with who and the object', async () => {
      const audit = await expectJson<{ entries: { action: string; object_id: string; actor: string }[] }>(
        admin.get('/api/audit?object_type=task&limit=200'),
        200,
      );
      const of = (code: string) => audit.entries.filter((e) => e.object_id === code).map((e) => e.action);
      for (const action of [
        'task.create',
        'task.accept',
        'task.start',
        'task.return',
        'task.approve_completion',
      ]) {
        assert.ok(of('it-t1').includes(action), action);
      }
      assert.ok(of('it-t2').includes('task.approve_extension'));
      assert.ok(of('it-t2').includes('task.edit'));
    });

    it('creates one task per action of a plan in bulk, skipping actions that have one', async () => {
      const plan = {
        plan: { id: 'bulk-plan', title: '批量', start: 2026, end: 2027, baseline_year: 2025 },
        departments: [
          { id: 'fgw', name: '区发展改革委' },
          { id: 'swj', name: '区商务委' },
        ],
        programmes: [
          {
            id: 'b1',
            number: 1,
            name: '举措一',
            actions: [
              { id: 'b1-a1', name: '子项一', lead_department: 'fgw', co_departments: ['swj'] },
              { id: 'b1-a2', name: '子项二', lead_department: 'swj' },
            ],
          },
        ],
      };
      await expectJson(u.sup.send('POST', '/api/plans', { plan }), 201, 'plan');
      const body = { start: '2026-01-01', due: '2026-12-31', cycle: 'quarterly' };
      const bad = await expectJson<ProblemBody>(
        u.sup.send('POST', '/api/plans/bulk-plan/tasks/from-actions', { ...body, due: '2025-01-01' }),
        422,
      );
      assert.equal(bad.errors?.[0]?.field, 'due');
      const first = await expectJson<{ created: string[]; skipped: string[] }>(
        u.sup.send('POST', '/api/plans/bulk-plan/tasks/from-actions', body),
        201,
      );
      assert.deepEqual(first, { created: ['b1-a1-t1', 'b1-a2-t1'], skipped: [] });
      const again = await expectJson<{ created: string[]; skipped: string[] }>(
        u.sup.send('POST', '/api/plans/bulk-plan/tasks/from-actions', body),
        201,
      );
      assert.deepEqual(again, { created: [], skipped: ['b1-a1', 'b1-a2'] });
      const t = await expectJson<
        TaskBody & { lead_department: { id: string }; co_departments: { id: string }[] }
      >(u.sup.get('/api/plans/bulk-plan/tasks/b1-a1-t1'), 200);
      assert.equal(t.lead_department.id, 'fgw');
      assert.deepEqual(
        t.co_departments.map((d) => d.id),
        ['swj'],
      );
      assert.equal(
        (await u.repLead.send('POST', '/api/plans/bulk-plan/tasks/from-actions', body)).status,
        403,
      );
    });
  });
}
