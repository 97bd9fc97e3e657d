export {
  openDatabase,
  applySqlitePragmas,
  dialectOf,
  DatabaseConfigError,
  type Db,
  type DialectName,
  type Executor,
} from './connection';
export { migrateTo, migrateToLatest, migrationNames } from './migrate';
export { nowIso, systemClock, type Clock } from './clock';
export type * from './types';
export { storedFileListed } from './stored-file';
export { tenantIdsOf, type TenantSet } from './tenant-set';
export {
  aliased,
  deletedAny,
  insertAll,
  rowsWhere,
  tableWhere,
  updatedAny,
  type ColumnValues,
} from './queries';
export {
  openReadReplica,
  parseLsn,
  type ReadReplica,
  type ReplicaOptions,
  type ReplicaState,
  type ReplicaCondition,
} from './replica';
