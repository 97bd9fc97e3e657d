/**
 * Shared pieces of the security tests (SECURITY.md): the routes of the OpenAPI document, path
 * parameters filled with real ids of the demo plan, a raw HTTP request for methods fetch refuses.
 */
import { request } from 'node:http';

export const demo = {
  plan: 'yuzhong-2023',
  target: 't-gdp',
  indicator: 'gdp',
  period: '2025',
  task: 'p1-a1-t1',
} as const;

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
}

export interface ApiRoute {
  method: Method;
  /** OpenAPI form: `/api/plans/{plan}`. */
  path: string;
  access: string;
  pathParams: string[];
  queryParams: string[];
  /** The JSON request body schema (refs resolved one level), if the route takes a body. */
  body: JsonSchema | null;
}

interface OpenApiOperation {
  'x-access'?: string;
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Every operation of `/api/openapi.json`. */
export async function apiRoutes(baseUrl: string): Promise<ApiRoute[]> {
  const res = await fetch(`${baseUrl}/api/openapi.json`);
  if (res.status !== 200) throw new Error(`/api/openapi.json: ${res.status}`);
  const doc = (await res.json()) as OpenApiDoc;
  const schemas = doc.components?.schemas ?? {};
  const resolve = (s: JsonSchema): JsonSchema => (s.$ref ? (schemas[s.$ref.split('/').pop() ?? ''] ?? s) : s);
  const routes: ApiRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const params = op.parameters ?? [];
      const schema = op.requestBody?.content['application/json']?.schema;
      routes.push({
        method: method.toUpperCase() as Method,
        path,
        access: op['x-access'] ?? '(none)',
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        body: schema ? resolve(schema) : null,
      });
    }
  }
  return routes;
}

export const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/** Fills `{param}` with real ids; `overrides` wins. */
export function fillPath(path: string, overrides: Record<string, string> = {}): string {
  const defaults: Record<string, string> = {
    plan: demo.plan,
    target: demo.target,
    indicator: demo.indicator,
    period: demo.period,
    task: demo.task,
    username: 'viewer-b',
    code: 'dept-b',
    slug: 'jiangbei',
    id: '999999',
    month: '2026-10',
    format: 'docx',
  };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = overrides[name] ?? defaults[name];
    if (value === undefined) throw new Error(`no value for path parameter {${name}} in ${path}: add one`);
    return encodeURIComponent(value);
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request through node:http (fetch refuses TRACE and normalises paths). */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
