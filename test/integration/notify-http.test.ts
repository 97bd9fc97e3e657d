/**
 * Notification settings and webhook administration over HTTP, on SQLite and PostgreSQL: a user
 * chooses channels (bad input named, nothing saved), an API token has no settings, the admin
 * adds, changes and removes endpoints (secrets never sent back, unknown departments and taken
 * names refused), and each change leaves an audit row.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../databases';
import { expectJson, seedDataUsers, tokenClient, type DataUsers } from '../helpers/data-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

interface Settings {
  inbox: boolean;
  email: boolean;
  email_address: string | null;
  email_available: boolean;
}
interface Endpoint {
  id: number;
  name: string;
  department: string | null;
  format: string;
  url: string;
  has_secret: boolean;
  enabled: boolean;
  secret?: string;
}

for (const dialect of dialects) {
  describe(`notification settings and webhooks [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    let u: DataUsers;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
      u = await seedDataUsers(server.url, admin);
    });
    after(() => server?.stop());

    it('lets a user choose channels, refusing bad input without saving it', async () => {
      const start = await expectJson<Settings>(u.repA.get('/api/notifications/settings'), 200);
      assert.deepEqual(start, { inbox: true, email: false, email_address: null, email_available: false });
      const noAddress = await u.repA.send('PUT', '/api/notifications/settings', { email: true });
      assert.equal(noAddress.status, 422);
      assert.match(await noAddress.text(), /email_address/);
      const badAddress = await u.repA.send('PUT', '/api/notifications/settings', {
        email_address: 'not-an-address',
      });
      assert.equal(badAddress.status, 400);
      const extra = await u.repA.send('PUT', '/api/notifications/settings', { user_id: 1, email: false });
      assert.equal(extra.status, 400);
      assert.deepEqual(await expectJson<Settings>(u.repA.get('/api/notifications/settings'), 200), start);

      const saved = await expectJson<Settings>(
        u.repA.send('PUT', '/api/notifications/settings', {
          inbox: false,
          email: true,
          email_address: 'rep-a@tjj.example.gov.cn',
        }),
        200,
      );
      assert.deepEqual(saved, {
        inbox: false,
        email: true,
        email_address: 'rep-a@tjj.example.gov.cn',
        email_available: false,
      });
      // Another user's settings are untouched.
      assert.equal(
        (await expectJson<Settings>(u.repA2.get('/api/notifications/settings'), 200)).email,
        false,
      );
      const audit = await expectJson<{ entries: { action: string }[] }>(
        admin.get('/api/audit?action=notify.settings'),
        200,
      );
      assert.ok(audit.entries.some((e) => e.action === 'notify.settings'));
    });

    it('gives an API token no settings of its own', async () => {
      const token = tokenClient(server.url, u.tokenA);
      assert.equal((await token.get('/api/notifications/settings')).status, 403);
      assert.equal((await token.get('/api/notifications')).status, 200);
    });

    it('lets the admin add, change and remove webhook endpoints', async () => {
      const created = await expectJson<Endpoint>(
        admin.send('POST', '/api/notify/webhooks', {
          name: '统计局钉钉群',
          department: 'tjj',
          format: 'dingtalk',
          url: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
          secret: 'SECabc',
        }),
        201,
      );
      assert.equal(created.department, 'tjj');
      assert.equal(created.has_secret, true);
      assert.equal(created.enabled, true);
      assert.equal(created.secret, undefined);

      const refusals: [unknown, number][] = [
        [{ name: 'x', format: 'dingtalk', url: 'ftp://example.com/hook' }, 400],
        [{ name: 'x', format: 'slack', url: 'https://example.com/hook' }, 400],
        [{ name: 'x', format: 'json', url: 'https://example.com/hook', tenant_id: 2 }, 400],
        [{ name: 'x', department: 'nope', format: 'json', url: 'https://example.com/hook' }, 422],
        [{ name: '统计局钉钉群', format: 'json', url: 'https://example.com/hook' }, 409],
      ];
      for (const [body, status] of refusals) {
        const res = await admin.send('POST', '/api/notify/webhooks', body);
        assert.equal(res.status, status, `${JSON.stringify(body)}: ${await res.text()}`);
      }

      const changed = await expectJson<Endpoint>(
        admin.send('PATCH', `/api/notify/webhooks/${created.id}`, {
          department: null,
          enabled: false,
          secret: null,
        }),
        200,
      );
      assert.equal(changed.department, null);
      assert.equal(changed.enabled, false);
      assert.equal(changed.has_secret, false);
      const list = await expectJson<{ webhooks: Endpoint[] }>(admin.get('/api/notify/webhooks'), 200);
      assert.deepEqual(
        list.webhooks.map((w) => w.name),
        ['统计局钉钉群'],
      );
      assert.ok(!JSON.stringify(list).includes('SECabc'));

      const audit = await expectJson<{ entries: { action: string; after: unknown }[] }>(
        admin.get('/api/audit?action=notify.webhook.create'),
        200,
      );
      assert.ok(audit.entries.length >= 1);
      assert.ok(!JSON.stringify(audit).includes('SECabc'), 'the secret stays out of the audit');

      assert.equal((await admin.send('DELETE', `/api/notify/webhooks/${created.id}`)).status, 204);
      assert.equal((await admin.send('DELETE', `/api/notify/webhooks/${created.id}`)).status, 404);
      assert.equal(
        (await admin.send('PATCH', `/api/notify/webhooks/${created.id}`, { enabled: true })).status,
        404,
      );
    });
  });
}
