/**
 * An Excel upload's submitted values wait for their departments' heads, as a single submission
 * does: one message per head and department (not one per row), worded in both languages.
 */
import type { Executor } from '../../db';
import type { Caller } from '../caller';
import { recordNotifications } from '../notify';
import * as repo from './data.repository';

/** What an upload submitted in one department. */
export interface UploadedToDepartment {
  departmentId: number;
  departmentName: string | null;
  count: number;
}

/** Tells each department's heads (inside the upload's transaction) how many values wait for them. */
export async function notifyHeadsOfUpload(
  trx: Executor,
  caller: Caller,
  planCode: string,
  departments: UploadedToDepartment[],
): Promise<void> {
  const self = caller.actor.kind === 'user' ? caller.actor.userId : null;
  const by = self === null ? null : await repo.displayNameOf(trx, self);
  const rows = [];
  for (const d of departments) {
    if (d.count === 0) continue;
    const heads = await repo.roleHolderIds(trx, caller.actor.tenantId, 'dept_head', d.departmentId);
    const dept = d.departmentName ?? '';
    const zh = `${by ?? '导入'}通过Excel提交了${dept}${d.count}项数据，待您审核`;
    const en = `${by ?? 'An import'} submitted ${d.count} value${d.count === 1 ? '' : 's'} of ${dept} by Excel upload; they await your approval`;
    for (const userId of heads.filter((id) => id !== self))
      rows.push({
        tenantId: caller.actor.tenantId,
        userId,
        departmentId: null,
        kind: 'data.awaiting_approval_upload',
        payload: {
          plan: planCode,
          department_name: d.departmentName,
          count: d.count,
          by,
          message: { zh, en },
          link: '/data/review',
        },
        at: caller.now.toISOString(),
      });
  }
  if (rows.length > 0) await recordNotifications(trx, rows);
}
