// Where a unit's robot may point: public https only; this machine, private, link-local, reserved and unspecified
// addresses refused in every spelling, IPv4 and IPv6, set by URL or reached by resolving a name.
import { describe, expect, it } from 'vitest';
import { addressRefusal, WEBHOOK_REFUSALS as R, webhookUrlRefusal } from '../../src/domain/webhook-url.ts';

describe('webhookUrlRefusal', () => {
  it.each([
    ['https://oapi.dingtalk.com/robot/send?access_token=abc', null],
    ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x', null],
    ['  https://oapi.dingtalk.com/robot/send  ', null],
    ['https://8.8.8.8/robot', null],
    ['https://[2400:3200::1]/robot', null],
    ['http://oapi.dingtalk.com/robot/send', R.https],
    ['ftp://oapi.dingtalk.com/x', R.https],
    ['file:///etc/passwd', R.https],
    ['not a url', R.invalid],
    ['https://user:pw@oapi.dingtalk.com/robot', R.credentials],
    ['https://localhost/robot', R.local],
    ['https://LOCALHOST./robot', R.local],
    ['https://api.localhost/robot', R.local],
    ['https://127.0.0.1/robot', R.local],
    ['https://127.1.2.3:8443/robot', R.local],
    ['https://2130706433/robot', R.local],
    ['https://0x7f.1/robot', R.local],
    ['https://0177.0.0.1/robot', R.local],
    ['https://[::1]/robot', R.local],
    ['https://[::ffff:127.0.0.1]/robot', R.local],
    ['https://[0:0:0:0:0:0:0:1]/robot', R.local],
    ['https://0.0.0.0/robot', R.private],
    ['https://[::]/robot', R.private],
    ['https://10.0.0.8/robot', R.private],
    ['https://172.16.5.4/robot', R.private],
    ['https://172.31.255.255/robot', R.private],
    ['https://192.168.1.10/robot', R.private],
    ['https://169.254.169.254/latest/meta-data', R.private],
    ['https://100.64.0.1/robot', R.private],
    ['https://224.0.0.1/robot', R.private],
    ['https://255.255.255.255/robot', R.private],
    ['https://[fe80::1]/robot', R.private],
    ['https://[fd12:3456::1]/robot', R.private],
    ['https://[fc00::1]/robot', R.private],
    ['https://[::ffff:10.0.0.1]/robot', R.private],
    ['https://[::ffff:a00:1]/robot', R.private],
    ['https://[64:ff9b::192.168.0.1]/robot', R.private],
    ['https://[2002:c0a8:1::1]/robot', R.private],
    ['https://[ff02::1]/robot', R.private],
    ['https://robot/send', R.singleLabel],
    ['https://oa.county.local/robot', R.singleLabel],
    ['https://robot.internal/send', R.singleLabel],
  ])('%s → %s', (url, reason) => {
    expect(webhookUrlRefusal(url)).toBe(reason);
  });

  it('keeps the public neighbours of refused ranges open', () => {
    for (const ip of ['172.15.255.255', '172.32.0.0', '11.0.0.0', '100.63.255.255', '100.128.0.0', '169.253.1.1', '192.169.0.1', '223.255.255.255', '126.255.255.255', '128.0.0.1']) {
      expect(webhookUrlRefusal(`https://${ip}/robot`), ip).toBeNull();
    }
  });
});

describe('addressRefusal (each address a name resolves to when sending)', () => {
  it.each([
    ['203.119.205.1', null],
    ['2408:4000::1', null],
    ['127.0.0.53', R.local],
    ['::1', R.local],
    ['::ffff:127.0.0.1', R.local],
    ['10.20.30.40', R.private],
    ['192.168.0.1', R.private],
    ['fe80::1%eth0', R.private],
    ['fd00::5', R.private],
    ['0.0.0.0', R.private],
    ['::', R.private],
    ['garbage', R.invalid],
    ['1:2:3:4:5:6:7:8:9', R.invalid],
  ])('%s → %s', (ip, reason) => {
    expect(addressRefusal(ip)).toBe(reason);
  });
});
