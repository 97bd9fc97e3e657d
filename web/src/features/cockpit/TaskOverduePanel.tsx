/** Tasks with an overdue report, milestone or due date, by lead department (most first). */
import type { CockpitTasks } from '../../../../src/contracts/cockpit';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { taskHref } from './ProgrammeLights';

export function TaskOverduePanel({ tasks }: { tasks: CockpitTasks }) {
  const { t, pick, lang } = useI18n();
  const total = tasks.overdue.reduce((a, d) => a + d.count, 0);
  return (
    <section className="sx-ck-panel" aria-labelledby="ck-task-overdue" data-testid="task-overdue">
      <h2 id="ck-task-overdue">
        {t('ckTaskOverdue')} <span className="sx-ck-badge">{total}</span>
      </h2>
      {tasks.overdue.length === 0 ? (
        <p className="sx-ck-muted">{t('ckTaskOverdueNone')}</p>
      ) : (
        <ul className="sx-ck-overdue">
          {tasks.overdue.map((d) => (
            <li key={d.department?.id ?? '-'}>
              <details>
                <summary className="sx-ck-overdue-head">
                  <strong>
                    {d.department ? pick(d.department.name, d.department.name_en) : t('noValue')}
                  </strong>
                  <span className="sx-ck-overdue-count">{t('ckTaskOverdueItems', { n: d.count })}</span>
                </summary>
                <ul>
                  {d.items.map((i) => (
                    <li key={i.task}>
                      <Link href={taskHref(i.task)}>{i.title}</Link>{' '}
                      <span className="sx-ck-muted">
                        {i.reasons
                          .map((r) => (lang === 'zh' ? r.zh : r.en))
                          .join(lang === 'zh' ? '；' : '; ')}
                      </span>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
