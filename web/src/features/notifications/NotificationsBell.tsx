/**
 * The header's messages: values returned to my department, values awaiting my acceptance, and
 * the scheduled notices (reporting reminders, 提醒/催办/督办) with their own zh/en text. Polls
 * every minute while the page is open; each message links to the value's history.
 */
import { Badge, Button, List, Popover } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Notification } from '../../../../src/contracts/data';
import { useI18n, type I18n } from '../../i18n/context';
import { apiFetch } from '../auth/apiFetch';
import { useSession } from '../auth/SessionContext';

const pollMs = 60_000;

/** A scheduled notice (reminder, urge, notice, data reminder) carries its own text in both languages. */
interface NoticePayload {
  message?: { zh?: string; en?: string };
  link?: string;
}

function text(n: Notification, t: I18n['t'], lang: I18n['lang']): string {
  const notice = (n.payload as NoticePayload).message;
  if (notice && typeof notice[lang] === 'string') return notice[lang];
  const p = n.payload as { indicator?: string; period?: string; reason?: string };
  const vars = { indicator: p.indicator ?? '', period: p.period ?? '', reason: p.reason ?? '', kind: n.kind };
  if (n.kind === 'data.returned') return t('noteReturned', vars);
  if (n.kind === 'data.awaiting_acceptance') return t('noteAwaiting', vars);
  return t('noteOther', vars);
}

export function NotificationsBell() {
  const { user } = useSession();
  const { t, lang } = useI18n();
  const [items, setItems] = useState<Notification[]>([]);
  const load = useCallback(() => {
    apiFetch<{ notifications: Notification[] }>('/api/notifications?unread=1')
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
      style={{ width: 320 }}
      locale={{ emptyText: t('noNotifications') }}
      dataSource={items}
      renderItem={(n) => {
        const p = n.payload as { plan?: string; indicator?: string; period?: string } & NoticePayload;
        const href =
          typeof p.link === 'string' && p.link.startsWith('/')
            ? p.link
            : `/data/history/${p.indicator ?? ''}/${p.period ?? ''}`;
        return (
          <List.Item
            actions={[
              <Button key="read" size="small" type="link" onClick={() => markRead(n.id)}>
                {t('markRead')}
              </Button>,
            ]}
          >
            <a href={href}>{text(n, t, lang)}</a>
          </List.Item>
        );
      }}
    />
  );
  return (
    <Popover content={content} title={t('notifications')} trigger="click" placement="bottomRight">
      <Button type="text" className="sx-bell" aria-label={t('notificationsLabel', { n: items.length })}>
        <Badge count={items.length} size="small" offset={[6, -2]}>
          <span style={{ color: 'inherit' }}>{t('notifications')}</span>
        </Badge>
      </Button>
    </Popover>
  );
}
