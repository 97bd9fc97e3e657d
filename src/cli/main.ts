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
import { systemClock } from '../db';
import { ConfigError, loadConfig } from '../server/config';
import type { CliContext } from './options';

/** The program, given the configuration and the clock (the composition root of the CLI). */
export function buildProgram(cli: CliContext): Command {
  const program = new Command('shixiao')
    .description('实效 Shixiao: from a government plan to tracked results')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  registerServeCommand(program, cli);
  registerPlanFileCommands(program, cli);
  registerDataCommands(program, cli);
  registerOpensdgCommand(program);
  registerStatusCommand(program, cli);
  registerTasksCommand(program, cli);
  registerExtractCommand(program);
  registerJobsCommands(program, cli);
  registerBackupCommands(program, cli);
  registerExportSiteCommand(program, cli);
  registerCityCommands(program, cli);
  registerReportCommands(program, cli);
  return program;
}

// `shixiao … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Read once, before any command: a bad variable is one line naming it, then exit 1.
let cli: CliContext;
try {
  cli = { config: loadConfig(), now: systemClock };
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`shixiao: ${error.message}\n`);
  process.exit(1);
}

await buildProgram(cli).parseAsync(process.argv);
