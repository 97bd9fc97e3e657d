/**
 * One progress report: its status, percent, 进展/问题/打算, the co-operating departments' parts,
 * evidence files, the review; and what the caller may do with it — the supervisor accepts or
 * returns it with a comment, a co-operating department adds its part.
 */
import { Alert, Button } from 'antd';
import { Fragment, useState } from 'react';
import type { TaskDetail, TaskReport } from '../../../../src/contracts/tasks';
import { formatPeriod } from '../../format';
import { formatInstant } from '../admin/formatInstant';
import { problemText } from '../auth/problemMessage';
import { ConfirmModal } from '../common/ConfirmModal';
import { useMessage } from '../common/LightApp';
import { NoteField } from '../common/NoteField';
import { useSession } from '../auth/SessionContext';
import { deptName } from './planNames';
import { useTaskRoles } from './TaskActions';
import { evidenceHref, putPart, reviewReport } from './tasksApi';
import { useTasksI18n } from './tasksDict';

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;

export function ReportCard(props: {
  plan: string;
  task: TaskDetail;
  report: TaskReport;
  onChange: (t: TaskDetail) => void;
}) {
  const { plan, task, report: r } = props;
  const { tt, lang } = useTasksI18n();
  const message = useMessage();
  const session = useSession();
  const roles = useTaskRoles(task);
  const [comment, setComment] = useState('');
  const [part, setPart] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const depts = new Map(
    [...task.co_departments, ...(task.lead_department ? [task.lead_department] : [])].map((d) => [d.id, d]),
  );
  const own = session.user?.display_name === r.submitted_by || session.user?.username === r.submitted_by;
  const canReview = roles.supervisor && r.status === 'submitted' && !own;
  const myCo = roles.coDepartments[0];
  const canPart = roles.co && r.status !== 'accepted' && myCo !== undefined;

  const run = async (work: () => Promise<TaskDetail>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await work();
      void message.success(done, 5);
      setComment('');
      setPart('');
      props.onChange(next);
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  const [confirming, setConfirming] = useState<'accept' | 'return' | null>(null);
  const review = async (decision: 'accept' | 'return') => {
    const text = comment.trim();
    await run(
      () =>
        reviewReport(plan, task.id, r.period, {
          if_version: r.version,
          decision,
          ...(text ? { comment: text } : {}),
        }),
      tt(decision === 'accept' ? 'tkReportAccepted' : 'tkReportReturned', {
        period: formatPeriod(r.period, lang),
      }),
    );
    setConfirming(null);
  };
  const word = (d: 'accept' | 'return') => (d === 'accept' ? tt('tkAcceptReport') : tt('tkReturnReport'));

  return (
    <article
      className={`sx-tk-report sx-tk-report-${r.status}`}
      data-period={r.period}
      aria-label={`${tt('tkPeriod')} ${formatPeriod(r.period, lang)}`}
    >
      <header>
        <h3>{formatPeriod(r.period, lang)}</h3>
        <span className={`sx-tk-rep sx-tk-rep-${r.status}`}>{tt(`rep_${r.status}`)}</span>
        <strong>{r.percent}%</strong>
        {r.illustrative && <span className="sx-tk-illustrative">{tt('tkIllustrative')}</span>}
      </header>
      <dl className="sx-tk-dl">
        <dt>{tt('tkProgress')}</dt>
        <dd>{r.progress}</dd>
        {r.problems && (
          <>
            <dt>{tt('tkProblems')}</dt>
            <dd>{r.problems}</dd>
          </>
        )}
        {r.next_steps && (
          <>
            <dt>{tt('tkNextSteps')}</dt>
            <dd>{r.next_steps}</dd>
          </>
        )}
        {r.parts.map((p) => (
          <Fragment key={p.department}>
            <dt>{deptName(depts.get(p.department) ?? null, lang)}</dt>
            <dd>{p.content}</dd>
          </Fragment>
        ))}
        {r.evidence.length > 0 && (
          <>
            <dt>{tt('tkEvidence')}</dt>
            <dd>
              {r.evidence.map((e) => (
                <a key={e.id} href={evidenceHref(e.id)} className="sx-tk-file">
                  {e.file_name} ({kb(e.size)})
                </a>
              ))}
            </dd>
          </>
        )}
      </dl>
      <p className="sx-tk-muted">
        {r.submitted_by &&
          r.submitted_at &&
          tt('tkSubmittedBy', {
            who: r.submitted_by === 'import' ? tt('actorImport') : r.submitted_by,
            at: formatInstant(r.submitted_at, lang),
          })}
        {r.reviewed_by &&
          r.reviewed_at &&
          ` · ${tt('tkReviewedBy', { who: r.reviewed_by, at: formatInstant(r.reviewed_at, lang) })}`}
      </p>
      {r.review_comment && (
        <p className="sx-tk-note">
          {tt('tkReviewComment')}：{r.review_comment}
        </p>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ margin: '8px 0' }} />}
      {canReview && (
        <div className="sx-tk-review">
          <NoteField
            id={`sx-rv-${r.period}`}
            label={
              <>
                {tt('tkReviewComment')} <span className="sx-tk-muted">（{tt('tkReviewCommentHint')}）</span>
              </>
            }
            rows={2}
            maxLength={2000}
            value={comment}
            onChange={setComment}
          />
          <div className="sx-tk-buttons">
            <Button type="primary" loading={busy} onClick={() => setConfirming('accept')}>
              {tt('tkAcceptReport')}
            </Button>
            <Button
              danger
              loading={busy}
              disabled={comment.trim() === ''}
              onClick={() => setConfirming('return')}
            >
              {tt('tkReturnReport')}
            </Button>
          </div>
        </div>
      )}
      <ConfirmModal
        open={confirming !== null}
        title={
          confirming ? tt('tkConfirm', { action: `${word(confirming)} ${formatPeriod(r.period, lang)}` }) : ''
        }
        okText={confirming ? word(confirming) : tt('tkOk')}
        danger={confirming === 'return'}
        busy={busy}
        onCancel={() => setConfirming(null)}
        onOk={() => confirming && void review(confirming)}
      >
        {comment.trim()
          ? `${tt('tkReviewComment')}：${comment.trim()}`
          : tt('tkConfirmReview', { period: formatPeriod(r.period, lang) })}
      </ConfirmModal>
      {canPart && (
        <div className="sx-tk-review">
          <NoteField
            id={`sx-part-${r.period}`}
            label={tt('tkAddPart')}
            rows={2}
            maxLength={5000}
            value={part}
            onChange={setPart}
          />
          <Button
            loading={busy}
            disabled={part.trim() === ''}
            onClick={() =>
              void run(
                () => putPart(plan, task.id, r.period, { content: part.trim(), department: myCo.id }),
                tt('tkPartSaved'),
              )
            }
          >
            {tt('tkAddPart')}
          </Button>
        </div>
      )}
    </article>
  );
}
