/** What the edit drawer asks for each kind of item. */
import { qualifiers, targetKinds } from '../../../../src/domain/plan-file/schema';
import type { Key } from '../../i18n/dict';
import { departmentChoices, type Draft, type ListName } from './draft';

export type EditList = ListName | 'actions';

export interface FieldSpec {
  name: string;
  label: Key;
  type: 'text' | 'number' | 'select' | 'multiselect' | 'textarea';
  required?: boolean;
  /** Select options: enumeration words, or ids of the draft's items. */
  options?: readonly string[] | ((d: Draft) => { value: string; label: string }[]);
}

const indicatorOptions = (d: Draft) => d.indicators.map((i) => ({ value: i.id, label: `${i.id} ${i.name}` }));
const goalAreaOptions = (d: Draft) => d.goal_areas.map((g) => ({ value: g.id, label: `${g.id} ${g.name}` }));
const actionOptions = (d: Draft) =>
  d.programmes.flatMap((p) => p.actions.map((a) => ({ value: a.id, label: `${a.id} ${a.name}` })));
const departmentOptions = (d: Draft) =>
  departmentChoices(d).map((x) => ({ value: x.id, label: `${x.name} (${x.id})` }));

const id: FieldSpec = { name: 'id', label: 'exId', type: 'text', required: true };
const name: FieldSpec = { name: 'name', label: 'exName', type: 'text', required: true };
const note: FieldSpec = { name: 'note', label: 'exNote', type: 'textarea' };
const value: FieldSpec = { name: 'value', label: 'exValue', type: 'number' };
const qualifier: FieldSpec = { name: 'qualifier', label: 'exQualifier', type: 'select', options: qualifiers };
const goalArea: FieldSpec = {
  name: 'goal_area',
  label: 'exGoalArea',
  type: 'select',
  options: goalAreaOptions,
};

export const fieldSpecs: Record<EditList, FieldSpec[]> = {
  goal_areas: [id, name, { name: 'description', label: 'exDescription', type: 'textarea' }],
  indicators: [
    id,
    name,
    { name: 'unit', label: 'exUnit', type: 'text', required: true },
    { name: 'direction', label: 'exDirection', type: 'select', options: ['up', 'down'], required: true },
    {
      name: 'frequency',
      label: 'exFrequency',
      type: 'select',
      options: ['annual', 'quarterly', 'monthly'],
      required: true,
    },
    {
      name: 'measure',
      label: 'exMeasure',
      type: 'select',
      options: ['flow', 'stock', 'ratio'],
      required: true,
    },
    goalArea,
    note,
  ],
  targets: [
    id,
    { name: 'kind', label: 'exKind', type: 'select', options: targetKinds, required: true },
    { name: 'indicator', label: 'exIndicator', type: 'select', options: indicatorOptions },
    value,
    qualifier,
    { name: 'year', label: 'exYearCol', type: 'number' },
    { name: 'from', label: 'exFrom', type: 'number' },
    { name: 'to', label: 'exTo', type: 'number' },
    { name: 'due', label: 'exDue', type: 'text' },
    goalArea,
    { name: 'text', label: 'exText', type: 'textarea' },
  ],
  observations: [
    { name: 'indicator', label: 'exIndicator', type: 'select', options: indicatorOptions, required: true },
    { name: 'period', label: 'exPeriod', type: 'text', required: true },
    { ...value, required: true },
    qualifier,
    note,
  ],
  programmes: [id, { name: 'number', label: 'exNumber', type: 'number', required: true }, name],
  actions: [id, name],
  tasks: [
    id,
    { name: 'title', label: 'exTaskTitle', type: 'textarea', required: true },
    { name: 'action', label: 'exTaskAction', type: 'select', options: actionOptions, required: true },
    { name: 'lead_department', label: 'exLead', type: 'select', options: departmentOptions },
    { name: 'co_departments', label: 'exCo', type: 'multiselect', options: departmentOptions },
    { name: 'start', label: 'exTaskStart', type: 'text', required: true },
    { name: 'due', label: 'exTaskDue', type: 'text', required: true },
    {
      name: 'cycle',
      label: 'exCycle',
      type: 'select',
      options: ['weekly', 'monthly', 'quarterly'],
      required: true,
    },
  ],
};

/** A new item's starting values. */
export function blankItem(list: EditList, d: Draft, ids: string[]): Record<string, unknown> {
  const n = (prefix: string) => {
    for (let i = ids.length + 1; ; i++) {
      const candidate = `${prefix}${String(i).padStart(2, '0')}`;
      if (!ids.includes(candidate)) return candidate;
    }
  };
  switch (list) {
    case 'goal_areas':
      return { id: n('ga-') };
    case 'indicators':
      return { id: n('ind-'), direction: 'up', frequency: 'annual', measure: 'flow' };
    case 'targets':
      return { id: n('t-'), kind: 'level', year: d.plan.end };
    case 'observations':
      return { period: String(d.plan.baseline_year) };
    case 'programmes':
      return { id: n('p-'), number: ids.length + 1 };
    case 'actions':
      return { id: n('a-') };
    case 'tasks':
      return {
        id: n('task-'),
        action: d.programmes[0]?.actions[0]?.id,
        start: `${d.plan.start}-01-01`,
        due: `${d.plan.end}-12-31`,
        cycle: 'monthly',
      };
  }
}
