/**
 * The OpenAPI document of a running server passes Redocly's linter with its recommended rules:
 * no error and no warning (servers, an operationId on every operation, 2xx and 4xx responses),
 * so client generators accept it. The document does not depend on the database: SQLite only.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startTestServer, type RunningTestServer } from '../server';

const redocly = join(import.meta.dirname, '../../node_modules/@redocly/cli/bin/cli.js');

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; message: string; location: { pointer?: string }[] }[];
}

async function lint(file: string): Promise<LintReport> {
  const run = promisify(execFile);
  // No telemetry or update check (tests stay offline); a lint failure exits 1 with the report.
  const env = {
    ...process.env,
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    NODE_OPTIONS: '',
  };
  const args = [redocly, 'lint', file, '--extends=recommended', '--format=json'];
  const out = await run(process.execPath, args, { env, maxBuffer: 32 * 1024 * 1024 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  return JSON.parse(out.stdout.slice(out.stdout.indexOf('{'))) as LintReport;
}

describe('OpenAPI document', () => {
  let server: RunningTestServer;
  let dir: string;
  before(async () => {
    server = await startTestServer('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'shixiao-openapi-'));
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes the recommended Redocly rules without an error or a warning', async () => {
    const res = await fetch(`${server.url}/api/openapi.json`);
    assert.equal(res.status, 200);
    const file = join(dir, 'openapi.json');
    writeFileSync(file, await res.text());
    const report = await lint(file);
    const problems = report.problems.map((p) => `${p.ruleId}: ${p.message} ${p.location[0]?.pointer ?? ''}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(report.totals, { errors: 0, warnings: 0, ignored: 0 });
  });

  it('names every operation uniquely and documents its problems', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      servers?: unknown[];
      paths: Record<string, Record<string, { operationId?: string; responses: Record<string, unknown> }>>;
    };
    assert.ok(doc.servers?.length);
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ key: `${method} ${path}`, ...op })),
    );
    assert.ok(operations.length > 50);
    const ids = operations.map((op) => op.operationId);
    assert.equal(new Set(ids).size, ids.length);
    for (const op of operations) {
      assert.ok(op.responses.default, `${op.key}: the 500 problem`);
      assert.ok(op.responses['401'], `${op.key}: an invalid API token`);
    }
    // A conflict and a refused plan file are described as what they are, not as "Bad request".
    const create = doc.paths['/api/plans'].post.responses as Record<string, { description: string }>;
    assert.match(create['409'].description, /exists/);
    assert.match(create['422'].description, /plan file/);
  });
});
