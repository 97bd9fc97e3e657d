/** The `shixiao` command line. Each command lives in commands/ and calls services or the domain. */
import { Command } from 'commander';
import { registerBackupCommands } from './commands/backup';
import { registerCityCommands } from './commands/city';
import { registerDataCommands } from './commands/data';
import { registerExportSiteCommand } from './commands/export-site';
import { registerExtractCommand } from './commands/extract';
import { registerJobsCommands } from './commands/jobs';
import { registerOpensdgCommand } from './commands/opensdg';
import { registerPlanFileCommands } from './commands/plan-files';
import { registerReportCommands } from './commands/report';
import { registerServeCommand } from './commands/serve';
import { registerStatusCommand } from './commands/status';
import { registerTasksCommand } from './commands/tasks';

export function buildProgram(): Command {
  const program = new Command('shixiao')
    .description('实效 Shixiao: from a government plan to tracked results')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  registerServeCommand(program);
  registerPlanFileCommands(program);
  registerDataCommands(program);
  registerOpensdgCommand(program);
  registerStatusCommand(program);
  registerTasksCommand(program);
  registerExtractCommand(program);
  registerJobsCommands(program);
  registerBackupCommands(program);
  registerExportSiteCommand(program);
  registerCityCommands(program);
  registerReportCommands(program);
  return program;
}

// `shixiao … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await buildProgram().parseAsync(process.argv);
