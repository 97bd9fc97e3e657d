/** `/data/upload`: template → upload → preview (errors, changes) → error report → commit. */
import { App, Button, Input, InputNumber, Select, Tag } from 'antd';
import { useState } from 'react';
import type { ImportChange, ImportPreview, ImportProblem } from '../../../../src/contracts/imports';
import type { Key } from '../../i18n/dict';
import { useI18n } from '../../i18n/context';
import { useSession } from '../auth/SessionContext';
import { PeriodCell } from './PeriodCell';
import { commitUpload, errorReport, previewUpload, saveBlob, templateHref } from './dataApi';
import { errorWords, problemWords, warningText } from './words';
import { CommitButton, CountHeading, PickAndPreview, PreviewTable, useUpload } from '../common/upload';

export function UploadPage({ plan }: { plan: string }) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const session = useSession();
  const mine = session.user?.departments ?? [];
  const departments = mine.map((d) => d.id);
  const year = new Date().getFullYear();
  const [department, setDepartment] = useState(departments[0] ?? '');
  const [from, setFrom] = useState(year - 1);
  const [to, setTo] = useState(year);
  const upload = useUpload<ImportPreview>(
    (e) => errorWords(i18n, e),
    (f) => previewUpload(plan, f),
  );
  const { file, preview, busy, run } = upload;

  return (
    <>
      <h1>{t('dataUpload')}</h1>
      <div className="sx-data-upload-row">
        {departments.length > 0 ? (
          <Select
            value={department}
            onChange={setDepartment}
            aria-label={t('rpDepartment')}
            options={mine.map((d) => ({ value: d.id, label: pick(d.name, d.name_en) }))}
          />
        ) : (
          <Input value={department} onChange={(e) => setDepartment(e.target.value)} placeholder="tjj" style={{ width: 120 }} />
        )}
        <InputNumber controls={false} aria-label={t('dataFromYear')} value={from} onChange={(v) => setFrom(v ?? year)} />
        <InputNumber controls={false} aria-label={t('dataToYear')} value={to} onChange={(v) => setTo(v ?? year)} />
        <Button href={templateHref(plan, department, from, to)} disabled={!department}>
          {t('dataTemplate')}
        </Button>
      </div>
      <PickAndPreview
        upload={upload}
        className="sx-data-upload-row"
        label={t('dataChooseFile')}
        accept=".xlsx,.csv"
        previewLabel={t('dataPreview')}
      />
      {preview && file && (
        <>
          <p>{t('dataRows', { n: preview.rows })}</p>
          {preview.errors.length > 0 && (
            <>
              <CountHeading title={t('dataErrors')} n={preview.errors.length} />
              <PreviewTable<ImportProblem>
                rowKey={(e) => `${e.row}|${e.column}|${e.reason}`}
                dataSource={preview.errors}
                columns={[
                  { title: t('dataRow'), dataIndex: 'row' },
                  { title: t('dataColumn'), dataIndex: 'column' },
                  { title: t('dataReason'), render: (_, e) => problemWords(i18n, e) },
                ]}
              />
              <Button
                loading={busy}
                onClick={() => void run(async () => saveBlob(await errorReport(plan, file), 'errors.xlsx'))}
              >
                {t('dataErrorReport')}
              </Button>
            </>
          )}
          <h2 style={{ fontSize: 18, marginTop: 16 }}>{t('dataChanges')}</h2>
          <PreviewTable<ImportChange>
            rowKey={(c) => `${c.row}|${c.indicator}|${c.period}`}
            dataSource={preview.changes}
            columns={[
              { title: t('dataRow'), dataIndex: 'row' },
              { title: t('indicator'), render: (_, c) => c.indicator_name },
              {
                title: t('reportPeriod'),
                render: (_, c) => <PeriodCell period={c.period} preliminary={c.preliminary} />,
              },
              { title: t('dataOld'), render: (_, c) => c.old ?? '—' },
              {
                title: t('dataNew'),
                render: (_, c) => (
                  <>
                    {c.new}
                    {c.warnings.length > 0 && (
                      <ul className="sx-data-warning-list" aria-label={t('rpWarnings')}>
                        {c.warnings.map((w) => (
                          <li key={w.code}>⚠ {warningText(i18n, w, '')}</li>
                        ))}
                      </ul>
                    )}
                  </>
                ),
              },
              {
                title: t('dataKind'),
                render: (_, c) => (
                  <Tag color={c.kind === 'add' ? 'green' : c.kind === 'correct' ? 'orange' : 'default'}>
                    {t(`kind_${c.kind}` as Key)}
                  </Tag>
                ),
              },
            ]}
          />
          <CommitButton
            upload={upload}
            label={t('dataCommit')}
            commit={(token) => commitUpload(plan, token)}
            onCommitted={(r) => void message.success(t('dataCommitted', { ...r }))}
          />
        </>
      )}
    </>
  );
}
