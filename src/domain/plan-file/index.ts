export * from './schema';
export {
  parsePlanFile,
  formatProblem,
  pathToField,
  type PlanFileProblem,
  type PlanFileResult,
} from './parse';
export { formatPlanFile } from './format';
