/** Tenants as a tree: a city above its districts. Pure checks shared by the CLI and the API. */

/** A slug names a tenant in URLs and files: lower-case letters, digits and hyphens. */
const slugPattern = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;

/** Why a slug is not usable, or null when it is. */
export function slugProblem(slug: string): string | null {
  if (slugPattern.test(slug) && !slug.includes('--')) return null;
  return `bad slug '${slug}': use 2–40 lower-case letters, digits and single hyphens, starting with a letter (租户标识只能用小写字母、数字和连字符)`;
}

/**
 * The chain from `start` up to its root (start first), following `parentOf`. Stops at a repeat,
 * so a damaged table cannot loop forever.
 */
export function ancestry<K>(start: K, parentOf: (k: K) => K | null | undefined): K[] {
  const chain: K[] = [];
  const seen = new Set<K>();
  let at: K | null | undefined = start;
  while (at !== null && at !== undefined && !seen.has(at)) {
    chain.push(at);
    seen.add(at);
    at = parentOf(at);
  }
  return chain;
}

/**
 * Whether putting `tenant` under `parent` would close a cycle: the parent is the tenant itself or
 * lies below it. Returns the path from the parent up to the tenant when it would.
 */
export function cycleThrough<K>(tenant: K, parent: K, parentOf: (k: K) => K | null | undefined): K[] | null {
  const chain = ancestry(parent, parentOf);
  const at = chain.indexOf(tenant);
  return at === -1 ? null : chain.slice(0, at + 1);
}
