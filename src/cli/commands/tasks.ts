/** `shixiao tasks PLAN_FILE [--as-of DATE] [--json]`: every task's light and escalation from a plan file. */
import type { Command } from 'commander';
import { isIsoDate } from '../../domain/periods';
import {
  type EscalationStep,
  evaluatePlanTasks,
  formatTaskReason,
  type TaskEvaluation,
  type TaskLight,
  type TaskState,
} from '../../domain/tasks';
import { CliError } from '../errors';
import { jsonList, pick } from '../json';
import { planFileCommand, readPlanFile } from './plan-files';
import type { CliContext } from '../options';

const stateLabels: Record<TaskState, string> = {
  assigned: '交办 assigned',
  accepted: '签收 accepted',
  in_progress: '推进中 in progress',
  completion_requested: '申请办结 completion requested',
  completed: '办结 completed',
  returned: '退回 returned',
  extension_requested: '申请延期 extension requested',
};
const lightLabels: Record<TaskLight, string> = {
  blue: '蓝 blue',
  green: '绿 green',
  yellow: '黄 yellow',
  red: '红 red',
};
const escalationLabels: Record<EscalationStep, string> = {
  none: '-',
  reminder: '提醒 reminder',
  urge: '催办 urge',
  notice: '督办 notice',
};

/** Exactly the CONTRACT.md object, reasons in Chinese. */
const toJson = (e: TaskEvaluation) => ({
  ...pick(e, ['task', 'as_of', 'state', 'light', 'escalation', 'due', 'percent', 'expected_percent']),
  reasons: e.reasons.map((r) => formatTaskReason(r, 'zh')),
});

function toLine(e: TaskEvaluation): string {
  const reasons = e.reasons.map((r) => formatTaskReason(r, 'zh')).join('；');
  return [
    e.task.padEnd(20),
    stateLabels[e.state].padEnd(20),
    lightLabels[e.light].padEnd(10),
    escalationLabels[e.escalation].padEnd(12),
    `${e.percent}%/${Math.round(e.expected_percent)}%`.padEnd(10),
    reasons,
  ].join(' ');
}

export function registerTasksCommand(program: Command, cli: CliContext): void {
  const describe = "print every task's state, light, escalation and reasons as of a date (default today)";
  planFileCommand(program, cli, 'tasks <planFile>', describe, (file, opts) => {
    if (!isIsoDate(opts.asOf)) throw new CliError(`--as-of ${opts.asOf}: not a date (use YYYY-MM-DD)`);
    const evaluations = evaluatePlanTasks(readPlanFile(file, 'counted'), opts.asOf);
    if (opts.json) {
      process.stdout.write(jsonList(evaluations, toJson));
      return;
    }
    if (evaluations.length === 0) process.stdout.write(`${file}: no tasks · 没有任务\n`);
    for (const e of evaluations) process.stdout.write(toLine(e) + '\n');
  });
}
