/**
 * The webhook formats: a generic JSON body, and the group-chat robots of DingTalk (钉钉), WeCom
 * (企业微信) and Feishu (飞书), with their signatures. Each builds the HTTP request for one notice
 * and reads the robot's answer (robots answer 200 with an error code in the body).
 */
import { createHmac } from 'node:crypto';

export const webhookFormats = ['json', 'dingtalk', 'wecom', 'feishu'] as const;
export type WebhookFormat = (typeof webhookFormats)[number];

/** What every format carries: the notice's payload (see notices.service `noticePayload`). */
export interface NoticeMessage {
  kind: string;
  due?: string;
  message: { zh: string; en: string };
  link: string;
  about?: Record<string, string>;
  [key: string]: unknown;
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

const hmacBase64 = (key: string, data: string) =>
  createHmac('sha256', key).update(data, 'utf8').digest('base64');

/** DingTalk: HMAC-SHA256 keyed by the secret over `timestamp + "\n" + secret`, base64. */
export function dingtalkSign(timestampMs: number, secret: string): string {
  return hmacBase64(secret, `${timestampMs}\n${secret}`);
}

/** Feishu: HMAC-SHA256 keyed by `timestamp + "\n" + secret` over an empty message, base64. */
export function feishuSign(timestampSeconds: number, secret: string): string {
  return hmacBase64(`${timestampSeconds}\n${secret}`, '');
}

/** Generic JSON: HMAC-SHA256 keyed by the secret over `timestamp + "." + body`, hex. */
export function jsonSign(timestampSeconds: number, body: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex');
}

function absolute(link: string, publicUrl: string): string {
  return /^https?:\/\//.test(link) ? link : publicUrl + link;
}

function plainText(m: NoticeMessage, publicUrl: string): string {
  return `${m.message.zh}\n${m.message.en}\n${absolute(m.link, publicUrl)}`;
}

function markdown(m: NoticeMessage, publicUrl: string): string {
  return `**${m.message.zh}**\n\n${m.message.en}\n\n[查看 / Open](${absolute(m.link, publicUrl)})`;
}

const json = { 'Content-Type': 'application/json; charset=utf-8' };

/** The request that delivers `m` to an endpoint of `format`, signed with `secret` when given. */
export function buildWebhookRequest(
  format: WebhookFormat,
  endpoint: { url: string; secret: string | null },
  m: NoticeMessage,
  opts: { now: Date; publicUrl: string },
): WebhookRequest {
  const ms = opts.now.getTime();
  const seconds = Math.floor(ms / 1000);
  const secret = endpoint.secret;
  switch (format) {
    case 'json': {
      const body = JSON.stringify({
        ...m,
        link: absolute(m.link, opts.publicUrl),
        sent_at: opts.now.toISOString(),
      });
      const headers: Record<string, string> = { ...json };
      if (secret) {
        headers['X-Shixiao-Timestamp'] = String(seconds);
        headers['X-Shixiao-Signature'] = `sha256=${jsonSign(seconds, body, secret)}`;
      }
      return { url: endpoint.url, headers, body };
    }
    case 'dingtalk': {
      const url = new URL(endpoint.url);
      if (secret) {
        // URLSearchParams url-encodes the base64 sign (+, /, =) as DingTalk requires.
        url.searchParams.set('timestamp', String(ms));
        url.searchParams.set('sign', dingtalkSign(ms, secret));
      }
      const body = JSON.stringify({
        msgtype: 'markdown',
        markdown: { title: m.message.zh.slice(0, 60), text: markdown(m, opts.publicUrl) },
      });
      return { url: url.toString(), headers: json, body };
    }
    case 'wecom': {
      const body = JSON.stringify({
        msgtype: 'markdown',
        markdown: { content: markdown(m, opts.publicUrl) },
      });
      return { url: endpoint.url, headers: json, body };
    }
    case 'feishu': {
      const text = plainText(m, opts.publicUrl);
      const signed = secret ? { timestamp: String(seconds), sign: feishuSign(seconds, secret) } : {};
      const body = JSON.stringify({ ...signed, msg_type: 'text', content: { text } });
      return { url: endpoint.url, headers: json, body };
    }
  }
}

/** The robot's verdict on a 2xx answer: DingTalk/WeCom `errcode`, Feishu `code`, 0 is success. */
export function robotError(format: WebhookFormat, responseText: string): string | null {
  if (format === 'json') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(responseText);
  } catch {
    return `${format} answered something other than JSON`;
  }
  const r = (parsed ?? {}) as { errcode?: unknown; errmsg?: unknown; code?: unknown; msg?: unknown };
  const code = format === 'feishu' ? (r.code ?? 0) : (r.errcode ?? 0);
  if (code === 0) return null;
  const message = format === 'feishu' ? r.msg : r.errmsg;
  return `${format} error ${JSON.stringify(code)}: ${typeof message === 'string' ? message : ''}`.trim();
}

/** Sends one webhook request: null on success, the reason otherwise. */
export async function sendWebhook(
  format: WebhookFormat,
  request: WebhookRequest,
  timeoutMs = 10_000,
): Promise<string | null> {
  try {
    const res = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) return `HTTP ${res.status}: ${text.slice(0, 200)}`;
    return robotError(format, text);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return `${(error as Error).message}${cause ? ` (${cause})` : ''}`;
  }
}
