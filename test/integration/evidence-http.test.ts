/** Evidence files of a reported value, on both databases: type by content, size, department scope. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../databases';
import { expectJson, seedDataUsers, type DataUsers } from '../helpers/data-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const data = '/api/plans/yuzhong-2023/data';
const evidencePath = `${data}/values/gdp/2026/evidence`;
const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

function upload(server: RunningTestServer, who: Client, bytes: Uint8Array<ArrayBuffer>, name: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  return fetch(server.url + evidencePath, {
    method: 'POST',
    headers: { Cookie: who.cookie, 'X-CSRF-Token': who.csrf },
    body: form,
  });
}

for (const dialect of dialects) {
  describe(`evidence files [${dialect}]`, () => {
    let server: RunningTestServer;
    let u: DataUsers;
    before(async () => {
      server = await startTestServer(dialect);
      const admin = await login(server.url, 'admin', testAdminPassword);
      u = await seedDataUsers(server.url, admin);
      await expectJson(
        u.repA.send('POST', `${data}/values`, { indicator: 'gdp', period: '2026', value: 1850.5 }),
        201,
        'create',
      );
    });
    after(() => server.stop());

    it('attaches a PDF to the value under work and lists it', async () => {
      const res = await upload(server, u.repA, pdf, '../../统计公报 2026.pdf');
      assert.equal(res.status, 201, await res.clone().text());
      const body = (await res.json()) as { id: number; file_name: string; content_type: string };
      assert.equal(body.content_type, 'application/pdf');
      assert.equal(body.file_name, '统计公报_2026.pdf');
      const list = (await (await u.repA.get(evidencePath)).json()) as { evidence: { id: number }[] };
      assert.deepEqual(
        list.evidence.map((e) => e.id),
        [body.id],
      );
      const file = await u.headA.get(`/api/evidence/${body.id}`);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'application/pdf');
      assert.match(
        file.headers.get('content-disposition') ?? '',
        /^attachment; filename="evidence-\d+"; filename\*=UTF-8''/,
      );
      assert.deepEqual(new Uint8Array(await file.arrayBuffer()), pdf);
    });

    it('judges the type by content, not by name', async () => {
      const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
      assert.equal((await upload(server, u.repA, html, 'report.pdf')).status, 415);
      assert.equal((await upload(server, u.repA, new Uint8Array(), 'empty.pdf')).status, 400);
    });

    it('refuses a file over the limit before reading it all', async () => {
      const big = new Uint8Array(11 * 1024 * 1024);
      big.set(pdf);
      assert.equal((await upload(server, u.repA, big, 'big.pdf')).status, 413);
    });

    it("hides another department's evidence (404) and refuses their uploads", async () => {
      const list = (await (await u.repA.get(evidencePath)).json()) as { evidence: { id: number }[] };
      const id = list.evidence[0]?.id;
      assert.ok(id);
      assert.equal((await u.repB.get(`/api/evidence/${id}`)).status, 404);
      assert.equal((await u.repB.get(evidencePath)).status, 404);
      assert.equal((await upload(server, u.repB, pdf, 'x.pdf')).status, 404);
      assert.equal(
        (await u.viewer.get(`/api/evidence/${id}`)).status,
        200,
        'a tenant-wide reader may read it',
      );
    });
  });
}
