/**
 * Validated uploads waiting for their commit, in this process's memory for 15 minutes, keyed by
 * a random token and bound to the tenant, plan and actor that previewed them. With several
 * server processes behind a load balancer the commit must reach the same process (sticky
 * sessions), or the user uploads again: an unknown or expired token answers 404.
 */
import { randomBytes } from 'node:crypto';
import type { ValidRow } from '../../domain/data-import';

export const UPLOAD_TTL_MS = 15 * 60 * 1000;
/** Oldest entries are dropped beyond this many (memory stays bounded). */
const MAX_ENTRIES = 50;

/** Rows are data values by default; another upload (the tasks' breakdown table) names its `kind`. */
export interface StoredUpload<R = ValidRow> {
  tenantId: number;
  plan: string;
  actor: string;
  kind?: string;
  rows: R[];
  expires: number;
}

const store = new Map<string, StoredUpload<unknown>>();

function sweep(now: number) {
  for (const [k, v] of store) if (v.expires <= now) store.delete(k);
  while (store.size >= MAX_ENTRIES) {
    const first = store.keys().next().value;
    if (first === undefined) break;
    store.delete(first);
  }
}

export function keepUpload<R = ValidRow>(entry: Omit<StoredUpload<R>, 'expires'>, now: number): string {
  sweep(now);
  const token = randomBytes(24).toString('base64url');
  store.set(token, { ...entry, expires: now + UPLOAD_TTL_MS });
  return token;
}

/** The stored upload if the token is live and belongs to this tenant, plan and actor. */
export function findUpload<R = ValidRow>(
  token: string,
  who: { tenantId: number; plan: string; actor: string; kind?: string },
  now: number,
): StoredUpload<R> | undefined {
  const e = store.get(token);
  if (!e || e.expires <= now) return undefined;
  if (e.tenantId !== who.tenantId || e.plan !== who.plan || e.actor !== who.actor) return undefined;
  if (e.kind !== who.kind) return undefined;
  return e as StoredUpload<R>;
}

export function dropUpload(token: string): void {
  store.delete(token);
}
