/** What every cockpit read takes from its request: tenant, plan, day, caller and scope. */
import type { Context } from 'hono';
import { callerOf } from '../caller';
import type { AppEnv } from '../http';
import { scopeOf } from '../plans';
import { todayUtc } from '../status';
import { tenantOf } from '../tenancy';

export async function planReadOf(
  c: Context<AppEnv>,
  query: { tenant?: string | undefined; as_of?: string | undefined },
  plan: string,
) {
  const tenant = await tenantOf(c, query.tenant);
  return {
    tenantId: tenant.id,
    plan,
    asOf: query.as_of ?? todayUtc(c.get('now')()),
    caller: callerOf(c),
    scope: scopeOf(c.get('actor')),
  };
}
