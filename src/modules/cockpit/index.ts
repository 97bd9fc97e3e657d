export { cockpitRoutes } from './cockpit.routes';
export { evaluateWhatIf, getCockpit, type CockpitRequest, type WhatIfCall } from './cockpit.service';
export { getPlanExplorer } from './explorer.service';
