/** The Hono environment every module's routes share: database, clock, logger and the actor. */
import type { Logger } from 'pino';
import type { Db } from '../db';
import type { Permission, Role } from '../domain/access';
import type { Caller } from './caller';

/** Who is making the request. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: number;
      username: string;
      tenantId: number;
      roles: Role[];
      permissions: Set<Permission>;
      departmentIds: number[];
      /** The permissions that reach only its own departments' objects (see isDepartmentScoped). */
      scopedPermissions: ReadonlySet<Permission>;
      /** An administrator set the password: only changing it (or logging out) is allowed. */
      mustChangePassword: boolean;
      sessionId: string;
      csrfToken: string;
    }
  | {
      kind: 'token';
      tokenId: number;
      tenantId: number;
      permissions: Set<Permission>;
      departmentIds: number[];
      /** A department token: all its permissions stop at its department. */
      scopedPermissions: ReadonlySet<Permission>;
    };

export type AppEnv = {
  Variables: {
    db: Db;
    /**
     * Where reads that may be a moment behind go (portal, cockpit, statuses): the read replica
     * when one is configured, usable and holds the caller's own writes; else `db` (read-routing.ts).
     */
    reads: Db;
    log: Logger;
    requestId: string;
    now: () => Date;
    actor: Actor;
    /** The actor with its tenant, clock reading and address: null when anonymous (caller.ts). */
    caller: Caller | null;
    /** The deployment's settings that request handlers need (src/server/config.ts). */
    settings: ServerSettings;
  };
};

/** Settings from the configuration that handlers read per request, put on the context by createApp. */
export interface ServerSettings {
  /** SHIXIAO_SECURE_COOKIES: true always, false never, null: decided per request. */
  secureCookies: boolean | null;
  /** SHIXIAO_TRUST_PROXY: a reverse proxy in front sets X-Forwarded-Proto (only then is it believed). */
  trustProxy: boolean;
  /** SHIXIAO_CHROMIUM: the browser that prints PDF documents. */
  chromiumPath: string;
}

/** The source address of a request, for audit rows (the socket's, not a header's). */
export type ClientAddress = string | null;
