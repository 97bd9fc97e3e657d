/**
 * User and department administration over a real socket on SQLite and PostgreSQL: who may
 * administer, mass assignment, the password policy, disabling and resets ending sessions,
 * self-protection and tenant isolation (SECURITY.md: authentication, sessions, access control).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../src/db';
import { hashPassword } from '../../src/modules/auth';
import { ensureTenant } from '../../src/modules/plans';
import { dialects } from '../databases';
import { seedDepartmentsAndUsers, type SeededUsers } from '../helpers/seed-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

interface UserView {
  username: string;
  roles: string[];
  departments: string[];
  disabled: boolean;
  locked: boolean;
}

const usersOf = async (client: Client) =>
  ((await (await client.get('/api/users')).json()) as { users: UserView[] }).users;

for (const dialect of dialects) {
  describe(`accounts API [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    let seeded: SeededUsers;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
      seeded = await seedDepartmentsAndUsers(server.url, admin);
    });
    after(() => server.stop());

    const newUser = (username: string, password = 'a fine password 很好', extra: object = {}) =>
      admin.send('POST', '/api/users', {
        username,
        password,
        roles: ['viewer'],
        departments: ['dept-a'],
        ...extra,
      });

    it('lists users with roles, departments, disabled and locked, and nothing secret', async () => {
      const res = await admin.get('/api/users');
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.doesNotMatch(text, /password|hash|failed_logins|argon2|tenant_id/);
      const users = (JSON.parse(text) as { users: UserView[] }).users;
      const reporter = users.find((u) => u.username === 'reporter-b');
      assert.deepEqual(reporter && { ...reporter, created_at: undefined, updated_at: undefined }, {
        username: 'reporter-b',
        display_name: 'reporter B',
        roles: ['reporter'],
        departments: ['dept-b'],
        disabled: false,
        locked: false,
        created_at: undefined,
        updated_at: undefined,
      });
      assert.equal(users.length, 13);
    });

    it('lets admins and supervisors read users; a reporter and others get 403', async () => {
      assert.equal((await seeded.clients.supervisor.a.get('/api/users')).status, 200);
      for (const role of ['dept_head', 'reporter', 'leader', 'viewer'] as const) {
        assert.equal((await seeded.clients[role].a.get('/api/users')).status, 403, role);
      }
      assert.equal((await fetch(server.url + '/api/users')).status, 401);
    });

    it('lets only admins create users', async () => {
      for (const role of ['supervisor', 'dept_head', 'reporter', 'leader', 'viewer'] as const) {
        const res = await seeded.clients[role].a.send('POST', '/api/users', {
          username: `made-by-${role}`,
          password: 'a fine password 很好',
          roles: ['admin'],
        });
        assert.equal(res.status, 403, role);
      }
      const res = await seeded.clients.admin.a.send('POST', '/api/users', {
        username: 'made-by-admin',
        password: 'a fine password 很好',
        roles: ['viewer'],
      });
      assert.equal(res.status, 201);
      const names = (await usersOf(admin)).map((u) => u.username);
      assert.ok(names.includes('made-by-admin'));
      assert.ok(!names.some((n) => n.startsWith('made-by-') && n !== 'made-by-admin'));
    });

    it('refuses mass assignment (400) and changes nothing', async () => {
      const before = await usersOf(admin);
      for (const extra of [
        { id: 1 },
        { tenant_id: 2 },
        { password_hash: '$argon2id$v=19$m=1,t=1,p=1$x$y' },
        { failed_logins: 0 },
        { disabled: true },
      ]) {
        const res = await newUser('mass-create', undefined, extra);
        assert.equal(res.status, 400, JSON.stringify(extra));
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
        const body = (await res.json()) as { errors: { message: string }[] };
        assert.match(JSON.stringify(body.errors), new RegExp(Object.keys(extra)[0] ?? '-'));
      }
      for (const extra of [
        { id: 99 },
        { tenant_id: 2 },
        { username: 'renamed' },
        { password_hash: 'x' },
        { failed_logins: 0, locked_until: null },
        { roles: ['viewer'], role: 'admin' },
      ]) {
        const res = await admin.send('PATCH', '/api/users/viewer-a', extra);
        assert.equal(res.status, 400, JSON.stringify(extra));
      }
      assert.equal(
        (await admin.send('POST', '/api/departments', { code: 'x', name: 'X', tenant_id: 2 })).status,
        400,
      );
      assert.equal((await admin.send('PATCH', '/api/departments/dept-a', { code: 'dept-z' })).status, 400);
      assert.deepEqual(await usersOf(admin), before);
      assert.equal((await seeded.clients.viewer.a.get('/api/plans')).status, 200);
    });

    it('refuses short, long, common and name-like passwords with a message', async () => {
      for (const [password, reason] of [
        ['short1', /at least 8/],
        ['1234567', /at least 8/],
        ['password1', /common/],
        ['Baseball', /common/],
        ['weak-pass', /differ from the user name/],
        ['x'.repeat(129), /at most 128/],
      ] as const) {
        const res = await newUser('weak-pass', password);
        assert.equal(res.status, 422, password);
        const body = (await res.json()) as { detail: string; errors: { field: string }[] };
        assert.match(body.detail, reason);
        assert.equal(body.errors[0]?.field, 'password');
      }
      assert.ok(!(await usersOf(admin)).some((u) => u.username === 'weak-pass'));
    });

    it('accepts 8, 64 and 128 characters with spaces, Chinese and emoji, checked as typed', async () => {
      const passwords = {
        'pw-8': '春 眠 不觉晓🌸',
        'pw-64': [...('密码 with spaces 🔐 ' + 'x'.repeat(64))].slice(0, 64).join(''),
        'pw-128': [...'长长的密码 long pass phrase 😀 '.repeat(10)].slice(0, 128).join(''),
      };
      for (const [name, password] of Object.entries(passwords)) {
        assert.equal([...password].length, Number(name.slice(3)), name);
        assert.equal((await newUser(name, password)).status, 201, name);
        const client = await login(server.url, name, password);
        assert.equal((await client.get('/api/plans')).status, 200);
        const wrong = await fetch(server.url + '/api/auth/login', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: name, password: password.slice(0, -1) }),
        });
        assert.equal(wrong.status, 401, name);
      }
    });

    it('ends a disabled user’s sessions at once; the user cannot log in', async () => {
      assert.equal((await newUser('to-disable')).status, 201);
      const client = await login(server.url, 'to-disable', 'a fine password 很好');
      assert.equal((await client.get('/api/plans')).status, 200);
      const res = await admin.send('PATCH', '/api/users/to-disable', { disabled: true });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as UserView).disabled, true);
      assert.equal((await client.get('/api/plans')).status, 401);
      await assert.rejects(login(server.url, 'to-disable', 'a fine password 很好'), /401/);
      assert.equal((await admin.send('PATCH', '/api/users/to-disable', { disabled: false })).status, 200);
      const again = await login(server.url, 'to-disable', 'a fine password 很好');
      assert.equal((await again.get('/api/plans')).status, 200);
    });

    it('ends the user’s sessions on an admin password reset', async () => {
      assert.equal((await newUser('to-reset')).status, 201);
      const first = await login(server.url, 'to-reset', 'a fine password 很好');
      const second = await login(server.url, 'to-reset', 'a fine password 很好');
      const weak = await admin.send('POST', '/api/users/to-reset/password', { password: 'iloveyou' });
      assert.equal(weak.status, 422);
      assert.equal((await first.get('/api/plans')).status, 200);
      const res = await admin.send('POST', '/api/users/to-reset/password', { password: 'a new one 新的 🔑' });
      assert.equal(res.status, 204);
      assert.equal((await first.get('/api/plans')).status, 401);
      assert.equal((await second.get('/api/plans')).status, 401);
      await assert.rejects(login(server.url, 'to-reset', 'a fine password 很好'), /401/);
      await login(server.url, 'to-reset', 'a new one 新的 🔑');
      const extra = await admin.send('POST', '/api/users/to-reset/password', {
        password: 'x y z 1 2 3 4',
        hash: 'h',
      });
      assert.equal(extra.status, 400);
      const missing = await admin.send('POST', '/api/users/nobody/password', {
        password: 'a new one 新的 🔑',
      });
      assert.equal(missing.status, 404);
    });

    it('changes roles and departments; unknown departments are refused', async () => {
      const res = await admin.send('PATCH', '/api/users/leader-a', {
        roles: ['leader', 'viewer'],
        departments: ['dept-a', 'dept-b'],
        display_name: '领导 A',
      });
      assert.equal(res.status, 200);
      const user = (await res.json()) as UserView & { display_name: string };
      assert.deepEqual(
        [user.roles, user.departments, user.display_name],
        [['leader', 'viewer'], ['dept-a', 'dept-b'], '领导 A'],
      );
      const unknown = await admin.send('PATCH', '/api/users/leader-a', { departments: ['dept-zz'] });
      assert.equal(unknown.status, 422);
      const badRole = await admin.send('PATCH', '/api/users/leader-a', { roles: ['superuser'] });
      assert.equal(badRole.status, 400);
      assert.equal((await admin.send('PATCH', '/api/users/nobody', { roles: ['viewer'] })).status, 404);
      assert.equal((await newUser('leader-a')).status, 409);
    });

    it('lets nobody remove their own admin role or disable themselves (409)', async () => {
      const self = seeded.clients.admin.a;
      for (const body of [{ roles: ['supervisor'] }, { disabled: true }]) {
        const res = await self.send('PATCH', '/api/users/admin-a', body);
        assert.equal(res.status, 409, JSON.stringify(body));
        assert.match(((await res.json()) as { detail: string }).detail, /your own/);
      }
      const reset = await self.send('POST', '/api/users/admin-a/password', { password: 'a new one 新的 🔑' });
      assert.equal(reset.status, 409);
      const me = (await usersOf(admin)).find((u) => u.username === 'admin-a');
      assert.deepEqual([me?.roles, me?.disabled], [['admin'], false]);
      // Another admin may do it; adding a role to oneself is fine.
      assert.equal(
        (await self.send('PATCH', '/api/users/admin-a', { roles: ['admin', 'viewer'] })).status,
        200,
      );
      assert.equal((await admin.send('PATCH', '/api/users/admin-b', { disabled: true })).status, 200);
      assert.equal((await admin.send('PATCH', '/api/users/admin-b', { disabled: false })).status, 200);
    });

    it('lists, creates and renames departments', async () => {
      const list = await seeded.clients.viewer.b.get('/api/departments');
      assert.equal(list.status, 200);
      const codes = ((await list.json()) as { departments: { code: string }[] }).departments.map(
        (d) => d.code,
      );
      assert.ok(codes.includes('dept-a') && codes.includes('dept-b'));
      const denied = await seeded.clients.supervisor.a.send('POST', '/api/departments', {
        code: 'dept-s',
        name: 'S',
      });
      assert.equal(denied.status, 403);
      assert.equal(
        (await admin.send('POST', '/api/departments', { code: 'dept-a', name: 'again' })).status,
        409,
      );
      assert.equal((await admin.send('POST', '/api/departments', { code: '../x', name: 'bad' })).status, 400);
      const renamed = await admin.send('PATCH', '/api/departments/dept-b', { name: '乙部门' });
      assert.equal(renamed.status, 200);
      assert.deepEqual(await renamed.json(), { code: 'dept-b', name: '乙部门', name_en: 'Department B' });
      assert.equal((await admin.send('PATCH', '/api/departments/nope', { name: 'x' })).status, 404);
      assert.equal(
        (await seeded.clients.reporter.a.send('PATCH', '/api/departments/dept-a', { name: 'x' })).status,
        403,
      );
    });

    it('keeps tenants apart: an admin never sees or changes another tenant’s users', async () => {
      const db = await openDatabase(server.location);
      try {
        const other = await ensureTenant(db.kysely, 'other-district', new Date().toISOString());
        const now = new Date().toISOString();
        const hash = await hashPassword('other tenant password 🏙');
        const inserted = await db.kysely
          .insertInto('users')
          .values({
            tenant_id: other.id,
            username: 'stranger',
            display_name: null,
            password_hash: hash,
            oidc_subject: null,
            disabled: 0,
            failed_logins: 0,
            locked_until: null,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db.kysely
          .insertInto('role_grants')
          .values({ tenant_id: other.id, user_id: inserted.id, role: 'admin' })
          .execute();
      } finally {
        await db.close();
      }
      assert.ok(!(await usersOf(admin)).some((u) => u.username === 'stranger'));
      assert.equal((await admin.send('PATCH', '/api/users/stranger', { disabled: true })).status, 404);
      assert.equal(
        (await admin.send('POST', '/api/users/stranger/password', { password: 'taken over 接管 ✋' })).status,
        404,
      );
      const res = await fetch(server.url + '/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          username: 'stranger',
          password: 'other tenant password 🏙',
          tenant: 'other-district',
        }),
      });
      assert.equal(res.status, 200);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const theirs = (await (
        await fetch(server.url + '/api/users', { headers: { Cookie: cookie } })
      ).json()) as {
        users: UserView[];
      };
      assert.deepEqual(
        theirs.users.map((u) => u.username),
        ['stranger'],
      );
      const audit = (await (
        await fetch(server.url + '/api/audit?limit=200', { headers: { Cookie: cookie } })
      ).json()) as {
        entries: { actor: string }[];
      };
      assert.ok(audit.entries.length > 0);
      assert.ok(
        audit.entries.every((e) => e.actor.includes('stranger')),
        JSON.stringify(audit.entries.slice(0, 3)),
      );
      const departments = (await (
        await fetch(server.url + '/api/departments', { headers: { Cookie: cookie } })
      ).json()) as {
        departments: unknown[];
      };
      assert.deepEqual(departments.departments, []);
    });
  });
}
