/**
 * `/plan`: the plan explorer. One API call brings both trees with their lights; the search and
 * the filters (target status, task light, department) work on them in the page. Every target and
 * indicator links to the indicator page, every task to its task page.
 */
import { useMemo, useState } from 'react';
import type { PlanExplorer } from '../../../../src/contracts/explorer';
import type { StatusCode } from '../../../../src/contracts/status';
import { useI18n } from '../../i18n/context';
import { RequireLogin } from '../auth/RequireLogin';
import type { TaskLight } from '../../../../src/domain/tasks';
import { dateText } from '../cockpit/numbers';
import { usePlanRead } from '../cockpit/usePlanRead';
import { Loaded } from '../common/Loading';
import { look, statusOrder } from '../status/statusLook';
import { getExplorer } from './explorerApi';
import { countLeaves, type ExplorerFilter, filterExplorer, isFiltered, noFilter } from './explorerFilter';
import { TargetTree, TaskTree } from './Trees';
import './explorer.css';

const lights: TaskLight[] = ['red', 'yellow', 'green', 'blue'];

export default function ExplorerPage() {
  return (
    <RequireLogin permission="plan:read">
      <ExplorerLoader />
    </RequireLogin>
  );
}

function ExplorerLoader() {
  const state = usePlanRead(getExplorer);
  return <Loaded state={state}>{(data) => <ExplorerView data={data} />}</Loaded>;
}

function ExplorerView({ data }: { data: PlanExplorer }) {
  const { t, lang, pick } = useI18n();
  const [filter, setFilter] = useState<ExplorerFilter>(noFilter);
  const shown = useMemo(() => filterExplorer(data, filter), [data, filter]);
  const counts = countLeaves(shown);
  const set = (patch: Partial<ExplorerFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const departments = [...data.departments].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  // A new filter opens every branch again, so a match is never hidden in a closed one.
  const openKey = JSON.stringify(filter);
  return (
    <div className="sx-px">
      <header className="sx-px-head">
        <h1>
          {t('pxTitle')}
          <span className="sx-px-plan">{pick(data.plan.title, data.plan.title_en)}</span>
        </h1>
        <p className="sx-px-muted">
          {t('pxAsOf', { date: dateText(data.as_of, lang) })} · {t('pxIntro')}
        </p>
      </header>
      <form
        className="sx-px-filters"
        role="search"
        aria-label={t('pxFilters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          <span>{t('pxSearch')}</span>
          <input
            type="search"
            value={filter.search}
            placeholder={t('pxSearchHint')}
            onChange={(e) => set({ search: e.target.value })}
          />
        </label>
        <label>
          <span>{t('pxStatus')}</span>
          <select
            value={filter.status ?? ''}
            onChange={(e) => set({ status: (e.target.value || null) as StatusCode | null })}
          >
            <option value="">{t('pxAll')}</option>
            {statusOrder.map((s) => (
              <option key={s} value={s}>
                {look[s].symbol} {look[s][lang]}
              </option>
            ))}
          </select>
        </label>
        {data.tasks_shown && (
          <label>
            <span>{t('pxLight')}</span>
            <select
              value={filter.light ?? ''}
              onChange={(e) => set({ light: (e.target.value || null) as TaskLight | null })}
            >
              <option value="">{t('pxAll')}</option>
              {lights.map((l) => (
                <option key={l} value={l}>
                  {t(`pxLight_${l}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span>{t('pxDepartment')}</span>
          <select
            value={filter.department ?? ''}
            onChange={(e) => set({ department: e.target.value || null })}
          >
            <option value="">{t('pxAll')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {pick(d.name, d.name_en)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setFilter(noFilter)} disabled={!isFiltered(filter)}>
          {t('pxClear')}
        </button>
      </form>
      <p className="sx-px-muted" aria-live="polite" data-testid="explorer-count">
        {t('pxShowing', { targets: counts.targets, tasks: counts.tasks })}
      </p>
      <div className="sx-px-grid" key={openKey}>
        <section aria-labelledby="px-targets">
          <h2 id="px-targets">{t('pxTargetsTree')}</h2>
          {shown.goal_areas.length === 0 ? (
            <p className="sx-px-muted">{t('pxNone')}</p>
          ) : (
            <TargetTree areas={shown.goal_areas} />
          )}
        </section>
        <section aria-labelledby="px-tasks">
          <h2 id="px-tasks">{t('pxTasksTree')}</h2>
          {!data.tasks_shown && <p className="sx-px-muted">{t('pxTasksHidden')}</p>}
          {shown.programmes.length === 0 ? (
            <p className="sx-px-muted">{t('pxNone')}</p>
          ) : (
            <TaskTree programmes={shown.programmes} tasksShown={data.tasks_shown} />
          )}
        </section>
      </div>
    </div>
  );
}
