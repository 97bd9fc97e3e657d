export {
  saveTenant,
  listTenants,
  requireTenant,
  resolveCity,
  type TenantChange,
  type ChangedBy,
} from './tenants.service';
export { cityRanks, type RanksQuery } from './ranks.service';
export { cityRollup } from './rollup.service';
export { cityRoutes } from './city.routes';
export { rankSeriesOf, rankNeighbours, type RankSeries, type RankPoint } from './rank-series.service';
export { listDefinitions, publishDefinition, definitionsAboveDistrict } from './definitions.service';
export { cityOfCaller, districtsOf } from './city.service';
