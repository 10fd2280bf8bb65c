// The supervision ledgers in Excel: 督办事项台账, 问题台账, 整改台账 and 任务台账 printed as counties print them (the
// board's items, overdue first), and a work report's task list read in — every row taken or refused with its number.

import type { Actor } from '../../domain/access.ts';
import { canRunRound } from '../../domain/access.ts';
import { AppError, forbidden, invalidInput } from '../../domain/errors.ts';
import { dayLabel, dayOf } from '../../domain/months.ts';
import { ITEM_KIND_LABELS, ITEM_LEVEL_LABELS, ITEM_SOURCE_LABELS, ITEM_STATUS_LABELS, type SupervisionItem } from '../../domain/supervision/item.ts';
import { ITEM_VIEW_LABELS, type ItemListInput } from '../../domain/supervision/item-input.ts';
import { ledgerColumnsOf, locateItemHeader, readItemRow, type ItemLedgerKey } from '../../domain/supervision/item-ledger.ts';
import { readLedgerWorkbook, WorkbookProblem } from '../../io/ledger-reader.ts';
import { writeLedgerWorkbook, type LedgerCell } from '../../io/ledger-writer.ts';
import { listProjects } from '../../db/repositories/project.repository.ts';
import { findRegion, listLeaders, listUnitAliases, listUnits } from '../../db/repositories/region.repository.ts';
import { insertEvents, insertItems, latestNotes } from '../../db/repositories/supervision.repository.ts';
import { inTransaction, type Db } from '../../db/transaction.ts';
import { ambiguousUnitReason, UnitNameIndex } from '../../domain/unit-names.ts';
import { leaderNameKey } from '../ledger-people.ts';
import { itemBoard, newItem, openingEvents, projectLeader, type ItemView } from './items.ts';

/**
 * The ledger of a view as a county prints it: title, the day it is judged on, one row per item with its deadlines,
 * latest progress, status and whether it is overdue. The items are the board's, with its filters and access.
 */
export async function exportItemLedger(db: Db, input: ItemListInput, actor: Actor, now: Date = new Date()): Promise<{ buffer: Buffer; filename: string; rows: number }> {
  const board = await itemBoard(db, input, actor, now);
  const county = (await findRegion(db, board.region))?.name ?? board.region;
  const notes = await latestNotes(db, board.items.map((i) => i.id));
  const columns = ledgerColumnsOf(board.view);
  const value = (i: ItemView, n: number): Record<ItemLedgerKey, LedgerCell> => ({
    serial: n,
    title: i.title,
    kind: ITEM_KIND_LABELS[i.kind],
    source: ITEM_SOURCE_LABELS[i.source],
    taskList: i.taskList,
    project: i.projectName,
    unit: i.unitName,
    leader: i.leaderName,
    level: ITEM_LEVEL_LABELS[i.level],
    assignedOn: i.assignedOn,
    feedbackDue: i.feedbackDue,
    solveDue: i.solveDue,
    measures: i.measures,
    progress: notes.get(i.id) ? `${notes.get(i.id)!.on}：${notes.get(i.id)!.note}` : null,
    status: ITEM_STATUS_LABELS[i.status],
    overdue: i.overdue ? `逾期${i.overdue.daysLate}天` : '否',
    closedOn: i.closedOn,
  });
  const title = `${county}${ITEM_VIEW_LABELS[board.view]}`;
  const buffer = await writeLedgerWorkbook({
    sheetName: ITEM_VIEW_LABELS[board.view],
    title,
    unitLine: `截至${dayLabel(board.day, true)}    共${board.items.length}项，其中逾期${board.items.filter((i) => i.overdue).length}项`,
    columns: columns.map((c) => ({ header: c.header, width: c.width, align: c.key === 'serial' || c.key === 'status' || c.key === 'level' ? 'center' : undefined })),
    rows: board.items.map((i, n) => ({ kind: 'data' as const, cells: columns.map((c) => value(i, n + 1)[c.key]) })),
    labelSpan: 2,
    frozenColumns: 2,
  });
  return { buffer, filename: `${title}（${board.day}）.xlsx`, rows: board.items.length };
}

export interface ItemImportReport {
  committed: boolean;
  sheet: string;
  imported: number;
  rejected: { row: number; reason: string }[];
}

/**
 * Reads a task list (a work report's 重点任务, a meeting's 交办事项) into assigned items: each row names the item and
 * its unit (by name or the county's own alias), maybe a leader, a project, a deadline and the day it was assigned.
 * Without `skipInvalid` a sheet with any refused row imports nothing.
 */
export async function importItemSheet(
  db: Db,
  input: { region: string; file: Buffer | string; skipInvalid?: boolean; dryRun?: boolean },
  actor: Actor,
  now: Date = new Date(),
): Promise<ItemImportReport> {
  if (!/^\d{6}$/.test(input.region)) throw invalidInput([{ field: 'region', message: '地区：应为6位县级区划代码' }]);
  if (!canRunRound(actor, input.region)) throw forbidden('只有管理员和调度员可以导入督办任务');
  let sheets;
  try {
    sheets = await readLedgerWorkbook(input.file);
  } catch (e) {
    // Too large (or inflating past the cap) is a 413 as on every other import; anything else is the file's fault.
    if (e instanceof WorkbookProblem) throw e.kind === 'tooLarge' ? new AppError('too_large', e.message, [{ field: 'file', message: e.message }]) : invalidInput([{ field: 'file', message: e.message }]);
    throw e;
  }
  const found = sheets.map((s) => ({ s, header: locateItemHeader(s.rows) })).find((x) => x.header);
  if (!found) throw invalidInput([{ field: 'file', message: '没有找到任务清单：表头中应有“督办事项”（或任务、问题）和“责任单位”两列' }]);
  const { s: sheet, header } = found;
  const today = dayOf(now);
  const [units, aliases, leaders, projects] = await Promise.all([
    listUnits(db, input.region),
    listUnitAliases(db, input.region),
    listLeaders(db, input.region),
    listProjects(db, { regionCode: input.region, year: Number(today.slice(0, 4)), toMonth: today.slice(0, 7), sort: 'name', order: 'asc', limit: 100_000, offset: 0 }),
  ]);
  // Units and leaders are matched as a ledger's are: a unit by its name, a county alias or its usual short name.
  const unitIndex = new UnitNameIndex(units, aliases, (await findRegion(db, input.region))?.name ?? '');
  const leaderOf = new Map(leaders.map((l) => [leaderNameKey(l.name), l.id]));
  const rejected: ItemImportReport['rejected'] = [];
  const items: SupervisionItem[] = [];
  for (let r = header!.row + 1; r < sheet.rows.length; r++) {
    const row = readItemRow(sheet.rows[r] ?? [], header!.columns);
    if (row === null) continue;
    const refuse = (reason: string) => rejected.push({ row: r + 1, reason });
    if (typeof row === 'string') {
      refuse(row);
      continue;
    }
    const unitMatch = unitIndex.match(row.unit);
    const unitId = unitMatch.kind === 'one' ? unitMatch.unit.id : undefined;
    const leaderId = row.leader ? leaderOf.get(leaderNameKey(row.leader)) : null;
    const project = row.project ? projectNamed(projects.rows.map((p) => p.project), row.project) : null;
    const problems = [
      unitMatch.kind === 'ambiguous' ? ambiguousUnitReason(row.unit, unitMatch.units) : !unitId && `责任单位“${row.unit}”不是本县的单位`,
      row.leader && !leaderId && `包联领导“${row.leader}”不是本县的包联领导`,
      row.project && !project && `项目“${row.project}”不在本县项目库中`,
      row.assignedOn && row.assignedOn > today && '交办日期不能晚于今天',
      row.dueOn && row.dueOn <= (row.assignedOn ?? today) && '办结时限应晚于交办日期',
    ].filter((x): x is string => typeof x === 'string');
    if (problems.length > 0) {
      refuse(problems.join('；'));
      continue;
    }
    const assignedOn = row.assignedOn ?? today;
    items.push(
      newItem(
        {
          regionCode: input.region,
          kind: row.kind,
          title: row.title,
          source: row.source,
          level: row.level,
          taskList: row.taskList,
          projectId: project?.id ?? null,
          unitId: unitId!,
          leaderId: leaderId ?? (await projectLeader(db, project?.id)),
          measures: row.measures,
          dueOn: row.dueOn,
          status: 'assigned',
          raisedOn: assignedOn,
          assignedOn,
          assignedBy: actor.userId === 'system' ? null : actor.userId,
        },
        now.toISOString(),
        actor.userId === 'system' ? null : actor.userId,
      ),
    );
  }
  if (items.length === 0 && rejected.length === 0) throw new AppError('invalid_input', '任务清单是空的', [{ field: 'file', message: '表头下没有任何事项' }]);
  const commit = !input.dryRun && (rejected.length === 0 || !!input.skipInvalid);
  if (commit) {
    await inTransaction(db, async (trx) => {
      await insertItems(trx, items);
      await insertEvents(trx, items.flatMap((i) => openingEvents(i, null)));
    });
  }
  return { committed: commit, sheet: sheet.name, imported: commit ? items.length : 0, rejected };
}

/** A project named in a task list: its exact name, else the one project whose name contains it or is contained in it. */
function projectNamed<T extends { name: string }>(projects: readonly T[], text: string): T | undefined {
  const exact = projects.find((p) => p.name === text);
  if (exact) return exact;
  const partial = projects.filter((p) => p.name.includes(text) || text.includes(p.name));
  return partial.length === 1 ? partial[0] : undefined;
}
