/**
 * Single sign-on routes: start at the provider, come back with a code, leave with the same
 * session cookie as a password login. Every callback outcome is audited as `auth.login`.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { oidcConfigSchema } from '../../contracts/auth';
import { problemResponses } from '../../contracts/common';
import { AppError } from '../errors';
import type { AppEnv } from '../http';
import { resolveTenant } from '../plans';
import { ok } from '../route';
import { routesOn } from '../serve';
import { clearShortCaches } from '../short-cache';
import { writeAudit } from './audit';
import { clientAddress, secureCookies, sessionToken, setSessionCookie } from './middleware';
import {
  exchangeCode,
  flowLifetimeMs,
  OidcClient,
  openOidcSession,
  resolveOidcUser,
  type OidcConfig,
} from './oidc';
import { consumeFlow } from './oidc.repository';

/** Where the browser lands after a failed SSO login (the login page shows a message). */
export const ssoFailurePath = '/login?error=sso';

// `__Host-` (Secure, Path=/, no Domain) over TLS, like the session cookie.
const flowCookieName = (c: Context<AppEnv>) => (secureCookies(c) ? '__Host-shixiao_oidc' : 'shixiao_oidc');

const notFound = { 404: problemResponses[404] };

const notConfigured = () => new AppError(404, 'Not Found', 'Single sign-on is not configured.');

/**
 * The failed check for the audit log: openid-client wraps the precise error (state, nonce, issuer,
 * `invalid_grant`…) in a generic one. Its messages name checks, never token values.
 */
function describeFailure(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error && parts.length < 3; e = e.cause) {
    const code = (e as { error?: unknown }).error;
    parts.push(typeof code === 'string' ? `${e.message} (${code})` : e.message);
  }
  return parts.join(': ') || 'unknown error';
}

/** Registers the SSO routes; without a configuration they answer 404 and `enabled: false`. */
export function oidcRoutes(app: OpenAPIHono<AppEnv>, config: OidcConfig | undefined): void {
  const oidc = config ? new OidcClient(config) : null;

  const route = routesOn(app, ['auth'], {});
  route
    .get('public', '/api/auth/oidc/config', {
      summary: 'Whether single sign-on is configured (for the login page)',
      responses: ok(oidcConfigSchema, 'SSO availability'),
    })
    .json(200, () => ({ enabled: oidc !== null }));

  const login = route.get('public', '/api/auth/oidc/login', {
    summary: 'Start single sign-on: redirects to the identity provider',
    responses: { 302: { description: 'To the identity provider' }, ...notFound },
  });
  login.handle(async (c) => {
    if (!oidc) throw notConfigured();
    try {
      const started = await oidc.start(c.get('now')());
      setCookie(c, flowCookieName(c), started.cookie, {
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level GET navigation, which Lax lets through.
        sameSite: 'Lax',
        path: '/',
        secure: secureCookies(c),
        maxAge: Math.floor(flowLifetimeMs / 1000),
      });
      return c.redirect(started.url, 302);
    } catch (error) {
      // The provider is unreachable or misconfigured: the user gets the login page, we get a log line.
      c.get('log')?.warn({ err: error, req_id: c.get('requestId') }, 'oidc: cannot start login');
      return c.redirect(ssoFailurePath, 302);
    }
  });

  const callback = route.get('public', '/api/auth/oidc/callback', {
    summary: 'The identity provider returns here: sets the session cookie and redirects to /',
    responses: { 302: { description: 'To / when logged in, to /login?error=sso otherwise' }, ...notFound },
  });
  callback.handle(async (c) => {
    if (!oidc || !config) throw notConfigured();
    const db = c.get('db');
    const now = c.get('now')();
    const address = clientAddress(c);
    const flow = oidc.open(getCookie(c, flowCookieName(c)), now);
    // One use only: the cookie goes whatever the outcome.
    deleteCookie(c, flowCookieName(c), { path: '/', secure: secureCookies(c) });
    const tenant = await resolveTenant(db, config.tenant);
    let label = 'oidc';
    try {
      if (!flow) throw new Error('missing, forged or expired flow cookie');
      // Once only, on every server: a replayed cookie and state never reach the token endpoint.
      if (!(await consumeFlow(db.kysely, flow.state, flow.expiresAt, now)))
        throw new Error('flow already used');
      const claims = await exchangeCode(oidc, flow, new URL(c.req.url).search);
      label = claims.preferred_username ?? `sub:${claims.sub}`;
      const userId = await resolveOidcUser(db, {
        tenantId: tenant.id,
        claims,
        provision: config.provision === true,
        now,
        address,
      });
      const session = await openOidcSession(db, {
        tenantId: tenant.id,
        userId,
        label,
        previousToken: sessionToken(c),
        address,
        now,
      });
      setSessionCookie(c, session.token);
      return c.redirect('/', 302);
    } catch (error) {
      const why = describeFailure(error);
      await writeAudit(db.kysely, {
        tenantId: tenant.id,
        actor: { kind: 'anonymous' },
        label: label.slice(0, 80),
        action: 'auth.login',
        reason: `oidc: ${why}`.slice(0, 300),
        sourceIp: address,
        outcome: 'failure',
        at: now,
      });
      return c.redirect(ssoFailurePath, 302);
    } finally {
      // This GET writes (old session gone, user linked or created): the per-server caches that
      // only unsafe methods clear must not keep the old session alive for their TTL.
      clearShortCaches();
    }
  });
}
