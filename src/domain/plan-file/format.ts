/**
 * Writes a PlanFile as canonical YAML: sections in a fixed order, one flow mapping per line for
 * list items, keys in schema order. Importing a file and exporting it again gives the same text
 * when the file was canonical, which is what `export` and the round-trip test rely on.
 */
import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import {
  actionSchema,
  departmentSchema,
  goalAreaSchema,
  indicatorSchema,
  observationSchema,
  planHeaderSchema,
  programmeSchema,
  targetSchema,
  type PlanFile,
} from './schema';
import { taskReportSchema, taskSchema } from './tasks-schema';

type Shape = { shape: Record<string, unknown> } | { _def: unknown };

/** Key order of a zod object schema (refined schemas expose their inner object's shape). */
function keysOf(schema: unknown): string[] {
  const s = schema as Shape & { def?: { in?: unknown; schema?: unknown; type?: string } };
  if ('shape' in s && s.shape) return Object.keys(s.shape);
  const inner = s.def?.in ?? s.def?.schema;
  return inner ? keysOf(inner) : [];
}

function ordered(obj: object, keys: string[]): Record<string, unknown> {
  const record = obj as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (record[k] !== undefined) out[k] = record[k];
  return out;
}

const sectionOrder = [
  'departments',
  'goal_areas',
  'indicators',
  'targets',
  'programmes',
  'observations',
  'tasks',
  'task_reports',
] as const;

/** Sections left out when empty, so plans written before tasks existed export unchanged. */
const optionalSections = new Set<string>(['tasks', 'task_reports']);

/** Serialises a plan file canonically. */
export function formatPlanFile(plan: PlanFile): string {
  const programmeKeys = keysOf(programmeSchema);
  const actionKeys = keysOf(actionSchema);
  const itemKeys = {
    departments: keysOf(departmentSchema),
    goal_areas: keysOf(goalAreaSchema),
    indicators: keysOf(indicatorSchema),
    targets: keysOf(targetSchema),
    observations: keysOf(observationSchema),
    tasks: keysOf(taskSchema),
    task_reports: keysOf(taskReportSchema),
  };
  const body: Record<string, unknown> = { plan: ordered(plan.plan, keysOf(planHeaderSchema)) };
  for (const section of sectionOrder) {
    if (optionalSections.has(section) && plan[section].length === 0) continue;
    if (section === 'programmes') {
      body.programmes = plan.programmes.map((p) => ({
        ...ordered(
          p,
          programmeKeys.filter((k) => k !== 'actions'),
        ),
        actions: p.actions.map((a) => ordered(a, actionKeys)),
      }));
    } else {
      body[section] = (plan[section] as object[]).map((item) => ordered(item, itemKeys[section]));
    }
  }
  const doc = new Document(body);
  flowItems(doc.contents as YAMLMap);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Every list item becomes a one-line flow mapping, except programmes, whose actions are. */
function flowItems(root: YAMLMap): void {
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown }).value ?? pair.key);
    const value = pair.value;
    if (key === 'plan' && isMap(value)) {
      value.flow = true;
      continue;
    }
    if (!isSeq(value)) continue;
    if (value.items.length === 0) value.flow = true;
    for (const item of value.items) {
      if (!isMap(item)) continue;
      if (key === 'programmes') {
        for (const p of item.items) {
          if (isSeq(p.value)) {
            if (p.value.items.length === 0) p.value.flow = true;
            for (const a of p.value.items) if (isMap(a)) a.flow = true;
          }
        }
      } else {
        item.flow = true;
      }
    }
  }
}
