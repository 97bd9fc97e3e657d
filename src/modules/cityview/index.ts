export { cityOverview, districtStatus } from './cityview.service';
export { cityViewRoutes } from './cityview.routes';
