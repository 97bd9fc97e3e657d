/**
 * Why a task has its light and escalation: structured reasons ({code, params}) that storage and
 * the API can keep, and a formatter to Chinese (the default) and English.
 */
import { periodInWords } from '../periods/words';

/** What a date belongs to: the task itself, one of its milestones, or the report of a period. */
export type DueItem =
  | { readonly kind: 'task' }
  | { readonly kind: 'milestone'; readonly title: string }
  | { readonly kind: 'report'; readonly period: string };

export type TaskReason =
  | { readonly code: 'completed'; readonly params: Record<string, never> }
  | { readonly code: 'not_started'; readonly params: { readonly start: string } }
  | {
      readonly code: 'overdue';
      /** `notice`: overdue by more than notice_after_days (督办). */
      readonly params: {
        readonly item: DueItem;
        readonly date: string;
        readonly days: number;
        readonly notice: boolean;
      };
    }
  | {
      readonly code: 'due_soon';
      readonly params: { readonly item: DueItem; readonly date: string; readonly days: number };
    }
  | {
      readonly code: 'lagging';
      readonly params: {
        readonly expected: number;
        readonly percent: number;
        readonly lag: number;
        readonly limit: number;
      };
    };

export type TaskReasonCode = TaskReason['code'];
export type ReasonLanguage = 'zh' | 'en';

/** One decimal at most, for display only (the rules compare unrounded numbers). */
function num(x: number): string {
  return String(Math.round(x * 10) / 10);
}

function itemZh(item: DueItem): string {
  switch (item.kind) {
    case 'task':
      return '任务';
    case 'milestone':
      return `节点“${item.title}”`;
    case 'report':
      return `${periodInWords(item.period, 'zh')}进展报告`;
  }
}

function itemEn(item: DueItem): string {
  switch (item.kind) {
    case 'task':
      return 'the task';
    case 'milestone':
      return `milestone “${item.title}”`;
    case 'report':
      return `the progress report for ${periodInWords(item.period, 'en')}`;
  }
}

function zh(r: TaskReason): string {
  switch (r.code) {
    case 'completed':
      return '已办结';
    case 'not_started':
      return `尚未开始（${r.params.start}开始）`;
    case 'overdue': {
      const base = `${itemZh(r.params.item)}已于${r.params.date}到期，逾期${r.params.days}天`;
      return r.params.notice ? `${base}，已超过督办期限` : base;
    }
    case 'due_soon':
      return `${itemZh(r.params.item)}将于${r.params.date}到期`;
    case 'lagging':
      return `进度滞后：按时间应完成${num(r.params.expected)}%，最新报告${num(r.params.percent)}%，相差${num(r.params.lag)}个百分点（超过${num(r.params.limit)}）`;
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function en(r: TaskReason): string {
  switch (r.code) {
    case 'completed':
      return 'Completed';
    case 'not_started':
      return `Not started yet (starts ${r.params.start})`;
    case 'overdue': {
      const base = `${cap(itemEn(r.params.item))} was due on ${r.params.date}, ${r.params.days} day${r.params.days === 1 ? '' : 's'} overdue`;
      return r.params.notice ? `${base}, past the notice limit` : base;
    }
    case 'due_soon':
      return `${cap(itemEn(r.params.item))} falls due on ${r.params.date}`;
    case 'lagging':
      return `Progress lags: ${num(r.params.expected)}% expected by now, ${num(r.params.percent)}% reported, ${num(r.params.lag)} points behind (more than ${num(r.params.limit)})`;
  }
}

/** A reason as a sentence, Chinese by default. */
export function formatTaskReason(reason: TaskReason, language: ReasonLanguage = 'zh'): string {
  return language === 'zh' ? zh(reason) : en(reason);
}
