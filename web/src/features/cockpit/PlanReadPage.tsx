/** A page that reads what it shows itself (cockpit, explorer) for the plan and the day its address names. */
import type { ReactNode } from 'react';
import { useLocation } from '../../router';
import { RequireLogin } from '../auth/RequireLogin';
import { Loaded } from '../common/Loading';
import { useAsync } from '../common/useAsync';
import { resolvePlan } from './cockpitApi';

type Read<T> = (plan: string, asOf: string | null, signal: AbortSignal) => Promise<T>;

/** `?plan=` (default: the first published plan) and `?as_of=` (default: today); read again when they change. */
export function PlanReadPage<T>(props: { read: Read<T>; children: (data: T) => ReactNode }) {
  return (
    <RequireLogin permission="plan:read">
      <PlanRead {...props} />
    </RequireLogin>
  );
}

function PlanRead<T>({ read, children }: { read: Read<T>; children: (data: T) => ReactNode }) {
  const { search } = useLocation();
  const plan = search.get('plan');
  const asOf = search.get('as_of');
  const state = useAsync(
    async (signal) => read(await resolvePlan(plan, signal), asOf, signal),
    `${plan ?? ''}|${asOf ?? ''}`,
  );
  return <Loaded state={state}>{children}</Loaded>;
}
