/**
 * The composition root: one Hono app with the API, the OpenAPI document, the web app and the
 * portal. Tests call `app.request()` on it without a socket; `main.ts` serves it.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { systemClock, type Clock, type Db, type ReadReplica } from '../db';
import { AppError } from '../modules/errors';
import type { AppEnv, ServerSettings } from '../modules/http';
import { accountsRoutes } from '../modules/accounts';
import { auditRoutes } from '../modules/audit';
import { cockpitRoutes } from '../modules/cockpit';
import { reportsRoutes } from '../modules/reports';
import { cityRoutes } from '../modules/city';
import { cityViewRoutes } from '../modules/cityview';
import { dataRoutes } from '../modules/data';
import { authenticate, authRoutes, clearCachesAfterWrites, csrfProtection } from '../modules/auth';
import type { OidcConfig } from '../modules/auth/oidc';
import { oidcRoutes } from '../modules/auth/oidc.routes';
import { evidenceRoutes } from '../modules/evidence';
import { extractRoutes } from '../modules/extract';
import { importsRoutes } from '../modules/imports';
import { notifyRoutes, type NotifyConfig } from '../modules/notify';
import { jsonBodyGuard } from '../modules/json-limits';
import { plansRoutes } from '../modules/plans';
import { portalPages, portalRoutes, publishingRoutes } from '../modules/portal';
import { statusRoutes } from '../modules/status';
import { tasksRoutes } from '../modules/tasks';
import { scorecardsRoutes } from '../modules/scorecards';
import { compressResponses } from './compress';
import { MemoRouter } from './memo-router';
import { defaultConfig } from './config';
import { fieldCode, newErrorId, problem } from './problems';
import { readRouting } from './read-routing';
import { requestLog } from './request-log';
import { securityHeaders } from './security-headers';
import type { StaticFiles } from './static';

/** Paths the web app routes itself: `/`, `/plans/…` and the other pages (the portal is server-rendered). */
const spaRoute =
  /^\/((plans|plan|targets|indicators|programmes|cockpit|city|reports|extract|login|admin|data|tasks|scorecards|en)(\/[\w\-%~]*)*)?$/;

/** package.json says UNLICENSED: an SPDX expression for a licence of one's own (OpenAPI 3.1). */
const license = { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' };

export interface AppDeps {
  db: Db;
  log: Logger;
  web: StaticFiles;
  /** The clock (default the system's); tests inject one to cross session timeouts or fix "today". */
  now?: Clock;
  /** Single sign-on (SHIXIAO_OIDC_*, src/server/config.ts); absent: off. */
  oidc?: OidcConfig;
  /** SMTP and public address (SHIXIAO_SMTP_*, SHIXIAO_PUBLIC_URL); default: no e-mail, a local address. */
  notify?: NotifyConfig;
  /** Cookies behind a proxy and Chromium for PDF; default: the configuration's defaults. */
  settings?: ServerSettings;
  /** A streaming read replica for the portal, cockpit and status reads (`serve --replica-db`). */
  replica?: { replica: ReadReplica; maxLagMs: number };
}

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const now = deps.now ?? systemClock;
  const settings = deps.settings ?? defaultConfig.settings;
  const app = new OpenAPIHono<AppEnv>({
    router: new MemoRouter(),
    defaultHook: (result, c) => {
      if (!result.success) {
        const errors = result.error.issues.map((i) => ({
          field: i.path.join('.') || '(body)',
          message: i.message,
          ...fieldCode(i),
        }));
        // Well-formed but unacceptable content (broken Unicode, no such day, a javascript: link): 422;
        // anything malformed besides is a 400.
        const content = result.error.issues.every(
          (i) => i.code === 'custom' && (i.params as { unprocessable?: boolean } | undefined)?.unprocessable,
        );
        if (content)
          return problem(c, 422, 'Unprocessable Content', 'The request has invalid content.', {
            errors,
            code: 'invalid_content',
          });
        return problem(c, 400, 'Bad Request', 'The request has invalid fields.', {
          errors,
          code: 'invalid_fields',
        });
      }
    },
  });

  app.use('*', compressResponses);
  app.use('*', securityHeaders);
  app.use('*', requestLog(deps.log));
  app.use('*', async (c, next) => {
    c.set('db', deps.db);
    c.set('reads', deps.db);
    c.set('now', now);
    c.set('settings', settings);
    // TRACE and TRACK echo requests back (cross-site tracing): never allowed.
    if (c.req.method === 'TRACE' || c.req.method === 'TRACK') return problem(c, 405, 'Method Not Allowed');
    await next();
  });

  // Before anything reads a body: size and depth limits (a huge login body is refused unread).
  app.use('/api/*', jsonBodyGuard);
  app.use('/api/*', clearCachesAfterWrites);
  app.use('/api/*', authenticate);
  app.use('/api/*', csrfProtection);
  if (deps.replica) app.use('*', readRouting(deps.replica.replica, deps.replica.maxLagMs));

  // With a replica, its condition too (streaming, lagging, unreachable …) for operators and balancers.
  app.get('/api/health', (c) =>
    c.json(
      deps.replica ? { status: 'ok', replica: deps.replica.replica.state().condition } : { status: 'ok' },
    ),
  );
  authRoutes(app);
  oidcRoutes(app, deps.oidc);
  portalRoutes(app);
  accountsRoutes(app);
  auditRoutes(app);
  plansRoutes(app);
  extractRoutes(app);
  statusRoutes(app);
  cockpitRoutes(app);
  dataRoutes(app);
  notifyRoutes(app, deps.notify ?? defaultConfig.notify);
  evidenceRoutes(app);
  importsRoutes(app);
  tasksRoutes(app);
  scorecardsRoutes(app);
  publishingRoutes(app);
  portalPages(app);
  cityRoutes(app);
  reportsRoutes(app);
  cityViewRoutes(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'shixiao_session',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Shixiao 实效 API',
      version: '0.1.0',
      description: 'Plans, indicators, targets, observations and tasks of a government plan.',
      license,
    },
    // Relative: the API is where this document is served from, behind any proxy.
    servers: [{ url: '/', description: 'This server' }],
  });

  app.get('*', (c) => {
    const path = c.req.path;
    if (path.startsWith('/api/')) return noSuchRoute(c, path);
    const file = deps.web.serve(c, path);
    if (file) return file;
    // The single-page app owns its own routes; anything else (/.git, /debug, …) is a 404.
    if (spaRoute.test(path)) {
      const index = deps.web.serve(c, '/index.html');
      if (index) return index;
      return c.text('The web app is not built: run `npm run build:web`.', 503);
    }
    return problem(c, 404, 'Not Found');
  });

  // A path that exists with other methods answers 405 with Allow; anything else 404.
  const apiRoutes = app.routes
    .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
    .map((r) => ({ method: r.method, pattern: new RegExp('^' + r.path.replace(/:[^/]+/g, '[^/]+') + '$') }));
  const noSuchRoute = (c: Context<AppEnv>, path: string) => {
    const allowed = [...new Set(apiRoutes.filter((r) => r.pattern.test(path)).map((r) => r.method))];
    if (allowed.length === 0) return problem(c, 404, 'Not Found', 'No such API route.');
    c.header('Allow', allowed.join(', '));
    return problem(c, 405, 'Method Not Allowed');
  };
  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? noSuchRoute(c, c.req.path) : problem(c, 404, 'Not Found'),
  );

  app.onError((error, c) => {
    // Hono's own 4xx (e.g. malformed JSON from the body validator): a client error, not a 500.
    if (error instanceof HTTPException && error.status < 500) {
      return problem(
        c,
        error.status,
        error.status === 400 ? 'Bad Request' : 'Client Error',
        'The request is malformed.',
      );
    }
    // PostgreSQL cannot store some text (NUL, 22021; untranslatable, 22P05): the input is at fault.
    const sqlState = (error as { code?: unknown }).code;
    if (sqlState === '22021' || sqlState === '22P05') {
      return problem(c, 400, 'Bad Request', 'The request contains characters that cannot be stored.');
    }
    // Another writer holds the lock past our wait (SQLite busy_timeout, PostgreSQL lock_timeout
    // 55P03, or a deadlock 40P01): nothing was written; the client may try again shortly.
    if (isLockWait(error)) {
      c.header('Retry-After', String(retryAfterSeconds));
      return problem(
        c,
        503,
        'Service Unavailable',
        'The database is busy with another change; nothing was saved. Try again in a few seconds.',
      );
    }
    if (error instanceof AppError) {
      return problem(c, error.status, error.title, error.message, {
        ...(error.errors ? { errors: error.errors } : {}),
        ...(error.code ? { code: error.code, params: error.params ?? {} } : {}),
      });
    }
    const errorId = newErrorId();
    c.get('log')?.error({ err: error, error_id: errorId, req_id: c.get('requestId') }, 'request failed');
    return problem(c, 500, 'Internal Server Error', 'Something went wrong on our side.', {
      error_id: errorId,
    });
  });

  return app;
}

/** Seconds a client is asked to wait after a lock wait ran out. */
const retryAfterSeconds = 5;

/** A write that gave up waiting for another writer's lock. */
function isLockWait(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  return (
    code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === '55P03' || code === '40P01'
  );
}
