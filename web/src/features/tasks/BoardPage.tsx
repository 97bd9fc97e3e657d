/**
 * `/tasks`: the supervisor's board. Filters (programme, department, light, leader, state), the
 * view (table or kanban by state or by light) and the page live in the URL query, so a filtered
 * board can be bookmarked and sent. The counts by light ignore the light filter and toggle it.
 */
import type { TaskList as TaskListBody } from '../../../../src/contracts/tasks';
import { taskLights, taskStates, type TaskLight } from '../../../../src/domain/tasks/types';
import { Link, navigate, useLocation } from '../../router';
import { CountFilter } from '../common/CountFilter';
import { Loaded } from '../common/Loading';
import { useAsync } from '../common/useAsync';
import type { PlanData } from '../plan/PlanContext';
import { Kanban } from './Kanban';
import { departmentOptions, programmeOptions } from './planNames';
import { TaskList } from './TaskList';
import { lightColor, lightOrder } from './taskLook';
import { type BoardQuery, listTasks } from './tasksApi';
import { type TasksT, useTasksI18n } from './tasksDict';

const filterKeys = ['programme', 'department', 'light', 'leader', 'state'] as const;
type FilterKey = (typeof filterKeys)[number];
const pageSize = 100;

const isLight = (v: string | null): v is TaskLight => (taskLights as readonly (string | null)[]).includes(v);
const isState = (v: string | null): v is (typeof taskStates)[number] =>
  (taskStates as readonly (string | null)[]).includes(v);

function boardQuery(search: URLSearchParams): BoardQuery {
  const light = search.get('light');
  const state = search.get('state');
  return {
    programme: search.get('programme') || undefined,
    department: search.get('department') || undefined,
    leader: search.get('leader') || undefined,
    light: isLight(light) ? light : undefined,
    state: isState(state) ? state : undefined,
    as_of: search.get('as_of') || undefined,
  };
}

/** The board's address with one parameter changed (empty: removed); a new filter goes back to page 1. */
function withParam(search: URLSearchParams, key: string, value: string | undefined): string {
  const next = new URLSearchParams(search);
  if (value) next.set(key, value);
  else next.delete(key);
  if (key !== 'page') next.delete('page');
  const s = next.toString();
  return `/tasks${s ? `?${s}` : ''}`;
}

function Counts({
  list,
  light,
  search,
  tt,
}: {
  list: TaskListBody;
  light?: TaskLight;
  search: URLSearchParams;
  tt: TasksT;
}) {
  return (
    <CountFilter
      label={tt('tkCountsLabel')}
      className="sx-tk-counts"
      kinds={lightOrder}
      counts={list.counts}
      chosen={light ?? null}
      onChoose={(l) => navigate(withParam(search, 'light', l ?? undefined))}
      allWord={tt('tkAll')}
      word={(l) => (
        <>
          <span aria-hidden="true">{l === 'blue' ? '✓' : '●'}</span> {tt(`light_${l}`)}
          <span className="sx-tk-count-hint"> · {tt(`lightHint_${l}`)}</span>
        </>
      )}
      color={(l) => lightColor[l]}
      buttonProps={(l) => (l ? { 'data-light': l } : {})}
    />
  );
}

export function BoardPage({ plan }: { plan: PlanData }) {
  const { tt, lang } = useTasksI18n();
  const { search } = useLocation();
  const query = boardQuery(search);
  const page = Math.max(1, Number(search.get('page')) || 1);
  const kanban = search.get('view') === 'kanban';
  const group = search.get('group') === 'light' ? 'light' : 'state';
  const code = plan.detail.plan.id;
  const key = `${code}?${filterKeys.map((k) => query[k] ?? '').join('|')}|${query.as_of ?? ''}#${page}`;
  const state = useAsync((signal) => listTasks(code, { ...query, page, page_size: pageSize }, signal), key);
  // Leaders come from the tasks themselves (a free list of names, not a plan entity).
  const leaders =
    state.state === 'done'
      ? [...new Set(state.data.tasks.map((t) => t.leader).filter((l) => l !== null))]
      : [];
  if (query.leader && !leaders.includes(query.leader)) leaders.push(query.leader);

  const options: Record<FilterKey, { id: string; name: string }[]> = {
    programme: programmeOptions(plan.detail, lang),
    department: departmentOptions(plan.detail, lang),
    light: lightOrder.map((l) => ({ id: l, name: tt(`light_${l}`) })),
    leader: leaders.sort().map((l) => ({ id: l, name: l })),
    state: taskStates.map((s) => ({ id: s, name: tt(`state_${s}`) })),
  };
  const labels: Record<FilterKey, string> = {
    programme: tt('tkProgramme'),
    department: tt('tkDepartment'),
    light: tt('tkLight'),
    leader: tt('tkLeader'),
    state: tt('tkState'),
  };
  const filtered = filterKeys.some((k) => query[k]);

  return (
    <>
      <h1>{tt('tkBoard')}</h1>
      <p className="sx-tk-intro">{tt('tkBoardIntro')}</p>
      <form className="sx-tk-filters" aria-label={tt('tkFilters')} onSubmit={(e) => e.preventDefault()}>
        {filterKeys.map((k) => (
          <div key={k} className="sx-tk-filter">
            <label htmlFor={`sx-tk-f-${k}`}>{labels[k]}</label>
            <select
              id={`sx-tk-f-${k}`}
              value={query[k] ?? ''}
              onChange={(e) => navigate(withParam(search, k, e.target.value || undefined))}
            >
              <option value="">{tt('tkAll')}</option>
              {options[k].map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ))}
        {filtered && (
          <Link href={`/tasks${kanban ? '?view=kanban' : ''}`} className="sx-tk-clear">
            {tt('tkClear')}
          </Link>
        )}
      </form>
      <Loaded state={state}>
        {(list) => (
          <>
            <Counts list={list} light={query.light} search={search} tt={tt} />
            <div className="sx-tk-toolbar">
              <span>
                {tt('tkCount', { n: list.total })} · {tt('tkAsOf', { date: list.as_of })}
              </span>
              <span className="sx-tk-switch" role="group" aria-label={tt('tkViewAs')}>
                <button
                  type="button"
                  aria-pressed={!kanban}
                  onClick={() => navigate(withParam(search, 'view', undefined))}
                >
                  {tt('tkTable')}
                </button>
                <button
                  type="button"
                  aria-pressed={kanban}
                  onClick={() => navigate(withParam(search, 'view', 'kanban'))}
                >
                  {tt('tkKanban')}
                </button>
              </span>
              {kanban && (
                <span className="sx-tk-switch" role="group" aria-label={tt('tkGroupBy')}>
                  <button
                    type="button"
                    aria-pressed={group === 'state'}
                    onClick={() => navigate(withParam(search, 'group', undefined))}
                  >
                    {tt('tkGroupState')}
                  </button>
                  <button
                    type="button"
                    aria-pressed={group === 'light'}
                    onClick={() => navigate(withParam(search, 'group', 'light'))}
                  >
                    {tt('tkGroupLight')}
                  </button>
                </span>
              )}
            </div>
            {kanban ? (
              <Kanban tasks={list.tasks} plan={plan} group={group} />
            ) : (
              <TaskList tasks={list.tasks} plan={plan} />
            )}
            {list.total > pageSize && (
              <nav className="sx-pager" aria-label={tt('tkBoard')}>
                {Array.from({ length: Math.ceil(list.total / pageSize) }, (_, i) => (
                  <Link
                    key={i}
                    href={withParam(search, 'page', String(i + 1))}
                    aria-current={i + 1 === page ? 'page' : undefined}
                  >
                    {i + 1}
                  </Link>
                ))}
              </nav>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
