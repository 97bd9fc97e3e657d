export * from './plans.service';
export { ensureTenant } from './tenants';
export { plansRoutes } from './plans.routes';
