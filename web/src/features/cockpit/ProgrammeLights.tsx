/**
 * The 12 programmes with the red / yellow / green / done count of their tasks, from the cockpit's
 * own answer. Each programme unfolds into its tasks, red first, each a link to the task's page
 * (its timeline). Lights are a word and a number, never a colour alone.
 */
import type { Cockpit, CockpitTask } from '../../../../src/contracts/cockpit';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import type { TaskLight } from '../../../../src/domain/tasks/types';

export const lights: { key: TaskLight; zh: string; en: string; color: string }[] = [
  { key: 'red', zh: '红', en: 'Red', color: '#b42318' },
  { key: 'yellow', zh: '黄', en: 'Yellow', color: '#8a5a00' },
  { key: 'green', zh: '绿', en: 'Green', color: '#237a3b' },
  { key: 'blue', zh: '已完成', en: 'Done', color: '#0f4c92' },
];

const lightOf = (key: TaskLight) => lights.find((l) => l.key === key) ?? lights[0];

/** A task's page in the web app: its milestones, reports and timeline. */
export const taskHref = (id: string) => `/tasks/${encodeURIComponent(id)}`;

export function TaskLightWord({ light }: { light: TaskLight }) {
  const { lang } = useI18n();
  const l = lightOf(light);
  return (
    <span className="sx-ck-task-light" style={{ color: l.color }}>
      <span aria-hidden="true">●</span> {lang === 'zh' ? l.zh : l.en}
    </span>
  );
}

export function ProgrammeLights(props: { programmes: Cockpit['programmes']; tasks: CockpitTask[] | null }) {
  const { t, lang, pick } = useI18n();
  return (
    <section className="sx-ck-panel" aria-labelledby="ck-programmes" data-testid="programme-lights">
      <h2 id="ck-programmes">{t('ckProgrammes')}</h2>
      {props.tasks === null ? (
        <p className="sx-ck-muted">{t('ckProgrammesPending')}</p>
      ) : (
        <ol className="sx-ck-programmes">
          {[...props.programmes]
            .sort((a, b) => a.number - b.number)
            .map((p) => {
              const mine = props.tasks?.filter((task) => task.programme === p.id) ?? [];
              return (
                <li key={p.id}>
                  <details>
                    <summary className="sx-ck-prog-head">
                      <span className="sx-ck-prog-name">
                        <span className="sx-prog-no">{p.number}</span>
                        {pick(p.name, p.name_en)}
                      </span>
                      <span className="sx-ck-prog-lights">
                        {mine.length === 0
                          ? t('noValue')
                          : lights.map((l) => {
                              const n = mine.filter((task) => task.light === l.key).length;
                              return n ? (
                                <span key={l.key} className="sx-ck-task-light" style={{ color: l.color }}>
                                  <span aria-hidden="true">●</span> {lang === 'zh' ? l.zh : l.en} {n}
                                </span>
                              ) : null;
                            })}
                      </span>
                    </summary>
                    <ul className="sx-ck-prog-tasks">
                      {mine.map((task) => (
                        <li key={task.id}>
                          <TaskLightWord light={task.light} />{' '}
                          <Link href={taskHref(task.id)}>{task.title}</Link>{' '}
                          <span className="sx-ck-muted">{task.percent}%</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              );
            })}
        </ol>
      )}
    </section>
  );
}
