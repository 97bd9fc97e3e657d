/** A row of page tabs as links: the ones the user may use, the current one marked. */
import { Link } from '../../router';

export interface Tab<K extends string> {
  key: K;
  href: string;
  label: string;
  /** Whether the user may use the page (a tab they may not use is not shown). */
  show: boolean;
}

/** `tabClass` names a tab; the row is `<tabClass>s`, the current tab also `<tabClass>-active`. */
export function TabNav<K extends string>(props: {
  label: string;
  tabs: Tab<K>[];
  current: K;
  tabClass: string;
}) {
  const { tabClass, current } = props;
  return (
    <nav className={`${tabClass}s`} aria-label={props.label}>
      {props.tabs
        .filter((x) => x.show)
        .map((x) => (
          <Link
            key={x.key}
            href={x.href}
            className={x.key === current ? `${tabClass} ${tabClass}-active` : tabClass}
            aria-current={x.key === current ? 'page' : undefined}
          >
            {x.label}
          </Link>
        ))}
    </nav>
  );
}
