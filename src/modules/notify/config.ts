/**
 * Notification settings of the deployment, read from the environment once at start-up (the
 * README's configuration table lists them): the SMTP server for e-mail and the public address of
 * the web app used in links.
 */

export interface SmtpConfig {
  host: string;
  port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

export interface NotifyConfig {
  /** null: e-mail is off (no SMTP server configured), and no e-mail is queued. */
  smtp: SmtpConfig | null;
  /** The web app's public address, for links in e-mails and webhooks. */
  publicUrl: string;
}

export class NotifyConfigError extends Error {}

/** The configuration named by SHIXIAO_SMTP_* and SHIXIAO_PUBLIC_URL. */
export function notifyConfigFromEnv(env: NodeJS.ProcessEnv = process.env): NotifyConfig {
  const publicUrl = (env.SHIXIAO_PUBLIC_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const host = env.SHIXIAO_SMTP_HOST?.trim();
  if (!host) return { smtp: null, publicUrl };
  const port = Number(env.SHIXIAO_SMTP_PORT ?? 587);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new NotifyConfigError(`SHIXIAO_SMTP_PORT ${env.SHIXIAO_SMTP_PORT}: not a port number`);
  }
  return {
    smtp: {
      host,
      port,
      secure: env.SHIXIAO_SMTP_SECURE === '1',
      user: env.SHIXIAO_SMTP_USER || undefined,
      password: env.SHIXIAO_SMTP_PASSWORD || undefined,
      from: env.SHIXIAO_SMTP_FROM ?? '实效 Shixiao <noreply@localhost>',
    },
    publicUrl,
  };
}
