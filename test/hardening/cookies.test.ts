/**
 * Issue 9: the session cookie gets `Secure` and the `__Host-` prefix by itself when the request
 * came over TLS, or when a trusted proxy (SHIXIAO_TRUST_PROXY=1) says so — never because an
 * untrusted client sends X-Forwarded-Proto. On SQLite and PostgreSQL (a login writes a session).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import type { Db } from '../../src/db';
import { createApp } from '../../src/server/app';
import { prepareDatabase } from '../../src/server/bootstrap';
import { configFrom } from '../../src/server/config';
import { createTestDatabase, dialects, type TestDatabase } from '../databases';
import { testAdminPassword } from '../server';

for (const dialect of dialects) {
  describe(`secure cookies [${dialect}]`, () => {
    let database: TestDatabase;
    let db: Db;
    let app: ReturnType<typeof createApp>;
    /** An app configured by these variables (src/server/config.ts), as `serve` would be. */
    const appWith = (env: Record<string, string>) =>
      createApp({
        db,
        log: pino({ level: 'silent' }),
        web: { has: () => false, serve: () => null },
        settings: configFrom(env).settings,
      });
    before(async () => {
      database = await createTestDatabase(dialect);
      db = (await prepareDatabase(database.location, { adminPassword: testAdminPassword })).db;
      app = appWith({});
    });
    after(async () => {
      await db?.close();
      await database?.drop();
    });

    const loginAt = async (url: string, headers: Record<string, string> = {}) => {
      const res = await app.request(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: new URL(url).origin, ...headers },
        body: JSON.stringify({ username: 'admin', password: testAdminPassword }),
      });
      assert.equal(res.status, 200, await res.clone().text());
      return res.headers.get('set-cookie') ?? '';
    };

    it('sets Secure and __Host- over TLS, and not over plain HTTP', async () => {
      const tls = await loginAt('https://shixiao.example/api/auth/login');
      assert.match(tls, /^__Host-shixiao_session=/);
      assert.match(tls, /; Secure/i);
      const plain = await loginAt('http://127.0.0.1/api/auth/login');
      assert.match(plain, /^shixiao_session=/);
      assert.doesNotMatch(plain, /Secure/i);
      // A session cookie set over TLS is read over TLS.
      const cookie = tls.split(';')[0] ?? '';
      const me = await app.request('https://shixiao.example/api/auth/me', { headers: { Cookie: cookie } });
      assert.ok(((await me.json()) as { user: unknown }).user);
    });

    it('believes X-Forwarded-Proto only from a trusted proxy', async () => {
      const forwarded = { 'X-Forwarded-Proto': 'https' };
      assert.match(await loginAt('http://127.0.0.1/api/auth/login', forwarded), /^shixiao_session=/);
      app = appWith({ SHIXIAO_TRUST_PROXY: '1' });
      const proxied = await loginAt('http://127.0.0.1/api/auth/login', forwarded);
      assert.match(proxied, /^__Host-shixiao_session=.*; Secure/i);
    });
  });
}
