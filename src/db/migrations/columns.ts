/**
 * The column sets the migrations share: the auto-numbered id, the tenant column, references,
 * runs of columns of one type. Frozen like the migrations that call them: every helper here is
 * part of the schema an old migration produces, so a change must keep the SQL it emits the same
 * (compare a freshly migrated database's schema before and after).
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../connection';

/** Any column name is accepted in constraints: the helpers add columns kysely cannot count. */
export type Table = CreateTableBuilder<string, string>;
export type Modifier = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
/** Adds columns to a table being created: `table.$call(step)`. */
export type Step = (table: Table) => Table;
type DataType = 'text' | 'integer' | 'double precision';

export const text = 'text';
export const real = 'double precision';

/** A new table, with an auto-numbered primary key `id` when `withId`: the one place the dialects differ. */
export function createTable(db: Kysely<unknown>, dialect: DialectName, name: string, withId = true): Table {
  const table: Table = db.schema.createTable(name);
  if (!withId) return table;
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** A table of a tenant's data: its id (when `withId`) and tenant_id. */
export function createTenantTable(
  db: Kysely<unknown>,
  dialect: DialectName,
  name: string,
  withId = true,
): Table {
  return createTable(db, dialect, name, withId).$call(tenantColumn);
}

/** The type of a stored file's bytes. */
export const bytes = (dialect: DialectName) => (dialect === 'postgres' ? 'bytea' : 'blob');

type OnDelete = 'cascade' | 'set null';

/** A NOT NULL reference to `table`'s id. */
export const ref =
  (table: string, onDelete?: OnDelete): Modifier =>
  (c) =>
    optionalRef(table, onDelete)(c).notNull();

/** A nullable reference to `table`'s id. */
export const optionalRef =
  (table: string, onDelete?: OnDelete): Modifier =>
  (c) => {
    const column = c.references(`${table}.id`);
    return onDelete ? column.onDelete(onDelete) : column;
  };

/** `tenant_id`, the column of every table holding a tenant's data. */
export const tenantColumn: Step = (t) => t.addColumn('tenant_id', 'integer', ref('tenants'));

/** Columns of one type, each NOT NULL, in the order given. */
export const required =
  (type: DataType, ...names: string[]): Step =>
  (t) =>
    names.reduce((table, name) => table.addColumn(name, type, (c) => c.notNull()), t);

/** Nullable columns of one type, in the order given. */
export const optional =
  (type: DataType, ...names: string[]): Step =>
  (t) =>
    names.reduce((table, name) => table.addColumn(name, type), t);

/** Integer columns that are NOT NULL with a default: flags and counters. */
export const defaulted =
  (value: number, ...names: string[]): Step =>
  (t) =>
    names.reduce((table, name) => table.addColumn(name, 'integer', (c) => c.notNull().defaultTo(value)), t);

/** A name in Chinese (required) and in English (optional). */
export const names: Step = (t) => t.$call(required(text, 'name')).$call(optional(text, 'name_en'));

/** When a row was written and last changed. */
export const timestamps: Step = required(text, 'created_at', 'updated_at');

/** A plain (not unique) index. */
export async function createIndex(db: Kysely<unknown>, name: string, table: string, columns: string[]) {
  await db.schema.createIndex(name).on(table).columns(columns).execute();
}

/** A row per plan and month (bulletins, scorecard snapshots). */
export const monthOfPlan: Step = (t) =>
  t.$call(tenantColumn).addColumn('plan_id', 'integer', ref('plans')).$call(required(text, 'month'));
