/** The plan header of the draft (id, title, years), edited in place. */
import { Form, Input, InputNumber } from 'antd';
import { useEffect } from 'react';
import type { PlanHeader } from '../../../../src/domain/plan-file/schema';
import { useI18n } from '../../i18n/context';
import type { FieldProblem } from './errors';

interface Props {
  plan: PlanHeader;
  problems: FieldProblem[];
  onChange: (plan: PlanHeader) => void;
}

const fields = [
  { name: 'id', label: 'exPlanId', number: false },
  { name: 'title', label: 'exPlanTitle', number: false },
  { name: 'start', label: 'exStart', number: true },
  { name: 'end', label: 'exEnd', number: true },
  { name: 'baseline_year', label: 'exBaseline', number: true },
] as const;

export function PlanHeaderForm({ plan, problems, onChange }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<PlanHeader>();
  useEffect(() => {
    form.setFields(
      fields.map((f) => ({
        name: f.name,
        errors: problems.filter((p) => p.field === f.name).map((p) => p.message),
      })),
    );
  }, [problems, form]);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={plan}
      className="sx-x-header"
      onValuesChange={(_, all) => onChange({ ...plan, ...all })}
    >
      {fields.map((f) => (
        <Form.Item
          key={f.name}
          name={f.name}
          label={t(f.label)}
          className={`sx-x-h-${f.name}`}
          rules={[{ required: true, message: t('exRequired', { field: t(f.label) }) }]}
        >
          {f.number ? (
            <InputNumber controls={false} min={1900} max={2200} style={{ width: '100%' }} />
          ) : (
            <Input />
          )}
        </Form.Item>
      ))}
    </Form>
  );
}
