/** `shixiao status PLAN_FILE [--as-of DATE] [--json]`: every target's status from a plan file. */
import type { Command } from 'commander';
import { evaluatePlan, type TargetEvaluation } from '../../domain/targets';
import { CliError } from '../errors';
import { jsonList, pick } from '../json';
import { planFileCommand, readPlanFile } from './plan-files';
import type { CliContext } from '../options';

const labels: Record<TargetEvaluation['status'], string> = {
  achieved: '已实现 achieved',
  on_track: '正常 on track',
  at_risk: '预警 at risk',
  off_track: '滞后 off track',
  no_data: '无数据 no data',
};

/** The CONTRACT.md object first, then the fields that explain it. */
const toJson = (e: TargetEvaluation) =>
  pick(e, [
    'target',
    'indicator',
    'status',
    'as_of',
    'latest',
    'expected',
    'ratio',
    'projection',
    'kind',
    'stale',
    'required_growth',
    'baseline',
    'explanation',
  ]);

export function registerStatusCommand(program: Command, cli: CliContext): void {
  const describe = "print every target's status as of a date (default today)";
  planFileCommand(program, cli, 'status <planFile>', describe, (file, opts) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf) || Number.isNaN(Date.parse(opts.asOf))) {
      throw new CliError(`--as-of ${opts.asOf}: not a date (use YYYY-MM-DD)`);
    }
    const result = evaluatePlan(readPlanFile(file, 'stderr'), opts.asOf);
    if (!result.ok) throw new CliError(`${file}: ${result.reason}`);
    if (opts.json) {
      process.stdout.write(jsonList(result.evaluations, toJson));
      return;
    }
    for (const e of result.evaluations) {
      process.stdout.write(`${e.target.padEnd(28)} ${labels[e.status].padEnd(16)} ${e.explanation.zh}\n`);
    }
  });
}
