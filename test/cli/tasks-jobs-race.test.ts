/**
 * Two `shixiao jobs run` processes at once on one PostgreSQL database with 1,200 overdue tasks:
 * each task's notice is recorded exactly once (more than two chunks of keys), and a later run at
 * the same moment sends nothing. Then the chunked recording itself raced on two connections.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { migrateToLatest, openDatabase } from '../../src/db';
import { recordNotices, noticeChunk, type DueItem } from '../../src/modules/notify';
import { importPlanText } from '../../src/modules/plans';
import { createTestDatabase, type TestDatabase } from '../databases';
import { demoPlanFile } from '../fixtures';
import { seedManyTasks, type ManyTasks } from '../helpers/many-tasks';
import { runCli } from './run-cli';

const moment = '2026-06-15T08:00:00Z';
const count = 1200;

interface RunJson {
  sent: { kind: string; to: string; channel: string; task?: string }[];
  skipped: number;
}

describe('task escalation: two jobs run processes on one PostgreSQL database', () => {
  let test: TestDatabase;
  let many: ManyTasks;
  before(async () => {
    test = await createTestDatabase('postgres');
    const db = await openDatabase(test.location);
    await migrateToLatest(db);
    const result = await importPlanText(db, {
      now: new Date(),
      tenantSlug: 'yuzhong',
      text: readFileSync(demoPlanFile, 'utf8'),
    });
    assert.ok(result.ok);
    many = await seedManyTasks(db, { planCode: 'yuzhong-2023', count });
    await db.close();
  });
  after(() => test?.drop());

  it('sends each task notice once', async () => {
    const args = ['jobs', 'run', '--db', test.location, '--now', moment, '--json'];
    const [a, b] = await Promise.all([
      runCli(args, { timeoutMs: 120_000 }),
      runCli(args, { timeoutMs: 120_000 }),
    ]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const sent = [a, b].flatMap((r) => (JSON.parse(r.stdout) as RunJson).sent);
    const ours = sent.filter((s) => s.task?.startsWith('many-'));
    const keys = ours.map((s) => JSON.stringify(s));
    assert.equal(new Set(keys).size, keys.length, 'a notice was sent twice');
    // Tasks due up to three days after the moment are chased (reminder, urge or notice), once.
    const db = await openDatabase(test.location);
    try {
      const tasks = new Set(ours.map((s) => s.task));
      assert.ok(tasks.size > noticeChunk * 2, `only ${tasks.size} tasks chased`);
      const rows = await db.kysely
        .selectFrom('notice_keys')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('job', '=', 'task-escalation')
        .where(
          'object',
          'in',
          many.taskIds.map((id) => `task:${id}`),
        )
        .executeTakeFirstOrThrow();
      assert.equal(Number(rows.n), tasks.size, 'one key per task chased');
      const messages = await db.kysely
        .selectFrom('notifications')
        .select(['department_id', 'payload'])
        .where('payload', 'like', '%"task":"many-%')
        .execute();
      assert.equal(messages.length, ours.filter((s) => s.channel === 'inbox').length);
    } finally {
      await db.close();
    }
    const again = await runCli(args, { timeoutMs: 120_000 });
    assert.equal(again.code, 0, again.stderr);
    const third = JSON.parse(again.stdout) as RunJson;
    assert.deepEqual(third.sent, []);
    assert.ok(third.skipped >= ours.length);
  });

  it('records each of many notices once when two connections race the chunks', async () => {
    const [one, two] = [await openDatabase(test.location), await openDatabase(test.location)];
    try {
      const department = many.departments[0];
      const items: DueItem[] = many.taskIds.map((id, i) => ({
        tenantId: many.tenantId,
        kind: 'urge',
        object: `task:${id}`,
        step: 'race',
        due: '2026-06-01',
        about: { task: `race-${i}` },
        to: { departments: [department.id] },
        message: { zh: '催办', en: 'urge' },
        link: `/tasks/race-${i}`,
      }));
      const opts = { now: new Date(moment), emailEnabled: false };
      // The second racer takes the items in reverse: the sorted claim keeps the lock order.
      const [a, b] = await Promise.all([
        recordNotices(one, 'race-job', items, opts),
        recordNotices(two, 'race-job', [...items].reverse(), opts),
      ]);
      assert.equal(a.sent.length + b.sent.length, items.length);
      assert.equal(a.skipped + b.skipped, items.length);
      const n = await one.kysely
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('payload', 'like', '%"job":"race-job"%')
        .executeTakeFirstOrThrow();
      assert.equal(Number(n.n), items.length);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
