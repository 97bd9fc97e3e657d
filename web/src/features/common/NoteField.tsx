/** A text area under its label: a comment, a reason, a note. */
import { Input } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

export function NoteField(props: {
  id: string;
  /** The label's content: the word, and a hint or a required mark where there is one. */
  label: ReactNode;
  labelStyle?: CSSProperties;
  rows: number;
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={props.id} style={props.labelStyle}>
        {props.label}
      </label>
      <Input.TextArea
        id={props.id}
        rows={props.rows}
        maxLength={props.maxLength}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </>
  );
}
