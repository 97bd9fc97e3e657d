/** Reading policy documents from bytes: the I/O edge of extraction (the rules live in the domain). */
export { decodeDocument, MAX_DOCUMENT_BYTES, type DecodeResult } from './decode';
