export * from './plans.service';
export { ensureTenant } from './tenants';
export { plansRoutes } from './plans.routes';
export { loadPlanStructure, type PlanStructure } from './plans.structure';
