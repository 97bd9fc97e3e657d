/**
 * Reliability (SECURITY.md, Reliability) over a real socket, on SQLite and PostgreSQL:
 * - a database call that fails in the middle of a write answers a generic 500, leaves every table
 *   as it was, and the next request succeeds;
 * - of two concurrent editors of one version exactly one wins and the other gets 409, round after
 *   round, and the audit log records exactly the winners.
 * The failure is real: a trigger the test installs makes the database itself refuse the audit row
 * that the edit's transaction writes after its data rows.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Db, type DialectName } from '../../src/db';
import { backupDatabase } from '../../src/modules/backup';
import { dialects } from '../databases';
import { expectJson, seedDataUsers, type DataUsers, type ValueBody } from '../helpers/data-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const data = '/api/plans/yuzhong-2023/data';
const valuePath = (indicator: string, period: string) => `${data}/values/${indicator}/${period}`;
const scratch = mkdtempSync(join(tmpdir(), 'shixiao-reliability-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Makes the database refuse audit rows of one action, as a failing disk or a lost connection would. */
async function failAuditOf(db: Db, action: string): Promise<() => Promise<void>> {
  if (db.dialect === 'sqlite') {
    await sql`CREATE TRIGGER reliability_fail BEFORE INSERT ON audit_log WHEN NEW.action = ${sql.lit(action)}
      BEGIN SELECT RAISE(ABORT, 'injected failure: disk I/O error'); END`.execute(db.kysely);
    return async () => void (await sql`DROP TRIGGER reliability_fail`.execute(db.kysely));
  }
  await sql`CREATE FUNCTION reliability_fail() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.action = ${sql.lit(action)} THEN RAISE EXCEPTION 'injected failure: disk I/O error'; END IF;
    RETURN NEW; END $$`.execute(db.kysely);
  await sql`CREATE TRIGGER reliability_fail BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION reliability_fail()`.execute(db.kysely);
  return async () => {
    await sql`DROP TRIGGER reliability_fail ON audit_log`.execute(db.kysely);
    await sql`DROP FUNCTION reliability_fail()`.execute(db.kysely);
  };
}

/** Row counts and content hashes of the tables a data write touches. */
async function contentOf(db: Db, name: string) {
  const { manifest } = await backupDatabase(db, join(scratch, `${name}.jsonl.gz`));
  return {
    observations: manifest.observations,
    audit_log: manifest.audit_log,
    notifications: manifest.notifications,
  };
}

function reliabilitySuite(dialect: DialectName) {
  describe(`reliability [${dialect}]`, () => {
    let server: RunningTestServer;
    let u: DataUsers;
    let db: Db;
    before(async () => {
      server = await startTestServer(dialect);
      const admin: Client = await login(server.url, 'admin', testAdminPassword);
      u = await seedDataUsers(server.url, admin);
      db = await openDatabase(server.location);
    });
    after(async () => {
      await db.close();
      await server.stop();
    });

    it('a failing database call gives a generic 500, changes nothing, and the next request succeeds', async () => {
      const path = valuePath('urbanization_rate', '2026');
      await expectJson(
        u.repA.send('POST', `${data}/values`, { indicator: 'urbanization_rate', period: '2026', value: 70 }),
        201,
      );
      const restore = await failAuditOf(db, 'data.edit');
      const before = await contentOf(db, `${dialect}-before`);
      const failed = await u.repA.send('PATCH', path, { if_version: 1, value: 71.5 });
      const text = await failed.text();
      assert.equal(failed.status, 500, text);
      const problem = JSON.parse(text) as { detail: string; error_id: string };
      assert.equal(problem.detail, 'Something went wrong on our side.');
      assert.match(problem.error_id, /^[0-9a-f-]{36}$/);
      assert.doesNotMatch(text, /injected|audit_log|INSERT|trigger/i);
      assert.deepEqual(await contentOf(db, `${dialect}-after`), before, 'a table changed');
      const unchanged = await expectJson<ValueBody>(u.repA.get(path), 200);
      assert.deepEqual([unchanged.value.version, unchanged.value.value], [1, 70]);

      await restore();
      const done = await expectJson<ValueBody>(
        u.repA.send('PATCH', path, { if_version: 1, value: 71.5 }),
        200,
      );
      assert.deepEqual([done.value.version, done.value.value], [2, 71.5]);
    });

    it('of two concurrent editors of one version exactly one wins, round after round; the audit log agrees', async () => {
      const path = valuePath('gdp', '2026');
      await expectJson(
        u.repA.send('POST', `${data}/values`, { indicator: 'gdp', period: '2026', value: 2000 }),
        201,
      );
      const winners: number[] = [];
      for (let version = 1; version <= 8; version++) {
        const values = [2000 + version, 3000 + version];
        const answers = await Promise.all([
          u.repA.send('PATCH', path, { if_version: version, value: values[0] }),
          u.repA2.send('PATCH', path, { if_version: version, value: values[1] }),
        ]);
        assert.deepEqual(answers.map((r) => r.status).sort(), [200, 409], `round ${version}`);
        const winner = values[answers.findIndex((r) => r.status === 200)];
        winners.push(winner);
        const now = await expectJson<ValueBody>(u.repA.get(path), 200);
        assert.deepEqual([now.value.version, now.value.value], [version + 1, winner], `round ${version}`);
      }
      const edits = await db.kysely
        .selectFrom('audit_log')
        .select(['after', 'outcome'])
        .where('action', '=', 'data.edit')
        .orderBy('id')
        .execute();
      const gdpEdits = edits
        .map((e) => ({
          outcome: e.outcome,
          after: JSON.parse(e.after ?? '{}') as { indicator?: string; value?: number },
        }))
        .filter((e) => e.after.indicator === 'gdp');
      assert.deepEqual(
        gdpEdits.map((e) => [e.outcome, e.after.value]),
        winners.map((w) => ['success', w]),
      );
    });
  });
}

for (const dialect of dialects) reliabilitySuite(dialect);
