/**
 * Observations (the versions of every value): the one owner of the `observations` table, of the
 * rule "current version", of "as known on D" and of the shape of a new version. Plan import,
 * data entry, web upload, bulk import and every reader go through here.
 */
export {
  currentVersions,
  currentSeries,
  indicatorsWithObservations,
  seriesVersions,
  insertObservation,
  lockIndicators,
  moveStatus,
  workflowRows,
  rowsInStatus,
  firstReportedAt,
  firstArrivals,
  acceptedVersions,
  type CurrentQuery,
  type CurrentObservation,
  type VersionRow,
  type WorkflowRow,
  type QueueRow,
} from './observations.repository';
export type { NewObservation } from './observations.insert';
export { bulkTransaction, type BulkWriter } from './observations.bulk';
export { seriesState, seriesStates, valueSeriesKey, type Series, type SeriesVersion } from './series';
