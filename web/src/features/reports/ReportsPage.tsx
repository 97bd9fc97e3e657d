/**
 * `/reports`: the archive of monthly supervision bulletins (督查通报) with their Word, PDF and
 * Excel downloads, and — for supervisors — generating a month's bulletin on demand.
 */
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { BulletinEntry } from '../../../../src/contracts/reports';
import { useI18n } from '../../i18n/context';
import { useLocation } from '../../router';
import { problemText } from '../auth/problemMessage';
import { loginPage } from '../auth/RequireLogin';
import { useSession } from '../auth/SessionContext';
import { resolvePlan } from '../cockpit/cockpitApi';
import { Loaded } from '../common/Loading';
import { useAsync } from '../common/useAsync';
import { DocumentLinks } from './DocumentLinks';
import { bulletinHref, generateBulletin, listBulletins } from './reportsApi';
import { MonthField } from './MonthField';

export default loginPage('report:read', ReportsLoader);

function lastMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

function ReportsLoader() {
  const { search } = useLocation();
  const named = search.get('plan');
  const [version, setVersion] = useState(0);
  // Kept here: the view is rebuilt when the list is read again after generating.
  const [message, setMessage] = useState<Message | null>(null);
  const state = useAsync(
    async (signal) => {
      const plan = await resolvePlan(named, signal);
      return { plan, list: await listBulletins(plan, signal) };
    },
    `${named ?? ''}#${version}`,
  );
  return (
    <Loaded state={state}>
      {(data) => (
        <ReportsView
          plan={data.plan}
          bulletins={data.list.bulletins}
          message={message}
          setMessage={setMessage}
          onChange={() => setVersion((v) => v + 1)}
        />
      )}
    </Loaded>
  );
}

type Message = { type: 'success' | 'error'; text: string };

function ReportsView(props: {
  plan: string;
  bulletins: BulletinEntry[];
  message: Message | null;
  setMessage: (m: Message | null) => void;
  onChange: () => void;
}) {
  const { message, setMessage } = props;
  const { t } = useI18n();
  const session = useSession();
  const [month, setMonth] = useState(lastMonth);
  const [busy, setBusy] = useState(false);
  const generate = async () => {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      setMessage({ type: 'error', text: t('rpMonthInvalid') });
      return;
    }
    setBusy(true);
    try {
      await generateBulletin(props.plan, month);
      setMessage({ type: 'success', text: t('rpGenerated', { month }) });
      props.onChange();
    } catch (e) {
      setMessage({ type: 'error', text: problemText(e) });
    } finally {
      setBusy(false);
    }
  };
  const link = (m: string, format: 'docx' | 'pdf' | 'xlsx', label: string) => (
    <a href={bulletinHref(props.plan, m, format)} download>
      {label}
    </a>
  );
  return (
    <div className="sx-page">
      <Typography.Title level={1}>{t('rpTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('rpIntro')}</Typography.Paragraph>
      <DocumentLinks plan={props.plan} month={lastMonth()} />
      {session.can('task:supervise') && (
        <Space wrap style={{ marginBottom: 16 }}>
          <MonthField id="rp-month" label={t('rpMonth')} value={month} onChange={setMonth} />
          <Button type="primary" loading={busy} onClick={() => void generate()}>
            {t('rpGenerate')}
          </Button>
        </Space>
      )}
      {message && (
        <Alert
          type={message.type}
          message={message.text}
          showIcon
          style={{ marginBottom: 16 }}
          role="status"
        />
      )}
      <Table<BulletinEntry>
        rowKey="month"
        dataSource={props.bulletins}
        pagination={false}
        locale={{ emptyText: t('rpEmpty') }}
        columns={[
          { title: t('rpMonth'), dataIndex: 'month' },
          {
            title: t('rpOrigin'),
            dataIndex: 'origin',
            render: (o: BulletinEntry['origin']) => t(o === 'job' ? 'rpOriginJob' : 'rpOriginUser'),
          },
          {
            title: t('rpGeneratedAt'),
            dataIndex: 'generated_at',
            render: (v: string) => v.slice(0, 16).replace('T', ' '),
          },
          { title: t('rpBy'), dataIndex: 'generated_by', render: (v: string | null) => v ?? '—' },
          {
            title: t('rpDownload'),
            key: 'files',
            render: (_: unknown, b: BulletinEntry) => (
              <Space>
                {link(b.month, 'docx', t('rpWord'))}
                {link(b.month, 'pdf', t('rpPdf'))}
                {link(b.month, 'xlsx', t('rpExcel'))}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
