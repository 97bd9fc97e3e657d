/**
 * Drafts a plan file from a document: its outline gives goal areas, programmes and actions; its
 * target statements propose indicators and targets; its achievements propose observations for
 * the year reviewed. Every proposed item links back to its span, in the plan (`note`,
 * `description`) and in `links` for the web UI to highlight the source.
 */
import type { GoalAreaDef, IndicatorDef, ObservationDef, PlanFile, TargetDef } from '../../plan-file';
import type { Statement } from '../types';
import type { DepartmentName } from '../tasks';
import { indicatorName, indicatorUnits, proposeIndicator, toDisplay } from './indicators';
import { outlineOf, type Outline } from './structure';
import { draftTasks, type DraftAction, type DraftWarning } from './tasks';

/** What a link points at. */
export type DraftLinkKind =
  'target' | 'indicator' | 'observation' | 'programme' | 'action' | 'goal_area' | 'task';

/** A proposed item and the span of the document it came from (end exclusive). */
export interface DraftLink {
  kind: DraftLinkKind;
  /** The item's id (an observation's is `indicator@period`). */
  id: string;
  start: number;
  end: number;
}

/** The draft and its links. */
export interface PlanDraft {
  plan: PlanFile;
  links: DraftLink[];
  /** What the reviewer must look at (unmatched departments, deadlines that are not dates). */
  warnings: DraftWarning[];
}

/** Inputs of {@link draftPlan}. */
export interface DraftInput {
  text: string;
  /** Statements of `text` (from extractStatements with the same year). */
  statements: readonly Statement[];
  /** The document's file name: plan id and observation source. */
  documentName: string;
  /** The document year (the first target year). */
  year: number;
  /** Departments the plan or tenant already has: task-table names are matched to them. */
  departments?: readonly DepartmentName[];
}

/** `来源：第123—145字`: 1-based, inclusive, as a reader counts characters. */
export function spanNote(start: number, end: number): string {
  return `来源：第${start + 1}—${end}字`;
}

/** A plan id from a file name: ASCII letters, digits, - _ . only; `draft-plan` when none remain. */
export function planIdFrom(documentName: string, start?: number, end?: number): string {
  const base = documentName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+|[-.]+$/g, '')
    .slice(0, 80);
  // A pasted text has no file name of its own ('document', 'pasted'): name the plan by its span.
  const generic = slug === '' || /^(?:document|pasted|text|untitled|draft)(?:-\d+)?$/.test(slug);
  if (!generic) return slug;
  return start !== undefined && end !== undefined ? `plan-${start}-${end}` : 'draft-plan';
}

const pad = (n: number): string => String(n).padStart(2, '0');
const stripMarks = (s: string): string => s.replace(/\*\*/g, '').trim();

function areaAt<T extends { start: number; end: number }>(areas: readonly T[], at: number): T | undefined {
  return areas.find((a) => a.start <= at && at < a.end);
}

/** Drafts a plan file (status draft) from a document and its statements. Pure. */
export function draftPlan(input: DraftInput): PlanDraft {
  const { text, statements, documentName, year } = input;
  const outline: Outline = outlineOf(text);
  const links: DraftLink[] = [];
  const link = (kind: DraftLinkKind, id: string, span: { start: number; end: number }): void => {
    links.push({ kind, id, start: span.start, end: span.end });
  };
  const docName = documentName.replace(/^.*[\\/]/, '');

  const targetYears = statements.flatMap((s) =>
    s.period === 'target' && s.target_year !== null ? [s.target_year] : [],
  );
  const end = Math.max(year, ...(targetYears.length ? targetYears : [year + 4]));

  const goalAreas: GoalAreaDef[] = outline.goalAreas.map((g, i) => {
    const id = `ga-${pad(i + 1)}`;
    link('goal_area', id, g);
    return { id, name: g.name, description: spanNote(g.start, g.end) };
  });
  const goalAreaIdAt = (at: number): string | undefined => {
    const i = outline.goalAreas.findIndex((g) => g.start <= at && at < g.end);
    return i === -1 ? undefined : goalAreas[i]?.id;
  };

  const programmes = outline.programmes.map((p, i) => {
    const id = `p-${pad(i + 1)}`;
    link('programme', id, p);
    const actions = p.actions.map((a, j) => {
      const actionId = `${id}-a${j + 1}`;
      link('action', actionId, a);
      return { id: actionId, name: a.name };
    });
    return { id, number: p.number, name: p.name, actions };
  });

  const draftActions: DraftAction[] = outline.programmes.flatMap((p, i) =>
    p.actions.map((a, j) => ({ id: `p-${pad(i + 1)}-a${j + 1}`, name: a.name, start: a.start, end: a.end })),
  );
  // Rows no action holds go under one extra programme, created only when used.
  const extraProgramme = `p-${pad(programmes.length + 1)}`;
  const fallback: DraftAction = { id: `${extraProgramme}-a1`, name: '任务分解表', start: 0, end: 0 };
  const drafted = draftTasks({
    text,
    actions: draftActions,
    known: input.departments ?? [],
    year,
    end,
    fallback,
  });
  if (drafted.tasks.some((t) => t.action === fallback.id)) {
    programmes.push({
      id: extraProgramme,
      number: programmes.length + 1,
      name: '任务分解表',
      actions: [{ id: fallback.id, name: '其他任务' }],
    });
  }
  drafted.tasks.forEach((t, i) => {
    const row = drafted.rows[i];
    if (row) link('task', t.id, row);
  });

  const indicators: IndicatorDef[] = [];
  const indicatorIds = new Map<string, string>();
  const indicatorFor = (st: Statement): IndicatorDef => {
    const key = `${indicatorName(st)}|${indicatorUnits(st).base}`;
    const known = indicatorIds.get(key);
    const found = known === undefined ? undefined : indicators.find((d) => d.id === known);
    if (found) return found;
    const id = `ind-${pad(indicators.length + 1)}`;
    const def = proposeIndicator(st, id, spanNote(st.start, st.end));
    const ga = goalAreaIdAt(st.start);
    if (ga !== undefined) def.goal_area = ga;
    indicators.push(def);
    indicatorIds.set(key, id);
    link('indicator', id, st);
    return def;
  };

  const targets: TargetDef[] = [];
  const observations: ObservationDef[] = [];
  const observed = new Set<string>();
  const reviewYear = year - 1;
  for (const st of statements) {
    const ind = indicatorFor(st);
    const units = indicatorUnits(st);
    if (st.period === 'target') {
      const id = `t-${pad(targets.length + 1)}`;
      // A target is never due before the plan starts (the importer refuses one due before its baseline).
      const due = Math.max(st.target_year ?? end, year);
      const t: TargetDef = { id, indicator: ind.id, kind: 'level', text: stripMarks(st.text) };
      const value = toDisplay(st.value, units.base, ind.unit);
      switch (st.kind) {
        case 'level':
        case 'share':
        case 'count':
        case 'ratio':
          Object.assign(t, { kind: 'level', value, qualifier: st.qualifier, year: due });
          break;
        case 'annual_floor':
          Object.assign(t, { kind: 'annual_floor', value, qualifier: st.qualifier, from: year, to: due });
          break;
        case 'growth_rate':
          // The rate stays a percentage: it is not in the level indicator's unit.
          Object.assign(t, { kind: 'growth_rate', value: st.value, qualifier: st.qualifier });
          Object.assign(t, { from: year - 1, to: due });
          break;
        case 'rank':
          Object.assign(t, { kind: 'rank', value, from: year, to: due });
          break;
        case 'streak':
          Object.assign(t, { kind: 'streak', value, from: year, to: due });
          break;
        default: {
          const never: never = st.kind;
          throw new Error(`unknown kind ${String(never)}`);
        }
      }
      const ga = goalAreaIdAt(st.start) ?? ind.goal_area;
      if (ga !== undefined) t.goal_area = ga;
      targets.push(t);
      link('target', id, st);
    } else {
      const key = `${ind.id}@${reviewYear}`;
      if (observed.has(key)) continue; // one value per indicator and period (the first stated)
      observed.add(key);
      const area = areaAt(outline.reviewAreas, st.start);
      const where = area ? `（${area.name}）` : '';
      observations.push({
        indicator: ind.id,
        period: String(reviewYear),
        value: toDisplay(st.value, units.base, ind.unit),
        ...(st.qualifier !== 'exact' ? { qualifier: st.qualifier } : {}),
        source: docName,
        note: `${stripMarks(st.text)}${where}；${spanNote(st.start, st.end)}`,
      });
      link('observation', key, st);
    }
  }

  const title = outline.title?.name.slice(0, 2000) || `规划草案（${year}—${end}年）`;
  return {
    plan: {
      plan: {
        id: planIdFrom(documentName, year, end),
        title,
        start: year,
        end,
        baseline_year: year - 1,
        status: 'draft',
      },
      departments: drafted.departments,
      goal_areas: goalAreas,
      indicators,
      targets,
      programmes,
      observations,
      tasks: drafted.tasks,
      task_reports: [],
    },
    links,
    warnings: drafted.warnings,
  };
}
