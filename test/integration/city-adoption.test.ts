/**
 * Adopting the city's indicator definitions (issue 16), over HTTP on SQLite and PostgreSQL: a
 * district plan that departs from the city's unit is refused whole, naming the field and both
 * values; an agreeing one records the version it adopted; a new version tells the district's
 * planners, the indicator page's data shows the newer version, and a planner moves the indicator
 * to it (audited) — refused when the unit changes under recorded values, refused to city users.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Adoption, CityDefinitions } from '../../src/contracts/city';
import type { NotificationList } from '../../src/contracts/notify';
import { openDatabase, type Db } from '../../src/db';
import { importPlanText } from '../../src/modules/plans';
import { dialects } from '../databases';
import { districtPlan } from '../helpers/city';
import { city, seedCityTier, type CityTier } from '../helpers/city-users';
import { startTestServer, type RunningTestServer } from '../server';

const retail = {
  code: 'retail_sales',
  name: '社会消费品零售总额',
  unit: '亿元',
  measure: 'flow',
  direction: 'up',
  frequency: 'annual',
};
const area = {
  code: 'area',
  name: '辖区面积',
  unit: '平方公里',
  measure: 'stock',
  direction: 'up',
  frequency: 'annual',
};

/** The second district's plan file with one indicator's fields changed. */
function planWith(indicator: string, change: Record<string, string>, value = 777.7): string {
  const plan = JSON.parse(
    districtPlan(city.second, [{ indicator: 'retail_sales', period: '2025', value }]),
  ) as {
    indicators: Record<string, unknown>[];
  };
  plan.indicators = plan.indicators.map((i) => (i.id === indicator ? { ...i, ...change } : i));
  return JSON.stringify(plan, null, 2);
}

for (const dialect of dialects) {
  describe(`city definitions adopted by a district [${dialect}]`, () => {
    let server: RunningTestServer;
    let tier: CityTier;
    let db: Db;
    const now = () => new Date('2026-06-01T08:00:00Z');
    const importSecond = (text: string) => importPlanText(db, { tenantSlug: city.second, text, now: now() });
    const adoptedVersion = async (code: string) =>
      await db.kysely
        .selectFrom('indicators as i')
        .innerJoin('plans as p', 'p.id', 'i.plan_id')
        .innerJoin('tenants as t', 't.id', 'p.tenant_id')
        .select(['i.city_definition_version', 'i.unit'])
        .where('t.slug', '=', city.second)
        .where('i.code', '=', code)
        .executeTakeFirstOrThrow();
    const publish = async (definition: Record<string, string>) => {
      const res = await tier.cityAdmin.send('POST', '/api/city/definitions', definition);
      assert.equal(res.status, 201, await res.text());
    };

    before(async () => {
      server = await startTestServer(dialect);
      tier = await seedCityTier(server.url, server.location);
      db = await openDatabase(server.location);
      await publish(retail);
      await publish(area);
    });
    after(async () => {
      await db.close();
      await server.stop();
    });

    it('refuses a plan whose unit departs from the city, naming line, field and both values; writes nothing', async () => {
      const versionsBefore = await db.kysely.selectFrom('plan_versions').select('id').execute();
      const text = planWith('retail_sales', { unit: '万元' });
      const r = await importSecond(text);
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.problems.length, 1);
      const [p] = r.problems;
      assert.equal(p?.field, 'indicators[0].unit');
      assert.equal(p?.line, text.split('\n').findIndex((l) => l.includes('"万元"')) + 1);
      assert.match(
        p?.message ?? '',
        /indicator 'retail_sales' .*社会消费品零售总额 \(version 1\), whose unit is '亿元', but the plan says '万元'/,
      );
      assert.equal(
        (await db.kysely.selectFrom('plan_versions').select('id').execute()).length,
        versionsBefore.length,
      );
      assert.equal((await adoptedVersion('retail_sales')).city_definition_version, null);
    });

    it('records the version an agreeing plan adopts, and the district reads it', async () => {
      const r = await importSecond(planWith('area', {}, 800));
      assert.equal(r.ok, true, JSON.stringify(r));
      if (!r.ok) return;
      assert.deepEqual(r.cityAdoption.adopted, { retail_sales: 1, area: 1 });
      assert.equal((await adoptedVersion('retail_sales')).city_definition_version, 1);
      const seen = (await (await tier.secondAdmin.get('/api/city/definitions')).json()) as CityDefinitions;
      assert.deepEqual(seen.definitions.find((d) => d.code === 'area')?.adoption, [
        { plan: `${city.second}-2023`, indicator: 'area', version: 1, differs: [] },
      ]);
      const audit = await db.kysely
        .selectFrom('audit_log')
        .select('after')
        .where('action', '=', 'plan.version')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.match(String(audit.after), /"city_definitions":\{"retail_sales":1,"area":1\}/);
    });

    it('tells the district of a new version; its planner moves to it, audited; city users may not', async () => {
      await publish({ ...area, unit: '公顷' });
      const inbox = (await (
        await tier.secondAdmin.get('/api/notifications?unread=1')
      ).json()) as NotificationList;
      const notice = inbox.notifications.find((n) => n.kind === 'city.definition_updated');
      assert.deepEqual((notice?.payload as { message: unknown }).message, {
        zh: '城市口径已更新：辖区面积 第2版（单位：平方公里→公顷）',
        en: 'City definition updated: 辖区面积, version 2 (unit: 平方公里 → 公顷)',
      });
      const seen = (await (await tier.secondAdmin.get('/api/city/definitions')).json()) as CityDefinitions;
      const d = seen.definitions.find((x) => x.code === 'area');
      assert.equal(d?.version, 2);
      assert.deepEqual(d?.adoption[0], {
        plan: `${city.second}-2023`,
        indicator: 'area',
        version: 1,
        differs: ['unit'],
      });

      const path = `/api/plans/${city.second}-2023/indicators/area/city-definition`;
      for (const role of ['city_supervisor', 'city_leader'] as const) {
        const denied = await tier.clients[role].send('POST', path, { version: 2 });
        assert.equal(denied.status, 403, role);
      }
      const stale = await tier.secondAdmin.send('POST', path, { version: 1 });
      assert.equal(stale.status, 409);
      const res = await tier.secondAdmin.send('POST', path, { version: 2 });
      const body = await res.text();
      assert.equal(res.status, 200, body);
      const moved = JSON.parse(body) as Adoption;
      assert.deepEqual(
        [moved.version, moved.previous_version, moved.unit, moved.changed],
        [2, 1, '公顷', ['unit']],
      );
      assert.deepEqual(await adoptedVersion('area'), { city_definition_version: 2, unit: '公顷' });
      const audit = await db.kysely
        .selectFrom('audit_log')
        .select(['object_id', 'before', 'after'])
        .where('action', '=', 'indicator.city_definition.adopt')
        .executeTakeFirstOrThrow();
      assert.equal(audit.object_id, `${city.second}-2023/area`);
      assert.match(String(audit.before), /"city_definition_version":1.*"unit":"平方公里"/);
      assert.match(String(audit.after), /"unit":"公顷".*"city_definition_version":2/);
      assert.equal((await tier.secondAdmin.send('POST', path, { version: 2 })).status, 409);

      // The old file would move the indicator back to version 1: refused, naming version 2.
      const back = await importSecond(planWith('area', {}, 801));
      assert.equal(back.ok, false);
      if (!back.ok) assert.match(back.problems[0]?.message ?? '', /\(version 2\), whose unit is '公顷'/);
    });

    it('refuses a move to a new unit while values are recorded in the old one', async () => {
      await publish({ ...retail, unit: '万元' });
      const res = await tier.secondAdmin.send(
        'POST',
        `/api/plans/${city.second}-2023/indicators/retail_sales/city-definition`,
        { version: 2 },
      );
      const body = await res.text();
      assert.equal(res.status, 409, body);
      assert.match(body, /values recorded in 亿元; version 2 of the city's definition is in 万元/);
      assert.deepEqual(await adoptedVersion('retail_sales'), { city_definition_version: 1, unit: '亿元' });
    });
  });
}
