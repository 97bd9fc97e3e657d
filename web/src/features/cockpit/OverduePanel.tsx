/** Data overdue, by department (the department with most first), each with its oldest items. */
import type { Cockpit } from '../../../../src/contracts/cockpit';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { dateText } from './numbers';

export function OverduePanel({ overdue }: { overdue: Cockpit['overdue'] }) {
  const { t, pick, lang } = useI18n();
  return (
    <section className="sx-ck-panel" aria-labelledby="ck-overdue">
      <h2 id="ck-overdue">
        {t('ckOverdue')} <span className="sx-ck-badge">{overdue.total}</span>
      </h2>
      {overdue.departments.length === 0 ? (
        <p className="sx-ck-muted">{t('ckOverdueNone')}</p>
      ) : (
        <ul className="sx-ck-overdue">
          {overdue.departments.map((d) => (
            <li key={d.department?.id ?? '-'}>
              {/* A line per department; its oldest items unfold on demand, so the list stays short. */}
              <details>
                <summary className="sx-ck-overdue-head">
                  <strong>
                    {d.department ? pick(d.department.name, d.department.name_en) : t('noValue')}
                  </strong>
                  <span className="sx-ck-overdue-count">{t('ckOverdueItems', { n: d.count })}</span>
                </summary>
                <ul>
                  {d.items.map((i) => (
                    <li key={`${i.indicator}|${i.period}`}>
                      <Link href={`/indicators/${encodeURIComponent(i.indicator)}`}>{i.name}</Link>{' '}
                      <span className="sx-ck-muted">
                        {t('ckOverdueSince', { period: i.period, date: dateText(i.due, lang) })}
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
