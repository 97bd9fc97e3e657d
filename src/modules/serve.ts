/**
 * Declaring and serving a module's routes in one statement each. A route group gives a module's
 * routes their tags and the problems the module words for all of them; each route then names
 * what it calls. The handler most routes have (take the validated input, call one use case with
 * the caller, answer JSON under the route's success status) is written once, here.
 */
import type { OpenAPIHono, RouteConfig, RouteHandler, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '../db';
import { callerOf, type Caller } from './caller';
import type { AppEnv } from './http';
import { defineRoute, type Access, type Declared, type Method } from './route';
import { tenantOf } from './tenancy';
import { uploadLimit } from './uploads';

/** What the route's validators produced, by part (`param`, `query`, `json`). */
type Validated<R extends RouteConfig> =
  Parameters<RouteHandler<R, AppEnv>>[0] extends Context<AppEnv, string, infer I>
    ? I extends { out: infer O }
      ? O
      : object
    : object;
type Part<R extends RouteConfig, K extends string> = K extends keyof Validated<R> ? Validated<R>[K] : never;

/** What a use case is called with. */
export interface Served<R extends RouteConfig> {
  param: Part<R, 'param'>;
  query: Part<R, 'query'>;
  json: Part<R, 'json'>;
  /** The caller: only on guarded routes (the guard has refused anonymous requests). */
  readonly caller: Caller;
  db: Db;
  /** Where reads that may be a moment behind go (portal, cockpit, statuses). */
  reads: Db;
  /** The request's clock reading, taken when asked. */
  readonly now: Date;
  /** The tenant the request acts in (a user's own; the public names one or gets the default). */
  tenant: (slug: string | undefined) => ReturnType<typeof tenantOf>;
  /** The request itself, for what the above does not say. */
  c: Context<AppEnv>;
}

/** The JSON body a route declares for a status. */
type JsonAt<R extends RouteConfig, S extends number> = R['responses'][S] extends {
  content: { 'application/json': { schema: infer T extends z.ZodType } };
}
  ? z.input<T>
  : never;

type Run<R extends RouteConfig, T> = (served: Served<R>) => Promise<T> | T;

/** The request as a use case takes it. */
function servedOf<R extends RouteConfig>(c: Context<AppEnv>): Served<R> {
  const valid = (part: string): never => c.req.valid<never>(part as never);
  return {
    param: valid('param'),
    query: valid('query'),
    json: valid('json'),
    get caller() {
      return callerOf(c);
    },
    db: c.get('db'),
    reads: c.get('reads'),
    get now() {
      return c.get('now')();
    },
    tenant: (slug) => tenantOf(c, slug),
    c,
  };
}

/**
 * A declared route and the ways to serve it. The types tie a handler's input and output to the
 * route; Hono's handler type cannot see through them, hence the casts when mounting.
 */
function serving<const R extends RouteConfig>(app: OpenAPIHono<AppEnv>, route: R) {
  const mount = (handler: (c: Context<AppEnv>) => Promise<Response>) => app.openapi(route, handler as never);
  const handlers = {
    /** Answers `run`'s result as JSON under `status`. */
    json: <const S extends 200 | 201>(status: S, run: Run<R, JsonAt<R, S>>) =>
      mount(async (c) => c.json(await run(servedOf<R>(c)), status)),
    /** Runs the use case and answers 204 No Content. */
    noContent: (run: Run<R, unknown>) =>
      mount(async (c) => {
        await run(servedOf<R>(c));
        return c.body(null, 204);
      }),
    /** Answers the response `run` makes (a file download). */
    file: (run: Run<R, Response>) => mount(async (c) => run(servedOf<R>(c))),
    /** A handler of its own (cookies, redirects, a body serialised once). */
    handle: (handler: RouteHandler<R, AppEnv>) => app.openapi(route, handler),
  };
  return {
    ...handlers,
    /** A multipart upload: a body over `maxBytes` is refused (413 saying `message`) before it is buffered. */
    upload: (maxBytes: number, message: string) => {
      uploadLimit(app, route.path.replace(/\{(\w+)\}/g, ':$1'), maxBytes, message);
      return handlers;
    },
  };
}

/**
 * The routes of a module on `app`: declared by method and path under the module's tags, each
 * answering the problems the module words for all its routes (beside the route's own responses).
 */
export function routesOn<const P extends RouteConfig['responses']>(
  app: OpenAPIHono<AppEnv>,
  tags: string[],
  problems: P,
) {
  const at =
    <M extends Method>(method: M) =>
    <const Path extends string, const R extends Declared>(access: Access, path: Path, config: R) =>
      serving(
        app,
        defineRoute(access, {
          ...config,
          method,
          path,
          tags,
          responses: { ...problems, ...config.responses },
        }),
      );
  return { get: at('get'), post: at('post'), put: at('put'), patch: at('patch'), delete: at('delete') };
}
