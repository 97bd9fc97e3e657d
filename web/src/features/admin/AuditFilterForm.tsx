/** The audit filters: actor, action, object type, outcome and a date range. */
import { Button, Form, Input, Select, Space } from 'antd';
import type { AuditQuery } from '../../../../src/contracts/audit';
import { useI18n } from '../../i18n/context';
import { auditActionOptions, auditObjectOptions } from './auditWords';
import type { AuditFilters } from './adminApi';

type Outcome = NonNullable<AuditQuery['outcome']>;
// Typed against the contract, without pulling zod into the bundle.
const auditOutcomes = Object.keys({ success: 1, failure: 1, denied: 1 } satisfies Record<
  Outcome,
  1
>) as Outcome[];

/** A filter picked from a list; cleared, it is any. */
function ChoiceFilter(props: {
  label: string;
  name: keyof AuditFilters;
  placeholder: string;
  options: { value: string; label: string }[];
  /** A long list: typing narrows it. */
  searchable?: boolean;
}) {
  return (
    <Form.Item label={props.label} name={props.name}>
      <Select
        allowClear
        {...(props.searchable && { showSearch: true, optionFilterProp: 'label' })}
        placeholder={props.placeholder}
        className="sx-audit-outcome"
        options={props.options}
      />
    </Form.Item>
  );
}

export function AuditFilterForm({ onSearch }: { onSearch: (f: AuditFilters) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<AuditFilters>();
  const clean = (v: AuditFilters): AuditFilters =>
    Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string' && x.trim()));
  return (
    <Form<AuditFilters>
      form={form}
      layout="inline"
      name="audit-filters"
      aria-label={t('filters')}
      role="search"
      className="sx-audit-filters"
      onFinish={(v) => onSearch(clean(v))}
    >
      <Form.Item label={t('auditActor')} name="actor">
        <Input allowClear autoComplete="off" />
      </Form.Item>
      <ChoiceFilter
        label={t('auditAction')}
        name="action"
        placeholder={t('audAnyAction')}
        options={auditActionOptions(i18n)}
        searchable
      />
      <ChoiceFilter
        label={t('auditObject')}
        name="object_type"
        placeholder={t('audAnyObject')}
        options={auditObjectOptions(i18n)}
      />
      <ChoiceFilter
        label={t('auditOutcome')}
        name="outcome"
        placeholder={t('anyOutcome')}
        options={auditOutcomes.map((o) => ({ value: o, label: t(`outcome_${o}`) }))}
      />
      <Form.Item label={t('from')} name="from">
        <Input type="date" />
      </Form.Item>
      <Form.Item label={t('to')} name="to">
        <Input type="date" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('reset')}
        </Button>
      </Space>
    </Form>
  );
}
