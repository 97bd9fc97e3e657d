/**
 * Reliability (SECURITY.md, Reliability): a held lock gives 503 with Retry-After, never a hang.
 * Another connection holds the write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: LOCK TABLE
 * observations IN EXCLUSIVE MODE, which lets reads through). A value edit then waits for the
 * lock (SQLite 5 s busy_timeout; PostgreSQL the server's lock timeout, 1 s here) and answers 503
 * with Retry-After, nothing written; reads go on meanwhile; once the lock is released the same
 * edit succeeds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { dialects } from '../databases';
import { expectJson, seedDataUsers, type DataUsers, type ValueBody } from '../helpers/data-users';
import { login, startTestServer, testAdminPassword, type RunningTestServer } from '../server';
import type { DialectName } from '../../src/db';

const data = '/api/plans/yuzhong-2023/data';
const path = `${data}/values/urbanization_rate/2026`;

/** Holds the database's write lock from another connection until `release`. */
async function holdWriteLock(dialect: DialectName, location: string): Promise<() => Promise<void>> {
  if (dialect === 'sqlite') {
    const handle = new SQLite(location, { timeout: 0 });
    handle.exec('BEGIN IMMEDIATE');
    return () => Promise.resolve(void (handle.exec('ROLLBACK'), handle.close()));
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE observations IN EXCLUSIVE MODE');
  return async () => {
    await client.query('ROLLBACK');
    await client.end();
  };
}

for (const dialect of dialects)
  describe(`a held lock [${dialect}]`, () => {
    let server: RunningTestServer;
    let u: DataUsers;
    before(async () => {
      server = await startTestServer(dialect, { lockTimeoutMs: 1000 });
      u = await seedDataUsers(server.url, await login(server.url, 'admin', testAdminPassword));
      await expectJson(
        u.repA.send('POST', `${data}/values`, { indicator: 'urbanization_rate', period: '2026', value: 70 }),
        201,
      );
    });
    after(async () => server?.stop());

    // A hang (no lock timeout) fails here instead of holding the whole run.
    it(
      'answers a write 503 with Retry-After, not a hang; reads go on; the write succeeds after',
      { timeout: 60_000 },
      async () => {
        const release = await holdWriteLock(dialect, server.location);
        let released = false;
        try {
          const failed = await u.repA.send('PATCH', path, { if_version: 1, value: 71.5 });
          const text = await failed.text();
          assert.equal(failed.status, 503, text);
          assert.equal(failed.headers.get('retry-after'), '5');
          assert.match(text, /busy with another change; nothing was saved/);
          assert.doesNotMatch(text, /SQLITE|55P03|lock timeout|stack/i);
          if (dialect === 'postgres') {
            // EXCLUSIVE mode lets readers through: the value is still read while the lock is held.
            const read = await expectJson<ValueBody>(u.repA.get(path), 200);
            assert.deepEqual([read.value.version, read.value.value], [1, 70]);
          }
          await release();
          released = true;
          const unchanged = await expectJson<ValueBody>(u.repA.get(path), 200);
          assert.deepEqual(
            [unchanged.value.version, unchanged.value.value],
            [1, 70],
            'the 503 wrote nothing',
          );
          const done = await expectJson<ValueBody>(
            u.repA.send('PATCH', path, { if_version: 1, value: 71.5 }),
            200,
          );
          assert.deepEqual([done.value.version, done.value.value], [2, 71.5]);
        } finally {
          if (!released) await release();
        }
      },
    );
  });
