export { auditRoutes } from './audit.routes';
export { readAudit } from './audit.service';
