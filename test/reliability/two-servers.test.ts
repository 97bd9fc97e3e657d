/**
 * Two app servers (`shixiao serve`, each its own process, each running the scheduled jobs every
 * 0.3 s) on one PostgreSQL database, under a load of writers assigning overdue tasks through
 * both; one server is killed with SIGKILL at a moment drawn from a seeded generator. Afterwards
 * every write that was acknowledged (201) is in the database, and the escalation job — run by
 * both servers' loops, one of them killed — recorded each overdue task's notice exactly once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../databases';
import { login, type Client } from '../server';
import { seedTaskUsers } from '../helpers/task-users';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';

const adminPassword = 'two servers test administrator 实效 2026';
const plan = '/api/plans/yuzhong-2023';
const writers = 6;

/** A small seeded generator (the kill moment is the same on every run). */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('two app servers on one PostgreSQL, one killed under load', () => {
  let database: TestDatabase | undefined;
  const servers: ServeProcess[] = [];

  before(async () => {
    database = await createTestDatabase('postgres');
    const env = { SHIXIAO_ADMIN_PASSWORD: adminPassword, SHIXIAO_JOBS_INTERVAL: '0.3' };
    // The first prepares the database (migrations, demo plan); the second finds it ready.
    servers.push(await startServeProcess(['--db', database.location], env));
    servers.push(await startServeProcess(['--db', database.location], env));
  });

  after(async () => {
    for (const s of servers) await s.stop();
    await database?.drop();
  });

  it('loses no acknowledged write and records each scheduled notice once', async () => {
    const [a, b] = servers as [ServeProcess, ServeProcess];
    // A supervisor assigns the tasks; one session, used on both servers (sessions are rows).
    const admin: Client = (await seedTaskUsers(a.url, await login(a.url, 'admin', adminPassword))).sup;
    const random = seeded(15);
    const killAfterMs = 2000 + Math.floor(random() * 3000);
    const acknowledged: string[] = [];
    const unknown: string[] = [];
    let aDead = false;
    let stop = false;
    const send = (base: string, id: string) =>
      fetch(`${base}${plan}/tasks`, {
        method: 'POST',
        headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          id,
          title: `两台服务器 ${id}`,
          action: 'p1-a1',
          lead_department: 'fgw',
          start: day(-60),
          due: day(-10),
          cycle: 'monthly',
        }),
      });
    const writer = async (k: number) => {
      for (let i = 0; !stop; i++) {
        const id = `two-${k}-${i}`;
        // Like a balancer: alternate, and send only to the living server once one is gone.
        const base = !aDead && i % 2 === 0 ? a.url : b.url;
        try {
          const res = await send(base, id);
          const body = await res.text();
          if (res.status === 201) acknowledged.push(id);
          else unknown.push(`${id}: ${res.status} ${body.slice(0, 200)}`);
        } catch {
          unknown.push(`${id}: no answer from ${base === a.url ? 'a' : 'b'}`);
        }
      }
    };
    const load = Promise.all(Array.from({ length: writers }, (_, k) => writer(k)));
    try {
      await new Promise((r) => setTimeout(r, killAfterMs));
      await a.kill();
      aDead = true;
      await new Promise((r) => setTimeout(r, 4000));
    } finally {
      stop = true;
      await load;
    }
    assert.ok(acknowledged.length > 0, `no write acknowledged: ${unknown.slice(0, 5).join('; ')}`);
    // Only requests cut by the kill may lack an answer; nothing else failed.
    assert.ok(
      unknown.every((u) => /no answer from a/.test(u)),
      `failures not caused by the kill: ${unknown.filter((u) => !/no answer from a/.test(u)).join('; ')}`,
    );

    const client = new pg.Client({ connectionString: database!.location });
    await client.connect();
    try {
      const stored = new Set(
        (await client.query<{ code: string }>("select code from tasks where code like 'two-%'")).rows.map(
          (r) => r.code,
        ),
      );
      const lost = acknowledged.filter((id) => !stored.has(id));
      assert.deepEqual(lost, [], 'every acknowledged write is in the database');

      // The surviving server's job loop records every stored task's notice (a lease of the killed
      // one ends within a minute); each exactly once.
      const ids = (
        await client.query<{ id: number }>("select id from tasks where code like 'two-%'")
      ).rows.map((r) => `task:${r.id}`);
      const deadline = Date.now() + 150_000;
      let keys: { object: string; n: string }[] = [];
      for (;;) {
        keys = (
          await client.query<{ object: string; n: string }>(
            "select object, count(*) as n from notice_keys where job = 'task-escalation' and object = any($1) group by object",
            [ids],
          )
        ).rows;
        if (keys.length === ids.length || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      assert.equal(keys.length, ids.length, 'every overdue task was chased');
      assert.ok(
        keys.every((k) => Number(k.n) >= 1),
        'keys recorded',
      );
      // Each notice is one in-app message per recipient: no message written twice.
      const doubled = (
        await client.query<{ n: string }>(
          `select count(*) as n from (
             select department_id, user_id, payload, count(*) as c from notifications
             where payload like '%"task":"two-%' group by department_id, user_id, payload
           ) m where m.c > 1`,
        )
      ).rows[0];
      assert.equal(Number(doubled.n), 0, 'no notice written twice');
      const messages = (
        await client.query<{ n: string }>(
          `select count(*) as n from notifications where payload like '%"task":"two-%'`,
        )
      ).rows[0];
      assert.ok(Number(messages.n) >= ids.length, `${messages.n} messages for ${ids.length} tasks`);
      console.log(
        `two servers: killed a after ${killAfterMs} ms; ${acknowledged.length} writes acknowledged, ` +
          `${unknown.length} cut by the kill, ${stored.size} stored, ${lost.length} lost; ` +
          `${keys.length} tasks chased once, ${messages.n} in-app messages`,
      );
    } finally {
      await client.end();
    }
  });
});
