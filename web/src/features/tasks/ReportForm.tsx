/**
 * Filing (or correcting) a progress report: the period owed, 进展情况, 存在问题, 下步打算, percent,
 * and evidence files uploaded once the report exists. A returned report is corrected in place
 * and goes back for review.
 */
import { Alert, Button, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import type { TaskDetail, TaskReport } from '../../../../src/contracts/tasks';
import { problemText } from '../auth/problemMessage';
import { useMessage } from '../common/LightApp';
import { editReport, fileReport, uploadEvidence } from './tasksApi';
import { formatPeriod } from '../../format';
import { useTasksI18n } from './tasksDict';

interface Values {
  progress: string;
  problems?: string;
  next_steps?: string;
  percent: number | null;
}

export function ReportForm(props: {
  plan: string;
  task: TaskDetail;
  periods: string[];
  period: string;
  onDone: (t: TaskDetail) => void;
}) {
  const { plan, task } = props;
  const { tt, lang } = useTasksI18n();
  const message = useMessage();
  const [period, setPeriod] = useState(props.period);
  const existing: TaskReport | undefined = task.reports.find((r) => r.period === period);
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = (p: string) => {
    setPeriod(p);
    const r = task.reports.find((x) => x.period === p);
    form.setFieldsValue(
      r
        ? {
            progress: r.progress,
            problems: r.problems ?? '',
            next_steps: r.next_steps ?? '',
            percent: r.percent,
          }
        : { progress: '', problems: '', next_steps: '', percent: null },
    );
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const fields = {
      progress: v.progress.trim(),
      problems: v.problems?.trim() || null,
      next_steps: v.next_steps?.trim() || null,
      percent: v.percent ?? 0,
    };
    try {
      let next = existing
        ? await editReport(plan, task.id, period, { if_version: existing.version, ...fields })
        : await fileReport(plan, task.id, { period, ...fields });
      for (const f of files) next = await uploadEvidence(plan, task.id, period, f);
      void message.success(
        tt(existing ? 'tkReportCorrected' : 'tkReportFiled', { period: formatPeriod(period, lang) }),
        5,
      );
      setFiles([]);
      props.onDone(next);
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  const initial = existing
    ? {
        progress: existing.progress,
        problems: existing.problems ?? '',
        next_steps: existing.next_steps ?? '',
        percent: existing.percent,
      }
    : { percent: task.percent };
  return (
    <section aria-labelledby="sx-tk-file" className="sx-tk-panel sx-tk-file">
      <h2 id="sx-tk-file">{tt('tkFileReport')}</h2>
      {existing?.status === 'returned' && existing.review_comment && (
        <Alert
          type="error"
          showIcon
          title={`${tt('tkReviewComment')}：${existing.review_comment}`}
          style={{ marginBottom: 12 }}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <div className="sx-tk-field">
          <label htmlFor="sx-tk-period">{tt('tkPeriod')}</label>
          <select id="sx-tk-period" value={period} onChange={(e) => choose(e.target.value)}>
            {props.periods.map((p) => (
              <option key={p} value={p}>
                {formatPeriod(p, lang)}
              </option>
            ))}
          </select>
        </div>
        <Form.Item
          name="progress"
          label={tt('tkProgress')}
          rules={[
            { required: true, whitespace: true, message: tt('tkMissingField', { field: tt('tkProgress') }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="problems" label={tt('tkProblems')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.Item name="next_steps" label={tt('tkNextSteps')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="percent"
          label={tt('tkPercentLabel')}
          rules={[{ required: true, message: tt('tkMissingField', { field: tt('tkPercentLabel') }) }]}
        >
          <InputNumber min={0} max={100} step={1} style={{ width: 160 }} placeholder={tt('tkPercentHint')} />
        </Form.Item>
        <div className="sx-tk-field">
          <label htmlFor="sx-tk-evidence">{tt('tkEvidence')}</label>
          <input
            id="sx-tk-evidence"
            type="file"
            multiple
            accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.doc,.xls"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
          <span className="sx-tk-muted">{tt('tkEvidenceHint')}</span>
        </div>
        <Button type="primary" htmlType="submit" loading={busy}>
          {existing ? tt('tkCorrect') : tt('tkSubmitReport')}
        </Button>
      </Form>
    </section>
  );
}
