/** The frame of a page about the plan being shown: the login guard, its tabs, then its content once the plan is read. */
import type { ComponentType, ReactNode } from 'react';
import type { Permission } from '../../../../src/domain/access/roles';
import { RequireLogin } from '../auth/RequireLogin';
import { Loaded } from '../common/Loading';
import { type PlanData, usePlan } from './PlanContext';

export function PlanPage(props: {
  permission: Permission;
  className: string;
  /** The page's tabs, shown while the plan is read. */
  nav?: ReactNode;
  children: (plan: PlanData) => ReactNode;
}) {
  const plan = usePlan();
  return (
    <RequireLogin permission={props.permission}>
      <div className={props.className}>
        {props.nav}
        <Loaded state={plan}>{props.children}</Loaded>
      </div>
    </RequireLogin>
  );
}

/** A page whose one view needs only the plan's code: `View` inside PlanPage. */
export function planCodePage(
  permission: Permission,
  className: string,
  View: ComponentType<{ plan: string }>,
): ComponentType {
  return function PlanCodePage() {
    return (
      <PlanPage permission={permission} className={className}>
        {(data) => <View plan={data.detail.plan.id} />}
      </PlanPage>
    );
  };
}
