/** Target status over HTTP on both databases: the demo plan's real GDP series says at_risk. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { planStatusSchema, targetStatusSchema } from '../../src/contracts/status';
import { dialects } from '../databases';
import { readAs } from '../helpers/factories';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

for (const dialect of dialects) {
  describe(`status API [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
    });
    after(() => server.stop());
    const plan = async (path: string) => readAs(await admin.get(path), planStatusSchema);
    const target = async (path: string) => readAs(await admin.get(path), targetStatusSchema);

    it('evaluates the GDP target as at risk with the numbers that explain it', async () => {
      const body = await plan('/api/plans/yuzhong-2023/status?as_of=2026-06-30');
      const gdp = body.statuses.find((s) => s.target === 't-gdp');
      assert.equal(gdp?.status, 'at_risk');
      assert.deepEqual(gdp?.latest, { period: '2025', value: 1781.8 });
      assert.match(
        gdp?.explanation.zh ?? '',
        /年均增长4\.5%.*2027年约为1946亿元.*低于2100亿元目标.*需年均增长8\.6%/,
      );
      assert.ok(gdp?.ratio !== null && gdp !== undefined && gdp.ratio > 0.6 && gdp.ratio < 0.95);
      const total = Object.values(body.counts).reduce((a, b) => a + b, 0);
      assert.equal(total, body.statuses.length);
    });

    it('counts only what was known on the date', async () => {
      // The 2025 GDP was published on 2026-01-26: on 2025-12-31 the latest known value is 2023's.
      const gdp = await target('/api/plans/yuzhong-2023/targets/t-gdp/status?as_of=2025-12-31');
      assert.deepEqual(gdp.latest, { period: '2023', value: 1631.3 });
      assert.ok(gdp.series.every((p) => p.period <= '2023'));
    });

    it('gives one target its series, expected path and projection', async () => {
      const gdp = await target('/api/plans/yuzhong-2023/targets/t-gdp/status?as_of=2026-06-30');
      assert.ok(gdp.series.length >= 3);
      assert.ok(gdp.expected_path.some((p) => p.period === '2027' && Math.abs(p.value - 2100) < 1e-6));
      assert.equal(gdp.projection?.year, 2027);
    });

    it('lets only supervisors and planners preview values not yet accepted', async () => {
      const preview = await admin.get('/api/plans/yuzhong-2023/status?as_of=2026-06-30&preview=1');
      assert.equal(preview.status, 200);
      const created = await admin.send('POST', '/api/users', {
        username: 'viewer-preview',
        display_name: '只读',
        password: 'a viewer password that is long',
        roles: ['viewer'],
        departments: [],
      });
      assert.equal(created.status, 201, await created.clone().text());
      const viewer = await login(server.url, 'viewer-preview', 'a viewer password that is long');
      assert.equal((await viewer.get('/api/plans/yuzhong-2023/status?preview=1')).status, 403);
      assert.equal((await viewer.get('/api/plans/yuzhong-2023/status')).status, 200);
    });

    it('answers an unknown target with 404', async () => {
      const res = await admin.get('/api/plans/yuzhong-2023/targets/nope/status');
      assert.equal(res.status, 404);
    });
  });
}
