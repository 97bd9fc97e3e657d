/**
 * The view a page shows under its tabs, one of several: each a lazy component (its own chunk), so
 * only the shown view is downloaded; a spinner stands in while it loads.
 */
import { Suspense, type ReactNode } from 'react';
import { Loading } from './Loading';

export function ViewSwitch<V extends string>({ view, views }: { view: V; views: Record<V, ReactNode> }) {
  return <Suspense fallback={<Loading />}>{views[view]}</Suspense>;
}
