/** A target's status as a symbol, a colour AND a word (never colour alone). */
import { Tag, Tooltip } from 'antd';
import type { TargetStatus } from '../../../../src/contracts/status';
import { useI18n } from '../../i18n/context';
import { look, statusWord } from './statusLook';

export { look, statusWord };

/** `status === undefined`: the server does not evaluate targets (yet): grey "not evaluated". */
export function StatusLight({ status }: { status: TargetStatus | undefined }) {
  const { t, lang } = useI18n();
  if (!status)
    return (
      <span className="sx-status sx-status-none" style={{ color: look.no_data.color }}>
        {t('notEvaluated')}
      </span>
    );
  const l = look[status.status];
  const explanation = status.explanation[lang] || status.explanation.zh;
  const p = status.projection?.probability;
  const probability = p != null ? t('probability', { p: Math.round(p * 100) }) : null;
  return (
    <Tooltip
      title={
        <>
          {explanation}
          {probability && <div>{probability}</div>}
        </>
      }
    >
      <span className="sx-status-cell" tabIndex={0}>
        <span className="sx-status" style={{ color: l.color }}>
          <span aria-hidden="true">{l.symbol}</span> {l[lang]}
        </span>
        {status.stale && (
          <Tag className="sx-stale" title={t('staleHint')}>
            {t('stale')}
          </Tag>
        )}
      </span>
    </Tooltip>
  );
}
