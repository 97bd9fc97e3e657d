/** Login, logout, the current user, password change. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie } from 'hono/cookie';
import { problemResponse, problemResponses } from '../../contracts/common';
import { loginSchema, meSchema, passwordChangeSchema } from '../../contracts/auth';
import type { AppEnv } from '../http';
import { resolveTenant } from '../plans';
import { jsonBody, ok } from '../route';
import { routesOn } from '../serve';
import { changePassword, LockedError, login, logout } from './auth.service';
import {
  clientAddress,
  secureCookies,
  sessionCookieName,
  sessionToken,
  setSessionCookie,
} from './middleware';
import { presentMe } from './me';

export function authRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['auth'], {});
  route
    .post('public', '/api/auth/login', {
      summary: 'Log in with user name and password: sets the session cookie',
      request: jsonBody(loginSchema),
      responses: {
        ...ok(meSchema, 'Logged in'),
        401: problemResponse('Wrong user name or password'),
        429: problemResponse('Too many failed logins: try again later'),
      },
    })
    .handle(async (c) => {
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
        setSessionCookie(c, session.token);
        return c.json(await presentMe(db, session.userId, tenant.id, session.csrfToken), 200);
      } catch (error) {
        if (error instanceof LockedError) c.header('Retry-After', String(error.retryAfterSeconds));
        throw error;
      }
    });

  route
    .post('authenticated', '/api/auth/logout', {
      summary: 'End the session on the server',
      responses: { 204: { description: 'Logged out' } },
    })
    .handle(async (c) => {
      const token = sessionToken(c);
      if (token) await logout(c.get('db'), token, c.get('actor'), c.get('now')(), clientAddress(c));
      deleteCookie(c, sessionCookieName(c), { path: '/', secure: secureCookies(c) });
      return c.body(null, 204);
    });

  route
    .get('public', '/api/auth/me', {
      summary: 'The current user (null when not logged in) and the CSRF token for writes',
      responses: ok(meSchema, 'The user'),
    })
    .handle(async (c) => {
      const actor = c.get('actor');
      if (actor.kind !== 'user') return c.json({ user: null, csrf_token: null }, 200);
      return c.json(await presentMe(c.get('db'), actor.userId, actor.tenantId, actor.csrfToken), 200);
    });

  route
    .post('authenticated', '/api/auth/password', {
      summary: 'Change my password (needs the current one)',
      request: jsonBody(passwordChangeSchema),
      responses: { 204: { description: 'Changed' }, ...problemResponses },
    })
    .handle(async (c) => {
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
