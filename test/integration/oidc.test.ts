/**
 * Single sign-on against a real OpenID provider (oidc-provider) on 127.0.0.1, driven with plain
 * fetch and a cookie jar per browser, on SQLite and PostgreSQL. Two app servers share one database:
 * one refuses unknown users, the other provisions them as viewers.
 */
import { serve, type ServerType } from '@hono/node-server';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import Provider from 'oidc-provider';
import pino from 'pino';
import type { Db } from '../../src/db';
import type { OidcConfig } from '../../src/modules/auth/oidc';
import { configFrom } from '../../src/server/config';
import { rawRequest } from '../security/support';
import { createApp } from '../../src/server/app';
import { prepareDatabase } from '../../src/server/bootstrap';
import { createTestDatabase, dialects, type TestDatabase } from '../databases';
import { login, testAdminPassword } from '../server';

/** The provider's users: subject → preferred_username. */
const accounts = new Map([
  ['sub-zhang', 'zhang'],
  ['sub-wang', 'wang'],
  ['sub-li', 'li.new'],
]);
const log = pino({ level: 'silent' });
const web = { has: () => false, serve: () => null };
/** Who logs in at the provider's next login prompt. */
let nextAccount = 'sub-zhang';

const listen = (server: Server | ServerType) =>
  new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
const close = (server: Server | ServerType) => new Promise<void>((resolve) => server.close(() => resolve()));

/** A browser: manual redirects and its own cookies per host (path and expiry rules ignored). */
class Browser {
  readonly jar = new Map<string, Map<string, string>>();

  async get(url: string): Promise<Response> {
    const host = new URL(url).host;
    const cookies = [...(this.jar.get(host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`);
    const res = await fetch(url, {
      redirect: 'manual',
      headers: cookies.length ? { Cookie: cookies.join('; ') } : {},
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      const jar = this.jar.get(host) ?? new Map<string, string>();
      const gone = attrs.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a)) || value === '';
      if (gone) jar.delete(name.trim());
      else jar.set(name.trim(), value);
      this.jar.set(host, jar);
    }
    return res;
  }

  /** Follows redirects from `url` until one points back into the app (default: url's host) outside /api/. */
  async follow(url: string, appHost = new URL(url).host): Promise<{ location: URL; visited: URL[] }> {
    const visited: URL[] = [];
    let next = new URL(url);
    for (let hop = 0; hop < 20; hop++) {
      visited.push(next);
      const res = await this.get(next.href);
      const location = res.headers.get('location');
      assert.ok(
        res.status >= 300 && res.status < 400 && location,
        `${next.href} → ${res.status}: ${await res.text()}`,
      );
      next = new URL(location, next);
      if (next.host === appHost && !next.pathname.startsWith('/api/')) return { location: next, visited };
    }
    throw new Error('too many redirects');
  }
}

/** Finishes the provider's login and consent prompts at once for `nextAccount`. */
async function interact(provider: Provider, req: IncomingMessage, res: ServerResponse) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(req, res, { login: { accountId: nextAccount } });
    return;
  }
  const grant = new provider.Grant({
    accountId: details.session?.accountId,
    clientId: String(details.params.client_id),
  });
  grant.addOIDCScope('openid profile');
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true },
  );
}

for (const dialect of dialects) {
  describe(`OpenID Connect single sign-on [${dialect}]`, () => {
    let database: TestDatabase;
    let db: Db;
    let idp: Server;
    const apps: ServerType[] = [];
    let strict = ''; // refuses unknown users
    let provisioning = ''; // creates them as viewers
    let config: OidcConfig;

    before(async () => {
      database = await createTestDatabase(dialect);
      db = (await prepareDatabase(database.location, { adminPassword: testAdminPassword })).db;
      let provider: Provider | null = null;
      idp = createServer((req, res) => {
        if (!provider) return void res.writeHead(503).end();
        if (req.url?.startsWith('/interaction/')) {
          interact(provider, req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
        } else void provider.callback()(req, res);
      });
      const issuer = `http://127.0.0.1:${await listen(idp)}`;
      config = {
        issuer,
        clientId: 'shixiao',
        clientSecret: 'test-client-secret-0123456789abcdef',
        redirectUri: '',
      };
      for (const provision of [false, true]) {
        const appConfig = { ...config, provision };
        const app = createApp({ db, log, web, oidc: appConfig });
        const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
        apps.push(server);
        const url = `http://127.0.0.1:${await listen(server)}`;
        // The redirect URI comes from configuration only: known here once the port is.
        appConfig.redirectUri = `${url}/api/auth/oidc/callback`;
        if (provision) provisioning = url;
        else strict = url;
      }
      const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: config.clientId,
            client_secret: config.clientSecret,
            redirect_uris: [strict, provisioning].map((u) => `${u}/api/auth/oidc/callback`),
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        findAccount: (_ctx, sub) =>
          accounts.has(sub)
            ? {
                accountId: sub,
                claims: () => ({ sub, preferred_username: accounts.get(sub), name: `User ${sub}` }),
              }
            : undefined,
        claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        jwks: { keys: [jwk] },
        cookies: { keys: ['test cookie signing key'] },
      });
      // A local user to link by name on first SSO login.
      const tenant = await db.kysely.selectFrom('tenants').select('id').executeTakeFirstOrThrow();
      const at = new Date().toISOString();
      const seed = { tenant_id: tenant.id, username: 'zhang', created_at: at, updated_at: at };
      const none = { display_name: null, password_hash: null, oidc_subject: null, locked_until: null };
      const zhang = await db.kysely
        .insertInto('users')
        .values({ ...seed, ...none, disabled: 0, failed_logins: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.kysely
        .insertInto('role_grants')
        .values({ tenant_id: tenant.id, user_id: zhang.id, role: 'reporter' })
        .execute();
    });

    after(async () => {
      for (const server of apps) await close(server);
      await close(idp);
      await db?.close();
      await database?.drop();
    });

    const me = async (base: string, browser: Browser) =>
      (await (await browser.get(`${base}/api/auth/me`)).json()) as {
        user: { username: string; roles: string[] } | null;
      };
    const userRow = (username: string) =>
      db.kysely.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    const audits = (reason: string) =>
      db.kysely
        .selectFrom('audit_log')
        .select(['outcome', 'reason', 'object_id', 'actor_label'])
        .where('action', '=', 'auth.login')
        .where('reason', 'like', reason)
        .execute();

    it('tells the login page whether SSO is on, and answers 404 when it is off', async () => {
      const on = await fetch(`${strict}/api/auth/oidc/config`);
      assert.deepEqual(await on.json(), { enabled: true });
      const off = createApp({ db, log, web });
      assert.deepEqual(await (await off.request('/api/auth/oidc/config')).json(), { enabled: false });
      const start = await off.request('/api/auth/oidc/login');
      assert.equal(start.status, 404);
      assert.equal(start.headers.get('content-type'), 'application/problem+json');
    });

    it('logs in through the provider, links the user by name and rotates the session', async () => {
      const browser = new Browser();
      const old = await login(strict, 'admin', testAdminPassword);
      const [name = '', value = ''] = old.cookie.split(/=(.*)/s);
      browser.jar.set(new URL(strict).host, new Map([[name, value]]));
      nextAccount = 'sub-zhang';
      const start = await browser.get(`${strict}/api/auth/oidc/login`);
      assert.equal(start.status, 302);
      const auth = new URL(start.headers.get('location') ?? '');
      assert.equal(auth.origin, config.issuer);
      assert.equal(auth.searchParams.get('code_challenge_method'), 'S256');
      for (const p of ['state', 'nonce', 'code_challenge']) assert.ok(auth.searchParams.get(p), p);
      const flowCookie = start.headers.getSetCookie().find((c) => c.startsWith('shixiao_oidc=')) ?? '';
      assert.match(flowCookie, /HttpOnly/i);
      assert.match(flowCookie, /SameSite=Lax/i);

      const done = await browser.follow(auth.href, new URL(strict).host);
      assert.equal(done.location.href, `${strict}/`);
      assert.ok(done.visited.some((u) => u.pathname === '/api/auth/oidc/callback'));
      assert.equal(browser.jar.get(new URL(strict).host)?.has('shixiao_oidc'), false, 'flow cookie cleared');
      const who = await me(strict, browser);
      assert.equal(who.user?.username, 'zhang');
      assert.deepEqual(who.user?.roles, ['reporter']);
      assert.equal(
        ((await (await old.get('/api/auth/me')).json()) as { user: unknown }).user,
        null,
        'old session dead',
      );

      const row = await userRow('zhang');
      assert.equal(row?.oidc_subject, 'sub-zhang');
      const ok = (await audits('oidc')).filter((a) => a.outcome === 'success');
      assert.deepEqual(
        ok.map((a) => a.object_id),
        [String(row?.id)],
      );
    });

    it('matches a linked user by subject even after a rename at the provider', async () => {
      accounts.set('sub-zhang', 'zhang-renamed');
      try {
        nextAccount = 'sub-zhang';
        const browser = new Browser();
        const done = await browser.follow(`${strict}/api/auth/oidc/login`);
        assert.equal(done.location.pathname, '/');
        assert.equal((await me(strict, browser)).user?.username, 'zhang');
      } finally {
        accounts.set('sub-zhang', 'zhang');
      }
    });

    it('consumes a flow once on the server: a replayed cookie and state are refused (issue 9)', async () => {
      nextAccount = 'sub-zhang';
      const browser = new Browser();
      const start = await browser.get(`${strict}/api/auth/oidc/login`);
      const flowCookie = (
        start.headers.getSetCookie().find((c) => c.startsWith('shixiao_oidc=')) ?? ''
      ).split(';')[0];
      const done = await browser.follow(start.headers.get('location') ?? '', new URL(strict).host);
      const callback = done.visited.find((u) => u.pathname === '/api/auth/oidc/callback');
      assert.ok(callback && flowCookie);
      const replay = await fetch(callback.href, { redirect: 'manual', headers: { Cookie: flowCookie } });
      assert.equal(replay.headers.get('location'), '/login?error=sso');
      const used = (await audits('oidc: flow already used')).filter((a) => a.outcome === 'failure');
      assert.equal(used.length, 1);
    });

    it('builds the redirect URI from configuration, never from the Host header (issue 9)', async () => {
      // node:http, because fetch does not send a Host header of our choosing.
      const res = await rawRequest(strict, 'GET', '/api/auth/oidc/login', { Host: 'evil.example' });
      assert.equal(res.status, 302);
      const auth = new URL(String(res.headers.location));
      assert.equal(auth.searchParams.get('redirect_uri'), `${strict}/api/auth/oidc/callback`);
      assert.throws(
        () =>
          configFrom({
            SHIXIAO_OIDC_ISSUER: config.issuer,
            SHIXIAO_OIDC_CLIENT_ID: 'x',
            SHIXIAO_OIDC_CLIENT_SECRET: 'y',
          }),
        /SHIXIAO_OIDC_REDIRECT_URI is required/,
      );
    });

    it('refuses a callback with a wrong state and audits the failure', async () => {
      const browser = new Browser();
      const start = await browser.get(`${strict}/api/auth/oidc/login`);
      assert.equal(start.status, 302);
      const res = await browser.get(
        `${strict}/api/auth/oidc/callback?code=forged&state=wrong&iss=${encodeURIComponent(config.issuer)}`,
      );
      assert.equal(res.status, 302);
      assert.equal(res.headers.get('location'), '/login?error=sso');
      assert.equal((await me(strict, browser)).user, null);
      const failures = (await audits('oidc:%state%')).filter((a) => a.outcome === 'failure');
      assert.equal(failures.length, 1);
      // Without the flow cookie at all: refused too.
      const bare = await fetch(`${strict}/api/auth/oidc/callback?code=x&state=y`, { redirect: 'manual' });
      assert.equal(bare.headers.get('location'), '/login?error=sso');
    });

    it('refuses an unknown user when provisioning is off', async () => {
      nextAccount = 'sub-wang';
      const browser = new Browser();
      const done = await browser.follow(`${strict}/api/auth/oidc/login`);
      assert.equal(done.location.pathname + done.location.search, '/login?error=sso');
      assert.equal((await me(strict, browser)).user, null);
      assert.equal(await userRow('wang'), undefined);
      const failures = await audits('oidc: unknown user%');
      assert.deepEqual(
        failures.map((a) => [a.outcome, a.actor_label]),
        [['failure', 'anonymous (wang)']],
      );
    });

    it('provisions an unknown user as a viewer when provisioning is on', async () => {
      nextAccount = 'sub-li';
      const browser = new Browser();
      const done = await browser.follow(`${provisioning}/api/auth/oidc/login`);
      assert.equal(done.location.href, `${provisioning}/`);
      const who = await me(provisioning, browser);
      assert.equal(who.user?.username, 'li.new');
      assert.deepEqual(who.user?.roles, ['viewer']);
      const row = await userRow('li.new');
      assert.deepEqual([row?.oidc_subject, row?.password_hash], ['sub-li', null]);
    });
  });
}
