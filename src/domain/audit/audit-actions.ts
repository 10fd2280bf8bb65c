// The audit trail's vocabulary, its retention and how a change is written down: only what changed, never a secret.

import { addDays, cstInstant, dayOf, type Day } from '../months.ts';

/** Every kind of change the audit trail records, with the words the pages, sheets and command line show. */
export const AUDIT_ACTION_LABELS = {
  'indicator.value.set': '指标数值录入',
  'indicator.value.delete': '指标数值删除',
  'indicator.target.set': '指标目标设定',
  'indicator.target.delete': '指标目标删除',
  'setting.change': '设置修改',
  'webhook.change': '群机器人设置',
  'account.create': '新建账号',
  'account.update': '修改账号',
  'account.disable': '停用账号',
  'account.enable': '启用账号',
  'account.password': '密码重置或修改',
  'sign_in.ok': '登录成功',
  'sign_in.fail': '登录失败',
  'round.open': '开启月报',
  'round.close': '关闭月报',
  'report.approve': '月报审核通过',
  'report.return': '月报退回',
  'correction.approve': '更正批准',
  'correction.refuse': '更正驳回',
  'audit.prune': '清理审计日志',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** What a row of the audit trail is about, in words (the subject's id is stored beside it). */
export const AUDIT_SUBJECT_LABELS: Record<string, string> = {
  indicatorValue: '指标数值',
  indicatorTarget: '指标目标',
  setting: '设置',
  unit: '单位',
  account: '账号',
  round: '月报轮次',
  report: '月报',
  correction: '更正申请',
  auditTrail: '审计日志',
};

/** The names of the fields a row's before and after hold, as people read them; a setting's key stays as it is. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  value: '数值',
  officialYoy: '同比增速',
  kind: '类型',
  upper: '上限',
  qualifier: '限定',
  url: '地址',
  secret: '加签密钥',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  regionCode: '地区',
  unitId: '单位',
  leaderId: '领导',
  disabled: '停用',
  password: '密码',
  outcome: '结果',
  month: '月份',
  deadline: '截止时间',
  graceUntil: '宽限截止',
  deadlineBasis: '截止依据',
  status: '状态',
  project: '项目',
  returnReason: '退回原因',
  newValue: '更正数',
  note: '意见',
  removed: '清理条数',
  before: '清理此日之前',
  workingDays: '督办时限按工作日计',
  days: '节假日与调休',
  escalation: '督办升级',
  thresholds: '预警阈值',
  coverageRatio: '储备覆盖倍数',
  task: '年度任务',
};

/** Who a row without an account stands for: the system (the calendar, the command line), or someone not signed in. */
export function noActor(action: AuditAction): 'system' | 'anonymous' {
  return action === 'sign_in.fail' ? 'anonymous' : 'system';
}
export const NO_ACTOR_LABELS = { system: '系统', anonymous: '未登录者' } as const;

/** A row's before or after as one line of text: 数值: 8；同比增速: 0.121. */
export function auditFieldsText(fields: AuditFields | null): string {
  if (fields === null) return '';
  return Object.entries(fields)
    .map(([k, v]) => `${AUDIT_FIELD_LABELS[k] ?? k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('；');
}

/**
 * How long a row of the audit trail is kept at the least (等保 2.0 三级: six months). The database refuses to remove a
 * younger row: the migration 2026-12-07T0900-audit-trail states the same number in its triggers.
 */
export const AUDIT_RETENTION_DAYS = 183;

/** What stands in the trail for a secret (a password, a robot's signing secret) that changed: never the secret itself. */
export const SECRET_CHANGED = '已更改';

export type AuditFields = Record<string, unknown>;

/** The before and after of one change, as stored: only the fields that changed (all of them when created or removed). */
export interface AuditChange {
  before: AuditFields | null;
  after: AuditFields | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The change from `before` to `after` (either null for a creation or a removal), keeping only the fields that changed;
 * a secret field that changed appears in `after` only, as {@link SECRET_CHANGED}. Null when nothing changed.
 * @example auditChange({ amount: 8, source: 'entered' }, { amount: 9, source: 'entered' }) // { before: { amount: 8 }, after: { amount: 9 } }
 * @example auditChange({ url: 'a', secret: 's1' }, { url: 'a', secret: 's2' }, ['secret']) // { before: {}, after: { secret: '已更改' } }
 */
export function auditChange(before: AuditFields | null, after: AuditFields | null, secrets: readonly string[] = []): AuditChange | null {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changed = keys.filter((k) => before === null || after === null || !same(before[k], after[k]));
  if (before !== null && after !== null && changed.length === 0) return null;
  const side = (fields: AuditFields | null, showSecret: boolean): AuditFields | null => {
    if (fields === null) return null;
    const out: AuditFields = {};
    for (const k of changed) {
      if (!secrets.includes(k)) out[k] = fields[k] ?? null;
      else if (showSecret && (fields[k] ?? null) !== null) out[k] = SECRET_CHANGED;
    }
    return out;
  };
  // A removed secret is a change too: after says so, without the secret.
  const afterSide = side(after, true);
  if (afterSide) for (const k of changed) if (secrets.includes(k) && !(k in afterSide)) afterSide[k] = SECRET_CHANGED;
  return { before: side(before, false), after: afterSide };
}

/** The instants a list of the trail covers, from the first day's start to the last day's end in China Standard Time. */
export function auditDayBounds(from: Day | null, to: Day | null): { fromAt: string | null; toAt: string | null } {
  return { fromAt: from ? cstInstant(from) : null, toAt: to ? cstInstant(addDays(to, 1)) : null };
}

/** The last day whose rows may be removed: those before the returned day are older than the retention. */
export function latestPruneDay(now: Date): Day {
  return addDays(dayOf(now), -AUDIT_RETENTION_DAYS);
}

/**
 * Why removing the rows older than a day is refused: anything younger than {@link AUDIT_RETENTION_DAYS} is kept.
 * @example pruneRefusal('2026-11-01', new Date('2026-12-07T00:00:00Z')) // '审计日志至少保存183天：只能清理2026-06-07之前的记录'
 */
export function pruneRefusal(before: Day, now: Date): string | null {
  const latest = latestPruneDay(now);
  return before > latest ? `审计日志至少保存${AUDIT_RETENTION_DAYS}天：只能清理${latest}之前的记录` : null;
}
