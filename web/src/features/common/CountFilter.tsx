/**
 * Counts as toggle buttons (全部 12, ● 红灯 3 …): pressing one shows only that kind, pressing it
 * again or 全部 shows all; aria-pressed says which one is chosen.
 */
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import './countFilter.css';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { [data: `data-${string}`]: string | undefined };

export function CountFilter<K extends string>(props: {
  /** The group's name for assistive technology. */
  label: string;
  /** The page's class for the group: its spacing and the buttons' size. */
  className: string;
  kinds: readonly K[];
  counts: Record<K, number>;
  chosen: K | null;
  onChoose: (kind: K | null) => void;
  allWord: ReactNode;
  /** A kind's word (symbol, name, hint) and the colour it is written in. */
  word: (kind: K) => ReactNode;
  color: (kind: K) => string;
  /** More attributes of a button (a class, data-*); null is the 全部 button. */
  buttonProps?: (kind: K | null) => ButtonProps;
}) {
  const { kinds, counts, chosen, onChoose } = props;
  const total = kinds.reduce((n, k) => n + counts[k], 0);
  return (
    <div className={`sx-count-filter ${props.className}`} role="group" aria-label={props.label}>
      {[null, ...kinds].map((kind) => (
        <button
          key={kind ?? ''}
          type="button"
          aria-pressed={chosen === kind}
          onClick={() => onChoose(kind === null || chosen === kind ? null : kind)}
          {...props.buttonProps?.(kind)}
        >
          <span
            className="sx-count-filter-word"
            style={kind === null ? undefined : { color: props.color(kind) }}
          >
            {kind === null ? props.allWord : props.word(kind)}
          </span>
          <strong>{kind === null ? total : counts[kind]}</strong>
        </button>
      ))}
    </div>
  );
}
