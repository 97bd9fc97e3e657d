export * from './schema';
export {
  parsePlanFile,
  validatePlanFile,
  formatProblem,
  pathToField,
  type PlanFileProblem,
  type PlanFileResult,
} from './parse';
export { formatPlanFile } from './format';
