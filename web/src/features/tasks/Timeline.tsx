/** Everything that happened to a task, newest first: who, when, what, the state change and the note. */
import type { TaskDetail } from '../../../../src/contracts/tasks';
import { formatInstant } from '../admin/formatInstant';
import { type TasksKey, useTasksI18n } from './tasksDict';

const known = new Set<string>([
  'create',
  'bulk_create',
  'edit',
  'import',
  'import_update',
  'report_submit',
  'report_edit',
  'report_part',
  'report_accept',
  'report_return',
  'report_evidence',
  'reminder',
  'urge',
  'notice',
]);
const actions = new Set<string>([
  'accept',
  'decline',
  'start',
  'request_completion',
  'approve_completion',
  'return',
  'reassign',
  'reopen',
  'request_extension',
  'approve_extension',
  'refuse_extension',
]);

export function Timeline({ task }: { task: TaskDetail }) {
  const { tt, lang } = useTasksI18n();
  const word = (kind: string) =>
    known.has(kind) ? tt(`ev_${kind}` as TasksKey) : actions.has(kind) ? tt(`act_${kind}` as TasksKey) : kind;
  const state = (s: string) => tt(`state_${s}` as TasksKey);
  const events = [...task.timeline].reverse();
  return (
    <section aria-labelledby="sx-tk-timeline" className="sx-tk-panel">
      <h2 id="sx-tk-timeline">{tt('tkTimeline')}</h2>
      {events.length === 0 ? (
        <p className="sx-tk-muted">{tt('tkTimelineEmpty')}</p>
      ) : (
        <ol className="sx-tk-timeline">
          {events.map((e, i) => (
            <li key={`${e.at}|${i}`}>
              <div className="sx-tk-muted">
                <time dateTime={e.at}>{formatInstant(e.at, lang)}</time> ·{' '}
                {e.actor === 'import' ? tt('actorImport') : e.actor}
              </div>
              <div>
                <strong>{word(e.kind)}</strong>
                {e.from_state && e.to_state && e.from_state !== e.to_state && (
                  <span className="sx-tk-muted">
                    {' '}
                    （{tt('tkStateChange', { from: state(e.from_state), to: state(e.to_state) })}）
                  </span>
                )}
              </div>
              {e.note && <div className="sx-tk-note">{e.note}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
