/**
 * When the city publishes a new version of a definition, each district whose plan adopted an
 * older one is told (城市口径已更新): its planners — the roles that may write the plan, who are
 * the ones able to move the indicator to the new version — get an in-app message naming what
 * changed, in both languages, linking to the indicator.
 */
import type { Executor } from '../../db';
import { rolePermissions, roles } from '../../domain/access';
import { notifyRoleHolders } from '../notify';
import * as repo from './city.repository';

/** The district's planners: roles that may write its plans (the city's own roles write nothing there). */
const planners = roles.filter((r) => rolePermissions[r].includes('plan:write'));

const labels: Record<string, [zh: string, en: string]> = {
  name: ['名称', 'name'],
  name_en: ['英文名称', 'English name'],
  unit: ['单位', 'unit'],
  measure: ['类型', 'measure'],
  direction: ['方向', 'direction'],
  frequency: ['频率', 'frequency'],
  formula: ['公式', 'formula'],
  method: ['口径说明', 'method'],
};
/** Long texts are named as changed, not quoted. */
const quoted = new Set(['name', 'unit', 'measure', 'direction', 'frequency', 'formula']);

type Row = repo.DefinitionRow;

function changes(before: Row, after: Row): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  for (const [field, [z, e]] of Object.entries(labels)) {
    const a = before[field as keyof Row] ?? '';
    const b = after[field as keyof Row] ?? '';
    if (a === b) continue;
    if (quoted.has(field)) {
      zh.push(`${z}：${a || '无'}→${b || '无'}`);
      en.push(`${e}: ${a || 'none'} → ${b || 'none'}`);
    } else {
      zh.push(`${z}已修改`);
      en.push(`${e} changed`);
    }
  }
  return { zh, en };
}

/**
 * Tells each district that adopted an older version of `after`'s code; inside the publishing
 * transaction, so a published version and its notices exist together.
 */
export async function noticeDistrictsOfNewVersion(
  trx: Executor,
  cityId: number,
  before: Row,
  after: Row,
  at: Date,
): Promise<void> {
  const adopters = await repo.adoptersOfOlderVersion(trx, cityId, after.code, after.version);
  const c = changes(before, after);
  const name = after.name_en ?? after.name;
  const message = {
    zh: `城市口径已更新：${after.name} 第${after.version}版（${c.zh.join('；')}）`,
    en: `City definition updated: ${name}, version ${after.version} (${c.en.join('; ')})`,
  };
  for (const tenantId of new Set(adopters.map((a) => a.tenant_id))) {
    const mine = adopters.filter((a) => a.tenant_id === tenantId);
    await notifyRoleHolders(trx, {
      tenantId,
      roles: planners,
      kind: 'city.definition_updated',
      payload: {
        message,
        code: after.code,
        version: after.version,
        plans: mine.map((a) => a.plan),
        link: `/indicators/${encodeURIComponent(after.code)}`,
      },
      at: at.toISOString(),
    });
  }
}
