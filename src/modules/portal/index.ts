export { portalRoutes } from './portal.routes';
export { portalPages } from './portal.pages';
export { publishingRoutes } from './publishing.routes';
export { listPublicationStates, setPublication } from './publishing.service';
export { loadPublicPlan, loadPublicPlans, listPublishedPlans } from './portal.service';
export { exportSite, type ExportResult } from './export';
