/** Departments of a tenant: list (anyone who reads plans), create and rename (administrators). */
import type { DepartmentCreate, DepartmentEntry, DepartmentUpdate } from '../../contracts/accounts';
import type { Db } from '../../db';
import { writeAudit } from '../auth';
import { AppError, coded, notFound } from '../errors';
import * as repo from './accounts.repository';
import { presentDepartment } from './accounts.presenter';
import { auditOf, type Caller } from '../caller';

/** The caller's tenant's departments, by code. */
export async function listDepartments(db: Db, caller: Caller): Promise<DepartmentEntry[]> {
  return (await repo.listDepartments(db.kysely, caller.actor.tenantId)).map(presentDepartment);
}

/** Creates a department (409 when the code is taken in this tenant). */
export async function createDepartment(
  db: Db,
  caller: Caller,
  input: DepartmentCreate,
): Promise<DepartmentEntry> {
  if (await repo.findDepartment(db.kysely, caller.actor.tenantId, input.code)) {
    throw coded(
      new AppError(409, 'Conflict', `The department code '${input.code}' is taken.`),
      'department_code_taken',
      {
        code: input.code,
      },
    );
  }
  return db.kysely.transaction().execute(async (trx) => {
    const row = await repo.insertDepartment(trx, {
      tenantId: caller.actor.tenantId,
      code: input.code,
      name: input.name,
      nameEn: input.name_en ?? null,
    });
    const after = presentDepartment(row);
    await writeAudit(
      trx,
      auditOf(caller, { action: 'department.create', objectType: 'department', objectId: row.code, after }),
    );
    return after;
  });
}

/** Renames a department; its code is its identity in plan files and is not changed here. */
export async function updateDepartment(
  db: Db,
  caller: Caller,
  code: string,
  input: DepartmentUpdate,
): Promise<DepartmentEntry> {
  const found = await repo.findDepartment(db.kysely, caller.actor.tenantId, code);
  if (!found) throw notFound(`department '${code}'`);
  const before = presentDepartment(found);
  const set = {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.name_en === undefined ? {} : { name_en: input.name_en }),
  };
  if (Object.keys(set).length === 0) return before;
  return db.kysely.transaction().execute(async (trx) => {
    const after = presentDepartment(await repo.updateDepartment(trx, caller.actor.tenantId, found.id, set));
    await writeAudit(
      trx,
      auditOf(caller, {
        action: 'department.update',
        objectType: 'department',
        objectId: code,
        before,
        after,
      }),
    );
    return after;
  });
}
