/** The monthly supervision bulletin (督查通报), pure: inputs, sentences, ranking, model. */
export * from './types';
export * from './month';
export { headlineOf, targetFor, type HeadlineIndicator, type HeadlineTarget } from './headline';
export { headlineSentence, percentText, countList } from './sentences';
export { rankDepartments, rankingWeights } from './ranking';
export { buildBulletin, statusText } from './bulletin';
export { buildFactSheet, buildPlanSummary } from './sheets';
