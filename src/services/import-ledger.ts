// Importing a project ledger (台账): every row taken or refused with a reason, previewed or committed in one transaction.

import { canCreateProject, writerId, type Actor } from '../domain/access.ts';
import { AppError, forbidden, invalidInput } from '../domain/errors.ts';
import {
  approvalKindWord, cellText, isBlank, isColumnNumberRow, isNoteRow, isTotalRow, isZeroRow, keyLevelWord, parseLedgerDate, parseMoney,
  parseNumber, phaseWord, readConstructionCell, sectionPhase, stageWord, statsEntryWord, yesNoWord, type CellResult, type LedgerCell,
} from '../domain/ledger/ledger-cells.ts';
import { LEDGER_COLUMNS, type LedgerColumnKey } from '../domain/ledger/ledger-columns.ts';
import { isProjectForm, pickLedgerSheet, type LedgerTable } from '../domain/ledger/ledger-table.ts';
import { isIndustryCode, INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../domain/industry.ts';
import type { MoneyUnit, Yuan } from '../domain/money.ts';
import { isMonth, lastDayOfMonth, makeMonth, monthYear, type Day, type Month } from '../domain/months.ts';
import { parseHistoryField } from '../domain/project/history-field.ts';
import { normaliseProjectCode } from '../domain/project/project-code.ts';
import { MILESTONES, type MonthlyCompletion, type Phase, type Project, type ProjectYear } from '../domain/project/project.ts';
import { projectProblems } from '../domain/project/validate-project.ts';
import { figureBase } from '../domain/round/monthly-figure.ts';
import { townshipNameMatches } from '../domain/region.ts';
import type { HistoryEntry } from '../db/repositories/project.repository.ts';
import { insertHistoryChunked, insertProjects, loadCountyProjects, updateProjects, upsertMonths, upsertYears, type StoredProject } from '../db/repositories/ledger.repository.ts';
import { replaceProjectLeaders } from '../db/repositories/project.repository.ts';
import { childRegions, findRegion } from '../db/repositories/region.repository.ts';
import { inTransaction, newId, type Db } from '../db/transaction.ts';
import { readLedgerTables, WorkbookProblem, type LedgerFormat } from '../io/ledger-reader.ts';
import { LedgerPeople, type CreatedPeople } from './ledger-people.ts';
import { createdEntry, diffProject, historyEntry } from './project-history.ts';

export interface ImportLedgerInput {
  /** The .xlsx, .xls or .csv file: its bytes, or a path. */
  file: Buffer | string;
  regionCode: string;
  /** The ledger's year when neither its headers nor its title say it. */
  year?: number;
  /** The as-of month of the year-to-date column ('YYYY-MM') when its header does not say it (1-6月完成投资). */
  asOf?: string;
  /** Take the valid rows even when others are refused. */
  skipInvalid: boolean;
  /** false: a preview, the same report with nothing written. */
  commit: boolean;
}

export type RowAction = 'new' | 'updated' | 'unchanged' | 'rejected';

export interface ImportLedgerReport {
  /** Whether the rows taken were written (false for a preview, or when refused rows blocked the import). */
  committed: boolean;
  imported: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: { row: number; reason: string }[];
  /** The leaders and units the rows taken name and the county did not have: to be created (a preview) or created. */
  created: CreatedPeople;
  format: LedgerFormat;
  sheet: string;
  unit: MoneyUnit;
  year: number;
  asOf: string | null;
  /** Each row's outcome; `notes` says what was taken other than as written (a start day inferred from 是否开工). */
  rows: { row: number; action: RowAction; name: string; reason?: string; notes?: string[] }[];
}

/**
 * Why a file is refused as a whole: too large (too_large, HTTP 413), not Excel, or holding no ledger; `field` names
 * what would fix it (the file, or the year or as-of month to give), so each edge can name its own flag or field.
 */
export class LedgerFileProblem extends AppError {
  constructor(
    message: string,
    readonly kind: 'tooLarge' | 'notExcel' | 'noLedger',
    field: 'file' | 'year' | 'asOf' = 'file',
  ) {
    super(kind === 'tooLarge' ? 'too_large' : 'invalid_input', message, [{ field, message }]);
  }
}

/**
 * The sheets of an uploaded .xlsx, .xls or .csv and which it was, or the refusal a clerk reads (too large, not a
 * spreadsheet), for every sheet import (the ledger, the leads ledger).
 */
export async function readWorkbookOrRefuse(file: Buffer | string): ReturnType<typeof readLedgerTables> {
  try {
    return await readLedgerTables(file);
  } catch (e) {
    if (e instanceof WorkbookProblem) throw new LedgerFileProblem(e.message, e.kind);
    throw e;
  }
}

interface CountyLookups {
  townships: { code: string; name: string }[];
  people: LedgerPeople;
}

/** What one row of the file says, once its cells are read. */
interface RowData {
  row: number;
  name: string;
  fields: Partial<Omit<Project, 'id' | 'regionCode' | 'createdAt' | 'updatedAt' | 'version'>>;
  phase: Phase | null;
  annualPlan: Yuan | null;
  completedYtd: Yuan | null;
  completedSinceStart: Yuan | null;
  completedBeforeYear: Yuan | null;
  /** The status word says work is going on (已复工, 在建, 已开工). */
  workGoingOn: boolean;
  /** 是否开工: true, false, or not said. */
  started: boolean | null;
  /** The year's 复工 date when the ledger gives it. */
  resumedOn: Day | null;
  /** Leader and unit ids the row uses (some perhaps to be created). */
  uses: string[];
}

interface Planned {
  data: RowData;
  action: Exclude<RowAction, 'rejected'>;
  project: Project;
  expectedVersion: number;
  year: ProjectYear;
  month: MonthlyCompletion | null;
  history: HistoryEntry[];
  /** Whether the project's leaders are written (new, or changed by the row). */
  leadersChanged: boolean;
  notes: string[];
}

/**
 * Reads a ledger and reports, row by row, what it takes and what it refuses; with `commit`, writes the rows
 * taken in one transaction (nothing when any row is refused, unless `skipInvalid`).
 *
 * Rules beyond the project's own field rules:
 * - a row is the same project as a stored one with the same 项目代码, else the same name in the county;
 * - blank cells leave a stored project's values as they are;
 * - 包联领导 and 责任单位 are the county's when their names match (units by {@link UnitNameIndex}'s abbreviation
 *   rules and the county's aliases); unknown names become new leaders and units of the county, listed in `created`;
 *   a cell may name several leaders, and the project gets them all, in order;
 * - the year-to-date figure of the as-of month is stored as that month's row, entered as 'ytd', holding the
 *   figure minus the project's earlier months of the year; 开工累计完成投资 sets completedBefore to the figure
 *   minus every tracked month, and 至上年底累计完成投资 (when that is absent) to the figure minus the tracked months
 *   before the year;
 * - the phase is the row's (项目性质, 建设性质), else its section's (一、续建项目, （一）在建), else the one stored for the
 *   year, else the start date against the ledger's year (before it: 续建; in it or later, or 是否开工 否: 新建);
 * - a 续建 project whose status says work is going on (已复工, 在建, 已开工) or whose 是否开工 is 是 resumed that year:
 *   when its resume day is unknown it becomes the first day of the earliest month of that year with reported
 *   investment (including the as-of month being imported), else of the as-of month, else 1 January; a 新建 project
 *   marked 是 without a start date gets its start day the same way, and the row's notes say so;
 * - a new project without a status is 在建 if it has a start date, is marked 是, or is 续建, otherwise 前期.
 * @example importLedger(db, { file: 'tz.xls', regionCode: '140423', skipInvalid: false, commit: true }, actor)
 */
export async function importLedger(db: Db, input: ImportLedgerInput, actor: Actor, now: Date = new Date()): Promise<ImportLedgerReport> {
  if (!canCreateProject(actor, input.regionCode)) throw forbidden('只有本县的管理员或调度员可以导入台账');
  if (input.asOf !== undefined && !isMonth(input.asOf)) throw invalidInput([{ field: 'asOf', message: '截至月份应为 YYYY-MM' }]);

  const { sheets, format } = await readWorkbookOrRefuse(input.file);
  if (sheets.every((s) => s.rows.every((r) => r.every((c) => isBlank(c))))) throw new LedgerFileProblem('工作簿是空的，没有任何数据', 'noLedger');
  const picked = pickLedgerSheet(sheets);
  if (!picked) {
    const form = sheets.find((s) => isProjectForm(s.rows));
    if (form) throw new LedgerFileProblem(`工作表“${form.name}”是单个项目的信息表，不是台账：台账应每行一个项目，表头有“项目名称”等列`, 'noLedger');
    throw new LedgerFileProblem('没有找到项目台账：任何工作表的表头中都没有“项目名称”列', 'noLedger');
  }
  const { sheet, table } = picked;

  const columnYear = table.columns.get('annualPlan')?.match.year ?? table.columns.get('completedYtd')?.match.year ?? null;
  const year = input.year ?? columnYear ?? table.yearAbove ?? (input.asOf ? monthYear(input.asOf) : null);
  if (year === null) {
    throw new LedgerFileProblem('无法看出台账的年度：请在表头写明年份（如“2024年计划投资”），或在标题写明“2024年”，或指定年度', 'noLedger', 'year');
  }
  const period = table.columns.get('completedYtd')?.match.periodEndMonth ?? null;
  const asOf: Month | null = input.asOf ?? (period !== null ? makeMonth(year, period) : null);
  if (table.columns.has('completedYtd') && asOf === null) {
    throw new LedgerFileProblem('无法看出累计完成投资截至哪个月：请在表头写明月份（如“1-6月完成投资”），或指定截至月份', 'noLedger', 'asOf');
  }
  const unit: MoneyUnit = table.unitAbove ?? table.columns.get('totalInvestment')?.match.unit ?? '万元';

  const county = await findRegion(db, input.regionCode);
  const townships = await childRegions(db, input.regionCode);

  return inTransaction(db, async (trx) => {
    const people = await LedgerPeople.load(trx, input.regionCode, county?.name ?? '');
    const lookups: CountyLookups = { townships, people };
    const stored = await loadCountyProjects(trx, input.regionCode);
    const byCode = new Map<string, StoredProject>();
    const byName = new Map<string, StoredProject>();
    for (const s of stored) {
      if (s.project.projectCode) byCode.set(s.project.projectCode, s);
      if (!byName.has(s.project.name)) byName.set(s.project.name, s);
    }

    const report: ImportLedgerReport = {
      committed: false, imported: 0, new: 0, updated: 0, unchanged: 0, rejected: [], created: { leaders: [], units: [] },
      format, sheet: sheet.name, unit, year, asOf, rows: [],
    };
    const plans: Planned[] = [];
    const seen = new Map<string, number>();
    const stamp = now.toISOString();
    const userId = writerId(actor);
    const refuse = (row: number, name: string, reason: string) => {
      const text = `第${row}行：${reason}`;
      report.rejected.push({ row, reason: text });
      report.rows.push({ row, action: 'rejected', name, reason: text });
    };

    const seqAt = table.columns.get('seq')?.index;
    const nameAt = table.columns.get('name')?.index;
    let section: Phase | null = null;
    for (let i = table.headerStart + table.headerRows; i < sheet.rows.length; i++) {
      const cells = sheet.rows[i] ?? [];
      const rowNo = i + 1;
      if (cells.every((c) => isBlank(c))) continue;
      const texts = cells.map((c) => cellText(c));
      const nameCell = cellAt(cells, nameAt);
      const lead = [cellAt(cells, seqAt), nameCell, ...cells].map((c) => cellText(c));
      if (isTotalRow(lead) || isNoteRow(texts) || isColumnNumberRow(cells)) continue;
      if (isBlank(nameCell) && isZeroRow(cells)) continue;
      const sec = sectionPhase(isBlank(nameCell) ? texts : [cellText(cellAt(cells, seqAt)), cellText(nameCell)]);
      if (sec !== undefined) {
        if (sec !== null) section = sec;
        continue;
      }
      const data = readRow(cells, rowNo, table.columns, unit, lookups);
      if (typeof data === 'string') {
        refuse(rowNo, cellText(nameCell), data);
        continue;
      }
      const code = data.fields.projectCode ?? null;
      const key = code ? `code:${code}` : `name:${data.name}`;
      const earlier = seen.get(key) ?? seen.get(`name:${data.name}`);
      if (earlier !== undefined) {
        refuse(rowNo, data.name, `与第${earlier}行是同一项目`);
        continue;
      }
      seen.set(key, rowNo);
      seen.set(`name:${data.name}`, rowNo);
      const existing = (code ? byCode.get(code) : undefined) ?? byName.get(data.name);
      const phase = data.phase ?? section ?? existing?.years.find((y) => y.year === year)?.phase ?? inferPhase(data, existing, year);
      if (phase === null) {
        refuse(rowNo, data.name, '未写明项目性质（续建/新建），不在“续建项目”或“新建项目”分段之下，也没有可推断的开工时间');
        continue;
      }
      const planned = planRow(data, phase, existing, { year, asOf, countyCode: input.regionCode, stamp, userId });
      if (typeof planned === 'string') {
        refuse(rowNo, data.name, planned);
        continue;
      }
      const problems = projectProblems({ ...planned.project, years: mergeYear(existing?.years ?? [], planned.year) }, {
        countyCode: input.regionCode,
        townshipCodes: new Set(townships.map((t) => t.code)),
        // Leaders and units a row names are the county's or are created with the import: checked by LedgerPeople.
        unitIds: new Set(planned.project.unitId ? [planned.project.unitId] : []),
        leaderIds: new Set(planned.project.leaderIds),
      });
      if (problems.length > 0) {
        refuse(rowNo, data.name, problems.map((p) => p.message).join('；'));
        continue;
      }
      plans.push(planned);
      report.rows.push({ row: rowNo, action: planned.action, name: data.name, ...(planned.notes.length > 0 ? { notes: planned.notes } : {}) });
    }
    report.rows.sort((a, b) => a.row - b.row);

    const blocked = report.rejected.length > 0 && !input.skipInvalid;
    const used = new Set(plans.flatMap((p) => p.data.uses));
    if (!blocked) {
      report.new = plans.filter((p) => p.action === 'new').length;
      report.updated = plans.filter((p) => p.action === 'updated').length;
      report.unchanged = plans.filter((p) => p.action === 'unchanged').length;
      report.imported = plans.length;
    }
    // Said even while refused rows block the import: the clerk sees what the corrected file will create.
    report.created = people.planned(used);
    if (blocked || !input.commit) return report;

    await people.write(trx, used, stamp);
    const created = plans.filter((p) => p.action === 'new');
    const changed = plans.filter((p) => p.action === 'updated');
    await insertProjects(trx, created.map((p) => p.project));
    if (!(await updateProjects(trx, changed.map((p) => ({ project: p.project, expectedVersion: p.expectedVersion }))))) {
      throw new AppError('conflict', '导入期间有项目被他人修改，请重新导入');
    }
    const written = [...created, ...changed];
    await replaceProjectLeaders(trx, written.filter((p) => p.leadersChanged).map((p) => ({ projectId: p.project.id, leaderIds: p.project.leaderIds })));
    await upsertYears(trx, written.map((p) => ({ project: p.project, year: p.year })));
    await upsertMonths(trx, written.flatMap((p) => (p.month ? [{ project: p.project, month: p.month }] : [])));
    await insertHistoryChunked(trx, written.flatMap((p) => p.history));
    report.committed = true;
    return report;
  });
}

function cellAt(cells: readonly LedgerCell[], index: number | undefined): LedgerCell {
  return index === undefined ? null : (cells[index] ?? null);
}

function mergeYear(years: readonly ProjectYear[], year: ProjectYear): ProjectYear[] {
  return [...years.filter((y) => y.year !== year.year), year].sort((a, b) => a.year - b.year);
}

/** The phase a list without 续建/新建 implies: started before the ledger's year is 续建; started in it, later or not yet is 新建. */
function inferPhase(data: RowData, existing: StoredProject | undefined, year: number): Phase | null {
  const startedOn = data.fields.startedOn ?? existing?.project.startedOn ?? null;
  if (startedOn) return startedOn < `${year}-01-01` ? 'continuing' : 'newStart';
  return data.started === false ? 'newStart' : null;
}

function industryOf(text: string): string | null {
  const t = text.normalize('NFKC').trim().toUpperCase();
  if (isIndustryCode(t)) return t;
  const code = /^([A-T]|\d{2})\b/.exec(t)?.[1];
  if (code && isIndustryCode(code)) return code;
  return INDUSTRY_SECTIONS.find((s) => s.name === text)?.code ?? INDUSTRY_DIVISIONS.find((d) => d.name === text)?.code ?? null;
}

/** Reads the cells of a data row into project fields; a string is the reason it is refused. */
function readRow(
  cells: readonly LedgerCell[],
  row: number,
  columns: LedgerTable['columns'],
  sheetUnit: MoneyUnit,
  lookups: CountyLookups,
): RowData | string {
  const problems: string[] = [];
  const cell = (key: LedgerColumnKey) => cellAt(cells, columns.get(key)?.index);
  const text = (key: LedgerColumnKey) => cellText(cell(key));
  const take = <T>(r: CellResult<T>): T | null => {
    if (r.ok) return r.value;
    problems.push(r.problem);
    return null;
  };
  const money = (key: LedgerColumnKey, label: string) =>
    columns.has(key) ? take(parseMoney(cell(key), columns.get(key)!.match.unit ?? sheetUnit, label)) : null;

  const name = text('name').replace(/\s+/g, ' ');
  if (!name) return '项目名称为空';
  const fields: RowData['fields'] = { name };
  const put = <K extends keyof RowData['fields']>(key: K, value: RowData['fields'][K] | null | undefined) => {
    if (value !== null && value !== undefined) fields[key] = value;
  };
  const uses: string[] = [];

  if (text('projectCode')) put('projectCode', normaliseProjectCode(text('projectCode')));
  if (text('owner')) put('owner', text('owner'));
  if (text('chain')) put('chain', text('chain'));
  if (text('category')) put('category', text('category'));
  if (text('notes')) put('notes', text('notes'));
  if (text('progressNote')) put('progressNote', text('progressNote'));
  if (text('township')) {
    const t = text('township').replace(/\s+/g, '');
    const found = lookups.townships.find((d) => d.name === t) ?? lookups.townships.find((d) => townshipNameMatches(t, d.name));
    if (found) put('townshipCode', found.code);
    else problems.push(`所在乡镇“${text('township')}”不是本县的乡镇或园区`);
  }
  if (text('industry')) {
    const code = industryOf(text('industry'));
    if (code) put('industryCode', code);
    else problems.push(`所属行业“${text('industry')}”无法识别，应为行业门类或大类的代码或名称`);
  }
  if (text('unit')) {
    const u = lookups.people.unit(text('unit'));
    if (u.ok) {
      put('unitId', u.value);
      uses.push(u.value);
    } else problems.push(u.problem);
  }
  if (text('leader')) {
    const l = lookups.people.leaders(cellText(cell('leader')));
    if (l.ok) {
      put('leaderIds', l.value);
      uses.push(...l.value);
    } else problems.push(l.problem);
  }
  if (text('statsEntry')) {
    const s = statsEntryWord(text('statsEntry'));
    if (s) put('statsEntry', s);
    else problems.push(`是否入库“${text('statsEntry')}”无法识别`);
  }
  if (text('approvalKind')) {
    const a = approvalKindWord(text('approvalKind'));
    if (a) put('approvalKind', a);
    else problems.push(`审批类型“${text('approvalKind')}”无法识别，应为审批、核准或备案`);
  }
  if (text('keyLevel')) {
    const k = keyLevelWord(text('keyLevel').replace(/\s+/g, ''));
    if (k) put('keyLevel', k);
    else problems.push(`层次“${text('keyLevel')}”无法识别，应为省重点、市重点或县重点`);
  }
  let started: boolean | null = null;
  if (text('started')) {
    const y = yesNoWord(text('started').replace(/\s+/g, ''));
    if (y === undefined) problems.push(`是否开工“${text('started')}”无法识别，应为是或否`);
    else started = y;
  }

  let phase: Phase | null = null;
  if (text('phase')) {
    phase = phaseWord(text('phase').replace(/\s+/g, '')) ?? null;
    if (!phase) problems.push(`项目性质“${text('phase')}”无法识别，应为续建、复工、结转、在建、新建或新开工`);
  }
  if (text('constructionType')) {
    const c = readConstructionCell(text('constructionType'));
    if (!c) problems.push(`建设性质“${text('constructionType')}”无法识别`);
    else {
      put('constructionType', c.constructionType);
      // A 项目性质 column wins; 建设性质 names the phase only when nothing else does (the section row comes later).
      if (!columns.has('phase')) phase ??= c.phase;
    }
  }
  let workGoingOn = false;
  if (text('stage')) {
    const s = stageWord(text('stage'));
    if (s) {
      put('stage', s);
      workGoingOn = s === 'underway';
    } else problems.push(`项目状态“${text('stage')}”无法识别，应为前期、已开工、在建、已复工、停工、竣工、已投产等`);
  }
  const dateOf = (key: LedgerColumnKey) => take(parseLedgerDate(cell(key), LEDGER_COLUMNS.find((c) => c.key === key)!.header));
  for (const key of MILESTONES) if (columns.has(key)) put(key, dateOf(key));
  const resumedOn = columns.has('resumedOn') ? dateOf('resumedOn') ?? null : null;
  if (columns.has('landArea')) put('landAreaMu', take(parseNumber(cell('landArea'), '用地面积')));

  const total = money('totalInvestment', '总投资');
  if (total !== null) fields.totalInvestment = total;
  const annualPlan = money('annualPlan', '年度计划投资');
  const completedYtd = money('completedYtd', '累计完成投资');
  const completedSinceStart = money('completedSinceStart', '开工累计完成投资');
  const completedBeforeYear = money('completedBeforeYear', '至上年底累计完成投资');
  if (problems.length > 0) return problems.join('；');
  return { row, name, fields, phase, annualPlan, completedYtd, completedSinceStart, completedBeforeYear, workGoingOn, started, resumedOn, uses };
}

/** What a row does to the stored project it matches (or a new one); a string is why it is refused. */
function planRow(
  data: RowData,
  phase: Phase,
  existing: StoredProject | undefined,
  o: { year: number; asOf: Month | null; countyCode: string; stamp: string; userId: string | null },
): Planned | string {
  if (!existing && data.fields.totalInvestment === undefined) return '总投资为空';
  const base: Project = existing?.project ?? {
    id: newId(), regionCode: o.countyCode, name: data.name, projectCode: null, approvalKind: null, owner: null, townshipCode: null,
    industryCode: null, chain: null, constructionType: null, category: null, stage: 'preparing', signedOn: null, landSuppliedOn: null,
    permitOn: null, startedOn: null, suspendedOn: null, completedOn: null, operatingOn: null, totalInvestment: 0, completedBefore: 0,
    statsEntry: 'none', leaderIds: [], unitId: null, keyLevel: null, progressNote: null, landAreaMu: null, notes: null,
    createdAt: o.stamp, updatedAt: o.stamp, version: 1,
  };
  const after: Project = { ...base, ...data.fields };
  const notes: string[] = [];
  // The day by which 是否开工 speaks: the end of the as-of month, else of the ledger's year.
  const asOfEnd: Day = o.asOf ? lastDayOfMonth(o.asOf) : `${o.year}-12-31`;
  if (data.started === false && phase !== 'continuing' && data.fields.startedOn && data.fields.startedOn <= asOfEnd) {
    return `是否开工为“否”，开工时间却是${data.fields.startedOn}`;
  }
  const willStart = data.started === true || (data.started === null && (after.startedOn !== null || phase === 'continuing'));
  if (!existing && data.fields.stage === undefined) after.stage = willStart ? 'underway' : 'preparing';

  // The as-of month's row holds the year-to-date figure less the earlier months of the year.
  const months = existing?.months ?? [];
  let month: MonthlyCompletion | null = null;
  if (data.completedYtd !== null && o.asOf !== null) {
    const earlier = figureBase(o.asOf, base.completedBefore, months).earlier;
    if (data.completedYtd < earlier) return `累计完成投资小于本年此前各月已报的合计（${earlier}元）`;
    month = { month: o.asOf, completed: data.completedYtd - earlier, enteredAs: 'ytd' };
  }
  const monthsAfter = month ? [...months.filter((m) => m.month !== month!.month), month] : months;
  if (data.completedSinceStart !== null) {
    const tracked = monthsAfter.reduce((s, m) => s + m.completed, 0);
    if (data.completedSinceStart < tracked) return `开工累计完成投资小于已按月记录的完成投资合计（${tracked}元）`;
    after.completedBefore = data.completedSinceStart - tracked;
  } else if (data.completedBeforeYear !== null) {
    const trackedBefore = monthsAfter.filter((m) => monthYear(m.month) < o.year).reduce((s, m) => s + m.completed, 0);
    if (data.completedBeforeYear < trackedBefore) return `至上年底累计完成投资小于已按月记录的以前年度完成投资合计（${trackedBefore}元）`;
    after.completedBefore = data.completedBeforeYear - trackedBefore;
  }

  // A day the ledger implies but does not write: the first month of the year with reported investment, else the as-of month.
  const impliedDay = (): Day => {
    const reported = monthsAfter.filter((m) => monthYear(m.month) === o.year && m.completed > 0).map((m) => m.month).sort()[0];
    return `${reported ?? o.asOf ?? makeMonth(o.year, 1)}-01`;
  };
  const storedYear = existing?.years.find((y) => y.year === o.year);
  let resumedOn: Day | null = data.resumedOn ?? storedYear?.resumedOn ?? null;
  if (phase === 'continuing' && (data.workGoingOn || data.started === true) && resumedOn === null) {
    resumedOn = impliedDay();
    if (data.started === true && !data.workGoingOn) notes.push(`复工时间未填，按“是否开工：是”记为${resumedOn}`);
  }
  if (phase !== 'continuing' && data.started === true && after.startedOn === null) {
    after.startedOn = impliedDay();
    notes.push(`开工时间未填，按“是否开工：是”记为${after.startedOn}`);
  }
  const year: ProjectYear = { year: o.year, phase, annualPlan: data.annualPlan ?? storedYear?.annualPlan ?? 0, resumedOn };
  const leadersChanged = data.fields.leaderIds !== undefined && data.fields.leaderIds.join() !== base.leaderIds.join();

  if (!existing) {
    return {
      data, action: 'new', project: after, expectedVersion: 0, year, month, leadersChanged: after.leaderIds.length > 0, notes,
      history: [createdEntry(after, o.userId, o.stamp)],
    };
  }
  const history = diffProject({ ...base, years: existing.years }, { ...after, years: mergeYear(existing.years, year) }, o.userId, o.stamp);
  const storedMonth = month ? months.find((m) => m.month === month!.month) : undefined;
  // Only the amount matters: a ledger that repeats what was reported month by month (or a zero for a month never
  // reported) changes nothing, and the stored entry keeps how it was first entered.
  const monthChanged = month !== null && (storedMonth?.completed ?? 0) !== month.completed;
  if (month && monthChanged) {
    history.push(historyEntry(base.id, { kind: 'month', month: month.month }, storedMonth?.completed ?? null, month.completed, o.userId, o.stamp));
  }
  if (history.length === 0) return { data, action: 'unchanged', project: base, expectedVersion: base.version, year, month: null, history, leadersChanged: false, notes };
  const yearChanged = history.some((h) => parseHistoryField(h.field)?.kind === 'year');
  const fieldsChanged = history.some((h) => parseHistoryField(h.field)?.kind === 'field');
  return {
    data,
    action: 'updated',
    project: fieldsChanged || yearChanged || monthChanged ? { ...after, updatedAt: o.stamp, version: base.version + 1 } : after,
    expectedVersion: base.version,
    year,
    month: monthChanged ? month : null,
    history,
    leadersChanged,
    notes,
  };
}

/** The largest file accepted, for edges that refuse oversized uploads before reading them. */
export { LEDGER_MAX_BYTES } from '../io/ledger-reader.ts';
