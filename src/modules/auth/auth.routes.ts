/** Login, logout, the current user, password change. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { problemResponse, problemResponses } from '../../contracts/common';
import { loginSchema, meSchema, passwordChangeSchema } from '../../contracts/auth';
import type { AppEnv } from '../http';
import { resolveTenant } from '../plans';
import { defineRoute } from '../route';
import { changePassword, LockedError, login, logout } from './auth.service';
import { clientAddress, secureCookies, sessionCookieName, sessionToken } from './middleware';
import { sessionSettings } from './sessions';
import { presentMe } from './me';

const loginRoute = defineRoute('public', {
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Log in with user name and password: sets the session cookie',
  request: { body: { content: { 'application/json': { schema: loginSchema } }, required: true } },
  responses: {
    200: { description: 'Logged in', content: { 'application/json': { schema: meSchema } } },
    401: problemResponse('Wrong user name or password'),
    429: problemResponse('Too many failed logins: try again later'),
  },
});

const logoutRoute = defineRoute('authenticated', {
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'End the session on the server',
  responses: { 204: { description: 'Logged out' } },
});

const meRoute = defineRoute('public', {
  method: 'get',
  path: '/api/auth/me',
  tags: ['auth'],
  summary: 'The current user (null when not logged in) and the CSRF token for writes',
  responses: { 200: { description: 'The user', content: { 'application/json': { schema: meSchema } } } },
});

const passwordRoute = defineRoute('authenticated', {
  method: 'post',
  path: '/api/auth/password',
  tags: ['auth'],
  summary: 'Change my password (needs the current one)',
  request: { body: { content: { 'application/json': { schema: passwordChangeSchema } }, required: true } },
  responses: { 204: { description: 'Changed' }, ...problemResponses },
});

export function authRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(loginRoute, async (c) => {
    const db = c.get('db');
    const body = c.req.valid('json');
    const tenant = await resolveTenant(db, body.tenant);
    try {
      const session = await login(db, {
        tenantId: tenant.id,
        username: body.username,
        password: body.password,
        previousToken: sessionToken(c),
        address: clientAddress(c),
        now: c.get('now')(),
      });
      setCookie(c, sessionCookieName(c), session.token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: secureCookies(c),
        maxAge: Math.floor(sessionSettings.absoluteMs / 1000),
      });
      return c.json(await presentMe(db, session.userId, tenant.id, session.csrfToken), 200);
    } catch (error) {
      if (error instanceof LockedError) c.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  });

  app.openapi(logoutRoute, async (c) => {
    const token = sessionToken(c);
    if (token) await logout(c.get('db'), token, c.get('actor'), c.get('now')(), clientAddress(c));
    deleteCookie(c, sessionCookieName(c), { path: '/', secure: secureCookies(c) });
    return c.body(null, 204);
  });

  app.openapi(meRoute, async (c) => {
    const actor = c.get('actor');
    if (actor.kind !== 'user') return c.json({ user: null, csrf_token: null }, 200);
    return c.json(await presentMe(c.get('db'), actor.userId, actor.tenantId, actor.csrfToken), 200);
  });

  app.openapi(passwordRoute, async (c) => {
    const actor = c.get('actor');
    if (actor.kind !== 'user') return c.body(null, 401);
    const body = c.req.valid('json');
    await changePassword(
      c.get('db'),
      actor,
      body.current_password,
      body.new_password,
      c.get('now')(),
      clientAddress(c),
    );
    return c.body(null, 204);
  });
}
