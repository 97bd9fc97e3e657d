/**
 * Read routing with a replica (`serve --replica-db`): a GET's `reads` is the replica when it is
 * usable and holds the caller's own last write; otherwise, and for every write, the primary.
 *
 * A caller's own writes: after a successful write the primary's WAL position (the write's mark)
 * is remembered for the session or token in this process, and sent back in a cookie so that
 * another worker or server seeing the session's next request knows it too. The mark is needed
 * only while the replica may lack the write: at most `maxLagMs`, after which a replica still in
 * use holds it anyway (ReadReplica refuses one further behind).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { ReadReplica } from '../db';
import { secureCookies } from '../modules/auth';
import type { AppEnv } from '../modules/http';
import { expiringMap } from '../modules/short-cache';

const readMethods = new Set(['GET', 'HEAD']);
const cookieName = (c: Context<AppEnv>) => (secureCookies(c) ? '__Host-shixiao_wal' : 'shixiao_wal');
const maxRemembered = 50_000;

function callerKey(c: Context<AppEnv>): string | null {
  // Unset outside /api (the portal's pages do not authenticate).
  const actor = c.get('actor') as AppEnv['Variables']['actor'] | undefined;
  if (!actor) return null;
  if (actor.kind === 'user') return `s:${actor.sessionId}`;
  if (actor.kind === 'token') return `t:${actor.tokenId}`;
  return null;
}

function cookieMark(c: Context<AppEnv>): bigint | null {
  const value = getCookie(c, cookieName(c));
  if (!value || !/^[0-9a-f]{1,16}$/.test(value)) return null;
  return BigInt(`0x${value}`);
}

export function readRouting(replica: ReadReplica, maxLagMs: number): MiddlewareHandler<AppEnv> {
  const marks = expiringMap<bigint>(maxLagMs, maxRemembered);
  const remembered = (key: string | null, now: number): bigint | null =>
    key === null ? null : (marks.get(key, now) ?? null);

  return async (c, next) => {
    if (readMethods.has(c.req.method)) {
      const ownMark = remembered(callerKey(c), Date.now());
      const sent = cookieMark(c);
      const mark = ownMark === null ? sent : sent === null || ownMark > sent ? ownMark : sent;
      if (replica.canRead(mark)) c.set('reads', replica.db);
      return next();
    }
    await next();
    if (c.res.status >= 400) return;
    // Taken after the commit (the handler has returned): the write is at or before this position.
    const mark = await replica.writeMark().catch(() => null);
    if (mark === null) return;
    const key = callerKey(c);
    if (key !== null) marks.set(key, mark, Date.now());
    setCookie(c, cookieName(c), mark.toString(16), {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: secureCookies(c),
      maxAge: Math.ceil(maxLagMs / 1000) + 1,
    });
  };
}
