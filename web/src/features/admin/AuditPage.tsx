/** `/admin/audit`: the audit log, newest first, filtered; before/after in an expandable row. */
import { Button, Input, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from '../../router';
import { usePlan } from '../plan/PlanContext';
import { auditActorWord, auditSentence, type IndicatorName } from './auditWords';
import type { AuditEntryView } from '../../../../src/contracts/audit';
import { useI18n } from '../../i18n/context';
import { AdminLayout, LoadError } from './AdminLayout';
import { type AuditFilters, fetchAudit } from './adminApi';
import { AuditFilterForm } from './AuditFilterForm';
import { formatInstant } from './formatInstant';

const outcomeColor: Record<string, string> = { success: 'green', failure: 'red', denied: 'orange' };

function Json({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <div className="sx-audit-json">
      <Typography.Text strong>{label}</Typography.Text>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

export default function AuditPage() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const plan = usePlan();
  const [keyword, setKeyword] = useState('');
  const [filters, setFilters] = useState<AuditFilters>({});
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | null>(null);
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(async (f: AuditFilters, from: number | null) => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchAudit(f, from, c.signal);
      setEntries((prev) => (from ? [...prev, ...page.entries] : page.entries));
      setCursor(page.next_cursor);
    } catch (e) {
      if (!c.signal.aborted) setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      if (!c.signal.aborted) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(filters, null);
    return () => controller.current?.abort();
  }, [filters, load]);

  // Entries as sentences with names (the plan's indicators), searchable by what people read.
  const indicators = useMemo(
    () =>
      new Map<string, IndicatorName>(
        plan.state === 'done' ? plan.data.detail.indicators.map((i) => [i.id, i] as const) : [],
      ),
    [plan],
  );
  const sentences = useMemo(
    () => new Map(entries.map((e) => [e.id, auditSentence(i18n, e, indicators)])),
    [entries, i18n, indicators],
  );
  const needle = keyword.trim().toLowerCase();
  const shown = needle
    ? entries.filter((e) =>
        [sentences.get(e.id)?.text ?? '', e.actor, e.action].some((x) => x.toLowerCase().includes(needle)),
      )
    : entries;

  const outcomeWord = (o: string) =>
    o === 'success' || o === 'failure' || o === 'denied' ? t(`outcome_${o}`) : o;

  return (
    <AdminLayout section="audit">
      <AuditFilterForm onSearch={setFilters} />
      <Input.Search
        className="sx-audit-keyword"
        allowClear
        aria-label={t('audKeyword')}
        placeholder={t('audKeywordHint')}
        value={keyword}
        onChange={(e) => setKeyword(e.target.value)}
        style={{ maxWidth: 360, margin: '8px 0' }}
      />
      {error && <LoadError error={error} retry={() => void load(filters, null)} />}
      <Table<AuditEntryView>
        rowKey="id"
        loading={loading && entries.length === 0}
        dataSource={shown}
        pagination={false}
        size="middle"
        className="sx-audit-table"
        expandable={{
          rowExpandable: () => true,
          expandedRowRender: (r) => (
            <div className="sx-audit-detail">
              <p>
                <Typography.Text strong>{t('audRaw')}: </Typography.Text>
                <code>{r.action}</code>
                {r.object_type && <code>{` ${r.object_type} / ${r.object_id ?? ''}`}</code>}
              </p>
              {r.reason && (
                <p>
                  <Typography.Text strong>{t('auditReason')}: </Typography.Text>
                  {r.reason}
                </p>
              )}
              <Json label={t('auditBefore')} value={r.before} />
              <Json label={t('auditAfter')} value={r.after} />
            </div>
          ),
        }}
        columns={[
          {
            key: 'at',
            title: t('auditTime'),
            render: (_, r) => <span className="sx-num">{formatInstant(r.at, lang)}</span>,
          },
          { key: 'actor', title: t('auditActor'), render: (_, r) => auditActorWord(i18n, r.actor) },
          {
            key: 'action',
            title: t('auditAction'),
            render: (_, r) => {
              const s = sentences.get(r.id);
              if (!s) return r.action;
              return s.href ? <Link href={s.href}>{s.text}</Link> : s.text;
            },
          },
          {
            key: 'outcome',
            title: t('auditOutcome'),
            render: (_, r) => <Tag color={outcomeColor[r.outcome]}>{outcomeWord(r.outcome)}</Tag>,
          },
          { key: 'ip', title: t('auditSource'), render: (_, r) => r.source_ip ?? t('noValue') },
        ]}
      />
      <div className="sx-load-more">
        {cursor ? (
          <Button onClick={() => void load(filters, cursor)} loading={loading}>
            {t('loadMore')}
          </Button>
        ) : (
          entries.length > 0 && <Typography.Text type="secondary">{t('noMore')}</Typography.Text>
        )}
      </div>
    </AdminLayout>
  );
}
