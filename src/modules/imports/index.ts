export { importObservations, maxProblems, type ImportRequest, type ImportResult } from './imports.service';
export { exportObservations } from './exports.service';
export { ImportFileError, type RowSource, type SourceStats } from './sources';
export { fileFormats, openFileSource, type FileFormat, type FileSpec } from './file-source';
export { checkInThread } from './threaded-rows';
export { checkXlsx, defaultXlsxLimits, type XlsxLimits } from './xlsx-guard';
export { writeDataTemplate, type TemplateRequest } from './template.service';
export { importsRoutes } from './imports.routes';
export { keepUpload, loadUpload, UPLOAD_TTL_MS, type StoredUpload, type UploadOwner } from './upload-store';
