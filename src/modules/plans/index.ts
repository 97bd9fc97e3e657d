export * from './plans.service';
export { ensureTenant } from './tenants';
export { plansRoutes } from './plans.routes';
export { listPlanRefs, loadPlanStructure, type PlanStructure } from './plans.structure';
export { findPlansOf, listPlansOf } from './plans.bulk';
export { loadPlanModel, loadPlanModels, type PlanModel } from './plans.model';
