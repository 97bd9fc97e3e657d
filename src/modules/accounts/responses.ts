/** The problems any administration route (users, departments, API tokens) may answer. */
import { workflowProblems } from '../route';

export const problems = workflowProblems({
  422: 'Refused by a rule (password policy, unknown department, …)',
});
