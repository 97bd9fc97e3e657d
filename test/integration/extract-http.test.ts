/** From a policy document to a draft plan over HTTP: extract, confirm, publish, on both databases. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import type { ExtractResult } from '../../src/contracts/extract';
import { dialects } from '../databases';
import { seedFile } from '../fixtures';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const seed = readFileSync(seedFile, 'utf8');

for (const dialect of dialects) {
  describe(`extraction API [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
    });
    after(() => server.stop());

    it('extracts pasted text with spans that point into it', async () => {
      const res = await admin.send('POST', '/api/extract', { text: seed, year: 2023 });
      assert.equal(res.status, 200);
      const body = (await res.json()) as ExtractResult;
      const gdp = body.statements.find((s) => s.value === 210000000000);
      assert.equal(gdp?.target_year, 2027);
      assert.equal(gdp?.qualifier, 'at_least');
      for (const s of body.statements) assert.equal(body.text.slice(s.start, s.end), s.text);
      assert.ok(body.draft);
      assert.ok(body.draft.links.every((l) => l.start >= 0 && l.end <= body.text.length));
    });

    it('decodes an uploaded GB18030 file the same way', async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(iconv.encode(seed, 'gb18030'))]), 'plenary-2023.txt');
      form.append('year', '2023');
      const res = await fetch(server.url + '/api/extract/upload', {
        method: 'POST',
        headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf },
        body: form,
      });
      assert.equal(res.status, 200);
      const body = (await res.json()) as ExtractResult;
      assert.equal(body.encoding, 'gb18030');
      assert.ok(body.statements.some((s) => s.value === 305 && s.unit === '天'));
    });

    it('refuses a binary upload and an oversized one without creating anything', async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3])]), 'x.txt');
      const res = await fetch(server.url + '/api/extract/upload', {
        method: 'POST',
        headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf },
        body: form,
      });
      assert.equal(res.status, 422);
      const big = await fetch(server.url + '/api/extract/upload', {
        method: 'POST',
        headers: {
          Cookie: admin.cookie,
          'X-CSRF-Token': admin.csrf,
          'Content-Type': 'multipart/form-data; boundary=x',
          'Content-Length': String(30 * 1024 * 1024),
        },
        body: 'x',
      }).catch(() => null);
      // The server answers 413 from the declared length alone (or closes the socket).
      if (big) assert.equal(big.status, 413);
    });

    it('creates the confirmed draft as a draft plan, then publishes it', async () => {
      const extracted = (await (
        await admin.send('POST', '/api/extract', { text: seed, year: 2023, document_name: 'plenary.md' })
      ).json()) as ExtractResult;
      assert.ok(extracted.draft);
      const plan = extracted.draft.plan as { plan: { id: string } };
      plan.plan.id = 'plenary-draft';
      const created = await admin.send('POST', '/api/plans', { plan });
      assert.equal(created.status, 201, await created.clone().text());
      assert.equal(((await created.json()) as { status: string }).status, 'draft');
      assert.equal((await fetch(server.url + '/api/public/plans/plenary-draft')).status, 404);
      const again = await admin.send('POST', '/api/plans', { plan });
      assert.equal(again.status, 409);
      const published = await admin.send('POST', '/api/plans/plenary-draft/publish');
      assert.equal(published.status, 200);
      assert.equal((await fetch(server.url + '/api/public/plans/plenary-draft')).status, 200);
    });

    it('refuses an invalid plan with field-level problems and writes nothing', async () => {
      const res = await admin.send('POST', '/api/plans', { plan: { plan: { id: 'bad plan id!' } } });
      assert.equal(res.status, 422);
      const body = (await res.json()) as { errors: { field: string }[] };
      assert.ok(body.errors.some((e) => e.field.startsWith('plan.')));
    });
  });
}
