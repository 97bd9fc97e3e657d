/** A target's status as a symbol, a colour AND a word (never colour alone). */
import { Tag, Tooltip } from 'antd';
import type { StatusCode, TargetStatus } from '../../api';
import { useI18n } from '../../i18n/context';
import type { Lang } from '../../i18n/dict';

export const look: Record<StatusCode, { symbol: string; color: string; zh: string; en: string }> = {
  achieved: { symbol: '✓', color: '#1d6b34', zh: '已实现', en: 'Achieved' },
  on_track: { symbol: '●', color: '#237a3b', zh: '正常', en: 'On track' },
  at_risk: { symbol: '●', color: '#8a5a00', zh: '预警', en: 'At risk' },
  off_track: { symbol: '●', color: '#b42318', zh: '滞后', en: 'Off track' },
  no_data: { symbol: '○', color: '#5c6370', zh: '无数据', en: 'No data' },
};

export function statusWord(status: StatusCode, lang: Lang): string {
  return look[status][lang];
}

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
