/** Merge two indicators: choose the one that stays; the other's targets and observations move to it. */
import { Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/context';
import type { Draft } from './draft';

interface Props {
  draft: Draft;
  pair: [string, string] | null;
  onMerge: (keep: string, drop: string) => void;
  onClose: () => void;
}

export function MergeModal({ draft, pair, onMerge, onClose }: Props) {
  const { t } = useI18n();
  const [keep, setKeep] = useState<string | null>(null);
  if (!pair) return null;
  const chosen = keep && pair.includes(keep) ? keep : pair[0];
  const drop = chosen === pair[0] ? pair[1] : pair[0];
  const rows = pair.map((k) => draft.indicators.find((i) => i._k === k));
  return (
    <Modal
      open
      title={t('exMergeTitle')}
      okText={t('exMerge')}
      cancelText={t('exCancel')}
      onCancel={onClose}
      onOk={() => onMerge(chosen, drop)}
    >
      <p id="sx-x-merge-hint">{t('exMergeKeep')}</p>
      <Radio.Group
        value={chosen}
        onChange={(e) => setKeep(e.target.value as string)}
        aria-labelledby="sx-x-merge-hint"
      >
        <Space direction="vertical">
          {rows.map(
            (r) =>
              r && (
                <Radio key={r._k} value={r._k}>
                  <code>{r.id}</code> {r.name}（{r.unit}）
                </Radio>
              ),
          )}
        </Space>
      </Radio.Group>
    </Modal>
  );
}
