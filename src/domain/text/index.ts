export { isWebUrl, unsafeTextReason } from './rules';
