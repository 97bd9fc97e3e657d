/**
 * Backup and restore on both databases and across them: the demo database (plus a binary evidence
 * file and awkward text) goes SQLite ↔ PostgreSQL and comes back with the same content hashes; a
 * backup taken while writes go on holds one snapshot; a damaged archive or a non-empty target
 * restores nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { openDatabase, type Db, type DialectName } from '../../src/db';
import { backupDatabase, BackupError, restoreDatabase, type Manifest } from '../../src/modules/backup';
import { prepareDatabase } from '../../src/server/bootstrap';
import { createTestDatabase, dialects, type TestDatabase } from '../databases';

const scratch = mkdtempSync(join(tmpdir(), 'shixiao-backup-'));
const dropped: TestDatabase[] = [];
after(async () => {
  for (const t of dropped) await t.drop();
  rmSync(scratch, { recursive: true, force: true });
});

async function emptyDatabase(dialect: DialectName): Promise<{ db: Db; location: string }> {
  const t = await createTestDatabase(dialect);
  dropped.push(t);
  return { db: await openDatabase(t.location), location: t.location };
}

const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const awkward = `引号 "quoted" \\ back\nslash 🙂 ${'长'.repeat(2000)}`;

/** The demo database with a binary evidence file and a note no simple encoder survives. */
async function sourceDatabase(dialect: DialectName): Promise<{ db: Db; location: string }> {
  const t = await createTestDatabase(dialect);
  dropped.push(t);
  const { db } = await prepareDatabase(t.location, { adminPassword: 'a long backup test password 7' });
  const obs = await db.kysely
    .selectFrom('observations')
    .select(['id', 'tenant_id'])
    .executeTakeFirstOrThrow();
  await db.kysely
    .insertInto('evidence_files')
    .values({
      tenant_id: obs.tenant_id,
      observation_id: obs.id,
      file_name: awkward.slice(0, 40),
      content_type: 'application/octet-stream',
      size_bytes: everyByte.length,
      sha256: 'x',
      content: everyByte,
      uploaded_at: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  await db.kysely
    .updateTable('observations')
    .set({ note: awkward, value: 0.1 + 0.2 })
    .where('id', '=', obs.id)
    .execute();
  return { db, location: t.location };
}

const totalRows = (m: Manifest) => Object.values(m).reduce((n, t) => n + t.rows, 0);

describe('backup and restore', () => {
  const sources = new Map<DialectName, { db: Db; location: string; file: string; manifest: Manifest }>();
  before(async () => {
    for (const dialect of dialects) {
      const { db, location } = await sourceDatabase(dialect);
      const file = join(scratch, `${dialect}.jsonl.gz`);
      const { manifest } = await backupDatabase(db, file);
      sources.set(dialect, { db, location, file, manifest });
    }
  });
  after(async () => {
    for (const s of sources.values()) await s.db.close();
  });

  it('gives the same manifest for the same content on SQLite and PostgreSQL', () => {
    const [a, b] = dialects.map((d) => sources.get(d)!.manifest);
    // Both sources hold the demo, but created_at times and the generated password hash differ:
    // compare the tables whose rows carry no time of creation.
    for (const table of ['indicators', 'targets', 'goal_areas', 'departments'])
      assert.deepEqual(a[table], b[table], table);
    assert.ok(totalRows(a) > 250);
  });

  for (const from of dialects)
    for (const to of dialects)
      it(`restores a ${from} backup into an empty ${to} database, equal to the manifest`, async () => {
        const source = sources.get(from)!;
        const target = await emptyDatabase(to);
        try {
          const summary = await restoreDatabase(target.db, source.file);
          assert.equal(summary.rows, totalRows(source.manifest));
          // A backup of the restored database: the same manifest, read back independently.
          const again = await backupDatabase(target.db, join(scratch, `${from}-${to}.jsonl.gz`));
          assert.deepEqual(again.manifest, source.manifest);
          const evidence = await target.db.kysely
            .selectFrom('evidence_files')
            .select('content')
            .executeTakeFirstOrThrow();
          assert.deepEqual(Buffer.from(evidence.content), everyByte);
          const note = await target.db.kysely
            .selectFrom('observations')
            .select(['note', 'value'])
            .where('note', '=', awkward)
            .executeTakeFirstOrThrow();
          assert.equal(note.value, 0.1 + 0.2);
          // Auto-numbered ids go on after the restored ones (PostgreSQL sequences were moved).
          const max = await target.db.kysely
            .selectFrom('tenants')
            .select((eb) => eb.fn.max('id').as('id'))
            .executeTakeFirstOrThrow();
          const added = await target.db.kysely
            .insertInto('tenants')
            .values({ slug: 'new', name: '新区', created_at: '2026-01-01T00:00:00.000Z' })
            .returning('id')
            .executeTakeFirstOrThrow();
          assert.equal(added.id, Number(max.id) + 1);
        } finally {
          await target.db.close();
        }
      });

  for (const dialect of dialects)
    it(`refuses a database that is not empty and changes nothing [${dialect}]`, async () => {
      const source = sources.get(dialect)!;
      await assert.rejects(
        () => restoreDatabase(source.db, sources.get(dialect === 'sqlite' ? 'postgres' : 'sqlite')!.file),
        (e: Error) => e instanceof BackupError && /not empty \(\w+ has \d+ rows?\)/.test(e.message),
      );
      const again = await backupDatabase(source.db, join(scratch, `refused-${dialect}.jsonl.gz`));
      assert.deepEqual(again.manifest, source.manifest);
    });

  for (const dialect of dialects)
    it(`restores nothing from a damaged or cut archive, then restores a good one [${dialect}]`, async () => {
      const good = sources.get('sqlite')!.file;
      const lines = gunzipSync(readFileSync(good)).toString('utf8').split('\n');
      const row = lines.findIndex((l) => l.includes('"yuzhong"'));
      const changed = join(scratch, `changed-${dialect}.jsonl.gz`);
      writeFileSync(
        changed,
        gzipSync(lines.map((l, i) => (i === row ? l.replace('yuzhong', 'yuzhonG') : l)).join('\n')),
      );
      const cut = join(scratch, `cut-${dialect}.jsonl.gz`);
      const bytes = readFileSync(good);
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const noManifest = join(scratch, `no-manifest-${dialect}.jsonl.gz`);
      writeFileSync(noManifest, gzipSync(lines.filter((l) => !l.startsWith('{"manifest"')).join('\n')));

      const target = await emptyDatabase(dialect);
      try {
        const cases: [string, RegExp][] = [
          [changed, /table tenants: the archive holds 1 rows that do not match its manifest/],
          [cut, /damaged archive/],
          [noManifest, /incomplete archive \(no manifest at the end\)/],
          [join(scratch, 'missing.jsonl.gz'), /missing\.jsonl\.gz: no such file/],
        ];
        for (const [file, message] of cases) {
          await assert.rejects(
            () => restoreDatabase(target.db, file),
            (e: Error) => e instanceof BackupError && message.test(e.message),
          );
          const tenants = await target.db.kysely
            .selectFrom('tenants')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
            .catch(() => ({ n: 0 })); // no table yet: the missing file is refused before migrating
          assert.equal(Number(tenants?.n), 0, file);
        }
        const summary = await restoreDatabase(target.db, good);
        assert.equal(summary.rows, totalRows(sources.get('sqlite')!.manifest));
      } finally {
        await target.db.close();
      }
    });

  for (const dialect of dialects)
    it(`takes one snapshot while another connection writes [${dialect}]`, async () => {
      const source = sources.get(dialect)!;
      const writer = await openDatabase(source.location);
      const tenant = await writer.kysely.selectFrom('tenants').select('id').executeTakeFirstOrThrow();
      /** One write = an audit row and a notification in one transaction, as the app writes. */
      const writePair = (n: number) =>
        writer.kysely.transaction().execute(async (trx) => {
          const at = new Date().toISOString();
          await trx
            .insertInto('audit_log')
            .values({
              tenant_id: tenant.id,
              at,
              actor_label: 'test',
              action: 'backup.test',
              outcome: `w${n}`,
            })
            .execute();
          await trx
            .insertInto('notifications')
            .values({ tenant_id: tenant.id, kind: 'backup.test', payload: `w${n}`, created_at: at })
            .execute();
        });
      try {
        for (let i = 0; i < 30; i++) await writePair(i);
        let written = 30;
        const file = join(scratch, `live-${dialect}.jsonl.gz`);
        const backup = await backupDatabase(source.db, file, {
          pageSize: 10,
          onPage: async () => {
            await writePair(written++);
          },
        });
        assert.ok(written > 60, `only ${written - 30} writes during the backup`);
        const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
        const marked = (kind: string) => lines.filter((l) => l.includes(kind) && /"w\d+"/.test(l)).length;
        // The snapshot holds the 30 pairs written before it, none written during it, both tables alike.
        assert.equal(marked('"backup.test"'), 60);
        const target = await emptyDatabase(dialect === 'sqlite' ? 'postgres' : 'sqlite');
        try {
          const restored = await restoreDatabase(target.db, file);
          assert.equal(restored.rows, totalRows(backup.manifest));
          const audit = await target.db.kysely
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('action', '=', 'backup.test')
            .executeTakeFirstOrThrow();
          assert.equal(Number(audit.n), 30);
        } finally {
          await target.db.close();
        }
      } finally {
        await writer.close();
      }
    });
});
