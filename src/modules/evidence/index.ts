export { evidenceRoutes } from './evidence.routes';
