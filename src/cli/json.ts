/** JSON output of the batch commands: the CONTRACT.md objects, their fields in the contract's order. */

/** The named fields of `row` in the given order (an undefined field is left out of the JSON). */
export function pick<T, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;
}

/** Rows as an indented JSON array on one write, the form every `--json` list has. */
export const jsonList = <T>(rows: readonly T[], toJson: (row: T) => unknown): string =>
  JSON.stringify(rows.map(toJson), null, 2) + '\n';
