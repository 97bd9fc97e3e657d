export {
  evaluatePlan,
  evaluateTarget,
  indexObservations,
  addFormulaObservations,
  type TargetData,
} from './evaluate';
export { project, type Projection, type ProjectionRequest, type ProjectionResult } from './projection';
export { studentTCdf, studentTQuantile, incompleteBeta, lnGamma } from './stats';
export { buildSeries, expectedShare, type IndicatorSeries, type YearPoint, type PartialYear } from './series';
export * from './types';
export { whatIf, type Assumption, type WhatIf, type WhatIfResult } from './whatif';
export { urgencyRanks, type UrgencyInput } from './urgency';
