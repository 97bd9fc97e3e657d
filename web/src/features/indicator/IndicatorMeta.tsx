import { Descriptions } from 'antd';
import type { IndicatorView } from '../../../../src/contracts/plans';
import { useI18n } from '../../i18n/context';

export function IndicatorMeta({ indicator }: { indicator: IndicatorView }) {
  const { t, word, pick, lang } = useI18n();
  const none = t('noValue');
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        { key: 'unit', label: t('unit'), children: indicator.unit },
        { key: 'direction', label: t('direction'), children: word(indicator.direction) },
        { key: 'frequency', label: t('frequency'), children: word(indicator.frequency) },
        { key: 'measure', label: t('measure'), children: word(indicator.measure) },
        { key: 'formula', label: t('formula'), children: indicator.formula ?? none },
        {
          key: 'department',
          label: t('department'),
          children: indicator.department
            ? pick(indicator.department.name, indicator.department.name_en)
            : none,
        },
        { key: 'source', label: t('source'), children: indicator.source ?? none, span: 'filled' },
        ...(indicator.note && lang === 'zh'
          ? [{ key: 'note', label: t('note'), children: indicator.note, span: 'filled' as const }]
          : []),
      ]}
    />
  );
}
