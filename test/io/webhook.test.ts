// Posting to a group robot: the DingTalk signature, and what is recorded when a robot answers, refuses or is unreachable.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dingtalkSignedUrl, postWebhook } from '../../src/io/webhook.ts';

let server: http.Server;
let base = '';
const received: { url: string; body: string }[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body });
      res.setHeader('content-type', 'application/json');
      res.end(req.url?.startsWith('/refuse') ? '{"errcode":310000,"errmsg":"keywords not in content"}' : '{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('group robot webhooks', () => {
  it('signs a DingTalk URL (values computed independently with Python’s hmac and quote_plus)', () => {
    expect(dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'this is secret', 1577836800000)).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1577836800000&sign=fFV9t5lBS7KH4%2B5B0JjR99ab%2BAJkXFauQXycgTkS%2Ftc%3D',
    );
    expect(dingtalkSignedUrl('http://127.0.0.1:9999/robot', 'SEC0123456789abcdef', 1622887200000)).toBe(
      'http://127.0.0.1:9999/robot?timestamp=1622887200000&sign=b4Bh2iWhyEbtlYtk2klL8Mu5qdxcmpMwV7BpdNZqsEU%3D',
    );
  });

  it('posts the text body, signed for DingTalk when a secret is set, and judges the answer by errcode', async () => {
    const now = new Date(1622887200000);
    expect(await postWebhook({ kind: 'dingtalk', url: `${base}/robot`, secret: 'SEC0123456789abcdef' }, '【月报提醒】测试', now)).toMatchObject({ ok: true });
    expect(received.at(-1)).toEqual({
      url: '/robot?timestamp=1622887200000&sign=b4Bh2iWhyEbtlYtk2klL8Mu5qdxcmpMwV7BpdNZqsEU%3D',
      body: '{"msgtype":"text","text":{"content":"【月报提醒】测试"}}',
    });
    const refused = await postWebhook({ kind: 'wecom', url: `${base}/refuse`, secret: null }, '没有关键词', now);
    expect(refused.ok).toBe(false);
    expect(refused.detail).toMatch(/310000/);
  });

  it('records an unreachable robot as a failure instead of throwing', async () => {
    const result = await postWebhook({ kind: 'wecom', url: 'http://127.0.0.1:9/robot', secret: null }, '测试', new Date());
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/无法送达/);
  });
});
