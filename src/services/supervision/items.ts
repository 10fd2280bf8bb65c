// Supervision items (督办事项): raising or assigning a new one, the board with its filters and counts, and one item's
// page — its life, history, evidence, 督办函 and the actions its reader may take.

import { canRunRound, coversRegion, type Actor } from '../../domain/access.ts';
import { forbidden, invalidInput, type FieldIssue } from '../../domain/errors.ts';
import { dayOf, type Day } from '../../domain/months.ts';
import { availableActions, isOpenStatus, ITEM_STATUSES, type ItemAction, type ItemRole, type ItemStatus, type SupervisionItem } from '../../domain/supervision/item.ts';
import { ITEM_FIELD_LABELS, ItemCreateSchema, ItemListSchema, type ItemCreateInput, type ItemListInput, type ItemView as LedgerView } from '../../domain/supervision/item-input.ts';
import { parseInput } from '../../domain/validation.ts';
import { findProject } from '../../db/repositories/project.repository.ts';
import { projectLeaderLinks } from '../../db/repositories/leader-link.repository.ts';
import { listLeaders, listUnits } from '../../db/repositories/region.repository.ts';
import {
  findEvents,
  findLetters,
  insertEvents,
  insertItems,
  listItemAttachments,
  type ItemAttachmentMeta,
  type ItemEvent,
  type LetterRecord,
} from '../../db/repositories/supervision.repository.ts';
import { inTransaction, newId, type Db } from '../../db/transaction.ts';
import { canReadItem, itemRoleOf, leaderProjectIds, loadReadableItem } from './item-access.ts';
import { boardOrder, loadItemViews, timerDay, type ItemView } from './item-view.ts';
import { loadWorkCalendar } from './settings.ts';

export type { ItemView } from './item-view.ts';

const writer = (actor: Actor) => (actor.userId === 'system' ? null : actor.userId);

/** Checks that a unit, a leader and a project named for an item are the county's own. */
export async function checkItemRefs(
  db: Db,
  county: string,
  refs: { unitId?: string | null; leaderId?: string | null; projectId?: string | null },
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (refs.unitId && !(await listUnits(db, county)).some((u) => u.id === refs.unitId)) issues.push({ field: 'unitId', message: '责任单位不是本县的单位' });
  if (refs.leaderId && !(await listLeaders(db, county)).some((l) => l.id === refs.leaderId)) issues.push({ field: 'leaderId', message: '包联领导不是本县的包联领导' });
  if (refs.projectId) {
    const p = await findProject(db, refs.projectId);
    if (!p || p.regionCode !== county) issues.push({ field: 'projectId', message: '项目不是本县的项目' });
  }
  return issues;
}

/** The first leader of a project, who follows its items unless another is named. */
export async function projectLeader(db: Db, projectId: string | null | undefined): Promise<string | null> {
  if (!projectId) return null;
  return (await projectLeaderLinks(db, { projectIds: [projectId] }))[0]?.leaderId ?? null;
}

/** A new item as the domain sees it, before anything is written. */
export function newItem(fields: Pick<SupervisionItem, 'regionCode' | 'kind' | 'title' | 'source' | 'level'> & Partial<SupervisionItem>, stamp: string, by: string | null): SupervisionItem {
  return {
    id: newId(),
    description: null,
    sourceReportId: null,
    status: 'raised',
    projectId: null,
    unitId: null,
    leaderId: null,
    taskList: null,
    measures: null,
    raisedOn: dayOf(new Date(stamp)),
    raisedAt: stamp,
    raisedBy: by,
    assignedOn: null,
    assignedBy: null,
    feedbackOn: null,
    dueOn: null,
    planDue: null,
    planText: null,
    extendedDue: null,
    closeRequestedOn: null,
    closedOn: null,
    closedBy: null,
    reopenedCount: 0,
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
    ...fields,
  };
}

/** The events that open an item's history: raised, and assigned when it was assigned at once. */
export function openingEvents(item: SupervisionItem, note: string | null): ItemEvent[] {
  const raised: ItemEvent = { id: newId(), itemId: item.id, at: item.raisedAt, on: item.raisedOn, kind: 'raised', userId: item.raisedBy, note, fromStatus: null, toStatus: 'raised', due: null };
  if (item.status === 'raised') return [raised];
  return [
    raised,
    { id: newId(), itemId: item.id, at: item.raisedAt, on: item.assignedOn!, kind: 'assign', userId: item.assignedBy, note: null, fromStatus: 'raised', toStatus: 'assigned', due: item.dueOn },
  ];
}

/**
 * Raises or assigns a new item. The dispatcher assigns at once (unless asked not to) — a unit is then required; a
 * leader raises a problem for the dispatcher to assign, and so does a unit's reporter, for its own unit.
 * @example createItem(db, { region: '140423', kind: 'task', title: '…', source: 'workReport', unitId, dueOn: '2021-12-31' }, dispatcher)
 */
export async function createItem(db: Db, input: ItemCreateInput, actor: Actor, now: Date = new Date()): Promise<ItemDetail> {
  const q = parseInput(ItemCreateSchema, input, ITEM_FIELD_LABELS);
  const dispatcher = canRunRound(actor, q.region);
  if (!coversRegion(actor, q.region) || !(dispatcher || actor.role === 'leader' || actor.role === 'reporter')) throw forbidden('无权提出督办事项');
  const today = dayOf(now);
  const assign = dispatcher && q.assign;
  const unitId = actor.role === 'reporter' ? actor.unitId : (q.unitId ?? null);
  const leaderId = actor.role === 'leader' ? actor.leaderId : (q.leaderId ?? (await projectLeader(db, q.projectId)));
  const assignedOn = assign ? (q.assignedOn ?? today) : null;
  const issues = await checkItemRefs(db, q.region, { unitId, leaderId, projectId: q.projectId });
  if (assign && !unitId) issues.push({ field: 'unitId', message: '交办须指定责任单位' });
  if (q.assignedOn && q.assignedOn > today) issues.push({ field: 'assignedOn', message: '交办日期不能晚于今天' });
  if (q.dueOn && assignedOn && q.dueOn <= assignedOn) issues.push({ field: 'dueOn', message: `办结时限应晚于交办日期（${assignedOn}）` });
  if (issues.length > 0) throw invalidInput(issues);
  const stamp = now.toISOString();
  const item = newItem(
    {
      regionCode: q.region,
      kind: q.kind,
      title: q.title,
      description: q.description ?? null,
      source: q.source,
      level: q.level,
      projectId: q.projectId ?? null,
      unitId,
      leaderId,
      taskList: q.taskList ?? null,
      measures: q.measures ?? null,
      dueOn: q.dueOn ?? null,
      status: assign ? 'assigned' : 'raised',
      // A task entered afterwards was raised when it was assigned.
      raisedOn: assignedOn && assignedOn < today ? assignedOn : today,
      assignedOn,
      assignedBy: assign ? writer(actor) : null,
    },
    stamp,
    writer(actor),
  );
  await inTransaction(db, async (trx) => {
    await insertItems(trx, [item]);
    await insertEvents(trx, openingEvents(item, item.description));
  });
  return getItem(db, item.id, actor, now);
}

/** One item's page: the item on the day, its history, evidence and 督办函, and what the reader may do. */
export interface ItemDetail {
  item: ItemView;
  day: Day;
  role: ItemRole | null;
  actions: ItemAction[];
  history: (ItemEvent & { userName: string | null })[];
  attachments: ItemAttachmentMeta[];
  letters: LetterRecord[];
  workingDays: boolean;
}

export async function getItem(db: Db, id: string, actor: Actor, now: Date = new Date(), on?: Day): Promise<ItemDetail> {
  const item = await loadReadableItem(db, id, actor);
  const day = timerDay(on, now);
  const [view] = await loadItemViews(db, { lo: item.regionCode, hi: item.regionCode, ids: [item.id] }, day);
  const role = await itemRoleOf(db, actor, item);
  const [history, attachments, letters, calendar] = await Promise.all([
    findEvents(db, id),
    listItemAttachments(db, id),
    findLetters(db, { itemId: id }),
    loadWorkCalendar(db, item.regionCode),
  ]);
  return { item: view!, day, role, actions: role ? availableActions(item, role) : [], history, attachments, letters, workingDays: calendar.workingDays };
}

export interface BoardUnitRow {
  unitId: string | null;
  unitName: string | null;
  open: number;
  overdue: number;
  closed: number;
}

export interface Board {
  region: string;
  day: Day;
  view: LedgerView;
  counts: Record<ItemStatus | 'open' | 'overdue' | 'meeting', number>;
  byUnit: BoardUnitRow[];
  items: ItemView[];
  canCreate: boolean;
}

/**
 * The board of a county on a day: items by the filters, overdue first; counts by status and by unit over every item
 * the reader may see (a reporter: its unit's), so a filtered list still shows the whole.
 */
export async function itemBoard(db: Db, input: ItemListInput, actor: Actor, now: Date = new Date()): Promise<Board> {
  const q = parseInput(ItemListSchema, input, ITEM_FIELD_LABELS);
  if (!coversRegion(actor, q.region)) throw forbidden('无权查看该地区的督办事项');
  const day = timerDay(q.on, now);
  const unitId = actor.role === 'reporter' ? (actor.unitId ?? '\u0000') : null;
  const all = await loadItemViews(db, { lo: q.region, hi: q.region, unitId, search: q.q ?? null }, day);
  const seen = all.filter((v) => canReadItem(actor, v));
  const counts = Object.fromEntries([...ITEM_STATUSES, 'open', 'overdue', 'meeting'].map((k) => [k, 0])) as Board['counts'];
  const units = new Map<string | null, BoardUnitRow>();
  for (const v of seen) {
    counts[v.status]++;
    if (isOpenStatus(v.status)) counts.open++;
    if (v.overdue) counts.overdue++;
    if (v.onMeetingList) counts.meeting++;
    const row = units.get(v.unitId) ?? { unitId: v.unitId, unitName: v.unitName, open: 0, overdue: 0, closed: 0 };
    if (v.status === 'closed') row.closed++;
    else row.open++;
    if (v.overdue) row.overdue++;
    units.set(v.unitId, row);
  }
  let leaderProjects: Set<string> | null = null;
  if (q.leader) leaderProjects = new Set((await projectLeaderLinks(db, { leaderIds: [q.leader] })).map((l) => l.projectId));
  const items = seen
    .filter((v) => {
      if (q.status === 'open' && !isOpenStatus(v.status)) return false;
      if (q.status === 'overdue' && !v.overdue) return false;
      if (q.status === 'closed' && v.status !== 'closed') return false;
      if (q.status && (ITEM_STATUSES as readonly string[]).includes(q.status) && v.status !== q.status) return false;
      if (q.view === 'problems' && v.kind !== 'problem') return false;
      if (q.view === 'rectification' && (v.kind !== 'problem' || v.status === 'raised')) return false;
      if (q.view === 'tasks' && v.kind !== 'task') return false;
      if (q.unit && v.unitId !== q.unit) return false;
      if (q.leader && v.leaderId !== q.leader && !(v.projectId && leaderProjects!.has(v.projectId))) return false;
      if (q.project && v.projectId !== q.project) return false;
      if (q.meeting && !v.onMeetingList) return false;
      return true;
    })
    .sort(boardOrder);
  const byUnit = [...units.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || (a.unitName ?? '').localeCompare(b.unitName ?? ''));
  return { region: q.region, day, view: q.view, counts, byUnit, items, canCreate: coversRegion(actor, q.region) && actor.role !== 'viewer' };
}

/** The items of a leader: his own and his projects', on a day. */
export async function leaderItems(db: Db, county: string, leaderId: string, day: Day): Promise<ItemView[]> {
  const projectIds = await leaderProjectIds(db, leaderId);
  return (await loadItemViews(db, { lo: county, hi: county, leaderOrProjects: { leaderId, projectIds } }, day)).sort(boardOrder);
}
