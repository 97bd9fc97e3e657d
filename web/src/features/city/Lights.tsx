/** Counts of targets by status as symbol + colour + number, worst first (never colour alone). */
import type { StatusCode } from '../../../../src/contracts/status';
import { useI18n } from '../../i18n/context';
import { look, statusOrder } from '../status/statusLook';

export function Lights({ counts }: { counts: Record<string, number> }) {
  const { lang } = useI18n();
  const shown = statusOrder.filter((s) => (counts[s] ?? 0) > 0);
  if (shown.length === 0) return <span className="sx-city-muted">—</span>;
  return (
    <span className="sx-city-lights">
      {shown.map((s: StatusCode) => (
        <span
          key={s}
          className="sx-city-light"
          style={{ color: look[s].color }}
          title={`${look[s][lang]} ${counts[s] ?? 0}`}
        >
          {look[s].symbol}
          <span className="sx-city-n">{counts[s]}</span>
          <span className="sx-sr-only">{look[s][lang]}</span>
        </span>
      ))}
    </span>
  );
}
