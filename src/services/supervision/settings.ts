// A county's settings of supervision and alerts: calendar or working days with its holidays, escalation days, alert
// thresholds, the reserve's coverage ratio and the year's task. Each has a default, so a county without settings works.

import { canCreateProject, coversRegion, type Actor } from '../../domain/access.ts';
import { DEFAULT_ALERT_THRESHOLDS, alertThresholdsIssues, parseAlertThresholds, type AlertThresholds } from '../../domain/alerts/alert-rules.ts';
import { forbidden, invalidInput, type FieldIssue } from '../../domain/errors.ts';
import { coverageRatioRefusal, DEFAULT_COVERAGE_RATIO } from '../../domain/pool/reserve.ts';
import { SUPERVISION_SETTING_KEYS, SupervisionSettingsSchema, type SupervisionSettingsInput } from '../../domain/supervision/settings-input.ts';
import { DEFAULT_ESCALATION, escalationRefusal, type EscalationSettings } from '../../domain/supervision/timers.ts';
import type { CalendarDayKind, WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { parseInput } from '../../domain/validation.ts';
import { getSetting, putSetting } from '../../db/repositories/region.repository.ts';
import { listCalendarDays, replaceCalendarYear } from '../../db/repositories/supervision.repository.ts';
import { inTransaction, type Db } from '../../db/transaction.ts';
import { recordAudit } from '../audit/record-audit.ts';

/** The county's timer calendar: working days or calendar days, with its holidays and worked weekend days. */
export async function loadWorkCalendar(db: Db, county: string): Promise<WorkCalendar> {
  const days = await listCalendarDays(db, county);
  return {
    workingDays: (await getSetting(db, SUPERVISION_SETTING_KEYS.workingDays(county))) === 'true',
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.day)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.day)),
  };
}

/** The county's escalation days; a damaged setting leaves the defaults. */
export async function loadEscalation(db: Db, county: string): Promise<EscalationSettings> {
  const stored = await getSetting(db, SUPERVISION_SETTING_KEYS.escalation(county));
  if (!stored) return DEFAULT_ESCALATION;
  try {
    const s = { ...DEFAULT_ESCALATION, ...(JSON.parse(stored) as Partial<EscalationSettings>) };
    return escalationRefusal(s) === null ? s : DEFAULT_ESCALATION;
  } catch {
    return DEFAULT_ESCALATION;
  }
}

export async function loadAlertThresholds(db: Db, county: string): Promise<AlertThresholds> {
  return parseAlertThresholds(await getSetting(db, SUPERVISION_SETTING_KEYS.thresholds(county)));
}

/** The coverage ratio and the year's task (null: the pool's annual plan) of a county. */
export async function loadReserveSettings(db: Db, county: string, year: number): Promise<{ coverageRatio: number; task: number | null }> {
  const ratio = Number(await getSetting(db, SUPERVISION_SETTING_KEYS.coverageRatio(county)));
  const task = Number((await getSetting(db, SUPERVISION_SETTING_KEYS.task(county, year))) || Number.NaN);
  return {
    coverageRatio: coverageRatioRefusal(ratio) === null ? ratio : DEFAULT_COVERAGE_RATIO,
    task: Number.isSafeInteger(task) && task > 0 ? task : null,
  };
}

export interface SupervisionSettings {
  region: string;
  year: number;
  workingDays: boolean;
  days: { day: string; kind: CalendarDayKind; note: string | null }[];
  escalation: EscalationSettings;
  thresholds: AlertThresholds;
  defaults: { thresholds: AlertThresholds; escalation: EscalationSettings; coverageRatio: number };
  coverageRatio: number;
  task: number | null;
  canEdit: boolean;
}

/** A county's settings as the settings page shows them, with the year's calendar days. */
export async function getSupervisionSettings(db: Db, input: { region: string; year: number }, actor: Actor): Promise<SupervisionSettings> {
  if (!/^\d{6}$/.test(input.region)) throw invalidInput([{ field: 'region', message: '地区：应为6位县级区划代码' }]);
  if (!coversRegion(actor, input.region)) throw forbidden('无权查看该地区');
  const [calendar, escalation, thresholds, reserve, days] = await Promise.all([
    loadWorkCalendar(db, input.region),
    loadEscalation(db, input.region),
    loadAlertThresholds(db, input.region),
    loadReserveSettings(db, input.region, input.year),
    listCalendarDays(db, input.region),
  ]);
  return {
    region: input.region,
    year: input.year,
    workingDays: calendar.workingDays,
    days: days.filter((d) => d.day.startsWith(`${input.year}-`)),
    escalation,
    thresholds,
    defaults: { thresholds: DEFAULT_ALERT_THRESHOLDS, escalation: DEFAULT_ESCALATION, coverageRatio: DEFAULT_COVERAGE_RATIO },
    coverageRatio: reserve.coverageRatio,
    task: reserve.task,
    canEdit: canCreateProject(actor, input.region),
  };
}

/** The stored part of the settings, as the audit trail compares them (the defaults and the right to edit are not settings). */
function settingsFields({ defaults: _defaults, canEdit: _canEdit, region: _region, year: _year, ...stored }: SupervisionSettings) {
  return stored;
}

/** Saves what the input carries; what it leaves out stays. Those who keep the county's pool may. */
export async function saveSupervisionSettings(db: Db, input: SupervisionSettingsInput, actor: Actor, now: Date = new Date()): Promise<SupervisionSettings> {
  const q = parseInput(SupervisionSettingsSchema, input, { region: '地区', year: '年度', days: '节假日', coverageRatio: '覆盖倍数', task: '年度任务' });
  if (!canCreateProject(actor, q.region)) throw forbidden('只有管理员和调度员可以修改督办和预警设置');
  const issues: FieldIssue[] = [];
  const thresholds = q.thresholds ? { ...(await loadAlertThresholds(db, q.region)), ...q.thresholds } : null;
  if (thresholds) issues.push(...alertThresholdsIssues(thresholds).map((i) => ({ ...i, field: `thresholds.${i.field}` })));
  const escalationProblem = q.escalation ? escalationRefusal(q.escalation) : null;
  if (escalationProblem) issues.push({ field: 'escalation', message: `督办升级：${escalationProblem}` });
  const ratioProblem = q.coverageRatio !== undefined ? coverageRatioRefusal(q.coverageRatio) : null;
  if (ratioProblem) issues.push({ field: 'coverageRatio', message: ratioProblem });
  for (const [i, d] of (q.days ?? []).entries()) {
    if (!d.day.startsWith(`${q.year}-`)) issues.push({ field: `days.${i}.day`, message: `${d.day}不在${q.year}年` });
  }
  if (q.days && new Set(q.days.map((d) => d.day)).size !== q.days.length) issues.push({ field: 'days', message: '同一天出现了两次' });
  if (issues.length > 0) throw invalidInput(issues);
  return inTransaction(db, async (trx) => {
    const before = await getSupervisionSettings(trx, { region: q.region, year: q.year }, actor);
    if (q.workingDays !== undefined) await putSetting(trx, SUPERVISION_SETTING_KEYS.workingDays(q.region), String(q.workingDays));
    if (q.days) await replaceCalendarYear(trx, q.region, q.year, q.days);
    if (q.escalation) await putSetting(trx, SUPERVISION_SETTING_KEYS.escalation(q.region), JSON.stringify(q.escalation));
    if (thresholds) await putSetting(trx, SUPERVISION_SETTING_KEYS.thresholds(q.region), JSON.stringify(thresholds));
    if (q.coverageRatio !== undefined) await putSetting(trx, SUPERVISION_SETTING_KEYS.coverageRatio(q.region), String(q.coverageRatio));
    if (q.task !== undefined) await putSetting(trx, SUPERVISION_SETTING_KEYS.task(q.region, q.year), q.task === null ? '' : String(q.task));
    const after = await getSupervisionSettings(trx, { region: q.region, year: q.year }, actor);
    await recordAudit(trx, actor, [{ action: 'setting.change', regionCode: q.region, subjectKind: 'setting', subjectId: q.region, before: settingsFields(before), after: settingsFields(after) }], now);
    return after;
  });
}
