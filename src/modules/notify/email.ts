/**
 * E-mail over SMTP with nodemailer: one transport per process, built from the configuration at
 * the first message (nodemailer is ~60 files: a command that sends nothing does not load it).
 */
import type { Transporter } from 'nodemailer';
import type { SmtpConfig } from './config';
import type { NoticeMessage } from './webhooks';

export interface Mailer {
  /** Sends one message; rejects with the SMTP server's reason. */
  send(to: string, m: NoticeMessage, publicUrl: string): Promise<void>;
  close(): void;
}

const subjects: Record<string, string> = {
  reminder: '提醒',
  urge: '催办',
  notice: '督办',
  data_reminder: '数据报送提醒',
  bulletin: '督查通报',
};

export function createMailer(config: SmtpConfig): Mailer {
  let transport: Promise<Transporter> | undefined;
  const open = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    ));
  return {
    async send(to, m, publicUrl) {
      const link = /^https?:\/\//.test(m.link) ? m.link : publicUrl + m.link;
      await (
        await open()
      ).sendMail({
        from: config.from,
        to,
        subject: `【实效·${subjects[m.kind] ?? m.kind}】${m.message.zh.slice(0, 80)}`,
        text: `${m.message.zh}\n\n${m.message.en}\n\n${link}\n`,
      });
    },
    close: () => void transport?.then((t) => t.close()),
  };
}
