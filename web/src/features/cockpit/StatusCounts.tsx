/** The counts per status as toggle buttons: clicking one shows only that status (again: all). */
import type { Cockpit } from '../../../../src/contracts/cockpit';
import type { StatusCode } from '../../../../src/contracts/status';
import { useI18n } from '../../i18n/context';
import { CountFilter } from '../common/CountFilter';
import { look, statusOrder } from '../status/statusLook';

export function StatusCounts(props: {
  counts: Cockpit['counts'];
  filter: StatusCode | null;
  onFilter: (status: StatusCode | null) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <CountFilter
      label={t('ckFilterHint')}
      className="sx-ck-counts"
      kinds={statusOrder}
      counts={props.counts}
      chosen={props.filter}
      onChoose={props.onFilter}
      allWord={t('ckFilterAll')}
      word={(code) => (
        <>
          <span aria-hidden="true">{look[code].symbol}</span> {look[code][lang]}
        </>
      )}
      color={(code) => look[code].color}
      buttonProps={(code) => ({ className: `sx-ck-count sx-ck-count-${code ?? 'all'}` })}
    />
  );
}
