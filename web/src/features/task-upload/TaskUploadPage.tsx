/** `/tasks/upload`: the 任务分解表 — template → upload → preview (errors by row and column) → 确认导入. */
import { Alert, App, Button, Space } from 'antd';
import { useState } from 'react';
import type { BreakdownPreview } from '../../../../src/contracts/task-breakdown';
import { breakdownColumns, cycleLabels } from '../../../../src/domain/tasks/breakdown';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { problemText } from '../auth/problemMessage';
import { CommitButton, CountHeading, PickAndPreview, PreviewTable, useUpload } from '../common/upload';
import { planCodePage } from '../plan/PlanPage';
import { commitBreakdown, previewBreakdown, templateHref } from '../scorecards/scorecardsApi';
import '../scorecards/scorecards.css';

type PreviewRow = BreakdownPreview['rows'][number];
const header = (field: string) => breakdownColumns.find((c) => c.key === field)?.zh ?? field;

function Upload({ plan }: { plan: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [created, setCreated] = useState<string[]>([]);
  const upload = useUpload<BreakdownPreview>(problemText, (f) => previewBreakdown(plan, f));
  const { preview } = upload;

  return (
    <>
      <h1>{t('tuTitle')}</h1>
      <p>{t('tuIntro')}</p>
      <div className="sx-tu-row">
        <Button href={templateHref(plan)}>{t('tuTemplate')}</Button>
      </div>
      <PickAndPreview
        upload={upload}
        className="sx-tu-row"
        label={t('tuChoose')}
        accept=".xlsx"
        previewLabel={t('tuPreview')}
        onChoose={() => setCreated([])}
      />
      {created.length > 0 && (
        <Alert
          type="success"
          showIcon
          message={t('tuCommitted', { n: created.length })}
          description={
            <Space wrap>
              {t('tuCreated')}:
              {created.map((code) => (
                <Link key={code} href={`/tasks/${encodeURIComponent(code)}`}>
                  {code}
                </Link>
              ))}
            </Space>
          }
        />
      )}
      {preview && (
        <>
          {preview.errors.length > 0 && (
            <>
              <CountHeading title={t('tuErrors')} n={preview.errors.length} />
              <Alert type="warning" showIcon message={t('tuFixFirst')} style={{ marginBottom: 8 }} />
              <PreviewTable
                rowKey={(e) => `${e.row}|${e.field}|${e.message}`}
                dataSource={preview.errors}
                columns={[
                  { title: t('tuRow'), dataIndex: 'row', width: 72 },
                  {
                    title: t('tuField'),
                    render: (_, e) => (lang === 'zh' ? header(e.field) : e.field),
                    width: 160,
                  },
                  { title: t('tuMessage'), dataIndex: 'message' },
                ]}
              />
            </>
          )}
          <h2 style={{ fontSize: 18, marginTop: 16 }}>{t('tuRows', { n: preview.rows.length })}</h2>
          <PreviewTable<PreviewRow>
            rowKey={(r) => String(r.row)}
            dataSource={preview.rows}
            columns={[
              { title: t('tuRow'), dataIndex: 'row', width: 64 },
              { title: t('tuTitleCol'), dataIndex: 'title' },
              { title: t('tuLead'), dataIndex: 'lead_department' },
              { title: t('tuCo'), render: (_, r) => r.co_departments.join('、') || '—' },
              { title: t('tuStart'), dataIndex: 'start' },
              { title: t('tuDue'), dataIndex: 'due' },
              { title: t('tuCycle'), render: (_, r) => (lang === 'zh' ? cycleLabels[r.cycle] : r.cycle) },
              {
                title: t('tuMilestones'),
                render: (_, r) => r.milestones.map((m) => `${m.due} ${m.title}`).join('；') || '—',
              },
            ]}
          />
          <CommitButton
            upload={upload}
            label={t('tuCommit')}
            commit={(token) => commitBreakdown(plan, token)}
            onCommitted={(r) => {
              void message.success(t('tuCommitted', { n: r.created.length }));
              setCreated(r.created);
            }}
          />
        </>
      )}
    </>
  );
}

export default planCodePage('task:supervise', 'sx-tu-page', Upload);
