/**
 * `/plan`: the plan explorer. One API call brings both trees with their lights; the search and
 * the filters (target status, task light, department) work on them in the page. Every target and
 * indicator links to the indicator page, every task to its task page.
 */
import { useMemo, useState } from 'react';
import type { PlanExplorer } from '../../../../src/contracts/explorer';
import type { StatusCode } from '../../../../src/contracts/status';
import { useI18n } from '../../i18n/context';
import type { TaskLight } from '../../../../src/domain/tasks';
import { dateText } from '../cockpit/numbers';
import { PlanReadPage } from '../cockpit/PlanReadPage';
import { look, statusOrder } from '../status/statusLook';
import { getExplorer } from './explorerApi';
import { countLeaves, type ExplorerFilter, filterExplorer, isFiltered, noFilter } from './explorerFilter';
import { TargetTree, TaskTree } from './Trees';
import './explorer.css';

const lights: TaskLight[] = ['red', 'yellow', 'green', 'blue'];

export default function ExplorerPage() {
  return <PlanReadPage read={getExplorer}>{(data) => <ExplorerView data={data} />}</PlanReadPage>;
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
        <FilterSelect
          label={t('pxStatus')}
          allLabel={t('pxAll')}
          value={filter.status}
          onChange={(v) => set({ status: v as StatusCode | null })}
          options={statusOrder.map((s) => ({ value: s, label: `${look[s].symbol} ${look[s][lang]}` }))}
        />
        {data.tasks_shown && (
          <FilterSelect
            label={t('pxLight')}
            allLabel={t('pxAll')}
            value={filter.light}
            onChange={(v) => set({ light: v as TaskLight | null })}
            options={lights.map((l) => ({ value: l, label: t(`pxLight_${l}`) }))}
          />
        )}
        <FilterSelect
          label={t('pxDepartment')}
          allLabel={t('pxAll')}
          value={filter.department}
          onChange={(v) => set({ department: v })}
          options={departments.map((d) => ({ value: d.id, label: pick(d.name, d.name_en) }))}
        />
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

/** A filter picked from a list, or all (null). */
function FilterSelect(props: {
  label: string;
  allLabel: string;
  value: string | null;
  onChange: (value: string | null) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <label>
      <span>{props.label}</span>
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || null)}>
        <option value="">{props.allLabel}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
