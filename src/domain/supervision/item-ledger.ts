// The supervision ledger's columns (督办台账, 问题台账, 整改台账, 任务台账): the header tiaodu prints, the spellings
// people use for it, the views that print it, and which a task sheet may carry in. One list drives the export, the
// import of a task list, and the template.

import { normaliseHeader } from '../ledger/ledger-header.ts';
import { cellText, isBlank, parseLedgerDate, type LedgerCell } from '../ledger/ledger-cells.ts';
import type { Day } from '../months.ts';
import { ITEM_KIND_LABELS, ITEM_LEVEL_LABELS, ITEM_SOURCE_LABELS, type ItemKind, type ItemLevel, type ItemSource } from './item.ts';
import type { ItemView } from './item-input.ts';

export type ItemLedgerKey =
  | 'serial'
  | 'title'
  | 'kind'
  | 'source'
  | 'taskList'
  | 'project'
  | 'unit'
  | 'leader'
  | 'level'
  | 'assignedOn'
  | 'feedbackDue'
  | 'solveDue'
  | 'measures'
  | 'progress'
  | 'status'
  | 'overdue'
  | 'closedOn';

export interface ItemLedgerColumn {
  key: ItemLedgerKey;
  /** The header printed; a view may print its own word (整改时限 for 办结时限). */
  header: string;
  headers?: Partial<Record<ItemView, string>>;
  spellings: readonly string[];
  width: number;
  /** The views that print the column (all when absent). */
  views?: readonly ItemView[];
  /** Read from a task sheet. */
  imported: boolean;
}

export const ITEM_LEDGER_COLUMNS: readonly ItemLedgerColumn[] = [
  { key: 'serial', header: '序号', spellings: ['编号'], width: 6, imported: false },
  { key: 'title', header: '督办事项', headers: { problems: '问题描述', rectification: '存在问题', tasks: '工作任务' }, spellings: ['事项', '任务', '工作任务', '重点任务', '任务内容', '问题', '存在问题', '问题描述', '事项内容'], width: 40, imported: true },
  { key: 'kind', header: '类别', spellings: ['事项类别', '类型'], width: 7, views: ['all'], imported: true },
  { key: 'source', header: '来源', spellings: ['事项来源', '问题来源', '任务来源'], width: 12, imported: true },
  { key: 'taskList', header: '任务清单', spellings: ['所属清单', '攻坚行动', '专项行动', '清单'], width: 18, views: ['all', 'tasks'], imported: true },
  { key: 'project', header: '项目名称', spellings: ['涉及项目', '所属项目', '项目'], width: 28, imported: true },
  { key: 'unit', header: '责任单位', spellings: ['牵头单位', '承办单位', '主责单位', '责任部门'], width: 20, imported: true },
  { key: 'leader', header: '包联领导', spellings: ['分管领导', '责任领导', '牵头领导', '县级领导'], width: 10, imported: true },
  { key: 'level', header: '级别', spellings: ['事项级别', '类型级别', '重要程度'], width: 7, imported: true },
  { key: 'assignedOn', header: '交办日期', spellings: ['交办时间', '下达日期'], width: 12, imported: true },
  { key: 'feedbackDue', header: '反馈时限', spellings: [], width: 12, views: ['all', 'problems', 'rectification'], imported: false },
  { key: 'solveDue', header: '办结时限', headers: { rectification: '整改时限', tasks: '完成时限' }, spellings: ['完成时限', '整改时限', '时限要求', '完成时间', '办结时间'], width: 12, imported: true },
  { key: 'measures', header: '整改措施', spellings: ['整改举措', '措施', '工作措施'], width: 30, views: ['all', 'rectification'], imported: true },
  { key: 'progress', header: '进展情况', headers: { rectification: '整改情况' }, spellings: [], width: 36, imported: false },
  { key: 'status', header: '办理状态', spellings: [], width: 10, imported: false },
  { key: 'overdue', header: '是否逾期', spellings: [], width: 9, imported: false },
  { key: 'closedOn', header: '销号日期', spellings: [], width: 12, imported: false },
];

/** The columns a view prints, with their headers in that view. */
export function ledgerColumnsOf(view: ItemView): { key: ItemLedgerKey; header: string; width: number }[] {
  return ITEM_LEDGER_COLUMNS.filter((c) => !c.views || c.views.includes(view)).map((c) => ({ key: c.key, header: c.headers?.[view] ?? c.header, width: c.width }));
}

const SPELLINGS: ReadonlyMap<string, ItemLedgerKey> = (() => {
  const map = new Map<string, ItemLedgerKey>();
  for (const c of ITEM_LEDGER_COLUMNS.filter((x) => x.imported)) {
    for (const s of [c.header, ...Object.values(c.headers ?? {}), ...c.spellings]) {
      const n = normaliseHeader(s);
      if (n && !map.has(n)) map.set(n, c.key);
    }
  }
  return map;
})();

/** The header row of a task sheet within its first ten rows: the first naming the item and its unit. */
export function locateItemHeader(rows: readonly (readonly LedgerCell[] | undefined)[]): { row: number; columns: Map<ItemLedgerKey, number> } | null {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const columns = new Map<ItemLedgerKey, number>();
    (rows[i] ?? []).forEach((cell, j) => {
      const key = SPELLINGS.get(normaliseHeader(cellText(cell)));
      if (key && !columns.has(key)) columns.set(key, j);
    });
    if (columns.has('title') && columns.has('unit')) return { row: i, columns };
  }
  return null;
}

function word<T extends string>(labels: Record<T, string>, extra: Record<string, T> = {}) {
  const map = new Map<string, T>(Object.entries(labels).map(([k, v]) => [v as string, k as T]));
  for (const [k, v] of Object.entries(extra)) map.set(k, v);
  return (text: string): T | undefined => map.get(text.trim());
}

export const kindWord = word<ItemKind>(ITEM_KIND_LABELS, { 问题: 'problem', 任务: 'task', 工作任务: 'task', 重点任务: 'task' });
export const levelWord = word<ItemLevel>(ITEM_LEVEL_LABELS, { 一般: 'ordinary', 普通: 'ordinary', 重大: 'major', 重要: 'major', 复杂: 'major' });
export const sourceWord = word<ItemSource>(ITEM_SOURCE_LABELS, { 月报: 'report', 领导批示: 'leader', 领导交办: 'leader', 会议: 'meeting', 调度会: 'meeting', 政府工作报告: 'workReport', 工作报告: 'workReport' });

/** One row of a task sheet as read: the names still to be resolved against the county's units, leaders, projects. */
export interface ItemSheetRow {
  title: string;
  kind: ItemKind;
  source: ItemSource;
  level: ItemLevel;
  taskList: string | null;
  project: string | null;
  unit: string;
  leader: string | null;
  assignedOn: Day | null;
  dueOn: Day | null;
  measures: string | null;
}

/** Reads a task sheet's row; a string is the reason it is refused. A blank row is null. */
export function readItemRow(cells: readonly LedgerCell[], columns: ReadonlyMap<ItemLedgerKey, number>): ItemSheetRow | string | null {
  const cell = (k: ItemLedgerKey) => (columns.has(k) ? (cells[columns.get(k)!] ?? null) : null);
  const text = (k: ItemLedgerKey) => cellText(cell(k)).trim();
  if ([...columns.values()].every((j) => isBlank(cells[j] ?? null))) return null;
  const problems: string[] = [];
  const title = text('title');
  if (!title) problems.push('事项为空');
  if (title.length > 200) problems.push('事项超过200个字');
  const unit = text('unit');
  if (!unit) problems.push('责任单位为空');
  const kind = text('kind') ? kindWord(text('kind')) : 'task';
  if (!kind) problems.push(`类别“${text('kind')}”应为问题或任务`);
  const source = text('source') ? sourceWord(text('source')) : 'workReport';
  if (!source) problems.push(`来源“${text('source')}”无法识别`);
  const level = text('level') ? levelWord(text('level')) : 'ordinary';
  if (!level) problems.push(`级别“${text('level')}”应为一般或重大`);
  const date = (k: ItemLedgerKey, label: string): Day | null => {
    if (isBlank(cell(k))) return null;
    const r = parseLedgerDate(cell(k), label);
    if (!r.ok) {
      problems.push(r.problem);
      return null;
    }
    return r.value;
  };
  const assignedOn = date('assignedOn', '交办日期');
  const dueOn = date('solveDue', '办结时限');
  if (problems.length > 0) return problems.join('；');
  return {
    title,
    kind: kind!,
    source: source!,
    level: level!,
    taskList: text('taskList') || null,
    project: text('project') || null,
    unit,
    leader: text('leader') || null,
    assignedOn,
    dueOn,
    measures: text('measures') || null,
  };
}
