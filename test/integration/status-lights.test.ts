/**
 * Each light of a level target, on both databases, from a plan built for the case: baseline 2022 =
 * 100, target 200 by 2027, so the required compound growth is 2^(1/5) − 1 ≈ 14.87% a year and the
 * ratio of a 2024 value x is (√(x/100) − 1) / 0.1487 (Open SDG method 2). Responses are read with
 * the contract schemas.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { planStatusSchema, targetStatusSchema } from '../../src/contracts/status';
import { dialects } from '../databases';
import { createPlan, indicator, levelTarget, observation, planFile, readAs } from '../helpers/factories';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const required = 2 ** (1 / 5) - 1;
const ratioOf = (x2024: number) => (Math.sqrt(x2024 / 100) - 1) / required;

/** One indicator per case, each with the baseline 100 and its 2024 value. */
const cases = [
  { name: '达标', value2024: 205, want: 'achieved' },
  { name: '正常', value2024: 135, want: 'on_track' }, // ratio 1.09 ≥ 0.95
  { name: '预警', value2024: 120, want: 'at_risk' }, // ratio 0.64 in [0.6, 0.95)
  { name: '滞后', value2024: 102, want: 'off_track' }, // ratio 0.07 < 0.6
  { name: '无数据', value2024: null, want: 'no_data' },
] as const;

for (const dialect of dialects) {
  describe(`target lights of a built plan [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    const built = cases.map((c) => ({ ...c, indicator: indicator({ name: `${c.name}指标` }) }));
    const plan = planFile({
      id: 'lights',
      indicators: built.map((c) => c.indicator),
      targets: built.map((c) => levelTarget(c.indicator, 200, 2027)),
      observations: built.flatMap((c) =>
        c.value2024 === null
          ? []
          : [observation(c.indicator, '2022', 100), observation(c.indicator, '2024', c.value2024)],
      ),
    });

    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
      const created = await createPlan(admin, plan);
      assert.equal(created.id, 'lights');
    });
    after(() => server.stop());

    it('gives each target the light its numbers call for, with the ratio computed by hand (to the 4 decimals it is sent with)', async () => {
      const status = await readAs(
        await admin.get('/api/plans/lights/status?as_of=2025-06-30'),
        planStatusSchema,
      );
      for (const c of built) {
        const s = status.statuses.find((x) => x.indicator === c.indicator.id);
        assert.equal(s?.status, c.want, `${c.name}: ${JSON.stringify(s?.explanation)}`);
        if (c.want === 'on_track' || c.want === 'at_risk' || c.want === 'off_track') {
          assert.ok(
            Math.abs((s?.ratio ?? NaN) - ratioOf(c.value2024 ?? NaN)) < 5e-5,
            `${c.name} ${s?.ratio} ${ratioOf(c.value2024 ?? NaN)}`,
          );
          assert.match(s?.explanation.zh ?? '', /2022—2024年/);
        }
      }
      assert.deepEqual(status.counts, { achieved: 1, on_track: 1, at_risk: 1, off_track: 1, no_data: 1 });
    });

    it('counts a value only from the day it was published', async () => {
      // The 2024 values are public from 2025-01-31: on 2025-01-15 only the baseline is known.
      const id = built[1].indicator.id;
      const before2024 = await readAs(
        await admin.get(`/api/plans/lights/targets/t-${id}/status?as_of=2025-01-15`),
        targetStatusSchema,
      );
      assert.equal(before2024.status, 'no_data');
      assert.deepEqual(before2024.latest, { period: '2022', value: 100 });
      const after2024 = await readAs(
        await admin.get(`/api/plans/lights/targets/t-${id}/status?as_of=2025-02-01`),
        targetStatusSchema,
      );
      assert.deepEqual(after2024.latest, { period: '2024', value: 135 });
      assert.ok(after2024.expected_path.some((p) => p.period === '2027' && Math.abs(p.value - 200) < 1e-9));
    });
  });
}
