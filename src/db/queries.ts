/**
 * Query pieces the repositories share: the finder "rows of one table whose columns have these
 * values", column lists under a table alias, and what an UPDATE or DELETE reports.
 */
import {
  isExpression,
  type Expression,
  type Insertable,
  type Selectable,
  type SelectQueryBuilder,
  type SelectType,
} from 'kysely';
import type { Executor } from './connection';
import type { Database } from './types';

type TableName = keyof Database;

/**
 * Values of some columns of a table, each compared with `=`, or with `in` for a list or a
 * subquery (all of them must hold). A list must not be empty.
 */
export type ColumnValues<T extends TableName> = {
  [C in keyof Database[T]]?:
    | SelectType<Database[T][C]>
    | readonly SelectType<Database[T][C]>[]
    | Expression<Record<string, SelectType<Database[T][C]>>>;
};

/**
 * The rows of `table` matching every value of `match`, nothing selected yet: the common start of
 * the repositories' finders. The caller adds columns, order and how many it takes.
 */
export function tableWhere<T extends TableName>(
  db: Executor,
  table: T,
  match: ColumnValues<T>,
): SelectQueryBuilder<Database, T, object> {
  // Kysely cannot follow a table name that is a type parameter: the signature says what it is.
  const name: TableName = table;
  const query: SelectQueryBuilder<Database, T, object> = db
    .selectFrom(name)
    .where((eb) =>
      eb.and(
        Object.entries(match).map(([column, value]) =>
          Array.isArray(value) || isExpression(value)
            ? eb(column as never, 'in', value as never)
            : eb(column as never, '=', value as never),
        ),
      ),
    );
  return query;
}

/** All columns of the rows of `table` matching `match` (see tableWhere). */
export function rowsWhere<T extends TableName>(
  db: Executor,
  table: T,
  match: ColumnValues<T>,
): SelectQueryBuilder<Database, T, Selectable<Database[T]>> {
  const query = tableWhere(db, table, match).selectAll();
  return query as unknown as SelectQueryBuilder<Database, T, Selectable<Database[T]>>;
}

/** Inserts the rows in one statement; none, no statement. */
export async function insertAll<T extends TableName>(
  db: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  // Kysely cannot follow a table name that is a type parameter: the signature says what it is.
  const name: TableName = table;
  await db.insertInto(name).values(rows).execute();
}

/** Columns named under a table alias: `aliased('t', ['id', 'code'])` is `['t.id', 't.code']`. */
export function aliased<A extends string, C extends string>(alias: A, columns: readonly C[]): `${A}.${C}`[] {
  return columns.map((c): `${A}.${C}` => `${alias}.${c}`);
}

/** True when an UPDATE touched a row (false: not found, or someone else changed it first). */
export const updatedAny = (result: { numUpdatedRows: bigint }) => result.numUpdatedRows > 0n;

/** True when a DELETE removed a row. */
export const deletedAny = (result: { numDeletedRows: bigint }) => result.numDeletedRows > 0n;
