// Exporting the ledger as a county prints it, and the empty template with its 填表说明: the columns of ledger-columns.ts, in 万元.

import { z } from 'zod';
import { coversRegion, type Actor } from '../domain/access.ts';
import { invalidInput, notFound } from '../domain/errors.ts';
import { industryName, listIndustryDivisions, listIndustrySections } from '../domain/industry.ts';
import { columnHeader, LEDGER_COLUMNS, type LedgerColumn, type LedgerColumnKey, type LedgerValueKind } from '../domain/ledger/ledger-columns.ts';
import { sumYuan, YUAN_PER_WAN, type Yuan } from '../domain/money.ts';
import { isMonth, lastDayOfMonth, monthNumber, monthYear, ytdLabel, type Day, type Month } from '../domain/months.ts';
import {
  APPROVAL_KIND_LABELS,
  CONSTRUCTION_TYPE_LABELS,
  KEY_LEVEL_LABELS,
  PHASE_LABELS,
  STATS_ENTRY_LABELS,
  startedForLedger,
  type Phase,
  type Stage,
} from '../domain/project/project.ts';
import { countyLabels, isRegionCode } from '../domain/region.ts';
import { parseInput } from '../domain/validation.ts';
import { ledgerRowsById, ledgerSectionIds, ledgerSectionSums, type LedgerExportRow, type LedgerFilter, type LedgerSectionSums } from '../db/repositories/project.repository.ts';
import { childRegions, findRegion, listCounties, listCountiesWithCities, listLeaders, listUnits } from '../db/repositories/region.repository.ts';
import type { Db } from '../db/transaction.ts';
import {
  columnLetter,
  streamLedgerWorkbook,
  writeLedgerWorkbook,
  type LedgerCell,
  type LedgerOutput,
  type LedgerWriterColumn,
  type LedgerWriterRow,
  type LedgerWriterSheet,
} from '../io/ledger-writer.ts';
import { ledgerQuery, ProjectListInputSchema } from './list-projects.ts';

/** The filters of the ledger view, and whether to add the 储备 section after 续建 and 新建. */
export const LedgerExportInputSchema = ProjectListInputSchema.pick({
  region: true,
  asOf: true,
  q: true,
  phase: true,
  stage: true,
  township: true,
  chain: true,
  unit: true,
  leader: true,
}).extend({ includeReserve: z.boolean().default(false) });
export type LedgerExportInput = z.input<typeof LedgerExportInputSchema>;

export interface LedgerFile {
  buffer: Buffer;
  filename: string;
  /** Project rows written (section and total rows not counted). */
  rows: number;
}

/**
 * A ledger ready to be written: its refusals made, its file name, row count and sums known before a byte is written, so
 * an edge can name the download first and stream the workbook after. Its projects are read page by page while it is
 * written, so the database must stay open until `writeTo` has finished.
 */
export interface PreparedLedger {
  filename: string;
  /** Project rows (section and total rows not counted). */
  rows: number;
  /** Streams the workbook to a file path (complete or not at all) or a writable stream. */
  writeTo(out: LedgerOutput): Promise<void>;
}

const MONEY_FORMAT = '#,##0.00';

/**
 * Stage words a county writes and the importer reads back. They differ from the screen's labels (谋划储备, 投产)
 * where a ledger says it shorter or in the past tense.
 */
export const LEDGER_STAGE_WORDS: Record<Stage, string> = {
  planned: '谋划',
  preparing: '前期',
  signed: '签约',
  underway: '在建',
  completed: '竣工',
  operating: '已投产',
  suspended: '停工',
  cancelled: '撤销',
};

const SECTION_NUMERALS = ['一', '二', '三', '四', '五'];

/** The order sections print in; projects without a phase that year come last (only when a filter asks for them). */
const SECTION_ORDER: readonly (Phase | null)[] = ['continuing', 'newStart', 'reserve', null];

// A 门类 and a 大类 can share a name (教育 is P and 83): such a code is written as the code, so it reads back as itself.
const INDUSTRY_NAME_COUNT = new Map<string, number>();
for (const { name } of [...listIndustrySections(), ...listIndustryDivisions()]) INDUSTRY_NAME_COUNT.set(name, (INDUSTRY_NAME_COUNT.get(name) ?? 0) + 1);

/** The industry as a ledger writes it: its name, or its code when the name is ambiguous or unknown. */
function industryCell(code: string): string {
  const name = industryName(code);
  return name && INDUSTRY_NAME_COUNT.get(name) === 1 ? name : code;
}

function wan(yuan: Yuan | null): number | null {
  return yuan === null ? null : yuan / YUAN_PER_WAN;
}

function writerColumn(column: LedgerColumn, year: number, period: string): LedgerWriterColumn {
  const money = column.kind === 'money';
  return {
    header: columnHeader(column, year, period),
    // The unit goes with the group that holds the money columns: 投资情况（万元）.
    group: column.group && (money ? `${column.group}（万元）` : column.group),
    width: column.width,
    numFmt: money || column.kind === 'area' ? MONEY_FORMAT : undefined,
    align: column.kind === 'sequence' || column.kind === 'date' || column.kind === 'phase' || column.kind === 'stage' ? 'center' : undefined,
  };
}

function ledgerSheet(title: string, asOf: Month, rows: LedgerWriterSheet['rows']): LedgerWriterSheet {
  const year = monthYear(asOf);
  return {
    sheetName: `${year}年台账`,
    title,
    unitLine: `单位：万元    截至${year}年${monthNumber(asOf)}月`,
    columns: LEDGER_COLUMNS.map((c) => writerColumn(c, year, ytdLabel(asOf))),
    rows,
    labelSpan: 2,
    frozenColumns: 2,
  };
}

interface Names {
  township: Map<string, string>;
  unit: Map<string, string>;
  leader: Map<string, string>;
}

function projectCells(seq: number, row: LedgerExportRow, sinceStart: Yuan, names: Names, endDay: Day): Record<LedgerColumnKey, LedgerCell> {
  const p = row.project;
  return {
    seq,
    name: p.name,
    projectCode: p.projectCode,
    owner: p.owner,
    township: p.townshipCode && (names.township.get(p.townshipCode) ?? p.townshipCode),
    industry: p.industryCode && industryCell(p.industryCode),
    chain: p.chain,
    phase: row.phase && PHASE_LABELS[row.phase],
    constructionType: p.constructionType && CONSTRUCTION_TYPE_LABELS[p.constructionType],
    category: p.category,
    stage: LEDGER_STAGE_WORDS[p.stage],
    totalInvestment: wan(p.totalInvestment),
    annualPlan: wan(row.annualPlan),
    completedYtd: wan(row.completedYtd),
    completedSinceStart: wan(sinceStart),
    // Everything up to the as-of month less the year's part of it: what was done by the end of last year.
    completedBeforeYear: wan(sinceStart - row.completedYtd),
    started: startedForLedger(row.phase, p.startedOn, row.resumedOn, endDay) ? '是' : '否',
    keyLevel: p.keyLevel && KEY_LEVEL_LABELS[p.keyLevel],
    progressNote: p.progressNote,
    signedOn: p.signedOn,
    landSuppliedOn: p.landSuppliedOn,
    permitOn: p.permitOn,
    startedOn: p.startedOn,
    resumedOn: row.resumedOn,
    suspendedOn: p.suspendedOn,
    completedOn: p.completedOn,
    operatingOn: p.operatingOn,
    statsEntry: STATS_ENTRY_LABELS[p.statsEntry],
    approvalKind: p.approvalKind && APPROVAL_KIND_LABELS[p.approvalKind],
    // Several leaders are written as people write them: 王志强、许波.
    leader: p.leaderIds.map((id) => names.leader.get(id)).filter(Boolean).join('、') || null,
    unit: p.unitId && (names.unit.get(p.unitId) ?? null),
    landArea: p.landAreaMu,
    notes: p.notes,
  };
}

type Sums = Omit<LedgerSectionSums, 'phase'>;

/** A section or total row: its label over 序号 and 项目名称, its sums in the money columns, computed here (no formulas). */
function sumRow(kind: 'section' | 'total', label: string, s: Sums): LedgerWriterRow {
  const cells: Partial<Record<LedgerColumnKey, LedgerCell>> = {
    seq: label,
    totalInvestment: wan(s.totalInvestment),
    annualPlan: wan(s.annualPlan),
    completedYtd: wan(s.completedYtd),
    completedSinceStart: wan(s.completedSinceStart),
    completedBeforeYear: wan(s.completedSinceStart - s.completedYtd),
  };
  return { kind, cells: LEDGER_COLUMNS.map((c) => cells[c.key] ?? null) };
}

function addSums(a: Sums, b: Sums): Sums {
  return {
    count: a.count + b.count,
    totalInvestment: sumYuan([a.totalInvestment, b.totalInvestment]),
    annualPlan: sumYuan([a.annualPlan, b.annualPlan]),
    completedYtd: sumYuan([a.completedYtd, b.completedYtd]),
    completedSinceStart: sumYuan([a.completedSinceStart, b.completedSinceStart]),
  };
}

/**
 * The ledger of a region as of a month, as an .xlsx a county prints: title, unit line, two-row header, 合计, then
 * one section per phase (一、续建项目（86个）…) carrying its subtotal, then its projects numbered from 1.
 * Filters and scope are the ledger view's: a reporter gets its own unit's projects whatever it asks for.
 * Money is in 万元, written as numbers (never formulas), so every reader shows the same figures.
 * @example exportLedger(db, { region: '140423', asOf: '2021-05' }, actor) // 襄垣县2021年重点项目建设台账（截至5月）.xlsx
 */
export async function exportLedger(db: Db, input: LedgerExportInput, actor: Actor): Promise<LedgerFile> {
  const { sheet, filename, rows } = await ledgerLayout(db, input, actor);
  return { buffer: await writeLedgerWorkbook(sheet), filename, rows };
}

/**
 * The ledger of {@link exportLedger}, read and laid out but not yet written: what the command line streams to its
 * file and the API to its response. Every refusal (scope, an unknown region) happens here, before any output.
 * @example const ledger = await prepareLedgerExport(db, { region: '140423', asOf: '2021-05' }, actor); await ledger.writeTo('台账.xlsx')
 */
export async function prepareLedgerExport(db: Db, input: LedgerExportInput, actor: Actor): Promise<PreparedLedger> {
  const { sheet, filename, rows } = await ledgerLayout(db, input, actor);
  return { filename, rows, writeTo: (out) => streamLedgerWorkbook(out, sheet) };
}

/** Projects read per query while a ledger is written: the memory an export holds does not grow with the ledger. */
export const LEDGER_PAGE_ROWS = 1_000;

/** Township, unit and leader names of the counties a ledger's rows belong to, read once for each county as its first row comes. */
async function addNames(db: Db, names: Names, loaded: Set<string>, rows: readonly LedgerExportRow[]): Promise<void> {
  const counties = [...new Set(rows.map((r) => r.project.regionCode))].filter((code) => !loaded.has(code));
  const perCounty = await Promise.all(counties.map((code) => Promise.all([childRegions(db, code), listUnits(db, code), listLeaders(db, code)])));
  for (const [townships, units, leaders] of perCounty) {
    for (const t of townships) names.township.set(t.code, t.name);
    for (const u of units) names.unit.set(u.id, u.name);
    for (const l of leaders) names.leader.set(l.id, l.name);
  }
  for (const code of counties) loaded.add(code);
}

/**
 * The ledger as layout and rows, before it becomes a workbook: what {@link exportLedger} writes. The sums come first,
 * from the database; as the writer takes the sheet's rows, each section's ids are read in order, then its projects a
 * page at a time (`pageRows` a query), each time the sheet is written. Every read is its own short query, so other
 * requests run between them; an edit made meanwhile may show in the rows but not in the sums read before them.
 */
export async function ledgerLayout(
  db: Db,
  input: LedgerExportInput,
  actor: Actor,
  pageRows = LEDGER_PAGE_ROWS,
): Promise<{ sheet: LedgerWriterSheet; filename: string; rows: number }> {
  const q = parseInput(LedgerExportInputSchema, input);
  const list = ProjectListInputSchema.parse({ ...q, pageSize: 1 });
  const { sort: _sort, order: _order, ...base } = ledgerQuery(list, actor);
  const region = await findRegion(db, q.region);
  if (!region) throw notFound(`地区 ${q.region}`);

  // 储备 projects are outside the year's pool: asked for, their section comes from the same filters beyond the pool.
  const reserve: LedgerFilter | null = q.includeReserve && !q.phase ? { ...base, phase: 'reserve', poolOnly: false } : null;
  const filterOf = (phase: Phase | null): LedgerFilter => (phase === 'reserve' && reserve ? reserve : base);
  const [pooled, reserved] = await Promise.all([ledgerSectionSums(db, base), reserve ? ledgerSectionSums(db, reserve) : []]);
  const sections = SECTION_ORDER.flatMap((phase) => {
    const found = (phase === 'reserve' && reserve ? reserved : pooled).find((s) => s.phase === phase);
    return found && found.count > 0 ? [found] : [];
  });
  const total = sections.reduce<Sums>(addSums, { count: 0, totalInvestment: 0, annualPlan: 0, completedYtd: 0, completedSinceStart: 0 });

  const year = monthYear(q.asOf);
  const endDay = lastDayOfMonth(q.asOf);
  async function* rows(): AsyncGenerator<LedgerWriterRow> {
    yield sumRow('total', '合计', total);
    // A city or province ledger spans several counties: names come from each county the rows belong to.
    const names: Names = { township: new Map(), unit: new Map(), leader: new Map() };
    const loaded = new Set<string>();
    for (const [numeral, s] of sections.entries()) {
      const label = s.phase ? `${PHASE_LABELS[s.phase]}项目` : `未列入${year}年计划的项目`;
      yield sumRow('section', `${SECTION_NUMERALS[numeral]}、${label}（${s.count}个）`, s);
      const ids = await ledgerSectionIds(db, filterOf(s.phase), s.phase);
      let seq = 0;
      for (let i = 0; i < ids.length; i += pageRows) {
        const page = await ledgerRowsById(db, ids.slice(i, i + pageRows), year, q.asOf);
        await addNames(db, names, loaded, page);
        for (const row of page) {
          const cells = projectCells((seq += 1), row, sumYuan([row.project.completedBefore, row.completedThrough]), names, endDay);
          yield { kind: 'data', cells: LEDGER_COLUMNS.map((c) => cells[c.key]) };
        }
      }
    }
  }

  const title = `${region.name}${year}年重点项目建设台账`;
  // Each writing of the sheet reads its rows afresh.
  const sheet = ledgerSheet(title, q.asOf, { [Symbol.asyncIterator]: rows });
  return { sheet, filename: `${title}（截至${monthNumber(q.asOf)}月）.xlsx`, rows: total.count };
}

/** The 责任单位 and 包联领导 filters as a clerk types them: names (or ids), within the region exported. */
export const LedgerFilterNamesSchema = z.object({
  region: ProjectListInputSchema.shape.region,
  unit: z.string().trim().min(1).max(64).optional(),
  leader: z.string().trim().min(1).max(64).optional(),
});
export type LedgerFilterNames = z.input<typeof LedgerFilterNamesSchema>;

/** Names compared as typed: full-width forms folded, spaces ignored. */
function nameKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

interface Named {
  id: string;
  name: string;
  regionCode: string;
}

/**
 * The one unit or leader a typed value names: its id, else the exact name (with or without its county in front), else
 * the only name containing it (or contained in it, as the importer reads 责任单位 cells). Refuses an unknown or ambiguous value, naming it.
 */
function pickNamed(items: readonly Named[], text: string, field: 'unit' | 'leader', countyNames: ReadonlyMap<string, string>, where: string): string {
  const byId = items.find((i) => i.id === text);
  if (byId) return byId.id;
  const what = field === 'unit' ? '责任单位' : '包联领导';
  const refuse = (message: string): never => {
    throw invalidInput([{ field, message }], message);
  };
  const key = nameKey(text);
  // A unit may be written with its county in front (平顺县发展和改革局), which is how a city tells them apart.
  const exact = items.filter((i) => nameKey(i.name) === key || nameKey(`${countyNames.get(i.regionCode) ?? ''}${i.name}`) === key);
  // The same name in several counties of a city or province ledger: only the county tells them apart.
  if (exact.length > 1) {
    const counties = exact.map((i) => countyNames.get(i.regionCode) ?? i.regionCode);
    refuse(`${what}“${text}”在${counties.join('、')}都有，请写上县名（如“${counties[0]}${exact[0]!.name}”），或只导出其中一个县`);
  }
  const found = exact.length === 1 ? exact : items.filter((i) => nameKey(i.name).includes(key) || key.includes(nameKey(i.name)));
  if (found.length === 1) return found[0]!.id;
  if (found.length === 0) refuse(`${where}没有名为“${text}”的${what}`);
  const named = (i: Named) => (countyNames.size > 1 ? `${countyNames.get(i.regionCode) ?? i.regionCode}${i.name}` : i.name);
  const listed = found.slice(0, 6).map(named);
  return refuse(`“${text}”可以指${found.length}个${what}：${listed.join('、')}${found.length > listed.length ? '等' : ''}，请写出全名`);
}

/**
 * Turns the 责任单位 and 包联领导 a clerk names (古韩镇人民政府, 李宏伟) into the ids the ledger filters by, looking in the
 * counties of the region exported. An id is taken as it is. A value that names nothing, or more than one, is refused
 * with the value in the message.
 * @example await ledgerFilterIds(db, { region: '140423', unit: '古韩镇人民政府' }) // { unit: '<its id>' }
 */
export async function ledgerFilterIds(db: Db, input: LedgerFilterNames): Promise<{ unit?: string; leader?: string }> {
  const q = parseInput(LedgerFilterNamesSchema, input);
  if (q.unit === undefined && q.leader === undefined) return {};
  if (!isRegionCode(q.region)) throw invalidInput([{ field: 'region', message: `“${q.region}”不是有效的区划代码` }]);
  const counties = await listCountiesWithCities(db, q.region);
  const countyNames = countyLabels(q.region, counties);
  const where = counties.length === 1 ? counties[0]!.name : ((await findRegion(db, q.region))?.name ?? q.region);
  const out: { unit?: string; leader?: string } = {};
  if (q.unit !== undefined) {
    const units = (await Promise.all(counties.map((c) => listUnits(db, c.code)))).flat();
    out.unit = pickNamed(units, q.unit, 'unit', countyNames, where);
  }
  if (q.leader !== undefined) {
    const leaders = (await Promise.all(counties.map((c) => listLeaders(db, c.code)))).flat();
    out.leader = pickNamed(leaders, q.leader, 'leader', countyNames, where);
  }
  return out;
}

export const LedgerTemplateInputSchema = z.object({
  asOf: z.string().refine(isMonth, '应为 YYYY-MM'),
  /** The county's name for the title; a blank to fill in without it. */
  regionName: z.string().trim().max(50).optional(),
});
export type LedgerTemplateInput = z.input<typeof LedgerTemplateInputSchema>;

const KIND_WORDS: Record<LedgerValueKind, string> = {
  text: '文字',
  money: '金额（万元，两位小数）',
  date: '日期',
  area: '面积（亩）',
  phase: '续建 / 新建 / 储备',
  constructionType: Object.values(CONSTRUCTION_TYPE_LABELS).join(' / '),
  stage: Object.values(LEDGER_STAGE_WORDS).join(' / '),
  statsEntry: Object.values(STATS_ENTRY_LABELS).join(' / '),
  approvalKind: Object.values(APPROVAL_KIND_LABELS).join(' / '),
  township: '本县乡镇或园区名称',
  unit: '责任单位名称',
  leader: '领导姓名，几位用顿号分开',
  yesNo: '是 / 否',
  keyLevel: Object.values(KEY_LEVEL_LABELS).join(' / '),
  industry: '行业名称或代码',
  sequence: '序号',
};

const EXAMPLES: Record<LedgerColumnKey, string> = {
  seq: '1',
  name: '年产30万吨甲醇综合利用项目',
  projectCode: '2103-140423-04-01-523618',
  owner: '山西某某新材料有限公司',
  township: '古韩镇',
  industry: '化学原料和化学制品制造业',
  chain: '精细化工',
  phase: '续建',
  constructionType: '新建',
  category: '产业项目',
  stage: '在建',
  totalInvestment: '52000.00',
  annualPlan: '15000.00',
  completedYtd: '6200.00',
  completedSinceStart: '30500.00',
  completedBeforeYear: '24300.00',
  signedOn: '2020-03-15',
  landSuppliedOn: '2020-06-30',
  permitOn: '2020-08-10',
  startedOn: '2020-09-01',
  resumedOn: '2022-03-01',
  suspendedOn: '',
  completedOn: '2022-06-30',
  operatingOn: '2022-10-01',
  started: '是',
  statsEntry: '已入库',
  approvalKind: '备案',
  keyLevel: '市重点',
  progressNote: '主体结构完成，设备进场安装',
  leader: '王志强、许波',
  unit: '古韩镇人民政府',
  landArea: '120',
  notes: '可空',
};

/**
 * An empty ledger with the canonical header block, and a second sheet 填表说明 explaining each column with an example,
 * for a county that starts its ledger in tiaodu's shape.
 */
export async function ledgerTemplate(input: LedgerTemplateInput): Promise<{ buffer: Buffer; filename: string }> {
  const q = parseInput(LedgerTemplateInputSchema, input);
  const year = monthYear(q.asOf);
  const period = ytdLabel(q.asOf);
  const title = `${q.regionName || '____县'}${year}年重点项目建设台账`;
  const notes = {
    sheetName: '填表说明',
    columns: [
      { header: '列', width: 6 },
      { header: '表头', width: 20 },
      { header: '填写内容', width: 36 },
      { header: '说明', width: 60 },
      { header: '示例', width: 30 },
    ],
    rows: LEDGER_COLUMNS.map((c, i): string[] => [
      columnLetter(i + 1),
      c.group ? `${c.group} / ${columnHeader(c, year, period)}` : columnHeader(c, year, period),
      KIND_WORDS[c.kind],
      c.help,
      EXAMPLES[c.key],
    ]),
  };
  notes.rows.push(
    ['', '分段行', '一、续建项目（86个）', '“一、续建项目”“二、新建项目”“三、储备项目”这样的行给出其下各项目的项目性质；行中金额是该段小计', ''],
    ['', '合计行', '合计', '表头下第一行，金额是全部项目之和；分段行和合计行导入时不作为项目', ''],
    ['', '金额单位', '单位：万元', '金额默认万元；表上方写明“单位：亿元”时按亿元', ''],
    ['', '公式符号', '', '以 = + - @ 开头的文字导出时前加一个半角单引号，防止被当作公式；导入时去掉', ''],
  );
  const buffer = await writeLedgerWorkbook(ledgerSheet(title, q.asOf, []), [notes]);
  return { buffer, filename: `重点项目建设台账模板（${year}年）.xlsx` };
}

/**
 * The template for a signed-in person, titled with their county: the one county their scope holds. A city or
 * province account over several counties gets the blank (____县) that each county fills in.
 */
export async function ledgerTemplateFor(db: Db, input: Omit<LedgerTemplateInput, 'regionName'>, actor: Actor): Promise<{ buffer: Buffer; filename: string }> {
  const counties = (await listCounties(db)).filter((c) => coversRegion(actor, c.code));
  return ledgerTemplate({ ...input, regionName: counties.length === 1 ? counties[0]!.name : undefined });
}
