/**
 * The explorer's two trees as nested lists with folding branches (<details>): each leaf says its
 * light in words beside the colour and symbol, and links to the indicator page or the task page.
 */
import type { ExplorerTarget, ExplorerTask, PlanExplorer } from '../../../../src/contracts/explorer';
import type { StatusCode } from '../../../../src/contracts/status';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { LatestAndTarget } from '../cockpit/LatestAndTarget';
import { dateText } from '../cockpit/numbers';
import { look, statusOrder } from '../status/statusLook';
import { lightColor, lightOrder } from '../tasks/taskLook';

const lightSymbol = { red: '●', yellow: '●', green: '●', blue: '✓' } as const;
const enc = encodeURIComponent;
const chineseNumbers = '一二三四五六七八九十';

function programmeNumber(n: number, lang: 'zh' | 'en'): string {
  if (lang === 'en') return `${n}.`;
  if (n <= 10) return `${chineseNumbers[n - 1]}、`;
  if (n < 20) return `十${chineseNumbers[n - 11]}、`;
  return `${n}、`;
}

function StatusWord({ status }: { status: StatusCode }) {
  const { lang } = useI18n();
  const l = look[status];
  return (
    <span className="sx-px-light" style={{ color: l.color }}>
      <span aria-hidden="true">{l.symbol}</span> {l[lang]}
    </span>
  );
}

function LightWord({ light }: { light: ExplorerTask['light'] }) {
  const { t } = useI18n();
  return (
    <span className="sx-px-light" style={{ color: lightColor[light] }}>
      <span aria-hidden="true">{lightSymbol[light]}</span> {t(`pxLight_${light}`)}
    </span>
  );
}

/** "滞后 2 · 预警 1 · 正常 5": the branch's counts in words, worst first. */
function StatusTally({ targets }: { targets: readonly ExplorerTarget[] }) {
  const { lang } = useI18n();
  const parts = statusOrder.map((s) => ({
    key: s,
    color: look[s].color,
    word: look[s][lang],
    n: targets.filter((t) => t.status === s).length,
  }));
  return <Tally parts={parts} />;
}

function LightTally({ tasks }: { tasks: readonly ExplorerTask[] }) {
  const { t } = useI18n();
  const parts = lightOrder.map((l) => ({
    key: l,
    color: lightColor[l],
    word: t(`pxLight_${l}`),
    n: tasks.filter((x) => x.light === l).length,
  }));
  return <Tally parts={parts} />;
}

/** The counts that are not zero, each in its colour. */
function Tally({ parts }: { parts: { key: string; color: string; word: string; n: number }[] }) {
  return (
    <span className="sx-px-tally">
      {parts
        .filter((x) => x.n > 0)
        .map(({ key, color, word, n }) => (
          <span key={key} style={{ color }}>
            {word} {n}
          </span>
        ))}
    </span>
  );
}

function TargetLeaf({ target }: { target: ExplorerTarget }) {
  const { t, lang, pick } = useI18n();
  const ind = target.indicator;
  const unit = ind?.unit ?? '';
  const text = pick(target.text ?? ind?.name ?? target.id, target.text_en);
  const href = ind ? `/indicators/${enc(ind.id)}` : null;
  const frequency =
    ind?.frequency === 'monthly' ? t('pxMonthly') : ind?.frequency === 'quarterly' ? t('pxQuarterly') : null;
  return (
    <li className="sx-px-leaf" data-target={target.id}>
      <div className="sx-px-line">
        <StatusWord status={target.status} />
        {href ? <Link href={href}>{text}</Link> : <span>{text}</span>}
      </div>
      <ul className="sx-px-sub">
        <li className="sx-px-ind">
          <span className="sx-px-label">{t('pxIndicator')}</span>{' '}
          {ind && href ? (
            <>
              <Link href={href}>{pick(ind.name, ind.name_en)}</Link>
              {frequency && <span className="sx-px-muted">（{frequency}）</span>}
              <span className="sx-px-nums">
                <LatestAndTarget latest={ind.latest} target={target} unit={unit} on="explorer" />
                {ind.department && <span>{pick(ind.department.name, ind.department.name_en)}</span>}
              </span>
            </>
          ) : (
            <span className="sx-px-muted">{t('pxNoIndicator')}</span>
          )}
        </li>
      </ul>
      <p className="sx-px-why">{target.explanation[lang] || target.explanation.zh}</p>
    </li>
  );
}

/** A goal area or a programme: its number, name and tally as a summary that folds its list (and a link to its board) away. */
function Branch(props: {
  number: ReactNode;
  name: string;
  tally: ReactNode;
  board?: ReactNode;
  children: ReactNode;
}) {
  return (
    <li className="sx-px-branch">
      <details open>
        <summary>
          {props.number}
          <span className="sx-px-name">{props.name}</span>
          {props.tally}
        </summary>
        {props.board}
        <ul>{props.children}</ul>
      </details>
    </li>
  );
}

export function TargetTree({ areas }: { areas: PlanExplorer['goal_areas'] }) {
  const { pick } = useI18n();
  return (
    <ul className="sx-px-tree" data-testid="target-tree">
      {areas.map((g, index) => (
        <Branch
          key={g.id ?? 'other'}
          number={g.id !== null && <span className="sx-px-no">{index + 1}</span>}
          name={pick(g.name, g.name_en)}
          tally={<StatusTally targets={g.targets} />}
        >
          {g.targets.map((x) => (
            <TargetLeaf key={x.id} target={x} />
          ))}
        </Branch>
      ))}
    </ul>
  );
}

function TaskLeaf({ task }: { task: ExplorerTask }) {
  const { t, lang, pick } = useI18n();
  return (
    <li className="sx-px-leaf" data-task={task.id}>
      <div className="sx-px-line">
        <LightWord light={task.light} />
        <Link href={`/tasks/${enc(task.id)}`}>{task.title}</Link>
      </div>
      <span className="sx-px-nums">
        <span>{t('pxPercent', { p: task.percent })}</span>
        {task.due && <span>{t('pxDue', { date: dateText(task.due, lang) })}</span>}
        {task.lead_department && (
          <span>{t('pxLead', { name: pick(task.lead_department.name, task.lead_department.name_en) })}</span>
        )}
      </span>
      {task.reason && <p className="sx-px-why">{task.reason[lang] || task.reason.zh}</p>}
    </li>
  );
}

export function TaskTree({
  programmes,
  tasksShown,
}: {
  programmes: PlanExplorer['programmes'];
  tasksShown: boolean;
}) {
  const { t, lang, pick } = useI18n();
  return (
    <ul className="sx-px-tree" data-testid="task-tree">
      {programmes.map((p) => (
        <Branch
          key={p.id ?? 'other'}
          number={
            p.id !== null && <span className="sx-px-no sx-px-no-text">{programmeNumber(p.number, lang)}</span>
          }
          name={pick(p.name, p.name_en)}
          tally={tasksShown && <LightTally tasks={p.actions.flatMap((a) => a.tasks)} />}
          board={
            tasksShown &&
            p.id !== null && (
              <Link className="sx-px-board" href={`/tasks?programme=${enc(p.id)}`}>
                {t('pxBoard')}
              </Link>
            )
          }
        >
          {p.actions.map((a) => (
            <li key={a.id ?? 'loose'} className="sx-px-action">
              <div className="sx-px-line">
                <span className="sx-px-name">{pick(a.name, a.name_en)}</span>
                {a.lead_department && (
                  <span className="sx-px-muted">
                    {t('pxLead', { name: pick(a.lead_department.name, a.lead_department.name_en) })}
                  </span>
                )}
              </div>
              {tasksShown &&
                (a.tasks.length === 0 ? (
                  <p className="sx-px-muted sx-px-empty">{t('pxNoTasks')}</p>
                ) : (
                  <ul>
                    {a.tasks.map((x) => (
                      <TaskLeaf key={x.id} task={x} />
                    ))}
                  </ul>
                ))}
            </li>
          ))}
        </Branch>
      ))}
    </ul>
  );
}
