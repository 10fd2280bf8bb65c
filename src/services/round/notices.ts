// In-app notices (a round opened, a reminder), and each unit's group robot for reminders.

import { z } from 'zod';
import { plainText } from '../../domain/validation.ts';
import { canRunRound, unitFilter, type Actor } from '../../domain/access.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import { parseInput } from '../../domain/validation.ts';
import { findUnitRegion, listNotifications, setUnitWebhook, type NotificationRow } from '../../db/repositories/round.repository.ts';
import { countyRange } from '../../db/repositories/scope.ts';
import { findUnit, robotSecret } from '../../db/repositories/unit.repository.ts';
import { inTransaction, type Db } from '../../db/transaction.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { WEBHOOK_KINDS } from '../../domain/round/reminders.ts';
import { webhookUrlRefusal } from '../../domain/webhook-url.ts';

/** The actor's notices, newest first: a reporter its unit's and the region-wide ones, others all of their region's. */
export async function listNotices(db: Db, actor: Actor, limit = 50): Promise<NotificationRow[]> {
  const [lo, hi] = countyRange(actor.regionCode);
  return listNotifications(db, lo, hi, unitFilter(actor), limit);
}

/** A unit's group robot as sent: its kind, an address of at most 500 characters, a signing secret of at most 200. */
export const WebhookBodySchema = z
  .object({ kind: z.enum(WEBHOOK_KINDS), url: plainText(500), secret: plainText(200).nullable().optional() })
  .strict()
  .nullable();
/** The robot as saved: the address a public https one (webhookUrlRefusal), judged after who may set it. */
const WebhookSchema = WebhookBodySchema.superRefine((hook, ctx) => {
  const refusal = hook ? webhookUrlRefusal(hook.url) : null;
  if (refusal) ctx.addIssue({ code: 'custom', path: ['url'], message: refusal });
});

/** Sets (or, with null, removes) the group robot a unit's reminders go to, at a public https address (webhookUrlRefusal). Dispatchers and admins of its county. */
export async function configureUnitWebhook(db: Db, unitId: string, input: unknown, actor: Actor, now: Date = new Date()): Promise<void> {
  // Who may set it before what it is set to: the address rule tells nothing to one who may not.
  const regionCode = await findUnitRegion(db, unitId);
  if (!regionCode) throw notFound('单位');
  if (!canRunRound(actor, regionCode)) throw forbidden('只有调度员可以设置提醒机器人');
  const hook = parseInput(WebhookSchema, input, { kind: '机器人类型', url: '机器人地址', secret: '加签密钥' });
  const next = hook ? { kind: hook.kind, url: hook.url, secret: hook.secret || null } : null;
  await inTransaction(db, async (trx) => {
    const robot = (await findUnit(trx, unitId))?.robot;
    const before = robot ? { kind: robot.kind, url: robot.url, secret: await robotSecret(trx, unitId) } : { kind: null, url: null, secret: null };
    await setUnitWebhook(trx, unitId, next);
    const after = next ?? { kind: null, url: null, secret: null };
    await recordAudit(trx, actor, [{ action: 'webhook.change', regionCode, subjectKind: 'unit', subjectId: unitId, before, after, secrets: ['secret'] }], now);
  });
}
