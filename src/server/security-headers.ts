/** Security headers on every response, errors and static files included (SECURITY.md V3.4). */
import type { MiddlewareHandler } from 'hono';
import { isComplete, securityHeaderValues } from '../modules/response-headers';

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (isComplete(c.res)) return;
  const h = c.res.headers;
  for (const [name, value] of Object.entries(securityHeaderValues)) h.set(name, value);
  h.delete('X-Powered-By');
  if (c.req.path.startsWith('/api/') && !h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
};
