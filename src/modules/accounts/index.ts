export { ensureAdmin } from './accounts.service';
export { hashPassword, verifyPassword } from './passwords';
