/** The left pane: the document text with every extracted statement marked, achievement or target. */
import { type KeyboardEvent, type Ref, useImperativeHandle, useMemo, useRef } from 'react';
import type { StatementView } from '../../../../src/contracts/extract';
import { useI18n } from '../../i18n/context';
import type { Span } from './draft';
import { segment } from './segments';

export interface DocumentPaneHandle {
  /** Scrolls the pane so the span is in view (the page marks it as active). */
  show: (span: Span) => void;
}

interface Props {
  text: string;
  statements: StatementView[];
  linkSpans: Span[];
  active: Span | null;
  onPick: (s: StatementView, how: 'hover' | 'click') => void;
  ref?: Ref<DocumentPaneHandle>;
}

export function DocumentPane({ text, statements, linkSpans, active, onPick, ref }: Props) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const segments = useMemo(() => segment(text, statements, linkSpans), [text, statements, linkSpans]);
  useImperativeHandle(ref, () => ({
    show: (span) => {
      const el = box.current?.querySelector<HTMLElement>(`[data-o="${span.start}"]`);
      if (!el || !box.current) return;
      box.current.scrollTo({
        top: Math.max(0, el.offsetTop - box.current.clientHeight / 3),
        behavior: 'smooth',
      });
    },
  }));
  const label = (s: StatementView) => t(s.period === 'target' ? 'exTarget' : 'exAchievement');
  const key = (s: StatementView) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(s, 'click');
    }
  };
  return (
    <div className="sx-x-doc" ref={box} tabIndex={0} role="region" aria-label={t('exDocPane')}>
      {segments.map((seg) => {
        const piece = text.slice(seg.start, seg.end);
        const inActive = active !== null && seg.start >= active.start && seg.end <= active.end;
        const s = statements[seg.stmt];
        if (!s)
          return (
            <span key={seg.start} data-o={seg.start} className={inActive ? 'sx-x-active' : undefined}>
              {piece}
            </span>
          );
        const first = seg.starts.includes(seg.stmt);
        const periods = [...new Set(seg.starts.map((j) => statements[j]?.period))];
        return (
          <mark
            key={seg.start}
            data-o={seg.start}
            className={`sx-x-mark sx-x-${s.period}${inActive ? ' sx-x-active' : ''}`}
            title={`${label(s)}：${s.subject}`}
            tabIndex={first ? 0 : -1}
            role="button"
            aria-label={first ? `${label(s)}：${s.text}` : undefined}
            onMouseEnter={() => onPick(s, 'hover')}
            onClick={() => onPick(s, 'click')}
            onKeyDown={key(s)}
          >
            {periods.map((p) => (
              <span key={p} className={`sx-x-tag sx-x-tag-${p}`} aria-hidden="true">
                {t(p === 'target' ? 'exTarget' : 'exAchievement')}
              </span>
            ))}
            {piece}
          </mark>
        );
      })}
    </div>
  );
}
