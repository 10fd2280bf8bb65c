// Posting to a group robot: the DingTalk signature, what is recorded when a robot answers, refuses or is unreachable,
// and no message to this machine or the intranet, whether named by address or by a name that resolves there.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type dns from 'node:dns';
import { addressRefusal } from '../../src/domain/webhook-url.ts';
import { createPostWebhook, dingtalkSignedUrl, postWebhook, PUBLIC_ROBOTS } from '../../src/io/webhook.ts';

// The transport tests talk to a robot on this machine over plain HTTP, which the real sender refuses: they use a
// sender without the guard. The guard's own tests below use the real one.
const unguarded = createPostWebhook({ url: () => null, address: () => null });

/** A resolver that answers every name with the given addresses, as a hostile or intranet DNS would. */
function resolvingTo(...addresses: string[]): typeof dns.lookup {
  return ((_host: string, options: dns.LookupOptions, callback: (err: NodeJS.ErrnoException | null, a: dns.LookupAddress[]) => void) => {
    expect(options.all).toBe(true);
    callback(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  }) as unknown as typeof dns.lookup;
}

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
    expect(await unguarded({ kind: 'dingtalk', url: `${base}/robot`, secret: 'SEC0123456789abcdef' }, '【月报提醒】测试', now)).toMatchObject({ ok: true });
    expect(received.at(-1)).toEqual({
      url: '/robot?timestamp=1622887200000&sign=b4Bh2iWhyEbtlYtk2klL8Mu5qdxcmpMwV7BpdNZqsEU%3D',
      body: '{"msgtype":"text","text":{"content":"【月报提醒】测试"}}',
    });
    const refused = await unguarded({ kind: 'wecom', url: `${base}/refuse`, secret: null }, '没有关键词', now);
    expect(refused.ok).toBe(false);
    expect(refused.detail).toMatch(/310000/);
  });

  it('records an unreachable robot as a failure instead of throwing', async () => {
    const result = await unguarded({ kind: 'wecom', url: 'http://127.0.0.1:9/robot', secret: null }, '测试', new Date());
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/无法送达/);
  });
});

describe('the robot sender’s guard', () => {
  const now = new Date(1622887200000);

  it('sends nothing to this machine or the intranet by address, and says why', async () => {
    const before = received.length;
    for (const url of [`${base}/robot`, base.replace('http:', 'https:'), 'https://localhost/robot', 'https://10.0.0.8/robot', 'https://[::1]/robot', 'https://169.254.169.254/latest']) {
      const result = await postWebhook({ kind: 'wecom', url, secret: null }, '测试', now);
      expect(result.ok, url).toBe(false);
      expect(result.detail, url).toMatch(/^未发送：机器人地址(只接受 https|不能指向)/);
    }
    expect(received.length).toBe(before);
  });

  it('refuses a public-looking name that resolves to this machine or a private address, checked on the connection’s own lookup', async () => {
    const port = new URL(base).port;
    const before = received.length;
    for (const addresses of [['127.0.0.1'], ['10.1.2.3'], ['203.119.205.1', '192.168.1.5'], ['::1'], ['::ffff:127.0.0.1']]) {
      const send = createPostWebhook(PUBLIC_ROBOTS, resolvingTo(...addresses));
      const result = await send({ kind: 'dingtalk', url: `https://oapi.dingtalk.example.com:${port}/robot`, secret: null }, '测试', now);
      expect(result.ok, addresses.join()).toBe(false);
      expect(result.detail, addresses.join()).toMatch(/^未发送：oapi\.dingtalk\.example\.com 解析为 .+，不能指向/);
    }
    // The same name resolving to the same place reaches the robot once only the address rule is lifted: the
    // refusal above came from the lookup the connection used, not from a check beside it.
    const httpOnly = createPostWebhook({ url: () => null, address: addressRefusal }, resolvingTo('127.0.0.1'));
    expect((await httpOnly({ kind: 'wecom', url: `http://robot.example.com:${port}/robot`, secret: null }, '测试', now)).detail).toMatch(/解析为 127\.0\.0\.1，不能指向本机/);
    expect(received.length).toBe(before);
    const open = createPostWebhook({ url: () => null, address: () => null }, resolvingTo('127.0.0.1'));
    expect(await open({ kind: 'wecom', url: `http://robot.example.com:${port}/robot`, secret: null }, '测试', now)).toMatchObject({ ok: true });
    expect(received.length).toBe(before + 1);
  });
});
