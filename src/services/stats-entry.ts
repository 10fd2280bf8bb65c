// 入库 as its own workflow: a project's status with its day and reason, the materials checklist, the statistics
// office's cut-offs, and the list of 开工未入库. A status change goes through the project's own edit, so the project's
// version and history follow it; the day, reason, notes and checklist are recorded beside it, in the same history.

import { canEditProject, coversRegion, unitFilter, writerId, type Actor } from '../domain/access.ts';
import { AppError, forbidden, invalidInput, type FieldIssue } from '../domain/errors.ts';
import { dayOf, isMonth, type Day } from '../domain/months.ts';
import type { HistoryField } from '../domain/project/history-field.ts';
import { STATS_ENTRY_THRESHOLD, type Project, type Stage, type StatsEntryStatus } from '../domain/project/project.ts';
import {
  CUT_OFF_SETTING_KEYS,
  cutOffProblems,
  DEFAULT_CUT_OFF_DAYS,
  nextCutOffs,
  parseCutOffDay,
  type CutOffDays,
  type NextCutOffs,
} from '../domain/stats-entry/cut-offs.ts';
import {
  CutOffInputSchema,
  STATS_ENTRY_FIELD_LABELS,
  StatsEntryChangeSchema,
  UnenteredListInputSchema,
  type UnenteredListInput,
} from '../domain/stats-entry/stats-entry-input.ts';
import {
  missingMaterials,
  STATS_ENTRY_MATERIALS,
  statsEntryApplies,
  statusChangeProblems,
  type StatsEntryMaterial,
} from '../domain/stats-entry/stats-entry.ts';
import { flagDay, unenteredBounds, unenteredColour, unenteredFlag, wholeMonthsSince, type FlagColour } from '../domain/stats-entry/unentered-flag.ts';
import { parseInput } from '../domain/validation.ts';
import { insertHistory, type HistoryEntry } from '../db/repositories/project.repository.ts';
import {
  findMaterials,
  findStatsEntry,
  listUnentered as listUnenteredRows,
  upsertMaterials,
  upsertStatsEntry,
  type MaterialRecord,
} from '../db/repositories/stats-entry.repository.ts';
import { inTransaction, type Db } from '../db/transaction.ts';
import { readCountySettings, writeCountySettings } from './county-settings.ts';
import { loadReadableProject } from './get-project.ts';
import { historyEntry } from './project-history.ts';
import { changeProject } from './update-project.ts';

export interface MaterialView {
  item: StatsEntryMaterial;
  done: boolean;
  /** The day the item was last marked done or not done. */
  markedOn: Day | null;
  markedByName: string | null;
  note: string | null;
}

/** A project's 入库 as its page shows it. */
export interface StatsEntryView {
  projectId: string;
  /** Whether the project is of 500 万元 and more, so the workflow applies. */
  applies: boolean;
  threshold: number;
  status: StatsEntryStatus;
  statusOn: Day | null;
  reason: string | null;
  notes: string | null;
  updatedAt: string | null;
  updatedByName: string | null;
  /** The four items in checklist order. */
  materials: MaterialView[];
  missing: StatsEntryMaterial[];
  /** The day the flag and the cut-offs are judged on. */
  day: Day;
  /** 开工未入库 on that day, or null when the project is not flagged. */
  flag: { months: number; colour: FlagColour } | null;
  cutOffs: NextCutOffs;
  canEdit: boolean;
  /** The project's version, for an edit to send back. */
  version: number;
}

function judgeDay(asOf: string | undefined, now: Date): Day {
  if (asOf !== undefined && !isMonth(asOf)) throw invalidInput([{ field: 'asOf', message: 'asOf：应为 YYYY-MM' }]);
  return flagDay(asOf ?? null, dayOf(now));
}

/** The cut-off days of a county: its own settings, else the deployment's, else the 10th and the 25th. */
export async function loadCutOffDays(db: Db, regionCode: string): Promise<CutOffDays> {
  const stored = await readCountySettings(db, regionCode, Object.values(CUT_OFF_SETTING_KEYS));
  const days = {
    materialsDay: parseCutOffDay(stored[CUT_OFF_SETTING_KEYS.materialsDay]) ?? DEFAULT_CUT_OFF_DAYS.materialsDay,
    verificationDay: parseCutOffDay(stored[CUT_OFF_SETTING_KEYS.verificationDay]) ?? DEFAULT_CUT_OFF_DAYS.verificationDay,
  };
  // A pair that contradicts itself (verification before materials) is a damaged setting: the defaults stand in.
  return cutOffProblems(days).length === 0 ? days : DEFAULT_CUT_OFF_DAYS;
}

async function viewOf(db: Db, project: Project, actor: Actor, day: Day): Promise<StatsEntryView> {
  const record = await findStatsEntry(db, project.id);
  const stored = await findMaterials(db, project.id);
  const days = await loadCutOffDays(db, project.regionCode);
  const byItem = new Map(stored.map((m) => [m.item, m]));
  const materials = STATS_ENTRY_MATERIALS.map((item): MaterialView => {
    const m = byItem.get(item);
    return { item, done: m?.done ?? false, markedOn: m?.markedOn ?? null, markedByName: m?.markedByName ?? null, note: m?.note ?? null };
  });
  return {
    projectId: project.id,
    applies: statsEntryApplies(project.totalInvestment),
    threshold: STATS_ENTRY_THRESHOLD,
    status: project.statsEntry,
    statusOn: record?.statusOn ?? null,
    reason: record?.reason ?? null,
    notes: record?.notes ?? null,
    updatedAt: record?.updatedAt ?? null,
    updatedByName: record?.updatedByName ?? null,
    materials,
    missing: missingMaterials(new Set(materials.filter((m) => m.done).map((m) => m.item))),
    day,
    flag: unenteredFlag(project, day),
    cutOffs: nextCutOffs(day, days),
    canEdit: canEditProject(actor, project),
    version: project.version,
  };
}

/**
 * A project's 入库: status, its day and reason, the checklist, the flag and the cut-offs, judged at the end of the
 * as-of month (or today). Anyone who may read the project may read it.
 */
export async function getStatsEntry(db: Db, input: { id: string; asOf?: string }, actor: Actor, now: Date = new Date()): Promise<StatsEntryView> {
  const day = judgeDay(input.asOf, now);
  const project = await loadReadableProject(db, input.id, actor);
  return viewOf(db, project, actor, day);
}

/**
 * Changes a project's 入库. A refused change changes nothing: 已报送 without every material names what is missing,
 * 不予入库 needs a reason, and the status day may not lie in the future. Every change is written to the project's history.
 * @example changeStatsEntry(db, { id, change: { status: 'submitted', on: '2021-05-08' } }, actor)
 *   // throws invalid_input: 报送入库前须备齐材料，尚缺：施工合同…
 */
export async function changeStatsEntry(
  db: Db,
  input: { id: string; change: unknown; asOf?: string },
  actor: Actor,
  now: Date = new Date(),
): Promise<StatsEntryView> {
  const change = parseInput(StatsEntryChangeSchema, input.change, STATS_ENTRY_FIELD_LABELS);
  const day = judgeDay(input.asOf, now);
  const today = dayOf(now);
  const stamp = now.toISOString();
  const userId = writerId(actor);

  return inTransaction(db, async (trx) => {
    const project = await loadReadableProject(trx, input.id, actor);
    if (!canEditProject(actor, project)) throw forbidden('无权修改该项目的入库信息');
    if (change.version !== undefined && change.version !== project.version) {
      throw new AppError('conflict', '该项目已被他人修改，请刷新后重试');
    }
    const record = await findStatsEntry(trx, project.id);
    const stored = new Map((await findMaterials(trx, project.id)).map((m) => [m.item, m]));
    const history: HistoryEntry[] = [];
    const add = (field: HistoryField, before: string | null, after: string | null) => {
      if (before !== after) history.push(historyEntry(project.id, field, before, after, userId, stamp));
    };

    // The checklist: an item's mark records who changed it and when; a note alone leaves the mark as it was.
    const changedMaterials: MaterialRecord[] = [];
    for (const m of change.materials ?? []) {
      const before = stored.get(m.item);
      const wasDone = before?.done ?? false;
      const beforeNote = before?.note ?? null;
      const note = m.note === undefined ? beforeNote : m.note;
      if (before && wasDone === m.done && note === beforeNote) continue;
      const remark = !before || wasDone !== m.done;
      changedMaterials.push({
        item: m.item,
        done: m.done,
        markedOn: remark ? today : before.markedOn,
        markedBy: remark ? userId : before.markedBy,
        note,
      });
      add({ kind: 'material', item: m.item, note: false }, String(wasDone), String(m.done));
      add({ kind: 'material', item: m.item, note: true }, beforeNote, note);
    }
    const doneAfter = new Set(
      STATS_ENTRY_MATERIALS.filter((item) => changedMaterials.find((m) => m.item === item)?.done ?? stored.get(item)?.done ?? false),
    );

    // The status, its day and reason: a new status takes today unless a day is given, and keeps a reason only when refused.
    const from = project.statsEntry;
    const to = change.status ?? from;
    const moving = to !== from;
    const beforeOn = record?.statusOn ?? null;
    const beforeReason = record?.reason ?? null;
    const on = to === 'none' ? null : change.on !== undefined ? change.on : moving ? today : beforeOn;
    const reason = to !== 'refused' ? null : change.reason !== undefined ? change.reason : moving ? null : beforeReason;
    if (change.status !== undefined || change.on !== undefined || change.reason !== undefined) {
      const problems: FieldIssue[] = statusChangeProblems({ totalInvestment: project.totalInvestment, from, to, on, reason, materialsDone: doneAfter, today });
      if (to === 'none' && change.on) problems.push({ field: 'on', message: '未入库的项目无需填写日期' });
      if (to !== 'refused' && change.reason) problems.push({ field: 'reason', message: '只有不予入库才填写原因' });
      if (problems.length > 0) throw invalidInput(problems);
    }
    const notes = change.notes !== undefined ? change.notes : record?.notes ?? null;
    add({ kind: 'statsEntry', field: 'on' }, beforeOn, on);
    add({ kind: 'statsEntry', field: 'reason' }, beforeReason, reason);
    add({ kind: 'statsEntry', field: 'notes' }, record?.notes ?? null, notes);

    if (moving) await changeProject(trx, { id: project.id, patch: { statsEntry: to } }, { statsEntry: to }, actor, now);
    if (history.length > 0) {
      await upsertStatsEntry(trx, { projectId: project.id, statusOn: on, reason, notes, updatedAt: stamp, updatedBy: userId });
      await upsertMaterials(trx, project.id, changedMaterials);
      await insertHistory(trx, history);
    }
    return viewOf(trx, moving ? await loadReadableProject(trx, project.id, actor) : project, actor, day);
  });
}

/** One project of the 开工未入库 list. */
export interface UnenteredItem {
  id: string;
  name: string;
  owner: string | null;
  townshipCode: string | null;
  unitId: string | null;
  leaderIds: string[];
  stage: Stage;
  totalInvestment: number;
  startedOn: Day;
  statsEntry: StatsEntryStatus;
  statusOn: Day | null;
  materialsDone: number;
  /** Whole months since the start, on the day of the list. */
  months: number;
  colour: FlagColour;
}

export interface UnenteredList {
  day: Day;
  /** Every flagged project by colour, whatever the colour filter. */
  counts: { total: number; red: number; yellow: number; green: number };
  /** How many match the filter, for paging. */
  matching: number;
  rows: UnenteredItem[];
  page: number;
  pageSize: number;
  cutOffs: NextCutOffs;
}

/**
 * 开工未入库 in a region: started projects of 500 万元 and more not entered, longest waiting first, each with its months
 * since the start and its colour (yellow after 1 month, red after 2), within what the actor may see — a reporter's
 * list is its own unit's projects, whatever the request asks for.
 */
export async function listUnentered(db: Db, input: UnenteredListInput, actor: Actor, now: Date = new Date()): Promise<UnenteredList> {
  const q = parseInput(UnenteredListInputSchema, input);
  if (!coversRegion(actor, q.region.slice(0, 6))) throw forbidden('无权查看该地区的项目');
  const day = flagDay(q.asOf ?? null, dayOf(now));
  const bounds = unenteredBounds(day);
  const { rows, total, red, yellow, matching } = await listUnenteredRows(db, {
    regionCode: q.region,
    unitId: unitFilter(actor, q.unit ?? null),
    colour: q.colour ?? null,
    threshold: STATS_ENTRY_THRESHOLD,
    ...bounds,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const cutOffs = nextCutOffs(day, await loadCutOffDays(db, q.region.slice(0, 6)));
  return {
    day,
    counts: { total, red, yellow, green: total - red - yellow },
    matching,
    page: q.page,
    pageSize: q.pageSize,
    cutOffs,
    rows: rows.map(({ regionCode: _r, ...r }) => {
      const months = wholeMonthsSince(r.startedOn, day);
      return { ...r, months, colour: unenteredColour(months) };
    }),
  };
}

/** The cut-offs that apply next in a region, judged at the end of the as-of month (or today). */
export async function getCutOffs(db: Db, input: { region: string; asOf?: string }, actor: Actor, now: Date = new Date()): Promise<NextCutOffs & { day: Day }> {
  if (!/^\d{6}(\d{3})?$/.test(input.region)) throw invalidInput([{ field: 'region', message: 'region：应为6位或9位区划代码' }]);
  if (!coversRegion(actor, input.region.slice(0, 6))) throw forbidden('无权查看该地区');
  const day = judgeDay(input.asOf, now);
  return { day, ...nextCutOffs(day, await loadCutOffDays(db, input.region.slice(0, 6))) };
}

/** Sets a county's own cut-off days; those who keep the county's pool may, and only for their own county. */
export async function setCutOffs(db: Db, input: unknown, actor: Actor, now: Date = new Date()): Promise<NextCutOffs & { day: Day }> {
  const q = parseInput(CutOffInputSchema, input, { materialsDay: '材料报送截止日', verificationDay: '审核截止日', region: '地区' });
  const problems = cutOffProblems(q);
  if (problems.length > 0) throw invalidInput(problems);
  await writeCountySettings(db, q.region, { [CUT_OFF_SETTING_KEYS.materialsDay]: String(q.materialsDay), [CUT_OFF_SETTING_KEYS.verificationDay]: String(q.verificationDay) }, actor);
  return getCutOffs(db, { region: q.region }, actor, now);
}
