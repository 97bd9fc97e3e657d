/** Plan import and export against real SQLite and PostgreSQL databases. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { describeEachDatabase } from '../../../test/databases';
import { demoPlanFile as demoPlanPath } from '../../../test/fixtures';
import { exportPlanText, importPlanText, listObservations, resolveTenant } from '.';

const demo = readFileSync(demoPlanPath, 'utf8');

async function countRows(db: Parameters<typeof importPlanText>[0]) {
  const k = db.kysely;
  const count = async (
    table: 'plans' | 'indicators' | 'targets' | 'observations' | 'actions' | 'tasks' | 'task_reports',
  ) =>
    Number(
      (
        await k
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    plans: await count('plans'),
    indicators: await count('indicators'),
    targets: await count('targets'),
    observations: await count('observations'),
    actions: await count('actions'),
    tasks: await count('tasks'),
    task_reports: await count('task_reports'),
  };
}

describeEachDatabase('plan import and export', (ctx) => {
  it('refuses a bad file and writes nothing', async () => {
    const broken = demo.replace('indicator: gdp, kind: level', 'indicator: no_such_indicator, kind: level');
    assert.notEqual(broken, demo, 'the fixture edit must apply');
    const result = await importPlanText(ctx.db, { tenantSlug: 'yuzhong', text: broken, now: new Date() });
    assert.equal(result.ok, false);
    assert.deepEqual(await countRows(ctx.db), {
      plans: 0,
      indicators: 0,
      targets: 0,
      observations: 0,
      actions: 0,
      tasks: 0,
      task_reports: 0,
    });
  });

  it('imports the demo plan and exports the same text', async () => {
    const result = await importPlanText(ctx.db, { tenantSlug: 'yuzhong', text: demo, now: new Date() });
    assert.ok(result.ok);
    assert.equal(result.created, true);
    const tenant = await resolveTenant(ctx.db, 'yuzhong');
    assert.equal(await exportPlanText(ctx.db, tenant.id, 'yuzhong-2023'), demo);
    const rows = await countRows(ctx.db);
    // One illustrative task per action (37), each with its reports.
    assert.deepEqual([rows.tasks, rows.task_reports], [37, 135]);
  });

  it('adds nothing when the same file is imported again', async () => {
    const before = await countRows(ctx.db);
    const result = await importPlanText(ctx.db, { tenantSlug: 'yuzhong', text: demo, now: new Date() });
    assert.ok(result.ok);
    assert.equal(result.unchanged, true);
    assert.deepEqual(await countRows(ctx.db), before);
  });

  it('keeps the earlier value as a version when a changed file is imported', async () => {
    const tenant = await resolveTenant(ctx.db, 'yuzhong');
    const changed = demo.replace(/(\{indicator: gdp, period: "2025", value: )1781\.8/, '$11790');
    assert.notEqual(changed, demo);
    const result = await importPlanText(ctx.db, { tenantSlug: 'yuzhong', text: changed, now: new Date() });
    assert.ok(result.ok);
    assert.equal(result.version, 2);
    assert.equal(result.observationsAdded, 1);
    const rows = await countRows(ctx.db);
    assert.deepEqual([rows.tasks, rows.task_reports], [37, 135]); // matched by code and period
    const now = await listObservations(ctx.db, tenant.id, 'yuzhong-2023', { indicator: 'gdp' });
    const gdp2025 = now.filter((o) => o.period === '2025' && !o.alternate);
    assert.deepEqual(
      gdp2025.map((o) => [o.value, o.version]),
      [[1790, 2]],
    );
    // As known before the correction, the first version still answers.
    const earlier = await listObservations(ctx.db, tenant.id, 'yuzhong-2023', {
      indicator: 'gdp',
      asOf: '2000-01-01',
    });
    assert.deepEqual(earlier, []);
    const total = await ctx.db.kysely
      .selectFrom('observations')
      .select(['value', 'version', 'replaces_id'])
      .where('period', '=', '2025')
      .where('value', 'in', [1781.8, 1790])
      .orderBy('version')
      .execute();
    assert.deepEqual(
      total.map((r) => [r.value, r.version, r.replaces_id !== null]),
      [
        [1781.8, 1, false],
        [1790, 2, true],
      ],
    );
  });

  it('drops targets and actions a new version no longer names, and never data', async () => {
    const tenant = await resolveTenant(ctx.db, 'yuzhong');
    const before = await countRows(ctx.db);
    // The action's task and its reports go too (a plan file names only known actions).
    const dropped = (l: string) =>
      l.includes('{id: t-zero-waste,') || l.includes('{id: p1-a1,') || l.includes('p1-a1-t1');
    const without = demo
      .split('\n')
      .filter((l) => !dropped(l))
      .join('\n');
    assert.equal(without.split('\n').length, demo.split('\n').length - 6);
    const result = await importPlanText(ctx.db, { tenantSlug: 'yuzhong', text: without, now: new Date() });
    assert.ok(result.ok);
    const exported = await exportPlanText(ctx.db, tenant.id, 'yuzhong-2023');
    assert.doesNotMatch(exported, /id: t-zero-waste,/);
    assert.doesNotMatch(exported, /id: p1-a1,/);
    // The task stays (tasks are never deleted by a plan edit) but, without its action, is not exported.
    assert.doesNotMatch(exported, /p1-a1-t1/);
    const after = await countRows(ctx.db);
    assert.deepEqual([after.targets, after.actions], [before.targets - 1, before.actions - 1]);
    assert.deepEqual([after.tasks, after.task_reports], [before.tasks, before.task_reports]);
    // The earlier test's 1790 went back to 1781.8: one more version, nothing deleted.
    assert.equal(after.observations, before.observations + 1);
  });

  it('keeps the audit log append-only', async () => {
    await ctx.db.kysely
      .insertInto('audit_log')
      .values({
        tenant_id: null,
        at: new Date().toISOString(),
        actor_user_id: null,
        actor_label: 'test',
        action: 'test',
        object_type: null,
        object_id: null,
        before: null,
        after: null,
        reason: null,
        source_ip: null,
        outcome: 'success',
      })
      .execute();
    await assert.rejects(
      ctx.db.kysely.updateTable('audit_log').set({ action: 'changed' }).execute(),
      /append-only/,
    );
    await assert.rejects(ctx.db.kysely.deleteFrom('audit_log').execute(), /append-only/);
  });
});
