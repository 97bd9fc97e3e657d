/**
 * Every text response goes out compressed: the API's JSON (brotli or gzip, as the client asks),
 * the web app's files precompressed at build time, hashed assets cached for a year. Compression
 * does not depend on the database, so this runs on SQLite only. Needs `npm run build:web`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { preferredEncoding } from '../../src/modules/response-headers';
import { startTestServer, type RunningTestServer } from '../server';
import { readManifest } from './first-visit';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET whose body is left as sent (fetch would decompress it). */
function rawGet(url: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const decode = (r: Raw): Buffer =>
  r.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(r.body)
    : r.headers['content-encoding'] === 'gzip'
      ? gunzipSync(r.body)
      : r.body;

describe('compression', () => {
  let server: RunningTestServer;
  before(async () => {
    server = await startTestServer('sqlite');
  });
  after(async () => {
    await server?.stop();
  });

  it('picks the encoding the client prefers, brotli first on a tie', () => {
    assert.equal(preferredEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(preferredEncoding('gzip, deflate'), 'gzip');
    assert.equal(preferredEncoding('br;q=0.5, gzip'), 'gzip');
    assert.equal(preferredEncoding('br;q=0, gzip;q=0'), null);
    assert.equal(preferredEncoding('*'), 'br');
    assert.equal(preferredEncoding('identity'), null);
    assert.equal(preferredEncoding(undefined), null);
    assert.equal(preferredEncoding('br, gzip', { br: false, gzip: true }), 'gzip');
  });

  it('compresses API JSON with brotli or gzip, and sends it plain to a client that asks for neither', async () => {
    const plain = await rawGet(`${server.url}/api/openapi.json`);
    assert.equal(plain.headers['content-encoding'], undefined);
    const doc = JSON.parse(plain.body.toString('utf8')) as { openapi: string };
    assert.equal(doc.openapi, '3.1.0');
    for (const [accept, expected] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const r = await rawGet(`${server.url}/api/openapi.json`, accept);
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-encoding'], expected);
      assert.match(String(r.headers.vary), /Accept-Encoding/i);
      assert.ok(
        r.body.length < plain.body.length / 3,
        `${expected}: ${r.body.length} of ${plain.body.length} bytes`,
      );
      assert.deepEqual(JSON.parse(decode(r).toString('utf8')), doc);
    }
  });

  it('compresses problem documents and the web app page', async () => {
    const page = await rawGet(`${server.url}/cockpit`, 'br');
    assert.equal(page.headers['content-encoding'], 'br');
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.match(decode(page).toString('utf8'), /<div id="root">/);
  });

  it('sends hashed assets precompressed at build time, cached for a year', async () => {
    const manifest = readManifest('dist/web');
    const entry = Object.values(manifest).find((c) => c.isEntry);
    assert.ok(entry, 'the manifest names the entry chunk');
    const built = readFileSync(`dist/web/${entry.file}`);
    const br = await rawGet(`${server.url}/${entry.file}`, 'gzip, deflate, br, zstd');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.deepEqual(br.body, readFileSync(`dist/web/${entry.file}.br`), 'the build’s own .br file');
    assert.deepEqual(decode(br), built);
    const gz = await rawGet(`${server.url}/${entry.file}`, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(decode(gz), built);
    const none = await rawGet(`${server.url}/${entry.file}`);
    assert.equal(none.headers['content-encoding'], undefined);
    assert.deepEqual(none.body, built);
  });
});
