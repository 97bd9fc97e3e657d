/**
 * The configuration module (src/server/config.ts): every variable it knows is documented in the
 * README's table, defaults are what the table says, and a bad value names the variable and value.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ConfigError, configFrom, configVariables, defaultConfig } from '../../src/server/config';
import { runCli } from './run-cli';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** The rows of the README's "## Configuration" table. */
const tableRows = (readme.split('## Configuration')[1] ?? '')
  .split('\n## ')[0]
  .split('\n')
  .filter((l) => l.startsWith('| `'));

describe('configuration', () => {
  it('documents every variable in the README table', () => {
    assert.ok(tableRows.length > 10, 'the table is found');
    const documented = tableRows.join('\n');
    for (const name of Object.keys(configVariables)) {
      // `SHIXIAO_OIDC_ISSUER`, `…_CLIENT_ID` share a row: the suffix after SHIXIAO_OIDC counts.
      const short = name.replace(/^SHIXIAO_(OIDC|SMTP)/, '…');
      assert.ok(
        documented.includes(`\`${name}\``) || documented.includes(`\`${short}\``),
        `${name} is in the README's configuration table`,
      );
    }
  });

  it('takes the documented defaults from an empty environment', () => {
    assert.equal(defaultConfig.db, './data/shixiao.db');
    assert.equal(defaultConfig.port, 3000);
    assert.equal(defaultConfig.host, '127.0.0.1');
    assert.equal(defaultConfig.tenant, 'yuzhong');
    assert.equal(defaultConfig.jobsIntervalMs, 60_000);
    assert.equal(defaultConfig.logLevel, 'info');
    assert.deepEqual(defaultConfig.notify, { smtp: null, publicUrl: 'http://127.0.0.1:3000' });
    assert.equal(defaultConfig.oidc, undefined);
    assert.deepEqual(defaultConfig.settings, {
      secureCookies: null,
      trustProxy: false,
      chromiumPath: '/usr/bin/chromium',
    });
  });

  it('reads what is set', () => {
    const config = configFrom({
      SHIXIAO_PORT: '8080',
      SHIXIAO_JOBS_INTERVAL: '0.5',
      SHIXIAO_SMTP_HOST: 'smtp.example',
      SHIXIAO_SMTP_PORT: '465',
      SHIXIAO_SMTP_SECURE: '1',
      SHIXIAO_PUBLIC_URL: 'https://plan.example/',
      SHIXIAO_SECURE_COOKIES: '0',
      SHIXIAO_TRUST_PROXY: '1',
      SHIXIAO_CHROMIUM: '/opt/chromium',
      SHIXIAO_REPLICA_DB: '',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.jobsIntervalMs, 500);
    assert.equal(config.replicaDb, undefined, 'empty is unset');
    assert.deepEqual(config.notify, {
      publicUrl: 'https://plan.example',
      smtp: {
        host: 'smtp.example',
        port: 465,
        secure: true,
        user: undefined,
        password: undefined,
        from: '实效 Shixiao <noreply@localhost>',
      },
    });
    assert.deepEqual(config.settings, {
      secureCookies: false,
      trustProxy: true,
      chromiumPath: '/opt/chromium',
    });
  });

  const bad: [Record<string, string>, RegExp][] = [
    [{ SHIXIAO_PORT: '80a' }, /^SHIXIAO_PORT 80a: not a port number$/],
    [{ SHIXIAO_WORKERS: '0' }, /^SHIXIAO_WORKERS 0: give 1 to 64 workers$/],
    [{ SHIXIAO_JOBS_INTERVAL: '-1' }, /^SHIXIAO_JOBS_INTERVAL -1: give a number of seconds/],
    [{ SHIXIAO_LOG_LEVEL: 'loud' }, /^SHIXIAO_LOG_LEVEL loud: give one of fatal, error/],
    [{ SHIXIAO_SMTP_PORT: '70000' }, /^SHIXIAO_SMTP_PORT 70000: not a port number$/],
    [{ SHIXIAO_SECURE_COOKIES: 'yes' }, /^SHIXIAO_SECURE_COOKIES yes: give 1/],
    [{ SHIXIAO_PUBLIC_URL: 'plan.example' }, /^SHIXIAO_PUBLIC_URL plan\.example: give an http/],
    [
      {
        SHIXIAO_OIDC_ISSUER: 'https://id.example',
        SHIXIAO_OIDC_CLIENT_ID: 'a',
        SHIXIAO_OIDC_CLIENT_SECRET: 'b',
      },
      /SHIXIAO_OIDC_REDIRECT_URI is required/,
    ],
  ];
  for (const [env, message] of bad) {
    it(`refuses ${JSON.stringify(env)} with a message naming it`, () => {
      assert.throws(
        () => configFrom(env),
        (e: unknown) => e instanceof ConfigError && message.test(e.message),
      );
    });
  }

  it('stops the CLI before any command with one line', async () => {
    const result = await runCli(['status', '--help'], { env: { SHIXIAO_PORT: 'eighty' } });
    assert.equal(result.code, 1);
    assert.equal(result.stderr, 'shixiao: SHIXIAO_PORT eighty: not a port number\n');
  });
});
