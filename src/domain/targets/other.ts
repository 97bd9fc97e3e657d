/** Targets without an indicator series: milestones (done by a date) and qualitative ratings. */
import { daysBetween } from '../periods';
import { noData, nothingKnown, type RuleOutcome } from './explain';
import type { EvaluationSettings, TargetInput } from './types';

/** Milestone: achieved once done; at_risk within the warning window before `due`; off_track after. */
export function milestoneRule(target: TargetInput, asOf: string, settings: EvaluationSettings): RuleOutcome {
  const due = target.due;
  if (!due) return noData('未设定完成时限', 'No due date.');
  if (target.done && target.done <= asOf) {
    const late = daysBetween(due, target.done);
    return {
      ...nothingKnown,
      status: 'achieved',
      explanation: {
        zh:
          late > 0
            ? `已于${target.done}完成，晚于${due}时限${late}天`
            : `已于${target.done}完成（时限${due}）`,
        en:
          late > 0
            ? `Done on ${target.done}, ${late} days after the due date ${due}.`
            : `Done on ${target.done} (due ${due}).`,
      },
    };
  }
  const left = daysBetween(asOf, due);
  if (left < 0) {
    return {
      ...nothingKnown,
      status: 'off_track',
      explanation: {
        zh: `已超过${due}时限${-left}天，尚未完成`,
        en: `Not done, ${-left} days past the due date ${due}.`,
      },
    };
  }
  return {
    ...nothingKnown,
    status: left <= settings.milestone_warning_days ? 'at_risk' : 'on_track',
    explanation: {
      zh: `距${due}时限还有${left}天，尚未完成`,
      en: `Not done yet; ${left} days to the due date ${due}.`,
    },
  };
}

/** Qualitative target: the reviewer's rating, else no_data. */
export function qualitativeRule(target: TargetInput): RuleOutcome {
  if (!target.rating) return noData('尚无评议结果', 'Not yet rated by a reviewer.');
  const zh = { achieved: '已实现', on_track: '进展正常', at_risk: '存在风险', off_track: '进度滞后' }[
    target.rating
  ];
  return {
    ...nothingKnown,
    status: target.rating,
    explanation: { zh: `评议结果：${zh}`, en: `Reviewer's rating: ${target.rating.replace('_', ' ')}.` },
  };
}
