/** Step 1: paste the document's text or upload the file, give its year, extract. */
import { Alert, Button, Form, InputNumber, Input, Segmented, Upload } from 'antd';
import { useState } from 'react';
import type { ExtractResult } from '../../../../src/contracts/extract';
import { useI18n } from '../../i18n/context';
import { problemText } from '../auth/problemMessage';
import { extractFile, extractText } from './extractApi';

interface Props {
  onResult: (result: ExtractResult) => void;
}

export function InputStep({ onResult }: Props) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'paste' | 'upload'>('paste');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = mode === 'paste' ? text.trim() !== '' : file !== null;

  const run = async () => {
    if (!ready) {
      setError(t('exNeedInput'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const y = year ?? undefined;
      onResult(mode === 'paste' || !file ? await extractText(text, y) : await extractFile(file, y));
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" className="sx-x-input" onFinish={() => void run()}>
      <Segmented
        aria-label={t('exInputMode')}
        value={mode}
        onChange={(v) => setMode(v as 'paste' | 'upload')}
        options={[
          { value: 'paste', label: t('exPaste') },
          { value: 'upload', label: t('exUpload') },
        ]}
      />
      {mode === 'paste' ? (
        <Form.Item label={t('exTextLabel')} htmlFor="sx-x-text" className="sx-x-gap">
          <Input.TextArea
            id="sx-x-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('exTextPlaceholder')}
            autoSize={{ minRows: 10, maxRows: 24 }}
          />
        </Form.Item>
      ) : (
        <Form.Item label={t('exUpload')} className="sx-x-gap">
          <Upload.Dragger
            accept=".txt,.md,.docx,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
          >
            <p className="sx-x-drop">{t('exDrop')}</p>
            <p className="sx-x-muted">{t('exDropHint')}</p>
            {file && <p className="sx-x-chosen">{t('exChosen', { name: file.name })}</p>}
          </Upload.Dragger>
        </Form.Item>
      )}
      <Form.Item label={t('exYear')} htmlFor="sx-x-year" extra={t('exYearHint')}>
        <InputNumber
          controls={false}
          id="sx-x-year"
          min={1900}
          max={2200}
          value={year}
          onChange={(v) => setYear(v)}
        />
      </Form.Item>
      {error && <Alert type="error" showIcon role="alert" title={error} className="sx-x-gap" />}
      <Button type="primary" htmlType="submit" size="large" loading={busy}>
        {t('exRun')}
      </Button>
    </Form>
  );
}
