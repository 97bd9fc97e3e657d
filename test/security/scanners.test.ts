/**
 * V1.2.4 and V3.2.x with Debian's scanners against the real server (SQLite), bounded in time:
 * `sqlmap` on query, path and JSON-body parameters (logged in as the administrator) finds no
 * injection, and `wapiti` (sql, xss, exec, file) reports no vulnerability and no anomaly (500).
 * A missing scanner fails the test: apt-get install sqlmap wapiti.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const install = 'apt-get install sqlmap wapiti';

function requireTool(name: string) {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  assert.equal(found.status, 0, `${name} is not installed: ${install}`);
}

/** Runs a command (no shell) with a hard time limit; resolves with its output. */
function run(
  command: string,
  args: string[],
  limitMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOME: tmpHome },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** sqlmap's words for a finding ("might not be injectable" and "does not seem to be" are not). */
const sqlmapFinding =
  /appears to be '[^']*' injectable|is '[^']*' injectable|might be injectable|is vulnerable|identified the following injection point/i;

let tmpHome = tmpdir();

describe('sqlmap and wapiti find nothing [sqlite]', () => {
  let server: RunningTestServer;
  let admin: Client;
  let dir: string;
  before(async () => {
    requireTool('sqlmap');
    requireTool('wapiti');
    dir = mkdtempSync(join(tmpdir(), 'shixiao-scan-'));
    tmpHome = dir; // the scanners keep their state under $HOME: keep it in the temporary folder
    server = await startTestServer('sqlite');
    admin = await login(server.url, 'admin', testAdminPassword);
    const dept = await admin.send('POST', '/api/departments', { code: 'scan-dept', name: 'Scan' });
    assert.equal(dept.status, 201);
  });
  after(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const sqlmapTargets = (): { what: string; args: string[] }[] => {
    const u = server.url;
    const common = [
      '--batch',
      '--level',
      '1',
      '--risk',
      '1',
      '--timeout',
      '5',
      '--retries',
      '0',
      '--threads',
      '2',
      '--output-dir',
      join(dir, 'sqlmap'),
    ];
    const cookie = ['--cookie', admin.cookie];
    return [
      {
        what: 'observations query',
        args: [
          '-u',
          `${u}/api/plans/yuzhong-2023/observations?indicator=gdp&as_of=2025-01-01`,
          ...cookie,
          '--smart',
        ],
      },
      {
        what: 'audit filters',
        args: ['-u', `${u}/api/audit?actor=admin&action=auth.login&limit=10`, ...cookie],
      },
      {
        what: 'plan and target in the path',
        args: [
          '-u',
          `${u}/api/plans/yuzhong-2023*/targets/t-gdp*/status?as_of=2025-01-01`,
          ...cookie,
          '--smart',
        ],
      },
      {
        what: 'public status, anonymous',
        args: ['-u', `${u}/api/public/plans/yuzhong-2023*/status?as_of=2025-01-01`, '--smart'],
      },
      {
        what: 'JSON body of a department edit',
        args: [
          '-u',
          `${u}/api/departments/scan-dept`,
          '--method',
          'PATCH',
          '--data',
          '{"name":"Scan","name_en":"Scan"}',
          '--headers',
          `X-CSRF-Token: ${admin.csrf}\nContent-Type: application/json`,
          ...cookie,
        ],
      },
    ].map((t) => ({ what: t.what, args: [...t.args, ...common] }));
  };

  it('sqlmap finds no injection in query, path or JSON parameters', async () => {
    const findings: string[] = [];
    for (const target of sqlmapTargets()) {
      const { output } = await run('sqlmap', target.args, 60_000);
      assert.match(
        output,
        /testing (if|connection to the target URL)/,
        `${target.what}: sqlmap did not run:\n${output}`,
      );
      assert.doesNotMatch(
        output,
        /401 \(Unauthorized\)|403 \(Forbidden\)/,
        `${target.what}: not logged in\n${output}`,
      );
      assert.doesNotMatch(
        output,
        /500 \(Internal Server Error\)/,
        `${target.what}: the server answered 500\n${output}`,
      );
      const hits = output.split('\n').filter((l) => sqlmapFinding.test(l));
      if (hits.length) findings.push(`${target.what}:\n${hits.join('\n')}`);
    }
    assert.deepEqual(findings, [], findings.join('\n\n'));
    // Still logged in and still answering.
    assert.equal((await admin.get('/api/plans')).status, 200);
  });

  it('wapiti (sql, xss, exec, file) reports no vulnerability and no anomaly', async () => {
    const report = join(dir, 'wapiti.json');
    const u = server.url;
    const { code, output } = await run(
      'wapiti',
      [
        '-u',
        `${u}/`,
        '--scope',
        'folder',
        '-m',
        'sql,xss,exec,file',
        '-d',
        '2',
        '--max-scan-time',
        '120',
        '-f',
        'json',
        '-o',
        report,
        '--flush-session',
        '--store-session',
        join(dir, 'wapiti'),
        '--store-config',
        join(dir, 'wapiti'),
        '-H',
        `Cookie: ${admin.cookie}`,
        '-s',
        `${u}/api/plans/yuzhong-2023/observations?indicator=gdp&as_of=2025-01-01`,
        '-s',
        `${u}/api/audit?actor=admin&action=auth.login`,
        '-s',
        `${u}/api/public/plans/yuzhong-2023/status?as_of=2025-01-01`,
        '-s',
        `${u}/api/plans/yuzhong-2023/data/calendar?department=tjj`,
      ],
      170_000,
    );
    assert.equal(code, 0, `wapiti failed:\n${output}`);
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as {
      vulnerabilities: Record<string, unknown[]>;
      anomalies?: Record<string, unknown[]>;
    };
    const found = (group: Record<string, unknown[]> | undefined) =>
      Object.entries(group ?? {}).filter(([, list]) => list.length > 0);
    assert.ok(
      Object.keys(parsed.vulnerabilities).length > 0,
      'the report lists no categories: did wapiti run?',
    );
    assert.deepEqual(found(parsed.vulnerabilities), [], JSON.stringify(parsed.vulnerabilities, null, 1));
    assert.deepEqual(found(parsed.anomalies), [], JSON.stringify(parsed.anomalies, null, 1));
    assert.equal((await admin.get('/api/plans')).status, 200);
  });
});
