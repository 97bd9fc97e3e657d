/** A month to pick (YYYY-MM) with its label, for the reports a month makes. */
import { Input } from 'antd';

export function MonthField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (month: string) => void;
}) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <Input
        id={props.id}
        type="month"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        style={{ width: 180 }}
      />
    </>
  );
}
