/**
 * Real receivers for notification tests, on 127.0.0.1: an SMTP server (smtp-server) that keeps
 * every message, and an HTTP server standing in for the robots of DingTalk, WeCom and Feishu and
 * a generic JSON receiver, each checking the signature the way the real service does.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= / Q) of a header. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** Splits a single-part message into headers and its decoded text. */
function parseMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r\n/g, '')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : body;
  return { subject: decodeHeader(header('Subject')), text };
}

export interface SmtpReceiver {
  port: number;
  mails: ReceivedMail[];
  /** Refuse every message with this SMTP error while set. */
  refuse: string | null;
  close(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const receiver = { mails: [] as ReceivedMail[], refuse: null as string | null };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (receiver.refuse) {
          const error = new Error(receiver.refuse) as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
          return;
        }
        const parsed = parseMail(Buffer.concat(chunks).toString('utf8'));
        const mailFrom = session.envelope.mailFrom;
        receiver.mails.push({
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parsed,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(receiver, {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

export interface WebhookCall {
  format: 'json' | 'dingtalk' | 'wecom' | 'feishu' | 'fail';
  /** The signature checked out (formats without a secret: true). */
  verified: boolean;
  body: Record<string, unknown>;
  url: string;
}

export interface WebhookReceiver {
  url: string;
  calls: WebhookCall[];
  close(): Promise<void>;
}

const hmac = (key: string, data: string, encoding: 'base64' | 'hex') =>
  createHmac('sha256', key).update(data, 'utf8').digest(encoding);

/** Within an hour of our clock, as DingTalk and Feishu require. */
const fresh = (ms: number) => Math.abs(Date.now() - ms) < 3_600_000;

/**
 * Answers like the robots: `/dingtalk` checks `timestamp` and `sign` in the query, `/feishu`
 * checks `timestamp` and `sign` in the body, `/json` checks X-Shixiao-Signature, `/wecom` has
 * no signature, `/fail` answers 500.
 */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const calls: WebhookCall[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      const answer = (status: number, value: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      switch (url.pathname) {
        case '/dingtalk': {
          const ts = url.searchParams.get('timestamp') ?? '';
          const ok =
            fresh(Number(ts)) && url.searchParams.get('sign') === hmac(secret, `${ts}\n${secret}`, 'base64');
          calls.push({ format: 'dingtalk', verified: ok, body, url: req.url ?? '' });
          return answer(
            200,
            ok ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match' },
          );
        }
        case '/feishu': {
          const ts = typeof body.timestamp === 'string' ? body.timestamp : '';
          const ok = fresh(Number(ts) * 1000) && body.sign === hmac(`${ts}\n${secret}`, '', 'base64');
          calls.push({ format: 'feishu', verified: ok, body, url: req.url ?? '' });
          return answer(200, ok ? { code: 0, msg: 'success' } : { code: 19021, msg: 'sign match fail' });
        }
        case '/json': {
          const ts = String(req.headers['x-shixiao-timestamp'] ?? '');
          const sign = String(req.headers['x-shixiao-signature'] ?? '');
          const ok = fresh(Number(ts) * 1000) && sign === `sha256=${hmac(secret, `${ts}.${raw}`, 'hex')}`;
          calls.push({ format: 'json', verified: ok, body, url: req.url ?? '' });
          return answer(ok ? 200 : 401, { ok });
        }
        case '/wecom': {
          const ok = body.msgtype === 'markdown' || body.msgtype === 'text';
          calls.push({ format: 'wecom', verified: ok, body, url: req.url ?? '' });
          return answer(
            200,
            ok ? { errcode: 0, errmsg: 'ok' } : { errcode: 40008, errmsg: 'invalid message type' },
          );
        }
        default:
          calls.push({ format: 'fail', verified: false, body, url: req.url ?? '' });
          return answer(500, { error: 'down for maintenance' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
