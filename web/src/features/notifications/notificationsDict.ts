/** Words of the notifications bell. */
export const notificationsZh = {
  notifications: '消息',
  notificationsLabel: '消息（{n}条未读）',
  notificationsUnread: '（{n}条未读）',
  noNotifications: '暂无消息',
  markRead: '标为已读',
  noteReturned: '{indicator} {period} 的数据被退回：{reason}',
  noteAwaiting: '{indicator} {period} 的数据待采纳',
  noteOther: '{kind}：{indicator} {period}',
};

export const notificationsEn: Record<keyof typeof notificationsZh, string> = {
  notifications: 'Messages',
  notificationsLabel: 'Messages ({n} unread)',
  notificationsUnread: ' ({n} unread)',
  noNotifications: 'No messages',
  markRead: 'Mark as read',
  noteReturned: '{indicator} {period} was returned: {reason}',
  noteAwaiting: '{indicator} {period} awaits acceptance',
  noteOther: '{kind}: {indicator} {period}',
};
