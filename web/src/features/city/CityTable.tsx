/** The city pages' tables: compact, and all rows at once (a dozen districts, a district's few dozen targets). */
import { Table, type TableProps } from 'antd';

export function CityTable<T extends object>(props: TableProps<T>) {
  return <Table<T> size="small" pagination={false} {...props} />;
}
