// The shapes of supervision items as the API, the forms, the command line and the task sheet send them: Zod schemas
// that are also the types.

import { z } from 'zod';
import { dayInput, idInput, optionalPlainText, plainText, versionInput } from '../validation.ts';
import { ITEM_KINDS, ITEM_LEVELS, ITEM_SOURCES, ITEM_STATUSES } from './item.ts';

export const ITEM_TITLE_MAX = 200;
export const ITEM_TEXT_MAX = 2000;

const day = dayInput();
const text = (max: number) => optionalPlainText(max, { multiline: true });
const title = plainText(ITEM_TITLE_MAX).min(1, '不能为空');
const note = plainText(ITEM_TEXT_MAX, { multiline: true }).min(1, '请填写内容');
const id = idInput();
const version = versionInput();

/** A new item: typed by the dispatcher (assigned at once) or raised for the dispatcher to assign. */
export const ItemCreateSchema = z
  .object({
    region: z.string().regex(/^\d{6}$/, '应为6位县级区划代码'),
    kind: z.enum(ITEM_KINDS),
    title,
    description: text(ITEM_TEXT_MAX).optional(),
    source: z.enum(ITEM_SOURCES),
    level: z.enum(ITEM_LEVELS).default('ordinary'),
    projectId: id.nullable().optional(),
    unitId: id.nullable().optional(),
    leaderId: id.nullable().optional(),
    /** 任务清单: the list a task belongs to, e.g. 十大攻坚行动·项目建设攻坚. */
    taskList: text(100).optional(),
    /** 整改措施. */
    measures: text(ITEM_TEXT_MAX).optional(),
    /** A deadline set now instead of the 13710 default (a task list's 完成时限). */
    dueOn: day.nullable().optional(),
    /** Assign at once (the default for the dispatcher), or leave it 待交办. */
    assign: z.boolean().default(true),
    /** The day it was assigned when entered afterwards (a task list assigned at the year's start); today otherwise. */
    assignedOn: day.optional(),
  })
  .strict();
export type ItemCreateInput = z.input<typeof ItemCreateSchema>;

/** The dispatcher's assignment of an item a report raised: the unit, its leader, the level, maybe a deadline. */
export const ItemAssignSchema = z
  .object({
    unitId: id,
    leaderId: id.nullable().optional(),
    level: z.enum(ITEM_LEVELS).optional(),
    title: title.optional(),
    projectId: id.nullable().optional(),
    dueOn: day.nullable().optional(),
    note: text(ITEM_TEXT_MAX).optional(),
    version: version.optional(),
  })
  .strict();
export type ItemAssignInput = z.input<typeof ItemAssignSchema>;

/**
 * An action that needs only words: 签收 and 销号 (optional), 反馈进展, 申请销号, 退回, 重新打开, 批示 (required); the
 * evidence files uploaded for a progress note or a close-out go with it.
 */
export const ItemNoteSchema = z
  .object({
    note: text(ITEM_TEXT_MAX).optional(),
    attachmentIds: z.array(id).max(20).optional(),
    version: version.optional(),
  })
  .strict();
export type ItemNoteInput = z.input<typeof ItemNoteSchema>;

/** A major item's dated plan: the day it will be solved by and how. */
export const ItemPlanSchema = z.object({ planDue: day, note, version: version.optional() }).strict();
export type ItemPlanInput = z.input<typeof ItemPlanSchema>;

/** An extension: the new deadline and the reason for it. */
export const ItemExtendSchema = z.object({ newDue: day, reason: note, version: version.optional() }).strict();
export type ItemExtendInput = z.input<typeof ItemExtendSchema>;

/** The dispatcher's corrections to an item's particulars. */
export const ItemEditSchema = z
  .object({
    title,
    description: text(ITEM_TEXT_MAX),
    projectId: id.nullable(),
    unitId: id.nullable(),
    leaderId: id.nullable(),
    level: z.enum(ITEM_LEVELS),
    taskList: text(100),
    measures: text(ITEM_TEXT_MAX),
    dueOn: day.nullable(),
    version,
  })
  .partial()
  .strict();
export type ItemEditInput = z.input<typeof ItemEditSchema>;

export const ITEM_LIST_STATUSES = ['open', 'overdue', 'closed', ...ITEM_STATUSES] as const;
export const ITEM_VIEWS = ['all', 'problems', 'rectification', 'tasks'] as const;
/** 全部 / 问题台账 / 整改台账 / 任务台账: views of the same items. */
export type ItemView = (typeof ITEM_VIEWS)[number];
export const ITEM_VIEW_LABELS: Record<ItemView, string> = { all: '督办事项台账', problems: '问题台账', rectification: '整改台账', tasks: '任务台账' };

/** The board's filters. */
export const ItemListSchema = z
  .object({
    region: z.string().regex(/^\d{6}$/, '应为6位县级区划代码'),
    /** open (not closed), overdue (on the day), closed, or one status. */
    status: z.enum(ITEM_LIST_STATUSES).optional(),
    view: z.enum(ITEM_VIEWS).default('all'),
    unit: id.optional(),
    leader: id.optional(),
    project: id.optional(),
    /** Only the items on the dispatch meeting's list (escalated that far and still open). */
    meeting: z.boolean().optional(),
    /** Judge the timers on this day; today in China Standard Time otherwise. */
    on: day.optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export type ItemListInput = z.input<typeof ItemListSchema>;

/** Field labels for refusals. */
export const ITEM_FIELD_LABELS: Record<string, string> = {
  region: '地区',
  kind: '类别',
  title: '事项',
  description: '事项内容',
  source: '来源',
  level: '级别',
  projectId: '项目',
  unitId: '责任单位',
  leaderId: '包联领导',
  taskList: '任务清单',
  measures: '整改措施',
  dueOn: '办结时限',
  assignedOn: '交办日期',
  note: '说明',
  planDue: '计划解决日期',
  newDue: '新的期限',
  reason: '理由',
  version: '版本号',
  status: '状态',
  on: '日期',
};
