// Reads and writes the monthly round: rounds, their reports (joined to the project facts a form and a review need),
// evidence files, corrections, reminders sent and in-app notices (problems a report raises are supervision items).

import { sql, type Kysely, type Selectable } from 'kysely';
import { toYuan, type Yuan } from '../../domain/money.ts';
import type { EnteredAs, Stage } from '../../domain/project/project.ts';
import { DEADLINE_BASES, roundForUnit, type DeadlineBasis } from '../../domain/round/deadlines.ts';
import type { ReminderKind, WebhookKind } from '../../domain/round/reminders.ts';
import type { CorrectionStatus, ReportStatus, RoundStatus } from '../../domain/round/round.ts';
import type { StageEventEntry } from '../../domain/round/stage-events.ts';
import type { Database, ReportTable, RoundTable } from '../schema.ts';
import { countyCodeOf } from '../../domain/region.ts';
import { inProjectCounty } from './county-key.ts';
import { whereInPool, yearsWithProjects } from './pool.repository.ts';

type Db = Kysely<Database>;

export interface Round {
  id: string;
  regionCode: string;
  month: string;
  status: RoundStatus;
  deadline: string;
  graceUntil: string;
  openedAt: string;
  openedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  deadlineBasis: DeadlineBasis;
}

function toRound(r: Selectable<RoundTable>): Round {
  return {
    id: r.id,
    regionCode: r.region_code,
    month: r.month,
    status: r.status,
    deadline: r.deadline,
    graceUntil: r.grace_until,
    openedAt: r.opened_at,
    openedBy: r.opened_by,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    deadlineBasis: (DEADLINE_BASES as readonly string[]).includes(r.deadline_basis) ? (r.deadline_basis as DeadlineBasis) : 'calendar',
  };
}

export async function insertRound(db: Db, r: Round): Promise<void> {
  await db
    .insertInto('round')
    .values({
      id: r.id,
      region_code: r.regionCode,
      month: r.month,
      status: r.status,
      deadline: r.deadline,
      grace_until: r.graceUntil,
      opened_at: r.openedAt,
      opened_by: r.openedBy,
      closed_at: r.closedAt,
      closed_by: r.closedBy,
      deadline_basis: r.deadlineBasis,
    })
    .execute();
}

export async function findRound(db: Db, id: string): Promise<Round | undefined> {
  const row = await db.selectFrom('round').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRound(row) : undefined;
}

export async function findRoundByMonth(db: Db, regionCode: string, month: string): Promise<Round | undefined> {
  const row = await db.selectFrom('round').selectAll().where('region_code', '=', regionCode).where('month', '=', month).executeTakeFirst();
  return row ? toRound(row) : undefined;
}

/** The rounds of the counties whose codes lie in [lo, hi], newest first, optionally of one year. */
export async function listRounds(db: Db, lo: string, hi: string, year?: number): Promise<Round[]> {
  const rows = await db
    .selectFrom('round')
    .selectAll()
    .where('region_code', '>=', lo)
    .where('region_code', '<=', hi)
    .$if(year !== undefined, (qb) => qb.where('month', '>=', `${year}-01`).where('month', '<=', `${year}-12`))
    .orderBy('month', 'desc')
    .orderBy('region_code')
    .execute();
  return rows.map(toRound);
}

export async function listOpenRounds(db: Db): Promise<Round[]> {
  return (await db.selectFrom('round').selectAll().where('status', '=', 'open').execute()).map(toRound);
}

export async function closeRoundRow(db: Db, id: string, closedAt: string, closedBy: string | null): Promise<boolean> {
  const result = await db
    .updateTable('round')
    .set({ status: 'closed', closed_at: closedAt, closed_by: closedBy })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A project of the round's pool, with what its report is pre-filled from. */
export interface RoundProject {
  projectId: string;
  unitId: string | null;
}

/** The projects a round reports on: the year's pool (续建 or 新建, not cancelled) of the county. */
export async function roundPoolProjects(db: Db, regionCode: string, year: number): Promise<RoundProject[]> {
  const rows = await whereInPool(yearsWithProjects(db), year)
    .select(['p.id', 'p.unit_id'])
    .where('y.county_code', '=', countyCodeOf(regionCode))
    .where('p.region_code', '=', regionCode)
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ projectId: r.id, unitId: r.unit_id }));
}

export interface Report {
  id: string;
  roundId: string;
  projectId: string;
  unitId: string | null;
  status: ReportStatus;
  completedMonth: Yuan | null;
  enteredAs: EnteredAs;
  enteredYtd: Yuan | null;
  progress: string | null;
  stageEvents: StageEventEntry[];
  prefilled: boolean;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  returnReason: string | null;
  returnedCount: number;
  updatedAt: string;
  updatedBy: string | null;
  version: number;
}

function toReport(r: Selectable<ReportTable>): Report {
  return {
    id: r.id,
    roundId: r.round_id,
    projectId: r.project_id,
    unitId: r.unit_id,
    status: r.status,
    completedMonth: r.completed_month === null ? null : toYuan(r.completed_month),
    enteredAs: r.entered_as === 'ytd' ? 'ytd' : 'month',
    enteredYtd: r.entered_ytd === null ? null : toYuan(r.entered_ytd),
    progress: r.progress,
    stageEvents: JSON.parse(r.stage_events) as StageEventEntry[],
    prefilled: r.prefilled === 1,
    firstSubmittedAt: r.first_submitted_at,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewed_by,
    returnReason: r.return_reason,
    returnedCount: r.returned_count,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    version: r.version,
  };
}

function toReportRow(r: Report): ReportTable {
  return {
    id: r.id,
    round_id: r.roundId,
    project_id: r.projectId,
    unit_id: r.unitId,
    status: r.status,
    completed_month: r.completedMonth,
    entered_as: r.enteredAs,
    entered_ytd: r.enteredYtd,
    progress: r.progress,
    stage_events: JSON.stringify(r.stageEvents),
    prefilled: r.prefilled ? 1 : 0,
    first_submitted_at: r.firstSubmittedAt,
    submitted_at: r.submittedAt,
    submitted_by: r.submittedBy,
    reviewed_at: r.reviewedAt,
    reviewed_by: r.reviewedBy,
    return_reason: r.returnReason,
    returned_count: r.returnedCount,
    updated_at: r.updatedAt,
    updated_by: r.updatedBy,
    version: r.version,
  };
}

/** Inserts reports in chunks: a province's round holds tens of thousands, past SQLite's bound-parameter limit in one go. */
export async function insertReports(db: Db, reports: readonly Report[]): Promise<void> {
  const CHUNK = 500;
  for (let i = 0; i < reports.length; i += CHUNK) {
    await db.insertInto('report').values(reports.slice(i, i + CHUNK).map(toReportRow)).execute();
  }
}

export async function findReport(db: Db, id: string): Promise<Report | undefined> {
  const row = await db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toReport(row) : undefined;
}

/** Writes a report's new state if nobody changed it meanwhile; false when the version moved on. */
export async function updateReportRow(db: Db, r: Report, expectedVersion: number): Promise<boolean> {
  const { id: _id, round_id: _r, project_id: _p, ...rest } = toReportRow(r);
  const result = await db.updateTable('report').set(rest).where('id', '=', r.id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The latest round of a county before `month`, with its reports by project: what this month's forms are pre-filled from. */
export async function previousReports(db: Db, regionCode: string, month: string): Promise<{ month: string; byProject: Map<string, Report> } | undefined> {
  const previous = await db
    .selectFrom('round')
    .select(['id', 'month'])
    .where('region_code', '=', regionCode)
    .where('month', '<', month)
    .orderBy('month', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!previous) return undefined;
  const rows = await db.selectFrom('report').selectAll().where('round_id', '=', previous.id).execute();
  return { month: previous.month, byProject: new Map(rows.map((r) => [r.project_id, toReport(r)])) };
}

/** A report with the project facts its form and its review need. */
export interface ReportView extends Report {
  month: string;
  regionCode: string;
  roundStatus: RoundStatus;
  deadline: string;
  graceUntil: string;
  projectName: string;
  projectCode: string | null;
  projectUnitId: string | null;
  unitName: string | null;
  townshipCode: string | null;
  stage: Stage;
  startedOn: string | null;
  totalInvestment: Yuan;
  completedBefore: Yuan;
  phase: string | null;
  annualPlan: Yuan | null;
  attachmentCount: number;
}

export interface ReportQuery {
  roundId?: string;
  reportId?: string;
  unitId?: string | null;
  status?: ReportStatus | null;
  projectId?: string;
}

export async function findReportViews(db: Db, q: ReportQuery): Promise<ReportView[]> {
  const rows = await db
    .selectFrom('report as r')
    .innerJoin('round as rd', 'rd.id', 'r.round_id')
    .innerJoin('project as p', 'p.id', 'r.project_id')
    .leftJoin('unit as u', 'u.id', 'r.unit_id')
    .leftJoin('project_year as y', (j) => j.onRef('y.project_id', '=', 'p.id').on(inProjectCounty('y')).on(sql<boolean>`y.year = cast(substr(rd.month, 1, 4) as integer)`))
    // A closed round reopened for the report's unit is open to that unit, under the reopening's deadline.
    .leftJoin('round_reopening as ro', (j) => j.onRef('ro.round_id', '=', 'r.round_id').onRef('ro.unit_id', '=', 'r.unit_id').on('ro.relocked_at', 'is', null))
    .selectAll('r')
    .select([
      'rd.month',
      'rd.region_code',
      'rd.status as round_status',
      'rd.deadline',
      'rd.grace_until',
      'ro.deadline as reopened_deadline',
      'ro.grace_until as reopened_grace_until',
      'p.name as project_name',
      'p.project_code',
      'p.unit_id as project_unit_id',
      'u.name as unit_name',
      'p.township_code',
      'p.stage',
      'p.started_on',
      'p.total_investment',
      'p.completed_before',
      'y.phase',
      'y.annual_plan',
      sql<number>`(select count(*) from attachment a where a.report_id = r.id)`.as('attachment_count'),
    ])
    .$if(!!q.roundId, (qb) => qb.where('r.round_id', '=', q.roundId!))
    .$if(!!q.reportId, (qb) => qb.where('r.id', '=', q.reportId!))
    .$if(!!q.unitId, (qb) => qb.where('r.unit_id', '=', q.unitId!))
    .$if(!!q.status, (qb) => qb.where('r.status', '=', q.status!))
    .$if(!!q.projectId, (qb) => qb.where('r.project_id', '=', q.projectId!))
    .orderBy('u.name')
    .orderBy('p.name')
    .execute();
  return rows.map((r) => {
    const forUnit = roundForUnit(
      { status: r.round_status, deadline: r.deadline, graceUntil: r.grace_until },
      r.reopened_deadline && r.reopened_grace_until ? { deadline: r.reopened_deadline, graceUntil: r.reopened_grace_until } : null,
    );
    return {
      ...toReport(r),
      month: r.month,
      regionCode: r.region_code,
      roundStatus: forUnit.status,
      deadline: forUnit.deadline,
      graceUntil: forUnit.graceUntil,
      projectName: r.project_name,
      projectCode: r.project_code,
      projectUnitId: r.project_unit_id,
      unitName: r.unit_name ?? null,
      townshipCode: r.township_code,
      stage: r.stage,
      startedOn: r.started_on,
      totalInvestment: toYuan(r.total_investment),
      completedBefore: toYuan(r.completed_before),
      phase: r.phase ?? null,
      annualPlan: r.annual_plan === null || r.annual_plan === undefined ? null : toYuan(r.annual_plan),
      attachmentCount: Number(r.attachment_count),
    };
  });
}

/** Every month figure of the given projects, for the review checks against each project's own history. */
export async function monthHistory(db: Db, projectIds: readonly string[]): Promise<Map<string, { month: string; completed: Yuan }[]>> {
  const byProject = new Map<string, { month: string; completed: Yuan }[]>();
  const CHUNK = 500;
  for (let i = 0; i < projectIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('project_month as m')
      .innerJoin('project as p', (j) => j.onRef('p.id', '=', 'm.project_id').on(inProjectCounty('m')))
      .select(['m.project_id', 'm.month', 'm.completed'])
      .where('p.id', 'in', projectIds.slice(i, i + CHUNK))
      .orderBy('m.month')
      .execute();
    for (const r of rows) {
      const list = byProject.get(r.project_id) ?? [];
      list.push({ month: r.month, completed: toYuan(r.completed) });
      byProject.set(r.project_id, list);
    }
  }
  return byProject;
}

export interface AttachmentMeta {
  id: string;
  reportId: string;
  fileName: string;
  mimeType: string;
  size: number;
  uploadedAt: string;
}

export async function insertAttachment(db: Db, a: AttachmentMeta & { content: Uint8Array; uploadedBy: string | null }): Promise<void> {
  await db
    .insertInto('attachment')
    .values({
      id: a.id,
      report_id: a.reportId,
      file_name: a.fileName,
      mime_type: a.mimeType,
      size: a.size,
      content: a.content,
      uploaded_at: a.uploadedAt,
      uploaded_by: a.uploadedBy,
    })
    .execute();
}

export async function listAttachments(db: Db, reportId: string): Promise<AttachmentMeta[]> {
  const rows = await db
    .selectFrom('attachment')
    .select(['id', 'report_id', 'file_name', 'mime_type', 'size', 'uploaded_at'])
    .where('report_id', '=', reportId)
    .orderBy('uploaded_at')
    .execute();
  return rows.map((r) => ({ id: r.id, reportId: r.report_id, fileName: r.file_name, mimeType: r.mime_type, size: Number(r.size), uploadedAt: r.uploaded_at }));
}

export async function findAttachment(db: Db, id: string): Promise<(AttachmentMeta & { content: Uint8Array }) | undefined> {
  const r = await db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
  return r
    ? { id: r.id, reportId: r.report_id, fileName: r.file_name, mimeType: r.mime_type, size: Number(r.size), uploadedAt: r.uploaded_at, content: r.content }
    : undefined;
}


export interface Correction {
  id: string;
  reportId: string;
  oldValue: Yuan;
  newValue: Yuan;
  reason: string;
  status: CorrectionStatus;
  requestedAt: string;
  requestedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
}

export async function insertCorrection(db: Db, c: Correction): Promise<void> {
  await db
    .insertInto('correction')
    .values({
      id: c.id,
      report_id: c.reportId,
      old_value: c.oldValue,
      new_value: c.newValue,
      reason: c.reason,
      status: c.status,
      requested_at: c.requestedAt,
      requested_by: c.requestedBy,
      decided_at: c.decidedAt,
      decided_by: c.decidedBy,
      decision_note: c.decisionNote,
    })
    .execute();
}

/** Corrections with their report's project, month and region, for the dispatcher's queue and the report page. */
export interface CorrectionView extends Correction {
  projectId: string;
  projectName: string;
  month: string;
  regionCode: string;
  unitId: string | null;
  requestedByName: string | null;
}

export async function findCorrections(db: Db, q: { id?: string; reportId?: string; lo?: string; hi?: string; status?: CorrectionStatus }): Promise<CorrectionView[]> {
  const rows = await db
    .selectFrom('correction as c')
    .innerJoin('report as r', 'r.id', 'c.report_id')
    .innerJoin('round as rd', 'rd.id', 'r.round_id')
    .innerJoin('project as p', 'p.id', 'r.project_id')
    .leftJoin('app_user as u', 'u.id', 'c.requested_by')
    .selectAll('c')
    .select(['r.project_id', 'p.name as project_name', 'rd.month', 'rd.region_code', 'r.unit_id', 'u.display_name'])
    .$if(!!q.id, (qb) => qb.where('c.id', '=', q.id!))
    .$if(!!q.reportId, (qb) => qb.where('c.report_id', '=', q.reportId!))
    .$if(!!q.lo, (qb) => qb.where('rd.region_code', '>=', q.lo!).where('rd.region_code', '<=', q.hi!))
    .$if(!!q.status, (qb) => qb.where('c.status', '=', q.status!))
    .orderBy('c.requested_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reportId: r.report_id,
    oldValue: toYuan(r.old_value),
    newValue: toYuan(r.new_value),
    reason: r.reason,
    status: r.status,
    requestedAt: r.requested_at,
    requestedBy: r.requested_by,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    decisionNote: r.decision_note,
    projectId: r.project_id,
    projectName: r.project_name,
    month: r.month,
    regionCode: r.region_code,
    unitId: r.unit_id,
    requestedByName: r.display_name ?? null,
  }));
}

export async function decideCorrectionRow(db: Db, id: string, status: CorrectionStatus, decidedAt: string, decidedBy: string | null, note: string | null): Promise<boolean> {
  const result = await db
    .updateTable('correction')
    .set({ status, decided_at: decidedAt, decided_by: decidedBy, decision_note: note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function sentReminderKeys(db: Db, roundId: string, channel: string): Promise<Set<string>> {
  const rows = await db.selectFrom('reminder').select(['unit_id', 'kind']).where('round_id', '=', roundId).where('channel', '=', channel).execute();
  return new Set(rows.map((r) => `${r.unit_id}:${r.kind}`));
}

/** Records a reminder as sent; false when another process recorded it first (the primary key keeps it once). */
export async function recordReminder(db: Db, r: { roundId: string; unitId: string; kind: ReminderKind; channel: string; sentAt: string; ok: boolean; detail: string | null }): Promise<boolean> {
  const result = await db
    .insertInto('reminder')
    .values({ round_id: r.roundId, unit_id: r.unitId, kind: r.kind, channel: r.channel, sent_at: r.sentAt, ok: r.ok ? 1 : 0, detail: r.detail })
    .onConflict((oc) => oc.columns(['round_id', 'unit_id', 'kind', 'channel']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function updateReminder(db: Db, r: { roundId: string; unitId: string; kind: ReminderKind; channel: string; ok: boolean; detail: string | null }): Promise<void> {
  await db
    .updateTable('reminder')
    .set({ ok: r.ok ? 1 : 0, detail: r.detail })
    .where('round_id', '=', r.roundId)
    .where('unit_id', '=', r.unitId)
    .where('kind', '=', r.kind)
    .where('channel', '=', r.channel)
    .execute();
}

export interface NotificationRow {
  id: string;
  regionCode: string;
  unitId: string | null;
  createdAt: string;
  text: string;
  link: string | null;
}

export async function insertNotification(db: Db, n: NotificationRow): Promise<void> {
  await db.insertInto('notification').values({ id: n.id, region_code: n.regionCode, unit_id: n.unitId, created_at: n.createdAt, text: n.text, link: n.link }).execute();
}

/** A unit's notices and the region-wide ones (no unit), newest first; without a unit, all of the region's. */
export async function listNotifications(db: Db, lo: string, hi: string, unitId: string | null, limit: number): Promise<NotificationRow[]> {
  const rows = await db
    .selectFrom('notification')
    .selectAll()
    .where('region_code', '>=', lo)
    .where('region_code', '<=', hi)
    .$if(unitId !== null, (qb) => qb.where((eb) => eb.or([eb('unit_id', '=', unitId!), eb('unit_id', 'is', null)])))
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, regionCode: r.region_code, unitId: r.unit_id, createdAt: r.created_at, text: r.text, link: r.link }));
}

export interface UnitWebhook {
  unitId: string;
  kind: WebhookKind;
  url: string;
  secret: string | null;
}

export async function unitWebhooks(db: Db, regionCode: string): Promise<Map<string, UnitWebhook>> {
  const rows = await db
    .selectFrom('unit')
    .select(['id', 'webhook_kind', 'webhook_url', 'webhook_secret'])
    .where('region_code', '=', regionCode)
    .where('webhook_url', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, { unitId: r.id, kind: r.webhook_kind ?? 'dingtalk', url: r.webhook_url!, secret: r.webhook_secret }]));
}

export async function setUnitWebhook(db: Db, unitId: string, hook: { kind: WebhookKind; url: string; secret: string | null } | null): Promise<void> {
  await db
    .updateTable('unit')
    .set({ webhook_kind: hook?.kind ?? null, webhook_url: hook?.url ?? null, webhook_secret: hook?.secret ?? null })
    .where('id', '=', unitId)
    .execute();
}

/** How many reports of each round are in each status. */
export async function reportStatusCounts(db: Db, roundIds: readonly string[]): Promise<Map<string, Partial<Record<ReportStatus, number>>>> {
  const out = new Map<string, Partial<Record<ReportStatus, number>>>();
  if (roundIds.length === 0) return out;
  const rows = await db
    .selectFrom('report')
    .select(['round_id', 'status', sql<number>`count(*)`.as('n')])
    .where('round_id', 'in', roundIds)
    .groupBy(['round_id', 'status'])
    .execute();
  for (const r of rows) {
    const counts = out.get(r.round_id) ?? {};
    counts[r.status] = Number(r.n);
    out.set(r.round_id, counts);
  }
  return out;
}

/** What the scoreboard needs of each report of a round. */
export async function reportsForScore(db: Db, roundIds: readonly string[]): Promise<{ roundId: string; unitId: string | null; status: ReportStatus; firstSubmittedAt: string | null; returnedCount: number }[]> {
  if (roundIds.length === 0) return [];
  const rows = await db
    .selectFrom('report')
    .select(['round_id', 'unit_id', 'status', 'first_submitted_at', 'returned_count'])
    .where('round_id', 'in', roundIds)
    .execute();
  return rows.map((r) => ({ roundId: r.round_id, unitId: r.unit_id, status: r.status, firstSubmittedAt: r.first_submitted_at, returnedCount: r.returned_count }));
}

export async function findUnitRegion(db: Db, unitId: string): Promise<string | undefined> {
  return (await db.selectFrom('unit').select('region_code').where('id', '=', unitId).executeTakeFirst())?.region_code;
}
