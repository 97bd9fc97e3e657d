/**
 * Notifications: the in-app inbox with per-user read state, e-mail over SMTP, webhooks (generic
 * JSON, DingTalk, WeCom, Feishu), users' channel settings, and the once-only recording of the
 * notices scheduled jobs find due (src/jobs runs them).
 */
export { notifyRoutes } from './notify.routes';
export type { NotifyConfig, SmtpConfig } from './config';
export { noticeKinds, type DueItem, type JobContext, type JobKind, type NoticeKind } from './notice';
export {
  recordNotice,
  recordNotices,
  noticeChunk,
  noticePayload,
  type SentNotice,
  type RecordOptions,
} from './notices.service';
export {
  deliverDue,
  maxAttempts,
  retryDelaysMs,
  type Channels,
  type DeliveryReport,
} from './deliveries.service';
export { createMailer, type Mailer } from './email';
export { recordNotifications, notifyRoleHolders, type NewNotification } from './inbox.service';
export {
  buildWebhookRequest,
  dingtalkSign,
  feishuSign,
  jsonSign,
  webhookFormats,
  type WebhookFormat,
} from './webhooks';
export { noticesSentAt, noticesRecordedBetween } from './sent.service';
