export * from './schema';
export {
  parsePlanFile,
  validatePlanFile,
  formatProblem,
  pathToField,
  lineLocator,
  type PlanFileProblem,
  type PlanFileResult,
} from './parse';
export { formatPlanFile } from './format';
