export { decodeDocument, MAX_DOCUMENT_BYTES, type DecodeResult } from './decode';
export { extractFromText, extractFromUpload } from './extract.service';
export { extractRoutes } from './extract.routes';
