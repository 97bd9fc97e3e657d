export { ensureAdmin } from './accounts.service';
export { hashPassword, verifyPassword } from './passwords';
export { accountsRoutes } from './accounts.routes';
export { maxTokenLifeMs } from './tokens.service';
