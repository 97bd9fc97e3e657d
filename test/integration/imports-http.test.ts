/**
 * Bulk upload over HTTP on SQLite and PostgreSQL: preview lists every bad row and writes nothing,
 * commit writes all as submitted values in one go, the same file again adds nothing, another
 * department's rows, oversized files, zip bombs and DOCTYPE workbooks are refused, the error
 * report marks the bad cells, and the department template is a workbook.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { ImportPreview, ImportResultBody } from '../../src/contracts/imports';
import { openDatabase, type Db } from '../../src/db';
import { dialects } from '../databases';
import { expectJson, seedDataUsers, type DataUsers } from '../helpers/data-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const imports = '/api/plans/yuzhong-2023/imports';

const good = [
  'indicator,period,value,unit,source,note',
  'gdp,2024,1700.2,,区统计局,',
  'gdp_growth,2024,5.5,,,',
  'tertiary_va,2024,1500,,,',
  'gdp,2025,1781.8,,,',
].join('\n');

const bad = [
  'indicator,period,value',
  'gdp,2024,abc',
  'fai,2024,100',
  'gdp,2030,1800',
  'no_such,2024,1',
  'tertiary_va,2023,1450',
].join('\n');

/** A minimal zip writer (deflate), enough to build hostile .xlsx files. */
function zip(entries: { name: string; data: Buffer; deflated?: Buffer; crc?: number; size?: number }[]) {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.deflated ?? deflateRawSync(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE((e.crc ?? crc32(e.data)) >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE((e.size ?? e.data.length) >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE((e.crc ?? crc32(e.data)) >>> 0, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE((e.size ?? e.data.length) >>> 0, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A worksheet that inflates to 64 MB of one repeated row. */
async function bomb(): Promise<Buffer> {
  const d = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((r) => d.on('end', r));
  const chunk = Buffer.from('<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(20000));
  let crc = 0;
  let size = 0;
  while (size < 64 << 20) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    d.write(chunk);
  }
  d.end();
  await done;
  const data = Buffer.alloc(0);
  return zip([{ name: 'xl/worksheets/sheet1.xml', data, deflated: Buffer.concat(out), crc, size }]);
}

function uploadTo(base: string, who: Client, path: string, bytes: Uint8Array | string, name = 'data.csv') {
  const form = new FormData();
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  return fetch(base + path, {
    method: 'POST',
    headers: { Cookie: who.cookie, 'X-CSRF-Token': who.csrf },
    body: form,
  });
}

/**
 * Declares a 21 MB upload and sends only its first bytes: the 413 must come from the declared
 * length, before the server reads the body. (Sending all 21 MB raced the server's early answer: a
 * loaded client could still be writing when the refused connection closed, and saw ECONNRESET.)
 */
function declareOversized(url: string, who: Client, length: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          Cookie: who.cookie,
          'X-CSRF-Token': who.csrf,
          'Content-Type': 'multipart/form-data; boundary=b',
          'Content-Length': String(length),
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on('error', reject);
    req.write('--b\r\n');
  });
}

for (const dialect of dialects) {
  describe(`data upload API [${dialect}]`, () => {
    let server: RunningTestServer;
    let u: DataUsers;
    let db: Db;
    const upload = (who: Client, path: string, bytes: Uint8Array | string, name?: string) =>
      uploadTo(server.url, who, path, bytes, name);
    const count = async () =>
      Number(
        (
          await db.kysely
            .selectFrom('observations')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    before(async () => {
      server = await startTestServer(dialect);
      const admin = await login(server.url, 'admin', testAdminPassword);
      u = await seedDataUsers(server.url, admin);
      db = await openDatabase(server.location);
    });
    after(async () => {
      await db.close();
      await server.stop();
    });

    it('previews a file with bad rows: every bad row listed, no token, nothing written', async () => {
      const before = await count();
      const p = await expectJson<ImportPreview>(upload(u.repA, `${imports}/preview`, bad), 200, 'preview');
      assert.equal(p.rows, 5);
      assert.equal(p.token, null);
      assert.deepEqual([...new Set(p.errors.map((e) => e.row))], [2, 3, 4, 5]);
      assert.ok(p.errors.some((e) => e.row === 2 && e.column === 'value'));
      assert.ok(p.errors.some((e) => e.row === 3 && /another department's indicator/.test(e.reason)));
      assert.ok(p.errors.some((e) => e.row === 4 && e.column === 'period'));
      assert.equal(await count(), before);
    });

    it('commits a good file as submitted values; the same file again adds nothing', async () => {
      const before = await count();
      const p = await expectJson<ImportPreview>(upload(u.repA, `${imports}/preview`, good), 200, 'preview');
      assert.deepEqual(p.errors, []);
      assert.ok(p.token);
      assert.deepEqual(
        p.changes.map((c) => [c.indicator, c.period, c.kind]),
        [
          ['gdp', '2024', 'add'],
          ['gdp_growth', '2024', 'add'],
          ['tertiary_va', '2024', 'add'],
          ['gdp', '2025', 'same'],
        ],
      );
      assert.equal(await count(), before, 'preview writes nothing');
      const r = await expectJson<ImportResultBody>(
        u.repA.send('POST', `${imports}/commit`, { token: p.token }),
        200,
        'commit',
      );
      assert.deepEqual(r, { rows: 4, added: 3, corrected: 0, unchanged: 1 });
      assert.equal(await count(), before + 3);
      const v = await expectJson<{ value: { status: string; value: number; recorded_by: string } }>(
        u.headA.get('/api/plans/yuzhong-2023/data/values/gdp/2024'),
        200,
      );
      assert.equal(v.value.status, 'submitted');
      assert.equal(v.value.value, 1700.2);
      assert.equal(v.value.recorded_by, 'rep-a');
      // The token is spent.
      await expectJson(u.repA.send('POST', `${imports}/commit`, { token: p.token }), 404, 'reuse');

      const again = await expectJson<ImportPreview>(upload(u.repA, `${imports}/preview`, good), 200);
      assert.ok(again.changes.every((c) => c.kind === 'same'));
      const r2 = await expectJson<ImportResultBody>(
        u.repA.send('POST', `${imports}/commit`, { token: again.token }),
        200,
      );
      assert.deepEqual(r2, { rows: 4, added: 0, corrected: 0, unchanged: 4 });
      assert.equal(await count(), before + 3);
    });

    it("refuses another department's rows, and another's token", async () => {
      const p = await expectJson<ImportPreview>(upload(u.repB, `${imports}/preview`, good), 200);
      assert.equal(p.token, null);
      assert.equal(p.errors.filter((e) => /another department's indicator/.test(e.reason)).length, 4);
      const mine = await expectJson<ImportPreview>(
        upload(u.repA, `${imports}/preview`, 'indicator,period,value\nurbanization_rate,2024,100\n'),
        200,
      );
      assert.ok(mine.token);
      await expectJson(u.repB.send('POST', `${imports}/commit`, { token: mine.token }), 404, 'B commits A');
      await expectJson(u.viewer.send('POST', `${imports}/commit`, { token: mine.token }), 403, 'viewer');
    });

    it('refuses uploads over 20 MB (413), binary files (415), zip bombs and DOCTYPE workbooks (400)', async () => {
      const before = await count();
      assert.equal(await declareOversized(server.url + `${imports}/preview`, u.repA, 21 * 1024 * 1024), 413);
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]);
      assert.equal((await upload(u.repA, `${imports}/preview`, png, 'data.csv')).status, 415);
      const b = await upload(u.repA, `${imports}/preview`, await bomb(), 'bomb.xlsx');
      assert.equal(b.status, 400);
      assert.match(await b.text(), /inflates past the size limit/);
      const xxe = zip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        {
          name: 'xl/worksheets/sheet1.xml',
          data: Buffer.from(
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet/>',
          ),
        },
      ]);
      const x = await upload(u.repA, `${imports}/preview`, xxe, 'xxe.xlsx');
      assert.equal(x.status, 400);
      assert.match(await x.text(), /DOCTYPE or ENTITY/);
      assert.equal(await count(), before);
    });

    it('reads an .xlsx upload by its content, whatever its name', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('data');
      ws.addRow(['indicator', 'period', 'value']);
      ws.addRow(['gdp', '2024', 1700.2]);
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      const p = await expectJson<ImportPreview>(upload(u.repA, `${imports}/preview`, bytes, 'x.csv'), 200);
      assert.deepEqual(p.errors, []);
      assert.deepEqual(
        p.changes.map((c) => c.kind),
        ['same'],
      );
    });

    it('writes an error report with the bad cells marked', async () => {
      const res = await upload(u.repA, `${imports}/error-report`, bad);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="errors\.xlsx"/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      assert.ok(ws);
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      assert.deepEqual(header, ['row', 'indicator', 'period', 'value', 'unit', 'source', 'note', 'errors']);
      const row2 = ws.getRow(2);
      assert.equal(row2.getCell(1).value, 2);
      const value = row2.getCell(4);
      assert.equal(value.value, 'abc');
      assert.equal((value.fill as { fgColor?: { argb?: string } }).fgColor?.argb, 'FFFFC7CE');
      assert.match(row2.getCell(8).text, /value: not a number/);
      assert.equal(ws.getRow(6).getCell(8).value ?? '', '');
    });

    it('downloads the department template as a workbook (own department only)', async () => {
      const res = await u.repA.get(`${imports}/template?department=tjj&from=2024&to=2025`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition') ?? '', /template-tjj-2024-2025\.xlsx/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      assert.equal(ws?.getRow(1).getCell(1).value, 'indicator');
      assert.ok((ws?.rowCount ?? 0) > 2);
      assert.equal((await u.repA.get(`${imports}/template?department=fgw&from=2024&to=2025`)).status, 403);
      assert.equal((await u.sup.get(`${imports}/template?department=fgw&from=2024&to=2025`)).status, 200);
    });
  });
}
