export { cityOverview, districtStatus, forgetCachedOverviews } from './cityview.service';
export { cityViewRoutes } from './cityview.routes';
