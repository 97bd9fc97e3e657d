export { isCalendarDate, isWebUrl, unsafeTextReason } from './rules';
