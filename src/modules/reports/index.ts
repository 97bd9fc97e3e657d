/** Reports: the monthly supervision bulletin (督查通报) and its data book, on demand and archived. */
export {
  archiveBulletin,
  archivedBulletinFile,
  bulletinFile,
  defaultPlanOf,
  factSheetFile,
  planSummaryFile,
  listBulletins,
  type ArchivedBulletin,
  type BulletinRequest,
} from './reports.service';
export { gatherBulletinInput } from './reports.gather';
export {
  bulletinFileName,
  bulletinFormats,
  contentTypes,
  isBulletinFormat,
  renderBulletin,
  type BulletinFormat,
} from './reports.render';
export { PdfUnavailableError, type PdfOptions } from './render/pdf';
export { reportsRoutes } from './reports.routes';
export { bulletinJob } from './reports.jobs';
