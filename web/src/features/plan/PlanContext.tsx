/** The plan being shown (from the URL, else the first published plan) and its target statuses. */
import { createContext, type ReactNode, useContext } from 'react';
import type { PlanDetail } from '../../../../src/contracts/plans';
import { fetchPlan, fetchPlans, fetchStatus, type TargetStatus } from '../../api';
import { type AsyncState, useAsync } from '../common/useAsync';

export interface PlanData {
  detail: PlanDetail;
  /** Status per target id; `null` when the server does not evaluate targets yet. */
  statuses: Map<string, TargetStatus> | null;
  asOf: string | undefined;
}

const PlanContext = createContext<AsyncState<PlanData>>({ state: 'loading' });

async function loadPlan(planId: string | undefined, asOf: string | undefined, signal: AbortSignal) {
  let id = planId;
  if (!id) {
    const plans = await fetchPlans(signal);
    const chosen = plans.find((p) => p.status === 'published') ?? plans[0];
    if (!chosen) throw new Error('No plan has been loaded yet.');
    id = chosen.id;
  }
  const [detail, statuses] = await Promise.all([
    fetchPlan(id, signal),
    fetchStatus(id, asOf, signal).catch(() => null),
  ]);
  return {
    detail,
    statuses: statuses ? new Map(statuses.map((s) => [s.target, s])) : null,
    asOf,
  };
}

export function PlanProvider(props: { plan?: string; asOf?: string; children: ReactNode }) {
  const { plan, asOf } = props;
  const state = useAsync((signal) => loadPlan(plan, asOf, signal), `${plan ?? ''}|${asOf ?? ''}`);
  return <PlanContext.Provider value={state}>{props.children}</PlanContext.Provider>;
}

export function usePlan(): AsyncState<PlanData> {
  return useContext(PlanContext);
}
