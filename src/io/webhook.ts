// Posts a message to a group robot (DingTalk or WeCom) over HTTP, with a time limit, and says plainly what came back.

import { createHmac } from 'node:crypto';
import { webhookMessage, type WebhookKind } from '../domain/round/reminders.ts';

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

export const postWebhook: PostWebhook = async (target, text, now) => {
  const url = target.kind === 'dingtalk' && target.secret ? dingtalkSignedUrl(target.url, target.secret, now.getTime()) : target.url;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(webhookMessage(target.kind, text)),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.text()).slice(0, 500);
    // Both robots answer 200 with { errcode: 0 } on success and a non-zero errcode (bad keyword, bad signature) otherwise.
    let errcode = 0;
    try {
      errcode = Number((JSON.parse(body) as { errcode?: unknown }).errcode ?? 0);
    } catch {
      // Not JSON: judge by the status alone.
    }
    return { ok: response.ok && errcode === 0, detail: `HTTP ${response.status} ${body}`.trim() };
  } catch (e) {
    return { ok: false, detail: `无法送达：${e instanceof Error ? e.message : String(e)}` };
  }
};

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
