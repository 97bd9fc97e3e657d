/** Review: the document with its statements marked (left) beside the editable draft plan (right). */
import { Alert, App, Button, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { ExtractResult, StatementView } from '../../../../src/contracts/extract';
import type { PlanSummary } from '../../../../src/contracts/plans';
import { useI18n } from '../../i18n/context';
import { ProblemError } from '../auth/apiFetch';
import { showProblem } from '../auth/problemMessage';
import { DocumentPane, type DocumentPaneHandle } from './DocumentPane';
import { type Draft, type Span, spansByKey, toDraft, toPlanFile } from './draft';
import { mapErrors, noErrors, type RowErrors } from './errors';
import { createPlan } from './extractApi';
import { ItemDrawer } from './ItemDrawer';
import { Legend } from './Legend';
import { MergeModal } from './MergeModal';
import { PlanTabs, type TabKey } from './PlanTabs';
import { StatementTable } from './StatementTable';
import { linkFor } from './segments';
import { useDraftEditing } from './useDraftEditing';

const tabOf: Record<string, TabKey> = {
  goal_area: 'plan',
  indicator: 'indicators',
  target: 'targets',
  observation: 'observations',
  programme: 'programmes',
  action: 'programmes',
  task: 'tasks',
};

interface Props {
  result: ExtractResult;
  onBack: () => void;
  onCreated: (plan: PlanSummary) => void;
}

export function ReviewStep({ result, onBack, onCreated }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const links = useMemo(() => result.draft?.links ?? [], [result]);
  const spans = useMemo(() => spansByKey(links), [links]);
  const linkSpans = useMemo(() => links.map((l) => ({ start: l.start, end: l.end })), [links]);
  const [draft, setDraft] = useState<Draft | null>(() =>
    result.draft ? toDraft(result.draft.plan, result.departments ?? []) : null,
  );
  const [errors, setErrors] = useState<RowErrors>(noErrors);
  const [selected, setSelected] = useState<string | null>(null);
  const [active, setActive] = useState<Span | null>(null);
  const [tab, setTab] = useState<TabKey>('plan');
  const [merge, setMerge] = useState<[string, string] | null>(null);
  const [saving, setSaving] = useState(false);
  const doc = useRef<DocumentPaneHandle>(null);

  const showSource = (k: string) => {
    const span = spans.get(k);
    if (!span) return;
    setActive(span);
    setSelected(k);
    doc.current?.show(span);
  };
  const editing = useDraftEditing(
    draft,
    setDraft,
    errors,
    setErrors,
    { has: (k) => spans.has(k), show: showSource },
    t,
  );

  const pickStatement = (s: StatementView, how: 'hover' | 'click') => {
    const span = { start: s.start, end: s.end };
    setActive(span);
    const link = linkFor(s, links);
    if (!link) return;
    const key = `${link.kind}:${link.id}`;
    const parent =
      link.kind === 'action'
        ? draft?.programmes.find((p) => p.actions.some((a) => a._k === key))?._k
        : undefined;
    setSelected(parent ?? key);
    if (how === 'click') {
      setTab(tabOf[link.kind] ?? 'statements');
      doc.current?.show(span);
    }
  };

  const confirm = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      onCreated(await createPlan(toPlanFile(draft)));
    } catch (e) {
      if (e instanceof ProblemError && e.status === 422 && e.problem.errors?.length) {
        setErrors(mapErrors(draft, e.problem.errors));
      } else if (e instanceof ProblemError && e.status === 409) {
        setErrors({ ...noErrors, header: [{ field: 'id', message: t('exIdTaken', { id: draft.plan.id }) }] });
        setTab('plan');
      } else showProblem(message, e);
    } finally {
      setSaving(false);
    }
  };

  const problemCount = errors.byKey.size + errors.header.length + errors.other.length;
  return (
    <>
      <div className="sx-x-review">
        <section className="sx-x-left" aria-labelledby="sx-x-doc-h">
          <Space className="sx-x-bar" wrap>
            <Typography.Title level={2} id="sx-x-doc-h" className="sx-x-h2">
              {t('exDocPane')}
            </Typography.Title>
            <span className="sx-x-muted">{t('exSpans', { n: result.statements.length })}</span>
            <Legend />
          </Space>
          <DocumentPane
            ref={doc}
            text={result.text}
            statements={result.statements}
            linkSpans={linkSpans}
            active={active}
            onPick={pickStatement}
          />
        </section>
        <section className="sx-x-right" aria-labelledby="sx-x-plan-h">
          <Typography.Title level={2} id="sx-x-plan-h" className="sx-x-h2">
            {t('exPlanPane')}
          </Typography.Title>
          {draft ? (
            <PlanTabs
              draft={draft}
              warnings={result.draft?.warnings ?? []}
              statements={result.statements}
              errors={errors}
              selected={selected}
              tab={tab}
              onTab={setTab}
              rowActions={editing.rowActions}
              onAdd={editing.add}
              onHeader={(plan) => setDraft({ ...draft, plan })}
              onMerge={setMerge}
              onPickStatement={(s) => pickStatement(s, 'click')}
            />
          ) : (
            <>
              <Alert type="warning" showIcon title={t('exNoDraft')} description={result.draft_problem} />
              <StatementTable statements={result.statements} onPick={(s) => pickStatement(s, 'click')} />
            </>
          )}
        </section>
      </div>
      <div className="sx-x-confirm">
        {problemCount > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('exProblems', { n: problemCount })}
            description={errors.other.map((e) => `${e.field}: ${e.message}`).join('；') || undefined}
          />
        )}
        <Space>
          <Button onClick={onBack}>{t('exRestart')}</Button>
          {draft && (
            <Button type="primary" size="large" loading={saving} onClick={() => void confirm()}>
              {t('exConfirm')}
            </Button>
          )}
        </Space>
      </div>
      {draft && (
        <>
          <ItemDrawer
            editing={editing.editing}
            draft={draft}
            problems={editing.problemsOfEditing}
            onSave={editing.save}
            onClose={editing.close}
          />
          <MergeModal
            draft={draft}
            pair={merge}
            onClose={() => setMerge(null)}
            onMerge={(keep, drop) => {
              setDraft(editing.merge(draft, keep, drop));
              setMerge(null);
            }}
          />
        </>
      )}
    </>
  );
}
