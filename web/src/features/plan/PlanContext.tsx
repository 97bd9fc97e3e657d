/** The plan being shown (from the URL, else the first published plan) and its target statuses. */
import { createContext, type ReactNode, useContext } from 'react';
import type { PlanDetail } from '../../../../src/contracts/plans';
import type { TargetStatus } from '../../../../src/contracts/status';
import { type Access, fetchPlan, fetchPlans, fetchStatus } from '../../api';
import { type AsyncState, useAsync } from '../common/useAsync';

export interface PlanData {
  detail: PlanDetail;
  /** Status per target id. */
  statuses: Map<string, TargetStatus>;
  asOf: string | undefined;
  /** Which API answered: `public` when not signed in, or on the portal. */
  access: Access;
  /** The JSON address of the plan as read (the open-data link). */
  path: string;
}

const PlanContext = createContext<AsyncState<PlanData>>({ state: 'loading' });

async function loadPlan(
  planId: string | undefined,
  asOf: string | undefined,
  prefer: Access,
  signal: AbortSignal,
): Promise<PlanData> {
  let id = planId;
  if (!id) {
    const { plans } = await fetchPlans(prefer, signal);
    const chosen = plans.find((p) => p.status === 'published') ?? plans[0];
    if (!chosen) throw new Error('No plan has been loaded yet.');
    id = chosen.id;
  }
  const { detail, access, path } = await fetchPlan(id, prefer, signal);
  // A failing status route is an error to show, not "not evaluated".
  const statuses = await fetchStatus(id, access, asOf, signal);
  return {
    detail,
    statuses: new Map(statuses.map((s) => [s.target, s])),
    asOf,
    access,
    path,
  };
}

export function PlanProvider(props: {
  plan?: string;
  asOf?: string;
  prefer: Access;
  /** Who is signed in (empty when nobody): the plan is read again after a login or logout. */
  viewer?: string;
  children: ReactNode;
}) {
  const { plan, asOf, prefer, viewer } = props;
  const state = useAsync(
    (signal) => loadPlan(plan, asOf, prefer, signal),
    `${plan ?? ''}|${asOf ?? ''}|${prefer}|${viewer ?? ''}`,
  );
  return <PlanContext.Provider value={state}>{props.children}</PlanContext.Provider>;
}

export function usePlan(): AsyncState<PlanData> {
  return useContext(PlanContext);
}
