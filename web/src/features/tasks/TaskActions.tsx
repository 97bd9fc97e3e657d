/**
 * The steps the caller may take on the task now (the domain's transition table decides which):
 * the lead department's 签收/开始/申请办结/申请延期, the supervisor's 办结/退回/同意或不同意延期. Each
 * step asks for confirmation (it cannot be undone) and says what happened when it is done.
 */
import { Alert, Button, Modal } from 'antd';
import { useState } from 'react';
import type { TaskDetail } from '../../../../src/contracts/tasks';
import { allowedActions, transitionRules, type TaskAction } from '../../../../src/domain/tasks/workflow';
import { problemText } from '../auth/problemMessage';
import { useMessage } from '../common/LightApp';
import { NoteField } from '../common/NoteField';
import { useSession } from '../auth/SessionContext';
import { stepTask } from './tasksApi';
import { useTasksI18n } from './tasksDict';

// Steps that must say why; the API refuses them without a comment.
const reasoned = new Set<TaskAction>(['decline', 'return', 'reopen']);
const dangerous = new Set<TaskAction>(['decline', 'return', 'refuse_extension', 'reopen']);

/** The actions of the caller: as the lead department's member, and as the supervisor. */
export function useTaskRoles(task: TaskDetail) {
  const session = useSession();
  const mine = new Set((session.user?.departments ?? []).map((d) => d.id));
  const write = session.can('task:write');
  const lead = write && task.lead_department !== null && mine.has(task.lead_department.id);
  const co = write && task.co_departments.some((d) => mine.has(d.id));
  const supervisor = session.can('task:supervise');
  return { lead, co, supervisor, coDepartments: task.co_departments.filter((d) => mine.has(d.id)) };
}

export function TaskActions({
  plan,
  task,
  onChange,
}: {
  plan: string;
  task: TaskDetail;
  onChange: (t: TaskDetail) => void;
}) {
  const { tt } = useTasksI18n();
  const message = useMessage();
  const roles = useTaskRoles(task);
  const [open, setOpen] = useState<TaskAction | null>(null);
  const [comment, setComment] = useState('');
  const [newDue, setNewDue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actions = [
    ...(roles.lead ? allowedActions(task.state, 'lead_department') : []),
    ...(roles.supervisor ? allowedActions(task.state, 'supervisor') : []),
  ];
  const pending = task.extensions.find((e) => e.decision === 'pending');

  const start = (a: TaskAction) => {
    setComment('');
    setNewDue('');
    setError(null);
    setOpen(a);
  };
  const missing =
    open === null
      ? false
      : open === 'request_extension'
        ? newDue === '' || comment.trim() === ''
        : reasoned.has(open) && comment.trim() === '';
  const submit = async () => {
    if (!open) return;
    setBusy(true);
    setError(null);
    try {
      const text = comment.trim();
      const body =
        open === 'request_extension'
          ? { if_version: task.version, new_due: newDue, reason: text }
          : { if_version: task.version, ...(text ? { comment: text } : {}) };
      const next = await stepTask(plan, task.id, open, body);
      void message.success(
        tt('tkDoneMsg', { action: tt(`act_${open}`), title: next.title, state: tt(`state_${next.state}`) }),
        5,
      );
      setOpen(null);
      onChange(next);
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sx-tk-actions" className="sx-tk-panel sx-tk-actions-panel">
      <h2 id="sx-tk-actions">{tt('tkActions')}</h2>
      {pending && (
        <p>
          {tt('tkExtensions')}：
          {tt('tkExtLine', { from: pending.previous_due, to: pending.requested_due, reason: pending.reason })}
        </p>
      )}
      {actions.length === 0 ? (
        <p className="sx-tk-muted">{tt('tkNoActions')}</p>
      ) : (
        <div className="sx-tk-buttons">
          {actions.map((a) => (
            <Button
              key={a}
              type={dangerous.has(a) ? 'default' : 'primary'}
              danger={dangerous.has(a)}
              onClick={() => start(a)}
            >
              {tt(`act_${a}`)}
            </Button>
          ))}
        </div>
      )}
      <Modal
        open={open !== null}
        title={open ? tt('tkConfirm', { action: tt(`act_${open}`) }) : ''}
        okText={open ? tt(`act_${open}`) : tt('tkOk')}
        cancelText={tt('tkCancel')}
        okButtonProps={{ danger: open !== null && dangerous.has(open), disabled: missing, loading: busy }}
        onCancel={() => setOpen(null)}
        onOk={() => void submit()}
        destroyOnHidden
      >
        {open && (
          <>
            <p>
              {tt('tkConfirmBody', { title: task.title, state: tt(`state_${transitionRules[open].to}`) })}
            </p>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
            {open === 'request_extension' && (
              <p>
                <label htmlFor="sx-tk-newdue">{tt('tkNewDue')}</label>
                <br />
                <input
                  id="sx-tk-newdue"
                  type="date"
                  className="sx-tk-date"
                  min={task.due ?? undefined}
                  value={newDue}
                  onChange={(e) => setNewDue(e.target.value)}
                />
              </p>
            )}
            <NoteField
              id="sx-tk-comment"
              label={
                <>
                  {open === 'request_extension' ? tt('tkExtReason') : tt('tkComment')}
                  {(reasoned.has(open) || open === 'request_extension') && ' *'}
                </>
              }
              rows={3}
              maxLength={2000}
              value={comment}
              onChange={setComment}
            />
          </>
        )}
      </Modal>
    </section>
  );
}
