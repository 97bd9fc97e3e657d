/**
 * The administrator's side of notifications: webhook endpoints (a group-chat robot or any JSON
 * receiver) for one department's notices or the whole tenant's, and the deliveries that failed.
 * Each change is audited; a secret is stored but never sent back.
 */
import type {
  Delivery,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointUpdate,
} from '../../contracts/notify';
import type { Db } from '../../db';
import { writeAudit } from '../auth';
import { AppError, badInput, notFound } from '../errors';
import type { Caller } from '../caller';
import { presentDelivery, presentEndpoint } from './notify.presenter';
import * as repo from './notify.repository';

export async function listEndpoints(db: Db, caller: Caller): Promise<WebhookEndpoint[]> {
  return (await repo.listEndpoints(db.kysely, caller.actor.tenantId)).map(presentEndpoint);
}

async function departmentId(db: Db, tenantId: number, code: string | null | undefined) {
  if (code === undefined || code === null) return code;
  const id = await repo.findDepartmentId(db.kysely, tenantId, code);
  if (id === undefined) {
    const message = `没有部门 ${code} / no department '${code}'`;
    throw badInput(message, [{ field: 'department', message }]);
  }
  return id;
}

async function requireFreeName(db: Db, tenantId: number, name: string | undefined, exceptId?: number) {
  if (name !== undefined && (await repo.endpointNameTaken(db.kysely, tenantId, name, exceptId))) {
    throw new AppError(409, 'Conflict', `An endpoint named '${name}' exists already.`);
  }
}

async function findEndpoint(db: Db, tenantId: number, id: number) {
  const found = (await repo.listEndpoints(db.kysely, tenantId)).find((e) => e.id === id);
  if (!found) throw notFound(`webhook endpoint ${id}`);
  return found;
}

/** What the audit keeps of an endpoint: never its secret. */
const audited = (e: WebhookEndpoint) => ({ ...e });

type EndpointRow = Parameters<typeof presentEndpoint>[0];

/** Audits the caller's change to an endpoint, with the endpoint before and after it (where it exists). */
function auditEndpoint(
  trx: repo.Q,
  caller: Caller,
  change: 'create' | 'update' | 'delete',
  id: number,
  before: EndpointRow | undefined,
  after: EndpointRow | undefined,
): Promise<void> {
  const shown = (row: EndpointRow | undefined) => (row ? audited(presentEndpoint(row)) : undefined);
  return writeAudit(trx, {
    tenantId: caller.actor.tenantId,
    actor: caller.actor,
    action: `notify.webhook.${change}`,
    objectType: 'webhook_endpoint',
    objectId: id,
    before: shown(before),
    after: shown(after),
    sourceIp: caller.sourceIp,
    outcome: 'success',
    at: caller.now,
  });
}

export async function createEndpoint(db: Db, caller: Caller, input: WebhookEndpointCreate) {
  const tenantId = caller.actor.tenantId;
  await requireFreeName(db, tenantId, input.name);
  const values: repo.EndpointValues = {
    department_id: (await departmentId(db, tenantId, input.department)) ?? null,
    name: input.name,
    format: input.format,
    url: input.url,
    secret: input.secret ?? null,
    enabled: input.enabled === false ? 0 : 1,
  };
  const id = await db.kysely.transaction().execute(async (trx) => {
    const newId = await repo.insertEndpoint(trx, tenantId, values, caller.now.toISOString());
    const created = (await repo.listEndpoints(trx, tenantId)).find((e) => e.id === newId);
    await auditEndpoint(trx, caller, 'create', newId, undefined, created);
    return newId;
  });
  return presentEndpoint(await findEndpoint(db, tenantId, id));
}

export async function updateEndpoint(db: Db, caller: Caller, id: number, change: WebhookEndpointUpdate) {
  const tenantId = caller.actor.tenantId;
  const before = await findEndpoint(db, tenantId, id);
  await requireFreeName(db, tenantId, change.name, id);
  const values: Partial<repo.EndpointValues> = {
    ...(change.name === undefined ? {} : { name: change.name }),
    ...(change.format === undefined ? {} : { format: change.format }),
    ...(change.url === undefined ? {} : { url: change.url }),
    ...(change.secret === undefined ? {} : { secret: change.secret }),
    ...(change.enabled === undefined ? {} : { enabled: change.enabled ? 1 : 0 }),
  };
  const department = await departmentId(db, tenantId, change.department);
  if (department !== undefined) values.department_id = department;
  await db.kysely.transaction().execute(async (trx) => {
    await repo.updateEndpoint(trx, tenantId, id, values, caller.now.toISOString());
    const after = (await repo.listEndpoints(trx, tenantId)).find((e) => e.id === id);
    await auditEndpoint(trx, caller, 'update', id, before, after);
  });
  return presentEndpoint(await findEndpoint(db, tenantId, id));
}

export async function deleteEndpoint(db: Db, caller: Caller, id: number): Promise<void> {
  const tenantId = caller.actor.tenantId;
  const before = await findEndpoint(db, tenantId, id);
  await db.kysely.transaction().execute(async (trx) => {
    await repo.deleteEndpoint(trx, tenantId, id);
    await auditEndpoint(trx, caller, 'delete', id, before, undefined);
  });
}

/** Deliveries that failed at least once: given up (`failed`) or waiting to retry (`retrying`). */
export async function listDeliveries(
  db: Db,
  caller: Caller,
  status: 'failed' | 'retrying' | 'all',
): Promise<Delivery[]> {
  return (await repo.listTroubledDeliveries(db.kysely, caller.actor.tenantId, status)).map(presentDelivery);
}

/** Puts a failed delivery back in the queue; the next run of the jobs sends it. */
export async function retryDelivery(db: Db, caller: Caller, id: number): Promise<Delivery> {
  const tenantId = caller.actor.tenantId;
  const done = await repo.requeueDelivery(db.kysely, tenantId, id, caller.now.toISOString());
  if (!done) throw notFound(`failed delivery ${id}`);
  await writeAudit(db.kysely, {
    tenantId,
    actor: caller.actor,
    action: 'notify.delivery.retry',
    objectType: 'notification_delivery',
    objectId: id,
    sourceIp: caller.sourceIp,
    outcome: 'success',
    at: caller.now,
  });
  const found = (await repo.listTroubledDeliveries(db.kysely, tenantId, 'all')).find((d) => d.id === id);
  if (!found) throw notFound(`delivery ${id}`);
  return presentDelivery(found);
}
