/** `/data/review`: the queue — approve or return (department head), accept or return (supervisor). */
import { App, Button, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { QueueEntry } from '../../../../src/contracts/data';
import type { Key } from '../../i18n/dict';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { Loaded } from '../common/Loading';
import { useAsync } from '../common/useAsync';
import { getQueue, getValue, step } from './dataApi';

interface Item extends QueueEntry {
  previous: number | null;
}

async function loadQueue(plan: string, signal: AbortSignal): Promise<Item[]> {
  const values = await getQueue(plan, signal);
  return Promise.all(
    values.map(async (v) => {
      const d = await getValue(plan, v.indicator, v.period, signal);
      return { ...v, previous: d.accepted?.value ?? null };
    }),
  );
}

export function ReviewPage({ plan }: { plan: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [reload, setReload] = useState(0);
  const [returning, setReturning] = useState<Item | null>(null);
  const [reason, setReason] = useState('');
  const state = useAsync((signal) => loadQueue(plan, signal), `${plan}#${reload}`);

  const act = async (item: Item, name: 'approve' | 'accept' | 'return', why?: string) => {
    try {
      await step(plan, item.indicator, item.period, name, item.version, why);
      void message.success(t('dataDone'));
      setReload((n) => n + 1);
      return true;
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
      return false;
    }
  };

  return (
    <>
      <h1>{t('dataReview')}</h1>
      <Loaded state={state}>
        {(items) => (
          <Table<Item>
            rowKey={(r) => `${r.indicator}|${r.period}|${r.version}`}
            dataSource={items}
            locale={{ emptyText: t('dataQueueEmpty') }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('indicator'), dataIndex: 'indicator' },
              { title: t('period'), dataIndex: 'period' },
              { title: t('dataValue'), render: (_, r) => <strong>{r.value}</strong> },
              { title: t('dataPrevious'), render: (_, r) => r.previous ?? '—' },
              { title: t('source'), render: (_, r) => r.source ?? '' },
              { title: t('dataWho'), render: (_, r) => r.recorded_by ?? '' },
              { title: t('dataAwaiting'), render: (_, r) => <Tag>{t(`await_${r.awaiting}` as Key)}</Tag> },
              {
                title: t('actions'),
                render: (_, r) => (
                  <Space wrap>
                    <Button
                      type="primary"
                      size="small"
                      onClick={() => void act(r, r.awaiting === 'approval' ? 'approve' : 'accept')}
                    >
                      {r.awaiting === 'approval' ? t('dataApprove') : t('dataAccept')}
                    </Button>
                    <Button size="small" danger onClick={() => (setReason(''), setReturning(r))}>
                      {t('dataReturn')}
                    </Button>
                    <Link href={`/data/history/${encodeURIComponent(r.indicator)}/${encodeURIComponent(r.period)}`}>
                      {t('dataHistory')}
                    </Link>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      <Modal
        open={returning !== null}
        title={t('dataReturn')}
        okText={t('dataReturn')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '' }}
        onCancel={() => setReturning(null)}
        onOk={() => {
          if (returning)
            void act(returning, 'return', reason.trim()).then((ok) => ok && setReturning(null));
        }}
      >
        <label htmlFor="sx-return-reason">{t('dataReturnReason')}</label>
        <Input.TextArea id="sx-return-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
      </Modal>
    </>
  );
}
