/**
 * TASK LIGHTS (joins with task supervision). The 12 programmes with the red / yellow / green /
 * blue count of their tasks, from `GET /api/plans/{plan}/tasks` (field `light` per task, with
 * its `programme`). While that route does not answer, this says so and shows no lights at all.
 */
import type { Cockpit } from '../../../../src/contracts/cockpit';
import { useI18n } from '../../i18n/context';
import type { TaskLight, TaskLightRow } from './cockpitApi';

const lights: { key: TaskLight; zh: string; en: string; color: string }[] = [
  { key: 'red', zh: '红', en: 'Red', color: '#b42318' },
  { key: 'yellow', zh: '黄', en: 'Yellow', color: '#8a5a00' },
  { key: 'green', zh: '绿', en: 'Green', color: '#237a3b' },
  { key: 'blue', zh: '已完成', en: 'Done', color: '#0f4c92' },
];

export function ProgrammeLights(props: { programmes: Cockpit['programmes']; tasks: TaskLightRow[] | null }) {
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
                </li>
              );
            })}
        </ol>
      )}
    </section>
  );
}
