export { ensureAdmin } from './accounts.service';
export { accountsRoutes } from './accounts.routes';
export { maxTokenLifeMs } from './tokens.service';
