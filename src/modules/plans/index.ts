export * from './plans.service';
export { ensureTenant } from './tenants';
export { plansRoutes } from './plans.routes';
export { listPlanRefs, loadPlanStructure, type PlanStructure } from './plans.structure';
export { exportPlanFilesOf, listPlansOf } from './plans.bulk';
