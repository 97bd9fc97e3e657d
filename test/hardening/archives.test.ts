/**
 * Issue 9, findings 1 and 6 (SECURITY.md V5.2.1): every zip the server or CLI opens is checked
 * while it inflates — a .docx bomb to the extraction upload, an .xlsx hiding local entries from
 * its directory (preview and error report) — on SQLite and PostgreSQL; the server stays up.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import { dialects } from '../databases';
import { runCli } from '../cli/run-cli';
import { seedDataUsers, type DataUsers } from '../helpers/data-users';
import { deflateRepeated, docx, docxHead, docxParagraph, docxTail, zip } from '../helpers/zip';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const imports = '/api/plans/yuzhong-2023/imports';

/** A .docx of ~200 KB whose word/document.xml inflates to 200 MB (the probe's file). */
const docxBomb = async () =>
  docx(
    await deflateRepeated(
      docxHead + '<w:p><w:r><w:t>',
      'a',
      200 * 1024 * 1024,
      `</w:t></w:r></w:p>${docxTail}`,
    ),
  );

const sheet = (rows: string) =>
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>indicator</t></is></c><c r="B1" t="inlineStr"><is><t>period</t></is></c><c r="C1" t="inlineStr"><is><t>value</t></is></c></row>' +
  rows +
  '</sheetData></worksheet>';
const gdpRow = (value: number, r = 2) =>
  `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>gdp</t></is></c><c r="B${r}" t="inlineStr"><is><t>2024</t></is></c><c r="C${r}"><v>${value}</v></c></row>`;

/** The listed sheet says 19; a local entry missing from the directory says 17. */
const hiddenSheet = () =>
  zip([
    { name: 'xl/worksheets/sheet1.xml', data: sheet(gdpRow(17)), hidden: true },
    { name: 'xl/worksheets/sheet1.xml', data: sheet(gdpRow(19)) },
  ]);

/** A small listed sheet, and a hidden one that inflates to 300 MB. */
const hiddenBomb = async () =>
  zip([
    {
      name: 'xl/worksheets/sheet1.xml',
      ...(await deflateRepeated(sheet(''), gdpRow(1, 2), 300 * 1024 * 1024)),
      hidden: true,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet(gdpRow(19)) },
  ]);

function upload(base: string, who: Client, path: string, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return fetch(base + path, {
    method: 'POST',
    headers: { Cookie: who.cookie, 'X-CSRF-Token': who.csrf },
    body: form,
  });
}

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

for (const dialect of dialects) {
  describe(`archive guards [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    let u: DataUsers;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
      u = await seedDataUsers(server.url, admin);
    });
    after(() => server.stop());

    it('refuses a .docx bomb with 413 in our words, memory bounded, and stays up', async () => {
      const bomb = await docxBomb();
      assert.ok(bomb.length < 400 * 1024, `bomb is ${bomb.length} bytes`);
      const start = rssMb();
      const res = await upload(server.url, u.sup, '/api/extract/upload', bomb, 'plan.docx');
      assert.equal(res.status, 413);
      const body = (await res.json()) as { detail: string };
      assert.match(
        body.detail,
        /plan\.docx: refused \.docx file: word\/document\.xml inflates past the size limit/,
      );
      assert.ok(rssMb() - start < 300, `RSS grew ${Math.round(rssMb() - start)} MB`);
      assert.equal((await fetch(server.url + '/api/health')).status, 200);
    });

    it('answers a damaged or DOCTYPE .docx with 422 in our words, never a library message', async () => {
      const doctype = docx(
        `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]>${docxHead}${docxParagraph('&e;')}${docxTail}`,
      );
      const truncated = docx(docxHead + docxParagraph('二〇二五年地区生产总值增长6%') + docxTail).subarray(
        0,
        200,
      );
      const noDocument = zip([{ name: 'hello.txt', data: 'hi' }]);
      for (const [bytes, re] of [
        [doctype, /declares a DOCTYPE or ENTITY/],
        [truncated, /cannot read the \.docx file: not a valid zip archive/],
        [noDocument, /cannot read the \.docx file: it is damaged or not a Word document/],
      ] as const) {
        const res = await upload(server.url, u.sup, '/api/extract/upload', bytes, 'a.docx');
        assert.equal(res.status, 422);
        const text = await res.text();
        assert.match(text, re);
        assert.doesNotMatch(text, /xmldom|Corrupted zip|JSZip|End of data/i);
      }
    });

    it('still reads a real .docx', async () => {
      const doc = new Document({
        sections: [{ children: [new Paragraph('到2027年，地区生产总值达到2100亿元。')] }],
      });
      const res = await upload(
        server.url,
        u.sup,
        '/api/extract/upload',
        await Packer.toBuffer(doc),
        'ok.docx',
      );
      assert.equal(res.status, 200, await res.clone().text());
      assert.match(((await res.json()) as { text: string }).text, /2100亿元/);
    });

    it('refuses an .xlsx with a local entry missing from its directory (preview and error report)', async () => {
      for (const path of ['preview', 'error-report']) {
        const res = await upload(server.url, u.repA, `${imports}/${path}`, hiddenSheet(), 'data.xlsx');
        assert.equal(res.status, 400, path);
        assert.match(await res.text(), /entries hidden outside the zip directory/);
      }
    });

    it('refuses a hidden 300 MB sheet quickly with memory bounded', async () => {
      const bytes = await hiddenBomb();
      const start = rssMb();
      const t0 = Date.now();
      const res = await upload(server.url, u.repA, `${imports}/preview`, bytes, 'data.xlsx');
      assert.equal(res.status, 400);
      assert.ok(Date.now() - t0 < 3000, `${Date.now() - t0} ms`);
      assert.ok(rssMb() - start < 200, `RSS grew ${Math.round(rssMb() - start)} MB`);
    });
  });
}

describe('shixiao extract (CLI) on a .docx bomb', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shixiao-bomb-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 with our words', async () => {
    const file = join(dir, 'bomb.docx');
    writeFileSync(file, await docxBomb());
    const r = await runCli(['extract', file, '--year', '2025']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(
      r.stderr,
      /bomb\.docx: refused \.docx file: word\/document\.xml inflates past the size limit/,
    );
  });
});
