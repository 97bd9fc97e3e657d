/**
 * Tenants as a tree: a city above its districts. `shixiao tenants add` creates or updates one;
 * administrators manage the tenants below their own through the API. Every change is audited in
 * its transaction; a bad slug, an unknown parent or a cycle is refused with one clear line.
 */
import type { TenantEntry } from '../../contracts/city';
import type { Db } from '../../db';
import { ancestry, cycleThrough, slugProblem } from '../../domain/city';
import { writeAudit } from '../auth';
import { AppError, badInput, notFound } from '../errors';
import type { Actor } from '../http';
import * as repo from './city.repository';

/** Who changes a tenant, for the audit row. */
export interface ChangedBy {
  actor: Exclude<Actor, { kind: 'anonymous' }> | { kind: 'system' };
  at: Date;
  address?: string | null;
}

export interface TenantChange {
  slug: string;
  name?: string | undefined;
  nameEn?: string | null | undefined;
  /** The parent's slug; null makes a root; undefined keeps the parent (or none when new). */
  parent?: string | null | undefined;
}

type Tree = Awaited<ReturnType<typeof repo.listTenants>>;

function present(t: Tree[number], tree: Tree): TenantEntry {
  const parent = t.parent_id === null ? null : (tree.find((p) => p.id === t.parent_id)?.slug ?? null);
  return { slug: t.slug, name: t.name, name_en: t.name_en, parent, children: Number(t.children ?? 0) };
}

/** The parent id a change asks for, checked against the tree: known, and no cycle. */
function parentFor(change: TenantChange, tree: Tree, selfId: number | null): number | null {
  if (change.parent === null || change.parent === undefined) return null;
  const parent = tree.find((t) => t.slug === change.parent);
  if (!parent)
    throw badInput(`--parent ${change.parent}: no such tenant (上级租户不存在); add it first`, [
      { field: 'parent', message: 'unknown tenant' },
    ]);
  if (selfId !== null) {
    const parentOf = (id: number) => tree.find((t) => t.id === id)?.parent_id ?? null;
    const cycle = cycleThrough(selfId, parent.id, parentOf);
    if (cycle) {
      const path = cycle.map((id) => tree.find((t) => t.id === id)?.slug ?? '?').join(' → ');
      throw badInput(
        `--parent ${change.parent}: ${change.slug} cannot sit under ${path === change.slug ? 'itself' : `its own descendant (${path})`} (租户层级不能形成循环)`,
        [{ field: 'parent', message: 'cycle' }],
      );
    }
  }
  return parent.id;
}

/**
 * Creates the tenant or updates its name and parent, in one transaction. `within` limits the
 * change to a subtree (an administrator's own tenant and below); `mode` says whether the tenant
 * must be new, must exist, or either; a new tenant without a parent goes under `defaultParentId`.
 */
export async function saveTenant(
  db: Db,
  change: TenantChange,
  by: ChangedBy,
  opts: { mode: 'create' | 'update' | 'either'; within?: number; defaultParentId?: number } = {
    mode: 'either',
  },
): Promise<{ tenant: TenantEntry; created: boolean }> {
  const problem = slugProblem(change.slug);
  if (problem) throw badInput(problem, [{ field: 'slug', message: 'bad slug' }]);
  return db.kysely.transaction().execute(async (trx) => {
    const tree = await repo.listTenants(trx);
    const parentOf = (id: number) => tree.find((t) => t.id === id)?.parent_id ?? null;
    const inSubtree = (id: number) =>
      opts.within === undefined || ancestry(id, parentOf).includes(opts.within);
    const found = tree.find((t) => t.slug === change.slug);
    if (found && !inSubtree(found.id)) throw notFound(`tenant '${change.slug}'`);
    if (found && opts.mode === 'create')
      throw new AppError(409, 'Conflict', `tenant '${change.slug}' exists already (租户标识已存在)`);
    if (!found && opts.mode === 'update') throw notFound(`tenant '${change.slug}'`);
    const parentId =
      change.parent === undefined && found
        ? found.parent_id
        : change.parent === null && !found && opts.defaultParentId !== undefined
          ? opts.defaultParentId
          : parentFor(change, tree, found?.id ?? null);
    if (opts.within !== undefined) {
      // An administrator moves or creates tenants only below their own tenant, and never moves it.
      const movesOwn = found?.id === opts.within && parentId !== found.parent_id;
      if (movesOwn || (found?.id !== opts.within && (parentId === null || !inSubtree(parentId))))
        throw new AppError(403, 'Forbidden', 'only tenants below your own can be created or moved');
    }
    const name = change.name ?? found?.name;
    if (!name)
      throw badInput('--name is required for a new tenant (请填写租户名称)', [
        { field: 'name', message: 'required' },
      ]);
    const nameEn = change.nameEn === undefined ? (found?.name_en ?? null) : change.nameEn;
    const before = found
      ? { name: found.name, name_en: found.name_en, parent_id: found.parent_id }
      : undefined;
    const after = { name, name_en: nameEn, parent_id: parentId };
    let id: number;
    if (found) {
      id = found.id;
      await repo.updateTenant(trx, id, after);
    } else {
      id = (await repo.insertTenant(trx, { slug: change.slug, ...after, created_at: by.at.toISOString() }))
        .id;
    }
    await writeAudit(trx, {
      tenantId: id,
      actor: by.actor,
      action: found ? 'tenant.update' : 'tenant.create',
      objectType: 'tenant',
      objectId: change.slug,
      before,
      after,
      sourceIp: by.address ?? null,
      outcome: 'success',
      at: by.at,
    });
    const fresh = await repo.listTenants(trx);
    const row = fresh.find((t) => t.id === id);
    if (!row) throw new Error('tenant vanished inside its transaction');
    return { tenant: present(row, fresh), created: !found };
  });
}

/** Every tenant, or those of a subtree (an administrator's own tenant and below). */
export async function listTenants(db: Db, within?: number): Promise<TenantEntry[]> {
  const tree = await repo.listTenants(db.kysely);
  const parentOf = (id: number) => tree.find((t) => t.id === id)?.parent_id ?? null;
  return tree
    .filter((t) => within === undefined || ancestry(t.id, parentOf).includes(within))
    .map((t) => present(t, tree));
}

/** A tenant by slug, or 404. */
export async function requireTenant(db: Db, slug: string): Promise<repo.TenantRow> {
  const t = await repo.findTenant(db.kysely, slug);
  if (!t) throw notFound(`tenant '${slug}'`);
  return t;
}

/**
 * The city whose districts are ranked: the named tenant, or the only tenant with districts and
 * no parent. A tenant without districts is not a city.
 */
export async function resolveCity(db: Db, slug?: string): Promise<repo.TenantRow> {
  const tree = await repo.listTenants(db.kysely);
  if (slug !== undefined) {
    const t = tree.find((x) => x.slug === slug);
    if (!t) throw notFound(`tenant '${slug}'`);
    if (!Number(t.children))
      throw badInput(`--city ${slug}: this tenant has no districts below it (没有下级区县)`);
    return t;
  }
  const cities = tree.filter((t) => Number(t.children) > 0 && t.parent_id === null);
  const only = cities[0];
  if (cities.length === 1 && only) return only;
  if (cities.length === 0)
    throw badInput(
      'no city: add one with `shixiao tenants add SLUG --name NAME` and put districts under it with --parent (尚未设置市级租户)',
    );
  throw badInput(`several cities (${cities.map((c) => c.slug).join(', ')}): name one with --city`);
}
