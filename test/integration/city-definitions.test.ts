/**
 * City indicator definitions (统一指标口径): the city publishes, a changed unit is a new version
 * naming what changed, the same text again changes nothing, and each district sees where its own
 * plan's indicator of that id departs from the current version. On SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { listDefinitions, publishDefinition } from '../../src/modules/city';
import { describeEachDatabase } from '../databases';
import { seedCity, tenantId } from '../helpers/city';

const retail = {
  code: 'retail_sales',
  name: '社会消费品零售总额',
  unit: '亿元',
  measure: 'flow' as const,
  direction: 'up' as const,
  frequency: 'annual' as const,
  method: '限额以上与限额以下单位零售额之和，按经营地统计',
};

describeEachDatabase('city indicator definitions', (ctx) => {
  const id = (slug: string) => tenantId(ctx.db, slug);
  const by = { actor: { kind: 'system' as const }, at: new Date('2026-01-05T08:00:00Z') };

  before(async () => {
    await seedCity(ctx.db, 'cq', { yuzhong: { observations: [] }, jiangbei: { observations: [] } });
  });

  it('publishes version 1 that districts adopt by id, and refuses a district as publisher', async () => {
    const r = await publishDefinition(ctx.db, await id('cq'), retail, by);
    assert.equal(r.created, true);
    assert.equal(r.definition.version, 1);
    const again = await publishDefinition(ctx.db, await id('cq'), retail, by);
    assert.equal(again.created, false);
    assert.equal(again.definition.version, 1);

    const seen = await listDefinitions(ctx.db, await id('yuzhong'));
    assert.equal(seen.city, 'cq');
    assert.deepEqual(
      seen.definitions.map((d) => [d.code, d.version, d.adoption]),
      [
        [
          'retail_sales',
          1,
          [{ plan: 'yuzhong-2023', indicator: 'retail_sales', version: null, differs: [] }],
        ],
      ],
    );
    await assert.rejects(
      publishDefinition(ctx.db, await id('yuzhong'), { ...retail, code: 'x' }, by),
      /districts below your tenant/,
    );
  });

  it('makes a changed unit a new version that names the change, and the districts see they depart', async () => {
    const r = await publishDefinition(ctx.db, await id('cq'), { ...retail, unit: '万元' }, by);
    assert.equal(r.created, true);
    assert.equal(r.definition.version, 2);
    assert.deepEqual(r.definition.changes, ['unit']);
    const seen = await listDefinitions(ctx.db, await id('jiangbei'));
    const d = seen.definitions.find((x) => x.code === 'retail_sales');
    assert.equal(d?.version, 2);
    assert.equal(d?.unit, '万元');
    assert.deepEqual(d?.adoption, [
      { plan: 'jiangbei-2023', indicator: 'retail_sales', version: null, differs: ['unit'] },
    ]);
    // The city sees its own list without adoption rows; the audit names the version.
    const city = await listDefinitions(ctx.db, await id('cq'));
    assert.deepEqual(city.definitions[0]?.adoption, []);
    const audit = await ctx.db.kysely
      .selectFrom('audit_log')
      .select('object_id')
      .where('action', '=', 'city.definition.publish')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.object_id),
      ['retail_sales@1', 'retail_sales@2'],
    );
  });
});
