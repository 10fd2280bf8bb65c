// The life of an item: 交办, 签收, 反馈进展 (with evidence), 报送解决计划, 申请销号, 销号 or 退回, 延期, 重新打开, 批示,
// 修改. Each is one update of the item over the version read and one event in its history, in one transaction; the
// domain says who may do what when, in the words the refusal carries.

import type { Actor } from '../../domain/access.ts';
import { AppError, forbidden, invalidInput, notFound } from '../../domain/errors.ts';
import { evidenceType } from '../../domain/round/evidence.ts';
import { dayOf } from '../../domain/months.ts';
import {
  isOpenStatus,
  ITEM_ACTION_LABELS,
  ITEM_LEVEL_LABELS,
  actionRoleRefusal,
  actionStatusRefusal,
  statusAfter,
  type ItemAction,
  type SupervisionItem,
} from '../../domain/supervision/item.ts';
import {
  ITEM_FIELD_LABELS,
  ItemAssignSchema,
  ItemEditSchema,
  ItemExtendSchema,
  ItemNoteSchema,
  ItemPlanSchema,
  type ItemAssignInput,
  type ItemEditInput,
  type ItemExtendInput,
  type ItemNoteInput,
  type ItemPlanInput,
} from '../../domain/supervision/item-input.ts';
import { extensionRefusal, itemTimers, planRefusal } from '../../domain/supervision/timers.ts';
import { parseInput } from '../../domain/validation.ts';
import { listLeaders, listUnits } from '../../db/repositories/region.repository.ts';
import {
  findItemAttachment,
  insertEvents,
  insertItemAttachment,
  linkAttachments,
  listItemAttachments,
  updateItemRow,
  type ItemAttachmentMeta,
} from '../../db/repositories/supervision.repository.ts';
import { inTransaction, newId, type Db } from '../../db/transaction.ts';
import { itemRoleOf, loadReadableItem } from './item-access.ts';
import { checkItemRefs, getItem, projectLeader, type ItemDetail } from './items.ts';
import { loadWorkCalendar } from './settings.ts';

/** An item holds at most this many files: the evidence of its progress, not an archive. */
export const EVIDENCE_PER_ITEM = 20;

interface Change {
  /** The fields the action sets, over the item read. */
  fields?: Partial<SupervisionItem>;
  note?: string | null;
  due?: string | null;
  attachmentIds?: readonly string[];
}

/**
 * Runs one action: loads the item the actor may read, asks the domain whether their part allows it, applies the
 * change over the version read (a stale version is refused), and records the event.
 */
async function act(
  db: Db,
  id: string,
  action: ItemAction,
  actor: Actor,
  now: Date,
  version: number | undefined,
  change: (item: SupervisionItem, today: string, trx: Db) => Promise<Change>,
): Promise<ItemDetail> {
  await inTransaction(db, async (trx) => {
    const item = await loadReadableItem(trx, id, actor);
    const role = await itemRoleOf(trx, actor, item);
    if (!role) throw forbidden(`无权${ITEM_ACTION_LABELS[action]}该督办事项`);
    const roleRefusal = actionRoleRefusal(action, role);
    if (roleRefusal) throw forbidden(roleRefusal);
    const statusRefusal = actionStatusRefusal(action, item);
    if (statusRefusal) throw new AppError('conflict', statusRefusal);
    if (version !== undefined && version !== item.version) throw new AppError('conflict', '该督办事项已被他人更新，请刷新后重试');
    const today = dayOf(now);
    const c = await change(item, today, trx);
    const next: SupervisionItem = { ...item, ...c.fields, status: statusAfter(action, item.status), updatedAt: now.toISOString(), version: item.version + 1 };
    if (!(await updateItemRow(trx, next, item.version))) throw new AppError('conflict', '该督办事项已被他人更新，请刷新后重试');
    const eventId = newId();
    await insertEvents(trx, [
      { id: eventId, itemId: id, at: now.toISOString(), on: today, kind: action, userId: actor.userId === 'system' ? null : actor.userId, note: c.note ?? null, fromStatus: item.status, toStatus: next.status, due: c.due ?? null },
    ]);
    if (c.attachmentIds?.length) await linkAttachments(trx, id, c.attachmentIds, eventId);
  });
  return getItem(db, id, actor, now);
}

function required(note: string | null | undefined, what: string): string {
  if (!note) throw invalidInput([{ field: 'note', message: `请填写${what}` }]);
  return note;
}

const by = (actor: Actor) => (actor.userId === 'system' ? null : actor.userId);

/** 交办: the dispatcher confirms the unit (required), the leader (the project's by default), the level and maybe a deadline. */
export async function assignItem(db: Db, id: string, input: ItemAssignInput, actor: Actor, now: Date = new Date()): Promise<ItemDetail> {
  const q = parseInput(ItemAssignSchema, input, ITEM_FIELD_LABELS);
  return act(db, id, 'assign', actor, now, q.version, async (item, today, trx) => {
    const projectId = q.projectId !== undefined ? q.projectId : item.projectId;
    const leaderId = q.leaderId !== undefined ? q.leaderId : (item.leaderId ?? (await projectLeader(trx, projectId)));
    const issues = await checkItemRefs(trx, item.regionCode, { unitId: q.unitId, leaderId, projectId });
    if (q.dueOn && q.dueOn <= today) issues.push({ field: 'dueOn', message: `办结时限应晚于交办日期（${today}）` });
    if (issues.length > 0) throw invalidInput(issues);
    return {
      fields: { unitId: q.unitId, leaderId, projectId, level: q.level ?? item.level, title: q.title ?? item.title, dueOn: q.dueOn ?? item.dueOn, assignedOn: today, assignedBy: by(actor) },
      note: q.note ?? null,
      due: q.dueOn ?? null,
    };
  });
}

/** 签收: the unit acknowledges the item. */
export async function receiveItem(db: Db, id: string, input: ItemNoteInput, actor: Actor, now: Date = new Date()): Promise<ItemDetail> {
  const q = parseInput(ItemNoteSchema, input ?? {}, ITEM_FIELD_LABELS);
  return act(db, id, 'receive', actor, now, q.version, async () => ({ note: q.note ?? null }));
}

/** 反馈进展: a note with its evidence; the first one is the item's feedback (the "3" of 13710). */
export async function reportProgress(db: Db, id: string, input: ItemNoteInput, actor: Actor, now: Date = new Date()): Promise<ItemDetail> {
  const q = parseInput(ItemNoteSchema, input, ITEM_FIELD_LABELS);
  return act(db, id, 'progress', actor, now, q.version, async (item, today) => ({
    fields: { feedbackOn: item.feedbackOn ?? today },
    note: required(q.note, '进展情况'),
    attachmentIds: q.attachmentIds,
  }));
}

/** 报送解决计划: a major item that cannot be solved within 30 days gets a dated plan, which becomes its deadline. */
export async function setItemPlan(db: Db, id: string, input: ItemPlanInput, actor: Actor, now: Date = new Date()): Promise<ItemDetail> {
  const q = parseInput(ItemPlanSchema, input, ITEM_FIELD_LABELS);
  return act(db, id, 'setPlan', actor, now, q.version, async (item, today) => {
    const refusal = planRefusal(item.assignedOn, q.planDue);
    if (refusal) throw invalidInput([{ field: 'planDue', message: refusal }]);
    return { fields: { planDue: q.planDue, planText: q.note, feedbackOn: item.feedbackOn ?? today }, note: q.note, due: q.planDue };
  });
}

/** 申请销号: the unit says the item is solved, and how; evidence goes with it. */
export async function requestClose(db: Db, id: string, input: ItemNoteInput, actor: Actor, now: Date = new Date()): Promise<ItemDetail> {
  const q = parseInput(ItemNoteSchema, input, ITEM_FIELD_LABELS);
  return act(db, id, 'requestClose', actor, now, q.version, async (item, today) => ({
    fields: { closeRequestedOn: today, feedbackOn: item.feedbackOn ?? today },
    note: required(q.note, '办理结果'),
    attachmentIds: q.attachmentIds,
  }));
}

/** 销号: the dispatcher accepts the close-out. */
export async function closeItem(db: Db, id: string, input: ItemNoteInput, actor: Actor, now: Date = new Date()): Promise<ItemDetail> {
  const q = parseInput(ItemNoteSchema, input ?? {}, ITEM_FIELD_LABELS);
  return act(db, id, 'close', actor, now, q.version, async (_item, today) => ({ fields: { closedOn: today, closedBy: by(actor) }, note: q.note ?? null }));
}

/** 退回: the dispatcher does not accept the close-out and says why; the unit works on. */
export async function returnItem(db: Db, id: string, input: ItemNoteInput, actor: Actor, now: Date = new Date()): Promise<ItemDetail> {
  const q = parseInput(ItemNoteSchema, input, ITEM_FIELD_LABELS);
  return act(db, id, 'return', actor, now, q.version, async () => ({ fields: { closeRequestedOn: null }, note: required(q.note, '退回理由') }));
}

/** 延期: a later deadline, with the reason; escalations start again from the new one. */
export async function extendItem(db: Db, id: string, input: ItemExtendInput, actor: Actor, now: Date = new Date()): Promise<ItemDetail> {
  const q = parseInput(ItemExtendSchema, input, ITEM_FIELD_LABELS);
  return act(db, id, 'extend', actor, now, q.version, async (item, _today, trx) => {
    const current = itemTimers(item, await loadWorkCalendar(trx, item.regionCode)).solveDue;
    const refusal = extensionRefusal(current, q.newDue);
    if (refusal) throw invalidInput([{ field: 'newDue', message: refusal }]);
    return { fields: { extendedDue: q.newDue }, note: q.reason, due: q.newDue };
  });
}

/** 重新打开: a problem that recurs; the item is assigned again today and its timers start over. */
export async function reopenItem(db: Db, id: string, input: ItemNoteInput, actor: Actor, now: Date = new Date()): Promise<ItemDetail> {
  const q = parseInput(ItemNoteSchema, input, ITEM_FIELD_LABELS);
  return act(db, id, 'reopen', actor, now, q.version, async (item, today) => ({
    fields: {
      assignedOn: today,
      assignedBy: by(actor),
      feedbackOn: null,
      dueOn: null,
      planDue: null,
      planText: null,
      extendedDue: null,
      closeRequestedOn: null,
      closedOn: null,
      closedBy: null,
      reopenedCount: item.reopenedCount + 1,
    },
    note: required(q.note, '重新打开的原因'),
  }));
}

/** 批示: a leader's (or the dispatcher's) instruction on the item. */
export async function instructItem(db: Db, id: string, input: ItemNoteInput, actor: Actor, now: Date = new Date()): Promise<ItemDetail> {
  const q = parseInput(ItemNoteSchema, input, ITEM_FIELD_LABELS);
  return act(db, id, 'instruct', actor, now, q.version, async () => ({ note: required(q.note, '批示内容') }));
}

/** 修改: the dispatcher corrects the item's particulars; the event says what changed from what. */
export async function editItem(db: Db, id: string, input: ItemEditInput, actor: Actor, now: Date = new Date()): Promise<ItemDetail> {
  const q = parseInput(ItemEditSchema, input, ITEM_FIELD_LABELS);
  return act(db, id, 'edit', actor, now, q.version, async (item, _today, trx) => {
    const issues = await checkItemRefs(trx, item.regionCode, { unitId: q.unitId, leaderId: q.leaderId, projectId: q.projectId });
    if (issues.length > 0) throw invalidInput(issues);
    const { version: _v, ...fields } = q;
    const [units, leaders] = await Promise.all([listUnits(trx, item.regionCode), listLeaders(trx, item.regionCode)]);
    const name = (key: string, v: unknown): string => {
      if (v === null || v === undefined || v === '') return '（空）';
      if (key === 'unitId') return units.find((u) => u.id === v)?.name ?? String(v);
      if (key === 'leaderId') return leaders.find((l) => l.id === v)?.name ?? String(v);
      if (key === 'level') return ITEM_LEVEL_LABELS[v as 'ordinary' | 'major'];
      return String(v);
    };
    const changes = Object.entries(fields)
      .filter(([k, v]) => v !== undefined && (item as unknown as Record<string, unknown>)[k] !== v)
      .map(([k, v]) => `${ITEM_FIELD_LABELS[k] ?? k}：${name(k, (item as unknown as Record<string, unknown>)[k])} → ${name(k, v)}`);
    if (changes.length === 0) throw invalidInput([{ field: 'title', message: '没有修改任何内容' }]);
    return { fields: fields as Partial<SupervisionItem>, note: changes.join('；') };
  });
}

/** Evidence for a progress note or a close-out: uploaded first, then named by the note that goes with it. */
export async function addItemEvidence(db: Db, id: string, file: { name: string; bytes: Uint8Array }, actor: Actor, now: Date = new Date()): Promise<ItemAttachmentMeta> {
  const name = file.name.replace(/[\\/\r\n\0]/g, '_').slice(0, 200) || '附件';
  const type = evidenceType(name, file.bytes);
  if ('refused' in type) throw invalidInput([{ field: 'file', message: type.refused }]);
  return inTransaction(db, async (trx) => {
    const item = await loadReadableItem(trx, id, actor);
    const role = await itemRoleOf(trx, actor, item);
    if (role !== 'unit' && role !== 'dispatcher') throw forbidden('只有责任单位和调度员可以上传佐证材料');
    if (!isOpenStatus(item.status)) throw new AppError('conflict', '该事项已销号，不能再上传佐证材料');
    if ((await listItemAttachments(trx, id)).length >= EVIDENCE_PER_ITEM) throw invalidInput([{ field: 'file', message: `每个督办事项最多上传${EVIDENCE_PER_ITEM}个附件` }]);
    const meta: ItemAttachmentMeta = { id: newId(), itemId: id, eventId: null, fileName: name, mimeType: type.mime, size: file.bytes.length, uploadedAt: now.toISOString() };
    await insertItemAttachment(trx, { ...meta, content: file.bytes, uploadedBy: by(actor) });
    return meta;
  });
}

export async function getItemEvidence(db: Db, attachmentId: string, actor: Actor): Promise<ItemAttachmentMeta & { content: Uint8Array }> {
  const file = await findItemAttachment(db, attachmentId);
  if (!file) throw notFound('附件');
  await loadReadableItem(db, file.itemId, actor);
  return file;
}
