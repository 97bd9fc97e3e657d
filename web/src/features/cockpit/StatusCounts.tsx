/** The counts per status as toggle buttons: clicking one shows only that status (again: all). */
import type { Cockpit } from '../../../../src/contracts/cockpit';
import type { StatusCode } from '../../../../src/contracts/status';
import { useI18n } from '../../i18n/context';
import { look, statusOrder } from '../status/statusLook';

export function StatusCounts(props: {
  counts: Cockpit['counts'];
  filter: StatusCode | null;
  onFilter: (status: StatusCode | null) => void;
}) {
  const { t, lang } = useI18n();
  const total = Object.values(props.counts).reduce((a, b) => a + b, 0);
  return (
    <div className="sx-ck-counts" role="group" aria-label={t('ckFilterHint')}>
      <button
        type="button"
        className="sx-ck-count sx-ck-count-all"
        aria-pressed={props.filter === null}
        onClick={() => props.onFilter(null)}
      >
        <span className="sx-ck-count-word">{t('ckFilterAll')}</span>
        <strong>{total}</strong>
      </button>
      {statusOrder.map((code) => (
        <button
          key={code}
          type="button"
          className={`sx-ck-count sx-ck-count-${code}`}
          aria-pressed={props.filter === code}
          onClick={() => props.onFilter(props.filter === code ? null : code)}
        >
          <span className="sx-ck-count-word" style={{ color: look[code].color }}>
            <span aria-hidden="true">{look[code].symbol}</span> {look[code][lang]}
          </span>
          <strong>{props.counts[code]}</strong>
        </button>
      ))}
    </div>
  );
}
