/**
 * Webhook formats: signatures against vectors computed independently (Python's hmac), the
 * request shapes each robot expects, and how robots' answers are read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildWebhookRequest,
  dingtalkSign,
  feishuSign,
  jsonSign,
  robotError,
  type NoticeMessage,
} from './webhooks';

const secret = 'SEC000demo秘密';
const at = new Date(1767225600000); // 2026-01-01T00:00:00Z
const m: NoticeMessage = {
  kind: 'urge',
  due: '2026-04-15',
  about: { task: 'p5-a1-t1' },
  message: { zh: '任务已逾期，请尽快办理。', en: 'The task is overdue.' },
  link: '/tasks/p5-a1-t1',
};
const opts = { now: at, publicUrl: 'https://sx.example.gov.cn' };

void describe('webhook signatures', () => {
  void it('DingTalk: HMAC-SHA256(secret, timestamp\\nsecret), base64', () => {
    assert.equal(dingtalkSign(1767225600000, secret), '8uo5hEFoWQyoSw3Zjt640JpQTvtIjcJu4PBx8KAmzBI=');
  });
  void it('Feishu: HMAC-SHA256(timestamp\\nsecret, ""), base64', () => {
    assert.equal(feishuSign(1767225600, secret), 'Mx1zj4fItceTxb0Mk+6isWSl+sh9B6OX6cGQZYtrMaI=');
  });
  void it('generic JSON: HMAC-SHA256(secret, timestamp.body), hex', () => {
    assert.equal(
      jsonSign(1767225600, '{"a":1}', secret),
      'df5e5c48756b7b8a68b55ef9c222dd90007f231751d445d34e0b9fcec7ffc493',
    );
  });
});

void describe('webhook requests', () => {
  void it('DingTalk puts timestamp (ms) and the url-encoded sign in the query, markdown in the body', () => {
    const r = buildWebhookRequest(
      'dingtalk',
      { url: 'https://oapi.dingtalk.com/robot/send?access_token=abc', secret },
      m,
      opts,
    );
    const url = new URL(r.url);
    assert.equal(url.searchParams.get('access_token'), 'abc');
    assert.equal(url.searchParams.get('timestamp'), '1767225600000');
    assert.equal(url.searchParams.get('sign'), '8uo5hEFoWQyoSw3Zjt640JpQTvtIjcJu4PBx8KAmzBI=');
    assert.match(r.url, /sign=8uo5hEFoWQyoSw3Zjt640JpQTvtIjcJu4PBx8KAmzBI%3D/);
    const body = JSON.parse(r.body) as { msgtype: string; markdown: { title: string; text: string } };
    assert.equal(body.msgtype, 'markdown');
    assert.match(body.markdown.text, /任务已逾期/);
    assert.match(body.markdown.text, /https:\/\/sx\.example\.gov\.cn\/tasks\/p5-a1-t1/);
  });

  void it('DingTalk without a secret sends no signature', () => {
    const r = buildWebhookRequest(
      'dingtalk',
      { url: 'https://oapi.dingtalk.com/robot/send?access_token=abc', secret: null },
      m,
      opts,
    );
    assert.equal(new URL(r.url).searchParams.get('sign'), null);
  });

  void it('WeCom sends msgtype markdown with the content', () => {
    const r = buildWebhookRequest(
      'wecom',
      { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', secret: null },
      m,
      opts,
    );
    const body = JSON.parse(r.body) as { msgtype: string; markdown: { content: string } };
    assert.equal(body.msgtype, 'markdown');
    assert.match(body.markdown.content, /The task is overdue/);
  });

  void it('Feishu signs in the body with the timestamp in seconds', () => {
    const r = buildWebhookRequest(
      'feishu',
      { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/x', secret },
      m,
      opts,
    );
    const body = JSON.parse(r.body) as {
      timestamp: string;
      sign: string;
      msg_type: string;
      content: { text: string };
    };
    assert.equal(body.timestamp, '1767225600');
    assert.equal(body.sign, 'Mx1zj4fItceTxb0Mk+6isWSl+sh9B6OX6cGQZYtrMaI=');
    assert.equal(body.msg_type, 'text');
    assert.match(body.content.text, /任务已逾期/);
  });

  void it('generic JSON carries the notice with an absolute link and signs timestamp.body', () => {
    const r = buildWebhookRequest('json', { url: 'http://127.0.0.1:9/hook', secret }, m, opts);
    const body = JSON.parse(r.body) as { kind: string; about: { task: string }; link: string };
    assert.equal(body.kind, 'urge');
    assert.equal(body.about.task, 'p5-a1-t1');
    assert.equal(body.link, 'https://sx.example.gov.cn/tasks/p5-a1-t1');
    assert.equal(r.headers['X-Shixiao-Timestamp'], '1767225600');
    assert.equal(r.headers['X-Shixiao-Signature'], `sha256=${jsonSign(1767225600, r.body, secret)}`);
  });
});

void describe('robot answers', () => {
  void it('reads errcode (DingTalk, WeCom) and code (Feishu); 0 is success', () => {
    assert.equal(robotError('dingtalk', '{"errcode":0,"errmsg":"ok"}'), null);
    assert.equal(
      robotError('dingtalk', '{"errcode":310000,"errmsg":"sign not match"}'),
      'dingtalk error 310000: sign not match',
    );
    assert.equal(
      robotError('wecom', '{"errcode":93000,"errmsg":"invalid webhook url"}'),
      'wecom error 93000: invalid webhook url',
    );
    assert.equal(
      robotError('feishu', '{"code":19021,"msg":"sign match fail"}'),
      'feishu error 19021: sign match fail',
    );
    assert.equal(robotError('feishu', '{"StatusCode":0}'), null);
    assert.equal(robotError('wecom', 'not json'), 'wecom answered something other than JSON');
    assert.equal(robotError('json', 'anything'), null);
  });
});
