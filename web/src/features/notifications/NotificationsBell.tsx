/**
 * The header's messages: values returned to my department, values awaiting my acceptance, and
 * the scheduled notices (reporting reminders, 提醒/催办/督办) with their own zh/en text. Polls
 * every minute while the page is open; each message links to the value's history.
 */
import { Button, List, Popover } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Notification, NotificationList } from '../../../../src/contracts/notify';
import { useI18n, type I18n } from '../../i18n/context';
import { apiFetch } from '../auth/apiFetch';
import { useSession } from '../auth/SessionContext';
import { formatPeriod, formatValue } from '../../format';
import './bell.css';

const pollMs = 60_000;

/** A scheduled notice (reminder, urge, notice, data reminder) carries its own text in both languages. */
interface NoticePayload {
  message?: { zh?: string; en?: string };
  link?: string;
}

interface ValuePayload {
  indicator?: string;
  indicator_name?: string;
  indicator_name_en?: string | null;
  unit?: string;
  period?: string;
  value?: number;
  preliminary?: boolean;
  reason?: string;
  by?: string | null;
  department_name?: string | null;
  department_name_en?: string | null;
  missing?: number;
  note?: string | null;
}

/** 地区生产总值 2024年 1850亿元 (names, not codes; older messages without names fall back to codes). */
function what(p: ValuePayload, i18n: I18n): string {
  const name = p.indicator_name ? i18n.pick(p.indicator_name, p.indicator_name_en) : (p.indicator ?? '');
  const period = p.period ? formatPeriod(p.period, i18n.lang) : '';
  const value =
    typeof p.value === 'number' && p.unit !== undefined ? formatValue(p.value, p.unit, i18n.lang) : '';
  const prelim = p.preliminary
    ? i18n.lang === 'zh'
      ? `（${i18n.t('rpPreliminary')}）`
      : ' (preliminary)'
    : '';
  return [name, period, value].filter(Boolean).join(' ') + prelim;
}

function text(n: Notification, i18n: I18n): string {
  const { t, lang } = i18n;
  const notice = (n.payload as NoticePayload).message;
  if (notice && typeof notice[lang] === 'string') return notice[lang];
  const p = n.payload as ValuePayload;
  const vars = {
    what: what(p, i18n),
    indicator: p.indicator ?? '',
    period: p.period ?? '',
    reason: p.reason ?? '',
    kind: n.kind,
    by: p.by ?? '',
    department: p.department_name ? i18n.pick(p.department_name, p.department_name_en) : '',
    n: p.missing ?? 0,
    note: p.note ? (lang === 'zh' ? `：${p.note}` : `: ${p.note}`) : '',
  };
  switch (n.kind) {
    case 'data.returned':
      return t('noteReturnedNamed', vars);
    case 'data.awaiting_approval':
      return t('noteAwaitingApproval', vars);
    case 'data.awaiting_acceptance':
      return p.department_name ? t('noteAwaitingAcceptance', vars) : t('noteAwaiting', vars);
    case 'data.accepted':
      return t('noteAccepted', vars);
    case 'data.urged':
      return t('noteUrged', vars);
    default:
      return t('noteOther', vars);
  }
}

/** Where a message leads: the value's form or the queue, the list for a 催报. */
function linkOf(n: Notification): string {
  const p = n.payload as ValuePayload & NoticePayload;
  if (typeof p.link === 'string' && p.link.startsWith('/')) return p.link;
  if (n.kind === 'data.awaiting_approval' || n.kind === 'data.awaiting_acceptance') return '/data/review';
  if (n.kind === 'data.returned') return '/data';
  return `/data/history/${encodeURIComponent(p.indicator ?? '')}/${encodeURIComponent(p.period ?? '')}`;
}

export function NotificationsBell() {
  const { user } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const [items, setItems] = useState<Notification[]>([]);
  const load = useCallback(() => {
    apiFetch<NotificationList>('/api/notifications?unread=1')
      .then((r) => setItems(r.notifications))
      .catch(() => setItems([]));
  }, []);
  useEffect(() => {
    if (!user) return;
    load();
    const timer = setInterval(load, pollMs);
    return () => clearInterval(timer);
  }, [user, load]);
  if (!user) return null;

  const markRead = (id: number) => {
    void apiFetch(`/api/notifications/${id}/read`, { method: 'POST' }).then(load, load);
  };
  const content = (
    <List
      size="small"
      // On a phone the popup keeps inside the screen (its own padding and a margin taken off).
      style={{ width: 'min(320px, calc(100vw - 56px))', overflowWrap: 'anywhere' }}
      locale={{ emptyText: t('noNotifications') }}
      dataSource={items}
      renderItem={(n) => {
        const href = linkOf(n);
        return (
          <List.Item
            actions={[
              <Button key="read" size="small" type="link" onClick={() => markRead(n.id)}>
                {t('markRead')}
              </Button>,
            ]}
          >
            <a href={href}>
              {text(n, i18n)}
              <span className="sx-note-time">{n.created_at.slice(0, 16).replace('T', ' ')}</span>
            </a>
          </List.Item>
        );
      }}
    />
  );
  return (
    <Popover content={content} title={t('notifications')} trigger="click" placement="bottomRight">
      <Button type="text" className="sx-bell">
        {/* The name is the visible text plus the word "unread" (no aria-label that differs from it). */}
        {t('notifications')}
        {items.length > 0 && <span className="sx-bell-count">{items.length}</span>}
        <span className="sx-sr-only">{t('notificationsUnread', { n: items.length })}</span>
      </Button>
    </Popover>
  );
}
