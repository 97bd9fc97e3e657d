/**
 * The status route answers with a response built with all of its headers at once
 * (src/modules/response-headers.ts): it must carry exactly what the middleware gives any other API
 * answer — security headers, request id, no-store, Vary — and still be compressed for a client
 * that asks. Header handling does not depend on the database: SQLite only.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { securityHeaderValues } from '../../src/modules/response-headers';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

interface Raw {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET through node:http: no Accept-Encoding unless given, the body as sent. */
function rawGet(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The header names a response shares with every API answer (not those of its own body). */
const commonNames = (r: Raw) =>
  Object.keys(r.headers)
    .filter((n) => !['content-length', 'date', 'connection', 'keep-alive', 'etag'].includes(n))
    .sort();

describe('status answers built with their headers', () => {
  let server: RunningTestServer;
  let admin: Client;
  before(async () => {
    server = await startTestServer('sqlite');
    admin = await login(server.url, 'admin', testAdminPassword);
  });
  after(() => server.stop());

  it('carries every header the middleware adds, like an ordinary JSON answer', async () => {
    const cookie = { Cookie: admin.cookie };
    const status = await rawGet(`${server.url}/api/plans/yuzhong-2023/status?as_of=2026-06-30`, cookie);
    for (const [name, value] of Object.entries(securityHeaderValues))
      assert.equal(status.headers[name.toLowerCase()], value, name);
    assert.equal(status.headers['cache-control'], 'no-store');
    assert.equal(status.headers['content-type'], 'application/json');
    assert.equal(status.headers.vary, 'Accept-Encoding');
    assert.match(String(status.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    assert.equal(Number(status.headers['content-length']), status.body.length);
    const parsed = JSON.parse(status.body.toString('utf8')) as { statuses: unknown[] };
    assert.ok(parsed.statuses.length > 0);

    const ordinary = await rawGet(`${server.url}/api/plans/yuzhong-2023`, cookie);
    assert.deepEqual(commonNames(status), commonNames(ordinary));
    assert.notEqual(status.headers['x-request-id'], ordinary.headers['x-request-id']);
  });

  it('is compressed for a client that asks, with the same content', async () => {
    const path = `${server.url}/api/plans/yuzhong-2023/status?as_of=2026-06-30`;
    const plain = await rawGet(path, { Cookie: admin.cookie });
    const br = await rawGet(path, { Cookie: admin.cookie, 'Accept-Encoding': 'br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['x-frame-options'], 'DENY');
    assert.deepEqual(brotliDecompressSync(br.body), plain.body);
  });
});
