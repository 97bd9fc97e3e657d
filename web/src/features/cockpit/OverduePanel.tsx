/** Data overdue, by department (the department with most first), each with its oldest items. */
import type { ReactNode } from 'react';
import type { Cockpit } from '../../../../src/contracts/cockpit';
import type { Key } from '../../i18n/dict';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { dateText } from './numbers';

/**
 * A panel of what is overdue (data or tasks), a line per department; its oldest items unfold on
 * demand, so the list stays short.
 */
export function OverdueByDepartment<I>(props: {
  id: string;
  testId?: string;
  words: { title: Key; none: Key; items: Key };
  total: number;
  departments: {
    department: Cockpit['overdue']['departments'][number]['department'];
    count: number;
    items: I[];
  }[];
  itemKey: (item: I) => string;
  item: (item: I) => ReactNode;
}) {
  const { t, pick } = useI18n();
  const { words } = props;
  return (
    <section className="sx-ck-panel" aria-labelledby={props.id} data-testid={props.testId}>
      <h2 id={props.id}>
        {t(words.title)} <span className="sx-ck-badge">{props.total}</span>
      </h2>
      {props.departments.length === 0 ? (
        <p className="sx-ck-muted">{t(words.none)}</p>
      ) : (
        <ul className="sx-ck-overdue">
          {props.departments.map((d) => (
            <li key={d.department?.id ?? '-'}>
              <details>
                <summary className="sx-ck-overdue-head">
                  <strong>
                    {d.department ? pick(d.department.name, d.department.name_en) : t('noValue')}
                  </strong>
                  <span className="sx-ck-overdue-count">{t(words.items, { n: d.count })}</span>
                </summary>
                <ul>
                  {d.items.map((i) => (
                    <li key={props.itemKey(i)}>{props.item(i)}</li>
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

export function OverduePanel({ overdue }: { overdue: Cockpit['overdue'] }) {
  const { t, lang } = useI18n();
  return (
    <OverdueByDepartment
      id="ck-overdue"
      words={{ title: 'ckOverdue', none: 'ckOverdueNone', items: 'ckOverdueItems' }}
      total={overdue.total}
      departments={overdue.departments}
      itemKey={(i) => `${i.indicator}|${i.period}`}
      item={(i) => (
        <>
          <Link href={`/indicators/${encodeURIComponent(i.indicator)}`}>{i.name}</Link>{' '}
          <span className="sx-ck-muted">
            {t('ckOverdueSince', { period: i.period, date: dateText(i.due, lang) })}
          </span>
        </>
      )}
    />
  );
}
