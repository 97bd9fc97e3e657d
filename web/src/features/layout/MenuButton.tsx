/**
 * A button that opens a small panel below it (the user menu, the folded navigation on phones).
 * Plain HTML instead of antd's Dropdown keeps the menu machinery out of every page's first load.
 * Escape, a click outside and a click on a link inside close it; focus returns to the button.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

export function MenuButton(props: {
  /** What the button shows; its accessible name starts with this text. */
  label: ReactNode;
  /** A longer accessible name, when the visible label alone is not enough. */
  ariaLabel?: string;
  className?: string;
  panelClassName?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);
  return (
    <div className={`sx-menu ${props.className ?? ''}`} ref={root}>
      <button
        ref={button}
        type="button"
        className="sx-menu-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={props.ariaLabel}
        onClick={() => setOpen((o) => !o)}
      >
        {props.label}
      </button>
      <div
        id={id}
        className={`sx-menu-panel ${props.panelClassName ?? ''}`}
        hidden={!open}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('a, button')) setOpen(false);
        }}
      >
        {props.children}
      </div>
    </div>
  );
}
