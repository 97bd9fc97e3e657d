/** A workflow status as a coloured tag with its word (草稿/已提交/已审核/已采纳/已退回). */
import { Tag } from 'antd';
import type { Key } from '../../i18n/dict';
import { useI18n } from '../../i18n/context';

const colors: Record<string, string> = {
  missing: 'default',
  draft: 'default',
  submitted: 'processing',
  approved: 'cyan',
  accepted: 'success',
  returned: 'error',
  superseded: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={colors[status] ?? 'default'}>{t(`st_${status}` as Key)}</Tag>;
}
