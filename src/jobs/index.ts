/** The scheduled-job runner: one run (`jobs run`), the server's loop, and the registry of jobs. */
export { runJobsOnce, newHolder, leaseMs, type RunOptions, type RunReport } from './runner';
export { startJobLoop, type JobLoop, type JobLoopOptions } from './loop';
export { jobKinds } from './registry';
export { channelsFromConfig } from './channels';
export { runReportJson, runReportText, type SentJson } from './report';
