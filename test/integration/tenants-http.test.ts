/**
 * The tenant tree through the API (the admin page's calls): a city's administrator lists the city
 * with its districts and adds a district; a district's administrator sees only its own tenant and
 * may not add a sibling (403) nor touch another district (404). On SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TenantEntry } from '../../src/contracts/city';
import { dialects } from '../databases';
import { city, seedCityTier, type CityTier } from '../helpers/city-users';
import { startTestServer, type RunningTestServer } from '../server';

const slugs = (list: TenantEntry[]) => list.map((t) => t.slug).sort();

for (const dialect of dialects) {
  describe(`tenants over HTTP [${dialect}]`, () => {
    let server: RunningTestServer;
    let tier: CityTier;
    before(async () => {
      server = await startTestServer(dialect);
      tier = await seedCityTier(server.url, server.location);
    });
    after(() => server.stop());

    it('lists the city with its districts and adds a district under it', async () => {
      const before = (await (await tier.cityAdmin.get('/api/tenants')).json()) as { tenants: TenantEntry[] };
      assert.deepEqual(slugs(before.tenants), [city.slug, city.second, 'yuzhong'].sort());
      assert.equal(before.tenants.find((t) => t.slug === city.slug)?.children, 2);
      const res = await tier.cityAdmin.send('POST', '/api/tenants', {
        slug: 'shapingba',
        name: '沙坪坝区',
        name_en: 'Shapingba',
        parent: city.slug,
      });
      const text = await res.text();
      assert.equal(res.status, 201, text);
      const created = JSON.parse(text) as TenantEntry;
      assert.deepEqual(created, {
        slug: 'shapingba',
        name: '沙坪坝区',
        name_en: 'Shapingba',
        parent: city.slug,
        children: 0,
      });
      const after = (await (await tier.cityAdmin.get('/api/tenants')).json()) as { tenants: TenantEntry[] };
      assert.equal(after.tenants.find((t) => t.slug === city.slug)?.children, 3);
      const again = await tier.cityAdmin.send('POST', '/api/tenants', {
        slug: 'shapingba',
        name: '沙坪坝区',
      });
      assert.equal(again.status, 409);
      const unknown = await tier.cityAdmin.send('POST', '/api/tenants', {
        slug: 'nanan',
        name: '南岸区',
        parent: 'nowhere',
      });
      assert.ok(unknown.status === 422 || unknown.status === 404, `unknown parent: ${unknown.status}`);
    });

    it('a district administrator sees its own tenant only and adds no sibling', async () => {
      const own = (await (await tier.secondAdmin.get('/api/tenants')).json()) as { tenants: TenantEntry[] };
      assert.deepEqual(slugs(own.tenants), [city.second]);
      const sibling = await tier.secondAdmin.send('POST', '/api/tenants', {
        slug: 'yubei',
        name: '渝北区',
        parent: city.slug,
      });
      assert.equal(sibling.status, 403, await sibling.text());
      const other = await tier.secondAdmin.send('PATCH', '/api/tenants/yuzhong', { name: '改名' });
      assert.equal(other.status, 404);
      const list = (await (await tier.cityAdmin.get('/api/tenants')).json()) as { tenants: TenantEntry[] };
      assert.ok(!list.tenants.some((t) => t.slug === 'yubei'), 'the refused sibling was not created');
      assert.equal(list.tenants.find((t) => t.slug === 'yuzhong')?.name === '改名', false);
    });
  });
}
