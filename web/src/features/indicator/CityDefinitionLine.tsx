/**
 * 城市口径: on a district's indicator page, when the city has published a newer version of the
 * definition this indicator adopted, one line says so, and a planner (plan:write) moves the
 * indicator to it. The server decides (a new unit under recorded values is refused, its message
 * shown); the page reloads to show the indicator's new fields.
 */
import { Alert, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import type { Adoption, CityDefinitions } from '../../../../src/contracts/city';
import { useI18n } from '../../i18n/context';
import { apiFetch } from '../auth/apiFetch';
import { useSession } from '../auth/SessionContext';
import { useAsync } from '../common/useAsync';

export function CityDefinitionLine({ plan, indicator }: { plan: string; indicator: string }) {
  const { t } = useI18n();
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const definitions = useAsync(
    (signal) => apiFetch<CityDefinitions>('/api/city/definitions', { signal }),
    `${plan}|${indicator}`,
  );
  if (definitions.state !== 'done') return null;
  const d = definitions.data.definitions.find((x) => x.code === indicator);
  const mine = d?.adoption.find((a) => a.plan === plan && a.indicator === indicator);
  if (!d || !mine || mine.version === null || mine.version >= d.version) return null;
  const move = () => {
    setBusy(true);
    setError(null);
    apiFetch<Adoption>(
      `/api/plans/${encodeURIComponent(plan)}/indicators/${encodeURIComponent(indicator)}/city-definition`,
      { method: 'POST', body: { version: d.version } },
    ).then(
      () => window.location.reload(),
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };
  const changes = d.changes.length ? t('cityDefChanges', { changes: d.changes.join(', ') }) : '';
  return (
    <Alert
      className="sx-city-definition"
      type="info"
      showIcon
      message={t('cityDefAdopted', { from: mine.version, to: d.version }) + changes}
      description={error ?? undefined}
      action={
        session.can('plan:write') ? (
          <Popconfirm title={t('cityDefMoveConfirm', { to: d.version })} onConfirm={move}>
            <Button size="small" loading={busy}>
              {t('cityDefMove', { to: d.version })}
            </Button>
          </Popconfirm>
        ) : undefined
      }
    />
  );
}
