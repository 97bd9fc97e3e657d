/**
 * Open data files of a published plan: the Frictionless Data Package (datapackage.json + CSVs),
 * Open SDG's CSV layout per indicator, and one indicator's data as CSV, JSON and XLSX.
 */
import type { PublicIndicator, PublicPlan } from '../../../contracts/portal';
import { csvField, neutraliseCell } from '../../../domain/data-import';
import { metadataTable } from './metadata';
import { observationsTable, planTables, toCsv, type Table } from './tables';

/** `datapackage.json` (Frictionless tabular data package) describing `planTables`' CSV files. */
export function dataPackage(plan: PublicPlan): string {
  const descriptor = {
    profile: 'tabular-data-package',
    name: plan.plan.id.toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
    title: plan.plan.title,
    description: plan.plan.title_en ?? undefined,
    version: plan.updated ?? plan.as_of,
    created: plan.as_of,
    licenses: [
      {
        name: 'CC-BY-4.0',
        title: 'Creative Commons Attribution 4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
      },
    ],
    resources: planTables(plan).map((t) => ({
      profile: 'tabular-data-resource',
      name: t.name,
      title: t.title,
      path: `${t.name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: { fields: t.fields },
    })),
  };
  return JSON.stringify(descriptor, null, 2);
}

/** The CSV files of the data package, by file name. */
export function dataPackageFiles(plan: PublicPlan): Map<string, string> {
  return new Map(planTables(plan).map((t) => [`${t.name}.csv`, toCsv(t)]));
}

/**
 * Open SDG's data layout (`indicator_ID.csv`): `Year`, optional disaggregation columns, `Units`,
 * `Value`. Annual figures are the headline (empty disaggregations); a month or quarter is a
 * `Period` disaggregation, as Open SDG has no sub-annual time column.
 */
export function opensdgCsv(i: PublicIndicator): string {
  const sub = i.observations.some((o) => o.period.length > 4);
  const header = ['Year', ...(sub ? ['Period'] : []), 'Units', 'Value'];
  const main = i.observations.filter((o) => !o.alternate);
  const lines = main.map((o) =>
    [
      o.period.slice(0, 4),
      ...(sub ? [o.period.length > 4 ? o.period : ''] : []),
      csvField(neutraliseCell(i.unit)),
      String(o.value),
    ].join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

/** One indicator's figures as a table. */
export function indicatorTable(i: PublicIndicator): Table {
  return observationsTable([i]);
}

/** One indicator's figures and metadata as JSON (the same shape as the open data API). */
export function indicatorJson(plan: PublicPlan, i: PublicIndicator): string {
  return JSON.stringify({ plan: plan.plan.id, as_of: plan.as_of, indicator: i }, null, 2);
}

export { metadataTable };
