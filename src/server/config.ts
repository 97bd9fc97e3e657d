/**
 * The deployment's configuration: every SHIXIAO_* environment variable, read once at start-up
 * (`shixiao` reads `process.env` here and nowhere else; eslint's `no-restricted-properties` holds
 * the rule), validated, and passed down as plain values: to the CLI's option defaults, `serve`,
 * `createApp` (cookies, single sign-on, e-mail, Chromium for PDF) and the job loop.
 *
 * A bad value fails start-up with one line naming the variable and the value
 * (`SHIXIAO_SMTP_PORT abc: not a port number`). `configVariables` is the table the README's
 * "Configuration" section documents (test/cli/config.test.ts holds them together).
 */
import { z } from 'zod';
import type { OidcConfig } from '../modules/auth/oidc';
import type { NotifyConfig } from '../modules/notify';
import type { ServerSettings } from '../modules/http';

/** Every variable the server and the CLI read, with its default and meaning (the README's table). */
export const configVariables = {
  SHIXIAO_DB: { default: './data/shixiao.db', meaning: 'SQLite file path, or postgres:// URL (`--db`)' },
  SHIXIAO_REPLICA_DB: { default: 'none', meaning: 'postgres:// URL of a streaming standby (`--replica-db`)' },
  SHIXIAO_WORKERS: { default: '1', meaning: 'processes serving the port (`--workers`)' },
  SHIXIAO_PORT: { default: '3000', meaning: 'HTTP port (`--port`)' },
  SHIXIAO_HOST: { default: '127.0.0.1', meaning: 'interface to listen on (`--host`)' },
  SHIXIAO_ADMIN_PASSWORD: { default: 'generated', meaning: 'password of `admin` on a new database' },
  SHIXIAO_TENANT: { default: 'yuzhong', meaning: 'tenant (district) for batch commands' },
  SHIXIAO_LOG_LEVEL: { default: 'info', meaning: 'pino log level' },
  SHIXIAO_JOBS_INTERVAL: { default: '60', meaning: 'seconds between runs of the scheduled jobs in `serve`' },
  SHIXIAO_PUBLIC_URL: { default: 'http://127.0.0.1:3000', meaning: "the web app's public address" },
  SHIXIAO_SMTP_HOST: { default: 'unset', meaning: 'SMTP server (unset: no e-mail)' },
  SHIXIAO_SMTP_PORT: { default: '587', meaning: 'SMTP port' },
  SHIXIAO_SMTP_SECURE: { default: '0', meaning: '1: implicit TLS' },
  SHIXIAO_SMTP_USER: { default: 'unset', meaning: 'SMTP login' },
  SHIXIAO_SMTP_PASSWORD: { default: 'unset', meaning: 'SMTP password' },
  SHIXIAO_SMTP_FROM: { default: '实效 Shixiao <noreply@localhost>', meaning: 'sender of e-mails' },
  SHIXIAO_SECURE_COOKIES: { default: 'per request', meaning: '1: always Secure cookies, 0: never' },
  SHIXIAO_TRUST_PROXY: { default: '0', meaning: '1: believe X-Forwarded-Proto' },
  SHIXIAO_OIDC_ISSUER: { default: 'unset', meaning: 'single sign-on provider' },
  SHIXIAO_OIDC_CLIENT_ID: { default: 'unset', meaning: 'single sign-on client id' },
  SHIXIAO_OIDC_CLIENT_SECRET: { default: 'unset', meaning: 'single sign-on client secret' },
  SHIXIAO_OIDC_REDIRECT_URI: { default: 'unset', meaning: 'the registered callback (required with SSO)' },
  SHIXIAO_OIDC_PROVISION: { default: '0', meaning: '1: create unknown SSO users as viewers' },
  SHIXIAO_OIDC_TENANT: { default: 'first tenant', meaning: 'tenant of SSO users' },
  SHIXIAO_CHROMIUM: { default: '/usr/bin/chromium', meaning: 'Chromium that prints PDF documents' },
  SHIXIAO_LOCK_TIMEOUT: {
    default: '15',
    meaning: 'seconds a request waits for a PostgreSQL lock before it gets 503 with Retry-After',
  },
  SHIXIAO_IMPORT_THREAD_FROM: {
    default: '1048576',
    meaning: '`import-data` parses files of this many bytes and more in a worker thread',
  },
} as const;

export type ConfigVariable = keyof typeof configVariables;

/** Everything the environment says, validated. */
export interface Config {
  db: string;
  replicaDb: string | undefined;
  workers: number;
  port: number;
  host: string;
  adminPassword: string | undefined;
  tenant: string;
  logLevel: LogLevel;
  /** 0: no job loop inside `serve`. */
  jobsIntervalMs: number;
  notify: NotifyConfig;
  /** undefined: single sign-on is off. */
  oidc: OidcConfig | undefined;
  /** What request handlers need: cookies behind a proxy, Chromium for PDF. */
  settings: ServerSettings;
  /** `import-data` reads files from this size on in a worker thread. */
  importThreadFromBytes: number;
  /** `serve` on PostgreSQL: the longest wait for a lock before a request gets 503. */
  lockTimeoutMs: number;
}

export class ConfigError extends Error {}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

const flag = z.enum(['0', '1']);
const portNumber = z.coerce.number().int().min(0).max(65535);

/** Each variable's schema and the reason given when it fails. */
const rules: Partial<Record<ConfigVariable, { schema: z.ZodType; reason: string }>> = {
  SHIXIAO_WORKERS: { schema: z.coerce.number().int().min(1).max(64), reason: 'give 1 to 64 workers' },
  SHIXIAO_PORT: { schema: portNumber, reason: 'not a port number' },
  SHIXIAO_LOG_LEVEL: { schema: z.enum(logLevels), reason: `give one of ${logLevels.join(', ')}` },
  SHIXIAO_JOBS_INTERVAL: {
    schema: z.coerce.number().finite().min(0),
    reason: 'give a number of seconds (0 turns the loop off)',
  },
  SHIXIAO_PUBLIC_URL: {
    schema: z.url({ protocol: /^https?$/ }),
    reason: 'give an http:// or https:// address',
  },
  SHIXIAO_SMTP_PORT: { schema: portNumber.min(1), reason: 'not a port number' },
  SHIXIAO_SMTP_SECURE: { schema: flag, reason: 'give 1 or 0' },
  SHIXIAO_SECURE_COOKIES: { schema: flag, reason: 'give 1 (always), 0 (never) or leave it unset' },
  SHIXIAO_TRUST_PROXY: { schema: flag, reason: 'give 1 or 0' },
  SHIXIAO_OIDC_PROVISION: { schema: flag, reason: 'give 1 or 0' },
  SHIXIAO_OIDC_ISSUER: { schema: z.url(), reason: 'give the provider URL' },
  SHIXIAO_OIDC_REDIRECT_URI: { schema: z.url(), reason: 'give the registered callback URL' },
  SHIXIAO_LOCK_TIMEOUT: {
    schema: z.coerce.number().finite().min(0.1).max(600),
    reason: 'give a number of seconds (0.1 to 600)',
  },
  SHIXIAO_IMPORT_THREAD_FROM: {
    schema: z.coerce.number().int().min(0),
    reason: 'give a number of bytes (0: every file)',
  },
};

/**
 * The configuration an environment describes (`process.env` at start-up; tests pass their own).
 * Unset and empty variables take their defaults. Throws `ConfigError` naming the first bad one.
 */
export function configFrom(env: Record<string, string | undefined>): Config {
  const read = (name: ConfigVariable): string | undefined => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return undefined;
    const rule = rules[name];
    if (rule && !rule.schema.safeParse(raw).success) throw new ConfigError(`${name} ${raw}: ${rule.reason}`);
    return raw;
  };
  const number = (name: ConfigVariable, fallback: number) => {
    const raw = read(name);
    return raw === undefined ? fallback : Number(raw);
  };

  const smtpHost = read('SHIXIAO_SMTP_HOST');
  const notify: NotifyConfig = {
    publicUrl: (read('SHIXIAO_PUBLIC_URL') ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    smtp: smtpHost
      ? {
          host: smtpHost,
          port: number('SHIXIAO_SMTP_PORT', 587),
          secure: read('SHIXIAO_SMTP_SECURE') === '1',
          user: read('SHIXIAO_SMTP_USER'),
          password: read('SHIXIAO_SMTP_PASSWORD'),
          from: read('SHIXIAO_SMTP_FROM') ?? '实效 Shixiao <noreply@localhost>',
        }
      : null,
  };
  // Checked even when e-mail is off, so a typo shows before someone sets the host.
  read('SHIXIAO_SMTP_PORT');
  read('SHIXIAO_SMTP_SECURE');

  const secureCookies = read('SHIXIAO_SECURE_COOKIES');
  return {
    db: read('SHIXIAO_DB') ?? './data/shixiao.db',
    replicaDb: read('SHIXIAO_REPLICA_DB'),
    workers: number('SHIXIAO_WORKERS', 1),
    port: number('SHIXIAO_PORT', 3000),
    host: read('SHIXIAO_HOST') ?? '127.0.0.1',
    // A password is taken as given: spaces may be part of it.
    adminPassword: env.SHIXIAO_ADMIN_PASSWORD || undefined,
    tenant: read('SHIXIAO_TENANT') ?? 'yuzhong',
    logLevel: (read('SHIXIAO_LOG_LEVEL') ?? 'info') as LogLevel,
    jobsIntervalMs: Math.round(number('SHIXIAO_JOBS_INTERVAL', 60) * 1000),
    notify,
    oidc: oidcFrom(read),
    settings: {
      secureCookies: secureCookies === undefined ? null : secureCookies === '1',
      trustProxy: read('SHIXIAO_TRUST_PROXY') === '1',
      chromiumPath: read('SHIXIAO_CHROMIUM') ?? '/usr/bin/chromium',
    },
    importThreadFromBytes: number('SHIXIAO_IMPORT_THREAD_FROM', 1024 * 1024),
    lockTimeoutMs: Math.round(number('SHIXIAO_LOCK_TIMEOUT', 15) * 1000),
  };
}

function oidcFrom(read: (name: ConfigVariable) => string | undefined): OidcConfig | undefined {
  const issuer = read('SHIXIAO_OIDC_ISSUER');
  const clientId = read('SHIXIAO_OIDC_CLIENT_ID');
  const clientSecret = read('SHIXIAO_OIDC_CLIENT_SECRET');
  const redirectUri = read('SHIXIAO_OIDC_REDIRECT_URI');
  const provision = read('SHIXIAO_OIDC_PROVISION') === '1';
  const tenant = read('SHIXIAO_OIDC_TENANT');
  if (!issuer || !clientId || !clientSecret) return undefined;
  if (!redirectUri) {
    throw new ConfigError(
      'SHIXIAO_OIDC_REDIRECT_URI is required with SHIXIAO_OIDC_ISSUER (e.g. https://host/api/auth/oidc/callback)',
    );
  }
  return { issuer, clientId, clientSecret, redirectUri, provision, tenant };
}

/** The configuration of an empty environment: every default (tests, benchmarks). */
export const defaultConfig: Config = configFrom({});

/** Reads the process's environment: the only read of `process.env` in src/. */
export function loadConfig(): Config {
  return configFrom(process.env);
}
