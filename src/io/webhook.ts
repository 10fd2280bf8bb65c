// Posts a message to a group robot (DingTalk or WeCom) over HTTPS, with a time limit, only to a public address (each
// address its name resolves to checked as it connects), and says plainly what came back.

import { createHmac } from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { webhookMessage, type WebhookKind } from '../domain/round/reminders.ts';
import { addressRefusal, webhookUrlRefusal } from '../domain/webhook-url.ts';

export interface WebhookTarget {
  kind: WebhookKind;
  url: string;
  /** DingTalk's 加签 secret, when the robot is secured by signature. */
  secret: string | null;
}

export interface WebhookResult {
  ok: boolean;
  /** What to record: the robot's answer, or why it could not be reached. */
  detail: string;
}

/** Sends one text message; never throws, so one unreachable robot does not stop the others' reminders. */
export type PostWebhook = (target: WebhookTarget, text: string, now: Date) => Promise<WebhookResult>;

/** The rule a robot's address must meet: as set (its URL) and as reached (each address its name resolves to). */
export interface WebhookGuard {
  url(url: string): string | null;
  address(ip: string): string | null;
}

/** Public https robots only (src/domain/webhook-url.ts). */
export const PUBLIC_ROBOTS: WebhookGuard = { url: webhookUrlRefusal, address: addressRefusal };

const TIMEOUT_MS = 10_000;

/**
 * The name's addresses, refused when any is one a robot may not have: checked on the very lookup the connection
 * uses, so a name cannot answer a public address to a check and a private one to the connection a moment later.
 */
function guardedLookup(guard: WebhookGuard, lookup: typeof dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, found) => {
      if (err) return callback(err, '', 0);
      const addresses = found as unknown as dns.LookupAddress[];
      for (const a of addresses) {
        const refusal = guard.address(a.address);
        if (refusal) return callback(Object.assign(new Error(`${hostname} 解析为 ${a.address}，${refusal}`), { code: 'EWEBHOOKREFUSED' }), '', 0);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} 没有地址`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/** One POST; no redirect is followed (a robot does not redirect, and a redirect could lead inside). */
function post(url: URL, body: string, lookup: LookupFunction): Promise<{ status: number; body: string }> {
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, lookup, timeout: TIMEOUT_MS }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (text.length < 500) text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text.slice(0, 500) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${TIMEOUT_MS / 1000} 秒内没有应答`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** A sender held to a guard; `lookup` is the name resolver (tests give their own). */
export function createPostWebhook(guard: WebhookGuard = PUBLIC_ROBOTS, lookup: typeof dns.lookup = dns.lookup): PostWebhook {
  const checked = guardedLookup(guard, lookup);
  return async (target, text, now) => {
    const refusal = guard.url(target.url);
    if (refusal) return { ok: false, detail: `未发送：机器人地址${refusal}` };
    const url = target.kind === 'dingtalk' && target.secret ? dingtalkSignedUrl(target.url, target.secret, now.getTime()) : target.url;
    try {
      const response = await post(new URL(url), JSON.stringify(webhookMessage(target.kind, text)), checked);
      // Both robots answer 200 with { errcode: 0 } on success and a non-zero errcode (bad keyword, bad signature) otherwise.
      let errcode = 0;
      try {
        errcode = Number((JSON.parse(response.body) as { errcode?: unknown }).errcode ?? 0);
      } catch {
        // Not JSON: judge by the status alone.
      }
      const ok = response.status >= 200 && response.status < 300;
      return { ok: ok && errcode === 0, detail: `HTTP ${response.status} ${response.body}`.trim() };
    } catch (e) {
      const refused = (e as { code?: unknown }).code === 'EWEBHOOKREFUSED';
      return { ok: false, detail: `${refused ? '未发送' : '无法送达'}：${e instanceof Error ? e.message : String(e)}` };
    }
  };
}

export const postWebhook: PostWebhook = createPostWebhook();

/**
 * A DingTalk robot URL signed for its "加签" security setting: the HMAC-SHA256 of
 * `${timestampMs}\n${secret}` keyed with the secret, base64, URL-encoded, appended as
 * `&timestamp=…&sign=…`. DingTalk refuses a timestamp more than an hour away from its clock.
 */
export function dingtalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
  const sep = url.includes('?') ? '&' : '?';
  return `${url}${sep}timestamp=${timestampMs}&sign=${encodeURIComponent(sign)}`;
}
