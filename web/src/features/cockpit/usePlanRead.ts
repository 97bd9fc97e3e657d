/** The read of a plan page (cockpit, explorer) for the plan and day its address names. */
import { useLocation } from '../../router';
import { type AsyncState, useAsync } from '../common/useAsync';
import { resolvePlan } from './cockpitApi';

/** `?plan=` (default: the first published plan) and `?as_of=` (default: today); read again when they change. */
export function usePlanRead<T>(
  read: (plan: string, asOf: string | null, signal: AbortSignal) => Promise<T>,
): AsyncState<T> {
  const { search } = useLocation();
  const plan = search.get('plan');
  const asOf = search.get('as_of');
  return useAsync(
    async (signal) => read(await resolvePlan(plan, signal), asOf, signal),
    `${plan ?? ''}|${asOf ?? ''}`,
  );
}
