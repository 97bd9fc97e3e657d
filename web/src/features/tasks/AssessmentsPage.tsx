/**
 * `/tasks/assessments`: qualitative and milestone targets (法治建设走在全市前列 …), each with its
 * latest assessment (达成 / 基本达成 / 未达成 and the reason) beside the linked tasks' progress;
 * the supervisor records a period's assessment (a new version; earlier ones stay readable).
 */
import { Alert, Button, Input } from 'antd';
import { useState } from 'react';
import type { AssessmentRating, TargetAssessments } from '../../../../src/contracts/tasks';
import { Link } from '../../router';
import { formatInstant } from '../admin/formatInstant';
import { problemText } from '../auth/problemMessage';
import { useMessage } from '../common/LightApp';
import { useSession } from '../auth/SessionContext';
import { Loaded } from '../common/Loading';
import { useAsync } from '../common/useAsync';
import type { PlanData } from '../plan/PlanContext';
import { StateTag } from './taskLook';
import { assessTarget, getAssessments } from './tasksApi';
import { useTasksI18n } from './tasksDict';

// The contract's ratings (typed against it; importing the zod schema would ship zod to the browser).
const assessmentRatings: AssessmentRating[] = ['achieved', 'mostly_achieved', 'not_achieved'];
const assessedKinds = new Set(['qualitative', 'milestone']);
const ratingColor: Record<AssessmentRating, string> = {
  achieved: '#237a3b',
  mostly_achieved: '#8a5a00',
  not_achieved: '#b42318',
};

type AssessFormProps = { plan: string; target: string; onDone: (a: TargetAssessments) => void };

function AssessForm({ plan, target, onDone }: AssessFormProps) {
  const { tt } = useTasksI18n();
  const message = useMessage();
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [rating, setRating] = useState<AssessmentRating | ''>('');
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!rating) return;
    setBusy(true);
    setError(null);
    try {
      const current = await getAssessments(plan, target);
      const seen = current.current.find((a) => a.period === period);
      const next = await assessTarget(plan, target, {
        period,
        rating,
        reason: reason.trim(),
        evidence: evidence.trim() || null,
        ...(seen ? { if_version: seen.version } : {}),
      });
      void message.success(tt('tkAssessSaved', { period, rating: tt(`rating_${rating}`) }), 5);
      setReason('');
      setEvidence('');
      onDone(next);
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  const id = (s: string) => `sx-as-${target}-${s}`;
  return (
    <form className="sx-tk-assess-form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      {error && <Alert type="error" showIcon title={error} />}
      <div className="sx-tk-field">
        <label htmlFor={id('period')}>{tt('tkAssessPeriod')}</label>
        <input
          id={id('period')}
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
          pattern="\d{4}(-Q[1-4]|-\d{2})?"
          size={10}
        />
      </div>
      <fieldset>
        <legend>{tt('tkRating')}</legend>
        {assessmentRatings.map((r) => (
          <label key={r} className="sx-tk-radio">
            <input
              type="radio"
              name={id('rating')}
              value={r}
              checked={rating === r}
              onChange={() => setRating(r)}
            />{' '}
            {tt(`rating_${r}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={id('reason')}>{tt('tkReason')} *</label>
      <Input.TextArea
        id={id('reason')}
        rows={2}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <label htmlFor={id('evidence')}>{tt('tkEvidenceWhere')}</label>
      <Input
        id={id('evidence')}
        maxLength={2000}
        value={evidence}
        onChange={(e) => setEvidence(e.target.value)}
      />
      <Button type="primary" htmlType="submit" loading={busy} disabled={!rating || reason.trim() === ''}>
        {tt('tkAssessSubmit')}
      </Button>
    </form>
  );
}

function TargetCard({ plan, text, initial }: { plan: string; text: string; initial: TargetAssessments }) {
  const { tt, lang } = useTasksI18n();
  const session = useSession();
  const [a, setA] = useState(initial);
  const [assessing, setAssessing] = useState(false);
  const latest = [...a.current].sort((x, y) => (x.period < y.period ? 1 : -1))[0];
  return (
    <article className="sx-tk-panel sx-tk-assess" id={a.target} aria-labelledby={`sx-as-h-${a.target}`}>
      <h2 id={`sx-as-h-${a.target}`}>{text}</h2>
      <div className="sx-tk-assess-grid">
        <div>
          <h3>{tt('tkAssessCurrent')}</h3>
          {latest ? (
            <p>
              <strong style={{ color: ratingColor[latest.rating] }}>
                {latest.period} · {tt(`rating_${latest.rating}`)}
              </strong>
              {latest.illustrative && <span className="sx-tk-illustrative">{tt('tkIllustrative')}</span>}
              <br />
              {latest.reason}
              {latest.evidence && <span className="sx-tk-muted"> （{latest.evidence}）</span>}
              <br />
              <span className="sx-tk-muted">
                {tt('tkRecordedBy', {
                  who: latest.recorded_by,
                  at: formatInstant(latest.recorded_at, lang),
                  v: latest.version,
                })}
              </span>
            </p>
          ) : (
            <p className="sx-tk-muted">{tt('tkAssessNone')}</p>
          )}
          {a.history.length > a.current.length && (
            <details>
              <summary>{tt('tkHistory')}</summary>
              <ul className="sx-tk-plain">
                {a.history.map((h) => (
                  <li key={`${h.period}|${h.version}`}>
                    {h.period} · {tt(`rating_${h.rating}`)} · {h.reason} ·{' '}
                    <span className="sx-tk-muted">
                      {tt('tkRecordedBy', {
                        who: h.recorded_by,
                        at: formatInstant(h.recorded_at, lang),
                        v: h.version,
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {session.can('task:supervise') &&
            (assessing ? (
              <AssessForm
                plan={plan}
                target={a.target}
                onDone={(next) => {
                  setA(next);
                  setAssessing(false);
                }}
              />
            ) : (
              <Button onClick={() => setAssessing(true)} aria-expanded={false}>
                {tt('tkAssess')}
              </Button>
            ))}
        </div>
        <div>
          <h3>{tt('tkLinkedTasks')}</h3>
          {a.tasks.length === 0 ? (
            <p className="sx-tk-muted">{tt('tkNoLinkedTasks')}</p>
          ) : (
            <ul className="sx-tk-plain">
              {a.tasks.map((t) => (
                <li key={t.id}>
                  <Link href={`/tasks/${encodeURIComponent(t.id)}`}>{t.title}</Link> ·{' '}
                  <StateTag state={t.state} /> · <strong>{t.percent}%</strong>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </article>
  );
}

export function AssessmentsPage({ plan }: { plan: PlanData }) {
  const { tt, pick } = useTasksI18n();
  const code = plan.detail.plan.id;
  const targets = plan.detail.targets.filter((t) => assessedKinds.has(t.kind));
  const state = useAsync(
    (signal) => Promise.all(targets.map((t) => getAssessments(code, t.id, signal))),
    `${code}|${targets.length}`,
  );
  return (
    <>
      <h1>{tt('tkAssessments')}</h1>
      <p className="sx-tk-intro">{tt('tkAssessIntro')}</p>
      <Loaded state={state}>
        {(all) =>
          all.map((a, i) => {
            const t = targets[i];
            return (
              <TargetCard
                key={a.target}
                plan={code}
                text={t ? pick(t.text ?? t.id, t.text_en) : a.target}
                initial={a}
              />
            );
          })
        }
      </Loaded>
    </>
  );
}
