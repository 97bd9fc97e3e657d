/**
 * `/tasks/review` (待我审核): the progress reports and extension requests waiting for the
 * supervisor, oldest first, by name. 通过 / 退回 reuse the task page's review calls with the
 * version each item carries; both ask first (a decision cannot be undone) and say what was done.
 */
import { Alert, Button } from 'antd';
import { useState } from 'react';
import type { ReviewQueueItem } from '../../../../src/contracts/tasks';
import { formatPeriod } from '../../format';
import { Link } from '../../router';
import { formatInstant } from '../admin/formatInstant';
import { problemText } from '../auth/problemMessage';
import { ConfirmModal } from '../common/ConfirmModal';
import { useMessage } from '../common/LightApp';
import { Loaded } from '../common/Loading';
import { SimpleTable } from '../common/SimpleTable';
import { useAsync } from '../common/useAsync';
import { NoteField } from '../common/NoteField';
import type { PlanData } from '../plan/PlanContext';
import { deptName } from './planNames';
import { getReviewQueue, reviewReport, stepTask } from './tasksApi';
import { useTasksI18n } from './tasksDict';

type Decision = 'approve' | 'return';
const keyOf = (i: ReviewQueueItem) => `${i.kind}|${i.task}|${i.period ?? ''}`;

export function ReviewPage({ plan }: { plan: PlanData }) {
  const { tt, lang } = useTasksI18n();
  const message = useMessage();
  const code = plan.detail.plan.id;
  const [round, setRound] = useState(0);
  const state = useAsync((signal) => getReviewQueue(code, signal), `${code}#${round}`);
  const [open, setOpen] = useState<{ item: ReviewQueueItem; decision: Decision } | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const what = (i: ReviewQueueItem) =>
    i.kind === 'report'
      ? tt('tkRqWhatReport', { title: i.title, period: formatPeriod(i.period ?? '', lang) })
      : tt('tkRqWhatExtension', { title: i.title });
  const resultOf = (i: ReviewQueueItem, d: Decision) =>
    i.kind === 'report'
      ? tt(d === 'approve' ? 'tkRqReportApproved' : 'tkRqReportReturned', { what: what(i) })
      : d === 'approve'
        ? tt('tkRqExtensionApproved', { what: what(i), due: i.requested_due ?? '' })
        : tt('tkRqExtensionRefused', { what: what(i) });
  const buttonOf = (i: ReviewQueueItem, d: Decision) =>
    i.kind === 'report'
      ? tt(d === 'approve' ? 'tkRqApprove' : 'tkReturnReport')
      : tt(d === 'approve' ? 'act_approve_extension' : 'act_refuse_extension');

  const ask = (item: ReviewQueueItem, decision: Decision) => {
    setComment('');
    setError(null);
    setOpen({ item, decision });
  };
  const decide = async () => {
    if (!open) return;
    const { item, decision } = open;
    const text = comment.trim();
    setBusy(true);
    setError(null);
    try {
      if (item.kind === 'report') {
        await reviewReport(code, item.task, item.period ?? '', {
          if_version: item.if_version,
          decision: decision === 'approve' ? 'accept' : 'return',
          ...(text ? { comment: text } : {}),
        });
      } else {
        await stepTask(code, item.task, decision === 'approve' ? 'approve_extension' : 'refuse_extension', {
          if_version: item.if_version,
          ...(text ? { comment: text } : {}),
        });
      }
      const said = resultOf(item, decision);
      void message.success(said, 5);
      setDone(said);
      setOpen(null);
      setRound((n) => n + 1);
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  const needsComment = open?.item.kind === 'report' && open.decision === 'return';

  return (
    <>
      <h1>{tt('tkReview')}</h1>
      <p className="sx-tk-intro">{tt('tkRqIntro')}</p>
      {done && (
        <Alert
          type="success"
          showIcon
          title={done}
          role="status"
          className="sx-tk-rq-done"
          style={{ marginBottom: 12 }}
        />
      )}
      <Loaded state={state}>
        {(queue) => (
          <SimpleTable<ReviewQueueItem>
            rowKey={keyOf}
            size="small"
            dataSource={queue.items}
            empty={tt('tkRqEmpty')}
            scroll={{ x: 760 }}
            rowClassName={() => 'sx-tk-row sx-tk-rq-row'}
            columns={[
              {
                key: 'kind',
                title: tt('tkRqKind'),
                render: (_, i) => (
                  <span className={`sx-tk-nowrap sx-tk-rq-kind sx-tk-rq-${i.kind}`}>
                    {tt(i.kind === 'report' ? 'tkRqReport' : 'tkRqExtension')}
                  </span>
                ),
              },
              {
                key: 'task',
                title: tt('tkTitle'),
                width: '26%',
                render: (_, i) => (
                  <>
                    <Link className="sx-tk-title" href={`/tasks/${encodeURIComponent(i.task)}`}>
                      {i.title}
                    </Link>
                    {i.illustrative && <span className="sx-tk-illustrative">{tt('tkIllustrative')}</span>}
                  </>
                ),
              },
              { key: 'lead', title: tt('tkLead'), render: (_, i) => deptName(i.department, lang) },
              {
                key: 'by',
                title: tt('tkRqBy'),
                render: (_, i) => (
                  <span className="sx-tk-nowrap">
                    {i.submitted_by === 'import' ? tt('actorImport') : i.submitted_by}
                  </span>
                ),
              },
              {
                key: 'at',
                title: tt('tkRqAt'),
                render: (_, i) => (i.submitted_at ? formatInstant(i.submitted_at, lang) : '—'),
              },
              {
                key: 'what',
                title: tt('tkRqContent'),
                width: '28%',
                render: (_, i) =>
                  i.kind === 'report' ? (
                    <>
                      <strong>
                        {formatPeriod(i.period ?? '', lang)} · {i.percent}%
                      </strong>
                      <div className="sx-tk-muted sx-tk-rq-text">{i.progress}</div>
                    </>
                  ) : (
                    <>
                      <strong>
                        {tt('tkRqDueChange', { from: i.previous_due ?? '—', to: i.requested_due ?? '' })}
                      </strong>
                      <div className="sx-tk-muted sx-tk-rq-text">
                        {tt('tkReason')}：{i.reason}
                      </div>
                    </>
                  ),
              },
              {
                key: 'do',
                title: tt('tkRqActions'),
                render: (_, i) => (
                  <div className="sx-tk-buttons sx-tk-nowrap">
                    <Button size="small" type="primary" onClick={() => ask(i, 'approve')}>
                      {buttonOf(i, 'approve')}
                    </Button>
                    <Button size="small" onClick={() => ask(i, 'return')}>
                      {buttonOf(i, 'return')}
                    </Button>
                  </div>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      <ConfirmModal
        open={open !== null}
        title={
          open ? tt('tkConfirm', { action: `${buttonOf(open.item, open.decision)}：${what(open.item)}` }) : ''
        }
        okText={open ? buttonOf(open.item, open.decision) : tt('tkOk')}
        danger={open?.decision === 'return'}
        busy={busy}
        okDisabled={needsComment && comment.trim() === ''}
        onCancel={() => setOpen(null)}
        onOk={() => void decide()}
      >
        <p>{tt('tkRqIrreversible')}</p>
        <NoteField
          id="sx-rq-comment"
          label={
            <>
              {tt('tkReviewComment')}{' '}
              <span className="sx-tk-muted">
                （{tt(needsComment ? 'tkReviewCommentHint' : 'tkRqOptional')}）
              </span>
            </>
          }
          rows={2}
          maxLength={2000}
          value={comment}
          onChange={setComment}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      </ConfirmModal>
    </>
  );
}
