/**
 * The bulletin archive over HTTP and the monthly job, on both databases: a supervisor generates
 * a month and downloads it as .docx/.pdf/.xlsx, a leader lists and downloads, a reporter is
 * refused, a bad or too early month is answered with the problem, an unarchived month is 404;
 * the monthly job archives the previous month once however often it runs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BulletinEntry, BulletinList } from '../../src/contracts/reports';
import { migrateToLatest, openDatabase, type Db } from '../../src/db';
import { runJobsOnce } from '../../src/jobs';
import { bulletinJob } from '../../src/modules/reports';
import { dialects } from '../databases';
import { seedDepartmentsAndUsers, type SeededUsers } from '../helpers/seed-users';
import { login, startTestServer, testAdminPassword, type RunningTestServer } from '../server';

const base = '/api/plans/yuzhong-2023/bulletins';
const noChannels = { config: { smtp: null, publicUrl: null }, mailer: null } as never;

for (const dialect of dialects) {
  describe(`bulletins API and monthly job [${dialect}]`, () => {
    let server: RunningTestServer;
    let seeded: SeededUsers;
    let db: Db;
    before(async () => {
      server = await startTestServer(dialect, { now: () => new Date('2026-11-03T09:00:00Z') });
      const admin = await login(server.url, 'admin', testAdminPassword);
      seeded = await seedDepartmentsAndUsers(server.url, admin);
      db = await openDatabase(server.location);
      await migrateToLatest(db);
    });
    after(async () => {
      await db?.close();
      await server?.stop();
    });

    it('lets a supervisor generate a month and everyone allowed download it in three formats', async () => {
      const sup = seeded.clients.supervisor.a;
      const made = await sup.send('POST', base, { month: '2026-10' });
      assert.equal(made.status, 201, await made.clone().text());
      const entry = (await made.json()) as BulletinEntry;
      assert.deepEqual(
        { month: entry.month, origin: entry.origin, by: entry.generated_by },
        { month: '2026-10', origin: 'user', by: seeded.username('supervisor', 'a') },
      );
      const leader = seeded.clients.leader.a;
      const list = (await (await leader.get(base)).json()) as BulletinList;
      assert.deepEqual(
        list.bulletins.map((b) => b.month),
        ['2026-10'],
      );
      const magic: Record<string, string> = { docx: 'PK', xlsx: 'PK', pdf: '%PDF' };
      for (const format of ['docx', 'xlsx', 'pdf']) {
        const res = await leader.get(`${base}/2026-10/${format}`);
        assert.equal(res.status, 200, format);
        assert.match(
          res.headers.get('content-disposition') ?? '',
          /attachment; filename="bulletin-2026-10\./,
        );
        const bytes = Buffer.from(await res.arrayBuffer());
        assert.equal(bytes.subarray(0, magic[format].length).toString(), magic[format]);
      }
    });

    it('refuses a reporter, a bad month, a month before the plan and an unknown format', async () => {
      assert.equal((await seeded.clients.reporter.a.get(base)).status, 403);
      assert.equal((await seeded.clients.leader.a.send('POST', base, { month: '2026-10' })).status, 403);
      const sup = seeded.clients.supervisor.a;
      const bad = await sup.send('POST', base, { month: '2026-13' });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /month/);
      const early = await sup.send('POST', base, { month: '2021-05' });
      assert.equal(early.status, 422);
      assert.match(await early.text(), /before the plan starts \(2023\)/);
      assert.equal((await sup.get(`${base}/2026-09/docx`)).status, 404, 'never archived');
      assert.equal((await sup.get(`${base}/2026-10/txt`)).status, 400);
    });

    it('the monthly job archives the previous month once, however often it runs', async () => {
      const now = new Date('2026-12-01T02:00:00Z');
      for (let i = 0; i < 2; i++) await runJobsOnce(db, { now, jobs: [bulletinJob], channels: noChannels });
      const list = (await (await seeded.clients.supervisor.a.get(base)).json()) as BulletinList;
      assert.deepEqual(
        list.bulletins.map((b) => [b.month, b.origin, b.generated_by]),
        [
          ['2026-11', 'job', null],
          ['2026-10', 'user', seeded.username('supervisor', 'a')],
        ],
      );
      const first = list.bulletins[0]?.generated_at;
      await runJobsOnce(db, {
        now: new Date('2026-12-20T02:00:00Z'),
        jobs: [bulletinJob],
        channels: noChannels,
      });
      const again = (await (await seeded.clients.supervisor.a.get(base)).json()) as BulletinList;
      assert.equal(again.bulletins[0]?.generated_at, first, 'not generated again');
      await runJobsOnce(db, {
        now: new Date('2022-06-01T02:00:00Z'),
        jobs: [bulletinJob],
        channels: noChannels,
      });
      const before = (await (await seeded.clients.supervisor.a.get(base)).json()) as BulletinList;
      assert.equal(before.bulletins.length, 2, 'no bulletin before the plan starts');
    });
  });
}
