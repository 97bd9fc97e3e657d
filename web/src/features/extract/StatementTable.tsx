/** Every quantitative statement found in the document, with its value in the document's own units. */
import { Table, Tag } from 'antd';
import type { StatementView } from '../../../../src/contracts/extract';
import { useI18n } from '../../i18n/context';
import { valueText } from './valueText';

interface Props {
  statements: StatementView[];
  onPick: (s: StatementView) => void;
}

export function StatementTable({ statements, onPick }: Props) {
  const { t, word, lang } = useI18n();
  return (
    <Table<StatementView & { i: number }>
      aria-label={t('exStatements')}
      size="small"
      rowKey="i"
      pagination={false}
      dataSource={statements.map((s, i) => ({ ...s, i }))}
      onRow={(s) => ({ onClick: () => onPick(s), style: { cursor: 'pointer' } })}
      columns={[
        {
          key: 'period',
          title: t('exPeriodType'),
          width: 72,
          render: (_, s) => (
            <Tag className={`sx-x-tag-${s.period}`}>
              {t(s.period === 'target' ? 'exTarget' : 'exAchievement')}
            </Tag>
          ),
        },
        { key: 'subject', dataIndex: 'subject', title: t('exSubject') },
        {
          key: 'value',
          title: t('exValue'),
          width: 130,
          render: (_, s) => valueText(s.value, s.unit, s.qualifier, lang),
        },
        { key: 'kind', dataIndex: 'kind', title: t('exKind'), width: 90, render: (v: string) => word(v) },
        {
          key: 'year',
          dataIndex: 'target_year',
          title: t('exTargetYear'),
          width: 70,
          render: (v: number | null) => v ?? '—',
        },
      ]}
    />
  );
}
