/** The edit, add, delete and merge operations of the review step, and the drawer's state. */
import { useState } from 'react';
import type { I18n } from '../../i18n/context';
import {
  addItem,
  dependants,
  type Draft,
  type ListName,
  mergeIndicators,
  type ProgrammeRow,
  removeItem,
  updateItem,
} from './draft';
import type { RowErrors } from './errors';
import { blankItem, type EditList } from './fields';
import type { Editing } from './ItemDrawer';
import type { RowActions } from './ItemTable';

const listWord: Record<EditList, Parameters<I18n['t']>[0]> = {
  goal_areas: 'exGoalAreas',
  indicators: 'exIndicators',
  targets: 'exTargets',
  observations: 'exObservations',
  programmes: 'exProgrammes',
  tasks: 'exTasks',
  actions: 'exActions',
};

type Row = {
  _k: string;
  id?: string;
  name?: string;
  text?: string;
  title?: string;
  indicator?: string;
  period?: string;
};
const label = (r: Row) => r.name ?? r.title ?? r.text ?? r.id ?? `${r.indicator ?? ''} ${r.period ?? ''}`;
const none: never[] = [];
const plain = ({ _k: _, ...rest }: Row) => rest as Record<string, unknown>;

export function useDraftEditing(
  draft: Draft | null,
  setDraft: (d: Draft) => void,
  errors: RowErrors,
  setErrors: (e: RowErrors) => void,
  source: { has: (k: string) => boolean; show: (k: string) => void },
  t: I18n['t'],
) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const programme = (pk: string) => draft?.programmes.find((p) => p._k === pk);
  const rowsOf = (list: EditList, parent?: string): Row[] =>
    list === 'actions' ? (programme(parent ?? '')?.actions ?? []) : (draft?.[list] ?? []);
  const withActions = (d: Draft, pk: string, f: (a: ProgrammeRow['actions']) => ProgrammeRow['actions']) => ({
    ...d,
    programmes: d.programmes.map((p) => (p._k === pk ? { ...p, actions: f(p.actions) } : p)),
  });

  const rowActions = (list: EditList, parent?: string): RowActions => ({
    problems: (k) => (list === 'actions' ? undefined : errors.byKey.get(k)),
    hasSource: source.has,
    onSource: source.show,
    onEdit: (k) => {
      const row = rowsOf(list, parent).find((r) => r._k === k);
      if (row)
        setEditing({
          list,
          key: k,
          parent,
          values: plain(row),
          title: t('exEditTitle', { name: label(row) }),
        });
    },
    onDelete: (k) => {
      if (!draft) return;
      setDraft(
        list === 'actions'
          ? withActions(draft, parent ?? '', (as) => as.filter((a) => a._k !== k))
          : removeItem(draft, list, k),
      );
    },
    deleteNote: (k) => {
      if (list !== 'indicators' || !draft) return undefined;
      const id = draft.indicators.find((i) => i._k === k)?.id ?? '';
      const n = dependants(draft, id);
      return n.targets || n.observations
        ? t('exDeleteIndicator', { t: n.targets, o: n.observations })
        : undefined;
    },
  });

  const add = (list: EditList, parent?: string) => {
    if (!draft) return;
    const ids = rowsOf(list, parent).map((r) => r.id ?? '');
    const values = blankItem(list, draft, ids);
    setEditing({ list, key: null, parent, values, title: t('exAddTitle', { list: t(listWord[list]) }) });
  };

  const save = (e: Editing, values: Record<string, unknown>) => {
    if (!draft) return;
    let next: Draft;
    if (e.list === 'actions') {
      const k = e.key ?? `new:action:${Date.now()}`;
      const row = { ...(values as { id: string; name: string }), _k: k };
      next = withActions(draft, e.parent ?? '', (as) =>
        e.key ? as.map((a) => (a._k === e.key ? row : a)) : [...as, row],
      );
    } else {
      next = e.key ? updateItem(draft, e.list, e.key, values) : addItem(draft, e.list, values);
    }
    setDraft(next);
    if (e.key && errors.byKey.has(e.key)) {
      const byKey = new Map(errors.byKey);
      byKey.delete(e.key);
      const count = { ...errors.count, [e.list]: Math.max(0, (errors.count[e.list as ListName] ?? 1) - 1) };
      setErrors({ ...errors, byKey, count });
    }
    setEditing(null);
  };

  return {
    rowActions,
    add,
    editing,
    problemsOfEditing: (editing?.key && errors.byKey.get(editing.key)) || none,
    save,
    close: () => setEditing(null),
    merge: mergeIndicators,
  };
}
