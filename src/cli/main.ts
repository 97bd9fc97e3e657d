/** The `shixiao` command line. Each command lives in commands/ and calls services or the domain. */
import { Command } from 'commander';
import { registerOpensdgCommand } from './commands/opensdg';
import { registerPlanFileCommands } from './commands/plan-files';
import { registerServeCommand } from './commands/serve';

export function buildProgram(): Command {
  const program = new Command('shixiao')
    .description('实效 Shixiao: from a government plan to tracked results')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  registerServeCommand(program);
  registerPlanFileCommands(program);
  registerOpensdgCommand(program);
  return program;
}

await buildProgram().parseAsync(process.argv);
