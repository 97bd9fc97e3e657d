/**
 * Request-level security: who is calling (session cookie or API token), CSRF defence for
 * cookie-authenticated writes (Origin check plus a token header), and the permission guard that
 * every route declares.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Permission } from '../../domain/access';
import { callerFor } from '../caller';
import { problemResponse } from '../errors';
import type { Actor, AppEnv } from '../http';
import { clearShortCaches, shortCache } from '../short-cache';
import { writeAudit } from './audit';
import { actorFromSession } from './auth.service';
import { sessionSettings } from './sessions';
import { actorFromApiToken } from './tokens';

/**
 * Whether cookies get `Secure` and the `__Host-` prefix (SECURITY.md V3.3): as configured
 * (SHIXIAO_SECURE_COOKIES), else when the request came over TLS, or a trusted proxy
 * (SHIXIAO_TRUST_PROXY) says it did (X-Forwarded-Proto: https).
 */
export function secureCookies(c: Context<AppEnv>): boolean {
  const settings = c.get('settings');
  if (settings.secureCookies !== null) return settings.secureCookies;
  // A request's URL is absolute and normalised: its scheme is its start (no URL parse per request).
  if (c.req.url.startsWith('https:')) return true;
  const forwarded = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase();
  return settings.trustProxy && forwarded === 'https';
}

export const sessionCookieName = (c: Context<AppEnv>) =>
  secureCookies(c) ? '__Host-shixiao_session' : 'shixiao_session';
export const csrfHeader = 'X-CSRF-Token';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function clientAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/** Sets the cookie of a new session, after a password or a single sign-on login. */
export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, sessionCookieName(c), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: secureCookies(c),
    maxAge: Math.floor(sessionSettings.absoluteMs / 1000),
  });
}

export function sessionToken(c: Context<AppEnv>): string | null {
  return getCookie(c, sessionCookieName(c)) ?? null;
}

/** Sets `actor`: a session user, an API token, or anonymous. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const db = c.get('db');
  const now = c.get('now')();
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
  if (bearer) {
    const actor = await actorFromApiToken(db, bearer, now);
    if (!actor) {
      return problemResponse(c, 401, 'Unauthorized', 'Invalid or expired token.', { code: 'token_invalid' });
    }
    c.set('actor', actor);
    c.set('caller', callerFor(actor, now, clientAddress(c)));
    return next();
  }
  const token = sessionToken(c);
  if (!token) {
    c.set('actor', { kind: 'anonymous' });
    c.set('caller', null);
    return next();
  }
  const actor = await actorCache.load(
    token,
    now.getTime(),
    () => actorFromSession(db, token, now),
    (found) => found.kind === 'user',
  );
  c.set('actor', actor);
  c.set('caller', callerFor(actor, now, clientAddress(c)));
  return next();
};

/** Any write may end sessions, change roles or data: forget what this server remembers. */
export const clearCachesAfterWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (unsafe.has(c.req.method)) clearShortCaches();
};

/** Session → actor for a second: spares four queries per request on the hot path. */
const actorCache = shortCache<Actor>(1000);

/** The origin this server is reached at, from the Host header of the request. */
function ownOrigin(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.protocol}//${c.req.header('Host') ?? url.host}`;
}

const problemJson = (c: Context, status: 403 | 415, detail: string, code?: string) =>
  problemResponse(
    c,
    status,
    status === 403 ? 'Forbidden' : 'Unsupported Media Type',
    detail,
    code ? { code } : {},
  );

/** Paths that take multipart uploads; every other write takes JSON only. */
export const uploadPaths: RegExp[] = [];

/**
 * CSRF (V3.5): a write from a foreign Origin is refused; a cookie-authenticated write must carry
 * the session's token in a header a form cannot set; a JSON route refuses form bodies (415).
 */
export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!unsafe.has(c.req.method) || !c.req.path.startsWith('/api/')) return next();
  const origin = c.req.header('Origin');
  if (origin && origin !== ownOrigin(c))
    return problemJson(c, 403, 'Cross-origin request refused.', 'cross_origin_refused');
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const hasBody =
    (c.req.header('Content-Length') ?? '0') !== '0' || c.req.header('Transfer-Encoding') !== undefined;
  const upload = uploadPaths.some((p) => p.test(c.req.path));
  if (hasBody && !(type === 'application/json' || (upload && type === 'multipart/form-data'))) {
    return problemJson(c, 415, 'Send application/json.');
  }
  const actor = c.get('actor');
  // Logging in again over a live session needs no token (it has none to offer); Origin is checked.
  const tokenExempt = c.req.path === '/api/auth/login';
  if (actor.kind === 'user' && !tokenExempt && c.req.header(csrfHeader) !== actor.csrfToken) {
    await writeAudit(c.get('db').kysely, {
      tenantId: actor.tenantId,
      actor,
      action: 'access.csrf',
      reason: `${c.req.method} ${c.req.path} without a valid CSRF token`,
      sourceIp: clientAddress(c),
      outcome: 'denied',
      at: c.get('now')(),
    });
    return problemJson(c, 403, 'Missing or wrong CSRF token.', 'csrf_refused');
  }
  return next();
};

/** Route guard: `public`, or a permission the actor must hold (401 anonymous, 403 lacking). */
/** What a user whose password an administrator set may still do (ASVS V6: change it first). */
const passwordChangePaths = new Set(['/api/auth/password', '/api/auth/logout', '/api/auth/me']);

export function guard(permission: Permission | 'public' | 'authenticated'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (permission === 'public') return next();
    const actor = c.get('actor');
    if (actor.kind === 'anonymous') {
      return problemResponse(c, 401, 'Unauthorized', 'Log in first.', { code: 'login_required' });
    }
    if (actor.kind === 'user' && actor.mustChangePassword && !passwordChangePaths.has(c.req.path)) {
      return problemResponse(c, 403, 'Forbidden', 'Change the password an administrator set for you first.', {
        code: 'password_change_required',
      });
    }
    if (permission !== 'authenticated' && !actor.permissions.has(permission)) {
      await writeAudit(c.get('db').kysely, {
        tenantId: actor.tenantId,
        actor,
        action: 'access.denied',
        reason: `${c.req.method} ${c.req.path} needs ${permission}`,
        sourceIp: clientAddress(c),
        outcome: 'denied',
        at: c.get('now')(),
      });
      return problemResponse(c, 403, 'Forbidden', 'Not allowed.');
    }
    return next();
  };
}
