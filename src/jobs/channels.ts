/** The delivery channels of a process, from the notification configuration. */
import { createMailer, type Channels, type NotifyConfig } from '../modules/notify';

/** Channels plus `close()` for the SMTP transport's pooled sockets. */
export function channelsFromConfig(config: NotifyConfig): Channels & { close(): void } {
  const mailer = config.smtp ? createMailer(config.smtp) : null;
  return { config, mailer, close: () => mailer?.close() };
}
