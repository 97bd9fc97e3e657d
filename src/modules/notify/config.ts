/**
 * Notification settings of the deployment, read from the environment once at start-up by
 * src/server/config.ts (the README's configuration table lists them): the SMTP server for e-mail and the public address of
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
