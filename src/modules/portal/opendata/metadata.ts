/** An indicator's metadata as a two-column table (the XLSX download's second sheet). */
import type { PublicIndicator } from '../../../contracts/portal';
import type { Table } from './tables';

export function metadataTable(i: PublicIndicator): Table {
  return {
    name: 'metadata',
    title: '指标说明 Metadata',
    fields: [
      { name: 'field', type: 'string', description: 'Field' },
      { name: 'value', type: 'string', description: 'Value' },
    ],
    rows: [
      ['id', i.id],
      ['name', i.name],
      ['name_en', i.name_en],
      ['unit', i.unit],
      ['frequency', i.frequency],
      ['definition', i.definition],
      ['formula', i.formula],
      ['source', i.source],
      ['department', i.department?.name ?? null],
      ['updated', i.updated],
    ],
  };
}
