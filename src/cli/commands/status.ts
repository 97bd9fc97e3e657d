/** `shixiao status PLAN_FILE [--as-of DATE] [--json]`: every target's status from a plan file. */
import type { Command } from 'commander';
import { formatProblem, parsePlanFile } from '../../domain/plan-file';
import { evaluatePlan, type TargetEvaluation } from '../../domain/targets';
import { action, CliError } from '../errors';
import { readTextFile } from './plan-files';
import { todayOf, type CliContext } from '../options';

const labels: Record<TargetEvaluation['status'], string> = {
  achieved: '已实现 achieved',
  on_track: '正常 on track',
  at_risk: '预警 at risk',
  off_track: '滞后 off track',
  no_data: '无数据 no data',
};

/** The CONTRACT.md object first, then the fields that explain it. */
function toJson(e: TargetEvaluation) {
  return {
    target: e.target,
    indicator: e.indicator,
    status: e.status,
    as_of: e.as_of,
    latest: e.latest,
    expected: e.expected,
    ratio: e.ratio,
    projection: e.projection,
    kind: e.kind,
    stale: e.stale,
    required_growth: e.required_growth,
    baseline: e.baseline,
    explanation: e.explanation,
  };
}

export function registerStatusCommand(program: Command, cli: CliContext): void {
  program
    .command('status <planFile>')
    .description("print every target's status as of a date (default today)")
    .option('--as-of <date>', 'YYYY-MM-DD', todayOf(cli.now))
    .option('--json', 'a JSON array on stdout, nothing else')
    .action(
      action(async (file: string, opts: { asOf: string; json?: boolean }) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf) || Number.isNaN(Date.parse(opts.asOf))) {
          throw new CliError(`--as-of ${opts.asOf}: not a date (use YYYY-MM-DD)`);
        }
        const parsed = parsePlanFile(readTextFile(file));
        if (!parsed.ok) {
          for (const p of parsed.problems.slice(1)) process.stderr.write(formatProblem(file, p) + '\n');
          throw new CliError(
            formatProblem(file, parsed.problems[0] ?? { line: 1, field: '', message: 'invalid' }),
          );
        }
        const result = evaluatePlan(parsed.plan, opts.asOf);
        if (!result.ok) throw new CliError(`${file}: ${result.reason}`);
        if (opts.json) {
          process.stdout.write(JSON.stringify(result.evaluations.map(toJson), null, 2) + '\n');
          return;
        }
        for (const e of result.evaluations) {
          process.stdout.write(`${e.target.padEnd(28)} ${labels[e.status].padEnd(16)} ${e.explanation.zh}\n`);
        }
        return Promise.resolve();
      }),
    );
}
