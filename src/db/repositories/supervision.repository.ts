// Reads and writes supervision items (督办): the items with their unit, leader and project names, their history,
// evidence, escalations and 督办函, a county's working calendar, and the problems a monthly report raised.

import { sql, type Kysely, type Selectable } from 'kysely';
import type { ItemEventKind, ItemKind, ItemLevel, ItemSource, ItemStatus, SupervisionItem } from '../../domain/supervision/item.ts';
import type { CalendarDayKind } from '../../domain/supervision/work-calendar.ts';
import type { Database, SupervisionItemTable } from '../schema.ts';

type Db = Kysely<Database>;

function toItem(r: Selectable<SupervisionItemTable>): SupervisionItem {
  return {
    id: r.id,
    regionCode: r.region_code,
    kind: r.kind as ItemKind,
    title: r.title,
    description: r.description,
    source: r.source as ItemSource,
    sourceReportId: r.source_report_id,
    level: r.level as ItemLevel,
    status: r.status as ItemStatus,
    projectId: r.project_id,
    unitId: r.unit_id,
    leaderId: r.leader_id,
    taskList: r.task_list,
    measures: r.measures,
    raisedOn: r.raised_on,
    raisedAt: r.raised_at,
    raisedBy: r.raised_by,
    assignedOn: r.assigned_on,
    assignedBy: r.assigned_by,
    feedbackOn: r.feedback_on,
    dueOn: r.due_on,
    planDue: r.plan_due,
    planText: r.plan_text,
    extendedDue: r.extended_due,
    closeRequestedOn: r.close_requested_on,
    closedOn: r.closed_on,
    closedBy: r.closed_by,
    reopenedCount: Number(r.reopened_count),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}

function toRow(i: SupervisionItem): SupervisionItemTable {
  return {
    id: i.id,
    region_code: i.regionCode,
    kind: i.kind,
    title: i.title,
    description: i.description,
    source: i.source,
    source_report_id: i.sourceReportId,
    level: i.level,
    status: i.status,
    project_id: i.projectId,
    unit_id: i.unitId,
    leader_id: i.leaderId,
    task_list: i.taskList,
    measures: i.measures,
    raised_on: i.raisedOn,
    raised_at: i.raisedAt,
    raised_by: i.raisedBy,
    assigned_on: i.assignedOn,
    assigned_by: i.assignedBy,
    feedback_on: i.feedbackOn,
    due_on: i.dueOn,
    plan_due: i.planDue,
    plan_text: i.planText,
    extended_due: i.extendedDue,
    close_requested_on: i.closeRequestedOn,
    closed_on: i.closedOn,
    closed_by: i.closedBy,
    reopened_count: i.reopenedCount,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    version: i.version,
  };
}

export async function insertItems(db: Db, items: readonly SupervisionItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 100) {
    const chunk = items.slice(i, i + 100);
    if (chunk.length > 0) await db.insertInto('supervision_item').values(chunk.map(toRow)).execute();
  }
}

export async function findItem(db: Db, id: string): Promise<SupervisionItem | undefined> {
  const r = await db.selectFrom('supervision_item').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toItem(r) : undefined;
}

/** Writes an item over the version read; false when someone else wrote it first. */
export async function updateItemRow(db: Db, item: SupervisionItem, expectedVersion: number): Promise<boolean> {
  const { id: _id, ...values } = toRow(item);
  const result = await db.updateTable('supervision_item').set(values).where('id', '=', item.id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An item with the names a list shows beside it. */
export interface ItemListRow extends SupervisionItem {
  unitName: string | null;
  leaderName: string | null;
  projectName: string | null;
}

export interface ItemQuery {
  /** County codes in [lo, hi]. */
  lo: string;
  hi: string;
  unitId?: string | null;
  leaderId?: string | null;
  /** Items of these projects (a leader's), or of his own. */
  leaderOrProjects?: { leaderId: string; projectIds: readonly string[] } | null;
  projectId?: string | null;
  ids?: readonly string[] | null;
  statuses?: readonly ItemStatus[] | null;
  kinds?: readonly ItemKind[] | null;
  sourceReportId?: string | null;
  search?: string | null;
  /** Only items with a project (the alert rule). */
  withProject?: boolean;
}

export async function listItems(db: Db, q: ItemQuery): Promise<ItemListRow[]> {
  const like = q.search ? `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .selectFrom('supervision_item as i')
    .leftJoin('unit as u', 'u.id', 'i.unit_id')
    .leftJoin('leader as l', 'l.id', 'i.leader_id')
    .leftJoin('project as p', 'p.id', 'i.project_id')
    .selectAll('i')
    .select(['u.name as unit_name', 'l.name as leader_name', 'p.name as project_name'])
    .where('i.region_code', '>=', q.lo)
    .where('i.region_code', '<=', q.hi)
    .$if(!!q.unitId, (qb) => qb.where('i.unit_id', '=', q.unitId!))
    .$if(!!q.leaderId, (qb) => qb.where('i.leader_id', '=', q.leaderId!))
    .$if(!!q.leaderOrProjects, (qb) =>
      qb.where((eb) => {
        const { leaderId, projectIds } = q.leaderOrProjects!;
        return projectIds.length > 0 ? eb.or([eb('i.leader_id', '=', leaderId), eb('i.project_id', 'in', [...projectIds])]) : eb('i.leader_id', '=', leaderId);
      }),
    )
    .$if(!!q.projectId, (qb) => qb.where('i.project_id', '=', q.projectId!))
    .$if(!!q.ids, (qb) => qb.where('i.id', 'in', q.ids!.length > 0 ? [...q.ids!] : ['']))
    .$if(!!q.statuses && q.statuses.length > 0, (qb) => qb.where('i.status', 'in', [...q.statuses!]))
    .$if(!!q.kinds && q.kinds.length > 0, (qb) => qb.where('i.kind', 'in', [...q.kinds!]))
    .$if(!!q.sourceReportId, (qb) => qb.where('i.source_report_id', '=', q.sourceReportId!))
    .$if(!!q.withProject, (qb) => qb.where('i.project_id', 'is not', null))
    .$if(like !== null, (qb) =>
      qb.where((eb) => {
        const pattern = sql<string>`${like} escape '\\'`;
        return eb.or([eb('i.title', 'like', pattern), eb('i.description', 'like', pattern), eb('p.name', 'like', pattern)]);
      }),
    )
    .orderBy('i.raised_at')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({ ...toItem(r), unitName: r.unit_name ?? null, leaderName: r.leader_name ?? null, projectName: r.project_name ?? null }));
}

export interface ItemEvent {
  id: string;
  itemId: string;
  at: string;
  on: string;
  kind: ItemEventKind;
  userId: string | null;
  note: string | null;
  fromStatus: ItemStatus | null;
  toStatus: ItemStatus | null;
  due: string | null;
}

/**
 * Appends events to their items' histories, numbered after the last one of each item (two steps in the same
 * millisecond keep the order they were taken in); the unique (item, seq) refuses two writers numbering alike.
 */
export async function insertEvents(db: Db, events: readonly ItemEvent[]): Promise<void> {
  const next = new Map<string, number>();
  const itemIds = [...new Set(events.map((e) => e.itemId))];
  for (let i = 0; i < itemIds.length; i += 500) {
    const chunk = itemIds.slice(i, i + 500);
    const rows = await db.selectFrom('supervision_event').select(['item_id', (eb) => eb.fn.max('seq').as('seq')]).where('item_id', 'in', chunk).groupBy('item_id').execute();
    for (const r of rows) next.set(r.item_id, Number(r.seq));
  }
  const values = events.map((e) => {
    const seq = (next.get(e.itemId) ?? 0) + 1;
    next.set(e.itemId, seq);
    return { id: e.id, item_id: e.itemId, seq, at: e.at, event_on: e.on, kind: e.kind, user_id: e.userId, note: e.note, from_status: e.fromStatus, to_status: e.toStatus, due: e.due };
  });
  for (let i = 0; i < values.length; i += 200) {
    const chunk = values.slice(i, i + 200);
    if (chunk.length > 0) await db.insertInto('supervision_event').values(chunk).execute();
  }
}

/** An item's history in order, with who acted. */
export async function findEvents(db: Db, itemId: string): Promise<(ItemEvent & { userName: string | null })[]> {
  const rows = await db
    .selectFrom('supervision_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.user_id')
    .selectAll('e')
    .select('u.display_name')
    .where('e.item_id', '=', itemId)
    .orderBy('e.seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    at: r.at,
    on: r.event_on,
    kind: r.kind as ItemEventKind,
    userId: r.user_id,
    note: r.note,
    fromStatus: r.from_status as ItemStatus | null,
    toStatus: r.to_status as ItemStatus | null,
    due: r.due,
    userName: r.display_name ?? null,
  }));
}

/** The latest progress note of each item, for the ledgers' 进展情况 column. */
export async function latestNotes(db: Db, itemIds: readonly string[]): Promise<Map<string, { on: string; note: string }>> {
  const out = new Map<string, { on: string; note: string }>();
  for (let i = 0; i < itemIds.length; i += 500) {
    const chunk = itemIds.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom('supervision_event')
      .select(['item_id', 'event_on', 'note'])
      .where('item_id', 'in', chunk)
      .where('kind', 'in', ['progress', 'requestClose', 'setPlan'])
      .where('note', 'is not', null)
      .orderBy('item_id')
      .orderBy('seq')
      .execute();
    for (const r of rows) out.set(r.item_id, { on: r.event_on, note: r.note! });
  }
  return out;
}

export interface ItemAttachmentMeta {
  id: string;
  itemId: string;
  eventId: string | null;
  fileName: string;
  mimeType: string;
  size: number;
  uploadedAt: string;
}

export async function insertItemAttachment(db: Db, a: ItemAttachmentMeta & { content: Uint8Array; uploadedBy: string | null }): Promise<void> {
  await db
    .insertInto('supervision_attachment')
    .values({ id: a.id, item_id: a.itemId, event_id: a.eventId, file_name: a.fileName, mime_type: a.mimeType, size: a.size, content: a.content, uploaded_at: a.uploadedAt, uploaded_by: a.uploadedBy })
    .execute();
}

export async function listItemAttachments(db: Db, itemId: string): Promise<ItemAttachmentMeta[]> {
  const rows = await db
    .selectFrom('supervision_attachment')
    .select(['id', 'item_id', 'event_id', 'file_name', 'mime_type', 'size', 'uploaded_at'])
    .where('item_id', '=', itemId)
    .orderBy('uploaded_at')
    .execute();
  return rows.map((r) => ({ id: r.id, itemId: r.item_id, eventId: r.event_id, fileName: r.file_name, mimeType: r.mime_type, size: Number(r.size), uploadedAt: r.uploaded_at }));
}

export async function findItemAttachment(db: Db, id: string): Promise<(ItemAttachmentMeta & { content: Uint8Array }) | undefined> {
  const r = await db.selectFrom('supervision_attachment').selectAll().where('id', '=', id).executeTakeFirst();
  return r
    ? { id: r.id, itemId: r.item_id, eventId: r.event_id, fileName: r.file_name, mimeType: r.mime_type, size: Number(r.size), uploadedAt: r.uploaded_at, content: r.content }
    : undefined;
}

/** Attaches files uploaded before their note to the event the note became. */
export async function linkAttachments(db: Db, itemId: string, ids: readonly string[], eventId: string): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('supervision_attachment')
    .set({ event_id: eventId })
    .where('item_id', '=', itemId)
    .where('id', 'in', [...ids])
    .where('event_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface EscalationRecord {
  itemId: string;
  step: string;
  deadlineKind: string;
  dueOn: string;
  channel: string;
  sentAt: string;
  ok: boolean;
  detail: string | null;
}

/** The escalation keys (step:kind:due) taken per item on a channel. */
export async function takenEscalations(db: Db, itemIds: readonly string[], channel: string): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (let i = 0; i < itemIds.length; i += 500) {
    const chunk = itemIds.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db.selectFrom('supervision_escalation').select(['item_id', 'step', 'deadline_kind', 'due_on']).where('item_id', 'in', chunk).where('channel', '=', channel).execute();
    for (const r of rows) {
      const set = out.get(r.item_id) ?? new Set<string>();
      set.add(`${r.step}:${r.deadline_kind}:${r.due_on}`);
      out.set(r.item_id, set);
    }
  }
  return out;
}

/** Claims an escalation before it is sent: false when it was already taken (by this server or another). */
export async function claimEscalation(db: Db, e: EscalationRecord): Promise<boolean> {
  const result = await db
    .insertInto('supervision_escalation')
    .values({ item_id: e.itemId, step: e.step, deadline_kind: e.deadlineKind, due_on: e.dueOn, channel: e.channel, sent_at: e.sentAt, ok: e.ok ? 1 : 0, detail: e.detail })
    .onConflict((oc) => oc.columns(['item_id', 'step', 'deadline_kind', 'due_on', 'channel']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function settleEscalation(db: Db, e: EscalationRecord): Promise<void> {
  await db
    .updateTable('supervision_escalation')
    .set({ ok: e.ok ? 1 : 0, detail: e.detail })
    .where('item_id', '=', e.itemId)
    .where('step', '=', e.step)
    .where('deadline_kind', '=', e.deadlineKind)
    .where('due_on', '=', e.dueOn)
    .where('channel', '=', e.channel)
    .execute();
}

export interface LetterRecord {
  id: string;
  itemId: string;
  regionCode: string;
  year: number;
  serial: number;
  number: string;
  deadlineKind: string;
  dueOn: string;
  daysLate: number;
  issuedOn: string;
  answerBy: string;
}

export async function nextLetterSerial(db: Db, regionCode: string, year: number): Promise<number> {
  const r = await db
    .selectFrom('supervision_letter')
    .select((eb) => eb.fn.max('serial').as('serial'))
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(r?.serial ?? 0) + 1;
}

/** Records a letter; false when the item's letter for that deadline exists already. */
export async function insertLetter(db: Db, l: LetterRecord): Promise<boolean> {
  const result = await db
    .insertInto('supervision_letter')
    .values({
      id: l.id, item_id: l.itemId, region_code: l.regionCode, year: l.year, serial: l.serial, number: l.number,
      deadline_kind: l.deadlineKind, due_on: l.dueOn, days_late: l.daysLate, issued_on: l.issuedOn, answer_by: l.answerBy,
    })
    .onConflict((oc) => oc.columns(['item_id', 'deadline_kind', 'due_on']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

function toLetter(r: Selectable<Database['supervision_letter']>): LetterRecord {
  return {
    id: r.id, itemId: r.item_id, regionCode: r.region_code, year: Number(r.year), serial: Number(r.serial), number: r.number,
    deadlineKind: r.deadline_kind, dueOn: r.due_on, daysLate: Number(r.days_late), issuedOn: r.issued_on, answerBy: r.answer_by,
  };
}

export async function findLetters(db: Db, q: { itemId?: string; id?: string; itemIds?: readonly string[] }): Promise<LetterRecord[]> {
  if (q.itemIds && q.itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('supervision_letter')
    .selectAll()
    .$if(!!q.itemId, (qb) => qb.where('item_id', '=', q.itemId!))
    .$if(!!q.id, (qb) => qb.where('id', '=', q.id!))
    .$if(!!q.itemIds, (qb) => qb.where('item_id', 'in', [...q.itemIds!]))
    .orderBy('issued_on')
    .orderBy('serial')
    .execute();
  return rows.map(toLetter);
}

export interface CalendarDay {
  day: string;
  kind: CalendarDayKind;
  note: string | null;
}

export async function listCalendarDays(db: Db, regionCode: string): Promise<CalendarDay[]> {
  const rows = await db.selectFrom('work_calendar_day').select(['day', 'kind', 'note']).where('region_code', '=', regionCode).orderBy('day').execute();
  return rows.map((r) => ({ day: r.day, kind: r.kind as CalendarDayKind, note: r.note }));
}

/** Replaces the county's special days of one year with the list given. */
export async function replaceCalendarYear(db: Db, regionCode: string, year: number, days: readonly CalendarDay[]): Promise<void> {
  await db.deleteFrom('work_calendar_day').where('region_code', '=', regionCode).where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).execute();
  if (days.length > 0) {
    await db.insertInto('work_calendar_day').values(days.map((d) => ({ region_code: regionCode, day: d.day, kind: d.kind, note: d.note }))).execute();
  }
}

/** The planned start months of projects for a year. */
export async function findStartPlans(db: Db, projectIds: readonly string[], year: number): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < projectIds.length; i += 500) {
    const chunk = projectIds.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db.selectFrom('project_start_plan').select(['project_id', 'month']).where('year', '=', year).where('project_id', 'in', chunk).execute();
    for (const r of rows) out.set(r.project_id, r.month);
  }
  return out;
}

/** Sets (or with null removes) the planned start months of projects for a year. */
export async function putStartPlans(db: Db, plans: readonly { projectId: string; year: number; month: string | null }[]): Promise<void> {
  for (const p of plans) {
    await db.deleteFrom('project_start_plan').where('project_id', '=', p.projectId).where('year', '=', p.year).execute();
    if (p.month) await db.insertInto('project_start_plan').values({ project_id: p.projectId, year: p.year, month: p.month }).execute();
  }
}

/** The items a monthly report raised, in the order raised. */
export async function findReportItems(db: Db, reportId: string): Promise<SupervisionItem[]> {
  const rows = await db.selectFrom('supervision_item').selectAll().where('source_report_id', '=', reportId).orderBy('raised_at').orderBy('id').execute();
  return rows.map(toItem);
}

/** Removes items never assigned (a report's problems taken back before the dispatcher acted), with their history. */
export async function deleteUnassignedItems(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('supervision_event').where('item_id', 'in', [...ids]).execute();
  await db.deleteFrom('supervision_attachment').where('item_id', 'in', [...ids]).execute();
  await db.deleteFrom('supervision_item').where('id', 'in', [...ids]).where('status', '=', 'raised').execute();
}
